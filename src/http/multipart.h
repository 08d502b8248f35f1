/*
 * multipart.h -- a bounded parser for multipart/form-data bodies (file
 * uploads, RFC 7578).
 *
 * The server keeps the whole body (capped at BUF_MAX_BODY: a larger one is
 * answered 413 before any handler runs), so this parses it in place: text
 * fields go into the request's form list like urlencoded ones (the CSRF
 * token among them), file parts become struct upload entries that point
 * into the body.  Caps: MP_MAX_PARTS parts, MP_MAX_HEADER bytes of headers
 * per part, BUF_MAX_FIELD bytes per text field.  Anything malformed (no
 * boundary, a part without a name, no closing delimiter) makes the whole
 * body invalid: nothing is half-parsed.
 */
#ifndef VITRE_MULTIPART_H
#define VITRE_MULTIPART_H

#include <stdbool.h>
#include <stddef.h>

struct kvlist;

#define MP_MAX_PARTS	64
#define MP_MAX_HEADER	(8u * 1024)

/* One uploaded file: data points into the body it was parsed from. */
struct upload {
	char		*name;		/* the form field */
	char		*filename;	/* as the browser sent it ("" if none) */
	char		*ctype;		/* its Content-Type ("" if none) */
	const char	*data;
	size_t		 len;
};

struct upload_list {
	struct upload	 v[MP_MAX_PARTS];
	size_t		 n;
};

/*
 * Parse body (len bytes) sent with Content-Type ctype.  On success adds
 * the text fields to form, the files to files, and returns true; on
 * failure adds nothing and returns false.
 */
bool	 multipart_parse(const char *ctype, const char *body, size_t len,
	    struct kvlist *form, struct upload_list *files);
void	 upload_list_clear(struct upload_list *);

#endif
