/*
 * plan_doc_http.c -- a plan as a PDF or DOCX download: GET
 * /plans/{id}/pdf and GET /plans/{id}/docx.
 *
 * The same check as the plan page (plan_load_checked: 404, then 403 for a
 * plan outside what the user may see).  The file is rendered while the
 * request waits: a plan takes milliseconds (bench/docs), so it does not
 * need the background jobs that long reports will use.
 */
#include <stdio.h>

#include "app.h"
#include "docs/plan_doc.h"
#include "http/req.h"
#include "plans/plan_db.h"
#include "plans/plan_http.h"
#include "units/unit.h"

enum kind { KIND_PDF, KIND_DOCX };

static const struct {
	const char	*ext;
	const char	*ctype;
	enum err	(*write)(const struct doc *, struct buf *);
} kinds[] = {
	[KIND_PDF] = { "pdf", "application/pdf", doc_pdf },
	[KIND_DOCX] = { "docx", "application/vnd.openxmlformats-"
	    "officedocument.wordprocessingml.document", doc_docx },
};

static void
send(struct req *r, enum kind k)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct plan_catalogue cat = { NULL, 0 };
	struct plan *p = NULL;
	struct doc *d = NULL;
	char name[200], disp[256];

	if ((p = plan_load_checked(r, t, false)) == NULL)
		goto out;
	if (plan_db_catalogue(r->db, &cat) != ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	d = plan_doc_build(p, &cat);
	buf_reset(&r->out);
	if (kinds[k].write(d, &r->out) != ERR_OK) {
		resp_error(r, ERR_IO, "Không tạo được tệp.",
		    "The file could not be made.");
		goto out;
	}
	r->status = 200;
	r->ctype = kinds[k].ctype;
	plan_doc_file_name(p, kinds[k].ext, name, sizeof(name));
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"", name);
	resp_header(r, "Content-Disposition", disp);
out:
	doc_free(d);
	plan_catalogue_release(&cat);
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
