/*
 * indicator_http.c -- the catalogue as a table, one indicator's full
 * definition with the plan targets that use it, and the JSON API.
 *
 * The catalogue itself is public to every signed-in user.  The plan
 * targets shown on an indicator's page are those of plans owned by a unit
 * in the user's scope or above the user's unit (the plans it implements).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "db/db.h"
#include "http/req.h"
#include "indicators/indicator.h"
#include "indicators/indicator_http.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"

#define MAX_TARGETS 500

static int
lang_of(const struct req *r)
{
	return r->lang == LANG_EN;
}

void
indicator_list_page(struct req *r)
{
	struct indicator *list = NULL;
	size_t n = 0, i;
	int lang = lang_of(r);

	if (indicator_list(r->db, &list, &n) != ERR_OK) {
		resp_error(r, ERR_DB, "Không đọc được danh mục chỉ số.",
		    "The indicator catalogue cannot be read.");
		return;
	}
	page_begin(r, L(r, "Danh mục chỉ số", "Indicator catalogue"));
	html_fmt(&r->out, "<hgroup><h1>%s</h1><p>%s</p></hgroup>",
	    L(r, "Danh mục chỉ số", "Indicator catalogue"),
	    L(r, "Các chỉ số mà chỉ tiêu của kế hoạch được đo bằng: tỷ lệ tính "
	    "từ tổng tử số trên tổng mẫu số, không lấy trung bình các tỷ lệ.",
	    "The indicators plan targets are measured with: rates are summed "
	    "numerators over summed denominators, never averages of rates."));
	html_fmt(&r->out, "<div class=\"overflow-auto\"><table class=\"compact\">"
	    "<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	    L(r, "Mã", "Code"), L(r, "Chỉ số", "Indicator"),
	    L(r, "Đơn vị tính", "Unit"), L(r, "Chiều hướng", "Direction"),
	    L(r, "Theo giới tính", "By sex"), L(r, "Nguồn số liệu", "Source"),
	    L(r, "Kỳ", "Period"), L(r, "Căn cứ", "Reference"));
	for (i = 0; i < n; i++) {
		const struct indicator *ind = &list[i];

		html_fmt(&r->out, "<tr><td><code>%s</code></td>"
		    "<td><a href=\"/indicators/%I\">%s</a></td><td>%s</td>"
		    "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
		    "</tr>", ind->code, ind->id, indicator_name(ind, lang),
		    indicator_unit_name(ind->unit, lang),
		    indicator_direction_name(ind->direction, lang),
		    ind->by_sex ? L(r, "có", "yes") : L(r, "không", "no"),
		    indicator_source_name(ind->source, lang),
		    period_type_name(ind->period_type, lang), ind->ref);
	}
	html_lit(&r->out, "</tbody></table></div>");
	page_end(r);
	resp_html(r, 200);
	indicator_list_free(list, n);
}

/* A number from a plan (baseline, milestone), with a decimal comma in
 * Vietnamese. */
static void
format_number(double v, int lang, char *out, size_t size)
{
	char *dot;

	snprintf(out, size, "%.10g", v);
	if (!lang && (dot = strchr(out, '.')) != NULL)
		*dot = ',';
}

struct target_row {
	int64_t	 id;
	int64_t	 plan_id;
	int64_t	 unit_id;
	char	 plan_ref[80];
	char	*plan_title;
	char	 code[40];
	char	*label;
	char	*clause;
	bool	 has_baseline;
	double	 baseline;
	int64_t	 baseline_year;
};

/* May the user see this plan's targets?  See the file comment. */
static bool
plan_visible(const struct req *r, const struct unit_tree *t, int64_t unit_id)
{
	return unit_in_scope(t, r->user.unit_id, unit_id) ||
	    unit_in_scope(t, unit_id, r->user.unit_id);
}

static size_t
load_targets(struct req *r, const struct unit_tree *t, int64_t ind_id,
    struct target_row *rows, size_t max)
{
	struct db_stmt *st = db_stmt(r->db, "SELECT t.id, p.id, p.unit_id,"
	    " p.number, p.symbol, p.title, t.code, t.label, t.clause,"
	    " t.baseline, t.baseline_year FROM plan_target t"
	    " JOIN plan p ON p.id = t.plan_id WHERE t.indicator_id = ?"
	    " ORDER BY p.issued_on DESC, p.id, t.seq");
	size_t n = 0;

	db_bind_int(st, 1, ind_id);
	while (db_step(st) == DB_ROW && n < max) {
		struct target_row *tr = &rows[n];

		if (!plan_visible(r, t, db_col_int(st, 2)))
			continue;
		memset(tr, 0, sizeof(*tr));
		tr->id = db_col_int(st, 0);
		tr->plan_id = db_col_int(st, 1);
		tr->unit_id = db_col_int(st, 2);
		if (db_col_text(st, 3)[0] != '\0')
			snprintf(tr->plan_ref, sizeof(tr->plan_ref), "%s/%s",
			    db_col_text(st, 3), db_col_text(st, 4));
		else
			snprintf(tr->plan_ref, sizeof(tr->plan_ref), "%s",
			    db_col_text(st, 4));
		tr->plan_title = xstrdup(db_col_text(st, 5));
		snprintf(tr->code, sizeof(tr->code), "%s", db_col_text(st, 6));
		tr->label = xstrdup(db_col_text(st, 7));
		tr->clause = xstrdup(db_col_text(st, 8));
		tr->has_baseline = !db_col_null(st, 9);
		tr->baseline = db_col_double(st, 9);
		tr->baseline_year = db_col_int(st, 10);
		n++;
	}
	db_done(st);
	return n;
}

static void
milestones_html(struct req *r, int64_t target_id)
{
	struct db_stmt *st = db_stmt(r->db, "SELECT year, cmp, value"
	    " FROM target_milestone WHERE target_id = ? ORDER BY year");
	char num[32];
	int k = 0;

	db_bind_int(st, 1, target_id);
	while (db_step(st) == DB_ROW) {
		format_number(db_col_double(st, 2), lang_of(r), num,
		    sizeof(num));
		html_fmt(&r->out, "%s%I: %s %s", k++ ? "; " : "",
		    db_col_int(st, 0), db_col_text(st, 1), num);
	}
	db_done(st);
	if (k == 0)
		html_lit(&r->out, "—");
}

static void
targets_html(struct req *r, const struct indicator *ind)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct target_row *rows = NULL;
	size_t n = 0, i;
	char num[32];

	html_fmt(&r->out, "<h2>%s</h2>", L(r, "Chỉ tiêu kế hoạch dùng chỉ số "
	    "này", "Plan targets measured with this indicator"));
	if (t != NULL) {
		rows = xcalloc(MAX_TARGETS, sizeof(*rows));
		n = load_targets(r, t, ind->id, rows, MAX_TARGETS);
	}
	if (n == 0) {
		html_fmt(&r->out, "<p class=\"muted\">%s</p>",
		    L(r, "Chưa có kế hoạch nào trong phạm vi của bạn dùng chỉ số "
		    "này.", "No plan within your scope uses this indicator "
		    "yet."));
		goto out;
	}
	html_fmt(&r->out, "<div class=\"overflow-auto\"><table class=\"compact\">"
	    "<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
	    "<th>%s</th><th>%s</th></tr></thead><tbody>",
	    L(r, "Kế hoạch", "Plan"), L(r, "Đơn vị", "Unit"),
	    L(r, "Chỉ tiêu", "Target"), L(r, "Nội dung", "Clause"),
	    L(r, "Năm gốc", "Baseline"), L(r, "Mốc", "Milestones"));
	for (i = 0; i < n; i++) {
		const struct unit *u = unit_get(t, rows[i].unit_id);

		html_fmt(&r->out, "<tr><td><a href=\"/plans/%I\">%s</a><br>"
		    "<small>%s</small></td><td>%s</td><td>%s <small><code>%s"
		    "</code></small></td><td>%s</td><td>", rows[i].plan_id,
		    rows[i].plan_ref, rows[i].plan_title,
		    u == NULL ? "" : r->lang == LANG_EN && u->name_en[0] ?
		    u->name_en : u->name, rows[i].label, rows[i].code,
		    rows[i].clause);
		if (rows[i].has_baseline) {
			format_number(rows[i].baseline, lang_of(r), num,
			    sizeof(num));
			html_fmt(&r->out, "%s (%I)", num, rows[i].baseline_year);
		} else
			html_lit(&r->out, "—");
		html_lit(&r->out, "</td><td>");
		milestones_html(r, rows[i].id);
		html_lit(&r->out, "</td></tr>");
	}
	html_lit(&r->out, "</tbody></table></div>");
out:
	for (i = 0; i < n; i++) {
		free(rows[i].plan_title);
		free(rows[i].label);
		free(rows[i].clause);
	}
	free(rows);
	unit_tree_put(r->app, t);
}

static void
definition_row(struct req *r, const char *th, const char *td)
{
	html_fmt(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>", th,
	    td);
}

void
indicator_page(struct req *r)
{
	struct indicator ind;
	struct buf levels = BUF_INIT;
	int lang = lang_of(r);
	enum err e;

	memset(&ind, 0, sizeof(ind));
	if ((e = indicator_get(r->db, r->params[0], &ind)) != ERR_OK) {
		resp_error(r, e, "Không có chỉ số này.", "No such indicator.");
		return;
	}
	page_begin(r, indicator_name(&ind, lang));
	html_fmt(&r->out, "<p><a href=\"/indicators\">← %s</a></p>"
	    "<hgroup><h1>%s</h1><p><code>%s</code> · %s</p></hgroup><p>%s</p>",
	    L(r, "Danh mục chỉ số", "Indicator catalogue"),
	    indicator_name(&ind, lang), ind.code,
	    lang ? ind.name_vi : ind.name_en,
	    lang ? ind.definition_en : ind.definition_vi);
	html_lit(&r->out, "<table class=\"compact\"><tbody>");
	definition_row(r, L(r, "Tử số", "Numerator"),
	    lang ? ind.numerator_en : ind.numerator_vi);
	definition_row(r, L(r, "Mẫu số", "Denominator"),
	    ind.unit == IND_UNIT_COUNT || ind.denominator_vi[0] == '\0' ?
	    L(r, "— (chỉ số đếm, không có mẫu số)",
	    "— (a count, no denominator)") :
	    lang ? ind.denominator_en : ind.denominator_vi);
	definition_row(r, L(r, "Đơn vị tính", "Unit"),
	    indicator_unit_name(ind.unit, lang));
	definition_row(r, L(r, "Chiều hướng", "Direction"),
	    indicator_direction_name(ind.direction, lang));
	definition_row(r, L(r, "Phân tổ theo giới tính", "Split by sex"),
	    ind.by_sex ? L(r, "có (nam, nữ)", "yes (male, female)") :
	    L(r, "không", "no"));
	definition_row(r, L(r, "Nguồn số liệu", "Source"),
	    indicator_source_name(ind.source, lang));
	definition_row(r, L(r, "Kỳ báo cáo", "Period"),
	    period_type_name(ind.period_type, lang));
	indicator_levels_text(ind.levels, lang, &levels);
	definition_row(r, L(r, "Áp dụng cho", "Applies to"), levels.data);
	definition_row(r, L(r, "Căn cứ", "Legal reference"),
	    ind.ref[0] ? ind.ref : "—");
	html_lit(&r->out, "</tbody></table>");
	if (role_can(r->user.role, PERM_VALUE_ENTER))
		html_fmt(&r->out, "<p><a role=\"button\" class=\"secondary\" "
		    "href=\"/values?indicator=%s\">%s</a></p>", ind.code,
		    L(r, "Nhập số liệu cho chỉ số này",
		    "Enter values for this indicator"));
	targets_html(r, &ind);
	page_end(r);
	resp_html(r, 200);
	buf_release(&levels);
	indicator_clear(&ind);
}

static json_t *
indicator_json(const struct indicator *ind)
{
	json_t *j, *levels = json_array();
	char *copy, *tok, *save = NULL;

	j = json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:b,"
	    "s:s,s:s,s:s,s:I}",
	    "id", (json_int_t)ind->id, "code", ind->code,
	    "name_vi", ind->name_vi, "name_en", ind->name_en,
	    "definition_vi", ind->definition_vi,
	    "definition_en", ind->definition_en,
	    "numerator_vi", ind->numerator_vi,
	    "numerator_en", ind->numerator_en,
	    "unit", ind_units[ind->unit].code,
	    "direction", ind_directions[ind->direction].code,
	    "by_sex", ind->by_sex,
	    "source", ind_sources[ind->source].code,
	    "period_type", period_types[ind->period_type].code,
	    "ref", ind->ref, "seq", (json_int_t)ind->seq);

	if (ind->unit == IND_UNIT_COUNT || ind->denominator_vi[0] == '\0') {
		json_object_set_new(j, "denominator_vi", json_null());
		json_object_set_new(j, "denominator_en", json_null());
	} else {
		json_object_set_new(j, "denominator_vi",
		    json_string(ind->denominator_vi));
		json_object_set_new(j, "denominator_en",
		    json_string(ind->denominator_en));
	}
	copy = xstrdup(ind->levels);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save))
		json_array_append_new(levels, json_string(tok));
	free(copy);
	json_object_set_new(j, "levels", levels);
	return j;
}

void
indicator_api_list(struct req *r)
{
	struct indicator *list = NULL;
	size_t n = 0, i;
	json_t *arr;

	if (indicator_list(r->db, &list, &n) != ERR_OK) {
		resp_error(r, ERR_DB, "Không đọc được danh mục chỉ số.",
		    "The indicator catalogue cannot be read.");
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, indicator_json(&list[i]));
	resp_json(r, 200, arr);
	indicator_list_free(list, n);
}

void
indicator_api_get(struct req *r)
{
	struct indicator ind;
	enum err e;

	memset(&ind, 0, sizeof(ind));
	if ((e = indicator_get(r->db, r->params[0], &ind)) != ERR_OK) {
		resp_error(r, e, "Không có chỉ số này.", "No such indicator.");
		return;
	}
	resp_json(r, 200, indicator_json(&ind));
	indicator_clear(&ind);
}
