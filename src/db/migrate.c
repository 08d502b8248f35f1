/*
 * migrate.c -- apply the embedded migrations in order.
 *
 * Each "migrations/NNNN_name.sql" runs once, inside BEGIN ... COMMIT with
 * its row in schema_version, so a failed migration leaves nothing behind.
 * Migrations are never edited once released; a change is a new file.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/embedded.h"
#include "core/strutil.h"
#include "db/db.h"
#include "db/migrate.h"

static enum err
apply(struct db *db, const struct embedded_file *f, int64_t version,
    struct buf *errmsg)
{
	struct db_stmt *st;
	enum err e;

	if ((e = db_begin(db)) != ERR_OK)
		return e;
	if ((e = db_exec_script(db, (const char *)f->data, errmsg)) != ERR_OK) {
		if (errmsg != NULL)
			buf_printf(errmsg, " (in %s)", f->name);
		goto out;
	}
	st = db_stmt(db, "INSERT INTO schema_version (version, name, applied_at)"
	    " VALUES (?, ?, ?)");
	db_bind_int(st, 1, version);
	db_bind_text(st, 2, f->name);
	db_bind_int(st, 3, (int64_t)time(NULL));
	if ((e = db_run(st)) != ERR_OK)
		goto out;
	e = db_commit(db);
out:
	if (e != ERR_OK)
		db_rollback(db);
	return e;
}

enum err
migrate(struct db *db, struct buf *errmsg)
{
	const struct embedded_file *f;
	struct db_stmt *st;
	enum err e;

	e = db_exec_script(db, "CREATE TABLE IF NOT EXISTS schema_version ("
	    " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
	    " applied_at INTEGER NOT NULL)", errmsg);
	if (e != ERR_OK)
		return e;
	/* embedded_files is sorted by name, so migrations come in order. */
	for (f = embedded_files; f->name != NULL; f++) {
		char num[5];
		int64_t version, seen;

		if (!str_has_prefix(f->name, "migrations/"))
			continue;
		memcpy(num, f->name + strlen("migrations/"), 4);
		num[4] = '\0';
		if (!str_to_int64(num, &version))
			return ERR_BUG("migration name without a number");
		st = db_stmt(db, "SELECT version FROM schema_version"
		    " WHERE version = ?");
		db_bind_int(st, 1, version);
		e = db_one_int(st, &seen);
		if (e == ERR_OK)
			continue;
		if (e != ERR_NOTFOUND)
			return e;
		if ((e = apply(db, f, version, errmsg)) != ERR_OK)
			return e;
	}
	return ERR_OK;
}
