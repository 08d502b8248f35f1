/*
 * enrolment_db.c -- the rows of enrolments, their status history and
 * absences (see register_db.h).  Every function runs inside the caller's
 * transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "register/register_db.h"

#define COPY(dst, st, col) \
	snprintf((dst), sizeof(dst), "%s", db_col_text((st), (col)))

#define ENROL_COLS "e.id, e.child_id, e.unit_id, e.period_id, e.class_name," \
	" e.grade, e.status, e.entered_on, e.status_on," \
	" COALESCE(e.from_unit_id, 0), e.from_school," \
	" COALESCE(e.to_unit_id, 0), e.to_school," \
	" COALESCE(e.dropout_reason, ''), e.note, e.is_demo"
#define ENROL_NCOLS 16

static void
enrolment_cols(struct db_stmt *st, struct enrolment *e)
{
	int i;

	memset(e, 0, sizeof(*e));
	e->id = db_col_int(st, 0);
	e->child_id = db_col_int(st, 1);
	e->unit_id = db_col_int(st, 2);
	e->period_id = db_col_int(st, 3);
	COPY(e->class_name, st, 4);
	e->grade = (int)db_col_int(st, 5);
	i = reg_code_find(enrol_statuses, ENROL__MAX, db_col_text(st, 6));
	e->status = i >= 0 ? (enum enrol_status)i : ENROL_STUDYING;
	COPY(e->entered_on, st, 7);
	COPY(e->status_on, st, 8);
	e->from_unit_id = db_col_int(st, 9);
	COPY(e->from_school, st, 10);
	e->to_unit_id = db_col_int(st, 11);
	COPY(e->to_school, st, 12);
	i = reg_code_find(dropout_reasons, DROPOUT__MAX, db_col_text(st, 13));
	e->dropout_reason = i >= 0 ? (enum dropout_reason)i : DROPOUT__MAX;
	COPY(e->note, st, 14);
	e->demo = db_col_int(st, 15) != 0;
}

static void
enrolment_row(struct db_stmt *st, void *out)
{
	enrolment_cols(st, out);
}

enum err
enrolment_get(struct db *db, int64_t id, struct enrolment *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " ENROL_COLS
	    " FROM enrolment e WHERE e.id = ?");

	db_bind_int(st, 1, id);
	return db_one_row(st, enrolment_row, out);
}

enum err
enrolment_active(struct db *db, int64_t child_id, int64_t period_id,
    struct enrolment *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " ENROL_COLS
	    " FROM enrolment e WHERE e.child_id = ? AND e.period_id = ?"
	    " AND e.status NOT IN ('transferred_out', 'dropped_out')");

	db_bind_int(st, 1, child_id);
	db_bind_int(st, 2, period_id);
	return db_one_row(st, enrolment_row, out);
}

static void
bind_opt_unit(struct db_stmt *st, int idx, int64_t id)
{
	if (id > 0)
		db_bind_int(st, idx, id);
	else
		db_bind_null(st, idx);
}

static void
bind_reason(struct db_stmt *st, int idx, enum dropout_reason r)
{
	if (r < DROPOUT__MAX)
		db_bind_text(st, idx, dropout_reasons[r].code);
	else
		db_bind_null(st, idx);
}

static enum err
event_insert(struct db *db, int64_t enrolment_id, enum enrol_status s,
    const char *on, const char *detail, int64_t user_id)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO enrolment_event"
	    " (enrolment_id, status, on_date, detail, user_id, at)"
	    " VALUES (?, ?, ?, ?, ?, ?)");

	db_bind_int(st, 1, enrolment_id);
	db_bind_text(st, 2, enrol_statuses[s].code);
	db_bind_text(st, 3, on);
	db_bind_text(st, 4, detail != NULL ? detail : "");
	bind_opt_unit(st, 5, user_id);
	db_bind_int(st, 6, (int64_t)time(NULL));
	return db_run(st);
}

enum err
enrolment_insert(struct db *db, const struct enrolment *e, int64_t user_id,
    int64_t *id)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO enrolment (child_id,"
	    " unit_id, period_id, class_name, grade, status, entered_on,"
	    " status_on, from_unit_id, from_school, to_unit_id, to_school,"
	    " dropout_reason, note, is_demo, updated_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	int64_t new_id;
	enum err err;

	db_bind_int(st, 1, e->child_id);
	db_bind_int(st, 2, e->unit_id);
	db_bind_int(st, 3, e->period_id);
	db_bind_text(st, 4, e->class_name);
	db_bind_int(st, 5, e->grade);
	db_bind_text(st, 6, enrol_statuses[e->status].code);
	db_bind_text(st, 7, e->entered_on);
	db_bind_text(st, 8, e->status_on);
	bind_opt_unit(st, 9, e->from_unit_id);
	db_bind_text(st, 10, e->from_school);
	bind_opt_unit(st, 11, e->to_unit_id);
	db_bind_text(st, 12, e->to_school);
	bind_reason(st, 13, e->dropout_reason);
	db_bind_text(st, 14, e->note);
	db_bind_int(st, 15, e->demo);
	db_bind_int(st, 16, (int64_t)time(NULL));
	if ((err = db_run(st)) != ERR_OK)
		return err;
	new_id = db_last_id(db);
	if (id != NULL)
		*id = new_id;
	if ((err = event_insert(db, new_id, e->status, e->status_on, "",
	    user_id)) != ERR_OK)
		return err;
	return child_refresh_school(db, e->child_id);
}

enum err
enrolment_update(struct db *db, const struct enrolment *e, int64_t user_id,
    const char *detail)
{
	struct db_stmt *st = db_stmt(db, "UPDATE enrolment SET class_name = ?,"
	    " grade = ?, status = ?, status_on = ?, to_unit_id = ?,"
	    " to_school = ?, dropout_reason = ?, note = ?, updated_at = ?"
	    " WHERE id = ?");
	enum err err;

	db_bind_text(st, 1, e->class_name);
	db_bind_int(st, 2, e->grade);
	db_bind_text(st, 3, enrol_statuses[e->status].code);
	db_bind_text(st, 4, e->status_on);
	bind_opt_unit(st, 5, e->to_unit_id);
	db_bind_text(st, 6, e->to_school);
	bind_reason(st, 7, e->dropout_reason);
	db_bind_text(st, 8, e->note);
	db_bind_int(st, 9, (int64_t)time(NULL));
	db_bind_int(st, 10, e->id);
	if ((err = db_run(st)) != ERR_OK)
		return err;
	if (db_changes(db) == 0)
		return ERR_NOTFOUND;
	if ((err = event_insert(db, e->id, e->status, e->status_on, detail,
	    user_id)) != ERR_OK)
		return err;
	return child_refresh_school(db, e->child_id);
}

enum err
enrolment_dropouts(struct db *db, int64_t id, int *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM enrolment_event"
	    " WHERE enrolment_id = ? AND status = 'dropped_out'");
	int64_t v = 0;
	enum err e;

	db_bind_int(st, 1, id);
	e = db_one_int(st, &v);
	*n = (int)v;
	return e;
}

static void
id_row(struct db_stmt *st, void *out)
{
	*(int64_t *)out = db_col_int(st, 0);
}

enum err
child_schools(struct db *db, int64_t child_id, int64_t **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT DISTINCT unit_id"
	    " FROM enrolment WHERE child_id = ?");

	db_bind_int(st, 1, child_id);
	return db_all_rows(st, sizeof(**out), id_row, (void **)out, n);
}

static void
enrolment_full_row(struct db_stmt *st, void *out)
{
	struct enrolment_row *r = out;

	enrolment_cols(st, &r->e);
	COPY(r->year, st, ENROL_NCOLS);
	COPY(r->year_start, st, ENROL_NCOLS + 1);
	COPY(r->year_end, st, ENROL_NCOLS + 2);
	r->abs[0].term = 1;
	r->abs[0].excused = (int)db_col_int(st, ENROL_NCOLS + 3);
	r->abs[0].unexcused = (int)db_col_int(st, ENROL_NCOLS + 4);
	r->abs[1].term = 2;
	r->abs[1].excused = (int)db_col_int(st, ENROL_NCOLS + 5);
	r->abs[1].unexcused = (int)db_col_int(st, ENROL_NCOLS + 6);
}

enum err
child_enrolments(struct db *db, int64_t child_id, struct enrolment_row **out,
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT " ENROL_COLS ", p.code,"
	    " p.start_on, p.end_on, COALESCE(a1.excused, 0),"
	    " COALESCE(a1.unexcused, 0), COALESCE(a2.excused, 0),"
	    " COALESCE(a2.unexcused, 0)"
	    " FROM enrolment e JOIN period p ON p.id = e.period_id"
	    " LEFT JOIN absence a1 ON a1.enrolment_id = e.id AND a1.term = 1"
	    " LEFT JOIN absence a2 ON a2.enrolment_id = e.id AND a2.term = 2"
	    " WHERE e.child_id = ? ORDER BY p.start_on DESC, e.id DESC");

	db_bind_int(st, 1, child_id);
	return db_all_rows(st, sizeof(**out), enrolment_full_row, (void **)out,
	    n);
}

static void
event_row(struct db_stmt *st, void *out)
{
	struct enrol_event *ev = out;
	int i;

	memset(ev, 0, sizeof(*ev));
	ev->enrolment_id = db_col_int(st, 0);
	i = reg_code_find(enrol_statuses, ENROL__MAX, db_col_text(st, 1));
	ev->status = i >= 0 ? (enum enrol_status)i : ENROL_STUDYING;
	COPY(ev->on_date, st, 2);
	COPY(ev->detail, st, 3);
	COPY(ev->by, st, 4);
}

enum err
child_events(struct db *db, int64_t child_id, struct enrol_event **out,
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT ev.enrolment_id, ev.status,"
	    " ev.on_date, ev.detail, COALESCE(u.username, '')"
	    " FROM enrolment_event ev"
	    " JOIN enrolment e ON e.id = ev.enrolment_id"
	    " LEFT JOIN app_user u ON u.id = ev.user_id"
	    " WHERE e.child_id = ? ORDER BY ev.on_date, ev.id");

	db_bind_int(st, 1, child_id);
	return db_all_rows(st, sizeof(**out), event_row, (void **)out, n);
}

enum err
absence_put(struct db *db, int64_t enrolment_id, const struct absence *a)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO absence (enrolment_id,"
	    " term, excused, unexcused) VALUES (?, ?, ?, ?)"
	    " ON CONFLICT (enrolment_id, term) DO UPDATE SET"
	    " excused = excluded.excused, unexcused = excluded.unexcused");

	db_bind_int(st, 1, enrolment_id);
	db_bind_int(st, 2, a->term);
	db_bind_int(st, 3, a->excused);
	db_bind_int(st, 4, a->unexcused);
	return db_run(st);
}
