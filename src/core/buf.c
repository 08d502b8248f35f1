/*
 * buf.c -- the growable byte buffer; see buf.h for the invariants.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/xalloc.h"

char buf_empty_[1];

void
buf_init(struct buf *b, size_t max)
{
	b->data = buf_empty_;
	b->len = b->cap = 0;
	b->max = max;
	b->failed = false;
}

void
buf_release(struct buf *b)
{
	size_t max = b->max;

	if (b->cap)
		free(b->data);
	buf_init(b, max);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->data[0] = '\0';
	b->failed = false;
}

char *
buf_detach(struct buf *b, size_t *lenp)
{
	char *p;

	if (lenp != NULL)
		*lenp = b->len;
	p = b->cap ? b->data : xstrdup("");
	buf_init(b, b->max);
	return p;
}

/* Make room for n more bytes plus the NUL; false (and failed) past max. */
static bool
grow(struct buf *b, size_t n)
{
	size_t need, ncap;

	if (b->failed)
		return false;
	need = b->len + n + 1;
	if (need < b->len || (b->max && need - 1 > b->max)) {
		b->failed = true;
		return false;
	}
	if (need <= b->cap)
		return true;
	ncap = b->cap ? b->cap : 64;
	while (ncap < need)
		ncap *= 2;
	if (b->cap) {
		b->data = xrealloc(b->data, ncap);
	} else {
		b->data = xmalloc(ncap);
		b->data[0] = '\0';
	}
	b->cap = ncap;
	return true;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n == 0 || !grow(b, n))
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	if (b->failed)
		return;
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->failed = true;
		return;
	}
	if (!grow(b, (size_t)n))
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_truncate(struct buf *b, size_t len)
{
	if (len >= b->len)
		return;
	b->len = len;
	b->data[len] = '\0';
}

bool
buf_failed(const struct buf *b)
{
	return b->failed;
}

void
buf_vfmt_esc(struct buf *b, void (*esc)(struct buf *, const char *),
    const char *fmt, va_list ap)
{
	const char *p, *run = fmt;
	char num[32];

	for (p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		buf_add(b, run, (size_t)(p - run));
		switch (*++p) {
		case 's':
			esc(b, va_arg(ap, const char *));
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
}
