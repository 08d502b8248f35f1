/*
 * t_case_audit.c -- the hash chain of the case audit log: an intact chain
 * verifies; a modified, deleted (in the middle or at the end) or reordered
 * entry is named; vitre itself cannot update or delete entries.
 */
#include <sodium.h>
#include <string.h>

#include "testutil.h"
#include "cases/caseaudit.h"

/* A database with entries 1..n. */
static struct db *
chain(int n)
{
	struct db *db = test_db();
	struct caseaudit_who who = { 7, "ht.ntt", "127.0.0.1" };
	int i;

	assert_int_equal(db_begin(db), ERR_OK);
	for (i = 0; i < n; i++)
		assert_int_equal(caseaudit_append(db, &who, i % 2 ? "view" :
		    "step", 1 + i % 3, "mẫu 02"), ERR_OK);
	assert_int_equal(db_commit(db), ERR_OK);
	return db;
}

/* Tamper as someone with the file would: around vitre's guards. */
static void
tamper(struct db *db, const char *sql)
{
	struct buf err = BUF_INIT;

	assert_int_equal(db_exec_script(db, "DROP TRIGGER case_audit_no_update;"
	    "DROP TRIGGER case_audit_no_delete;", &err), ERR_OK);
	if (db_exec_script(db, sql, &err) != ERR_OK)
		fail_msg("%s", err.data);
	buf_release(&err);
}

static struct caseaudit_report
verify(struct db *db, struct buf *msg)
{
	struct caseaudit_report rep;

	buf_reset(msg);
	assert_int_equal(caseaudit_verify(db, &rep, msg), ERR_OK);
	return rep;
}

static void
an_intact_chain_verifies(void **state)
{
	struct db *db = chain(6);
	struct buf msg = BUF_INIT;
	struct caseaudit_report rep = verify(db, &msg);

	(void)state;
	assert_int_equal(rep.fault, CASEAUDIT_INTACT);
	assert_int_equal(rep.entries, 6);
	assert_int_equal(strlen(rep.head), 64);
	assert_non_null(strstr(msg.data, "intact: 6 entries"));
	buf_release(&msg);
	db_close(db);
}

static void
an_empty_log_is_intact(void **state)
{
	struct db *db = test_db();
	struct buf msg = BUF_INIT;
	struct caseaudit_report rep = verify(db, &msg);

	(void)state;
	assert_int_equal(rep.fault, CASEAUDIT_INTACT);
	assert_int_equal(rep.entries, 0);
	buf_release(&msg);
	db_close(db);
}

static void
a_modified_entry_is_named(void **state)
{
	struct db *db = chain(6);
	struct buf msg = BUF_INIT;
	struct caseaudit_report rep;

	(void)state;
	tamper(db, "UPDATE case_audit SET username = 'someone' WHERE seq = 3");
	rep = verify(db, &msg);
	assert_int_equal(rep.fault, CASEAUDIT_MODIFIED);
	assert_int_equal(rep.seq, 3);
	assert_non_null(strstr(msg.data, "entry 3 was modified"));
	buf_release(&msg);
	db_close(db);
}

static void
a_changed_hash_is_named(void **state)
{
	struct db *db = chain(6);
	struct buf msg = BUF_INIT;
	struct caseaudit_report rep;

	(void)state;
	/* The stored hash no longer matches the entry's content (its first
	 * byte changed, whatever it was). */
	tamper(db, "UPDATE case_audit SET hash = CASE WHEN substr(hash, 1, 2)"
	    " = '00' THEN 'ff' ELSE '00' END || substr(hash, 3) WHERE seq = 2");
	rep = verify(db, &msg);
	assert_int_equal(rep.fault, CASEAUDIT_MODIFIED);
	assert_int_equal(rep.seq, 2);
	buf_release(&msg);
	db_close(db);
}

static void
a_deleted_entry_is_named(void **state)
{
	struct db *db = chain(6);
	struct buf msg = BUF_INIT;
	struct caseaudit_report rep;

	(void)state;
	tamper(db, "DELETE FROM case_audit WHERE seq = 4");
	rep = verify(db, &msg);
	assert_int_equal(rep.fault, CASEAUDIT_DELETED);
	assert_int_equal(rep.seq, 4);
	assert_non_null(strstr(msg.data, "entry 4 was deleted"));
	buf_release(&msg);
	db_close(db);
}

static void
deleting_the_newest_entries_is_noticed(void **state)
{
	struct db *db = chain(6);
	struct buf msg = BUF_INIT;
	struct caseaudit_report rep;

	(void)state;
	tamper(db, "DELETE FROM case_audit WHERE seq >= 5");
	rep = verify(db, &msg);
	assert_int_equal(rep.fault, CASEAUDIT_DELETED);
	assert_int_equal(rep.seq, 5);
	buf_release(&msg);
	db_close(db);
}

static void
a_reordered_entry_is_named(void **state)
{
	struct db *db = chain(6);
	struct buf msg = BUF_INIT;
	struct caseaudit_report rep;

	(void)state;
	/* Swap the rows of entries 2 and 3. */
	tamper(db, "UPDATE case_audit SET id = 100 WHERE seq = 2;"
	    "UPDATE case_audit SET id = 2 WHERE seq = 3;"
	    "UPDATE case_audit SET id = 3 WHERE seq = 2;");
	rep = verify(db, &msg);
	assert_int_equal(rep.fault, CASEAUDIT_REORDERED);
	assert_int_equal(rep.seq, 3);
	assert_non_null(strstr(msg.data, "entry 3 was reordered"));
	buf_release(&msg);
	db_close(db);
}

static void
vitre_cannot_change_or_delete_entries(void **state)
{
	struct db *db = chain(2);
	struct db_stmt *st;

	(void)state;
	st = db_stmt(db, "UPDATE case_audit SET detail = 'x' WHERE seq = 1");
	assert_int_not_equal(db_run(st), ERR_OK);
	st = db_stmt(db, "DELETE FROM case_audit WHERE seq = 1");
	assert_int_not_equal(db_run(st), ERR_OK);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(an_intact_chain_verifies),
		cmocka_unit_test(an_empty_log_is_intact),
		cmocka_unit_test(a_modified_entry_is_named),
		cmocka_unit_test(a_changed_hash_is_named),
		cmocka_unit_test(a_deleted_entry_is_named),
		cmocka_unit_test(deleting_the_newest_entries_is_noticed),
		cmocka_unit_test(a_reordered_entry_is_named),
		cmocka_unit_test(vitre_cannot_change_or_delete_entries),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests_name("case_audit", tests, NULL, NULL);
}
