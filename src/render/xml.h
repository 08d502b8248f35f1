/*
 * xml.h -- writers that escape by default for XML output (the parts of a
 * DOCX file; later XLSX and ADX).
 *
 * The same shape as render/html.h: text goes through xml_text() (or a "%s"
 * of xml_fmt()), and the only raw output is xml_lit(), which accepts
 * nothing but a string literal.
 *
 *	xml_fmt(out, "<w:t xml:space=\"preserve\">%s</w:t>", text);
 *
 * Escaping: & < > " ' become entities, so the text is safe in element
 * content and in attributes quoted either way.  What XML 1.0 does not
 * allow at all is not passed through: control characters other than tab,
 * line feed and carriage return are dropped, and bytes that are not
 * well-formed UTF-8 (and U+FFFE, U+FFFF) become U+FFFD, so a document is
 * always well-formed whatever the text holds.
 */
#ifndef VITRE_XML_H
#define VITRE_XML_H

#include <stddef.h>

#include "core/buf.h"

void	xml_text(struct buf *, const char *);
void	xml_textn(struct buf *, const char *, size_t);
#define xml_lit(b, s)	buf_add((b), "" s "", sizeof(s) - 1)
#define xml_fmt(b, fmt, ...) xml_fmt_((b), "" fmt "", __VA_ARGS__)
void	xml_fmt_(struct buf *, const char *, ...);

#endif
