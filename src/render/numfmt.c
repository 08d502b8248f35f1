/*
 * numfmt.c -- Vietnamese and English number formatting; see numfmt.h.
 */
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/strutil.h"
#include "render/numfmt.h"

#define NBSP "\xc2\xa0"

/* Group the digits of the whole-number string digits with sep into out. */
static void
group(char *out, size_t n, const char *digits, char sep)
{
	size_t len = strlen(digits), i, o = 0;

	for (i = 0; i < len && o + 2 < n; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = sep;
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

char *
numfmt_int(char out[NUMFMT_MAX], int64_t v, int lang)
{
	char digits[24];
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	snprintf(digits, sizeof(digits), "%" PRIu64, u);
	if (v < 0) {
		out[0] = '-';
		group(out + 1, NUMFMT_MAX - 1, digits, lang ? ',' : '.');
	} else
		group(out, NUMFMT_MAX, digits, lang ? ',' : '.');
	return out;
}

bool
numfmt_is_small(int64_t v)
{
	return v >= 1 && v < NUMFMT_SMALL;
}

char *
numfmt_count_small(char out[NUMFMT_MAX], int64_t v, int lang)
{
	if (numfmt_is_small(v)) {
		snprintf(out, NUMFMT_MAX, "%s", NUMFMT_SMALL_TEXT);
		return out;
	}
	return numfmt_int(out, v, lang);
}

bool
numfmt_split_small(char a[NUMFMT_MAX], char b[NUMFMT_MAX], int64_t m,
    int64_t f, int lang)
{
	if (!numfmt_is_small(m) && !numfmt_is_small(f)) {
		numfmt_int(a, m, lang);
		numfmt_int(b, f, lang);
		return false;
	}
	snprintf(a, NUMFMT_MAX, "%s", numfmt_is_small(m) ? NUMFMT_SMALL_TEXT :
	    "x");
	snprintf(b, NUMFMT_MAX, "%s", numfmt_is_small(f) ? NUMFMT_SMALL_TEXT :
	    "x");
	return true;
}

char *
numfmt_dec(char out[NUMFMT_MAX], double v, int maxdec, int lang)
{
	char tmp[64], whole[40], *dot, *end;
	bool neg;
	size_t o;

	if (!isfinite(v)) {
		snprintf(out, NUMFMT_MAX, "—");
		return out;
	}
	if (maxdec < 0)
		maxdec = 0;
	if (maxdec > 6)
		maxdec = 6;
	/* A nudge so that 8.725 (stored as 8.72499...) rounds up as a
	 * person rounds it. */
	snprintf(tmp, sizeof(tmp), "%.*f", maxdec, fabs(v) * (1 + 1e-12));
	if (fabs(v) >= 1e15) {
		snprintf(out, NUMFMT_MAX, "%s%.3g", v < 0 ? "-" : "", fabs(v));
		return out;
	}
	dot = strchr(tmp, '.');
	if (dot != NULL) {
		/* Drop trailing zeros, then the mark if nothing is left. */
		end = tmp + strlen(tmp) - 1;
		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*dot = '\0';
	}
	dot = strchr(tmp, '.');
	snprintf(whole, sizeof(whole), "%.*s", dot ? (int)(dot - tmp) :
	    (int)strlen(tmp), tmp);
	/* "-0" is "0". */
	neg = v < 0 && strspn(tmp, "0.") != strlen(tmp);
	o = 0;
	if (neg)
		out[o++] = '-';
	group(out + o, NUMFMT_MAX - o, whole, lang ? ',' : '.');
	if (dot != NULL) {
		o = strlen(out);
		snprintf(out + o, NUMFMT_MAX - o, "%c%s", lang ? '.' : ',',
		    dot + 1);
	}
	return out;
}

char *
numfmt_value(char out[NUMFMT_MAX], double v, enum numfmt_unit u, int lang)
{
	size_t o;

	switch (u) {
	case NUMFMT_PERCENT:
	case NUMFMT_PER1000:
		numfmt_dec(out, v, 2, lang);
		o = strlen(out);
		snprintf(out + o, NUMFMT_MAX - o, NBSP "%s",
		    u == NUMFMT_PERCENT ? "%" : "‰");
		return out;
	default:
		return numfmt_dec(out, v, 2, lang);
	}
}

char *
numfmt_points(char out[NUMFMT_MAX], double v, enum numfmt_unit u, int lang)
{
	size_t o;

	numfmt_dec(out, v, 2, lang);
	if (u == NUMFMT_COUNT)
		return out;
	o = strlen(out);
	if (u == NUMFMT_PERCENT)
		snprintf(out + o, NUMFMT_MAX - o, NBSP "%s",
		    lang ? "pp" : "điểm" NBSP "%");
	else
		snprintf(out + o, NUMFMT_MAX - o, NBSP "‰");
	return out;
}

enum numfmt_unit
numfmt_unit_from_code(const char *s)
{
	if (strcmp(s, "percent") == 0)
		return NUMFMT_PERCENT;
	if (strcmp(s, "per1000") == 0)
		return NUMFMT_PER1000;
	return NUMFMT_COUNT;
}

char *
numfmt_date(char out[NUMFMT_MAX], const char *iso)
{
	if (str_is_date(iso))
		snprintf(out, NUMFMT_MAX, "%.2s/%.2s/%.4s", iso + 8, iso + 5,
		    iso);
	else
		snprintf(out, NUMFMT_MAX, "%s", iso);
	return out;
}
