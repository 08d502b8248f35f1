/*
 * job.h -- background jobs: long work (an import, an export, a rollover
 * check) that must not block the HTTP handlers.
 *
 * One worker thread per struct app runs the jobs in the order they were
 * submitted, with its own database connection (app_db() in that thread).
 * The job table lives in memory: a job has a state, progress (done of
 * total) and, when it ends, a result text the page shows.  Each job belongs
 * to the user who started it: job_get() answers ERR_NOTFOUND to anyone
 * else, so ids cannot be probed.  Finished jobs are forgotten an hour after
 * they end (or when more than JOB_MAX_KEPT are kept), and their context is
 * freed then.  Jobs do not survive a restart: the user starts again.
 *
 *	static void run(struct job *j, struct db *db, void *ctx) {
 *		for (...) job_progress(j, i, n);
 *		job_finish(j, JOB_DONE, "<p>ok</p>");
 *	}
 *	id = job_submit(app, user_id, "import", run, ctx, ctx_free);
 *	... job_get(app, id, user_id, &view) from the page that polls ...
 */
#ifndef VITRE_JOB_H
#define VITRE_JOB_H

#include <stdint.h>

#include "core/err.h"

struct app;
struct db;
struct job;
struct job_queue;

enum job_state { JOB_QUEUED, JOB_RUNNING, JOB_DONE, JOB_FAILED };

#define JOB_MAX_KEPT	256
#define JOB_KEEP_SECS	3600

/* What a user is shown of a job; result belongs to the caller (free()). */
struct job_view {
	int64_t		 id;
	char		 kind[32];
	enum job_state	 state;
	int64_t		 done, total;
	char		*result;	/* NULL until the job ends */
};

/* Start the worker of app (app_init() does it); stop it, freeing every job. */
struct job_queue	*job_queue_new(struct app *);
void			 job_queue_free(struct job_queue *);

/*
 * Queue run(job, db, ctx) for owner; returns the job id (> 0).  ctx belongs
 * to the job from now on and is freed with ctx_free (may be NULL) when the
 * job is forgotten.  kind is a short label ("import").
 */
int64_t		 job_submit(struct app *, int64_t owner, const char *kind,
		    void (*run)(struct job *, struct db *, void *),
		    void *ctx, void (*ctx_free)(void *));
/* From inside run: progress, and the end with its result text (copied). */
void		 job_progress(struct job *, int64_t done, int64_t total);
void		 job_finish(struct job *, enum job_state, const char *result);

/* A copy of job id for owner; ERR_NOTFOUND if there is none of theirs. */
enum err	 job_get(struct app *, int64_t id, int64_t owner,
		    struct job_view *out);
/*
 * Take the context out of owner's finished (JOB_DONE) job of this kind,
 * e.g. to start the next step with it: *ctx becomes the caller's.
 * ERR_NOTFOUND if there is no such job, ERR_CONFLICT if it has not ended
 * well or its context was taken already.
 */
enum err	 job_take_ctx(struct app *, int64_t id, int64_t owner,
		    const char *kind, void **ctx);
/* Block until job id has ended (tests and the command line). */
void		 job_wait(struct app *, int64_t id);

const char	*job_state_name(enum job_state);

#endif
