/*
 * server.c -- glue between libmicrohttpd and the dispatcher.
 *
 * libmicrohttpd calls the access handler several times per request: first
 * with only the headers (we allocate the struct req and return -- answering
 * now would make every response "Connection: close"), then with pieces of
 * the body (appended to req->body, capped), then once more with no data,
 * when we dispatch and queue the response.  The completion callback frees
 * the request.  Each worker thread uses its own database connection.
 */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "app.h"
#include "core/log.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "http/multipart.h"
#include "http/req.h"
#include "http/route.h"
#include "http/server.h"

struct server {
	struct MHD_Daemon	*d;
	struct app		*app;
};

static const char *const security_headers[][2] = {
	{ "X-Content-Type-Options", "nosniff" },
	{ "X-Frame-Options", "DENY" },
	{ "Referrer-Policy", "same-origin" },
	{ "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
	    "style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
	    "form-action 'self'; base-uri 'none'" },
	{ "Cache-Control", "no-store" },
};

static struct req *
req_new(struct app *app, struct MHD_Connection *conn, const char *method,
    const char *url)
{
	struct req *r = xcalloc(1, sizeof(*r));
	const union MHD_ConnectionInfo *ci;
	const char *hx;

	r->app = app;
	r->conn = conn;
	r->method = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0 ?
	    METHOD_GET : strcmp(method, "POST") == 0 ? METHOD_POST :
	    METHOD_OTHER;
	r->path = xstrdup(url);
	buf_init(&r->body, BUF_MAX_BODY);
	buf_init(&r->out, 0);
	r->status = 200;
	r->ctype = "text/html; charset=utf-8";
	hx = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "HX-Request");
	r->htmx = hx != NULL && strcmp(hx, "true") == 0;
	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci != NULL && ci->client_addr != NULL) {
		const struct sockaddr *sa = ci->client_addr;

		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)
			    (const void *)sa)->sin_addr, r->ip, sizeof(r->ip));
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)
			    (const void *)sa)->sin6_addr, r->ip, sizeof(r->ip));
	}
	return r;
}

static enum MHD_Result
collect_query(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct req *r = cls;

	(void)kind;
	kvlist_add(&r->query, key, value ? value : "");
	return MHD_YES;
}

static enum MHD_Result
send_response(struct req *r)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	size_t i, len;
	char *body;

	len = r->out.len;
	body = buf_detach(&r->out, NULL);
	resp = MHD_create_response_from_buffer(len, body,
	    MHD_RESPMEM_MUST_FREE);
	if (resp == NULL) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, "Content-Type", r->ctype);
	for (i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]);
	    i++) {
		/* Static assets set their own cache policy. */
		if (strcmp(security_headers[i][0], "Cache-Control") == 0 &&
		    kvlist_get(&r->headers, "Cache-Control") != NULL)
			continue;
		MHD_add_response_header(resp, security_headers[i][0],
		    security_headers[i][1]);
	}
	for (i = 0; i < r->headers.n; i++)
		MHD_add_response_header(resp, r->headers.v[i].key,
		    r->headers.v[i].val);
	ret = MHD_queue_response(r->conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct server *s = cls;
	struct req *r = *con_cls;
	const char *ctype;

	(void)version;
	if (r == NULL) {
		*con_cls = req_new(s->app, conn, method, url);
		return MHD_YES;
	}
	if (*upload_size > 0) {
		if (!r->body_too_big) {
			buf_add(&r->body, upload, *upload_size);
			r->body_too_big = buf_failed(&r->body);
		}
		*upload_size = 0;
		return MHD_YES;
	}

	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_query,
	    r);
	ctype = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    "Content-Type");
	if (r->method == METHOD_POST && ctype != NULL &&
	    str_has_prefix(ctype, "application/x-www-form-urlencoded") &&
	    !r->body_too_big)
		(void)kvlist_parse_urlencoded(&r->form, r->body.data,
		    r->body.len);
	else if (r->method == METHOD_POST && ctype != NULL &&
	    str_has_prefix(ctype, "multipart/form-data") && !r->body_too_big) {
		r->files = xcalloc(1, sizeof(*r->files));
		r->body_bad = !multipart_parse(ctype, r->body.data,
		    r->body.len, &r->form, r->files);
	}
	r->db = app_db(s->app);
	if (r->db == NULL) {
		r->wants_json = strncmp(url, "/api/", 5) == 0;
		resp_error(r, ERR_DB, "Cơ sở dữ liệu không mở được.",
		    "The database cannot be opened.");
	} else
		route_dispatch(r);
	return send_response(r);
}

static void
on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)conn;
	(void)toe;
	req_free(*con_cls);
	*con_cls = NULL;
}

struct server *
server_start(struct app *app, uint16_t port, unsigned threads)
{
	struct server *s = xcalloc(1, sizeof(*s));
	struct sockaddr_in sa;

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons(port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s->app = app;
	s->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	    MHD_USE_ERROR_LOG, port, NULL, NULL, on_request, s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_THREAD_POOL_SIZE, threads,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
	    MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
	    MHD_OPTION_END);
	if (s->d == NULL) {
		log_err("cannot listen on 127.0.0.1:%u", (unsigned)port);
		free(s);
		return NULL;
	}
	return s;
}

void
server_stop(struct server *s)
{
	if (s == NULL)
		return;
	MHD_stop_daemon(s->d);
	free(s);
}
