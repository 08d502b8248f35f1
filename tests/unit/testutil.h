/*
 * testutil.h -- what every cmocka unit test includes: cmocka itself (with
 * the headers it needs first), a fresh migrated database in memory, and
 * a unit to hang data on.
 */
#ifndef VITRE_TESTUTIL_H
#define VITRE_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/migrate.h"

/* A new in-memory database with the whole schema. */
static inline struct db *
test_db(void)
{
	struct db *db = NULL;
	struct buf err = BUF_INIT;

	assert_int_equal(db_open(":memory:", &db, &err), ERR_OK);
	if (migrate(db, &err) != ERR_OK)
		fail_msg("migrate: %s", err.data);
	buf_release(&err);
	return db;
}

/* Insert a unit (its name is its code); returns its id. */
static inline int64_t
test_add_unit(struct db *db, const char *code, const char *kind)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO unit (code, kind, name)"
	    " VALUES (?, ?, ?)");

	db_bind_text(st, 1, code);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, code);
	assert_int_equal(db_run(st), ERR_OK);
	return db_last_id(db);
}

#endif
