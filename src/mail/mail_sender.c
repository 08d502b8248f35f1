/*
 * mail_sender.c -- the delivery and reminder thread; see mail_sender.h.
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

#include "app.h"
#include "cases/casefile_http.h"
#include "cases/crypt.h"
#include "core/buf.h"
#include "core/log.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "mail/mail_conf.h"
#include "mail/mail_msg.h"
#include "mail/mail_outbox.h"
#include "mail/mail_sender.h"
#include "mail/mail_smtp.h"
#include "notify/remind.h"

struct mail_sender {
	struct app	*app;
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	bool		 stop;
	bool		 woken;
};

/* Send one claimed message with the settings c; error text into err. */
static enum err
send_one(const struct mail_conf *c, const char *password,
    const struct mail_item *m, struct buf *err)
{
	struct mail_server srv = { c->server_url, c->starttls, c->username,
	    password, c->from_addr };
	struct mail_msg msg = { c->from_addr, m->to, m->subject, m->body,
	    (int64_t)time(NULL), m->id };
	struct buf text = BUF_INIT;
	enum err e;

	mail_build(&text, &msg);
	e = mail_smtp_send(&srv, m->to, &text, err);
	buf_release(&text);
	return e;
}

int
mail_deliver_due(struct app *app, struct db *db, int64_t now)
{
	struct mail_conf c;
	struct mail_item m;
	char *password = NULL;
	const char *pwerr = NULL;
	int sent = 0;

	if (mail_conf_load(db, &c) != ERR_OK || !mail_conf_on(&c))
		goto out;
	if (mail_conf_password(&c, app->case_key, &password) != ERR_OK)
		pwerr = "Không mở được mật khẩu SMTP đã mã hóa (khóa đã đổi?); "
		    "hãy nhập lại trong Cài đặt thư điện tử. / The sealed SMTP "
		    "password cannot be opened (was the key changed?); enter "
		    "it again in the e-mail settings.";
	while (mail_outbox_claim(db, now, &m) == ERR_OK) {
		struct buf err = BUF_INIT;
		enum err e = pwerr != NULL ? ERR_INVALID :
		    send_one(&c, password, &m, &err);

		if (e == ERR_OK)
			sent++;
		else
			log_warn("mail: message %lld to %s not sent: %s",
			    (long long)m.id, m.to, pwerr ? pwerr : err.data);
		if (mail_outbox_done(db, &m, (int64_t)time(NULL), e == ERR_OK ?
		    NULL : pwerr != NULL ? pwerr : err.data) != ERR_OK)
			log_err("mail: cannot record message %lld",
			    (long long)m.id);
		buf_release(&err);
		mail_item_release(&m);
	}
out:
	casekey_wipe_free(password);
	mail_conf_release(&c);
	return sent;
}

static void *
run(void *arg)
{
	struct mail_sender *s = arg;
	int64_t next_sweep = 0, next_escalate = 0;

	pthread_mutex_lock(&s->mu);
	while (!s->stop) {
		struct db *db;
		int64_t now = (int64_t)time(NULL);

		pthread_mutex_unlock(&s->mu);
		if ((db = app_db(s->app)) != NULL) {
			if (now >= next_escalate) {
				casefile_escalate_db(db);
				next_escalate = now + MAIL_ESCALATE_SECS;
			}
			mail_deliver_due(s->app, db, now);
			if (now >= next_sweep) {
				char today[11];
				int told = 0;

				date_today(today);
				if (remind_sweep(s->app, db, today, &told) !=
				    ERR_OK)
					log_warn("reminders: the sweep failed; "
					    "trying again in an hour");
				else if (told > 0)
					log_info("reminders: %d sent", told);
				next_sweep = now + MAIL_SWEEP_SECS;
			}
		}
		pthread_mutex_lock(&s->mu);
		if (!s->stop && !s->woken) {
			struct timespec ts;

			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += MAIL_POLL_SECS;
			while (!s->stop && !s->woken && pthread_cond_timedwait(
			    &s->cv, &s->mu, &ts) != ETIMEDOUT)
				;
		}
		s->woken = false;
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

struct mail_sender *
mail_sender_start(struct app *app)
{
	struct mail_sender *s = xcalloc(1, sizeof(*s));

	s->app = app;
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->cv, NULL);
	mail_smtp_init();
	if (pthread_create(&s->thread, NULL, run, s) != 0) {
		log_err("mail: cannot start the sender thread");
		mail_smtp_cleanup();
		pthread_cond_destroy(&s->cv);
		pthread_mutex_destroy(&s->mu);
		free(s);
		return NULL;
	}
	return s;
}

void
mail_sender_wake(struct mail_sender *s)
{
	if (s == NULL)
		return;
	pthread_mutex_lock(&s->mu);
	s->woken = true;
	pthread_cond_signal(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

void
mail_sender_stop(struct mail_sender *s)
{
	if (s == NULL)
		return;
	pthread_mutex_lock(&s->mu);
	s->stop = true;
	pthread_cond_signal(&s->cv);
	pthread_mutex_unlock(&s->mu);
	pthread_join(s->thread, NULL);
	mail_smtp_cleanup();
	pthread_cond_destroy(&s->cv);
	pthread_mutex_destroy(&s->mu);
	free(s);
}
