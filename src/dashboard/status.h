/*
 * status.h -- the status of a target: achieved, on track, at risk, off
 * track or no data, and the gap to its next milestone.
 *
 * Pure functions: no SQL, no HTML, no clock.  The rules (also in
 * docs/internals/dashboard.md):
 *
 *   - no actual value, or no milestone: TS_NO_DATA;
 *   - next milestone = the first one whose year >= the actual's year, else
 *     the last one;
 *   - the actual meets the next milestone's comparator: TS_ACHIEVED;
 *   - the next milestone's year is before the actual's year (it has
 *     passed): TS_OFF_TRACK;
 *   - trajectory = the straight line from the start (baseline and its year;
 *     without a baseline, the earliest actual and its year) to the next
 *     milestone; the actual is at least as good as the line at the actual's
 *     year, in the indicator's direction: TS_ON_TRACK;
 *   - worse than the line but better than the start: TS_AT_RISK;
 *   - otherwise (no better than the start): TS_OFF_TRACK.
 *
 * Gap = milestone value - actual, signed so that a positive gap means
 * still to go: for >= and > it is value - actual, for <= and < it is
 * actual - value, for = it follows the indicator's direction.
 *
 * Values closer than DASH_EPS (relative) are equal, so 99/100*100 meets
 * ">= 99" whatever the rounding of the division.
 */
#ifndef VITRE_DASH_STATUS_H
#define VITRE_DASH_STATUS_H

#include <stdbool.h>
#include <stddef.h>

#define DASH_EPS 1e-9

enum target_status {
	TS_NO_DATA,
	TS_ACHIEVED,
	TS_ON_TRACK,
	TS_AT_RISK,
	TS_OFF_TRACK,
	TS__MAX
};

enum dash_cmp { CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_EQ, CMP__MAX };

/* The indicator's good direction. */
enum dash_dir { DIR_UP, DIR_DOWN };

struct dash_milestone {
	int		 year;
	enum dash_cmp	 cmp;
	double		 value;
};

struct status_input {
	enum dash_dir	 dir;
	bool		 has_baseline;
	double		 baseline;
	int		 baseline_year;
	const struct dash_milestone *ms;	/* sorted by year; borrowed */
	size_t		 nms;
	bool		 has_actual;		/* the latest actual value */
	double		 actual;
	int		 actual_year;
	bool		 has_first;		/* the earliest actual value */
	double		 first;
	int		 first_year;
};

struct status_result {
	enum target_status status;
	const struct dash_milestone *next;	/* into in->ms; NULL if none */
	bool		 has_gap;
	double		 gap;			/* > 0: still to go */
	bool		 has_line;
	double		 line;			/* trajectory at actual_year */
	bool		 has_start;
	double		 start;			/* baseline or earliest actual */
	int		 start_year;
};

void		 dash_status_eval(const struct status_input *,
		    struct status_result *);

/* Does actual satisfy "actual CMP value"? */
bool		 dash_cmp_met(enum dash_cmp, double actual, double value);
/* ">=", ">", "<=", "<", "=" as stored in target_milestone.cmp. */
bool		 dash_cmp_parse(const char *, enum dash_cmp *out);
const char	*dash_cmp_code(enum dash_cmp);		/* ">=" */
const char	*dash_cmp_sign(enum dash_cmp);		/* "≥" */
/* Is a better than b in direction dir (strictly)? */
bool		 dash_better(enum dash_dir, double a, double b);
/* The signed gap, as above. */
double		 dash_gap(enum dash_cmp, enum dash_dir, double value,
		    double actual);

#endif
