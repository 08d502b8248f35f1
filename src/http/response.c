/*
 * response.c -- response helpers, and the one place where enum err becomes
 * an HTTP status.
 */
#include <jansson.h>
#include <stdlib.h>

#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"

int
http_status_of(enum err e)
{
	switch (e) {
	case ERR_OK:
		return 200;
	case ERR_INVALID:
		return 400;
	case ERR_NOTFOUND:
		return 404;
	case ERR_CONFLICT:
		return 409;
	case ERR_FORBIDDEN:
		return 403;
	case ERR_LOCKED:
		return 423;
	default:
		return 500;
	}
}

void
resp_redirect(struct req *r, const char *location)
{
	if (r->htmx) {
		/* htmx follows this header with a full page load. */
		resp_header(r, "HX-Redirect", location);
		r->status = 200;
	} else {
		resp_header(r, "Location", location);
		r->status = 303;
	}
	r->ctype = "text/plain; charset=utf-8";
	buf_reset(&r->out);
}

void
resp_html(struct req *r, int status)
{
	r->status = status;
	r->ctype = "text/html; charset=utf-8";
}

void
resp_json_text(struct req *r, int status, const char *json)
{
	r->status = status;
	r->ctype = "application/json; charset=utf-8";
	buf_reset(&r->out);
	buf_puts(&r->out, json);
}

void
resp_json(struct req *r, int status, json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT);

	if (s == NULL) {
		json_decref(j);
		resp_error(r, ERR_IO, "Không tạo được JSON.",
		    "The JSON could not be written.");
		return;
	}
	resp_json_text(r, status, s);
	free(s);
	json_decref(j);
}

void
resp_error(struct req *r, enum err e, const char *msg_vi, const char *msg_en)
{
	int status = http_status_of(e);

	buf_reset(&r->out);
	if (r->wants_json) {
		json_t *j = json_pack("{s:{s:s,s:s,s:s}}", "error", "code",
		    err_name(e), "message", L(r, msg_vi, msg_en),
		    "message_en", msg_en);
		char *s = json_dumps(j, JSON_COMPACT);

		resp_json_text(r, status, s);
		free(s);
		json_decref(j);
		return;
	}
	page_begin(r, L(r, "Lỗi", "Error"));
	html_fmt(&r->out, "<article class=\"error\"><h2>%d</h2><p>%s</p>"
	    "<p><a href=\"/\">%s</a></p></article>", status,
	    L(r, msg_vi, msg_en), L(r, "Về trang chủ", "Back to home"));
	page_end(r);
	resp_html(r, status);
}
