/*
 * form.c -- field validators with messages in Vietnamese and English.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "http/form.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"

void
form_error(struct form_errors *errs, const struct field *f, const char *vi,
    const char *en)
{
	struct form_error *e;

	if (errs->n == FORM_MAX_ERRORS)
		return;
	e = &errs->e[errs->n++];
	e->f = f;
	snprintf(e->vi, sizeof(e->vi), "%s: %s", f->label_vi, vi);
	snprintf(e->en, sizeof(e->en), "%s: %s", f->label_en, en);
}

const char *
form_error_for(const struct req *r, const struct form_errors *errs,
    const char *name)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		if (strcmp(errs->e[i].f->name, name) == 0)
			return L(r, errs->e[i].vi, errs->e[i].en);
	return NULL;
}

static bool
missing(struct form_errors *errs, const struct field *f, const char *raw,
    bool required, bool *absent)
{
	*absent = raw == NULL || raw[0] == '\0';
	if (*absent && required)
		form_error(errs, f, "cần nhập.", "required.");
	return *absent;
}

bool
valid_int(struct form_errors *errs, const struct field *f, const char *raw,
    bool required, int64_t lo, int64_t hi, int64_t *out, bool *present)
{
	char vi[128], en[128];
	bool absent;

	if (present != NULL)
		*present = false;
	if (missing(errs, f, raw, required, &absent))
		return !required;
	if (!str_to_int_range(raw, lo, hi, out)) {
		if (lo == 0 && hi >= 1000000000)
			snprintf(vi, sizeof(vi), "phải là số nguyên không âm "
			    "(«%.40s» không hợp lệ).", raw);
		else
			snprintf(vi, sizeof(vi), "phải là số nguyên từ %lld đến "
			    "%lld.", (long long)lo, (long long)hi);
		if (lo == 0 && hi >= 1000000000)
			snprintf(en, sizeof(en), "must be a whole number of 0 or "
			    "more (\"%.40s\" is not).", raw);
		else
			snprintf(en, sizeof(en), "must be a whole number from "
			    "%lld to %lld.", (long long)lo, (long long)hi);
		form_error(errs, f, vi, en);
		return false;
	}
	if (present != NULL)
		*present = true;
	return true;
}

bool
valid_text(struct form_errors *errs, const struct field *f, const char *raw,
    bool required, size_t maxchars, char *out)
{
	char vi[128], en[128];
	bool absent;
	size_t n;

	out[0] = '\0';
	if (missing(errs, f, raw, required, &absent))
		return !required;
	n = strlen(raw);
	if (!str_is_clean_utf8(raw, n)) {
		form_error(errs, f, "chứa ký tự không hợp lệ.",
		    "contains characters that are not allowed.");
		return false;
	}
	if (utf8_len(raw) > maxchars) {
		snprintf(vi, sizeof(vi), "dài quá %zu ký tự.", maxchars);
		snprintf(en, sizeof(en), "is longer than %zu characters.",
		    maxchars);
		form_error(errs, f, vi, en);
		return false;
	}
	memcpy(out, raw, n + 1);
	str_trim(out);
	if (required && out[0] == '\0') {
		form_error(errs, f, "cần nhập.", "required.");
		return false;
	}
	return true;
}

bool
valid_date(struct form_errors *errs, const struct field *f, const char *raw,
    bool required, char out[11])
{
	bool absent;

	out[0] = '\0';
	if (missing(errs, f, raw, required, &absent))
		return !required;
	if (!str_is_date(raw)) {
		form_error(errs, f, "phải là ngày có thật, dạng YYYY-MM-DD.",
		    "must be a real date written YYYY-MM-DD.");
		return false;
	}
	memcpy(out, raw, 11);
	return true;
}

bool
valid_decimal(struct form_errors *errs, const struct field *f,
    const char *raw, bool required, double lo, double hi, double *out,
    bool *present)
{
	char vi[128], en[128];
	bool absent;
	double v;

	if (present != NULL)
		*present = false;
	if (missing(errs, f, raw, required, &absent))
		return !required;
	if (!str_to_decimal(raw, &v) || v < lo || v > hi) {
		snprintf(vi, sizeof(vi), "phải là số từ %g đến %g "
		    "(dấu thập phân là dấu phẩy hoặc chấm).", lo, hi);
		snprintf(en, sizeof(en), "must be a number from %g to %g.",
		    lo, hi);
		form_error(errs, f, vi, en);
		return false;
	}
	*out = v;
	if (present != NULL)
		*present = true;
	return true;
}

bool
valid_choice(struct form_errors *errs, const struct field *f,
    const char *raw, const char *const *choices, int *out)
{
	int i;

	if (raw == NULL || raw[0] == '\0') {
		form_error(errs, f, "cần chọn.", "required.");
		return false;
	}
	for (i = 0; choices[i] != NULL; i++)
		if (strcmp(choices[i], raw) == 0) {
			*out = i;
			return true;
		}
	form_error(errs, f, "giá trị không có trong danh sách.",
	    "is not one of the allowed values.");
	return false;
}

void
form_errors_html(struct req *r, const struct form_errors *errs)
{
	size_t i;

	if (errs->n == 0)
		return;
	html_fmt(&r->out, "<div class=\"flash bad\" role=\"alert\"><strong>%s"
	    "</strong><ul>", L(r, "Chưa lưu được, vì:", "Not saved, because:"));
	for (i = 0; i < errs->n; i++)
		html_fmt(&r->out, "<li>%s</li>", L(r, errs->e[i].vi,
		    errs->e[i].en));
	html_lit(&r->out, "</ul></div>");
}

void
form_errors_respond(struct req *r, const struct form_errors *errs)
{
	size_t i;

	buf_reset(&r->out);
	if (r->wants_json) {
		json_t *fields = json_array(), *j;
		char *s;

		for (i = 0; i < errs->n; i++)
			json_array_append_new(fields, json_pack("{s:s,s:s,s:s}",
			    "field", errs->e[i].f->name, "message",
			    L(r, errs->e[i].vi, errs->e[i].en), "message_en",
			    errs->e[i].en));
		j = json_pack("{s:{s:s,s:s,s:s,s:o}}", "error", "code",
		    "invalid", "message", L(r, "Dữ liệu không hợp lệ.",
		    "The data is not valid."), "message_en",
		    "The data is not valid.", "fields", fields);
		s = json_dumps(j, JSON_COMPACT);
		resp_json_text(r, 400, s);
		free(s);
		json_decref(j);
		return;
	}
	page_begin(r, L(r, "Dữ liệu không hợp lệ", "Invalid data"));
	form_errors_html(r, errs);
	html_fmt(&r->out, "<p><a href=\"/\">%s</a></p>",
	    L(r, "Về trang chủ", "Back to home"));
	page_end(r);
	resp_html(r, 400);
}
