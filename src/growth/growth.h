/*
 * growth.h -- growth monitoring, the model (no SQL, no HTML): one
 * measurement of a child checked and scored, what makes a value look
 * implausible, and the nutrition rates of a school and school year.
 *
 * A measurement row arrives as text (a grid row, a file row, a JSON
 * object): growth_row_check() parses it, refuses bad input with a message
 * naming the row and the field, computes the WHO z-scores (zscore.h) and
 * warns about what looks implausible -- a flagged z-score, or a change
 * since the child's previous measurement that a child cannot make
 * (growth_change_check(), the rule below).  A warning does not refuse the
 * row: the person entering it confirms the value and it is saved with the
 * confirmation.
 *
 * The rule for changes (docs/internals/growth.md), between the previous
 * measurement (weight w0) and this one, d days later (m = d / 30.4375
 * months), with a tolerance t = max(0.5 kg, 3 % of w0) for scales and
 * clothes:
 *   - weight gained by more than t + g x m, where g is the most a child
 *     gains in a month at that age (at the middle of the interval): 1.5 kg
 *     under 6 months, 0.8 kg from 6 to 24 months, 0.6 kg from 2 to 10
 *     years, 1.0 kg from 10 years (the growth spurt);
 *   - weight lost by more than t + 10 % of w0 (at any interval: a loss of a
 *     tenth of the body weight is either a typing error or a child who
 *     needs to be seen);
 *   - length/height fallen by more than 1.5 cm, both taken as standing
 *     height (a length lying is 0.7 cm more than a height standing).
 *
 * The rates (growth_rates_count()): for a school and school year, the
 * children under 5 (under 60 months when measured); each child counts once,
 * with their LAST measurement in the year taken before 60 months, and only
 * at the school that took it.  A child counts in the denominator of an
 * indicator when that measurement gives a valid, unflagged z-score for it
 * (or oedema, counted as severe), and in the numerator when it is
 * classified so: underweight (weight-for-age < -2), stunting (length/
 * height-for-age < -2), wasting (weight-for-length/height < -2),
 * overweight or obesity (weight-for-length/height > +2).  Coverage:
 * children counted / children enrolled who were under 5 on the first day of
 * the school year (with those counted who are not enrolled, if any).
 */
#ifndef VITRE_GROWTH_H
#define VITRE_GROWTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "growth/zscore.h"
#include "http/form.h"
#include "register/child.h"

/* Bounds of a value typed in; past them it is a typing error, inside them
 * implausible values are the z-scores' and the change rule's business. */
#define GROWTH_WEIGHT_MAX	250.0	/* kg */
#define GROWTH_LENHEI_MAX	250.0	/* cm */
/* The change rule (see above). */
#define GROWTH_TOL_KG		0.5
#define GROWTH_TOL_SHARE	0.03
#define GROWTH_LOSS_SHARE	0.10
#define GROWTH_SHRINK_CM	1.5
/* Age in days from which a child is measured standing by default (as the
 * 0.7 cm rule switches: 731 days). */
#define GROWTH_STANDING_DAYS	731

enum growth_warn {
	GW_ZFLAG = 1 << 0,	/* a z-score flagged implausible (WHO) */
	GW_GAIN = 1 << 1,	/* weight gained faster than a child can */
	GW_LOSS = 1 << 2,	/* weight lost more than plausible */
	GW_SHRINK = 1 << 3	/* length/height fell */
};

/* The scores of one measurement as stored and shown. */
struct growth_z {
	double		 z[ZS__MAX];	/* NAN = missing */
	signed char	 flag[ZS__MAX];	/* 1 implausible, 0 not, -1 missing */
	enum zs_level	 level[ZD__MAX];
};

/* One measurement of a child. */
struct growth_meas {
	int64_t		 id;		/* 0 = not stored yet */
	int64_t		 session_id;
	int64_t		 child_id;
	char		 measured_on[11];
	int		 age_days;
	double		 weight;	/* kg; NAN = not weighed */
	double		 lenhei;	/* cm as measured; NAN = not measured */
	enum zs_measure	 measure;	/* ZS_MEASURE_MISSING without lenhei */
	bool		 oedema;
	struct growth_z	 s;
	unsigned	 warnings;	/* bits of enum growth_warn */
	bool		 confirmed;
	bool		 demo;
};

/* The child a row is about, as the register has it. */
struct growth_subject {
	int64_t		 id;
	const char	*name;
	enum child_sex	 sex;
	const char	*birth;		/* "YYYY-MM-DD" */
};

/* A row as received; NULL or "" = absent. */
struct growth_raw {
	const char	*weight;	/* kg, "14.2" or "14,2" */
	const char	*lenhei;	/* cm */
	const char	*position;	/* l h (also nằm đứng); "" = by age */
	const char	*oedema;	/* y n 1 0 có không; "" = no */
	const char	*confirm;	/* a ticked box: anything but "" "0" */
};

extern const struct field growth_f_child, growth_f_date, growth_f_weight,
	growth_f_lenhei, growth_f_position, growth_f_oedema, growth_f_confirm,
	growth_f_class, growth_f_year, growth_f_file;

/* A problem with one row (or, row 0, with the whole session or file). */
struct growth_issue {
	size_t			 row;		/* 1-based; 0 = not a row */
	int64_t			 child_id;	/* 0 = unknown */
	char			 who[CHILD_TEXT(CHILD_NAME_MAX)];
						/* the child's name, or "" */
	char			 col[8];	/* a file's column, or "" */
	const struct field	*f;
	bool			 warning;	/* confirming accepts it */
	char			 vi[320];
	char			 en[320];
};

/* Every problem found, in order; at most GROWTH_ISSUES_MAX are kept
 * (total counts them all). */
#define GROWTH_ISSUES_MAX	200
struct growth_issues {
	struct growth_issue	*v;
	size_t			 n, cap, total;
	size_t			 errors;	/* of total, not warnings */
};

/* Where a row is, for the messages. */
struct growth_where {
	size_t		 row;
	const char	*who;		/* child's name; NULL = none */
	/* Columns of a file ("C"), NULL for a grid. */
	const char	*col_weight, *col_lenhei, *col_position, *col_oedema,
			*col_date, *col_child;
};

void	growth_issue_add(struct growth_issues *, const struct growth_where *,
	    int64_t child_id, const struct field *, const char *col,
	    bool warning, const char *vi, const char *en);
void	growth_issues_free(struct growth_issues *);
/* "Dòng 3 (Nguyễn Văn An), Cân nặng (kg): phải lớn hơn 0." in lang 0 vi
 * / 1 en, into out. */
void	growth_issue_text(const struct growth_issue *, int lang, char *out,
	    size_t size);

/* What is known of the child's measurement before this one. */
struct growth_prev {
	bool		 has;
	char		 measured_on[11];
	int		 age_days;
	double		 weight;	/* NAN = not weighed */
	double		 lenhei;	/* NAN = not measured */
	enum zs_measure	 measure;
};

/*
 * The change rule: the bits of GW_GAIN, GW_LOSS, GW_SHRINK that hold for
 * cur after prev (nothing if prev->has is false or a value is missing).
 */
unsigned growth_change_check(const struct growth_prev *prev,
	    const struct growth_meas *cur);
/* The most weight (kg) a child gains in a month at age_days. */
double	growth_gain_per_month(double age_days);

/* Score m (age_days, z-scores, levels) for a child of sex born on birth;
 * m->measured_on, weight, lenhei, measure and oedema are set. */
void	growth_score(struct growth_meas *m, enum child_sex sex,
	    const char *birth);
void	growth_z_from(struct growth_z *, const struct zs_result *);

/* The outcome of one row. */
enum growth_row {
	GROWTH_ROW_EMPTY,	/* nothing measured: skip it */
	GROWTH_ROW_OK,		/* good (warnings, if any, confirmed) */
	GROWTH_ROW_WARN,	/* good but an unconfirmed warning */
	GROWTH_ROW_BAD		/* an error: issues say which */
};

/*
 * Check and score one row for child c measured on date (a valid date):
 * fills out (child_id, measured_on, values, scores, warnings, confirmed)
 * and adds every error and unconfirmed warning to iss, named by w.
 */
enum growth_row growth_row_check(const struct growth_raw *,
	    const struct growth_subject *c, const char *date,
	    const struct growth_prev *prev, const struct growth_where *w,
	    struct growth_meas *out, struct growth_issues *iss);

/* Does a row measure nothing (no weight, no length/height)? */
bool	growth_raw_empty(const struct growth_raw *);
/* Parsers of the codes a row takes; false for an unknown one. */
bool	growth_parse_position(const char *, enum zs_measure *out);
bool	growth_parse_yes(const char *, bool *out);
/* The stored code of a level ("none", "severe", ...) and back. */
const char *growth_level_code(enum zs_level);
bool	growth_level_from_code(const char *, enum zs_level *out);
/* Does the measurement need attention: a classification that is not
 * normal, a flagged value, oedema, or a change that looked implausible
 * (confirmed)? */
bool	growth_needs_attention(const struct growth_meas *);
/* The z-scores a page shows for a measurement's age group: ZS_WEI,
 * ZS_LEN, ZS_WFL under 5; ZS_WFA, ZS_HFA, ZS_BFA from 5. */
void	growth_shown_z(const struct growth_meas *, enum zs_ind out[3]);

/* --- the rates --------------------------------------------------------- */

enum growth_ind {
	GI_UNDERWEIGHT,
	GI_STUNTING,
	GI_WASTING,
	GI_OVERWEIGHT,
	GI_COVERAGE,
	GI__MAX
};
/* The indicator codes of the catalogue (0003, 0006). */
extern const char *const growth_ind_codes[GI__MAX];

/* One measurement as the rates see it. */
struct growth_obs {
	int64_t		 id;
	int64_t		 child_id;
	int64_t		 unit_id;	/* the school of its session */
	char		 measured_on[11];
	int		 age_days;
	enum child_sex	 sex;
	enum zs_level	 stunting, underweight, wfh;
	bool		 demo;
};

/* A child enrolled at the school in the year, under 5 at its start. */
struct growth_enrolled {
	int64_t		 child_id;
	enum child_sex	 sex;
};

/* Numerators and denominators by sex ([CHILD_SEX_M], [CHILD_SEX_F]). */
struct growth_sums {
	int64_t		 num[CHILD_SEX__MAX];
	int64_t		 den[CHILD_SEX__MAX];
};
struct growth_rates {
	struct growth_sums s[GI__MAX];
	bool		 demo;		/* a counted measurement is demo data */
};

/* Is a measurement at age_days under 60 months (WHO 2006)? */
bool	growth_under5(int age_days);
/*
 * The rates of school unit_id from obs[0..n): the measurements of the
 * year of every child measured at the school (any school's; reordered
 * here) and the children enrolled there under 5 at the start of the year.
 */
void	growth_rates_count(struct growth_obs *obs, size_t n, int64_t unit_id,
	    const struct growth_enrolled *enr, size_t nenr,
	    struct growth_rates *out);

#endif
