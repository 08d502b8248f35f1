/*
 * growth_entry.c -- entering a measurement session for a class: the grid
 * (one row per child of the class from the register, the last values
 * beside the inputs, a warning at once through htmx when a row changes),
 * its check and save, and the same session as JSON for the API.
 *
 * Nothing is written unless every row is good and every warning is
 * confirmed; a refused session comes back with the values as typed and a
 * message naming the row and the field (HTML), or the rows as JSON.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "growth/growth_http.h"
#include "growth/growth_int.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"
#include "render/numfmt.h"
#include "units/unit_http.h"

/* Most rows of one session (a class is far smaller). */
#define SESSION_MAX_ROWS	500

bool
growth_date_check(const struct period *year, const char *raw, char out[11],
    const struct growth_where *w, struct growth_issues *iss)
{
	const char *col = w != NULL ? w->col_date : NULL;
	char today[11], vi[200], en[200];

	out[0] = '\0';
	if (str_empty(raw)) {
		growth_issue_add(iss, w, 0, &growth_f_date, col, false,
		    "cần nhập.", "required.");
		return false;
	}
	if (strlen(raw) != 10 || !str_is_date(raw)) {
		growth_issue_add(iss, w, 0, &growth_f_date, col, false,
		    "phải là một ngày có thật, dạng 2025-09-15.",
		    "must be a real date, written 2025-09-15.");
		return false;
	}
	date_today(today);
	if (strcmp(raw, today) > 0) {
		growth_issue_add(iss, w, 0, &growth_f_date, col, false,
		    "ở tương lai.", "is in the future.");
		return false;
	}
	if (strcmp(raw, year->start_on) < 0 || strcmp(raw, year->end_on) > 0) {
		snprintf(vi, sizeof(vi), "không thuộc năm học %s (%s đến %s).",
		    year->code, year->start_on, year->end_on);
		snprintf(en, sizeof(en), "is not in the school year %s (%s to "
		    "%s).", year->code, year->start_on, year->end_on);
		growth_issue_add(iss, w, 0, &growth_f_date, col, false, vi,
		    en);
		return false;
	}
	memcpy(out, raw, 11);
	return true;
}

static const struct roster_row *
kid_of(const struct gclass *g, int64_t child_id)
{
	size_t i;

	for (i = 0; i < g->nkids; i++)
		if (g->kids[i].child_id == child_id)
			return &g->kids[i];
	return NULL;
}

bool
growth_session_check(struct req *r, const struct gclass *g, const char *date,
    const struct gsession_row *rows, size_t n, struct growth_meas *meas,
    size_t *nmeas, struct growth_issues *iss)
{
	struct growth_where w;
	struct growth_subject c;
	struct growth_prev prev;
	const struct roster_row *kid;
	char vi[256], en[256];
	size_t i, k;
	enum growth_row rc;

	*nmeas = 0;
	for (i = 0; i < n; i++) {
		memset(&w, 0, sizeof(w));
		w.row = i + 1;
		if ((kid = kid_of(g, rows[i].child_id)) == NULL) {
			snprintf(vi, sizeof(vi), "trẻ mã số %lld không học lớp "
			    "%s năm học %s (hoặc không có trẻ này).",
			    (long long)rows[i].child_id, g->cls, g->s.year.code);
			snprintf(en, sizeof(en), "child %lld is not in class %s "
			    "in %s (or does not exist).",
			    (long long)rows[i].child_id, g->cls, g->s.year.code);
			growth_issue_add(iss, &w, rows[i].child_id,
			    &growth_f_child, NULL, false, vi, en);
			continue;
		}
		w.who = kid->full_name;
		for (k = 0; k < i; k++)
			if (rows[k].child_id == rows[i].child_id)
				break;
		if (k < i) {
			growth_issue_add(iss, &w, kid->child_id, &growth_f_child,
			    NULL, false, "có hai lần trong buổi cân đo.",
			    "appears twice in the session.");
			continue;
		}
		if (growth_prev_get(r->db, kid->child_id, date, &prev) !=
		    ERR_OK) {
			growth_issue_add(iss, &w, kid->child_id, &growth_f_child,
			    NULL, false, "không đọc được số đo trước.",
			    "the previous measurement cannot be read.");
			continue;
		}
		c.id = kid->child_id;
		c.name = kid->full_name;
		c.sex = kid->sex;
		c.birth = kid->birth_date;
		rc = growth_row_check(&rows[i].raw, &c, date, &prev, &w,
		    &meas[*nmeas], iss);
		if (rc == GROWTH_ROW_OK || rc == GROWTH_ROW_WARN)
			(*nmeas)++;
	}
	if (iss->errors == 0 && *nmeas == 0)
		growth_issue_add(iss, NULL, 0, &growth_f_weight, NULL, false,
		    "chưa nhập số đo của trẻ nào.",
		    "no child's measurement was entered.");
	return iss->total == 0;
}

/* --- the grid ------------------------------------------------------------ */

/* The form value of a row's field: "w_123". */
static const char *
row_value(struct req *r, char what, int64_t child_id)
{
	char key[32];

	snprintf(key, sizeof(key), "%c_%lld", what, (long long)child_id);
	return req_form(r, key);
}

/* The measurements of a row's child as typed, or as stored. */
struct grid_row {
	const struct roster_row	*kid;
	struct growth_prev	 prev;
	struct growth_meas	 stored;	/* on the date */
	bool			 has_stored;
};

static void
row_messages(struct req *r, const struct growth_issues *iss, int64_t child_id,
    const struct grid_row *gr, bool typed)
{
	size_t i;

	for (i = 0; i < iss->n; i++)
		if (iss->v[i].child_id == child_id)
			html_fmt(&r->out, "<small class=\"%s\">%s: %s</small>",
			    iss->v[i].warning ? "growth-warning" :
			    "field-error", L(r, iss->v[i].f->label_vi,
			    iss->v[i].f->label_en), L(r, iss->v[i].vi,
			    iss->v[i].en));
	if (!typed && gr != NULL && gr->has_stored && gr->stored.confirmed)
		html_fmt(&r->out, "<small class=\"growth-warning\">%s</small>",
		    L(r, "Giá trị bất thường, đã được xác nhận.",
		    "An implausible value, confirmed."));
}

/* A number for an input: as typed, or the stored one. */
static void
input_value(struct req *r, const char *typed, double stored, int dec,
    char out[NUMFMT_MAX])
{
	if (typed != NULL)
		snprintf(out, NUMFMT_MAX, "%s", typed);
	else if (!isnan(stored))
		numfmt_dec(out, stored, dec, r->lang == LANG_EN);
	else
		out[0] = '\0';
}

static void
grid_row_html(struct req *r, const struct gclass *g, size_t row,
    const struct grid_row *gr, const char *date, bool typed,
    const struct growth_issues *iss)
{
	const struct roster_row *k = gr->kid;
	char w[NUMFMT_MAX], h[NUMFMT_MAX], d[NUMFMT_MAX], a[NUMFMT_MAX];
	const char *pos, *oed, *conf;
	bool lying, oedema, confirmed;
	int64_t id = k->child_id;

	input_value(r, typed ? row_value(r, 'w', id) : NULL, gr->has_stored ?
	    gr->stored.weight : NAN, 2, w);
	input_value(r, typed ? row_value(r, 'h', id) : NULL, gr->has_stored ?
	    gr->stored.lenhei : NAN, 1, h);
	pos = typed ? row_value(r, 'p', id) : NULL;
	if (pos != NULL)
		lying = strcmp(pos, "l") == 0;
	else if (gr->has_stored && gr->stored.measure != ZS_MEASURE_MISSING)
		lying = gr->stored.measure == ZS_LYING;
	else
		lying = str_is_date(date) && date_days(date) -
		    date_days(k->birth_date) < GROWTH_STANDING_DAYS;
	oed = typed ? row_value(r, 'o', id) : NULL;
	oedema = typed ? !str_empty(oed) : gr->has_stored && gr->stored.oedema;
	conf = typed ? row_value(r, 'c', id) : NULL;
	confirmed = typed ? !str_empty(conf) : gr->has_stored &&
	    gr->stored.confirmed;

	html_fmt(&r->out, "<tr id=\"row-%I\" hx-post=\"/units/%I/growth/check\" "
	    "hx-trigger=\"change\" hx-target=\"#warn-%I\" hx-swap=\"innerHTML\" "
	    "hx-vals='{\"child\": \"%I\", \"row\": \"%d\"}'><td>%d</td>"
	    "<td>%s<br><small class=\"muted\">%s %s</small></td><td><small>",
	    id, g->s.u->id, id, id, (int)row, (int)row, k->full_name,
	    k->sex == CHILD_SEX_F ? L(r, "nữ", "girl") : L(r, "nam", "boy"),
	    numfmt_date(d, k->birth_date));
	if (gr->prev.has) {
		html_fmt(&r->out, "%s:", numfmt_date(d, gr->prev.measured_on));
		if (!isnan(gr->prev.weight))
			html_fmt(&r->out, " %s kg", numfmt_dec(a, gr->prev.weight,
			    2, r->lang == LANG_EN));
		if (!isnan(gr->prev.lenhei))
			html_fmt(&r->out, " · %s cm", numfmt_dec(a,
			    gr->prev.lenhei, 1, r->lang == LANG_EN));
	} else
		html_fmt(&r->out, "<span class=\"muted\">%s</span>",
		    L(r, "chưa có", "none"));
	html_fmt(&r->out, "</small></td>"
	    "<td><input name=\"w_%I\" value=\"%s\" inputmode=\"decimal\" "
	    "autocomplete=\"off\" size=\"5\" placeholder=\"kg\" "
	    "aria-label=\"%s, %s\"></td>"
	    "<td><input name=\"h_%I\" value=\"%s\" inputmode=\"decimal\" "
	    "autocomplete=\"off\" size=\"5\" placeholder=\"cm\" "
	    "aria-label=\"%s, %s\"></td>"
	    "<td><select name=\"p_%I\" aria-label=\"%s, %s\">"
	    "<option value=\"l\"%s>%s</option><option value=\"h\"%s>%s</option>"
	    "</select></td>"
	    "<td><input type=\"checkbox\" name=\"o_%I\" value=\"1\"%s "
	    "aria-label=\"%s, %s\"></td><td><div id=\"warn-%I\" "
	    "class=\"growth-msg\" aria-live=\"polite\">",
	    id, w, L(r, growth_f_weight.label_vi, growth_f_weight.label_en),
	    k->full_name,
	    id, h, L(r, growth_f_lenhei.label_vi, growth_f_lenhei.label_en),
	    k->full_name,
	    id, L(r, growth_f_position.label_vi, growth_f_position.label_en),
	    k->full_name, lying ? " selected" : "", L(r, "nằm", "lying"),
	    lying ? "" : " selected", L(r, "đứng", "standing"),
	    id, oedema ? " checked" : "", L(r, growth_f_oedema.label_vi,
	    growth_f_oedema.label_en), k->full_name, id);
	row_messages(r, iss, id, gr, typed);
	html_fmt(&r->out, "</div><label class=\"growth-confirm\"><input "
	    "type=\"checkbox\" name=\"c_%I\" value=\"1\"%s> %s</label></td>"
	    "</tr>", id, confirmed ? " checked" : "", L(r, "xác nhận đúng",
	    "confirm it is right"));
}

/*
 * The session page: the grid for date, with what was typed (typed) or
 * what is stored on that date, and the problems found (iss, may be
 * empty).  status 200 or 400.
 */
static void
grid_page(struct req *r, const struct gclass *g, const char *date,
    bool typed, const struct growth_issues *iss, int status)
{
	struct grid_row *gr = xcalloc(g->nkids + 1, sizeof(*gr));
	struct buf url = BUF_INIT;
	char title[256], today[11];
	bool logged = true;
	size_t i;

	/* The last values shown are a view of each child's measurements:
	 * read them, and log the views, before the page. */
	for (i = 0; i < g->nkids; i++) {
		gr[i].kid = &g->kids[i];
		(void)growth_prev_get(r->db, gr[i].kid->child_id, date,
		    &gr[i].prev);
		gr[i].has_stored = !typed && growth_on(r->db,
		    gr[i].kid->child_id, date, &gr[i].stored) == ERR_OK;
	}
	if (db_begin(r->db) != ERR_OK)
		logged = false;
	for (i = 0; i < g->nkids && logged; i++)
		if ((gr[i].prev.has || gr[i].has_stored) &&
		    growth_log_view(r->db, gr[i].kid->child_id, r->user.id) !=
		    ERR_OK)
			logged = false;
	if (!logged || db_commit(r->db) != ERR_OK) {
		db_rollback(r->db);
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		free(gr);
		return;
	}

	snprintf(title, sizeof(title), "%s — %s %s, %s", L(r, "Buổi cân đo",
	    "Measurement session"), L(r, "lớp", "class"), g->cls,
	    g->s.year.code);
	page_begin(r, title);
	buf_printf(&url, "/units/%lld/growth/class?year=",
	    (long long)g->s.u->id);
	html_url_arg(&url, g->s.year.code);
	buf_puts(&url, "&class=");
	html_url_arg(&url, g->cls);
	html_fmt(&r->out, "<h1>%s</h1><p><a href=\"%s\">%s</a></p>", title,
	    url.data, L(r, "Danh sách lớp và số đo", "The class and its "
	    "measurements"));
	growth_issues_html(r, iss);
	date_today(today);
	html_fmt(&r->out, "<form method=\"post\" action=\"/units/%I/growth/"
	    "session\" class=\"growth-session\">", g->s.u->id);
	html_csrf_input(r);
	html_fmt(&r->out, "<input type=\"hidden\" name=\"year\" value=\"%s\">"
	    "<input type=\"hidden\" name=\"class\" value=\"%s\">"
	    "<label>%s <input type=\"date\" name=\"date\" value=\"%s\" "
	    "min=\"%s\" max=\"%s\" required></label>"
	    "<p class=\"muted\"><small>%s</small></p>"
	    "<div class=\"overflow-auto\"><table class=\"compact growth-grid\">"
	    "<thead><tr><th>#</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	    g->s.year.code, g->cls, L(r, growth_f_date.label_vi,
	    growth_f_date.label_en), date, g->s.year.start_on,
	    strcmp(today, g->s.year.end_on) < 0 ? today : g->s.year.end_on,
	    L(r, "Mỗi trẻ một dòng; phím Tab đi dọc dòng. Để trống dòng của "
	    "trẻ vắng mặt. Nhập số thập phân bằng dấu phẩy hoặc dấu chấm. Giá "
	    "trị bất thường được cảnh báo ngay; nếu đúng, đánh dấu «xác nhận "
	    "đúng».", "One row per child; Tab moves along the row. Leave the "
	    "row of an absent child empty. Decimals with a comma or a point. "
	    "An implausible value is flagged at once; if it is right, tick "
	    "\"confirm it is right\"."), L(r, "Trẻ", "Child"),
	    L(r, "Lần trước", "Last time"), L(r, growth_f_weight.label_vi,
	    growth_f_weight.label_en), L(r, growth_f_lenhei.label_vi,
	    growth_f_lenhei.label_en), L(r, growth_f_position.label_vi,
	    growth_f_position.label_en), L(r, growth_f_oedema.label_vi,
	    growth_f_oedema.label_en), L(r, "Kiểm tra", "Check"));
	for (i = 0; i < g->nkids; i++)
		grid_row_html(r, g, i + 1, &gr[i], date, typed, iss);
	html_fmt(&r->out, "</tbody></table></div><button type=\"submit\">%s"
	    "</button></form>", L(r, "Lưu buổi cân đo", "Save the session"));
	page_end(r);
	resp_html(r, status);
	buf_release(&url);
	free(gr);
}

void
growth_session_form(struct req *r)
{
	struct growth_issues iss;
	struct gclass g;
	char today[11], date[11], back[48];
	const char *q = req_query(r, "date");

	memset(&iss, 0, sizeof(iss));
	if (!gclass_load(r, r->params[0], true, &g))
		goto out;
	date_today(today);
	if (!str_empty(q)) {
		if (!growth_date_check(&g.s.year, q, date, NULL, &iss)) {
			snprintf(back, sizeof(back), "/units/%lld/growth",
			    (long long)g.s.u->id);
			growth_issues_respond(r, &iss, back);
			goto out;
		}
	} else {
		/* Today, kept inside the school year. */
		snprintf(date, sizeof(date), "%s", strcmp(today,
		    g.s.year.end_on) > 0 ? g.s.year.end_on :
		    strcmp(today, g.s.year.start_on) < 0 ? g.s.year.start_on :
		    today);
	}
	grid_page(r, &g, date, false, &iss, 200);
out:
	growth_issues_free(&iss);
	gclass_release(r, &g);
}

/* The rows of the posted grid: the class's children in order, then any
 * other child named by a field (refused by the check). */
static struct gsession_row *
form_rows(struct req *r, const struct gclass *g, size_t *n)
{
	struct gsession_row *rows = xcalloc(g->nkids + r->form.n + 1,
	    sizeof(*rows));
	size_t i, k;
	int64_t id;

	*n = 0;
	for (i = 0; i < g->nkids; i++)
		rows[(*n)++].child_id = g->kids[i].child_id;
	for (i = 0; i < r->form.n; i++) {
		const char *key = r->form.v[i].key;

		if (key[0] == '\0' || strchr("whpoc", key[0]) == NULL ||
		    key[1] != '_' || !str_to_int_range(key + 2, 1, INT64_MAX,
		    &id))
			continue;
		for (k = 0; k < *n; k++)
			if (rows[k].child_id == id)
				break;
		if (k == *n && *n < SESSION_MAX_ROWS)
			rows[(*n)++].child_id = id;
	}
	for (i = 0; i < *n; i++) {
		id = rows[i].child_id;
		rows[i].raw.weight = row_value(r, 'w', id);
		rows[i].raw.lenhei = row_value(r, 'h', id);
		rows[i].raw.position = row_value(r, 'p', id);
		rows[i].raw.oedema = row_value(r, 'o', id);
		rows[i].raw.confirm = row_value(r, 'c', id);
	}
	return rows;
}

/* Save the checked measurements as one session of class g; drop: the
 * children whose rows were emptied.  ERR_* of growth_save_class(). */
static enum err
save_session(struct req *r, const struct gclass *g, const char *date,
    struct growth_meas *meas, size_t n, const int64_t *drop, size_t ndrop,
    struct growth_session *s)
{
	memset(s, 0, sizeof(*s));
	s->unit_id = g->s.u->id;
	s->period_id = g->s.year.id;
	snprintf(s->class_name, sizeof(s->class_name), "%s", g->cls);
	snprintf(s->measured_on, sizeof(s->measured_on), "%s", date);
	return growth_save_class(r->db, s, meas, n, drop, ndrop, r->user.id);
}

void
growth_session_post(struct req *r)
{
	struct growth_issues iss;
	struct growth_session s;
	struct gsession_row *rows = NULL;
	struct growth_meas *meas = NULL;
	struct buf url = BUF_INIT;
	struct gclass g;
	int64_t *drop = NULL;
	char date[11];
	size_t n = 0, nmeas = 0, ndrop = 0, i;

	memset(&iss, 0, sizeof(iss));
	if (!gclass_load(r, r->params[0], true, &g))
		goto out;
	rows = form_rows(r, &g, &n);
	meas = xcalloc(n + 1, sizeof(*meas));
	if (!growth_date_check(&g.s.year, req_form(r, "date"), date, NULL,
	    &iss) ||
	    !growth_session_check(r, &g, date, rows, n, meas, &nmeas, &iss)) {
		grid_page(r, &g, date[0] ? date : g.s.year.start_on, true, &iss,
		    400);
		goto out;
	}
	/* A row emptied in the grid removes what the day had for the child. */
	drop = xcalloc(n + 1, sizeof(*drop));
	for (i = 0; i < n; i++)
		if (growth_raw_empty(&rows[i].raw))
			drop[ndrop++] = rows[i].child_id;
	if (save_session(r, &g, date, meas, nmeas, drop, ndrop, &s) !=
	    ERR_OK) {
		resp_error(r, ERR_DB, "Không lưu được buổi cân đo.",
		    "The session cannot be saved.");
		goto out;
	}
	buf_printf(&url, "/units/%lld/growth/class?year=",
	    (long long)g.s.u->id);
	html_url_arg(&url, g.s.year.code);
	buf_puts(&url, "&class=");
	html_url_arg(&url, g.cls);
	buf_puts(&url, "&saved=1");
	resp_redirect(r, url.data);
out:
	free(rows);
	free(meas);
	free(drop);
	buf_release(&url);
	growth_issues_free(&iss);
	gclass_release(r, &g);
}

void
growth_check_post(struct req *r)
{
	struct growth_issues iss;
	struct growth_meas *meas = NULL;
	struct gsession_row row;
	struct gclass g;
	char date[11];
	int64_t id = 0, rownum = 0;
	size_t n = 0, i;

	memset(&iss, 0, sizeof(iss));
	if (!gclass_load(r, r->params[0], true, &g))
		goto out;
	if (!str_to_int_range(req_form(r, "child"), 1, INT64_MAX, &id) ||
	    !str_to_int_range(req_form(r, "row"), 1, SESSION_MAX_ROWS,
	    &rownum)) {
		resp_error(r, ERR_INVALID, "Trẻ: thiếu mã số trẻ hoặc số dòng.",
		    "Child: the child's id or the row number is missing.");
		goto out;
	}
	memset(&row, 0, sizeof(row));
	row.child_id = id;
	row.raw.weight = row_value(r, 'w', id);
	row.raw.lenhei = row_value(r, 'h', id);
	row.raw.position = row_value(r, 'p', id);
	row.raw.oedema = row_value(r, 'o', id);
	row.raw.confirm = row_value(r, 'c', id);
	meas = xcalloc(2, sizeof(*meas));
	if (growth_date_check(&g.s.year, req_form(r, "date"), date, NULL,
	    &iss))
		(void)growth_session_check(r, &g, date, &row, 1, meas, &n,
		    &iss);
	/* The fragment: this row's messages (the date's too). */
	for (i = 0; i < iss.n; i++) {
		char text[1024];

		/* "no child measured" is about the session, not the row. */
		if (iss.v[i].row == 0 && iss.v[i].f != &growth_f_date)
			continue;
		iss.v[i].row = (size_t)rownum;
		growth_issue_text(&iss.v[i], r->lang == LANG_EN, text,
		    sizeof(text));
		html_fmt(&r->out, "<small class=\"%s\">%s</small>",
		    iss.v[i].warning ? "growth-warning" : "field-error", text);
	}
	resp_html(r, 200);
out:
	free(meas);
	growth_issues_free(&iss);
	gclass_release(r, &g);
}

/* --- the API ---------------------------------------------------------------- */

/* Text of a JSON value for the row checks (numbers as typed would be). */
static const char *
json_text(json_t *v, char *buf, size_t size, bool *bad)
{
	*bad = false;
	if (v == NULL || json_is_null(v))
		return NULL;
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, size, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		return buf;
	}
	if (json_is_real(v)) {
		snprintf(buf, size, "%.17g", json_real_value(v));
		return buf;
	}
	if (json_is_boolean(v))
		return json_is_true(v) ? "1" : "0";
	*bad = true;
	return NULL;
}

/* The texts of one JSON row (kept for the checks). */
struct jrow {
	char	 w[40], h[40], p[40], o[40], c[40];
};

void
growth_api_session_post(struct req *r)
{
	static const char *const keys[] = { "weight", "lenhei", "position",
	    "oedema", "confirm" };
	static const struct field *const fields[] = { &growth_f_weight,
	    &growth_f_lenhei, &growth_f_position, &growth_f_oedema,
	    &growth_f_confirm };
	struct growth_issues iss;
	struct growth_session s;
	struct gsession_row *rows = NULL;
	struct growth_meas *meas = NULL;
	struct jrow *texts = NULL;
	struct growth_where w;
	struct gclass g;
	json_error_t jerr;
	const struct unit_tree *t;
	json_t *body, *list, *item, *out, *arr;
	char date[11], buf[64];
	const char *v;
	size_t n = 0, nmeas = 0, i, k;
	bool bad, scoped;

	memset(&iss, 0, sizeof(iss));
	memset(&g, 0, sizeof(g));
	/* The unit's scope before anything about the body. */
	if ((t = unit_tree_get(r->app, r->db)) == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return;
	}
	scoped = unit_check_scope(r, t, r->params[0]);
	unit_tree_put(r->app, t);
	if (!scoped)
		return;
	body = json_loadb(r->body.data, r->body.len, JSON_REJECT_DUPLICATES,
	    &jerr);
	if (body == NULL || !json_is_object(body)) {
		resp_error(r, ERR_INVALID, "Nội dung phải là một đối tượng JSON "
		    "{\"year\", \"class\", \"date\", \"measurements\": [...]}.",
		    "The body must be a JSON object {\"year\", \"class\", "
		    "\"date\", \"measurements\": [...]}.");
		goto out;
	}
	/* The session's fields as if posted in a form. */
	if ((v = json_text(json_object_get(body, "year"), buf, sizeof(buf),
	    &bad)) != NULL)
		kvlist_add(&r->form, "year", v);
	if ((v = json_text(json_object_get(body, "class"), buf, sizeof(buf),
	    &bad)) != NULL)
		kvlist_add(&r->form, "class", v);
	if (!gclass_load(r, r->params[0], true, &g))
		goto out;
	list = json_object_get(body, "measurements");
	if (!json_is_array(list) || json_array_size(list) == 0 ||
	    json_array_size(list) > SESSION_MAX_ROWS) {
		growth_issue_add(&iss, NULL, 0, &growth_f_child, NULL, false,
		    "\"measurements\" phải là một mảng từ 1 đến 500 dòng.",
		    "\"measurements\" must be an array of 1 to 500 rows.");
		growth_issues_respond(r, &iss, "/");
		goto out;
	}
	n = json_array_size(list);
	rows = xcalloc(n, sizeof(*rows));
	texts = xcalloc(n, sizeof(*texts));
	meas = xcalloc(n, sizeof(*meas));
	json_array_foreach(list, i, item) {
		char *slot[5] = { texts[i].w, texts[i].h, texts[i].p,
		    texts[i].o, texts[i].c };
		const char **dst[5] = { &rows[i].raw.weight,
		    &rows[i].raw.lenhei, &rows[i].raw.position,
		    &rows[i].raw.oedema, &rows[i].raw.confirm };
		json_t *child = json_object_get(item, "child");

		memset(&w, 0, sizeof(w));
		w.row = i + 1;
		if (!json_is_object(item) || !json_is_integer(child) ||
		    json_integer_value(child) <= 0) {
			growth_issue_add(&iss, &w, 0, &growth_f_child, NULL,
			    false, "cần mã số trẻ (\"child\": một số).",
			    "the child's id is required (\"child\": a number).");
			rows[i].child_id = -1;
			continue;
		}
		rows[i].child_id = json_integer_value(child);
		for (k = 0; k < 5; k++) {
			v = json_text(json_object_get(item, keys[k]), slot[k],
			    40, &bad);
			if (bad)
				growth_issue_add(&iss, &w, rows[i].child_id,
				    fields[k], NULL, false, "phải là một số, "
				    "một chuỗi hoặc true/false.", "must be a "
				    "number, a string or true/false.");
			/* json_text may return a string of the body. */
			if (v != NULL && v != slot[k])
				snprintf(slot[k], 40, "%s", v);
			*dst[k] = v != NULL ? slot[k] : NULL;
		}
	}
	if (!growth_date_check(&g.s.year, json_string_value(json_object_get(
	    body, "date")), date, NULL, &iss) || iss.total > 0 ||
	    !growth_session_check(r, &g, date, rows, n, meas, &nmeas, &iss)) {
		growth_issues_respond(r, &iss, "/");
		goto out;
	}
	if (save_session(r, &g, date, meas, nmeas, NULL, 0, &s) != ERR_OK) {
		resp_error(r, ERR_DB, "Không lưu được buổi cân đo.",
		    "The session cannot be saved.");
		goto out;
	}
	arr = json_array();
	for (i = 0; i < nmeas; i++) {
		json_t *j = growth_meas_json(&meas[i]);

		json_object_set_new(j, "child",
		    json_integer((json_int_t)meas[i].child_id));
		json_array_append_new(arr, j);
	}
	out = json_pack("{s:{s:I,s:I,s:s,s:s,s:s},s:o}", "session", "id",
	    (json_int_t)s.id, "unit", (json_int_t)s.unit_id, "year",
	    g.s.year.code, "class", s.class_name, "date", s.measured_on,
	    "measurements", arr);
	growth_json_respond(r, 201, out);
out:
	free(rows);
	free(texts);
	free(meas);
	growth_issues_free(&iss);
	gclass_release(r, &g);
	json_decref(body);
}
