/*
 * targets_db.c -- indicators and the targets that apply to a unit, with
 * their milestones, read from the database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "dashboard/dash_int.h"
#include "db/db.h"
#include "units/unit.h"

enum err
dash_indicators_load(struct db *db, struct dash_indicator **out, size_t *n)
{
	struct db_stmt *st;
	struct dash_indicator *v = NULL;
	size_t cap = 0, k = 0;
	enum db_rc rc;

	st = db_stmt(db, "SELECT id, code, name_vi, name_en, unit, direction,"
	    " by_sex, period_type, levels, suppress_small FROM indicator"
	    " ORDER BY id");
	while ((rc = db_step(st)) == DB_ROW) {
		struct dash_indicator *d;

		if (k == cap) {
			cap = cap ? cap * 2 : 32;
			v = xrealloc(v, cap * sizeof(*v));
		}
		d = &v[k++];
		d->id = db_col_int(st, 0);
		d->code = xstrdup(db_col_text(st, 1));
		d->name_vi = xstrdup(db_col_text(st, 2));
		d->name_en = xstrdup(db_col_text(st, 3));
		d->unit = numfmt_unit_from_code(db_col_text(st, 4));
		d->scale = d->unit == NUMFMT_PERCENT ? 100 :
		    d->unit == NUMFMT_PER1000 ? 1000 : 0;
		d->dir = strcmp(db_col_text(st, 5), "down") == 0 ? DIR_DOWN :
		    DIR_UP;
		d->by_sex = db_col_int(st, 6) != 0;
		d->period_type = xstrdup(db_col_text(st, 7));
		d->levels = xstrdup(db_col_text(st, 8));
		d->suppress_small = db_col_int(st, 9) != 0;
	}
	db_done(st);
	if (rc != DB_DONE) {
		dash_indicators_free(v, k);
		return ERR_DB;
	}
	*out = v;
	*n = k;
	return ERR_OK;
}

void
dash_indicators_free(struct dash_indicator *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].code);
		free(v[i].name_vi);
		free(v[i].name_en);
		free(v[i].period_type);
		free(v[i].levels);
	}
	free(v);
}

const struct dash_indicator *
dash_indicator_find(const struct dash_indicator *v, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].id == id)
			return &v[mid];
		if (v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Fill t from a row of the target query (columns as in both queries). */
static void
target_from_row(struct db_stmt *st, const struct dash_indicator *inds,
    size_t nind, struct dash_target *t)
{
	const char *num = db_col_text(st, 10), *sym = db_col_text(st, 11);

	memset(t, 0, sizeof(*t));
	t->id = db_col_int(st, 0);
	t->plan_id = db_col_int(st, 1);
	t->seq = (int)db_col_int(st, 2);
	t->code = xstrdup(db_col_text(st, 3));
	t->label = xstrdup(db_col_text(st, 4));
	t->ind = dash_indicator_find(inds, nind, db_col_int(st, 5));
	t->clause = xstrdup(db_col_text(st, 6));
	t->has_baseline = !db_col_null(st, 7);
	t->baseline = db_col_double(st, 7);
	t->baseline_year = (int)db_col_int(st, 8);
	if (db_col_null(st, 8))
		t->has_baseline = false;
	t->owner_id = db_col_int(st, 9);
	if (num[0] && sym[0]) {
		size_t n = strlen(num) + strlen(sym) + 2;

		t->plan_ref = xmalloc(n);
		snprintf(t->plan_ref, n, "%s/%s", num, sym);
	} else
		t->plan_ref = xstrdup(sym[0] ? sym : num);
	t->plan_title = xstrdup(db_col_text(st, 12));
}

static enum err
load_milestones(struct db *db, struct dash_target *t)
{
	struct db_stmt *st;
	size_t cap = 0;
	enum db_rc rc;

	st = db_stmt(db, "SELECT year, cmp, value FROM target_milestone"
	    " WHERE target_id = ? ORDER BY year");
	db_bind_int(st, 1, t->id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct dash_milestone *m;

		if (t->nms == cap) {
			cap = cap ? cap * 2 : 4;
			t->ms = xrealloc(t->ms, cap * sizeof(*t->ms));
		}
		m = &t->ms[t->nms];
		m->year = (int)db_col_int(st, 0);
		if (!dash_cmp_parse(db_col_text(st, 1), &m->cmp))
			continue;	/* the CHECK constraint forbids it */
		m->value = db_col_double(st, 2);
		t->nms++;
	}
	db_done(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

void
dash_target_release(struct dash_target *t)
{
	free(t->code);
	free(t->label);
	free(t->clause);
	free(t->plan_ref);
	free(t->plan_title);
	free(t->ms);
	memset(t, 0, sizeof(*t));
}

void
dash_targets_free(struct dash_target *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		dash_target_release(&v[i]);
	free(v);
}

enum err
dash_target_load(struct db *db, int64_t target_id,
    const struct dash_indicator *inds, size_t nind, struct dash_target *out)
{
	struct db_stmt *st;
	enum db_rc rc;
	enum err e;

	st = db_stmt(db, "SELECT t.id, t.plan_id, t.seq, t.code, t.label,"
	    " t.indicator_id, t.clause, t.baseline, t.baseline_year,"
	    " p.unit_id, p.number, p.symbol, p.title"
	    " FROM plan_target t JOIN plan p ON p.id = t.plan_id"
	    " WHERE t.id = ?");
	db_bind_int(st, 1, target_id);
	rc = db_step(st);
	if (rc == DB_ROW)
		target_from_row(st, inds, nind, out);
	db_done(st);
	if (rc != DB_ROW)
		return rc == DB_DONE ? ERR_NOTFOUND : ERR_DB;
	if (out->ind == NULL) {
		dash_target_release(out);
		return ERR_NOTFOUND;
	}
	if ((e = load_milestones(db, out)) != ERR_OK)
		dash_target_release(out);
	return e;
}

static int
target_cmp(const void *a, const void *b)
{
	const struct dash_target *x = a, *y = b;

	if (x->distance != y->distance)
		return x->distance < y->distance ? -1 : 1;
	if (x->plan_id != y->plan_id)
		return x->plan_id < y->plan_id ? -1 : 1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

enum err
dash_targets_load(struct db *db, const struct unit_tree *t, size_t unit,
    const char *today, const struct dash_indicator *inds, size_t nind,
    struct dash_target **out, size_t *n)
{
	size_t *up = xcalloc(t->n + 1, sizeof(*up));
	int *dist = xcalloc(t->n + 1, sizeof(*dist));
	size_t nup = 0, head = 0, k, cap = 0, cnt = 0, i;
	struct dash_target *v = NULL;
	enum err e = ERR_OK;

	/* The unit and every unit above it through links valid today. */
	for (k = 0; k < t->n; k++)
		dist[k] = -1;
	up[nup++] = unit;
	dist[unit] = 0;
	while (head < nup) {
		size_t x = up[head++];

		for (k = t->up_off[x]; k < t->up_off[x + 1]; k++) {
			const struct unit_link *l = &t->l[t->up[k]];

			if (!unit_link_valid(l, today) || dist[l->parent] >= 0)
				continue;
			dist[l->parent] = dist[x] + 1;
			up[nup++] = l->parent;
		}
	}

	for (i = 0; i < nup && e == ERR_OK; i++) {
		struct db_stmt *st;
		enum db_rc rc;

		st = db_stmt(db, "SELECT t.id, t.plan_id, t.seq, t.code,"
		    " t.label, t.indicator_id, t.clause, t.baseline,"
		    " t.baseline_year, p.unit_id, p.number, p.symbol, p.title"
		    " FROM plan_target t JOIN plan p ON p.id = t.plan_id"
		    " WHERE p.unit_id = ?");
		db_bind_int(st, 1, t->u[up[i]].id);
		while ((rc = db_step(st)) == DB_ROW) {
			struct dash_target tg;

			target_from_row(st, inds, nind, &tg);
			if (tg.ind == NULL || (i > 0 &&
			    !unit_kind_in_levels(t->u[unit].kind,
			    tg.ind->levels))) {
				dash_target_release(&tg);
				continue;
			}
			tg.distance = dist[up[i]];
			if (cnt == cap) {
				cap = cap ? cap * 2 : 16;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[cnt++] = tg;
		}
		db_done(st);
		if (rc != DB_DONE)
			e = ERR_DB;
	}
	for (i = 0; i < cnt && e == ERR_OK; i++)
		e = load_milestones(db, &v[i]);
	free(up);
	free(dist);
	if (e != ERR_OK) {
		dash_targets_free(v, cnt);
		return e;
	}
	if (cnt > 1)
		qsort(v, cnt, sizeof(*v), target_cmp);
	*out = v;
	*n = cnt;
	return ERR_OK;
}
