/*
 * value_db.c -- read, save (upsert), lock and list aggregate values.
 *
 * Every change runs in one transaction together with the data generation
 * bump and its audit row, so a failure leaves the data exactly as it was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/audit.h"
#include "db/db.h"
#include "values/value.h"

/* Columns of every value SELECT, in this order (table alias v). */
#define VALUE_COLS "v.id, v.unit_id, v.indicator_id, v.period_id," \
	" v.num_total, v.num_m, v.num_f, v.den_total, v.den_m, v.den_f," \
	" v.locked, v.is_demo, COALESCE(v.entered_by, 0), v.entered_at," \
	" v.computed"
#define VALUE_NCOLS 15		/* how many VALUE_COLS are */

static void
value_row(struct db_stmt *st, void *out)
{
	struct agg_value *v = out;

	memset(v, 0, sizeof(*v));
	v->id = db_col_int(st, 0);
	v->unit_id = db_col_int(st, 1);
	v->indicator_id = db_col_int(st, 2);
	v->period_id = db_col_int(st, 3);
	v->num_total = db_col_int(st, 4);
	v->split = !db_col_null(st, 5);
	v->num_m = db_col_int(st, 5);
	v->num_f = db_col_int(st, 6);
	v->has_den = !db_col_null(st, 7);
	v->den_total = db_col_int(st, 7);
	v->den_m = db_col_int(st, 8);
	v->den_f = db_col_int(st, 9);
	v->locked = db_col_int(st, 10) != 0;
	v->demo = db_col_int(st, 11) != 0;
	v->entered_by = db_col_int(st, 12);
	v->entered_at = db_col_int(st, 13);
	v->computed = db_col_int(st, 14) != 0;
}

enum err
value_find(struct db *db, int64_t unit_id, int64_t indicator_id,
    int64_t period_id, struct agg_value *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " VALUE_COLS
	    " FROM agg_value v WHERE v.unit_id = ? AND v.indicator_id = ?"
	    " AND v.period_id = ?");

	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, indicator_id);
	db_bind_int(st, 3, period_id);
	return db_one_row(st, value_row, out);
}

enum err
value_get(struct db *db, int64_t id, struct agg_value *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " VALUE_COLS
	    " FROM agg_value v WHERE v.id = ?");

	db_bind_int(st, 1, id);
	return db_one_row(st, value_row, out);
}

/* "num 12 (m 5, f 7) / den 20 (m 9, f 11)" for the audit log. */
static void
value_describe(struct buf *b, const struct agg_value *v)
{
	buf_printf(b, "num %lld", (long long)v->num_total);
	if (v->split)
		buf_printf(b, " (m %lld, f %lld)", (long long)v->num_m,
		    (long long)v->num_f);
	if (v->has_den) {
		buf_printf(b, " / den %lld", (long long)v->den_total);
		if (v->split)
			buf_printf(b, " (m %lld, f %lld)", (long long)v->den_m,
			    (long long)v->den_f);
	}
}

static void
bind_opt(struct db_stmt *st, int idx, bool set, int64_t v)
{
	if (set)
		db_bind_int(st, idx, v);
	else
		db_bind_null(st, idx);
}

enum err
value_write(struct db *db, const struct agg_value *v, int64_t user_id,
    int64_t *id_out, bool *created, struct agg_value *old)
{
	struct agg_value stored;
	struct db_stmt *st;
	enum err e, found;

	if (old == NULL)
		old = &stored;
	found = value_find(db, v->unit_id, v->indicator_id, v->period_id, old);
	if (found == ERR_OK && old->locked)
		return ERR_LOCKED;
	if (found == ERR_OK && old->computed)
		return ERR_CONFLICT;
	if (found != ERR_OK && found != ERR_NOTFOUND)
		return found;
	st = db_stmt(db, "INSERT INTO agg_value (unit_id, indicator_id,"
	    " period_id, num_total, num_m, num_f, den_total, den_m, den_f,"
	    " locked, entered_by, entered_at, is_demo)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0)"
	    " ON CONFLICT (unit_id, indicator_id, period_id) DO UPDATE SET"
	    " num_total = excluded.num_total, num_m = excluded.num_m,"
	    " num_f = excluded.num_f, den_total = excluded.den_total,"
	    " den_m = excluded.den_m, den_f = excluded.den_f,"
	    " entered_by = excluded.entered_by,"
	    " entered_at = excluded.entered_at, is_demo = 0,"
	    " source = 'entered'"
	    " WHERE agg_value.locked = 0 AND agg_value.computed = 0");
	db_bind_int(st, 1, v->unit_id);
	db_bind_int(st, 2, v->indicator_id);
	db_bind_int(st, 3, v->period_id);
	db_bind_int(st, 4, v->num_total);
	bind_opt(st, 5, v->split, v->num_m);
	bind_opt(st, 6, v->split, v->num_f);
	bind_opt(st, 7, v->has_den, v->den_total);
	bind_opt(st, 8, v->split && v->has_den, v->den_m);
	bind_opt(st, 9, v->split && v->has_den, v->den_f);
	bind_opt(st, 10, user_id > 0, user_id);
	db_bind_int(st, 11, (int64_t)time(NULL));
	if ((e = db_run(st)) != ERR_OK)
		return e;
	if (db_changes(db) == 0)	/* locked meanwhile */
		return ERR_LOCKED;
	st = db_stmt(db, "SELECT id FROM agg_value WHERE unit_id = ?"
	    " AND indicator_id = ? AND period_id = ?");
	db_bind_int(st, 1, v->unit_id);
	db_bind_int(st, 2, v->indicator_id);
	db_bind_int(st, 3, v->period_id);
	if ((e = db_one_int(st, id_out)) != ERR_OK)
		return e;
	*created = found == ERR_NOTFOUND;
	return ERR_OK;
}

enum err
value_save(struct db *db, const struct agg_value *v, int64_t user_id,
    int64_t *id_out, bool *created)
{
	struct agg_value old;
	struct buf detail = BUF_INIT;
	char object[48];
	enum err e;

	if ((e = db_begin(db)) != ERR_OK)
		return e;
	if ((e = value_write(db, v, user_id, id_out, created, &old)) !=
	    ERR_OK)
		goto out;
	buf_printf(&detail, "unit %lld, indicator %lld, period %lld: ",
	    (long long)v->unit_id, (long long)v->indicator_id,
	    (long long)v->period_id);
	value_describe(&detail, v);
	if (!*created) {
		buf_puts(&detail, "; was ");
		value_describe(&detail, &old);
	}
	snprintf(object, sizeof(object), "agg_value:%lld", (long long)*id_out);
	if ((e = db_bump_generation(db)) != ERR_OK ||
	    (e = audit(db, user_id, *created ? "value.create" : "value.update",
	    object, detail.data)) != ERR_OK)
		goto out;
	e = db_commit(db);
out:
	if (e != ERR_OK)
		db_rollback(db);
	buf_release(&detail);
	return e;
}

enum err
value_lock(struct db *db, int64_t id, int64_t user_id)
{
	struct agg_value v;
	struct db_stmt *st;
	char object[48];
	enum err e;

	if ((e = db_begin(db)) != ERR_OK)
		return e;
	if ((e = value_get(db, id, &v)) != ERR_OK || v.locked)
		goto out;
	st = db_stmt(db, "UPDATE agg_value SET locked = 1 WHERE id = ?");
	db_bind_int(st, 1, id);
	snprintf(object, sizeof(object), "agg_value:%lld", (long long)id);
	if ((e = db_run(st)) != ERR_OK ||
	    (e = db_bump_generation(db)) != ERR_OK ||
	    (e = audit(db, user_id, "value.lock", object, NULL)) != ERR_OK ||
	    (e = db_commit(db)) != ERR_OK)
		goto out;
	return ERR_OK;
out:
	/* Reached with ERR_OK too when it was locked already: nothing to
	 * change. */
	db_rollback(db);
	return e;
}

/* A row of value_list(): the value and the names beside it. */
static void
value_list_row(struct db_stmt *st, void *out)
{
	struct value_row *row = out;

	value_row(st, &row->v);
	snprintf(row->unit_code, sizeof(row->unit_code), "%s",
	    db_col_text(st, VALUE_NCOLS));
	snprintf(row->indicator, sizeof(row->indicator), "%s",
	    db_col_text(st, VALUE_NCOLS + 1));
	snprintf(row->period, sizeof(row->period), "%s", db_col_text(st, VALUE_NCOLS + 2));
	snprintf(row->entered_by_name, sizeof(row->entered_by_name), "%s",
	    db_col_text(st, VALUE_NCOLS + 3));
	if (!indicator_unit_from_code(db_col_text(st, VALUE_NCOLS + 4), &row->ind_unit))
		row->ind_unit = IND_UNIT_PERCENT;
}

enum err
value_list(struct db *db, int64_t unit_id, int64_t indicator_id,
    int64_t period_id, struct value_row **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT " VALUE_COLS ", u.code,"
	    " i.code, p.code, COALESCE(a.full_name, ''), i.unit"
	    " FROM agg_value v JOIN unit u ON u.id = v.unit_id"
	    " JOIN indicator i ON i.id = v.indicator_id"
	    " JOIN period p ON p.id = v.period_id"
	    " LEFT JOIN app_user a ON a.id = v.entered_by"
	    " WHERE v.unit_id = ? AND (? = 0 OR v.indicator_id = ?)"
	    " AND (? = 0 OR v.period_id = ?)"
	    " ORDER BY p.start_on DESC, p.type, i.seq, i.code");
	void *rows;
	enum err e;

	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, indicator_id);
	db_bind_int(st, 3, indicator_id);
	db_bind_int(st, 4, period_id);
	db_bind_int(st, 5, period_id);
	e = db_all_rows(st, sizeof(**out), value_list_row, &rows, n);
	*out = rows;
	if (e != ERR_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return e;
}
