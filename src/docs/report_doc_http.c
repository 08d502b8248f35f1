/*
 * report_doc_http.c -- a report as PDF, DOCX or XLSX, made as a
 * background job (docs/doc_job.h): POST /reports/{id}/doc (format=pdf|
 * docx|xlsx) starts it, GET /reports/{id}/doc/{job} shows its progress,
 * GET /reports/{id}/doc/{job}/file hands the file to the user who started
 * it.
 *
 * Every route first makes the check of the report page: 404 for no such
 * report, then the unit scope (403).  The job loads the report afresh on
 * the worker: what it renders is the report's stored numbers.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/xalloc.h"
#include "db/db.h"
#include "docs/doc_job.h"
#include "docs/report_doc.h"
#include "http/form.h"
#include "http/req.h"
#include "jobs/job.h"
#include "units/unit.h"
#include "units/unit_http.h"

#define KIND	"doc-report"

static const char *const ctypes[REPORT_DOC_FMT__MAX] = {
	DOC_CTYPE_PDF, DOC_CTYPE_DOCX, DOC_CTYPE_XLSX
};

/* May the user see the report of the route?  Answers 404/403 if not. */
static bool
checked(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct db_stmt *st;
	int64_t unit = 0;
	enum err e;
	bool ok = false;

	if (t == NULL) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return false;
	}
	st = db_stmt(r->db, "SELECT unit_id FROM report WHERE id = ?");
	db_bind_int(st, 1, r->params[0]);
	if ((e = db_one_int(st, &unit)) == ERR_NOTFOUND)
		resp_error(r, e, "Không có báo cáo này.", "No such report.");
	else if (e != ERR_OK)
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
	else
		ok = unit_check_scope(r, t, unit);
	unit_tree_put(r->app, t);
	return ok;
}

struct arg {
	struct app		*app;
	int64_t			 report_id;
	enum report_doc_fmt	 fmt;
};

static enum err
make(struct job *j, struct db *db, void *a, struct doc_job_file *out)
{
	const struct arg *x = a;
	const struct unit_tree *t = unit_tree_get(x->app, db);
	struct report_doc_src *s = NULL;
	enum err e;

	if (t == NULL)
		return ERR_DB;
	if ((e = report_doc_load(db, t, x->report_id, &s)) != ERR_OK)
		goto out;
	job_progress(j, 1, 3);
	report_doc_file_name(report_doc_src_in(s), x->fmt, out->name,
	    sizeof(out->name));
	out->ctype = ctypes[x->fmt];
	e = report_doc_render_in(report_doc_src_in(s), x->fmt, &out->data);
	job_progress(j, 2, 3);
out:
	report_doc_src_free(s);
	unit_tree_put(x->app, t);
	return e;
}

static void
base_of(const struct req *r, char *out, size_t outsz)
{
	snprintf(out, outsz, "/reports/%lld/doc", (long long)r->params[0]);
}

void
report_doc_post(struct req *r)
{
	struct arg *a;
	enum report_doc_fmt f;
	char base[64], url[96];
	int64_t id;

	if (!checked(r))
		return;
	if (!report_doc_fmt_from_code(req_form(r, "format"), &f)) {
		resp_error(r, ERR_INVALID, "Định dạng tệp: cần chọn PDF, DOCX "
		    "hoặc XLSX.", "File format: choose PDF, DOCX or XLSX.");
		return;
	}
	a = xcalloc(1, sizeof(*a));
	a->app = r->app;
	a->report_id = r->params[0];
	a->fmt = f;
	id = doc_job_start(r->app, r->user.id, KIND, r->params[0], make, a,
	    free);
	base_of(r, base, sizeof(base));
	if (r->htmx) {
		r->params[1] = id;
		r->nparams = 2;
		doc_job_page(r, KIND, r->params[0], base);
		return;
	}
	snprintf(url, sizeof(url), "%s/%lld", base, (long long)id);
	resp_redirect(r, url);
}

void
report_doc_job(struct req *r)
{
	char base[64];

	if (!checked(r))
		return;
	base_of(r, base, sizeof(base));
	doc_job_page(r, KIND, r->params[0], base);
}

void
report_doc_file(struct req *r)
{
	if (checked(r))
		doc_job_send(r, KIND, r->params[0]);
}
