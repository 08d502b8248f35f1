/*
 * multipart.c -- multipart/form-data, parsed in place; see multipart.h.
 *
 * Layout of a body with boundary B:
 *	[preamble] --B CRLF headers CRLF CRLF content CRLF --B CRLF ...
 *	... content CRLF --B-- [epilogue]
 * Parts are found first, into a local table; only when the whole body is
 * well-formed are they handed to the form list and the file list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "http/multipart.h"
#include "http/req.h"

#define MP_MAX_BOUNDARY	70

/*
 * The value of parameter name in a header value such as
 * 'form-data; name="file"; filename="a b.csv"', into out (cap n).  Quoted
 * strings may hold \" escapes.  false if absent or too long.
 */
static bool
param(const char *v, const char *name, char *out, size_t n)
{
	size_t nl = strlen(name), o = 0;
	const char *p = v;

	while ((p = strchr(p, ';')) != NULL) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, name, nl) != 0 || p[nl] != '=')
			continue;
		p += nl + 1;
		if (*p == '"') {
			for (p++; *p != '\0' && *p != '"'; p++) {
				if (*p == '\\' && p[1] != '\0')
					p++;
				if (o + 1 >= n)
					return false;
				out[o++] = *p;
			}
			if (*p != '"')
				return false;
		} else {
			for (; *p != '\0' && *p != ';' && *p != ' '; p++) {
				if (o + 1 >= n)
					return false;
				out[o++] = *p;
			}
		}
		out[o] = '\0';
		return true;
	}
	return false;
}

struct part {
	char		 name[256];
	char		 filename[256];
	char		 ctype[128];
	bool		 is_file;
	const char	*data;
	size_t		 len;
};

/* Parse the header block [h, h + n) of one part into p. */
static bool
part_headers(const char *h, size_t n, struct part *p)
{
	char line[MP_MAX_HEADER + 1];
	const char *e = h + n;
	bool have_disp = false;

	while (h < e) {
		const char *eol = memmem(h, (size_t)(e - h), "\r\n", 2);
		size_t ln = eol ? (size_t)(eol - h) : (size_t)(e - h);

		memcpy(line, h, ln);
		line[ln] = '\0';
		h += ln + (eol ? 2 : 0);
		if (strncasecmp(line, "Content-Disposition:", 20) == 0) {
			const char *v = line + 20;

			while (*v == ' ' || *v == '\t')
				v++;
			if (strncasecmp(v, "form-data", 9) != 0)
				return false;
			if (!param(v, "name", p->name, sizeof(p->name)) ||
			    p->name[0] == '\0')
				return false;
			p->is_file = param(v, "filename", p->filename,
			    sizeof(p->filename));
			have_disp = true;
		} else if (strncasecmp(line, "Content-Type:", 13) == 0) {
			const char *v = line + 13;
			size_t vl;

			while (*v == ' ' || *v == '\t')
				v++;
			vl = strlen(v);
			if (vl >= sizeof(p->ctype))
				vl = sizeof(p->ctype) - 1;
			memcpy(p->ctype, v, vl);
			p->ctype[vl] = '\0';
		}
	}
	return have_disp;
}

bool
multipart_parse(const char *ctype, const char *body, size_t len,
    struct kvlist *form, struct upload_list *files)
{
	char boundary[MP_MAX_BOUNDARY + 1], delim[MP_MAX_BOUNDARY + 5];
	struct part *parts = NULL;
	size_t nparts = 0, dl, i;
	const char *p, *e = body + len;
	bool ok = false;

	if (ctype == NULL || strncasecmp(ctype, "multipart/form-data", 19) != 0 ||
	    !param(ctype, "boundary", boundary, sizeof(boundary)) ||
	    boundary[0] == '\0')
		return false;
	/* "\r\n--B": the delimiter before every part but the first. */
	dl = (size_t)snprintf(delim, sizeof(delim), "\r\n--%s", boundary);
	/* The first delimiter: at the start or after a preamble line. */
	if (len >= dl - 2 && memcmp(body, delim + 2, dl - 2) == 0)
		p = body + dl - 2;
	else {
		p = memmem(body, len, delim, dl);
		if (p == NULL)
			return false;
		p += dl;
	}
	parts = xcalloc(MP_MAX_PARTS, sizeof(*parts));
	for (;;) {
		const char *hend, *next;
		struct part *pt;

		if (e - p >= 2 && p[0] == '-' && p[1] == '-') {
			ok = true;	/* the closing delimiter */
			break;
		}
		/* Transport padding is allowed after the delimiter. */
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if (e - p < 2 || p[0] != '\r' || p[1] != '\n')
			break;
		p += 2;
		if (nparts == MP_MAX_PARTS)
			break;
		hend = memmem(p, (size_t)(e - p), "\r\n\r\n", 4);
		if (hend == NULL || (size_t)(hend - p) > MP_MAX_HEADER)
			break;
		pt = &parts[nparts];
		if (!part_headers(p, (size_t)(hend - p), pt))
			break;
		p = hend + 4;
		next = memmem(p, (size_t)(e - p), delim, dl);
		if (next == NULL)
			break;
		pt->data = p;
		pt->len = (size_t)(next - p);
		if (!pt->is_file && pt->len > BUF_MAX_FIELD)
			break;
		nparts++;
		p = next + dl;
	}
	if (!ok)
		goto out;
	for (i = 0; i < nparts; i++) {
		struct part *pt = &parts[i];

		if (pt->is_file) {
			struct upload *u;

			if (files->n == MP_MAX_PARTS)
				break;
			u = &files->v[files->n++];

			u->name = xstrdup(pt->name);
			u->filename = xstrdup(pt->filename);
			u->ctype = xstrdup(pt->ctype);
			u->data = pt->data;
			u->len = pt->len;
		} else {
			char *v = xstrndup(pt->data, pt->len);

			kvlist_add(form, pt->name, v);
			free(v);
		}
	}
out:
	free(parts);
	return ok;
}

void
upload_list_clear(struct upload_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].filename);
		free(l->v[i].ctype);
	}
	l->n = 0;
}
