/*
 * casefile_school_http.c -- the school's side of child protection: the
 * overdue list of the cases a user works on (emergency clock, plan and
 * other deadlines in working days, late measures, unacknowledged
 * referrals), and the school's child-protection focal points, named by
 * the principal, who are assigned to every new report and told at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "cases/casefile_http.h"
#include "cases/casefile_int.h"
#include "core/strutil.h"
#include "db/db.h"
#include "http/form.h"
#include "http/req.h"
#include "notify/notify.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"

/* ---- Overdue ---- */

/* One late item of a case into the table. */
static void
late(struct req *r, const struct unit_tree *t, int64_t id, int64_t unit_id,
    const char *what, const char *since)
{
	html_fmt(&r->out, "<tr><td><a href=\"/cases/%I\">#%I</a></td><td>%s"
	    "</td><td>%s</td><td>%s</td></tr>", id, id, casefmt_unit(r, t,
	    unit_id), what, since);
}

/* A deadline n working days after the step's date, if it is past. */
static bool
step_late(struct req *r, const struct casefile_rules *ru,
    const struct casefile_row *w, enum casefile_step step, int days,
    const char *today, char due[16])
{
	char from[11], d[11];

	if (days < 0 || casefile_step_on(r->db, w->id, w->cycle, step, from) !=
	    ERR_OK || from[0] == '\0')
		return false;
	casefile_add_working_days(from, days, &ru->holidays, d);
	casefmt_date(d, due);
	return strcmp(today, d) > 0;
}

void
casefile_overdue_page(struct req *r)
{
	struct buf *o = &r->out;
	struct casefile_rules ru;
	struct casefile_row *w = NULL;
	const struct unit_tree *t;
	char today[11], due[24];
	int64_t now = (int64_t)time(NULL);
	size_t n = 0, i, shown = 0;

	if (casectx_key(r) == NULL)
		return;
	casefile_escalate(r);
	t = unit_tree_get(r->app, r->db);
	date_today(today);
	if (casefile_rules_load(r->db, &ru) != ERR_OK ||
	    casefile_list_for(r->db, r->user.id, r->user.role,
	    r->user.unit_id, &w, &n) != ERR_OK) {
		resp_error(r, ERR_DB, "Không đọc được danh sách hồ sơ.",
		    "The list of cases cannot be read.");
		goto out;
	}
	page_begin(r, L(r, "Việc quá hạn", "Overdue"));
	html_fmt(o, "<p><a href=\"/cases\">%s</a></p><h1>%s</h1>"
	    "<table class=\"compact\"><thead><tr><th>%s</th><th>%s</th>"
	    "<th>%s</th><th>%s</th></tr></thead><tbody>",
	    L(r, "← Bảo vệ trẻ em", "← Child protection"),
	    L(r, "Việc quá hạn", "Overdue"), L(r, "Hồ sơ", "Case"),
	    L(r, "Trường", "School"), L(r, "Việc", "What"),
	    L(r, "Hạn", "Due"));
	for (i = 0; i < n; i++) {
		int64_t measures = 0, refs = 0;
		char d[16];

		if (w[i].state == CASEFILE_CLOSED)
			continue;
		if (w[i].serious == 1 && w[i].emergency_done_at == 0 &&
		    w[i].emergency_due < now) {
			casefmt_time(w[i].emergency_due, due);
			late(r, t, w[i].id, w[i].unit_id, L(r, "Can thiệp khẩn "
			    "cấp (12 giờ)", "Emergency action (12 hours)"), due);
			shown++;
		}
		if (w[i].state < CASEFILE_PLANNED && w[i].plan_due[0] &&
		    strcmp(today, w[i].plan_due) > 0) {
			casefmt_date(w[i].plan_due, d);
			late(r, t, w[i].id, w[i].unit_id, L(r, "Kế hoạch hỗ trợ, "
			    "can thiệp (mẫu 04)", "Support plan (form 04)"), d);
			shown++;
		}
		if (w[i].state == CASEFILE_ASSESSED && step_late(r, &ru, &w[i],
		    STEP_ASSESSMENT, ru.detailed_working_days, today, d)) {
			late(r, t, w[i].id, w[i].unit_id, L(r, "Đánh giá chi tiết "
			    "(mẫu 03)", "Detailed assessment (form 03)"), d);
			shown++;
		}
		if (w[i].state == CASEFILE_PLANNED && step_late(r, &ru, &w[i],
		    STEP_PLAN, ru.approval_working_days, today, d)) {
			late(r, t, w[i].id, w[i].unit_id, L(r, "Phê duyệt kế hoạch "
			    "(mẫu 05)", "Plan approval (form 05)"), d);
			shown++;
		}
		if (casefile_late_counts(r->db, w[i].id, today, ru.
		    referral_ack_hours >= 0 ? now - (int64_t)ru.
		    referral_ack_hours * 3600 : 0, &measures, &refs) != ERR_OK)
			continue;
		if (measures > 0 || refs > 0) {
			char what[160];

			snprintf(what, sizeof(what), L(r, "%lld biện pháp của "
			    "nhà trường, %lld chuyển gửi chưa được xác nhận",
			    "%lld school measure(s), %lld referral(s) not "
			    "acknowledged"), (long long)measures, (long long)refs);
			late(r, t, w[i].id, w[i].unit_id, what, "");
			shown++;
		}
	}
	html_lit(o, "</tbody></table>");
	if (shown == 0)
		html_fmt(o, "<p>%s</p>", L(r, "Không có việc quá hạn.",
		    "Nothing is overdue."));
	page_end(r);
	resp_html(r, 200);
out:
	free(w);
	casefile_rules_release(&ru);
	unit_tree_put(r->app, t);
}

/* ---- Focal points ---- */

static const struct field f_user = { "user_id", "Người đầu mối",
    "Focal point" };

/* The principal's school, or 0 after answering 403. */
static int64_t
principal_school(struct req *r)
{
	if (r->user.role != ROLE_PRINCIPAL) {
		resp_error(r, ERR_FORBIDDEN, "Chỉ hiệu trưởng chỉ định người đầu "
		    "mối bảo vệ trẻ em của trường.", "Only the principal names "
		    "the school's child-protection focal points.");
		return 0;
	}
	return r->user.unit_id;
}

void
casefile_focal_page(struct req *r)
{
	struct buf *o = &r->out;
	struct casefile_person *focal = NULL, *staff = NULL;
	size_t nf = 0, ns = 0, i;
	int64_t unit;

	if (casectx_key(r) == NULL || (unit = principal_school(r)) == 0)
		return;
	if (casefile_focals(r->db, unit, &focal, &nf) != ERR_OK ||
	    casefile_staff(r->db, unit, &staff, &ns) != ERR_OK) {
		resp_error(r, ERR_DB, "Không đọc được.", "Cannot read.");
		goto out;
	}
	page_begin(r, L(r, "Người đầu mối bảo vệ trẻ em", "Focal points"));
	html_fmt(o, "<p><a href=\"/cases\">%s</a></p><h1>%s</h1><p>%s</p><ul>",
	    L(r, "← Bảo vệ trẻ em", "← Child protection"),
	    L(r, "Người đầu mối bảo vệ trẻ em của trường",
	    "The school's child-protection focal points"),
	    L(r, "Người đầu mối được phân công vào mọi báo cáo mới của trường "
	    "và được thông báo ngay.", "Focal points are assigned to every new "
	    "report of the school and told at once."));
	for (i = 0; i < nf; i++) {
		html_fmt(o, "<li>%s (%s) <form method=\"post\" "
		    "action=\"/cases/focal/%I/remove\" class=\"inline\">",
		    focal[i].full_name, L(r, roles[focal[i].role].name_vi,
		    roles[focal[i].role].name_en), focal[i].user_id);
		html_csrf_input(r);
		html_fmt(o, "<button type=\"submit\" class=\"secondary outline\">"
		    "%s</button></form></li>", L(r, "Bỏ", "Remove"));
	}
	if (nf == 0)
		html_fmt(o, "<li>%s</li>", L(r, "Chưa có người đầu mối: báo cáo "
		    "mới chỉ đến hiệu trưởng.", "No focal point yet: new reports "
		    "reach the principal only."));
	html_lit(o, "</ul><form method=\"post\" action=\"/cases/focal\">");
	html_csrf_input(r);
	html_fmt(o, "<label>%s<select name=\"user_id\" required>",
	    L(r, f_user.label_vi, f_user.label_en));
	for (i = 0; i < ns; i++)
		html_fmt(o, "<option value=\"%I\">%s (%s)</option>",
		    staff[i].user_id, staff[i].full_name,
		    L(r, roles[staff[i].role].name_vi,
		    roles[staff[i].role].name_en));
	html_fmt(o, "</select></label><button type=\"submit\">%s</button>"
	    "</form>", L(r, "Chỉ định", "Name"));
	page_end(r);
	resp_html(r, 200);
out:
	casefile_people_free(focal, nf);
	casefile_people_free(staff, ns);
}

/* Add or remove a focal point, logged in the case audit log. */
static void
focal_change(struct req *r, int64_t unit, int64_t user, bool add)
{
	struct caseaudit_who who;
	char detail[48];
	enum err e;

	casectx_who(r, &who);
	if (db_begin(r->db) != ERR_OK)
		goto fail;
	e = add ? casefile_focal_add(r->db, unit, user, r->user.id) :
	    casefile_focal_remove(r->db, unit, user);
	if (e == ERR_CONFLICT || e == ERR_NOTFOUND) {
		db_rollback(r->db);
		resp_error(r, e, add ? "Người này đã là đầu mối." : "Người này "
		    "không phải là đầu mối.", add ? "This person is already a "
		    "focal point." : "This person is not a focal point.");
		return;
	}
	snprintf(detail, sizeof(detail), "user %lld", (long long)user);
	if (e != ERR_OK || caseaudit_append(r->db, &who, add ? "focal_add" :
	    "focal_remove", 0, detail) != ERR_OK ||
	    (add && user != r->user.id && notify_add(r->db, user, "/cases",
	    "Bạn được chỉ định làm người đầu mối bảo vệ trẻ em của trường.",
	    "You are named a child-protection focal point of the school.") !=
	    ERR_OK) || db_commit(r->db) != ERR_OK) {
		db_rollback(r->db);
		goto fail;
	}
	resp_redirect(r, "/cases/focal");
	return;
fail:
	casectx_not_saved(r, ERR_DB);
}

void
casefile_focal_post(struct req *r)
{
	struct form_errors errs = { 0 };
	int64_t unit, user = 0;

	if (casectx_key(r) == NULL || (unit = principal_school(r)) == 0)
		return;
	if (valid_int(&errs, &f_user, req_form(r, f_user.name), true, 1,
	    INT64_MAX, &user, NULL) && !casefile_is_staff(r->db, unit, user))
		form_error(&errs, &f_user, "phải là cán bộ, giáo viên, nhân viên "
		    "của trường (không phải quản trị viên).", "must be a staff "
		    "member of the school (not an administrator).");
	if (errs.n > 0) {
		form_errors_respond(r, &errs);
		return;
	}
	focal_change(r, unit, user, true);
}

void
casefile_focal_remove_post(struct req *r)
{
	int64_t unit;

	if (casectx_key(r) == NULL || (unit = principal_school(r)) == 0)
		return;
	if (!casefile_is_staff(r->db, unit, r->params[0])) {
		resp_error(r, ERR_FORBIDDEN, "Người này không thuộc trường của "
		    "bạn.", "This person is not of your school.");
		return;
	}
	focal_change(r, unit, r->params[0], false);
}
