/*
 * period.c -- period types and labels (no SQL; see period_db.c).
 */
#include <stdio.h>
#include <string.h>

#include "indicators/period.h"

const struct period_type_info period_types[PERIOD__MAX] = {
	[PERIOD_SCHOOL_YEAR] = { "school_year", "Năm học", "School year" },
	[PERIOD_YEAR] = { "year", "Năm", "Calendar year" },
	[PERIOD_HALF_YEAR] = { "half_year", "6 tháng", "Half year" },
};

bool
period_type_from_code(const char *code, enum period_type *out)
{
	int i;

	for (i = 0; i < PERIOD__MAX; i++)
		if (strcmp(period_types[i].code, code) == 0) {
			*out = (enum period_type)i;
			return true;
		}
	return false;
}

const char *
period_type_name(enum period_type t, int lang)
{
	if ((unsigned)t >= PERIOD__MAX)
		return "?";
	return lang ? period_types[t].name_en : period_types[t].name_vi;
}

void
period_label(const struct period *p, int lang, char *out, size_t size)
{
	const char *half;

	switch (p->type) {
	case PERIOD_SCHOOL_YEAR:
		snprintf(out, size, "%s %s", lang ? "School year" : "Năm học",
		    p->code);
		break;
	case PERIOD_HALF_YEAR:
		half = strchr(p->code, 'S');
		if (half != NULL && strcmp(half, "S1") == 0)
			snprintf(out, size, lang ? "First half of %d" :
			    "6 tháng đầu năm %d", p->year);
		else
			snprintf(out, size, lang ? "Second half of %d" :
			    "6 tháng cuối năm %d", p->year);
		break;
	default:
		snprintf(out, size, "%s %s", lang ? "Year" : "Năm", p->code);
		break;
	}
}
