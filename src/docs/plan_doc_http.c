/*
 * plan_doc_http.c -- a plan as a PDF or DOCX: made as a background job
 * from the plan page (POST /plans/{id}/doc, GET /plans/{id}/doc/{job} and
 * .../file, docs/doc_job.h), and the direct downloads GET /plans/{id}/pdf
 * and GET /plans/{id}/docx that links and scripts already use (a plan
 * takes milliseconds, bench/docs, so these still answer while the request
 * waits).
 *
 * Every route makes the same check as the plan page (plan_load_checked:
 * 404, then 403 for a plan outside what the user may see) before anything
 * else, the job routes included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/xalloc.h"
#include "docs/doc_job.h"
#include "docs/plan_doc.h"
#include "http/req.h"
#include "jobs/job.h"
#include "plans/plan_db.h"
#include "plans/plan_http.h"
#include "units/unit.h"

#define KIND	"doc-plan"

enum kind { KIND_PDF, KIND_DOCX };

static const struct {
	const char	*code;
	const char	*ctype;
	enum err	(*write)(const struct doc *, struct buf *);
} kinds[] = {
	[KIND_PDF] = { "pdf", DOC_CTYPE_PDF, doc_pdf },
	[KIND_DOCX] = { "docx", DOC_CTYPE_DOCX, doc_docx },
};

/* Plan p as a file of kind k into out; its name into name. */
static enum err
render(struct db *db, const struct plan *p, enum kind k, struct buf *out,
    char *name, size_t namesz)
{
	struct plan_catalogue cat = { NULL, 0 };
	struct doc *d;
	enum err e;

	if (plan_db_catalogue(db, &cat) != ERR_OK)
		return ERR_DB;
	d = plan_doc_build(p, &cat);
	e = kinds[k].write(d, out);
	plan_doc_file_name(p, kinds[k].code, name, namesz);
	doc_free(d);
	plan_catalogue_release(&cat);
	return e;
}

static void
send(struct req *r, enum kind k)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct plan *p = NULL;
	char name[200], disp[256];
	enum err e;

	if ((p = plan_load_checked(r, t, false)) == NULL)
		goto out;
	buf_reset(&r->out);
	if ((e = render(r->db, p, k, &r->out, name, sizeof(name))) != ERR_OK) {
		buf_reset(&r->out);
		if (e == ERR_DB)
			resp_error(r, e, "Lỗi cơ sở dữ liệu.", "Database error.");
		else
			resp_error(r, ERR_IO, "Không tạo được tệp.",
			    "The file could not be made.");
		goto out;
	}
	r->status = 200;
	r->ctype = kinds[k].ctype;
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"", name);
	resp_header(r, "Content-Disposition", disp);
out:
	plan_free(p);
	unit_tree_put(r->app, t);
}

void
plan_pdf(struct req *r)
{
	send(r, KIND_PDF);
}

void
plan_docx(struct req *r)
{
	send(r, KIND_DOCX);
}

/* The job's argument. */
struct arg {
	int64_t		 plan_id;
	enum kind	 k;
};

static enum err
make(struct job *j, struct db *db, void *a, struct doc_job_file *out)
{
	const struct arg *x = a;
	struct plan *p = NULL;
	enum err e;

	if ((e = plan_db_load(db, x->plan_id, &p)) != ERR_OK)
		return e;
	job_progress(j, 1, 3);
	e = render(db, p, x->k, &out->data, out->name, sizeof(out->name));
	out->ctype = kinds[x->k].ctype;
	plan_free(p);
	return e;
}

/* The plan of the route, checked as the plan page checks it. */
static bool
checked(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct plan *p = plan_load_checked(r, t, false);
	bool ok = p != NULL;

	plan_free(p);
	unit_tree_put(r->app, t);
	return ok;
}

void
plan_doc_post(struct req *r)
{
	const char *f = req_form(r, "format");
	struct arg *a;
	char url[96];
	int64_t id;
	enum kind k;

	if (!checked(r))
		return;
	if (f != NULL && strcmp(f, "pdf") == 0)
		k = KIND_PDF;
	else if (f != NULL && strcmp(f, "docx") == 0)
		k = KIND_DOCX;
	else {
		resp_error(r, ERR_INVALID, "Định dạng tệp: cần chọn PDF hoặc "
		    "DOCX.", "File format: choose PDF or DOCX.");
		return;
	}
	a = xcalloc(1, sizeof(*a));
	a->plan_id = r->params[0];
	a->k = k;
	id = doc_job_start(r->app, r->user.id, KIND, r->params[0], make, a,
	    free);
	snprintf(url, sizeof(url), "/plans/%lld/doc", (long long)r->params[0]);
	if (r->htmx) {
		r->params[1] = id;
		r->nparams = 2;
		doc_job_page(r, KIND, r->params[0], url);
		return;
	}
	snprintf(url, sizeof(url), "/plans/%lld/doc/%lld",
	    (long long)r->params[0], (long long)id);
	resp_redirect(r, url);
}

void
plan_doc_job(struct req *r)
{
	char base[64];

	if (!checked(r))
		return;
	snprintf(base, sizeof(base), "/plans/%lld/doc", (long long)r->params[0]);
	doc_job_page(r, KIND, r->params[0], base);
}

void
plan_doc_file(struct req *r)
{
	if (checked(r))
		doc_job_send(r, KIND, r->params[0]);
}
