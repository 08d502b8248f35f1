/*
 * numfmt.h -- numbers as Vietnamese (and English) readers write them.
 *
 * Vietnamese: "." groups thousands, "," is the decimal mark: 1.234,5.
 * English: 1,234.5.  Decimals are rounded to at most maxdec places and
 * trailing zeros dropped: 99.10 -> "99,1", 97.0 -> "97".  Values in an
 * indicator's unit get their sign: "99,1 %", "12,5 ‰" (a no-break space
 * before the sign); counts are whole numbers.
 *
 * Each function writes a NUL-terminated string of at most NUMFMT_MAX bytes
 * into out and returns out, so it can be used directly as an argument:
 *	char a[NUMFMT_MAX];
 *	html_fmt(o, "<td>%s</td>", numfmt_dec(a, 99.1, 1, 0));
 * The output contains only digits, separators, "-", spaces and the signs
 * (and "< 5" from numfmt_count_small), so it needs no escaping apart from
 * that "<", which html_fmt's %s escapes.
 */
#ifndef VITRE_NUMFMT_H
#define VITRE_NUMFMT_H

#include <stdbool.h>
#include <stdint.h>

#define NUMFMT_MAX 48

enum numfmt_unit { NUMFMT_PERCENT, NUMFMT_PER1000, NUMFMT_COUNT };

/* lang: 0 Vietnamese, 1 English (enum lang). */
char	*numfmt_int(char out[NUMFMT_MAX], int64_t v, int lang);
char	*numfmt_dec(char out[NUMFMT_MAX], double v, int maxdec, int lang);
/* A value in an indicator's unit, with up to 2 decimals for rates. */
char	*numfmt_value(char out[NUMFMT_MAX], double v, enum numfmt_unit,
	    int lang);
/*
 * Small counts that could identify a child (indicators with the
 * suppress_small flag, e.g. TT 13/2021 0101): a count from 1 to
 * NUMFMT_SMALL - 1 reads "< 5"; 0 and larger counts read as numfmt_int.
 * numfmt_is_small() says whether v would be hidden.
 */
#define NUMFMT_SMALL 5
#define NUMFMT_SMALL_TEXT "< 5"
bool	 numfmt_is_small(int64_t v);
char	*numfmt_count_small(char out[NUMFMT_MAX], int64_t v, int lang);
/*
 * A count split in two (by sex) under the same rule: a part from 1 to 4
 * reads "< 5" and then the other part "x", so that it cannot be worked out
 * from the total; true when that is so.  Otherwise both read as numfmt_int
 * and the answer is false.
 */
bool	 numfmt_split_small(char a[NUMFMT_MAX], char b[NUMFMT_MAX], int64_t m,
	    int64_t f, int lang);
/* A difference of rates: "1,5 điểm %" / "1.5 pp"; counts as numbers. */
char	*numfmt_points(char out[NUMFMT_MAX], double v, enum numfmt_unit,
	    int lang);
/* A date "YYYY-MM-DD" as readers write it: "01/07/2025" (both languages
 * put the day first in Vietnam); anything else is copied as it is. */
char	*numfmt_date(char out[NUMFMT_MAX], const char *iso);
/* "percent", "per1000", "count" -> unit; unknown -> NUMFMT_COUNT. */
enum numfmt_unit numfmt_unit_from_code(const char *);

#endif
