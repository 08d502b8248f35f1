/*
 * strutil.h -- strict parsing of numbers, dates and text from untrusted input.
 *
 * Every parser here accepts the whole string or nothing: "12abc" is not 12.
 * They return true on success and leave *out untouched on failure.
 */
#ifndef VITRE_STRUTIL_H
#define VITRE_STRUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

bool	 str_to_int64(const char *, int64_t *out);
/* A whole number in [lo, hi]. */
bool	 str_to_int_range(const char *, int64_t lo, int64_t hi, int64_t *out);
/* A decimal number; accepts "," as the decimal mark as Vietnamese writes it. */
bool	 str_to_decimal(const char *, double *out);
/* A date "YYYY-MM-DD" that exists in the calendar. */
bool	 str_is_date(const char *);
/* Valid UTF-8 without control characters other than \t \n \r. */
bool	 str_is_clean_utf8(const char *, size_t);
/*
 * The code point of the well-formed UTF-8 character at s (at most n
 * bytes) into *cp; returns its length in bytes, or 0 if the bytes there
 * are not one (overlong forms, surrogates and code points past U+10FFFF
 * are not).
 */
size_t	 utf8_decode(const char *s, size_t n, uint32_t *cp);
/* s in capitals, Vietnamese letters included ("Kế hoạch" -> "KẾ HOẠCH"),
 * appended to out; malformed bytes are kept as they are. */
void	 str_upper_vi(const char *s, struct buf *out);
/* Number of code points in valid UTF-8. */
size_t	 utf8_len(const char *);
bool	 str_empty(const char *);
/* Remove leading and trailing ASCII whitespace in place; returns s. */
char	*str_trim(char *);
bool	 str_has_prefix(const char *, const char *);

/* Today's date as "YYYY-MM-DD" in local time, into out[11]. */
void	 date_today(char out[11]);
/* Day number (days since 1970-01-01) of a valid date. */
int64_t	 date_days(const char *);
/* The date "YYYY-MM-DD" of a day number (0 = 1970-01-01), into out[11]. */
void	 date_from_days(int64_t, char out[11]);

#endif
