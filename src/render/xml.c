/*
 * xml.c -- escaping XML writers; see xml.h.
 */
#include <stdarg.h>
#include <string.h>

#include "render/xml.h"

size_t
xml_utf8_char(const unsigned char *s, size_t n)
{
	unsigned long cp, min;
	size_t len, i;

	if (n == 0)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		cp = s[0] & 0x1f;
		min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		cp = s[0] & 0x0f;
		min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		cp = s[0] & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* The replacement for the byte at p, or NULL to keep it; *skip is how
 * many bytes the replacement stands for. */
static const char *
replacement(const unsigned char *p, size_t left, size_t *skip)
{
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
	len = xml_utf8_char(p, left);
	if (len == 0)
		return "\xef\xbf\xbd";	/* U+FFFD for a malformed byte */
	*skip = len;
	/* U+FFFE and U+FFFF are not XML characters. */
	if (len == 3 && p[0] == 0xef && p[1] == 0xbf && p[2] >= 0xbe)
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
