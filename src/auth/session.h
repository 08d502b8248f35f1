/*
 * session.h -- signed-in sessions.
 *
 * The browser holds a random 256-bit token in the HttpOnly, SameSite=Strict
 * cookie "vitre_session"; the database holds only its BLAKE2b hash, the
 * user, a CSRF token and the expiry.  A session lasts SESSION_SECONDS.
 */
#ifndef VITRE_SESSION_H
#define VITRE_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"

struct db;
struct req;

#define SESSION_SECONDS	(12 * 3600)
#define SESSION_TOKEN_LEN 64	/* hex characters */

/* Fill r->user, r->csrf, r->authed from a cookie token, if valid. */
void	 session_load(struct req *, const char *token);
/* Start a session for user_id and set the cookie on the response. */
enum err session_start(struct req *, int64_t user_id);
/* End the request's session and clear the cookie. */
void	 session_end(struct req *);
/* Constant-time comparison of two tokens. */
bool	 session_token_eq(const char *, const char *);
/* Random hex token of SESSION_TOKEN_LEN characters into out[65]. */
void	 session_random_token(char out[65]);

#endif
