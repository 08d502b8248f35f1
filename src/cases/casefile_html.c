/*
 * casefile_html.c -- the page of one case for the people on it (the
 * report, the clocks and deadlines, the steps so far, referrals, measures,
 * who is assigned, and the form of the next step), and the status-only
 * page for the staff member who reported it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "cases/casefile_int.h"
#include "core/strutil.h"
#include "http/form.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"

/* Everything the page shows beside the case itself. */
struct view {
	struct casefile_parts	 p;
	struct casefile_person	*staff;		/* principal: may assign */
	size_t			 nstaff;
	struct casefile_person	*officers;	/* commune officers in scope */
	size_t			 nofficers;
	const struct unit_tree	*t;
};

void
casefile_parts_release(struct casefile_parts *p)
{
	casefile_steps_free(p->steps, p->nsteps);
	casefile_referrals_free(p->refs, p->nrefs);
	casefile_measures_free(p->measures, p->nmeasures);
	casefile_people_free(p->workers, p->nworkers);
}

enum err
casefile_parts_load(struct req *r, const struct casectx *c,
    struct casefile_parts *p)
{
	enum err e;

	memset(p, 0, sizeof(*p));
	if ((e = casefile_steps_load(r->db, c->key, c->cf.id, &p->steps,
	    &p->nsteps)) != ERR_OK ||
	    (e = casefile_referrals_load(r->db, c->key, c->cf.id, &p->refs,
	    &p->nrefs)) != ERR_OK ||
	    (e = casefile_measures_load(r->db, c->key, c->cf.id, &p->measures,
	    &p->nmeasures)) != ERR_OK)
		return e;
	return casefile_workers(r->db, c->cf.id, &p->workers, &p->nworkers);
}

static void
view_release(struct req *r, struct view *v)
{
	casefile_parts_release(&v->p);
	casefile_people_free(v->staff, v->nstaff);
	casefile_people_free(v->officers, v->nofficers);
	unit_tree_put(r->app, v->t);
}

static enum err
view_load(struct req *r, const struct casectx *c, struct view *v)
{
	enum err e;
	size_t i, k;

	memset(v, 0, sizeof(*v));
	if ((v->t = unit_tree_get(r->app, r->db)) == NULL)
		return ERR_DB;
	if ((e = casefile_parts_load(r, c, &v->p)) != ERR_OK ||
	    (e = casefile_area_officers(r->db, &v->officers,
	    &v->nofficers)) != ERR_OK)
		return e;
	for (i = k = 0; i < v->nofficers; i++) {
		if (unit_in_scope(v->t, v->officers[i].unit_id, c->cf.unit_id)) {
			v->officers[k++] = v->officers[i];
			continue;
		}
		free(v->officers[i].username);
		free(v->officers[i].full_name);
	}
	v->nofficers = k;
	if (c->access != ACCESS_PRINCIPAL)
		return ERR_OK;
	if ((e = casefile_staff(r->db, c->cf.unit_id, &v->staff,
	    &v->nstaff)) != ERR_OK)
		return e;
	/* Offer only those not on the case yet. */
	for (i = k = 0; i < v->nstaff; i++) {
		size_t w;
		bool on = false;

		for (w = 0; w < v->p.nworkers && !on; w++)
			on = v->p.workers[w].user_id == v->staff[i].user_id;
		if (!on) {
			v->staff[k++] = v->staff[i];
			continue;
		}
		free(v->staff[i].username);
		free(v->staff[i].full_name);
	}
	v->nstaff = k;
	return ERR_OK;
}

static bool
en(const struct req *r)
{
	return r->lang == LANG_EN;
}

/* ---- Small form pieces ---- */

static void
form_open(struct req *r, int64_t id, const char *what, const char *title)
{
	html_fmt(&r->out, "<form method=\"post\" action=\"/cases/%I/%s\" "
	    "class=\"step\">", id, what);
	if (title[0] != '\0')
		html_fmt(&r->out, "<h3>%s</h3>", title);
	html_csrf_input(r);
}

static void
date_input(struct req *r, const char *name, const char *label, bool with_time)
{
	char today[11], now[6];

	casefmt_now(today, now);
	html_fmt(&r->out, "<div class=\"grid\"><label>%s<input type=\"date\" "
	    "name=\"%s\" required value=\"%s\"></label>", label, name, today);
	if (with_time)
		html_fmt(&r->out, "<label>%s<input type=\"time\" "
		    "name=\"done_time\" required value=\"%s\"></label>",
		    L(r, "Giờ", "Time"), now);
	html_lit(&r->out, "</div>");
}

static void
select_codes(struct req *r, const char *name, const char *label,
    const struct casefile_code *t)
{
	int i;

	html_fmt(&r->out, "<label>%s<select name=\"%s\" required>"
	    "<option value=\"\">%s</option>", label, name,
	    L(r, "— chọn —", "— choose —"));
	for (i = 0; t[i].code != NULL; i++)
		html_fmt(&r->out, "<option value=\"%s\">%s</option>", t[i].code,
		    L(r, t[i].vi, t[i].en));
	html_lit(&r->out, "</select></label>");
}

static void
textarea(struct req *r, const char *name, const char *label, bool required)
{
	html_fmt(&r->out, "<label>%s<textarea name=\"%s\" rows=\"3\" "
	    "maxlength=\"4000\"%s></textarea></label>", label, name,
	    required ? " required" : "");
}

static void
form_close(struct req *r, const char *button)
{
	html_fmt(&r->out, "<button type=\"submit\">%s</button></form>", button);
}

/* ---- Sections ---- */

static void
row(struct req *r, const char *k, const char *v)
{
	html_fmt(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>", k,
	    v ? v : "");
}

static void
report_section(struct req *r, const struct casectx *c)
{
	const struct casefile *f = &c->cf;
	char when[24], age[16];

	casefmt_time(f->received_at, when);
	if (f->age >= 0)
		snprintf(age, sizeof(age), "%d", f->age);
	else
		snprintf(age, sizeof(age), "%s", L(r, "không rõ", "unknown"));
	html_fmt(&r->out, "<section id=\"report\"><h2>%s</h2>"
	    "<table class=\"kv\"><tbody>",
	    L(r, "Báo cáo tiếp nhận thông tin (mẫu 01)",
	    "Report received (form 01)"));
	row(r, L(r, "Nguồn", "Source"), casefile_code_name(casefile_sources,
	    f->source, en(r)));
	row(r, L(r, "Tiếp nhận lúc", "Received"), when);
	row(r, L(r, "Người báo cáo", "Reported by"), f->reporter_hidden ?
	    L(r, "(ẩn danh)", "(anonymous)") : f->reporter_name);
	row(r, L(r, "Trẻ em", "Child"), f->child_name);
	if (f->child_id > 0)
		html_fmt(&r->out, "<tr><th scope=\"row\">%s</th><td><a "
		    "href=\"/children/%I\">%s</a></td></tr>",
		    L(r, "Sổ theo dõi trẻ em", "Child register"), f->child_id,
		    L(r, "hồ sơ của trẻ trong sổ", "the child's record"));
	row(r, L(r, "Tuổi (ước lượng)", "Age (estimated)"), age);
	row(r, L(r, "Giới tính", "Sex"), casefile_code_name(casefile_sexes,
	    f->sex, en(r)));
	row(r, L(r, "Địa điểm", "Where"), f->place_text);
	row(r, L(r, "Môi trường", "Setting"), casefile_code_name(
	    casefile_places, f->place, en(r)));
	row(r, L(r, "Hình thức xâm hại", "Form of abuse"), casefile_code_name(
	    casefile_forms, f->form, en(r)));
	if (f->sexual_kind >= 0)
		row(r, L(r, "Xâm hại tình dục", "Sexual abuse"),
		    casefile_code_name(casefile_sexual_kinds, f->sexual_kind,
		    en(r)));
	html_fmt(&r->out, "<tr><th scope=\"row\">%s</th><td>",
	    L(r, "Sự việc", "What happened"));
	html_text_br(&r->out, f->narrative);
	html_lit(&r->out, "</td></tr>");
	if (str_empty(f->informant_name) && str_empty(f->informant_phone) &&
	    str_empty(f->informant_address))
		row(r, L(r, "Người cung cấp thông tin", "Informant"),
		    L(r, "không cung cấp", "not given"));
	else {
		row(r, L(r, "Người cung cấp thông tin", "Informant"),
		    f->informant_name);
		row(r, L(r, "Điện thoại", "Telephone"), f->informant_phone);
		row(r, L(r, "Địa chỉ", "Address"), f->informant_address);
	}
	html_lit(&r->out, "</tbody></table></section>");
}

/* A deadline in working days, as a line of the deadlines box. */
static void
deadline(struct req *r, const struct casectx *c, const char *what,
    const char *due)
{
	char today[11], d[16];
	int left;

	if (str_empty(due))
		return;
	date_today(today);
	casefmt_date(due, d);
	left = casefile_working_days_between(today, due,
	    &c->rules.holidays);
	if (strcmp(today, due) > 0)
		html_fmt(&r->out, "<li class=\"overdue\">%s: %s — %s</li>",
		    what, d, L(r, "QUÁ HẠN", "OVERDUE"));
	else {
		char n[16];

		snprintf(n, sizeof(n), "%d", left);
		html_fmt(&r->out, "<li>%s: %s — %s %s</li>", what, d, n,
		    L(r, "ngày làm việc còn lại", "working days left"));
	}
}

static void
deadlines(struct req *r, const struct casectx *c)
{
	const struct casefile *f = &c->cf;
	char from[11], due[11];

	html_lit(&r->out, "<ul class=\"deadlines\">");
	if (f->emergency_due > 0) {
		html_fmt(&r->out, "<li>%s: ", L(r, "Can thiệp khẩn cấp",
		    "Emergency action"));
		casefile_clock_html(r, f->emergency_due, f->emergency_done_at);
		html_lit(&r->out, "</li>");
	}
	if (f->state == CASEFILE_ASSESSED && c->rules.detailed_working_days >=
	    0 && casefile_step_on(r->db, f->id, f->cycle, STEP_ASSESSMENT,
	    from) == ERR_OK && from[0] != '\0') {
		casefile_add_working_days(from, c->rules.detailed_working_days,
		    &c->rules.holidays, due);
		deadline(r, c, L(r, "Hạn đánh giá chi tiết (mẫu 03)",
		    "Detailed assessment due (form 03)"), due);
	}
	if (f->state < CASEFILE_PLANNED)
		deadline(r, c, L(r, "Hạn kế hoạch hỗ trợ, can thiệp (mẫu 04)",
		    "Support plan due (form 04)"), f->plan_due);
	if (f->state == CASEFILE_PLANNED && c->rules.approval_working_days >=
	    0 && casefile_step_on(r->db, f->id, f->cycle, STEP_PLAN, from) ==
	    ERR_OK && from[0] != '\0') {
		casefile_add_working_days(from, c->rules.approval_working_days,
		    &c->rules.holidays, due);
		deadline(r, c, L(r, "Hạn phê duyệt kế hoạch (mẫu 05)",
		    "Plan approval due (form 05)"), due);
	}
	html_lit(&r->out, "</ul>");
}

static void
steps_section(struct req *r, const struct casectx *c, const struct view *v)
{
	size_t i;
	int k;

	html_fmt(&r->out, "<section id=\"steps\"><h2>%s</h2>",
	    L(r, "Quá trình xử lý", "Handling so far"));
	if (v->p.nsteps == 0)
		html_fmt(&r->out, "<p>%s</p>", L(r, "Chưa có bước nào sau báo "
		    "cáo.", "Nothing yet after the report."));
	for (i = 0; i < v->p.nsteps; i++) {
		const struct casefile_steprec *s = &v->p.steps[i];
		char d[24];

		if (s->done_at > 0)
			casefmt_time(s->done_at, d);
		else
			casefmt_date(s->done_on, d);
		html_fmt(&r->out, "<article class=\"step\"><header><strong>%s"
		    "</strong> — %s — %s (%s %d)</header>",
		    casefile_code_name(casefile_steps, (int)s->kind, en(r)), d,
		    s->by_name, L(r, "chu kỳ", "cycle"), s->cycle);
		if (s->kind == STEP_ASSESSMENT)
			html_fmt(&r->out, "<p>%s: %s; %s</p>",
			    L(r, "Kết luận", "Finding"), casefile_code_name(
			    casefile_findings, c->cf.finding, en(r)),
			    c->cf.serious == 1 ? L(r, "tổn hại nghiêm trọng",
			    "serious harm") : L(r, "không nghiêm trọng",
			    "not serious"));
		if (s->kind == STEP_REVIEW) {
			static const struct { const char *vi, *en; } items[] = {
				{ "Mức độ tổn hại còn lại", "Harm that remains" },
				{ "Khả năng đối tượng tiếp cận trẻ",
				    "Access of the abuser to the child" },
				{ "Trở ngại trong môi trường chăm sóc",
				    "Obstacles in the care environment" },
			};

			html_lit(&r->out, "<ul>");
			for (k = 0; k < 3; k++)
				html_fmt(&r->out, "<li>%s: %s</li>",
				    L(r, items[k].vi, items[k].en),
				    casefile_code_name(casefile_ratings,
				    s->rating[k], en(r)));
			html_fmt(&r->out, "</ul><p>%s: %s</p>", L(r, "Đề xuất",
			    "Proposal"), casefile_code_name(casefile_outcomes,
			    s->outcome, en(r)));
		}
		if (!str_empty(s->text)) {
			html_lit(&r->out, "<p>");
			html_text_br(&r->out, s->text);
			html_lit(&r->out, "</p>");
		}
		html_lit(&r->out, "</article>");
	}
}

/* The form of the next step of the procedure, if any. */
static void
next_step(struct req *r, const struct casectx *c)
{
	const struct casefile *f = &c->cf;
	const int64_t id = f->id;

	if (f->serious == 1 && f->emergency_done_at == 0 &&
	    f->state != CASEFILE_CLOSED) {
		form_open(r, id, "emergency", L(r, "Ghi nhận can thiệp khẩn cấp",
		    "Record the emergency action"));
		date_input(r, "done_on", L(r, "Ngày", "Date"), true);
		textarea(r, "text", L(r, "Biện pháp đã thực hiện (cách ly, y tế, "
		    "nơi tạm trú an toàn…)", "What was done (separation, medical "
		    "care, a safe place…)"), true);
		form_close(r, L(r, "Ghi nhận", "Record"));
	}
	switch (f->state) {
	case CASEFILE_REPORTED:
		form_open(r, id, "assessment", casefile_code_name(
		    casefile_steps, STEP_ASSESSMENT, en(r)));
		date_input(r, "done_on", L(r, "Ngày đánh giá", "Date"), false);
		select_codes(r, "finding", L(r, "Kết luận", "Finding"),
		    casefile_findings);
		html_fmt(&r->out, "<fieldset><legend>%s</legend><label "
		    "class=\"inline\"><input type=\"radio\" name=\"serious\" "
		    "value=\"1\" required> %s</label><label class=\"inline\">"
		    "<input type=\"radio\" name=\"serious\" value=\"0\"> %s"
		    "</label></fieldset>", L(r, "Tổn hại nghiêm trọng đến tính "
		    "mạng, sức khỏe, nhân phẩm của trẻ?", "Serious harm to the "
		    "child's life, health or dignity?"), L(r, "Có — can thiệp "
		    "trong 12 giờ", "Yes — act within 12 hours"),
		    L(r, "Không", "No"));
		textarea(r, "text", L(r, "Nhận định", "Notes"), false);
		form_close(r, L(r, "Lưu đánh giá", "Save the assessment"));
		break;
	case CASEFILE_ASSESSED:
		form_open(r, id, "detailed", casefile_code_name(casefile_steps,
		    STEP_DETAILED, en(r)));
		date_input(r, "done_on", L(r, "Ngày", "Date"), false);
		textarea(r, "text", L(r, "Tình trạng thể chất, tâm lý; hoàn cảnh "
		    "gia đình; nhu cầu hỗ trợ", "Physical and psychological "
		    "state; family situation; needs"), true);
		form_close(r, L(r, "Lưu", "Save"));
		break;
	case CASEFILE_DETAILED:
		form_open(r, id, "plan", casefile_code_name(casefile_steps,
		    STEP_PLAN, en(r)));
		date_input(r, "done_on", L(r, "Ngày lập", "Date"), false);
		textarea(r, "text", L(r, "Mục tiêu, hoạt động, người thực hiện, "
		    "thời gian", "Aims, activities, who, when"), true);
		form_close(r, L(r, "Lưu kế hoạch", "Save the plan"));
		break;
	case CASEFILE_PLANNED:
		form_open(r, id, "approval", casefile_code_name(casefile_steps,
		    STEP_APPROVAL, en(r)));
		date_input(r, "done_on", L(r, "Ngày phê duyệt", "Date approved"),
		    false);
		textarea(r, "text", L(r, "Quyết định phê duyệt của Chủ tịch UBND "
		    "xã (số, ngày)", "The commune chairman's approval decision "
		    "(number, date)"), true);
		form_close(r, L(r, "Ghi nhận phê duyệt", "Record the approval"));
		break;
	case CASEFILE_APPROVED:
		form_open(r, id, "review", casefile_code_name(casefile_steps,
		    STEP_REVIEW, en(r)));
		date_input(r, "done_on", L(r, "Ngày rà soát", "Date"), false);
		html_lit(&r->out, "<div class=\"grid\">");
		select_codes(r, "rating1", L(r, "Tổn hại còn lại",
		    "Harm that remains"), casefile_ratings);
		select_codes(r, "rating2", L(r, "Đối tượng còn tiếp cận trẻ",
		    "Abuser's access to the child"), casefile_ratings);
		select_codes(r, "rating3", L(r, "Trở ngại môi trường chăm sóc",
		    "Obstacles in care"), casefile_ratings);
		html_lit(&r->out, "</div>");
		select_codes(r, "outcome", L(r, "Đề xuất", "Proposal"),
		    casefile_outcomes);
		textarea(r, "text", L(r, "Nhận xét", "Notes"), false);
		form_close(r, L(r, "Lưu rà soát", "Save the review"));
		break;
	default:
		break;
	}
}

static void
referrals_section(struct req *r, const struct casectx *c,
    const struct view *v)
{
	size_t i;

	html_fmt(&r->out, "<section id=\"referrals\"><h2>%s</h2>",
	    L(r, "Chuyển gửi", "Referrals"));
	for (i = 0; i < v->p.nrefs; i++) {
		const struct casefile_referral *f = &v->p.refs[i];
		char sent[24], ack[24];

		casefmt_time(f->sent_at, sent);
		html_fmt(&r->out, "<article><header><strong>%s</strong>%s%s — "
		    "%s, %s — %s</header><p>", casefile_code_name(
		    casefile_referral_kinds, f->to_kind, en(r)),
		    f->to_user_id > 0 ? ": " : "", f->to_user_id > 0 ?
		    f->to_user_name : "", casefile_code_name(casefile_hows,
		    f->how, en(r)), sent, f->by_name);
		html_text_br(&r->out, f->contact);
		html_lit(&r->out, "</p>");
		if (f->ack_at > 0) {
			casefmt_time(f->ack_at, ack);
			html_fmt(&r->out, "<p class=\"ok\">%s %s: %s</p>",
			    L(r, "Đã xác nhận", "Acknowledged"), ack, f->ack);
		} else {
			html_fmt(&r->out, "<p class=\"%s\">%s</p>",
			    f->escalated_at > 0 ? "overdue" : "",
			    f->escalated_at > 0 ? L(r, "Chưa xác nhận — đã báo "
			    "lên hiệu trưởng", "Not acknowledged — escalated "
			    "to the principal") : L(r, "Chưa xác nhận",
			    "Not acknowledged yet"));
			if (c->cf.state != CASEFILE_CLOSED) {
				char what[48];

				snprintf(what, sizeof(what), "referrals/%lld/ack",
				    (long long)f->id);
				form_open(r, c->cf.id, what, L(r, "Ghi nhận xác "
				    "nhận", "Record the acknowledgement"));
				date_input(r, "done_on", L(r, "Ngày", "Date"),
				    true);
				html_fmt(&r->out, "<label>%s<input name=\"ack\" "
				    "required maxlength=\"300\"></label>",
				    L(r, "Ai xác nhận, số văn bản",
				    "Who acknowledged, reference"));
				form_close(r, L(r, "Lưu", "Save"));
			}
		}
		html_lit(&r->out, "</article>");
	}
	if (c->cf.state == CASEFILE_CLOSED) {
		html_lit(&r->out, "</section>");
		return;
	}
	form_open(r, c->cf.id, "referrals", L(r, "Chuyển gửi mới",
	    "New referral"));
	html_lit(&r->out, "<div class=\"grid\">");
	select_codes(r, "to_kind", L(r, "Chuyển đến", "Referred to"),
	    casefile_referral_kinds);
	select_codes(r, "how", L(r, "Hình thức", "How"), casefile_hows);
	html_lit(&r->out, "</div>");
	if (v->nofficers > 0) {
		html_fmt(&r->out, "<label>%s<select name=\"to_user\">"
		    "<option value=\"\">%s</option>", L(r, "Cán bộ xã có tài "
		    "khoản vitre (sẽ xem được hồ sơ)", "Commune officer with a "
		    "vitre account (will see the case)"), L(r, "— không —",
		    "— none —"));
		for (i = 0; i < v->nofficers; i++)
			html_fmt(&r->out, "<option value=\"%I\">%s (%s)</option>",
			    v->officers[i].user_id, v->officers[i].full_name,
			    v->officers[i].username);
		html_lit(&r->out, "</select></label>");
	}
	date_input(r, "done_on", L(r, "Ngày chuyển", "Date sent"), true);
	html_fmt(&r->out, "<label>%s<textarea name=\"contact\" rows=\"2\" "
	    "required maxlength=\"1000\"></textarea></label>",
	    L(r, "Người tiếp nhận, nội dung", "Who was reached, what was said"));
	form_close(r, L(r, "Ghi nhận chuyển gửi", "Record the referral"));
	html_lit(&r->out, "</section>");
}

static void
measures_section(struct req *r, const struct casectx *c,
    const struct view *v)
{
	char today[11], due[16], done[16];
	size_t i;

	date_today(today);
	html_fmt(&r->out, "<section id=\"measures\"><h2>%s</h2>",
	    L(r, "Biện pháp của nhà trường", "The school's measures"));
	if (v->p.nmeasures > 0)
		html_fmt(&r->out, "<table class=\"compact\"><thead><tr><th>%s</th>"
		    "<th>%s</th><th>%s</th><th>%s</th><th></th></tr></thead>"
		    "<tbody>", L(r, "Biện pháp", "Measure"),
		    L(r, "Việc cần làm", "What"), L(r, "Người thực hiện", "Who"),
		    L(r, "Hạn", "Due"));
	for (i = 0; i < v->p.nmeasures; i++) {
		const struct casefile_measure *m = &v->p.measures[i];
		bool late = m->done_on[0] == '\0' && strcmp(m->due_on,
		    today) < 0;

		casefmt_date(m->due_on, due);
		html_fmt(&r->out, "<tr%s><td>%s</td><td>", late ?
		    " class=\"overdue\"" : "", casefile_code_name(
		    casefile_measure_kinds, m->kind, en(r)));
		html_text_br(&r->out, m->what);
		html_fmt(&r->out, "</td><td>%s</td><td>%s</td><td>",
		    m->owner_name, due);
		if (m->done_on[0] != '\0') {
			casefmt_date(m->done_on, done);
			html_fmt(&r->out, "%s %s", L(r, "Xong", "Done"), done);
		} else if (c->cf.state != CASEFILE_CLOSED) {
			char what[48];

			snprintf(what, sizeof(what), "measures/%lld/done",
			    (long long)m->id);
			form_open(r, c->cf.id, what, "");
			html_fmt(&r->out, "<input type=\"date\" name=\"done_on\" "
			    "required value=\"%s\" aria-label=\"%s\">", today,
			    L(r, "Ngày xong", "Date done"));
			form_close(r, L(r, "Đã xong", "Done"));
		}
		html_lit(&r->out, "</td></tr>");
	}
	if (v->p.nmeasures > 0)
		html_lit(&r->out, "</tbody></table>");
	if (c->cf.state == CASEFILE_APPROVED) {
		form_open(r, c->cf.id, "measures", L(r, "Giao biện pháp",
		    "Assign a measure"));
		html_lit(&r->out, "<div class=\"grid\">");
		select_codes(r, "kind", L(r, "Biện pháp", "Measure"),
		    casefile_measure_kinds);
		html_fmt(&r->out, "<label>%s<select name=\"owner\" required>",
		    L(r, "Người thực hiện", "Carried out by"));
		for (i = 0; i < v->p.nworkers; i++)
			html_fmt(&r->out, "<option value=\"%I\">%s</option>",
			    v->p.workers[i].user_id, v->p.workers[i].full_name);
		html_fmt(&r->out, "</select></label><label>%s<input type=\"date\" "
		    "name=\"due_on\" required value=\"%s\"></label></div>",
		    L(r, "Hạn", "Due"), today);
		html_fmt(&r->out, "<label>%s<textarea name=\"what\" rows=\"2\" "
		    "required maxlength=\"1000\"></textarea></label>",
		    L(r, "Việc cần làm", "What to do"));
		form_close(r, L(r, "Giao", "Assign"));
	}
	html_lit(&r->out, "</section>");
}

static void
people_section(struct req *r, const struct casectx *c, const struct view *v)
{
	size_t i;

	html_fmt(&r->out, "<section id=\"people\"><h2>%s</h2><ul>",
	    L(r, "Người được phân công", "People on the case"));
	for (i = 0; i < v->p.nworkers; i++) {
		const struct casefile_person *p = &v->p.workers[i];

		html_fmt(&r->out, "<li>%s (%s)%s", p->full_name,
		    L(r, roles[p->role].name_vi, roles[p->role].name_en),
		    p->focal ? L(r, " — đầu mối của trường", " — school focal "
		    "point") : "");
		if (c->access == ACCESS_PRINCIPAL) {
			char what[48];

			snprintf(what, sizeof(what), "workers/%lld/remove",
			    (long long)p->user_id);
			html_fmt(&r->out, "<form method=\"post\" "
			    "action=\"/cases/%I/%s\" class=\"inline\">",
			    c->cf.id, what);
			html_csrf_input(r);
			html_fmt(&r->out, "<button type=\"submit\" "
			    "class=\"secondary outline\">%s</button></form>",
			    L(r, "Bỏ phân công", "Remove"));
		}
		html_lit(&r->out, "</li>");
	}
	html_fmt(&r->out, "</ul><p><small>%s</small></p>",
	    L(r, "Hiệu trưởng của trường và cán bộ xã được chuyển gửi cũng xem "
	    "được hồ sơ; quản trị viên thì không.", "The principal of the "
	    "school and the commune officer the case was referred to can also "
	    "see it; administrators cannot."));
	if (c->access == ACCESS_PRINCIPAL && v->nstaff > 0) {
		form_open(r, c->cf.id, "workers", L(r, "Phân công thêm",
		    "Assign someone"));
		html_fmt(&r->out, "<select name=\"user_id\" required aria-label="
		    "\"%s\">", L(r, "Người được phân công", "Person"));
		for (i = 0; i < v->nstaff; i++)
			html_fmt(&r->out, "<option value=\"%I\">%s (%s)</option>",
			    v->staff[i].user_id, v->staff[i].full_name,
			    L(r, roles[v->staff[i].role].name_vi,
			    roles[v->staff[i].role].name_en));
		html_lit(&r->out, "</select>");
		form_close(r, L(r, "Phân công", "Assign"));
	}
	html_lit(&r->out, "</section>");
}

void
casefile_page(struct req *r, struct casectx *c,
    const struct form_errors *errs, const char *flash, int status)
{
	struct buf *o = &r->out;
	const struct unit *u;
	struct view v;
	char title[64];

	if (view_load(r, c, &v) != ERR_OK) {
		view_release(r, &v);
		casectx_unreadable(r);
		return;
	}
	snprintf(title, sizeof(title), "%s #%lld", L(r, "Hồ sơ", "Case"),
	    (long long)c->cf.id);
	u = unit_get(v.t, c->cf.unit_id);
	buf_reset(o);
	page_begin(r, title);
	html_fmt(o, "<p><a href=\"/cases\">%s</a></p><h1>%s <small>%s"
	    "</small></h1>", L(r, "← Bảo vệ trẻ em", "← Child protection"),
	    title, u ? unit_display_name(u, en(r)) : "");
	if (flash != NULL)
		html_fmt(o, "<p class=\"flash\">%s</p>", flash);
	if (errs != NULL)
		form_errors_html(r, errs);
	html_fmt(o, "<p class=\"state\">%s: <strong>%s</strong> · %s %d",
	    L(r, "Trạng thái", "State"), casefile_code_name(casefile_states,
	    (int)c->cf.state, en(r)), L(r, "chu kỳ", "cycle"), c->cf.cycle);
	if (c->cf.reporter_hidden)
		html_fmt(o, " · %s", L(r, "người báo cáo ẩn danh",
		    "anonymous reporter"));
	if (c->access == ACCESS_PRINCIPAL)
		html_fmt(o, " · <a href=\"/cases/%I/audit\">%s</a>", c->cf.id,
		    L(r, "Ai đã xem hồ sơ", "Who looked at it"));
	html_fmt(o, " · <a href=\"/cases/%I/pdf\">%s</a>", c->cf.id,
	    L(r, "Xuất PDF (mật, được ghi nhật ký)",
	    "Export as PDF (confidential, logged)"));
	html_lit(o, "</p>");
	deadlines(r, c);
	report_section(r, c);
	steps_section(r, c, &v);
	next_step(r, c);
	html_lit(o, "</section>");
	referrals_section(r, c, &v);
	measures_section(r, c, &v);
	people_section(r, c, &v);
	page_end(r);
	resp_html(r, status);
	view_release(r, &v);
}

void
casefile_status_page(struct req *r, const struct casectx *c)
{
	struct buf *o = &r->out;
	char when[24], title[64];

	snprintf(title, sizeof(title), "%s #%lld", L(r, "Báo cáo", "Report"),
	    (long long)c->cf.id);
	casefmt_time(c->cf.received_at, when);
	page_begin(r, title);
	html_fmt(o, "<p><a href=\"/cases\">%s</a></p><h1>%s</h1>",
	    L(r, "← Bảo vệ trẻ em", "← Child protection"), title);
	if (!str_empty(req_query(r, "sent")))
		html_fmt(o, "<p class=\"flash\">%s</p>", L(r, "Đã gửi báo cáo. "
		    "Cảm ơn bạn.", "The report is sent. Thank you."));
	html_fmt(o, "<table class=\"kv\"><tbody><tr><th scope=\"row\">%s</th>"
	    "<td>%s</td></tr><tr><th scope=\"row\">%s</th><td><strong "
	    "class=\"status\">%s</strong></td></tr></tbody></table><p>%s</p>",
	    L(r, "Tiếp nhận lúc", "Received"), when, L(r, "Trạng thái",
	    "Status"), casefile_code_name(casefile_public_names,
	    (int)casefile_public_status(c->cf.state, c->cf.referred), en(r)),
	    L(r, "Để bảo vệ trẻ, chỉ người được phân công xử lý và hiệu trưởng "
	    "xem được nội dung hồ sơ. Nếu có thêm thông tin, hãy gửi một báo "
	    "cáo mới hoặc trao đổi trực tiếp với hiệu trưởng.", "To protect the "
	    "child, only the people assigned to it and the principal can read "
	    "the case. If you learn more, send a new report or speak to the "
	    "principal."));
	page_end(r);
	resp_html(r, 200);
}
