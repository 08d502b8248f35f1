/*
 * xchg_data.c -- the list of data points read from or written to an
 * exchange file, the problems found in it, and the format names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "exchange/exchange.h"

static const char *const format_codes[XCHG__MAX] = { "adx", "dhis2" };

bool
xchg_format_from_code(const char *s, enum xchg_format *out)
{
	int i;

	for (i = 0; s != NULL && i < XCHG__MAX; i++)
		if (strcmp(s, format_codes[i]) == 0) {
			*out = (enum xchg_format)i;
			return true;
		}
	return false;
}

const char *
xchg_format_code(enum xchg_format f)
{
	return format_codes[f];
}

bool
xchg_format_sniff(const char *data, size_t len, enum xchg_format *out)
{
	size_t i = 0;

	/* A UTF-8 byte order mark may come first. */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (; i < len; i++) {
		if (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' ||
		    data[i] == '\n')
			continue;
		if (data[i] == '<')
			*out = XCHG_ADX;
		else if (data[i] == '{')
			*out = XCHG_DHIS2;
		else
			return false;
		return true;
	}
	return false;
}

void
xchg_data_init(struct xchg_data *d, enum xchg_format fmt)
{
	memset(d, 0, sizeof(*d));
	d->fmt = fmt;
}

void
xchg_data_release(struct xchg_data *d)
{
	free(d->p);
	free(d->pr);
	memset(d, 0, sizeof(*d));
}

struct xchg_point *
xchg_point_add(struct xchg_data *d)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 64;
		d->p = xrealloc(d->p, d->cap * sizeof(*d->p));
	}
	memset(&d->p[d->n], 0, sizeof(d->p[0]));
	return &d->p[d->n++];
}

void
xchg_point_where(const struct xchg_data *d, const struct xchg_point *pt,
    int lang, char *out, size_t size)
{
	if (d->fmt == XCHG_ADX)
		snprintf(out, size, lang ? "line %zu, column %zu" :
		    "dòng %zu, cột %zu", pt->line, pt->col);
	else
		snprintf(out, size, "dataValues[%zu]", pt->index);
	if (pt->element[0] != '\0') {
		size_t len = strlen(out);

		snprintf(out + len, size - len, " (dataElement %.60s)",
		    pt->element);
	}
}

void
xchg_problem_add(struct xchg_data *d, const struct xchg_point *pt,
    const char *vi, const char *en)
{
	struct xchg_problem *p;
	char wvi[160], wen[160];

	d->nproblems++;
	if (d->npr == XCHG_PROBLEMS_MAX)
		return;
	if (d->pr == NULL)
		d->pr = xcalloc(XCHG_PROBLEMS_MAX, sizeof(*d->pr));
	p = &d->pr[d->npr++];
	if (pt == NULL) {
		snprintf(p->vi, sizeof(p->vi), "%s", vi);
		snprintf(p->en, sizeof(p->en), "%s", en);
		return;
	}
	xchg_point_where(d, pt, 0, wvi, sizeof(wvi));
	xchg_point_where(d, pt, 1, wen, sizeof(wen));
	snprintf(p->vi, sizeof(p->vi), "%s: %s", wvi, vi);
	snprintf(p->en, sizeof(p->en), "%s: %s", wen, en);
}

void
xchg_read(const char *data, size_t len, struct xchg_data *d)
{
	if (d->fmt == XCHG_ADX)
		adx_read(data, len, d);
	else
		dhis2_read(data, len, d);
}
