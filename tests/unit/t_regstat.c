/*
 * t_regstat.c -- the targets computed from a small hand-made register
 * (completion t vs t-4 and t-3, dropout at the start of the year,
 * five-year-olds, disabled children), split by sex, minority and
 * disability; both ways of computing agree; the roll-up takes them with
 * the commune's population and lets an entered value win.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "dashboard/rollup.h"
#include "regstat/regstat.h"
#include "units/unit.h"

static const char units_sql[] =
    "INSERT INTO unit (id, code, kind, name) VALUES"
    " (1, 'XA', 'commune', 'Xã'),"
    " (2, 'TH', 'th', 'Trường TH'),"
    " (3, 'THCS', 'thcs', 'Trường THCS'),"
    " (4, 'MN', 'mn', 'Trường MN');"
    "INSERT INTO unit_link (child_id, parent_id, role, valid_from, valid_to)"
    " VALUES (2, 1, 'admin', '1900-01-01', '9999-12-31'),"
    " (3, 1, 'admin', '1900-01-01', '9999-12-31'),"
    " (4, 1, 'admin', '1900-01-01', '9999-12-31');";

static int64_t
child(struct db *db, const char *sex, const char *eth, const char *birth)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO child (full_name,"
	    " name_key, sex, birth_date, ethnicity, created_at, updated_at)"
	    " VALUES ('Trẻ', 'tre', ?, ?, ?, 0, 0)");

	db_bind_text(st, 1, sex);
	db_bind_text(st, 2, birth);
	db_bind_text(st, 3, eth);
	assert_int_equal(db_run(st), ERR_OK);
	return db_last_id(db);
}

static void
enrol(struct db *db, int64_t c, int64_t unit, const char *year, int grade,
    const char *status, const char *entered)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO enrolment (child_id,"
	    " unit_id, period_id, class_name, grade, status, entered_on,"
	    " status_on, updated_at) SELECT ?, ?, id, 'A', ?, ?, ?, ?, 0"
	    " FROM period WHERE code = ?");

	db_bind_int(st, 1, c);
	db_bind_int(st, 2, unit);
	db_bind_int(st, 3, grade);
	db_bind_text(st, 4, status);
	db_bind_text(st, 5, entered);
	db_bind_text(st, 6, entered);
	db_bind_text(st, 7, year);
	assert_int_equal(db_run(st), ERR_OK);
}

static void
disabled(struct db *db, int64_t c, const char *education)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO child_disability"
	    " (child_id, kind, learning_needs, education) VALUES (?, 'vision',"
	    " 1, ?)");

	db_bind_int(st, 1, c);
	db_bind_text(st, 2, education);
	assert_int_equal(db_run(st), ERR_OK);
}

/*
 * The register: TH had 10 first graders at the start of 2020-2021 (4
 * girls, 2 of a minority, 1 disabled), of whom 9 completed grade 5 in
 * 2024-2025; in 2024-2025 it also had 20 pupils in grades 1-5 at the
 * start, 1 of whom dropped out, and one who came in January (not counted
 * at the start).  THCS had 8 sixth graders in 2021-2022, 6 completed
 * grade 9 in 2024-2025.  MN had three children born in 2019 in 2024-2025
 * (one of them left), and 2 disabled children with learning needs, one of
 * them in inclusive education.
 */
static struct db *
register_db(void)
{
	struct db *db = test_db();
	int64_t c;
	int i;

	assert_int_equal(db_exec_script(db, units_sql, NULL), ERR_OK);
	for (i = 0; i < 10; i++) {
		c = child(db, i < 4 ? "f" : "m", i < 2 ? "02" : "01",
		    "2014-03-01");
		if (i == 9)
			disabled(db, c, "inclusive");
		enrol(db, c, 2, "2020-2021", 1, "promoted", "2020-09-05");
		if (i < 9)
			enrol(db, c, 2, "2024-2025", 5, "completed",
			    "2024-09-05");
	}
	for (i = 0; i < 11; i++) {
		c = child(db, i % 2 ? "f" : "m", "01", "2016-01-01");
		enrol(db, c, 2, "2024-2025", 3, i == 0 ? "dropped_out" :
		    "studying", "2024-09-05");
	}
	c = child(db, "f", "01", "2016-01-01");
	enrol(db, c, 2, "2024-2025", 3, "transferred_in", "2025-01-10");
	for (i = 0; i < 8; i++) {
		c = child(db, i < 3 ? "f" : "m", "01", "2010-01-01");
		enrol(db, c, 3, "2021-2022", 6, "promoted", "2021-09-05");
		if (i < 6)
			enrol(db, c, 3, "2024-2025", 9, "completed",
			    "2024-09-05");
	}
	for (i = 0; i < 3; i++) {
		c = child(db, "f", "01", "2019-05-01");
		enrol(db, c, 4, "2024-2025", 0, i == 0 ? "transferred_out" :
		    "studying", "2024-09-05");
	}
	for (i = 0; i < 2; i++) {
		c = child(db, "m", "01", "2020-05-01");
		disabled(db, c, i == 0 ? "inclusive" : "none");
		enrol(db, c, 4, "2024-2025", -1, "studying", "2024-09-05");
	}
	return db;
}

/* num/den of a reg_value row ("" den when NULL) as "n/d" into out. */
static void
value(struct db *db, int64_t unit, const char *ind, const char *year,
    int grade, const char *col, char *out, size_t size)
{
	static const char *const sqls[] = {
	    "SELECT num_total || '/' || COALESCE(den_total, '') FROM reg_value"
	    " v JOIN indicator i ON i.id = v.indicator_id JOIN period p ON"
	    " p.id = v.period_id WHERE unit_id = ? AND i.code = ? AND"
	    " p.code = ? AND grade = ?",
	    "SELECT num_f || '/' || COALESCE(den_f, '') FROM reg_value"
	    " v JOIN indicator i ON i.id = v.indicator_id JOIN period p ON"
	    " p.id = v.period_id WHERE unit_id = ? AND i.code = ? AND"
	    " p.code = ? AND grade = ?",
	    "SELECT num_minority || '/' || COALESCE(den_minority, '') FROM"
	    " reg_value v JOIN indicator i ON i.id = v.indicator_id JOIN period"
	    " p ON p.id = v.period_id WHERE unit_id = ? AND i.code = ? AND"
	    " p.code = ? AND grade = ?",
	    "SELECT num_disabled || '/' || COALESCE(den_disabled, '') FROM"
	    " reg_value v JOIN indicator i ON i.id = v.indicator_id JOIN period"
	    " p ON p.id = v.period_id WHERE unit_id = ? AND i.code = ? AND"
	    " p.code = ? AND grade = ?",
	};
	int k = strcmp(col, "f") == 0 ? 1 : strcmp(col, "min") == 0 ? 2 :
	    strcmp(col, "dis") == 0 ? 3 : 0;
	struct db_stmt *st = db_stmt(db, sqls[k]);

	db_bind_int(st, 1, unit);
	db_bind_text(st, 2, ind);
	db_bind_text(st, 3, year);
	db_bind_int(st, 4, grade);
	snprintf(out, size, "none");
	if (db_step(st) == DB_ROW)
		snprintf(out, size, "%s", db_col_text(st, 0));
	db_done(st);
}

static void
expect(struct db *db, int64_t unit, const char *ind, const char *year,
    int grade, const char *col, const char *want)
{
	char got[64];

	value(db, unit, ind, year, grade, col, got, sizeof(got));
	if (strcmp(got, want) != 0)
		fail_msg("%s %s grade %d %s: got %s, want %s", ind, year, grade,
		    col, got, want);
}

static void
check_values(struct db *db)
{
	expect(db, 2, "COMPLETION_PRIMARY", "2024-2025", 99, "all", "9/10");
	expect(db, 2, "COMPLETION_PRIMARY", "2024-2025", 99, "f", "4/4");
	expect(db, 2, "COMPLETION_PRIMARY", "2024-2025", 99, "min", "2/2");
	expect(db, 2, "COMPLETION_PRIMARY", "2024-2025", 99, "dis", "0/1");
	/* No grade-1 year four years before 2020-2021: no rate at all. */
	expect(db, 2, "COMPLETION_PRIMARY", "2020-2021", 99, "all", "none");
	/* Start of 2024-2025: 9 in grade 5 and 11 in grade 3 (the one who
	 * came in January is not counted); one dropped out. */
	expect(db, 2, "DROPOUT_PRIMARY", "2024-2025", 99, "all", "1/20");
	expect(db, 2, "DROPOUT_PRIMARY", "2024-2025", 3, "all", "1/11");
	expect(db, 2, "DROPOUT_PRIMARY", "2024-2025", 5, "all", "0/9");
	expect(db, 3, "COMPLETION_LOWERSEC", "2024-2025", 99, "all", "6/8");
	expect(db, 3, "COMPLETION_LOWERSEC", "2024-2025", 99, "f", "3/3");
	expect(db, 4, "MOBILISATION_5Y", "2024-2025", 99, "all", "2/");
	expect(db, 4, "DISABILITY_ACCESS", "2024-2025", 99, "all", "1/2");
	expect(db, 2, "DISABILITY_ACCESS", "2024-2025", 99, "all", "none");
	expect(db, 2, "DISABILITY_ACCESS", "2020-2021", 99, "all", "1/1");
}

static void
targets_from_a_hand_made_register(void **state)
{
	struct db *db = register_db();
	int64_t ids[3] = { 2, 3, 4 };

	(void)state;
	assert_int_equal(db_begin(db), ERR_OK);
	assert_int_equal(regstat_after_change(db, ids, 3), ERR_OK);
	assert_int_equal(db_commit(db), ERR_OK);
	check_values(db);
	db_close(db);
}

static void
the_whole_register_pass_agrees(void **state)
{
	struct db *db = register_db();
	size_t rows = 0;

	(void)state;
	assert_int_equal(regstat_compute_all(db, &rows), ERR_OK);
	assert_true(rows > 10);
	check_values(db);
	db_close(db);
}

static const struct dash_point *
point(const struct rollup *ru, size_t slot, struct db *db, const char *ind,
    const char *year)
{
	const struct dash_series *s;
	int64_t id = 0, pid = 0;
	size_t i;
	struct db_stmt *st = db_stmt(db, "SELECT id FROM indicator"
	    " WHERE code = ?");

	db_bind_text(st, 1, ind);
	assert_int_equal(db_one_int(st, &id), ERR_OK);
	st = db_stmt(db, "SELECT id FROM period WHERE code = ?");
	db_bind_text(st, 1, year);
	assert_int_equal(db_one_int(st, &pid), ERR_OK);
	if ((s = rollup_series(ru, slot, id)) == NULL)
		return NULL;
	for (i = 0; i < s->n; i++)
		if (s->p[i].period_id == pid)
			return &s->p[i];
	return NULL;
}

static void
the_roll_up_takes_computed_values_and_population(void **state)
{
	struct db *db = register_db();
	struct unit_tree *t;
	struct rollup *ru;
	const struct dash_point *p;

	(void)state;
	assert_int_equal(regstat_compute_all(db, NULL), ERR_OK);
	/* The commune's five-year-olds; an entered value at the school. */
	assert_int_equal(db_exec_script(db, "INSERT INTO population_5y"
	    " (unit_id, period_id, total, male, female, entered_at)"
	    " SELECT 1, id, 4, 2, 2, 0 FROM period WHERE code = '2024-2025';"
	    "INSERT INTO agg_value (unit_id, indicator_id, period_id,"
	    " num_total, den_total, entered_at) SELECT 2, i.id, p.id, 19, 20, 0"
	    " FROM indicator i, period p WHERE i.code = 'COMPLETION_PRIMARY'"
	    " AND p.code = '2024-2025';", NULL), ERR_OK);
	t = unit_tree_load(db);
	ru = rollup_build(db, t, 1, "2025-06-01");
	assert_non_null(ru);
	/* Mobilisation: 2 attending out of the commune's 4. */
	p = point(ru, 0, db, "MOBILISATION_5Y", "2024-2025");
	assert_non_null(p);
	assert_int_equal(p->s.num, 2);
	assert_int_equal(p->s.den, 4);
	assert_true(p->s.has_den);
	assert_int_equal(p->s.computed, 2);
	/* Completion: the school's entered 19/20 wins; the computed 9/10 is
	 * kept beside it. */
	p = point(ru, 0, db, "COMPLETION_PRIMARY", "2024-2025");
	assert_non_null(p);
	assert_int_equal(p->s.num, 19);
	assert_int_equal(p->s.den, 20);
	assert_int_equal(p->s.computed, 0);
	assert_int_equal(p->c.num, 9);
	assert_int_equal(p->c.den, 10);
	/* Lower-secondary completion comes from the register alone. */
	p = point(ru, 0, db, "COMPLETION_LOWERSEC", "2024-2025");
	assert_non_null(p);
	assert_int_equal(p->s.num, 6);
	assert_int_equal(p->s.computed, p->s.rows);
	/* A population figure alone is not a value. */
	assert_null(point(ru, 0, db, "MOBILISATION_5Y", "2023-2024"));
	rollup_free(ru);
	unit_tree_free(t);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(targets_from_a_hand_made_register),
		cmocka_unit_test(the_whole_register_pass_agrees),
		cmocka_unit_test(the_roll_up_takes_computed_values_and_population),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
