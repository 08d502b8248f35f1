/*
 * casefile_step_http.c -- recording the procedure on a case: the initial
 * assessment (form 02) and the emergency action, the detailed assessment
 * (03), the plan (04) and its approval (05), the review (06) that closes
 * the case or starts a new cycle; referrals and their acknowledgement;
 * the school's measures; who is assigned to the case.
 *
 * Each handler: the user's access (403, logged), then the order of the
 * procedure (409 with the reason), then the fields (400 naming each), then
 * one transaction with the change, its audit entry and the notices.  On
 * any refusal nothing changes.
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
#include "units/unit.h"

static const struct field f_date = { "done_on", "Ngày", "Date" };
static const struct field f_time = { "done_time", "Giờ", "Time" };
static const struct field f_text = { "text", "Nội dung", "Content" };
static const struct field f_finding = { "finding", "Kết luận", "Finding" };
static const struct field f_serious = { "serious",
    "Tổn hại nghiêm trọng (cần can thiệp trong 12 giờ)",
    "Serious harm (action within 12 hours)" };
static const struct field f_rating[3] = {
	{ "rating1", "Mức độ tổn hại còn lại", "Harm that remains" },
	{ "rating2", "Khả năng đối tượng xâm hại tiếp cận trẻ",
	    "Access of the abuser to the child" },
	{ "rating3", "Trở ngại trong môi trường chăm sóc",
	    "Obstacles in the care environment" },
};
static const struct field f_outcome = { "outcome", "Đề xuất", "Proposal" };
static const struct field f_to_kind = { "to_kind", "Chuyển đến",
    "Referred to" };
static const struct field f_to_user = { "to_user",
    "Cán bộ xã có tài khoản vitre", "Commune officer with a vitre account" };
static const struct field f_how = { "how", "Hình thức", "How" };
static const struct field f_contact = { "contact",
    "Người tiếp nhận, nội dung", "Who was reached, what was said" };
static const struct field f_ack = { "ack", "Ai xác nhận, số văn bản",
    "Who acknowledged, reference" };
static const struct field f_kind = { "kind", "Biện pháp", "Measure" };
static const struct field f_owner = { "owner", "Người thực hiện",
    "Carried out by" };
static const struct field f_due = { "due_on", "Hạn", "Due" };
static const struct field f_what = { "what", "Việc cần làm", "What to do" };
static const struct field f_user = { "user_id", "Người được phân công",
    "Person to assign" };

/* Where to go after a change: the case page. */
static void
back_to_case(struct req *r, int64_t id, const char *anchor)
{
	char url[64];

	snprintf(url, sizeof(url), "/cases/%lld#%s", (long long)id, anchor);
	resp_redirect(r, url);
}

/* Answer a refusal of the procedure's order: 409 with the reason. */
static void
out_of_order(struct req *r, struct casectx *c, const char *vi,
    const char *en)
{
	casectx_rollback(r, c);
	resp_error(r, ERR_CONFLICT, vi, en);
}

/* Field errors: 400 naming each, nothing changed. */
static void
bad_fields(struct req *r, struct casectx *c, const struct form_errors *errs)
{
	casectx_rollback(r, c);
	form_errors_respond(r, errs);
}

static void
db_failed(struct req *r, struct casectx *c)
{
	casectx_rollback(r, c);
	casectx_not_saved(r, ERR_DB);
}

/* The earliest date a step may carry: the day the information came in,
 * or the newest step before it. */
static bool
earliest_date(struct req *r, const struct casectx *c, char out[11])
{
	char last[11];

	casefile_date_of(c->cf.received_at, out);
	if (casefile_last_step_on(r->db, c->cf.id, last) != ERR_OK)
		return false;
	if (strcmp(last, out) > 0)
		memcpy(out, last, 11);
	return true;
}

/* A step's date field: required, real, not before earliest, not future. */
static void
step_date(struct req *r, struct form_errors *errs, const struct field *f,
    const char *earliest, char out[11])
{
	const char *raw = req_form(r, f->name), *vi, *en;
	char today[11];

	out[0] = '\0';
	if (str_empty(raw)) {
		form_error(errs, f, "cần nhập.", "required.");
		return;
	}
	date_today(today);
	if (casefile_check_date(raw, earliest, today, &vi, &en) != ERR_OK) {
		form_error(errs, f, vi, en);
		return;
	}
	memcpy(out, raw, 11);
}

/* A step's date and time as a Unix time, not before not_before. */
static int64_t
step_when(struct req *r, struct form_errors *errs, const char *earliest,
    int64_t not_before)
{
	char on[11];
	int64_t t = 0;

	step_date(r, errs, &f_date, earliest, on);
	if (on[0] == '\0')
		return 0;
	if (!casefmt_parse_when(on, req_form(r, f_time.name), &t))
		form_error(errs, &f_time, "phải có dạng giờ:phút, ví dụ 14:30.",
		    "must be hours:minutes, e.g. 14:30.");
	else if (t < not_before)
		form_error(errs, &f_time, "không thể trước lúc tiếp nhận thông "
		    "tin.", "cannot be before the information came in.");
	else if (t > (int64_t)time(NULL) + 300)
		form_error(errs, &f_time, "không thể ở tương lai.",
		    "cannot be in the future.");
	return t;
}

/* ---- The steps of the forms ---- */

struct stepdef {
	enum casefile_step	 step;
	const char		*action;	/* audit */
	bool			 text_required;
};

static const struct stepdef steps[] = {
	{ STEP_ASSESSMENT, "assessment", false },
	{ STEP_EMERGENCY, "emergency", true },
	{ STEP_DETAILED, "detailed", true },
	{ STEP_PLAN, "plan", true },
	{ STEP_APPROVAL, "approval", true },
	{ STEP_REVIEW, "review", false },
};

/* The plan deadline of a cycle starting on date from. */
static void
plan_due_from(const struct casefile_rules *ru, const char *from,
    char out[11])
{
	out[0] = '\0';
	if (ru->plan_working_days >= 0)
		casefile_add_working_days(from, ru->plan_working_days,
		    &ru->holidays, out);
}

static void
step_post(struct req *r, const struct stepdef *d)
{
	struct form_errors errs = { 0 };
	struct casefile_steprec s;
	struct casectx c;
	char earliest[11], text[4 * 4000 + 1], plan_due[11], detail[64];
	const char *vi, *en;
	bool serious = false, go_on = false;
	int finding = -1, i;
	enum casefile_state next;
	enum err e;

	if (!casectx_open(r, r->params[0], NEED_WORK,
	    casefile_steps[d->step].code, &c))
		return;
	if (casefile_step_allowed(c.cf.state, d->step, c.cf.serious == 1,
	    c.cf.emergency_done_at > 0, &vi, &en) != ERR_OK) {
		out_of_order(r, &c, vi, en);
		goto out;
	}
	memset(&s, 0, sizeof(s));
	s.kind = d->step;
	s.cycle = c.cf.cycle;
	s.by_user = r->user.id;
	s.rating[0] = s.rating[1] = s.rating[2] = s.outcome = -1;
	if (!earliest_date(r, &c, earliest)) {
		db_failed(r, &c);
		goto out;
	}
	if (d->step == STEP_EMERGENCY) {
		/* The action may precede the assessment's record, never the
		 * information. */
		casefile_date_of(c.cf.received_at, earliest);
		s.done_at = step_when(r, &errs, earliest, c.cf.received_at);
		if (s.done_at > 0)
			casefile_date_of(s.done_at, s.done_on);
	} else
		step_date(r, &errs, &f_date, earliest, s.done_on);
	if (d->step == STEP_ASSESSMENT) {
		int64_t yes;

		finding = casefile_form_choice(&errs, &f_finding,
		    req_form(r, f_finding.name), casefile_findings);
		if (valid_int(&errs, &f_serious, req_form(r, f_serious.name),
		    true, 0, 1, &yes, NULL))
			serious = yes == 1;
	}
	if (d->step == STEP_REVIEW) {
		for (i = 0; i < 3; i++)
			s.rating[i] = casefile_form_choice(&errs, &f_rating[i],
			    req_form(r, f_rating[i].name), casefile_ratings);
		s.outcome = casefile_form_choice(&errs, &f_outcome,
		    req_form(r, f_outcome.name), casefile_outcomes);
		go_on = s.outcome == 1;
	}
	valid_text(&errs, &f_text, req_form(r, f_text.name), d->text_required,
	    4000, text);
	if (errs.n > 0) {
		bad_fields(r, &c, &errs);
		goto out;
	}
	s.text = text;

	next = casefile_state_after(c.cf.state, d->step, go_on);
	snprintf(plan_due, sizeof(plan_due), "%s", c.cf.plan_due);
	if (d->step == STEP_DETAILED && c.rules.plan_from_detailed)
		plan_due_from(&c.rules, s.done_on, plan_due);
	if (d->step == STEP_REVIEW && go_on)
		plan_due_from(&c.rules, s.done_on, plan_due);
	if ((e = casefile_step_add(r->db, c.key, c.cf.id, &s)) != ERR_OK)
		goto fail;
	switch (d->step) {
	case STEP_ASSESSMENT:
		e = casefile_set_assessed(r->db, c.cf.id, finding, serious,
		    c.cf.received_at + (int64_t)c.rules.emergency_hours * 3600);
		break;
	case STEP_EMERGENCY:
		e = casefile_set_emergency_done(r->db, c.cf.id, s.done_at);
		break;
	default:
		e = casefile_set_state(r->db, c.cf.id, next, go_on ?
		    c.cf.cycle + 1 : c.cf.cycle, next == CASEFILE_CLOSED ? "" :
		    plan_due, next == CASEFILE_CLOSED ? (int64_t)time(NULL) : 0);
	}
	if (e != ERR_OK)
		goto fail;
	snprintf(detail, sizeof(detail), "%s%s", casefile_steps[d->step].code,
	    d->step == STEP_ASSESSMENT && serious ? "; serious" :
	    d->step == STEP_REVIEW ? (go_on ? "; continue" : "; close") : "");
	if ((e = caseaudit_append(r->db, &c.who, d->action, c.cf.id,
	    detail)) != ERR_OK)
		goto fail;
	/* The finding changes the number of abused children (0101). */
	if (d->step == STEP_ASSESSMENT &&
	    (e = casefile_stats_put_case(r->db, c.cf.received_at)) != ERR_OK)
		goto fail;
	if (d->step == STEP_ASSESSMENT && serious) {
		char due[24], nvi[200], nen[200];

		casefmt_time(c.cf.received_at +
		    (int64_t)c.rules.emergency_hours * 3600, due);
		snprintf(nvi, sizeof(nvi), "Hồ sơ #%lld: tổn hại nghiêm trọng — "
		    "cần can thiệp khẩn cấp trước %s.", (long long)c.cf.id, due);
		snprintf(nen, sizeof(nen), "Case #%lld: serious harm — emergency "
		    "action is due by %s.", (long long)c.cf.id, due);
		e = casectx_notify(r, &c, r->user.id, nvi, nen);
	} else if (next == CASEFILE_CLOSED) {
		char nvi[120], nen[120];

		snprintf(nvi, sizeof(nvi), "Hồ sơ #%lld đã đóng.",
		    (long long)c.cf.id);
		snprintf(nen, sizeof(nen), "Case #%lld is closed.",
		    (long long)c.cf.id);
		e = casectx_notify(r, &c, r->user.id, nvi, nen);
	}
	if (e != ERR_OK)
		goto fail;
	if (casectx_commit(r, &c))
		back_to_case(r, c.cf.id, "steps");
	goto out;
fail:
	db_failed(r, &c);
out:
	casefile_rules_release(&c.rules);
}

void
casefile_assessment_post(struct req *r)
{
	step_post(r, &steps[0]);
}

void
casefile_emergency_post(struct req *r)
{
	step_post(r, &steps[1]);
}

void
casefile_detailed_post(struct req *r)
{
	step_post(r, &steps[2]);
}

void
casefile_plan_post(struct req *r)
{
	step_post(r, &steps[3]);
}

void
casefile_approval_post(struct req *r)
{
	step_post(r, &steps[4]);
}

void
casefile_review_post(struct req *r)
{
	step_post(r, &steps[5]);
}

/* ---- Referrals ---- */

/* Is user_id an active area officer whose scope holds the case's school? */
static bool
officer_for(struct req *r, const struct casectx *c, int64_t user_id)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct casefile_person *p = NULL;
	size_t n = 0, i;
	bool ok = false;

	if (t != NULL && casefile_area_officers(r->db, &p, &n) == ERR_OK)
		for (i = 0; i < n && !ok; i++)
			ok = p[i].user_id == user_id &&
			    unit_in_scope(t, p[i].unit_id, c->cf.unit_id);
	casefile_people_free(p, n);
	unit_tree_put(r->app, t);
	return ok;
}

void
casefile_referral_post(struct req *r)
{
	struct form_errors errs = { 0 };
	struct casefile_referral f;
	struct casectx c;
	char earliest[11], contact[4 * 1000 + 1];
	const char *vi, *en;
	int64_t to_user = 0;
	bool present;

	if (!casectx_open(r, r->params[0], NEED_WORK, "referral", &c))
		return;
	if (casefile_step_allowed(c.cf.state, STEP_REFERRAL, false, false, &vi,
	    &en) != ERR_OK) {
		out_of_order(r, &c, vi, en);
		goto out;
	}
	memset(&f, 0, sizeof(f));
	casefile_date_of(c.cf.received_at, earliest);
	f.to_kind = casefile_form_choice(&errs, &f_to_kind, req_form(r,
	    f_to_kind.name), casefile_referral_kinds);
	if (valid_int(&errs, &f_to_user, req_form(r, f_to_user.name), false, 1,
	    INT64_MAX, &to_user, &present) && present) {
		if (f.to_kind != 0)
			form_error(&errs, &f_to_user, "chỉ dùng khi chuyển đến "
			    "cán bộ xã.", "only for a referral to the commune.");
		else if (!officer_for(r, &c, to_user))
			form_error(&errs, &f_to_user, "không phải cán bộ có phạm "
			    "vi gồm trường này; không chuyển được ra ngoài "
			    "phạm vi.", "is not an officer whose scope holds "
			    "this school; a referral cannot go outside it.");
	}
	f.how = casefile_form_choice(&errs, &f_how, req_form(r, f_how.name),
	    casefile_hows);
	f.sent_at = step_when(r, &errs, earliest, c.cf.received_at);
	valid_text(&errs, &f_contact, req_form(r, f_contact.name), true, 1000,
	    contact);
	if (errs.n > 0) {
		bad_fields(r, &c, &errs);
		goto out;
	}
	f.to_user_id = to_user;
	f.by_user = r->user.id;
	f.contact = contact;
	if (casefile_referral_add(r->db, c.key, c.cf.id, &f) != ERR_OK ||
	    caseaudit_append(r->db, &c.who, "referral", c.cf.id,
	    casefile_referral_kinds[f.to_kind].code) != ERR_OK)
		goto fail;
	if (to_user > 0) {
		char link[48], nvi[160], nen[160];

		snprintf(link, sizeof(link), "/cases/%lld", (long long)c.cf.id);
		snprintf(nvi, sizeof(nvi), "Hồ sơ #%lld được chuyển đến bạn; hãy "
		    "xác nhận đã tiếp nhận.", (long long)c.cf.id);
		snprintf(nen, sizeof(nen), "Case #%lld is referred to you; "
		    "please acknowledge it.", (long long)c.cf.id);
		if (notify_add(r->db, to_user, link, nvi, nen) != ERR_OK)
			goto fail;
	}
	if (casectx_commit(r, &c))
		back_to_case(r, c.cf.id, "referrals");
	goto out;
fail:
	db_failed(r, &c);
out:
	casefile_rules_release(&c.rules);
}

void
casefile_ack_post(struct req *r)
{
	struct form_errors errs = { 0 };
	struct casectx c;
	char earliest[11], ack[4 * 300 + 1];
	int64_t at;
	enum err e;

	if (!casectx_open(r, r->params[0], NEED_WORK, "ack", &c))
		return;
	casefile_date_of(c.cf.received_at, earliest);
	at = step_when(r, &errs, earliest, c.cf.received_at);
	valid_text(&errs, &f_ack, req_form(r, f_ack.name), true, 300, ack);
	if (errs.n > 0) {
		bad_fields(r, &c, &errs);
		goto out;
	}
	e = casefile_referral_ack(r->db, c.key, c.cf.id, r->params[1], at, ack);
	if (e == ERR_INVALID) {
		form_error(&errs, &f_time, "không thể trước lúc chuyển gửi.",
		    "cannot be before the referral was sent.");
		bad_fields(r, &c, &errs);
		goto out;
	}
	if (e == ERR_NOTFOUND || e == ERR_CONFLICT) {
		casectx_rollback(r, &c);
		resp_error(r, e, e == ERR_NOTFOUND ? "Hồ sơ không có lần chuyển "
		    "gửi này." : "Lần chuyển gửi này đã được xác nhận.",
		    e == ERR_NOTFOUND ? "The case has no such referral." :
		    "This referral is already acknowledged.");
		goto out;
	}
	if (e != ERR_OK || caseaudit_append(r->db, &c.who, "ack", c.cf.id,
	    "") != ERR_OK)
		goto fail;
	if (casectx_commit(r, &c))
		back_to_case(r, c.cf.id, "referrals");
	goto out;
fail:
	db_failed(r, &c);
out:
	casefile_rules_release(&c.rules);
}

/* ---- The school's measures ---- */

static bool
is_worker(struct req *r, int64_t case_id, int64_t user_id)
{
	struct casefile_person *p = NULL;
	size_t n = 0, i;
	bool yes = false;

	if (casefile_workers(r->db, case_id, &p, &n) == ERR_OK)
		for (i = 0; i < n && !yes; i++)
			yes = p[i].user_id == user_id;
	casefile_people_free(p, n);
	return yes;
}

void
casefile_measure_post(struct req *r)
{
	struct form_errors errs = { 0 };
	struct casefile_measure m;
	struct casectx c;
	char what[4 * 1000 + 1], today[11];
	const char *vi, *en;
	int64_t owner = 0;

	if (!casectx_open(r, r->params[0], NEED_WORK, "measure", &c))
		return;
	if (casefile_step_allowed(c.cf.state, STEP_MEASURE, false, false, &vi,
	    &en) != ERR_OK) {
		out_of_order(r, &c, vi, en);
		goto out;
	}
	memset(&m, 0, sizeof(m));
	m.kind = casefile_form_choice(&errs, &f_kind, req_form(r, f_kind.name),
	    casefile_measure_kinds);
	if (valid_int(&errs, &f_owner, req_form(r, f_owner.name), true, 1,
	    INT64_MAX, &owner, NULL) && !is_worker(r, c.cf.id, owner))
		form_error(&errs, &f_owner, "phải là người được phân công xử lý "
		    "hồ sơ.", "must be someone assigned to the case.");
	date_today(today);
	if (valid_date(&errs, &f_due, req_form(r, f_due.name), true,
	    m.due_on) && strcmp(m.due_on, today) < 0)
		form_error(&errs, &f_due, "không thể ở quá khứ.",
		    "cannot be in the past.");
	valid_text(&errs, &f_what, req_form(r, f_what.name), true, 1000, what);
	if (errs.n > 0) {
		bad_fields(r, &c, &errs);
		goto out;
	}
	m.cycle = c.cf.cycle;
	m.owner_id = owner;
	m.what = what;
	if (casefile_measure_add(r->db, c.key, c.cf.id, r->user.id, &m) !=
	    ERR_OK || caseaudit_append(r->db, &c.who, "measure", c.cf.id,
	    casefile_measure_kinds[m.kind].code) != ERR_OK)
		goto fail;
	if (owner != r->user.id) {
		char link[48], nvi[160], nen[160], due[16];

		casefmt_date(m.due_on, due);
		snprintf(link, sizeof(link), "/cases/%lld", (long long)c.cf.id);
		snprintf(nvi, sizeof(nvi), "Hồ sơ #%lld: bạn được giao một biện "
		    "pháp, hạn %s.", (long long)c.cf.id, due);
		snprintf(nen, sizeof(nen), "Case #%lld: a measure is assigned to "
		    "you, due %s.", (long long)c.cf.id, due);
		if (notify_add(r->db, owner, link, nvi, nen) != ERR_OK)
			goto fail;
	}
	if (casectx_commit(r, &c))
		back_to_case(r, c.cf.id, "measures");
	goto out;
fail:
	db_failed(r, &c);
out:
	casefile_rules_release(&c.rules);
}

void
casefile_measure_done_post(struct req *r)
{
	struct form_errors errs = { 0 };
	struct casectx c;
	char earliest[11], on[11];
	enum err e;

	if (!casectx_open(r, r->params[0], NEED_WORK, "measure_done", &c))
		return;
	casefile_date_of(c.cf.received_at, earliest);
	step_date(r, &errs, &f_date, earliest, on);
	if (errs.n > 0) {
		bad_fields(r, &c, &errs);
		goto out;
	}
	e = casefile_measure_done(r->db, c.cf.id, r->params[1], on);
	if (e == ERR_NOTFOUND || e == ERR_CONFLICT) {
		casectx_rollback(r, &c);
		resp_error(r, e, e == ERR_NOTFOUND ? "Hồ sơ không có biện pháp "
		    "này." : "Biện pháp này đã xong.", e == ERR_NOTFOUND ?
		    "The case has no such measure." : "This measure is already "
		    "done.");
		goto out;
	}
	if (e != ERR_OK || caseaudit_append(r->db, &c.who, "measure_done",
	    c.cf.id, "") != ERR_OK)
		goto fail;
	if (casectx_commit(r, &c))
		back_to_case(r, c.cf.id, "measures");
	goto out;
fail:
	db_failed(r, &c);
out:
	casefile_rules_release(&c.rules);
}

/* ---- Who is on the case (the principal decides) ---- */

void
casefile_worker_post(struct req *r)
{
	struct form_errors errs = { 0 };
	struct casectx c;
	char detail[32];
	int64_t user = 0;
	enum err e;

	if (!casectx_open(r, r->params[0], NEED_PRINCIPAL, "assign", &c))
		return;
	if (valid_int(&errs, &f_user, req_form(r, f_user.name), true, 1,
	    INT64_MAX, &user, NULL) && !casefile_is_staff(r->db,
	    c.cf.unit_id, user))
		form_error(&errs, &f_user, "phải là cán bộ, giáo viên, nhân viên "
		    "của trường (không phải quản trị viên).", "must be a staff "
		    "member of the school (not an administrator).");
	if (errs.n > 0) {
		bad_fields(r, &c, &errs);
		goto out;
	}
	e = casefile_worker_add(r->db, c.cf.id, user, r->user.id);
	if (e == ERR_CONFLICT) {
		casectx_rollback(r, &c);
		resp_error(r, ERR_CONFLICT, "Người này đã được phân công.",
		    "This person is already assigned.");
		goto out;
	}
	snprintf(detail, sizeof(detail), "user %lld", (long long)user);
	if (e != ERR_OK || caseaudit_append(r->db, &c.who, "assign", c.cf.id,
	    detail) != ERR_OK)
		goto fail;
	{
		char link[48], nvi[120], nen[120];

		snprintf(link, sizeof(link), "/cases/%lld", (long long)c.cf.id);
		snprintf(nvi, sizeof(nvi), "Bạn được phân công xử lý hồ sơ "
		    "#%lld.", (long long)c.cf.id);
		snprintf(nen, sizeof(nen), "You are assigned to case #%lld.",
		    (long long)c.cf.id);
		if (user != r->user.id && notify_add(r->db, user, link, nvi,
		    nen) != ERR_OK)
			goto fail;
	}
	if (casectx_commit(r, &c))
		back_to_case(r, c.cf.id, "people");
	goto out;
fail:
	db_failed(r, &c);
out:
	casefile_rules_release(&c.rules);
}

void
casefile_worker_remove_post(struct req *r)
{
	struct casectx c;
	char detail[32];
	enum err e;

	if (!casectx_open(r, r->params[0], NEED_PRINCIPAL, "unassign", &c))
		return;
	e = casefile_worker_remove(r->db, c.cf.id, r->params[1]);
	if (e == ERR_NOTFOUND) {
		casectx_rollback(r, &c);
		resp_error(r, ERR_NOTFOUND, "Người này không được phân công hồ "
		    "sơ này.", "This person is not assigned to the case.");
		goto out;
	}
	snprintf(detail, sizeof(detail), "user %lld", (long long)r->params[1]);
	if (e != ERR_OK || caseaudit_append(r->db, &c.who, "unassign",
	    c.cf.id, detail) != ERR_OK) {
		db_failed(r, &c);
		goto out;
	}
	if (casectx_commit(r, &c))
		back_to_case(r, c.cf.id, "people");
out:
	casefile_rules_release(&c.rules);
}
