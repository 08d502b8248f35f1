/*
 * t_db_bulk.c -- the bulk-load helpers of db.h: db_indexes_drop() drops
 * only the indexes no constraint owns and db_indexes_restore() brings them
 * back exactly; a UNIQUE index the new rows break fails to build
 * (ERR_CONFLICT); a rollback restores the dropped indexes; deferred
 * foreign keys fail at the commit.
 */
#include "testutil.h"

#include <string.h>

/* The index definitions of the enrolment table, as one text. */
static void
schema(struct db *db, struct buf *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT name || ':' ||"
	    " COALESCE(sql, '-') FROM sqlite_master WHERE type = 'index'"
	    " AND tbl_name = 'enrolment' ORDER BY name");

	buf_reset(out);
	while (db_step(st) == DB_ROW) {
		buf_puts(out, db_col_text(st, 0));
		buf_puts(out, "\n");
	}
	db_done(st);
}

static int64_t
count_indexes(struct db *db)
{
	int64_t n = -1;
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM sqlite_master"
	    " WHERE type = 'index' AND tbl_name = 'enrolment'");

	assert_int_equal(db_one_int(st, &n), ERR_OK);
	return n;
}

/* A child at school and an enrolment in the demo-less catalogue's first
 * school year; returns the child. */
static int64_t
child_enrolled(struct db *db, int64_t school, const char *status)
{
	struct db_stmt *st;
	int64_t child;

	st = db_stmt(db, "INSERT INTO child (full_name, name_key, sex,"
	    " birth_date, school_id, created_at, updated_at)"
	    " VALUES ('A B', 'a b', 'm', '2015-01-01', ?, 0, 0)");
	db_bind_int(st, 1, school);
	assert_int_equal(db_run(st), ERR_OK);
	child = db_last_id(db);
	st = db_stmt(db, "INSERT INTO enrolment (child_id, unit_id, period_id,"
	    " class_name, grade, status, entered_on, status_on, updated_at)"
	    " SELECT ?, ?, MIN(id), '1A', 1, ?, '2024-09-05', '2024-09-05', 0"
	    " FROM period WHERE type = 'school_year'");
	db_bind_int(st, 1, child);
	db_bind_int(st, 2, school);
	db_bind_text(st, 3, status);
	assert_int_equal(db_run(st), ERR_OK);
	return child;
}

static void
drop_and_restore_gives_the_same_indexes(void **state)
{
	struct db *db = test_db();
	struct db_saved_indexes saved;
	struct buf before = BUF_INIT, after = BUF_INIT;
	int64_t school = test_add_unit(db, "TH-1", "th"), all;

	(void)state;
	memset(&saved, 0, sizeof(saved));
	schema(db, &before);
	all = count_indexes(db);
	assert_int_equal(db_begin(db), ERR_OK);
	assert_int_equal(db_indexes_drop(db, "enrolment", &saved), ERR_OK);
	/* enrolment_class and enrolment_active go; the UNIQUE constraint's
	 * autoindex stays. */
	assert_int_equal(saved.n, 2);
	assert_int_equal(count_indexes(db), all - 2);
	(void)child_enrolled(db, school, "studying");
	assert_int_equal(db_indexes_restore(db, &saved), ERR_OK);
	assert_int_equal(saved.n, 0);
	assert_int_equal(db_commit(db), ERR_OK);
	schema(db, &after);
	assert_string_equal(before.data, after.data);
	buf_release(&before);
	buf_release(&after);
	db_close(db);
}

static void
a_broken_unique_index_fails_and_a_rollback_restores(void **state)
{
	struct db *db = test_db();
	struct db_saved_indexes saved;
	struct buf before = BUF_INIT, after = BUF_INIT;
	struct db_stmt *st;
	int64_t school = test_add_unit(db, "TH-1", "th"), other, child, n = -1;

	(void)state;
	other = test_add_unit(db, "TH-2", "th");
	memset(&saved, 0, sizeof(saved));
	schema(db, &before);
	assert_int_equal(db_begin(db), ERR_OK);
	assert_int_equal(db_indexes_drop(db, "enrolment", &saved), ERR_OK);
	/* Two active enrolments of one child in one year: enrolment_active
	 * cannot be built again. */
	child = child_enrolled(db, school, "studying");
	st = db_stmt(db, "INSERT INTO enrolment (child_id, unit_id, period_id,"
	    " class_name, grade, status, entered_on, status_on, updated_at)"
	    " SELECT child_id, ?, period_id, '1B', 1, 'studying', entered_on,"
	    " status_on, 0 FROM enrolment WHERE child_id = ?");
	db_bind_int(st, 1, other);
	db_bind_int(st, 2, child);
	assert_int_equal(db_run(st), ERR_OK);
	assert_int_equal(db_indexes_restore(db, &saved), ERR_CONFLICT);
	db_rollback(db);
	db_indexes_free(&saved);
	schema(db, &after);
	assert_string_equal(before.data, after.data);
	st = db_stmt(db, "SELECT COUNT(*) FROM enrolment");
	assert_int_equal(db_one_int(st, &n), ERR_OK);
	assert_int_equal(n, 0);
	buf_release(&before);
	buf_release(&after);
	db_close(db);
}

static void
deferred_foreign_keys_fail_at_the_commit(void **state)
{
	struct db *db = test_db();
	struct db_stmt *st;
	int64_t n = -1;

	(void)state;
	assert_int_equal(db_begin(db), ERR_OK);
	assert_int_equal(db_defer_foreign_keys(db), ERR_OK);
	st = db_stmt(db, "INSERT INTO guardian (child_id, seq, full_name,"
	    " relation) VALUES (999999, 1, 'X', 'father')");
	assert_int_equal(db_run(st), ERR_OK);	/* no child: not yet */
	assert_int_not_equal(db_commit(db), ERR_OK);
	db_rollback(db);
	st = db_stmt(db, "SELECT COUNT(*) FROM guardian");
	assert_int_equal(db_one_int(st, &n), ERR_OK);
	assert_int_equal(n, 0);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(drop_and_restore_gives_the_same_indexes),
		cmocka_unit_test(a_broken_unique_index_fails_and_a_rollback_restores),
		cmocka_unit_test(deferred_foreign_keys_fail_at_the_commit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
