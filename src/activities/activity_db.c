/*
 * activity_db.c -- activities, their participants and the group sizes in
 * the database, and the reach values written from them.
 *
 * Functions that change data run inside the caller's transaction (the
 * handlers open one per request; the demo builds everything in one), add
 * an audit row, and end with act_db_write_reach() for each year touched,
 * which rewrites the REACH_* values of the unit and year and bumps the
 * data generation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "activities/activity_db.h"
#include "auth/audit.h"
#include "core/xalloc.h"
#include "db/db.h"

/* Columns of every activity SELECT, in this order (table alias a). */
#define ACT_COLS "a.id, a.unit_id, a.kind, a.title, a.start_on, a.end_on," \
	" a.audience, a.mode, a.note, a.is_demo"

static void
act_row(struct db_stmt *st, void *out)
{
	struct activity *a = out;
	unsigned aud = 0;

	memset(a, 0, sizeof(*a));
	a->id = db_col_int(st, 0);
	a->unit_id = db_col_int(st, 1);
	a->kind = act_kind_find(db_col_text(st, 2));
	if (a->kind < 0)
		a->kind = ACT_KIND__MAX - 1;	/* "other" */
	snprintf(a->title, sizeof(a->title), "%s", db_col_text(st, 3));
	snprintf(a->start_on, sizeof(a->start_on), "%s", db_col_text(st, 4));
	snprintf(a->end_on, sizeof(a->end_on), "%s", db_col_text(st, 5));
	(void)act_audience_from(db_col_text(st, 6), &aud);
	a->audience = aud;
	a->mode = strcmp(db_col_text(st, 7), "persons") == 0 ?
	    ACT_MODE_PERSONS : ACT_MODE_COUNTS;
	snprintf(a->note, sizeof(a->note), "%s", db_col_text(st, 8));
	a->demo = db_col_int(st, 9) != 0;
}

enum err
act_db_get(struct db *db, int64_t id, struct activity *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " ACT_COLS
	    " FROM activity a WHERE a.id = ?");

	db_bind_int(st, 1, id);
	return db_one_row(st, act_row, out);
}

/* "2024-01-01" and "2024-12-31". */
static void
year_bounds(int year, char from[11], char to[11])
{
	snprintf(from, 11, "%04d-01-01", year);
	snprintf(to, 11, "%04d-12-31", year);
}

/* Bind unit_id at idx and the first and last day of year after it. */
static void
bind_unit_year(struct db_stmt *st, int idx, int64_t unit_id, int year)
{
	char from[11], to[11];

	year_bounds(year, from, to);
	db_bind_int(st, idx, unit_id);
	db_bind_text(st, idx + 1, from);
	db_bind_text(st, idx + 2, to);
}

static void
act_list_row(struct db_stmt *st, void *out)
{
	struct activity *a = out;

	act_row(st, a);
	a->counted = db_col_int(st, 10);
	a->listed = db_col_int(st, 11);
}

enum err
act_db_list(struct db *db, int64_t unit_id, int year, struct activity **out,
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT " ACT_COLS ","
	    " (SELECT COALESCE(SUM(c.num_m + c.num_f), 0) FROM activity_count c"
	    "  WHERE c.activity_id = a.id),"
	    " (SELECT COUNT(*) FROM activity_attendee t"
	    "  WHERE t.activity_id = a.id)"
	    " FROM activity a WHERE a.unit_id = ? AND a.start_on >= ?"
	    " AND a.start_on <= ? ORDER BY a.start_on, a.id");

	bind_unit_year(st, 1, unit_id, year);
	return db_all_rows(st, sizeof(**out), act_list_row, (void **)out, n);
}

/* The group of a stored code (-1 if unknown). */
static int
group_of(const char *code)
{
	int g;

	for (g = 0; g < ACT_GROUP__MAX; g++)
		if (strcmp(act_groups[g].code, code) == 0)
			return g;
	return -1;
}

/* Rows (grp, num_m, num_f) of st into n[group][sex], marking has[group]
 * (has may be NULL); db_done() st. */
static enum err
group_rows(struct db_stmt *st, int64_t n[ACT_GROUP__MAX][ACT_SEX__MAX],
    bool *has)
{
	enum db_rc rc;
	int g;

	while ((rc = db_step(st)) == DB_ROW)
		if ((g = group_of(db_col_text(st, 0))) >= 0) {
			n[g][ACT_M] = db_col_int(st, 1);
			n[g][ACT_F] = db_col_int(st, 2);
			if (has != NULL)
				has[g] = true;
		}
	db_done(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err
act_db_counts(struct db *db, int64_t id, struct act_counts *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT grp, num_m, num_f"
	    " FROM activity_count WHERE activity_id = ?");

	memset(out, 0, sizeof(*out));
	db_bind_int(st, 1, id);
	return group_rows(st, out->n, NULL);
}

static void
attendee_row(struct db_stmt *st, void *out)
{
	struct act_attendee *p = out;
	int g = group_of(db_col_text(st, 2));

	memset(p, 0, sizeof(*p));
	p->person_id = db_col_int(st, 0);
	snprintf(p->name, sizeof(p->name), "%s", db_col_text(st, 1));
	p->group = g >= 0 ? (enum act_group)g : ACT_STAFF;
	p->sex = strcmp(db_col_text(st, 3), "f") == 0 ? ACT_F : ACT_M;
	p->events = db_col_int(st, 4);
}

enum err
act_db_attendees(struct db *db, int64_t id, int year,
    struct act_attendee **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT p.id, p.name, p.grp, p.sex,"
	    " (SELECT COUNT(*) FROM activity_attendee x JOIN activity y"
	    "  ON y.id = x.activity_id WHERE x.person_id = p.id"
	    "  AND y.start_on >= ? AND y.start_on <= ?)"
	    " FROM activity_attendee t JOIN activity_person p"
	    " ON p.id = t.person_id WHERE t.activity_id = ?"
	    " ORDER BY p.grp, p.name_key, p.id");
	char from[11], to[11];

	year_bounds(year, from, to);
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	db_bind_int(st, 3, id);
	return db_all_rows(st, sizeof(**out), attendee_row, (void **)out, n);
}

enum err
act_db_sizes(struct db *db, int64_t unit_id, int year, struct act_sizes *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT grp, num_m, num_f"
	    " FROM group_size WHERE unit_id = ? AND year = ?");

	memset(out, 0, sizeof(*out));
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, year);
	return group_rows(st, out->n, out->has);
}

/* "staff 12/30, parents 40/41" (what changed, for the audit log). */
static void
describe(const struct activity *a, struct buf *b)
{
	buf_printf(b, "unit %lld, %s, %s..%s, ", (long long)a->unit_id,
	    act_kinds[a->kind].code, a->start_on, a->end_on);
	act_audience_text(a->audience, b);
	buf_printf(b, ", %s: %s", act_mode_codes[a->mode], a->title);
}

static enum err
audit_act(struct db *db, int64_t user_id, const char *action, int64_t id,
    const char *detail)
{
	char object[48];

	snprintf(object, sizeof(object), "activity:%lld", (long long)id);
	return audit(db, user_id, action, object, detail);
}

static void
bind_act(struct db_stmt *st, const struct activity *a)
{
	struct buf aud = BUF_INIT;

	act_audience_text(a->audience, &aud);
	db_bind_text(st, 1, act_kinds[a->kind].code);
	db_bind_text(st, 2, a->title);
	db_bind_text(st, 3, a->start_on);
	db_bind_text(st, 4, a->end_on);
	db_bind_text(st, 5, aud.data);
	db_bind_text(st, 6, act_mode_codes[a->mode]);
	db_bind_text(st, 7, a->note);
	db_bind_int(st, 8, (int64_t)time(NULL));
	buf_release(&aud);
}

enum err
act_db_insert(struct db *db, struct activity *a, int64_t user_id)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO activity (kind, title,"
	    " start_on, end_on, audience, mode, note, updated_at, unit_id,"
	    " is_demo, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	struct buf d = BUF_INIT;
	enum err e;

	bind_act(st, a);
	db_bind_int(st, 9, a->unit_id);
	db_bind_int(st, 10, a->demo);
	if (user_id > 0)
		db_bind_int(st, 11, user_id);
	else
		db_bind_null(st, 11);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	a->id = db_last_id(db);
	describe(a, &d);
	e = audit_act(db, user_id, "activity.create", a->id, d.data);
	buf_release(&d);
	return e;
}

/* Participants of the other mode than mode? */
static enum err
has_other_mode(struct db *db, int64_t id, enum act_mode mode, bool *out)
{
	struct db_stmt *st = mode == ACT_MODE_COUNTS ?
	    db_stmt(db, "SELECT COUNT(*) FROM activity_attendee"
	    " WHERE activity_id = ?") :
	    db_stmt(db, "SELECT COUNT(*) FROM activity_count"
	    " WHERE activity_id = ? AND num_m + num_f > 0");
	int64_t n = 0;
	enum err e;

	db_bind_int(st, 1, id);
	e = db_one_int(st, &n);
	*out = n > 0;
	return e;
}

enum err
act_db_update(struct db *db, const struct activity *a, int64_t user_id,
    int *old_year)
{
	struct activity old;
	struct db_stmt *st;
	struct buf d = BUF_INIT;
	bool other;
	enum err e;
	int g;

	if ((e = act_db_get(db, a->id, &old)) != ERR_OK)
		return e;
	*old_year = act_year(&old);
	if ((e = has_other_mode(db, a->id, a->mode, &other)) != ERR_OK)
		return e;
	if (other)
		return ERR_CONFLICT;
	st = db_stmt(db, "UPDATE activity SET kind = ?, title = ?,"
	    " start_on = ?, end_on = ?, audience = ?, mode = ?, note = ?,"
	    " updated_at = ? WHERE id = ?");
	bind_act(st, a);
	db_bind_int(st, 9, a->id);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	/* Counts of groups no longer in the audience go. */
	for (g = 0; g < ACT_GROUP__MAX; g++) {
		if (a->audience & (1u << g))
			continue;
		st = db_stmt(db, "DELETE FROM activity_count"
		    " WHERE activity_id = ? AND grp = ?");
		db_bind_int(st, 1, a->id);
		db_bind_text(st, 2, act_groups[g].code);
		if ((e = db_run(st)) != ERR_OK)
			return e;
	}
	describe(a, &d);
	buf_puts(&d, "; was ");
	describe(&old, &d);
	e = audit_act(db, user_id, "activity.update", a->id, d.data);
	buf_release(&d);
	return e;
}

enum err
act_db_delete(struct db *db, int64_t id, int64_t user_id)
{
	struct activity a;
	struct db_stmt *st;
	struct buf d = BUF_INIT;
	enum err e;

	if ((e = act_db_get(db, id, &a)) != ERR_OK)
		return e;
	st = db_stmt(db, "DELETE FROM activity_count WHERE activity_id = ?");
	db_bind_int(st, 1, id);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	st = db_stmt(db, "DELETE FROM activity_attendee WHERE activity_id = ?");
	db_bind_int(st, 1, id);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	st = db_stmt(db, "DELETE FROM activity WHERE id = ?");
	db_bind_int(st, 1, id);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	describe(&a, &d);
	e = audit_act(db, user_id, "activity.delete", id, d.data);
	buf_release(&d);
	return e;
}

enum err
act_db_set_counts(struct db *db, int64_t id, unsigned audience,
    const struct act_counts *c, int64_t user_id)
{
	struct db_stmt *st;
	struct buf d = BUF_INIT;
	enum err e = ERR_OK;
	int g;

	st = db_stmt(db, "DELETE FROM activity_count WHERE activity_id = ?");
	db_bind_int(st, 1, id);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	for (g = 0; g < ACT_GROUP__MAX && e == ERR_OK; g++) {
		if (!(audience & (1u << g)))
			continue;
		st = db_stmt(db, "INSERT INTO activity_count (activity_id, grp,"
		    " num_m, num_f) VALUES (?, ?, ?, ?)");
		db_bind_int(st, 1, id);
		db_bind_text(st, 2, act_groups[g].code);
		db_bind_int(st, 3, c->n[g][ACT_M]);
		db_bind_int(st, 4, c->n[g][ACT_F]);
		e = db_run(st);
		buf_printf(&d, "%s%s m %lld f %lld", d.len ? ", " : "",
		    act_groups[g].code, (long long)c->n[g][ACT_M],
		    (long long)c->n[g][ACT_F]);
	}
	if (e == ERR_OK)
		e = audit_act(db, user_id, "activity.counts", id, d.data);
	buf_release(&d);
	return e;
}

/* The id of the unit's person (key, group, sex), made if new. */
static enum err
person_id(struct db *db, int64_t unit_id, const struct act_person *p,
    bool demo, int64_t *id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id FROM activity_person"
	    " WHERE unit_id = ? AND name_key = ? AND grp = ? AND sex = ?");
	enum err e;

	db_bind_int(st, 1, unit_id);
	db_bind_text(st, 2, p->key);
	db_bind_text(st, 3, act_groups[p->group].code);
	db_bind_text(st, 4, p->sex == ACT_F ? "f" : "m");
	if ((e = db_one_int(st, id)) != ERR_NOTFOUND)
		return e;
	st = db_stmt(db, "INSERT INTO activity_person (unit_id, name,"
	    " name_key, grp, sex, is_demo) VALUES (?, ?, ?, ?, ?, ?)");
	db_bind_int(st, 1, unit_id);
	db_bind_text(st, 2, p->name);
	db_bind_text(st, 3, p->key);
	db_bind_text(st, 4, act_groups[p->group].code);
	db_bind_text(st, 5, p->sex == ACT_F ? "f" : "m");
	db_bind_int(st, 6, demo);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	*id = db_last_id(db);
	return ERR_OK;
}

enum err
act_db_add_persons(struct db *db, const struct activity *a,
    const struct act_person *v, size_t n, int64_t user_id, size_t *added)
{
	struct db_stmt *st;
	struct buf d = BUF_INIT;
	int64_t pid;
	enum err e = ERR_OK;
	size_t i;

	*added = 0;
	for (i = 0; i < n && e == ERR_OK; i++) {
		if ((e = person_id(db, a->unit_id, &v[i], a->demo, &pid)) !=
		    ERR_OK)
			break;
		st = db_stmt(db, "INSERT INTO activity_attendee (activity_id,"
		    " person_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
		db_bind_int(st, 1, a->id);
		db_bind_int(st, 2, pid);
		if ((e = db_run(st)) == ERR_OK && db_changes(db) > 0)
			(*added)++;
	}
	if (e == ERR_OK) {
		buf_printf(&d, "%zu listed, %zu new to the activity", n, *added);
		e = audit_act(db, user_id, "activity.persons.add", a->id, d.data);
	}
	buf_release(&d);
	return e;
}

enum err
act_db_remove_person(struct db *db, int64_t id, int64_t person_id_,
    int64_t user_id)
{
	struct db_stmt *st = db_stmt(db, "DELETE FROM activity_attendee"
	    " WHERE activity_id = ? AND person_id = ?");
	char detail[48];
	enum err e;

	db_bind_int(st, 1, id);
	db_bind_int(st, 2, person_id_);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	if (db_changes(db) == 0)
		return ERR_NOTFOUND;
	snprintf(detail, sizeof(detail), "person %lld", (long long)person_id_);
	return audit_act(db, user_id, "activity.persons.remove", id, detail);
}

enum err
act_db_set_sizes(struct db *db, int64_t unit_id, int year,
    const struct act_sizes *s, bool demo, int64_t user_id)
{
	struct db_stmt *st;
	struct buf d = BUF_INIT;
	char object[48];
	enum err e = ERR_OK;
	int g;

	for (g = 0; g < ACT_GROUP__MAX && e == ERR_OK; g++) {
		if (!s->has[g]) {
			st = db_stmt(db, "DELETE FROM group_size WHERE"
			    " unit_id = ? AND year = ? AND grp = ?");
			db_bind_int(st, 1, unit_id);
			db_bind_int(st, 2, year);
			db_bind_text(st, 3, act_groups[g].code);
			e = db_run(st);
			continue;
		}
		st = db_stmt(db, "INSERT INTO group_size (unit_id, year, grp,"
		    " num_m, num_f, is_demo, entered_by, entered_at)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
		    " ON CONFLICT (unit_id, year, grp) DO UPDATE SET"
		    " num_m = excluded.num_m, num_f = excluded.num_f,"
		    " is_demo = excluded.is_demo,"
		    " entered_by = excluded.entered_by,"
		    " entered_at = excluded.entered_at");
		db_bind_int(st, 1, unit_id);
		db_bind_int(st, 2, year);
		db_bind_text(st, 3, act_groups[g].code);
		db_bind_int(st, 4, s->n[g][ACT_M]);
		db_bind_int(st, 5, s->n[g][ACT_F]);
		db_bind_int(st, 6, demo);
		if (user_id > 0)
			db_bind_int(st, 7, user_id);
		else
			db_bind_null(st, 7);
		db_bind_int(st, 8, (int64_t)time(NULL));
		e = db_run(st);
		buf_printf(&d, "%s%s m %lld f %lld", d.len ? ", " : "",
		    act_groups[g].code, (long long)s->n[g][ACT_M],
		    (long long)s->n[g][ACT_F]);
	}
	if (e != ERR_OK)
		goto out;
	snprintf(object, sizeof(object), "unit:%lld", (long long)unit_id);
	buf_printf(&d, "%s(year %d)", d.len ? " " : "", year);
	e = audit(db, user_id, "group_size.set", object, d.data);
out:
	buf_release(&d);
	return e;
}

enum err
act_db_reach(struct db *db, int64_t unit_id, int year, struct act_reach *out)
{
	struct act_attendance *att = NULL;
	struct act_counts *cnt = NULL;
	struct act_sizes sizes;
	struct db_stmt *st;
	size_t natt = 0, ncnt = 0;
	int64_t last = 0;
	enum db_rc rc;
	enum err e;
	int g;

	if ((e = act_db_sizes(db, unit_id, year, &sizes)) != ERR_OK)
		return e;
	st = db_stmt(db, "SELECT t.person_id, p.grp, p.sex"
	    " FROM activity_attendee t JOIN activity a ON a.id = t.activity_id"
	    " JOIN activity_person p ON p.id = t.person_id"
	    " WHERE a.unit_id = ? AND a.mode = 'persons'"
	    " AND a.start_on >= ? AND a.start_on <= ?");
	bind_unit_year(st, 1, unit_id, year);
	while ((rc = db_step(st)) == DB_ROW) {
		if ((g = group_of(db_col_text(st, 1))) < 0)
			continue;
		att = xrealloc(att, (natt + 1) * sizeof(*att));
		att[natt].person_id = db_col_int(st, 0);
		att[natt].group = (enum act_group)g;
		att[natt].sex = strcmp(db_col_text(st, 2), "f") == 0 ? ACT_F :
		    ACT_M;
		natt++;
	}
	db_done(st);
	if (rc != DB_DONE) {
		e = ERR_DB;
		goto out;
	}
	st = db_stmt(db, "SELECT c.activity_id, c.grp, c.num_m, c.num_f"
	    " FROM activity_count c JOIN activity a ON a.id = c.activity_id"
	    " WHERE a.unit_id = ? AND a.mode = 'counts'"
	    " AND a.start_on >= ? AND a.start_on <= ? ORDER BY c.activity_id");
	bind_unit_year(st, 1, unit_id, year);
	while ((rc = db_step(st)) == DB_ROW) {
		if ((g = group_of(db_col_text(st, 1))) < 0)
			continue;
		if (ncnt == 0 || db_col_int(st, 0) != last) {
			cnt = xrealloc(cnt, (ncnt + 1) * sizeof(*cnt));
			memset(&cnt[ncnt++], 0, sizeof(*cnt));
			last = db_col_int(st, 0);
		}
		cnt[ncnt - 1].n[g][ACT_M] = db_col_int(st, 2);
		cnt[ncnt - 1].n[g][ACT_F] = db_col_int(st, 3);
	}
	db_done(st);
	if (rc != DB_DONE) {
		e = ERR_DB;
		goto out;
	}
	act_reach_compute(att, natt, cnt, ncnt, &sizes, out);
	st = db_stmt(db, "SELECT COUNT(*) FROM activity WHERE unit_id = ?"
	    " AND start_on >= ? AND start_on <= ?");
	bind_unit_year(st, 1, unit_id, year);
	e = db_one_int(st, &last);
	out->nactivities = (size_t)last;
out:
	free(att);
	free(cnt);
	return e;
}

/* Are all the unit's activities and group sizes of the year demo data? */
static enum err
all_demo(struct db *db, int64_t unit_id, int year, bool *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT (SELECT COUNT(*) FROM activity"
	    " WHERE unit_id = ? AND start_on >= ? AND start_on <= ?"
	    " AND is_demo = 0) + (SELECT COUNT(*) FROM group_size"
	    " WHERE unit_id = ? AND year = ? AND is_demo = 0)");
	int64_t n = 0;
	enum err e;

	bind_unit_year(st, 1, unit_id, year);
	db_bind_int(st, 4, unit_id);
	db_bind_int(st, 5, year);
	e = db_one_int(st, &n);
	*out = n == 0;
	return e;
}

/* Write (or remove) one reach value; what happened into w. */
static enum err
write_one(struct db *db, int64_t unit_id, int64_t period_id, int64_t ind_id,
    bool computable, const struct act_value *v, bool demo, int64_t user_id,
    struct act_written *w)
{
	struct db_stmt *st;
	struct buf d = BUF_INIT;
	char object[48], source[16] = "";
	int64_t id = 0, locked = 0;
	enum err e;

	/* A locked demo value is synthetic: it does not stand in the way of
	 * the unit's own activities. */
	st = db_stmt(db, "SELECT id, locked * (1 - is_demo), source"
	    " FROM agg_value WHERE unit_id = ? AND indicator_id = ?"
	    " AND period_id = ?");
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, ind_id);
	db_bind_int(st, 3, period_id);
	if (db_step(st) == DB_ROW) {
		id = db_col_int(st, 0);
		locked = db_col_int(st, 1);
		snprintf(source, sizeof(source), "%s", db_col_text(st, 2));
	}
	db_done(st);
	w->computed = computable;
	w->v = *v;
	if (locked) {
		w->locked = true;
		return ERR_OK;
	}
	if (!computable) {
		if (id == 0 || strcmp(source, "activities") != 0)
			return ERR_OK;
		st = db_stmt(db, "DELETE FROM agg_value WHERE id = ?");
		db_bind_int(st, 1, id);
		if ((e = db_run(st)) != ERR_OK)
			return e;
		snprintf(object, sizeof(object), "agg_value:%lld",
		    (long long)id);
		return audit(db, user_id, "value.compute.remove", object,
		    "activities: no group sizes or no one to reach");
	}
	st = db_stmt(db, "INSERT INTO agg_value (unit_id, indicator_id,"
	    " period_id, num_total, num_m, num_f, den_total, den_m, den_f,"
	    " locked, entered_by, entered_at, is_demo, source)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 'activities')"
	    " ON CONFLICT (unit_id, indicator_id, period_id) DO UPDATE SET"
	    " num_total = excluded.num_total, num_m = excluded.num_m,"
	    " num_f = excluded.num_f, den_total = excluded.den_total,"
	    " den_m = excluded.den_m, den_f = excluded.den_f,"
	    " entered_by = excluded.entered_by,"
	    " entered_at = excluded.entered_at, is_demo = excluded.is_demo,"
	    " source = 'activities', locked = 0"
	    " WHERE agg_value.locked = 0 OR agg_value.is_demo = 1");
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, ind_id);
	db_bind_int(st, 3, period_id);
	db_bind_int(st, 4, v->num_m + v->num_f);
	db_bind_int(st, 5, v->num_m);
	db_bind_int(st, 6, v->num_f);
	db_bind_int(st, 7, v->den_m + v->den_f);
	db_bind_int(st, 8, v->den_m);
	db_bind_int(st, 9, v->den_f);
	if (user_id > 0)
		db_bind_int(st, 10, user_id);
	else
		db_bind_null(st, 10);
	db_bind_int(st, 11, (int64_t)time(NULL));
	db_bind_int(st, 12, demo);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	w->written = true;
	st = db_stmt(db, "SELECT id FROM agg_value WHERE unit_id = ?"
	    " AND indicator_id = ? AND period_id = ?");
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, ind_id);
	db_bind_int(st, 3, period_id);
	if ((e = db_one_int(st, &id)) != ERR_OK)
		return e;
	buf_printf(&d, "activities: num m %lld f %lld / den m %lld f %lld%s%s",
	    (long long)v->num_m, (long long)v->num_f, (long long)v->den_m,
	    (long long)v->den_f, source[0] && strcmp(source, "activities") ?
	    "; replaces a value from " : "", strcmp(source, "activities") ?
	    source : "");
	snprintf(object, sizeof(object), "agg_value:%lld", (long long)id);
	e = audit(db, user_id, "value.compute", object, d.data);
	buf_release(&d);
	return e;
}

enum err
act_db_write_reach(struct db *db, int64_t unit_id, int year, int64_t user_id,
    struct act_reach *r, struct act_written w[ACT_REACH__MAX])
{
	struct db_stmt *st;
	struct act_value v;
	int64_t period_id, ind_id;
	char code[16];
	bool demo, ok;
	enum err e;
	int i;

	memset(w, 0, ACT_REACH__MAX * sizeof(*w));
	if ((e = act_db_reach(db, unit_id, year, r)) != ERR_OK ||
	    (e = all_demo(db, unit_id, year, &demo)) != ERR_OK)
		return e;
	snprintf(code, sizeof(code), "%d", year);
	st = db_stmt(db, "SELECT id FROM period WHERE code = ?"
	    " AND type = 'year'");
	db_bind_text(st, 1, code);
	if ((e = db_one_int(st, &period_id)) == ERR_NOTFOUND) {
		for (i = 0; i < ACT_REACH__MAX; i++)
			w[i].no_period = true;
		return ERR_OK;
	}
	if (e != ERR_OK)
		return e;
	for (i = 0; i < ACT_REACH__MAX; i++) {
		st = db_stmt(db, "SELECT id FROM indicator WHERE code = ?");
		db_bind_text(st, 1, act_reach_inds[i].code);
		if ((e = db_one_int(st, &ind_id)) == ERR_NOTFOUND)
			continue;
		if (e != ERR_OK)
			return e;
		ok = act_reach_value(r, (enum act_reach_ind)i, &v);
		if ((e = write_one(db, unit_id, period_id, ind_id, ok, &v, demo,
		    user_id, &w[i])) != ERR_OK)
			return e;
	}
	return db_bump_generation(db);
}

enum err
act_db_stored(struct db *db, int64_t unit_id, int year,
    struct act_stored out[ACT_REACH__MAX])
{
	struct db_stmt *st;
	char code[16];
	int64_t period_id;
	enum err e;
	int i;

	memset(out, 0, ACT_REACH__MAX * sizeof(*out));
	snprintf(code, sizeof(code), "%d", year);
	st = db_stmt(db, "SELECT id FROM period WHERE code = ?"
	    " AND type = 'year'");
	db_bind_text(st, 1, code);
	if ((e = db_one_int(st, &period_id)) == ERR_NOTFOUND)
		return ERR_OK;
	if (e != ERR_OK)
		return e;
	for (i = 0; i < ACT_REACH__MAX; i++) {
		out[i].period_id = period_id;
		st = db_stmt(db, "SELECT v.locked * (1 - v.is_demo), v.source"
		    " FROM agg_value v JOIN indicator i ON i.id = v.indicator_id"
		    " WHERE v.unit_id = ? AND i.code = ? AND v.period_id = ?");
		db_bind_int(st, 1, unit_id);
		db_bind_text(st, 2, act_reach_inds[i].code);
		db_bind_int(st, 3, period_id);
		if (db_step(st) == DB_ROW) {
			out[i].exists = true;
			out[i].locked = db_col_int(st, 0) != 0;
			out[i].computed = strcmp(db_col_text(st, 1),
			    "activities") == 0;
		}
		db_done(st);
	}
	return ERR_OK;
}
