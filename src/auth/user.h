/*
 * user.h -- user accounts: creation with validation, lookup for sign-in.
 */
#ifndef VITRE_USER_H
#define VITRE_USER_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/role.h"
#include "core/buf.h"
#include "core/err.h"

struct db;

struct user_new {
	const char	*username;	/* 3-64 of a-z 0-9 . _ - */
	const char	*full_name;	/* 1-160 characters */
	const char	*password;	/* at least PASSWORD_MIN_LEN */
	enum role	 role;
	int64_t		 unit_id;	/* scope root; must exist */
	bool		 demo;
};

/*
 * Validate and create a user.  On ERR_INVALID or ERR_CONFLICT, errmsg gets
 * "field: message" in Vietnamese then English, separated by " / ".  The
 * new id goes to *id_out when it is not NULL.
 */
enum err	user_create(struct db *, const struct user_new *,
		    int64_t *id_out, struct buf *errmsg);
/*
 * Set or remove ("" or NULL) a user's e-mail address (inside the caller's
 * transaction).  ERR_INVALID, with "field: message" in errmsg, for an
 * address mail_addr_valid() refuses; ERR_NOTFOUND for no such user.
 */
enum err	user_set_email(struct db *, int64_t id, const char *email,
		    struct buf *errmsg);
/* Is the name a valid user name? */
bool		user_name_valid(const char *);

#endif
