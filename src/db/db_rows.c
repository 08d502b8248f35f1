/*
 * db_rows.c -- stepping a statement into structs through a row mapper, the
 * same for every backend (see db.h).
 */
#include "core/xalloc.h"
#include "db/db.h"

enum err
db_one_row(struct db_stmt *st, void (*map)(struct db_stmt *, void *),
    void *out)
{
	enum db_rc rc = db_step(st);

	if (rc == DB_ROW)
		map(st, out);
	db_done(st);
	return rc == DB_ROW ? ERR_OK : rc == DB_DONE ? ERR_NOTFOUND : ERR_DB;
}

enum err
db_all_rows(struct db_stmt *st, size_t size,
    void (*map)(struct db_stmt *, void *), void **out, size_t *n)
{
	char *rows = NULL;
	size_t cap = 0;
	enum db_rc rc;

	*n = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			rows = xrealloc(rows, cap * size);
		}
		map(st, rows + *n * size);
		(*n)++;
	}
	db_done(st);
	*out = rows;
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}
