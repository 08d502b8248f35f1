/*
 * plan_doc.h -- a plan as an official document (struct doc), ready for
 * the PDF and DOCX writers; and the routes and command that hand it out.
 */
#ifndef VITRE_PLAN_DOC_H
#define VITRE_PLAN_DOC_H

#include "docs/doc.h"
#include "plans/plan.h"

struct req;

/*
 * The document of plan p (caller frees with doc_free): the Decree 30
 * header, type and title, basis, the sections numbered as the plan page
 * numbers them, the targets, funding, assignments and reporting regime
 * where the plan places them (or after the sections), the closing, the
 * signature and the recipients.  cat (may be NULL) gives the indicators'
 * names and units.
 */
struct doc	*plan_doc_build(const struct plan *p,
		    const struct plan_catalogue *cat);

/* "89-KH-MNHL.pdf" (ext "pdf" or "docx"); "plan-ID.ext" for a plan
 * without a number. */
void		 plan_doc_file_name(const struct plan *p, const char *ext,
		    char *out, size_t outsz);

/* GET /plans/{id}/pdf and GET /plans/{id}/docx (plan_doc_http.c): the
 * same check as GET /plans/{id}, then the file as an attachment. */
void		 plan_pdf(struct req *);
void		 plan_docx(struct req *);
/* The same as a background job (docs/doc_job.h): POST /plans/{id}/doc
 * (format=pdf|docx), GET /plans/{id}/doc/{job} and .../file. */
void		 plan_doc_post(struct req *);
void		 plan_doc_job(struct req *);
void		 plan_doc_file(struct req *);

#endif
