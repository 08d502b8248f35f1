/*
 * buf.h -- the one growable byte buffer of vitre.
 *
 * Invariants (git's strbuf):
 *   - b->data is never NULL: a buffer made with BUF_INIT points at a shared
 *     empty string until the first write;
 *   - b->data[b->len] is always '\0', so b->data is always a C string;
 *   - BUF_INIT is a valid empty buffer; buf_release() makes it so again.
 * A size cap (curl's dynbuf): buf_init(&b, max) refuses to grow past max
 * bytes.  A write that would pass the cap, or a formatting failure, sets the
 * sticky error flag (sqlite3_str); later writes are ignored and the caller
 * checks once, at buf_failed() or buf_finish().
 *
 * Ownership: the buffer owns data.  buf_detach() hands it to the caller,
 * who frees it with free().
 */
#ifndef VITRE_BUF_H
#define VITRE_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct buf {
	char	*data;		/* NUL-terminated contents */
	size_t	 len;		/* bytes used, not counting the NUL */
	size_t	 cap;		/* bytes allocated, 0 while data is the shared "" */
	size_t	 max;		/* refuse to grow past this; 0 = no cap */
	bool	 failed;	/* sticky: a write was refused */
};

extern char buf_empty_[];
#define BUF_INIT { buf_empty_, 0, 0, 0, false }

/* Common caps. */
#define BUF_MAX_FIELD	(64u * 1024)		/* one form field */
#define BUF_MAX_BODY	(8u * 1024 * 1024)	/* one request body */

void	 buf_init(struct buf *, size_t max);
void	 buf_release(struct buf *);
void	 buf_reset(struct buf *);
char	*buf_detach(struct buf *, size_t *lenp);

void	 buf_add(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 buf_truncate(struct buf *, size_t len);

/*
 * The format engine of the escaping writers (render/html.h, render/xml.h):
 * append fmt to b, where %s passes its text through esc (NULL prints
 * nothing), %d is an int, %I an int64_t and %% a percent sign.  An unknown
 * conversion prints "%?".
 */
void	 buf_vfmt_esc(struct buf *, void (*esc)(struct buf *, const char *),
	    const char *fmt, va_list);

/* True once a write was refused (cap reached). */
bool	 buf_failed(const struct buf *);

#endif
