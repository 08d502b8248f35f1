/*
 * plan_edit_http.c -- changing plans over HTTP: import a JSON file (its
 * text from a form field), create a plan and edit one with the plain form.
 * The route needs PERM_PLAN_EDIT; here the owner unit must be in the
 * user's scope, before and after the change.  A plan with any problem is
 * not written: the form comes back with every message (400, or 409 for a
 * duplicate).  Saving is one transaction with an audit row (plan_db.c).
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "core/strutil.h"
#include "http/req.h"
#include "plans/plan_db.h"
#include "plans/plan_form.h"
#include "plans/plan_html.h"
#include "plans/plan_http.h"
#include "plans/plan_json.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"

static int
status_of(enum err e)
{
	return e == ERR_OK ? 200 : http_status_of(e);
}

/* Is the plan's owner unit (by code) in the user's scope?  Answers 403
 * if not.  An unknown code passes: saving reports it on its field. */
static bool
owner_ok(struct req *r, const struct unit_tree *t, const struct plan *p)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->u[i].code, p->unit) == 0) {
			if (plan_can_edit(r, t, t->u[i].id))
				return true;
			resp_error(r, ERR_FORBIDDEN, "Bạn không được lập kế hoạch "
			    "cho đơn vị này (ngoài phạm vi của bạn).", "You may "
			    "not make plans for this unit (outside your scope).");
			return false;
		}
	return true;
}

static void
redirect_to(struct req *r, int64_t id)
{
	char loc[48];

	snprintf(loc, sizeof(loc), "/plans/%lld", (long long)id);
	resp_redirect(r, loc);
}

static void
import_page(struct req *r, const char *json, const struct plan_errs *errs,
    int status)
{
	struct buf *o = &r->out;
	size_t i;

	page_begin(r, L(r, "Nhập kế hoạch", "Import a plan"));
	html_fmt(o, "<h1>%s</h1><p>%s <a href=\"/plans\">%s</a></p>",
	    L(r, "Nhập kế hoạch từ tệp JSON", "Import a plan from a JSON file"),
	    L(r, "Dán nội dung tệp theo định dạng vitre-plan/1 (như tệp tải về "
	    "từ trang kế hoạch). Tệp có bất kỳ lỗi nào sẽ không được ghi.",
	    "Paste the text of a vitre-plan/1 file (as downloaded from a plan's "
	    "page). A file with any problem is not written."),
	    L(r, "Về danh sách kế hoạch", "Back to the plans"));
	if (errs->n > 0) {
		html_fmt(o, "<div class=\"flash bad\" role=\"alert\"><strong>%s"
		    "</strong><ul>", L(r, "Chưa nhập được, vì:",
		    "Not imported, because:"));
		for (i = 0; i < errs->n; i++)
			html_fmt(o, "<li><code>%s</code> %s</li>", errs->v[i].path,
			    L(r, errs->v[i].vi, errs->v[i].en));
		html_lit(o, "</ul></div>");
	}
	html_lit(o, "<form method=\"post\" action=\"/plans/import\">");
	html_csrf_input(r);
	html_fmt(o, "<label>%s<textarea name=\"json\" rows=\"18\" "
	    "spellcheck=\"false\">%s</textarea></label><button type=\"submit\">"
	    "%s</button></form>", L(r, "Nội dung JSON", "JSON text"),
	    json ? json : "", L(r, "Nhập", "Import"));
	page_end(r);
	resp_html(r, status);
}

void
plan_import_form(struct req *r)
{
	struct plan_errs errs = { NULL, 0 };

	import_page(r, NULL, &errs, 200);
}

void
plan_import(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const char *json = req_form(r, "json");
	struct plan_errs errs = { NULL, 0 };
	struct plan *p = NULL;
	enum err e = ERR_INVALID;

	if (t == NULL) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	if (str_empty(json))
		plan_err(&errs, "json", "cần dán nội dung tệp JSON.",
		    "the JSON text is required.");
	else if ((p = plan_from_json_text(json, strlen(json), &errs)) != NULL) {
		if (!owner_ok(r, t, p))
			goto out;
		e = plan_db_save(r->db, p, 0, r->user.id, &errs);
	}
	if (e != ERR_OK) {
		import_page(r, json, &errs, status_of(e));
		goto out;
	}
	redirect_to(r, p->id);
out:
	plan_free(p);
	plan_errs_release(&errs);
	unit_tree_put(r->app, t);
}

static void
form_page(struct req *r, const struct unit_tree *t, const char *action,
    const char *heading, const struct kvlist *vals,
    const struct plan_errs *errs, const struct plan_formmap *map, int status)
{
	struct plan_catalogue cat = { NULL, 0 };

	if (plan_db_catalogue(r->db, &cat) != ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return;
	}
	page_begin(r, heading);
	plan_form_html(r, action, heading, vals, errs, map, &cat, t);
	page_end(r);
	resp_html(r, status);
	plan_catalogue_release(&cat);
}

void
plan_new_form(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *u;
	struct kvlist vals = { NULL, 0, 0 };
	struct plan_errs errs = { NULL, 0 };
	char today[11], year[5];

	if (t == NULL || (u = unit_get(t, r->user.unit_id)) == NULL) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	date_today(today);
	snprintf(year, sizeof(year), "%.4s", today);
	kvlist_add(&vals, "unit", u->code);
	kvlist_add(&vals, "doc_type", "KH");
	kvlist_add(&vals, "issuer", u->name);
	kvlist_add(&vals, "place", u->place);
	kvlist_add(&vals, "period_from", year);
	kvlist_add(&vals, "period_to", year);
	form_page(r, t, "/plans", L(r, "Tạo kế hoạch", "New plan"), &vals,
	    &errs, NULL, 200);
out:
	kvlist_clear(&vals);
	unit_tree_put(r->app, t);
}

/* Save the plan read from the form as new (id 0) or in place of id. */
static void
save_form(struct req *r, const struct unit_tree *t, int64_t id, bool demo,
    const char *action, const char *heading)
{
	struct plan_errs errs = { NULL, 0 };
	struct plan_formmap map = { NULL, 0 };
	struct plan *p;
	enum err e = ERR_INVALID;

	if ((p = plan_from_form(&r->form, &errs, &map)) != NULL) {
		if (!owner_ok(r, t, p))
			goto out;
		p->demo = demo;
		e = plan_db_save(r->db, p, id, r->user.id, &errs);
	}
	if (e != ERR_OK)
		form_page(r, t, action, heading, &r->form, &errs, &map,
		    status_of(e));
	else
		redirect_to(r, p->id);
out:
	plan_free(p);
	plan_errs_release(&errs);
	plan_formmap_release(&map);
}

void
plan_create(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);

	if (t == NULL)
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
	else
		save_form(r, t, 0, false, "/plans", L(r, "Tạo kế hoạch",
		    "New plan"));
	unit_tree_put(r->app, t);
}

void
plan_edit_form(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct kvlist vals = { NULL, 0, 0 };
	struct plan_errs errs = { NULL, 0 };
	struct plan *p;
	char action[48];

	if ((p = plan_load_checked(r, t, true)) == NULL)
		goto out;
	plan_to_form(p, &vals);
	snprintf(action, sizeof(action), "/plans/%lld", (long long)p->id);
	form_page(r, t, action, L(r, "Sửa kế hoạch", "Edit the plan"), &vals,
	    &errs, NULL, 200);
out:
	kvlist_clear(&vals);
	plan_free(p);
	unit_tree_put(r->app, t);
}

void
plan_update(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct plan *old;
	char action[48];

	if ((old = plan_load_checked(r, t, true)) == NULL)
		goto out;
	snprintf(action, sizeof(action), "/plans/%lld", (long long)old->id);
	save_form(r, t, old->id, old->demo, action, L(r, "Sửa kế hoạch",
	    "Edit the plan"));
out:
	plan_free(old);
	unit_tree_put(r->app, t);
}
