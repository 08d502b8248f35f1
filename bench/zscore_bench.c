/*
 * zscore_bench.c -- the z-score benchmark's two halves (bench/zscore).
 *
 *	zscore_bench gen N OUT.csv	write N generated children as CSV
 *	zscore_bench compute N [u5]	time zs_compute() on N generated
 *					children in memory, on one core
 *
 * The children are the same in both: half under 5 (WHO 2006), half 5 to
 * 19 (WHO 2007), or all under 5 with "u5" (what WHO's anthro timing is
 * about); sex, age (70% from birth and visit dates, 15% in days, 15% in
 * months), weight and length/height drawn around the WHO medians, the
 * position mostly right for the age, 0.5% with oedema, 0.1% with a
 * weight of 0 (a bad row).  Deterministic: the same N gives the same file.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "growth/who_tables.h"
#include "growth/zscore.h"

struct child {
	struct zs_input	 in;
	int		 visit;		/* day number of the visit */
};

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t
next_u64(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static double
uniform(void)
{
	return (double)(next_u64() >> 11) / 9007199254740992.0;
}

/* A standard normal value (Box-Muller). */
static double
normal(void)
{
	double u = uniform(), v = uniform();

	return sqrt(-2 * log(u + 1e-300)) * cos(6.283185307179586 * v);
}

static double
round1(double x)
{
	return round(x * 10) / 10;
}

/* One child; the LMS medians make the values realistic. */
static void
make_child(struct child *c, bool only_under5)
{
	struct zs_input *in = &c->in;
	int sex = 1 + (int)(next_u64() & 1), days;
	double k = uniform(), h, bmi;

	zs_input_init(in);
	in->sex = sex;
	if (only_under5 || (next_u64() & 1))
		days = (int)(uniform() * 1826);
	else
		days = 1827 + (int)(uniform() * (6939 - 1827));
	c->visit = 19981;	/* 2024-09-15 */
	if (k < 0.70) {
		in->age_kind = ZS_AGE_DATES;
		in->age = days;
	} else if (k < 0.85) {
		in->age_kind = ZS_AGE_DAYS;
		in->age = days;
	} else {
		in->age_kind = ZS_AGE_MONTHS;
		in->age = round(days / 30.4375 * 100) / 100;
	}
	if (days < 1826) {
		const struct who_lms *l = &who_tables[WHO_LEN].rows[sex - 1][days];
		const struct who_lms *w = &who_tables[WHO_WEI].rows[sex - 1][days];

		h = l->m * (1 + l->s * normal());
		in->weight = round1(w->m * exp(w->s * normal()));
		in->measure = (days < 731) != (uniform() < 0.05) ? ZS_LYING :
		    ZS_STANDING;
	} else {
		int mo = (int)(days / 30.4375) - 60;
		const struct who_lms *l = &who_tables[WHO_HFA07].rows[sex - 1][mo];
		const struct who_lms *b = &who_tables[WHO_BFA07].rows[sex - 1][mo];

		h = l->m * (1 + l->s * normal());
		bmi = b->m * exp(b->s * normal());
		in->weight = round1(bmi * (h / 100) * (h / 100));
		in->measure = ZS_STANDING;
	}
	in->lenhei = round1(h);
	in->oedema = uniform() < 0.005;
	if (uniform() < 0.001)
		in->weight = 0;
}

/* "YYYY-MM-DD" of a day number (days since 1970-01-01). */
static void
civil(int z, char out[32])
{
	int era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	snprintf(out, 32, "%04d-%02d-%02d", y + (m <= 2), m, d);
}

static int
gen(long n, const char *path)
{
	FILE *f = fopen(path, "w");
	struct child c;
	char b[32], v[32];
	long i;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	fprintf(f, "id,sex,birth_date,visit_date,age,age_unit,weight,lenhei,"
	    "measure,oedema\n");
	for (i = 0; i < n; i++) {
		make_child(&c, false);
		fprintf(f, "%ld,%d,", i + 1, c.in.sex);
		if (c.in.age_kind == ZS_AGE_DATES) {
			civil(c.visit - (int)c.in.age, b);
			civil(c.visit, v);
			fprintf(f, "%s,%s,,,", b, v);
		} else
			fprintf(f, ",,%.2f,%s,", c.in.age,
			    c.in.age_kind == ZS_AGE_DAYS ? "days" : "months");
		fprintf(f, "%.1f,%.1f,%s,%s\n", c.in.weight, c.in.lenhei,
		    c.in.measure == ZS_LYING ? "l" : "h",
		    c.in.oedema ? "y" : "n");
	}
	return fclose(f) == 0 ? 0 : 1;
}

static double
seconds(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (b->tv_nsec - a->tv_nsec) / 1e9;
}

/* The best of five passes over the children (the machine is shared). */
static int
compute(long n, bool only_under5)
{
	struct child *cs = calloc((size_t)n, sizeof(*cs));
	struct timespec t0, t1;
	struct zs_result r;
	double sum = 0, secs, best = INFINITY;
	long i, missing = 0;
	int k, pass;

	if (cs == NULL)
		return 1;
	for (i = 0; i < n; i++)
		make_child(&cs[i], only_under5);
	for (pass = 0; pass < 5; pass++) {
		sum = 0;
		missing = 0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (i = 0; i < n; i++) {
			zs_compute(&cs[i].in, &r);
			for (k = 0; k < ZS__MAX; k++)
				if (r.why[k] == ZR_OK)
					sum += r.z[k];
				else if (r.why[k] != ZR_OTHER_GROUP)
					missing++;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		secs = seconds(&t0, &t1);
		if (secs < best)
			best = secs;
	}
	printf("%s: %ld children in %.3f s (best of 5; %.0f ns each; "
	    "checksum %.2f, %ld missing)\n", only_under5 ? "under 5 only" :
	    "mixed 0-19", n, best, best * 1e9 / (double)n, sum, missing);
	printf("seconds=%.4f\n", best);
	free(cs);
	return 0;
}

int
main(int argc, char *argv[])
{
	long n;

	if (argc < 3 || (n = strtol(argv[2], NULL, 10)) <= 0) {
		fprintf(stderr, "usage: zscore_bench gen N OUT.csv | compute N "
		    "[u5]\n");
		return 2;
	}
	if (strcmp(argv[1], "gen") == 0 && argc == 4)
		return gen(n, argv[3]);
	if (strcmp(argv[1], "compute") == 0)
		return compute(n, argc > 3 && strcmp(argv[3], "u5") == 0);
	fprintf(stderr, "usage: zscore_bench gen N OUT.csv | compute N [u5]\n");
	return 2;
}
