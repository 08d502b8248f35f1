/*
 * job.c -- the background job queue; see job.h.
 *
 * One mutex guards the table (a singly linked list, newest first) and a
 * condition variable wakes the worker and those waiting in job_wait().
 * run() is called without the lock; job_progress() and job_finish() take
 * it briefly.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "jobs/job.h"

struct job {
	struct job	*next;
	struct job_queue *q;
	int64_t		 id;
	int64_t		 owner;
	char		 kind[32];
	enum job_state	 state;
	int64_t		 done, total;
	char		*result;
	time_t		 ended;
	void		(*run)(struct job *, struct db *, void *);
	void		*ctx;
	void		(*ctx_free)(void *);
};

struct job_queue {
	struct app	*app;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cond;
	pthread_t	 worker;
	bool		 stop;
	int64_t		 next_id;
	struct job	*jobs;		/* newest first */
};

static void
job_free(struct job *j)
{
	if (j->ctx_free != NULL && j->ctx != NULL)
		j->ctx_free(j->ctx);
	free(j->result);
	free(j);
}

/* The oldest queued job, or NULL.  Called locked. */
static struct job *
oldest_queued(struct job_queue *q)
{
	struct job *j, *found = NULL;

	for (j = q->jobs; j != NULL; j = j->next)
		if (j->state == JOB_QUEUED)
			found = j;
	return found;
}

static void *
worker(void *arg)
{
	struct job_queue *q = arg;
	struct job *j;

	pthread_mutex_lock(&q->mu);
	for (;;) {
		while (!q->stop && (j = oldest_queued(q)) == NULL)
			pthread_cond_wait(&q->cond, &q->mu);
		if (q->stop)
			break;
		j->state = JOB_RUNNING;
		pthread_mutex_unlock(&q->mu);
		{
			struct db *db = app_db(q->app);

			if (db == NULL)
				job_finish(j, JOB_FAILED, NULL);
			else
				j->run(j, db, j->ctx);
		}
		pthread_mutex_lock(&q->mu);
		if (j->state == JOB_RUNNING) {
			/* run() forgot to finish: say so rather than hang. */
			log_err("job %lld (%s) ended without a result",
			    (long long)j->id, j->kind);
			j->state = JOB_FAILED;
			j->ended = time(NULL);
		}
		pthread_cond_broadcast(&q->cond);
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

struct job_queue *
job_queue_new(struct app *app)
{
	struct job_queue *q = xcalloc(1, sizeof(*q));

	q->app = app;
	q->next_id = 1;
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->cond, NULL);
	if (pthread_create(&q->worker, NULL, worker, q) != 0)
		abort();
	return q;
}

void
job_queue_free(struct job_queue *q)
{
	struct job *j, *next;

	if (q == NULL)
		return;
	pthread_mutex_lock(&q->mu);
	q->stop = true;
	pthread_cond_broadcast(&q->cond);
	pthread_mutex_unlock(&q->mu);
	pthread_join(q->worker, NULL);
	for (j = q->jobs; j != NULL; j = next) {
		next = j->next;
		job_free(j);
	}
	pthread_cond_destroy(&q->cond);
	pthread_mutex_destroy(&q->mu);
	free(q);
}

/* Forget finished jobs past their time, and the oldest past the cap.
 * Called locked. */
static void
expire(struct job_queue *q)
{
	struct job **pp = &q->jobs, *j;
	time_t now = time(NULL);
	size_t kept = 0;

	while ((j = *pp) != NULL) {
		bool ended = j->state == JOB_DONE || j->state == JOB_FAILED;

		if (ended && (now - j->ended > JOB_KEEP_SECS ||
		    kept >= JOB_MAX_KEPT)) {
			*pp = j->next;
			job_free(j);
			continue;
		}
		kept++;
		pp = &j->next;
	}
}

int64_t
job_submit(struct app *app, int64_t owner, const char *kind,
    void (*run)(struct job *, struct db *, void *), void *ctx,
    void (*ctx_free)(void *))
{
	struct job_queue *q = app->jobs;
	struct job *j = xcalloc(1, sizeof(*j));
	int64_t id;

	j->q = q;
	j->owner = owner;
	j->run = run;
	j->ctx = ctx;
	j->ctx_free = ctx_free;
	j->state = JOB_QUEUED;
	snprintf(j->kind, sizeof(j->kind), "%s", kind);
	pthread_mutex_lock(&q->mu);
	expire(q);
	id = j->id = q->next_id++;
	j->next = q->jobs;
	q->jobs = j;
	pthread_cond_broadcast(&q->cond);
	pthread_mutex_unlock(&q->mu);
	return id;
}

void
job_progress(struct job *j, int64_t done, int64_t total)
{
	pthread_mutex_lock(&j->q->mu);
	j->done = done;
	j->total = total;
	pthread_mutex_unlock(&j->q->mu);
}

void
job_finish(struct job *j, enum job_state st, const char *result)
{
	pthread_mutex_lock(&j->q->mu);
	j->state = st == JOB_DONE ? JOB_DONE : JOB_FAILED;
	free(j->result);
	j->result = xstrdup(result != NULL ? result : "");
	j->ended = time(NULL);
	pthread_mutex_unlock(&j->q->mu);
}

/* Owner's job id, or NULL.  Called locked. */
static struct job *
find(struct job_queue *q, int64_t id, int64_t owner)
{
	struct job *j;

	for (j = q->jobs; j != NULL; j = j->next)
		if (j->id == id)
			return j->owner == owner ? j : NULL;
	return NULL;
}

enum err
job_get(struct app *app, int64_t id, int64_t owner, struct job_view *out)
{
	struct job_queue *q = app->jobs;
	struct job *j;
	enum err e = ERR_NOTFOUND;

	pthread_mutex_lock(&q->mu);
	if ((j = find(q, id, owner)) != NULL) {
		out->id = j->id;
		memcpy(out->kind, j->kind, sizeof(out->kind));
		out->state = j->state;
		out->done = j->done;
		out->total = j->total;
		out->result = j->result != NULL ? xstrdup(j->result) : NULL;
		e = ERR_OK;
	}
	pthread_mutex_unlock(&q->mu);
	return e;
}

enum err
job_take_ctx(struct app *app, int64_t id, int64_t owner, const char *kind,
    void **ctx)
{
	struct job_queue *q = app->jobs;
	struct job *j;
	enum err e = ERR_NOTFOUND;

	pthread_mutex_lock(&q->mu);
	if ((j = find(q, id, owner)) != NULL && strcmp(j->kind, kind) == 0) {
		if (j->state != JOB_DONE || j->ctx == NULL)
			e = ERR_CONFLICT;
		else {
			*ctx = j->ctx;
			j->ctx = NULL;
			e = ERR_OK;
		}
	}
	pthread_mutex_unlock(&q->mu);
	return e;
}

void
job_wait(struct app *app, int64_t id)
{
	struct job_queue *q = app->jobs;
	struct job *j;

	pthread_mutex_lock(&q->mu);
	for (;;) {
		for (j = q->jobs; j != NULL && j->id != id; j = j->next)
			;
		if (j == NULL || j->state == JOB_DONE ||
		    j->state == JOB_FAILED)
			break;
		pthread_cond_wait(&q->cond, &q->mu);
	}
	pthread_mutex_unlock(&q->mu);
}

const char *
job_state_name(enum job_state s)
{
	switch (s) {
	case JOB_QUEUED:
		return "queued";
	case JOB_RUNNING:
		return "running";
	case JOB_DONE:
		return "done";
	case JOB_FAILED:
		return "failed";
	}
	return "?";
}
