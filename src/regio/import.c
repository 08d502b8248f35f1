/*
 * import.c -- the register import; see import.h.
 *
 * Per row: the cells of the template's columns are normalised into
 * scratch strings (normalise()), checked with the model's validators
 * (check_row()), tested for duplicates against the rows seen so far (three
 * hash sets of 64-bit keys) and the register (three indexed queries), and,
 * when writing, queued (write_row()) and written with its batch (flush():
 * multi-row INSERTs; bulk mode for a large load into empty schools, see
 * enter_bulk()).  Problems are mapped from the model's field names back to
 * the file's columns.
 *
 * flush() has its own INSERTs rather than the register's row functions
 * (register/register_db.h): those refresh the child's school after every
 * enrolment, which a bulk load does not need (the school is the row's).
 * Keep them in step with migration 0004 when it changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/audit.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "io/sheet.h"
#include "register/circumstance.h"
#include "register/disability.h"
#include "register/enrolment.h"
#include "register/namefold.h"
#include "register/register_db.h"
#include "regio/import.h"
#include "regstat/regstat.h"
#include "units/unit.h"

#define KEY_MAX	64	/* a folded code or word we compare */

/* A set of 64-bit hashes with the row that first had each. */
struct hset {
	uint64_t	*h;
	uint32_t	*row;
	size_t		 cap, n;
};

/* One row as checked, ready to write. */
struct rowdata {
	struct child		 child;
	struct guardian		 g[3];
	size_t			 ng;
	struct enrolment	 enr;
	bool			 has_dis;
	struct disability	 dis;
	struct circumstance	 circ[CIRC_GROUPS];
	size_t			 ncirc;
	int64_t			 school_id;
	int64_t			 child_id, enr_id;	/* when written */
};

#define WRITE_BATCH	64	/* children per INSERT (see flush()) */
#define BULK_MIN	20000	/* children written before bulk mode */

/* Folded names of a code table, for lists that write names. */
struct folded {
	const struct reg_code	*tab;
	int			 n;
	char			 vi[16][KEY_MAX];
	char			 en[16][KEY_MAX];
};

struct regio_state {
	struct hset		 pid, learner, name;
	struct rowdata		*rd;		/* the row checked: batch[nbatch] */
	struct form_errors	 errs;
	struct folded		 status, reason, household, dkind, dedu;
	/* The last school code looked up. */
	char			 last_code[64];
	int64_t			 last_school;
	enum unit_kind		 last_kind;
	bool			 last_ok;
	int64_t			 now;
	bool			 in_tx;
	/* What the register held when the import began: lookups that
	 * cannot find anything are skipped (the file's own rows are in the
	 * hash sets). */
	bool			 any_pid, any_learner;
	int64_t			*empty_schools;		/* sorted */
	size_t			 nempty;
	/* The rows waiting to be written, and the next ids. */
	struct rowdata		 batch[WRITE_BATCH];
	size_t			 nbatch, batch_max;
	struct {
		const struct rowdata	*rd;
		size_t			 g;
	}			 gq[WRITE_BATCH * 3];
	int64_t			 next_child, next_enr;
	/* Bulk mode (see enter_bulk()). */
	bool			 scope_empty;
	int64_t			 bulk_after;	/* children; 0 never */
	int64_t			 first_child;
	bool			 bulk;
	struct db_saved_indexes	 saved;
};

/* --- small helpers -------------------------------------------------------- */

static uint64_t
hash(const char *a, const char *b, const char *c)
{
	uint64_t h = 1469598103934665603ULL;
	const char *parts[3] = { a, b, c };
	int i;

	for (i = 0; i < 3; i++) {
		const unsigned char *p = (const unsigned char *)parts[i];

		for (; p != NULL && *p; p++) {
			h ^= *p;
			h *= 1099511628211ULL;
		}
		h ^= 0xff;
		h *= 1099511628211ULL;
	}
	return h | 1;	/* never 0: 0 marks an empty slot */
}

/* The row that had h already, or 0 after adding h for row. */
static size_t
hset_add(struct hset *s, uint64_t h, size_t row)
{
	size_t i, mask;

	if (2 * (s->n + 1) > s->cap) {
		struct hset big = { NULL, NULL, s->cap ? s->cap * 2 : 1024, 0 };

		big.h = xcalloc(big.cap, sizeof(*big.h));
		big.row = xcalloc(big.cap, sizeof(*big.row));
		for (i = 0; i < s->cap; i++)
			if (s->h[i] != 0)
				(void)hset_add(&big, s->h[i], s->row[i]);
		free(s->h);
		free(s->row);
		*s = big;
	}
	mask = s->cap - 1;
	for (i = (size_t)h & mask; s->h[i] != 0; i = (i + 1) & mask)
		if (s->h[i] == h)
			return s->row[i];
	s->h[i] = h;
	s->row[i] = (uint32_t)row;
	s->n++;
	return 0;
}

static void
hset_free(struct hset *s)
{
	free(s->h);
	free(s->row);
}

static void
fold_table(struct folded *f, const struct reg_code *tab, int n)
{
	int i;

	f->tab = tab;
	f->n = n;
	for (i = 0; i < n && i < 16; i++) {
		namefold(tab[i].vi, f->vi[i], KEY_MAX);
		namefold(tab[i].en, f->en[i], KEY_MAX);
	}
}

/*
 * The code of raw in a table, matched by code, Vietnamese or English name
 * (folded), a synonym, or a word the Vietnamese name contains; NULL if
 * none (the validator then says the value is not allowed).
 */
static const char *
match_code(const struct folded *f, const char *raw,
    const char *const (*syn)[2])
{
	char key[NAMEFOLD_MAX];
	int i;

	if (str_empty(raw))
		return NULL;
	if (reg_code_find(f->tab, f->n, raw) >= 0)
		return raw;
	if (namefold(raw, key, sizeof(key)) == 0)
		return NULL;
	for (i = 0; i < f->n; i++)
		if (strcmp(key, f->vi[i]) == 0 || strcmp(key, f->en[i]) == 0)
			return f->tab[i].code;
	for (; syn != NULL && (*syn)[0] != NULL; syn++)
		if (strcmp(key, (*syn)[0]) == 0)
			return (*syn)[1];
	if (strlen(key) >= 3)
		for (i = 0; i < f->n; i++)
			if (strstr(f->vi[i], key) != NULL)
				return f->tab[i].code;
	return NULL;
}

static const char *const status_syn[][2] = {
	{ "dang hoc", "studying" }, { "len lop", "promoted" },
	{ "luu ban", "repeated" }, { "o lai lop", "repeated" },
	{ "hoan thanh", "completed" }, { "tot nghiep", "completed" },
	{ "hoan thanh chuong trinh", "completed" },
	{ "chuyen den", "transferred_in" }, { "chuyen di", "transferred_out" },
	{ "bo hoc", "dropped_out" }, { "nghi hoc", "dropped_out" },
	{ NULL, NULL }
};
static const char *const household_syn[][2] = {
	{ "ngheo", "poor" }, { "can ngheo", "near_poor" },
	{ "khong", "none" }, { "binh thuong", "none" }, { NULL, NULL }
};
static const char *const dkind_syn[][2] = {
	{ "co", "other" }, { "x", "other" }, { "khuyet tat", "other" },
	{ "nghe", "hearing_speech" }, { "noi", "hearing_speech" },
	{ "tam than", "mental" }, { "than kinh", "mental" },
	{ NULL, NULL }
};
static const char *const dedu_syn[][2] = {
	{ "hoa nhap", "inclusive" }, { "chuyen biet", "special" },
	{ "chua", "none" }, { "khong", "none" }, { NULL, NULL }
};

bool
regio_date(const char *raw, char out[11])
{
	int a = 0, b = 0, c = 0, na = 0, nb = 0, nc = 0;
	const char *p = raw;
	char sep, tmp[40];

	if (raw == NULL)
		return false;
	while (*p == ' ')
		p++;
	for (; *p >= '0' && *p <= '9' && na < 5; p++, na++)
		a = a * 10 + (*p - '0');
	if (*p != '/' && *p != '-' && *p != '.')
		return false;
	sep = *p++;
	for (; *p >= '0' && *p <= '9' && nb < 3; p++, nb++)
		b = b * 10 + (*p - '0');
	if (*p++ != sep)
		return false;
	for (; *p >= '0' && *p <= '9' && nc < 5; p++, nc++)
		c = c * 10 + (*p - '0');
	while (*p == ' ')
		p++;
	if (*p != '\0' || na == 0 || nb == 0 || nc == 0)
		return false;
	if (na == 4 && nc <= 2)		/* yyyy-mm-dd, yyyy/mm/dd */
		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", a, b, c);
	else if (nc == 4 && na <= 2)	/* dd/mm/yyyy */
		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", c, b, a);
	else
		return false;
	if (strlen(tmp) != 10 || !str_is_date(tmp))
		return false;
	memcpy(out, tmp, 11);
	return true;
}

/* Only the digits of s (spaces, dots, dashes dropped) into out. */
static void
digits_only(const char *s, char *out, size_t size)
{
	size_t o = 0;

	for (; *s && o + 1 < size; s++)
		if (*s >= '0' && *s <= '9')
			out[o++] = *s;
		else if (*s != ' ' && *s != '.' && *s != '-')
			out[o++] = *s;	/* keep it: the validator complains */
	out[o] = '\0';
}

static bool
all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* --- problems ------------------------------------------------------------- */

static void
problem(struct regio_import *im, size_t row, size_t col, const char *vi,
    const char *en)
{
	struct regio_problem *p;

	im->nproblems++;
	if (im->nproblems > REGIO_SHOW_MAX)
		return;
	p = &im->problems[im->nproblems - 1];
	p->row = row;
	p->col = col;
	snprintf(p->vi, sizeof(p->vi), "%s", vi);
	snprintf(p->en, sizeof(p->en), "%s", en);
}

void
regio_problem_text(const struct regio_problem *p, bool en, struct buf *out)
{
	char col[8];

	if (p->col > 0) {
		io_col_name(p->col, col);
		buf_printf(out, en ? "Row %zu, column %s: %s" :
		    "Dòng %zu, cột %s: %s", p->row, col, en ? p->en : p->vi);
	} else if (p->row > 0)
		buf_printf(out, en ? "Row %zu: %s" : "Dòng %zu: %s", p->row,
		    en ? p->en : p->vi);
	else
		buf_puts(out, en ? p->en : p->vi);
}

void
regio_dup_text(const struct regio_dup *d, const struct unit_tree *t, bool en,
    struct buf *out)
{
	static const char *const what[3][2] = {
		{ "cùng số định danh cá nhân", "the same personal ID number" },
		{ "cùng mã học sinh", "the same learner code" },
		{ "cùng họ tên và ngày sinh trong trường",
		    "the same name and date of birth in the school" },
	};
	const struct unit *u = t != NULL && d->school_id ?
	    unit_get(t, d->school_id) : NULL;

	buf_printf(out, en ? "Row %zu (%s, %s): %s as " :
	    "Dòng %zu (%s, %s): %s với ", d->row, d->name, d->birth,
	    what[d->kind][en]);
	if (d->other_row > 0)
		buf_printf(out, en ? "row %zu of the file." :
		    "dòng %zu của tệp.", d->other_row);
	else
		buf_printf(out, en ? "child #%lld already in the register%s%s." :
		    "trẻ #%lld đã có trong sổ%s%s.", (long long)d->child_id,
		    u != NULL ? (en ? " at " : " tại ") : "",
		    u != NULL ? u->name : "");
}

/*
 * Each error of the model, mapped back to its column in the file; columns
 * whose problem the import has reported already in the list's terms are
 * skipped.
 */
static void
model_problems(struct regio_import *im, size_t row, const bool *said)
{
	const struct form_errors *errs = &im->st->errs;
	size_t i;

	for (i = 0; i < errs->n; i++) {
		enum regio_col c = regio_col_of_field(errs->e[i].f->name);

		if (c < RC__MAX && said[c])
			continue;
		/* A grade taken from the class name: point at the class. */
		if (c == RC_GRADE && im->map.col[c] == 0)
			c = RC_CLASS;
		problem(im, row, c < RC__MAX ? im->map.col[c] : 0,
		    errs->e[i].vi, errs->e[i].en);
	}
}

/* --- one row -------------------------------------------------------------- */

/* Normalised cells of one row. */
struct cells {
	const char	*v[RC__MAX];
	bool		 said[RC__MAX];	/* a problem was reported already */
	char		 birth[11], entered[11], status_on[11];
	char		 pid[64], phone[3][64], grade[KEY_MAX];
};

/*
 * A date cell as the list writes it (dd/mm/yyyy) into out; one that is
 * not a date of the calendar is reported here, in the list's own format.
 */
static void
date_cell(struct regio_import *im, size_t row, struct cells *c,
    enum regio_col col, char out[11])
{
	char vi[300], en[300];

	if (str_empty(c->v[col]))
		return;
	if (regio_date(c->v[col], out)) {
		c->v[col] = out;
		return;
	}
	snprintf(vi, sizeof(vi), "%s: «%.40s» không phải là một ngày có thật; "
	    "viết dạng dd/mm/yyyy, ví dụ 05/09/2018.", regio_columns[col].vi,
	    c->v[col]);
	snprintf(en, sizeof(en), "%s: \"%.40s\" is not a date of the calendar; "
	    "write dd/mm/yyyy, e.g. 05/09/2018.", regio_columns[col].en,
	    c->v[col]);
	problem(im, row, im->map.col[col], vi, en);
	c->said[col] = true;
}

static void
normalise(struct regio_import *im, const struct io_row *row, struct cells *c)
{
	struct regio_state *st = im->st;
	int i;
	static const enum regio_col phones[3] = { RC_FATHER_PHONE,
	    RC_MOTHER_PHONE, RC_GUARDIAN_PHONE };

	memset(c->said, 0, sizeof(c->said));
	for (i = 0; i < RC__MAX; i++) {
		/* Trimmed in place: the row is ours until the next read. */
		size_t k = im->map.col[i];

		c->v[i] = "";
		if (k > 0 && k <= row->n)
			c->v[i] = str_trim(row->cells[k - 1]);
	}
	date_cell(im, row->row, c, RC_BIRTH, c->birth);
	date_cell(im, row->row, c, RC_ENTERED, c->entered);
	date_cell(im, row->row, c, RC_STATUS_ON, c->status_on);
	/* A spreadsheet drops the leading zeros of a number: every personal
	 * ID begins with a province code 001-096. */
	digits_only(c->v[RC_PID], c->pid, sizeof(c->pid));
	if (all_digits(c->pid) && strlen(c->pid) >= 9 && strlen(c->pid) < 12) {
		size_t n = strlen(c->pid), pad = 12 - n;

		memmove(c->pid + pad, c->pid, n + 1);
		memset(c->pid, '0', pad);
	}
	c->v[RC_PID] = c->pid;
	for (i = 0; i < 3; i++) {
		digits_only(c->v[phones[i]], c->phone[i], sizeof(c->phone[i]) - 1);
		if (all_digits(c->phone[i]) && strlen(c->phone[i]) == 9 &&
		    c->phone[i][0] != '0') {
			memmove(c->phone[i] + 1, c->phone[i],
			    strlen(c->phone[i]) + 1);
			c->phone[i][0] = '0';
		}
		c->v[phones[i]] = c->phone[i];
	}
	/* The grade from the class when not given: "3A" -> 3, "Lá 1" -> MG5. */
	if (str_empty(c->v[RC_GRADE]) && !str_empty(c->v[RC_CLASS])) {
		char key[NAMEFOLD_MAX];
		size_t n = 0;

		namefold(c->v[RC_CLASS], key, sizeof(key));
		while (key[n] >= '0' && key[n] <= '9' && n < 2)
			n++;
		if (n == 0)
			n = strcspn(key, " ");
		if (strncmp(key, "nha tre", 7) == 0)
			n = 7;
		if (n < sizeof(c->grade)) {
			memcpy(c->grade, key, n);
			c->grade[n] = '\0';
			c->v[RC_GRADE] = c->grade;
		}
	}
	{
		const char *s;

		if ((s = match_code(&st->status, c->v[RC_STATUS], status_syn)))
			c->v[RC_STATUS] = s;
		if ((s = match_code(&st->reason, c->v[RC_DROPOUT_REASON],
		    NULL)))
			c->v[RC_DROPOUT_REASON] = s;
		if ((s = match_code(&st->household, c->v[RC_HOUSEHOLD],
		    household_syn)))
			c->v[RC_HOUSEHOLD] = s;
		if ((s = match_code(&st->dkind, c->v[RC_DIS_KIND], dkind_syn)))
			c->v[RC_DIS_KIND] = s;
		if ((s = match_code(&st->dedu, c->v[RC_DIS_EDU], dedu_syn)))
			c->v[RC_DIS_EDU] = s;
	}
}

/* The school of a row: its school code, or the scope itself. */
static bool
row_school(struct regio_import *im, size_t row, const char *code,
    int64_t *id, enum unit_kind *kind)
{
	struct regio_state *st = im->st;
	const struct unit *u = NULL;
	size_t i;
	char vi[300], en[300];

	if (str_empty(code)) {
		u = unit_get(im->t, im->scope_id);
		if (u == NULL || !unit_kinds[u->kind].school) {
			problem(im, row, im->map.col[RC_SCHOOL], "Mã trường: cần "
			    "nhập khi nhập danh sách cho một đơn vị không phải "
			    "là trường.", "School code: required when the list "
			    "is imported for a unit that is not a school.");
			return false;
		}
		*id = u->id;
		*kind = u->kind;
		return true;
	}
	if (strcmp(code, st->last_code) == 0) {
		*id = st->last_school;
		*kind = st->last_kind;
		if (!st->last_ok)
			goto bad;
		return true;
	}
	snprintf(st->last_code, sizeof(st->last_code), "%s", code);
	st->last_ok = false;
	for (i = 0; i < im->t->n; i++)
		if (strcmp(im->t->u[i].code, code) == 0) {
			u = &im->t->u[i];
			break;
		}
	if (u != NULL && unit_kinds[u->kind].school &&
	    unit_in_scope(im->t, im->scope_id, u->id)) {
		st->last_ok = true;
		st->last_school = *id = u->id;
		st->last_kind = *kind = u->kind;
		return true;
	}
bad:
	snprintf(vi, sizeof(vi), "Mã trường: «%.40s» không phải là một trường "
	    "trong phạm vi được nhập.", code);
	snprintf(en, sizeof(en), "School code: \"%.40s\" is not a school "
	    "within the scope of this import.", code);
	problem(im, row, im->map.col[RC_SCHOOL], vi, en);
	return false;
}

/* Check one row into st->rd; false (with problems added) if it is bad. */
static bool
check_row(struct regio_import *im, const struct io_row *row)
{
	struct regio_state *st = im->st;
	struct rowdata *rd = st->rd;
	struct form_errors *errs = &st->errs;
	struct cells c;
	struct child_raw cr;
	struct guardian_raw gr[3];
	struct enrol_raw er;
	struct enrol_ctx ctx;
	struct disability_raw dr;
	enum unit_kind kind = UNIT_TH;
	size_t before = im->nproblems;
	bool school_ok;
	int i;

	errs->n = 0;
	normalise(im, row, &c);
	school_ok = row_school(im, row->row, c.v[RC_SCHOOL], &rd->school_id,
	    &kind);

	memset(&cr, 0, sizeof(cr));
	cr.full_name = c.v[RC_FULL_NAME];
	cr.sex = c.v[RC_SEX];
	cr.birth_date = c.v[RC_BIRTH];
	cr.ethnicity = c.v[RC_ETHNICITY];
	cr.personal_id = c.v[RC_PID];
	cr.learner_code = c.v[RC_LEARNER];
	cr.address = c.v[RC_ADDRESS];
	cr.household = c.v[RC_HOUSEHOLD];
	(void)child_check(&cr, im->today, &rd->child, errs);

	memset(gr, 0, sizeof(gr));
	for (i = 0; i < 3; i++) {
		static const enum regio_col names[3] = { RC_FATHER, RC_MOTHER,
		    RC_GUARDIAN };
		static const char *const rel[3] = { "father", "mother",
		    "guardian" };

		gr[i].full_name = c.v[names[i]];
		gr[i].phone = c.v[names[i] + 1];
		gr[i].address = "";
		gr[i].relation = str_empty(gr[i].full_name) &&
		    str_empty(gr[i].phone) ? "" : rel[i];
	}
	(void)guardian_check(gr, 3, rd->g, &rd->ng, errs);

	memset(&er, 0, sizeof(er));
	er.class_name = c.v[RC_CLASS];
	er.grade = c.v[RC_GRADE];
	er.status = c.v[RC_STATUS];
	er.entered_on = c.v[RC_ENTERED];
	er.status_on = c.v[RC_STATUS_ON];
	er.dropout_reason = c.v[RC_DROPOUT_REASON];
	memset(&ctx, 0, sizeof(ctx));
	ctx.kind = kind;
	ctx.unit_id = rd->school_id;
	ctx.year = &im->year;
	ctx.birth = str_is_date(rd->child.birth_date) ? rd->child.birth_date :
	    "";
	ctx.today = im->today;
	ctx.t = im->t;
	if (school_ok)
		(void)enrol_check(&er, &ctx, true, &rd->enr, errs);
	rd->enr.unit_id = rd->school_id;
	rd->enr.period_id = im->year.id;

	memset(&dr, 0, sizeof(dr));
	dr.kind = c.v[RC_DIS_KIND];
	dr.learning_needs = c.v[RC_DIS_NEEDS];
	dr.education = c.v[RC_DIS_EDU];
	if (!str_empty(dr.kind) && str_empty(dr.education))
		dr.education = "none";
	(void)disability_check(&dr, ctx.birth, im->today, &rd->dis,
	    &rd->has_dis, errs);

	rd->ncirc = 0;
	if (!str_empty(c.v[RC_CIRC])) {
		char list[256], *tok, *save = NULL, from[11];

		/* From the day the year started (or joined), not before birth,
		 * not after today. */
		memcpy(from, rd->enr.entered_on[0] ? rd->enr.entered_on :
		    im->year.start_on, 11);
		if (ctx.birth[0] != '\0' && strcmp(from, ctx.birth) < 0)
			memcpy(from, ctx.birth, 11);
		if (strcmp(from, im->today) > 0)
			memcpy(from, im->today, 11);
		snprintf(list, sizeof(list), "%s", c.v[RC_CIRC]);
		for (tok = strtok_r(list, ",; /", &save); tok != NULL &&
		    rd->ncirc < CIRC_GROUPS; tok = strtok_r(NULL, ",; /",
		    &save)) {
			struct circumstance_raw ar;

			memset(&ar, 0, sizeof(ar));
			ar.group = tok;
			ar.from_on = from;
			if (circumstance_check(&ar, ctx.birth, im->today,
			    &rd->circ[rd->ncirc], errs))
				rd->ncirc++;
		}
	}
	model_problems(im, row->row, c.said);
	return school_ok && errs->n == 0 && im->nproblems == before;
}

/* --- duplicates ----------------------------------------------------------- */

static void
dup(struct regio_import *im, size_t row, enum regio_dup_kind kind,
    size_t other_row, int64_t child_id, int64_t school_id)
{
	struct regio_dup *d;

	im->ndups++;
	if (im->ndups > REGIO_SHOW_MAX)
		return;
	d = &im->dups[im->ndups - 1];
	d->row = row;
	d->kind = kind;
	d->other_row = other_row;
	d->child_id = child_id;
	d->school_id = school_id;
	memcpy(d->name, im->st->rd->child.full_name, sizeof(d->name));
	memcpy(d->birth, im->st->rd->child.birth_date, sizeof(d->birth));
}

/* A child of the register with this value, or 0; -1 on a database error. */
static int64_t
lookup(struct db *db, struct db_stmt *st, int64_t *school)
{
	int64_t id = 0;
	enum db_rc rc = db_step(st);

	if (rc == DB_ROW) {
		id = db_col_int(st, 0);
		*school = db_col_int(st, 1);
	} else if (rc != DB_DONE)
		id = -1;
	db_done(st);
	(void)db;
	return id;
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/*
 * What the register holds before the import: any personal ID, any
 * learner code, and the schools in scope that have no child yet.
 */
static bool
survey(struct regio_import *im)
{
	struct regio_state *st = im->st;
	struct db_stmt *q;
	int64_t v = 0;
	size_t i, nscope = 0;

	q = db_stmt(im->db, "SELECT EXISTS (SELECT 1 FROM child"
	    " WHERE personal_id IS NOT NULL)");
	if (db_one_int(q, &v) != ERR_OK)
		return false;
	st->any_pid = v != 0;
	q = db_stmt(im->db, "SELECT EXISTS (SELECT 1 FROM child"
	    " WHERE learner_code IS NOT NULL)");
	if (db_one_int(q, &v) != ERR_OK)
		return false;
	st->any_learner = v != 0;
	for (i = 0; i < im->t->n; i++) {
		const struct unit *u = &im->t->u[i];

		if (!unit_kinds[u->kind].school ||
		    !unit_in_scope(im->t, im->scope_id, u->id))
			continue;
		nscope++;
		q = db_stmt(im->db, "SELECT EXISTS (SELECT 1 FROM child"
		    " WHERE school_id = ?)");
		db_bind_int(q, 1, u->id);
		if (db_one_int(q, &v) != ERR_OK)
			return false;
		if (v == 0) {
			st->empty_schools = xrealloc(st->empty_schools,
			    (st->nempty + 1) * sizeof(*st->empty_schools));
			st->empty_schools[st->nempty++] = u->id;
		}
	}
	/* The tree is sorted by id, so the list is too. */
	st->scope_empty = st->nempty == nscope;
	return true;
}

/* Is the checked row a duplicate?  -1 on a database error. */
static int
is_dup(struct regio_import *im, size_t row)
{
	struct regio_state *st = im->st;
	const struct child *ch = &st->rd->child;
	struct db_stmt *q;
	size_t other;
	int64_t id, school = 0;
	char sid[24];

	if (ch->personal_id[0] != '\0') {
		if ((other = hset_add(&st->pid, hash("P", ch->personal_id,
		    NULL), row)) != 0) {
			dup(im, row, DUP_PID, other, 0, 0);
			return 1;
		}
		if (!st->any_pid)
			goto learner;
		q = db_stmt(im->db, "SELECT id, school_id FROM child"
		    " WHERE personal_id = ?");
		db_bind_text(q, 1, ch->personal_id);
		if ((id = lookup(im->db, q, &school)) != 0) {
			if (id > 0)
				dup(im, row, DUP_PID, 0, id, school);
			return id > 0 ? 1 : -1;
		}
	}
learner:
	if (ch->learner_code[0] != '\0') {
		if ((other = hset_add(&st->learner, hash("L",
		    ch->learner_code, NULL), row)) != 0) {
			dup(im, row, DUP_LEARNER, other, 0, 0);
			return 1;
		}
		if (!st->any_learner)
			goto name;
		q = db_stmt(im->db, "SELECT id, school_id FROM child"
		    " WHERE learner_code = ?");
		db_bind_text(q, 1, ch->learner_code);
		if ((id = lookup(im->db, q, &school)) != 0) {
			if (id > 0)
				dup(im, row, DUP_LEARNER, 0, id, school);
			return id > 0 ? 1 : -1;
		}
	}
name:
	snprintf(sid, sizeof(sid), "%lld", (long long)st->rd->school_id);
	if ((other = hset_add(&st->name, hash(sid, ch->name_key,
	    ch->birth_date), row)) != 0) {
		dup(im, row, DUP_NAME_BIRTH, other, 0, 0);
		return 1;
	}
	if (st->nempty > 0 && bsearch(&st->rd->school_id, st->empty_schools,
	    st->nempty, sizeof(*st->empty_schools), id_cmp) != NULL)
		return 0;
	q = db_stmt(im->db, "SELECT id, school_id FROM child"
	    " WHERE school_id = ? AND name_key = ? AND birth_date = ?");
	db_bind_int(q, 1, st->rd->school_id);
	db_bind_text(q, 2, ch->name_key);
	db_bind_text(q, 3, ch->birth_date);
	if ((id = lookup(im->db, q, &school)) != 0) {
		if (id > 0)
			dup(im, row, DUP_NAME_BIRTH, 0, id, school);
		return id > 0 ? 1 : -1;
	}
	return 0;
}

/* --- writing -------------------------------------------------------------- */

/*
 * The rows are written in batches of WRITE_BATCH children: one multi-row
 * INSERT per table and batch instead of one statement per row.  Each
 * statement run costs a fixed overhead -- above all the CHECK constraints'
 * IN lists of 0004, which SQLite builds into a small temporary index at
 * every run -- so a batch divides it by WRITE_BATCH while every CHECK,
 * UNIQUE and foreign key is still enforced on every row.  Child and
 * enrolment ids are given explicitly, the ones SQLite would give (MAX(id)
 * + 1 onwards: the import holds the write lock), so the guardians and
 * enrolments of a batch can name them; the rows and their ids are exactly
 * those of one statement per row (--batch 1 writes that way; the test
 * t_regio_fast.sh compares the two).  A last, short batch is written one
 * row at a time with the same single-row statements.
 */
#define V5	"(?, ?, ?, 'import', ?, ?)"
#define V6	"(?, ?, ?, ?, ?, ?)"
#define V13	"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define V16	"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
/* One tuple, or WRITE_BATCH = 1 + 7 * 9 of them. */
#define R7(s)	s s s s s s s
#define R9(s)	s s s s s s s s s
#define MANY(v)	v R7(R9(", " v))

static const char *const sql_child[2] = {
	"INSERT OR ROLLBACK INTO child (id, full_name, name_key, sex, birth_date,"
	" ethnicity, personal_id, learner_code, address, household, school_id,"
	" created_at, updated_at) VALUES " V13,
	"INSERT OR ROLLBACK INTO child (id, full_name, name_key, sex, birth_date,"
	" ethnicity, personal_id, learner_code, address, household, school_id,"
	" created_at, updated_at) VALUES " MANY(V13),
};
static const char *const sql_guardian[2] = {
	"INSERT OR ROLLBACK INTO guardian (child_id, seq, full_name, relation, phone,"
	" address) VALUES " V6,
	"INSERT OR ROLLBACK INTO guardian (child_id, seq, full_name, relation, phone,"
	" address) VALUES " MANY(V6),
};
static const char *const sql_enrolment[2] = {
	"INSERT OR ROLLBACK INTO enrolment (id, child_id, unit_id, period_id, class_name,"
	" grade, status, entered_on, status_on, from_unit_id, from_school,"
	" to_unit_id, to_school, dropout_reason, note, updated_at) VALUES " V16,
	"INSERT OR ROLLBACK INTO enrolment (id, child_id, unit_id, period_id, class_name,"
	" grade, status, entered_on, status_on, from_unit_id, from_school,"
	" to_unit_id, to_school, dropout_reason, note, updated_at) VALUES "
	MANY(V16),
};
static const char *const sql_event[2] = {
	"INSERT OR ROLLBACK INTO enrolment_event (enrolment_id, status, on_date, detail,"
	" user_id, at) VALUES " V5,
	"INSERT OR ROLLBACK INTO enrolment_event (enrolment_id, status, on_date, detail,"
	" user_id, at) VALUES " MANY(V5),
};

static void
bind_text_or_null(struct db_stmt *q, int i, const char *s)
{
	if (s[0] == '\0')
		db_bind_null(q, i);
	else
		db_bind_text_ref(q, i, s);
}

static void
bind_id_or_null(struct db_stmt *q, int i, int64_t id)
{
	if (id == 0)
		db_bind_null(q, i);
	else
		db_bind_int(q, i, id);
}

static void
bind_child(struct regio_import *im, struct db_stmt *q, int b,
    const struct rowdata *rd)
{
	const struct child *ch = &rd->child;

	db_bind_int(q, b + 1, rd->child_id);
	db_bind_text_ref(q, b + 2, ch->full_name);
	db_bind_text_ref(q, b + 3, ch->name_key);
	db_bind_text_ref(q, b + 4, child_sexes[ch->sex].code);
	db_bind_text_ref(q, b + 5, ch->birth_date);
	bind_text_or_null(q, b + 6, ch->ethnicity);
	bind_text_or_null(q, b + 7, ch->personal_id);
	bind_text_or_null(q, b + 8, ch->learner_code);
	db_bind_text_ref(q, b + 9, ch->address);
	db_bind_text_ref(q, b + 10, child_households[ch->household].code);
	db_bind_int(q, b + 11, rd->school_id);
	db_bind_int(q, b + 12, im->st->now);
	db_bind_int(q, b + 13, im->st->now);
}

static void
bind_guardian(struct db_stmt *q, int b, const struct rowdata *rd, size_t g)
{
	db_bind_int(q, b + 1, rd->child_id);
	db_bind_int(q, b + 2, rd->g[g].seq);
	db_bind_text_ref(q, b + 3, rd->g[g].full_name);
	db_bind_text_ref(q, b + 4, guardian_rels[rd->g[g].relation].code);
	db_bind_text_ref(q, b + 5, rd->g[g].phone);
	db_bind_text_ref(q, b + 6, rd->g[g].address);
}

static void
bind_enrolment(struct regio_import *im, struct db_stmt *q, int b,
    const struct rowdata *rd)
{
	const struct enrolment *en = &rd->enr;

	db_bind_int(q, b + 1, rd->enr_id);
	db_bind_int(q, b + 2, rd->child_id);
	db_bind_int(q, b + 3, rd->school_id);
	db_bind_int(q, b + 4, im->year.id);
	db_bind_text_ref(q, b + 5, en->class_name);
	db_bind_int(q, b + 6, en->grade);
	db_bind_text_ref(q, b + 7, enrol_statuses[en->status].code);
	db_bind_text_ref(q, b + 8, en->entered_on);
	db_bind_text_ref(q, b + 9, en->status_on);
	bind_id_or_null(q, b + 10, en->from_unit_id);
	db_bind_text_ref(q, b + 11, en->from_school);
	bind_id_or_null(q, b + 12, en->to_unit_id);
	db_bind_text_ref(q, b + 13, en->to_school);
	if (en->dropout_reason < DROPOUT__MAX)
		db_bind_text_ref(q, b + 14,
		    dropout_reasons[en->dropout_reason].code);
	else
		db_bind_null(q, b + 14);
	db_bind_text_ref(q, b + 15, en->note);
	db_bind_int(q, b + 16, im->st->now);
}

static void
bind_event(struct regio_import *im, struct db_stmt *q, int b,
    const struct rowdata *rd)
{
	db_bind_int(q, b + 1, rd->enr_id);
	db_bind_text_ref(q, b + 2, enrol_statuses[rd->enr.status].code);
	db_bind_text_ref(q, b + 3, rd->enr.status_on);
	bind_id_or_null(q, b + 4, im->user_id);
	db_bind_int(q, b + 5, im->st->now);
}

/*
 * Bulk mode, for a large load into schools that had no child: the indexes
 * no constraint owns (child_name, child_school_name, enrolment_class,
 * enrolment_active, enrolment_event_enrolment, and any a later migration
 * adds) are dropped inside the transaction and built again, by sorting,
 * before the commit -- instead of one random insert into each per row.
 * Nothing the import reads needs them then: the duplicate lookups of
 * empty schools are skipped, and those by personal ID and learner code
 * use their UNIQUE indexes, which stay.  It starts once the rows written
 * outnumber what the tables held (st->bulk_after), so a small import into
 * a large register never rebuilds the large indexes.  The database is the
 * same as without it (t_regio_fast.sh compares the two).
 */
static const char *const bulk_tables[] = {
	"child", "guardian", "enrolment", "enrolment_event"
};

static enum err
enter_bulk(struct regio_import *im)
{
	struct regio_state *st = im->st;
	size_t i;
	enum err e;

	st->bulk = true;
	for (i = 0; i < sizeof(bulk_tables) / sizeof(bulk_tables[0]); i++)
		if ((e = db_indexes_drop(im->db, bulk_tables[i], &st->saved)) !=
		    ERR_OK)
			return e;
	return ERR_OK;
}

/* Write the children buffered in st->batch. */
static enum err
flush(struct regio_import *im)
{
	struct regio_state *st = im->st;
	struct db *db = im->db;
	struct db_stmt *q;
	size_t i, k, n = st->nbatch, ng = 0, g;
	bool many = n == WRITE_BATCH;
	enum err e;

	if (n == 0)
		return ERR_OK;
	/* Children. */
	for (i = 0; i < n; i += many ? n : 1) {
		q = db_stmt(db, sql_child[many]);
		for (k = 0; k < (many ? n : 1); k++)
			bind_child(im, q, 13 * (int)k, &st->batch[i + k]);
		if ((e = db_run(q)) != ERR_OK)
			return e;
	}
	/* Guardians: full batches of WRITE_BATCH, the rest one by one. */
	for (i = 0; i < n; i++)
		for (k = 0; k < st->batch[i].ng; k++) {
			st->gq[ng].rd = &st->batch[i];
			st->gq[ng++].g = k;
		}
	for (g = 0; g < ng;) {
		bool full = ng - g >= WRITE_BATCH;
		size_t m = full ? WRITE_BATCH : 1;

		q = db_stmt(db, sql_guardian[full]);
		for (k = 0; k < m; k++)
			bind_guardian(q, 6 * (int)k, st->gq[g + k].rd,
			    st->gq[g + k].g);
		if ((e = db_run(q)) != ERR_OK)
			return e;
		g += m;
	}
	/* Disability and special circumstances: few rows, the register's
	 * own functions. */
	for (i = 0; i < n; i++) {
		const struct rowdata *rd = &st->batch[i];

		if (rd->has_dis && (e = disability_put(db, rd->child_id,
		    &rd->dis)) != ERR_OK)
			return e;
		for (k = 0; k < rd->ncirc; k++) {
			struct circumstance c = rd->circ[k];

			c.child_id = rd->child_id;
			if ((e = circumstance_insert(db, &c, NULL)) != ERR_OK)
				return e;
		}
	}
	/* Enrolments, then their first event. */
	for (i = 0; i < n; i += many ? n : 1) {
		q = db_stmt(db, sql_enrolment[many]);
		for (k = 0; k < (many ? n : 1); k++)
			bind_enrolment(im, q, 16 * (int)k, &st->batch[i + k]);
		if ((e = db_run(q)) != ERR_OK)
			return e;
	}
	for (i = 0; i < n; i += many ? n : 1) {
		q = db_stmt(db, sql_event[many]);
		for (k = 0; k < (many ? n : 1); k++)
			bind_event(im, q, 5 * (int)k, &st->batch[i + k]);
		if ((e = db_run(q)) != ERR_OK)
			return e;
	}
	st->nbatch = 0;
	st->rd = &st->batch[0];
	if (!st->bulk && st->bulk_after > 0 && st->next_child -
	    st->first_child >= st->bulk_after)
		return enter_bulk(im);
	return ERR_OK;
}

/* The ids the next child and enrolment get. */
static enum err
first_ids(struct regio_import *im)
{
	struct regio_state *st = im->st;
	struct db_stmt *q;
	enum err e;

	q = db_stmt(im->db, "SELECT COALESCE(MAX(id), 0) FROM child");
	if ((e = db_one_int(q, &st->next_child)) != ERR_OK)
		return e;
	q = db_stmt(im->db, "SELECT COALESCE(MAX(id), 0) FROM enrolment");
	if ((e = db_one_int(q, &st->next_enr)) != ERR_OK)
		return e;
	st->first_child = st->next_child;
	if (st->scope_empty && !im->plain_write)
		st->bulk_after = BULK_MIN + (st->next_enr > st->next_child ?
		    st->next_enr : st->next_child);
	return ERR_OK;
}

/* Queue the checked row st->rd; write the batch when it is full. */
static enum err
write_row(struct regio_import *im)
{
	struct regio_state *st = im->st;
	struct rowdata *rd = st->rd;
	enum err e = ERR_OK;

	rd->child_id = ++st->next_child;
	rd->enr_id = ++st->next_enr;
	if (++st->nbatch == st->batch_max)
		e = flush(im);
	st->rd = &st->batch[st->nbatch];
	return e;
}

/* --- the pass ------------------------------------------------------------- */

static void
count_class(struct regio_import *im)
{
	const struct rowdata *rd = im->st->rd;
	size_t i;

	for (i = 0; i < im->nschools; i++)
		if (im->schools[i] == rd->school_id)
			break;
	if (i == im->nschools) {
		im->schools = xrealloc(im->schools, (im->nschools + 1) *
		    sizeof(*im->schools));
		im->schools[im->nschools++] = rd->school_id;
	}
	for (i = im->nclasses; i-- > 0;)
		if (im->classes[i].school_id == rd->school_id &&
		    strcmp(im->classes[i].name, rd->enr.class_name) == 0) {
			im->classes[i].n++;
			return;
		}
	if (im->nclasses == REGIO_CLASSES_MAX)
		return;
	im->classes[im->nclasses].school_id = rd->school_id;
	snprintf(im->classes[im->nclasses].name,
	    sizeof(im->classes[0].name), "%s", rd->enr.class_name);
	im->classes[im->nclasses].n = 1;
	im->nclasses++;
}

void
regio_import_init(struct regio_import *im, struct db *db,
    const struct unit_tree *t, int64_t scope_id, const struct period *year,
    const char *today, int64_t user_id)
{
	struct regio_state *st;

	memset(im, 0, sizeof(*im));
	im->db = db;
	im->t = t;
	im->scope_id = scope_id;
	im->year = *year;
	snprintf(im->today, sizeof(im->today), "%s", today);
	im->user_id = user_id;
	im->problems = xcalloc(REGIO_SHOW_MAX, sizeof(*im->problems));
	im->dups = xcalloc(REGIO_SHOW_MAX, sizeof(*im->dups));
	im->classes = xcalloc(REGIO_CLASSES_MAX, sizeof(*im->classes));
	im->st = st = xcalloc(1, sizeof(*st));
	st->rd = &st->batch[0];
	fold_table(&st->status, enrol_statuses, ENROL__MAX);
	fold_table(&st->reason, dropout_reasons, DROPOUT__MAX);
	fold_table(&st->household, child_households, CHILD_HH__MAX);
	fold_table(&st->dkind, dis_kinds, DIS_KIND__MAX);
	fold_table(&st->dedu, dis_educations, DIS_EDU__MAX);
}

void
regio_import_release(struct regio_import *im)
{
	if (im->st != NULL) {
		hset_free(&im->st->pid);
		hset_free(&im->st->learner);
		hset_free(&im->st->name);
		free(im->st->empty_schools);
		free(im->st);
	}
	free(im->problems);
	free(im->dups);
	free(im->classes);
	free(im->schools);
	memset(im, 0, sizeof(*im));
}

static void
fatal(struct regio_import *im, const char *vi, const char *en)
{
	im->fatal = true;
	snprintf(im->fatal_vi, sizeof(im->fatal_vi), "%s", vi);
	snprintf(im->fatal_en, sizeof(im->fatal_en), "%s", en);
}

/* Is every cell of the row empty (a blank line between classes)? */
static bool
blank(const struct io_row *row)
{
	size_t i, k;

	for (i = 0; i < row->n; i++)
		for (k = 0; k < row->lens[i]; k++)
			if (row->cells[i][k] != ' ' && row->cells[i][k] != '\t')
				return false;
	return true;
}

enum err
regio_import_run(struct regio_import *im, struct sheet_reader *sr)
{
	struct regio_state *st = im->st;
	const struct io_row *row;
	enum err e = ERR_OK;
	enum regio_col miss;
	int rc, d;

	st->now = (int64_t)time(NULL);
	/* The header: the first row that is not blank. */
	while ((rc = sheet_next(sr, &row)) > 0 && blank(row))
		;
	if (rc <= 0) {
		struct buf vi = BUF_INIT, en = BUF_INIT;

		if (rc < 0) {
			io_error_text(sheet_error(sr), false, &vi);
			io_error_text(sheet_error(sr), true, &en);
		} else {
			buf_puts(&vi, "Tệp không có dòng tiêu đề.");
			buf_puts(&en, "The file has no header row.");
		}
		fatal(im, vi.data, en.data);
		buf_release(&vi);
		buf_release(&en);
		return ERR_INVALID;
	}
	if ((miss = regio_map_header(row, &im->map)) != RC__MAX) {
		char vi[400], en[400];

		snprintf(vi, sizeof(vi), "Dòng tiêu đề (dòng %zu) thiếu cột «%s». "
		    "Hãy dùng tệp mẫu.", row->row, regio_columns[miss].vi);
		snprintf(en, sizeof(en), "The header (row %zu) lacks the column "
		    "\"%s\" (%s). Use the template.", row->row,
		    regio_columns[miss].vi, regio_columns[miss].en);
		fatal(im, vi, en);
		return ERR_INVALID;
	}
	{
		size_t k;

		for (k = 0; k < im->map.nunknown; k++) {
			const char *h = row->cells[im->map.unknown[k] - 1];
			size_t n = strlen(h), max = sizeof(im->unknown[k]) - 1;

			/* Cut a long heading at a character boundary. */
			if (n > max) {
				n = max;
				while (n > 0 && ((unsigned char)h[n] & 0xc0) ==
				    0x80)
					n--;
			}
			memcpy(im->unknown[k], h, n);
			im->unknown[k][n] = '\0';
		}
	}
	/* One transaction for the whole pass, also when only checking: the
	 * register does not change under it, and reads take no lock each. */
	if (db_begin(im->db) != ERR_OK)
		return ERR_DB;
	st->in_tx = true;
	if (!survey(im)) {
		e = ERR_DB;
		goto out;
	}
	st->batch_max = im->plain_write ? 1 : WRITE_BATCH;
	if (im->write && (e = first_ids(im)) != ERR_OK)
		goto out;
	if (im->write)
		if ((e = db_defer_foreign_keys(im->db)) != ERR_OK)
			goto out;
	while ((rc = sheet_next(sr, &row)) > 0) {
		if (blank(row))
			continue;
		im->rows++;
		if (im->progress != NULL && im->rows % 1000 == 0)
			im->progress(im->progress_arg, im->rows);
		if (!check_row(im, row)) {
			im->bad_rows++;
			continue;
		}
		if ((d = is_dup(im, row->row)) < 0) {
			e = ERR_DB;
			goto out;
		}
		if (d > 0) {
			im->dup_rows++;
			continue;
		}
		im->valid++;
		count_class(im);
		if (im->write && (e = write_row(im)) != ERR_OK)
			goto out;
	}
	if (rc < 0) {
		struct buf vi = BUF_INIT, en = BUF_INIT;

		io_error_text(sheet_error(sr), false, &vi);
		io_error_text(sheet_error(sr), true, &en);
		fatal(im, vi.data, en.data);
		buf_release(&vi);
		buf_release(&en);
		e = ERR_INVALID;
		goto out;
	}
	if (im->progress != NULL)
		im->progress(im->progress_arg, im->rows);
	if (im->write) {
		char obj[48], detail[200];

		if (im->all_or_nothing && (im->bad_rows > 0 || im->dup_rows > 0))
			goto out;	/* rolled back: nothing written */
		if ((e = flush(im)) != ERR_OK ||
		    (st->bulk && (e = db_indexes_restore(im->db, &st->saved)) !=
		    ERR_OK))
			goto out;
		snprintf(obj, sizeof(obj), "unit:%lld", (long long)im->scope_id);
		snprintf(detail, sizeof(detail), "year=%s rows=%zu written=%zu "
		    "problems=%zu duplicates=%zu", im->year.code, im->rows,
		    im->valid, im->bad_rows, im->dup_rows);
		if ((e = regstat_after_change(im->db, im->schools,
		    im->nschools)) != ERR_OK ||
		    (e = audit(im->db, im->user_id, "register.import", obj,
		    detail)) != ERR_OK ||
		    (e = db_bump_generation(im->db)) != ERR_OK ||
		    (e = db_commit(im->db)) != ERR_OK)
			goto out;
		st->in_tx = false;
		im->written = im->valid;
	}
out:
	if (st->in_tx) {
		db_rollback(im->db);
		st->in_tx = false;
	}
	db_indexes_free(&st->saved);
	return e;
}
