/*
 * indicator.h -- the indicator catalogue: what is measured, how (numerator
 * over denominator, or a count), which way is better, whether it is split
 * by sex, where its numbers come from, over which periods and for which
 * school levels.  Seeded by migration 0003 from Decision 23/QĐ-TTg and the
 * seed plans.
 *
 * Rates are always computed from summed numerators and denominators
 * (indicator_rate()), never by averaging rates.
 *
 * Ownership: a struct indicator filled by indicator_get*() owns its
 * strings; release them with indicator_clear().  Lists from
 * indicator_list() are freed with indicator_list_free().
 */
#ifndef VITRE_INDICATOR_H
#define VITRE_INDICATOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "indicators/period.h"

struct db;

enum ind_unit {
	IND_UNIT_PERCENT,	/* num / den × 100 */
	IND_UNIT_PER1000,	/* num / den × 1000 */
	IND_UNIT_COUNT,		/* num; no denominator */
	IND_UNIT__MAX
};

enum ind_direction {
	IND_DIR_UP,		/* higher is better */
	IND_DIR_DOWN,		/* lower is better */
	IND_DIR__MAX
};

enum ind_source {
	IND_SRC_ENTERED,	/* aggregate values entered by hand */
	IND_SRC_REGISTER,	/* computed from the child register */
	IND_SRC_GROWTH,		/* computed from growth measurements */
	IND_SRC_ACTIVITY,	/* computed from activity logs */
	IND_SRC_CASES,		/* de-identified counts of protection cases */
	IND_SRC__MAX
};

/* A code stored in the database and its names (tables below). */
struct ind_code {
	const char	*code;
	const char	*name_vi;
	const char	*name_en;
};

extern const struct ind_code ind_units[IND_UNIT__MAX];
extern const struct ind_code ind_directions[IND_DIR__MAX];
extern const struct ind_code ind_sources[IND_SRC__MAX];

struct indicator {
	int64_t		 id;
	char		*code;
	char		*name_vi;
	char		*name_en;
	char		*definition_vi;
	char		*definition_en;
	char		*numerator_vi;
	char		*numerator_en;
	char		*denominator_vi;	/* "" for counts */
	char		*denominator_en;
	enum ind_unit	 unit;
	enum ind_direction direction;
	bool		 by_sex;
	enum ind_source	 source;
	enum period_type period_type;
	char		*levels;		/* ",mn,th,"; "" = every level */
	char		*ref;			/* legal reference */
	int64_t		 seq;
	bool		 suppress_small;	/* counts 1-4 read "< 5" */
};

/* Code to enum; false if the code is unknown. */
bool		 indicator_unit_from_code(const char *, enum ind_unit *);
bool		 indicator_direction_from_code(const char *,
		    enum ind_direction *);
bool		 indicator_source_from_code(const char *, enum ind_source *);

/* Names for display; lang: 0 Vietnamese, 1 English. */
const char	*indicator_name(const struct indicator *, int lang);
const char	*indicator_unit_name(enum ind_unit, int lang);
/* "%", "‰" or "" (counts). */
const char	*indicator_unit_symbol(enum ind_unit);
/* "cao hơn là tốt hơn" / "thấp hơn là tốt hơn". */
const char	*indicator_direction_name(enum ind_direction, int lang);
const char	*indicator_source_name(enum ind_source, int lang);
/* The school levels it applies to, named, into out ("mọi cấp học" if
 * all). */
void		 indicator_levels_text(const char *levels, int lang,
		    struct buf *out);

/*
 * The value of num over den in the indicator's unit: a percentage, a rate
 * per 1,000, or num itself for counts.  NAN when den is 0 or less (no
 * rate).
 */
double		 indicator_rate(int64_t num, int64_t den, enum ind_unit);
/*
 * A rate for display, "8,73%" in Vietnamese (decimal comma) or "8.73%" in
 * English, "12" for counts, "—" for NAN.
 */
void		 indicator_format_rate(double v, enum ind_unit, int lang,
		    char *out, size_t size);

/* Database (indicator_db.c).  ERR_NOTFOUND if there is no such row. */
enum err	 indicator_get(struct db *, int64_t id, struct indicator *out);
enum err	 indicator_get_by_code(struct db *, const char *code,
		    struct indicator *out);
/* The whole catalogue in catalogue order (seq, code). */
enum err	 indicator_list(struct db *, struct indicator **out,
		    size_t *n);
void		 indicator_clear(struct indicator *);
void		 indicator_list_free(struct indicator *, size_t n);
/*
 * Does the indicator hide small counts (suppress_small: a count of 1 to 4
 * could identify a child and reads "< 5", render/numfmt.h)?  False for an
 * unknown id or a database error.
 */
bool		 indicator_suppress_small(struct db *, int64_t id);

#endif
