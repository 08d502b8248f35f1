/*
 * testutil.h -- what every cmocka unit test includes: cmocka itself (with
 * the headers it needs first) and a fresh migrated database in memory.
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

#endif
