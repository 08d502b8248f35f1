/*
 * req.h -- one HTTP request and its response, as the handlers see it.
 *
 * The server (http/server.c) fills the request part, the dispatcher
 * (http/route.c) authenticates it and picks the handler, and the handler
 * writes the response part: status, content type, body in out, headers.
 * Everything in a struct req is freed when the request ends.
 */
#ifndef VITRE_REQ_H
#define VITRE_REQ_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/role.h"
#include "core/buf.h"
#include "core/err.h"

struct app;
struct db;
struct MHD_Connection;

enum lang { LANG_VI, LANG_EN };
/* Pick the text for the request's language. */
#define L(r, vi, en)	((r)->lang == LANG_EN ? (en) : (vi))

enum method { METHOD_GET, METHOD_POST, METHOD_OTHER };

struct kv {
	char	*key;
	char	*val;
};

struct kvlist {
	struct kv	*v;
	size_t		 n;
	size_t		 cap;
};

/* The signed-in user. */
struct user {
	int64_t		 id;
	char		 username[64];
	char		 full_name[160];
	enum role	 role;
	int64_t		 unit_id;	/* scope root */
	enum lang	 lang;
};

#define REQ_MAX_PARAMS 4

struct req {
	struct app		*app;
	struct db		*db;
	struct MHD_Connection	*conn;
	enum method		 method;
	char			*path;
	char			 ip[64];
	struct buf		 body;		/* raw request body */
	bool			 body_too_big;
	struct kvlist		 query;		/* ?a=b */
	struct kvlist		 form;		/* urlencoded or multipart body */
	struct upload_list	*files;		/* multipart uploads, or NULL */
	bool			 body_bad;	/* a malformed multipart body */
	bool			 htmx;		/* HX-Request: true */
	bool			 wants_json;	/* /api/ route */
	bool			 authed;
	struct user		 user;
	char			 csrf[48];	/* the session's token */
	char			 token_hash[65];
	enum lang		 lang;
	int64_t			 params[REQ_MAX_PARAMS];	/* {id} in the route */
	int			 nparams;

	int			 status;	/* response */
	const char		*ctype;
	struct buf		 out;
	struct kvlist		 headers;
};

void		 kvlist_add(struct kvlist *, const char *key, const char *val);
const char	*kvlist_get(const struct kvlist *, const char *key);
void		 kvlist_clear(struct kvlist *);
/* Parse application/x-www-form-urlencoded text into l; false if malformed. */
bool		 kvlist_parse_urlencoded(struct kvlist *, const char *, size_t);

/* A value from the POST form, or else the query string; NULL if absent. */
const char	*req_param(const struct req *, const char *name);
const char	*req_query(const struct req *, const char *name);
const char	*req_form(const struct req *, const char *name);
/* An uploaded file of a multipart/form-data POST, or NULL. */
struct upload;
const struct upload *req_file(const struct req *, const char *name);
/* A request header, or NULL. */
const char	*req_header(const struct req *, const char *name);
const char	*req_cookie(const struct req *, const char *name);

/* Add a response header; CR and LF in the value are removed. */
void		 resp_header(struct req *, const char *name, const char *val);
void		 resp_redirect(struct req *, const char *location);
void		 resp_html(struct req *, int status);
void		 resp_json_text(struct req *, int status, const char *json);
/* Answer with JSON j (compact), taking over the reference to j. */
struct json_t;
void		 resp_json(struct req *, int status, struct json_t *j);
int		 http_status_of(enum err);
/* A user-facing error: a page (or JSON for the API) with the message in the
 * request's language.  status is taken from e. */
void		 resp_error(struct req *, enum err e, const char *msg_vi,
		    const char *msg_en);

void		 req_free(struct req *);

#endif
