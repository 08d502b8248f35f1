/*
 * err.h -- the one result code used across vitre.
 *
 * Functions that can fail return enum err; ERR_OK is 0.  Detail for the user
 * goes into an optional "struct buf *errmsg" that is left untouched on
 * success.  The mapping from enum err to an HTTP status lives in exactly one
 * place: http/response.c.
 */
#ifndef VITRE_ERR_H
#define VITRE_ERR_H

enum err {
	ERR_OK = 0,
	ERR_INVALID,	/* bad input: a field, a row, an argument */
	ERR_NOTFOUND,	/* the thing asked for does not exist */
	ERR_CONFLICT,	/* a uniqueness or state conflict */
	ERR_FORBIDDEN,	/* not allowed for this user */
	ERR_LOCKED,	/* exists but may no longer be changed */
	ERR_DB,		/* the database failed */
	ERR_IO,		/* a file or socket failed */
	ERR__MAX
};

const char	*err_name(enum err);

/* Log a "cannot happen" with the source position (SQLite's *_BKPT idea). */
#define ERR_BUG(msg) err_bug(__FILE__, __LINE__, (msg))
enum err	 err_bug(const char *, int, const char *);

#endif
