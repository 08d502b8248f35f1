/*
 * rollup.h -- aggregate values of a unit's whole area, period by period,
 * summed up the organisation tree as it stood on each period's ref_on.
 *
 * The rule (docs/internals/dashboard.md): for unit U, indicator I, period
 * P, if U has its own agg_value row, that row stands for U's whole area;
 * otherwise U's value is its own computed row, if any, plus the sum of
 * its children's values through LINK_ADMIN links valid on P.ref_on,
 * recursively.  Computed rows are the values the register gives
 * (reg_value, regstat/regstat.h) and the five-year-old population
 * figures (population_5y): entered values win over them, and every sum
 * also carries the computed-only roll-up, so a page can show both.  Numerators and
 * denominators (and their splits by sex) are summed; a rate is computed
 * from the sums only at the end.  Rates are never averaged.
 *
 * rollup_build() reads every agg_value row of the units below U (through
 * admin links at any date) once -- one indexed query per unit -- and then
 * computes, for every indicator and period with data, U's sums and those
 * of the units directly below U (for the ranking) bottom-up in memory.
 * The result is immutable and may be shared between threads.
 */
#ifndef VITRE_DASH_ROLLUP_H
#define VITRE_DASH_ROLLUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;
struct unit_tree;

struct dash_sums {
	int64_t		 num, den;
	int64_t		 num_m, num_f, den_m, den_f;
	bool		 has_den;	/* a row summed had a denominator */
	bool		 has_sex;	/* every row summed was split by sex */
	int32_t		 rows;		/* own rows summed (units reporting) */
	int32_t		 computed;	/* of them, computed from the register */
	int32_t		 num_rows;	/* rows with a numerator (not only a
					 * population figure) */
};

struct dash_point {
	int64_t		 period_id;
	char		 code[16];	/* "2024-2025", "2024", "2024S1" */
	char		 type[12];	/* "school_year", "year", "half_year" */
	char		 ref_on[11];
	char		 end_on[11];
	int		 year;		/* compared with milestones */
	struct dash_sums s;		/* entered values win */
	struct dash_sums c;		/* computed rows only (c.rows 0: none) */
};

/* The periods with data of one unit and indicator, oldest first. */
struct dash_series {
	struct dash_point *p;
	size_t		 n;
};

struct rollup {
	int64_t		 unit_id;
	char		 today[11];
	int64_t		*ind;		/* indicators with data, sorted */
	size_t		 nind;
	/*
	 * units[0] is U; units[1..] the units directly below it: through
	 * admin links valid today, or, for a unit without any today (a
	 * closed district office), on the ref_on of its latest period with
	 * data that had some.
	 */
	int64_t		*units;
	size_t		 nunits;
	struct dash_series *series;	/* [slot * nind + indicator slot] */
};

/*
 * Build the roll-up of unit_id (which must be in t); today ("YYYY-MM-DD")
 * picks the units below for the ranking.  NULL if the database fails.
 * The caller frees the result with rollup_free().
 */
struct rollup	*rollup_build(struct db *, const struct unit_tree *t,
		    int64_t unit_id, const char *today);
void		 rollup_free(struct rollup *);
/* The series of units[slot] for an indicator; NULL if it has no data. */
const struct dash_series *rollup_series(const struct rollup *, size_t slot,
		    int64_t indicator_id);
/* The point of period_id in series s (may be NULL), or NULL. */
const struct dash_point *rollup_point(const struct dash_series *s,
		    int64_t period_id);
/* Add b into a (a.rows == 0 means a is empty). */
void		 dash_sums_add(struct dash_sums *a, const struct dash_sums *b);
/*
 * The value of num/den in a unit: scale 100 (percent), 1000 (per 1,000)
 * or 0 (a count: the numerator).  False when a rate has no denominator or
 * a zero one.
 */
bool		 dash_rate(int64_t num, int64_t den, bool has_den, double scale,
		    double *out);

#endif
