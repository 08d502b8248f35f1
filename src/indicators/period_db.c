/*
 * period_db.c -- read reporting periods from the table period.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "db/db.h"
#include "indicators/period.h"

/* Columns of every period SELECT, in this order. */
#define PERIOD_COLS "id, code, type, start_on, end_on, year, ref_on"

static void
period_row(struct db_stmt *st, struct period *p)
{
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

static enum err
period_one(struct db_stmt *st, struct period *out)
{
	enum db_rc rc = db_step(st);

	if (rc == DB_ROW)
		period_row(st, out);
	db_done(st);
	return rc == DB_ROW ? ERR_OK : rc == DB_DONE ? ERR_NOTFOUND : ERR_DB;
}

enum err
period_get(struct db *db, int64_t id, struct period *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " PERIOD_COLS
	    " FROM period WHERE id = ?");

	db_bind_int(st, 1, id);
	return period_one(st, out);
}

enum err
period_get_by_code(struct db *db, const char *code, struct period *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " PERIOD_COLS
	    " FROM period WHERE code = ?");

	db_bind_text(st, 1, code);
	return period_one(st, out);
}

enum err
period_list(struct db *db, enum period_type type, const char *date,
    struct period **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT " PERIOD_COLS
	    " FROM period WHERE type = ? AND start_on <= ?"
	    " ORDER BY start_on DESC, code DESC");
	size_t cap = 0;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	db_bind_text(st, 1, period_types[type].code);
	db_bind_text(st, 2, date != NULL ? date : "9999-12-31");
	while ((rc = db_step(st)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		period_row(st, &(*out)[(*n)++]);
	}
	db_done(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}
