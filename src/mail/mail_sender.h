/*
 * mail_sender.h -- the thread that delivers the outbox and runs the
 * reminder sweep, outside any request.
 *
 * Started by "vitre serve" (struct app's mail); it wakes every
 * MAIL_POLL_SECS, or at once after mail_sender_wake(), and sends every
 * message that is due, one at a time, with its own database connection.
 * It runs remind_sweep() for today when it starts and then every
 * MAIL_SWEEP_SECS, and the escalation of unacknowledged case referrals
 * (casefile_escalate_db) every MAIL_ESCALATE_SECS, so their notices and
 * e-mails go even when nobody opens a case page.
 */
#ifndef VITRE_MAIL_SENDER_H
#define VITRE_MAIL_SENDER_H

#include <stdint.h>

struct app;
struct db;
struct mail_sender;

#define MAIL_POLL_SECS	2
#define MAIL_SWEEP_SECS	3600
#define MAIL_ESCALATE_SECS	300

struct mail_sender	*mail_sender_start(struct app *);
/* Stop the thread (after the message it is sending); NULL is a no-op. */
void			 mail_sender_stop(struct mail_sender *);
/* Look at the outbox now (a message was queued); NULL is a no-op. */
void			 mail_sender_wake(struct mail_sender *);

/* Send every message due at now; returns how many were accepted. */
int			 mail_deliver_due(struct app *, struct db *,
			    int64_t now);

#endif
