/*
 * csv.c -- a streaming CSV reader and a field writer; see csv.h.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "io/csv.h"

#define IN_SIZE	(1u << 20)	/* bytes read from the FILE at a time */

struct csv_reader *
csv_reader_new(FILE *f, size_t max_field, size_t max_fields)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));

	r->f = f;
	r->in = xmalloc(IN_SIZE);
	r->max_field = max_field;
	r->max_fields = max_fields;
	r->fields_cap = 16;
	r->starts = xmalloc(r->fields_cap * sizeof(*r->starts));
	r->fields = xmalloc(r->fields_cap * sizeof(*r->fields));
	r->lens = xmalloc(r->fields_cap * sizeof(*r->lens));
	r->text_cap = 1024;
	r->text = xmalloc(r->text_cap);
	return r;
}

void
csv_reader_free(struct csv_reader *r)
{
	if (r == NULL)
		return;
	free(r->in);
	free(r->starts);
	free(r->fields);
	free(r->lens);
	free(r->text);
	free(r);
}

/* Refill the read buffer; false at the end of the input or on an error. */
static bool
fill(struct csv_reader *r)
{
	if (r->eof)
		return false;
	r->in_len = fread(r->in, 1, IN_SIZE, r->f);
	r->in_pos = 0;
	if (r->in_len == 0) {
		r->eof = true;
		return false;
	}
	return true;
}

/* The next byte, or -1 at the end. */
static inline int
next(struct csv_reader *r)
{
	if (r->in_pos == r->in_len && !fill(r))
		return -1;
	return (unsigned char)r->in[r->in_pos++];
}

/* The next byte without taking it, or -1 at the end. */
static inline int
peek(struct csv_reader *r)
{
	if (r->in_pos == r->in_len && !fill(r))
		return -1;
	return (unsigned char)r->in[r->in_pos];
}

/* Add a byte to the current field; false if it gets too long. */
static inline bool
push(struct csv_reader *r, int c)
{
	if (r->text_len - r->starts[r->nfields - 1] >= r->max_field)
		return false;
	if (r->text_len + 1 >= r->text_cap) {
		r->text_cap *= 2;
		r->text = xrealloc(r->text, r->text_cap);
	}
	r->text[r->text_len++] = (char)c;
	return true;
}

/* Start a new field; false if the row has too many. */
static bool
start_field(struct csv_reader *r)
{
	if (r->nfields == r->max_fields)
		return false;
	if (r->nfields == r->fields_cap) {
		r->fields_cap *= 2;
		r->starts = xrealloc(r->starts, r->fields_cap *
		    sizeof(*r->starts));
		r->fields = xrealloc(r->fields, r->fields_cap *
		    sizeof(*r->fields));
		r->lens = xrealloc(r->lens, r->fields_cap * sizeof(*r->lens));
	}
	r->starts[r->nfields++] = r->text_len;
	return true;
}

/* End the current field with a NUL (room is always left by push()). */
static void
end_field(struct csv_reader *r)
{
	if (r->text_len + 1 >= r->text_cap) {
		r->text_cap *= 2;
		r->text = xrealloc(r->text, r->text_cap);
	}
	r->text[r->text_len++] = '\0';
}

int
csv_read_row(struct csv_reader *r, struct buf *err)
{
	bool quoted = false;
	size_t i;
	int c;

	if (!r->started) {
		r->started = true;
		if (fill(r) && r->in_len >= 3 && memcmp(r->in, "\xef\xbb\xbf",
		    3) == 0) {
			r->in_pos = 3;
			r->had_bom = true;
		}
	}
	if ((c = next(r)) < 0)
		goto end;
	r->row++;
	r->text_len = 0;
	r->nfields = 0;
	start_field(r);
	for (;;) {
		if (c == '"' && !quoted &&
		    r->text_len == r->starts[r->nfields - 1]) {
			/* A quoted field: up to the quote not doubled. */
			quoted = true;
			for (;;) {
				if ((c = next(r)) < 0) {
					buf_printf(err, "dòng %ld: thiếu dấu \" "
					    "đóng / row %ld: closing quote "
					    "missing", r->row, r->row);
					return -1;
				}
				if (c == '"') {
					if (peek(r) != '"')
						break;
					next(r);
				}
				if (!push(r, c))
					goto too_long;
			}
			/* Text after the closing quote is kept, as most
			 * readers do. */
			c = next(r);
			continue;
		}
		if (c < 0 || c == '\n')
			break;
		if (c == '\r') {
			if (peek(r) == '\n') {
				next(r);
				if (r->row == 1)
					r->crlf = true;
			}
			break;
		}
		if (c == ',') {
			end_field(r);
			if (!start_field(r)) {
				buf_printf(err, "dòng %ld: quá %zu cột / row "
				    "%ld: more than %zu fields", r->row,
				    r->max_fields, r->row, r->max_fields);
				return -1;
			}
			quoted = false;
		} else if (!push(r, c))
			goto too_long;
		c = next(r);
	}
	end_field(r);
	for (i = 0; i < r->nfields; i++) {
		size_t stop = i + 1 < r->nfields ? r->starts[i + 1] :
		    r->text_len;

		r->fields[i] = r->text + r->starts[i];
		r->lens[i] = stop - 1 - r->starts[i];
	}
	return 1;
too_long:
	buf_printf(err, "dòng %ld, cột %zu: ô dài quá %zu byte / row %ld, "
	    "field %zu: a field longer than %zu bytes", r->row, r->nfields,
	    r->max_field, r->row, r->nfields, r->max_field);
	return -1;
end:
	if (ferror(r->f)) {
		buf_printf(err, "lỗi đọc sau dòng %ld / read error after row "
		    "%ld", r->row, r->row);
		return -1;
	}
	return 0;
}

bool
csv_row_is_blank(const struct csv_reader *r)
{
	return r->nfields == 1 && r->lens[0] == 0;
}

void
csv_put_field(struct buf *out, const char *s, size_t n)
{
	size_t i, from;

	if (memchr(s, ',', n) == NULL && memchr(s, '"', n) == NULL &&
	    memchr(s, '\n', n) == NULL && memchr(s, '\r', n) == NULL) {
		buf_add(out, s, n);
		return;
	}
	buf_putc(out, '"');
	for (i = from = 0; i < n; i++)
		if (s[i] == '"') {
			buf_add(out, s + from, i + 1 - from);
			buf_putc(out, '"');
			from = i + 1;
		}
	buf_add(out, s + from, n - from);
	buf_putc(out, '"');
}
