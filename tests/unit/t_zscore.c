/*
 * t_zscore.c -- the WHO z-score rules (data/who/README.md), proved from the
 * published tables: the test reads the CSV files of data/who itself and works out
 * what each rule says with the LMS formulas, then checks zs_compute()
 * against that.  Covers: the compiled-in tables equal the CSV files; a
 * measurement equal to M gives 0 and the values at +-1, 2, 3 SD give
 * those z-scores on every row of every table; the restricted zone beyond
 * +-3 SD; the 731-day length/height switch and the 0.7 cm adjustment both
 * ways; a standing child under 9 months; interpolation between 0.1 cm rows
 * and between months; rounding as R rounds (values from R 4.2.2); every
 * flag and classification boundary; each bad input and its reason.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "growth/who_tables.h"
#include "growth/zscore.h"

/* One table as the CSV gives it. */
struct tab {
	int	 n[2];
	double	 key[2][1900], l[2][1900], m[2][1900], s[2][1900];
};

static struct tab *tabs;	/* [WHO__MAX], read once */

static void
load(struct tab *t, const char *name)
{
	char path[128], line[256];
	FILE *f;

	snprintf(path, sizeof(path), "data/who/%s.csv", name);
	if ((f = fopen(path, "r")) == NULL)
		fail_msg("cannot open %s (run from the repository root)", path);
	assert_non_null(fgets(line, sizeof(line), f));	/* header */
	while (fgets(line, sizeof(line), f) != NULL) {
		char *p = line;
		int sex = (int)strtol(p, &p, 10) - 1, i;

		assert_true(sex == 0 || sex == 1);
		i = t->n[sex]++;
		t->key[sex][i] = strtod(p + 1, &p);
		t->l[sex][i] = strtod(p + 1, &p);
		t->m[sex][i] = strtod(p + 1, &p);
		t->s[sex][i] = strtod(p + 1, &p);
	}
	fclose(f);
}

static int
setup(void **state)
{
	static const char *const names[WHO__MAX] = {
		[WHO_WEI] = "weianthro", [WHO_LEN] = "lenanthro",
		[WHO_BMI] = "bmianthro", [WHO_WFL] = "wflanthro",
		[WHO_WFH] = "wfhanthro", [WHO_BFA07] = "bfawho2007",
		[WHO_HFA07] = "hfawho2007", [WHO_WFA07] = "wfawho2007",
	};
	int t;

	(void)state;
	tabs = calloc(WHO__MAX, sizeof(*tabs));
	for (t = 0; t < WHO__MAX; t++)
		load(&tabs[t], names[t]);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	free(tabs);
	return 0;
}

/* The value at z = k (data/who/README.md: SD(k) = M (1 + L S k)^(1/L)). */
static double
sd(double l, double m, double s, double k)
{
	return m * pow(1 + l * s * k, 1 / l);
}

/* The plain LMS z-score. */
static double
z_ind(double y, double l, double m, double s)
{
	return (pow(y / m, l) - 1) / (s * l);
}

static struct zs_result
run(int sex, enum zs_age_kind kind, double age, double w, double lh,
    enum zs_measure me, bool oedema)
{
	struct zs_input in;
	struct zs_result r;

	zs_input_init(&in);
	in.sex = sex;
	in.age_kind = kind;
	in.age = age;
	in.weight = w;
	in.lenhei = lh;
	in.measure = me;
	in.oedema = oedema;
	zs_compute(&in, &r);
	return r;
}

/* z is the 2-decimal value want. */
#define assert_z(z, want)	assert_float_equal((z), (want), 1e-9)

static void
compiled_tables_equal_the_csv_files(void **state)
{
	int t, sex, i;

	(void)state;
	for (t = 0; t < WHO__MAX; t++)
		for (sex = 0; sex < 2; sex++) {
			const struct who_lms *rows = who_tables[t].rows[sex];

			assert_int_equal(tabs[t].n[sex], who_tables[t].count);
			for (i = 0; i < tabs[t].n[sex]; i++) {
				double key = tabs[t].key[sex][i];

				if (t == WHO_WFL || t == WHO_WFH)
					key = round(key * 10);
				assert_true(key == who_tables[t].first + i);
				assert_true(rows[i].l == tabs[t].l[sex][i]);
				assert_true(rows[i].m == tabs[t].m[sex][i]);
				assert_true(rows[i].s == tabs[t].s[sex][i]);
			}
		}
}

static const double ks[] = { -3, -2, -1, 0, 1, 2, 3 };
#define NKS	(sizeof(ks) / sizeof(ks[0]))

/* WHO 2006 age tables: every day up to 1826 (the last under 60 months),
 * both sexes, the median and +-1, 2, 3 SD.  Lying before 731 days and
 * standing after, so no 0.7 cm adjustment; BMI with a length of 100 cm
 * so that BMI = weight. */
static void
sd_values_give_their_z_for_age_2006(void **state)
{
	struct zs_result r;
	int sex, d;
	size_t k;

	(void)state;
	for (sex = 1; sex <= 2; sex++)
		for (d = 0; d <= 1826; d++) {
			enum zs_measure me = d < 731 ? ZS_LYING : ZS_STANDING;
			const struct tab *w = &tabs[WHO_WEI], *l = &tabs[WHO_LEN],
			    *b = &tabs[WHO_BMI];
			int i = sex - 1;

			for (k = 0; k < NKS; k++) {
				r = run(sex, ZS_AGE_DAYS, d, sd(w->l[i][d],
				    w->m[i][d], w->s[i][d], ks[k]), NAN, me,
				    false);
				assert_int_equal(r.group, ZS_UNDER5);
				assert_z(r.z[ZS_WEI], ks[k]);
				assert_int_equal(r.flag[ZS_WEI], 0);
				r = run(sex, ZS_AGE_DAYS, d, NAN, sd(l->l[i][d],
				    l->m[i][d], l->s[i][d], ks[k]), me, false);
				assert_z(r.z[ZS_LEN], ks[k]);
				r = run(sex, ZS_AGE_DAYS, d, sd(b->l[i][d],
				    b->m[i][d], b->s[i][d], ks[k]), 100, me,
				    false);
				assert_z(r.z[ZS_BMI], ks[k]);
				assert_true(isnan(r.z[ZS_HFA]));
				assert_int_equal(r.why[ZS_HFA], ZR_OTHER_GROUP);
			}
		}
}

/* Weight-for-length (at 100 days, lying) and weight-for-height (at 1000
 * days, standing): every 0.1 cm row. */
static void
sd_values_give_their_z_for_length_and_height(void **state)
{
	struct zs_result r;
	int sex, i, t;
	size_t k;

	(void)state;
	for (t = WHO_WFL; t <= WHO_WFH; t++)
		for (sex = 1; sex <= 2; sex++)
			for (i = 0; i < tabs[t].n[sex - 1]; i++) {
				const struct tab *w = &tabs[t];
				int x = sex - 1;

				for (k = 0; k < NKS; k++) {
					r = run(sex, ZS_AGE_DAYS, t == WHO_WFL ?
					    100 : 1000, sd(w->l[x][i],
					    w->m[x][i], w->s[x][i], ks[k]),
					    w->key[x][i], t == WHO_WFL ?
					    ZS_LYING : ZS_STANDING, false);
					assert_z(r.z[ZS_WFL], ks[k]);
					assert_int_equal(r.flag[ZS_WFL], 0);
				}
			}
}

/* WHO 2007, whole months from 60 to 228 (weight to 120). */
static void
sd_values_give_their_z_for_age_2007(void **state)
{
	const struct tab *h = &tabs[WHO_HFA07], *w = &tabs[WHO_WFA07],
	    *b = &tabs[WHO_BFA07];
	struct zs_result r;
	int sex, a, i, x;
	size_t k;

	(void)state;
	for (sex = 1; sex <= 2; sex++)
		for (a = 60; a <= 228; a++) {
			i = a - 60;
			x = sex - 1;
			for (k = 0; k < NKS; k++) {
				r = run(sex, ZS_AGE_MONTHS, a, NAN, sd(h->l[x][i],
				    h->m[x][i], h->s[x][i], ks[k]), ZS_STANDING,
				    false);
				assert_int_equal(r.group, ZS_5TO19);
				assert_z(r.z[ZS_HFA], ks[k]);
				assert_true(isnan(r.z[ZS_LEN]));
				r = run(sex, ZS_AGE_MONTHS, a, sd(b->l[x][i],
				    b->m[x][i], b->s[x][i], ks[k]), 100,
				    ZS_STANDING, false);
				assert_z(r.z[ZS_BFA], ks[k]);
				if (a > 120) {
					assert_true(isnan(r.z[ZS_WFA]));
					assert_int_equal(r.why[ZS_WFA],
					    ZR_AGE_ABOVE_120);
					continue;
				}
				r = run(sex, ZS_AGE_MONTHS, a, sd(w->l[x][i],
				    w->m[x][i], w->s[x][i], ks[k]), NAN,
				    ZS_STANDING, false);
				assert_z(r.z[ZS_WFA], ks[k]);
			}
		}
}

/* z is a 2-decimal number within half a hundredth of want. */
static void
assert_rounded_near(double z, double want)
{
	if (!(fabs(z - want) <= 0.005 + 1e-9))
		fail_msg("z %.17g, want %.17g", z, want);
	assert_float_equal(z * 100, round(z * 100), 1e-6);
}

/* Beyond +-3 SD the weight-based z-scores count in units of the distance
 * between the 2 and 3 SD values:  3 + (y - SD3) / (SD3 - SD2)  and
 * -3 + (y - SD-3) / (SD-2 - SD-3).  Length/height is not restricted. */
static void
restricted_zone_beyond_three_sd(void **state)
{
	static const double ts[] = { 0.25, 0.5, 1.37, 2.5 };
	const struct tab *w = &tabs[WHO_WEI], *l = &tabs[WHO_LEN];
	int sex, d, x, differ = 0;
	size_t k;

	(void)state;
	for (sex = 1; sex <= 2; sex++)
		for (d = 0; d <= 1826; d += 7)
			for (k = 0; k < sizeof(ts) / sizeof(ts[0]); k++) {
				double L, M, S, sd3, sd2, sdm3, sdm2, y, want;
				struct zs_result r;

				x = sex - 1;
				L = w->l[x][d];
				M = w->m[x][d];
				S = w->s[x][d];
				sd3 = sd(L, M, S, 3);
				sd2 = sd(L, M, S, 2);
				y = sd3 + ts[k] * (sd3 - sd2);
				want = 3 + (y - sd3) / (sd3 - sd2);
				r = run(sex, ZS_AGE_DAYS, d, y, NAN, ZS_LYING,
				    false);
				assert_rounded_near(r.z[ZS_WEI], want);
				if (fabs(z_ind(y, L, M, S) - want) > 0.02)
					differ++;
				sdm3 = sd(L, M, S, -3);
				sdm2 = sd(L, M, S, -2);
				y = sdm3 - ts[k] * (sdm2 - sdm3);
				want = -3 + (y - sdm3) / (sdm2 - sdm3);
				r = run(sex, ZS_AGE_DAYS, d, y, NAN, ZS_LYING,
				    false);
				assert_rounded_near(r.z[ZS_WEI], want);

				/* Length-for-age: the plain formula. */
				y = l->m[x][d] * (1 + l->s[x][d] * (3 + ts[k]));
				r = run(sex, ZS_AGE_DAYS, d, NAN, y, d < 731 ?
				    ZS_LYING : ZS_STANDING, false);
				assert_rounded_near(r.z[ZS_LEN], 3 + ts[k]);
			}
	/* The restriction changes the value (it is not the plain formula). */
	assert_true(differ > 1000);
}

/* Day 730 is lying (length), day 731 standing (height): a standing
 * height before 731 days gets +0.7 cm, a lying length from 731 days
 * -0.7 cm, and weight-for-length/height switches tables there. */
static void
length_height_switch_at_731_days(void **state)
{
	const struct tab *l = &tabs[WHO_LEN], *wl = &tabs[WHO_WFL],
	    *wh = &tabs[WHO_WFH];
	double m730 = l->m[0][730], m731 = l->m[0][731];
	struct zs_result r;

	(void)state;
	r = run(1, ZS_AGE_DAYS, 730, NAN, m730, ZS_LYING, false);
	assert_z(r.z[ZS_LEN], 0);
	assert_true(r.clenhei == m730);
	r = run(1, ZS_AGE_DAYS, 730, NAN, m730 - 0.7, ZS_STANDING, false);
	assert_true(r.clenhei == (m730 - 0.7) + 0.7);
	assert_z(r.z[ZS_LEN], 0);
	r = run(1, ZS_AGE_DAYS, 731, NAN, m731, ZS_STANDING, false);
	assert_true(r.clenhei == m731);
	assert_z(r.z[ZS_LEN], 0);
	r = run(1, ZS_AGE_DAYS, 731, NAN, m731 + 0.7, ZS_LYING, false);
	assert_true(r.clenhei == (m731 + 0.7) - 0.7);
	assert_z(r.z[ZS_LEN], 0);
	/* Without the adjustment the z-score would be about 0.2 off. */
	assert_true(fabs(z_ind(m731 + 0.7, 1, m731, l->s[0][731])) > 0.15);

	/* Months: 24 months = 730.5 days, rounded half up to 731. */
	r = run(1, ZS_AGE_MONTHS, 24, NAN, 90, ZS_LYING, false);
	assert_int_equal(r.age_days, 731);
	assert_true(r.clenhei == 90 - 0.7);
	r = run(1, ZS_AGE_MONTHS, 23.99, NAN, 90, ZS_LYING, false);
	assert_int_equal(r.age_days, 730);
	assert_true(r.clenhei == 90);

	/* Weight-for-length at 730 days, weight-for-height at 731: 80.0 cm
	 * is row 350 of the length table and row 150 of the height table. */
	r = run(1, ZS_AGE_DAYS, 730, wl->m[0][350], 80, ZS_LYING, false);
	assert_z(r.z[ZS_WFL], 0);
	r = run(1, ZS_AGE_DAYS, 731, wh->m[0][150], 80, ZS_STANDING, false);
	assert_z(r.z[ZS_WFL], 0);
	r = run(1, ZS_AGE_DAYS, 731, wl->m[0][350], 80, ZS_STANDING, false);
	assert_true(r.z[ZS_WFL] != 0);

	/* Age missing: the position picks the table, else < 87 cm length. */
	r = run(1, ZS_AGE_MISSING, 0, wh->m[0][150], 80, ZS_STANDING, false);
	assert_z(r.z[ZS_WFL], 0);
	assert_true(isnan(r.z[ZS_WEI]));
	assert_int_equal(r.why[ZS_WEI], ZR_AGE_MISSING);
	r = run(1, ZS_AGE_MISSING, 0, wl->m[0][350], 80, ZS_MEASURE_MISSING,
	    false);
	assert_z(r.z[ZS_WFL], 0);
	r = run(1, ZS_AGE_MISSING, 0, wh->m[0][220], 87, ZS_MEASURE_MISSING,
	    false);
	assert_z(r.z[ZS_WFL], 0);
	r = run(1, ZS_AGE_MISSING, 0, wl->m[0][419], 86.9, ZS_MEASURE_MISSING,
	    false);
	assert_z(r.z[ZS_WFL], 0);
}

/* A standing height under 9 months (day 273 is 8.97 months, day 274 is
 * 9.002) is implausible: the position is dropped, so no 0.7 cm. */
static void
standing_height_under_nine_months_is_not_adjusted(void **state)
{
	const struct tab *l = &tabs[WHO_LEN];
	struct zs_result r;

	(void)state;
	r = run(2, ZS_AGE_DAYS, 273, NAN, l->m[1][273], ZS_STANDING, false);
	assert_true(r.c9mo_flag);
	assert_true(r.clenhei == l->m[1][273]);
	assert_z(r.z[ZS_LEN], 0);
	r = run(2, ZS_AGE_DAYS, 274, NAN, l->m[1][274] - 0.7, ZS_STANDING,
	    false);
	assert_false(r.c9mo_flag);
	assert_z(r.z[ZS_LEN], 0);
	r = run(2, ZS_AGE_MONTHS, 8.999, NAN, 70, ZS_STANDING, false);
	assert_true(r.c9mo_flag);
	assert_true(r.clenhei == 70);
	r = run(2, ZS_AGE_MONTHS, 9, NAN, 70, ZS_STANDING, false);
	assert_false(r.c9mo_flag);
	assert_true(r.clenhei == 70 + 0.7);
	/* Lying under 9 months is fine. */
	r = run(2, ZS_AGE_DAYS, 100, NAN, 60, ZS_LYING, false);
	assert_false(r.c9mo_flag);
}

/* Between two 0.1 cm rows, L, M and S are interpolated linearly. */
static void
interpolation_between_tenths_of_a_cm(void **state)
{
	static const double fs[] = { 0.25, 0.4, 0.5, 0.75 };
	const struct tab *w = &tabs[WHO_WFL], *h = &tabs[WHO_WFH];
	struct zs_result r;
	int i, moved = 0;
	size_t k, j;

	(void)state;
	for (i = 0; i + 1 < w->n[0]; i += 13)
		for (j = 0; j < sizeof(fs) / sizeof(fs[0]); j++) {
			double x = w->key[0][i] + fs[j] / 10, f, L, M, S;
			double lo = trunc(x * 10) / 10;

			f = (x - lo) / 0.1;
			L = w->l[0][i] + f * (w->l[0][i + 1] - w->l[0][i]);
			M = w->m[0][i] + f * (w->m[0][i + 1] - w->m[0][i]);
			S = w->s[0][i] + f * (w->s[0][i + 1] - w->s[0][i]);
			for (k = 0; k < NKS; k++) {
				r = run(1, ZS_AGE_DAYS, 200, sd(L, M, S, ks[k]),
				    x, ZS_LYING, false);
				assert_z(r.z[ZS_WFL], ks[k]);
			}
			/* The lower row alone would give another value. */
			if (fabs(z_ind(M, w->l[0][i], w->m[0][i],
			    w->s[0][i])) >= 0.01)
				moved++;
		}
	assert_true(moved > 50);

	/* 85.3 cm lying at 800 days is 85.3 - 0.7 = 84.599999999999994 cm,
	 * which lands within 1e-12 of the 84.6 cm row (row 196). */
	r = run(2, ZS_AGE_DAYS, 800, h->m[1][196], 85.3, ZS_LYING, false);
	assert_true(r.clenhei == 85.3 - 0.7);
	assert_z(r.z[ZS_WFL], 0);
	r = run(2, ZS_AGE_DAYS, 800, sd(h->l[1][196], h->m[1][196],
	    h->s[1][196], -2), 85.3, ZS_LYING, false);
	assert_z(r.z[ZS_WFL], -2);
}

/* WHO 2007: between whole months L, M and S are interpolated. */
static void
interpolation_between_months(void **state)
{
	const struct tab *h = &tabs[WHO_HFA07], *b = &tabs[WHO_BFA07];
	struct zs_result r;
	double M, S, L;

	(void)state;
	/* 100.5 months: halfway between rows 100 and 101 (index 40, 41). */
	M = h->m[0][40] + 0.5 * (h->m[0][41] - h->m[0][40]);
	S = h->s[0][40] + 0.5 * (h->s[0][41] - h->s[0][40]);
	r = run(1, ZS_AGE_MONTHS, 100.5, NAN, M * (1 + 2 * S), ZS_STANDING,
	    false);
	assert_z(r.z[ZS_HFA], 2);
	/* From dates: 3000 days = 98.563 months. */
	M = b->m[1][38] + (3000 / 30.4375 - 98) * (b->m[1][39] - b->m[1][38]);
	L = b->l[1][38] + (3000 / 30.4375 - 98) * (b->l[1][39] - b->l[1][38]);
	S = b->s[1][38] + (3000 / 30.4375 - 98) * (b->s[1][39] - b->s[1][38]);
	r = run(2, ZS_AGE_DATES, 3000, sd(L, M, S, -1), 100, ZS_STANDING,
	    false);
	assert_z(r.z[ZS_BFA], -1);
}

/* R's round(x, 2), R 4.2.2: x as R printed it with %.17g, R's answer. */
static void
rounding_is_r_rounding(void **state)
{
	static const struct {
		double	x, r;
	} cases[] = {
		{ 0.125, 0.12 }, { 0.13500000000000001, 0.14 },
		{ 0.14499999999999999, 0.14 }, { 0.155, 0.16 },
		{ 0.16500000000000001, 0.16 }, { 0.17499999999999999, 0.17 },
		{ 0.185, 0.18 }, { 0.19500000000000001, 0.20 },
		{ 0.20499999999999999, 0.20 }, { 0.215, 0.22 },
		{ 0.22500000000000001, 0.22 }, { 0.245, 0.24 },
		{ 0.255, 0.26 }, { 0.27500000000000002, 0.28 },
		{ 0.28499999999999998, 0.28 }, { 0.29499999999999998, 0.30 },
		{ 2.6749999999999998, 2.67 }, { 1.0049999999999999, 1.00 },
		{ -0.125, -0.12 }, { -2.6749999999999998, -2.67 },
		{ 0.375, 0.38 }, { 0.625, 0.62 }, { 0.875, 0.88 },
		{ 2.3450000000000002, 2.35 }, { 2.335, 2.34 },
		{ 1.115, 1.11 }, { 3.0049999999999999, 3.00 },
	};
	int naive_differs = 0, printf_differs = 0;
	char t[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_true(zs_round2(cases[i].x) == cases[i].r);
		if (floor(cases[i].x * 100 + 0.5) / 100 != cases[i].r &&
		    cases[i].x > 0)
			naive_differs++;
		snprintf(t, sizeof(t), "%.2f", cases[i].x);
		if (strtod(t, NULL) != cases[i].r)
			printf_differs++;
	}
	/* The cases are the ones the common shortcuts get wrong. */
	assert_true(naive_differs >= 5);
	assert_true(printf_differs >= 5);
}

/* Through the z-score: a length whose unrounded z (by the LMS formula)
 * is exactly one of the doubles above gives R's rounding of it. */
static void
z_scores_round_as_r_at_midpoints(void **state)
{
	static const struct {
		double	x, r;
	} targets[] = {
		{ 0.125, 0.12 }, { 0.375, 0.38 }, { 0.625, 0.62 },
		{ 0.875, 0.88 }, { 0.16500000000000001, 0.16 },
		{ 0.29499999999999998, 0.30 }, { 2.6749999999999998, 2.67 },
		{ 1.115, 1.11 }, { -0.125, -0.12 }, { -2.6749999999999998, -2.67 },
	};
	const struct tab *l = &tabs[WHO_LEN];
	int found = 0, d, n;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(targets) / sizeof(targets[0]); i++)
		for (d = 0; d <= 1826; d++) {
			double M = l->m[0][d], S = l->s[0][d];
			double y = M * (1 + S * targets[i].x);
			struct zs_result r;

			/* Walk a few doubles around y for an exact hit. */
			for (n = 0; n < 8 && (y / M - 1) / S != targets[i].x;
			    n++)
				y = nextafter(y, (y / M - 1) / S < targets[i].x ?
				    INFINITY : 0);
			if ((y / M - 1) / S != targets[i].x)
				continue;
			r = run(1, ZS_AGE_DAYS, d, NAN, y, d < 731 ? ZS_LYING :
			    ZS_STANDING, false);
			assert_true(r.z[ZS_LEN] == targets[i].r);
			found++;
			break;
		}
	assert_true(found >= 8);
}

/* Flags from the rounded z: length/height |z| > 6, weight-for-age
 * z < -6 or > 5, the others |z| > 5. */
static void
flag_boundaries(void **state)
{
	const struct tab *l = &tabs[WHO_LEN], *w = &tabs[WHO_WEI],
	    *b = &tabs[WHO_BMI], *fl = &tabs[WHO_WFL], *h7 = &tabs[WHO_HFA07],
	    *w7 = &tabs[WHO_WFA07], *b7 = &tabs[WHO_BFA07];
	struct zs_result r;
	double L, M, S, sd3, sd2, sdm3, sdm2;

	(void)state;
	/* Length-for-age, day 400, boys. */
	M = l->m[0][400];
	S = l->s[0][400];
#define LEN(z)	run(1, ZS_AGE_DAYS, 400, NAN, M * (1 + S * (z)), ZS_LYING, \
		    false)
	r = LEN(6.0);
	assert_z(r.z[ZS_LEN], 6.0);
	assert_int_equal(r.flag[ZS_LEN], 0);
	r = LEN(6.004);		/* rounds to 6.00: not flagged */
	assert_int_equal(r.flag[ZS_LEN], 0);
	r = LEN(6.01);
	assert_z(r.z[ZS_LEN], 6.01);
	assert_int_equal(r.flag[ZS_LEN], 1);
	r = LEN(-6.0);
	assert_int_equal(r.flag[ZS_LEN], 0);
	r = LEN(-6.01);
	assert_int_equal(r.flag[ZS_LEN], 1);
#undef LEN

	/* Weight-for-age, day 400, girls: -6 and +5, in the restricted
	 * zone: y = SD3 + (z - 3)(SD3 - SD2). */
	L = w->l[1][400];
	M = w->m[1][400];
	S = w->s[1][400];
	sd3 = sd(L, M, S, 3);
	sd2 = sd(L, M, S, 2);
	sdm3 = sd(L, M, S, -3);
	sdm2 = sd(L, M, S, -2);
#define HI(z)	(sd3 + ((z) - 3) * (sd3 - sd2))
#define LO(z)	(sdm3 + ((z) + 3) * (sdm2 - sdm3))
#define WEI(y)	run(2, ZS_AGE_DAYS, 400, (y), NAN, ZS_LYING, false)
	r = WEI(HI(5.0));
	assert_z(r.z[ZS_WEI], 5.0);
	assert_int_equal(r.flag[ZS_WEI], 0);
	r = WEI(HI(5.01));
	assert_int_equal(r.flag[ZS_WEI], 1);
	r = WEI(LO(-5.01));	/* below -5 is still plausible here */
	assert_z(r.z[ZS_WEI], -5.01);
	assert_int_equal(r.flag[ZS_WEI], 0);
	r = WEI(LO(-6.0));
	assert_int_equal(r.flag[ZS_WEI], 0);
	r = WEI(LO(-6.01));
	assert_z(r.z[ZS_WEI], -6.01);
	assert_int_equal(r.flag[ZS_WEI], 1);
#undef WEI

	/* BMI-for-age, day 400, girls, BMI = weight at 100 cm. */
	L = b->l[1][400];
	M = b->m[1][400];
	S = b->s[1][400];
	sd3 = sd(L, M, S, 3);
	sd2 = sd(L, M, S, 2);
	sdm3 = sd(L, M, S, -3);
	sdm2 = sd(L, M, S, -2);
#define BMI(y)	run(2, ZS_AGE_DAYS, 400, (y), 100, ZS_LYING, false)
	r = BMI(HI(5.0));
	assert_int_equal(r.flag[ZS_BMI], 0);
	r = BMI(HI(5.01));
	assert_int_equal(r.flag[ZS_BMI], 1);
	r = BMI(LO(-5.0));
	assert_int_equal(r.flag[ZS_BMI], 0);
	r = BMI(LO(-5.01));
	assert_int_equal(r.flag[ZS_BMI], 1);
#undef BMI

	/* Weight-for-length, 70.0 cm (row 250), boys. */
	L = fl->l[0][250];
	M = fl->m[0][250];
	S = fl->s[0][250];
	sd3 = sd(L, M, S, 3);
	sd2 = sd(L, M, S, 2);
	sdm3 = sd(L, M, S, -3);
	sdm2 = sd(L, M, S, -2);
#define WFL(y)	run(1, ZS_AGE_DAYS, 300, (y), 70, ZS_LYING, false)
	r = WFL(HI(5.0));
	assert_int_equal(r.flag[ZS_WFL], 0);
	r = WFL(HI(5.01));
	assert_int_equal(r.flag[ZS_WFL], 1);
	r = WFL(LO(-5.0));
	assert_int_equal(r.flag[ZS_WFL], 0);
	r = WFL(LO(-5.01));
	assert_int_equal(r.flag[ZS_WFL], 1);
#undef WFL

	/* 2007 at 100 months (index 40): height +-6, weight -6/+5, BMI +-5. */
	M = h7->m[0][40];
	S = h7->s[0][40];
	r = run(1, ZS_AGE_MONTHS, 100, NAN, M * (1 + S * 6), ZS_STANDING,
	    false);
	assert_int_equal(r.flag[ZS_HFA], 0);
	r = run(1, ZS_AGE_MONTHS, 100, NAN, M * (1 + S * 6.01), ZS_STANDING,
	    false);
	assert_int_equal(r.flag[ZS_HFA], 1);
	r = run(1, ZS_AGE_MONTHS, 100, NAN, M * (1 - S * 6.01), ZS_STANDING,
	    false);
	assert_int_equal(r.flag[ZS_HFA], 1);
	L = w7->l[0][40];
	M = w7->m[0][40];
	S = w7->s[0][40];
	sd3 = sd(L, M, S, 3);
	sd2 = sd(L, M, S, 2);
	sdm3 = sd(L, M, S, -3);
	sdm2 = sd(L, M, S, -2);
	r = run(1, ZS_AGE_MONTHS, 100, HI(5.0), NAN, ZS_STANDING, false);
	assert_int_equal(r.flag[ZS_WFA], 0);
	r = run(1, ZS_AGE_MONTHS, 100, HI(5.01), NAN, ZS_STANDING, false);
	assert_int_equal(r.flag[ZS_WFA], 1);
	r = run(1, ZS_AGE_MONTHS, 100, LO(-5.5), NAN, ZS_STANDING, false);
	assert_int_equal(r.flag[ZS_WFA], 0);
	r = run(1, ZS_AGE_MONTHS, 100, LO(-6.01), NAN, ZS_STANDING, false);
	assert_int_equal(r.flag[ZS_WFA], 1);
	L = b7->l[0][40];
	M = b7->m[0][40];
	S = b7->s[0][40];
	sd3 = sd(L, M, S, 3);
	sd2 = sd(L, M, S, 2);
	sdm3 = sd(L, M, S, -3);
	sdm2 = sd(L, M, S, -2);
	r = run(1, ZS_AGE_MONTHS, 100, HI(5.0), 100, ZS_STANDING, false);
	assert_int_equal(r.flag[ZS_BFA], 0);
	r = run(1, ZS_AGE_MONTHS, 100, HI(5.01), 100, ZS_STANDING, false);
	assert_int_equal(r.flag[ZS_BFA], 1);
	r = run(1, ZS_AGE_MONTHS, 100, LO(-5.0), 100, ZS_STANDING, false);
	assert_int_equal(r.flag[ZS_BFA], 0);
	r = run(1, ZS_AGE_MONTHS, 100, LO(-5.01), 100, ZS_STANDING, false);
	assert_int_equal(r.flag[ZS_BFA], 1);
#undef HI
#undef LO
}

/* A z-score of exactly z for each indicator of a child under 5 (boys,
 * 400 days) or 5-19 (boys, 100 months); |z| <= 3 so no restriction. */
static struct zs_result
child_with(enum zs_ind k, double z, bool oedema)
{
	const struct tab *t;
	int i;

	switch (k) {
	case ZS_LEN:
		t = &tabs[WHO_LEN];
		return run(1, ZS_AGE_DAYS, 400, 10, sd(1, t->m[0][400],
		    t->s[0][400], z), ZS_LYING, oedema);
	case ZS_WEI:
		t = &tabs[WHO_WEI];
		return run(1, ZS_AGE_DAYS, 400, sd(t->l[0][400], t->m[0][400],
		    t->s[0][400], z), 76, ZS_LYING, oedema);
	case ZS_WFL:
		t = &tabs[WHO_WFL];
		i = 300;	/* 75.0 cm */
		return run(1, ZS_AGE_DAYS, 400, sd(t->l[0][i], t->m[0][i],
		    t->s[0][i], z), 75, ZS_LYING, oedema);
	case ZS_HFA:
		t = &tabs[WHO_HFA07];
		return run(1, ZS_AGE_MONTHS, 100, 25, sd(1, t->m[0][40],
		    t->s[0][40], z), ZS_STANDING, oedema);
	case ZS_WFA:
		t = &tabs[WHO_WFA07];
		return run(1, ZS_AGE_MONTHS, 100, sd(t->l[0][40], t->m[0][40],
		    t->s[0][40], z), 128, ZS_STANDING, oedema);
	default:
		t = &tabs[WHO_BFA07];
		return run(1, ZS_AGE_MONTHS, 100, sd(t->l[0][40], t->m[0][40],
		    t->s[0][40], z), 100, ZS_STANDING, oedema);
	}
}

/* Cut-offs are strict: -2.00 is not stunted, -2.01 is. */
static void
classification_cutoffs(void **state)
{
	static const struct {
		enum zs_ind	k;
		enum zs_dim	d;
		double		z;
		enum zs_level	want;
	} cases[] = {
		{ ZS_LEN, ZD_STUNTING, -1.99, ZL_NORMAL },
		{ ZS_LEN, ZD_STUNTING, -2.00, ZL_NORMAL },
		{ ZS_LEN, ZD_STUNTING, -2.01, ZL_MODERATE },
		{ ZS_LEN, ZD_STUNTING, -3.00, ZL_MODERATE },
		{ ZS_LEN, ZD_STUNTING, -3.01, ZL_SEVERE },
		{ ZS_LEN, ZD_STUNTING, 2.5, ZL_NORMAL },
		{ ZS_WEI, ZD_UNDERWEIGHT, -2.00, ZL_NORMAL },
		{ ZS_WEI, ZD_UNDERWEIGHT, -2.01, ZL_MODERATE },
		{ ZS_WEI, ZD_UNDERWEIGHT, -3.00, ZL_MODERATE },
		{ ZS_WEI, ZD_UNDERWEIGHT, -3.01, ZL_SEVERE },
		{ ZS_WFL, ZD_WFH, -2.00, ZL_NORMAL },
		{ ZS_WFL, ZD_WFH, -2.01, ZL_MODERATE },
		{ ZS_WFL, ZD_WFH, -3.01, ZL_SEVERE },
		{ ZS_WFL, ZD_WFH, 2.00, ZL_NORMAL },
		{ ZS_WFL, ZD_WFH, 2.01, ZL_OVERWEIGHT },
		{ ZS_WFL, ZD_WFH, 3.00, ZL_OVERWEIGHT },
		{ ZS_WFL, ZD_WFH, 3.01, ZL_OBESITY },
		{ ZS_HFA, ZD_STUNTING, -2.00, ZL_NORMAL },
		{ ZS_HFA, ZD_STUNTING, -2.01, ZL_MODERATE },
		{ ZS_HFA, ZD_STUNTING, -3.01, ZL_SEVERE },
		{ ZS_WFA, ZD_UNDERWEIGHT, -2.01, ZL_MODERATE },
		{ ZS_WFA, ZD_UNDERWEIGHT, -3.01, ZL_SEVERE },
		{ ZS_BFA, ZD_BFA, -2.00, ZL_NORMAL },
		{ ZS_BFA, ZD_BFA, -2.01, ZL_MODERATE },
		{ ZS_BFA, ZD_BFA, -3.01, ZL_SEVERE },
		{ ZS_BFA, ZD_BFA, 1.00, ZL_NORMAL },
		{ ZS_BFA, ZD_BFA, 1.01, ZL_OVERWEIGHT },
		{ ZS_BFA, ZD_BFA, 2.00, ZL_OVERWEIGHT },
		{ ZS_BFA, ZD_BFA, 2.01, ZL_OBESITY },
	};
	struct zs_result r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		r = child_with(cases[i].k, cases[i].z, false);
		assert_z(r.z[cases[i].k], cases[i].z);
		if (r.level[cases[i].d] != cases[i].want)
			fail_msg("case %zu: z %.2f level %d, want %d", i,
			    cases[i].z, r.level[cases[i].d], cases[i].want);
	}
	/* The codes and labels. */
	assert_string_equal(zs_level_code(ZD_WFH, ZL_SEVERE), "severe_wasting");
	assert_string_equal(zs_level_code(ZD_BFA, ZL_MODERATE), "thinness");
	assert_string_equal(zs_level_vi(ZD_STUNTING, ZL_MODERATE), "thấp còi");
	assert_string_equal(zs_level_vi(ZD_UNDERWEIGHT, ZL_MODERATE),
	    "nhẹ cân");
	assert_null(zs_level_code(ZD_STUNTING, ZL_NORMAL));

	/* Oedema: no weight-based z, counted as severe (below -3 SD). */
	r = child_with(ZS_WFL, 0, true);
	assert_true(isnan(r.z[ZS_WEI]) && isnan(r.z[ZS_WFL]) &&
	    isnan(r.z[ZS_BMI]));
	assert_int_equal(r.why[ZS_WFL], ZR_OEDEMA);
	assert_false(isnan(r.z[ZS_LEN]));
	assert_int_equal(r.level[ZD_WFH], ZL_SEVERE);
	assert_int_equal(r.level[ZD_UNDERWEIGHT], ZL_SEVERE);
	r = child_with(ZS_BFA, 0, true);
	assert_true(isnan(r.z[ZS_WFA]) && isnan(r.z[ZS_BFA]));
	assert_false(isnan(r.z[ZS_HFA]));
	assert_int_equal(r.level[ZD_BFA], ZL_SEVERE);

	/* A flagged z-score is not classified. */
	r = run(1, ZS_AGE_DAYS, 400, NAN, sd(1, tabs[WHO_LEN].m[0][400],
	    tabs[WHO_LEN].s[0][400], -6.5), ZS_LYING, false);
	assert_int_equal(r.flag[ZS_LEN], 1);
	assert_int_equal(r.level[ZD_STUNTING], ZL_NONE);
}

/* Bad input: missing, never a wrong number, and the reason. */
static void
bad_input_gives_missing_with_reason(void **state)
{
	struct zs_result r;
	int k;

	(void)state;
	r = run(ZS_SEX_MISSING, ZS_AGE_DAYS, 400, 10, 76, ZS_LYING, false);
	for (k = ZS_LEN; k <= ZS_BMI; k++) {
		assert_true(isnan(r.z[k]));
		assert_int_equal(r.flag[k], -1);
		assert_int_equal(r.why[k], ZR_SEX_MISSING);
	}
	assert_int_equal(r.why[ZS_HFA], ZR_OTHER_GROUP);
	r = run(ZS_SEX_UNKNOWN, ZS_AGE_MONTHS, 100, 25, 128, ZS_STANDING,
	    false);
	for (k = ZS_HFA; k <= ZS_BFA; k++)
		assert_int_equal(r.why[k], ZR_SEX_UNKNOWN);

	r = run(1, ZS_AGE_DAYS, -1, 10, 76, ZS_LYING, false);
	for (k = 0; k < ZS__MAX; k++) {
		assert_true(isnan(r.z[k]));
		assert_int_equal(r.why[k], ZR_AGE_NEGATIVE);
	}
	r = run(1, ZS_AGE_MONTHS, -0.5, 10, 76, ZS_LYING, false);
	assert_int_equal(r.why[ZS_WFL], ZR_AGE_NEGATIVE);
	r = run(1, ZS_AGE_DATES, -3, 10, 76, ZS_LYING, false);
	for (k = 0; k < ZS__MAX; k++)
		assert_int_equal(r.why[k], ZR_VISIT_BEFORE_BIRTH);
	r = run(1, ZS_AGE_DATES, 0, 3.3, 50, ZS_LYING, false);	/* birth */
	assert_false(isnan(r.z[ZS_WEI]));

	r = run(1, ZS_AGE_DAYS, 400, 0, 76, ZS_LYING, false);
	assert_int_equal(r.why[ZS_WEI], ZR_WEIGHT_NOT_POSITIVE);
	assert_int_equal(r.why[ZS_WFL], ZR_WEIGHT_NOT_POSITIVE);
	assert_int_equal(r.why[ZS_BMI], ZR_WEIGHT_NOT_POSITIVE);
	assert_false(isnan(r.z[ZS_LEN]));
	r = run(1, ZS_AGE_DAYS, 400, 10, -76, ZS_LYING, false);
	assert_int_equal(r.why[ZS_LEN], ZR_LENHEI_NOT_POSITIVE);
	assert_int_equal(r.why[ZS_WFL], ZR_LENHEI_NOT_POSITIVE);
	assert_false(isnan(r.z[ZS_WEI]));
	r = run(1, ZS_AGE_MONTHS, 100, -1, 0, ZS_STANDING, false);
	assert_int_equal(r.why[ZS_HFA], ZR_LENHEI_NOT_POSITIVE);
	assert_int_equal(r.why[ZS_WFA], ZR_WEIGHT_NOT_POSITIVE);
	r = run(1, ZS_AGE_DAYS, 400, NAN, NAN, ZS_LYING, false);
	assert_int_equal(r.why[ZS_WEI], ZR_WEIGHT_MISSING);
	assert_int_equal(r.why[ZS_LEN], ZR_LENHEI_MISSING);
	r = run(1, ZS_AGE_DAYS, 400, 1e300, 76, ZS_LYING, false);
	assert_int_equal(r.why[ZS_WEI], ZR_NOT_FINITE);	/* not "Inf" */
	assert_true(isnan(r.z[ZS_WEI]));
	assert_int_equal(r.flag[ZS_WEI], -1);
	r = run(1, ZS_AGE_MISSING, 0, 10, 76, ZS_LYING, false);
	assert_int_equal(r.why[ZS_LEN], ZR_AGE_MISSING);
	assert_int_equal(r.why[ZS_HFA], ZR_AGE_MISSING);
	assert_false(isnan(r.z[ZS_WFL]));

	/* The weight-for-length table: 45..110 cm; height: 65..120 cm. */
	r = run(1, ZS_AGE_DAYS, 100, 3, 44.9, ZS_LYING, false);
	assert_int_equal(r.why[ZS_WFL], ZR_LENGTH_OUT_OF_TABLE);
	assert_false(isnan(r.z[ZS_LEN]));
	r = run(1, ZS_AGE_DAYS, 100, 3, 45, ZS_LYING, false);
	assert_false(isnan(r.z[ZS_WFL]));
	r = run(1, ZS_AGE_DAYS, 700, 18, 110, ZS_LYING, false);
	assert_false(isnan(r.z[ZS_WFL]));
	r = run(1, ZS_AGE_DAYS, 700, 18, 110.01, ZS_LYING, false);
	assert_int_equal(r.why[ZS_WFL], ZR_LENGTH_OUT_OF_TABLE);
	r = run(1, ZS_AGE_DAYS, 700, 18, 109.4, ZS_STANDING, false);
	assert_int_equal(r.why[ZS_WFL], ZR_LENGTH_OUT_OF_TABLE); /* 110.1 */
	r = run(1, ZS_AGE_DAYS, 800, 7, 64.9, ZS_STANDING, false);
	assert_int_equal(r.why[ZS_WFL], ZR_HEIGHT_OUT_OF_TABLE);
	r = run(1, ZS_AGE_DAYS, 800, 7, 65.6, ZS_LYING, false);	/* 64.9 */
	assert_int_equal(r.why[ZS_WFL], ZR_HEIGHT_OUT_OF_TABLE);
	r = run(1, ZS_AGE_DAYS, 800, 7, 65, ZS_STANDING, false);
	assert_false(isnan(r.z[ZS_WFL]));
	r = run(1, ZS_AGE_DAYS, 1800, 22, 120, ZS_STANDING, false);
	assert_false(isnan(r.z[ZS_WFL]));
	r = run(1, ZS_AGE_DAYS, 1800, 22, 120.1, ZS_STANDING, false);
	assert_int_equal(r.why[ZS_WFL], ZR_HEIGHT_OUT_OF_TABLE);

	/* Age limits: under 60 months for 2006, 60..228 for 2007,
	 * weight-for-age to 120. */
	r = run(1, ZS_AGE_DAYS, 1826, 18, 110, ZS_STANDING, false);
	assert_int_equal(r.group, ZS_UNDER5);
	r = run(1, ZS_AGE_DAYS, 1827, 18, 110, ZS_STANDING, false);
	assert_int_equal(r.group, ZS_5TO19);
	assert_int_equal(r.why[ZS_LEN], ZR_OTHER_GROUP);
	r = run(1, ZS_AGE_MONTHS, 59.99, 18, 110, ZS_STANDING, false);
	assert_int_equal(r.group, ZS_UNDER5);
	r = run(1, ZS_AGE_MONTHS, 60, 18, 110, ZS_STANDING, false);
	assert_int_equal(r.group, ZS_5TO19);
	assert_false(isnan(r.z[ZS_HFA]));
	r = run(1, ZS_AGE_MONTHS, 120, 30, 138, ZS_STANDING, false);
	assert_false(isnan(r.z[ZS_WFA]));
	r = run(1, ZS_AGE_MONTHS, 120.01, 30, 138, ZS_STANDING, false);
	assert_int_equal(r.why[ZS_WFA], ZR_AGE_ABOVE_120);
	assert_false(zs_reason_is_error(ZR_AGE_ABOVE_120));
	r = run(1, ZS_AGE_MONTHS, 228, 60, 175, ZS_STANDING, false);
	assert_false(isnan(r.z[ZS_HFA]));
	assert_false(isnan(r.z[ZS_BFA]));
	r = run(1, ZS_AGE_MONTHS, 228.01, 60, 175, ZS_STANDING, false);
	for (k = 0; k < ZS__MAX; k++)
		assert_int_equal(r.why[k], ZR_AGE_ABOVE_228);

	/* Every reason has words in both languages. */
	for (k = ZR_OTHER_GROUP; k < ZR__MAX; k++) {
		assert_true(strlen(zs_reason_text(k, "vi")) > 5);
		assert_true(strlen(zs_reason_text(k, "en")) > 5);
		assert_string_not_equal(zs_reason_text(k, "vi"),
		    zs_reason_text(k, "en"));
	}
	assert_true(zs_reason_is_error(ZR_SEX_MISSING));
	assert_true(zs_reason_is_error(ZR_LENGTH_OUT_OF_TABLE));
	assert_false(zs_reason_is_error(ZR_OEDEMA));
	assert_false(zs_reason_is_error(ZR_OTHER_GROUP));
}

static void
codes_as_who_packages_accept_them(void **state)
{
	enum zs_sex sex = ZS_SEX_UNKNOWN;
	enum zs_measure me = ZS_MEASURE_MISSING;
	bool oe = true;

	(void)state;
	assert_true(zs_parse_sex("1", &sex) && sex == ZS_MALE);
	assert_true(zs_parse_sex(" M ", &sex) && sex == ZS_MALE);
	assert_true(zs_parse_sex("nam", &sex) && sex == ZS_MALE);
	assert_true(zs_parse_sex("F", &sex) && sex == ZS_FEMALE);
	assert_true(zs_parse_sex("Nữ", &sex) && sex == ZS_FEMALE);
	assert_true(zs_parse_sex("2", &sex) && sex == ZS_FEMALE);
	assert_true(zs_parse_sex("", &sex) && sex == ZS_SEX_MISSING);
	assert_false(zs_parse_sex("3", &sex));
	assert_false(zs_parse_sex("x", &sex));
	assert_true(zs_parse_measure("L", &me) && me == ZS_LYING);
	assert_true(zs_parse_measure("h", &me) && me == ZS_STANDING);
	assert_true(zs_parse_measure("", &me) && me == ZS_MEASURE_MISSING);
	assert_false(zs_parse_measure("lh", &me));
	assert_true(zs_parse_oedema("Y", &oe) && oe);
	assert_true(zs_parse_oedema("1", &oe) && oe);
	assert_true(zs_parse_oedema("n", &oe) && !oe);
	assert_true(zs_parse_oedema("2", &oe) && !oe);
	assert_true(zs_parse_oedema("", &oe) && !oe);
	assert_false(zs_parse_oedema("maybe", &oe));
	assert_string_equal(zs_ind_zname(ZS_WFL), "zwfl");
	assert_string_equal(zs_ind_fname(ZS_BFA), "fbfa");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(compiled_tables_equal_the_csv_files),
		cmocka_unit_test(sd_values_give_their_z_for_age_2006),
		cmocka_unit_test(sd_values_give_their_z_for_length_and_height),
		cmocka_unit_test(sd_values_give_their_z_for_age_2007),
		cmocka_unit_test(restricted_zone_beyond_three_sd),
		cmocka_unit_test(length_height_switch_at_731_days),
		cmocka_unit_test(standing_height_under_nine_months_is_not_adjusted),
		cmocka_unit_test(interpolation_between_tenths_of_a_cm),
		cmocka_unit_test(interpolation_between_months),
		cmocka_unit_test(rounding_is_r_rounding),
		cmocka_unit_test(z_scores_round_as_r_at_midpoints),
		cmocka_unit_test(flag_boundaries),
		cmocka_unit_test(classification_cutoffs),
		cmocka_unit_test(bad_input_gives_missing_with_reason),
		cmocka_unit_test(codes_as_who_packages_accept_them),
	};

	return cmocka_run_group_tests_name("zscore", tests, setup, teardown);
}
