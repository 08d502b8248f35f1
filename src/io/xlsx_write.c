/*
 * xlsx_write.c -- the .xlsx writer; see xlsx_write.h.
 *
 * libxlsxwriter writes only to a file name, so the workbook goes to a
 * mkstemp() file in $TMPDIR (or /tmp), read back into memory at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "io/xlsx_write.h"

struct xlsx_writer {
	lxw_workbook	*wb;
	lxw_worksheet	*ws;
	lxw_format	*bold;
	lxw_format	*date;
	char		 path[512];
	lxw_row_t	 row;
	lxw_col_t	 col;
	lxw_error	 lerr;		/* the first libxlsxwriter error */
	bool		 ioerr;		/* the temporary file failed */
};

/* A new worksheet named name (cut to Excel's 31 characters at a UTF-8
 * boundary; a default name if it is not valid) becomes the current one. */
static void
add_sheet(struct xlsx_writer *w, const char *sheet_name)
{
	char name[128];
	size_t n = strlen(sheet_name), cut = 0;

	for (size_t i = 0, chars = 0; i < n && i < sizeof(name) - 1; i++) {
		if (((unsigned char)sheet_name[i] & 0xc0) != 0x80) {
			if (chars == 31)
				break;
			chars++;
		}
		cut = i + 1;
	}
	memcpy(name, sheet_name, cut);
	name[cut] = '\0';
	w->ws = workbook_add_worksheet(w->wb, cut > 0 &&
	    workbook_validate_sheet_name(w->wb, name) == LXW_NO_ERROR ?
	    name : NULL);
	w->row = 0;
	w->col = 0;
	if (w->ws == NULL)
		w->ioerr = true;
	else
		worksheet_freeze_panes(w->ws, 1, 0);
}

struct xlsx_writer *
xlsx_writer_new(const char *sheet_name)
{
	struct xlsx_writer *w = xcalloc(1, sizeof(*w));
	lxw_workbook_options opt;
	const char *tmp = getenv("TMPDIR");
	int fd;

	if (tmp == NULL || tmp[0] == '\0')
		tmp = "/tmp";
	snprintf(w->path, sizeof(w->path), "%s/vitre-xlsx-XXXXXX", tmp);
	if ((fd = mkstemp(w->path)) < 0) {
		w->ioerr = true;
		w->path[0] = '\0';
		return w;
	}
	close(fd);
	memset(&opt, 0, sizeof(opt));
	opt.constant_memory = LXW_TRUE;
	opt.tmpdir = (char *)tmp;
	w->wb = workbook_new_opt(w->path, &opt);
	if (w->wb == NULL) {
		w->ioerr = true;
		return w;
	}
	add_sheet(w, sheet_name);
	w->bold = workbook_add_format(w->wb);
	format_set_bold(w->bold);
	w->date = workbook_add_format(w->wb);
	format_set_num_format(w->date, "dd/mm/yyyy");
	return w;
}

static bool
ok(struct xlsx_writer *w)
{
	return w->ws != NULL && w->lerr == LXW_NO_ERROR && !w->ioerr;
}

void
xlsx_add_sheet(struct xlsx_writer *w, const char *sheet_name)
{
	if (ok(w))
		add_sheet(w, sheet_name);
}

static void
keep(struct xlsx_writer *w, lxw_error e)
{
	if (w->lerr == LXW_NO_ERROR)
		w->lerr = e;
}

static void
put_string(struct xlsx_writer *w, const char *s, lxw_format *f)
{
	if (ok(w) && s != NULL && s[0] != '\0')
		keep(w, worksheet_write_string(w->ws, w->row, w->col, s, f));
	w->col++;
}

void
xlsx_put_header(struct xlsx_writer *w, const char *s)
{
	put_string(w, s, w->bold);
}

void
xlsx_put_text(struct xlsx_writer *w, const char *s)
{
	put_string(w, s, NULL);
}

void
xlsx_put_number(struct xlsx_writer *w, double v)
{
	if (ok(w))
		keep(w, worksheet_write_number(w->ws, w->row, w->col, v, NULL));
	w->col++;
}

void
xlsx_put_date(struct xlsx_writer *w, const char *s)
{
	lxw_datetime dt;

	if (s == NULL || !str_is_date(s)) {
		put_string(w, s, NULL);
		return;
	}
	memset(&dt, 0, sizeof(dt));
	dt.year = (int)strtol(s, NULL, 10);
	dt.month = (uint8_t)strtol(s + 5, NULL, 10);
	dt.day = (uint8_t)strtol(s + 8, NULL, 10);
	if (ok(w))
		keep(w, worksheet_write_datetime(w->ws, w->row, w->col, &dt,
		    w->date));
	w->col++;
}

void
xlsx_end_row(struct xlsx_writer *w)
{
	w->row++;
	w->col = 0;
}

void
xlsx_set_width(struct xlsx_writer *w, unsigned col, double width)
{
	if (ok(w))
		keep(w, worksheet_set_column(w->ws, (lxw_col_t)col,
		    (lxw_col_t)col, width, NULL));
}

/* Read the whole file at path into data. */
static bool
slurp(const char *path, struct buf *data)
{
	char chunk[65536];
	FILE *f = fopen(path, "rb");
	size_t n;
	bool good;

	if (f == NULL)
		return false;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(data, chunk, n);
	good = !ferror(f) && !buf_failed(data);
	fclose(f);
	return good;
}

enum err
xlsx_writer_finish(struct xlsx_writer *w, struct buf *data,
    struct buf *errmsg)
{
	enum err e = ERR_OK;
	lxw_error ce = LXW_NO_ERROR;

	if (w->wb != NULL)
		ce = workbook_close(w->wb);
	keep(w, ce);
	if (w->lerr != LXW_NO_ERROR) {
		if (errmsg != NULL)
			buf_printf(errmsg, "xlsx: %s", lxw_strerror(w->lerr));
		e = ERR_IO;
	} else if (w->ioerr) {
		if (errmsg != NULL)
			buf_puts(errmsg, "xlsx: cannot create a temporary file");
		e = ERR_IO;
	} else if (data != NULL && !slurp(w->path, data)) {
		if (errmsg != NULL)
			buf_puts(errmsg, "xlsx: cannot read the file back");
		e = ERR_IO;
	}
	if (w->path[0] != '\0')
		unlink(w->path);
	free(w);
	return e;
}
