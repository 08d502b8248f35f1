/*
 * roster_db.c -- the register of a school year (the class lists with their
 * filters), name search over a scope, teachers' classes, and the early-
 * warning settings and list (see register_db.h).
 *
 * The school-year queries read one range of the index enrolment_class
 * (unit_id, period_id, ...): a school has at most a few thousand children
 * in a year, so filtering and sorting happen here, in C, on that range.
 * A name search within the school year reads the name index instead
 * (roster_all()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/audit.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "register/namefold.h"
#include "register/register_db.h"
#include "units/unit.h"

#define COPY(dst, st, col) \
	snprintf((dst), sizeof(dst), "%s", db_col_text((st), (col)))

/* qsort() and bsearch() that accept an empty (NULL) array. */
static void
sort(void *base, size_t n, size_t size, int (*cmp)(const void *,
    const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

static void *
find(const void *key, void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	return n > 0 ? bsearch(key, base, n, size, cmp) : NULL;
}

static void
roster_row(struct db_stmt *st, void *out)
{
	struct roster_row *r = out;
	int i;

	memset(r, 0, sizeof(*r));
	r->enrolment_id = db_col_int(st, 0);
	r->child_id = db_col_int(st, 1);
	COPY(r->full_name, st, 2);
	COPY(r->name_key, st, 3);
	r->sex = strcmp(db_col_text(st, 4), "f") == 0 ? CHILD_SEX_F :
	    CHILD_SEX_M;
	COPY(r->birth_date, st, 5);
	COPY(r->class_name, st, 6);
	r->grade = (int)db_col_int(st, 7);
	i = reg_code_find(enrol_statuses, ENROL__MAX, db_col_text(st, 8));
	r->status = i >= 0 ? (enum enrol_status)i : ENROL_STUDYING;
	COPY(r->status_on, st, 9);
	COPY(r->ethnicity, st, 10);
	i = reg_code_find(child_households, CHILD_HH__MAX, db_col_text(st, 11));
	r->household = i >= 0 ? (enum child_household)i : CHILD_HH_NONE;
	r->disability = db_col_int(st, 12) != 0;
}

static int
by_child(const void *a, const void *b)
{
	const struct roster_row *x = a, *y = b;

	return (x->child_id > y->child_id) - (x->child_id < y->child_id);
}

/* The given name: the last word of a folded key. */
static const char *
given_name(const char *key)
{
	const char *sp = strrchr(key, ' ');

	return sp != NULL ? sp + 1 : key;
}

static int
by_class_and_name(const void *a, const void *b)
{
	const struct roster_row *x = a, *y = b;
	int c;

	if (x->grade != y->grade)
		return x->grade - y->grade;
	if ((c = strcmp(x->class_name, y->class_name)) != 0)
		return c;
	if ((c = strcmp(given_name(x->name_key), given_name(y->name_key))) != 0)
		return c;
	if ((c = strcmp(x->name_key, y->name_key)) != 0)
		return c;
	return by_child(a, b);
}

#define ROSTER_COLS \
	"SELECT e.id, e.child_id, c.full_name, c.name_key, c.sex,"	\
	" c.birth_date, e.class_name, e.grade, e.status, e.status_on,"	\
	" COALESCE(c.ethnicity, ''), c.household,"			\
	" CASE WHEN d.child_id IS NULL THEN 0 ELSE 1 END"

/*
 * The children of the school year, with circumstance groups, by child id:
 * all of them, or with a name query only those whose folded name has a
 * word starting with its first word (namefold_like(); roster_matches()
 * then asks for every word).  A name query does not read the year: the
 * children now at the school come from the index child_school_name, whose
 * name_key is tested before any row is read, and their enrolment from the
 * UNIQUE (child_id, period_id, unit_id) index; the few children of the
 * year who have since left the school (their school_id is another) are
 * added by the year's enrolments, reading only those whose school
 * differs.
 */
static enum err
roster_all(struct db *db, const struct roster_query *q,
    struct roster_row **out, size_t *n)
{
	struct db_stmt *st;
	struct roster_row *more = NULL;
	size_t i, nmore = 0;
	char like[NAMEFOLD_MAX];
	enum err e;

	if (q->q == NULL || q->q[0] == '\0') {
		st = db_stmt(db, ROSTER_COLS
		    " FROM enrolment e JOIN child c ON c.id = e.child_id"
		    " LEFT JOIN child_disability d ON d.child_id = c.id"
		    " WHERE e.unit_id = ? AND e.period_id = ?");
		db_bind_int(st, 1, q->unit_id);
		db_bind_int(st, 2, q->year->id);
		if ((e = db_all_rows(st, sizeof(**out), roster_row,
		    (void **)out, n)) != ERR_OK)
			return e;
	} else {
		namefold_like(q->q, like, sizeof(like));
		/* CROSS JOIN: start from the name index, not the year. */
		st = db_stmt(db, ROSTER_COLS
		    " FROM child c CROSS JOIN enrolment e"
		    " LEFT JOIN child_disability d ON d.child_id = c.id"
		    " WHERE c.school_id = ? AND (' ' || c.name_key) LIKE ?"
		    " AND e.child_id = c.id AND e.period_id = ?"
		    " AND e.unit_id = c.school_id");
		db_bind_int(st, 1, q->unit_id);
		db_bind_text(st, 2, like);
		db_bind_int(st, 3, q->year->id);
		if ((e = db_all_rows(st, sizeof(**out), roster_row,
		    (void **)out, n)) != ERR_OK)
			return e;
		st = db_stmt(db, ROSTER_COLS
		    " FROM enrolment e JOIN child c ON c.id = e.child_id"
		    " LEFT JOIN child_disability d ON d.child_id = c.id"
		    " WHERE e.unit_id = ? AND e.period_id = ?"
		    " AND (c.school_id IS NULL OR c.school_id <> e.unit_id)"
		    " AND (' ' || c.name_key) LIKE ?");
		db_bind_int(st, 1, q->unit_id);
		db_bind_int(st, 2, q->year->id);
		db_bind_text(st, 3, like);
		e = db_all_rows(st, sizeof(*more), roster_row, (void **)&more,
		    &nmore);
		if (e == ERR_OK && nmore > 0) {
			*out = xrealloc(*out, (*n + nmore) * sizeof(**out));
			memcpy(*out + *n, more, nmore * sizeof(*more));
			*n += nmore;
		}
		free(more);
		if (e != ERR_OK)
			return e;
	}
	sort(*out, *n, sizeof(**out), by_child);
	if (q->q == NULL || q->q[0] == '\0') {
		st = db_stmt(db, "SELECT cc.child_id, cc.grp FROM enrolment e"
		    " JOIN child_circumstance cc ON cc.child_id = e.child_id"
		    " WHERE e.unit_id = ? AND e.period_id = ? AND"
		    " cc.from_on <= ? AND (cc.to_on IS NULL OR cc.to_on >= ?)");
		db_bind_int(st, 1, q->unit_id);
		db_bind_int(st, 2, q->year->id);
		db_bind_text(st, 3, q->year->end_on);
		db_bind_text(st, 4, q->year->start_on);
		while (db_step(st) == DB_ROW) {
			struct roster_row key, *r;
			int g = circ_group_find(db_col_text(st, 1));

			key.child_id = db_col_int(st, 0);
			r = find(&key, *out, *n, sizeof(**out), by_child);
			if (r != NULL && g >= 0)
				r->group_bits |= 1u << g;
		}
		db_done(st);
	} else {
		/* The few children found: one lookup each. */
		for (i = 0; i < *n; i++) {
			struct roster_row *r = &(*out)[i];

			st = db_stmt(db, "SELECT grp FROM child_circumstance"
			    " WHERE child_id = ? AND from_on <= ?"
			    " AND (to_on IS NULL OR to_on >= ?)");
			db_bind_int(st, 1, r->child_id);
			db_bind_text(st, 2, q->year->end_on);
			db_bind_text(st, 3, q->year->start_on);
			while (db_step(st) == DB_ROW) {
				int g = circ_group_find(db_col_text(st, 0));

				if (g >= 0)
					r->group_bits |= 1u << g;
			}
			db_done(st);
		}
	}
	for (i = 0; i < *n; i++)
		circ_group_letters((*out)[i].group_bits, (*out)[i].groups,
		    sizeof((*out)[i].groups));
	return ERR_OK;
}

static bool
roster_matches(const struct roster_row *r, const struct roster_query *q)
{
	if (q->class_name != NULL && q->class_name[0] != '\0' &&
	    strcmp(r->class_name, q->class_name) != 0)
		return false;
	if (q->status >= 0 && (int)r->status != q->status)
		return false;
	if (q->group == -2 && r->group_bits == 0)
		return false;
	if (q->group >= 0 && !(r->group_bits & (1u << q->group)))
		return false;
	if (q->disability >= 0 && r->disability != (q->disability == 1))
		return false;
	return q->q == NULL || namefold_match(r->name_key, q->q);
}

enum err
roster_list(struct db *db, const struct roster_query *q,
    struct roster_row **out, size_t *n)
{
	struct roster_row *rows = NULL;
	size_t all = 0, i, k = 0;
	enum err e;

	*out = NULL;
	*n = 0;
	if ((e = roster_all(db, q, &rows, &all)) != ERR_OK) {
		free(rows);
		return e;
	}
	for (i = 0; i < all; i++)
		if (roster_matches(&rows[i], q))
			rows[k++] = rows[i];
	sort(rows, k, sizeof(*rows), by_class_and_name);
	*out = rows;
	*n = k;
	return ERR_OK;
}

enum err
roster_classes(struct db *db, int64_t unit_id, int64_t period_id,
    char (**out)[CHILD_TEXT(ENROL_CLASS_MAX)], size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT class_name, MIN(grade)"
	    " FROM enrolment WHERE unit_id = ? AND period_id = ?"
	    " GROUP BY class_name ORDER BY MIN(grade), class_name");
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, period_id);
	while (db_step(st) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		snprintf((*out)[*n], sizeof((*out)[*n]), "%s",
		    db_col_text(st, 0));
		(*n)++;
	}
	db_done(st);
	return ERR_OK;
}

enum err
roster_latest_year(struct db *db, int64_t unit_id, int64_t *period_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT p.id FROM period p"
	    " WHERE p.type = 'school_year' AND EXISTS (SELECT 1 FROM enrolment e"
	    " WHERE e.unit_id = ? AND e.period_id = p.id)"
	    " ORDER BY p.start_on DESC LIMIT 1");

	db_bind_int(st, 1, unit_id);
	return db_one_int(st, period_id);
}

/* --- search over a scope ----------------------------------------------- */

static int
cmp_id(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;

	return (*x > *y) - (*x < *y);
}

/* The schools at or below root through any link at any time, sorted. */
static int64_t *
scope_schools(const struct unit_tree *t, int64_t root, size_t *n)
{
	size_t start = unit_index(t, root), *queue, head = 0, tail = 0, k;
	bool *seen;
	int64_t *ids;

	*n = 0;
	if (start == (size_t)-1)
		return NULL;
	queue = xcalloc(t->n, sizeof(*queue));
	seen = xcalloc(t->n, sizeof(*seen));
	ids = xcalloc(t->n, sizeof(*ids));
	queue[tail++] = start;
	seen[start] = true;
	while (head < tail) {
		size_t u = queue[head++];

		if (unit_kinds[t->u[u].kind].school)
			ids[(*n)++] = t->u[u].id;
		for (k = t->down_off[u]; k < t->down_off[u + 1]; k++) {
			size_t c = t->l[t->down[k]].child;

			if (!seen[c]) {
				seen[c] = true;
				queue[tail++] = c;
			}
		}
	}
	free(queue);
	free(seen);
	sort(ids, *n, sizeof(*ids), cmp_id);
	return ids;
}

static void
hit_row(struct db_stmt *st, struct child_hit *h, char *key, size_t size)
{
	memset(h, 0, sizeof(*h));
	h->child_id = db_col_int(st, 0);
	h->school_id = db_col_int(st, 1);
	COPY(h->full_name, st, 2);
	h->sex = strcmp(db_col_text(st, 3), "f") == 0 ? CHILD_SEX_F :
	    CHILD_SEX_M;
	COPY(h->birth_date, st, 4);
	snprintf(key, size, "%s", db_col_text(st, 5));
}

struct hit_sort {
	struct child_hit h;
	char		 key[CHILD_TEXT(CHILD_NAME_MAX)];
};

static int
by_key(const void *a, const void *b)
{
	const struct hit_sort *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->h.child_id > y->h.child_id) -
	    (x->h.child_id < y->h.child_id);
}

/* Rows scanned at most by a prefix search over a large scope. */
#define SEARCH_SCAN_MAX	20000
/* Schools searched one by one at most. */
#define SEARCH_SCHOOLS_MAX 64

enum err
child_search(struct db *db, const struct unit_tree *t, int64_t root,
    const char *q, size_t limit, struct child_hit **out, size_t *n)
{
	struct hit_sort *hits = NULL;
	size_t nhits = 0, cap = 0, nschools, i;
	int64_t *schools;
	struct db_stmt *st;
	char like[NAMEFOLD_MAX], hi[NAMEFOLD_MAX];

	*out = NULL;
	*n = 0;
	if (q == NULL || q[0] == '\0' || limit == 0)
		return ERR_OK;
	schools = scope_schools(t, root, &nschools);
	if (nschools <= SEARCH_SCHOOLS_MAX) {
		namefold_like(q, like, sizeof(like));
		for (i = 0; i < nschools; i++) {
			st = db_stmt(db, "SELECT id, school_id, full_name, sex,"
			    " birth_date, name_key FROM child"
			    " WHERE school_id = ? AND (' ' || name_key) LIKE ?");
			db_bind_int(st, 1, schools[i]);
			db_bind_text(st, 2, like);
			while (db_step(st) == DB_ROW) {
				if (nhits == cap) {
					cap = cap ? 2 * cap : 64;
					hits = xrealloc(hits, cap * sizeof(*hits));
				}
				hit_row(st, &hits[nhits].h, hits[nhits].key,
				    sizeof(hits[nhits].key));
				if (namefold_match(hits[nhits].key, q))
					nhits++;
			}
			db_done(st);
		}
	} else {
		size_t len = strlen(q), scanned = 0;

		snprintf(hi, sizeof(hi), "%s", q);
		hi[len - 1]++;	/* keys with prefix q sort in [q, hi) */
		st = db_stmt(db, "SELECT id, school_id, full_name, sex,"
		    " birth_date, name_key FROM child"
		    " WHERE name_key >= ? AND name_key < ? ORDER BY name_key");
		db_bind_text(st, 1, q);
		db_bind_text(st, 2, hi);
		while (nhits < limit && scanned++ < SEARCH_SCAN_MAX &&
		    db_step(st) == DB_ROW) {
			if (nhits == cap) {
				cap = cap ? 2 * cap : 64;
				hits = xrealloc(hits, cap * sizeof(*hits));
			}
			hit_row(st, &hits[nhits].h, hits[nhits].key,
			    sizeof(hits[nhits].key));
			if (find(&hits[nhits].h.school_id, schools, nschools,
			    sizeof(*schools), cmp_id) != NULL)
				nhits++;
		}
		db_done(st);
	}
	free(schools);
	sort(hits, nhits, sizeof(*hits), by_key);
	if (nhits > limit)
		nhits = limit;
	if (nhits > 0) {
		*out = xcalloc(nhits, sizeof(**out));
		for (i = 0; i < nhits; i++)
			(*out)[i] = hits[i].h;
	}
	*n = nhits;
	free(hits);
	return ERR_OK;
}

/* --- teachers' classes ------------------------------------------------- */

static void
class_teacher_row(struct db_stmt *st, void *out)
{
	struct class_teacher *c = out;

	memset(c, 0, sizeof(*c));
	c->id = db_col_int(st, 0);
	c->user_id = db_col_int(st, 1);
	COPY(c->username, st, 2);
	COPY(c->full_name, st, 3);
	c->period_id = db_col_int(st, 4);
	COPY(c->class_name, st, 5);
}

static void
school_teacher_row(struct db_stmt *st, void *out)
{
	struct school_teacher *t = out;

	memset(t, 0, sizeof(*t));
	t->user_id = db_col_int(st, 0);
	COPY(t->username, st, 1);
	COPY(t->full_name, st, 2);
}

enum err
school_teachers(struct db *db, int64_t unit_id, struct school_teacher **out,
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, username, full_name"
	    " FROM app_user WHERE unit_id = ? AND role = 'teacher'"
	    " AND active = 1 ORDER BY username");

	db_bind_int(st, 1, unit_id);
	return db_all_rows(st, sizeof(**out), school_teacher_row, (void **)out,
	    n);
}

enum err
class_teacher_list(struct db *db, int64_t unit_id, int64_t period_id,
    struct class_teacher **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT t.id, t.user_id, u.username,"
	    " u.full_name, t.period_id, t.class_name FROM class_teacher t"
	    " JOIN app_user u ON u.id = t.user_id"
	    " WHERE t.unit_id = ? AND t.period_id = ?"
	    " ORDER BY t.class_name, u.username");

	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, period_id);
	return db_all_rows(st, sizeof(**out), class_teacher_row, (void **)out,
	    n);
}

enum err
class_teacher_add(struct db *db, int64_t user_id, int64_t unit_id,
    int64_t period_id, const char *class_name, int64_t by)
{
	struct db_stmt *st;
	char object[48], detail[160];
	enum err e;

	if ((e = db_begin(db)) != ERR_OK)
		return e;
	st = db_stmt(db, "INSERT INTO class_teacher (user_id, unit_id,"
	    " period_id, class_name) VALUES (?, ?, ?, ?)");
	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, unit_id);
	db_bind_int(st, 3, period_id);
	db_bind_text(st, 4, class_name);
	snprintf(object, sizeof(object), "user:%lld", (long long)user_id);
	snprintf(detail, sizeof(detail), "unit %lld, period %lld, class %s",
	    (long long)unit_id, (long long)period_id, class_name);
	if ((e = db_run(st)) == ERR_OK &&
	    (e = audit(db, by, "class_teacher.add", object, detail)) == ERR_OK)
		e = db_commit(db);
	if (e != ERR_OK)
		db_rollback(db);
	return e;
}

enum err
class_teacher_remove(struct db *db, int64_t id, int64_t unit_id, int64_t by)
{
	struct db_stmt *st;
	char object[48];
	enum err e;

	if ((e = db_begin(db)) != ERR_OK)
		return e;
	st = db_stmt(db, "DELETE FROM class_teacher WHERE id = ? AND unit_id = ?");
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, unit_id);
	snprintf(object, sizeof(object), "class_teacher:%lld", (long long)id);
	if ((e = db_run(st)) == ERR_OK && db_changes(db) == 0)
		e = ERR_NOTFOUND;
	if (e == ERR_OK && (e = audit(db, by, "class_teacher.remove", object,
	    "")) == ERR_OK)
		e = db_commit(db);
	if (e != ERR_OK)
		db_rollback(db);
	return e;
}

enum err
class_teacher_of_child(struct db *db, int64_t user_id, int64_t child_id,
    bool *yes)
{
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM class_teacher t"
	    " JOIN enrolment e ON e.unit_id = t.unit_id"
	    " AND e.period_id = t.period_id AND e.class_name = t.class_name"
	    " WHERE t.user_id = ? AND e.child_id = ? AND e.period_id ="
	    " (SELECT e2.period_id FROM enrolment e2"
	    " JOIN period p ON p.id = e2.period_id WHERE e2.child_id = ?"
	    " ORDER BY p.start_on DESC LIMIT 1)");
	int64_t n = 0;
	enum err e;

	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, child_id);
	db_bind_int(st, 3, child_id);
	e = db_one_int(st, &n);
	*yes = n > 0;
	return e;
}

enum err
class_teacher_of_class(struct db *db, int64_t user_id, int64_t unit_id,
    int64_t period_id, const char *class_name, bool *yes)
{
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM class_teacher"
	    " WHERE user_id = ? AND unit_id = ? AND period_id = ?"
	    " AND class_name = ?");
	int64_t n = 0;
	enum err e;

	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, unit_id);
	db_bind_int(st, 3, period_id);
	db_bind_text(st, 4, class_name);
	e = db_one_int(st, &n);
	*yes = n > 0;
	return e;
}

/* --- early warning ------------------------------------------------------ */

static void
settings_row(struct db_stmt *st, void *out)
{
	struct warn_settings *s = out;

	s->absence_days = (int)db_col_int(st, 0);
	s->unexcused_days = (int)db_col_int(st, 1);
	s->over_age_years = (int)db_col_int(st, 2);
	s->repeats = (int)db_col_int(st, 3);
	s->circumstance = db_col_int(st, 4) != 0;
	s->disability = db_col_int(st, 5) != 0;
	s->poor = db_col_int(st, 6) != 0;
}

enum err
warn_settings_get(struct db *db, int64_t unit_id, struct warn_settings *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT absence_days, unexcused_days,"
	    " over_age_years, repeats, flag_circumstance, flag_disability,"
	    " flag_poor FROM register_setting WHERE unit_id = ?");
	enum err e;

	db_bind_int(st, 1, unit_id);
	e = db_one_row(st, settings_row, out);
	if (e == ERR_NOTFOUND) {
		warn_settings_default(out);
		e = ERR_OK;
	}
	return e;
}

enum err
warn_settings_save(struct db *db, int64_t unit_id,
    const struct warn_settings *s, int64_t user_id)
{
	struct db_stmt *st;
	char object[48], detail[128];
	enum err e;

	if ((e = db_begin(db)) != ERR_OK)
		return e;
	st = db_stmt(db, "INSERT INTO register_setting (unit_id, absence_days,"
	    " unexcused_days, over_age_years, repeats, flag_circumstance,"
	    " flag_disability, flag_poor, updated_by, updated_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	    " ON CONFLICT (unit_id) DO UPDATE SET"
	    " absence_days = excluded.absence_days,"
	    " unexcused_days = excluded.unexcused_days,"
	    " over_age_years = excluded.over_age_years,"
	    " repeats = excluded.repeats,"
	    " flag_circumstance = excluded.flag_circumstance,"
	    " flag_disability = excluded.flag_disability,"
	    " flag_poor = excluded.flag_poor,"
	    " updated_by = excluded.updated_by,"
	    " updated_at = excluded.updated_at");
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, s->absence_days);
	db_bind_int(st, 3, s->unexcused_days);
	db_bind_int(st, 4, s->over_age_years);
	db_bind_int(st, 5, s->repeats);
	db_bind_int(st, 6, s->circumstance);
	db_bind_int(st, 7, s->disability);
	db_bind_int(st, 8, s->poor);
	if (user_id > 0)
		db_bind_int(st, 9, user_id);
	else
		db_bind_null(st, 9);
	db_bind_int(st, 10, (int64_t)time(NULL));
	snprintf(object, sizeof(object), "unit:%lld", (long long)unit_id);
	snprintf(detail, sizeof(detail), "absence %d, unexcused %d, over-age "
	    "%d, repeats %d, flags %d%d%d", s->absence_days, s->unexcused_days,
	    s->over_age_years, s->repeats, s->circumstance, s->disability,
	    s->poor);
	if ((e = db_run(st)) == ERR_OK &&
	    (e = audit(db, user_id, "register.settings", object, detail)) ==
	    ERR_OK)
		e = db_commit(db);
	if (e != ERR_OK)
		db_rollback(db);
	return e;
}

static int
by_enrolment(const void *a, const void *b)
{
	const struct warn_row *x = a, *y = b;

	return (x->r.enrolment_id > y->r.enrolment_id) -
	    (x->r.enrolment_id < y->r.enrolment_id);
}

static int
warn_by_class_and_name(const void *a, const void *b)
{
	const struct warn_row *x = a, *y = b;

	return by_class_and_name(&x->r, &y->r);
}

enum err
warn_list(struct db *db, int64_t unit_id, const struct period *year,
    const struct warn_settings *s, struct warn_row **out, size_t *n)
{
	struct roster_row *rows = NULL;
	struct warn_row *w = NULL;
	struct db_stmt *st;
	struct roster_query q;
	size_t all = 0, i, k = 0;
	int start_year = 0;
	enum err e;

	*out = NULL;
	*n = 0;
	memset(&q, 0, sizeof(q));
	q.unit_id = unit_id;
	q.year = year;
	if ((e = roster_all(db, &q, &rows, &all)) != ERR_OK)
		goto out;
	(void)sscanf(year->start_on, "%4d", &start_year);
	w = xcalloc(all + 1, sizeof(*w));
	for (i = 0; i < all; i++) {
		if (!enrol_status_active(rows[i].status))
			continue;
		w[k].r = rows[i];
		w[k].in.grade = rows[i].grade;
		memcpy(w[k].in.birth, rows[i].birth_date, 11);
		w[k].in.start_year = start_year;
		w[k].in.abs[0].term = 1;
		w[k].in.abs[1].term = 2;
		memcpy(w[k].in.groups, rows[i].groups, sizeof(w[k].in.groups));
		w[k].in.disability = rows[i].disability;
		w[k].in.household = rows[i].household;
		k++;
	}
	/* Absences and repeats, matched by enrolment id (rows are by child
	 * id, and one child has one enrolment per school and year). */
	sort(w, k, sizeof(*w), by_enrolment);
	st = db_stmt(db, "SELECT a.enrolment_id, a.term, a.excused,"
	    " a.unexcused FROM absence a JOIN enrolment e"
	    " ON e.id = a.enrolment_id WHERE e.unit_id = ? AND e.period_id = ?");
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, year->id);
	while (db_step(st) == DB_ROW) {
		struct warn_row key, *r;
		int term = (int)db_col_int(st, 1);

		key.r.enrolment_id = db_col_int(st, 0);
		if ((r = find(&key, w, k, sizeof(*w), by_enrolment)) == NULL ||
		    term < 1 || term > 2)
			continue;
		r->in.abs[term - 1].excused = (int)db_col_int(st, 2);
		r->in.abs[term - 1].unexcused = (int)db_col_int(st, 3);
	}
	db_done(st);
	st = db_stmt(db, "SELECT e.id, COUNT(*) FROM enrolment e"
	    " JOIN enrolment r ON r.child_id = e.child_id"
	    " JOIN period p ON p.id = r.period_id"
	    " WHERE e.unit_id = ? AND e.period_id = ? AND r.status = 'repeated'"
	    " AND p.start_on <= ? GROUP BY e.id");
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, year->id);
	db_bind_text(st, 3, year->start_on);
	while (db_step(st) == DB_ROW) {
		struct warn_row key, *r;

		key.r.enrolment_id = db_col_int(st, 0);
		if ((r = find(&key, w, k, sizeof(*w), by_enrolment)) != NULL)
			r->in.repeats = (int)db_col_int(st, 1);
	}
	db_done(st);
	for (i = 0, all = k, k = 0; i < all; i++)
		if ((w[i].reasons = warn_assess(s, &w[i].in)) != 0)
			w[k++] = w[i];
	sort(w, k, sizeof(*w), warn_by_class_and_name);
	*out = w;
	*n = k;
	w = NULL;
out:
	free(rows);
	free(w);
	return e;
}
