/*
 * t_status.c -- target status and gap: every branch, both directions,
 * strict and non-strict comparators, with and without a baseline; the
 * labels; and the Vietnamese number format.
 */
#include <string.h>

#include "testutil.h"
#include "dashboard/dashboard.h"
#include "render/numfmt.h"

/* An "up" target: primary completion 90 (2020) -> >= 97 (2025), >= 99 (2030). */
static const struct dash_milestone up_ms[] = {
	{ 2025, CMP_GE, 97 }, { 2030, CMP_GE, 99 },
};
/* A "down" target: dropout 1.0 (2020) -> < 0.5 (2025), < 0.3 (2030). */
static const struct dash_milestone down_ms[] = {
	{ 2025, CMP_LT, 0.5 }, { 2030, CMP_LT, 0.3 },
};

static struct status_result
run(enum dash_dir dir, const struct dash_milestone *ms, size_t nms,
    bool has_base, double base, int base_year, bool has_actual, double v,
    int year)
{
	struct status_input in;
	struct status_result r;

	memset(&in, 0, sizeof(in));
	in.dir = dir;
	in.ms = ms;
	in.nms = nms;
	in.has_baseline = has_base;
	in.baseline = base;
	in.baseline_year = base_year;
	in.has_actual = has_actual;
	in.actual = v;
	in.actual_year = year;
	in.has_first = has_actual;
	in.first = v;
	in.first_year = year;
	dash_status_eval(&in, &r);
	return r;
}

#define UP(v, y)	run(DIR_UP, up_ms, 2, true, 90, 2020, true, v, y)
#define DOWN(v, y)	run(DIR_DOWN, down_ms, 2, true, 1.0, 2020, true, v, y)

static void
no_actual_is_no_data(void **state)
{
	struct status_result r = run(DIR_UP, up_ms, 2, true, 90, 2020, false,
	    0, 0);

	(void)state;
	assert_int_equal(r.status, TS_NO_DATA);
	assert_false(r.has_gap);
}

static void
no_milestone_is_no_data(void **state)
{
	struct status_result r = run(DIR_UP, NULL, 0, true, 90, 2020, true,
	    95, 2024);

	(void)state;
	assert_int_equal(r.status, TS_NO_DATA);
	assert_null(r.next);
}

static void
up_meeting_the_milestone_is_achieved(void **state)
{
	struct status_result r = UP(97.0, 2024);

	(void)state;
	assert_int_equal(r.status, TS_ACHIEVED);
	assert_int_equal(r.next->year, 2025);
	assert_true(r.gap <= 0 && r.gap > -1e-9);
	/* 99/100*100 meets ">= 99" whatever the rounding. */
	r = UP(99.0 / 100.0 * 100.0, 2026);
	assert_int_equal(r.status, TS_ACHIEVED);
}

static void
up_on_the_line_is_on_track(void **state)
{
	/* Line 90 (2020) -> 97 (2025): at 2024 it is 95.6. */
	struct status_result r = UP(95.6, 2024);

	(void)state;
	assert_int_equal(r.status, TS_ON_TRACK);
	assert_true(r.has_line);
	assert_float_equal(r.line, 95.6, 1e-9);
	assert_float_equal(r.gap, 97 - 95.6, 1e-9);
	r = UP(96.5, 2024);
	assert_int_equal(r.status, TS_ON_TRACK);
}

static void
up_below_the_line_above_baseline_is_at_risk(void **state)
{
	struct status_result r = UP(93, 2024);

	(void)state;
	assert_int_equal(r.status, TS_AT_RISK);
	assert_float_equal(r.gap, 4, 1e-9);
}

static void
up_no_better_than_baseline_is_off_track(void **state)
{
	struct status_result r = UP(90, 2024);

	(void)state;
	assert_int_equal(r.status, TS_OFF_TRACK);
	r = UP(85, 2024);
	assert_int_equal(r.status, TS_OFF_TRACK);
}

static void
next_milestone_is_the_first_not_before_the_actual(void **state)
{
	/* 2026: the 2030 milestone is next; 98 is on its line
	 * 90 (2020) -> 99 (2030) at 2026 = 95.4. */
	struct status_result r = UP(98, 2026);

	(void)state;
	assert_int_equal(r.next->year, 2030);
	assert_int_equal(r.status, TS_ON_TRACK);
	assert_float_equal(r.gap, 1, 1e-9);
}

static void
a_passed_milestone_not_met_is_off_track(void **state)
{
	/* Data for 2031, after the last milestone (2030): it is compared
	 * with the last one; not met and passed. */
	struct status_result r = UP(98.5, 2031);

	(void)state;
	assert_int_equal(r.next->year, 2030);
	assert_int_equal(r.status, TS_OFF_TRACK);
	r = UP(99.5, 2031);
	assert_int_equal(r.status, TS_ACHIEVED);
}

static void
down_direction_every_branch(void **state)
{
	struct status_result r;

	(void)state;
	r = DOWN(0.4, 2024);
	assert_int_equal(r.status, TS_ACHIEVED);
	assert_float_equal(r.gap, -0.1, 1e-9);
	/* Line 1.0 (2020) -> 0.5 (2025): 0.6 at 2024. */
	r = DOWN(0.6, 2024);
	assert_int_equal(r.status, TS_ON_TRACK);
	assert_float_equal(r.gap, 0.1, 1e-9);
	r = DOWN(0.55, 2024);
	assert_int_equal(r.status, TS_ON_TRACK);
	r = DOWN(0.8, 2024);
	assert_int_equal(r.status, TS_AT_RISK);
	r = DOWN(1.0, 2024);
	assert_int_equal(r.status, TS_OFF_TRACK);
	r = DOWN(1.2, 2024);
	assert_int_equal(r.status, TS_OFF_TRACK);
}

static void
strict_and_non_strict_comparators_differ_at_the_value(void **state)
{
	static const struct dash_milestone lt[] = { { 2025, CMP_LT, 0.5 } };
	static const struct dash_milestone le[] = { { 2025, CMP_LE, 0.5 } };
	static const struct dash_milestone gt[] = { { 2025, CMP_GT, 97 } };
	static const struct dash_milestone eq[] = { { 2025, CMP_EQ, 50 } };
	struct status_result r;

	(void)state;
	r = run(DIR_DOWN, lt, 1, true, 1.0, 2020, true, 0.5, 2025);
	assert_int_equal(r.status, TS_ON_TRACK);	/* on the line, not met */
	assert_float_equal(r.gap, 0, 1e-12);
	r = run(DIR_DOWN, le, 1, true, 1.0, 2020, true, 0.5, 2025);
	assert_int_equal(r.status, TS_ACHIEVED);
	r = run(DIR_UP, gt, 1, true, 90, 2020, true, 97, 2025);
	assert_int_equal(r.status, TS_ON_TRACK);
	r = run(DIR_UP, gt, 1, true, 90, 2020, true, 97.01, 2025);
	assert_int_equal(r.status, TS_ACHIEVED);
	r = run(DIR_UP, eq, 1, true, 40, 2020, true, 50, 2025);
	assert_int_equal(r.status, TS_ACHIEVED);
	r = run(DIR_UP, eq, 1, true, 40, 2020, true, 48, 2025);
	assert_float_equal(r.gap, 2, 1e-9);
	assert_true(dash_cmp_met(CMP_GE, 97, 97));
	assert_false(dash_cmp_met(CMP_GT, 97, 97));
	assert_true(dash_cmp_met(CMP_LE, 0.5, 0.5));
	assert_false(dash_cmp_met(CMP_LT, 0.5, 0.5));
}

static void
without_baseline_the_earliest_actual_starts_the_line(void **state)
{
	struct status_input in;
	struct status_result r;

	(void)state;
	memset(&in, 0, sizeof(in));
	in.dir = DIR_UP;
	in.ms = up_ms;
	in.nms = 2;
	in.has_first = true;
	in.first = 92;		/* 2021 */
	in.first_year = 2021;
	in.has_actual = true;
	in.actual = 93;		/* 2024: the line 92 -> 97 gives 95.75 */
	in.actual_year = 2024;
	dash_status_eval(&in, &r);
	assert_true(r.has_start);
	assert_float_equal(r.start, 92, 1e-9);
	assert_int_equal(r.start_year, 2021);
	assert_float_equal(r.line, 95.75, 1e-9);
	assert_int_equal(r.status, TS_AT_RISK);
	in.actual = 91;
	dash_status_eval(&in, &r);
	assert_int_equal(r.status, TS_OFF_TRACK);
	/* One value only: it is its own start and on its own line. */
	in.first = in.actual = 93;
	in.first_year = 2024;
	dash_status_eval(&in, &r);
	assert_int_equal(r.status, TS_ON_TRACK);
}

static void
baseline_in_the_milestone_year_makes_a_flat_line(void **state)
{
	static const struct dash_milestone ms[] = { { 2025, CMP_GE, 97 } };
	struct status_result r = run(DIR_UP, ms, 1, true, 96, 2025, true, 96.5,
	    2025);

	(void)state;
	assert_float_equal(r.line, 97, 1e-9);
	assert_int_equal(r.status, TS_AT_RISK);
}

static void
cmp_codes_parse_and_print(void **state)
{
	enum dash_cmp c;

	(void)state;
	assert_true(dash_cmp_parse("<=", &c));
	assert_int_equal(c, CMP_LE);
	assert_string_equal(dash_cmp_code(c), "<=");
	assert_string_equal(dash_cmp_sign(c), "≤");
	assert_false(dash_cmp_parse("=>", &c));
	assert_false(dash_cmp_parse("", &c));
}

static void
labels_in_both_languages(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_string_equal(dash_status_label(TS_ACHIEVED, 0), "Đạt");
	assert_string_equal(dash_status_label(TS_ON_TRACK, 0), "Đúng tiến độ");
	assert_string_equal(dash_status_label(TS_AT_RISK, 0), "Có nguy cơ");
	assert_string_equal(dash_status_label(TS_OFF_TRACK, 0), "Chậm tiến độ");
	assert_string_equal(dash_status_label(TS_NO_DATA, 0), "Chưa có số liệu");
	assert_string_equal(dash_status_label(TS_OFF_TRACK, 1), "off track");
	assert_string_equal(dash_status_code(TS_ON_TRACK), "on_track");
	dash_status_badge(&b, TS_AT_RISK, 0);
	assert_string_equal(b.data,
	    "<span class=\"badge st-at_risk\">Có nguy cơ</span>");
	buf_release(&b);
}

static void
vietnamese_number_format(void **state)
{
	char a[NUMFMT_MAX];

	(void)state;
	assert_string_equal(numfmt_dec(a, 99.1, 1, 0), "99,1");
	assert_string_equal(numfmt_dec(a, 99.10, 2, 0), "99,1");
	assert_string_equal(numfmt_dec(a, 97.0, 2, 0), "97");
	assert_string_equal(numfmt_dec(a, 1234567.891, 2, 0), "1.234.567,89");
	assert_string_equal(numfmt_dec(a, 1234567.891, 2, 1), "1,234,567.89");
	assert_string_equal(numfmt_dec(a, -0.004, 2, 0), "0");
	assert_string_equal(numfmt_dec(a, -1.5, 1, 0), "-1,5");
	assert_string_equal(numfmt_dec(a, 999.999, 2, 0), "1.000");
	assert_string_equal(numfmt_int(a, 1500, 0), "1.500");
	assert_string_equal(numfmt_int(a, -1234, 1), "-1,234");
	assert_string_equal(numfmt_int(a, 12, 0), "12");
	/* Counts that could identify a child. */
	assert_string_equal(numfmt_count_small(a, 0, 0), "0");
	assert_string_equal(numfmt_count_small(a, 1, 0), "< 5");
	assert_string_equal(numfmt_count_small(a, 4, 1), "< 5");
	assert_string_equal(numfmt_count_small(a, 5, 0), "5");
	assert_string_equal(numfmt_count_small(a, 1500, 0), "1.500");
	{
		char b[NUMFMT_MAX];

		assert_true(numfmt_split_small(a, b, 2, 9, 0));
		assert_string_equal(a, "< 5");
		assert_string_equal(b, "x");
		assert_true(numfmt_split_small(a, b, 0, 3, 0));
		assert_string_equal(a, "x");
		assert_string_equal(b, "< 5");
		assert_false(numfmt_split_small(a, b, 5, 1200, 0));
		assert_string_equal(b, "1.200");
	}
	assert_false(numfmt_is_small(-1));
	assert_true(numfmt_is_small(3));
	assert_string_equal(numfmt_value(a, 99.1, NUMFMT_PERCENT, 0),
	    "99,1\xc2\xa0%");
	assert_string_equal(numfmt_value(a, 8.725, NUMFMT_PERCENT, 0),
	    "8,73\xc2\xa0%");
	assert_string_equal(numfmt_value(a, 12.5, NUMFMT_PER1000, 1),
	    "12.5\xc2\xa0‰");
	assert_string_equal(numfmt_value(a, 2500, NUMFMT_COUNT, 0), "2.500");
	assert_string_equal(numfmt_points(a, 1.5, NUMFMT_PERCENT, 0),
	    "1,5\xc2\xa0điểm\xc2\xa0%");
	assert_string_equal(numfmt_points(a, 1.5, NUMFMT_PERCENT, 1),
	    "1.5\xc2\xa0pp");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_actual_is_no_data),
		cmocka_unit_test(no_milestone_is_no_data),
		cmocka_unit_test(up_meeting_the_milestone_is_achieved),
		cmocka_unit_test(up_on_the_line_is_on_track),
		cmocka_unit_test(up_below_the_line_above_baseline_is_at_risk),
		cmocka_unit_test(up_no_better_than_baseline_is_off_track),
		cmocka_unit_test(next_milestone_is_the_first_not_before_the_actual),
		cmocka_unit_test(a_passed_milestone_not_met_is_off_track),
		cmocka_unit_test(down_direction_every_branch),
		cmocka_unit_test(strict_and_non_strict_comparators_differ_at_the_value),
		cmocka_unit_test(without_baseline_the_earliest_actual_starts_the_line),
		cmocka_unit_test(baseline_in_the_milestone_year_makes_a_flat_line),
		cmocka_unit_test(cmp_codes_parse_and_print),
		cmocka_unit_test(labels_in_both_languages),
		cmocka_unit_test(vietnamese_number_format),
	};

	return cmocka_run_group_tests_name("status", tests, NULL, NULL);
}
