/*
 * period_db.c -- read reporting periods from the table period.
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "indicators/period.h"

/* Columns of every period SELECT, in this order. */
#define PERIOD_COLS "id, code, type, start_on, end_on, year, ref_on"

static void
period_row(struct db_stmt *st, void *out)
{
	struct period *p = out;

	memset(p, 0, sizeof(*p));
	p->id = db_col_int(st, 0);
	snprintf(p->code, sizeof(p->code), "%s", db_col_text(st, 1));
	if (!period_type_from_code(db_col_text(st, 2), &p->type))
		p->type = PERIOD_YEAR;
	snprintf(p->start_on, sizeof(p->start_on), "%s", db_col_text(st, 3));
	snprintf(p->end_on, sizeof(p->end_on), "%s", db_col_text(st, 4));
	p->year = (int)db_col_int(st, 5);
	snprintf(p->ref_on, sizeof(p->ref_on), "%s", db_col_text(st, 6));
}

enum err
period_get(struct db *db, int64_t id, struct period *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " PERIOD_COLS
	    " FROM period WHERE id = ?");

	db_bind_int(st, 1, id);
	return db_one_row(st, period_row, out);
}

enum err
period_get_by_code(struct db *db, const char *code, struct period *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " PERIOD_COLS
	    " FROM period WHERE code = ?");

	db_bind_text(st, 1, code);
	return db_one_row(st, period_row, out);
}

enum err
period_list(struct db *db, enum period_type type, const char *date,
    struct period **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT " PERIOD_COLS
	    " FROM period WHERE type = ? AND start_on <= ?"
	    " ORDER BY start_on DESC, code DESC");
	void *rows;
	enum err e;

	db_bind_text(st, 1, period_types[type].code);
	db_bind_text(st, 2, date != NULL ? date : "9999-12-31");
	e = db_all_rows(st, sizeof(**out), period_row, &rows, n);
	*out = rows;
	return e;
}
