/*
 * who_tables.h -- the WHO growth reference tables (LMS), compiled into the
 * binary from the CSV files of data/who by tools/who_tables.c at build time.
 *
 * Row i of a table holds the key first + i: a whole day (WHO 2006 age
 * tables), a whole month (WHO 2007) or a tenth of a centimetre (weight-for-
 * length/height: first = 450 is 45.0 cm).  rows[sex - 1] for sex 1 (male)
 * and 2 (female).  data/who/README.md gives the sources and checksums.
 */
#ifndef VITRE_WHO_TABLES_H
#define VITRE_WHO_TABLES_H

struct who_lms {
	double	l, m, s;	/* Box-Cox power, median, coefficient of variation */
};

enum who_table_id {
	WHO_WEI,	/* 2006 weight-for-age, days 0..1856 */
	WHO_LEN,	/* 2006 length/height-for-age, days 0..1856 */
	WHO_BMI,	/* 2006 BMI-for-age, days 0..1856 */
	WHO_WFL,	/* 2006 weight-for-length, 45.0..110.0 cm */
	WHO_WFH,	/* 2006 weight-for-height, 65.0..120.0 cm */
	WHO_BFA07,	/* 2007 BMI-for-age, months 60..229 */
	WHO_HFA07,	/* 2007 height-for-age, months 60..229 */
	WHO_WFA07,	/* 2007 weight-for-age, months 60..121 */
	WHO__MAX
};

struct who_table {
	const char		*name;		/* data/who/NAME.csv */
	int			 first;		/* key of row 0 */
	int			 count;		/* rows per sex */
	const struct who_lms	*rows[2];	/* [sex - 1] */
};

extern const struct who_table who_tables[WHO__MAX];

#endif
