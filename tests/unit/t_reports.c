/*
 * t_reports.c -- the pure rules of reporting: the dues of each schedule
 * kind, who a regime row addresses, a unit's standing on a due, the
 * tallies of completeness and timeliness, open units, the workflow steps,
 * and the sums of a consolidation (numerators and denominators, never
 * rates).
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "reports/report.h"

static void
dates_give_each_date_every_year_in_its_school_year(void **state)
{
	const char *d[] = { "05-05", "11-05" };
	struct report_due *v;
	size_t n;

	(void)state;
	assert_int_equal(report_dues(PLAN_SCHED_DATES, d, 2, 2023, 2023, &v,
	    &n), ERR_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].due_on, "2023-05-05");
	assert_string_equal(v[0].period, "2022-2023");
	assert_string_equal(v[1].due_on, "2023-11-05");
	assert_string_equal(v[1].period, "2023-2024");
	free(v);
}

static void
school_year_is_due_on_31_may(void **state)
{
	struct report_due *v;
	size_t n;

	(void)state;
	assert_int_equal(report_dues(PLAN_SCHED_SCHOOL_YEAR, NULL, 0, 2024,
	    2025, &v, &n), ERR_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[1].period, "2024-2025");
	assert_string_equal(v[1].due_on, "2025-05-31");
	free(v);
}

static void
annual_with_a_date_and_without(void **state)
{
	const char *d[] = { "12-25" };
	struct report_due *v;
	size_t n;

	(void)state;
	assert_int_equal(report_dues(PLAN_SCHED_ANNUAL, d, 1, 2017, 2018, &v,
	    &n), ERR_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].period, "2017");
	assert_string_equal(v[0].due_on, "2017-12-25");
	free(v);
	assert_int_equal(report_dues(PLAN_SCHED_ANNUAL, NULL, 0, 2024, 2024,
	    &v, &n), ERR_OK);
	assert_string_equal(v[0].due_on, "2025-01-15");	/* + 15 days */
	free(v);
}

static void
as_required_has_no_date(void **state)
{
	struct report_due *v;
	size_t n;

	(void)state;
	assert_int_equal(report_dues(PLAN_SCHED_AS_REQUIRED, NULL, 0, 2021,
	    2021, &v, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].due_on, "");
	assert_string_equal(v[0].period, "2020-2021");
	free(v);
}

static void
a_bad_date_is_refused(void **state)
{
	const char *d[] = { "13-05" };
	struct report_due *v;
	size_t n;

	(void)state;
	assert_int_equal(report_dues(PLAN_SCHED_DATES, d, 1, 2023, 2023, &v,
	    &n), ERR_INVALID);
}

static void
regime_addressed_to_the_owner(void **state)
{
	(void)state;
	assert_true(report_regime_to_owner("Phòng Giáo dục và Đào tạo Quận 8",
	    false, "Phòng Giáo dục và Đào tạo Quận 8"));
	assert_true(report_regime_to_owner("Phòng Giáo dục và Đào tạo huyện "
	    "(tên không nêu)", false, "Phòng Giáo dục và Đào tạo"));
	assert_true(report_regime_to_owner("Phòng Giáo dục và Đào tạo Quận 8",
	    false, "phòng giáo dục và đào tạo quận 8, Phòng LĐTBXH"));
	assert_false(report_regime_to_owner("Phòng Giáo dục và Đào tạo Quận 8",
	    false, "Ủy ban nhân dân Quận 8"));
	assert_false(report_regime_to_owner("Trường Mầm non Hương Lưu", true,
	    "Trường Mầm non Hương Lưu"));
}

static void
standing_of_a_unit_on_a_due(void **state)
{
	(void)state;
	assert_int_equal(report_standing_of("2024-05-31", "2024-05-30",
	    "2024-06-10"), REPORT_ON_TIME);
	assert_int_equal(report_standing_of("2024-05-31", "2024-05-31",
	    "2024-06-10"), REPORT_ON_TIME);
	assert_int_equal(report_standing_of("2024-05-31", "2024-06-01",
	    "2024-06-10"), REPORT_LATE);
	assert_int_equal(report_standing_of("2024-05-31", "", "2024-06-01"),
	    REPORT_MISSING);
	assert_int_equal(report_standing_of("2024-05-31", "", "2024-05-20"),
	    REPORT_DUE_SOON);
	assert_int_equal(report_standing_of("2024-05-31", "", "2024-03-01"),
	    REPORT_UPCOMING);
	assert_int_equal(report_standing_of("", "", "2024-03-01"),
	    REPORT_OPEN);
}

static void
tally_counts_completeness_and_timeliness(void **state)
{
	struct report_tally t = { 0 };

	(void)state;
	report_tally_add(&t, REPORT_ON_TIME, true);
	report_tally_add(&t, REPORT_LATE, false);
	report_tally_add(&t, REPORT_MISSING, false);
	report_tally_add(&t, REPORT_ON_TIME, false);
	assert_int_equal(t.expected, 4);
	assert_int_equal(t.submitted, 3);
	assert_int_equal(t.on_time, 2);
	assert_int_equal(t.late, 1);
	assert_int_equal(t.missing, 1);
	assert_int_equal(t.accepted, 1);
	assert_int_equal(report_pct(t.on_time, t.expected), 50);
	assert_int_equal(report_pct(1, 0), 0);
}

static void
only_units_open_during_the_period_count(void **state)
{
	(void)state;
	assert_true(report_open_during("", "", "2024-09-01", "2025-08-31"));
	assert_false(report_open_during("2025-09-01", "", "2024-09-01",
	    "2025-08-31"));
	assert_false(report_open_during("", "2024-09-01", "2024-09-01",
	    "2025-08-31"));
	assert_true(report_open_during("", "2024-09-02", "2024-09-01",
	    "2025-08-31"));
}

static void
workflow_steps_in_order(void **state)
{
	(void)state;
	assert_true(report_step_allowed(REPORT_DRAFT, REPORT_STEP_SUBMIT));
	assert_false(report_step_allowed(REPORT_DRAFT, REPORT_STEP_ACCEPT));
	assert_true(report_step_allowed(REPORT_SUBMITTED, REPORT_STEP_ACCEPT));
	assert_true(report_step_allowed(REPORT_SUBMITTED, REPORT_STEP_RETURN));
	assert_true(report_step_allowed(REPORT_RETURNED, REPORT_STEP_SUBMIT));
	assert_false(report_step_allowed(REPORT_ACCEPTED, REPORT_STEP_EDIT));
	assert_true(report_step_allowed(REPORT_ACCEPTED, REPORT_STEP_REVISE));
	assert_int_equal(report_step_next(REPORT_STEP_RETURN),
	    REPORT_RETURNED);
}

static void
consolidation_sums_numerators_and_denominators(void **state)
{
	struct report_num tot, a, b, none;
	double v;

	(void)state;
	memset(&tot, 0, sizeof(tot));
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	memset(&none, 0, sizeof(none));
	a.has_value = b.has_value = true;
	a.num = 1; a.den = 1; a.has_den = true; a.has_sex = true;	/* 100% */
	b.num = 1; b.den = 3; b.has_den = true; b.has_sex = false;	/* 33% */
	strcpy(a.period, "2023-2024");
	strcpy(b.period, "2024-2025");
	report_num_add(&tot, &a);
	report_num_add(&tot, &none);
	report_num_add(&tot, &b);
	assert_int_equal(tot.num, 2);
	assert_int_equal(tot.den, 4);
	assert_false(tot.has_sex);
	assert_string_equal(tot.period, "2024-2025");
	assert_true(report_num_rate(&tot, 100, &v));
	assert_true(v > 49.99 && v < 50.01);	/* not (100 + 33) / 2 */
	assert_false(report_num_rate(&none, 100, &v));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates_give_each_date_every_year_in_its_school_year),
		cmocka_unit_test(school_year_is_due_on_31_may),
		cmocka_unit_test(annual_with_a_date_and_without),
		cmocka_unit_test(as_required_has_no_date),
		cmocka_unit_test(a_bad_date_is_refused),
		cmocka_unit_test(regime_addressed_to_the_owner),
		cmocka_unit_test(standing_of_a_unit_on_a_due),
		cmocka_unit_test(tally_counts_completeness_and_timeliness),
		cmocka_unit_test(only_units_open_during_the_period_count),
		cmocka_unit_test(workflow_steps_in_order),
		cmocka_unit_test(consolidation_sums_numerators_and_denominators),
	};

	return cmocka_run_group_tests_name("reports", tests, NULL, NULL);
}
