/*
 * register_http.c -- the register of a school for a school year: the class
 * lists with filters (class, status, special-circumstance group,
 * disability) and a name search that reloads the results through htmx as
 * one types; the entry page /register (a school's own register, or for an
 * office the schools of its scope and a search over them); and the
 * principal's assignment of teachers to classes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "http/req.h"
#include "register/ethnicity.h"
#include "register/namefold.h"
#include "register/register_http.h"
#include "register/register_int.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit_http.h"

/* Most rows of a search over a scope, and schools listed on /register. */
#define HOME_HITS	50
#define HOME_SCHOOLS	300

static const struct field f_class = { "class", "Lớp", "Class" };
static const struct field f_status = { "status", "Tình trạng", "Status" };
static const struct field f_group = { "group", "Nhóm hoàn cảnh đặc biệt",
	"Special-circumstance group" };
static const struct field f_disability = { "disability", "Khuyết tật",
	"Disability" };
static const struct field f_q = { "q", "Tìm theo tên", "Search by name" };
static const struct field f_teacher = { "user", "Giáo viên", "Teacher" };

/* The filters of the register page, parsed from the query string. */
struct filters {
	char		 cls[CHILD_TEXT(ENROL_CLASS_MAX)];
	int		 status;	/* -1 any */
	int		 group;		/* -1 any, -2 some */
	int		 disability;	/* -1 any */
	char		 q_raw[CHILD_TEXT(CHILD_NAME_MAX)];
	char		 q[NAMEFOLD_MAX];
};

static bool
filters_parse(struct req *r, struct filters *f, struct form_errors *errs)
{
	const char *v;

	memset(f, 0, sizeof(*f));
	f->status = f->group = f->disability = -1;
	(void)valid_text(errs, &f_class, req_query(r, "class"), false,
	    ENROL_CLASS_MAX, f->cls);
	if (!str_empty(v = req_query(r, "status")) && (f->status =
	    reg_code_find(enrol_statuses, ENROL__MAX, v)) < 0)
		form_error(errs, &f_status, "giá trị không có trong danh sách.",
		    "is not one of the allowed values.");
	if (!str_empty(v = req_query(r, "group"))) {
		if (strcmp(v, "any") == 0)
			f->group = -2;
		else if ((f->group = circ_group_find(v)) < 0)
			form_error(errs, &f_group, "phải là một chữ của Điều 10 "
			    "Luật Trẻ em (a, b, c, d, đ, e, g, h, i, k, l, m, n, "
			    "o) hoặc «any».", "must be a letter of the Law on "
			    "Children Art. 10 or \"any\".");
	}
	if (!str_empty(v = req_query(r, "disability"))) {
		if (strcmp(v, "1") == 0 || strcmp(v, "0") == 0)
			f->disability = v[0] - '0';
		else
			form_error(errs, &f_disability, "phải là 1 (có) hoặc 0 "
			    "(không).", "must be 1 (yes) or 0 (no).");
	}
	if (valid_text(errs, &f_q, req_query(r, "q"), false, CHILD_NAME_MAX,
	    f->q_raw))
		namefold(f->q_raw, f->q, sizeof(f->q));
	return errs->n == 0;
}

static bool
in_classes(const char (*cls)[CHILD_TEXT(ENROL_CLASS_MAX)], size_t n,
    const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(cls[i], name) == 0)
			return true;
	return false;
}

/* The results table: #register-results, also the htmx fragment. */
static void
results_html(struct req *r, const struct roster_row *rows, size_t n,
    bool teacher,
    const char (*cls)[CHILD_TEXT(ENROL_CLASS_MAX)], size_t ncls)
{
	struct buf *o = &r->out;
	size_t i;

	html_fmt(o, "<div id=\"register-results\"><p class=\"muted\">%s: %d"
	    "</p>", L(r, "Số trẻ", "Children"), (int)n);
	if (n == 0) {
		html_fmt(o, "<p>%s</p></div>", L(r, "Không có trẻ nào khớp.",
		    "No child matches."));
		return;
	}
	html_fmt(o, "<div class=\"overflow-auto\"><table class=\"compact "
	    "striped\"><thead><tr><th>#</th><th>%s</th><th>%s</th><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
	    "</thead><tbody>", L(r, "Họ và tên", "Full name"),
	    L(r, "Giới tính", "Sex"), L(r, "Ngày sinh", "Date of birth"),
	    L(r, "Lớp", "Class"), L(r, "Tình trạng", "Status"),
	    L(r, "Dân tộc", "Ethnicity"), L(r, "Khuyết tật", "Disability"),
	    L(r, "Hoàn cảnh đặc biệt", "Special circumstances"));
	for (i = 0; i < n; i++) {
		const struct roster_row *w = &rows[i];
		bool show = !teacher || in_classes(cls, ncls, w->class_name);

		html_fmt(o, "<tr><td class=\"num\">%d</td><td><a href=\"/"
		    "children/%I\">%s</a></td><td>%s</td><td>%s</td><td>%s"
		    "</td><td>%s</td>", (int)i + 1, w->child_id, w->full_name,
		    reg_name(r, &child_sexes[w->sex]), w->birth_date,
		    w->class_name, reg_name(r, &enrol_statuses[w->status]));
		if (!show) {
			html_fmt(o, "<td colspan=\"3\" class=\"muted\" title=\"%s\">"
			    "%s</td></tr>", L(r, "Chỉ giáo viên của lớp này xem "
			    "được.", "Only the class's teachers see this."),
			    L(r, "ẩn", "hidden"));
			continue;
		}
		html_fmt(o, "<td>%s</td><td>%s</td><td>%s</td></tr>",
		    ethnicity_find(w->ethnicity) != NULL ?
		    ethnicity_find(w->ethnicity)->name : "—",
		    w->disability ? L(r, "có", "yes") : "",
		    w->groups[0] ? w->groups : "");
	}
	html_lit(o, "</tbody></table></div></div>");
}

static void
year_select(struct req *r, const struct reg_school *s)
{
	struct period *p = NULL;
	char today[11];
	size_t n = 0, i;

	date_today(today);
	(void)period_list(r->db, PERIOD_SCHOOL_YEAR, today, &p, &n);
	html_fmt(&r->out, "<label>%s<select name=\"year\">",
	    L(r, "Năm học", "School year"));
	for (i = 0; i < n; i++)
		html_fmt(&r->out, "<option value=\"%s\"%s>%s</option>",
		    p[i].code, p[i].id == s->year.id ? " selected" : "",
		    p[i].code);
	html_lit(&r->out, "</select></label>");
	free(p);
}

static void
filters_form(struct req *r, const struct reg_school *s,
    const struct filters *f, bool teacher)
{
	char (*cls)[CHILD_TEXT(ENROL_CLASS_MAX)] = NULL;
	struct buf *o = &r->out;
	size_t ncls = 0, i;

	(void)roster_classes(r->db, s->u->id, s->year.id, &cls, &ncls);
	html_fmt(o, "<form method=\"get\" action=\"/units/%I/register\" "
	    "class=\"register-filters\"><div class=\"grid\">", s->u->id);
	year_select(r, s);
	html_fmt(o, "<label>%s<select name=\"class\"><option value=\"\">%s"
	    "</option>", L(r, "Lớp", "Class"), L(r, "Tất cả", "All"));
	for (i = 0; i < ncls; i++)
		html_fmt(o, "<option%s>%s</option>", strcmp(cls[i], f->cls) ?
		    "" : " selected", cls[i]);
	html_fmt(o, "</select></label><label>%s", L(r, "Tình trạng",
	    "Status"));
	reg_select(r, "status", enrol_statuses, ENROL__MAX, f->status,
	    L(r, "Tất cả", "All"));
	html_fmt(o, "</label><label>%s<select name=\"group\"><option value=\"\">"
	    "%s</option><option value=\"any\"%s>%s</option>",
	    L(r, "Hoàn cảnh đặc biệt", "Special circumstances"),
	    L(r, "Tất cả", "All"), f->group == -2 ? " selected" : "",
	    L(r, "Có hoàn cảnh đặc biệt", "In some group"));
	for (i = 0; i < CIRC_GROUPS; i++)
		html_fmt(o, "<option value=\"%s\"%s>%s) %s</option>",
		    circ_groups[i].letter, f->group == (int)i ? " selected" :
		    "", circ_groups[i].letter, L(r, circ_groups[i].vi,
		    circ_groups[i].en));
	html_fmt(o, "</select></label><label>%s<select name=\"disability\">"
	    "<option value=\"\">%s</option><option value=\"1\"%s>%s</option>"
	    "<option value=\"0\"%s>%s</option></select></label></div>",
	    L(r, "Khuyết tật", "Disability"), L(r, "Tất cả", "All"),
	    f->disability == 1 ? " selected" : "", L(r, "Có", "Yes"),
	    f->disability == 0 ? " selected" : "", L(r, "Không", "No"));
	html_fmt(o, "<div role=\"group\"><input type=\"search\" name=\"q\" "
	    "id=\"f-q\" value=\"%s\" placeholder=\"%s\" aria-label=\"%s\" "
	    "autocomplete=\"off\" hx-get=\"/units/%I/register\" "
	    "hx-trigger=\"input changed delay:300ms, search\" "
	    "hx-target=\"#register-results\" hx-swap=\"outerHTML\" "
	    "hx-include=\"closest form\"><button type=\"submit\">%s</button>"
	    "</div>", f->q_raw, L(r, "Tìm theo tên, không cần dấu: nguyen van "
	    "an", "Search by name, marks optional: nguyen van an"),
	    L(r, "Tìm theo tên", "Search by name"), s->u->id,
	    L(r, "Lọc", "Filter"));
	if (teacher)
		html_fmt(o, "<small class=\"muted\">%s</small>",
		    L(r, "Dân tộc, khuyết tật, hoàn cảnh đặc biệt chỉ hiện với "
		    "trẻ của lớp bạn được phân công.", "Ethnicity, disability "
		    "and special circumstances show only for the children of "
		    "your classes."));
	html_lit(o, "</form>");
	free(cls);
}

/* The principal's table of teachers and classes for the year. */
static void
teachers_html(struct req *r, const struct reg_school *s)
{
	struct class_teacher *ct = NULL;
	struct school_teacher *tt = NULL;
	char (*cls)[CHILD_TEXT(ENROL_CLASS_MAX)] = NULL;
	struct buf *o = &r->out;
	size_t nct = 0, ntt = 0, ncls = 0, i;

	(void)class_teacher_list(r->db, s->u->id, s->year.id, &ct, &nct);
	(void)school_teachers(r->db, s->u->id, &tt, &ntt);
	(void)roster_classes(r->db, s->u->id, s->year.id, &cls, &ncls);
	html_fmt(o, "<section id=\"teachers\"><h2>%s</h2><p class=\"muted\">%s"
	    "</p>", L(r, "Giáo viên chủ nhiệm", "Class teachers"),
	    L(r, "Giáo viên xem thông tin nhạy cảm và sửa hồ sơ của trẻ ở lớp "
	    "được phân công.", "A teacher sees the sensitive fields and "
	    "changes the records of the children of the classes assigned."));
	if (nct > 0) {
		html_fmt(o, "<table class=\"compact\"><thead><tr><th>%s</th>"
		    "<th>%s</th><th></th></tr></thead><tbody>",
		    L(r, "Lớp", "Class"), L(r, "Giáo viên", "Teacher"));
		for (i = 0; i < nct; i++) {
			html_fmt(o, "<tr><td>%s</td><td>%s (%s)</td><td>"
			    "<form method=\"post\" class=\"inline\" action=\""
			    "/units/%I/register/teachers/%I/delete\">",
			    ct[i].class_name, ct[i].full_name, ct[i].username,
			    s->u->id, ct[i].id);
			html_csrf_input(r);
			html_fmt(o, "<input type=\"hidden\" name=\"year\" "
			    "value=\"%s\"><button type=\"submit\" class=\""
			    "secondary\">%s</button></form></td></tr>",
			    s->year.code, L(r, "Bỏ", "Remove"));
		}
		html_lit(o, "</tbody></table>");
	}
	if (ntt == 0) {
		html_fmt(o, "<p>%s</p></section>", L(r, "Trường chưa có tài khoản "
		    "giáo viên.", "The school has no teacher accounts yet."));
		goto out;
	}
	html_fmt(o, "<form method=\"post\" action=\"/units/%I/register/"
	    "teachers\">", s->u->id);
	html_csrf_input(r);
	html_fmt(o, "<input type=\"hidden\" name=\"year\" value=\"%s\">"
	    "<div class=\"grid\"><label>%s<select name=\"user\">",
	    s->year.code, L(r, "Giáo viên", "Teacher"));
	for (i = 0; i < ntt; i++)
		html_fmt(o, "<option value=\"%I\">%s (%s)</option>",
		    tt[i].user_id, tt[i].full_name, tt[i].username);
	html_fmt(o, "</select></label><label>%s<input name=\"class_name\" "
	    "list=\"class-names\" required maxlength=\"%d\"><datalist "
	    "id=\"class-names\">", L(r, "Lớp", "Class"), ENROL_CLASS_MAX);
	for (i = 0; i < ncls; i++)
		html_fmt(o, "<option value=\"%s\">", cls[i]);
	html_fmt(o, "</datalist></label></div><button type=\"submit\">%s"
	    "</button></form></section>", L(r, "Phân công", "Assign"));
out:
	free(ct);
	free(tt);
	free(cls);
}

void
register_page(struct req *r)
{
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	char (*cls)[CHILD_TEXT(ENROL_CLASS_MAX)] = NULL;
	struct roster_row *rows = NULL;
	struct roster_query q;
	struct reg_school s;
	struct filters f;
	size_t n = 0, ncls = 0;
	bool teacher = r->user.role == ROLE_TEACHER;
	char title[320];

	if (!reg_school_load(r, r->params[0], req_query(r, "year"), &s))
		goto out;
	if (!filters_parse(r, &f, errs)) {
		form_errors_respond(r, errs);
		goto out;
	}
	if (teacher)
		cls = reg_teacher_classes(r, s.u->id, s.year.id, &ncls);
	memset(&q, 0, sizeof(q));
	q.unit_id = s.u->id;
	q.year = &s.year;
	q.class_name = f.cls;
	q.status = f.status;
	q.group = f.group;
	q.disability = f.disability;
	q.q = f.q[0] ? f.q : NULL;
	if (roster_list(r->db, &q, &rows, &n) != ERR_OK) {
		resp_error(r, ERR_DB, "Không đọc được sổ.",
		    "The register cannot be read.");
		goto out;
	}
	if (teacher && (f.group != -1 || f.disability != -1)) {
		/* Filtering on a sensitive field shows only the teacher's
		 * own classes: a filter must not reveal another class. */
		size_t i, k = 0;

		for (i = 0; i < n; i++)
			if (in_classes(cls, ncls, rows[i].class_name))
				rows[k++] = rows[i];
		n = k;
	}
	if (r->htmx) {
		results_html(r, rows, n, teacher, cls, ncls);
		resp_html(r, 200);
		goto out;
	}
	snprintf(title, sizeof(title), "%s — %s", L(r, "Sổ theo dõi trẻ em",
	    "Child register"), reg_unit_name(r, s.u));
	page_begin(r, title);
	html_fmt(&r->out, "<hgroup><h1>%s</h1><p><a href=\"/units/%I\">%s</a> · "
	    "%s %s</p></hgroup><p>", L(r, "Sổ theo dõi trẻ em",
	    "Child register"), s.u->id, reg_unit_name(r, s.u),
	    L(r, "năm học", "school year"), s.year.code);
	if (role_can(r->user.role, PERM_REGISTER_EDIT) && (!teacher ||
	    ncls > 0))
		html_fmt(&r->out, "<a role=\"button\" href=\"/units/%I/register/"
		    "new?year=%s\">%s</a> ", s.u->id, s.year.code,
		    L(r, "Thêm trẻ", "Add a child"));
	if (role_can(r->user.role, PERM_REGISTER_MANAGE))
		html_fmt(&r->out, "<a role=\"button\" class=\"secondary\" "
		    "href=\"/units/%I/register/warnings?year=%s\">%s</a>",
		    s.u->id, s.year.code, L(r, "Cảnh báo sớm nguy cơ bỏ học",
		    "Early warning of drop-out"));
	/* The list in and out, and the year's end (src/regio/,
	 * src/rollover/). */
	if (role_can(r->user.role, PERM_REGISTER_EDIT) && !teacher)
		html_fmt(&r->out, " <a role=\"button\" class=\"secondary "
		    "outline\" href=\"/units/%I/register/import\">%s</a>",
		    s.u->id, L(r, "Nhập danh sách", "Import a list"));
	html_fmt(&r->out, " <a role=\"button\" class=\"secondary outline\" "
	    "href=\"/units/%I/register/export?year=%s&amp;format=xlsx\">%s</a>",
	    s.u->id, s.year.code, L(r, "Xuất Excel", "Export to Excel"));
	if (role_can(r->user.role, PERM_REGISTER_MANAGE))
		html_fmt(&r->out, " <a role=\"button\" class=\"secondary "
		    "outline\" href=\"/units/%I/register/rollover?year=%s\">%s"
		    "</a>", s.u->id, s.year.code, L(r, "Chuyển năm học",
		    "Year-end rollover"));
	if (!teacher)
		html_fmt(&r->out, " <a role=\"button\" class=\"secondary "
		    "outline\" href=\"/units/%I/register/stats?year=%s\">%s"
		    "</a>", s.u->id, s.year.code, L(r, "Thống kê",
		    "Statistics"));
	html_lit(&r->out, "</p>");
	if (!str_empty(req_query(r, "assigned")))
		html_fmt(&r->out, "<p class=\"flash\">%s</p>",
		    L(r, "Đã lưu phân công.", "The assignment is saved."));
	filters_form(r, &s, &f, teacher);
	results_html(r, rows, n, teacher, cls, ncls);
	if (role_can(r->user.role, PERM_REGISTER_MANAGE))
		teachers_html(r, &s);
	page_end(r);
	resp_html(r, 200);
out:
	free(rows);
	free(cls);
	free(errs);
	reg_school_release(r, &s);
}

/* /register: the user's school, or the schools of the scope and search. */
void
register_home(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *home;
	struct child_hit *hits = NULL;
	char q_raw[CHILD_TEXT(CHILD_NAME_MAX)], q[NAMEFOLD_MAX], url[64];
	struct form_errors errs = { 0 };
	size_t nhits = 0, i, shown = 0;

	if (t == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return;
	}
	home = unit_get(t, r->user.unit_id);
	if (home != NULL && unit_kinds[home->kind].school) {
		snprintf(url, sizeof(url), "/units/%lld/register",
		    (long long)home->id);
		resp_redirect(r, url);
		goto out;
	}
	if (!valid_text(&errs, &f_q, req_query(r, "q"), false,
	    CHILD_NAME_MAX, q_raw)) {
		form_errors_respond(r, &errs);
		goto out;
	}
	namefold(q_raw, q, sizeof(q));
	if (q[0] != '\0' && child_search(r->db, t, r->user.unit_id, q,
	    HOME_HITS, &hits, &nhits) != ERR_OK) {
		resp_error(r, ERR_DB, "Không tìm được.", "The search failed.");
		goto out;
	}
	page_begin(r, L(r, "Sổ theo dõi trẻ em", "Child register"));
	html_fmt(&r->out, "<h1>%s</h1><form method=\"get\" action=\"/register\">"
	    "<div role=\"group\"><input type=\"search\" name=\"q\" value=\"%s\" "
	    "placeholder=\"%s\" aria-label=\"%s\"><button type=\"submit\">%s"
	    "</button></div></form>", L(r, "Sổ theo dõi trẻ em",
	    "Child register"), q_raw, L(r, "Tìm trẻ theo họ tên trong phạm vi "
	    "của bạn", "Find a child by name in your scope"),
	    L(r, "Tìm theo tên", "Search by name"), L(r, "Tìm", "Search"));
	if (q[0] != '\0') {
		html_fmt(&r->out, "<p class=\"muted\">%s: %d</p><ul>",
		    L(r, "Kết quả", "Results"), (int)nhits);
		for (i = 0; i < nhits; i++) {
			const struct unit *u = unit_get(t, hits[i].school_id);

			html_fmt(&r->out, "<li><a href=\"/children/%I\">%s</a> "
			    "(%s) — %s</li>", hits[i].child_id,
			    hits[i].full_name, hits[i].birth_date,
			    u != NULL ? reg_unit_name(r, u) : "");
		}
		html_lit(&r->out, "</ul>");
	}
	if (home != NULL && r->user.role != ROLE_TEACHER)
		html_fmt(&r->out, "<p><a role=\"button\" class=\"secondary "
		    "outline\" href=\"/units/%I/register/stats\">%s</a> "
		    "<a role=\"button\" class=\"secondary outline\" "
		    "href=\"/units/%I/register/export-area\">%s</a></p>",
		    home->id, L(r, "Thống kê từ sổ theo dõi", "Register "
		    "statistics"), home->id, L(r, "Xuất sổ của các trường",
		    "Export the schools' registers"));
	html_fmt(&r->out, "<h2>%s</h2><ul>", L(r, "Trường trong phạm vi",
	    "Schools in scope"));
	for (i = 0; i < t->n && shown < HOME_SCHOOLS; i++) {
		const struct unit *u = &t->u[i];

		if (!unit_kinds[u->kind].school ||
		    !unit_in_scope(t, r->user.unit_id, u->id))
			continue;
		html_fmt(&r->out, "<li><a href=\"/units/%I/register\">%s</a>"
		    "</li>", u->id, reg_unit_name(r, u));
		shown++;
	}
	html_lit(&r->out, "</ul>");
	page_end(r);
	resp_html(r, 200);
out:
	free(hits);
	unit_tree_put(r->app, t);
}

static void
back_to_register(struct req *r, int64_t unit_id, const char *year)
{
	struct buf url = BUF_INIT;

	buf_printf(&url, "/units/%lld/register?year=", (long long)unit_id);
	html_url_arg(&url, year);
	buf_puts(&url, "&assigned=1#teachers");
	resp_redirect(r, url.data);
	buf_release(&url);
}

void
class_teacher_post(struct req *r)
{
	struct school_teacher *tt = NULL;
	struct form_errors errs = { 0 };
	char cls[CHILD_TEXT(ENROL_CLASS_MAX)];
	struct reg_school s;
	size_t ntt = 0, i;
	int64_t user = 0;
	bool found = false;
	enum err e;

	if (!reg_school_load(r, r->params[0], req_form(r, "year"), &s))
		goto out;
	(void)valid_int(&errs, &f_teacher, req_form(r, "user"), true, 1,
	    INT64_MAX, &user, NULL);
	(void)valid_text(&errs, &enrol_f_class_name, req_form(r, "class_name"),
	    true, ENROL_CLASS_MAX, cls);
	if (school_teachers(r->db, s.u->id, &tt, &ntt) != ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	for (i = 0; i < ntt; i++)
		found = found || tt[i].user_id == user;
	if (user > 0 && !found)
		form_error(&errs, &f_teacher, "phải là tài khoản giáo viên của "
		    "trường này.", "must be a teacher account of this school.");
	if (errs.n > 0) {
		form_errors_respond(r, &errs);
		goto out;
	}
	e = class_teacher_add(r->db, user, s.u->id, s.year.id, cls, r->user.id);
	if (e != ERR_OK && e != ERR_CONFLICT) {
		reg_fail(r, e);
		goto out;
	}
	back_to_register(r, s.u->id, s.year.code);
out:
	free(tt);
	reg_school_release(r, &s);
}

void
class_teacher_delete_post(struct req *r)
{
	struct reg_school s;
	enum err e;

	if (!reg_school_load(r, r->params[0], req_form(r, "year"), &s))
		goto out;
	if ((e = class_teacher_remove(r->db, r->params[1], s.u->id,
	    r->user.id)) != ERR_OK) {
		reg_fail(r, e);
		goto out;
	}
	back_to_register(r, s.u->id, s.year.code);
out:
	reg_school_release(r, &s);
}
