/*
 * route.h -- the route table and the dispatcher.
 *
 * Every URL vitre answers is one line of routes[] (http/routes.c): method,
 * pattern, handler, the permission the user's role needs, and flags.  The
 * dispatcher authenticates the request, checks the permission and the CSRF
 * token of every POST, then calls the handler.  Handlers check the unit
 * scope of what they touch.
 */
#ifndef VITRE_ROUTE_H
#define VITRE_ROUTE_H

#include "auth/role.h"
#include "http/req.h"

enum route_flags {
	ROUTE_PUBLIC = (1 << 0),	/* no sign-in needed */
	ROUTE_API = (1 << 1),		/* JSON errors */
	ROUTE_NO_CSRF = (1 << 2),	/* POST checked another way (login) */
};

struct route {
	enum method	 method;
	const char	*pattern;	/* "/plans/{id}/edit": {id} = integer */
	void		(*fn)(struct req *);
	enum perm	 perm;
	unsigned	 flags;
};

extern const struct route routes[];

/* Match path against pattern; fills params.  Exposed for tests. */
bool	route_match(const char *pattern, const char *path, int64_t *params,
	    int *nparams);
/* Authenticate, authorise and run the handler for r. */
void	route_dispatch(struct req *);

#endif
