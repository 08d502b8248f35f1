/*
 * xlsx_read.h -- a streaming reader for the first sheet of an .xlsx file
 * (libzip + expat).
 *
 * Finds the workbook through the package relationships, its first sheet
 * through workbook.xml and its relationships, reads the shared strings and
 * the cell styles, then streams the sheet's XML one row at a time (the
 * parser is suspended at each </row>), so memory stays bounded by the
 * shared strings and one row.  Cells come out as text:
 *   - shared and inline strings as written (rich text runs joined,
 *     phonetic runs dropped, _xHHHH_ escapes decoded);
 *   - numbers in a date format (built-in ids or a custom format with d, m
 *     or y) as YYYY-MM-DD, from Excel's serial numbers with its 1900
 *     leap-year bug (or the 1904 system when the workbook says so);
 *   - other numbers as the shortest decimal ("001" saved as a number comes
 *     out "1": callers that expect codes pad them);
 *   - booleans as TRUE / FALSE, errors as their text (#N/A), formula
 *     results as their cached value.
 * Empty cells between filled ones come out as ""; rows with no value are
 * skipped (row numbers stay those of the sheet).
 *
 * Broken input never crashes: a file that is not a zip, a missing part,
 * malformed XML, a DOCTYPE (never in an .xlsx: refused, so no entity
 * tricks), a cell or part past its cap each give an io_error.
 */
#ifndef VITRE_XLSX_READ_H
#define VITRE_XLSX_READ_H

#include <stdbool.h>

#include "io/io.h"

struct xlsx_reader;

/*
 * Open len bytes at data (borrowed: must outlive the reader) or the file at
 * path.  NULL with *err filled in when the file cannot be used.
 */
struct xlsx_reader	*xlsx_open_mem(const void *data, size_t len,
			    const struct io_limits *, struct io_error *err);
struct xlsx_reader	*xlsx_open_file(const char *path,
			    const struct io_limits *, struct io_error *err);
/* As csv_next(): 1 a row, 0 the end, -1 an error (xlsx_error()). */
int			 xlsx_next(struct xlsx_reader *,
			    const struct io_row **row);
const struct io_error	*xlsx_error(const struct xlsx_reader *);
/* The name of the sheet being read. */
const char		*xlsx_sheet_name(const struct xlsx_reader *);
void			 xlsx_close(struct xlsx_reader *);

/*
 * An Excel date serial number as "YYYY-MM-DD" into out[11] (the time of
 * day is dropped).  false for serials outside 1900-01-01 .. 9999-12-31 and
 * for 60, Excel's nonexistent 29 February 1900.
 */
bool			 xlsx_serial_to_date(double serial, bool date1904,
			    char out[11]);
/* True if an Excel number format code shows a date. */
bool			 xlsx_format_is_date(const char *code);

#endif
