/*
 * mail_outbox.h -- the messages waiting to be sent (table mail_outbox).
 *
 * notify_add() puts a message here in the same transaction as the in-app
 * notification, when e-mail is on and the user has an address; the sender
 * (mail_sender.h) delivers it later, outside any request.  A failed attempt
 * is retried after a growing delay (mail_backoff) up to MAIL_MAX_ATTEMPTS,
 * then the message is marked failed; each attempt's error is kept.
 *
 * A message says what the notification says, in the user's language first,
 * and the link: never a child's name or anything else from a case.
 */
#ifndef VITRE_MAIL_OUTBOX_H
#define VITRE_MAIL_OUTBOX_H

#include <stdint.h>

#include "core/err.h"

struct db;

#define MAIL_MAX_ATTEMPTS	8
/* A claimed message is left alone this long by other senders. */
#define MAIL_CLAIM_SECS		300

/*
 * Queue the e-mail of a notification for user_id (inside the caller's
 * transaction): nothing when e-mail is off or the user, active, has no
 * address.  link is a path ("/cases/12"), put after the base URL.
 */
enum err	 mail_enqueue_notice(struct db *, int64_t user_id,
		    const char *link, const char *text_vi, const char *text_en);
/* Queue one message to an address (user_id 0 = none); *id when not NULL. */
enum err	 mail_enqueue(struct db *, int64_t user_id, const char *to,
		    const char *subject, const char *body, int64_t *id);

/* Seconds to wait after the n-th failed attempt (n >= 1): one minute,
 * doubling, at most six hours. */
int64_t		 mail_backoff(int n);

/* A claimed message (strings owned, mail_item_release). */
struct mail_item {
	int64_t		 id;
	char		*to;
	char		*subject;
	char		*body;
	int		 attempts;	/* before this one */
};
/*
 * Claim the oldest message due at now, so no other sender takes it for
 * MAIL_CLAIM_SECS.  ERR_NOTFOUND when none is due.
 */
enum err	 mail_outbox_claim(struct db *, int64_t now,
		    struct mail_item *out);
/* Record an attempt: error NULL = sent; else retry later or give up. */
enum err	 mail_outbox_done(struct db *, const struct mail_item *,
		    int64_t now, const char *error);
void		 mail_item_release(struct mail_item *);

#endif
