/*
 * period.h -- reporting periods: school years ("2024-2025", 1 September to
 * 31 August), calendar years ("2024") and half years ("2024S1",
 * "2024S2").  The table period is seeded by migration 0002; every value
 * and milestone refers to one of its rows.  An indicator is measured over
 * periods of one type (indicator.period_type).
 */
#ifndef VITRE_PERIOD_H
#define VITRE_PERIOD_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

struct db;

enum period_type {
	PERIOD_SCHOOL_YEAR,	/* năm học */
	PERIOD_YEAR,		/* năm (dương lịch) */
	PERIOD_HALF_YEAR,	/* 6 tháng */
	PERIOD__MAX
};

struct period_type_info {
	const char	*code;		/* stored in period.type */
	const char	*name_vi;
	const char	*name_en;
};

extern const struct period_type_info period_types[PERIOD__MAX];

struct period {
	int64_t		 id;
	char		 code[16];	/* "2024-2025", "2024", "2024S1" */
	enum period_type type;
	char		 start_on[11];
	char		 end_on[11];	/* inclusive */
	int		 year;		/* compared with milestones of this year */
	char		 ref_on[11];	/* date whose unit links a roll-up uses */
};

bool		 period_type_from_code(const char *, enum period_type *out);
/* lang: 0 Vietnamese, 1 English. */
const char	*period_type_name(enum period_type, int lang);
/* "Năm học 2024-2025", "Năm 2024", "6 tháng đầu năm 2024" into out. */
void		 period_label(const struct period *, int lang, char *out,
		    size_t size);

/* One period; ERR_NOTFOUND if there is none. */
enum err	 period_get(struct db *, int64_t id, struct period *out);
enum err	 period_get_by_code(struct db *, const char *code,
		    struct period *out);
/*
 * The periods of a type that have started by date ("YYYY-MM-DD"; NULL =
 * all), newest first, into a new array *out of *n (free() it).
 */
enum err	 period_list(struct db *, enum period_type, const char *date,
		    struct period **out, size_t *n);

#endif
