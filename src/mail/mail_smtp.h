/*
 * mail_smtp.h -- handing one message to the SMTP server, with libcurl.
 *
 * smtp:// connects in clear and upgrades with STARTTLS when the server
 * offers it; with starttls set the upgrade is required (no message in
 * clear).  smtps:// is TLS from the first byte.  Certificates are checked
 * against the system's CA store.  Blocks for up to MAIL_SMTP_TIMEOUT
 * seconds: call it from the sender thread, never from a request.
 */
#ifndef VITRE_MAIL_SMTP_H
#define VITRE_MAIL_SMTP_H

#include <stdbool.h>

#include "core/buf.h"
#include "core/err.h"

#define MAIL_SMTP_TIMEOUT	60

struct mail_server {
	const char	*url;		/* "smtp://mail.example.vn:587" */
	bool		 starttls;
	const char	*username;	/* "" = no authentication */
	const char	*password;
	const char	*from;
};

/* Process-wide set-up of libcurl, once before any thread sends. */
void		 mail_smtp_init(void);
void		 mail_smtp_cleanup(void);
/*
 * Send msg (a whole RFC 5322 message, mail_build) to one recipient.
 * ERR_IO with the reason in errmsg (libcurl's message, with the server's
 * answer when there is one) when it was not accepted.
 */
enum err	 mail_smtp_send(const struct mail_server *, const char *to,
		    const struct buf *msg, struct buf *errmsg);

#endif
