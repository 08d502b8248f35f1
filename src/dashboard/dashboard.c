/*
 * dashboard.c -- a target judged against a unit's roll-up, the entries
 * the cache keeps, the evaluation API and the status labels.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/xalloc.h"
#include "dashboard/cache.h"
#include "dashboard/dash_int.h"
#include "http/req.h"
#include "render/html.h"
#include "units/unit.h"

static const struct {
	const char	*code;
	const char	*vi;
	const char	*en;
} labels[TS__MAX] = {
	[TS_NO_DATA] = { "no_data", "Chưa có số liệu", "no data" },
	[TS_ACHIEVED] = { "achieved", "Đạt", "achieved" },
	[TS_ON_TRACK] = { "on_track", "Đúng tiến độ", "on track" },
	[TS_AT_RISK] = { "at_risk", "Có nguy cơ", "at risk" },
	[TS_OFF_TRACK] = { "off_track", "Chậm tiến độ", "off track" },
};

const char *
dash_status_code(enum target_status s)
{
	return (unsigned)s < TS__MAX ? labels[s].code : "no_data";
}

const char *
dash_status_label(enum target_status s, int lang)
{
	if ((unsigned)s >= TS__MAX)
		s = TS_NO_DATA;
	return lang ? labels[s].en : labels[s].vi;
}

void
dash_status_badge(struct buf *b, enum target_status s, int lang)
{
	html_fmt(b, "<span class=\"badge st-%s\">%s</span>",
	    dash_status_code(s), dash_status_label(s, lang));
}

void
dash_status_badge_html(struct req *r, enum target_status s)
{
	dash_status_badge(&r->out, s, r->lang == LANG_EN);
}

void
dash_evaluate(const struct dash_target *t, const struct dash_series *s,
    int64_t unit_id, struct target_eval *out)
{
	const struct dash_indicator *ind = t->ind;
	struct status_input in;
	struct status_result res;
	const struct dash_point *last = NULL;
	size_t i;

	memset(out, 0, sizeof(*out));
	memset(&in, 0, sizeof(in));
	out->unit_id = unit_id;
	out->target_id = t->id;
	out->plan_id = t->plan_id;
	out->indicator_id = ind->id;
	out->has_baseline = t->has_baseline;
	out->baseline = t->baseline;
	out->baseline_year = t->baseline_year;

	in.dir = ind->dir;
	in.has_baseline = t->has_baseline;
	in.baseline = t->baseline;
	in.baseline_year = t->baseline_year;
	in.ms = t->ms;
	in.nms = t->nms;
	for (i = 0; s != NULL && i < s->n; i++) {
		const struct dash_point *p = &s->p[i];
		double v;

		if (!dash_rate(p->s.num, p->s.den, p->s.has_den, ind->scale,
		    &v))
			continue;
		if (!in.has_first) {
			in.has_first = true;
			in.first = v;
			in.first_year = p->year;
		}
		in.has_actual = true;
		in.actual = v;
		in.actual_year = p->year;
		last = p;
	}
	if (last != NULL) {
		out->has_actual = true;
		out->actual = in.actual;
		out->actual_year = in.actual_year;
		out->period_id = last->period_id;
		memcpy(out->period, last->code, sizeof(out->period));
		out->sums = last->s;
		if (ind->by_sex && last->s.has_sex) {
			out->has_m = dash_rate(last->s.num_m, last->s.den_m,
			    last->s.has_den, ind->scale, &out->actual_m);
			out->has_f = dash_rate(last->s.num_f, last->s.den_f,
			    last->s.has_den, ind->scale, &out->actual_f);
		}
	}
	dash_status_eval(&in, &res);
	out->status = res.status;
	if (res.next != NULL) {
		out->has_next = true;
		out->next = *res.next;
	}
	out->has_gap = res.has_gap;
	out->gap = res.gap;
	out->has_line = res.has_line;
	out->line = res.line;
}

enum err
dash_entry_fill(struct dash_entry *e, struct db *db,
    const struct unit_tree *t)
{
	size_t idx = unit_index(t, e->unit_id), i;
	enum err rc;

	if (idx == (size_t)-1)
		return ERR_NOTFOUND;
	if ((rc = dash_indicators_load(db, &e->ind, &e->nind)) != ERR_OK)
		return rc;
	if ((e->ru = rollup_build(db, t, e->unit_id, e->today)) == NULL)
		return ERR_DB;
	if ((rc = dash_targets_load(db, t, idx, e->today, e->ind, e->nind,
	    &e->tg, &e->ntg)) != ERR_OK)
		return rc;
	e->ev = xcalloc(e->ntg + 1, sizeof(*e->ev));
	for (i = 0; i < e->ntg; i++)
		dash_evaluate(&e->tg[i], rollup_series(e->ru, 0,
		    e->tg[i].ind->id), e->unit_id, &e->ev[i]);
	return ERR_OK;
}

struct dash_entry *
dash_entry_build(struct db *db, const struct unit_tree *t, int64_t unit_id,
    const char *today)
{
	struct dash_entry *e = xcalloc(1, sizeof(*e));

	e->unit_id = unit_id;
	e->generation = t->generation;
	snprintf(e->today, sizeof(e->today), "%s", today);
	e->refs = 1;
	if (dash_entry_fill(e, db, t) != ERR_OK) {
		dash_entry_free(e);
		return NULL;
	}
	e->state = DASH_READY;
	return e;
}

const struct dash_memo *
dash_entry_memo(const struct dash_entry *e, enum dash_memo_slot k)
{
	return atomic_load_explicit(&e->memo[k], memory_order_acquire);
}

const struct dash_memo *
dash_entry_memo_set(const struct dash_entry *ce, enum dash_memo_slot k,
    const char *text, size_t len)
{
	struct dash_entry *e = (struct dash_entry *)ce;
	struct dash_memo *m = xmalloc(sizeof(*m) + len + 1), *expected = NULL;

	m->len = len;
	memcpy(m->s, text, len);
	m->s[len] = '\0';
	if (!atomic_compare_exchange_strong_explicit(&e->memo[k], &expected, m,
	    memory_order_acq_rel, memory_order_acquire)) {
		free(m);
		return expected;
	}
	return m;
}

void
dash_entry_free(struct dash_entry *e)
{
	int k;

	if (e == NULL)
		return;
	for (k = 0; k < DASH_MEMO__MAX; k++)
		free(atomic_load(&e->memo[k]));
	rollup_free(e->ru);
	dash_targets_free(e->tg, e->ntg);
	dash_indicators_free(e->ind, e->nind);
	free(e->ev);
	free(e);
}

size_t
dash_entry_target(const struct dash_entry *e, int64_t id)
{
	size_t i;

	for (i = 0; i < e->ntg; i++)
		if (e->tg[i].id == id)
			return i;
	return (size_t)-1;
}

/*
 * The evaluation of a target for a unit from the cached entry; with until,
 * only the periods whose ref_on is on or before it count.
 */
static enum err
eval_until(struct app *app, struct db *db, int64_t unit_id,
    int64_t target_id, const char *until, struct target_eval *out)
{
	const struct unit_tree *t = unit_tree_get(app, db);
	const struct dash_entry *e = NULL;
	const struct dash_series *s;
	struct dash_series cut = { NULL, 0 };
	struct dash_target tg;
	enum err rc = ERR_OK;
	size_t k;

	if (t == NULL)
		return ERR_DB;
	if (unit_get(t, unit_id) == NULL) {
		rc = ERR_NOTFOUND;
		goto out;
	}
	if ((e = dash_entry_get(app, db, t, unit_id)) == NULL) {
		rc = ERR_DB;
		goto out;
	}
	if (until == NULL &&
	    (k = dash_entry_target(e, target_id)) != (size_t)-1) {
		*out = e->ev[k];
		goto out;
	}
	/* A target that does not apply to the unit by the rules (another
	 * unit's plan), or a cut-off: judge it against the unit's values. */
	if ((rc = dash_target_load(db, target_id, e->ind, e->nind, &tg)) !=
	    ERR_OK)
		goto out;
	/* The series is oldest first: drop the points after until. */
	if ((s = rollup_series(e->ru, 0, tg.ind->id)) != NULL) {
		cut = *s;
		while (until != NULL && cut.n > 0 &&
		    strcmp(cut.p[cut.n - 1].ref_on, until) > 0)
			cut.n--;
	}
	dash_evaluate(&tg, cut.n > 0 ? &cut : NULL, unit_id, out);
	dash_target_release(&tg);
out:
	dash_entry_put(app, e);
	unit_tree_put(app, t);
	return rc;
}

enum err
dash_target_eval(struct app *app, struct db *db, int64_t unit_id,
    int64_t target_id, struct target_eval *out)
{
	return eval_until(app, db, unit_id, target_id, NULL, out);
}

enum err
dash_target_eval_at(struct app *app, struct db *db, int64_t unit_id,
    int64_t target_id, const char *until, struct target_eval *out)
{
	return eval_until(app, db, unit_id, target_id, until, out);
}

enum err
dash_monitored_at(struct app *app, struct db *db, int64_t unit_id,
    const char *until, struct dash_monitored **out, size_t *n)
{
	const struct unit_tree *t = unit_tree_get(app, db);
	const struct dash_entry *e = NULL;
	enum err rc = ERR_OK;
	size_t i, k;

	*out = NULL;
	*n = 0;
	if (t == NULL)
		return ERR_DB;
	if (unit_get(t, unit_id) == NULL) {
		rc = ERR_NOTFOUND;
		goto out;
	}
	if ((e = dash_entry_get(app, db, t, unit_id)) == NULL) {
		rc = ERR_DB;
		goto out;
	}
	for (i = 0; i < e->nind; i++) {
		const struct dash_indicator *ind = &e->ind[i];
		const struct dash_series *s = rollup_series(e->ru, 0, ind->id);
		struct dash_monitored *m;

		if (!ind->suppress_small || s == NULL)
			continue;
		/* The series is oldest first: the last point up to until. */
		for (k = s->n; k > 0 && strcmp(s->p[k - 1].ref_on, until) > 0;
		    k--)
			;
		if (k == 0)
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		m = &(*out)[(*n)++];
		m->indicator_id = ind->id;
		snprintf(m->code, sizeof(m->code), "%s", ind->code);
		m->name_vi = xstrdup(ind->name_vi);
		snprintf(m->period, sizeof(m->period), "%s", s->p[k - 1].code);
		m->sums = s->p[k - 1].s;
	}
out:
	dash_entry_put(app, e);
	unit_tree_put(app, t);
	return rc;
}

void
dash_monitored_free(struct dash_monitored *m, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(m[i].name_vi);
	free(m);
}
