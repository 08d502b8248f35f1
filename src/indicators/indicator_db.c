/*
 * indicator_db.c -- read the indicator catalogue.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "db/db.h"
#include "indicators/indicator.h"

/* Columns of every indicator SELECT, in this order. */
#define IND_COLS "id, code, name_vi, name_en, definition_vi, definition_en," \
	" numerator_vi, numerator_en, COALESCE(denominator_vi, '')," \
	" COALESCE(denominator_en, ''), unit, direction, by_sex, source," \
	" period_type, levels, ref, seq, suppress_small"

static void
indicator_row(struct db_stmt *st, void *out)
{
	struct indicator *ind = out;

	memset(ind, 0, sizeof(*ind));
	ind->id = db_col_int(st, 0);
	ind->code = xstrdup(db_col_text(st, 1));
	ind->name_vi = xstrdup(db_col_text(st, 2));
	ind->name_en = xstrdup(db_col_text(st, 3));
	ind->definition_vi = xstrdup(db_col_text(st, 4));
	ind->definition_en = xstrdup(db_col_text(st, 5));
	ind->numerator_vi = xstrdup(db_col_text(st, 6));
	ind->numerator_en = xstrdup(db_col_text(st, 7));
	ind->denominator_vi = xstrdup(db_col_text(st, 8));
	ind->denominator_en = xstrdup(db_col_text(st, 9));
	/* The schema's CHECKs keep these codes known. */
	if (!indicator_unit_from_code(db_col_text(st, 10), &ind->unit))
		ind->unit = IND_UNIT_PERCENT;
	if (!indicator_direction_from_code(db_col_text(st, 11),
	    &ind->direction))
		ind->direction = IND_DIR_UP;
	ind->by_sex = db_col_int(st, 12) != 0;
	if (!indicator_source_from_code(db_col_text(st, 13), &ind->source))
		ind->source = IND_SRC_ENTERED;
	if (!period_type_from_code(db_col_text(st, 14), &ind->period_type))
		ind->period_type = PERIOD_SCHOOL_YEAR;
	ind->levels = xstrdup(db_col_text(st, 15));
	ind->ref = xstrdup(db_col_text(st, 16));
	ind->seq = db_col_int(st, 17);
	ind->suppress_small = db_col_int(st, 18) != 0;
}

enum err
indicator_get(struct db *db, int64_t id, struct indicator *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " IND_COLS
	    " FROM indicator WHERE id = ?");

	db_bind_int(st, 1, id);
	return db_one_row(st, indicator_row, out);
}

enum err
indicator_get_by_code(struct db *db, const char *code, struct indicator *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " IND_COLS
	    " FROM indicator WHERE code = ?");

	db_bind_text(st, 1, code);
	return db_one_row(st, indicator_row, out);
}

enum err
indicator_list(struct db *db, struct indicator **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT " IND_COLS
	    " FROM indicator ORDER BY seq, code");
	void *rows;
	enum err e;

	e = db_all_rows(st, sizeof(**out), indicator_row, &rows, n);
	*out = rows;
	if (e != ERR_OK) {
		indicator_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return e;
}

void
indicator_clear(struct indicator *ind)
{
	if (ind == NULL)
		return;
	free(ind->code);
	free(ind->name_vi);
	free(ind->name_en);
	free(ind->definition_vi);
	free(ind->definition_en);
	free(ind->numerator_vi);
	free(ind->numerator_en);
	free(ind->denominator_vi);
	free(ind->denominator_en);
	free(ind->levels);
	free(ind->ref);
	memset(ind, 0, sizeof(*ind));
}

void
indicator_list_free(struct indicator *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		indicator_clear(&list[i]);
	free(list);
}

bool
indicator_suppress_small(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT suppress_small FROM indicator"
	    " WHERE id = ?");
	int64_t v = 0;

	db_bind_int(st, 1, id);
	return db_one_int(st, &v) == ERR_OK && v != 0;
}
