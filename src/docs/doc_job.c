/*
 * doc_job.c -- documents made as background jobs; see doc_job.h.
 *
 * The job's result text is not shown to anyone: for a job that ended
 * well it is "<content type>\n<file name>\n<temporary path>", which the
 * download reads; for a failed one the reason.  The temporary file is
 * removed when the job's context is freed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "docs/doc_job.h"
#include "http/req.h"
#include "jobs/job.h"
#include "render/html.h"
#include "render/layout.h"

struct ctx {
	int64_t		 object;
	doc_job_make	 make;
	void		*arg;
	void		(*arg_free)(void *);
	char		 path[512];	/* the file, "" until written */
};

static void
ctx_free(void *p)
{
	struct ctx *c = p;

	if (c->path[0] != '\0')
		unlink(c->path);
	if (c->arg_free != NULL)
		c->arg_free(c->arg);
	free(c);
}

/* data into a new private temporary file; its path into c->path. */
static bool
save(struct ctx *c, const struct buf *data)
{
	const char *tmp = getenv("TMPDIR");
	FILE *f;
	int fd;
	bool good;

	if (tmp == NULL || tmp[0] == '\0')
		tmp = "/tmp";
	snprintf(c->path, sizeof(c->path), "%s/vitre-doc-XXXXXX", tmp);
	if ((fd = mkstemp(c->path)) < 0) {
		c->path[0] = '\0';
		return false;
	}
	if ((f = fdopen(fd, "wb")) == NULL) {
		close(fd);
		return false;
	}
	good = fwrite(data->data, 1, data->len, f) == data->len;
	good = fclose(f) == 0 && good;
	return good;
}

static void
run(struct job *j, struct db *db, void *p)
{
	struct ctx *c = p;
	struct doc_job_file f;
	struct buf res = BUF_INIT;
	enum err e;

	memset(&f, 0, sizeof(f));
	job_set_value(j, c->object);
	job_progress(j, 0, 3);
	e = c->make(j, db, c->arg, &f);
	if (e == ERR_OK && buf_failed(&f.data))
		e = ERR_IO;
	if (e == ERR_OK && !save(c, &f.data))
		e = ERR_IO;
	if (e == ERR_OK) {
		buf_printf(&res, "%s\n%s\n%s", f.ctype, f.name, c->path);
		job_progress(j, 3, 3);
		job_finish(j, JOB_DONE, res.data);
	} else
		job_finish(j, JOB_FAILED, e == ERR_NOTFOUND ?
		    "notfound" : "failed");
	buf_release(&f.data);
	buf_release(&res);
}

int64_t
doc_job_start(struct app *app, int64_t owner, const char *kind,
    int64_t object, doc_job_make make, void *arg, void (*arg_free)(void *))
{
	struct ctx *c = xcalloc(1, sizeof(*c));

	c->object = object;
	c->make = make;
	c->arg = arg;
	c->arg_free = arg_free;
	return job_submit(app, owner, kind, run, c, ctx_free);
}

void
doc_job_buttons(struct req *r, const char *base, bool xlsx)
{
	html_fmt(&r->out, "<form method=\"post\" action=\"%s\" hx-post=\"%s\" "
	    "hx-target=\"#doc-job\" hx-swap=\"outerHTML\" class=\"doc-buttons\">"
	    "<fieldset role=\"group\">", base, base);
	html_csrf_input(r);
	html_fmt(&r->out, "<button name=\"format\" value=\"pdf\">%s</button>"
	    "<button name=\"format\" value=\"docx\">%s</button>",
	    L(r, "Tạo PDF", "Make a PDF"), L(r, "Tạo DOCX (Word)",
	    "Make a DOCX (Word)"));
	if (xlsx)
		html_fmt(&r->out, "<button name=\"format\" value=\"xlsx\">%s"
		    "</button>", L(r, "Tạo XLSX (Excel)", "Make an XLSX "
		    "(Excel)"));
	html_lit(&r->out, "</fieldset></form><section id=\"doc-job\">"
	    "</section>");
}

/* The owner's job of the route (r->params[1]) of kind about object into
 * v; answers 404 and returns false when there is none. */
static bool
route_job(struct req *r, const char *kind, int64_t object,
    struct job_view *v)
{
	memset(v, 0, sizeof(*v));
	if (r->nparams >= 2 && job_get(r->app, r->params[1], r->user.id, v)
	    == ERR_OK && strcmp(v->kind, kind) == 0 && (v->value == 0 ||
	    v->value == object))
		return true;
	free(v->result);
	v->result = NULL;
	resp_error(r, ERR_NOTFOUND, "Không có tệp này (đã quá một giờ, hoặc "
	    "do người khác tạo).", "No such file (more than an hour old, or "
	    "someone else's).");
	return false;
}

/* The file name of a finished job's result (its second line). */
static void
result_name(const char *res, char *out, size_t outsz)
{
	const char *a = strchr(res, '\n'), *b;

	out[0] = '\0';
	if (a != NULL && (b = strchr(a + 1, '\n')) != NULL)
		snprintf(out, outsz, "%.*s", (int)(b - a - 1), a + 1);
}

void
doc_job_page(struct req *r, const char *kind, int64_t object,
    const char *base)
{
	struct job_view v;
	char name[200];
	bool running;

	if (!route_job(r, kind, object, &v))
		return;
	running = v.state == JOB_QUEUED || v.state == JOB_RUNNING;
	page_begin(r, L(r, "Tạo tệp", "Making a file"));
	if (!r->htmx)
		html_fmt(&r->out, "<h1>%s</h1>", L(r, "Tạo tệp văn bản",
		    "Making the document"));
	if (running) {
		/* The fragment reloads itself every second while it runs. */
		html_fmt(&r->out, "<section id=\"doc-job\" hx-get=\"%s/%I\" "
		    "hx-trigger=\"every 1s\" hx-swap=\"outerHTML\" "
		    "aria-busy=\"true\" data-state=\"%s\"><p>%s</p>", base, v.id,
		    job_state_name(v.state), v.state == JOB_QUEUED ?
		    L(r, "Đang chờ", "Waiting") : L(r, "Đang tạo tệp",
		    "Making the file"));
		if (v.total > 0)
			html_fmt(&r->out, "<progress value=\"%I\" max=\"%I\">"
			    "</progress>", v.done, v.total);
		else
			html_lit(&r->out, "<progress></progress>");
		if (!r->htmx)
			html_fmt(&r->out, "<p><a href=\"%s/%I\">%s</a></p>", base,
			    v.id, L(r, "Tải lại trang", "Reload"));
		html_lit(&r->out, "</section>");
	} else if (v.state == JOB_DONE) {
		result_name(v.result != NULL ? v.result : "", name,
		    sizeof(name));
		html_fmt(&r->out, "<section id=\"doc-job\" data-state=\"done\">"
		    "<p>%s <a href=\"%s/%I/file\" download>%s</a></p>"
		    "</section>", L(r, "Tệp đã sẵn sàng:", "The file is ready:"),
		    base, v.id, name);
	} else
		html_fmt(&r->out, "<section id=\"doc-job\" data-state=\"failed\">"
		    "<p class=\"error\">%s</p></section>", L(r, "Không tạo được "
		    "tệp. Hãy thử lại.", "The file could not be made. Try "
		    "again."));
	page_end(r);
	free(v.result);
}

void
doc_job_send(struct req *r, const char *kind, int64_t object)
{
	struct job_view v;
	char ctype[128], name[200], path[512], disp[256], chunk[65536];
	FILE *f = NULL;
	size_t n;

	if (!route_job(r, kind, object, &v))
		return;
	if (v.state != JOB_DONE || v.result == NULL || sscanf(v.result,
	    "%127[^\n]\n%199[^\n]\n%511[^\n]", ctype, name, path) != 3) {
		resp_error(r, ERR_CONFLICT, "Tệp chưa sẵn sàng.",
		    "The file is not ready.");
		goto out;
	}
	if ((f = fopen(path, "rb")) == NULL) {
		resp_error(r, ERR_NOTFOUND, "Không còn tệp này.",
		    "The file is gone.");
		goto out;
	}
	buf_reset(&r->out);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&r->out, chunk, n);
	if (ferror(f)) {
		buf_reset(&r->out);
		resp_error(r, ERR_IO, "Không đọc được tệp.",
		    "The file could not be read.");
		goto out;
	}
	r->status = 200;
	/* ctype is one of our constants: the job wrote it. */
	r->ctype = strcmp(ctype, DOC_CTYPE_PDF) == 0 ? DOC_CTYPE_PDF :
	    strcmp(ctype, DOC_CTYPE_DOCX) == 0 ? DOC_CTYPE_DOCX :
	    strcmp(ctype, DOC_CTYPE_XLSX) == 0 ? DOC_CTYPE_XLSX :
	    "application/octet-stream";
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"", name);
	resp_header(r, "Content-Disposition", disp);
out:
	if (f != NULL)
		fclose(f);
	free(v.result);
}
