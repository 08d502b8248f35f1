/*
 * xml.c -- escaping XML writers; see xml.h.
 */
#include <stdarg.h>
#include <string.h>

#include "core/strutil.h"
#include "render/xml.h"

/* The replacement for the byte at p, or NULL to keep it; *skip is how
 * many bytes the replacement stands for. */
static const char *
replacement(const unsigned char *p, size_t left, size_t *skip)
{
	uint32_t cp;
	size_t len;

	*skip = 1;
	switch (*p) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&apos;";
	case '\t': case '\n': case '\r': return NULL;
	default: break;
	}
	if (*p < 0x20 || *p == 0x7f)
		return "";		/* not allowed in XML 1.0: dropped */
	if (*p < 0x80)
		return NULL;
	len = utf8_decode((const char *)p, left, &cp);
	if (len == 0)
		return "\xef\xbf\xbd";	/* U+FFFD for a malformed byte */
	*skip = len;
	if (cp == 0xfffe || cp == 0xffff)	/* not XML characters */
		return "\xef\xbf\xbd";
	return NULL;
}

void
xml_textn(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	const unsigned char *run = p;
	const char *rep;
	size_t skip;

	while (p < e) {
		rep = replacement(p, (size_t)(e - p), &skip);
		if (rep == NULL) {
			p += skip;
			continue;
		}
		buf_add(b, run, (size_t)(p - run));
		buf_puts(b, rep);
		p += skip;
		run = p;
	}
	buf_add(b, run, (size_t)(e - run));
}

void
xml_text(struct buf *b, const char *s)
{
	if (s != NULL)
		xml_textn(b, s, strlen(s));
}

void
xml_fmt_(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vfmt_esc(b, xml_text, fmt, ap);
	va_end(ap);
}
