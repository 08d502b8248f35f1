/*
 * zscore.h -- WHO anthropometric z-scores, computed exactly as WHO's own R
 * packages compute them: anthro (WHO Child Growth Standards 2006, under 60
 * months) and anthroplus (WHO Reference 2007, 5 to 19 years).
 *
 * One measurement in (struct zs_input), every z-score with its flag, the
 * reason for each missing one and the nutritional classification out
 * (struct zs_result).  No database, no HTTP, no allocation: zs_compute()
 * only reads the tables compiled in from data/who (growth/who_tables.h).
 * The rules, with their sources, are in data/who/README.md and
 * docs/internals/zscore.md.
 *
 * Typical use:
 *
 *	struct zs_input in;
 *	struct zs_result r;
 *
 *	zs_input_init(&in);
 *	in.sex = ZS_FEMALE;
 *	in.age_kind = ZS_AGE_DATES;
 *	in.age = (double)(date_days(visit) - date_days(birth));
 *	in.weight = 11.2;
 *	in.lenhei = 84.5;
 *	in.measure = ZS_LYING;
 *	zs_compute(&in, &r);
 *	if (!isnan(r.z[ZS_WEI])) ... r.z[ZS_WEI], r.flag[ZS_WEI] ...
 *	else ... zs_reason_text(r.why[ZS_WEI], "vi") ...
 */
#ifndef VITRE_ZSCORE_H
#define VITRE_ZSCORE_H

#include <stdbool.h>

#include "growth/who_tables.h"

enum zs_sex {
	ZS_SEX_MISSING = 0,
	ZS_MALE = 1,
	ZS_FEMALE = 2,
	ZS_SEX_UNKNOWN = 3	/* given, but neither male nor female */
};

enum zs_age_kind {
	ZS_AGE_MISSING = 0,
	ZS_AGE_DAYS,		/* age in days, may have a fraction */
	ZS_AGE_MONTHS,		/* age in months, may have a fraction */
	ZS_AGE_DATES		/* visit date - birth date, in whole days */
};

enum zs_measure {
	ZS_MEASURE_MISSING = 0,
	ZS_LYING,		/* recumbent length ("l") */
	ZS_STANDING		/* standing height ("h") */
};

struct zs_input {
	enum zs_sex		 sex;
	enum zs_age_kind	 age_kind;
	double			 age;		/* in the unit age_kind says */
	double			 weight;	/* kg; NAN when not measured */
	double			 lenhei;	/* cm; NAN when not measured */
	enum zs_measure		 measure;
	bool			 oedema;
};

/* The z-scores, in the order of WHO's output columns. */
enum zs_ind {
	ZS_LEN,		/* zlen: length/height-for-age, 2006 */
	ZS_WEI,		/* zwei: weight-for-age, 2006 */
	ZS_WFL,		/* zwfl: weight-for-length/height, 2006 */
	ZS_BMI,		/* zbmi: BMI-for-age, 2006 */
	ZS_HFA,		/* zhfa: height-for-age, 2007 */
	ZS_WFA,		/* zwfa: weight-for-age, 2007 (up to 120 months) */
	ZS_BFA,		/* zbfa: BMI-for-age, 2007 */
	ZS__MAX
};

/* Why a z-score is missing. */
enum zs_reason {
	ZR_OK = 0,		/* not missing */
	ZR_OTHER_GROUP,		/* the child is in the other age group */
	ZR_SEX_MISSING,
	ZR_SEX_UNKNOWN,
	ZR_AGE_MISSING,
	ZR_AGE_NEGATIVE,
	ZR_VISIT_BEFORE_BIRTH,
	ZR_AGE_ABOVE_228,	/* older than 228 months: no WHO reference */
	ZR_AGE_ABOVE_120,	/* weight-for-age has no reference past 120 months */
	ZR_WEIGHT_MISSING,
	ZR_WEIGHT_NOT_POSITIVE,
	ZR_LENHEI_MISSING,
	ZR_LENHEI_NOT_POSITIVE,
	ZR_LENGTH_OUT_OF_TABLE,	/* weight-for-length: outside 45..110 cm */
	ZR_HEIGHT_OUT_OF_TABLE,	/* weight-for-height: outside 65..120 cm */
	ZR_OEDEMA,		/* weight-based z-scores are not given with oedema */
	ZR_NOT_FINITE,		/* a measurement so far out that |z| > 1e9 */
	ZR__MAX
};

enum zs_group {
	ZS_GROUP_NONE = 0,	/* age missing, negative or above 228 months */
	ZS_UNDER5,		/* age < 60 months: WHO 2006 standards */
	ZS_5TO19		/* 60 <= age <= 228 months: WHO 2007 reference */
};

/* Classification, one dimension at a time. */
enum zs_dim {
	ZD_STUNTING,	/* height-for-age: stunting */
	ZD_UNDERWEIGHT,	/* weight-for-age: underweight */
	ZD_WFH,		/* under 5, weight-for-length/height: wasting,
			   overweight, obesity */
	ZD_BFA,		/* 5-19, BMI-for-age: thinness, overweight, obesity */
	ZD__MAX
};

enum zs_level {
	ZL_NONE = 0,	/* no valid z-score (missing or flagged) */
	ZL_SEVERE,	/* severe stunting/underweight/wasting/thinness (< -3) */
	ZL_MODERATE,	/* stunting/underweight/wasting/thinness (< -2) */
	ZL_NORMAL,
	ZL_OVERWEIGHT,	/* WHZ > +2 under 5, BAZ > +1 for 5-19 */
	ZL_OBESITY	/* WHZ > +3 under 5, BAZ > +2 for 5-19 */
};

struct zs_result {
	enum zs_group	 group;
	int		 age_days;	/* rounded half up; -1 if unknown */
	double		 age_months;	/* unrounded; NAN if unknown */
	double		 clenhei;	/* length/height after the 0.7 cm
					   adjustment (2006) */
	double		 cbmi;		/* kg/m², from clenhei under 5 */
	bool		 c9mo_flag;	/* standing height under 9 months:
					   position ignored */
	double		 z[ZS__MAX];	/* rounded to 2 decimals; NAN = missing */
	signed char	 flag[ZS__MAX];	/* 1 implausible, 0 not, -1 missing */
	enum zs_reason	 why[ZS__MAX];	/* ZR_OK when z is there */
	enum zs_level	 level[ZD__MAX];
};

/* Clear an input: nothing known, weight and lenhei NAN. */
void		 zs_input_init(struct zs_input *);

/* Compute every z-score of one measurement.  Never fails: what cannot be
 * computed is NAN with a reason.  in and out are the caller's. */
void		 zs_compute(const struct zs_input *, struct zs_result *);

/*
 * The measurement at which table t gives the z-score z, for sex (male or
 * female): the LMS inverse M (1 + L S z)^(1/L), which is also what WHO's
 * charts draw for the -3 .. +3 SD curves.  x is the table's key: the age
 * in days for the 2006 age tables (WHO_WEI, WHO_LEN, WHO_BMI: the row of
 * the day rounded half up, as zs_compute() takes it), the age in months
 * for the 2007 tables (60 .. 228, 120 for weight-for-age; between whole
 * months interpolated as anthroplus does) and the length or height in cm
 * for WHO_WFL / WHO_WFH (between 0.1 cm rows interpolated).  NAN outside
 * the table.  The 2006 length/height-for-age table is length before 731
 * days and height from then on, as WHO's charts draw it.
 */
double		 zs_value_at(enum who_table_id t, enum zs_sex sex, double x,
		    double z);

/* R's round(x, 2) (R >= 4.0.0), in double arithmetic. */
double		 zs_round2(double);

/* True if a missing z-score for this reason points at bad input (to be
 * reported), false for a plain fact (other age group, not measured,
 * oedema, no weight-for-age reference after 120 months). */
bool		 zs_reason_is_error(enum zs_reason);
/* The reason as a sentence in "vi" or "en" (static storage). */
const char	*zs_reason_text(enum zs_reason, const char *lang);

/* The codes WHO's packages accept, case and surrounding blanks ignored,
 * plus the Vietnamese words.  Each returns false for a value it does not
 * know (and leaves *out alone); an empty text is the "missing" value.
 *   sex:     1 m male nam -> ZS_MALE; 2 f female nữ nu -> ZS_FEMALE
 *   measure: l -> ZS_LYING; h -> ZS_STANDING
 *   oedema:  y 1 -> true; n 2 -> false */
bool		 zs_parse_sex(const char *, enum zs_sex *out);
bool		 zs_parse_measure(const char *, enum zs_measure *out);
bool		 zs_parse_oedema(const char *, bool *out);

/* WHO's column names: "zlen", "flen", ... */
const char	*zs_ind_zname(enum zs_ind);
const char	*zs_ind_fname(enum zs_ind);

/* A stable code for a classification ("severe_stunting", "overweight",
 * ...; NULL for ZL_NONE and ZL_NORMAL) and its Vietnamese label. */
const char	*zs_level_code(enum zs_dim, enum zs_level);
const char	*zs_level_vi(enum zs_dim, enum zs_level);

#endif
