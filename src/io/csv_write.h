/*
 * csv_write.h -- a CSV writer that is safe to open in a spreadsheet.
 *
 * Cells are separated by ',' and rows end in CRLF (RFC 4180).  A cell is
 * quoted when it holds a comma, a double quote or a line break, with its
 * quotes doubled.  A text cell that begins with = + - @ tab or CR would be
 * taken as a formula by Excel or LibreOffice ("CSV injection"): it is
 * neutralised as OWASP recommends, by a leading apostrophe, and quoted.
 * Numbers written with csv_put_int() are not touched.
 *
 * Output goes to a struct buf; with a FILE the buffer is flushed to it
 * whenever it passes 64 KiB, so a big export stays in bounded memory.
 *
 *	struct csv_writer w;
 *	csv_writer_init(&w, &out, NULL, true);
 *	csv_put(&w, "Họ và tên"); csv_put(&w, "Ngày sinh"); csv_end_row(&w);
 *	...
 *	if (csv_writer_finish(&w) != ERR_OK) ...
 */
#ifndef VITRE_CSV_WRITE_H
#define VITRE_CSV_WRITE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/err.h"

struct csv_writer {
	struct buf	*out;		/* borrowed */
	FILE		*f;		/* borrowed; NULL: keep it all in out */
	size_t		 ncell;		/* cells in the current row */
	bool		 failed;	/* a write to f failed */
};

/* Start writing into out (and f if not NULL); bom: a UTF-8 byte order
 * mark first, so Excel opens the file as UTF-8. */
void		 csv_writer_init(struct csv_writer *, struct buf *out, FILE *f,
		    bool bom);
/* One text cell (NULL is an empty cell). */
void		 csv_put(struct csv_writer *, const char *);
void		 csv_put_int(struct csv_writer *, int64_t);
void		 csv_end_row(struct csv_writer *);
/* Flush what is left to f; ERR_IO if a write failed. */
enum err	 csv_writer_finish(struct csv_writer *);

/* Append the one cell s to out, neutralised and quoted as needed. */
void		 csv_put_field(struct buf *out, const char *s);

#endif
