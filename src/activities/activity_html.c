/*
 * activity_html.c -- the activity pages; see activity_html.h.  Every
 * count is shown by sex; the reach table says which figures are estimates
 * (a counted activity contributed) and why, and whether the value reached
 * the dashboard.
 */
#include <stdio.h>
#include <string.h>

#include "activities/activity_html.h"
#include "http/form.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"
#include "render/numfmt.h"

static int
lang_of(const struct req *r)
{
	return r->lang == LANG_EN;
}

void
act_cell_name(const char *prefix, int g, int s, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s_%s_%s", prefix, act_groups[g].code,
	    s == ACT_M ? "m" : "f");
}

static const char *
group_name(const struct req *r, int g)
{
	return L(r, act_groups[g].name_vi, act_groups[g].name_en);
}

/* "02/6/2024" or "15/11/2024 – 15/12/2024". */
static void
dates_text(const struct activity *a, char *out, size_t outsz)
{
	int d1 = (a->start_on[8] - '0') * 10 + (a->start_on[9] - '0');
	int m1 = (a->start_on[5] - '0') * 10 + (a->start_on[6] - '0');
	int d2 = (a->end_on[8] - '0') * 10 + (a->end_on[9] - '0');
	int m2 = (a->end_on[5] - '0') * 10 + (a->end_on[6] - '0');

	if (strcmp(a->start_on, a->end_on) == 0)
		snprintf(out, outsz, "%02d/%d/%.4s", d1, m1, a->start_on);
	else
		snprintf(out, outsz, "%02d/%d/%.4s – %02d/%d/%.4s", d1, m1,
		    a->start_on, d2, m2, a->end_on);
}

static void
audience_html(struct req *r, unsigned audience)
{
	int g;
	bool first = true;

	for (g = 0; g < ACT_GROUP__MAX; g++)
		if (audience & (1u << g)) {
			html_fmt(&r->out, "%s%s", first ? "" : "; ",
			    group_name(r, g));
			first = false;
		}
}

/* "45,5 %" of num over den, or "—". */
static const char *
rate(const struct req *r, char out[NUMFMT_MAX], int64_t num, int64_t den)
{
	if (den <= 0)
		return "—";
	return numfmt_value(out, 100.0 * (double)num / (double)den,
	    NUMFMT_PERCENT, lang_of(r));
}

static void
demo_badge(struct req *r, bool demo)
{
	if (demo)
		html_fmt(&r->out, " <span class=\"badge demo-badge\">%s</span>",
		    L(r, "dữ liệu mẫu", "demo"));
}

/* The reach of each group: size, reached and rate by sex. */
static void
reach_table(struct req *r, const struct act_reach *x)
{
	struct buf *o = &r->out;
	char a[NUMFMT_MAX], b[NUMFMT_MAX], c[NUMFMT_MAX];
	int g;

	html_fmt(o, "<div class=\"overflow-auto\"><table class=\"compact "
	    "reach\"><thead><tr><th rowspan=\"2\">%s</th><th colspan=\"2\" "
	    "class=\"num\">%s</th><th colspan=\"2\" class=\"num\">%s</th>"
	    "<th colspan=\"3\" class=\"num\">%s</th><th rowspan=\"2\">%s</th>"
	    "</tr><tr><th class=\"num\">%s</th><th class=\"num\">%s</th>"
	    "<th class=\"num\">%s</th><th class=\"num\">%s</th>"
	    "<th class=\"num\">%s</th><th class=\"num\">%s</th>"
	    "<th class=\"num\">%s</th></tr></thead><tbody>",
	    L(r, "Nhóm", "Group"), L(r, "Số người", "Group size"),
	    L(r, "Đã được truyền thông", "Reached"), L(r, "Tỷ lệ", "Rate"),
	    L(r, "Ghi chú", "Note"), L(r, "Nam", "M"), L(r, "Nữ", "F"),
	    L(r, "Nam", "M"), L(r, "Nữ", "F"), L(r, "Nam", "M"),
	    L(r, "Nữ", "F"), L(r, "Chung", "All"));
	for (g = 0; g < ACT_GROUP__MAX; g++) {
		const int64_t *n = x->size.n[g], *v = x->reached[g];

		html_fmt(o, "<tr id=\"reach-%s\"><td>%s</td>", act_groups[g].code,
		    group_name(r, g));
		if (x->size.has[g])
			html_fmt(o, "<td class=\"num\">%I</td><td class=\"num\">%I"
			    "</td>", n[ACT_M], n[ACT_F]);
		else
			html_lit(o, "<td class=\"num\">—</td><td class=\"num\">—"
			    "</td>");
		html_fmt(o, "<td class=\"num\">%I</td><td class=\"num\">%I</td>",
		    v[ACT_M], v[ACT_F]);
		if (x->size.has[g])
			html_fmt(o, "<td class=\"num\">%s</td><td class=\"num\">"
			    "%s</td><td class=\"num\"><strong>%s</strong></td>",
			    rate(r, a, v[ACT_M], n[ACT_M]),
			    rate(r, b, v[ACT_F], n[ACT_F]),
			    rate(r, c, v[ACT_M] + v[ACT_F], n[ACT_M] + n[ACT_F]));
		else
			html_lit(o, "<td class=\"num\">—</td><td class=\"num\">—"
			    "</td><td class=\"num\">—</td>");
		html_lit(o, "<td><small>");
		if (!x->size.has[g])
			html_fmt(o, "%s ", L(r, "Chưa có số người của nhóm.",
			    "No group size yet."));
		if (x->estimated[g])
			html_fmt(o, "<span class=\"estimate\">%s</span> ",
			    L(r, "Ước tính: có hoạt động chỉ ghi số lượng.",
			    "Estimate: some activities have counts only."));
		if (x->capped[g])
			html_fmt(o, "%s", L(r, "Đã giới hạn bằng số người của "
			    "nhóm.", "Capped at the group size."));
		html_lit(o, "</small></td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
}

/* Each reach indicator: its value and whether the dashboard has it. */
static void
indicator_lines(struct req *r, const struct act_unit_view *v)
{
	struct buf *o = &r->out;
	char a[NUMFMT_MAX], b[NUMFMT_MAX], c[NUMFMT_MAX];
	struct act_value x;
	bool first;
	int i, g;

	html_lit(o, "<ul class=\"reach-values\">");
	for (i = 0; i < ACT_REACH__MAX; i++) {
		const struct act_stored *s = &v->stored[i];
		bool ok = act_reach_value(v->reach, (enum act_reach_ind)i, &x);

		html_fmt(o, "<li id=\"value-%s\"><code>%s</code> (",
		    act_reach_inds[i].code, act_reach_inds[i].code);
		first = true;
		for (g = 0; g < ACT_GROUP__MAX; g++)
			if (act_reach_inds[i].groups & (1u << g)) {
				html_fmt(o, "%s%s", first ? "" : " + ",
				    group_name(r, g));
				first = false;
			}
		html_lit(o, "): ");
		if (!ok) {
			html_fmt(o, "%s", L(r, "chưa tính được — cần số người "
			    "của mọi nhóm trong chỉ số.", "not computed — the "
			    "size of every group in it is needed."));
		} else {
			html_fmt(o, "<strong>%s</strong> (%s %s, %s %s) ",
			    rate(r, a, x.num_m + x.num_f, x.den_m + x.den_f),
			    L(r, "nam", "male"), rate(r, b, x.num_m, x.den_m),
			    L(r, "nữ", "female"), rate(r, c, x.num_f, x.den_f));
			if (s->locked)
				html_fmt(o, "— %s", L(r, "giá trị của năm đã khóa: "
				    "không ghi đè.", "the year's value is locked: "
				    "not overwritten."));
			else if (s->computed)
				html_fmt(o, "— %s <a href=\"/units/%I/dashboard\">"
				    "%s</a>", L(r, "đã ghi vào chỉ số, xem",
				    "written to the indicator, see"), v->unit_id,
				    L(r, "tổng quan", "the dashboard"));
			else if (s->period_id == 0)
				html_fmt(o, "— %s", L(r, "năm này không có kỳ báo "
				    "cáo trong vitre.", "vitre has no reporting "
				    "period for this year."));
		}
		html_lit(o, "</li>");
	}
	html_lit(o, "</ul>");
}

static void
activities_table(struct req *r, const struct act_unit_view *v)
{
	struct buf *o = &r->out;
	char d[64];
	size_t i;

	if (v->nacts == 0) {
		html_fmt(o, "<p class=\"muted\">%s</p>", L(r, "Chưa có hoạt "
		    "động nào trong năm.", "No activities in the year yet."));
		return;
	}
	html_fmt(o, "<div class=\"overflow-auto\"><table class=\"compact\">"
	    "<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
	    "<th class=\"num\">%s</th></tr></thead><tbody>",
	    L(r, "Thời gian", "Dates"), L(r, "Hoạt động", "Activity"),
	    L(r, "Loại", "Kind"), L(r, "Đối tượng", "Audience"),
	    L(r, "Người tham dự", "Participants"));
	for (i = 0; i < v->nacts; i++) {
		const struct activity *a = &v->acts[i];

		dates_text(a, d, sizeof(d));
		html_fmt(o, "<tr><td>%s</td><td><a href=\"/activities/%I\">%s"
		    "</a>", d, a->id, a->title);
		demo_badge(r, a->demo);
		html_fmt(o, "</td><td>%s</td><td><small>",
		    L(r, act_kinds[a->kind].name_vi, act_kinds[a->kind].name_en));
		audience_html(r, a->audience);
		if (a->mode == ACT_MODE_PERSONS)
			html_fmt(o, "</small></td><td class=\"num\">%I %s</td></tr>",
			    a->listed, L(r, "người (danh sách)", "listed"));
		else
			html_fmt(o, "</small></td><td class=\"num\">%I %s</td></tr>",
			    a->counted, L(r, "lượt (số lượng)", "counted"));
	}
	html_lit(o, "</tbody></table></div>");
}

void
act_unit_html(struct req *r, const struct act_unit_view *v)
{
	struct buf *o = &r->out;

	html_fmt(o, "<h1>%s <small class=\"muted\">%s</small></h1>",
	    L(r, "Hoạt động truyền thông, tập huấn",
	    "Communication and training activities"), v->unit_name);
	html_fmt(o, "<nav><ul><li><a href=\"/units/%I/activities?year=%d\">"
	    "« %d</a></li><li><strong>%s %d</strong></li><li><a href=\""
	    "/units/%I/activities?year=%d\">%d »</a></li></ul><ul>",
	    v->unit_id, v->year - 1, v->year - 1, L(r, "Năm", "Year"), v->year,
	    v->unit_id, v->year + 1, v->year + 1);
	if (v->can_enter)
		html_fmt(o, "<li><a role=\"button\" href=\"/units/%I/activities/"
		    "new?year=%d\">%s</a></li><li><a role=\"button\" "
		    "class=\"secondary\" href=\"/units/%I/group-sizes?year=%d\">"
		    "%s</a></li>", v->unit_id, v->year, L(r, "Thêm hoạt động",
		    "Add an activity"), v->unit_id, v->year,
		    L(r, "Số người theo nhóm", "Group sizes"));
	html_lit(o, "</ul></nav>");
	if (v->flash != NULL)
		html_fmt(o, "<div class=\"flash\" role=\"status\">%s</div>",
		    v->flash);
	html_fmt(o, "<h2>%s %d</h2>", L(r, "Tỷ lệ được truyền thông năm",
	    "Reached by communication in"), v->year);
	reach_table(r, v->reach);
	indicator_lines(r, v);
	html_fmt(o, "<p class=\"muted\"><small>%s</small></p>", L(r,
	    "Tỷ lệ = số người khác nhau được truyền thông trong năm / số người "
	    "của nhóm; một người dự nhiều hoạt động chỉ tính một lần. Hoạt "
	    "động chỉ ghi số lượng không cho biết ai đã dự, nên không bảo đảm "
	    "được là không trùng lặp: với các hoạt động đó vitre lấy số lớn "
	    "nhất của một hoạt động (theo nhóm và giới tính), cộng với số "
	    "người trong các danh sách, và không vượt quá số người của nhóm. "
	    "Muốn số liệu chính xác, hãy ghi danh sách người tham dự.",
	    "Rate = distinct persons reached in the year / the group's size; "
	    "a person at several activities counts once. Activities recorded "
	    "as counts only do not say who came, so they cannot be made "
	    "distinct: for them vitre takes the largest count of any one "
	    "activity (by group and sex), adds the persons on the lists, and "
	    "caps the sum at the group's size. For exact figures, record "
	    "lists of participants."));
	html_fmt(o, "<h2>%s %d</h2>", L(r, "Các hoạt động năm", "Activities of"),
	    v->year);
	activities_table(r, v);
}

/* The counts of a counted activity: a form, or a table to read. */
static void
counts_part(struct req *r, const struct act_view *v)
{
	struct buf *o = &r->out;
	char name[48];
	int g, s;

	html_fmt(o, "<p class=\"muted\"><small>%s</small></p>", L(r,
	    "Hoạt động này chỉ ghi số lượng người tham dự, nên khi tính tỷ lệ "
	    "không biết ai đã được truyền thông ở hoạt động khác: số liệu là "
	    "ước tính.", "This activity records counts only, so the reach "
	    "cannot tell who was already reached at another activity: the "
	    "figures are estimates."));
	if (v->can_enter) {
		html_fmt(o, "<form method=\"post\" action=\"/activities/%I/counts\">",
		    v->a->id);
		html_csrf_input(r);
	}
	html_fmt(o, "<table class=\"compact\"><thead><tr><th>%s</th>"
	    "<th class=\"num\">%s</th><th class=\"num\">%s</th></tr></thead>"
	    "<tbody>", L(r, "Nhóm", "Group"), L(r, "Nam", "Male"),
	    L(r, "Nữ", "Female"));
	for (g = 0; g < ACT_GROUP__MAX; g++) {
		if (!(v->a->audience & (1u << g)))
			continue;
		html_fmt(o, "<tr><td>%s</td>", group_name(r, g));
		for (s = 0; s < ACT_SEX__MAX; s++) {
			const char *raw = v->count_raw ?
			    v->count_raw[g * 2 + s] : NULL;
			const char *msg;

			act_cell_name("cnt", g, s, name, sizeof(name));
			if (!v->can_enter) {
				html_fmt(o, "<td class=\"num\">%I</td>",
				    v->counts->n[g][s]);
				continue;
			}
			html_fmt(o, "<td><input type=\"number\" min=\"0\" "
			    "max=\"1000000\" name=\"%s\" aria-label=\"%s %s\" "
			    "value=\"", name, group_name(r, g), s == ACT_M ?
			    L(r, "nam", "male") : L(r, "nữ", "female"));
			if (raw != NULL)
				html_text(o, raw);
			else
				html_fmt(o, "%I", v->counts->n[g][s]);
			html_lit(o, "\">");
			if (v->errs && (msg = form_error_for(r, v->errs, name)))
				html_fmt(o, "<small class=\"field-error\">%s"
				    "</small>", msg);
			html_lit(o, "</td>");
		}
		html_lit(o, "</tr>");
	}
	html_lit(o, "</tbody></table>");
	if (v->can_enter)
		html_fmt(o, "<button type=\"submit\">%s</button></form>",
		    L(r, "Lưu số người tham dự", "Save the counts"));
}

static void
persons_part(struct req *r, const struct act_view *v)
{
	struct buf *o = &r->out;
	const char *msg;
	size_t i;

	if (v->npeople == 0)
		html_fmt(o, "<p class=\"muted\">%s</p>", L(r, "Chưa có ai trong "
		    "danh sách.", "No one is listed yet."));
	else {
		html_fmt(o, "<table class=\"compact\"><thead><tr><th>%s</th>"
		    "<th>%s</th><th>%s</th><th class=\"num\">%s</th>",
		    L(r, "Họ tên", "Name"), L(r, "Nhóm", "Group"),
		    L(r, "Giới tính", "Sex"), L(r, "Số hoạt động đã dự trong năm",
		    "Activities attended in the year"));
		if (v->can_enter)
			html_lit(o, "<th></th>");
		html_lit(o, "</tr></thead><tbody>");
		for (i = 0; i < v->npeople; i++) {
			const struct act_attendee *p = &v->people[i];

			html_fmt(o, "<tr><td>%s</td><td>%s</td><td>%s</td>"
			    "<td class=\"num\">%I</td>", p->name,
			    group_name(r, p->group), p->sex == ACT_M ?
			    L(r, "Nam", "Male") : L(r, "Nữ", "Female"),
			    p->events);
			if (v->can_enter) {
				html_fmt(o, "<td><form class=\"inline\" "
				    "method=\"post\" action=\"/activities/%I/"
				    "persons/%I/remove\">", v->a->id,
				    p->person_id);
				html_csrf_input(r);
				html_fmt(o, "<button type=\"submit\" class=\""
				    "secondary\">%s</button></form></td>",
				    L(r, "Bỏ", "Remove"));
			}
			html_lit(o, "</tr>");
		}
		html_lit(o, "</tbody></table>");
	}
	if (!v->can_enter)
		return;
	html_fmt(o, "<form method=\"post\" action=\"/activities/%I/persons\">"
	    "<label>%s<textarea name=\"persons\" rows=\"6\" placeholder=\"%s\">",
	    v->a->id, L(r, "Thêm người tham dự: mỗi dòng một người — họ tên; "
	    "nhóm; giới tính (nam/nữ). Có thể dán từ bảng tính (các cột cách "
	    "nhau bằng Tab).", "Add participants, one a line — name; group; "
	    "sex (nam/nữ). Columns pasted from a spreadsheet (tabs) work too."),
	    L(r, "Nguyễn Văn An; phụ huynh; nam", "Nguyễn Văn An; parents; m"));
	if (v->persons_text != NULL)
		html_text(o, v->persons_text);
	html_lit(o, "</textarea></label>");
	if (v->errs && (msg = form_error_for(r, v->errs, "persons")))
		html_fmt(o, "<small class=\"field-error\">%s</small>", msg);
	html_fmt(o, "<small class=\"muted\">%s</small>", L(r, "Cùng họ tên, "
	    "nhóm và giới tính trong đơn vị là cùng một người (tính một lần). "
	    "Hai người trùng tên: thêm chi tiết vào tên, ví dụ «Nguyễn Văn An "
	    "(lớp 3A)».", "The same name, group and sex in the unit is the same "
	    "person (counted once). Two people with one name: add a detail, "
	    "such as \"Nguyễn Văn An (class 3A)\"."));
	html_csrf_input(r);
	html_fmt(o, "<button type=\"submit\">%s</button></form>",
	    L(r, "Thêm vào danh sách", "Add to the list"));
}

void
act_page_html(struct req *r, const struct act_view *v)
{
	const struct activity *a = v->a;
	struct buf *o = &r->out;
	char d[64];

	dates_text(a, d, sizeof(d));
	html_fmt(o, "<h1>%s", a->title);
	demo_badge(r, a->demo);
	html_fmt(o, "</h1><nav><ul><li><a href=\"/units/%I/activities?year=%d\">"
	    "%s</a></li></ul>", a->unit_id, act_year(a), v->unit_name);
	if (v->can_enter) {
		html_fmt(o, "<ul><li><a role=\"button\" href=\"/activities/%I/"
		    "edit\">%s</a></li><li><form class=\"inline\" method=\"post\" "
		    "action=\"/activities/%I/delete\">", a->id, L(r, "Sửa",
		    "Edit"), a->id);
		html_csrf_input(r);
		html_fmt(o, "<button type=\"submit\" class=\"secondary\">%s"
		    "</button></form></li></ul>", L(r, "Xóa hoạt động",
		    "Delete the activity"));
	}
	html_lit(o, "</nav>");
	if (v->flash != NULL)
		html_fmt(o, "<div class=\"flash\" role=\"status\">%s</div>",
		    v->flash);
	if (v->errs != NULL)
		form_errors_html(r, v->errs);
	html_fmt(o, "<table class=\"compact\"><tbody><tr><th>%s</th><td>%s"
	    "</td></tr><tr><th>%s</th><td>%s</td></tr><tr><th>%s</th><td>",
	    L(r, "Thời gian", "Dates"), d, L(r, "Loại", "Kind"),
	    L(r, act_kinds[a->kind].name_vi, act_kinds[a->kind].name_en),
	    L(r, "Đối tượng", "Audience"));
	audience_html(r, a->audience);
	html_fmt(o, "</td></tr><tr><th>%s</th><td>%s</td></tr>",
	    L(r, "Ghi người tham dự", "Participants recorded"),
	    a->mode == ACT_MODE_PERSONS ? L(r, "theo danh sách người",
	    "as a list of persons") : L(r, "theo số lượng", "as counts"));
	if (a->note[0] != '\0') {
		html_fmt(o, "<tr><th>%s</th><td>", L(r, "Ghi chú", "Note"));
		html_text_br(o, a->note);
		html_lit(o, "</td></tr>");
	}
	html_fmt(o, "</tbody></table><h2>%s</h2>", L(r, "Người tham dự",
	    "Participants"));
	if (a->mode == ACT_MODE_PERSONS)
		persons_part(r, v);
	else
		counts_part(r, v);
}

/* A labelled input with its message. */
static void
input(struct req *r, const struct form_errors *errs, const char *name,
    const char *label, const char *type, const char *value)
{
	const char *msg = form_error_for(r, errs, name);

	html_fmt(&r->out, "<label>%s<input type=\"%s\" name=\"%s\" value=\"%s\"",
	    label, type, name, value ? value : "");
	if (msg)
		html_lit(&r->out, " aria-invalid=\"true\"");
	html_lit(&r->out, "></label>");
	if (msg)
		html_fmt(&r->out, "<small class=\"field-error\">%s</small>", msg);
}

static void
field_msg(struct req *r, const struct form_errors *errs, const char *name)
{
	const char *msg = form_error_for(r, errs, name);

	if (msg)
		html_fmt(&r->out, "<small class=\"field-error\">%s</small>", msg);
}

void
act_form_html(struct req *r, const char *action, const char *heading,
    const char *cancel, const struct act_form *raw,
    const struct form_errors *errs)
{
	struct buf *o = &r->out;
	char name[32];
	int i, g;

	html_fmt(o, "<h1>%s</h1>", heading);
	form_errors_html(r, errs);
	html_fmt(o, "<form method=\"post\" action=\"%s\" class=\"act-form\">",
	    action);
	html_csrf_input(r);
	html_fmt(o, "<label>%s<select name=\"kind\">", L(r, "Loại hoạt động",
	    "Kind"));
	for (i = 0; i < ACT_KIND__MAX; i++)
		html_fmt(o, "<option value=\"%s\"%s>%s</option>",
		    act_kinds[i].code, raw->kind && strcmp(raw->kind,
		    act_kinds[i].code) == 0 ? " selected" : "",
		    L(r, act_kinds[i].name_vi, act_kinds[i].name_en));
	html_lit(o, "</select></label>");
	field_msg(r, errs, "kind");
	input(r, errs, "title", L(r, "Tên hoạt động", "Title"), "text",
	    raw->title);
	html_lit(o, "<div class=\"grid\"><div>");
	input(r, errs, "start_on", L(r, "Ngày bắt đầu", "Start date"), "date",
	    raw->start_on);
	html_lit(o, "</div><div>");
	input(r, errs, "end_on", L(r, "Ngày kết thúc (để trống nếu một ngày)",
	    "End date (empty for one day)"), "date", raw->end_on);
	html_fmt(o, "</div></div><fieldset><legend>%s</legend>",
	    L(r, "Đối tượng", "Audience"));
	for (g = 0; g < ACT_GROUP__MAX; g++) {
		snprintf(name, sizeof(name), "aud_%s", act_groups[g].code);
		html_fmt(o, "<label><input type=\"checkbox\" name=\"%s\" "
		    "value=\"1\"%s> %s</label>", name, raw->aud[g] &&
		    raw->aud[g][0] ? " checked" : "", group_name(r, g));
	}
	html_lit(o, "</fieldset>");
	field_msg(r, errs, "audience");
	html_fmt(o, "<fieldset><legend>%s</legend>",
	    L(r, "Ghi người tham dự", "Record the participants"));
	html_fmt(o, "<label><input type=\"radio\" name=\"mode\" value=\"persons\""
	    "%s> %s</label><label><input type=\"radio\" name=\"mode\" "
	    "value=\"counts\"%s> %s</label></fieldset>",
	    raw->mode && strcmp(raw->mode, "persons") == 0 ? " checked" : "",
	    L(r, "theo danh sách người (chính xác: mỗi người tính một lần)",
	    "as a list of persons (exact: each person counts once)"),
	    raw->mode == NULL || strcmp(raw->mode, "persons") != 0 ?
	    " checked" : "", L(r, "chỉ theo số lượng (tỷ lệ chỉ là ước tính)",
	    "as counts only (the reach is an estimate)"));
	field_msg(r, errs, "mode");
	html_fmt(o, "<label>%s<textarea name=\"note\" rows=\"3\">",
	    L(r, "Ghi chú", "Note"));
	html_text(o, raw->note);
	html_lit(o, "</textarea></label>");
	field_msg(r, errs, "note");
	html_fmt(o, "<button type=\"submit\">%s</button> <a href=\"%s\">%s</a>"
	    "</form>", L(r, "Lưu", "Save"), cancel, L(r, "Hủy", "Cancel"));
}

void
act_sizes_html(struct req *r, int64_t unit_id, const char *unit_name,
    int year, const char *const *raw, const struct form_errors *errs)
{
	struct buf *o = &r->out;
	char name[48];
	int g, s;

	html_fmt(o, "<h1>%s %d <small class=\"muted\">%s</small></h1>",
	    L(r, "Số người theo nhóm, năm", "Group sizes,"), year, unit_name);
	form_errors_html(r, errs);
	html_fmt(o, "<p class=\"muted\"><small>%s</small></p>", L(r,
	    "Mẫu số của tỷ lệ được truyền thông: tổng số người của mỗi nhóm "
	    "trong đơn vị, theo giới tính. Để trống cả hai ô nếu chưa biết.",
	    "The denominators of the reach: everyone in each group of the "
	    "unit, by sex. Leave both cells empty when not known."));
	html_fmt(o, "<form method=\"post\" action=\"/units/%I/group-sizes\">"
	    "<input type=\"hidden\" name=\"year\" value=\"%d\">", unit_id, year);
	html_csrf_input(r);
	html_fmt(o, "<table class=\"compact\"><thead><tr><th>%s</th>"
	    "<th>%s</th><th>%s</th></tr></thead><tbody>",
	    L(r, "Nhóm", "Group"), L(r, "Nam", "Male"), L(r, "Nữ", "Female"));
	for (g = 0; g < ACT_GROUP__MAX; g++) {
		html_fmt(o, "<tr><td>%s</td>", group_name(r, g));
		for (s = 0; s < ACT_SEX__MAX; s++) {
			const char *msg;

			act_cell_name("size", g, s, name, sizeof(name));
			html_fmt(o, "<td><input type=\"number\" min=\"0\" "
			    "max=\"1000000\" name=\"%s\" value=\"%s\" "
			    "aria-label=\"%s\">", name, raw[g * 2 + s] ?
			    raw[g * 2 + s] : "", name);
			if ((msg = form_error_for(r, errs, name)) != NULL)
				html_fmt(o, "<small class=\"field-error\">%s"
				    "</small>", msg);
			html_lit(o, "</td>");
		}
		html_lit(o, "</tr>");
	}
	html_fmt(o, "</tbody></table><button type=\"submit\">%s</button> "
	    "<a href=\"/units/%I/activities?year=%d\">%s</a></form>",
	    L(r, "Lưu", "Save"), unit_id, year, L(r, "Hủy", "Cancel"));
}
