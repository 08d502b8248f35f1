/*
 * regstat.c -- computing the register's values; see regstat.h.
 *
 * Both entry points feed the same accumulator: per school and school year,
 * counts by grade and split (all, male, female, minority, disabled) of
 * the children at the start of the year, who dropped out, who completed
 * grade 5 or 9, the five-year-olds attending, the disabled children with
 * learning needs and those of them in education.  regstat_after_change()
 * reads one school's enrolments with a join; regstat_compute_all() reads
 * the child attributes once into an array by child id and then the whole
 * enrolment table in storage order (no join, no sort).  emit() turns the
 * counts into reg_value rows with the formulas of regstat.h.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "regstat/regstat.h"
#include "units/unit.h"

enum split { SP_ALL, SP_M, SP_F, SP_MIN, SP_DIS, SP__MAX };
#define NGRADE	16		/* grades -3 .. 12 at index grade + 3 */

struct acc {
	int64_t	 start[NGRADE][SP__MAX];
	int64_t	 dropped[NGRADE][SP__MAX];
	int64_t	 completed5[SP__MAX], completed9[SP__MAX];
	int64_t	 age5[SP__MAX];
	int64_t	 dis_needs[SP__MAX], dis_access[SP__MAX];
	int64_t	 yearend;	/* rows with a year-end status */
	/* Only int64_t counters above: acc_add() sums them as an array. */
	bool	 any;
};

/* A child's attributes, as the splits need them. */
enum {
	CA_FEMALE = 1 << 0, CA_MINORITY = 1 << 1, CA_DISABLED = 1 << 2,
	CA_NEEDS = 1 << 3, CA_IN_EDUCATION = 1 << 4, CA_KNOWN = 1 << 5
};
struct cattr {
	uint8_t		 flags;
	int16_t		 birth_year;
};

struct yr {
	int64_t		 id;
	int		 start_year;
	char		 cutoff[11];	/* start-of-year count date */
};

enum ind { I_COMP_P, I_COMP_L, I_DROP_P, I_DROP_L, I_MOB, I_DIS, I__MAX };
static const char *const ind_codes[I__MAX] = {
	"COMPLETION_PRIMARY", "COMPLETION_LOWERSEC", "DROPOUT_PRIMARY",
	"DROPOUT_LOWERSEC", "MOBILISATION_5Y", "DISABILITY_ACCESS"
};

struct ctx {
	struct db	*db;
	struct yr	*yr;
	size_t		 nyr;
	int64_t		 ind[I__MAX];
	int64_t		 now;
	size_t		 rows;
};

static bool
load_ctx(struct db *db, struct ctx *c)
{
	struct db_stmt *st;
	size_t cap = 0;
	int i;
	enum db_rc rc;

	memset(c, 0, sizeof(*c));
	c->db = db;
	c->now = (int64_t)time(NULL);
	st = db_stmt(db, "SELECT id, start_on FROM period"
	    " WHERE type = 'school_year' ORDER BY start_on");
	while ((rc = db_step(st)) == DB_ROW) {
		struct yr *y;

		if (c->nyr == cap) {
			cap = cap ? cap * 2 : 32;
			c->yr = xrealloc(c->yr, cap * sizeof(*c->yr));
		}
		y = &c->yr[c->nyr++];
		y->id = db_col_int(st, 0);
		y->start_year = (int)strtol(db_col_text(st, 1), NULL, 10);
		snprintf(y->cutoff, sizeof(y->cutoff), "%04d-09-30",
		    y->start_year);
	}
	db_done(st);
	if (rc != DB_DONE)
		return false;
	for (i = 0; i < I__MAX; i++) {
		st = db_stmt(db, "SELECT id FROM indicator WHERE code = ?");
		db_bind_text(st, 1, ind_codes[i]);
		if (db_one_int(st, &c->ind[i]) != ERR_OK)
			c->ind[i] = 0;	/* not in this catalogue: skipped */
	}
	return true;
}

/* The slot of a school year by id, or -1. */
static int
yr_slot(const struct ctx *c, int64_t id)
{
	size_t i;

	for (i = 0; i < c->nyr; i++)
		if (c->yr[i].id == id)
			return (int)i;
	return -1;
}

/* The slot of the year that started back years before slot s, or -1. */
static int
yr_back(const struct ctx *c, int s, int back)
{
	size_t i;

	for (i = 0; i < c->nyr; i++)
		if (c->yr[i].start_year == c->yr[s].start_year - back)
			return (int)i;
	return -1;
}

static void
bump(int64_t v[SP__MAX], unsigned flags)
{
	v[SP_ALL]++;
	v[(flags & CA_FEMALE) ? SP_F : SP_M]++;
	if (flags & CA_MINORITY)
		v[SP_MIN]++;
	if (flags & CA_DISABLED)
		v[SP_DIS]++;
}

enum st { ST_OTHER, ST_DROPPED, ST_OUT, ST_YEAREND, ST_COMPLETED };

/* The statuses the counts tell apart, from the stored code. */
static enum st
status_of(const char *s)
{
	switch (s[0]) {
	case 'd':
		return strcmp(s, "dropped_out") == 0 ? ST_DROPPED : ST_OTHER;
	case 't':
		return strcmp(s, "transferred_out") == 0 ? ST_OUT : ST_OTHER;
	case 'p':
	case 'r':
		return strcmp(s, "promoted") == 0 || strcmp(s, "repeated") == 0 ?
		    ST_YEAREND : ST_OTHER;
	case 'c':
		return strcmp(s, "completed") == 0 ? ST_COMPLETED : ST_OTHER;
	default:
		return ST_OTHER;
	}
}

/* Count one enrolment row into a. */
static void
count(struct acc *a, const struct yr *y, enum unit_kind kind, int grade,
    const char *status, const char *entered_on, const struct cattr *ca)
{
	enum st st = status_of(status);
	bool dropped = st == ST_DROPPED;
	bool active = !dropped && st != ST_OUT;
	unsigned f = ca->flags;
	int g = grade + 3;

	if (g < 0 || g >= NGRADE)
		return;
	a->any = true;
	if (strncmp(entered_on, y->cutoff, 10) <= 0)
		bump(a->start[g], f);
	if (dropped)
		bump(a->dropped[g], f);
	if (st == ST_YEAREND)
		a->yearend++;
	if (st == ST_COMPLETED) {
		a->yearend++;
		if (grade == 5)
			bump(a->completed5, f);
		else if (grade == 9)
			bump(a->completed9, f);
	}
	if (active && (kind == UNIT_MN || kind == UNIT_GROUP) &&
	    ca->birth_year == y->start_year - 5)
		bump(a->age5, f);
	if (active && (f & CA_DISABLED) && (f & CA_NEEDS)) {
		bump(a->dis_needs, f);
		if (f & CA_IN_EDUCATION)
			bump(a->dis_access, f);
	}
}

static unsigned
attr_flags(const char *sex, const char *ethnicity, bool disabled,
    bool needs, const char *education)
{
	unsigned f = CA_KNOWN;

	if (strcmp(sex, "f") == 0)
		f |= CA_FEMALE;
	if (ethnicity[0] != '\0' && strcmp(ethnicity, "01") != 0)
		f |= CA_MINORITY;
	if (disabled) {
		f |= CA_DISABLED;
		if (needs)
			f |= CA_NEEDS;
		if (strcmp(education, "none") != 0)
			f |= CA_IN_EDUCATION;
	}
	return f;
}

/* --- writing rows --------------------------------------------------------- */

static enum err
put(struct ctx *c, int64_t unit, enum ind i, int64_t period, int grade,
    const int64_t num[SP__MAX], const int64_t *den)
{
	struct db_stmt *st;
	int k;

	if (c->ind[i] == 0)
		return ERR_OK;
	st = db_stmt(c->db, "INSERT INTO reg_value (unit_id, indicator_id,"
	    " period_id, grade, num_total, num_m, num_f, num_minority,"
	    " num_disabled, den_total, den_m, den_f, den_minority,"
	    " den_disabled, computed_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	db_bind_int(st, 1, unit);
	db_bind_int(st, 2, c->ind[i]);
	db_bind_int(st, 3, period);
	db_bind_int(st, 4, grade);
	for (k = 0; k < SP__MAX; k++) {
		db_bind_int(st, 5 + k, num[k]);
		if (den != NULL)
			db_bind_int(st, 10 + k, den[k]);
		else
			db_bind_null(st, 10 + k);
	}
	db_bind_int(st, 15, c->now);
	c->rows++;
	return db_run(st);
}

static void
sum_grades(const struct acc *a, int64_t (*v)[SP__MAX], int lo, int hi,
    int64_t out[SP__MAX])
{
	int g, k;

	(void)a;
	memset(out, 0, SP__MAX * sizeof(*out));
	for (g = lo; g <= hi; g++)
		for (k = 0; k < SP__MAX; k++)
			out[k] += v[g + 3][k];
}

/* The dropout rows of one level: the level, then each grade. */
static enum err
emit_dropout(struct ctx *c, int64_t unit, enum ind i, int64_t period,
    struct acc *a, int lo, int hi)
{
	int64_t num[SP__MAX], den[SP__MAX];
	enum err e;
	int g;

	sum_grades(a, a->start, lo, hi, den);
	sum_grades(a, a->dropped, lo, hi, num);
	if (den[SP_ALL] == 0 && num[SP_ALL] == 0)
		return ERR_OK;
	if ((e = put(c, unit, i, period, 99, num, den)) != ERR_OK)
		return e;
	for (g = lo; g <= hi; g++)
		if (a->start[g + 3][SP_ALL] > 0 || a->dropped[g + 3][SP_ALL] > 0)
			if ((e = put(c, unit, i, period, g, a->dropped[g + 3],
			    a->start[g + 3])) != ERR_OK)
				return e;
	return ERR_OK;
}

/* The rows of one school from its accumulators, one per school year. */
static enum err
emit(struct ctx *c, int64_t unit, enum unit_kind kind, struct acc *acc)
{
	bool primary = kind == UNIT_TH || kind == UNIT_TH_THCS;
	bool lower = kind == UNIT_THCS || kind == UNIT_TH_THCS;
	bool kinder = kind == UNIT_MN || kind == UNIT_GROUP;
	enum err e;
	int s, b;

	for (s = 0; s < (int)c->nyr; s++) {
		struct acc *a = &acc[s];
		int64_t period = c->yr[s].id;

		if (!a->any)
			continue;
		if (primary) {
			if (a->yearend > 0 && (b = yr_back(c, s, 4)) >= 0 &&
			    acc[b].start[1 + 3][SP_ALL] > 0 &&
			    (e = put(c, unit, I_COMP_P, period, 99,
			    a->completed5, acc[b].start[1 + 3])) != ERR_OK)
				return e;
			if ((e = emit_dropout(c, unit, I_DROP_P, period, a, 1,
			    5)) != ERR_OK)
				return e;
		}
		if (lower) {
			if (a->yearend > 0 && (b = yr_back(c, s, 3)) >= 0 &&
			    acc[b].start[6 + 3][SP_ALL] > 0 &&
			    (e = put(c, unit, I_COMP_L, period, 99,
			    a->completed9, acc[b].start[6 + 3])) != ERR_OK)
				return e;
			if ((e = emit_dropout(c, unit, I_DROP_L, period, a, 6,
			    9)) != ERR_OK)
				return e;
		}
		if (kinder && (e = put(c, unit, I_MOB, period, 99, a->age5,
		    NULL)) != ERR_OK)
			return e;
		if (a->dis_needs[SP_ALL] > 0 && (e = put(c, unit, I_DIS, period,
		    99, a->dis_access, a->dis_needs)) != ERR_OK)
			return e;
	}
	return ERR_OK;
}

/* --- one school ----------------------------------------------------------- */

static enum err
school(struct ctx *c, int64_t unit, struct acc *acc)
{
	struct db_stmt *st;
	enum unit_kind kind;
	enum db_rc rc;

	st = db_stmt(c->db, "SELECT kind FROM unit WHERE id = ?");
	db_bind_int(st, 1, unit);
	rc = db_step(st);
	if (rc != DB_ROW || !unit_kind_from_code(db_col_text(st, 0), &kind)) {
		db_done(st);
		return rc == DB_ROW || rc == DB_DONE ? ERR_OK : ERR_DB;
	}
	db_done(st);
	memset(acc, 0, c->nyr * sizeof(*acc));
	st = db_stmt(c->db, "SELECT e.period_id, e.grade, e.status,"
	    " e.entered_on, c.sex, COALESCE(c.ethnicity, ''), c.birth_date,"
	    " d.child_id IS NOT NULL, COALESCE(d.learning_needs, 0),"
	    " COALESCE(d.education, 'none')"
	    " FROM enrolment e JOIN child c ON c.id = e.child_id"
	    " LEFT JOIN child_disability d ON d.child_id = e.child_id"
	    " WHERE e.unit_id = ?");
	db_bind_int(st, 1, unit);
	while ((rc = db_step(st)) == DB_ROW) {
		int s = yr_slot(c, db_col_int(st, 0));
		struct cattr ca;

		if (s < 0)
			continue;
		ca.flags = (uint8_t)attr_flags(db_col_text(st, 4),
		    db_col_text(st, 5), db_col_int(st, 7) != 0,
		    db_col_int(st, 8) != 0, db_col_text(st, 9));
		ca.birth_year = (int16_t)strtol(db_col_text(st, 6), NULL, 10);
		count(&acc[s], &c->yr[s], kind, (int)db_col_int(st, 1),
		    db_col_text(st, 2), db_col_text(st, 3), &ca);
	}
	db_done(st);
	if (rc != DB_DONE)
		return ERR_DB;
	st = db_stmt(c->db, "DELETE FROM reg_value WHERE unit_id = ?");
	db_bind_int(st, 1, unit);
	if (db_run(st) != ERR_OK)
		return ERR_DB;
	return emit(c, unit, kind, acc);
}

enum err
regstat_after_change(struct db *db, const int64_t *schools, size_t n)
{
	struct ctx c;
	struct acc *acc;
	enum err e = ERR_OK;
	size_t i;

	if (n == 0)
		return ERR_OK;
	if (!load_ctx(db, &c))
		return ERR_DB;
	acc = xcalloc(c.nyr + 1, sizeof(*acc));
	for (i = 0; i < n && e == ERR_OK; i++)
		e = school(&c, schools[i], acc);
	free(acc);
	free(c.yr);
	return e;
}

enum err
regstat_refresh_all(struct db *db)
{
	struct db_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0;
	enum db_rc rc;
	enum err e;

	st = db_stmt(db, "SELECT DISTINCT unit_id FROM enrolment");
	while ((rc = db_step(st)) == DB_ROW) {
		ids = xrealloc(ids, (n + 1) * sizeof(*ids));
		ids[n++] = db_col_int(st, 0);
	}
	db_done(st);
	e = rc == DB_DONE ? regstat_after_change(db, ids, n) : ERR_DB;
	free(ids);
	return e;
}

/* --- everything ----------------------------------------------------------- */

struct unitacc {
	int64_t		 id;
	enum unit_kind	 kind;
	struct acc	*acc;		/* nyr, allocated when first seen */
};

static int
unitacc_cmp(const void *a, const void *b)
{
	const struct unitacc *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static struct unitacc *
find_unit(struct unitacc *u, size_t n, int64_t id)
{
	struct unitacc key = { id, UNIT_TH, NULL };

	return bsearch(&key, u, n, sizeof(*u), unitacc_cmp);
}

/* The attributes of children lo..hi into ca (disjoint per thread). */
struct cscan {
	struct db	*db;		/* NULL: open path */
	const char	*path;
	struct cattr	*ca;
	int64_t		 lo, hi;
	bool		 ok;
};

static void *
cscan_run(void *arg)
{
	struct cscan *s = arg;
	struct db *db = s->db;
	struct db_stmt *st;
	enum db_rc rc;

	s->ok = false;
	if (db == NULL && db_open(s->path, &db, NULL) != ERR_OK)
		return NULL;
	(void)db_exec_script(db, "PRAGMA mmap_size = 4294967296;", NULL);
	st = db_stmt(db, "SELECT id, sex, COALESCE(ethnicity, ''), birth_date"
	    " FROM child WHERE id BETWEEN ? AND ?");
	db_bind_int(st, 1, s->lo);
	db_bind_int(st, 2, s->hi);
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_col_int(st, 0);

		if (id < s->lo || id > s->hi)
			continue;
		s->ca[id].flags = (uint8_t)attr_flags(db_col_text(st, 1),
		    db_col_text(st, 2), false, false, "none");
		s->ca[id].birth_year = (int16_t)strtol(db_col_text(st, 3),
		    NULL, 10);
	}
	db_done(st);
	s->ok = rc == DB_DONE;
	if (s->db == NULL)
		db_close(db);
	return NULL;
}

/* Every child's attributes, in two halves at once for a big file. */
static bool
scan_children(struct db *db, struct cattr *ca, int64_t maxid)
{
	struct cscan a = { db, NULL, ca, 1, maxid, false }, b;
	pthread_t th;

	if (db_path(db)[0] == '\0' || maxid <= 100000) {
		cscan_run(&a);
		return a.ok;
	}
	b = a;
	b.db = NULL;
	b.path = db_path(db);
	b.lo = maxid / 2 + 1;
	a.hi = maxid / 2;
	if (pthread_create(&th, NULL, cscan_run, &b) != 0) {
		a.hi = maxid;
		cscan_run(&a);
		return a.ok;
	}
	cscan_run(&a);
	pthread_join(th, NULL);
	return a.ok && b.ok;
}

/* One half of the enrolment scan: rows lo..hi by id, into its own
 * accumulators (u[].acc of its copy of the school list). */
struct scan {
	struct db		*db;		/* NULL: open path */
	const char		*path;
	const struct ctx	*c;
	struct unitacc		*u;
	size_t			 nu;
	const struct cattr	*ca;
	int64_t			 maxid, lo, hi;
	bool			 ok;
};

static void
scan_range(struct scan *s)
{
	struct db *db = s->db;
	struct db_stmt *st;
	struct unitacc *last = NULL;
	enum db_rc rc;

	s->ok = false;
	if (db == NULL && db_open(s->path, &db, NULL) != ERR_OK)
		return;
	/* Scans read through memory-mapped pages: no copy per page. */
	(void)db_exec_script(db, "PRAGMA mmap_size = 4294967296;", NULL);
	st = db_stmt(db, "SELECT unit_id, period_id, grade, status, entered_on,"
	    " child_id FROM enrolment WHERE id BETWEEN ? AND ?");
	db_bind_int(st, 1, s->lo);
	db_bind_int(st, 2, s->hi);
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t uid = db_col_int(st, 0), cid = db_col_int(st, 5);
		int y = yr_slot(s->c, db_col_int(st, 1));

		if (last == NULL || last->id != uid)
			last = find_unit(s->u, s->nu, uid);
		if (last == NULL || y < 0 || cid < 1 || cid > s->maxid)
			continue;
		if (last->acc == NULL)
			last->acc = xcalloc(s->c->nyr, sizeof(*last->acc));
		count(&last->acc[y], &s->c->yr[y], last->kind,
		    (int)db_col_int(st, 2), db_col_text(st, 3),
		    db_col_text(st, 4), &s->ca[cid]);
	}
	db_done(st);
	s->ok = rc == DB_DONE;
	if (s->db == NULL)
		db_close(db);
}

static void *
scan_thread(void *arg)
{
	scan_range(arg);
	return NULL;
}

static void
acc_add(struct acc *a, const struct acc *b)
{
	const int64_t *src = (const int64_t *)(const void *)b;
	int64_t *dst = (int64_t *)(void *)a;
	size_t i, n = offsetof(struct acc, any) / sizeof(int64_t);

	for (i = 0; i < n; i++)
		dst[i] += src[i];
	a->any = a->any || b->any;
}

/*
 * Count every enrolment into u[].acc: the first half of the ids on this
 * connection, the second on another one in a second thread (a file
 * database; in memory, all on this one).
 */
static bool
scan_enrolments(struct db *db, const struct ctx *c, struct unitacc *u,
    size_t nu, const struct cattr *ca, int64_t maxid)
{
	struct scan a, b;
	struct unitacc *u2;
	pthread_t th;
	int64_t top = 0;
	size_t i, y;
	bool threaded;

	if (db_one_int(db_stmt(db, "SELECT COALESCE(MAX(id), 0)"
	    " FROM enrolment"), &top) != ERR_OK)
		return false;
	memset(&a, 0, sizeof(a));
	a.db = db;
	a.c = c;
	a.u = u;
	a.nu = nu;
	a.ca = ca;
	a.maxid = maxid;
	a.lo = 1;
	a.hi = top;
	threaded = db_path(db)[0] != '\0' && top > 100000;
	if (!threaded) {
		scan_range(&a);
		return a.ok;
	}
	b = a;
	b.db = NULL;
	b.path = db_path(db);
	b.lo = top / 2 + 1;
	a.hi = top / 2;
	u2 = xcalloc(nu + 1, sizeof(*u2));
	memcpy(u2, u, nu * sizeof(*u2));
	for (i = 0; i < nu; i++)
		u2[i].acc = NULL;
	b.u = u2;
	if (pthread_create(&th, NULL, scan_thread, &b) != 0) {
		free(u2);
		a.hi = top;
		scan_range(&a);
		return a.ok;
	}
	scan_range(&a);
	pthread_join(th, NULL);
	for (i = 0; i < nu; i++) {
		if (u2[i].acc == NULL)
			continue;
		if (u[i].acc == NULL)
			u[i].acc = u2[i].acc;
		else {
			for (y = 0; y < c->nyr; y++)
				acc_add(&u[i].acc[y], &u2[i].acc[y]);
			free(u2[i].acc);
		}
	}
	free(u2);
	return a.ok && b.ok;
}

enum err
regstat_compute_all(struct db *db, size_t *rows)
{
	struct ctx c;
	struct db_stmt *st;
	struct cattr *ca = NULL;
	struct unitacc *u = NULL;
	size_t nu = 0, capu = 0, i;
	int64_t maxid = 0;
	enum err e = ERR_DB;
	enum db_rc rc;
	bool in_tx = false;

	if (!load_ctx(db, &c))
		return ERR_DB;
	/* The schools. */
	st = db_stmt(db, "SELECT id, kind FROM unit");
	while ((rc = db_step(st)) == DB_ROW) {
		enum unit_kind k;

		if (!unit_kind_from_code(db_col_text(st, 1), &k) ||
		    !unit_kinds[k].school)
			continue;
		if (nu == capu) {
			capu = capu ? capu * 2 : 1024;
			u = xrealloc(u, capu * sizeof(*u));
		}
		u[nu].id = db_col_int(st, 0);
		u[nu].kind = k;
		u[nu].acc = NULL;
		nu++;
	}
	db_done(st);
	if (rc != DB_DONE)
		goto out;
	if (nu > 0)
		qsort(u, nu, sizeof(*u), unitacc_cmp);
	/* The children's attributes, by id. */
	st = db_stmt(db, "SELECT COALESCE(MAX(id), 0) FROM child");
	if (db_one_int(st, &maxid) != ERR_OK)
		goto out;
	ca = xcalloc((size_t)maxid + 1, sizeof(*ca));
	if (!scan_children(db, ca, maxid))
		goto out;
	st = db_stmt(db, "SELECT child_id, learning_needs, education"
	    " FROM child_disability");
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_col_int(st, 0);

		if (id < 1 || id > maxid)
			continue;
		ca[id].flags |= CA_DISABLED;
		if (db_col_int(st, 1) != 0)
			ca[id].flags |= CA_NEEDS;
		if (strcmp(db_col_text(st, 2), "none") != 0)
			ca[id].flags |= CA_IN_EDUCATION;
	}
	db_done(st);
	if (rc != DB_DONE)
		goto out;
	/* Every enrolment, in storage order, in two halves at once. */
	if (!scan_enrolments(db, &c, u, nu, ca, maxid))
		goto out;
	/* Replace every row. */
	if (db_begin(db) != ERR_OK)
		goto out;
	in_tx = true;
	if (db_run(db_stmt(db, "DELETE FROM reg_value")) != ERR_OK)
		goto out;
	for (i = 0; i < nu; i++)
		if (u[i].acc != NULL && emit(&c, u[i].id, u[i].kind,
		    u[i].acc) != ERR_OK)
			goto out;
	if (db_bump_generation(db) != ERR_OK || db_commit(db) != ERR_OK)
		goto out;
	in_tx = false;
	if (rows != NULL)
		*rows = c.rows;
	e = ERR_OK;
out:
	if (in_tx)
		db_rollback(db);
	for (i = 0; i < nu; i++)
		free(u[i].acc);
	free(u);
	free(ca);
	free(c.yr);
	return e;
}
