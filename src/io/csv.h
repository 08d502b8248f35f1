/*
 * csv.h -- reading and writing CSV (RFC 4180) as people's spreadsheets
 * make it: a UTF-8 byte order mark at the start, fields in double quotes
 * with "" for a quote and line ends inside, CRLF, LF or CR line ends, and
 * no line end after the last row.
 *
 * The reader streams a FILE row by row with bounded memory: a field longer
 * than max_field bytes or a row of more than max_fields fields is an error
 * that names the row, never a silent cut.  Rows are numbered as a
 * spreadsheet numbers them (the first row, usually the header, is 1; a
 * field with a line break inside stays in one row).
 *
 *	struct csv_reader *r = csv_reader_new(stdin, CSV_MAX_FIELD, 4096);
 *	while ((rc = csv_read_row(r, &err)) > 0)
 *		for (i = 0; i < r->nfields; i++)
 *			use(r->fields[i], r->lens[i]);
 *	if (rc < 0) ... err.data names the row ...
 *	csv_reader_free(r);
 *
 * Ownership: the reader borrows the FILE (the caller closes it); fields
 * point into the reader and are valid until the next csv_read_row().
 */
#ifndef VITRE_CSV_H
#define VITRE_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/buf.h"

#define CSV_MAX_FIELD	(64u * 1024)	/* bytes in one field */

struct csv_reader {
	char		**fields;	/* NUL-terminated fields of the row */
	size_t		 *lens;		/* their lengths (a field may hold NUL) */
	size_t		  nfields;
	long		  row;		/* number of the row just read */
	bool		  had_bom;	/* the input started with a UTF-8 BOM */
	bool		  crlf;		/* the first row ended with CR LF */
	/* Internal. */
	FILE		 *f;
	char		 *in;		/* read buffer */
	size_t		  in_len, in_pos;
	bool		  eof, started;
	char		 *text;		/* the row's fields, NUL-separated */
	size_t		  text_len, text_cap;
	size_t		 *starts;	/* offsets of the fields in text */
	size_t		  fields_cap;
	size_t		  max_field, max_fields;
};

struct csv_reader	*csv_reader_new(FILE *, size_t max_field,
			    size_t max_fields);
void			 csv_reader_free(struct csv_reader *);
/* Read the next row: 1 if there is one, 0 at the end, -1 on an error
 * (unclosed quote, field or row too large, read error), described with
 * its row number in err. */
int			 csv_read_row(struct csv_reader *, struct buf *err);
/* True if the row just read is an empty line. */
bool			 csv_row_is_blank(const struct csv_reader *);

/* Append one field to out, in double quotes if it holds a comma, a quote
 * or a line break.  The text is written as it is otherwise. */
void			 csv_put_field(struct buf *out, const char *, size_t);

#endif
