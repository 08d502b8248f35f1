/*
 * t_growth_db.c -- growth measurements in the database: a saved session
 * writes the school's nutrition values (computed agg_value rows, split by
 * sex, with coverage) in the same transaction; saving the same class and
 * day again updates instead of doubling; a value locked by hand is kept,
 * a demo value replaced, a computed value with nothing left to count
 * dropped; a failure leaves nothing behind; the reads of the pages.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "core/strutil.h"
#include "growth/growth_db.h"
#include "indicators/period.h"

struct fx {
	struct db	*db;
	int64_t		 school, other, user;
	int64_t		 kid[4];
	struct period	 y25;
};

static int64_t
one(struct db *db, const char *sql)
{
	int64_t n = -1;

	assert_int_equal(db_one_int(db_stmt(db, sql), &n), ERR_OK);
	return n;
}

static int64_t
add_unit(struct db *db, const char *code)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO unit (code, kind, name)"
	    " VALUES (?, 'mn', ?)");

	db_bind_text(st, 1, code);
	db_bind_text(st, 2, code);
	assert_int_equal(db_run(st), ERR_OK);
	return db_last_id(db);
}

static int64_t
add_child(struct fx *fx, const char *name, const char *sex, const char *birth,
    const char *cls)
{
	struct db_stmt *st = db_stmt(fx->db, "INSERT INTO child (full_name,"
	    " name_key, sex, birth_date, school_id, created_at, updated_at)"
	    " VALUES (?, ?, ?, ?, ?, 0, 0)");
	int64_t id;

	db_bind_text(st, 1, name);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, sex);
	db_bind_text(st, 4, birth);
	db_bind_int(st, 5, fx->school);
	assert_int_equal(db_run(st), ERR_OK);
	id = db_last_id(fx->db);
	st = db_stmt(fx->db, "INSERT INTO enrolment (child_id, unit_id,"
	    " period_id, class_name, grade, status, entered_on, status_on,"
	    " updated_at) VALUES (?, ?, ?, ?, -1, 'studying', '2025-09-01',"
	    " '2025-09-01', 0)");
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, fx->school);
	db_bind_int(st, 3, fx->y25.id);
	db_bind_text(st, 4, cls);
	assert_int_equal(db_run(st), ERR_OK);
	return id;
}

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof(*fx));
	struct db_stmt *st;

	fx->db = test_db();
	fx->school = add_unit(fx->db, "MN-A");
	fx->other = add_unit(fx->db, "MN-B");
	assert_int_equal(period_get_by_code(fx->db, "2025-2026", &fx->y25),
	    ERR_OK);
	st = db_stmt(fx->db, "INSERT INTO app_user (username, full_name,"
	    " pw_hash, role, unit_id, created_at)"
	    " VALUES ('ht', 'HT', 'x', 'principal', ?, 0)");
	db_bind_int(st, 1, fx->school);
	assert_int_equal(db_run(st), ERR_OK);
	fx->user = db_last_id(fx->db);
	/* Three under-5s in Chồi 1 and a five-year-old in Lá 1. */
	fx->kid[0] = add_child(fx, "Bé Một", "m", "2021-10-01", "Chồi 1");
	fx->kid[1] = add_child(fx, "Bé Hai", "f", "2021-11-01", "Chồi 1");
	fx->kid[2] = add_child(fx, "Bé Ba", "f", "2022-01-01", "Chồi 1");
	fx->kid[3] = add_child(fx, "Bé Bốn", "m", "2020-03-01", "Lá 1");
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	db_close(fx->db);
	free(fx);
	return 0;
}

/* A measurement of kid k on date with weight w at weight-for-age z
 * (w NAN: the value at z). */
static struct growth_meas
at_z(struct fx *fx, int k, const char *birth, enum child_sex sex,
    const char *date, double z)
{
	struct growth_meas m;

	memset(&m, 0, sizeof(m));
	m.child_id = fx->kid[k];
	snprintf(m.measured_on, sizeof(m.measured_on), "%s", date);
	m.weight = zs_value_at(WHO_WEI, sex == CHILD_SEX_F ? ZS_FEMALE :
	    ZS_MALE, (double)(date_days(date) - date_days(birth)), z);
	m.lenhei = NAN;
	growth_score(&m, sex, birth);
	return m;
}

static struct growth_session
session(struct fx *fx, const char *cls, const char *date)
{
	struct growth_session s;

	memset(&s, 0, sizeof(s));
	s.unit_id = fx->school;
	s.period_id = fx->y25.id;
	snprintf(s.class_name, sizeof(s.class_name), "%s", cls);
	snprintf(s.measured_on, sizeof(s.measured_on), "%s", date);
	return s;
}

static int64_t
value_of(struct fx *fx, const char *code, const char *col)
{
	struct db_stmt *st;
	int64_t v = -1;

	/* Column names from this file only. */
	if (strcmp(col, "num_total") == 0)
		st = db_stmt(fx->db, "SELECT v.num_total FROM agg_value v"
		    " JOIN indicator i ON i.id = v.indicator_id"
		    " WHERE i.code = ? AND v.unit_id = ? AND v.period_id = ?");
	else if (strcmp(col, "den_total") == 0)
		st = db_stmt(fx->db, "SELECT v.den_total FROM agg_value v"
		    " JOIN indicator i ON i.id = v.indicator_id"
		    " WHERE i.code = ? AND v.unit_id = ? AND v.period_id = ?");
	else if (strcmp(col, "num_f") == 0)
		st = db_stmt(fx->db, "SELECT v.num_f FROM agg_value v"
		    " JOIN indicator i ON i.id = v.indicator_id"
		    " WHERE i.code = ? AND v.unit_id = ? AND v.period_id = ?");
	else
		st = db_stmt(fx->db, "SELECT v.computed FROM agg_value v"
		    " JOIN indicator i ON i.id = v.indicator_id"
		    " WHERE i.code = ? AND v.unit_id = ? AND v.period_id = ?");
	db_bind_text(st, 1, code);
	db_bind_int(st, 2, fx->school);
	db_bind_int(st, 3, fx->y25.id);
	if (db_one_int(st, &v) == ERR_NOTFOUND)
		return -1;
	return v;
}

static void
a_session_writes_the_school_values(void **state)
{
	struct fx *fx = *state;
	struct growth_session s = session(fx, "Chồi 1", "2025-09-20");
	struct growth_meas m[3];
	size_t sidx[3] = { 0, 0, 0 };
	int64_t gen = db_generation(fx->db);

	m[0] = at_z(fx, 0, "2021-10-01", CHILD_SEX_M, "2025-09-20", -2.5);
	m[1] = at_z(fx, 1, "2021-11-01", CHILD_SEX_F, "2025-09-20", -2.4);
	m[2] = at_z(fx, 2, "2022-01-01", CHILD_SEX_F, "2025-09-20", 0.3);
	assert_int_equal(growth_save(fx->db, &s, 1, m, 3, sidx, fx->user,
	    "growth.session"), ERR_OK);
	assert_true(s.id > 0 && m[0].id > 0 && m[0].session_id == s.id);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "num_total"), 2);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "den_total"), 3);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "num_f"), 1);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "computed"), 1);
	/* No length measured: no stunting or wasting rows. */
	assert_int_equal(value_of(fx, "STUNTING", "den_total"), -1);
	assert_int_equal(value_of(fx, "WASTING", "den_total"), -1);
	/* Coverage: 3 of the 3 under-5s enrolled (the five-year-old was
	 * 5 on 1 September). */
	assert_int_equal(value_of(fx, "GROWTH_COVERAGE", "num_total"), 3);
	assert_int_equal(value_of(fx, "GROWTH_COVERAGE", "den_total"), 3);
	assert_int_equal(one(fx->db, "SELECT COUNT(*) FROM audit_log"
	    " WHERE action = 'growth.session'"), 1);
	assert_true(db_generation(fx->db) > gen);

	/* December: the same class again, child 0 recovered; the last
	 * measurement counts. */
	s = session(fx, "Chồi 1", "2025-12-10");
	m[0] = at_z(fx, 0, "2021-10-01", CHILD_SEX_M, "2025-12-10", -1.0);
	assert_int_equal(growth_save(fx->db, &s, 1, m, 1, sidx, fx->user,
	    "growth.session"), ERR_OK);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "num_total"), 1);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "den_total"), 3);

	/* Saving 10 December again updates the session and the row. */
	m[0] = at_z(fx, 0, "2021-10-01", CHILD_SEX_M, "2025-12-10", -2.2);
	m[0].id = 0;
	s.id = 0;
	assert_int_equal(growth_save(fx->db, &s, 1, m, 1, sidx, fx->user,
	    "growth.session"), ERR_OK);
	assert_int_equal(one(fx->db, "SELECT COUNT(*) FROM growth_session"), 2);
	assert_int_equal(one(fx->db, "SELECT COUNT(*) FROM measurement"), 4);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "num_total"), 2);
}

static void
locked_values_kept_demo_replaced_empty_dropped(void **state)
{
	struct fx *fx = *state;
	struct growth_session s = session(fx, "Chồi 1", "2025-09-20");
	struct growth_meas m[1];
	size_t sidx[1] = { 0 };
	struct db_stmt *st;
	int64_t uw, wa;

	uw = one(fx->db, "SELECT id FROM indicator WHERE code = 'UNDERWEIGHT'");
	wa = one(fx->db, "SELECT id FROM indicator WHERE code = 'WASTING'");
	/* A locked, entered underweight value; a demo wasting value. */
	st = db_stmt(fx->db, "INSERT INTO agg_value (unit_id, indicator_id,"
	    " period_id, num_total, den_total, locked, entered_at, is_demo)"
	    " VALUES (?, ?, ?, 9, 99, ?, 0, ?)");
	db_bind_int(st, 1, fx->school);
	db_bind_int(st, 2, uw);
	db_bind_int(st, 3, fx->y25.id);
	db_bind_int(st, 4, 1);
	db_bind_int(st, 5, 0);
	assert_int_equal(db_run(st), ERR_OK);
	st = db_stmt(fx->db, "INSERT INTO agg_value (unit_id, indicator_id,"
	    " period_id, num_total, den_total, locked, entered_at, is_demo)"
	    " VALUES (?, ?, ?, 9, 99, ?, 0, ?)");
	db_bind_int(st, 1, fx->school);
	db_bind_int(st, 2, wa);
	db_bind_int(st, 3, fx->y25.id);
	db_bind_int(st, 4, 1);
	db_bind_int(st, 5, 1);
	assert_int_equal(db_run(st), ERR_OK);

	m[0] = at_z(fx, 0, "2021-10-01", CHILD_SEX_M, "2025-09-20", -2.5);
	m[0].lenhei = 100;
	m[0].measure = ZS_STANDING;
	growth_score(&m[0], CHILD_SEX_M, "2021-10-01");
	assert_int_equal(growth_save(fx->db, &s, 1, m, 1, sidx, fx->user,
	    "growth.session"), ERR_OK);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "num_total"), 9);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "computed"), 0);
	assert_int_equal(value_of(fx, "WASTING", "den_total"), 1);
	assert_int_equal(value_of(fx, "WASTING", "computed"), 1);
	assert_int_equal(one(fx->db, "SELECT locked FROM agg_value"
	    " WHERE indicator_id = (SELECT id FROM indicator"
	    " WHERE code = 'WASTING')"), 0);

	/* The same day again with only a weight: nothing left for wasting,
	 * so its computed row goes. */
	m[0].lenhei = NAN;
	m[0].measure = ZS_MEASURE_MISSING;
	growth_score(&m[0], CHILD_SEX_M, "2021-10-01");
	s.id = 0;
	assert_int_equal(growth_save(fx->db, &s, 1, m, 1, sidx, fx->user,
	    "growth.session"), ERR_OK);
	assert_int_equal(value_of(fx, "WASTING", "den_total"), -1);
}

static int64_t
coverage_at(struct fx *fx, int64_t unit)
{
	struct db_stmt *st = db_stmt(fx->db, "SELECT v.num_total FROM agg_value v"
	    " JOIN indicator i ON i.id = v.indicator_id"
	    " WHERE i.code = 'GROWTH_COVERAGE' AND v.unit_id = ?"
	    " AND v.period_id = ?");
	int64_t v = -1;

	db_bind_int(st, 1, unit);
	db_bind_int(st, 2, fx->y25.id);
	if (db_one_int(st, &v) == ERR_NOTFOUND)
		return -1;
	return v;
}

/* A child measured at one school, then at another: it counts at the
 * second, and the first school's values are recomputed too. */
static void
a_child_counts_where_last_measured(void **state)
{
	struct fx *fx = *state;
	struct growth_session s = session(fx, "Chồi 1", "2025-09-20");
	struct growth_meas m[2];
	size_t sidx[2] = { 0, 0 };

	m[0] = at_z(fx, 0, "2021-10-01", CHILD_SEX_M, "2025-09-20", 0);
	m[1] = at_z(fx, 1, "2021-11-01", CHILD_SEX_F, "2025-09-20", 0);
	assert_int_equal(growth_save(fx->db, &s, 1, m, 2, sidx, fx->user,
	    "growth.session"), ERR_OK);
	assert_int_equal(coverage_at(fx, fx->school), 2);
	s = session(fx, "Mầm 2", "2025-12-10");
	s.unit_id = fx->other;
	m[0] = at_z(fx, 0, "2021-10-01", CHILD_SEX_M, "2025-12-10", 0);
	assert_int_equal(growth_save(fx->db, &s, 1, m, 1, sidx, fx->user,
	    "growth.session"), ERR_OK);
	assert_int_equal(coverage_at(fx, fx->school), 1);
	assert_int_equal(coverage_at(fx, fx->other), 1);
}

/* The grid sends the whole class: an emptied row removes the child's
 * measurement of that day; an empty session goes. */
static void
an_emptied_row_removes_the_measurement(void **state)
{
	struct fx *fx = *state;
	struct growth_session s = session(fx, "Chồi 1", "2025-09-20");
	struct growth_meas m[2];
	int64_t drop[2];

	m[0] = at_z(fx, 0, "2021-10-01", CHILD_SEX_M, "2025-09-20", -2.5);
	m[1] = at_z(fx, 1, "2021-11-01", CHILD_SEX_F, "2025-09-20", 0);
	assert_int_equal(growth_save_class(fx->db, &s, m, 2, NULL, 0,
	    fx->user), ERR_OK);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "num_total"), 1);
	drop[0] = fx->kid[0];
	drop[1] = fx->kid[2];		/* had nothing that day */
	s.id = 0;
	assert_int_equal(growth_save_class(fx->db, &s, &m[1], 1, drop, 2,
	    fx->user), ERR_OK);
	assert_int_equal(one(fx->db, "SELECT COUNT(*) FROM measurement"), 1);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "num_total"), 0);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "den_total"), 1);
	s.id = 0;
	drop[0] = fx->kid[1];
	assert_int_equal(growth_save_class(fx->db, &s, NULL, 0, drop, 1,
	    fx->user), ERR_OK);
	assert_int_equal(one(fx->db, "SELECT COUNT(*) FROM growth_session"), 0);
	assert_int_equal(value_of(fx, "UNDERWEIGHT", "den_total"), -1);
	assert_int_equal(one(fx->db, "SELECT COUNT(*) FROM audit_log WHERE"
	    " detail LIKE '%1 removed%'"), 2);
}

static void
a_failure_leaves_nothing(void **state)
{
	struct fx *fx = *state;
	struct growth_session s = session(fx, "Chồi 1", "2025-09-20");
	struct growth_meas m[2];
	size_t sidx[2] = { 0, 0 };

	m[0] = at_z(fx, 0, "2021-10-01", CHILD_SEX_M, "2025-09-20", -2.5);
	m[1] = at_z(fx, 1, "2021-11-01", CHILD_SEX_F, "2025-09-20", 0);
	m[1].child_id = 999999;		/* no such child */
	assert_int_not_equal(growth_save(fx->db, &s, 1, m, 2, sidx, fx->user,
	    "growth.session"), ERR_OK);
	assert_int_equal(one(fx->db, "SELECT COUNT(*) FROM growth_session"), 0);
	assert_int_equal(one(fx->db, "SELECT COUNT(*) FROM measurement"), 0);
	assert_int_equal(one(fx->db, "SELECT COUNT(*) FROM agg_value"), 0);
	assert_int_equal(one(fx->db, "SELECT COUNT(*) FROM audit_log"), 0);
}

static void
reads_for_the_pages(void **state)
{
	struct fx *fx = *state;
	struct growth_session s[2] = { session(fx, "Chồi 1", "2025-09-20"),
	    session(fx, "Chồi 1", "2026-03-10") };
	struct growth_meas m[3], *all = NULL, two[2], on;
	struct growth_session_row *rows = NULL;
	struct growth_prev p;
	size_t sidx[3] = { 0, 1, 0 }, n = 0;

	m[0] = at_z(fx, 0, "2021-10-01", CHILD_SEX_M, "2025-09-20", 0);
	m[1] = at_z(fx, 0, "2021-10-01", CHILD_SEX_M, "2026-03-10", -0.5);
	m[2] = at_z(fx, 1, "2021-11-01", CHILD_SEX_F, "2025-09-20", -3.5);
	m[2].confirmed = true;
	m[2].warnings = GW_LOSS;
	assert_int_equal(growth_save(fx->db, s, 2, m, 3, sidx, fx->user,
	    "growth.session"), ERR_OK);
	assert_int_equal(growth_child_list(fx->db, fx->kid[0], &all, &n),
	    ERR_OK);
	assert_int_equal(n, 2);
	assert_string_equal(all[0].measured_on, "2025-09-20");
	assert_float_equal(all[1].s.z[ZS_WEI], -0.5, 1e-9);
	assert_int_equal(all[1].s.flag[ZS_WEI], 0);
	assert_int_equal(all[1].s.flag[ZS_LEN], -1);
	assert_true(isnan(all[1].lenhei));
	free(all);
	assert_int_equal(growth_prev_get(fx->db, fx->kid[0], "2026-03-10", &p),
	    ERR_OK);
	assert_true(p.has);
	assert_string_equal(p.measured_on, "2025-09-20");
	assert_int_equal(growth_prev_get(fx->db, fx->kid[0], "2025-09-20", &p),
	    ERR_OK);
	assert_false(p.has);
	assert_int_equal(growth_last_two(fx->db, fx->kid[0], two, &n), ERR_OK);
	assert_int_equal(n, 2);
	assert_string_equal(two[0].measured_on, "2026-03-10");
	assert_int_equal(growth_on(fx->db, fx->kid[1], "2025-09-20", &on),
	    ERR_OK);
	assert_true(on.confirmed);
	assert_int_equal(on.s.level[ZD_UNDERWEIGHT], ZL_SEVERE);
	assert_int_equal(one(fx->db, "SELECT confirmed_by FROM measurement"
	    " WHERE confirmed = 1"), fx->user);
	assert_int_equal(growth_on(fx->db, fx->kid[2], "2025-09-20", &on),
	    ERR_NOTFOUND);
	assert_int_equal(growth_sessions(fx->db, fx->school, fx->y25.id, NULL,
	    &rows, &n), ERR_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].s.measured_on, "2026-03-10");
	assert_int_equal(rows[1].measured, 2);
	assert_int_equal(rows[1].attention, 1);
	free(rows);
	assert_int_equal(growth_log_view(fx->db, fx->kid[0], fx->user), ERR_OK);
	assert_int_equal(one(fx->db, "SELECT COUNT(*) FROM audit_log"
	    " WHERE action = 'growth.view'"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    a_session_writes_the_school_values, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    locked_values_kept_demo_replaced_empty_dropped, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    a_child_counts_where_last_measured, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    an_emptied_row_removes_the_measurement, setup, teardown),
		cmocka_unit_test_setup_teardown(a_failure_leaves_nothing, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(reads_for_the_pages, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
