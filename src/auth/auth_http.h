/*
 * auth_http.h -- sign-in, sign-out, language switch and the home redirect.
 */
#ifndef VITRE_AUTH_HTTP_H
#define VITRE_AUTH_HTTP_H

struct req;

void	auth_login_form(struct req *);
void	auth_login(struct req *);
void	auth_logout(struct req *);
void	auth_lang(struct req *);
void	auth_home(struct req *);

#endif
