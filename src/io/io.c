/*
 * io.c -- the problems a table file can have, and their messages; the text
 * check every reader applies to its cells.  See io.h.
 */
#include <string.h>

#include "core/strutil.h"
#include "io/io.h"

void
io_error_set(struct io_error *e, enum io_problem what, size_t row, size_t col,
    const char *detail)
{
	e->what = what;
	e->row = row;
	e->col = col;
	e->detail[0] = '\0';
	if (detail != NULL) {
		size_t n = strlen(detail);

		if (n >= sizeof(e->detail))
			n = sizeof(e->detail) - 1;
		memcpy(e->detail, detail, n);
		e->detail[n] = '\0';
	}
}

void
io_col_name(size_t col, char out[8])
{
	char tmp[8];
	size_t n = 0, i;

	while (col > 0 && n < 7) {
		col--;
		tmp[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

struct io_limits
io_limits_or_default(const struct io_limits *l)
{
	struct io_limits d = { IO_DEF_MAX_CELL, IO_DEF_MAX_ROW, IO_DEF_MAX_COLS,
	    IO_DEF_MAX_ROWS };

	if (l == NULL)
		return d;
	if (l->max_cell)
		d.max_cell = l->max_cell;
	if (l->max_row)
		d.max_row = l->max_row;
	if (l->max_cols)
		d.max_cols = l->max_cols;
	if (l->max_rows)
		d.max_rows = l->max_rows;
	return d;
}

/* The messages, indexed by enum io_problem: Vietnamese, English. */
static const char *const msgs[IO__MAX][2] = {
	[IO_OK] = { "Không có lỗi.", "No error." },
	[IO_READ] = { "Không đọc được tệp.", "The file cannot be read." },
	[IO_EMPTY] = { "Tệp không có dữ liệu.", "The file is empty." },
	[IO_UTF16] = { "Tệp được lưu dạng \"Unicode Text\" (UTF-16). Hãy mở "
	    "bằng Excel và lưu lại dạng \"CSV UTF-8 (Comma delimited)\".",
	    "The file is saved as \"Unicode Text\" (UTF-16). Open it in Excel "
	    "and save it as \"CSV UTF-8 (Comma delimited)\"." },
	[IO_NOT_UTF8] = { "Tệp không phải UTF-8 (có thể là Windows-1258 hoặc "
	    "TCVN3). Hãy mở bằng Excel và lưu lại dạng \"CSV UTF-8 (Comma "
	    "delimited)\".", "The file is not UTF-8 (perhaps Windows-1258 or "
	    "TCVN3). Open it in Excel and save it as \"CSV UTF-8 (Comma "
	    "delimited)\"." },
	[IO_CONTROL_CHAR] = { "Ô chứa ký tự điều khiển không hợp lệ.",
	    "The cell holds an invalid control character." },
	[IO_CELL_TOO_BIG] = { "Ô quá dài.", "The cell is too long." },
	[IO_ROW_TOO_BIG] = { "Dòng quá dài.", "The row is too long." },
	[IO_TOO_MANY_COLS] = { "Dòng có quá nhiều cột.",
	    "The row has too many columns." },
	[IO_TOO_MANY_ROWS] = { "Tệp có quá nhiều dòng.",
	    "The file has too many rows." },
	[IO_UNCLOSED_QUOTE] = { "Dấu ngoặc kép mở ở đây không được đóng.",
	    "A double quote opened here is never closed." },
	[IO_BAD_QUOTE] = { "Có ký tự ngay sau dấu ngoặc kép đóng.",
	    "A character follows a closing double quote." },
	[IO_XLS] = { "Tệp Excel 97-2003 (.xls) không được hỗ trợ. Hãy lưu lại "
	    "dạng .xlsx hoặc \"CSV UTF-8\".", "Excel 97-2003 files (.xls) are "
	    "not supported. Save it as .xlsx or \"CSV UTF-8\"." },
	[IO_ZIP_BROKEN] = { "Tệp .xlsx bị hỏng (không đọc được nội dung nén).",
	    "The .xlsx file is broken (its zip cannot be read)." },
	[IO_PART_MISSING] = { "Tệp .xlsx thiếu phần", "The .xlsx file lacks "
	    "the part" },
	[IO_XML_BROKEN] = { "Tệp .xlsx có phần bị hỏng:",
	    "The .xlsx file has a broken part:" },
	[IO_PART_TOO_BIG] = { "Tệp .xlsx có phần quá lớn:",
	    "The .xlsx file has a part that is too big:" },
	[IO_BAD_DATE] = { "Ngày (số sê-ri của Excel) nằm ngoài khoảng cho phép.",
	    "The date (an Excel serial number) is out of range." },
};

void
io_error_text(const struct io_error *e, bool en, struct buf *out)
{
	char col[8];
	enum io_problem w = e->what < IO__MAX ? e->what : IO_READ;

	if (e->row > 0 && e->col > 0) {
		io_col_name(e->col, col);
		buf_printf(out, en ? "Row %zu, column %zu (%s): " :
		    "Dòng %zu, cột %zu (%s): ", e->row, e->col, col);
	} else if (e->row > 0)
		buf_printf(out, en ? "Row %zu: " : "Dòng %zu: ", e->row);
	buf_puts(out, msgs[w][en ? 1 : 0]);
	if (e->detail[0] != '\0')
		buf_printf(out, " %s", e->detail);
}

enum io_problem
io_check_text(const char *s, size_t n)
{
	size_t i;

	if (str_is_clean_utf8(s, n))
		return IO_OK;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7f)
			return IO_CONTROL_CHAR;
	}
	return IO_NOT_UTF8;
}
