/*
 * req.c -- request accessors: key/value lists, form decoding, headers.
 */
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "http/multipart.h"
#include "http/req.h"

void
kvlist_add(struct kvlist *l, const char *key, const char *val)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n].key = xstrdup(key);
	l->v[l->n].val = xstrdup(val);
	l->n++;
}

const char *
kvlist_get(const struct kvlist *l, const char *key)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return l->v[i].val;
	return NULL;
}

void
kvlist_clear(struct kvlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].key);
		free(l->v[i].val);
	}
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode one urlencoded component of n bytes into a new string. */
static char *
decode(const char *s, size_t n, bool *ok)
{
	char *out = xmalloc(n + 1), *o = out;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '+')
			*o++ = ' ';
		else if (s[i] == '%') {
			int hi, lo;

			if (i + 2 >= n) {
				*ok = false;
				break;
			}
			hi = hexval(s[i + 1]);
			lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0) {
				*ok = false;
				break;
			}
			*o++ = (char)(hi * 16 + lo);
			i += 2;
		} else
			*o++ = s[i];
	}
	*o = '\0';
	return out;
}

bool
kvlist_parse_urlencoded(struct kvlist *l, const char *s, size_t n)
{
	const char *p = s, *e = s + n;
	bool ok = true;

	while (p < e && ok) {
		const char *amp = memchr(p, '&', (size_t)(e - p));
		const char *end = amp ? amp : e, *eq;
		char *k, *v;

		if (end == p) {
			p = end + 1;
			continue;
		}
		eq = memchr(p, '=', (size_t)(end - p));
		k = decode(p, (size_t)((eq ? eq : end) - p), &ok);
		v = eq ? decode(eq + 1, (size_t)(end - eq - 1), &ok) :
		    xstrdup("");
		if (ok)
			kvlist_add(l, k, v);
		free(k);
		free(v);
		p = end + 1;
	}
	return ok;
}

const char *
req_form(const struct req *r, const char *name)
{
	return kvlist_get(&r->form, name);
}

const struct upload *
req_file(const struct req *r, const char *name)
{
	size_t i;

	if (r->files == NULL)
		return NULL;
	for (i = 0; i < r->files->n; i++)
		if (strcmp(r->files->v[i].name, name) == 0)
			return &r->files->v[i];
	return NULL;
}

const char *
req_query(const struct req *r, const char *name)
{
	return kvlist_get(&r->query, name);
}

const char *
req_param(const struct req *r, const char *name)
{
	const char *v = NULL;

	if (r->method == METHOD_POST)
		v = req_form(r, name);
	return v ? v : req_query(r, name);
}

const char *
req_header(const struct req *r, const char *name)
{
	if (r->conn == NULL)
		return NULL;
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *
req_cookie(const struct req *r, const char *name)
{
	if (r->conn == NULL)
		return NULL;
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

void
resp_header(struct req *r, const char *name, const char *val)
{
	char *clean = xstrdup(val), *p, *q;

	for (p = q = clean; *p; p++)
		if (*p != '\r' && *p != '\n')
			*q++ = *p;
	*q = '\0';
	kvlist_add(&r->headers, name, clean);
	free(clean);
}

void
req_free(struct req *r)
{
	if (r == NULL)
		return;
	free(r->path);
	buf_release(&r->body);
	buf_release(&r->out);
	kvlist_clear(&r->query);
	kvlist_clear(&r->form);
	kvlist_clear(&r->headers);
	if (r->files != NULL) {
		upload_list_clear(r->files);
		free(r->files);
	}
	free(r);
}
