/*
 * t_jobs.c -- background jobs: run in order on the worker with progress
 * and a result, visible only to their owner, context handed on once.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "app.h"
#include "jobs/job.h"

static int freed;

static void
count_free(void *p)
{
	free(p);
	freed++;
}

static void
run_count(struct job *j, struct db *db, void *ctx)
{
	int *n = ctx, i;

	assert_non_null(db);
	for (i = 1; i <= *n; i++)
		job_progress(j, i, *n);
	job_finish(j, JOB_DONE, *n > 2 ? "<p>many</p>" : "<p>few</p>");
}

static void
run_forgets(struct job *j, struct db *db, void *ctx)
{
	(void)j;
	(void)db;
	(void)ctx;
}

static void
app_open(struct app *app, char *path)
{
	struct buf err = BUF_INIT;
	int fd;

	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(app_init(app, path, &err), ERR_OK);
	buf_release(&err);
}

static void
jobs_run_and_report_to_their_owner_only(void **state)
{
	char path[] = "/tmp/vitre-t_jobs-XXXXXX";
	struct app app;
	struct job_view v;
	int *ctx = malloc(sizeof(*ctx)), *ctx2 = malloc(sizeof(*ctx2));
	void *taken = NULL;
	int64_t a, b, c;

	(void)state;
	freed = 0;
	app_open(&app, path);
	*ctx = 5;
	*ctx2 = 1;
	a = job_submit(&app, 7, "count", run_count, ctx, count_free);
	b = job_submit(&app, 8, "count", run_count, ctx2, count_free);
	c = job_submit(&app, 7, "forgets", run_forgets, NULL, NULL);
	assert_true(a > 0 && b > a && c > b);
	job_wait(&app, a);
	job_wait(&app, b);
	job_wait(&app, c);
	assert_int_equal(job_get(&app, a, 7, &v), ERR_OK);
	assert_int_equal(v.state, JOB_DONE);
	assert_int_equal(v.done, 5);
	assert_int_equal(v.total, 5);
	assert_string_equal(v.result, "<p>many</p>");
	assert_string_equal(v.kind, "count");
	free(v.result);
	/* Another user cannot see it, nor take its context. */
	assert_int_equal(job_get(&app, a, 8, &v), ERR_NOTFOUND);
	assert_int_equal(job_take_ctx(&app, a, 8, "count", &taken),
	    ERR_NOTFOUND);
	assert_int_equal(job_take_ctx(&app, a, 7, "other", &taken),
	    ERR_NOTFOUND);
	/* The owner takes it once. */
	assert_int_equal(job_take_ctx(&app, a, 7, "count", &taken), ERR_OK);
	assert_ptr_equal(taken, ctx);
	assert_int_equal(job_take_ctx(&app, a, 7, "count", &taken),
	    ERR_CONFLICT);
	free(taken);
	/* A job that never finished is failed, not left running. */
	assert_int_equal(job_get(&app, c, 7, &v), ERR_OK);
	assert_int_equal(v.state, JOB_FAILED);
	free(v.result);
	assert_int_equal(job_get(&app, 999, 7, &v), ERR_NOTFOUND);
	app_release(&app);
	assert_int_equal(freed, 1);	/* ctx2, with its job */
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(jobs_run_and_report_to_their_owner_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
