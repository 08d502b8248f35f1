/*
 * rollover_http.c -- the year-end rollover page of a school.
 *
 *	GET  /units/{id}/register/rollover?year=2024-2025	preview
 *	POST /units/{id}/register/rollover			apply (year)
 *	POST /units/{id}/register/rollover/{id}/undo		undo
 *
 * The preview says per class of the closing year how many children are
 * promoted, repeat, finish the school or have left, how many have no
 * year-end decision yet (promoted by default), and the classes the new
 * year starts with; then the button.  The school's past rollovers are
 * listed with an undo button for the one in force.  PERM_REGISTER_MANAGE
 * (the principal) and the school in the user's scope.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "db/db.h"
#include "http/req.h"
#include "register/enrolment.h"
#include "render/html.h"
#include "render/layout.h"
#include "rollover/rollover.h"
#include "rollover/rollover_http.h"
#include "units/unit.h"
#include "units/unit_http.h"

/* The school of the path; NULL after answering. */
static const struct unit *
school(struct req *r, const struct unit_tree *t)
{
	const struct unit *u;

	if (t == NULL) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return NULL;
	}
	if (!unit_check_scope(r, t, r->params[0]))
		return NULL;
	u = unit_get(t, r->params[0]);
	if (!unit_kinds[u->kind].school) {
		resp_error(r, ERR_INVALID, "Chỉ chuyển năm học cho một trường.",
		    "Only a school's register rolls over.");
		return NULL;
	}
	return u;
}

/* The closing year: ?year= (or the form's), else the latest that ended
 * or is ending -- the newest school year that has started. */
static bool
closing_year(struct req *r, struct period *p)
{
	const char *y = req_param(r, "year");
	struct period *ps = NULL;
	size_t n = 0;
	char today[11];
	bool ok;

	if (!str_empty(y)) {
		if (period_get_by_code(r->db, y, p) == ERR_OK &&
		    p->type == PERIOD_SCHOOL_YEAR)
			return true;
		resp_error(r, ERR_INVALID, "Năm học: không có năm học này (dạng "
		    "2024-2025).", "School year: there is no such school year "
		    "(written 2024-2025).");
		return false;
	}
	date_today(today);
	ok = period_list(r->db, PERIOD_SCHOOL_YEAR, today, &ps, &n) == ERR_OK &&
	    n > 0;
	if (ok)
		*p = ps[0];
	else
		resp_error(r, ERR_DB, "Không đọc được danh mục năm học.",
		    "The school years cannot be read.");
	free(ps);
	return ok;
}

static const char *const action_vi[ROLL__MAX] = { "Lên lớp", "Lưu ban",
	"Hoàn thành, ra trường", "Đã chuyển đi / bỏ học",
	"Đã có lớp năm sau" };
static const char *const action_en[ROLL__MAX] = { "Promoted", "Repeat",
	"Finished the school", "Moved away / dropped out",
	"Already enrolled next year" };

static void
history(struct req *r, const struct unit *u)
{
	struct db_stmt *st = db_stmt(r->db, "SELECT r.id, f.code, t.code,"
	    " r.applied_at, r.undone_at IS NOT NULL,"
	    " (SELECT COUNT(*) FROM rollover_item i WHERE i.rollover_id = r.id"
	    " AND i.next_enrolment_id IS NOT NULL)"
	    " FROM rollover r JOIN period f ON f.id = r.from_period_id"
	    " JOIN period t ON t.id = r.to_period_id WHERE r.unit_id = ?"
	    " ORDER BY r.id DESC");
	bool any = false;

	db_bind_int(st, 1, u->id);
	while (db_step(st) == DB_ROW) {
		int64_t id = db_col_int(st, 0);

		if (!any)
			html_fmt(&r->out, "<h2>%s</h2><table class=\"compact\">"
			    "<tbody>", L(r, "Các lần chuyển năm học",
			    "Rollovers"));
		any = true;
		html_fmt(&r->out, "<tr id=\"rollover-%I\"><td>%s → %s</td>"
		    "<td class=\"num\">%I %s</td><td>", id, db_col_text(st, 1),
		    db_col_text(st, 2), db_col_int(st, 5),
		    L(r, "trẻ sang năm mới", "children carried"));
		if (db_col_int(st, 4))
			html_fmt(&r->out, "%s", L(r, "đã hoàn tác", "undone"));
		else {
			html_fmt(&r->out, "<form method=\"post\" class=\"inline\" "
			    "action=\"/units/%I/register/rollover/%I/undo\">",
			    u->id, id);
			html_csrf_input(r);
			html_fmt(&r->out, "<button type=\"submit\" "
			    "class=\"secondary\">%s</button></form>",
			    L(r, "Hoàn tác", "Undo"));
		}
		html_lit(&r->out, "</td></tr>");
	}
	db_done(st);
	if (any)
		html_lit(&r->out, "</tbody></table>");
}

static void
preview(struct req *r, const struct unit *u, const struct roll_plan *p,
    const char *flash)
{
	size_t i;
	int a;

	page_begin(r, L(r, "Chuyển năm học", "Year-end rollover"));
	html_fmt(&r->out, "<hgroup><h1>%s</h1><p>%s · %s → %s</p></hgroup>",
	    L(r, "Chuyển năm học", "Year-end rollover"), u->name, p->from.code,
	    p->to.code);
	if (flash != NULL)
		html_fmt(&r->out, "<p role=\"status\"><strong>%s</strong></p>",
		    flash);
	if (p->nitems == 0)
		html_fmt(&r->out, "<p>%s</p>", L(r, "Năm học này chưa có trẻ "
		    "nào trong sổ.", "This school year has no child in the "
		    "register."));
	else {
		html_fmt(&r->out, "<table class=\"compact\" id=\"rollover-plan\">"
		    "<thead><tr><th>%s</th><th>%s</th>", L(r, "Lớp", "Class"),
		    L(r, "Khối", "Grade"));
		for (a = 0; a < ROLL__MAX; a++)
			html_fmt(&r->out, "<th>%s</th>", L(r, action_vi[a],
			    action_en[a]));
		html_fmt(&r->out, "<th>%s</th></tr></thead><tbody>",
		    L(r, "Chưa có quyết định cuối năm", "No year-end decision"));
		for (i = 0; i < p->nclasses; i++) {
			const struct roll_class *c = &p->classes[i];

			html_fmt(&r->out, "<tr><td>%s</td><td>%s</td>",
			    c->class_name, enrol_grade_name(c->grade,
			    r->lang == LANG_EN));
			for (a = 0; a < ROLL__MAX; a++)
				html_fmt(&r->out, "<td class=\"num\">%I</td>",
				    (int64_t)c->n[a]);
			html_fmt(&r->out, "<td class=\"num\">%I</td></tr>",
			    (int64_t)c->undecided);
		}
		html_fmt(&r->out, "</tbody><tfoot><tr><th colspan=\"2\">%s</th>",
		    L(r, "Cả trường", "Whole school"));
		for (a = 0; a < ROLL__MAX; a++)
			html_fmt(&r->out, "<th class=\"num\">%I</th>",
			    (int64_t)p->total[a]);
		html_fmt(&r->out, "<th class=\"num\">%I</th></tr></tfoot></table>",
		    (int64_t)p->undecided);
		if (p->undecided > 0)
			html_fmt(&r->out, "<p><small>%s</small></p>",
			    L(r, "Trẻ chưa có quyết định cuối năm sẽ được ghi "
			    "lên lớp (hoặc hoàn thành ở lớp cuối cấp). Hãy ghi lưu "
			    "ban trên hồ sơ của trẻ trước khi chuyển năm học.",
			    "Children without a year-end decision are promoted "
			    "(or complete at the last grade). Record repeats on "
			    "the child's record before the rollover."));
		html_fmt(&r->out, "<h2>%s %s</h2><table class=\"compact\" "
		    "id=\"rollover-next\"><thead><tr><th>%s</th><th>%s</th>"
		    "<th>%s</th></tr></thead><tbody>", L(r, "Các lớp năm học",
		    "Classes of"), p->to.code, L(r, "Lớp", "Class"),
		    L(r, "Khối", "Grade"), L(r, "Số trẻ", "Children"));
		for (i = 0; i < p->nnext; i++)
			html_fmt(&r->out, "<tr><td>%s</td><td>%s</td>"
			    "<td class=\"num\">%I</td></tr>",
			    p->next[i].class_name, enrol_grade_name(
			    p->next[i].grade, r->lang == LANG_EN),
			    (int64_t)p->next[i].n);
		html_lit(&r->out, "</tbody></table>");
		if (p->active_rollover != 0)
			html_fmt(&r->out, "<p>%s</p>", L(r, "Năm học này đã được "
			    "chuyển; hoàn tác lần chuyển bên dưới để làm lại.",
			    "This year was rolled over; undo it below to do it "
			    "again."));
		else {
			html_fmt(&r->out, "<form method=\"post\" action=\"/units/"
			    "%I/register/rollover\"><input type=\"hidden\" "
			    "name=\"year\" value=\"%s\">", u->id, p->from.code);
			html_csrf_input(r);
			html_fmt(&r->out, "<button type=\"submit\">%s %s → %s"
			    "</button></form>", L(r, "Chuyển năm học",
			    "Roll over"), p->from.code, p->to.code);
		}
	}
	history(r, u);
	page_end(r);
}

static void
show(struct req *r, const struct unit *u, const struct period *y,
    const char *flash, int status)
{
	struct roll_plan p;
	enum err e;

	if ((e = rollover_plan(r->db, u->id, y, &p)) != ERR_OK) {
		if (e == ERR_NOTFOUND)
			resp_error(r, ERR_NOTFOUND, "Năm học sau chưa có trong danh "
			    "mục kỳ báo cáo.", "The next school year is not in "
			    "the periods list.");
		else
			resp_error(r, e, "Lỗi cơ sở dữ liệu.", "Database error.");
		rollover_plan_free(&p);
		return;
	}
	r->status = status;
	preview(r, u, &p, flash);
	rollover_plan_free(&p);
}

void
rollover_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *u;
	struct period y;
	const char *done = req_query(r, "done");

	if ((u = school(r, t)) != NULL && closing_year(r, &y))
		show(r, u, &y, done == NULL ? NULL : strcmp(done, "undone") == 0 ?
		    L(r, "Đã hoàn tác lần chuyển năm học.", "The rollover was "
		    "undone.") : L(r, "Đã chuyển năm học.", "The school year "
		    "was rolled over."), 200);
	unit_tree_put(r->app, t);
}

void
rollover_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *u;
	struct roll_plan p;
	struct period y;
	char today[11], url[128];
	enum err e;

	memset(&p, 0, sizeof(p));
	if ((u = school(r, t)) == NULL || !closing_year(r, &y))
		goto out;
	if ((e = rollover_plan(r->db, u->id, &y, &p)) == ERR_OK) {
		date_today(today);
		e = rollover_apply(r->db, &p, r->user.id, today, NULL);
	}
	if (e == ERR_CONFLICT)
		show(r, u, &y, L(r, "Không chuyển được: năm học này đã được "
		    "chuyển, hoặc có trẻ vừa được ghi vào năm học sau. Không có "
		    "gì thay đổi.", "Cannot roll over: this year was rolled over "
		    "already, or a child was just enrolled in the next year. "
		    "Nothing changed."), 409);
	else if (e != ERR_OK)
		resp_error(r, e == ERR_NOTFOUND ? ERR_NOTFOUND : ERR_DB,
		    "Không chuyển được năm học; không có gì thay đổi.",
		    "The rollover failed; nothing changed.");
	else {
		snprintf(url, sizeof(url), "/units/%lld/register/rollover?"
		    "year=%s&done=applied", (long long)u->id, y.code);
		resp_redirect(r, url);
	}
out:
	rollover_plan_free(&p);
	unit_tree_put(r->app, t);
}

void
rollover_undo_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct buf vi = BUF_INIT, en = BUF_INIT;
	const struct unit *u;
	struct db_stmt *st;
	char url[128], year[16] = "";
	enum err e;

	if ((u = school(r, t)) == NULL)
		goto out;
	st = db_stmt(r->db, "SELECT p.code FROM rollover o JOIN period p"
	    " ON p.id = o.from_period_id WHERE o.id = ?");
	db_bind_int(st, 1, r->params[1]);
	if (db_step(st) == DB_ROW)
		snprintf(year, sizeof(year), "%s", db_col_text(st, 0));
	db_done(st);
	e = rollover_undo(r->db, u->id, r->params[1], r->user.id, &vi, &en);
	if (e == ERR_NOTFOUND)
		resp_error(r, ERR_NOTFOUND, "Không có lần chuyển năm học này.",
		    "No such rollover.");
	else if (e == ERR_CONFLICT)
		resp_error(r, ERR_CONFLICT, vi.data, en.data);
	else if (e != ERR_OK)
		resp_error(r, ERR_DB, "Không hoàn tác được; không có gì thay "
		    "đổi.", "The undo failed; nothing changed.");
	else {
		snprintf(url, sizeof(url), "/units/%lld/register/rollover?"
		    "year=%s&done=undone", (long long)u->id, year);
		resp_redirect(r, url);
	}
out:
	buf_release(&vi);
	buf_release(&en);
	unit_tree_put(r->app, t);
}
