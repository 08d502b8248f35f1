/*
 * user_http.h -- the administrator's user pages: list, create, disable,
 * set the e-mail address.
 */
#ifndef VITRE_USER_HTTP_H
#define VITRE_USER_HTTP_H

struct req;

void	user_list_page(struct req *);	/* GET /users */
void	user_create_post(struct req *);	/* POST /users */
void	user_active_post(struct req *);	/* POST /users/{id}/active */
void	user_email_post(struct req *);	/* POST /users/{id}/email */

#endif
