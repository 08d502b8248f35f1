/*
 * namefold.c -- fold names for diacritic- and case-insensitive search
 * (see namefold.h).  libutf8proc does the Unicode work: compatibility
 * decomposition, stripping the marks, case folding; a custom mapping sends
 * Đ and đ, which do not decompose, to d first.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "register/namefold.h"

static utf8proc_int32_t
fold_d(utf8proc_int32_t c, void *data)
{
	(void)data;
	if (c == 0x0110 || c == 0x0111)		/* Đ đ */
		return 'd';
	return c;
}

static bool
is_word(utf8proc_int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

size_t
namefold(const char *s, char *out, size_t size)
{
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t mlen, i = 0;
	size_t len = 0, word_start = 0;
	bool in_word = false, full = false;

	if (size == 0)
		return 0;
	out[0] = '\0';
	if (s == NULL)
		return 0;
	mlen = utf8proc_map_custom((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)strlen(s), &m, UTF8PROC_STABLE |
	    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
	    UTF8PROC_CASEFOLD | UTF8PROC_IGNORE, fold_d, NULL);
	if (mlen < 0)
		return 0;
	while (i < mlen && !full) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(m + i, mlen - i, &c);

		if (n <= 0)
			break;
		if (!is_word(c)) {
			in_word = false;
		} else {
			if (!in_word && len > 0) {
				if (len + 1 >= size) {
					full = true;
					break;
				}
				word_start = len;
				out[len++] = ' ';
			} else if (!in_word)
				word_start = len;
			if (len + (size_t)n >= size) {
				/* Drop the word that does not fit whole. */
				len = word_start;
				full = true;
				break;
			}
			memcpy(out + len, m + i, (size_t)n);
			len += (size_t)n;
			in_word = true;
		}
		i += n;
	}
	free(m);
	out[len] = '\0';
	return len;
}

/* Does the word q (length qn) begin some word of key? */
static bool
word_prefix_in(const char *key, const char *q, size_t qn)
{
	const char *p = key;

	while (*p) {
		size_t wn = strcspn(p, " ");

		if (wn >= qn && memcmp(p, q, qn) == 0)
			return true;
		p += wn;
		while (*p == ' ')
			p++;
	}
	return false;
}

bool
namefold_match(const char *key, const char *query)
{
	const char *q = query;

	while (*q) {
		size_t qn;

		while (*q == ' ')
			q++;
		if ((qn = strcspn(q, " ")) == 0)
			break;
		if (!word_prefix_in(key, q, qn))
			return false;
		q += qn;
	}
	return true;
}

void
namefold_like(const char *query, char *out, size_t size)
{
	size_t qn;

	while (*query == ' ')
		query++;
	qn = strcspn(query, " ");
	if (size < 4) {
		if (size > 0)
			out[0] = '\0';
		return;
	}
	if (qn > size - 4)
		qn = size - 4;
	out[0] = '%';
	out[1] = ' ';
	memcpy(out + 2, query, qn);
	out[2 + qn] = '%';
	out[3 + qn] = '\0';
}
