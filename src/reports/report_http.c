/*
 * report_http.c -- the reporting calendar of a unit and the report pages
 * with their workflow.
 *
 * Who may do what (routes.c names the permission, handlers the scope):
 *   - prepare (create, write the narrative, a new version): principal,
 *     focal point, clerk of the unit, and the officers for their office's
 *     own (consolidated) reports;
 *   - submit: principal or focal point (not the clerk, who prepares), or
 *     an officer, only for a report of their own unit (scope root);
 *   - accept, return, lock: an area or province officer whose scope holds
 *     the unit, for units strictly below their own.
 * Every step runs in one transaction with its audit row; a step out of
 * order answers 409, a locked period 423, nothing changed.  Consolidated
 * reports, the completeness of the units below and the locks: consol_http.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/audit.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "docs/doc_job.h"
#include "http/form.h"
#include "http/req.h"
#include "indicators/indicator.h"
#include "render/html.h"
#include "render/layout.h"
#include "render/numfmt.h"
#include "reports/consol_http.h"
#include "reports/report_db.h"
#include "reports/report_http.h"
#include "units/unit.h"
#include "units/unit_http.h"

static const struct field f_reporting = { "reporting_id",
	"Chế độ báo cáo", "Reporting duty" };
static const struct field f_period = { "period_id", "Kỳ báo cáo",
	"Period" };
static const struct field f_due = { "due_on", "Hạn gửi", "Due date" };
static const struct field f_texts[4] = {
	{ "results", "Kết quả thực hiện", "Results" },
	{ "strengths", "Ưu điểm", "Strengths" },
	{ "limitations", "Hạn chế và nguyên nhân", "Limitations and causes" },
	{ "proposals", "Đề xuất, kiến nghị", "Proposals" },
};

static void
db_fail(struct req *r)
{
	resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
}

static const char *
uname(const struct req *r, const struct unit_tree *t, int64_t id)
{
	const struct unit *u = unit_get(t, id);

	return u != NULL ? unit_display_name(u, r->lang == LANG_EN) : "";
}

static void
today_of(char out[11])
{
	date_today(out);
}

/* Load the regimes; answers on failure. */
static bool
regimes(struct req *r, const struct unit_tree *t, struct report_regime **v,
    size_t *n)
{
	if (t == NULL || report_db_regimes(r->db, t, v, n) != ERR_OK) {
		db_fail(r);
		return false;
	}
	return true;
}

void
report_oblig_row(struct req *r, const struct unit_tree *t,
    const struct report_oblig *o, bool below)
{
	char d[NUMFMT_MAX];

	html_lit(&r->out, "<tr>");
	if (below)
		html_fmt(&r->out, "<td>%s</td>", uname(r, t, o->unit_id));
	else
		html_fmt(&r->out, "<td>%s<br><small>%s</small></td>",
		    o->rg->what, o->rg->plan_ref);
	html_fmt(&r->out, "<td>%s</td><td>%s</td>", o->period.code,
	    o->due_on[0] ? numfmt_date(d, o->due_on) :
	    L(r, "Khi có yêu cầu", "When required"));
	if (!below)
		html_fmt(&r->out, "<td>%s</td>", o->to_unit_id ?
		    uname(r, t, o->to_unit_id) : o->rg->to);
	html_fmt(&r->out, "<td><span class=\"badge rs-%s\">%s</span>",
	    report_standing_code(o->standing),
	    report_standing_name(o->standing, r->lang == LANG_EN));
	if (o->locked)
		html_fmt(&r->out, " %s", L(r, "(đã khóa)", "(locked)"));
	html_lit(&r->out, "</td><td>");
	if (o->report_id != 0)
		html_fmt(&r->out, "<a href=\"/reports/%I\">%s</a>",
		    o->report_id, report_state_name(o->state,
		    r->lang == LANG_EN));
	else if (!below && role_can(r->user.role, PERM_REPORT_PREPARE) &&
	    !o->locked) {
		html_fmt(&r->out, "<form method=\"post\" action=\"/units/%I/"
		    "reports\">", o->unit_id);
		html_csrf_input(r);
		html_fmt(&r->out, "<input type=\"hidden\" name=\"reporting_id\""
		    " value=\"%I\"><input type=\"hidden\" name=\"period_id\" "
		    "value=\"%I\"><input type=\"hidden\" name=\"due_on\" "
		    "value=\"%s\"><button>%s</button></form>", o->rg->id,
		    o->period.id, o->due_on, L(r, "Lập báo cáo",
		    "Create the report"));
	}
	html_lit(&r->out, "</td></tr>");
}

void
report_calendar_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct report_regime *rgs = NULL;
	struct report_oblig *ob = NULL;
	size_t nrg = 0, nob = 0, i;
	char today[11];
	int soon = 0;

	if (t == NULL) {
		db_fail(r);
		goto out;
	}
	if (!unit_check_scope(r, t, r->params[0]) || !regimes(r, t, &rgs,
	    &nrg))
		goto out;
	today_of(today);
	if (report_db_obligations(r->db, t, rgs, nrg, r->params[0], today,
	    &ob, &nob) != ERR_OK) {
		db_fail(r);
		goto out;
	}
	page_begin(r, L(r, "Lịch báo cáo", "Reporting calendar"));
	html_fmt(&r->out, "<h1>%s: %s</h1>", L(r, "Lịch báo cáo",
	    "Reporting calendar"), uname(r, t, r->params[0]));
	for (i = 0; i < nob; i++)
		if (ob[i].standing == REPORT_DUE_SOON)
			soon++;
	if (soon > 0)
		html_fmt(&r->out, "<p class=\"reminder\"><mark>%s: %d</mark>"
		    "</p>", L(r, "Báo cáo sắp đến hạn", "Reports due soon"),
		    soon);
	html_fmt(&r->out, "<h2>%s</h2><table><thead><tr><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
	    "</thead><tbody>", L(r, "Đơn vị phải gửi", "What this unit "
	    "sends"), L(r, "Nội dung", "What"), L(r, "Kỳ", "Period"),
	    L(r, "Hạn", "Due"), L(r, "Gửi tới", "To"),
	    L(r, "Tình trạng", "Standing"), L(r, "Báo cáo", "Report"));
	for (i = 0; i < nob; i++)
		report_oblig_row(r, t, &ob[i], false);
	html_lit(&r->out, "</tbody></table>");
	html_fmt(&r->out, "<h2>%s</h2>", L(r, "Các đơn vị cấp dưới gửi về",
	    "Reports due from the units below"));
	if (!consol_incoming(r, t, rgs, nrg, r->params[0], today)) {
		buf_reset(&r->out);
		db_fail(r);
		goto out;
	}
	page_end(r);
out:
	free(ob);
	report_regimes_free(rgs, nrg);
	unit_tree_put(r->app, t);
}

/* The obligation named by the form for the route's unit; answers 400/404
 * and returns NULL when there is none. */
const struct report_regime *
report_form_oblig(struct req *r, const struct unit_tree *t,
    const struct report_regime *rgs, size_t nrg, struct period *p,
    char due[11])
{
	struct form_errors errs = { .n = 0 };
	const struct report_regime *rg = NULL;
	struct report_oblig *d = NULL;
	int64_t rid = 0, pid = 0;
	bool present;
	size_t nd = 0, i;
	const char *raw = req_form(r, "due_on");

	(void)t;
	valid_int(&errs, &f_reporting, req_form(r, "reporting_id"), true, 1,
	    INT64_MAX, &rid, &present);
	valid_int(&errs, &f_period, req_form(r, "period_id"), true, 1,
	    INT64_MAX, &pid, &present);
	due[0] = '\0';
	if (!str_empty(raw))
		valid_date(&errs, &f_due, raw, false, due);
	if (errs.n > 0) {
		form_errors_respond(r, &errs);
		return NULL;
	}
	if ((rg = report_regime_find(rgs, nrg, rid)) != NULL &&
	    report_db_dues(r->db, rg, &d, &nd) == ERR_OK)
		for (i = 0; i < nd; i++)
			if (d[i].period.id == pid && strcmp(d[i].due_on, due)
			    == 0) {
				*p = d[i].period;
				free(d);
				return rg;
			}
	free(d);
	resp_error(r, ERR_NOTFOUND, "Không có nghĩa vụ báo cáo này.",
	    "No such reporting obligation.");
	return NULL;
}

/* Does unit owe rg (or, as its owner, consolidate it)? */
static bool
owes(const struct unit_tree *t, const struct report_regime *rg,
    int64_t unit_id, const struct period *p)
{
	return rg->owner_id == unit_id ||
	    report_db_receiver(t, rg, unit_id, p) != 0;
}

static void
audit_report(struct req *r, const char *action, int64_t id)
{
	char obj[48];

	snprintf(obj, sizeof(obj), "report:%lld", (long long)id);
	(void)audit(r->db, r->user.id, action, obj, NULL);
}

static void
redirect_report(struct req *r, int64_t id)
{
	char url[64];

	snprintf(url, sizeof(url), "/reports/%lld", (long long)id);
	resp_redirect(r, url);
}

void
report_create_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct report_regime *rgs = NULL;
	const struct report_regime *rg;
	struct period p;
	size_t nrg = 0;
	char due[11], today[11];
	int64_t id = 0;
	enum err e;

	if (t == NULL) {
		db_fail(r);
		goto out;
	}
	if (!unit_check_scope(r, t, r->params[0]) || !regimes(r, t, &rgs,
	    &nrg))
		goto out;
	if ((rg = report_form_oblig(r, t, rgs, nrg, &p, due)) == NULL)
		goto out;
	if (!owes(t, rg, r->params[0], &p)) {
		resp_error(r, ERR_INVALID, "Đơn vị không phải gửi báo cáo "
		    "này.", "The unit does not owe this report.");
		goto out;
	}
	if (report_db_locked_for(r->db, rg->id, p.id, due, r->params[0])) {
		consol_locked(r);
		goto out;
	}
	if (report_db_consolidates(t, rg, r->params[0], &p)) {
		consol_create(r, t, rg, &p, due);
		goto out;
	}
	today_of(today);
	if ((e = db_begin(r->db)) == ERR_OK &&
	    (e = report_db_create(r->app, r->db, t, rg, r->params[0], &p,
	    due, today, r->user.id, &id)) == ERR_OK) {
		audit_report(r, "report.create", id);
		e = db_commit(r->db);
	}
	if (e == ERR_OK) {
		redirect_report(r, id);
		goto out;
	}
	db_rollback(r->db);
	if (e == ERR_CONFLICT)
		resp_error(r, e, "Báo cáo này đã được lập.",
		    "This report exists already.");
	else
		db_fail(r);
out:
	report_regimes_free(rgs, nrg);
	unit_tree_put(r->app, t);
}

static void
nums_table(struct req *r, const struct unit_tree *t, const struct report *rp)
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX];
	size_t i;

	html_fmt(&r->out, "<table><thead><tr><th>%s</th><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
	    "</thead><tbody>", L(r, "Đơn vị", "Unit"), L(r, "Chỉ tiêu",
	    "Target"), L(r, "Kỳ", "Period"), L(r, "Tử số", "Numerator"),
	    L(r, "Mẫu số", "Denominator"), L(r, "Mục tiêu", "Target value"),
	    L(r, "Đánh giá", "Status"));
	for (i = 0; i < rp->nnums; i++) {
		const struct report_num *x = &rp->nums[i];

		html_fmt(&r->out, "<tr><td>%s</td><td>%s %s</td><td>%s</td>",
		    x->unit_id ? uname(r, t, x->unit_id) :
		    L(r, "Tổng cộng", "Total"), x->target_code, x->label,
		    x->has_value ? x->period : "—");
		/* A count that could identify a child reads "< 5". */
		if (x->has_value && indicator_suppress_small(r->db,
		    x->indicator_id))
			html_fmt(&r->out, "<td class=\"num\">%s</td><td></td>",
			    numfmt_count_small(a, x->num, r->lang == LANG_EN));
		else if (x->has_value)
			html_fmt(&r->out, "<td class=\"num\">%s</td>"
			    "<td class=\"num\">%s</td>",
			    numfmt_int(a, x->num, r->lang == LANG_EN),
			    x->has_den ? numfmt_int(b, x->den,
			    r->lang == LANG_EN) : "");
		else
			html_lit(&r->out, "<td></td><td></td>");
		html_fmt(&r->out, "<td>%s</td><td>%s</td></tr>",
		    x->target_text, x->status);
	}
	html_lit(&r->out, "</tbody></table>");
}

/* Most characters of one narrative section or of a review note. */
#define TEXT_MAX	20000

static const struct field f_note = { "note", "Ý kiến trả lại",
	"Reason for returning" };

static void
step_button(struct req *r, const struct report *rp, const char *step,
    const char *label, bool note)
{
	html_fmt(&r->out, "<form method=\"post\" action=\"/reports/%I/%s\" "
	    "class=\"report-step\">", rp->id, step);
	html_csrf_input(r);
	if (note)
		html_fmt(&r->out, "<label>%s<textarea name=\"note\" "
		    "required></textarea></label>", L(r, f_note.label_vi,
		    f_note.label_en));
	html_fmt(&r->out, "<button name=\"step\" value=\"%s\">%s</button>"
	    "</form>", step, label);
}

/* The narrative form and the buttons of the steps the user may take. */
static void
step_forms(struct req *r, const struct report *rp)
{
	const char *texts[4] = { rp->results, rp->strengths,
	    rp->limitations, rp->proposals };
	bool own = rp->unit_id == r->user.unit_id;
	int k;

	if (rp->state == REPORT_RETURNED && rp->review_note[0] != '\0')
		html_fmt(&r->out, "<p class=\"review-note\"><strong>%s:"
		    "</strong> %s</p>", L(r, f_note.label_vi, f_note.label_en),
		    rp->review_note);
	if (report_step_allowed(rp->state, REPORT_STEP_EDIT) &&
	    role_can(r->user.role, PERM_REPORT_PREPARE)) {
		html_fmt(&r->out, "<form method=\"post\" action=\"/reports/%I/"
		    "text\">", rp->id);
		html_csrf_input(r);
		for (k = 0; k < 4; k++)
			html_fmt(&r->out, "<label>%s<textarea name=\"%s\" "
			    "rows=\"4\">%s</textarea></label>",
			    L(r, f_texts[k].label_vi, f_texts[k].label_en),
			    f_texts[k].name, texts[k]);
		html_fmt(&r->out, "<button>%s</button></form>",
		    L(r, "Lưu nội dung", "Save the text"));
	}
	if (report_step_allowed(rp->state, REPORT_STEP_SUBMIT) && own &&
	    role_can(r->user.role, PERM_REPORT_SUBMIT))
		step_button(r, rp, "submit", rp->state == REPORT_RETURNED ?
		    L(r, "Gửi lại", "Resubmit") : L(r, "Gửi báo cáo",
		    "Submit"), false);
	if (report_step_allowed(rp->state, REPORT_STEP_ACCEPT) && !own &&
	    role_can(r->user.role, PERM_REPORT_REVIEW)) {
		step_button(r, rp, "accept", L(r, "Tiếp nhận", "Accept"),
		    false);
		step_button(r, rp, "return", L(r, "Trả lại", "Return"), true);
	}
	if (rp->consolidated)
		consol_step_forms(r, rp);
	if (report_step_allowed(rp->state, REPORT_STEP_REVISE) &&
	    role_can(r->user.role, PERM_REPORT_PREPARE))
		step_button(r, rp, "revise", L(r, "Lập phiên bản mới",
		    "Make a new version"), false);
}

/* The report of the route; answers 404 and returns NULL. */
struct report *
report_route_get(struct req *r)
{
	struct report *rp = NULL;
	enum err e;

	if ((e = report_db_get(r->db, r->params[0], &rp)) == ERR_OK)
		return rp;
	if (e == ERR_NOTFOUND)
		resp_error(r, e, "Không có báo cáo này.", "No such report.");
	else
		db_fail(r);
	return NULL;
}

void
report_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct report *rp = NULL;
	struct period p;
	size_t i;
	int k;

	if (t == NULL) {
		db_fail(r);
		goto out;
	}
	if ((rp = report_route_get(r)) == NULL ||
	    !unit_check_scope(r, t, rp->unit_id))
		goto out;
	if (period_get(r->db, rp->period_id, &p) != ERR_OK) {
		db_fail(r);
		goto out;
	}
	page_begin(r, L(r, "Báo cáo", "Report"));
	html_fmt(&r->out, "<h1>%s %s: %s</h1><p>%s %d &middot; "
	    "<span class=\"badge\" id=\"report-state\">%s</span></p>",
	    L(r, "Báo cáo", "Report"), p.code, uname(r, t, rp->unit_id),
	    L(r, "Phiên bản", "Version"), rp->version,
	    report_state_name(rp->state, r->lang == LANG_EN));
	if (rp->consolidated && rp->missing_note[0] != '\0')
		html_fmt(&r->out, "<p class=\"missing\">%s: %s</p>",
		    L(r, "Chưa có báo cáo được tiếp nhận của",
		    "No accepted report from"), rp->missing_note);
	nums_table(r, t, rp);
	html_fmt(&r->out, "<h2>%s</h2><ul>", L(r, "Hoạt động trong kỳ",
	    "Activities of the period"));
	for (i = 0; i < rp->nacts; i++)
		html_fmt(&r->out, "<li>%s: %s (%I)</li>", rp->acts[i].on_date,
		    rp->acts[i].title, rp->acts[i].reached);
	html_lit(&r->out, "</ul>");
	{
		const char *texts[4] = { rp->results, rp->strengths,
		    rp->limitations, rp->proposals };

		for (k = 0; k < 4; k++)
			html_fmt(&r->out, "<h2>%s</h2><p>%s</p>",
			    L(r, f_texts[k].label_vi, f_texts[k].label_en),
			    texts[k]);
	}
	step_forms(r, rp);
	{
		char base[64];

		snprintf(base, sizeof(base), "/reports/%lld/doc",
		    (long long)rp->id);
		doc_job_buttons(r, base, true);
	}
	page_end(r);
out:
	report_free(rp);
	unit_tree_put(r->app, t);
}

/*
 * May the user take step on rp?  Answers 403 (scope), 409 (out of order)
 * or 423 (locked) and returns false.
 */
static bool
step_check(struct req *r, const struct unit_tree *t, const struct report *rp,
    enum report_step k)
{
	static const char *const what[REPORT_STEP__MAX][2] = {
		{ "sửa nội dung", "edit it" },
		{ "gửi", "submit it" },
		{ "tiếp nhận", "accept it" },
		{ "trả lại", "return it" },
		{ "lập phiên bản mới", "make a new version" },
	};
	char vi[192], en[192];

	if (!unit_check_scope(r, t, rp->unit_id))
		return false;
	if (k == REPORT_STEP_SUBMIT && rp->unit_id != r->user.unit_id) {
		resp_error(r, ERR_FORBIDDEN, "Chỉ đơn vị lập báo cáo mới được "
		    "gửi báo cáo.", "Only the report's own unit may submit "
		    "it.");
		return false;
	}
	if ((k == REPORT_STEP_ACCEPT || k == REPORT_STEP_RETURN) &&
	    rp->unit_id == r->user.unit_id) {
		resp_error(r, ERR_FORBIDDEN, "Chỉ cấp trên mới được tiếp nhận "
		    "hoặc trả lại báo cáo.", "Only a unit above may accept or "
		    "return the report.");
		return false;
	}
	if (!report_step_allowed(rp->state, k)) {
		snprintf(vi, sizeof(vi), "Báo cáo đang ở trạng thái \"%s\", "
		    "không thể %s.", report_state_name(rp->state, 0),
		    what[k][0]);
		snprintf(en, sizeof(en), "The report is %s: cannot %s.",
		    report_state_name(rp->state, 1), what[k][1]);
		resp_error(r, ERR_CONFLICT, vi, en);
		return false;
	}
	if (k != REPORT_STEP_ACCEPT && k != REPORT_STEP_RETURN &&
	    report_db_locked_for(r->db, rp->reporting_id, rp->period_id,
	    rp->due_on, rp->unit_id)) {
		consol_locked(r);
		return false;
	}
	return true;
}

/* After a failed transaction: roll back and answer. */
static void
step_fail(struct req *r, enum err e)
{
	db_rollback(r->db);
	if (e == ERR_CONFLICT)
		resp_error(r, e, "Báo cáo vừa được người khác thay đổi.",
		    "The report was changed meanwhile.");
	else
		db_fail(r);
}

void
report_text_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs = { .n = 0 };
	struct report *rp = NULL;
	char *txt[4] = { NULL, NULL, NULL, NULL };
	enum err e;
	int k;

	if (t == NULL) {
		db_fail(r);
		goto out;
	}
	if ((rp = report_route_get(r)) == NULL ||
	    !step_check(r, t, rp, REPORT_STEP_EDIT))
		goto out;
	for (k = 0; k < 4; k++) {
		txt[k] = xmalloc(4 * TEXT_MAX + 1);
		txt[k][0] = '\0';
		valid_text(&errs, &f_texts[k], req_form(r, f_texts[k].name),
		    false, TEXT_MAX, txt[k]);
	}
	if (errs.n > 0) {
		form_errors_respond(r, &errs);
		goto out;
	}
	free(rp->results);
	free(rp->strengths);
	free(rp->limitations);
	free(rp->proposals);
	rp->results = txt[0];
	rp->strengths = txt[1];
	rp->limitations = txt[2];
	rp->proposals = txt[3];
	for (k = 0; k < 4; k++)
		txt[k] = NULL;
	if ((e = db_begin(r->db)) == ERR_OK &&
	    (e = report_db_save_text(r->db, rp)) == ERR_OK) {
		audit_report(r, "report.text", rp->id);
		e = db_commit(r->db);
	}
	if (e == ERR_OK)
		redirect_report(r, rp->id);
	else
		step_fail(r, e);
out:
	for (k = 0; k < 4; k++)
		free(txt[k]);
	report_free(rp);
	unit_tree_put(r->app, t);
}

/* Submit (numbers refreshed), accept, return (with a note) or revise. */
static void
step_post(struct req *r, enum report_step k, const char *action)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs = { .n = 0 };
	struct report_regime *rgs = NULL;
	const struct report_regime *rg = NULL;
	struct buf missing = BUF_INIT;
	struct report *rp = NULL;
	char *note = NULL, today[11];
	int64_t id = 0;
	size_t nrg = 0;
	enum err e;

	if (t == NULL) {
		db_fail(r);
		goto out;
	}
	if ((rp = report_route_get(r)) == NULL || !step_check(r, t, rp, k))
		goto out;
	if (k == REPORT_STEP_RETURN) {
		note = xmalloc(4 * TEXT_MAX + 1);
		note[0] = '\0';
		if (!valid_text(&errs, &f_note, req_form(r, "note"), true,
		    TEXT_MAX, note)) {
			form_errors_respond(r, &errs);
			goto out;
		}
	}
	if (k == REPORT_STEP_SUBMIT || k == REPORT_STEP_REVISE) {
		if (!regimes(r, t, &rgs, &nrg))
			goto out;
		if ((rg = report_regime_find(rgs, nrg, rp->reporting_id)) ==
		    NULL) {
			resp_error(r, ERR_NOTFOUND, "Không còn chế độ báo cáo "
			    "này.", "The reporting duty no longer exists.");
			goto out;
		}
	}
	today_of(today);
	id = rp->id;
	if ((e = db_begin(r->db)) != ERR_OK) {
		step_fail(r, e);
		goto out;
	}
	switch (k) {
	case REPORT_STEP_SUBMIT:
		if ((e = report_db_snapshot(r->app, r->db, t, rg, rp, today,
		    &missing)) == ERR_OK)
			e = report_db_step(r->db, rp, k, r->user.id, NULL);
		break;
	case REPORT_STEP_REVISE:
		e = report_db_revise(r->app, r->db, t, rg, rp, today,
		    r->user.id, &id);
		break;
	default:
		e = report_db_step(r->db, rp, k, r->user.id, note);
		break;
	}
	if (e == ERR_OK) {
		audit_report(r, action, id);
		e = db_commit(r->db);
	}
	if (e == ERR_OK)
		redirect_report(r, id);
	else if (e == ERR_CONFLICT && k == REPORT_STEP_REVISE) {
		db_rollback(r->db);
		resp_error(r, e, "Báo cáo này đã có phiên bản mới.",
		    "This report has a newer version already.");
	} else
		step_fail(r, e);
out:
	free(note);
	buf_release(&missing);
	report_regimes_free(rgs, nrg);
	report_free(rp);
	unit_tree_put(r->app, t);
}

void
report_submit_post(struct req *r)
{
	step_post(r, REPORT_STEP_SUBMIT, "report.submit");
}

void
report_accept_post(struct req *r)
{
	step_post(r, REPORT_STEP_ACCEPT, "report.accept");
}

void
report_return_post(struct req *r)
{
	step_post(r, REPORT_STEP_RETURN, "report.return");
}

void
report_revise_post(struct req *r)
{
	step_post(r, REPORT_STEP_REVISE, "report.revise");
}
