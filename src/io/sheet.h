/*
 * sheet.h -- read a table from a CSV or an .xlsx file without caring
 * which: the format is taken from the content (a zip is .xlsx, an OLE
 * file is the old .xls and refused, anything else is CSV), never from the
 * file name.  Rows and errors as in csv_read.h and xlsx_read.h.
 */
#ifndef VITRE_SHEET_H
#define VITRE_SHEET_H

#include "io/io.h"

struct sheet_reader;

/* data is borrowed and must outlive the reader.  NULL with *err set when
 * the file cannot be opened at all. */
struct sheet_reader	*sheet_open_mem(const char *data, size_t len,
			    const struct io_limits *, struct io_error *err);
struct sheet_reader	*sheet_open_file(const char *path,
			    const struct io_limits *, struct io_error *err);
/* 1 a row, 0 the end, -1 an error (sheet_error()). */
int			 sheet_next(struct sheet_reader *,
			    const struct io_row **row);
const struct io_error	*sheet_error(const struct sheet_reader *);
bool			 sheet_is_xlsx(const struct sheet_reader *);
void			 sheet_close(struct sheet_reader *);

#endif
