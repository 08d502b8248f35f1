/*
 * html.c -- escaping HTML writers; see html.h.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "render/html.h"

void
html_textn(struct buf *b, const char *s, size_t n)
{
	const char *p, *run = s, *e = s + n;

	for (p = s; p < e; p++) {
		const char *rep;

		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_add(b, run, (size_t)(p - run));
		buf_puts(b, rep);
		run = p + 1;
	}
	buf_add(b, run, (size_t)(e - run));
}

void
html_text(struct buf *b, const char *s)
{
	if (s != NULL)
		html_textn(b, s, strlen(s));
}

void
html_text_br(struct buf *b, const char *s)
{
	const char *nl;

	if (s == NULL)
		return;
	while ((nl = strchr(s, '\n')) != NULL) {
		html_textn(b, s, (size_t)(nl - s));
		html_lit(b, "<br>");
		s = nl + 1;
	}
	html_text(b, s);
}

void
html_url_arg(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		    *p == '.')
			buf_putc(b, (char)*p);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

void
html_fmt_(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	const char *p, *run = fmt;
	char num[32];

	va_start(ap, fmt);
	for (p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		buf_add(b, run, (size_t)(p - run));
		switch (*++p) {
		case 's':
			html_text(b, va_arg(ap, const char *));
			break;
		case 'd':
			snprintf(num, sizeof(num), "%d", va_arg(ap, int));
			buf_puts(b, num);
			break;
		case 'I':
			snprintf(num, sizeof(num), "%" PRId64,
			    va_arg(ap, int64_t));
			buf_puts(b, num);
			break;
		case '%':
			buf_putc(b, '%');
			break;
		default:
			/* An unknown conversion is a programming error: show it. */
			buf_puts(b, "%?");
			if (*p == '\0')
				p--;
			break;
		}
		run = p + 1;
	}
	buf_add(b, run, (size_t)(p - run));
	va_end(ap);
}
