/*
 * mail_http.h -- the administrator's e-mail settings page: the SMTP
 * server, a test message, the outbox, the reminder setting, and running the
 * reminder sweep for a date (with the escalation of case referrals).
 * Everything here is audited.
 */
#ifndef VITRE_MAIL_HTTP_H
#define VITRE_MAIL_HTTP_H

struct req;

void	mail_settings_page(struct req *);	/* GET /settings/mail */
void	mail_settings_post(struct req *);	/* POST /settings/mail */
void	mail_test_post(struct req *);		/* POST /settings/mail/test */
void	mail_sweep_post(struct req *);		/* POST /settings/mail/sweep */

#endif
