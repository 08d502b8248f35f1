/*
 * t_growth.c -- growth monitoring, the model: the chart curves (the value
 * at a z-score equals M at z = 0 and the LMS inverse at +-2, and scoring
 * that value gives the z back); the rule for implausible changes at its
 * boundaries; checking a measurement row (bad input naming the row and
 * field, defaults, warnings that need a confirmation); and the nutrition
 * rates (the last measurement of each child counts once, at the school
 * that took it; flagged values are left out; coverage against the
 * enrolment).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "core/strutil.h"
#include "growth/growth.h"
#include "growth/who_tables.h"

/* The LMS inverse written out from the published formula (not the code). */
static double
inverse(const struct who_lms *p, double z)
{
	return p->m * pow(1 + p->l * p->s * z, 1 / p->l);
}

static void
curve_is_m_at_zero_and_lms_inverse_at_two(void **state)
{
	static const enum who_table_id ids[] = { WHO_WEI, WHO_LEN, WHO_BMI,
	    WHO_WFL, WHO_WFH, WHO_BFA07, WHO_HFA07, WHO_WFA07 };
	size_t i;
	int sex, row;

	(void)state;
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		const struct who_table *t = &who_tables[ids[i]];
		bool cm = ids[i] == WHO_WFL || ids[i] == WHO_WFH;
		int last = t->count - (ids[i] >= WHO_BFA07 ? 2 : 1);

		for (sex = 1; sex <= 2; sex++)
			for (row = 0; row <= last; row += 7) {
				const struct who_lms *p = &t->rows[sex - 1][row];
				double x = cm ? (t->first + row) / 10.0 :
				    t->first + row;

				assert_float_equal(zs_value_at(ids[i], sex, x, 0),
				    p->m, 1e-12);
				assert_float_equal(zs_value_at(ids[i], sex, x, 2),
				    inverse(p, 2), 1e-9);
				assert_float_equal(zs_value_at(ids[i], sex, x,
				    -2), inverse(p, -2), 1e-9);
			}
	}
	/* Outside a table: nothing. */
	assert_true(isnan(zs_value_at(WHO_WFA07, ZS_MALE, 121, 0)));
	assert_true(isnan(zs_value_at(WHO_HFA07, ZS_MALE, 59, 0)));
	assert_true(isnan(zs_value_at(WHO_WFL, ZS_FEMALE, 44.9, 0)));
	assert_true(isnan(zs_value_at(WHO_WEI, ZS_SEX_MISSING, 10, 0)));
	assert_true(isnan(zs_value_at(WHO_WEI, ZS_MALE, -1, 0)));
}

static void
curve_between_months_is_interpolated(void **state)
{
	const struct who_lms *r = who_tables[WHO_HFA07].rows[1];
	double a = inverse(&r[100 - 60], 1), b = inverse(&r[101 - 60], 1);
	double v = zs_value_at(WHO_HFA07, ZS_FEMALE, 100.5, 1);

	(void)state;
	/* The LMS is interpolated, not the value: close to the middle. */
	assert_true(v > a && v < b);
	assert_float_equal(v, (a + b) / 2, 0.01);
}

/* Scoring the value at z gives z back (the curve is what the z-score
 * module measures against). */
static void
scoring_the_curve_value_gives_z(void **state)
{
	struct growth_meas m;
	double w;

	(void)state;
	memset(&m, 0, sizeof(m));
	snprintf(m.measured_on, sizeof(m.measured_on), "2024-01-01");
	/* A girl born 2021-01-01: 1095 days on 2024-01-01. */
	w = zs_value_at(WHO_WEI, ZS_FEMALE, 1095, -2);
	m.weight = w;
	m.lenhei = NAN;
	growth_score(&m, CHILD_SEX_F, "2021-01-01");
	assert_int_equal(m.age_days, 1095);
	assert_float_equal(m.s.z[ZS_WEI], -2.0, 1e-9);
	m.weight = w - 0.05;
	growth_score(&m, CHILD_SEX_F, "2021-01-01");
	assert_int_equal(m.s.level[ZD_UNDERWEIGHT], ZL_MODERATE);
}

static struct growth_meas
meas(const char *on, int age, double w, double h, enum zs_measure pos)
{
	struct growth_meas m;

	memset(&m, 0, sizeof(m));
	snprintf(m.measured_on, sizeof(m.measured_on), "%s", on);
	m.age_days = age;
	m.weight = w;
	m.lenhei = h;
	m.measure = pos;
	return m;
}

static struct growth_prev
prev(const char *on, int age, double w, double h, enum zs_measure pos)
{
	struct growth_prev p;

	memset(&p, 0, sizeof(p));
	p.has = true;
	snprintf(p.measured_on, sizeof(p.measured_on), "%s", on);
	p.age_days = age;
	p.weight = w;
	p.lenhei = h;
	p.measure = pos;
	return p;
}

static void
change_rule_boundaries(void **state)
{
	struct growth_prev p;
	struct growth_meas m;
	double lim;

	(void)state;
	/* 3 years old, 12 kg, then 3 months (91 days) later: at most
	 * 0.5 + 0.6 x 91/30.4375 kg more. */
	p = prev("2024-01-01", 1095, 12.0, 90.0, ZS_STANDING);
	lim = 0.5 + 0.6 * 91 / 30.4375;
	m = meas("2024-04-01", 1186, 12.0 + lim - 0.01, 91.0, ZS_STANDING);
	assert_int_equal(growth_change_check(&p, &m), 0);
	m.weight = 12.0 + lim + 0.01;
	assert_int_equal(growth_change_check(&p, &m), GW_GAIN);
	/* A typo: 21 for 12. */
	m.weight = 21.0;
	assert_int_equal(growth_change_check(&p, &m), GW_GAIN);
	/* Loss: at most 0.5 + 10 % of 12 = 1.7 kg, whatever the interval. */
	m.weight = 12.0 - 1.69;
	assert_int_equal(growth_change_check(&p, &m), 0);
	m.weight = 12.0 - 1.71;
	assert_int_equal(growth_change_check(&p, &m), GW_LOSS);
	m.weight = 1.2;
	assert_int_equal(growth_change_check(&p, &m), GW_LOSS);
	/* A heavier child: the tolerance is 3 % of the weight. */
	p = prev("2024-01-01", 4000, 40.0, 150.0, ZS_STANDING);
	m = meas("2024-01-01", 4000, 40.0 + 1.19, 150.0, ZS_STANDING);
	assert_int_equal(growth_change_check(&p, &m), 0);
	m.weight = 40.0 + 1.21;
	assert_int_equal(growth_change_check(&p, &m), GW_GAIN);
	/* An infant gains fast: 1.5 kg a month under 6 months. */
	p = prev("2024-01-01", 30, 4.0, 54.0, ZS_LYING);
	m = meas("2024-01-31", 60, 4.0 + 0.5 + 1.5 * 30 / 30.4375 - 0.01,
	    57.0, ZS_LYING);
	assert_int_equal(growth_change_check(&p, &m), 0);
	/* Height: 1.5 cm of tolerance, lying counted 0.7 cm taller. */
	p = prev("2024-01-01", 700, 11.0, 85.0, ZS_LYING);
	m = meas("2024-02-01", 731, 11.0, 84.3 - 1.49, ZS_STANDING);
	assert_int_equal(growth_change_check(&p, &m), 0);
	m.lenhei = 84.3 - 1.51;
	assert_int_equal(growth_change_check(&p, &m), GW_SHRINK);
	/* Missing values and no previous measurement: nothing to say. */
	m.lenhei = NAN;
	m.weight = NAN;
	assert_int_equal(growth_change_check(&p, &m), 0);
	p.has = false;
	m = meas("2024-02-01", 731, 50.0, 20.0, ZS_STANDING);
	assert_int_equal(growth_change_check(&p, &m), 0);
	/* Ages pick the monthly gain. */
	assert_float_equal(growth_gain_per_month(100), 1.5, 0);
	assert_float_equal(growth_gain_per_month(400), 0.8, 0);
	assert_float_equal(growth_gain_per_month(1000), 0.6, 0);
	assert_float_equal(growth_gain_per_month(4000), 1.0, 0);
}

static const struct growth_subject an = { 7, "Nguyễn Văn An", CHILD_SEX_M,
    "2021-06-15" };

static enum growth_row
check(const char *w, const char *h, const char *pos, const char *oed,
    const char *conf, const char *date, const struct growth_prev *p,
    struct growth_meas *out, struct growth_issues *iss)
{
	struct growth_raw raw = { w, h, pos, oed, conf };
	struct growth_where where = { 3, an.name, NULL, NULL, NULL, NULL,
	    NULL, NULL };
	struct growth_prev none;

	memset(&none, 0, sizeof(none));
	return growth_row_check(&raw, &an, date, p ? p : &none, &where, out,
	    iss);
}

static void
row_check_refuses_bad_input_naming_row_and_field(void **state)
{
	struct growth_issues iss;
	struct growth_meas m;
	char text[512];

	(void)state;
	memset(&iss, 0, sizeof(iss));
	assert_int_equal(check("0", "95", "", "", "", "2024-10-01", NULL, &m,
	    &iss), GROWTH_ROW_BAD);
	assert_int_equal(iss.n, 1);
	assert_ptr_equal(iss.v[0].f, &growth_f_weight);
	growth_issue_text(&iss.v[0], 0, text, sizeof(text));
	assert_string_equal(text, "Dòng 3 (Nguyễn Văn An) — Cân nặng (kg): "
	    "phải lớn hơn 0.");
	growth_issue_text(&iss.v[0], 1, text, sizeof(text));
	assert_string_equal(text, "Row 3 (Nguyễn Văn An) — Weight (kg): "
	    "must be more than 0.");
	growth_issues_free(&iss);

	assert_int_equal(check("-3", "95", "", "", "", "2024-10-01", NULL, &m,
	    &iss), GROWTH_ROW_BAD);
	assert_int_equal(check("abc", "95", "", "", "", "2024-10-01", NULL,
	    &m, &iss), GROWTH_ROW_BAD);
	assert_int_equal(check("14", "900", "", "", "", "2024-10-01", NULL,
	    &m, &iss), GROWTH_ROW_BAD);
	assert_int_equal(check("14", "95", "sideways", "", "", "2024-10-01",
	    NULL, &m, &iss), GROWTH_ROW_BAD);
	assert_int_equal(check("14", "95", "", "maybe", "", "2024-10-01", NULL,
	    &m, &iss), GROWTH_ROW_BAD);
	assert_int_equal(iss.errors, 5);
	assert_ptr_equal(iss.v[3].f, &growth_f_position);
	assert_ptr_equal(iss.v[4].f, &growth_f_oedema);
	growth_issues_free(&iss);

	/* A date before the child's birth. */
	assert_int_equal(check("3", "50", "", "", "", "2021-06-14", NULL, &m,
	    &iss), GROWTH_ROW_BAD);
	assert_ptr_equal(iss.v[0].f, &growth_f_date);
	growth_issues_free(&iss);
	/* Oedema without any measurement. */
	assert_int_equal(check("", "", "", "y", "", "2024-10-01", NULL, &m,
	    &iss), GROWTH_ROW_BAD);
	growth_issues_free(&iss);
}

static void
row_check_scores_with_defaults(void **state)
{
	struct growth_issues iss;
	struct growth_meas m;

	(void)state;
	memset(&iss, 0, sizeof(iss));
	assert_int_equal(check("", " ", "", "", "", "2024-10-01", NULL, &m,
	    &iss), GROWTH_ROW_EMPTY);
	/* Decimal comma; 3 years old: standing by default. */
	assert_int_equal(check("14,2", "95.5", "", "", "", "2024-10-01", NULL,
	    &m, &iss), GROWTH_ROW_OK);
	assert_int_equal(iss.total, 0);
	assert_float_equal(m.weight, 14.2, 1e-12);
	assert_int_equal(m.measure, ZS_STANDING);
	assert_false(isnan(m.s.z[ZS_WEI]));
	assert_false(isnan(m.s.z[ZS_WFL]));
	assert_false(m.confirmed);	/* nothing to confirm */
	/* Under 731 days: lying; Vietnamese codes. */
	assert_int_equal(check("10", "80", "", "", "", "2022-06-15", NULL, &m,
	    &iss), GROWTH_ROW_OK);
	assert_int_equal(m.measure, ZS_LYING);
	assert_int_equal(check("10", "80", "đứng", "không", "", "2022-06-15",
	    NULL, &m, &iss), GROWTH_ROW_OK);
	assert_int_equal(m.measure, ZS_STANDING);
	/* Only a weight. */
	assert_int_equal(check("14", "", "h", "", "", "2024-10-01", NULL, &m,
	    &iss), GROWTH_ROW_OK);
	assert_int_equal(m.measure, ZS_MEASURE_MISSING);
	assert_true(isnan(m.s.z[ZS_LEN]));
	growth_issues_free(&iss);
}

static void
implausible_values_warn_until_confirmed(void **state)
{
	struct growth_issues iss;
	struct growth_meas m;
	struct growth_prev p = prev("2024-09-01", 1174, 14.0, 94.0,
	    ZS_STANDING);

	(void)state;
	memset(&iss, 0, sizeof(iss));
	/* 45 kg at 3 years: weight-for-age flagged (> +5). */
	assert_int_equal(check("45", "95", "", "", "", "2024-10-01", NULL, &m,
	    &iss), GROWTH_ROW_WARN);
	assert_true(m.warnings & GW_ZFLAG);
	assert_true(iss.total > 0 && iss.errors == 0);
	assert_true(iss.v[0].warning);
	assert_non_null(strstr(iss.v[0].vi, "xác nhận"));
	growth_issues_free(&iss);
	assert_int_equal(check("45", "95", "", "", "1", "2024-10-01", NULL, &m,
	    &iss), GROWTH_ROW_OK);
	assert_true(m.confirmed);
	assert_int_equal(iss.total, 0);
	/* A plausible z-score but a month after 14.0 kg: 18 kg. */
	assert_int_equal(check("18", "95", "", "", "", "2024-10-01", &p, &m,
	    &iss), GROWTH_ROW_WARN);
	assert_int_equal(m.warnings, GW_GAIN);
	assert_ptr_equal(iss.v[0].f, &growth_f_weight);
	assert_non_null(strstr(iss.v[0].en, "from 14 kg"));
	growth_issues_free(&iss);
	assert_int_equal(check("14.3", "93.9", "", "", "", "2024-10-01", &p,
	    &m, &iss), GROWTH_ROW_OK);
	assert_int_equal(m.warnings, 0);
	growth_issues_free(&iss);
}

static struct growth_obs
obs(int64_t id, int64_t child, int64_t unit, const char *on, int age,
    enum child_sex sex, enum zs_level uw, enum zs_level st, enum zs_level wh)
{
	struct growth_obs o;

	memset(&o, 0, sizeof(o));
	o.id = id;
	o.child_id = child;
	o.unit_id = unit;
	snprintf(o.measured_on, sizeof(o.measured_on), "%s", on);
	o.age_days = age;
	o.sex = sex;
	o.underweight = uw;
	o.stunting = st;
	o.wfh = wh;
	return o;
}

static int64_t
num(const struct growth_rates *r, enum growth_ind i)
{
	return r->s[i].num[0] + r->s[i].num[1];
}

static int64_t
den(const struct growth_rates *r, enum growth_ind i)
{
	return r->s[i].den[0] + r->s[i].den[1];
}

static void
rates_count_the_last_measurement_of_each_child_once(void **state)
{
	const enum zs_level N = ZL_NORMAL, M = ZL_MODERATE, X = ZL_NONE;
	struct growth_obs o[] = {
		/* Child 1 (boy): underweight in September, normal in March:
		 * counts once, as normal (given out of order). */
		obs(2, 1, 10, "2025-03-10", 1400, CHILD_SEX_M, N, N, N),
		obs(1, 1, 10, "2024-09-15", 1200, CHILD_SEX_M, M, M, M),
		obs(3, 1, 10, "2023-09-15", 840, CHILD_SEX_M, M, M, M),
		/* Child 2 (girl): the last one is underweight, stunted and
		 * overweight-for-height. */
		obs(4, 2, 10, "2024-09-15", 1000, CHILD_SEX_F, N, N, N),
		obs(5, 2, 10, "2025-03-10", 1180, CHILD_SEX_F, M, ZL_SEVERE,
		    ZL_OBESITY),
		/* Child 3: last measured with a flagged weight-for-age (no
		 * level) but a valid height: counts for stunting only. */
		obs(6, 3, 10, "2025-03-10", 900, CHILD_SEX_F, X, N, X),
		/* Child 4: measured here, then last at another school. */
		obs(7, 4, 10, "2024-10-01", 900, CHILD_SEX_M, M, N, N),
		obs(8, 4, 11, "2025-02-01", 1000, CHILD_SEX_M, N, N, N),
		/* Child 5: turned 5 in the year: the last measurement under
		 * 60 months counts (1826 days is 59.99 months). */
		obs(9, 5, 10, "2024-09-15", 1826, CHILD_SEX_M, M, N, M),
		obs(10, 5, 10, "2025-03-10", 2000, CHILD_SEX_M, N, N, N),
	};
	const struct growth_enrolled enr[] = {
		{ 1, CHILD_SEX_M }, { 2, CHILD_SEX_F }, { 3, CHILD_SEX_F },
		{ 5, CHILD_SEX_M }, { 6, CHILD_SEX_F }, { 6, CHILD_SEX_F },
	};
	struct growth_rates r;

	(void)state;
	/* Child 1's 2024 row is outside the caller's year: drop it. */
	memmove(&o[2], &o[3], (sizeof(o) / sizeof(o[0]) - 3) * sizeof(o[0]));
	growth_rates_count(o, sizeof(o) / sizeof(o[0]) - 1, 10, enr,
	    sizeof(enr) / sizeof(enr[0]), &r);
	/* Underweight: children 1 (normal), 2 (yes), 5 (yes, Sept). */
	assert_int_equal(den(&r, GI_UNDERWEIGHT), 3);
	assert_int_equal(num(&r, GI_UNDERWEIGHT), 2);
	assert_int_equal(r.s[GI_UNDERWEIGHT].num[CHILD_SEX_F], 1);
	assert_int_equal(r.s[GI_UNDERWEIGHT].den[CHILD_SEX_M], 2);
	/* Stunting: 1, 2 (severe), 3, 5. */
	assert_int_equal(den(&r, GI_STUNTING), 4);
	assert_int_equal(num(&r, GI_STUNTING), 1);
	/* Wasting and overweight share the weight-for-height children. */
	assert_int_equal(den(&r, GI_WASTING), 3);
	assert_int_equal(num(&r, GI_WASTING), 1);
	assert_int_equal(num(&r, GI_OVERWEIGHT), 1);
	/* Coverage: 4 counted here of 5 enrolled (6 listed twice, not
	 * measured); child 4 counts at school 11. */
	assert_int_equal(num(&r, GI_COVERAGE), 4);
	assert_int_equal(den(&r, GI_COVERAGE), 5);
	growth_rates_count(o, sizeof(o) / sizeof(o[0]) - 1, 11, NULL, 0, &r);
	assert_int_equal(num(&r, GI_COVERAGE), 1);
	assert_int_equal(den(&r, GI_COVERAGE), 1);	/* not enrolled there */
	assert_int_equal(den(&r, GI_UNDERWEIGHT), 1);
	assert_int_equal(num(&r, GI_UNDERWEIGHT), 0);
}

static void
codes_and_attention(void **state)
{
	struct growth_meas m;
	enum zs_level l;
	enum zs_ind z[3];
	int k;

	(void)state;
	for (k = ZL_NONE; k <= ZL_OBESITY; k++) {
		assert_true(growth_level_from_code(growth_level_code(k), &l));
		assert_int_equal(l, k);
	}
	assert_false(growth_level_from_code("thin", &l));
	memset(&m, 0, sizeof(m));
	for (k = 0; k < ZS__MAX; k++)
		m.s.flag[k] = -1;
	m.s.level[ZD_UNDERWEIGHT] = ZL_NORMAL;
	assert_false(growth_needs_attention(&m));
	m.s.level[ZD_WFH] = ZL_OVERWEIGHT;
	assert_true(growth_needs_attention(&m));
	m.s.level[ZD_WFH] = ZL_NORMAL;
	m.s.flag[ZS_LEN] = 1;
	assert_true(growth_needs_attention(&m));
	m.age_days = 100;
	growth_shown_z(&m, z);
	assert_int_equal(z[0], ZS_WEI);
	m.age_days = 3000;
	growth_shown_z(&m, z);
	assert_int_equal(z[2], ZS_BFA);
	assert_true(growth_under5(1826));
	assert_false(growth_under5(1827));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(curve_is_m_at_zero_and_lms_inverse_at_two),
		cmocka_unit_test(curve_between_months_is_interpolated),
		cmocka_unit_test(scoring_the_curve_value_gives_z),
		cmocka_unit_test(change_rule_boundaries),
		cmocka_unit_test(row_check_refuses_bad_input_naming_row_and_field),
		cmocka_unit_test(row_check_scores_with_defaults),
		cmocka_unit_test(implausible_values_warn_until_confirmed),
		cmocka_unit_test(rates_count_the_last_measurement_of_each_child_once),
		cmocka_unit_test(codes_and_attention),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
