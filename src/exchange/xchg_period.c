/*
 * xchg_period.c -- periods in the notations of ADX and DHIS2 (pure).
 *
 *	vitre		ADX (ISO 8601 interval)	DHIS2
 *	2024-2025	2024-09-01/P1Y		2024Sep (FinancialSep)
 *	2024		2024-01-01/P1Y		2024 (Yearly)
 *	2024S1		2024-01-01/P6M		2024S1 (SixMonthly)
 *	2024S2		2024-07-01/P6M		2024S2
 *
 * Reading, ADX also accepts P12M for a year.  Whether the period exists
 * in vitre's list is for the caller to ask.
 */
#include <stdio.h>
#include <string.h>

#include "exchange/exchange.h"

/* Four digits at s, as a year in [1900, 2999]; -1 if not. */
static int
year_at(const char *s)
{
	int i, y = 0;

	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	return y >= 1900 && y <= 2999 ? y : -1;
}

bool
xchg_adx_period(const struct period *p, char *out, size_t size)
{
	const char *dur = p->type == PERIOD_HALF_YEAR ? "P6M" : "P1Y";

	if (strlen(p->start_on) != 10)
		return false;
	return (size_t)snprintf(out, size, "%s/%s", p->start_on, dur) < size;
}

bool
xchg_dhis2_period(const struct period *p, char *out, size_t size)
{
	int y = year_at(p->code);

	if (y < 0)
		return false;
	if (p->type == PERIOD_SCHOOL_YEAR)
		return (size_t)snprintf(out, size, "%dSep", y) < size;
	return (size_t)snprintf(out, size, "%s", p->code) < size;
}

/* "YYYY-MM-DD/P1Y" etc. to a vitre code. */
static bool
from_adx(const char *s, char *out, size_t size)
{
	int y = year_at(s), months;
	const char *md, *dur;

	if (y < 0 || strlen(s) < 14 || s[4] != '-' || s[7] != '-' ||
	    s[10] != '/')
		return false;
	md = s + 5;
	dur = s + 11;
	if (strcmp(dur, "P1Y") == 0 || strcmp(dur, "P12M") == 0)
		months = 12;
	else if (strcmp(dur, "P6M") == 0)
		months = 6;
	else
		return false;
	if (months == 12 && strncmp(md, "09-01", 5) == 0)
		return (size_t)snprintf(out, size, "%d-%d", y, y + 1) < size;
	if (months == 12 && strncmp(md, "01-01", 5) == 0)
		return (size_t)snprintf(out, size, "%d", y) < size;
	if (months == 6 && strncmp(md, "01-01", 5) == 0)
		return (size_t)snprintf(out, size, "%dS1", y) < size;
	if (months == 6 && strncmp(md, "07-01", 5) == 0)
		return (size_t)snprintf(out, size, "%dS2", y) < size;
	return false;
}

/* "2024Sep", "2024", "2024S1" to a vitre code. */
static bool
from_dhis2(const char *s, char *out, size_t size)
{
	int y = year_at(s);

	if (y < 0)
		return false;
	if (s[4] == '\0')
		return (size_t)snprintf(out, size, "%d", y) < size;
	if (strcmp(s + 4, "Sep") == 0)
		return (size_t)snprintf(out, size, "%d-%d", y, y + 1) < size;
	if (strcmp(s + 4, "S1") == 0 || strcmp(s + 4, "S2") == 0)
		return (size_t)snprintf(out, size, "%d%s", y, s + 4) < size;
	return false;
}

bool
xchg_period_code(enum xchg_format f, const char *s, char *out, size_t size)
{
	if (s == NULL)
		return false;
	return f == XCHG_ADX ? from_adx(s, out, size) :
	    from_dhis2(s, out, size);
}
