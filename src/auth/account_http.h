/*
 * account_http.h -- a user's own account page: who they are and the e-mail
 * address their notifications go to.
 */
#ifndef VITRE_ACCOUNT_HTTP_H
#define VITRE_ACCOUNT_HTTP_H

struct req;

void	account_page(struct req *);		/* GET /account */
void	account_email_post(struct req *);	/* POST /account/email */

#endif
