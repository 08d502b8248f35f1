/*
 * xchg_export.c -- the stored values of a unit (and, if asked, of every
 * unit below it) for one period, as data points, and as a whole file.
 *
 * Units below are found through the admin links valid on the period's
 * reference date (the roll-up tree of that period).  Every stored value
 * is exported, computed ones too: the receiving system cannot tell them
 * apart and needs them all.  A value split by sex gives its M and F
 * numbers (the total is their sum, so it is not sent twice); one that is
 * not gives the total.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/xalloc.h"
#include "db/db.h"
#include "exchange/exchange.h"
#include "units/unit.h"
#include "values/value.h"

/* The unit and those below it (breadth first) into a new array. */
static size_t *
units_below(const struct unit_tree *t, size_t root, const char *date,
    bool below, size_t *n)
{
	size_t *q = xcalloc(t->n + 1, sizeof(*q));
	size_t *kids = xcalloc(t->n + 1, sizeof(*kids));
	bool *seen = xcalloc(t->n + 1, sizeof(*seen));
	size_t head = 0, nq = 0, nk, k;

	q[nq++] = root;
	seen[root] = true;
	while (below && head < nq) {
		nk = unit_children(t, q[head++], LINK_ADMIN, date, kids, t->n);
		for (k = 0; k < nk && k < t->n; k++)
			if (!seen[kids[k]]) {
				seen[kids[k]] = true;
				q[nq++] = kids[k];
			}
	}
	free(kids);
	free(seen);
	*n = nq;
	return q;
}

static void
emit(struct xchg_data *out, const char *unit, const char *ind,
    const char *period, enum xchg_part part, enum xchg_sex sex, int64_t v)
{
	struct xchg_point *pt = xchg_point_add(out);

	pt->index = out->n - 1;
	snprintf(pt->unit, sizeof(pt->unit), "%s", unit);
	xchg_element(ind, part, pt->element, sizeof(pt->element));
	snprintf(pt->period, sizeof(pt->period), "%s", period);
	pt->sex = sex;
	snprintf(pt->value, sizeof(pt->value), "%lld", (long long)v);
}

static void
emit_row(struct xchg_data *out, const struct value_row *row,
    const char *period)
{
	const struct agg_value *v = &row->v;

	if (v->split) {
		emit(out, row->unit_code, row->indicator, period, XCHG_NUM,
		    XCHG_SEX_M, v->num_m);
		emit(out, row->unit_code, row->indicator, period, XCHG_NUM,
		    XCHG_SEX_F, v->num_f);
		if (v->has_den) {
			emit(out, row->unit_code, row->indicator, period,
			    XCHG_DEN, XCHG_SEX_M, v->den_m);
			emit(out, row->unit_code, row->indicator, period,
			    XCHG_DEN, XCHG_SEX_F, v->den_f);
		}
		return;
	}
	emit(out, row->unit_code, row->indicator, period, XCHG_NUM,
	    XCHG_SEX_TOTAL, v->num_total);
	if (v->has_den)
		emit(out, row->unit_code, row->indicator, period, XCHG_DEN,
		    XCHG_SEX_TOTAL, v->den_total);
}

enum err
xchg_export_points(struct db *db, const struct unit_tree *t,
    const struct xchg_export_opts *o, struct xchg_data *out)
{
	struct value_row *rows = NULL;
	char period[40];
	size_t root = unit_index(t, o->unit_id), *units = NULL, nu = 0, i, j;
	size_t nrows;
	enum err e = ERR_OK;

	xchg_data_init(out, o->fmt);
	if (root == (size_t)-1)
		return ERR_NOTFOUND;
	if (!(o->fmt == XCHG_ADX ? xchg_adx_period(o->per, period,
	    sizeof(period)) : xchg_dhis2_period(o->per, period,
	    sizeof(period))))
		return ERR_INVALID;
	units = units_below(t, root, o->per->ref_on, o->subunits, &nu);
	for (i = 0; i < nu && e == ERR_OK; i++) {
		e = value_list(db, t->u[units[i]].id, 0, o->per->id, &rows,
		    &nrows);
		for (j = 0; e == ERR_OK && j < nrows; j++)
			emit_row(out, &rows[j], period);
		free(rows);
		rows = NULL;
	}
	free(units);
	return e;
}

enum err
xchg_export(struct db *db, const struct unit_tree *t,
    const struct xchg_export_opts *o, struct buf *out, size_t *nvalues)
{
	struct xchg_data d;
	char now[32];
	time_t tt = time(NULL);
	struct tm tm;
	enum err e;

	if ((e = xchg_export_points(db, t, o, &d)) != ERR_OK)
		goto out;
	if (o->fmt == XCHG_ADX) {
		gmtime_r(&tt, &tm);
		strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
		adx_write(&d, now, out);
	} else {
		dhis2_write(&d, out);
	}
	*nvalues = d.n;
	if (buf_failed(out))
		e = ERR_IO;
out:
	xchg_data_release(&d);
	return e;
}
