/*
 * audit.c -- append to the audit log.
 */
#include <time.h>

#include "auth/audit.h"
#include "db/db.h"

enum err
audit(struct db *db, int64_t user_id, const char *action, const char *object,
    const char *detail)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO audit_log (at, user_id,"
	    " action, object, detail) VALUES (?, ?, ?, ?, ?)");

	db_bind_int(st, 1, (int64_t)time(NULL));
	if (user_id > 0)
		db_bind_int(st, 2, user_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, action);
	db_bind_text(st, 4, object);
	db_bind_text(st, 5, detail);
	return db_run(st);
}
