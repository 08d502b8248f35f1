/*
 * growth_html.c -- small HTML and JSON pieces the growth pages share: a
 * z-score cell, classification badges, the values of a measurement, the
 * list of problems of a session and its 400 answer.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "growth/growth_int.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"
#include "render/numfmt.h"

const char *
growth_level_label(enum zs_dim d, enum zs_level l, int lang)
{
	static const struct {
		const char	*code, *en;
	} en[] = {
		{ "severe_stunting", "severe stunting" },
		{ "stunting", "stunting" },
		{ "severe_underweight", "severe underweight" },
		{ "underweight", "underweight" },
		{ "severe_wasting", "severe wasting" },
		{ "wasting", "wasting" },
		{ "overweight", "overweight" },
		{ "obesity", "obesity" },
		{ "severe_thinness", "severe thinness" },
		{ "thinness", "thinness" },
	};
	const char *code = zs_level_code(d, l);
	size_t i;

	if (code == NULL)
		return NULL;
	if (!lang)
		return zs_level_vi(d, l);
	for (i = 0; i < sizeof(en) / sizeof(en[0]); i++)
		if (strcmp(en[i].code, code) == 0)
			return en[i].en;
	return code;
}

void
growth_z_html(struct req *r, const struct growth_meas *m, enum zs_ind k)
{
	char a[NUMFMT_MAX];

	if (isnan(m->s.z[k])) {
		html_lit(&r->out, "<span class=\"muted\">–</span>");
		return;
	}
	numfmt_dec(a, m->s.z[k], 2, r->lang == LANG_EN);
	if (m->s.flag[k] == 1)
		html_fmt(&r->out, "<span class=\"z-flag\" title=\"%s\">%s ⚠"
		    "</span>", L(r, "bất thường theo WHO", "implausible (WHO)"),
		    a);
	else
		html_fmt(&r->out, "%s", a);
}

void
growth_levels_html(struct req *r, const struct growth_meas *m)
{
	const char *label;
	int d;

	for (d = 0; d < ZD__MAX; d++) {
		enum zs_level l = m->s.level[d];

		if ((label = growth_level_label((enum zs_dim)d, l,
		    r->lang == LANG_EN)) == NULL)
			continue;
		html_fmt(&r->out, "<span class=\"badge lv-%s\">%s</span> ",
		    growth_level_code(l), label);
	}
	if (m->warnings != 0 && m->confirmed)
		html_fmt(&r->out, "<span class=\"badge lv-confirmed\" title=\"%s\">"
		    "%s</span> ", L(r, "Giá trị bất thường đã được xác nhận",
		    "An implausible value, confirmed"), L(r, "đã xác nhận",
		    "confirmed"));
}

void
growth_values_html(struct req *r, const struct growth_meas *m)
{
	char a[NUMFMT_MAX];
	bool en = r->lang == LANG_EN;

	if (!isnan(m->weight))
		html_fmt(&r->out, "%s kg", numfmt_dec(a, m->weight, 2, en));
	if (!isnan(m->weight) && !isnan(m->lenhei))
		html_lit(&r->out, " · ");
	if (!isnan(m->lenhei))
		html_fmt(&r->out, "%s cm (%s)", numfmt_dec(a, m->lenhei, 1, en),
		    m->measure == ZS_LYING ? L(r, "nằm", "lying") :
		    L(r, "đứng", "standing"));
	if (m->oedema)
		html_fmt(&r->out, " · %s", L(r, "phù", "oedema"));
}

void
growth_issues_html(struct req *r, const struct growth_issues *iss)
{
	char text[1024];
	size_t i;

	if (iss->total == 0)
		return;
	html_fmt(&r->out, "<div class=\"flash bad\" role=\"alert\"><strong>%s"
	    "</strong><ul>", iss->errors > 0 ? L(r, "Chưa lưu được, vì:",
	    "Not saved, because:") : L(r, "Chưa lưu: có giá trị bất thường "
	    "cần xác nhận:", "Not saved: implausible values to confirm:"));
	for (i = 0; i < iss->n; i++) {
		growth_issue_text(&iss->v[i], r->lang == LANG_EN, text,
		    sizeof(text));
		html_fmt(&r->out, "<li class=\"%s\">%s</li>", iss->v[i].warning ?
		    "growth-warning" : "growth-error", text);
	}
	if (iss->total > iss->n)
		html_fmt(&r->out, "<li>%s %I</li>", L(r, "… và thêm",
		    "… and more:"), (int64_t)(iss->total - iss->n));
	html_lit(&r->out, "</ul></div>");
}

void
growth_issues_respond(struct req *r, const struct growth_issues *iss,
    const char *back)
{
	char text[1024];
	size_t i;

	buf_reset(&r->out);
	if (r->wants_json) {
		json_t *rows = json_array(), *j;

		for (i = 0; i < iss->n; i++) {
			const struct growth_issue *e = &iss->v[i];

			growth_issue_text(e, r->lang == LANG_EN, text,
			    sizeof(text));
			j = json_pack("{s:I,s:s,s:s,s:s,s:b}", "row",
			    (json_int_t)e->row, "field", e->f->name, "message",
			    text, "message_en", e->en, "warning", e->warning);
			if (e->child_id > 0)
				json_object_set_new(j, "child",
				    json_integer((json_int_t)e->child_id));
			if (e->col[0] != '\0')
				json_object_set_new(j, "column",
				    json_string(e->col));
			json_array_append_new(rows, j);
		}
		j = json_pack("{s:{s:s,s:s,s:s,s:o,s:I}}", "error", "code",
		    iss->errors > 0 ? "invalid" : "needs_confirmation",
		    "message", iss->errors > 0 ? L(r, "Dữ liệu không hợp lệ.",
		    "The data is not valid.") : L(r, "Có giá trị bất thường cần "
		    "xác nhận (confirm).", "Implausible values need a "
		    "confirmation (confirm)."), "message_en", iss->errors > 0 ?
		    "The data is not valid." : "Implausible values need a "
		    "confirmation (confirm).", "rows", rows, "total",
		    (json_int_t)iss->total);
		growth_json_respond(r, 400, j);
		return;
	}
	page_begin(r, L(r, "Dữ liệu không hợp lệ", "Invalid data"));
	growth_issues_html(r, iss);
	html_fmt(&r->out, "<p><a href=\"%s\">%s</a></p>", back,
	    L(r, "Quay lại", "Back"));
	page_end(r);
	resp_html(r, 400);
}

void
growth_json_respond(struct req *r, int status, json_t *j)
{
	/* 15 digits: a z-score of 7.44 is written 7.44, not
	 * 7.4400000000000004, and every value keeps its digits. */
	char *s = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15));

	resp_json_text(r, status, s != NULL ? s : "{}");
	free(s);
	json_decref(j);
}

static json_t *
num_or_null(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

json_t *
growth_meas_json(const struct growth_meas *m)
{
	json_t *j, *z = json_object(), *f = json_object(), *c = json_array();
	const char *code;
	int k;

	for (k = 0; k < ZS__MAX; k++) {
		json_object_set_new(z, zs_ind_zname((enum zs_ind)k),
		    num_or_null(m->s.z[k]));
		json_object_set_new(f, zs_ind_fname((enum zs_ind)k),
		    m->s.flag[k] < 0 ? json_null() :
		    json_boolean(m->s.flag[k] == 1));
	}
	for (k = 0; k < ZD__MAX; k++)
		if ((code = zs_level_code((enum zs_dim)k, m->s.level[k])) !=
		    NULL)
			json_array_append_new(c, json_string(code));
	j = json_pack("{s:I,s:I,s:s,s:i,s:o,s:o,s:o,s:b,s:o,s:o,s:o,s:b,"
	    "s:b,s:b}", "id", (json_int_t)m->id, "session",
	    (json_int_t)m->session_id, "date", m->measured_on, "age_days",
	    m->age_days, "weight", num_or_null(m->weight), "lenhei",
	    num_or_null(m->lenhei), "position", m->measure == ZS_LYING ?
	    json_string("l") : m->measure == ZS_STANDING ? json_string("h") :
	    json_null(), "oedema", m->oedema, "z", z, "flags", f,
	    "classification", c, "implausible", m->warnings != 0,
	    "confirmed", m->confirmed, "demo", m->demo);
	return j;
}
