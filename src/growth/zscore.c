/*
 * zscore.c -- WHO z-scores for one measurement; see zscore.h, the rules in
 * data/who/README.md and docs/internals/zscore.md.
 *
 * Every arithmetic step is written in the order WHO's R code writes it
 * (anthro 1.1.0.9000 R/z-score*.R, anthroplus 1.0.0.9000 R/zscores.R), in
 * IEEE double precision without fused multiply-add (-std=c17 turns GCC's
 * contraction off), so that the results round to the same 2 decimals.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "growth/who_tables.h"
#include "growth/zscore.h"

#define DAYS_PER_MONTH	30.4375	/* anthro's ANTHRO_DAYS_OF_MONTH */

/* R's x ^ y as R evaluates it (arithmetic.c R_POW and R_pow). */
static inline double
r_pow(double x, double y)
{
	if (y == 2.0)
		return x * x;
	if (x == 1.0 || y == 0.0)
		return 1.0;
	if (y == 1.0)		/* pow(x, 1) is x exactly; skip the call */
		return x;
	return pow(x, y);
}

/* anthro's round_up(): x >= 0 rounded to a whole number, .5 going up. */
static double
round_up(double x)
{
	double f = floor(x);

	return x - f >= 0.5 ? f + 1 : f;
}

double
zs_round2(double x)
{
	double x10, i, lo, hi, dlo, dhi, frac;

	if (x < 0)
		return -zs_round2(-x);
	x10 = 100 * x;
	if (x10 < 1e8) {
		/* Fast path, same answer: away from a midpoint the nearer
		 * candidate is plain (the comparison below cannot turn for
		 * a difference of 1e-7 hundredths at this size). */
		i = (double)(int64_t)x10;
		frac = x10 - i;
		if (frac < 0.4999999 || frac > 0.5000001)
			return (i + (double)(frac > 0.5)) / 100;
	}
	/* R >= 4.0.0 fround(): of the two candidates k/100 and (k+1)/100,
	 * the one nearer x in double arithmetic; on a tie the even one. */
	i = floor(x10);
	lo = i / 100;
	hi = ceil(x10) / 100;
	dlo = x - lo;
	dhi = hi - x;
	if (dhi < dlo || (dhi == dlo && fmod(i, 2.0) == 1.0))
		return hi;
	return lo;
}

/* The plain LMS z-score (anthro compute_zscore). */
static inline double
lms_z(double y, double l, double m, double s)
{
	return (r_pow(y / m, l) - 1) / (s * l);
}

/* The value at z = sd (anthro calc_sd). */
static inline double
lms_sd(double l, double m, double s, double sd)
{
	return m * r_pow(1 + l * s * sd, 1 / l);
}

/* The restricted z-score beyond +-3 SD (anthro compute_zscore_adjusted). */
static double
lms_z_adjusted(double y, double l, double m, double s)
{
	double z = lms_z(y, l, m, s), sd3;

	if (z > 3) {
		sd3 = lms_sd(l, m, s, 3);
		z = 3 + (y - sd3) / (sd3 - lms_sd(l, m, s, 2));
	} else if (z < -3) {
		sd3 = lms_sd(l, m, s, -3);
		z = -3 + (y - sd3) / (lms_sd(l, m, s, -2) - sd3);
	}
	return z;
}

/* X[lo] + f * (X[up] - X[lo]), the interpolation of both R packages. */
static inline struct who_lms
lms_between(const struct who_lms *a, const struct who_lms *b, double f)
{
	struct who_lms r;

	r.l = a->l + f * (b->l - a->l);
	r.m = a->m + f * (b->m - a->m);
	r.s = a->s + f * (b->s - a->s);
	return r;
}

/* Store a computed z: round, drop the sign of a zero, flag.  An absurd
 * measurement (say 1e300 kg) can make z infinite: missing, not a number. */
static void
put_z(struct zs_result *r, enum zs_ind k, double z, double lo, double hi)
{
	if (!isfinite(z) || fabs(z) > 1e9) {
		r->why[k] = ZR_NOT_FINITE;
		return;
	}
	z = zs_round2(z) + 0.0;
	r->z[k] = z;
	r->flag[k] = z < lo || z > hi;
	r->why[k] = ZR_OK;
}

/* Missing-value reason of a measurement y (NAN when not taken). */
static enum zs_reason
check_measure(double y, enum zs_reason missing, enum zs_reason notpos)
{
	if (isnan(y))
		return missing;
	return y > 0 ? ZR_OK : notpos;
}

/* The reasons that come from the input alone (both age groups). */
static void
common_reasons(const struct zs_input *in, enum zs_reason *sexwhy,
    enum zs_reason *oedwhy, enum zs_reason *wwhy, enum zs_reason *lwhy)
{
	*sexwhy = in->sex == ZS_MALE || in->sex == ZS_FEMALE ? ZR_OK :
	    in->sex == ZS_SEX_MISSING ? ZR_SEX_MISSING : ZR_SEX_UNKNOWN;
	*oedwhy = in->oedema ? ZR_OEDEMA : ZR_OK;
	*wwhy = check_measure(in->weight, ZR_WEIGHT_MISSING,
	    ZR_WEIGHT_NOT_POSITIVE);
	*lwhy = check_measure(in->lenhei, ZR_LENHEI_MISSING,
	    ZR_LENHEI_NOT_POSITIVE);
}

/* The first reason that is not ZR_OK. */
static enum zs_reason
first_reason(enum zs_reason a, enum zs_reason b)
{
	return a != ZR_OK ? a : b;
}

/*
 * Age: set age_days, age_months and the group; returns the reason all
 * age-based z-scores are missing, or ZR_OK.
 */
static enum zs_reason
set_age(const struct zs_input *in, struct zs_result *r)
{
	double days;

	r->age_days = -1;
	r->age_months = NAN;
	r->group = ZS_GROUP_NONE;
	if (in->age_kind == ZS_AGE_MISSING || !isfinite(in->age))
		return ZR_AGE_MISSING;
	if (in->age < 0)
		return in->age_kind == ZS_AGE_DATES ? ZR_VISIT_BEFORE_BIRTH :
		    ZR_AGE_NEGATIVE;
	if (in->age_kind == ZS_AGE_MONTHS) {
		r->age_months = in->age;
		days = round_up(in->age * DAYS_PER_MONTH);
	} else {
		r->age_months = in->age / DAYS_PER_MONTH;
		days = round_up(in->age);
	}
	if (r->age_months > 228)
		return ZR_AGE_ABOVE_228;
	r->age_days = (int)days;
	r->group = r->age_months < 60 ? ZS_UNDER5 : ZS_5TO19;
	return ZR_OK;
}

/* A 2006 age-based z-score (length/height, weight or BMI for age). */
static void
z_age06(struct zs_result *r, enum zs_ind k, enum who_table_id t, int sex,
    double y, bool adjusted, double flo, double fhi)
{
	const struct who_lms *p = &who_tables[t].rows[sex - 1][r->age_days];

	put_z(r, k, adjusted ? lms_z_adjusted(y, p->l, p->m, p->s) :
	    lms_z(y, p->l, p->m, p->s), flo, fhi);
}

/*
 * The LMS of a weight-for-length/height table at c cm (base..top), between
 * its 0.1 cm rows as both R packages interpolate; *tmp holds an
 * interpolated row.  NULL if c is outside the table.
 */
static const struct who_lms *
lms_cm(const struct who_table *t, int sex, double c, struct who_lms *tmp)
{
	const struct who_lms *rows = t->rows[sex - 1];
	double base = t->first / 10.0, lo, up, f;
	long i, j;

	if (!(c >= base && c <= base + (t->count - 1) / 10.0))
		return NULL;
	lo = trunc(c * 10) / 10;
	up = trunc(c * 10 + 1) / 10;
	f = (c - lo) / 0.1;
	/* Rows by index, not by comparing doubles (data/who/README.md). */
	i = lround((lo - base) * 10);
	if (!(f > 0))
		return &rows[i];
	j = lround((up - base) * 10);
	if (j >= t->count)	/* cannot happen for c <= the top */
		return NULL;
	*tmp = lms_between(&rows[i], &rows[j], f);
	return tmp;
}

/* The LMS of a 2007 table at age a months (in range), between whole
 * months; *tmp holds an interpolated row. */
static const struct who_lms *
lms_month(const struct who_table *t, int sex, double a, struct who_lms *tmp)
{
	const struct who_lms *p;
	double lo = trunc(a), f = a - lo;

	p = &t->rows[sex - 1][(int)lo - t->first];
	if (!(f > 0))
		return p;
	/* trunc(a + 1) is lo + 1 for every a in range. */
	*tmp = lms_between(p, p + 1, f);
	return tmp;
}

/*
 * Weight-for-length/height (anthro_zscore_weight_for_lenhei).  use_length
 * picks the length table (45-110 cm) over the height table (65-120 cm).
 */
static void
z_wfl(struct zs_result *r, int sex, double weight, double c, bool use_length)
{
	const struct who_lms *p;
	struct who_lms v;

	p = lms_cm(&who_tables[use_length ? WHO_WFL : WHO_WFH], sex, c, &v);
	if (p == NULL) {
		r->why[ZS_WFL] = use_length ? ZR_LENGTH_OUT_OF_TABLE :
		    ZR_HEIGHT_OUT_OF_TABLE;
		return;
	}
	put_z(r, ZS_WFL, lms_z_adjusted(weight, p->l, p->m, p->s), -5, 5);
}

/* A 2007 z-score at age a months, 60 <= a <= the table's top. */
static void
z_age07(struct zs_result *r, enum zs_ind k, enum who_table_id t, int sex,
    double a, double y, bool adjusted, double flo, double fhi)
{
	const struct who_lms *p;
	struct who_lms v;

	p = lms_month(&who_tables[t], sex, a, &v);
	put_z(r, k, adjusted ? lms_z_adjusted(y, p->l, p->m, p->s) :
	    lms_z(y, p->l, p->m, p->s), flo, fhi);
}

/* Under 60 months, or age missing (then only weight-for-length/height). */
static void
under5(const struct zs_input *in, struct zs_result *r, enum zs_reason agewhy)
{
	enum zs_measure measure = in->measure;
	bool age_known = agewhy == ZR_OK, use_length;
	enum zs_reason wwhy, lwhy, sexwhy, oedwhy;
	double c = in->lenhei;

	/* A standing height under 9 months is implausible: the position is
	 * dropped, so no 0.7 cm adjustment (anthro: c9mo_flag). */
	if (age_known && measure == ZS_STANDING && r->age_months < 9) {
		measure = ZS_MEASURE_MISSING;
		r->c9mo_flag = true;
	}
	if (age_known && r->age_days < 731 && measure == ZS_STANDING)
		c = in->lenhei + 0.7;
	else if (age_known && r->age_days >= 731 && measure == ZS_LYING)
		c = in->lenhei - 0.7;
	r->clenhei = c;
	r->cbmi = in->weight / ((c / 100) * (c / 100));

	common_reasons(in, &sexwhy, &oedwhy, &wwhy, &lwhy);
	if (lwhy == ZR_OK && !(c > 0))
		lwhy = ZR_LENHEI_NOT_POSITIVE;

	/* Age-based: sex, age, oedema, then the measurement.  Oedema comes
	 * before the measurement because it decides the classification
	 * (severe) whatever the weight. */
	r->why[ZS_LEN] = first_reason(sexwhy, first_reason(agewhy, lwhy));
	r->why[ZS_WEI] = first_reason(sexwhy, first_reason(agewhy,
	    first_reason(oedwhy, wwhy)));
	r->why[ZS_BMI] = first_reason(sexwhy, first_reason(agewhy,
	    first_reason(oedwhy, first_reason(wwhy, lwhy))));
	if (r->why[ZS_LEN] == ZR_OK)
		z_age06(r, ZS_LEN, WHO_LEN, in->sex, c, false, -6, 6);
	if (r->why[ZS_WEI] == ZR_OK)
		z_age06(r, ZS_WEI, WHO_WEI, in->sex, in->weight, true, -6, 5);
	if (r->why[ZS_BMI] == ZR_OK)
		z_age06(r, ZS_BMI, WHO_BMI, in->sex, r->cbmi, true, -5, 5);

	/* Weight-for-length/height: no age table, so computed with a
	 * missing age too; the table follows the age, else the position,
	 * else the length (anthro join_on_l / join_on_h). */
	r->why[ZS_WFL] = first_reason(sexwhy, first_reason(oedwhy,
	    first_reason(wwhy, lwhy)));
	if (r->why[ZS_WFL] != ZR_OK)
		return;
	if (age_known)
		use_length = r->age_days < 731;
	else if (measure != ZS_MEASURE_MISSING)
		use_length = measure == ZS_LYING;
	else
		use_length = c < 87;
	z_wfl(r, in->sex, in->weight, c, use_length);
}

/* 60 to 228 months: WHO 2007 reference (anthroplus_zscores). */
static void
from5to19(const struct zs_input *in, struct zs_result *r)
{
	enum zs_reason wwhy, lwhy, sexwhy, oedwhy;
	double a = r->age_months, h = in->lenhei;

	/* The standing height as given: no 0.7 cm adjustment. */
	r->clenhei = h;
	r->cbmi = in->weight / ((h / 100) * (h / 100));
	common_reasons(in, &sexwhy, &oedwhy, &wwhy, &lwhy);

	r->why[ZS_HFA] = first_reason(sexwhy, lwhy);
	r->why[ZS_WFA] = first_reason(sexwhy, a > 120 ? ZR_AGE_ABOVE_120 :
	    first_reason(oedwhy, wwhy));
	r->why[ZS_BFA] = first_reason(sexwhy, first_reason(oedwhy,
	    first_reason(wwhy, lwhy)));
	if (r->why[ZS_HFA] == ZR_OK)
		z_age07(r, ZS_HFA, WHO_HFA07, in->sex, a, h, false, -6, 6);
	if (r->why[ZS_WFA] == ZR_OK)
		z_age07(r, ZS_WFA, WHO_WFA07, in->sex, a, in->weight, true,
		    -6, 5);
	if (r->why[ZS_BFA] == ZR_OK)
		z_age07(r, ZS_BFA, WHO_BFA07, in->sex, a, r->cbmi, true, -5, 5);
}

/* The level of a "low is bad" z-score; cut-offs are strict. */
static enum zs_level
level_low(const struct zs_result *r, enum zs_ind k)
{
	double z = r->z[k];

	if (r->why[k] == ZR_OEDEMA)	/* counts as < -3 SD (WHO) */
		return ZL_SEVERE;
	if (isnan(z) || r->flag[k] != 0)
		return ZL_NONE;
	return z < -3 ? ZL_SEVERE : z < -2 ? ZL_MODERATE : ZL_NORMAL;
}

/* The level of a two-sided z-score: overweight above ow, obesity above ob. */
static enum zs_level
level_both(const struct zs_result *r, enum zs_ind k, double ow, double ob)
{
	enum zs_level l = level_low(r, k);
	double z = r->z[k];

	if (l != ZL_NORMAL)
		return l;
	return z > ob ? ZL_OBESITY : z > ow ? ZL_OVERWEIGHT : ZL_NORMAL;
}

static void
classify(struct zs_result *r)
{
	if (r->group == ZS_5TO19) {
		r->level[ZD_STUNTING] = level_low(r, ZS_HFA);
		r->level[ZD_UNDERWEIGHT] = level_low(r, ZS_WFA);
		r->level[ZD_BFA] = level_both(r, ZS_BFA, 1, 2);
	} else {
		r->level[ZD_STUNTING] = level_low(r, ZS_LEN);
		r->level[ZD_UNDERWEIGHT] = level_low(r, ZS_WEI);
		r->level[ZD_WFH] = level_both(r, ZS_WFL, 2, 3);
	}
}

void
zs_input_init(struct zs_input *in)
{
	memset(in, 0, sizeof(*in));
	in->weight = NAN;
	in->lenhei = NAN;
}

void
zs_compute(const struct zs_input *in, struct zs_result *r)
{
	enum zs_reason agewhy;
	int k;

	for (k = 0; k < ZS__MAX; k++) {
		r->z[k] = NAN;
		r->flag[k] = -1;
		r->why[k] = ZR_OTHER_GROUP;
	}
	for (k = 0; k < ZD__MAX; k++)
		r->level[k] = ZL_NONE;
	r->clenhei = in->lenhei;
	r->cbmi = NAN;
	r->c9mo_flag = false;

	agewhy = set_age(in, r);
	if (r->group == ZS_5TO19) {
		from5to19(in, r);
	} else if (r->group == ZS_UNDER5 || agewhy == ZR_AGE_MISSING) {
		under5(in, r, agewhy);
		if (agewhy != ZR_OK)	/* could be 5-19 as well */
			for (k = ZS_HFA; k <= ZS_BFA; k++)
				r->why[k] = agewhy;
	} else {
		/* Negative, before birth, above 228 months: nothing at all. */
		for (k = 0; k < ZS__MAX; k++)
			r->why[k] = agewhy;
	}
	classify(r);
}

double
zs_value_at(enum who_table_id id, enum zs_sex sex, double x, double z)
{
	const struct who_table *t;
	const struct who_lms *p;
	struct who_lms v;
	double day;

	if ((int)id < 0 || id >= WHO__MAX || (sex != ZS_MALE &&
	    sex != ZS_FEMALE) || !isfinite(x) || !isfinite(z))
		return NAN;
	t = &who_tables[id];
	switch (id) {
	case WHO_WEI:
	case WHO_LEN:
	case WHO_BMI:
		/* The row of the rounded day, as zs_compute() takes it. */
		if (x < 0 || (day = round_up(x)) > t->first + t->count - 1)
			return NAN;
		p = &t->rows[sex - 1][(int)day - t->first];
		break;
	case WHO_WFL:
	case WHO_WFH:
		if ((p = lms_cm(t, sex, x, &v)) == NULL)
			return NAN;
		break;
	default:
		/* 2007: the last row is a top, not a month to reach. */
		if (x < t->first || x > t->first + t->count - 2)
			return NAN;
		p = lms_month(t, sex, x, &v);
		break;
	}
	return lms_sd(p->l, p->m, p->s, z);
}
