/*
 * html.h -- writers that escape by default for HTML output.
 *
 * All HTML that vitre sends is built with these.  Text from the database or
 * the user goes through html_text() (or a "%s" of html_fmt(), which escapes
 * it the same way); the only raw output is html_lit(), a macro that accepts
 * nothing but a string literal, so reviewers can grep for it.
 *
 *	html_fmt(out, "<td class=\"num\">%s</td>", name);
 *
 * html_fmt's format must be a literal.  Conversions: %s escaped text
 * (NULL prints nothing), %d int, %I int64_t, %%.  The escaping (& < > " ')
 * is safe both in element content and inside double-quoted attributes.
 */
#ifndef VITRE_HTML_H
#define VITRE_HTML_H

#include <stdint.h>

#include "core/buf.h"

void	html_text(struct buf *, const char *);
void	html_textn(struct buf *, const char *, size_t);
#define html_lit(b, s)	buf_add((b), "" s "", sizeof(s) - 1)
#define html_fmt(b, fmt, ...) html_fmt_((b), "" fmt "", __VA_ARGS__)
void	html_fmt_(struct buf *, const char *, ...);

/* Text with line breaks kept: each "\n" becomes <br>. */
void	html_text_br(struct buf *, const char *);

/*
 * s percent-encoded as a query-string value (cgit's html_url_arg): only
 * A-Z a-z 0-9 - _ . are kept, so the result is safe in a URL, an HTML
 * attribute and a Location header alike.
 */
void	html_url_arg(struct buf *, const char *s);

#endif
