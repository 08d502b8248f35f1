/*
 * assets.c -- the embedded static files (htmx, Pico CSS, vitre.css, icon).
 */
#include <string.h>

#include "core/embedded.h"
#include "core/strutil.h"
#include "http/req.h"
#include "render/assets.h"

static const char *
type_of(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (dot == NULL)
		return "application/octet-stream";
	if (strcmp(dot, ".css") == 0)
		return "text/css; charset=utf-8";
	if (strcmp(dot, ".js") == 0)
		return "text/javascript; charset=utf-8";
	if (strcmp(dot, ".svg") == 0)
		return "image/svg+xml";
	return "application/octet-stream";
}

void
assets_serve(struct req *r)
{
	const struct embedded_file *f;

	/* r->path is "/static/NAME"; the embedded name is "static/NAME". */
	if (strstr(r->path, "..") != NULL ||
	    (f = embedded_find(r->path + 1)) == NULL) {
		resp_error(r, ERR_NOTFOUND, "Không có tệp này.", "No such file.");
		return;
	}
	buf_reset(&r->out);
	buf_add(&r->out, f->data, f->len);
	r->status = 200;
	r->ctype = type_of(f->name);
	resp_header(r, "Cache-Control", "public, max-age=86400");
}
