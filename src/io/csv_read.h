/*
 * csv_read.h -- a streaming CSV reader (RFC 4180 and what Excel writes).
 *
 * Reads one row at a time from memory or a FILE, in bounded memory: fields
 * in double quotes may hold the delimiter, line breaks and doubled quotes;
 * rows end in CRLF, LF or CR; a UTF-8 byte order mark is skipped.  The
 * delimiter is ',' ';' or tab, taken from the first line unless given
 * (Excel on a Vietnamese Windows saves "CSV" with ';').  A quote inside an
 * unquoted field is kept as text, as Excel does.
 *
 * Every cell must be UTF-8 without control characters: a file in a legacy
 * encoding (Windows-1258, TCVN3) or UTF-16 is refused with a message that
 * says how to save it, naming the row and column.  The size of a cell and
 * of a row, the columns of a row and the rows of a file are capped (io.h
 * struct io_limits).  After the first error the reader only repeats it.
 *
 *	struct csv_reader *r = csv_open_mem(data, len, NULL, 0);
 *	const struct io_row *row;
 *	int rc;
 *	while ((rc = csv_next(r, &row)) > 0)
 *		use(row);
 *	if (rc < 0)
 *		io_error_text(csv_error(r), en, &msg);
 *	csv_close(r);
 */
#ifndef VITRE_CSV_READ_H
#define VITRE_CSV_READ_H

#include <stdbool.h>
#include <stdio.h>

#include "io/io.h"

struct csv_reader;

/*
 * Read len bytes at data (borrowed: must outlive the reader), or the open
 * file f (borrowed; not closed).  delim 0 means "take it from the first
 * line".  lim may be NULL for the defaults.
 */
struct csv_reader	*csv_open_mem(const char *data, size_t len,
			    const struct io_limits *lim, char delim);
struct csv_reader	*csv_open_file(FILE *f, const struct io_limits *lim,
			    char delim);
/*
 * The next row into *row (owned by the reader, valid until the next call):
 * 1 a row, 0 the end, -1 an error (csv_error()).
 */
int			 csv_next(struct csv_reader *, const struct io_row **row);
const struct io_error	*csv_error(const struct csv_reader *);
/* The delimiter in use (after the first row). */
char			 csv_delim(const struct csv_reader *);
void			 csv_close(struct csv_reader *);
/* After the first row: did the input begin with a UTF-8 byte order mark,
 * and did its first row end in CR LF?  (To write output the same way.) */
bool			 csv_had_bom(const struct csv_reader *);
bool			 csv_crlf(const struct csv_reader *);

#endif
