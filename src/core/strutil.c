/*
 * strutil.c -- strict parsers for untrusted input; see strutil.h.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/strutil.h"

bool
str_to_int64(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0' || isspace((unsigned char)*s))
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return false;
	*out = v;
	return true;
}

bool
str_to_int_range(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
	int64_t v;

	if (!str_to_int64(s, &v) || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

bool
str_to_decimal(const char *s, double *out)
{
	char tmp[64], *end;
	size_t i, n;
	double v;
	int marks = 0;

	if (s == NULL || (n = strlen(s)) == 0 || n >= sizeof(tmp))
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == ',' || c == '.') {
			if (++marks > 1)
				return false;
			tmp[i] = '.';
		} else if (isdigit((unsigned char)c) || (i == 0 && c == '-')) {
			tmp[i] = c;
		} else
			return false;
	}
	tmp[n] = '\0';
	if (tmp[0] == '.' || tmp[n - 1] == '.' || strcmp(tmp, "-") == 0)
		return false;
	errno = 0;
	v = strtod(tmp, &end);
	if (errno != 0 || *end != '\0' || !isfinite(v))
		return false;
	*out = v;
	return true;
}

/* The value of n ASCII digits known to be digits. */
static int
digits(const char *s, int n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

static int
days_in_month(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

bool
str_is_date(const char *s)
{
	int y, m, d, i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 1900 || y > 2200 || m < 1 || m > 12)
		return false;
	return d >= 1 && d <= days_in_month(y, m);
}

int64_t
date_days(const char *s)
{
	/* Howard Hinnant's days_from_civil. */
	int64_t y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_from_days(int64_t z, char out[11])
{
	/* Howard Hinnant's civil_from_days. */
	int64_t era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	if (y < 0 || y > 9999)
		y = 0;
	snprintf(out, 11, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
}

void
date_today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp_out)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp, min;
	size_t len, i;

	if (n == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp_out = p[0];
		return 1;
	}
	if ((p[0] & 0xe0) == 0xc0) {
		len = 2;
		cp = p[0] & 0x1f;
		min = 0x80;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3;
		cp = p[0] & 0x0f;
		min = 0x800;
	} else if ((p[0] & 0xf8) == 0xf0) {
		len = 4;
		cp = p[0] & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	*cp_out = cp;
	return len;
}

bool
str_is_clean_utf8(const char *s, size_t n)
{
	size_t k;
	uint32_t cp;

	while (n > 0) {
		if ((k = utf8_decode(s, n, &cp)) == 0)
			return false;
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    cp == 0x7f)
			return false;
		s += k;
		n -= k;
	}
	return true;
}

/* The capital of a small Vietnamese (or ASCII) letter, or cp. */
static uint32_t
upper_vi(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return cp - 0x20;
	if (cp >= 0xe0 && cp <= 0xfe && cp != 0xf7)	/* à á â ã è é ... ý */
		return cp - 0x20;
	if (cp >= 0x100 && cp <= 0x137 && (cp & 1))	/* ă đ ĩ ... */
		return cp - 1;
	if (cp >= 0x14a && cp <= 0x177 && (cp & 1))	/* ũ ... */
		return cp - 1;
	if (cp == 0x1a1)				/* ơ */
		return 0x1a0;
	if (cp == 0x1b0)				/* ư */
		return 0x1af;
	if (cp >= 0x1ea0 && cp <= 0x1ef9 && (cp & 1))	/* ạ ả ấ ... ỹ */
		return cp - 1;
	return cp;
}

static void
put_utf8(struct buf *out, uint32_t cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		b[0] = (char)(0xf0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	buf_add(out, b, n);
}

void
str_upper_vi(const char *s, struct buf *out)
{
	size_t n = strlen(s), k;
	uint32_t cp;

	while (n > 0) {
		if ((k = utf8_decode(s, n, &cp)) == 0) {
			buf_putc(out, *s);	/* a malformed byte, kept */
			k = 1;
		} else
			put_utf8(out, upper_vi(cp));
		s += k;
		n -= k;
	}
}

size_t
utf8_len(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

bool
str_empty(const char *s)
{
	return s == NULL || *s == '\0';
}

char *
str_trim(char *s)
{
	size_t n;
	char *p = s;

	while (*p && isspace((unsigned char)*p))
		p++;
	if (p != s)
		memmove(s, p, strlen(p) + 1);
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

bool
str_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}
