/*
 * io.h -- what the table readers and writers of src/io/ share: one row of
 * cells as a reader hands it out, and the problems a file can have, each
 * with the row and column it was found at and a message in Vietnamese and
 * English that a school clerk can act on.
 *
 * Rows and columns are numbered as a spreadsheet shows them: the first row
 * (usually the header) is row 1, column 1 is "A".
 */
#ifndef VITRE_IO_H
#define VITRE_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"

/*
 * One row from a reader.  cells[i] is NUL-terminated text of lens[i] bytes
 * (valid UTF-8 without control characters other than tab, CR and LF).  All
 * of it belongs to the reader and is valid until its next read.
 */
struct io_row {
	size_t		 row;		/* 1-based row number in the file */
	size_t		 n;		/* number of cells */
	char		**cells;
	size_t		*lens;
};

enum io_problem {
	IO_OK = 0,
	IO_READ,		/* the file cannot be read */
	IO_EMPTY,		/* nothing in it */
	IO_UTF16,		/* saved as "Unicode text" (UTF-16) */
	IO_NOT_UTF8,		/* a legacy encoding (Windows-1258, TCVN3 ...) */
	IO_CONTROL_CHAR,	/* a NUL or other control character */
	IO_CELL_TOO_BIG,
	IO_ROW_TOO_BIG,
	IO_TOO_MANY_COLS,
	IO_TOO_MANY_ROWS,
	IO_UNCLOSED_QUOTE,
	IO_BAD_QUOTE,		/* text after a closing quote */
	IO_XLS,			/* Excel 97-2003 .xls */
	IO_ZIP_BROKEN,		/* not a readable zip */
	IO_PART_MISSING,	/* detail names the part */
	IO_XML_BROKEN,		/* detail names the part */
	IO_PART_TOO_BIG,	/* detail names the part */
	IO_BAD_DATE,		/* a date serial number out of range */
	IO__MAX
};

/* Limits of one read; zero fields take the defaults below. */
struct io_limits {
	size_t	 max_cell;	/* bytes of one cell */
	size_t	 max_row;	/* bytes of one row */
	size_t	 max_cols;	/* cells in one row */
	size_t	 max_rows;	/* rows in the file */
};

#define IO_DEF_MAX_CELL	(4u * 1024)
#define IO_DEF_MAX_ROW	(64u * 1024)
#define IO_DEF_MAX_COLS	256u
#define IO_DEF_MAX_ROWS	(4u * 1024 * 1024)

struct io_error {
	enum io_problem	 what;
	size_t		 row;		/* 0: not about one row */
	size_t		 col;		/* 1-based; 0: not about one cell */
	char		 detail[96];	/* e.g. the zip part */
};

/* Fill in e (detail may be NULL). */
void	 io_error_set(struct io_error *, enum io_problem, size_t row,
	    size_t col, const char *detail);
/* Append the message for e, in English if en, else Vietnamese. */
void	 io_error_text(const struct io_error *, bool en, struct buf *out);
/* The spreadsheet name of a 1-based column: 1 "A", 27 "AA"; out[8]. */
void	 io_col_name(size_t col, char out[8]);
/* limits with the zero fields set to the defaults. */
struct io_limits io_limits_or_default(const struct io_limits *);

/*
 * Check n bytes of text for what a reader accepts: valid UTF-8, no control
 * characters but tab, CR and LF.  Returns IO_OK, IO_NOT_UTF8 or
 * IO_CONTROL_CHAR.
 */
enum io_problem io_check_text(const char *, size_t);

#endif
