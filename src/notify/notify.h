/*
 * notify.h -- in-app notifications: a short text and a link for one user,
 * shown as a count in the navigation until read.
 *
 * Texts are written for everyone who may see a screen over a shoulder:
 * they say what is due and link to it, and never carry a child's name or
 * anything else from a protection case (a case number is the most).
 */
#ifndef VITRE_NOTIFY_H
#define VITRE_NOTIFY_H

#include <stdint.h>

#include "core/err.h"

struct db;
struct req;

/* Add one notification (inside the caller's transaction), and queue
 * its e-mail (mail/mail_outbox.h). */
enum err	notify_add(struct db *, int64_t user_id, const char *link,
		    const char *text_vi, const char *text_en);
/* How many unread notifications the user has (0 on error). */
int64_t		notify_unread(struct db *, int64_t user_id);

void		notify_page(struct req *);	/* GET /notifications */
void		notify_read_post(struct req *);	/* POST /notifications/read */

#endif
