/*
 * mail_msg.h -- an e-mail message as the SMTP server receives it (RFC 5322
 * with MIME): the headers, a Vietnamese subject as RFC 2047 encoded words,
 * and a UTF-8 plain-text body in base64.  Pure functions: no clock, no
 * database, no network (mail_smtp.h sends, mail_outbox.h stores).
 */
#ifndef VITRE_MAIL_MSG_H
#define VITRE_MAIL_MSG_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"

/* The longest address accepted (RFC 5321's path limit). */
#define MAIL_ADDR_MAX	254

struct mail_msg {
	const char	*from;		/* "vitre@so.example.vn" */
	const char	*to;
	const char	*subject;	/* UTF-8, one line */
	const char	*body;		/* UTF-8, lines end in \n */
	int64_t		 date;		/* seconds since 1970 */
	int64_t		 id;		/* for the Message-ID (outbox id) */
};

/*
 * Is s a plain address "local@domain" we can put in a header and an SMTP
 * envelope: ASCII letters, digits and the usual punctuation, one '@', no
 * spaces, quotes, angle brackets or line ends, at most MAIL_ADDR_MAX.
 */
bool		 mail_addr_valid(const char *s);
/*
 * Append text as the value of a header: as it is when it is printable
 * ASCII, else as RFC 2047 "=?UTF-8?B?...?=" words of at most 75
 * characters, never splitting a UTF-8 character, folded with CRLF SP.
 */
void		 mail_encode_header(struct buf *out, const char *text);
/* The RFC 5322 date of t in UTC: "Sun, 22 Nov 2026 16:31:30 +0000". */
void		 mail_date(int64_t t, char out[40]);
/*
 * Append the whole message, CRLF line ends: Date, Message-ID
 * ("<vitre.ID.DATE@domain of from>"), From, To, Subject, MIME-Version,
 * Content-Type text/plain; charset=UTF-8, base64 body in 76-column lines.
 * The addresses must pass mail_addr_valid().
 */
void		 mail_build(struct buf *out, const struct mail_msg *);

#endif
