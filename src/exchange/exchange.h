/*
 * exchange.h -- exchange of aggregate values with other systems: IHE ADX
 * (XML) and DHIS2 dataValueSets (JSON).  The mapping is documented in
 * docs/exchange.md.
 *
 * Both directions go through the same flat list of data points (struct
 * xchg_data), one point per number as the file holds it: unit code, data
 * element ("<INDICATOR>_NUM" or "_DEN"), period as the format writes it,
 * sex (or none) and the value as text.
 *
 *	export: values (xchg_export.c) -> points -> adx_write / dhis2_write
 *	import: adx_read / dhis2_read -> points -> xchg_import_run()
 *
 * The readers check the form of the file (well-formed, the elements and
 * attributes expected, known categories); xchg_import_run() checks the
 * meaning (units, indicators, periods, scope, locks, the numbers) and
 * writes all or nothing.  Every problem is collected, in Vietnamese and
 * English, naming where in the file it is.
 *
 * Ownership: a struct xchg_data is filled by the functions below and
 * released with xchg_data_release().
 */
#ifndef VITRE_EXCHANGE_H
#define VITRE_EXCHANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "indicators/period.h"

struct db;
struct unit_tree;

#define XCHG_ADX_NS	"urn:ihe:qrph:adx:2015"
#define XCHG_DATASET	"VITRE_AGG"	/* the dataSet code written */
#define XCHG_SEX_CAT	"SEX"		/* the ADX disaggregation attribute */
#define XCHG_PROBLEMS_MAX 200		/* problems kept; more are counted */
#define XCHG_POINTS_MAX	500000		/* data values in one file */

enum xchg_format {
	XCHG_ADX,
	XCHG_DHIS2,
	XCHG__MAX
};

enum xchg_part {
	XCHG_NUM,		/* "<CODE>_NUM": the numerator (or the count) */
	XCHG_DEN		/* "<CODE>_DEN": the denominator */
};

enum xchg_sex {
	XCHG_SEX_TOTAL,		/* no sex disaggregation ("default") */
	XCHG_SEX_M,
	XCHG_SEX_F
};

/* One data value of a file. */
struct xchg_point {
	size_t		 line, col;	/* ADX: where the dataValue starts */
	size_t		 index;		/* DHIS2: its place in dataValues[] */
	char		 unit[64];	/* orgUnit: the unit code */
	char		 element[96];	/* dataElement */
	char		 period[40];	/* as the format writes it */
	enum xchg_sex	 sex;
	char		 value[40];
};

struct xchg_problem {
	char		 vi[480];
	char		 en[480];
};

struct xchg_data {
	enum xchg_format fmt;
	struct xchg_point *p;
	size_t		 n, cap;
	struct xchg_problem *pr;	/* the first XCHG_PROBLEMS_MAX */
	size_t		 npr;
	size_t		 nproblems;	/* all of them */
	size_t		 nscope;	/* of which units outside the scope */
	bool		 fatal;		/* the file cannot be read at all (not
					 * well-formed, not ADX or not JSON) */
};

/* Format names: "adx", "dhis2"; false if unknown. */
bool		 xchg_format_from_code(const char *, enum xchg_format *);
const char	*xchg_format_code(enum xchg_format);
/* The format of a file from its first byte that is not blank: '<' ADX,
 * '{' DHIS2 JSON; false if neither. */
bool		 xchg_format_sniff(const char *data, size_t len,
		    enum xchg_format *);

/* Points and problems (xchg_data.c). */
void		 xchg_data_init(struct xchg_data *, enum xchg_format);
void		 xchg_data_release(struct xchg_data *);
struct xchg_point *xchg_point_add(struct xchg_data *);
/* "dòng 3, cột 5" / "line 3, column 5" (ADX) or "dataValues[4]" (DHIS2),
 * with the data element when there is one.  lang: 0 vi, 1 en. */
void		 xchg_point_where(const struct xchg_data *,
		    const struct xchg_point *, int lang, char *out, size_t size);
/* Add a problem "<where of pt>: <text>" (pt NULL: the text alone). */
void		 xchg_problem_add(struct xchg_data *, const struct xchg_point *,
		    const char *vi, const char *en);

/* Periods (xchg_period.c).  Out must hold 40 bytes. */
/* ADX: the ISO 8601 interval "2024-09-01/P1Y" of a period. */
bool		 xchg_adx_period(const struct period *, char *out, size_t);
/* DHIS2: "2024Sep" (school year), "2024" (year), "2024S1" (half year). */
bool		 xchg_dhis2_period(const struct period *, char *out, size_t);
/* The vitre period code ("2024-2025", "2024", "2024S1") a period of the
 * format stands for; false if it is not one vitre has. */
bool		 xchg_period_code(enum xchg_format, const char *,
		    char *out, size_t);

/* Data elements and categories (xchg_element.c). */
void		 xchg_element(const char *indicator, enum xchg_part, char *out,
		    size_t size);
/* Split "<CODE>_NUM" / "<CODE>_DEN"; false if neither suffix. */
bool		 xchg_element_parse(const char *, char *indicator, size_t size,
		    enum xchg_part *);
/* "M", "F", or NULL for the total. */
const char	*xchg_sex_code(enum xchg_sex);
bool		 xchg_sex_from_code(const char *, enum xchg_sex *);

/* Export (xchg_export.c). */
struct xchg_export_opts {
	int64_t		 unit_id;
	bool		 subunits;	/* and every unit below it (admin
					 * links on the period's ref_on) */
	const struct period *per;
	enum xchg_format fmt;
};
/* The points of the stored values, in the format's period notation. */
enum err	 xchg_export_points(struct db *, const struct unit_tree *,
		    const struct xchg_export_opts *, struct xchg_data *out);
/* Write points to out; exported: "2024-06-01T08:00:00Z". */
void		 adx_write(const struct xchg_data *, const char *exported,
		    struct buf *out);
void		 dhis2_write(const struct xchg_data *, struct buf *out);
/* Points to a whole file of the format (the two above). */
enum err	 xchg_export(struct db *, const struct unit_tree *,
		    const struct xchg_export_opts *, struct buf *out,
		    size_t *nvalues);

/* Reading (adx_read.c, dhis2_read.c): points and form problems into d
 * (initialised by the caller with the format). */
void		 adx_read(const char *data, size_t len, struct xchg_data *d);
void		 dhis2_read(const char *data, size_t len, struct xchg_data *d);
/* The reader of d->fmt. */
void		 xchg_read(const char *data, size_t len, struct xchg_data *d);

/* Import (xchg_import.c). */
struct xchg_import {
	struct db	*db;
	const struct unit_tree *t;
	int64_t		 scope;		/* scope root; 0 = every unit */
	int64_t		 user_id;	/* 0 = the command line */
	bool		 write;		/* false: only check */
	const char	*name;		/* the file, for the audit log */
	size_t		 values;	/* results: values checked or written */
	size_t		 created, updated;
	size_t		 unchanged;	/* the same as stored: not written */
	size_t		 units;		/* distinct units among them */
};
/*
 * Check every point of d (read without problems or not) and, when there
 * is no problem at all and im->write, write every value in one
 * transaction with the data generation and an audit row.  ERR_OK: clean
 * (and written); ERR_INVALID: d holds the problems, nothing written;
 * ERR_CONFLICT: a value was locked meanwhile, nothing written; ERR_DB.
 */
enum err	 xchg_import_run(struct xchg_import *, struct xchg_data *d);

#endif
