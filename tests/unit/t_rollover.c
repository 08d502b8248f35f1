/*
 * t_rollover.c -- the year-end rollover: the preview's decisions (promote,
 * repeat, finish, skip those who left or are enrolled elsewhere), applying
 * in one transaction, refusing a second time, undo restoring everything,
 * undo refused once next year's records changed; next year's class names.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "indicators/period.h"
#include "rollover/rollover.h"

static const char sql[] =
    "INSERT INTO unit (id, code, kind, name) VALUES"
    " (2, 'TS', 'th_thcs', 'Trường TH&THCS'),"
    " (3, 'TH', 'th', 'Trường TH khác');"
    "INSERT INTO child (id, full_name, name_key, sex, birth_date,"
    " created_at, updated_at) VALUES"
    " (1, 'An', 'an', 'm', '2016-01-01', 0, 0),"
    " (2, 'Bình', 'binh', 'm', '2016-01-01', 0, 0),"
    " (3, 'Cúc', 'cuc', 'f', '2014-01-01', 0, 0),"
    " (4, 'Dũng', 'dung', 'm', '2010-01-01', 0, 0),"
    " (5, 'Em', 'em', 'f', '2016-01-01', 0, 0),"
    " (6, 'Giang', 'giang', 'f', '2016-01-01', 0, 0),"
    " (7, 'Hà', 'ha', 'f', '2016-01-01', 0, 0);";

static void
enrol(struct db *db, int64_t child, int64_t unit, const char *year,
    const char *cls, int grade, const char *status)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO enrolment (child_id,"
	    " unit_id, period_id, class_name, grade, status, entered_on,"
	    " status_on, updated_at) SELECT ?, ?, id, ?, ?, ?, start_on,"
	    " start_on, 0 FROM period WHERE code = ?");

	db_bind_int(st, 1, child);
	db_bind_int(st, 2, unit);
	db_bind_text(st, 3, cls);
	db_bind_int(st, 4, grade);
	db_bind_text(st, 5, status);
	db_bind_text(st, 6, year);
	assert_int_equal(db_run(st), ERR_OK);
	st = db_stmt(db, "INSERT INTO enrolment_event (enrolment_id, status,"
	    " on_date, at) SELECT MAX(id), ?, '2024-09-05', 0 FROM enrolment");
	db_bind_text(st, 1, status);
	assert_int_equal(db_run(st), ERR_OK);
}

static struct db *
school_db(struct period *from)
{
	struct db *db = test_db();

	assert_int_equal(db_exec_script(db, sql, NULL), ERR_OK);
	enrol(db, 1, 2, "2024-2025", "3A", 3, "studying");
	enrol(db, 2, 2, "2024-2025", "3A", 3, "repeated");
	enrol(db, 3, 2, "2024-2025", "5A", 5, "completed");
	enrol(db, 4, 2, "2024-2025", "9A", 9, "studying");
	enrol(db, 5, 2, "2024-2025", "3A", 3, "dropped_out");
	enrol(db, 6, 2, "2024-2025", "3B", 3, "transferred_out");
	enrol(db, 6, 3, "2024-2025", "3A", 3, "transferred_in");
	enrol(db, 7, 2, "2024-2025", "3B", 3, "studying");
	enrol(db, 7, 3, "2025-2026", "4A", 4, "studying");
	assert_int_equal(period_get_by_code(db, "2024-2025", from), ERR_OK);
	return db;
}

static int64_t
n(struct db *db, const char *q)
{
	int64_t v = -1;

	assert_int_equal(db_one_int(db_stmt(db, q), &v), ERR_OK);
	return v;
}

static const char *
status_of(struct db *db, int64_t child, const char *year, char *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT e.status || ' ' || e.grade ||"
	    " ' ' || e.class_name FROM enrolment e JOIN period p ON"
	    " p.id = e.period_id WHERE e.child_id = ? AND p.code = ?"
	    " AND e.unit_id = 2");

	db_bind_int(st, 1, child);
	db_bind_text(st, 2, year);
	snprintf(out, 64, "none");
	if (db_step(st) == DB_ROW)
		snprintf(out, 64, "%s", db_col_text(st, 0));
	db_done(st);
	return out;
}

static void
preview_decides_for_every_child(void **state)
{
	struct period from;
	struct db *db = school_db(&from);
	struct roll_plan p;

	(void)state;
	assert_int_equal(rollover_plan(db, 2, &from, &p), ERR_OK);
	assert_string_equal(p.to.code, "2025-2026");
	assert_int_equal(p.nitems, 7);
	assert_int_equal(p.total[ROLL_PROMOTE], 2);	/* An, Cúc (5 -> 6) */
	assert_int_equal(p.total[ROLL_REPEAT], 1);	/* Bình */
	assert_int_equal(p.total[ROLL_LEAVE_COMPLETED], 1);	/* Dũng */
	assert_int_equal(p.total[ROLL_SKIP_LEFT], 2);	/* Em, Giang */
	assert_int_equal(p.total[ROLL_SKIP_ENROLLED], 1);	/* Hà */
	assert_int_equal(p.undecided, 2);		/* An, Dũng */
	assert_int_equal(p.nnext, 3);			/* 4A, 3A, 6A */
	assert_int_equal(p.active_rollover, 0);
	rollover_plan_free(&p);
	db_close(db);
}

static void
apply_then_undo_restores_the_register(void **state)
{
	struct period from;
	struct db *db = school_db(&from);
	struct roll_plan p;
	struct buf vi = BUF_INIT, en = BUF_INIT;
	char s[64];
	int64_t id = 0, gen = db_generation(db);

	(void)state;
	assert_int_equal(rollover_plan(db, 2, &from, &p), ERR_OK);
	assert_int_equal(rollover_apply(db, &p, 0, "2025-08-20", &id), ERR_OK);
	assert_true(id > 0);
	assert_true(db_generation(db) > gen);
	assert_string_equal(status_of(db, 1, "2024-2025", s), "promoted 3 3A");
	assert_string_equal(status_of(db, 1, "2025-2026", s), "studying 4 4A");
	assert_string_equal(status_of(db, 2, "2025-2026", s), "studying 3 3A");
	assert_string_equal(status_of(db, 3, "2025-2026", s), "studying 6 6A");
	assert_string_equal(status_of(db, 4, "2024-2025", s),
	    "completed 9 9A");
	assert_string_equal(status_of(db, 4, "2025-2026", s), "none");
	assert_string_equal(status_of(db, 5, "2025-2026", s), "none");
	assert_string_equal(status_of(db, 7, "2025-2026", s), "none");
	assert_int_equal(n(db, "SELECT COUNT(*) FROM enrolment e JOIN period p"
	    " ON p.id = e.period_id WHERE p.code = '2024-2025'"
	    " AND e.status_on = '2025-08-20' AND e.unit_id = 2"), 2);
	assert_int_equal(n(db, "SELECT COUNT(*) FROM audit_log"
	    " WHERE action = 'register.rollover'"), 1);
	/* A second time: refused, nothing changes. */
	assert_int_equal(rollover_apply(db, &p, 0, "2025-08-20", NULL),
	    ERR_CONFLICT);
	assert_int_equal(n(db, "SELECT COUNT(*) FROM enrolment"), 12);
	rollover_plan_free(&p);
	assert_int_equal(rollover_plan(db, 2, &from, &p), ERR_OK);
	assert_int_equal(p.active_rollover, id);
	rollover_plan_free(&p);

	assert_int_equal(rollover_undo(db, 2, id, 0, &vi, &en), ERR_OK);
	assert_string_equal(status_of(db, 1, "2024-2025", s), "studying 3 3A");
	assert_string_equal(status_of(db, 4, "2024-2025", s), "studying 9 9A");
	assert_string_equal(status_of(db, 2, "2024-2025", s), "repeated 3 3A");
	assert_string_equal(status_of(db, 1, "2025-2026", s), "none");
	assert_int_equal(n(db, "SELECT COUNT(*) FROM enrolment"), 9);
	assert_int_equal(n(db, "SELECT COUNT(*) FROM enrolment e JOIN period p"
	    " ON p.id = e.period_id WHERE p.code = '2024-2025'"
	    " AND e.status_on = '2024-09-01' AND e.unit_id = 2"), 7);
	assert_int_equal(rollover_undo(db, 2, id, 0, &vi, &en), ERR_CONFLICT);
	assert_int_equal(rollover_undo(db, 3, id, 0, &vi, &en), ERR_NOTFOUND);
	buf_release(&vi);
	buf_release(&en);
	db_close(db);
}

static void
undo_is_refused_once_next_year_changed(void **state)
{
	struct period from;
	struct db *db = school_db(&from);
	struct roll_plan p;
	struct buf vi = BUF_INIT, en = BUF_INIT;
	int64_t id = 0, before;

	(void)state;
	assert_int_equal(rollover_plan(db, 2, &from, &p), ERR_OK);
	assert_int_equal(rollover_apply(db, &p, 0, "2025-09-10", &id), ERR_OK);
	rollover_plan_free(&p);
	/* Absences recorded for An in the new year. */
	assert_int_equal(db_exec_script(db, "INSERT INTO absence (enrolment_id,"
	    " term, excused) SELECT e.id, 1, 2 FROM enrolment e JOIN period p"
	    " ON p.id = e.period_id WHERE e.child_id = 1 AND p.code ="
	    " '2025-2026'", NULL), ERR_OK);
	before = n(db, "SELECT COUNT(*) FROM enrolment");
	assert_int_equal(rollover_undo(db, 2, id, 0, &vi, &en), ERR_CONFLICT);
	assert_non_null(strstr(vi.data, "An"));
	assert_non_null(strstr(en.data, "has changed since the rollover"));
	assert_int_equal(n(db, "SELECT COUNT(*) FROM enrolment"), before);
	assert_int_equal(n(db, "SELECT COUNT(*) FROM rollover"
	    " WHERE undone_at IS NULL"), 1);
	buf_release(&vi);
	buf_release(&en);
	db_close(db);
}

static void
next_year_class_names(void **state)
{
	char out[64];

	(void)state;
	rollover_class_name("3A", 3, 4, out, sizeof(out));
	assert_string_equal(out, "4A");
	rollover_class_name("Lớp 3A", 3, 4, out, sizeof(out));
	assert_string_equal(out, "Lớp 4A");
	rollover_class_name("9/2", 9, 10, out, sizeof(out));
	assert_string_equal(out, "10/2");
	rollover_class_name("3A", 3, 3, out, sizeof(out));
	assert_string_equal(out, "3A");
	rollover_class_name("13A", 1, 2, out, sizeof(out));
	assert_string_equal(out, "13A");
	rollover_class_name("Nhà trẻ 2", -3, -2, out, sizeof(out));
	assert_string_equal(out, "Mầm 2");
	rollover_class_name("Mầm", -2, -1, out, sizeof(out));
	assert_string_equal(out, "Chồi");
	rollover_class_name("Chồi 1", -1, 0, out, sizeof(out));
	assert_string_equal(out, "Lá 1");
	rollover_class_name("Hoa Sen", 2, 3, out, sizeof(out));
	assert_string_equal(out, "Hoa Sen");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(preview_decides_for_every_child),
		cmocka_unit_test(apply_then_undo_restores_the_register),
		cmocka_unit_test(undo_is_refused_once_next_year_changed),
		cmocka_unit_test(next_year_class_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
