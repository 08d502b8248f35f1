/*
 * value_http.c -- the value entry page, saving and locking values, and the
 * JSON API.
 *
 * The page (GET /values) is a form: unit (only units in the user's scope),
 * indicator (those that apply to the unit's level), period (of the
 * indicator's period type), then numerator and denominator cells -- nam and
 * nữ, or totals only -- filled with the stored value.  Changing a select
 * reloads the form through htmx (GET /values/form answers the fragment
 * #value-form).  Below it, the values already stored for the unit.
 *
 * Saving (POST /values, POST /api/values) checks the scope of the unit
 * (403), then every field (400 with a message beside each), then the lock
 * (423), and saves in one transaction (values/value_db.c).
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "http/form.h"
#include "http/req.h"
#include "indicators/indicator.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"
#include "units/unit_http.h"
#include "values/value.h"
#include "values/value_http.h"

/* The attributes that make a select reload the form fragment. */
#define HX_RELOAD "hx-get=\"/values/form\" hx-target=\"#value-form\" " \
	"hx-swap=\"outerHTML\" hx-include=\"#value-form select\""

/* Everything the form shows. */
struct view {
	const struct unit_tree	*t;
	const struct unit	*unit;
	struct indicator	*inds;	/* the whole catalogue */
	size_t			 ninds;
	const struct indicator	*ind;	/* selected; NULL if none applies */
	struct period		*pers;	/* periods of ind's type, newest first */
	size_t			 npers;
	const struct period	*per;	/* selected */
	struct agg_value	 stored;
	bool			 has_stored;
	struct value_raw	 raw;	/* what the cells show */
	char			 cells[6][24];
	const struct form_errors *errs;
	const char		*flash;
};

/* An entry being saved: its references and what they resolve to. */
struct entry {
	const struct unit_tree	*t;
	struct value_refs	 refs;
	const struct unit	*unit;
	struct indicator	 ind;
	bool			 has_ind;
	struct period		 per;
	bool			 has_per;
	struct agg_value	 v;
	bool			 created;
};

static int
lang_of(const struct req *r)
{
	return r->lang == LANG_EN;
}

static const char *
unit_label(const struct req *r, const struct unit *u)
{
	return r->lang == LANG_EN && u->name_en[0] ? u->name_en : u->name;
}

/* Append s to b percent-encoded for a query string. */
static void
url_arg(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		    *p == '.')
			buf_putc(b, (char)*p);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

/* Redirect to the form for a value, with a flash flag (saved, locked). */
static void
redirect_to_form(struct req *r, int64_t unit_id, const char *ind,
    const char *per, const char *flag)
{
	struct buf url = BUF_INIT;

	buf_printf(&url, "/values?unit=%lld&indicator=", (long long)unit_id);
	url_arg(&url, ind);
	buf_puts(&url, "&period=");
	url_arg(&url, per);
	buf_printf(&url, "&%s=1", flag);
	resp_redirect(r, url.data);
	buf_release(&url);
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

/* Fill the cells of the form from the stored value. */
static void
view_cells_from_stored(struct view *v)
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

	for (k = 0; k < 6; k++) {
		*slot[k] = NULL;
		if (!set[k])
			continue;
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
static enum err
view_load(struct req *r, struct view *v, int64_t unit_id,
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

static void
view_release(struct view *v)
{
	indicator_list_free(v->inds, v->ninds);
	free(v->pers);
	v->inds = NULL;
	v->pers = NULL;
}

static void
field_message(struct req *r, const struct view *v, const char *name)
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
units_select(struct req *r, const struct view *v)
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
		opts[n].name = unit_label(r, u);
		opts[n].school = unit_kinds[u->kind].school;
		opts[n].group = "";
		if (opts[n].school &&
		    (p = unit_parent(t, i, LINK_ADMIN, today)) != (size_t)-1)
			opts[n].group = unit_label(r, &t->u[p]);
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
indicators_select(struct req *r, const struct view *v)
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
periods_select(struct req *r, const struct view *v)
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
input_cell(struct req *r, const struct view *v, const struct field *f,
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
cells_table(struct req *r, const struct view *v, bool locked)
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
stored_note(struct req *r, const struct view *v)
{
	const struct agg_value *s = &v->stored;
	char rate[32], when[32];

	indicator_format_rate(value_rate(s, v->ind->unit), v->ind->unit,
	    lang_of(r), rate, sizeof(rate));
	format_time(s->entered_at, when, sizeof(when));
	html_fmt(&r->out, "<p>%s: <strong>%s</strong>", v->ind->unit ==
	    IND_UNIT_COUNT ? L(r, "Số lượng đã lưu", "Stored count") :
	    L(r, "Tỷ lệ đã lưu", "Stored rate"), rate);
	if (s->locked)
		html_fmt(&r->out, " · <span class=\"badge st-achieved\">%s</span>",
		    L(r, "Đã khóa", "Locked"));
	if (s->demo)
		html_fmt(&r->out, " · <span class=\"badge demo-badge\">%s</span>",
		    L(r, "dữ liệu mẫu", "demo"));
	html_fmt(&r->out, " · <small class=\"muted\">%s %s</small></p>",
	    L(r, "cập nhật", "updated"), when);
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
values_table(struct req *r, const struct view *v)
{
	struct value_row *rows = NULL;
	bool can_lock = role_can(r->user.role, PERM_VALUE_LOCK);
	char rate[32], when[32];
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
		format_time(row->v.entered_at, when, sizeof(when));
		html_fmt(&r->out, "<tr><td><a href=\"/values?unit=%I&amp;"
		    "indicator=%s&amp;period=%s\">%s</a></td><td>%s</td>"
		    "<td class=\"num\">", v->unit->id, row->indicator,
		    row->period, name, row->period);
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
form_fragment(struct req *r, const struct view *v)
{
	bool locked = v->has_stored && v->stored.locked;

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
static void
form_page(struct req *r, const struct view *v, int status)
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

void
value_page(struct req *r)
{
	struct view v;
	const char *q = req_query(r, "unit");
	int64_t unit_id = r->user.unit_id;
	enum err e;

	memset(&v, 0, sizeof(v));
	if ((v.t = unit_tree_get(r->app, r->db)) == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return;
	}
	if (!str_empty(q) && !str_to_int_range(q, 1, INT64_MAX, &unit_id)) {
		resp_error(r, ERR_INVALID, "Đơn vị: phải là mã số của một đơn vị.",
		    "Unit: must be the id number of a unit.");
		goto out;
	}
	if (!unit_check_scope(r, v.t, unit_id))
		goto out;
	if ((e = view_load(r, &v, unit_id, req_query(r, "indicator"),
	    req_query(r, "period"))) != ERR_OK) {
		resp_error(r, e, "Không đọc được số liệu.",
		    "The values cannot be read.");
		goto out;
	}
	if (!str_empty(req_query(r, "saved")))
		v.flash = L(r, "Đã lưu số liệu.", "The value is saved.");
	else if (!str_empty(req_query(r, "locked")))
		v.flash = L(r, "Đã khóa số liệu.", "The value is locked.");
	form_page(r, &v, 200);
out:
	view_release(&v);
	unit_tree_put(r->app, v.t);
}

/*
 * Resolve and check an entry, then save it.  ERR_FORBIDDEN: the unit is
 * outside the user's scope; ERR_INVALID: errs says why; ERR_LOCKED; ERR_DB.
 */
static enum err
entry_save(struct req *r, const struct value_raw *raw, struct entry *en,
    struct form_errors *errs)
{
	struct value_ctx ctx;
	struct agg_value stored;
	enum err e;

	memset(&ctx, 0, sizeof(ctx));
	(void)value_parse_refs(raw, &en->refs, errs);
	if ((en->t = unit_tree_get(r->app, r->db)) == NULL)
		return ERR_DB;
	if (en->refs.unit_id > 0 &&
	    (en->unit = unit_get(en->t, en->refs.unit_id)) != NULL &&
	    !unit_in_scope(en->t, r->user.unit_id, en->unit->id))
		return ERR_FORBIDDEN;
	if (en->refs.indicator[0] != '\0') {
		e = indicator_get_by_code(r->db, en->refs.indicator, &en->ind);
		if (e != ERR_OK && e != ERR_NOTFOUND)
			return ERR_DB;
		en->has_ind = e == ERR_OK;
	}
	if (en->refs.period[0] != '\0') {
		e = period_get_by_code(r->db, en->refs.period, &en->per);
		if (e != ERR_OK && e != ERR_NOTFOUND)
			return ERR_DB;
		en->has_per = e == ERR_OK;
	}
	ctx.unit = en->unit;
	ctx.ind = en->has_ind ? &en->ind : NULL;
	ctx.per = en->has_per ? &en->per : NULL;
	if (ctx.unit != NULL && ctx.ind != NULL && ctx.per != NULL) {
		e = value_find(r->db, ctx.unit->id, ctx.ind->id, ctx.per->id,
		    &stored);
		if (e != ERR_OK && e != ERR_NOTFOUND)
			return ERR_DB;
		ctx.locked = e == ERR_OK && stored.locked;
	}
	if ((e = value_check(raw, &ctx, &en->v, errs)) != ERR_OK)
		return e;
	return value_save(r->db, &en->v, r->user.id, &en->v.id, &en->created);
}

static void
entry_release(struct req *r, struct entry *en)
{
	indicator_clear(&en->ind);
	unit_tree_put(r->app, en->t);
}

/* Answer the failures of entry_save() that are not field errors. */
static void
entry_fail(struct req *r, const struct entry *en, enum err e)
{
	char vi[256], en_msg[256];

	switch (e) {
	case ERR_FORBIDDEN:
		resp_error(r, e, "Đơn vị: nằm ngoài phạm vi của bạn.",
		    "Unit: outside your scope.");
		break;
	case ERR_LOCKED:
		snprintf(vi, sizeof(vi), "Số liệu của chỉ số %s kỳ %s cho đơn vị "
		    "này đã khóa, không thay đổi được.", en->ind.code,
		    en->per.code);
		snprintf(en_msg, sizeof(en_msg), "The value of indicator %s for "
		    "%s of this unit is locked and cannot be changed.",
		    en->ind.code, en->per.code);
		resp_error(r, e, vi, en_msg);
		break;
	default:
		resp_error(r, ERR_DB, "Không lưu được số liệu.",
		    "The value cannot be saved.");
		break;
	}
}

void
value_post(struct req *r)
{
	struct value_raw raw;
	struct entry en;
	struct view v;
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	enum err e;

	memset(&en, 0, sizeof(en));
	memset(&v, 0, sizeof(v));
	raw.unit = req_form(r, "unit");
	raw.indicator = req_form(r, "indicator");
	raw.period = req_form(r, "period");
	raw.num_m = req_form(r, "num_m");
	raw.num_f = req_form(r, "num_f");
	raw.num_total = req_form(r, "num_total");
	raw.den_m = req_form(r, "den_m");
	raw.den_f = req_form(r, "den_f");
	raw.den_total = req_form(r, "den_total");
	e = entry_save(r, &raw, &en, errs);
	if (e == ERR_OK) {
		redirect_to_form(r, en.v.unit_id, en.ind.code, en.per.code,
		    "saved");
		goto out;
	}
	if (e != ERR_INVALID) {
		entry_fail(r, &en, e);
		goto out;
	}
	/* Show the form again with what was typed and the messages. */
	v.t = en.t;
	if (view_load(r, &v, en.unit != NULL ? en.unit->id : r->user.unit_id,
	    en.has_ind ? en.ind.code : NULL, en.has_per ? en.per.code : NULL) !=
	    ERR_OK || v.ind == NULL) {
		form_errors_respond(r, errs);
		goto out;
	}
	v.raw = raw;
	v.errs = errs;
	form_page(r, &v, 400);
out:
	view_release(&v);
	entry_release(r, &en);
	free(errs);
}

static json_t *
json_opt(bool set, int64_t v)
{
	return set ? json_integer((json_int_t)v) : json_null();
}

static json_t *
value_json(const struct value_row *row)
{
	const struct agg_value *v = &row->v;
	double rate = value_rate(v, row->ind_unit);
	json_t *j;

	j = json_pack("{s:I,s:I,s:s,s:s,s:s,s:I,s:o,s:o,s:o,s:o,s:o,s:b,s:b,"
	    "s:I}", "id", (json_int_t)v->id, "unit", (json_int_t)v->unit_id,
	    "unit_code", row->unit_code, "indicator", row->indicator,
	    "period", row->period, "num_total", (json_int_t)v->num_total,
	    "num_m", json_opt(v->split, v->num_m),
	    "num_f", json_opt(v->split, v->num_f),
	    "den_total", json_opt(v->has_den, v->den_total),
	    "den_m", json_opt(v->split && v->has_den, v->den_m),
	    "den_f", json_opt(v->split && v->has_den, v->den_f),
	    "locked", v->locked, "demo", v->demo,
	    "entered_at", (json_int_t)v->entered_at);
	json_object_set_new(j, "rate", !isnan(rate) ? json_real(rate) :
	    json_null());
	json_object_set_new(j, "entered_by", row->entered_by_name[0] ?
	    json_string(row->entered_by_name) : json_null());
	return j;
}

static void
send_json(struct req *r, int status, json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT);

	resp_json_text(r, status, s);
	free(s);
	json_decref(j);
}

/* Answer with the stored value id of a unit (one row of value_list). */
static void
send_value(struct req *r, int status, const struct agg_value *v)
{
	struct value_row *rows = NULL;
	size_t n = 0;

	if (value_list(r->db, v->unit_id, v->indicator_id, v->period_id, &rows,
	    &n) != ERR_OK || n != 1) {
		resp_error(r, ERR_DB, "Không đọc được số liệu.",
		    "The value cannot be read.");
		free(rows);
		return;
	}
	send_json(r, status, value_json(&rows[0]));
	free(rows);
}

void
value_api_get(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const char *qu = req_query(r, "unit"), *qi = req_query(r, "indicator");
	const char *qp = req_query(r, "period");
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct value_row *rows = NULL;
	struct indicator ind;
	struct period per;
	int64_t unit_id = 0;
	size_t n = 0, i;
	json_t *arr;

	memset(&ind, 0, sizeof(ind));
	memset(&per, 0, sizeof(per));
	if (t == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		goto out;
	}
	if (str_empty(qu))
		form_error(errs, &value_f_unit, "cần nhập (?unit=mã số).",
		    "required (?unit=id).");
	else if (!str_to_int_range(qu, 1, INT64_MAX, &unit_id))
		form_error(errs, &value_f_unit, "phải là mã số của một đơn vị.",
		    "must be the id number of a unit.");
	if (errs->n > 0) {
		form_errors_respond(r, errs);
		goto out;
	}
	if (!unit_check_scope(r, t, unit_id))
		goto out;
	if (!str_empty(qi) && indicator_get_by_code(r->db, qi, &ind) != ERR_OK)
		form_error(errs, &value_f_indicator, "không có chỉ số này.",
		    "there is no such indicator.");
	if (!str_empty(qp) && period_get_by_code(r->db, qp, &per) != ERR_OK)
		form_error(errs, &value_f_period, "không có kỳ này.",
		    "there is no such period.");
	if (errs->n > 0) {
		form_errors_respond(r, errs);
		goto out;
	}
	if (value_list(r->db, unit_id, ind.id, per.id, &rows, &n) != ERR_OK) {
		resp_error(r, ERR_DB, "Không đọc được số liệu.",
		    "The values cannot be read.");
		goto out;
	}
	if (ind.id > 0 && per.id > 0) {
		if (n == 0)
			resp_error(r, ERR_NOTFOUND, "Chưa có số liệu cho chỉ số "
			    "và kỳ này.", "There is no value for this indicator "
			    "and period yet.");
		else
			send_json(r, 200, value_json(&rows[0]));
		goto out;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, value_json(&rows[i]));
	send_json(r, 200, json_pack("{s:o}", "values", arr));
out:
	free(rows);
	free(errs);
	indicator_clear(&ind);
	unit_tree_put(r->app, t);
}

/* JSON members read as text, so the form validators apply to them. */
struct json_fields {
	char		 text[9][64];
};

/*
 * The member key of obj as text for the validators: strings as they are,
 * integers written out, anything else as its JSON (which then fails the
 * check with a message naming the field).  NULL if absent or null.
 */
static const char *
json_member(json_t *obj, const char *key, char *buf, size_t size)
{
	json_t *m = json_object_get(obj, key);
	char *dump;

	if (m == NULL || json_is_null(m))
		return NULL;
	if (json_is_string(m))
		return json_string_value(m);
	if (json_is_integer(m)) {
		snprintf(buf, size, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(m));
		return buf;
	}
	dump = json_dumps(m, JSON_COMPACT | JSON_ENCODE_ANY);
	snprintf(buf, size, "%s", dump != NULL ? dump : "?");
	free(dump);
	return buf;
}

void
value_api_post(struct req *r)
{
	static const char *const keys[9] = { "unit", "indicator", "period",
	    "num_m", "num_f", "num_total", "den_m", "den_f", "den_total" };
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct json_fields *jf = xcalloc(1, sizeof(*jf));
	const char *vals[9];
	struct value_raw raw;
	struct entry en;
	json_error_t jerr;
	json_t *body;
	char vi[320], en_msg[320];
	enum err e;
	int k;

	memset(&en, 0, sizeof(en));
	body = json_loadb(r->body.data, r->body.len, JSON_REJECT_DUPLICATES,
	    &jerr);
	if (body == NULL || !json_is_object(body)) {
		if (body == NULL) {
			snprintf(vi, sizeof(vi), "Nội dung JSON không hợp lệ "
			    "(dòng %d, cột %d): %s.", jerr.line, jerr.column,
			    jerr.text);
			snprintf(en_msg, sizeof(en_msg), "The JSON body is not "
			    "valid (line %d, column %d): %s.", jerr.line,
			    jerr.column, jerr.text);
		} else {
			snprintf(vi, sizeof(vi), "Nội dung JSON phải là một đối "
			    "tượng {\"unit\": …, \"indicator\": …}.");
			snprintf(en_msg, sizeof(en_msg), "The JSON body must be "
			    "an object {\"unit\": …, \"indicator\": …}.");
		}
		resp_error(r, ERR_INVALID, vi, en_msg);
		goto out;
	}
	for (k = 0; k < 9; k++)
		vals[k] = json_member(body, keys[k], jf->text[k],
		    sizeof(jf->text[k]));
	raw.unit = vals[0];
	raw.indicator = vals[1];
	raw.period = vals[2];
	raw.num_m = vals[3];
	raw.num_f = vals[4];
	raw.num_total = vals[5];
	raw.den_m = vals[6];
	raw.den_f = vals[7];
	raw.den_total = vals[8];
	e = entry_save(r, &raw, &en, errs);
	if (e == ERR_INVALID)
		form_errors_respond(r, errs);
	else if (e != ERR_OK)
		entry_fail(r, &en, e);
	else
		send_value(r, en.created ? 201 : 200, &en.v);
out:
	json_decref(body);
	entry_release(r, &en);
	free(jf);
	free(errs);
}

void
value_lock_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct agg_value v;
	struct indicator ind;
	struct period per;
	enum err e;

	memset(&ind, 0, sizeof(ind));
	if (t == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		goto out;
	}
	if ((e = value_get(r->db, r->params[0], &v)) != ERR_OK) {
		resp_error(r, e, "Không có số liệu này.", "No such value.");
		goto out;
	}
	if (!unit_check_scope(r, t, v.unit_id))
		goto out;
	if ((e = value_lock(r->db, v.id, r->user.id)) != ERR_OK) {
		resp_error(r, e, "Không khóa được số liệu.",
		    "The value cannot be locked.");
		goto out;
	}
	if (r->wants_json) {
		send_value(r, 200, &v);
		goto out;
	}
	if (indicator_get(r->db, v.indicator_id, &ind) != ERR_OK ||
	    period_get(r->db, v.period_id, &per) != ERR_OK) {
		resp_redirect(r, "/values");
		goto out;
	}
	redirect_to_form(r, v.unit_id, ind.code, per.code, "locked");
out:
	indicator_clear(&ind);
	unit_tree_put(r->app, t);
}
