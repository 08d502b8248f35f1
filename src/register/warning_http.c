/*
 * warning_http.c -- the principal's early-warning list: the children of a
 * school year at risk of dropping out, each with the reasons that hold,
 * and the school's thresholds as settings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "http/req.h"
#include "register/register_http.h"
#include "register/register_int.h"
#include "register/warning.h"
#include "render/html.h"
#include "render/layout.h"

static void
number_field(struct req *r, const struct field *f, int v, int max)
{
	html_fmt(&r->out, "<label>%s<input type=\"number\" name=\"%s\" min=\"1\" "
	    "max=\"%d\" value=\"%d\" required></label>", L(r, f->label_vi,
	    f->label_en), f->name, max, v);
}

static void
flag_field(struct req *r, const struct field *f, bool on)
{
	html_fmt(&r->out, "<label><input type=\"checkbox\" name=\"%s\" value=\"1\""
	    "%s> %s</label>", f->name, on ? " checked" : "",
	    L(r, f->label_vi, f->label_en));
}

static void
settings_form(struct req *r, const struct reg_school *s,
    const struct warn_settings *ws)
{
	html_fmt(&r->out, "<details id=\"settings\"><summary>%s</summary>"
	    "<form method=\"post\" action=\"/units/%I/register/settings\">",
	    L(r, "Ngưỡng cảnh báo của trường", "The school's thresholds"),
	    s->u->id);
	html_csrf_input(r);
	html_fmt(&r->out, "<input type=\"hidden\" name=\"year\" value=\"%s\">"
	    "<div class=\"grid\">", s->year.code);
	number_field(r, &warn_f_absence_days, ws->absence_days,
	    ABSENCE_DAYS_MAX);
	number_field(r, &warn_f_unexcused_days, ws->unexcused_days,
	    ABSENCE_DAYS_MAX);
	number_field(r, &warn_f_over_age_years, ws->over_age_years, 10);
	number_field(r, &warn_f_repeats, ws->repeats, 10);
	html_lit(&r->out, "</div><fieldset>");
	flag_field(r, &warn_f_circumstance, ws->circumstance);
	flag_field(r, &warn_f_disability, ws->disability);
	flag_field(r, &warn_f_poor, ws->poor);
	html_fmt(&r->out, "</fieldset><button type=\"submit\">%s</button></form>"
	    "</details>", L(r, "Lưu ngưỡng", "Save the thresholds"));
}

void
warning_page(struct req *r)
{
	struct warn_row *w = NULL;
	struct warn_settings ws;
	struct reg_school s;
	char text[256], title[320];
	size_t n = 0, i;
	int k;

	if (!reg_school_load(r, r->params[0], req_query(r, "year"), &s))
		goto out;
	if (warn_settings_get(r->db, s.u->id, &ws) != ERR_OK ||
	    warn_list(r->db, s.u->id, &s.year, &ws, &w, &n) != ERR_OK) {
		resp_error(r, ERR_DB, "Không đọc được danh sách cảnh báo.",
		    "The early-warning list cannot be read.");
		goto out;
	}
	snprintf(title, sizeof(title), "%s — %s", L(r, "Cảnh báo sớm",
	    "Early warning"), reg_unit_name(r, s.u));
	page_begin(r, title);
	html_fmt(&r->out, "<hgroup><h1>%s</h1><p><a href=\"/units/%I/register?"
	    "year=%s\">%s</a> · %s %s</p></hgroup>", L(r, "Trẻ có nguy cơ bỏ học",
	    "Children at risk of dropping out"), s.u->id, s.year.code,
	    reg_unit_name(r, s.u), L(r, "năm học", "school year"),
	    s.year.code);
	if (!str_empty(req_query(r, "saved")))
		html_fmt(&r->out, "<p class=\"flash\">%s</p>",
		    L(r, "Đã lưu ngưỡng cảnh báo.", "The thresholds are saved."));
	settings_form(r, &s, &ws);
	html_fmt(&r->out, "<p class=\"muted\">%s: %d</p>",
	    L(r, "Số trẻ cần quan tâm", "Children to follow"), (int)n);
	if (n > 0) {
		html_fmt(&r->out, "<table class=\"compact warnings\"><thead><tr>"
		    "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
		    L(r, "Họ và tên", "Full name"), L(r, "Lớp", "Class"),
		    L(r, "Lý do", "Reasons"));
		for (i = 0; i < n; i++) {
			html_fmt(&r->out, "<tr><td><a href=\"/children/%I\">%s</a>"
			    "</td><td>%s</td><td><ul class=\"reasons\">",
			    w[i].r.child_id, w[i].r.full_name,
			    w[i].r.class_name);
			for (k = 0; k < WARN__MAX; k++) {
				if (!(w[i].reasons & (1u << k)))
					continue;
				warn_reason_text((enum warn_reason)k, &ws,
				    &w[i].in, r->lang == LANG_EN, text,
				    sizeof(text));
				html_fmt(&r->out, "<li>%s</li>", text);
			}
			html_lit(&r->out, "</ul></td></tr>");
		}
		html_lit(&r->out, "</tbody></table>");
	}
	page_end(r);
	resp_html(r, 200);
out:
	free(w);
	reg_school_release(r, &s);
}

void
warning_settings_post(struct req *r)
{
	struct warn_settings_raw raw = { req_form(r, "absence_days"),
	    req_form(r, "unexcused_days"), req_form(r, "over_age_years"),
	    req_form(r, "repeats"), req_form(r, "flag_circumstance"),
	    req_form(r, "flag_disability"), req_form(r, "flag_poor") };
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct warn_settings ws;
	struct reg_school s;
	struct buf url = BUF_INIT;
	enum err e;

	if (!reg_school_load(r, r->params[0], req_form(r, "year"), &s))
		goto out;
	buf_printf(&url, "/units/%lld/register/warnings?year=",
	    (long long)s.u->id);
	html_url_arg(&url, s.year.code);
	if (!warn_settings_check(&raw, &ws, errs)) {
		reg_errors_page(r, errs, url.data);
		goto out;
	}
	if ((e = warn_settings_save(r->db, s.u->id, &ws, r->user.id)) !=
	    ERR_OK) {
		reg_fail(r, e);
		goto out;
	}
	buf_puts(&url, "&saved=1");
	resp_redirect(r, url.data);
out:
	buf_release(&url);
	free(errs);
	reg_school_release(r, &s);
}
