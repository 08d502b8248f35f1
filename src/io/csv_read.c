/*
 * csv_read.c -- the streaming CSV reader; see csv_read.h.
 *
 * The input is a window (in, inlen) over memory or over a 256 KiB block of
 * the file, refilled when used up.  A row is decoded into rec: its cells
 * one after the other, each followed by a NUL, at offsets offs[].  Runs of
 * plain bytes are copied with one memcpy; the state machine only looks at
 * quotes, the delimiter and line ends.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "io/csv_read.h"

#define CSV_BLOCK	(256u * 1024)

struct csv_reader {
	FILE		*f;
	const char	*in;		/* current window */
	size_t		 inlen;
	size_t		 inpos;
	char		*block;		/* file input: the window's storage */
	bool		 eof;		/* no more input after the window */
	bool		 started;	/* BOM and delimiter looked at */
	bool		 bom;		/* the input began with a UTF-8 BOM */
	bool		 crlf;		/* the first row ended in CR LF */

	struct io_limits lim;
	char		 delim;

	char		*rec;		/* decoded cells, NUL after each */
	size_t		 reclen;
	size_t		 reccap;
	size_t		*offs;
	size_t		*lens;
	char		**cells;
	size_t		 ncap;
	size_t		 ncells;
	struct io_row	 row;
	size_t		 rownum;

	bool		 failed;
	bool		 done;
	struct io_error	 err;
};

static struct csv_reader *
reader_new(const struct io_limits *lim, char delim)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));

	r->lim = io_limits_or_default(lim);
	r->delim = delim;
	r->reccap = 4096;
	r->rec = xmalloc(r->reccap);
	return r;
}

struct csv_reader *
csv_open_mem(const char *data, size_t len, const struct io_limits *lim,
    char delim)
{
	struct csv_reader *r = reader_new(lim, delim);

	r->in = data;
	r->inlen = len;
	r->eof = true;
	return r;
}

struct csv_reader *
csv_open_file(FILE *f, const struct io_limits *lim, char delim)
{
	struct csv_reader *r = reader_new(lim, delim);

	r->f = f;
	r->block = xmalloc(CSV_BLOCK);
	r->in = r->block;
	return r;
}

void
csv_close(struct csv_reader *r)
{
	if (r == NULL)
		return;
	free(r->block);
	free(r->rec);
	free(r->offs);
	free(r->lens);
	free(r->cells);
	free(r);
}

const struct io_error *
csv_error(const struct csv_reader *r)
{
	return &r->err;
}

char
csv_delim(const struct csv_reader *r)
{
	return r->delim;
}

static int
fail(struct csv_reader *r, enum io_problem what, size_t row, size_t col)
{
	r->failed = true;
	io_error_set(&r->err, what, row, col, NULL);
	return -1;
}

/*
 * Make more input available: true if the window now has unread bytes.
 * Sets failed on a read error.
 */
static bool
refill(struct csv_reader *r)
{
	size_t n;

	if (r->inpos < r->inlen)
		return true;
	if (r->eof)
		return false;
	n = fread(r->block, 1, CSV_BLOCK, r->f);
	if (n < CSV_BLOCK) {
		if (ferror(r->f)) {
			fail(r, IO_READ, 0, 0);
			r->eof = true;
			return false;
		}
		r->eof = true;
	}
	r->inlen = n;
	r->inpos = 0;
	return n > 0;
}

/* The next byte without taking it, or -1 at the end of the input. */
static int
peek(struct csv_reader *r)
{
	if (r->inpos == r->inlen && !refill(r))
		return -1;
	return (unsigned char)r->in[r->inpos];
}

/* Skip a byte order mark; refuse UTF-16; pick the delimiter. */
static void
start(struct csv_reader *r)
{
	const unsigned char *p;
	size_t n, i, count[3] = { 0, 0, 0 };
	static const char cand[3] = { ',', ';', '\t' };
	bool inq = false;

	r->started = true;
	if (!refill(r))
		return;
	/* A file read from disk has at least a block here unless short. */
	p = (const unsigned char *)r->in;
	n = r->inlen;
	if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff))) {
		fail(r, IO_UTF16, 0, 0);
		return;
	}
	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
		r->inpos = 3;
		r->bom = true;
	}
	if (r->delim != 0)
		return;
	for (i = r->inpos; i < n; i++) {
		if (p[i] == '"')
			inq = !inq;
		else if (!inq && (p[i] == '\n' || p[i] == '\r'))
			break;
		else if (!inq && p[i] == ',')
			count[0]++;
		else if (!inq && p[i] == ';')
			count[1]++;
		else if (!inq && p[i] == '\t')
			count[2]++;
	}
	r->delim = ',';
	if (count[1] > count[0] && count[1] >= count[2])
		r->delim = cand[1];
	else if (count[2] > count[0] && count[2] > count[1])
		r->delim = cand[2];
}

/* Append n bytes to the current cell, within the caps. */
static bool
put(struct csv_reader *r, const char *s, size_t n, size_t cellstart)
{
	size_t need = r->reclen + n + 1;

	if (r->reclen + n - cellstart > r->lim.max_cell) {
		fail(r, IO_CELL_TOO_BIG, r->rownum, r->ncells + 1);
		return false;
	}
	if (r->reclen + n > r->lim.max_row + r->lim.max_cols) {
		fail(r, IO_ROW_TOO_BIG, r->rownum, 0);
		return false;
	}
	if (need > r->reccap) {
		while (need > r->reccap)
			r->reccap *= 2;
		r->rec = xrealloc(r->rec, r->reccap);
	}
	memcpy(r->rec + r->reclen, s, n);
	r->reclen += n;
	return true;
}

/* Close the current cell that began at cellstart. */
static bool
end_cell(struct csv_reader *r, size_t cellstart)
{
	if (r->ncells == r->lim.max_cols) {
		fail(r, IO_TOO_MANY_COLS, r->rownum, r->ncells + 1);
		return false;
	}
	if (r->ncells == r->ncap) {
		r->ncap = r->ncap ? r->ncap * 2 : 32;
		r->offs = xrealloc(r->offs, r->ncap * sizeof(*r->offs));
		r->lens = xrealloc(r->lens, r->ncap * sizeof(*r->lens));
		r->cells = xrealloc(r->cells, r->ncap * sizeof(*r->cells));
	}
	/* The NUL after the cell: not counted in the cell's size. */
	if (!put(r, "", 1, r->reclen))
		return false;
	r->offs[r->ncells] = cellstart;
	r->lens[r->ncells] = r->reclen - 1 - cellstart;
	r->ncells++;
	return true;
}

/*
 * Copy the run of bytes up to the first of stop1, stop2 or a line end;
 * false on a cap.  Leaves the input at the stopping byte (or its end).
 */
static bool
run_until(struct csv_reader *r, char stop1, char stop2, bool lines,
    size_t cellstart)
{
	for (;;) {
		const char *p, *e;

		if (r->inpos == r->inlen && !refill(r))
			return !r->failed;
		p = r->in + r->inpos;
		e = r->in + r->inlen;
		while (p < e && *p != stop1 && *p != stop2 &&
		    (!lines || (*p != '\n' && *p != '\r')))
			p++;
		if (!put(r, r->in + r->inpos, (size_t)(p - (r->in + r->inpos)),
		    cellstart))
			return false;
		r->inpos = (size_t)(p - r->in);
		if (p < e)
			return true;
	}
}

/* A quoted cell, the opening quote already taken; false on error. */
static bool
quoted(struct csv_reader *r, size_t cellstart, size_t startrow)
{
	int c;

	for (;;) {
		if (!run_until(r, '"', '"', false, cellstart))
			return false;
		if (peek(r) < 0) {
			if (!r->failed)
				fail(r, IO_UNCLOSED_QUOTE, startrow,
				    r->ncells + 1);
			return false;
		}
		r->inpos++;		/* the quote */
		c = peek(r);
		if (c != '"')
			break;
		r->inpos++;
		if (!put(r, "\"", 1, cellstart))
			return false;
	}
	if (c >= 0 && c != r->delim && c != '\n' && c != '\r') {
		fail(r, IO_BAD_QUOTE, r->rownum, r->ncells + 1);
		return false;
	}
	return true;
}

int
csv_next(struct csv_reader *r, const struct io_row **out)
{
	size_t i;
	int c;

	if (!r->started)
		start(r);
	if (r->failed)
		return -1;
	if (r->done || peek(r) < 0) {
		r->done = true;
		return r->failed ? -1 : 0;
	}
	if (r->rownum == r->lim.max_rows)
		return fail(r, IO_TOO_MANY_ROWS, r->rownum + 1, 0);
	r->rownum++;
	r->reclen = 0;
	r->ncells = 0;
	for (;;) {
		size_t cellstart = r->reclen;

		c = peek(r);
		if (c == '"') {
			r->inpos++;
			if (!quoted(r, cellstart, r->rownum))
				return -1;
		} else if (!run_until(r, r->delim, r->delim, true, cellstart))
			return -1;
		if (!end_cell(r, cellstart))
			return -1;
		c = peek(r);
		if (c == r->delim) {
			r->inpos++;
			continue;
		}
		break;
	}
	if (r->failed)
		return -1;
	/* The line end: CRLF, LF or CR. */
	if (c == '\r') {
		r->inpos++;
		if (peek(r) == '\n') {
			r->inpos++;
			if (r->rownum == 1)
				r->crlf = true;
		}
	} else if (c == '\n')
		r->inpos++;
	for (i = 0; i < r->ncells; i++) {
		enum io_problem p;

		r->cells[i] = r->rec + r->offs[i];
		p = io_check_text(r->cells[i], r->lens[i]);
		if (p != IO_OK)
			return fail(r, p, r->rownum, i + 1);
	}
	r->row.row = r->rownum;
	r->row.n = r->ncells;
	r->row.cells = r->cells;
	r->row.lens = r->lens;
	*out = &r->row;
	return 1;
}

bool
csv_had_bom(const struct csv_reader *r)
{
	return r->bom;
}

bool
csv_crlf(const struct csv_reader *r)
{
	return r->crlf;
}
