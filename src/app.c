/*
 * app.c -- set-up and tear-down of struct app, and the per-thread database
 * connections of the server's worker threads.
 */
#include <stdlib.h>

#include "app.h"
#include "auth/ratelimit.h"
#include "cases/crypt.h"
#include "core/buf.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "dashboard/cache.h"
#include "db/db.h"
#include "db/migrate.h"
#include "jobs/job.h"
#include "mail/mail_sender.h"
#include "units/unit.h"

static void
close_thread_db(void *p)
{
	db_close(p);
}

int
app_init(struct app *app, const char *db_path, struct buf *errmsg)
{
	struct db *db;

	app->db_path = xstrdup(db_path);
	app->secure_cookies = false;
	app->case_key = NULL;
	app->mail = NULL;
	app->case_key_state = CASEKEY_MISSING;
	if (pthread_key_create(&app->db_key, close_thread_db) != 0) {
		buf_puts(errmsg, "cannot create thread key");
		return ERR_IO;
	}
	if ((db = app_db(app)) == NULL) {
		buf_printf(errmsg, "cannot open database %s", db_path);
		return ERR_IO;
	}
	if (migrate(db, errmsg) != ERR_OK)
		return ERR_DB;
	app->units = unit_cache_new();
	app->logins = ratelimit_new();
	app->dash = dash_cache_new(0);
	app->jobs = job_queue_new(app);
	return ERR_OK;
}

void
app_release(struct app *app)
{
	struct db *db;

	/* First the workers, which may still use the database. */
	mail_sender_stop(app->mail);
	app->mail = NULL;
	job_queue_free(app->jobs);
	app->jobs = NULL;
	db = pthread_getspecific(app->db_key);
	db_close(db);
	pthread_setspecific(app->db_key, NULL);
	pthread_key_delete(app->db_key);
	unit_cache_free(app->units);
	ratelimit_free(app->logins);
	dash_cache_free(app->dash);
	casekey_free(app->case_key);
	app->case_key = NULL;
	free(app->db_path);
}

struct db *
app_db(struct app *app)
{
	struct db *db = pthread_getspecific(app->db_key);
	struct buf err = BUF_INIT;

	if (db != NULL)
		return db;
	if (db_open(app->db_path, &db, &err) != ERR_OK) {
		log_err("%s", err.data);
		buf_release(&err);
		return NULL;
	}
	pthread_setspecific(app->db_key, db);
	return db;
}
