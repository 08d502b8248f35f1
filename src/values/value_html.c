/*
 * value_html.c -- the value entry page: unit, indicator and period selects
 * that reload the form through htmx, the numerator and denominator cells
 * (nam and nữ, or totals) with a message beside each bad one, the lock
 * button, and the table of the unit's stored values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"
#include "render/numfmt.h"
#include "values/value_html.h"

/* The attributes that make a select reload the form fragment. */
#define HX_RELOAD "hx-get=\"/values/form\" hx-target=\"#value-form\" " \
	"hx-swap=\"outerHTML\" hx-include=\"#value-form select\""

static int
lang_of(const struct req *r)
{
	return r->lang == LANG_EN;
}

static void
format_time(int64_t at, char *out, size_t size)
{
	time_t t = (time_t)at;
	struct tm tm;

	if (at <= 0 || localtime_r(&t, &tm) == NULL ||
	    strftime(out, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(out, size, "—");
}

/* "12 (nam 5, nữ 7)" */
static void
numbers_text(struct req *r, const struct agg_value *v, bool den)
{
	int64_t total = den ? v->den_total : v->num_total;

	if (den && !v->has_den) {
		html_lit(&r->out, "—");
		return;
	}
	html_fmt(&r->out, "%I", total);
	if (v->split)
		html_fmt(&r->out, " <small class=\"muted\">(%s %I, %s %I)</small>",
		    L(r, "nam", "m"), den ? v->den_m : v->num_m,
		    L(r, "nữ", "f"), den ? v->den_f : v->num_f);
}

/* The numerator of a count that could identify a child ("< 5"). */
static void
numbers_small(struct req *r, const struct agg_value *v)
{
	char t[NUMFMT_MAX], a[NUMFMT_MAX], b[NUMFMT_MAX];

	html_fmt(&r->out, "%s", numfmt_count_small(t, v->num_total,
	    lang_of(r)));
	if (v->split) {
		(void)numfmt_split_small(a, b, v->num_m, v->num_f, lang_of(r));
		html_fmt(&r->out, " <small class=\"muted\">(%s %s, %s %s)"
		    "</small>", L(r, "nam", "m"), a, L(r, "nữ", "f"), b);
	}
}

/* Fill the cells of the form from the stored value. */
static void
view_cells_from_stored(struct value_view *v)
{
	const struct agg_value *s = &v->stored;
	const char **slot[6] = { &v->raw.num_m, &v->raw.num_f,
	    &v->raw.num_total, &v->raw.den_m, &v->raw.den_f,
	    &v->raw.den_total };
	int64_t val[6] = { s->num_m, s->num_f, s->num_total, s->den_m,
	    s->den_f, s->den_total };
	bool set[6] = { s->split, s->split, true, s->split && s->has_den,
	    s->split && s->has_den, s->has_den };
	int k;

	char small[3][NUMFMT_MAX];
	/* A computed count that could identify a child is read-only here
	 * and shown under the small-count rule. */
	bool hide = v->ind != NULL && v->ind->suppress_small && s->computed;

	if (hide) {
		(void)numfmt_split_small(small[0], small[1], s->num_m, s->num_f,
		    0);
		(void)numfmt_count_small(small[2], s->num_total, 0);
	}
	for (k = 0; k < 6; k++) {
		*slot[k] = NULL;
		if (!set[k])
			continue;
		if (hide && k < 3)
			snprintf(v->cells[k], sizeof(v->cells[k]), "%.20s",
			    small[k]);
		else
			snprintf(v->cells[k], sizeof(v->cells[k]), "%lld",
			    (long long)val[k]);
		*slot[k] = v->cells[k];
	}
}

/*
 * Load what the form shows for unit_id (in scope: the caller checked),
 * with the indicator and period asked for when they fit, else the first
 * indicator that applies and the newest period that has started.
 */
enum err
value_view_load(struct req *r, struct value_view *v, int64_t unit_id,
    const char *ind_code, const char *per_code)
{
	char today[11];
	size_t i;

	v->unit = unit_get(v->t, unit_id);
	if (v->unit == NULL)
		return ERR_NOTFOUND;
	if (indicator_list(r->db, &v->inds, &v->ninds) != ERR_OK)
		return ERR_DB;
	for (i = 0; i < v->ninds; i++) {
		const struct indicator *ind = &v->inds[i];

		if (!unit_kind_in_levels(v->unit->kind, ind->levels))
			continue;
		if (v->ind == NULL)
			v->ind = ind;
		if (ind_code != NULL && strcmp(ind->code, ind_code) == 0) {
			v->ind = ind;
			break;
		}
	}
	if (v->ind == NULL)
		return ERR_OK;
	date_today(today);
	if (period_list(r->db, v->ind->period_type, today, &v->pers,
	    &v->npers) != ERR_OK)
		return ERR_DB;
	for (i = 0; i < v->npers; i++)
		if (per_code != NULL && strcmp(v->pers[i].code, per_code) == 0)
			v->per = &v->pers[i];
	if (v->per == NULL && v->npers > 0)
		v->per = &v->pers[0];
	if (v->per == NULL)
		return ERR_OK;
	switch (value_find(r->db, v->unit->id, v->ind->id, v->per->id,
	    &v->stored)) {
	case ERR_OK:
		v->has_stored = true;
		view_cells_from_stored(v);
		break;
	case ERR_NOTFOUND:
		break;
	default:
		return ERR_DB;
	}
	return ERR_OK;
}

void
value_view_release(struct value_view *v)
{
	indicator_list_free(v->inds, v->ninds);
	free(v->pers);
	v->inds = NULL;
	v->pers = NULL;
}

static void
field_message(struct req *r, const struct value_view *v, const char *name)
{
	const char *msg;

	if (v->errs != NULL &&
	    (msg = form_error_for(r, v->errs, name)) != NULL)
		html_fmt(&r->out, "<small class=\"field-error\">%s</small>",
		    msg);
}

/* Units in scope: schools grouped under their parent, then the offices. */
struct unit_opt {
	const struct unit	*u;
	const char		*name;
	const char		*group;	/* parent's name; "" for offices */
	bool			 school;
};

static int
unit_opt_cmp(const void *a, const void *b)
{
	const struct unit_opt *x = a, *y = b;
	int c;

	if (x->school != y->school)
		return x->school ? -1 : 1;
	if ((c = strcmp(x->group, y->group)) != 0)
		return c;
	return strcmp(x->name, y->name);
}

static void
units_select(struct req *r, const struct value_view *v)
{
	const struct unit_tree *t = v->t;
	struct unit_opt *opts = xcalloc(t->n + 1, sizeof(*opts));
	const char *group = NULL;
	char today[11];
	size_t i, n = 0, p;

	date_today(today);
	for (i = 0; i < t->n; i++) {
		const struct unit *u = &t->u[i];

		if (!unit_in_scope(t, r->user.unit_id, u->id))
			continue;
		opts[n].u = u;
		opts[n].name = unit_display_name(u, r->lang);
		opts[n].school = unit_kinds[u->kind].school;
		opts[n].group = "";
		if (opts[n].school &&
		    (p = unit_parent(t, i, LINK_ADMIN, today)) != (size_t)-1)
			opts[n].group = unit_display_name(&t->u[p], r->lang);
		n++;
	}
	qsort(opts, n, sizeof(*opts), unit_opt_cmp);
	html_fmt(&r->out, "<label>%s<select name=\"unit\" required "
	    HX_RELOAD ">", L(r, value_f_unit.label_vi, value_f_unit.label_en));
	for (i = 0; i < n; i++) {
		const char *g = opts[i].school ? opts[i].group :
		    L(r, "Cơ quan quản lý", "Offices");

		if (group == NULL || strcmp(group, g) != 0) {
			if (group != NULL)
				html_lit(&r->out, "</optgroup>");
			html_fmt(&r->out, "<optgroup label=\"%s\">",
			    g[0] ? g : L(r, "Trường học", "Schools"));
			group = g;
		}
		html_fmt(&r->out, "<option value=\"%I\"", opts[i].u->id);
		if (opts[i].u == v->unit)
			html_lit(&r->out, " selected");
		html_fmt(&r->out, ">%s</option>", opts[i].name);
	}
	if (group != NULL)
		html_lit(&r->out, "</optgroup>");
	html_lit(&r->out, "</select>");
	field_message(r, v, "unit");
	html_lit(&r->out, "</label>");
	free(opts);
}

static void
indicators_select(struct req *r, const struct value_view *v)
{
	size_t i;

	html_fmt(&r->out, "<label>%s<select name=\"indicator\" required "
	    HX_RELOAD ">", L(r, value_f_indicator.label_vi,
	    value_f_indicator.label_en));
	for (i = 0; i < v->ninds; i++) {
		const struct indicator *ind = &v->inds[i];

		if (!unit_kind_in_levels(v->unit->kind, ind->levels))
			continue;
		html_fmt(&r->out, "<option value=\"%s\"", ind->code);
		if (ind == v->ind)
			html_lit(&r->out, " selected");
		html_fmt(&r->out, ">%s</option>", indicator_name(ind,
		    lang_of(r)));
	}
	html_lit(&r->out, "</select>");
	field_message(r, v, "indicator");
	html_lit(&r->out, "</label>");
}

static void
periods_select(struct req *r, const struct value_view *v)
{
	char label[64];
	size_t i;

	html_fmt(&r->out, "<label>%s<select name=\"period\" required "
	    HX_RELOAD ">", L(r, value_f_period.label_vi,
	    value_f_period.label_en));
	for (i = 0; i < v->npers; i++) {
		period_label(&v->pers[i], lang_of(r), label, sizeof(label));
		html_fmt(&r->out, "<option value=\"%s\"", v->pers[i].code);
		if (&v->pers[i] == v->per)
			html_lit(&r->out, " selected");
		html_fmt(&r->out, ">%s</option>", label);
	}
	html_lit(&r->out, "</select>");
	field_message(r, v, "period");
	html_lit(&r->out, "</label>");
}

static void
input_cell(struct req *r, const struct value_view *v, const struct field *f,
    const char *val, bool disabled)
{
	html_fmt(&r->out, "<td><input name=\"%s\" inputmode=\"numeric\" "
	    "autocomplete=\"off\" aria-label=\"%s\" value=\"%s\"", f->name,
	    L(r, f->label_vi, f->label_en), val != NULL ? val : "");
	if (v->errs != NULL && form_error_for(r, v->errs, f->name) != NULL)
		html_lit(&r->out, " aria-invalid=\"true\"");
	if (disabled)
		html_lit(&r->out, " disabled");
	html_lit(&r->out, ">");
	field_message(r, v, f->name);
	html_lit(&r->out, "</td>");
}

/* The computed total of two cells, or "—" if either is not a number. */
static void
sum_cell(struct req *r, const char *a, const char *b)
{
	int64_t x, y;

	if (a != NULL && b != NULL && str_to_int_range(a, 0, VALUE_MAX, &x) &&
	    str_to_int_range(b, 0, VALUE_MAX, &y))
		html_fmt(&r->out, "<td class=\"num\">%I</td>", x + y);
	else
		html_lit(&r->out, "<td class=\"num\">—</td>");
}

static void
cells_table(struct req *r, const struct value_view *v, bool locked)
{
	const struct indicator *ind = v->ind;
	bool den = ind->unit != IND_UNIT_COUNT;
	int lang = lang_of(r);

	html_lit(&r->out, "<div class=\"overflow-auto\"><table class=\"compact\">"
	    "<thead><tr><th></th>");
	if (ind->by_sex)
		html_fmt(&r->out, "<th>%s</th><th>%s</th><th>%s</th>",
		    L(r, "Nam", "Male"), L(r, "Nữ", "Female"),
		    L(r, "Tổng (tự tính)", "Total (computed)"));
	else
		html_fmt(&r->out, "<th>%s</th>", L(r, "Tổng", "Total"));
	html_fmt(&r->out, "</tr></thead><tbody><tr><th scope=\"row\">%s<br>"
	    "<small class=\"muted\">%s</small></th>",
	    den ? L(r, "Tử số", "Numerator") : L(r, "Số lượng", "Count"),
	    lang ? ind->numerator_en : ind->numerator_vi);
	if (ind->by_sex) {
		input_cell(r, v, &value_f_num_m, v->raw.num_m, locked);
		input_cell(r, v, &value_f_num_f, v->raw.num_f, locked);
		sum_cell(r, v->raw.num_m, v->raw.num_f);
	} else
		input_cell(r, v, &value_f_num_total, v->raw.num_total, locked);
	html_lit(&r->out, "</tr>");
	if (den) {
		html_fmt(&r->out, "<tr><th scope=\"row\">%s<br><small "
		    "class=\"muted\">%s</small></th>",
		    L(r, "Mẫu số", "Denominator"),
		    lang ? ind->denominator_en : ind->denominator_vi);
		if (ind->by_sex) {
			input_cell(r, v, &value_f_den_m, v->raw.den_m, locked);
			input_cell(r, v, &value_f_den_f, v->raw.den_f, locked);
			sum_cell(r, v->raw.den_m, v->raw.den_f);
		} else
			input_cell(r, v, &value_f_den_total, v->raw.den_total,
			    locked);
		html_lit(&r->out, "</tr>");
	}
	html_lit(&r->out, "</tbody></table></div>");
}

static void
stored_note(struct req *r, const struct value_view *v)
{
	const struct agg_value *s = &v->stored;
	char rate[32], when[32];

	indicator_format_rate(value_rate(s, v->ind->unit), v->ind->unit,
	    lang_of(r), rate, sizeof(rate));
	if (v->ind->suppress_small) {
		char small[NUMFMT_MAX];

		snprintf(rate, sizeof(rate), "%s", numfmt_count_small(small,
		    s->num_total, lang_of(r)));
	}
	format_time(s->entered_at, when, sizeof(when));
	html_fmt(&r->out, "<p>%s: <strong>%s</strong>", v->ind->unit ==
	    IND_UNIT_COUNT ? L(r, "Số lượng đã lưu", "Stored count") :
	    L(r, "Tỷ lệ đã lưu", "Stored rate"), rate);
	if (s->locked)
		html_fmt(&r->out, " · <span class=\"badge st-achieved\">%s</span>",
		    L(r, "Đã khóa", "Locked"));
	if (s->computed)
		html_fmt(&r->out, " · <span class=\"badge st-on_track\">%s"
		    "</span>", L(r, "tính từ số đo", "computed"));
	if (s->demo)
		html_fmt(&r->out, " · <span class=\"badge demo-badge\">%s</span>",
		    L(r, "dữ liệu mẫu", "demo"));
	html_fmt(&r->out, " · <small class=\"muted\">%s %s</small></p>",
	    L(r, "cập nhật", "updated"), when);
	if (s->computed && !s->locked && v->ind->source == IND_SRC_CASES)
		html_fmt(&r->out, "<p class=\"warn\">%s</p>", L(r, "Số liệu này "
		    "được tính từ hồ sơ bảo vệ trẻ em đã ẩn danh mỗi khi ghi đánh "
		    "giá ban đầu; không nhập tay được.", "This value is counted "
		    "from de-identified protection cases each time an initial "
		    "assessment is recorded; it cannot be entered by hand."));
	else if (s->computed && !s->locked)
		html_fmt(&r->out, "<p class=\"warn\">%s</p>", L(r, "Số liệu này "
		    "được tính từ số đo cân nặng, chiều cao của trẻ mỗi khi lưu "
		    "một buổi cân đo; không nhập tay được.", "This value is "
		    "computed from the children's weights and heights each time "
		    "a measurement session is saved; it cannot be entered by "
		    "hand."));
	if (s->locked)
		html_fmt(&r->out, "<p class=\"warn\">%s</p>", L(r, "Số liệu này "
		    "đã khóa, không sửa được nữa.", "This value is locked and "
		    "can no longer be changed."));
}

static void
lock_button(struct req *r, int64_t id)
{
	html_fmt(&r->out, "<form method=\"post\" action=\"/values/%I/lock\" "
	    "class=\"inline\">", id);
	html_csrf_input(r);
	html_fmt(&r->out, "<button type=\"submit\" class=\"secondary outline\">"
	    "%s</button></form>", L(r, "Khóa", "Lock"));
}

static void
values_table(struct req *r, const struct value_view *v)
{
	struct value_row *rows = NULL;
	bool can_lock = role_can(r->user.role, PERM_VALUE_LOCK), hide;
	char rate[32], when[32], small[NUMFMT_MAX];
	size_t n = 0, i, k;

	html_fmt(&r->out, "<h2>%s</h2>", L(r, "Số liệu đã nhập của đơn vị",
	    "Values stored for this unit"));
	if (value_list(r->db, v->unit->id, 0, 0, &rows, &n) != ERR_OK || n == 0) {
		html_fmt(&r->out, "<p class=\"muted\">%s</p>",
		    L(r, "Chưa có số liệu.", "No values yet."));
		free(rows);
		return;
	}
	html_fmt(&r->out, "<div class=\"overflow-auto\"><table class=\"compact\">"
	    "<thead><tr><th>%s</th><th>%s</th><th class=\"num\">%s</th>"
	    "<th class=\"num\">%s</th><th class=\"num\">%s</th><th>%s</th>"
	    "<th>%s</th></tr></thead><tbody>", L(r, "Chỉ số", "Indicator"),
	    L(r, "Kỳ", "Period"), L(r, "Tử số", "Numerator"),
	    L(r, "Mẫu số", "Denominator"), L(r, "Tỷ lệ", "Rate"),
	    L(r, "Trạng thái", "Status"), L(r, "Người nhập, lúc",
	    "Entered by, at"));
	for (i = 0; i < n; i++) {
		const struct value_row *row = &rows[i];
		const char *name = row->indicator;

		for (k = 0; k < v->ninds; k++)
			if (v->inds[k].id == row->v.indicator_id)
				name = indicator_name(&v->inds[k], lang_of(r));
		indicator_format_rate(value_rate(&row->v, row->ind_unit),
		    row->ind_unit, lang_of(r), rate, sizeof(rate));
		hide = false;
		for (k = 0; k < v->ninds; k++)
			if (v->inds[k].id == row->v.indicator_id)
				hide = v->inds[k].suppress_small;
		if (hide || indicator_suppress_small(r->db,
		    row->v.indicator_id)) {
			hide = true;
			snprintf(rate, sizeof(rate), "%s", numfmt_count_small(
			    small, row->v.num_total, lang_of(r)));
		}
		format_time(row->v.entered_at, when, sizeof(when));
		html_fmt(&r->out, "<tr><td><a href=\"/values?unit=%I&amp;"
		    "indicator=%s&amp;period=%s\">%s</a></td><td>%s</td>"
		    "<td class=\"num\">", v->unit->id, row->indicator,
		    row->period, name, row->period);
		if (hide)
			numbers_small(r, &row->v);
		else
			numbers_text(r, &row->v, false);
		html_lit(&r->out, "</td><td class=\"num\">");
		numbers_text(r, &row->v, true);
		html_fmt(&r->out, "</td><td class=\"num\">%s</td><td>", rate);
		if (row->v.locked)
			html_fmt(&r->out, "<span class=\"badge st-achieved\">%s"
			    "</span>", L(r, "Đã khóa", "Locked"));
		else if (can_lock)
			lock_button(r, row->v.id);
		else
			html_fmt(&r->out, "%s", L(r, "chưa khóa", "open"));
		html_lit(&r->out, "</td><td>");
		if (row->entered_by_name[0])
			html_fmt(&r->out, "%s", row->entered_by_name);
		else if (row->v.demo)
			html_fmt(&r->out, "<span class=\"badge demo-badge\">%s"
			    "</span>", L(r, "dữ liệu mẫu", "demo"));
		html_fmt(&r->out, "<br><small class=\"muted\">%s</small></td>"
		    "</tr>", when);
	}
	html_lit(&r->out, "</tbody></table></div>");
	free(rows);
}

/* The fragment #value-form: the form and the unit's values. */
static void
form_fragment(struct req *r, const struct value_view *v)
{
	/* A computed value is read-only here, as a locked one is. */
	bool locked = v->has_stored && (v->stored.locked ||
	    v->stored.computed);

	html_lit(&r->out, "<div id=\"value-form\">");
	if (v->flash != NULL)
		html_fmt(&r->out, "<p class=\"flash\" role=\"status\">%s</p>",
		    v->flash);
	if (v->errs != NULL)
		form_errors_html(r, v->errs);
	html_lit(&r->out, "<form method=\"post\" action=\"/values\">");
	html_csrf_input(r);
	html_lit(&r->out, "<div class=\"grid\">");
	units_select(r, v);
	if (v->ind != NULL) {
		indicators_select(r, v);
		periods_select(r, v);
	}
	html_lit(&r->out, "</div>");
	if (v->ind == NULL || v->per == NULL) {
		html_fmt(&r->out, "<p class=\"muted\">%s</p></form>",
		    L(r, "Không có chỉ số hoặc kỳ báo cáo nào để nhập cho đơn vị "
		    "này.", "There is no indicator or period to enter for this "
		    "unit."));
		goto table;
	}
	html_fmt(&r->out, "<p><small class=\"muted\">%s · %s · %s. "
	    "<a href=\"/indicators/%I\">%s</a></small></p>",
	    lang_of(r) ? v->ind->definition_en : v->ind->definition_vi,
	    indicator_unit_name(v->ind->unit, lang_of(r)),
	    indicator_direction_name(v->ind->direction, lang_of(r)),
	    v->ind->id, L(r, "Định nghĩa đầy đủ", "Full definition"));
	if (v->has_stored)
		stored_note(r, v);
	cells_table(r, v, locked);
	if (!locked)
		html_fmt(&r->out, "<button type=\"submit\">%s</button>",
		    L(r, "Lưu số liệu", "Save the value"));
	html_lit(&r->out, "</form>");
	if (v->has_stored && !locked &&
	    role_can(r->user.role, PERM_VALUE_LOCK)) {
		html_fmt(&r->out, "<p class=\"muted\"><small>%s</small></p>",
		    L(r, "Khi số liệu đã được duyệt, khóa lại để không ai sửa "
		    "được nữa:", "Once the value is approved, lock it so no one "
		    "can change it:"));
		lock_button(r, v->stored.id);
	}
table:
	values_table(r, v);
	html_lit(&r->out, "</div>");
}

/* The whole page, or just the fragment for htmx. */
void
value_form_page(struct req *r, const struct value_view *v, int status)
{
	buf_reset(&r->out);
	if (!r->htmx) {
		page_begin(r, L(r, "Nhập số liệu", "Enter values"));
		html_fmt(&r->out, "<hgroup><h1>%s</h1><p>%s</p></hgroup>",
		    L(r, "Nhập số liệu tổng hợp", "Enter aggregate values"),
		    L(r, "Tử số và mẫu số theo giới tính cho một đơn vị, một chỉ "
		    "số và một kỳ; tổng và tỷ lệ được tự tính.", "Numerator and "
		    "denominator by sex for one unit, one indicator and one "
		    "period; totals and rates are computed."));
	}
	form_fragment(r, v);
	if (!r->htmx)
		page_end(r);
	resp_html(r, status);
}

