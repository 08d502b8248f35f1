/*
 * growth_http.c -- the growth pages that read: /growth (the user's own
 * school), a unit's nutrition values by school year with coverage (any
 * unit: the dashboard's roll-up) and, for a school, its classes and
 * sessions; a class list that shows who needs attention with the trend
 * since the previous session; a child's measurements with the WHO growth
 * charts; the JSON of a child's measurements.  Every view of a child's
 * measurements is an audit row (growth.view), written before the page.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "dashboard/rollup.h"
#include "db/db.h"
#include "growth/growth_chart.h"
#include "growth/growth_http.h"
#include "growth/growth_int.h"
#include "http/req.h"
#include "indicators/indicator.h"
#include "render/html.h"
#include "render/layout.h"
#include "render/numfmt.h"
#include "units/unit_http.h"

#define DAYS_PER_MONTH	30.4375

/* --- loading -------------------------------------------------------------- */

bool
growth_may_see_class(struct req *r, int64_t unit_id, int64_t period_id,
    const char *cls)
{
	bool yes = false;

	if (!role_can(r->user.role, PERM_REGISTER_VIEW))
		return false;
	if (r->user.role != ROLE_TEACHER)
		return true;
	return class_teacher_of_class(r->db, r->user.id, unit_id, period_id,
	    cls, &yes) == ERR_OK && yes;
}

bool
gclass_load(struct req *r, int64_t unit_id, bool want_edit, struct gclass *g)
{
	char (*classes)[CHILD_TEXT(ENROL_CLASS_MAX)] = NULL;
	struct roster_query q;
	struct form_errors errs;
	size_t nc = 0, i, k;
	bool found = false;

	memset(g, 0, sizeof(*g));
	if (!reg_school_load(r, unit_id, req_param(r, "year"), &g->s))
		return false;
	memset(&errs, 0, sizeof(errs));
	if (!valid_text(&errs, &growth_f_class, req_param(r, "class"), true,
	    ENROL_CLASS_MAX, g->cls)) {
		form_errors_respond(r, &errs);
		return false;
	}
	if (roster_classes(r->db, unit_id, g->s.year.id, &classes, &nc) !=
	    ERR_OK) {
		free(classes);
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return false;
	}
	for (i = 0; i < nc && !found; i++)
		found = strcmp(classes[i], g->cls) == 0;
	free(classes);
	if (!found) {
		form_error(&errs, &growth_f_class, "không có lớp này trong năm "
		    "học.", "there is no such class in the school year.");
		form_errors_respond(r, &errs);
		return false;
	}
	if (!growth_may_see_class(r, unit_id, g->s.year.id, g->cls)) {
		resp_error(r, ERR_FORBIDDEN, "Số đo của trẻ là dữ liệu sức khỏe: "
		    "chỉ giáo viên được phân công lớp này mới xem được.",
		    "Children's measurements are health data: only a teacher "
		    "assigned to this class may see them.");
		return false;
	}
	g->may_edit = reg_may_edit_class(r, unit_id, g->s.year.id, g->cls);
	if (want_edit && !g->may_edit) {
		resp_error(r, ERR_FORBIDDEN, "Bạn không được nhập số đo cho lớp "
		    "này.", "You may not enter measurements for this class.");
		return false;
	}
	memset(&q, 0, sizeof(q));
	q.unit_id = unit_id;
	q.year = &g->s.year;
	q.class_name = g->cls;
	q.status = q.group = q.disability = -1;
	if (roster_list(r->db, &q, &g->kids, &g->nkids) != ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return false;
	}
	for (i = k = 0; i < g->nkids; i++)
		if (g->kids[i].status != ENROL_TRANSFERRED_OUT &&
		    g->kids[i].status != ENROL_DROPPED_OUT)
			g->kids[k++] = g->kids[i];
	g->nkids = k;
	return true;
}

void
gclass_release(struct req *r, struct gclass *g)
{
	reg_school_release(r, &g->s);
	free(g->kids);
	g->kids = NULL;
}

/* "/units/5/growth/class?year=2025-2026&class=3A" into url. */
static void
class_url(struct buf *url, const char *what, int64_t unit_id,
    const char *year, const char *cls)
{
	buf_printf(url, "/units/%lld/growth/%s?year=", (long long)unit_id, what);
	html_url_arg(url, year);
	buf_puts(url, "&class=");
	html_url_arg(url, cls);
}

void
growth_home(struct req *r)
{
	char url[64];

	snprintf(url, sizeof(url), "/units/%lld/growth",
	    (long long)r->user.unit_id);
	resp_redirect(r, url);
}

/* --- a unit's nutrition values ------------------------------------------ */

/* One cell: the rate with its numbers, and by sex. */
static void
rate_cell(struct req *r, const struct dash_point *p, bool coverage)
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX], c[NUMFMT_MAX];
	bool en = r->lang == LANG_EN;
	double v;

	if (p == NULL || !dash_rate(p->s.num, p->s.den, p->s.has_den, 100,
	    &v)) {
		html_lit(&r->out, "<td class=\"num muted\">–</td>");
		return;
	}
	html_fmt(&r->out, "<td class=\"num\"><strong>%s</strong><br><small>"
	    "%s/%s", numfmt_value(a, v, NUMFMT_PERCENT, en),
	    numfmt_int(b, p->s.num, en), numfmt_int(c, p->s.den, en));
	if (p->s.has_sex && !coverage) {
		double m = NAN, f = NAN;

		(void)dash_rate(p->s.num_m, p->s.den_m, true, 100, &m);
		(void)dash_rate(p->s.num_f, p->s.den_f, true, 100, &f);
		html_fmt(&r->out, "<br>%s %s · %s %s", L(r, "nam", "boys"),
		    isnan(m) ? "–" : numfmt_value(a, m, NUMFMT_PERCENT, en),
		    L(r, "nữ", "girls"), isnan(f) ? "–" :
		    numfmt_value(b, f, NUMFMT_PERCENT, en));
	}
	html_lit(&r->out, "</small></td>");
}

/* The nutrition values of a unit by school year (newest first). */
static void
rates_table(struct req *r, const struct unit_tree *t, int64_t unit_id)
{
	const struct dash_series *ser[GI__MAX];
	struct rollup *ru;
	struct indicator ind;
	int64_t seen[64];
	size_t nseen = 0, i, k;
	char today[11], label[64];
	int g;

	date_today(today);
	html_fmt(&r->out, "<h2>%s</h2><p class=\"muted\"><small>%s</small></p>",
	    L(r, "Tình trạng dinh dưỡng trẻ dưới 5 tuổi", "Nutrition of "
	    "children under 5"), L(r, "Mỗi trẻ tính một lần, theo lần cân đo "
	    "cuối cùng trong năm học trước 5 tuổi; chỉ số bất thường (theo "
	    "WHO) không tính. Độ bao phủ: số trẻ được cân đo / số trẻ dưới 5 "
	    "tuổi đang học.", "Each child counts once, with the last "
	    "measurement of the school year taken before age 5; implausible "
	    "values (WHO flags) are left out. Coverage: children measured / "
	    "children under 5 enrolled."));
	if ((ru = rollup_build(r->db, t, unit_id, today)) == NULL) {
		html_fmt(&r->out, "<p>%s</p>", L(r, "Không đọc được số liệu.",
		    "The values cannot be read."));
		return;
	}
	for (g = 0; g < GI__MAX; g++) {
		ser[g] = NULL;
		memset(&ind, 0, sizeof(ind));
		if (indicator_get_by_code(r->db, growth_ind_codes[g], &ind) ==
		    ERR_OK)
			ser[g] = rollup_series(ru, 0, ind.id);
		indicator_clear(&ind);
		for (i = 0; ser[g] != NULL && i < ser[g]->n; i++) {
			for (k = 0; k < nseen; k++)
				if (seen[k] == ser[g]->p[i].period_id)
					break;
			if (k == nseen && nseen < sizeof(seen) / sizeof(seen[0]))
				seen[nseen++] = ser[g]->p[i].period_id;
		}
	}
	if (nseen == 0) {
		html_fmt(&r->out, "<p class=\"muted\">%s</p>", L(r, "Chưa có số "
		    "đo nào của trẻ dưới 5 tuổi.", "No measurement of a child "
		    "under 5 yet."));
		rollup_free(ru);
		return;
	}
	html_fmt(&r->out, "<div class=\"overflow-auto\"><table class=\"compact "
	    "growth-rates\"><thead><tr><th>%s</th><th class=\"num\">%s</th>"
	    "<th class=\"num\">%s</th><th class=\"num\">%s</th>"
	    "<th class=\"num\">%s</th><th class=\"num\">%s</th></tr></thead>"
	    "<tbody>", L(r, "Năm học", "School year"), L(r, "Được cân đo",
	    "Measured"), L(r, "Nhẹ cân", "Underweight"), L(r, "Thấp còi",
	    "Stunting"), L(r, "Gầy còm", "Wasting"), L(r, "Thừa cân, béo phì",
	    "Overweight"));
	/* Newest first: the series are oldest first, in time order. */
	for (k = nseen; k-- > 0;) {
		const struct dash_point *any = NULL;

		for (g = 0; g < GI__MAX && any == NULL; g++)
			any = rollup_point(ser[g], seen[k]);
		snprintf(label, sizeof(label), "%s", any->code);
		html_fmt(&r->out, "<tr><td>%s</td>", label);
		rate_cell(r, rollup_point(ser[GI_COVERAGE], seen[k]), true);
		rate_cell(r, rollup_point(ser[GI_UNDERWEIGHT], seen[k]), false);
		rate_cell(r, rollup_point(ser[GI_STUNTING], seen[k]), false);
		rate_cell(r, rollup_point(ser[GI_WASTING], seen[k]), false);
		rate_cell(r, rollup_point(ser[GI_OVERWEIGHT], seen[k]), false);
		html_lit(&r->out, "</tr>");
	}
	html_lit(&r->out, "</tbody></table></div>");
	rollup_free(ru);
}

/* A school's classes and sessions of the year. */
static void
school_part(struct req *r, const struct reg_school *s)
{
	char (*classes)[CHILD_TEXT(ENROL_CLASS_MAX)] = NULL;
	struct growth_session_row *ss = NULL;
	struct buf url = BUF_INIT;
	char d[NUMFMT_MAX];
	size_t nc = 0, ns = 0, i;

	html_fmt(&r->out, "<form method=\"get\" class=\"no-print\"><label>%s "
	    "<input name=\"year\" value=\"%s\" pattern=\"[0-9]{4}-[0-9]{4}\" "
	    "size=\"10\"></label> <button type=\"submit\" class=\"secondary "
	    "outline\">%s</button></form>", L(r, "Năm học", "School year"),
	    s->year.code, L(r, "Xem", "Show"));
	(void)roster_classes(r->db, s->u->id, s->year.id, &classes, &nc);
	html_fmt(&r->out, "<h2>%s %s</h2>", L(r, "Các lớp năm học",
	    "Classes of"), s->year.code);
	if (nc == 0)
		html_fmt(&r->out, "<p class=\"muted\">%s</p>", L(r, "Chưa có "
		    "lớp nào trong sổ theo dõi trẻ em năm học này.", "No class "
		    "in the child register for this school year."));
	else
		html_lit(&r->out, "<ul class=\"growth-classes\">");
	for (i = 0; i < nc; i++) {
		if (!growth_may_see_class(r, s->u->id, s->year.id, classes[i]))
			continue;
		buf_reset(&url);
		class_url(&url, "class", s->u->id, s->year.code, classes[i]);
		html_fmt(&r->out, "<li><a href=\"%s\">%s</a>", url.data,
		    classes[i]);
		if (reg_may_edit_class(r, s->u->id, s->year.id, classes[i])) {
			buf_reset(&url);
			class_url(&url, "session", s->u->id, s->year.code,
			    classes[i]);
			html_fmt(&r->out, " · <a href=\"%s\">%s</a>", url.data,
			    L(r, "nhập buổi cân đo", "enter a session"));
		}
		html_lit(&r->out, "</li>");
	}
	if (nc > 0)
		html_lit(&r->out, "</ul>");
	if (role_can(r->user.role, PERM_REGISTER_EDIT))
		html_fmt(&r->out, "<p><a href=\"/units/%I/growth/import?year=%s\">"
		    "%s</a></p>", s->u->id, s->year.code, L(r, "Nhập số đo từ "
		    "tệp CSV/XLSX", "Import measurements from a CSV/XLSX file"));
	(void)growth_sessions(r->db, s->u->id, s->year.id, NULL, &ss, &ns);
	html_fmt(&r->out, "<h2>%s</h2>", L(r, "Các buổi cân đo",
	    "Measurement sessions"));
	if (ns == 0)
		html_fmt(&r->out, "<p class=\"muted\">%s</p>", L(r, "Chưa có "
		    "buổi cân đo nào.", "No session yet."));
	else
		html_fmt(&r->out, "<table class=\"compact\"><thead><tr><th>%s</th>"
		    "<th>%s</th><th class=\"num\">%s</th><th class=\"num\">%s"
		    "</th></tr></thead><tbody>", L(r, "Ngày", "Date"),
		    L(r, "Lớp", "Class"), L(r, "Số trẻ", "Children"),
		    L(r, "Cần chú ý", "Need attention"));
	for (i = 0; i < ns; i++) {
		if (!growth_may_see_class(r, s->u->id, s->year.id,
		    ss[i].s.class_name))
			continue;
		html_fmt(&r->out, "<tr><td>%s</td><td>%s</td><td class=\"num\">"
		    "%I</td><td class=\"num\">%I</td></tr>",
		    numfmt_date(d, ss[i].s.measured_on), ss[i].s.class_name,
		    ss[i].measured, ss[i].attention);
	}
	if (ns > 0)
		html_lit(&r->out, "</tbody></table>");
	free(classes);
	free(ss);
	buf_release(&url);
}

void
growth_unit_page(struct req *r)
{
	const struct unit_tree *t = NULL;
	const struct unit *u;
	struct reg_school s;
	char title[256];
	bool school = false;
	int64_t n;

	memset(&s, 0, sizeof(s));
	if ((t = unit_tree_get(r->app, r->db)) == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return;
	}
	if (!unit_check_scope(r, t, r->params[0]))
		goto out;
	u = unit_get(t, r->params[0]);
	school = unit_kinds[u->kind].school;
	if (school && !reg_school_load(r, u->id, req_query(r, "year"), &s))
		goto out;
	snprintf(title, sizeof(title), "%s — %s", L(r, "Theo dõi tăng trưởng",
	    "Growth monitoring"), unit_display_name(u, r->lang == LANG_EN));
	page_begin(r, title);
	html_fmt(&r->out, "<h1>%s</h1><p><a href=\"/units/%I/dashboard\">%s</a>"
	    "</p>", title, u->id, L(r, "Tổng quan chỉ tiêu", "Target dashboard"));
	if (str_to_int_range(req_query(r, "imported"), 1, INT64_MAX, &n))
		html_fmt(&r->out, "<p class=\"flash\" role=\"status\">%s %I.</p>",
		    L(r, "Đã nhập số đo từ tệp, số dòng:", "Measurements "
		    "imported from the file, rows:"), n);
	rates_table(r, t, u->id);
	if (school)
		school_part(r, &s);
	page_end(r);
	resp_html(r, 200);
out:
	if (school && s.t != NULL)
		reg_school_release(r, &s);
	unit_tree_put(r->app, t);
}

/* --- the class list --------------------------------------------------------- */

/* The change of z-score k from prev to m, as an arrow and a number. */
static void
trend_html(struct req *r, const struct growth_meas *m,
    const struct growth_meas *prev, enum zs_ind k)
{
	char a[NUMFMT_MAX];
	double d;

	if (prev == NULL || isnan(m->s.z[k]) || isnan(prev->s.z[k]))
		return;
	d = m->s.z[k] - prev->s.z[k];
	if (fabs(d) < 0.005) {
		html_fmt(&r->out, " <small class=\"trend\" title=\"%s\">→ 0</small>",
		    L(r, "không đổi từ lần trước", "unchanged since last time"));
		return;
	}
	numfmt_dec(a, fabs(d), 2, r->lang == LANG_EN);
	html_fmt(&r->out, " <small class=\"trend %s\" title=\"%s\">%s %s%s"
	    "</small>", d > 0 ? "up" : "down", L(r, "thay đổi từ lần trước",
	    "change since last time"), d > 0 ? "↑" : "↓", d > 0 ? "+" : "−", a);
}

void
growth_class_page(struct req *r)
{
	struct gclass g;
	struct growth_meas (*last)[2] = NULL;
	size_t *nlast = NULL, i, attention = 0;
	struct buf url = BUF_INIT;
	char title[256], d[NUMFMT_MAX];
	enum zs_ind shown[3];
	bool only = !str_empty(req_query(r, "attention"));
	int k;

	if (!gclass_load(r, r->params[0], false, &g))
		goto out;
	last = xcalloc(g.nkids + 1, sizeof(*last));
	nlast = xcalloc(g.nkids + 1, sizeof(*nlast));
	for (i = 0; i < g.nkids; i++)
		if (growth_last_two(r->db, g.kids[i].child_id, last[i],
		    &nlast[i]) != ERR_OK) {
			resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.",
			    "Database error.");
			goto out;
		}
	for (i = 0; i < g.nkids; i++)
		attention += nlast[i] > 0 && growth_needs_attention(&last[i][0]);
	/* Log every child whose measurements the page shows. */
	if (db_begin(r->db) != ERR_OK)
		goto dberr;
	for (i = 0; i < g.nkids; i++)
		if (nlast[i] > 0 && (!only ||
		    growth_needs_attention(&last[i][0])) &&
		    growth_log_view(r->db, g.kids[i].child_id, r->user.id) !=
		    ERR_OK) {
			db_rollback(r->db);
			goto dberr;
		}
	if (db_commit(r->db) != ERR_OK)
		goto dberr;

	snprintf(title, sizeof(title), "%s %s — %s %s", L(r, "Lớp", "Class"),
	    g.cls, L(r, "năm học", "school year"), g.s.year.code);
	page_begin(r, title);
	html_fmt(&r->out, "<h1>%s</h1><p><a href=\"/units/%I/growth?year=%s\">"
	    "%s</a>", title, g.s.u->id, g.s.year.code,
	    unit_display_name(g.s.u, r->lang == LANG_EN));
	if (g.may_edit) {
		class_url(&url, "session", g.s.u->id, g.s.year.code, g.cls);
		html_fmt(&r->out, " · <a href=\"%s\">%s</a>", url.data,
		    L(r, "Nhập buổi cân đo", "Enter a session"));
	}
	html_lit(&r->out, "</p>");
	if (!str_empty(req_query(r, "saved")))
		html_fmt(&r->out, "<p class=\"flash\" role=\"status\">%s</p>",
		    L(r, "Đã lưu buổi cân đo.", "The session is saved."));
	buf_reset(&url);
	class_url(&url, "class", g.s.u->id, g.s.year.code, g.cls);
	html_fmt(&r->out, "<p><strong>%I</strong> %s. <a href=\"%s%s\">%s</a>"
	    "</p>", (int64_t)attention, L(r, "trẻ cần chú ý (phân loại không "
	    "bình thường hoặc có giá trị bất thường)", "children need "
	    "attention (a classification that is not normal, or an "
	    "implausible value)"), url.data, only ? "" : "&attention=1",
	    only ? L(r, "Xem cả lớp", "Show the whole class") :
	    L(r, "Chỉ xem trẻ cần chú ý", "Show only those"));
	html_fmt(&r->out, "<div class=\"overflow-auto\"><table class=\"compact "
	    "growth-class\"><thead><tr><th>%s</th><th>%s</th><th>%s</th>"
	    "<th class=\"num\">%s</th><th class=\"num\">%s</th>"
	    "<th class=\"num\">%s</th><th>%s</th></tr></thead><tbody>",
	    L(r, "Họ và tên", "Full name"), L(r, "Lần cân đo cuối",
	    "Last measured"), L(r, "Cân nặng, chiều cao", "Weight, height"),
	    L(r, "CN/T · z", "WFA · z"), L(r, "CC/T · z", "HFA · z"),
	    L(r, "CN/CC, BMI · z", "WFH, BMI · z"), L(r, "Phân loại",
	    "Classification"));
	for (i = 0; i < g.nkids; i++) {
		const struct roster_row *kid = &g.kids[i];
		const struct growth_meas *m = nlast[i] > 0 ? &last[i][0] : NULL;
		const struct growth_meas *pm = nlast[i] > 1 ? &last[i][1] : NULL;
		bool att = m != NULL && growth_needs_attention(m);

		if (only && !att)
			continue;
		html_fmt(&r->out, "<tr class=\"%s\"><td><a href=\"/children/%I/"
		    "growth\">%s</a></td>", att ? "attention" : "",
		    kid->child_id, kid->full_name);
		if (m == NULL) {
			html_fmt(&r->out, "<td colspan=\"6\" class=\"muted\">%s"
			    "</td></tr>", L(r, "chưa cân đo", "not measured "
			    "yet"));
			continue;
		}
		html_fmt(&r->out, "<td>%s</td><td>",
		    numfmt_date(d, m->measured_on));
		growth_values_html(r, m);
		html_lit(&r->out, "</td>");
		growth_shown_z(m, shown);
		for (k = 0; k < 3; k++) {
			html_lit(&r->out, "<td class=\"num\">");
			growth_z_html(r, m, shown[k]);
			trend_html(r, m, pm, shown[k]);
			html_lit(&r->out, "</td>");
		}
		html_lit(&r->out, "<td>");
		growth_levels_html(r, m);
		html_lit(&r->out, "</td></tr>");
	}
	html_lit(&r->out, "</tbody></table></div>");
	page_end(r);
	resp_html(r, 200);
	goto out;
dberr:
	resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
out:
	free(last);
	free(nlast);
	buf_release(&url);
	gclass_release(r, &g);
}

/* --- a child --------------------------------------------------------------- */

/*
 * Load the child of r->params[0] whose measurements the user may see, and
 * log the view.  false when an answer was sent; release rc in every case.
 */
static bool
child_load(struct req *r, struct reg_child *rc, struct growth_meas **m,
    size_t *n)
{
	*m = NULL;
	*n = 0;
	if (!reg_child_load(r, r->params[0], false, rc))
		return false;
	if (!rc->sensitive) {
		resp_error(r, ERR_FORBIDDEN, "Số đo của trẻ là dữ liệu sức khỏe: "
		    "chỉ người được xem hồ sơ nhạy cảm của trẻ (giáo viên lớp "
		    "của trẻ, ban giám hiệu, cán bộ quản lý) mới xem được.",
		    "A child's measurements are health data: only those who see "
		    "the child's sensitive record (the class teacher, the school "
		    "management, officers above) may see them.");
		return false;
	}
	if (growth_child_list(r->db, rc->c.id, m, n) != ERR_OK ||
	    growth_log_view(r->db, rc->c.id, r->user.id) != ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return false;
	}
	return true;
}

static void
child_table(struct req *r, const struct growth_meas *m, size_t n)
{
	char d[NUMFMT_MAX], age[64];
	enum zs_ind shown[3];
	size_t i;
	int k;

	html_fmt(&r->out, "<div class=\"overflow-auto\"><table class=\"compact "
	    "growth-child\"><thead><tr><th>%s</th><th>%s</th><th>%s</th>"
	    "<th class=\"num\">z</th><th class=\"num\">z</th>"
	    "<th class=\"num\">z</th><th>%s</th></tr></thead><tbody>",
	    L(r, "Ngày", "Date"), L(r, "Tuổi", "Age"), L(r, "Số đo",
	    "Measurements"), L(r, "Phân loại", "Classification"));
	for (i = n; i-- > 0;) {
		int months = (int)(m[i].age_days / DAYS_PER_MONTH);

		snprintf(age, sizeof(age), "%d %s %d %s", months / 12,
		    L(r, "tuổi", "y"), months % 12, L(r, "tháng", "m"));
		html_fmt(&r->out, "<tr class=\"%s\"><td>%s</td><td>%s</td><td>",
		    growth_needs_attention(&m[i]) ? "attention" : "",
		    numfmt_date(d, m[i].measured_on), age);
		growth_values_html(r, &m[i]);
		html_lit(&r->out, "</td>");
		growth_shown_z(&m[i], shown);
		for (k = 0; k < 3; k++) {
			html_fmt(&r->out, "<td class=\"num\"><small class=\"muted\">"
			    "%s</small> ", zs_ind_zname(shown[k]));
			growth_z_html(r, &m[i], shown[k]);
			html_lit(&r->out, "</td>");
		}
		html_lit(&r->out, "<td>");
		growth_levels_html(r, &m[i]);
		html_lit(&r->out, "</td></tr>");
	}
	html_lit(&r->out, "</tbody></table></div>");
}

void
growth_child_page(struct req *r)
{
	static const char *const range_name[2][GC_RANGE__MAX] = {
		{ "Từ 0 đến 5 tuổi (chuẩn WHO 2006)",
		    "Từ 5 đến 19 tuổi (tham chiếu WHO 2007)" },
		{ "0 to 5 years (WHO 2006 standards)",
		    "5 to 19 years (WHO 2007 reference)" },
	};
	struct reg_child rc;
	struct growth_meas *m = NULL;
	char title[512], d[NUMFMT_MAX];
	size_t n = 0;
	int g, k, en = r->lang == LANG_EN;

	if (!child_load(r, &rc, &m, &n))
		goto out;
	snprintf(title, sizeof(title), "%s — %s", rc.c.full_name,
	    L(r, "biểu đồ tăng trưởng", "growth chart"));
	page_begin(r, title);
	html_fmt(&r->out, "<h1>%s</h1><p>%s · %s %s · <a href=\"/children/%I\">"
	    "%s</a></p>", title, rc.c.sex == CHILD_SEX_F ? L(r, "Nữ", "Girl") :
	    L(r, "Nam", "Boy"), L(r, "sinh ngày", "born"),
	    numfmt_date(d, rc.c.birth_date), rc.c.id, L(r, "Hồ sơ của trẻ",
	    "The child's record"));
	if (n == 0) {
		html_fmt(&r->out, "<p class=\"muted\">%s</p>", L(r, "Trẻ chưa "
		    "được cân đo lần nào.", "The child has not been measured "
		    "yet."));
	} else {
		child_table(r, m, n);
		html_fmt(&r->out, "<p class=\"muted no-print\"><small>%s</small>"
		    "</p>", L(r, "Đường cong WHO: -3, -2, 0 (trung vị), +2, +3 "
		    "độ lệch chuẩn. Điểm rỗng viền đỏ: giá trị bất thường. In "
		    "trang này bằng lệnh In của trình duyệt.", "WHO curves: "
		    "-3, -2, 0 (median), +2, +3 standard deviations. A hollow "
		    "red point: an implausible value. Print this page with the "
		    "browser's Print command."));
	}
	for (g = 0; g < GC_RANGE__MAX; g++) {
		if (!growth_chart_range_used((enum growth_chart_range)g, m, n))
			continue;
		html_fmt(&r->out, "<h2>%s</h2><div class=\"growth-charts\">",
		    range_name[en][g]);
		for (k = 0; k < GC__MAX; k++) {
			html_lit(&r->out, "<figure class=\"growth-figure\">");
			growth_chart_svg(&r->out, (enum growth_chart_kind)k,
			    (enum growth_chart_range)g, rc.c.sex, m, n, en);
			html_lit(&r->out, "</figure>");
		}
		html_lit(&r->out, "</div>");
	}
	page_end(r);
	resp_html(r, 200);
out:
	free(m);
	reg_child_release(r, &rc);
}

void
growth_api_child(struct req *r)
{
	struct reg_child rc;
	struct growth_meas *m = NULL;
	size_t n = 0, i;
	json_t *arr, *j;

	if (!child_load(r, &rc, &m, &n))
		goto out;
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, growth_meas_json(&m[i]));
	j = json_pack("{s:{s:I,s:s,s:s,s:s},s:o}", "child", "id",
	    (json_int_t)rc.c.id, "name", rc.c.full_name, "sex",
	    rc.c.sex == CHILD_SEX_F ? "f" : "m", "birth_date",
	    rc.c.birth_date, "measurements", arr);
	growth_json_respond(r, 200, j);
out:
	free(m);
	reg_child_release(r, &rc);
}
