/*
 * plan_http.c -- reading plans over HTTP: the list in the user's scope,
 * one plan as a document with its targets' live status and the warnings
 * where a target is weaker than the plan above, the JSON export and the
 * JSON API.  Changing plans is in plan_edit_http.c.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/xalloc.h"
#include "dashboard/dashboard.h"
#include "db/db.h"
#include "docs/doc_job.h"
#include "http/req.h"
#include "plans/plan_db.h"
#include "plans/plan_html.h"
#include "plans/plan_http.h"
#include "plans/plan_json.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"

bool
plan_can_view(const struct req *r, const struct unit_tree *t, int64_t u)
{
	return unit_in_scope(t, r->user.unit_id, u) ||
	    unit_in_scope(t, u, r->user.unit_id);
}

bool
plan_can_edit(const struct req *r, const struct unit_tree *t, int64_t u)
{
	return role_can(r->user.role, PERM_PLAN_EDIT) &&
	    unit_in_scope(t, r->user.unit_id, u);
}

/* Load the owner unit of plan id and check the user may see (edit:
 * change) it; otherwise answer 404 or 403 and return false. */
static bool
plan_check(struct req *r, const struct unit_tree *t, int64_t id, bool edit,
    int64_t *unit_id)
{
	if (plan_db_unit(r->db, id, unit_id) != ERR_OK) {
		resp_error(r, ERR_NOTFOUND, "Không có kế hoạch này.",
		    "No such plan.");
		return false;
	}
	if (edit ? !plan_can_edit(r, t, *unit_id) :
	    !plan_can_view(r, t, *unit_id)) {
		resp_error(r, ERR_FORBIDDEN, edit ?
		    "Bạn không được sửa kế hoạch của đơn vị này." :
		    "Kế hoạch này thuộc đơn vị ngoài phạm vi của bạn.", edit ?
		    "You may not change the plans of this unit." :
		    "This plan belongs to a unit outside your scope.");
		return false;
	}
	return true;
}

struct plan *
plan_load_checked(struct req *r, const struct unit_tree *t, bool edit)
{
	struct plan *p = NULL;
	int64_t unit;

	if (t == NULL) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return NULL;
	}
	if (!plan_check(r, t, r->params[0], edit, &unit))
		return NULL;
	if (plan_db_load(r->db, r->params[0], &p) != ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return NULL;
	}
	return p;
}

static const char *
unit_label(const struct req *r, const struct unit_tree *t, int64_t id)
{
	const struct unit *u = unit_get(t, id);

	if (u == NULL)
		return "";
	return r->lang == LANG_EN && u->name_en[0] ? u->name_en : u->name;
}

void
plan_list_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct plan_row **own = NULL, **above = NULL;
	struct plan_row *rows = NULL;
	size_t n = 0, nown = 0, nabove = 0, i;

	if (t == NULL || plan_db_list(r->db, &rows, &n) != ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	own = xcalloc(n + 1, sizeof(*own));
	above = xcalloc(n + 1, sizeof(*above));
	for (i = 0; i < n; i++)
		if (unit_in_scope(t, r->user.unit_id, rows[i].unit_id))
			own[nown++] = &rows[i];
		else if (unit_in_scope(t, rows[i].unit_id, r->user.unit_id))
			above[nabove++] = &rows[i];
	page_begin(r, L(r, "Kế hoạch", "Plans"));
	html_fmt(&r->out, "<h1>%s</h1>", L(r, "Kế hoạch", "Plans"));
	if (role_can(r->user.role, PERM_PLAN_EDIT))
		html_fmt(&r->out, "<p><a role=\"button\" href=\"/plans/new\">%s</a>"
		    " <a role=\"button\" class=\"secondary\" href=\"/plans/import\">"
		    "%s</a></p>", L(r, "Tạo kế hoạch", "New plan"),
		    L(r, "Nhập tệp JSON", "Import a JSON file"));
	html_fmt(&r->out, "<h2>%s</h2>", L(r, "Kế hoạch của các đơn vị trong "
	    "phạm vi của bạn", "Plans of the units in your scope"));
	if (nown == 0)
		html_fmt(&r->out, "<p class=\"muted\">%s</p>",
		    L(r, "Chưa có kế hoạch.", "No plans yet."));
	else
		plan_list_table(r, own, nown);
	if (nabove > 0) {
		html_fmt(&r->out, "<h2>%s</h2>", L(r, "Kế hoạch cấp trên áp dụng "
		    "cho đơn vị của bạn", "Plans of the levels above that apply "
		    "to your unit"));
		plan_list_table(r, above, nabove);
	}
	page_end(r);
	resp_html(r, 200);
out:
	free(own);
	free(above);
	plan_rows_free(rows, n);
	unit_tree_put(r->app, t);
}

/* The plans a plan answers to: the one it implements and those its
 * basis cites, that the user may see; ids into out (at most max). */
static size_t
parents_of(struct req *r, const struct unit_tree *t, const struct plan *p,
    int64_t *out, size_t max)
{
	int64_t cand[64], unit;
	size_t n = 0, nc = 0, i, k;

	if (p->implements_id != 0)
		cand[nc++] = p->implements_id;
	for (i = 0; i < p->nbasis && nc < 64; i++)
		if (p->basis[i].ref_plan_id != 0)
			cand[nc++] = p->basis[i].ref_plan_id;
	for (i = 0; i < nc && n < max; i++) {
		bool dup = cand[i] == p->id;

		for (k = 0; k < n; k++)
			dup = dup || out[k] == cand[i];
		if (!dup && plan_db_unit(r->db, cand[i], &unit) == ERR_OK &&
		    plan_can_view(r, t, unit))
			out[n++] = cand[i];
	}
	return n;
}

/* Every milestone of p weaker than its parents', as messages. */
static size_t
weak_messages(struct req *r, const struct unit_tree *t, const struct plan *p,
    const struct plan_catalogue *cat, struct plan_weakmsg **out)
{
	struct plan_weakmsg *v = NULL;
	int64_t parents[16];
	size_t np, i, k, n = 0, nw;

	np = parents_of(r, t, p, parents, 16);
	for (i = 0; i < np; i++) {
		struct plan *parent = NULL;
		struct plan_weak *w = NULL;

		if (plan_db_load(r->db, parents[i], &parent) != ERR_OK)
			continue;
		nw = plan_compare(p, parent, cat, &w);
		for (k = 0; k < nw; k++) {
			const struct plan_target *ct = &p->targets[w[k].t];
			const struct plan_target *pt = &parent->targets[w[k].pt];
			const struct plan_indicator *ind =
			    plan_catalogue_find(cat, ct->indicator);
			enum plan_vunit u = ind ? ind->vunit : PLAN_VUNIT_PERCENT;
			struct plan_weakmsg *m;

			v = xrealloc(v, (n + 1) * sizeof(*v));
			m = &v[n++];
			m->t = w[k].t;
			m->year = ct->ms[w[k].m].year;
			plan_fmt_milestone(ct->ms[w[k].m].cmp,
			    ct->ms[w[k].m].value, u, m->child, sizeof(m->child));
			plan_fmt_milestone(pt->ms[w[k].pm].cmp,
			    pt->ms[w[k].pm].value, u, m->parent,
			    sizeof(m->parent));
			plan_ref(parent, m->ref, sizeof(m->ref));
			if (m->ref[0] == '\0')
				snprintf(m->ref, sizeof(m->ref), "%.150s",
				    parent->title);
			m->parent_id = parent->id;
		}
		free(w);
		plan_free(parent);
	}
	*out = v;
	return n;
}

static void
meta_bar(struct req *r, const struct unit_tree *t, const struct plan *p,
    bool can_edit)
{
	struct buf *o = &r->out;
	char base[64];
	size_t i;

	html_fmt(o, "<nav class=\"plan-meta\"><ul><li><a href=\"/plans\">%s</a>"
	    "</li><li><a href=\"/units/%I\">%s</a></li><li>%s %d–%d</li>",
	    L(r, "Kế hoạch", "Plans"), p->unit_id, unit_label(r, t, p->unit_id),
	    L(r, "Thời kỳ", "Period"), p->period_from, p->period_to);
	for (i = 0; i < p->nphases; i++)
		html_fmt(o, "<li>%s (%d–%d)</li>", p->phases[i].name,
		    p->phases[i].from, p->phases[i].to);
	if (p->implements_id != 0)
		html_fmt(o, "<li>%s <a href=\"/plans/%I\">%s</a></li>",
		    L(r, "Thực hiện", "Implements"), p->implements_id,
		    p->implements);
	html_fmt(o, "</ul><ul><li><a href=\"/units/%I/dashboard\">%s</a></li>"
	    "<li><a href=\"/plans/%I/export\" download>%s</a></li>", p->unit_id,
	    L(r, "Tổng quan đơn vị", "Unit dashboard"), p->id,
	    L(r, "Tải JSON", "Download JSON"));
	if (can_edit)
		html_fmt(o, "<li><a role=\"button\" href=\"/plans/%I/edit\">%s</a>"
		    "</li>", p->id, L(r, "Sửa", "Edit"));
	html_lit(o, "</ul></nav>");
	/* PDF and DOCX are made in the background (docs/doc_job.h). */
	snprintf(base, sizeof(base), "/plans/%lld/doc", (long long)p->id);
	doc_job_buttons(r, base, false);
}

void
plan_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct plan_catalogue cat = { NULL, 0 };
	struct plan_weakmsg *weak = NULL;
	struct target_eval *evals = NULL;
	struct plan *p = NULL;
	bool *evaled = NULL;
	size_t i;
	struct plan_view v;

	if ((p = plan_load_checked(r, t, false)) == NULL)
		goto out;
	if (plan_db_catalogue(r->db, &cat) != ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	memset(&v, 0, sizeof(v));
	v.p = p;
	v.cat = &cat;
	v.unit_name = unit_label(r, t, p->unit_id);
	v.nweak = weak_messages(r, t, p, &cat, &weak);
	v.weak = weak;
	v.can_edit = plan_can_edit(r, t, p->unit_id);
	evals = xcalloc(p->ntargets + 1, sizeof(*evals));
	evaled = xcalloc(p->ntargets + 1, sizeof(*evaled));
	for (i = 0; i < p->ntargets; i++)
		evaled[i] = dash_target_eval(r->app, r->db, p->unit_id,
		    p->targets[i].id, &evals[i]) == ERR_OK;
	v.evals = evals;
	v.evaled = evaled;
	page_begin(r, p->title);
	meta_bar(r, t, p, v.can_edit);
	plan_doc_html(r, &v);
	page_end(r);
	resp_html(r, 200);
out:
	free(evals);
	free(evaled);
	free(weak);
	plan_catalogue_release(&cat);
	plan_free(p);
	unit_tree_put(r->app, t);
}

void
plan_export(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct plan *p = NULL;
	char disp[96], *s;

	if ((p = plan_load_checked(r, t, false)) == NULL)
		goto out;
	s = plan_to_json_text(p);
	resp_json_text(r, 200, s);
	free(s);
	snprintf(disp, sizeof(disp), "attachment; filename=\"plan-%lld.json\"",
	    (long long)p->id);
	resp_header(r, "Content-Disposition", disp);
out:
	plan_free(p);
	unit_tree_put(r->app, t);
}

void
plan_api_list(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct plan_row *rows = NULL;
	json_t *arr = json_array();
	size_t n = 0, i;
	char *s;

	if (t == NULL || plan_db_list(r->db, &rows, &n) != ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	for (i = 0; i < n; i++) {
		const struct plan_row *p = &rows[i];
		bool own = unit_in_scope(t, r->user.unit_id, p->unit_id);

		if (!own && !unit_in_scope(t, p->unit_id, r->user.unit_id))
			continue;
		json_array_append_new(arr, json_pack("{s:I,s:s,s:s,s:s,"
		    "s:{s:I,s:s,s:s},s:{s:i,s:i},s:o,s:i,s:b,s:s}",
		    "id", (json_int_t)p->id, "ref", p->ref, "doc_type",
		    p->doc_type, "title", p->title, "unit", "id",
		    (json_int_t)p->unit_id, "code", p->unit_code, "name",
		    p->unit_name, "period", "from", p->period_from, "to",
		    p->period_to, "issued_on", p->issued_on[0] ?
		    json_string(p->issued_on) : json_null(), "targets",
		    p->ntargets, "demo", p->demo, "relation", own ? "own" :
		    "above"));
	}
	s = json_dumps(arr, JSON_COMPACT);
	resp_json_text(r, 200, s);
	free(s);
out:
	json_decref(arr);
	plan_rows_free(rows, n);
	unit_tree_put(r->app, t);
}

void
plan_api_get(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct plan *p = NULL;
	json_t *o;
	char *s;

	if ((p = plan_load_checked(r, t, false)) == NULL)
		goto out;
	o = plan_to_json(p);
	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "unit_id", json_integer(p->unit_id));
	s = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(12));
	resp_json_text(r, 200, s);
	free(s);
	json_decref(o);
out:
	plan_free(p);
	unit_tree_put(r->app, t);
}
