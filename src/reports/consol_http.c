/*
 * consol_http.c -- consolidated reports over HTTP, the completeness of the
 * units below on the calendar page, and the period locks.
 *
 * A regime addressed to its owner runs down the admin tree
 * (report_db_receiver): schools report to their commune or district,
 * which consolidates them and reports to the province.  An office
 * consolidates a due from the accepted reports of the units below plus its
 * own data; when some units below have no accepted report the first
 * attempt writes nothing and answers 409 naming them, with a form that
 * confirms (confirm_missing=1); the report then records them
 * (missing_note).  A draft is consolidated afresh from the latest
 * accepted reports (POST /reports/{id}/consolidate).
 *
 * The owner of a regime (the office that receives the reports, with the
 * permission that accepts them) locks a due: no report of the units below
 * can then be created, edited, submitted or made anew (423); its own
 * consolidated report stays open.  Lock and unlock are audited.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/audit.h"
#include "core/strutil.h"
#include "db/db.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"
#include "render/numfmt.h"
#include "reports/consol_http.h"
#include "reports/report_db.h"
#include "reports/report_http.h"
#include "units/unit.h"
#include "units/unit_http.h"

static void
db_fail(struct req *r)
{
	resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
}

void
consol_locked(struct req *r)
{
	resp_error(r, ERR_LOCKED, "Kỳ báo cáo này đã được đơn vị nhận báo "
	    "cáo khóa: không thể lập, sửa, gửi hay gửi lại báo cáo.",
	    "The receiving office has locked this reporting period: the "
	    "report cannot be created, edited, submitted or resubmitted.");
}

static bool
confirmed(const struct req *r)
{
	const char *c = req_form(r, "confirm_missing");

	return c != NULL && strcmp(c, "1") == 0;
}

/* The hidden fields naming a due. */
static void
due_fields(struct req *r, int64_t rg, int64_t pid, const char *due)
{
	html_csrf_input(r);
	html_fmt(&r->out, "<input type=\"hidden\" name=\"reporting_id\" "
	    "value=\"%I\"><input type=\"hidden\" name=\"period_id\" "
	    "value=\"%I\"><input type=\"hidden\" name=\"due_on\" value=\"%s\">",
	    rg, pid, due);
}

/* 409: the units below without an accepted report, and the form that
 * confirms consolidating without them (action, with the due's fields
 * when rg != 0). */
static void
missing_respond(struct req *r, const char *names, const char *action,
    int64_t rg, int64_t pid, const char *due)
{
	page_begin(r, L(r, "Còn đơn vị chưa báo cáo",
	    "Units have not reported"));
	html_fmt(&r->out, "<h1>%s</h1><p id=\"missing-units\">%s: "
	    "<strong>%s</strong></p><p>%s</p>", L(r, "Còn đơn vị chưa báo "
	    "cáo", "Units have not reported"), L(r, "Chưa có báo cáo được "
	    "tiếp nhận của các đơn vị", "No accepted report from the units"),
	    names, L(r, "Chưa lập báo cáo tổng hợp. Nếu tổng hợp ngay, báo cáo "
	    "sẽ ghi các đơn vị này là chưa báo cáo.", "The consolidated "
	    "report was not made. If you consolidate now, the report records "
	    "these units as not reported."));
	html_fmt(&r->out, "<form method=\"post\" action=\"%s\">", action);
	if (rg != 0)
		due_fields(r, rg, pid, due);
	else
		html_csrf_input(r);
	html_fmt(&r->out, "<input type=\"hidden\" name=\"confirm_missing\" "
	    "value=\"1\"><button>%s</button></form>", L(r, "Vẫn tổng hợp, "
	    "ghi nhận các đơn vị chưa báo cáo", "Consolidate anyway, "
	    "recording the units that have not reported"));
	page_end(r);
	resp_html(r, 409);
}

static void
audit_obj(struct req *r, const char *action, const char *obj,
    const char *detail)
{
	(void)audit(r->db, r->user.id, action, obj, detail);
}

void
consol_create(struct req *r, const struct unit_tree *t,
    const struct report_regime *rg, const struct period *p,
    const char *due_on)
{
	struct buf names = BUF_INIT;
	char today[11], url[64], obj[48];
	int64_t id = 0;
	enum err e;

	date_today(today);
	if (report_db_missing(r->db, t, rg, r->params[0], p, due_on, today,
	    &names) != ERR_OK) {
		db_fail(r);
		goto out;
	}
	if (names.len > 0 && !confirmed(r)) {
		snprintf(url, sizeof(url), "/units/%lld/reports",
		    (long long)r->params[0]);
		missing_respond(r, names.data, url, rg->id, p->id, due_on);
		goto out;
	}
	if ((e = db_begin(r->db)) == ERR_OK &&
	    (e = report_db_create(r->app, r->db, t, rg, r->params[0], p,
	    due_on, today, r->user.id, &id)) == ERR_OK) {
		snprintf(obj, sizeof(obj), "report:%lld", (long long)id);
		audit_obj(r, "report.consolidate", obj, names.data);
		e = db_commit(r->db);
	}
	if (e == ERR_OK) {
		snprintf(url, sizeof(url), "/reports/%lld", (long long)id);
		resp_redirect(r, url);
		goto out;
	}
	db_rollback(r->db);
	if (e == ERR_CONFLICT)
		resp_error(r, e, "Báo cáo tổng hợp này đã được lập.",
		    "This consolidated report exists already.");
	else
		db_fail(r);
out:
	buf_release(&names);
}

void
consol_refresh_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct report_regime *rgs = NULL;
	const struct report_regime *rg;
	struct buf names = BUF_INIT, missing = BUF_INIT;
	struct report *rp = NULL;
	struct period p;
	size_t nrg = 0;
	char today[11], url[64], obj[48];
	enum err e;

	if (t == NULL) {
		db_fail(r);
		goto out;
	}
	if ((rp = report_route_get(r)) == NULL ||
	    !unit_check_scope(r, t, rp->unit_id))
		goto out;
	if (!rp->consolidated) {
		resp_error(r, ERR_INVALID, "Báo cáo này không phải báo cáo "
		    "tổng hợp.", "This is not a consolidated report.");
		goto out;
	}
	if (!report_step_allowed(rp->state, REPORT_STEP_EDIT)) {
		resp_error(r, ERR_CONFLICT, "Chỉ tổng hợp lại được báo cáo "
		    "đang là bản nháp hoặc bị trả lại.", "Only a draft or a "
		    "returned report can be consolidated afresh.");
		goto out;
	}
	if (report_db_locked_for(r->db, rp->reporting_id, rp->period_id,
	    rp->due_on, rp->unit_id)) {
		consol_locked(r);
		goto out;
	}
	if (report_db_regimes(r->db, t, &rgs, &nrg) != ERR_OK ||
	    period_get(r->db, rp->period_id, &p) != ERR_OK) {
		db_fail(r);
		goto out;
	}
	if ((rg = report_regime_find(rgs, nrg, rp->reporting_id)) == NULL) {
		resp_error(r, ERR_NOTFOUND, "Không còn chế độ báo cáo này.",
		    "The reporting duty no longer exists.");
		goto out;
	}
	date_today(today);
	if (report_db_missing(r->db, t, rg, rp->unit_id, &p, rp->due_on,
	    today, &names) != ERR_OK) {
		db_fail(r);
		goto out;
	}
	snprintf(url, sizeof(url), "/reports/%lld/consolidate",
	    (long long)rp->id);
	if (names.len > 0 && !confirmed(r)) {
		missing_respond(r, names.data, url, 0, 0, "");
		goto out;
	}
	snprintf(obj, sizeof(obj), "report:%lld", (long long)rp->id);
	if ((e = db_begin(r->db)) == ERR_OK &&
	    (e = report_db_snapshot(r->app, r->db, t, rg, rp, today,
	    &missing)) == ERR_OK) {
		audit_obj(r, "report.consolidate", obj, missing.data);
		e = db_commit(r->db);
	}
	if (e != ERR_OK) {
		db_rollback(r->db);
		db_fail(r);
		goto out;
	}
	snprintf(url, sizeof(url), "/reports/%lld", (long long)rp->id);
	resp_redirect(r, url);
out:
	buf_release(&names);
	buf_release(&missing);
	report_free(rp);
	report_regimes_free(rgs, nrg);
	unit_tree_put(r->app, t);
}

void
consol_step_forms(struct req *r, const struct report *rp)
{
	if (!report_step_allowed(rp->state, REPORT_STEP_EDIT) ||
	    !role_can(r->user.role, PERM_REPORT_PREPARE))
		return;
	html_fmt(&r->out, "<form method=\"post\" action=\"/reports/%I/"
	    "consolidate\" class=\"report-step\">", rp->id);
	html_csrf_input(r);
	html_fmt(&r->out, "<button>%s</button></form>", L(r, "Tổng hợp lại "
	    "từ các báo cáo đã tiếp nhận", "Consolidate afresh from the "
	    "accepted reports"));
}

/* Lock (lock true) or unlock a due of a regime the route's unit owns. */
static void
lock_post(struct req *r, bool lock)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct report_regime *rgs = NULL;
	const struct report_regime *rg;
	struct period p;
	size_t nrg = 0;
	char due[11], obj[80], url[64];
	enum err e;

	if (t == NULL) {
		db_fail(r);
		goto out;
	}
	if (!unit_check_scope(r, t, r->params[0]))
		goto out;
	if (report_db_regimes(r->db, t, &rgs, &nrg) != ERR_OK) {
		db_fail(r);
		goto out;
	}
	if ((rg = report_form_oblig(r, t, rgs, nrg, &p, due)) == NULL)
		goto out;
	if (!rg->to_owner || rg->owner_id != r->params[0]) {
		resp_error(r, ERR_FORBIDDEN, "Chỉ đơn vị nhận báo cáo (đơn vị "
		    "ban hành chế độ báo cáo) mới được khóa hoặc mở khóa kỳ "
		    "báo cáo.", "Only the office that receives the reports "
		    "(the owner of the reporting duty) may lock or unlock the "
		    "period.");
		goto out;
	}
	snprintf(obj, sizeof(obj), "report_due:%lld:%lld:%s",
	    (long long)rg->id, (long long)p.id, due);
	if ((e = db_begin(r->db)) == ERR_OK) {
		e = lock ? report_db_lock(r->db, rg->id, p.id, due,
		    r->user.id) : report_db_unlock(r->db, rg->id, p.id, due);
		if (e == ERR_OK) {
			audit_obj(r, lock ? "report.lock" : "report.unlock",
			    obj, NULL);
			e = db_commit(r->db);
		}
	}
	if (e == ERR_OK) {
		snprintf(url, sizeof(url), "/units/%lld/reports",
		    (long long)r->params[0]);
		resp_redirect(r, url);
		goto out;
	}
	db_rollback(r->db);
	if (e == ERR_CONFLICT && lock)
		resp_error(r, e, "Kỳ báo cáo này đã khóa.",
		    "This reporting period is locked already.");
	else if (e == ERR_CONFLICT)
		resp_error(r, e, "Kỳ báo cáo này không bị khóa.",
		    "This reporting period is not locked.");
	else
		db_fail(r);
out:
	report_regimes_free(rgs, nrg);
	unit_tree_put(r->app, t);
}

void
consol_lock_post(struct req *r)
{
	lock_post(r, true);
}

void
consol_unlock_post(struct req *r)
{
	lock_post(r, false);
}

/* The cell of the office's own consolidated report of a due. */
static void
own_cell(struct req *r, const struct report_oblig *me, bool own)
{
	if (me->report_id != 0) {
		html_fmt(&r->out, "<a href=\"/reports/%I\">%s</a>",
		    me->report_id, report_state_name(me->state,
		    r->lang == LANG_EN));
		return;
	}
	if (!role_can(r->user.role, PERM_REPORT_PREPARE) ||
	    (me->locked && !own))
		return;
	html_fmt(&r->out, "<form method=\"post\" action=\"/units/%I/"
	    "reports\">", me->unit_id);
	due_fields(r, me->rg->id, me->period.id, me->due_on);
	html_fmt(&r->out, "<button>%s</button></form>", L(r, "Lập báo cáo "
	    "tổng hợp", "Consolidate"));
}

/* The lock cell: the state, and for the owner the button. */
static void
lock_cell(struct req *r, const struct report_oblig *me, bool own)
{
	if (me->locked)
		html_fmt(&r->out, "<span class=\"badge\">%s</span>",
		    L(r, "Đã khóa", "Locked"));
	if (!own || !role_can(r->user.role, PERM_REPORT_REVIEW))
		return;
	html_fmt(&r->out, "<form method=\"post\" action=\"/units/%I/reports/"
	    "%s\">", me->unit_id, me->locked ? "unlock" : "lock");
	due_fields(r, me->rg->id, me->period.id, me->due_on);
	html_fmt(&r->out, "<button class=\"secondary\">%s</button></form>",
	    me->locked ? L(r, "Mở khóa", "Unlock") : L(r, "Khóa kỳ",
	    "Lock the period"));
}

/* One due received: the tally of the units below and the office's cells. */
static bool
due_row(struct req *r, const struct unit_tree *t, struct report_oblig *me,
    bool own, const char *today)
{
	struct report_oblig *owed = NULL;
	struct report_tally tl = { 0 };
	size_t nowed = 0, k;
	char dd[NUMFMT_MAX];

	if (report_db_owed_to(r->db, t, me->rg, me->unit_id, &me->period,
	    me->due_on, today, &owed, &nowed) != ERR_OK ||
	    report_db_standing(r->db, me, today) != ERR_OK) {
		free(owed);
		return false;
	}
	for (k = 0; k < nowed; k++)
		report_tally_add(&tl, owed[k].standing,
		    owed[k].state == REPORT_ACCEPTED);
	html_fmt(&r->out, "<tr><td>%s</td><td>%s</td><td>%d</td>"
	    "<td>%d (%d%%)</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td>"
	    "<td>", me->period.code, me->due_on[0] ?
	    numfmt_date(dd, me->due_on) : "—", tl.expected, tl.on_time,
	    report_pct(tl.on_time, tl.expected), tl.late, tl.missing,
	    tl.expected - tl.submitted - tl.missing, tl.accepted);
	own_cell(r, me, own);
	html_lit(&r->out, "</td><td>");
	lock_cell(r, me, own);
	html_fmt(&r->out, "</td><td><details><summary>%s</summary><table>",
	    L(r, "Đơn vị", "Units"));
	for (k = 0; k < nowed; k++)
		report_oblig_row(r, t, &owed[k], true);
	html_lit(&r->out, "</table></details></td></tr>");
	free(owed);
	return true;
}

/* Is the unit open during the period? */
static bool
open_in(const struct unit_tree *t, int64_t id, const struct period *p)
{
	const struct unit *u = unit_get(t, id);

	return u != NULL && report_open_during(u->opened_on, u->closed_on,
	    p->start_on, p->end_on);
}

bool
consol_incoming(struct req *r, const struct unit_tree *t,
    const struct report_regime *rgs, size_t nrg, int64_t unit_id,
    const char *today)
{
	struct report_oblig *d = NULL;
	size_t nd = 0, i, j;
	bool ok = true, head;

	for (i = 0; i < nrg && ok; i++) {
		bool own = rgs[i].owner_id == unit_id;

		if (!rgs[i].to_owner)
			continue;
		if (report_db_dues(r->db, &rgs[i], &d, &nd) != ERR_OK)
			return false;
		head = false;
		for (j = nd; ok && j-- > 0;) {
			if (own ? !open_in(t, unit_id, &d[j].period) :
			    !report_db_consolidates(t, &rgs[i], unit_id,
			    &d[j].period))
				continue;
			if (!head) {
				html_fmt(&r->out, "<h3>%s <small>%s</small>"
				    "</h3><table class=\"incoming\"><thead>"
				    "<tr><th>%s</th><th>%s</th><th>%s</th>"
				    "<th>%s</th><th>%s</th><th>%s</th>"
				    "<th>%s</th><th>%s</th><th>%s</th>"
				    "<th>%s</th><th></th></tr></thead><tbody>",
				    rgs[i].what, rgs[i].plan_ref,
				    L(r, "Kỳ", "Period"), L(r, "Hạn", "Due"),
				    L(r, "Phải gửi", "Expected"),
				    L(r, "Đúng hạn", "On time"),
				    L(r, "Muộn", "Late"),
				    L(r, "Chưa gửi, quá hạn", "Missing"),
				    L(r, "Chưa đến hạn", "Not yet due"),
				    L(r, "Đã tiếp nhận", "Accepted"),
				    L(r, "Báo cáo tổng hợp",
				    "Consolidated report"),
				    L(r, "Khóa kỳ", "Lock"));
				head = true;
			}
			d[j].unit_id = unit_id;
			ok = due_row(r, t, &d[j], own, today);
		}
		if (head)
			html_lit(&r->out, "</tbody></table>");
		free(d);
		d = NULL;
	}
	return ok;
}
