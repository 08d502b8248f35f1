/*
 * doc_job.h -- documents (PDF, DOCX, XLSX) made as background jobs
 * (jobs/job.h) and handed to the user who asked for them.
 *
 * The page's buttons (doc_job_buttons) post the format to BASE (e.g.
 * "/reports/12/doc"); the handler checks that the user may see the object
 * and calls doc_job_start(), then redirects to BASE/{job}, which
 * doc_job_page() answers: while the job runs a fragment that htmx reloads
 * every second with the progress, then the download link BASE/{job}/file
 * (doc_job_send).  The file waits in a private temporary file until the
 * job is forgotten (jobs/job.h: an hour after it ends, or a restart).
 * Only the owner sees the job (job_get), and the routes of BASE/{job}
 * check the object's scope again before looking at the job, so a user who
 * cannot see the object gets its 403/404 whatever the job id.
 */
#ifndef VITRE_DOC_JOB_H
#define VITRE_DOC_JOB_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

struct app;
struct db;
struct job;
struct req;

/* What a job made. */
struct doc_job_file {
	struct buf	 data;
	char		 name[200];	/* the download's file name */
	const char	*ctype;		/* a static string */
};

/* Content types of the three formats. */
#define DOC_CTYPE_PDF	"application/pdf"
#define DOC_CTYPE_DOCX	"application/vnd.openxmlformats-officedocument." \
	"wordprocessingml.document"
#define DOC_CTYPE_XLSX	"application/vnd.openxmlformats-officedocument." \
	"spreadsheetml.sheet"

/*
 * make(job, db, arg, out) runs on the worker with the worker's database:
 * it fills out (job_progress() as it goes) and returns ERR_OK, or an error
 * that fails the job.
 */
typedef enum err (*doc_job_make)(struct job *, struct db *, void *arg,
    struct doc_job_file *out);

/*
 * Queue the making of a file about object for owner; arg belongs to the
 * job and is freed with arg_free (may be NULL).  kind: a short label of
 * the object's kind ("doc-report"), checked by the page and download.
 * Returns the job id.
 */
int64_t	 doc_job_start(struct app *, int64_t owner, const char *kind,
	    int64_t object, doc_job_make make, void *arg,
	    void (*arg_free)(void *));

/* The buttons: a form posting format=pdf|docx[|xlsx] to base. */
void	 doc_job_buttons(struct req *, const char *base, bool xlsx);

/*
 * GET base/{job}: r->params[1] is the job; object the route's object (its
 * scope already checked).  404 when the job is not the user's, not of
 * kind or not about object.
 */
void	 doc_job_page(struct req *, const char *kind, int64_t object,
	    const char *base);
/* GET base/{job}/file: the file as an attachment; 404 as above, 409
 * while the job runs or when it failed. */
void	 doc_job_send(struct req *, const char *kind, int64_t object);

#endif
