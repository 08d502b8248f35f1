/*
 * child_html.c -- the record of one child: identity, guardians, the
 * enrolment history with absences and the status changes, disability,
 * special circumstances, and the consents with what is still missing;
 * for those who may change the record, the forms that do (status,
 * absences, transfer, circumstances, consents).
 *
 * Sensitive fields (ethnicity, disability, special circumstances) are
 * drawn only when rc->sensitive; otherwise one notice says who sees them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "http/req.h"
#include "register/ethnicity.h"
#include "register/register_int.h"
#include "render/html.h"
#include "render/layout.h"

static void
hidden_notice(struct req *r)
{
	html_fmt(&r->out, "<p class=\"muted sensitive-hidden\">%s</p>",
	    L(r, "Thông tin nhạy cảm: chỉ giáo viên được phân công lớp của "
	    "trẻ, ban giám hiệu và cán bộ quản lý trong phạm vi xem được.",
	    "Sensitive data: only the teachers of the child's class, the "
	    "school leaders and the officers in scope see it."));
}

static const char *
unit_name_of(const struct req *r, const struct unit_tree *t, int64_t id)
{
	const struct unit *u = id > 0 ? unit_get(t, id) : NULL;

	return u != NULL ? reg_unit_name(r, u) : "";
}

static void
identity_html(struct req *r, const struct child_page *p)
{
	const struct child *c = &p->rc->c;
	const struct ethnicity *eth = ethnicity_find(c->ethnicity);
	char today[11];

	date_today(today);
	html_fmt(&r->out, "<section id=\"identity\"><h2>%s</h2><table "
	    "class=\"compact\"><tbody><tr><th>%s</th><td>%s</td></tr>"
	    "<tr><th>%s</th><td>%s (%d %s)</td></tr>",
	    L(r, "Thông tin trẻ", "Identity"), L(r, "Giới tính", "Sex"),
	    reg_name(r, &child_sexes[c->sex]), L(r, "Ngày sinh",
	    "Date of birth"), c->birth_date, child_age_on(c->birth_date,
	    today), L(r, "tuổi", "years"));
	html_fmt(&r->out, "<tr><th>%s</th><td>", L(r, "Dân tộc", "Ethnicity"));
	if (!p->rc->sensitive)
		html_fmt(&r->out, "<span class=\"muted\">%s</span>",
		    L(r, "ẩn", "hidden"));
	else if (eth != NULL)
		html_fmt(&r->out, "<span class=\"ethnicity\">%s (%s)</span>",
		    eth->name, eth->code);
	else
		html_fmt(&r->out, "%s", L(r, "chưa ghi", "not recorded"));
	html_fmt(&r->out, "</td></tr><tr><th>%s</th><td>%s</td></tr>"
	    "<tr><th>%s</th><td>%s</td></tr><tr><th>%s</th><td>%s</td></tr>"
	    "<tr><th>%s</th><td>%s</td></tr></tbody></table></section>",
	    L(r, "Số định danh cá nhân", "Personal ID number"),
	    c->personal_id[0] ? c->personal_id : "—",
	    L(r, "Mã định danh ngành", "Sector learner code"),
	    c->learner_code[0] ? c->learner_code : "—",
	    L(r, "Địa chỉ", "Address"), c->address[0] ? c->address : "—",
	    L(r, "Hộ nghèo / cận nghèo", "Poor / near-poor household"),
	    reg_name(r, &child_households[c->household]));
}

static void
guardians_html(struct req *r, const struct child_page *p)
{
	size_t i;

	html_fmt(&r->out, "<section id=\"guardians\"><h2>%s</h2>",
	    L(r, "Cha mẹ, người giám hộ", "Parents and guardians"));
	if (p->ng == 0) {
		html_fmt(&r->out, "<p>%s</p></section>", L(r, "Chưa ghi.",
		    "None recorded."));
		return;
	}
	html_fmt(&r->out, "<table class=\"compact\"><thead><tr><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	    L(r, "Họ tên", "Name"), L(r, "Quan hệ", "Relation"),
	    L(r, "Điện thoại", "Phone"), L(r, "Địa chỉ", "Address"));
	for (i = 0; i < p->ng; i++)
		html_fmt(&r->out, "<tr><td>%s</td><td>%s</td><td>%s</td>"
		    "<td>%s</td></tr>", p->g[i].full_name,
		    reg_name(r, &guardian_rels[p->g[i].relation]),
		    p->g[i].phone, p->g[i].address);
	html_lit(&r->out, "</tbody></table></section>");
}

/* "→ Trường X" / "← Trường Y" / the drop-out reason. */
static void
enrolment_detail(struct req *r, const struct child_page *p,
    const struct enrolment *e)
{
	const struct unit_tree *t = p->rc->t;

	if (e->from_unit_id > 0 || e->from_school[0])
		html_fmt(&r->out, "%s %s%s ", L(r, "từ", "from"),
		    unit_name_of(r, t, e->from_unit_id), e->from_school);
	if (e->to_unit_id > 0 || e->to_school[0])
		html_fmt(&r->out, "%s %s%s ", L(r, "đến", "to"),
		    unit_name_of(r, t, e->to_unit_id), e->to_school);
	if (e->dropout_reason < DROPOUT__MAX)
		html_fmt(&r->out, "%s: %s ", L(r, "lý do", "reason"),
		    reg_name(r, &dropout_reasons[e->dropout_reason]));
	if (e->note[0])
		html_fmt(&r->out, "<small class=\"muted\">%s</small>", e->note);
}

/* May the user change this enrolment (its school is in scope)? */
static bool
enrolment_editable(const struct req *r, const struct child_page *p,
    const struct enrolment *e)
{
	return p->rc->edit && unit_in_scope(p->rc->t, r->user.unit_id,
	    e->unit_id);
}

static void
status_form(struct req *r, const struct child_page *p,
    const struct enrolment *e)
{
	struct buf *o = &r->out;
	char today[11];
	int s;

	date_today(today);
	html_fmt(o, "<details><summary>%s</summary><form method=\"post\" "
	    "action=\"/children/%I/enrolments/%I/status\">",
	    L(r, "Đổi tình trạng", "Change the status"), e->child_id, e->id);
	html_csrf_input(r);
	html_fmt(o, "<div class=\"grid\"><label>%s<select name=\"status\">",
	    L(r, "Tình trạng mới", "New status"));
	for (s = 0; s < ENROL__MAX; s++)
		if (enrol_transition_ok(e->status, (enum enrol_status)s))
			html_fmt(o, "<option value=\"%s\">%s</option>",
			    enrol_statuses[s].code,
			    reg_name(r, &enrol_statuses[s]));
	html_fmt(o, "</select></label><label>%s<input type=\"date\" name=\"on\" "
	    "value=\"%s\"></label></div><div class=\"grid\"><label>%s",
	    L(r, "Ngày", "Date"), today, L(r, "Lý do bỏ học",
	    "Reason for dropping out"));
	reg_select(r, "dropout_reason", dropout_reasons, DROPOUT__MAX, -1, "");
	html_fmt(o, "</label><label>%s<input name=\"to_school\" maxlength=\"%d\">"
	    "</label></div><label>%s<input name=\"note\" maxlength=\"%d\">"
	    "</label><button type=\"submit\">%s</button></form></details>",
	    L(r, "Chuyển đến trường (ngoài vitre)",
	    "Moved to a school (outside vitre)"), ENROL_SCHOOL_MAX,
	    L(r, "Ghi chú", "Note"), CHILD_NOTE_MAX, L(r, "Lưu", "Save"));
	(void)p;
}

static void
absence_form(struct req *r, const struct enrolment_row *er)
{
	struct buf *o = &r->out;
	int k;

	html_fmt(o, "<details><summary>%s</summary><form method=\"post\" "
	    "action=\"/children/%I/enrolments/%I/absences\">",
	    L(r, "Ghi số ngày nghỉ", "Record days absent"), er->e.child_id,
	    er->e.id);
	html_csrf_input(r);
	html_lit(o, "<div class=\"grid\">");
	for (k = 0; k < 2; k++) {
		const struct field *fe = &absence_f[k].excused;
		const struct field *fu = &absence_f[k].unexcused;

		html_fmt(o, "<label>%s<input type=\"number\" min=\"0\" "
		    "max=\"%d\" name=\"%s\" value=\"%d\"></label>",
		    L(r, fe->label_vi, fe->label_en), ABSENCE_DAYS_MAX,
		    fe->name, er->abs[k].excused);
		html_fmt(o, "<label>%s<input type=\"number\" min=\"0\" "
		    "max=\"%d\" name=\"%s\" value=\"%d\"></label>",
		    L(r, fu->label_vi, fu->label_en), ABSENCE_DAYS_MAX,
		    fu->name, er->abs[k].unexcused);
	}
	html_fmt(o, "</div><button type=\"submit\">%s</button></form></details>",
	    L(r, "Lưu", "Save"));
}

/* The schools a child can move to: open, of a level that takes the
 * grade, in the same province as the current one (all if none). */
static void
transfer_form(struct req *r, const struct child_page *p,
    const struct enrolment *e)
{
	const struct unit_tree *t = p->rc->t;
	struct buf *o = &r->out;
	size_t i, k = unit_index(t, e->unit_id), prov = (size_t)-1;
	char today[11];
	int guard = 0;

	date_today(today);
	while (k != (size_t)-1 && guard++ < 16) {
		if (t->u[k].kind == UNIT_PROVINCE) {
			prov = k;
			break;
		}
		k = unit_parent(t, k, LINK_ANY, today);
	}
	html_fmt(o, "<details id=\"transfer\"><summary>%s</summary><form "
	    "method=\"post\" action=\"/children/%I/transfer\">",
	    L(r, "Chuyển sang trường khác trong vitre",
	    "Move to another school in vitre"), e->child_id);
	html_csrf_input(r);
	html_fmt(o, "<label>%s<select name=\"to_unit\" required><option "
	    "value=\"\"></option>", L(r, "Trường chuyển đến",
	    "School transferred to"));
	for (i = 0; i < t->n; i++) {
		const struct unit *u = &t->u[i];

		if (u->id == e->unit_id || !unit_kinds[u->kind].school ||
		    !unit_open_on(u, today) || !enrol_grade_fits(u->kind,
		    e->grade) || (prov != (size_t)-1 &&
		    !unit_in_scope(t, t->u[prov].id, u->id)))
			continue;
		html_fmt(o, "<option value=\"%I\">%s</option>", u->id,
		    reg_unit_name(r, u));
	}
	html_fmt(o, "</select></label><div class=\"grid\"><label>%s<input "
	    "type=\"date\" name=\"on\" value=\"%s\"></label><label>%s<input "
	    "name=\"class_name\" required maxlength=\"%d\" value=\"%s\">"
	    "</label></div><button type=\"submit\">%s</button></form>"
	    "</details>", L(r, "Ngày chuyển", "Date of transfer"), today,
	    L(r, "Lớp ở trường mới", "Class at the new school"),
	    ENROL_CLASS_MAX, e->class_name, L(r, "Chuyển trường",
	    "Transfer"));
}

static void
enrolments_html(struct req *r, const struct child_page *p)
{
	struct buf *o = &r->out;
	size_t i, k;

	html_fmt(o, "<section id=\"enrolments\"><h2>%s</h2>",
	    L(r, "Quá trình học", "Enrolment history"));
	if (p->ner == 0) {
		html_fmt(o, "<p>%s</p></section>", L(r, "Chưa có.", "None."));
		return;
	}
	html_fmt(o, "<div class=\"overflow-auto\"><table class=\"compact\">"
	    "<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s"
	    "</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	    L(r, "Năm học", "School year"), L(r, "Trường", "School"),
	    L(r, "Lớp", "Class"), L(r, "Tình trạng", "Status"),
	    L(r, "Chi tiết", "Details"), L(r, "Nghỉ HK I (có phép + không "
	    "phép)", "Absent term 1 (with + without leave)"), L(r, "Nghỉ HK "
	    "II", "Absent term 2"));
	for (i = 0; i < p->ner; i++) {
		const struct enrolment_row *er = &p->er[i];

		html_fmt(o, "<tr><td>%s</td><td>%s</td><td>%s <small class=\""
		    "muted\">%s</small></td><td>%s <small class=\"muted\">%s"
		    "</small></td><td>", er->year, unit_name_of(r, p->rc->t,
		    er->e.unit_id), er->e.class_name, enrol_grade_name(
		    er->e.grade, r->lang == LANG_EN), reg_name(r,
		    &enrol_statuses[er->e.status]), er->e.status_on);
		enrolment_detail(r, p, &er->e);
		html_fmt(o, "</td><td class=\"num\">%d + %d</td><td class=\"num\">"
		    "%d + %d</td></tr>", er->abs[0].excused,
		    er->abs[0].unexcused, er->abs[1].excused,
		    er->abs[1].unexcused);
	}
	html_lit(o, "</tbody></table></div>");
	if (enrolment_editable(r, p, &p->er[0].e)) {
		const struct enrolment *e = &p->er[0].e;

		status_form(r, p, e);
		absence_form(r, &p->er[0]);
		if (e->status == ENROL_STUDYING ||
		    e->status == ENROL_TRANSFERRED_IN)
			transfer_form(r, p, e);
	}
	if (p->nev > 0) {
		html_fmt(o, "<details><summary>%s</summary><ul>",
		    L(r, "Lịch sử thay đổi tình trạng", "Status history"));
		for (k = 0; k < p->nev; k++) {
			html_fmt(o, "<li>%s: %s", p->ev[k].on_date, reg_name(r,
			    &enrol_statuses[p->ev[k].status]));
			if (p->ev[k].detail[0])
				html_fmt(o, " (%s)", p->ev[k].detail);
			if (p->ev[k].by[0])
				html_fmt(o, " — %s", p->ev[k].by);
			html_lit(o, "</li>");
		}
		html_lit(o, "</ul></details>");
	}
	html_lit(o, "</section>");
}

static void
disability_html(struct req *r, const struct child_page *p)
{
	const struct disability *d = &p->dis;

	html_fmt(&r->out, "<section id=\"disability\"><h2>%s</h2>",
	    L(r, "Khuyết tật", "Disability"));
	if (!p->rc->sensitive)
		hidden_notice(r);
	else if (!p->has_dis)
		html_fmt(&r->out, "<p>%s</p>", L(r, "Không.", "None."));
	else
		html_fmt(&r->out, "<table class=\"compact\"><tbody><tr><th>%s</th>"
		    "<td>%s</td></tr><tr><th>%s</th><td>%s</td></tr><tr><th>%s"
		    "</th><td>%s</td></tr><tr><th>%s</th><td>%s</td></tr><tr>"
		    "<th>%s</th><td>%s</td></tr><tr><th>%s</th><td>%s %s</td>"
		    "</tr></tbody></table>", L(r, "Dạng", "Kind"),
		    reg_name(r, &dis_kinds[d->kind]), L(r, "Mức độ", "Severity"),
		    reg_name(r, &dis_severities[d->severity]),
		    L(r, "Nhu cầu học tập", "Learning needs"),
		    d->learning_needs ? L(r, "Có", "Yes") : L(r, "Không", "No"),
		    L(r, "Hình thức giáo dục", "Education"),
		    reg_name(r, &dis_educations[d->education]),
		    L(r, "Hỗ trợ phục hồi chức năng", "Rehabilitation support"),
		    d->rehab_support ? L(r, "Có", "Yes") : L(r, "Không", "No"),
		    L(r, "Từ ngày / ghi chú", "Since / note"), d->since,
		    d->note);
	html_lit(&r->out, "</section>");
}

static void
circumstances_html(struct req *r, const struct child_page *p)
{
	struct buf *o = &r->out;
	char today[11];
	size_t i, g;

	html_fmt(o, "<section id=\"circumstances\"><h2>%s</h2>",
	    L(r, "Hoàn cảnh đặc biệt (Điều 10 Luật Trẻ em)",
	    "Special circumstances (Law on Children, Art. 10)"));
	if (!p->rc->sensitive) {
		hidden_notice(r);
		html_lit(o, "</section>");
		return;
	}
	date_today(today);
	if (p->ncirc == 0)
		html_fmt(o, "<p>%s</p>", L(r, "Không.", "None."));
	for (i = 0; i < p->ncirc; i++) {
		const struct circumstance *c = &p->circ[i];
		const struct circ_sub *sub = c->sub_group[0] ? circ_sub_find(
		    circ_groups[c->group].letter, c->sub_group) : NULL;

		html_fmt(o, "<p class=\"circumstance\"><strong>%s)</strong> %s",
		    circ_groups[c->group].letter, L(r, circ_groups[c->group].vi,
		    circ_groups[c->group].en));
		if (sub != NULL)
			html_fmt(o, " — %s", L(r, sub->vi, sub->en));
		else if (c->sub_group[0])
			html_fmt(o, " — %s %s", L(r, "nhóm nhỏ", "sub-group"),
			    c->sub_group);
		html_fmt(o, " <small class=\"muted\">%s %s %s %s</small>",
		    L(r, "từ", "from"), c->from_on, c->to_on[0] ? L(r, "đến",
		    "to") : "", c->to_on);
		if (c->note[0])
			html_fmt(o, " <small>%s</small>", c->note);
		if (p->rc->edit && c->to_on[0] == '\0') {
			html_fmt(o, " <form method=\"post\" class=\"inline\" "
			    "action=\"/children/%I/circumstances/%I/end\">",
			    c->child_id, c->id);
			html_csrf_input(r);
			html_fmt(o, "<input type=\"date\" name=\"circ_to\" value=\"%s\" "
			    "aria-label=\"%s\"><button type=\"submit\" class=\""
			    "secondary\">%s</button></form>", today,
			    L(r, "Đến ngày", "To"), L(r, "Kết thúc", "End"));
		}
		html_lit(o, "</p>");
	}
	if (!p->rc->edit) {
		html_lit(o, "</section>");
		return;
	}
	html_fmt(o, "<details><summary>%s</summary><form method=\"post\" "
	    "action=\"/children/%I/circumstances\"><div class=\"grid\">",
	    L(r, "Thêm hoàn cảnh đặc biệt", "Add a special circumstance"),
	    p->rc->c.id);
	html_csrf_input(r);
	html_fmt(o, "<label>%s<select name=\"circ_group\" required>",
	    L(r, "Nhóm", "Group"));
	for (g = 0; g < CIRC_GROUPS; g++)
		html_fmt(o, "<option value=\"%s\">%s) %s</option>",
		    circ_groups[g].letter, circ_groups[g].letter,
		    L(r, circ_groups[g].vi, circ_groups[g].en));
	html_fmt(o, "</select></label><label>%s<input name=\"circ_sub\" "
	    "maxlength=\"%d\"></label></div><div class=\"grid\"><label>%s"
	    "<input type=\"date\" name=\"circ_from\" required></label><label>%s"
	    "<input type=\"date\" name=\"circ_to\"></label></div><label>%s"
	    "<input name=\"circ_note\" maxlength=\"%d\"></label><button "
	    "type=\"submit\">%s</button></form></details></section>",
	    L(r, "Nhóm nhỏ (nếu có)", "Sub-group (if any)"), CIRC_SUB_MAX,
	    L(r, "Từ ngày", "From"), L(r, "Đến ngày", "To"),
	    L(r, "Ghi chú", "Note"), CHILD_NOTE_MAX, L(r, "Thêm", "Add"));
}

static void
consents_html(struct req *r, const struct child_page *p)
{
	enum consent_state st[CONSENT_PURPOSE__MAX][CONSENT_WHO__MAX];
	bool need[CONSENT_PURPOSE__MAX][CONSENT_WHO__MAX];
	const struct child *c = &p->rc->c;
	struct buf *o = &r->out;
	char today[11];
	int missing, pu, w;
	size_t i;

	date_today(today);
	consent_current(p->cons, p->ncons, st);
	missing = consent_missing(p->cons, p->ncons, c->birth_date, today,
	    need);
	html_fmt(o, "<section id=\"consents\"><h2>%s</h2>",
	    L(r, "Đồng ý xử lý dữ liệu cá nhân", "Consent to the processing "
	    "of personal data"));
	if (missing > 0)
		html_fmt(o, "<p class=\"warn consent-missing\">%s: %d</p>",
		    L(r, "Còn thiếu ý kiến", "Consents missing"), missing);
	else
		html_fmt(o, "<p class=\"flash\">%s</p>", L(r, "Đã có đủ ý kiến.",
		    "Every consent asked is recorded."));
	html_fmt(o, "<table class=\"compact\"><thead><tr><th>%s</th><th>%s</th>"
	    "<th>%s</th></tr></thead><tbody>", L(r, "Mục đích", "Purpose"),
	    L(r, "Cha mẹ / người giám hộ", "Parent or guardian"),
	    L(r, "Trẻ (từ đủ 7 tuổi)", "The child (aged 7 or over)"));
	for (pu = 0; pu < CONSENT_PURPOSE__MAX; pu++) {
		html_fmt(o, "<tr><td>%s</td>", reg_name(r,
		    &consent_purposes[pu]));
		for (w = CONSENT_GUARDIAN; ; w = CONSENT_CHILD) {
			if (need[pu][w])
				html_fmt(o, "<td><span class=\"badge st-off_track\">"
				    "%s</span></td>", L(r, "Còn thiếu",
				    "Missing"));
			else if (st[pu][w] < CONSENT_STATE__MAX)
				html_fmt(o, "<td>%s</td>", reg_name(r,
				    &consent_states[st[pu][w]]));
			else
				html_fmt(o, "<td class=\"muted\">%s</td>",
				    L(r, "chưa cần (dưới 7 tuổi)",
				    "not asked (under 7)"));
			if (w == CONSENT_CHILD)
				break;
		}
		html_lit(o, "</tr>");
	}
	html_lit(o, "</tbody></table>");
	if (p->ncons > 0) {
		html_fmt(o, "<details><summary>%s</summary><ul>",
		    L(r, "Các lần ghi nhận", "Every record"));
		for (i = 0; i < p->ncons; i++)
			html_fmt(o, "<li>%s: %s — %s — %s %s</li>",
			    p->cons[i].on_date, reg_name(r,
			    &consent_purposes[p->cons[i].purpose]), reg_name(r,
			    &consent_whos[p->cons[i].who]), reg_name(r,
			    &consent_states[p->cons[i].state]), p->cons[i].note);
		html_lit(o, "</ul></details>");
	}
	if (p->rc->edit) {
		html_fmt(o, "<details><summary>%s</summary><form method=\"post\" "
		    "action=\"/children/%I/consents\"><div class=\"grid\">"
		    "<label>%s", L(r, "Ghi nhận ý kiến", "Record a consent"),
		    c->id, L(r, "Mục đích", "Purpose"));
		reg_select(r, "purpose", consent_purposes, CONSENT_PURPOSE__MAX,
		    -1, NULL);
		html_fmt(o, "</label><label>%s", L(r, "Người cho ý kiến",
		    "Given by"));
		reg_select(r, "who", consent_whos, CONSENT_WHO__MAX,
		    CONSENT_GUARDIAN, NULL);
		html_fmt(o, "</label><label>%s", L(r, "Ý kiến", "Decision"));
		reg_select(r, "state", consent_states, CONSENT_STATE__MAX, 0,
		    NULL);
		html_fmt(o, "</label></div><div class=\"grid\"><label>%s<select "
		    "name=\"guardian\"><option value=\"\"></option>",
		    L(r, "Người giám hộ", "Guardian"));
		for (i = 0; i < p->ng; i++)
			html_fmt(o, "<option value=\"%I\">%s</option>",
			    p->g[i].id, p->g[i].full_name);
		html_fmt(o, "</select></label><label>%s<input type=\"date\" "
		    "name=\"on_date\" value=\"%s\" required></label></div>",
		    L(r, "Ngày", "Date"), today);
		html_csrf_input(r);
		html_fmt(o, "<label>%s<input name=\"note\" maxlength=\"%d\">"
		    "</label><button type=\"submit\">%s</button></form>"
		    "</details>", L(r, "Ghi chú", "Note"), CHILD_NOTE_MAX,
		    L(r, "Lưu", "Save"));
	}
	html_lit(o, "</section>");
}

void
child_record_html(struct req *r, const struct child_page *p)
{
	const struct child *c = &p->rc->c;
	const struct enrolment_row *now = p->ner > 0 ? &p->er[0] : NULL;
	const struct unit *school = c->school_id > 0 ?
	    unit_get(p->rc->t, c->school_id) : NULL;

	page_begin(r, c->full_name);
	html_fmt(&r->out, "<hgroup><h1>%s</h1><p>", c->full_name);
	if (school != NULL && p->rc->current)
		html_fmt(&r->out, "<a href=\"/units/%I/register\">%s</a>",
		    school->id, reg_unit_name(r, school));
	if (now != NULL)
		html_fmt(&r->out, " · %s %s · %s %s", L(r, "lớp", "class"),
		    now->e.class_name, L(r, "năm học", "school year"),
		    now->year);
	html_lit(&r->out, "</p></hgroup>");
	if (c->demo)
		html_fmt(&r->out, "<p><span class=\"badge demo-badge\">%s</span> "
		    "%s</p>", L(r, "dữ liệu mẫu", "demo"), L(r, "Trẻ tổng hợp để "
		    "minh họa, không phải người thật.", "A synthetic child for "
		    "the demonstration, not a real person."));
	if (p->flash != NULL)
		html_fmt(&r->out, "<p class=\"flash\">%s</p>", p->flash);
	if (!p->rc->current)
		html_fmt(&r->out, "<p class=\"warn\">%s</p>", L(r, "Trẻ không còn "
		    "học ở trường trong phạm vi của bạn: chỉ xem quá trình học "
		    "tại đó.", "The child is no longer at a school in your "
		    "scope: only the history there is shown."));
	if (p->rc->edit)
		html_fmt(&r->out, "<p><a role=\"button\" href=\"/children/%I/"
		    "edit\">%s</a></p>", c->id, L(r, "Sửa hồ sơ",
		    "Edit the record"));
	identity_html(r, p);
	guardians_html(r, p);
	enrolments_html(r, p);
	disability_html(r, p);
	circumstances_html(r, p);
	consents_html(r, p);
	page_end(r);
}
