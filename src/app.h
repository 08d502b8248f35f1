/*
 * app.h -- the state of one running vitre: passed explicitly to everything
 * that needs it (no globals), created by the serve command or a test.
 */
#ifndef VITRE_APP_H
#define VITRE_APP_H

#include <pthread.h>
#include <stdbool.h>

struct db;
struct unit_cache;
struct ratelimit;
struct dash_cache;
struct casekey;
struct job_queue;
struct mail_sender;

struct app {
	char			*db_path;
	pthread_key_t		 db_key;	/* this thread's connection */
	struct unit_cache	*units;		/* organisation tree snapshot */
	struct ratelimit	*logins;	/* failed-login limiter */
	struct dash_cache	*dash;		/* computed dashboards */
	struct job_queue	*jobs;		/* background jobs (jobs/job.h) */
	struct mail_sender	*mail;		/* outbox and reminders, or NULL
						 * (mail/mail_sender.h) */
	bool			 secure_cookies;/* add Secure (behind TLS) */
	struct casekey		*case_key;	/* NULL unless case_key_state
						 * is CASEKEY_OK (cases/crypt.h) */
	int			 case_key_state;
};

/* Open the database, apply migrations, set up caches.  Prints to errmsg. */
struct buf;
int		 app_init(struct app *, const char *db_path, struct buf *errmsg);
void		 app_release(struct app *);
/* This thread's connection, opened on first use; NULL if it cannot open. */
struct db	*app_db(struct app *);

#endif
