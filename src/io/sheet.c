/*
 * sheet.c -- one reader over CSV and .xlsx; see sheet.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "io/csv_read.h"
#include "io/sheet.h"
#include "io/xlsx_read.h"

struct sheet_reader {
	struct csv_reader	*csv;
	struct xlsx_reader	*xlsx;
	FILE			*f;
};

static bool
is_zip(const void *p, size_t n)
{
	return n >= 4 && memcmp(p, "PK\x03\x04", 4) == 0;
}

struct sheet_reader *
sheet_open_mem(const char *data, size_t len, const struct io_limits *lim,
    struct io_error *err)
{
	struct sheet_reader *s;
	struct xlsx_reader *x = NULL;

	if (len == 0) {
		io_error_set(err, IO_EMPTY, 0, 0, NULL);
		return NULL;
	}
	if (is_zip(data, len) || (len >= 4 && memcmp(data, "\xd0\xcf\x11\xe0",
	    4) == 0)) {
		x = xlsx_open_mem(data, len, lim, err);
		if (x == NULL)
			return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->xlsx = x;
	if (x == NULL)
		s->csv = csv_open_mem(data, len, lim, 0);
	return s;
}

struct sheet_reader *
sheet_open_file(const char *path, const struct io_limits *lim,
    struct io_error *err)
{
	struct sheet_reader *s;
	unsigned char magic[4];
	FILE *f;
	size_t n;

	if ((f = fopen(path, "rb")) == NULL) {
		io_error_set(err, IO_READ, 0, 0, NULL);
		return NULL;
	}
	n = fread(magic, 1, sizeof(magic), f);
	if (n == 0) {
		fclose(f);
		io_error_set(err, IO_EMPTY, 0, 0, NULL);
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	if (is_zip(magic, n) || (n == 4 && memcmp(magic, "\xd0\xcf\x11\xe0",
	    4) == 0)) {
		fclose(f);
		s->xlsx = xlsx_open_file(path, lim, err);
		if (s->xlsx == NULL) {
			free(s);
			return NULL;
		}
		return s;
	}
	rewind(f);
	s->f = f;
	s->csv = csv_open_file(f, lim, 0);
	return s;
}

int
sheet_next(struct sheet_reader *s, const struct io_row **row)
{
	return s->xlsx != NULL ? xlsx_next(s->xlsx, row) :
	    csv_next(s->csv, row);
}

const struct io_error *
sheet_error(const struct sheet_reader *s)
{
	return s->xlsx != NULL ? xlsx_error(s->xlsx) : csv_error(s->csv);
}

bool
sheet_is_xlsx(const struct sheet_reader *s)
{
	return s->xlsx != NULL;
}

void
sheet_close(struct sheet_reader *s)
{
	if (s == NULL)
		return;
	xlsx_close(s->xlsx);
	csv_close(s->csv);
	if (s->f != NULL)
		fclose(s->f);
	free(s);
}
