/*
 * csv_write.c -- the CSV writer; see csv_write.h.
 */
#include <string.h>

#include "io/csv_write.h"

#define CSV_FLUSH_AT	(64u * 1024)

void
csv_put_field(struct buf *out, const char *s)
{
	bool formula, quote;
	const char *p;

	if (s == NULL)
		s = "";
	formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
	    s[0] == '\t' || s[0] == '\r';
	quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (!quote) {
		buf_puts(out, s);
		return;
	}
	buf_putc(out, '"');
	if (formula)
		buf_putc(out, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_putc(out, '"');
		buf_putc(out, *p);
	}
	buf_putc(out, '"');
}

static void
flush(struct csv_writer *w, size_t at)
{
	if (w->f == NULL || w->out->len < at)
		return;
	if (fwrite(w->out->data, 1, w->out->len, w->f) != w->out->len)
		w->failed = true;
	buf_reset(w->out);
}

void
csv_writer_init(struct csv_writer *w, struct buf *out, FILE *f, bool bom)
{
	w->out = out;
	w->f = f;
	w->ncell = 0;
	w->failed = false;
	if (bom)
		buf_puts(out, "\xef\xbb\xbf");
}

static void
sep(struct csv_writer *w)
{
	if (w->ncell++ > 0)
		buf_putc(w->out, ',');
}

void
csv_put(struct csv_writer *w, const char *s)
{
	sep(w);
	csv_put_field(w->out, s);
}

void
csv_put_int(struct csv_writer *w, int64_t v)
{
	sep(w);
	buf_printf(w->out, "%lld", (long long)v);
}

void
csv_end_row(struct csv_writer *w)
{
	buf_puts(w->out, "\r\n");
	w->ncell = 0;
	flush(w, CSV_FLUSH_AT);
}

enum err
csv_writer_finish(struct csv_writer *w)
{
	flush(w, 0);
	if (w->f != NULL && fflush(w->f) != 0)
		w->failed = true;
	return w->failed || buf_failed(w->out) ? ERR_IO : ERR_OK;
}
