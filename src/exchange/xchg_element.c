/*
 * xchg_element.c -- data elements and the sex category (pure).
 *
 * An indicator is two data elements, as DHIS2 builds an indicator from
 * a numerator and a denominator data element: "<CODE>_NUM" and
 * "<CODE>_DEN" (a count has only "_NUM").  Sex is a category with the
 * options M and F; a value not split by sex has none ("default" in
 * DHIS2).
 */
#include <stdio.h>
#include <string.h>

#include "exchange/exchange.h"

static const char *const part_suffix[] = { "_NUM", "_DEN" };

void
xchg_element(const char *indicator, enum xchg_part part, char *out,
    size_t size)
{
	snprintf(out, size, "%s%s", indicator, part_suffix[part]);
}

bool
xchg_element_parse(const char *s, char *indicator, size_t size,
    enum xchg_part *part)
{
	size_t len = strlen(s), i;

	for (i = 0; i < 2; i++) {
		if (len <= 4 || strcmp(s + len - 4, part_suffix[i]) != 0)
			continue;
		if (len - 4 >= size)
			return false;
		memcpy(indicator, s, len - 4);
		indicator[len - 4] = '\0';
		*part = (enum xchg_part)i;
		return true;
	}
	return false;
}

const char *
xchg_sex_code(enum xchg_sex s)
{
	switch (s) {
	case XCHG_SEX_M:
		return "M";
	case XCHG_SEX_F:
		return "F";
	default:
		return NULL;
	}
}

bool
xchg_sex_from_code(const char *s, enum xchg_sex *out)
{
	if (s == NULL)
		return false;
	if (strcmp(s, "M") == 0)
		*out = XCHG_SEX_M;
	else if (strcmp(s, "F") == 0)
		*out = XCHG_SEX_F;
	else
		return false;
	return true;
}
