/*
 * xlsx_write.h -- an .xlsx writer over libxlsxwriter, in the shape of our
 * other writers: open, put cells row by row, close; the first error is
 * kept (sticky) and reported once, at close.
 *
 * It always runs libxlsxwriter in constant_memory mode, so a big export
 * costs one row of memory (rows must be written in order, which is the
 * only way this API allows); sheets one after the other.  Text cells are written as strings, never as
 * formulas: "=1+1" stays text, so no neutralising is needed here.
 *
 *	struct xlsx_writer *w = xlsx_writer_new("Sổ theo dõi");
 *	xlsx_put_header(w, "Họ và tên"); ... xlsx_end_row(w);
 *	xlsx_put_text(w, name); xlsx_put_date(w, "2019-05-02"); xlsx_end_row(w);
 *	if (xlsx_writer_finish(w, &data) != ERR_OK) ...   (data: the file)
 */
#ifndef VITRE_XLSX_WRITE_H
#define VITRE_XLSX_WRITE_H

#include "core/buf.h"
#include "core/err.h"

struct xlsx_writer;

/*
 * A new workbook with one sheet (name cut to Excel's 31 characters),
 * written to a private temporary file.  Never NULL; a failure to create
 * it is reported by xlsx_writer_finish().
 */
struct xlsx_writer	*xlsx_writer_new(const char *sheet_name);
/* Start another sheet (name as for the first); the cells go there now. */
void			 xlsx_add_sheet(struct xlsx_writer *, const char *sheet_name);
/* Cells of the current row, left to right.  NULL text is an empty cell. */
void			 xlsx_put_header(struct xlsx_writer *, const char *);
void			 xlsx_put_text(struct xlsx_writer *, const char *);
void			 xlsx_put_number(struct xlsx_writer *, double);
/* A date "YYYY-MM-DD" as a real date cell shown dd/mm/yyyy; other text is
 * written as text. */
void			 xlsx_put_date(struct xlsx_writer *, const char *);
void			 xlsx_end_row(struct xlsx_writer *);
/* Width of a column (0-based) in characters; call before the first row. */
void			 xlsx_set_width(struct xlsx_writer *, unsigned col,
			    double width);
/*
 * Close the workbook, move the file's bytes into data (if not NULL), remove
 * the temporary file, free w.  ERR_IO with the reason in errmsg (if not
 * NULL) when anything failed on the way.
 */
enum err		 xlsx_writer_finish(struct xlsx_writer *,
			    struct buf *data, struct buf *errmsg);

#endif
