/*
 * report_db.c -- reports in the database (report_db.h): regimes read from
 * the plans, obligations derived from them and the unit tree, reports with
 * their stored numbers (taken from the dashboard evaluation as of the
 * period's end) and activities, consolidation from the reports below.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "activities/activity.h"
#include "activities/activity_db.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "dashboard/dashboard.h"
#include "db/db.h"
#include "render/numfmt.h"
#include "reports/report_db.h"
#include "units/unit.h"

static char *
dup_col(struct db_stmt *st, int col)
{
	return xstrdup(db_col_text(st, col));
}

static void
epoch_date(int64_t t, char out[11])
{
	time_t tt = (time_t)t;
	struct tm tm;

	out[0] = '\0';
	if (t <= 0 || localtime_r(&tt, &tm) == NULL)
		return;
	strftime(out, 11, "%Y-%m-%d", &tm);
}

void
report_regimes_free(struct report_regime *v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(v[i].what);
		free(v[i].to);
		free(v[i].channel);
		free(v[i].dates);
		free(v[i].plan_ref);
		free(v[i].plan_title);
	}
	free(v);
}

const struct report_regime *
report_regime_find(const struct report_regime *v, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].id == id)
			return &v[i];
	return NULL;
}

enum err
report_db_regimes(struct db *db, const struct unit_tree *t,
    struct report_regime **out, size_t *n)
{
	struct db_stmt *st;
	struct report_regime *v = NULL, *g;
	size_t nv = 0, cap = 0;
	enum db_rc rc;
	int s;

	st = db_stmt(db, "SELECT r.id, r.plan_id, p.unit_id, r.what, "
	    "r.to_whom, r.channel, r.schedule, r.dates, p.period_from, "
	    "p.period_to, p.number, p.symbol, p.title FROM plan_reporting r "
	    "JOIN plan p ON p.id = r.plan_id ORDER BY p.id, r.seq");
	while ((rc = db_step(st)) == DB_ROW) {
		const struct unit *u;
		struct buf ref = BUF_INIT;

		if (nv == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof(*v));
		}
		g = &v[nv++];
		memset(g, 0, sizeof(*g));
		g->id = db_col_int(st, 0);
		g->plan_id = db_col_int(st, 1);
		g->owner_id = db_col_int(st, 2);
		g->what = dup_col(st, 3);
		g->to = dup_col(st, 4);
		g->channel = dup_col(st, 5);
		g->sched = PLAN_SCHED_AS_REQUIRED;
		for (s = 0; s < PLAN_SCHED__MAX; s++)
			if (strcmp(plan_schedule_codes[s],
			    db_col_text(st, 6)) == 0)
				g->sched = (enum plan_schedule)s;
		g->dates = dup_col(st, 7);
		g->from = (int)db_col_int(st, 8);
		g->to_year = (int)db_col_int(st, 9);
		if (*db_col_text(st, 11) != '\0')
			buf_printf(&ref, "%s/%s", db_col_text(st, 10),
			    db_col_text(st, 11));
		g->plan_ref = xstrdup(ref.data);
		buf_release(&ref);
		g->plan_title = dup_col(st, 12);
		u = unit_get(t, g->owner_id);
		g->to_owner = u != NULL && report_regime_to_owner(u->name,
		    unit_kinds[u->kind].school, g->to);
	}
	db_done(st);
	if (rc != DB_DONE) {
		report_regimes_free(v, nv);
		return ERR_DB;
	}
	*out = v;
	*n = nv;
	return ERR_OK;
}

/* Split "05-05,11-05" into v (pointers into a copy in *keep). */
static size_t
split_dates(const char *dates, char **keep, const char **v, size_t max)
{
	char *p, *s;
	size_t n = 0;

	*keep = xstrdup(dates);
	for (s = *keep; s != NULL && *s != '\0' && n < max; s = p) {
		if ((p = strchr(s, ',')) != NULL)
			*p++ = '\0';
		v[n++] = str_trim(s);
	}
	return n;
}

enum err
report_db_dues(struct db *db, const struct report_regime *rg,
    struct report_oblig **out, size_t *n)
{
	struct report_due *d = NULL;
	struct report_oblig *v = NULL;
	const char *dv[16];
	char *keep = NULL;
	size_t nd = 0, ndv, i, nv = 0;
	enum err e;

	ndv = split_dates(rg->dates, &keep, dv, 16);
	if ((e = report_dues(rg->sched, dv, ndv, rg->from, rg->to_year, &d,
	    &nd)) != ERR_OK)
		goto out;
	v = xcalloc(nd ? nd : 1, sizeof(*v));
	for (i = 0; i < nd; i++) {
		struct report_oblig *o = &v[nv];

		e = period_get_by_code(db, d[i].period, &o->period);
		if (e == ERR_NOTFOUND)
			continue;
		if (e != ERR_OK)
			goto out;
		o->rg = rg;
		memcpy(o->due_on, d[i].due_on, sizeof(o->due_on));
		nv++;
	}
	e = ERR_OK;
out:
	free(keep);
	free(d);
	if (e != ERR_OK) {
		free(v);
		v = NULL;
		nv = 0;
	}
	*out = v;
	*n = nv;
	return e;
}

enum err
report_db_standing(struct db *db, struct report_oblig *o, const char *today)
{
	struct db_stmt *st;
	char sent[11] = "";
	enum db_rc rc;

	o->report_id = 0;
	o->state = REPORT_DRAFT;
	st = db_stmt(db, "SELECT id, state, first_submitted_at FROM report "
	    "WHERE reporting_id = ? AND unit_id = ? AND period_id = ? AND "
	    "due_on = ? ORDER BY version DESC LIMIT 1");
	db_bind_int(st, 1, o->rg->id);
	db_bind_int(st, 2, o->unit_id);
	db_bind_int(st, 3, o->period.id);
	db_bind_text(st, 4, o->due_on);
	if ((rc = db_step(st)) == DB_ROW) {
		o->report_id = db_col_int(st, 0);
		(void)report_state_from_code(db_col_text(st, 1), &o->state);
		if (!db_col_null(st, 2))
			epoch_date(db_col_int(st, 2), sent);
	}
	db_done(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return ERR_DB;
	o->standing = report_standing_of(o->due_on, sent, today);
	o->locked = report_db_locked(db, o->rg->id, o->period.id, o->due_on);
	return ERR_OK;
}

static bool
unit_open_in(const struct unit *u, const struct period *p)
{
	return report_open_during(u->opened_on, u->closed_on, p->start_on,
	    p->end_on);
}

int64_t
report_db_receiver(const struct unit_tree *t, const struct report_regime *rg,
    int64_t unit_id, const struct period *p)
{
	size_t ui = unit_index(t, unit_id), par, up;
	int depth;

	if (!rg->to_owner || ui == (size_t)-1 || unit_id == rg->owner_id)
		return 0;
	if ((par = unit_parent(t, ui, LINK_ADMIN, p->ref_on)) == (size_t)-1)
		return 0;
	/* The chain of admin parents must reach the owner. */
	for (up = par, depth = 0; up != (size_t)-1 && depth < 16; depth++) {
		if (t->u[up].id == rg->owner_id)
			return t->u[par].id;
		up = unit_parent(t, up, LINK_ADMIN, p->ref_on);
	}
	return 0;
}

bool
report_db_consolidates(const struct unit_tree *t,
    const struct report_regime *rg, int64_t unit_id, const struct period *p)
{
	size_t ui = unit_index(t, unit_id), *kids, nk, i;
	bool any = false;

	if (!rg->to_owner || ui == (size_t)-1)
		return false;
	if (unit_id == rg->owner_id)
		return true;
	if (report_db_receiver(t, rg, unit_id, p) == 0)
		return false;
	nk = unit_children(t, ui, LINK_ADMIN, p->ref_on, NULL, 0);
	if (nk == 0)
		return false;
	kids = xcalloc(nk, sizeof(*kids));
	nk = unit_children(t, ui, LINK_ADMIN, p->ref_on, kids, nk);
	for (i = 0; i < nk && !any; i++)
		any = unit_open_in(&t->u[kids[i]], p);
	free(kids);
	return any;
}

enum err
report_db_owed(struct db *db, const struct unit_tree *t,
    const struct report_regime *rg, const struct period *p,
    const char *due_on, const char *today, struct report_oblig **out,
    size_t *n)
{
	return report_db_owed_to(db, t, rg, rg->owner_id, p, due_on, today,
	    out, n);
}

enum err
report_db_owed_to(struct db *db, const struct unit_tree *t,
    const struct report_regime *rg, int64_t receiver, const struct period *p,
    const char *due_on, const char *today, struct report_oblig **out,
    size_t *n)
{
	struct report_oblig *v = NULL;
	size_t owner = unit_index(t, receiver), *kids = NULL, nk, i;
	size_t nv = 0;
	enum err e = ERR_OK;

	*out = NULL;
	*n = 0;
	if (owner == (size_t)-1)
		return ERR_NOTFOUND;
	nk = unit_children(t, owner, LINK_ADMIN, p->ref_on, NULL, 0);
	kids = xcalloc(nk ? nk : 1, sizeof(*kids));
	nk = unit_children(t, owner, LINK_ADMIN, p->ref_on, kids, nk);
	v = xcalloc(nk ? nk : 1, sizeof(*v));
	for (i = 0; i < nk; i++) {
		const struct unit *u = &t->u[kids[i]];
		struct report_oblig *o = &v[nv];

		if (!unit_open_in(u, p))
			continue;
		o->rg = rg;
		o->unit_id = u->id;
		o->to_unit_id = receiver;
		o->period = *p;
		snprintf(o->due_on, sizeof(o->due_on), "%s", due_on);
		if ((e = report_db_standing(db, o, today)) != ERR_OK)
			break;
		nv++;
	}
	free(kids);
	if (e != ERR_OK) {
		free(v);
		return e;
	}
	*out = v;
	*n = nv;
	return ERR_OK;
}

static int
oblig_cmp(const void *a, const void *b)
{
	const struct report_oblig *x = a, *y = b;
	int c = strcmp(y->period.end_on, x->period.end_on);

	return c != 0 ? c : strcmp(y->due_on, x->due_on);
}

enum err
report_db_obligations(struct db *db, const struct unit_tree *t,
    const struct report_regime *rgs, size_t nrg, int64_t unit_id,
    const char *today, struct report_oblig **out, size_t *n)
{
	struct report_oblig *v = NULL, *d = NULL;
	size_t nv = 0, cap = 0, nd = 0, i, j, ui = unit_index(t, unit_id);
	enum err e = ERR_OK;

	*out = NULL;
	*n = 0;
	if (ui == (size_t)-1)
		return ERR_NOTFOUND;
	for (i = 0; i < nrg && e == ERR_OK; i++) {
		const struct report_regime *rg = &rgs[i];

		if (!rg->to_owner && rg->owner_id != unit_id)
			continue;
		if (rg->to_owner && rg->owner_id == unit_id)
			continue;
		if ((e = report_db_dues(db, rg, &d, &nd)) != ERR_OK)
			break;
		for (j = 0; j < nd; j++) {
			struct report_oblig *o = &d[j];
			size_t par = unit_parent(t, ui, LINK_ADMIN,
			    o->period.ref_on);

			if (!unit_open_in(&t->u[ui], &o->period))
				continue;
			if (rg->to_owner && report_db_receiver(t, rg, unit_id,
			    &o->period) == 0)
				continue;
			o->unit_id = unit_id;
			o->to_unit_id = par == (size_t)-1 ? 0 : t->u[par].id;
			if ((e = report_db_standing(db, o, today)) != ERR_OK)
				break;
			if (nv == cap) {
				cap = cap ? cap * 2 : 16;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[nv++] = *o;
		}
		free(d);
		d = NULL;
	}
	if (e != ERR_OK) {
		free(v);
		return e;
	}
	if (nv > 1)
		qsort(v, nv, sizeof(*v), oblig_cmp);
	*out = v;
	*n = nv;
	return ERR_OK;
}

void
report_free(struct report *r)
{
	size_t i;

	if (r == NULL)
		return;
	free(r->results);
	free(r->strengths);
	free(r->limitations);
	free(r->proposals);
	free(r->review_note);
	free(r->missing_note);
	report_nums_free(r->nums, r->nnums);
	for (i = 0; i < r->nacts; i++)
		free(r->acts[i].title);
	free(r->acts);
	free(r);
}

static void
map_num(struct db_stmt *st, void *p)
{
	struct report_num *x = p;

	memset(x, 0, sizeof(*x));
	x->unit_id = db_col_int(st, 0);
	x->indicator_id = db_col_int(st, 1);
	snprintf(x->target_code, sizeof(x->target_code), "%s",
	    db_col_text(st, 2));
	x->label = dup_col(st, 3);
	snprintf(x->period, sizeof(x->period), "%s", db_col_text(st, 4));
	x->has_value = db_col_int(st, 5) != 0;
	x->num = db_col_int(st, 6);
	x->den = db_col_int(st, 7);
	x->has_den = db_col_int(st, 8) != 0;
	x->num_m = db_col_int(st, 9);
	x->num_f = db_col_int(st, 10);
	x->den_m = db_col_int(st, 11);
	x->den_f = db_col_int(st, 12);
	x->has_sex = db_col_int(st, 13) != 0;
	snprintf(x->status, sizeof(x->status), "%s", db_col_text(st, 14));
	x->target_text = dup_col(st, 15);
}

static void
map_act(struct db_stmt *st, void *p)
{
	struct report_act *a = p;

	snprintf(a->on_date, sizeof(a->on_date), "%s", db_col_text(st, 0));
	a->title = dup_col(st, 1);
	a->reached = db_col_int(st, 2);
}

enum err
report_db_get(struct db *db, int64_t id, struct report **out)
{
	struct db_stmt *st;
	struct report *r = xcalloc(1, sizeof(*r));
	enum db_rc rc;
	enum err e = ERR_OK;
	void *vp;

	*out = NULL;
	st = db_stmt(db, "SELECT id, reporting_id, unit_id, period_id, "
	    "due_on, version, consolidated, state, results, strengths, "
	    "limitations, proposals, review_note, missing_note, created_at, "
	    "submitted_at, first_submitted_at, reviewed_at, snapshot_at "
	    "FROM report WHERE id = ?");
	db_bind_int(st, 1, id);
	if ((rc = db_step(st)) == DB_ROW) {
		r->id = db_col_int(st, 0);
		r->reporting_id = db_col_int(st, 1);
		r->unit_id = db_col_int(st, 2);
		r->period_id = db_col_int(st, 3);
		snprintf(r->due_on, sizeof(r->due_on), "%s",
		    db_col_text(st, 4));
		r->version = (int)db_col_int(st, 5);
		r->consolidated = db_col_int(st, 6) != 0;
		(void)report_state_from_code(db_col_text(st, 7), &r->state);
		r->results = dup_col(st, 8);
		r->strengths = dup_col(st, 9);
		r->limitations = dup_col(st, 10);
		r->proposals = dup_col(st, 11);
		r->review_note = dup_col(st, 12);
		r->missing_note = dup_col(st, 13);
		r->created_at = db_col_int(st, 14);
		r->submitted_at = db_col_int(st, 15);
		r->first_submitted_at = db_col_int(st, 16);
		r->reviewed_at = db_col_int(st, 17);
		r->snapshot_at = db_col_int(st, 18);
	}
	db_done(st);
	if (rc == DB_DONE)
		e = ERR_NOTFOUND;
	else if (rc != DB_ROW)
		e = ERR_DB;
	if (e != ERR_OK)
		goto out;
	st = db_stmt(db, "SELECT COALESCE(unit_id, 0), indicator_id, "
	    "target_code, label, period_code, has_value, num, den, has_den, "
	    "num_m, num_f, den_m, den_f, has_sex, status, target_text FROM "
	    "report_value WHERE report_id = ? ORDER BY seq");
	db_bind_int(st, 1, id);
	vp = NULL;
	e = db_all_rows(st, sizeof(struct report_num), map_num, &vp,
	    &r->nnums);
	r->nums = vp;
	if (e != ERR_OK)
		goto out;
	st = db_stmt(db, "SELECT on_date, title, reached FROM report_activity "
	    "WHERE report_id = ? ORDER BY seq");
	db_bind_int(st, 1, id);
	vp = NULL;
	e = db_all_rows(st, sizeof(struct report_act), map_act, &vp,
	    &r->nacts);
	r->acts = vp;
out:
	if (e != ERR_OK)
		report_free(r);
	else
		*out = r;
	return e;
}

bool
report_db_locked(struct db *db, int64_t reporting_id, int64_t period_id,
    const char *due_on)
{
	struct db_stmt *st;
	int64_t n = 0;

	st = db_stmt(db, "SELECT COUNT(*) FROM report_lock WHERE "
	    "reporting_id = ? AND period_id = ? AND due_on = ?");
	db_bind_int(st, 1, reporting_id);
	db_bind_int(st, 2, period_id);
	db_bind_text(st, 3, due_on);
	if (db_one_int(st, &n) != ERR_OK)
		return false;
	return n > 0;
}

enum err
report_db_lock(struct db *db, int64_t reporting_id, int64_t period_id,
    const char *due_on, int64_t user_id)
{
	struct db_stmt *st;

	if (report_db_locked(db, reporting_id, period_id, due_on))
		return ERR_CONFLICT;
	st = db_stmt(db, "INSERT INTO report_lock (reporting_id, period_id, "
	    "due_on, locked_by, locked_at) VALUES (?, ?, ?, ?, ?)");
	db_bind_int(st, 1, reporting_id);
	db_bind_int(st, 2, period_id);
	db_bind_text(st, 3, due_on);
	db_bind_int(st, 4, user_id);
	db_bind_int(st, 5, (int64_t)time(NULL));
	return db_run(st);
}

enum err
report_db_unlock(struct db *db, int64_t reporting_id, int64_t period_id,
    const char *due_on)
{
	struct db_stmt *st;
	enum err e;

	st = db_stmt(db, "DELETE FROM report_lock WHERE reporting_id = ? AND "
	    "period_id = ? AND due_on = ?");
	db_bind_int(st, 1, reporting_id);
	db_bind_int(st, 2, period_id);
	db_bind_text(st, 3, due_on);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	return db_changes(db) == 1 ? ERR_OK : ERR_CONFLICT;
}

bool
report_db_locked_for(struct db *db, int64_t reporting_id, int64_t period_id,
    const char *due_on, int64_t unit_id)
{
	struct db_stmt *st;
	int64_t n = 0;

	st = db_stmt(db, "SELECT COUNT(*) FROM report_lock l JOIN "
	    "plan_reporting g ON g.id = l.reporting_id JOIN plan p ON p.id = "
	    "g.plan_id WHERE l.reporting_id = ? AND l.period_id = ? AND "
	    "l.due_on = ? AND p.unit_id <> ?");
	db_bind_int(st, 1, reporting_id);
	db_bind_int(st, 2, period_id);
	db_bind_text(st, 3, due_on);
	db_bind_int(st, 4, unit_id);
	if (db_one_int(st, &n) != ERR_OK)
		return true;
	return n > 0;
}

/* The targets of a plan: id, code, label, indicator. */
struct tgt {
	int64_t		 id;
	char		 code[32];
	char		*label;
	int64_t		 indicator_id;
};

static void
map_tgt(struct db_stmt *st, void *p)
{
	struct tgt *t = p;

	t->id = db_col_int(st, 0);
	snprintf(t->code, sizeof(t->code), "%s", db_col_text(st, 1));
	t->label = dup_col(st, 2);
	t->indicator_id = db_col_int(st, 3);
}

static void
tgts_free(struct tgt *v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i].label);
	free(v);
}

static enum err
tgts_load(struct db *db, int64_t plan_id, struct tgt **out, size_t *n)
{
	struct db_stmt *st;
	void *vp = NULL;
	enum err e;

	st = db_stmt(db, "SELECT id, code, label, indicator_id FROM "
	    "plan_target WHERE plan_id = ? ORDER BY seq");
	db_bind_int(st, 1, plan_id);
	e = db_all_rows(st, sizeof(struct tgt), map_tgt, &vp, n);
	*out = vp;
	return e;
}

static enum err
num_insert(struct db *db, int64_t report_id, int seq, int64_t unit_id,
    const struct report_num *x)
{
	struct db_stmt *st;

	st = db_stmt(db, "INSERT INTO report_value (report_id, seq, unit_id, "
	    "indicator_id, target_code, label, period_code, has_value, num, "
	    "den, has_den, num_m, num_f, den_m, den_f, has_sex, status, "
	    "target_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?)");
	db_bind_int(st, 1, report_id);
	db_bind_int(st, 2, seq);
	if (unit_id != 0)
		db_bind_int(st, 3, unit_id);
	else
		db_bind_null(st, 3);
	db_bind_int(st, 4, x->indicator_id);
	db_bind_text(st, 5, x->target_code);
	db_bind_text(st, 6, x->label != NULL ? x->label : "");
	db_bind_text(st, 7, x->period);
	db_bind_int(st, 8, x->has_value);
	db_bind_int(st, 9, x->num);
	db_bind_int(st, 10, x->den);
	db_bind_int(st, 11, x->has_den);
	db_bind_int(st, 12, x->num_m);
	db_bind_int(st, 13, x->num_f);
	db_bind_int(st, 14, x->den_m);
	db_bind_int(st, 15, x->den_f);
	db_bind_int(st, 16, x->has_sex);
	db_bind_text(st, 17, x->status);
	db_bind_text(st, 18, x->target_text != NULL ? x->target_text : "");
	return db_run(st);
}

/* The numbers of target g for unit_id as of until. */
static enum err
eval_num(struct app *app, struct db *db, int64_t unit_id,
    const struct tgt *g, const char *until, struct report_num *x)
{
	struct target_eval ev;
	struct buf tt = BUF_INIT;
	char nb[NUMFMT_MAX];
	enum err e;

	memset(x, 0, sizeof(*x));
	if ((e = dash_target_eval_at(app, db, unit_id, g->id, until, &ev)) !=
	    ERR_OK)
		return e;
	x->unit_id = unit_id;
	x->indicator_id = g->indicator_id;
	snprintf(x->target_code, sizeof(x->target_code), "%s", g->code);
	x->label = xstrdup(g->label);
	x->has_value = ev.has_actual;
	if (ev.has_actual) {
		snprintf(x->period, sizeof(x->period), "%s", ev.period);
		x->num = ev.sums.num;
		x->den = ev.sums.den;
		x->has_den = ev.sums.has_den;
		x->num_m = ev.sums.num_m;
		x->num_f = ev.sums.num_f;
		x->den_m = ev.sums.den_m;
		x->den_f = ev.sums.den_f;
		x->has_sex = ev.sums.has_sex;
	}
	snprintf(x->status, sizeof(x->status), "%s",
	    dash_status_code(ev.status));
	if (ev.has_next)
		buf_printf(&tt, "%s %s (%d)", dash_cmp_sign(ev.next.cmp),
		    numfmt_dec(nb, ev.next.value, 2, 0), ev.next.year);
	x->target_text = xstrdup(tt.data);
	buf_release(&tt);
	return ERR_OK;
}

static enum err
clear_snapshot(struct db *db, int64_t id)
{
	struct db_stmt *st;
	enum err e;

	st = db_stmt(db, "DELETE FROM report_value WHERE report_id = ?");
	db_bind_int(st, 1, id);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	st = db_stmt(db, "DELETE FROM report_activity WHERE report_id = ?");
	db_bind_int(st, 1, id);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	st = db_stmt(db, "UPDATE report SET snapshot_at = ? WHERE id = ?");
	db_bind_int(st, 1, (int64_t)time(NULL));
	db_bind_int(st, 2, id);
	return db_run(st);
}

static int
year_of(const char *date)
{
	return (date[0] - '0') * 1000 + (date[1] - '0') * 100 +
	    (date[2] - '0') * 10 + (date[3] - '0');
}

static enum err
snap_acts(struct db *db, const struct report *r, const struct period *p)
{
	struct activity *acts = NULL;
	struct db_stmt *st;
	size_t na = 0, i;
	int y, y0 = year_of(p->start_on), y1 = year_of(p->end_on);
	int seq = 0;
	enum err e = ERR_OK;

	for (y = y0; y <= y1 && e == ERR_OK; y++) {
		if ((e = act_db_list(db, r->unit_id, y, &acts, &na)) != ERR_OK)
			break;
		for (i = 0; i < na && e == ERR_OK; i++) {
			if (strcmp(acts[i].start_on, p->start_on) < 0 ||
			    strcmp(acts[i].start_on, p->end_on) > 0)
				continue;
			st = db_stmt(db, "INSERT INTO report_activity "
			    "(report_id, seq, on_date, title, reached) VALUES "
			    "(?, ?, ?, ?, ?)");
			db_bind_int(st, 1, r->id);
			db_bind_int(st, 2, ++seq);
			db_bind_text(st, 3, acts[i].start_on);
			db_bind_text(st, 4, acts[i].title);
			db_bind_int(st, 5, acts[i].counted + acts[i].listed);
			e = db_run(st);
		}
		free(acts);
		acts = NULL;
	}
	return e;
}

/* Does a target of the plan (g, ng) measure indicator_id? */
static bool
tgts_cover(const struct tgt *g, size_t ng, int64_t indicator_id)
{
	size_t k;

	for (k = 0; k < ng; k++)
		if (g[k].indicator_id == indicator_id)
			return true;
	return false;
}

/* A monitored statistic (dashboard.h) as a row of unit_id; x->label and
 * x->target_text are m's and "" (not owned). */
static void
monitored_num(const struct dash_monitored *m, int64_t unit_id,
    struct report_num *x)
{
	memset(x, 0, sizeof(*x));
	x->unit_id = unit_id;
	x->indicator_id = m->indicator_id;
	snprintf(x->target_code, sizeof(x->target_code), "%s", m->code);
	x->label = m->name_vi;
	snprintf(x->period, sizeof(x->period), "%s", m->period);
	x->has_value = true;
	x->num = m->sums.num;
	x->den = m->sums.den;
	x->has_den = m->sums.has_den;
	x->num_m = m->sums.num_m;
	x->num_f = m->sums.num_f;
	x->den_m = m->sums.den_m;
	x->den_f = m->sums.den_f;
	x->has_sex = m->sums.has_sex;
	x->target_text = (char *)"";
}

/*
 * The monitored statistics (dashboard.h: the protection counts, TT 13/2021
 * 0101) as of the period's end, after the plan's targets (g, ng), for the
 * indicators no target of the plan covers: a report carries them whether
 * the plan set a target on them or not.  Pages and documents show their
 * counts of 1 to 4 as "< 5".
 */
static enum err
snap_monitored(struct app *app, struct db *db, const struct report *r,
    const struct period *p, const struct tgt *g, size_t ng)
{
	struct dash_monitored *m = NULL;
	struct report_num x;
	size_t nm = 0, i;
	enum err e;

	if ((e = dash_monitored_at(app, db, r->unit_id, p->end_on, &m,
	    &nm)) != ERR_OK)
		return e;
	for (i = 0; i < nm && e == ERR_OK; i++) {
		if (tgts_cover(g, ng, m[i].indicator_id))
			continue;
		monitored_num(&m[i], r->unit_id, &x);
		e = num_insert(db, r->id, (int)(ng + i + 1), r->unit_id, &x);
	}
	dash_monitored_free(m, nm);
	return e;
}

/* A unit's own report: its targets as of the period's end. */
static enum err
snap_unit(struct app *app, struct db *db, const struct report_regime *rg,
    const struct report *r, const struct period *p)
{
	struct tgt *g = NULL;
	struct report_num x;
	size_t ng = 0, i;
	enum err e;

	if ((e = tgts_load(db, rg->plan_id, &g, &ng)) != ERR_OK)
		goto out;
	for (i = 0; i < ng && e == ERR_OK; i++) {
		if ((e = eval_num(app, db, r->unit_id, &g[i], p->end_on,
		    &x)) != ERR_OK)
			break;
		e = num_insert(db, r->id, (int)i + 1, r->unit_id, &x);
		free(x.label);
		free(x.target_text);
	}
	if (e == ERR_OK)
		e = snap_monitored(app, db, r, p, g, ng);
	if (e == ERR_OK)
		e = snap_acts(db, r, p);
out:
	tgts_free(g, ng);
	return e;
}

/* The rows a report below contributes: a unit's own rows, or the
 * totals of a consolidated report. */
static enum err
rows_below(struct db *db, int64_t report_id, struct report_num **out,
    size_t *n)
{
	struct db_stmt *st;
	void *vp = NULL;
	enum err e;

	st = db_stmt(db, "SELECT COALESCE(v.unit_id, 0), v.indicator_id, "
	    "v.target_code, v.label, v.period_code, v.has_value, v.num, "
	    "v.den, v.has_den, v.num_m, v.num_f, v.den_m, v.den_f, "
	    "v.has_sex, v.status, v.target_text FROM report_value v JOIN "
	    "report r ON r.id = v.report_id WHERE v.report_id = ? AND "
	    "((r.consolidated = 1 AND v.unit_id IS NULL) OR "
	    "(r.consolidated = 0 AND v.unit_id = r.unit_id)) ORDER BY v.seq");
	db_bind_int(st, 1, report_id);
	e = db_all_rows(st, sizeof(struct report_num), map_num, &vp, n);
	*out = vp;
	return e;
}

/* The latest accepted version of o's report, 0 = none. */
static enum err
accepted_of(struct db *db, const struct report_oblig *o, int64_t *id)
{
	struct db_stmt *st;
	enum db_rc rc;

	*id = 0;
	if (o->report_id != 0 && o->state == REPORT_ACCEPTED) {
		*id = o->report_id;
		return ERR_OK;
	}
	if (o->report_id == 0)
		return ERR_OK;
	st = db_stmt(db, "SELECT id FROM report WHERE reporting_id = ? AND "
	    "unit_id = ? AND period_id = ? AND due_on = ? AND state = "
	    "'accepted' ORDER BY version DESC LIMIT 1");
	db_bind_int(st, 1, o->rg->id);
	db_bind_int(st, 2, o->unit_id);
	db_bind_int(st, 3, o->period.id);
	db_bind_text(st, 4, o->due_on);
	if ((rc = db_step(st)) == DB_ROW)
		*id = db_col_int(st, 0);
	db_done(st);
	return rc == DB_ROW || rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err
report_db_missing(struct db *db, const struct unit_tree *t,
    const struct report_regime *rg, int64_t receiver, const struct period *p,
    const char *due_on, const char *today, struct buf *names)
{
	struct report_oblig *owed = NULL;
	size_t nowed = 0, j;
	enum err e;

	if ((e = report_db_owed_to(db, t, rg, receiver, p, due_on, today,
	    &owed, &nowed)) != ERR_OK)
		return e;
	for (j = 0; j < nowed && e == ERR_OK; j++) {
		const struct unit *u = unit_get(t, owed[j].unit_id);
		int64_t acc = 0;

		if ((e = accepted_of(db, &owed[j], &acc)) != ERR_OK || acc != 0)
			continue;
		if (names->len > 0)
			buf_puts(names, ", ");
		buf_puts(names, u != NULL ? u->name : "?");
	}
	free(owed);
	return e;
}

enum err
report_db_consolidate(struct app *app, struct db *db,
    const struct unit_tree *t, const struct report_regime *rg,
    struct report *r, const char *today, struct buf *missing)
{
	struct report_oblig *owed = NULL;
	struct report_num *tot = NULL, *rows = NULL, x;
	struct dash_monitored *m = NULL;
	struct tgt *g = NULL;
	struct period p;
	struct db_stmt *st;
	size_t nowed = 0, ng = 0, ntot = 0, nm = 0, nrows, i, j, k;
	int seq = 0;
	enum err e;

	if ((e = period_get(db, r->period_id, &p)) != ERR_OK)
		return e;
	if ((e = tgts_load(db, rg->plan_id, &g, &ng)) != ERR_OK)
		goto out;
	if ((e = report_db_owed_to(db, t, rg, r->unit_id, &p, r->due_on,
	    today, &owed, &nowed)) != ERR_OK)
		goto out;
	tot = xcalloc(ng ? ng : 1, sizeof(*tot));
	/* The office's own data: the roll-up of its whole area. */
	for (i = 0; i < ng && e == ERR_OK; i++) {
		tot[i].indicator_id = g[i].indicator_id;
		snprintf(tot[i].target_code, sizeof(tot[i].target_code), "%s",
		    g[i].code);
		tot[i].label = xstrdup(g[i].label);
		if ((e = eval_num(app, db, r->unit_id, &g[i], p.end_on,
		    &x)) != ERR_OK)
			break;
		tot[i].target_text = xstrdup(x.target_text);
		e = num_insert(db, r->id, ++seq, r->unit_id, &x);
		free(x.label);
		free(x.target_text);
	}
	/* The office's own monitored statistics (snap_monitored), totalled
	 * like the targets. */
	if (e == ERR_OK)
		e = dash_monitored_at(app, db, r->unit_id, p.end_on, &m, &nm);
	tot = xrealloc(tot, (ng + nm + 1) * sizeof(*tot));
	ntot = ng;
	for (i = 0; i < nm && e == ERR_OK; i++) {
		if (tgts_cover(g, ng, m[i].indicator_id))
			continue;
		monitored_num(&m[i], r->unit_id, &x);
		e = num_insert(db, r->id, ++seq, r->unit_id, &x);
		memset(&tot[ntot], 0, sizeof(tot[ntot]));
		tot[ntot].indicator_id = m[i].indicator_id;
		memcpy(tot[ntot].target_code, x.target_code,
		    sizeof(tot[ntot].target_code));
		tot[ntot].label = xstrdup(m[i].name_vi);
		tot[ntot++].target_text = xstrdup("");
	}
	/* A table per unit below, from its accepted report. */
	for (j = 0; j < nowed && e == ERR_OK; j++) {
		const struct unit *u = unit_get(t, owed[j].unit_id);
		int64_t acc = 0;

		if ((e = accepted_of(db, &owed[j], &acc)) != ERR_OK)
			break;
		if (acc == 0) {
			if (missing->len > 0)
				buf_puts(missing, ", ");
			buf_puts(missing, u != NULL ? u->name : "?");
			continue;
		}
		if ((e = rows_below(db, acc, &rows, &nrows)) != ERR_OK)
			break;
		for (k = 0; k < nrows && e == ERR_OK; k++) {
			for (i = 0; i < ntot; i++)
				if (strcmp(tot[i].target_code,
				    rows[k].target_code) == 0)
					report_num_add(&tot[i], &rows[k]);
			e = num_insert(db, r->id, ++seq, owed[j].unit_id,
			    &rows[k]);
		}
		report_nums_free(rows, nrows);
		rows = NULL;
	}
	for (i = 0; i < ntot && e == ERR_OK; i++)
		e = num_insert(db, r->id, ++seq, 0, &tot[i]);
	if (e != ERR_OK)
		goto out;
	st = db_stmt(db, "UPDATE report SET missing_note = ? WHERE id = ?");
	db_bind_text(st, 1, missing->data);
	db_bind_int(st, 2, r->id);
	if ((e = db_run(st)) != ERR_OK)
		goto out;
	free(r->missing_note);
	r->missing_note = xstrdup(missing->data);
	e = snap_acts(db, r, &p);
out:
	report_nums_free(tot, ntot);
	dash_monitored_free(m, nm);
	tgts_free(g, ng);
	free(owed);
	return e;
}

enum err
report_db_snapshot(struct app *app, struct db *db, const struct unit_tree *t,
    const struct report_regime *rg, struct report *r, const char *today,
    struct buf *missing)
{
	struct period p;
	enum err e;

	if ((e = clear_snapshot(db, r->id)) != ERR_OK)
		return e;
	if (r->consolidated)
		return report_db_consolidate(app, db, t, rg, r, today,
		    missing);
	if ((e = period_get(db, r->period_id, &p)) != ERR_OK)
		return e;
	return snap_unit(app, db, rg, r, &p);
}

static enum err
insert_report(struct db *db, const struct report *r, int64_t user_id,
    int64_t *id)
{
	struct db_stmt *st;
	int64_t now = (int64_t)time(NULL);
	enum err e;

	st = db_stmt(db, "INSERT INTO report (reporting_id, unit_id, "
	    "period_id, due_on, version, consolidated, state, results, "
	    "strengths, limitations, proposals, created_by, created_at, "
	    "first_submitted_at, snapshot_at) VALUES (?, ?, ?, ?, ?, ?, "
	    "'draft', ?, ?, ?, ?, ?, ?, ?, ?)");
	db_bind_int(st, 1, r->reporting_id);
	db_bind_int(st, 2, r->unit_id);
	db_bind_int(st, 3, r->period_id);
	db_bind_text(st, 4, r->due_on);
	db_bind_int(st, 5, r->version);
	db_bind_int(st, 6, r->consolidated);
	db_bind_text(st, 7, r->results ? r->results : "");
	db_bind_text(st, 8, r->strengths ? r->strengths : "");
	db_bind_text(st, 9, r->limitations ? r->limitations : "");
	db_bind_text(st, 10, r->proposals ? r->proposals : "");
	db_bind_int(st, 11, user_id);
	db_bind_int(st, 12, now);
	if (r->first_submitted_at > 0)
		db_bind_int(st, 13, r->first_submitted_at);
	else
		db_bind_null(st, 13);
	db_bind_int(st, 14, now);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	*id = db_last_id(db);
	return ERR_OK;
}

/* Insert report nr and take its snapshot; *id the new report. */
static enum err
insert_snap(struct app *app, struct db *db, const struct unit_tree *t,
    const struct report_regime *rg, const struct report *nr,
    const char *today, int64_t user_id, int64_t *id)
{
	struct buf missing = BUF_INIT;
	struct report *r = NULL;
	enum err e;

	if ((e = insert_report(db, nr, user_id, id)) != ERR_OK)
		return e;
	if ((e = report_db_get(db, *id, &r)) != ERR_OK)
		return e;
	e = report_db_snapshot(app, db, t, rg, r, today, &missing);
	buf_release(&missing);
	report_free(r);
	return e;
}

enum err
report_db_create(struct app *app, struct db *db, const struct unit_tree *t,
    const struct report_regime *rg, int64_t unit_id, const struct period *p,
    const char *due_on, const char *today, int64_t user_id, int64_t *id)
{
	struct db_stmt *st;
	struct report nr;
	int64_t n = 0;
	enum err e;

	st = db_stmt(db, "SELECT COUNT(*) FROM report WHERE reporting_id = ? "
	    "AND unit_id = ? AND period_id = ? AND due_on = ?");
	db_bind_int(st, 1, rg->id);
	db_bind_int(st, 2, unit_id);
	db_bind_int(st, 3, p->id);
	db_bind_text(st, 4, due_on);
	if ((e = db_one_int(st, &n)) != ERR_OK)
		return e;
	if (n > 0)
		return ERR_CONFLICT;
	memset(&nr, 0, sizeof(nr));
	nr.reporting_id = rg->id;
	nr.unit_id = unit_id;
	nr.period_id = p->id;
	snprintf(nr.due_on, sizeof(nr.due_on), "%s", due_on);
	nr.version = 1;
	nr.consolidated = report_db_consolidates(t, rg, unit_id, p);
	return insert_snap(app, db, t, rg, &nr, today, user_id, id);
}

enum err
report_db_revise(struct app *app, struct db *db, const struct unit_tree *t,
    const struct report_regime *rg, const struct report *old,
    const char *today, int64_t user_id, int64_t *id)
{
	struct report nr = *old;

	nr.version = old->version + 1;
	return insert_snap(app, db, t, rg, &nr, today, user_id, id);
}

enum err
report_db_save_text(struct db *db, const struct report *r)
{
	struct db_stmt *st;

	st = db_stmt(db, "UPDATE report SET results = ?, strengths = ?, "
	    "limitations = ?, proposals = ? WHERE id = ?");
	db_bind_text(st, 1, r->results);
	db_bind_text(st, 2, r->strengths);
	db_bind_text(st, 3, r->limitations);
	db_bind_text(st, 4, r->proposals);
	db_bind_int(st, 5, r->id);
	return db_run(st);
}

enum err
report_db_step(struct db *db, const struct report *r, enum report_step k,
    int64_t user_id, const char *note)
{
	struct db_stmt *st;
	int64_t now = (int64_t)time(NULL);
	const char *next = report_state_codes[report_step_next(k)];
	enum err e;

	if (k == REPORT_STEP_SUBMIT) {
		st = db_stmt(db, "UPDATE report SET state = ?, submitted_by = "
		    "?, submitted_at = ?, first_submitted_at = "
		    "COALESCE(first_submitted_at, ?) WHERE id = ? AND state "
		    "IN ('draft', 'returned')");
		db_bind_text(st, 1, next);
		db_bind_int(st, 2, user_id);
		db_bind_int(st, 3, now);
		db_bind_int(st, 4, now);
		db_bind_int(st, 5, r->id);
	} else {
		st = db_stmt(db, "UPDATE report SET state = ?, reviewed_by = "
		    "?, reviewed_at = ?, review_note = ? WHERE id = ? AND "
		    "state = 'submitted'");
		db_bind_text(st, 1, next);
		db_bind_int(st, 2, user_id);
		db_bind_int(st, 3, now);
		db_bind_text(st, 4, note != NULL ? note : "");
		db_bind_int(st, 5, r->id);
	}
	if ((e = db_run(st)) != ERR_OK)
		return e;
	if (db_changes(db) != 1)
		return ERR_CONFLICT;
	if (k != REPORT_STEP_ACCEPT)
		return ERR_OK;
	/* The versions before an accepted one are superseded. */
	st = db_stmt(db, "UPDATE report SET state = 'superseded' WHERE "
	    "reporting_id = ? AND unit_id = ? AND period_id = ? AND due_on = "
	    "? AND version < ? AND state = 'accepted'");
	db_bind_int(st, 1, r->reporting_id);
	db_bind_int(st, 2, r->unit_id);
	db_bind_int(st, 3, r->period_id);
	db_bind_text(st, 4, r->due_on);
	db_bind_int(st, 5, r->version);
	return db_run(st);
}
