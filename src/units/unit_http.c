/*
 * unit_http.c -- browse the organisation tree as it stood on a date, one
 * unit's page with its dated parent links, and the JSON list.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"
#include "render/numfmt.h"
#include "units/unit.h"
#include "units/unit_http.h"

bool
unit_check_scope(struct req *r, const struct unit_tree *t, int64_t unit_id)
{
	if (unit_get(t, unit_id) == NULL) {
		resp_error(r, ERR_NOTFOUND, "Không có đơn vị này.",
		    "No such unit.");
		return false;
	}
	if (!unit_in_scope(t, r->user.unit_id, unit_id)) {
		resp_error(r, ERR_FORBIDDEN, "Đơn vị này nằm ngoài phạm vi của "
		    "bạn.", "This unit is outside your scope.");
		return false;
	}
	return true;
}

/* The date the tree is shown on: ?on=YYYY-MM-DD or today. */
static bool
tree_date(struct req *r, char on[11])
{
	const char *q = req_query(r, "on");

	if (q == NULL || q[0] == '\0') {
		date_today(on);
		return true;
	}
	if (!str_is_date(q)) {
		resp_error(r, ERR_INVALID, "Ngày «on» phải có dạng YYYY-MM-DD.",
		    "Date \"on\" must be YYYY-MM-DD.");
		return false;
	}
	memcpy(on, q, 11);
	return true;
}

static void
tree_node(struct req *r, const struct unit_tree *t, size_t i, const char *on,
    int depth)
{
	const struct unit *u = &t->u[i];
	size_t *kids, n, k;

	html_fmt(&r->out, "<li><a href=\"/units/%I\">%s</a> "
	    "<small class=\"muted\">%s · %s</small>", u->id, unit_display_name(u, r->lang),
	    unit_kind_name(u->kind, r->lang), u->code);
	if (u->demo)
		html_fmt(&r->out, " <span class=\"badge demo-badge\">%s</span>",
		    L(r, "dữ liệu mẫu", "demo"));
	html_fmt(&r->out, " <a href=\"/units/%I/dashboard\" class=\"secondary\">"
	    "<small>%s</small></a>", u->id, L(r, "tổng quan", "dashboard"));
	n = unit_children(t, i, LINK_ADMIN, on, NULL, 0);
	if (n > 0 && depth < 8) {
		kids = xcalloc(n, sizeof(*kids));
		n = unit_children(t, i, LINK_ADMIN, on, kids, n);
		html_lit(&r->out, "<ul>");
		for (k = 0; k < n; k++)
			if (unit_open_on(&t->u[kids[k]], on))
				tree_node(r, t, kids[k], on, depth + 1);
		html_lit(&r->out, "</ul>");
		free(kids);
	}
	html_lit(&r->out, "</li>");
}

void
unit_tree_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	char on[11];
	size_t root;

	if (t == NULL || !tree_date(r, on))
		goto out;
	if ((root = unit_index(t, r->user.unit_id)) == (size_t)-1) {
		resp_error(r, ERR_NOTFOUND, "Không có đơn vị của bạn.",
		    "Your unit does not exist.");
		goto out;
	}
	page_begin(r, L(r, "Đơn vị", "Units"));
	html_fmt(&r->out, "<h1>%s</h1><form method=\"get\" action=\"/units\" "
	    "class=\"grid\"><label>%s<input type=\"date\" name=\"on\" "
	    "value=\"%s\"></label><div><br><button type=\"submit\">%s</button>"
	    "</div></form><p class=\"muted\">%s</p><div class=\"tree\"><ul>",
	    L(r, "Cây tổ chức", "Organisation tree"),
	    L(r, "Cơ cấu tại ngày", "Structure on"), on, L(r, "Xem", "Show"),
	    L(r, "Trước 01/7/2025 trường học trực thuộc Phòng GD&ĐT cấp huyện; "
	    "từ 01/7/2025 trường mầm non, tiểu học, THCS thuộc UBND xã về quản "
	    "lý nhà nước và thuộc Sở GD&ĐT về chuyên môn.",
	    "Before 1 July 2025 schools sat under district offices; from 1 July "
	    "2025 kindergartens, primary and lower-secondary schools sit under "
	    "the commune for administration and the province department "
	    "professionally."));
	tree_node(r, t, root, on, 0);
	html_lit(&r->out, "</ul></div>");
	page_end(r);
	resp_html(r, 200);
out:
	unit_tree_put(r->app, t);
}

static void
links_table(struct req *r, const struct unit_tree *t, size_t i, bool up)
{
	size_t k, from = up ? t->up_off[i] : t->down_off[i];
	size_t to = up ? t->up_off[i + 1] : t->down_off[i + 1];

	if (from == to) {
		html_fmt(&r->out, "<p class=\"muted\">%s</p>",
		    L(r, "Không có.", "None."));
		return;
	}
	html_fmt(&r->out, "<table class=\"compact\"><thead><tr><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	    L(r, "Đơn vị", "Unit"), L(r, "Quan hệ", "Relation"),
	    L(r, "Từ ngày", "From"), L(r, "Đến trước ngày", "Until"));
	for (k = from; k < to; k++) {
		const struct unit_link *l = &t->l[up ? t->up[k] : t->down[k]];
		const struct unit *o = &t->u[up ? l->parent : l->child];
		char d1[NUMFMT_MAX], d2[NUMFMT_MAX];

		html_fmt(&r->out, "<tr><td><a href=\"/units/%I\">%s</a></td>"
		    "<td>%s</td><td>%s</td><td>%s</td></tr>", o->id,
		    unit_display_name(o, r->lang), l->role == LINK_PROF ?
		    L(r, "chuyên môn", "professional") :
		    L(r, "quản lý hành chính", "administrative"),
		    strcmp(l->from, "1900-01-01") == 0 ? "—" :
		    numfmt_date(d1, l->from),
		    strcmp(l->to, "9999-12-31") == 0 ? "—" :
		    numfmt_date(d2, l->to));
	}
	html_lit(&r->out, "</tbody></table>");
}

void
unit_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *u;
	struct db_stmt *st;
	size_t i;

	if (t == NULL || !unit_check_scope(r, t, r->params[0]))
		goto out;
	i = unit_index(t, r->params[0]);
	u = &t->u[i];
	page_begin(r, unit_display_name(u, r->lang));
	html_fmt(&r->out, "<hgroup><h1>%s</h1><p>%s · %s <code>%s</code></p>"
	    "</hgroup>", unit_display_name(u, r->lang), unit_kind_name(u->kind, r->lang),
	    L(r, "mã", "code"), u->code);
	if (u->demo)
		html_fmt(&r->out, "<p><span class=\"badge demo-badge\">%s</span> "
		    "%s</p>", L(r, "dữ liệu mẫu", "demo"),
		    L(r, "Đơn vị tổng hợp để minh họa, không phải số liệu thật.",
		    "A synthetic unit for the demonstration, not real data."));
	html_fmt(&r->out, "<p><a role=\"button\" href=\"/units/%I/dashboard\">"
	    "%s</a> <a role=\"button\" class=\"secondary\" "
	    "href=\"/units/%I/activities\">%s</a> <a role=\"button\" "
	    "class=\"secondary\" href=\"/units/%I/exchange\">%s</a></p>",
	    u->id, L(r, "Chỉ tiêu và kết quả", "Targets and results"), u->id,
	    L(r, "Hoạt động truyền thông", "Communication activities"), u->id,
	    L(r, "Trao đổi số liệu (ADX, DHIS2)", "Data exchange (ADX, DHIS2)"));
	if (u->opened_on[0] || u->closed_on[0]) {
		char from[NUMFMT_MAX], to[NUMFMT_MAX];

		html_fmt(&r->out, "<p>%s: %s %s — %s %s</p>",
		    L(r, "Hoạt động", "Active"), L(r, "từ", "from"),
		    u->opened_on[0] ? numfmt_date(from, u->opened_on) : "…",
		    L(r, "đến trước", "until"),
		    u->closed_on[0] ? numfmt_date(to, u->closed_on) : "…");
	}
	html_fmt(&r->out, "<h2>%s</h2>", L(r, "Trực thuộc", "Parents"));
	links_table(r, t, i, true);
	html_fmt(&r->out, "<h2>%s</h2>", L(r, "Đơn vị trực thuộc",
	    "Units below"));
	links_table(r, t, i, false);

	html_fmt(&r->out, "<h2>%s</h2><ul>", L(r, "Kế hoạch của đơn vị",
	    "Plans of this unit"));
	st = db_stmt(r->db, "SELECT id, number, symbol, title FROM plan"
	    " WHERE unit_id = ? ORDER BY issued_on DESC, id DESC");
	db_bind_int(st, 1, u->id);
	while (db_step(st) == DB_ROW)
		html_fmt(&r->out, "<li><a href=\"/plans/%I\">%s/%s</a> — %s</li>",
		    db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2),
		    db_col_text(st, 3));
	db_done(st);
	html_lit(&r->out, "</ul>");
	page_end(r);
	resp_html(r, 200);
out:
	unit_tree_put(r->app, t);
}

void
unit_api_list(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	json_t *arr = json_array();
	size_t i, k;
	char *s;

	if (t == NULL)
		goto out;
	for (i = 0; i < t->n; i++) {
		const struct unit *u = &t->u[i];
		json_t *links = json_array();

		if (!unit_in_scope(t, r->user.unit_id, u->id)) {
			json_decref(links);
			continue;
		}
		for (k = t->up_off[i]; k < t->up_off[i + 1]; k++) {
			const struct unit_link *l = &t->l[t->up[k]];

			json_array_append_new(links, json_pack("{s:I,s:s,s:s,s:s}",
			    "parent", (json_int_t)t->u[l->parent].id, "role",
			    l->role == LINK_PROF ? "prof" : "admin", "from",
			    l->from, "to", l->to));
		}
		json_array_append_new(arr, json_pack("{s:I,s:s,s:s,s:s,s:s,s:b,"
		    "s:o}", "id", (json_int_t)u->id, "code", u->code, "kind",
		    unit_kinds[u->kind].code, "name", u->name, "name_en",
		    u->name_en, "demo", u->demo, "parents", links));
	}
	s = json_dumps(arr, JSON_COMPACT);
	resp_json_text(r, 200, s);
	free(s);
out:
	json_decref(arr);
	unit_tree_put(r->app, t);
}
