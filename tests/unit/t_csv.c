/*
 * t_csv.c -- the CSV reader (RFC 4180, what Excel writes, bad files) and
 * the CSV writer (quoting, formula neutralising), with round trips.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "io/csv_read.h"
#include "io/csv_write.h"
#include "io/sheet.h"

/* Read all of s into "a|b|c\n" lines, or the error text (Vietnamese). */
static void
read_all(const char *s, size_t n, const struct io_limits *lim,
    struct buf *out, int *rc)
{
	struct csv_reader *r = csv_open_mem(s, n, lim, 0);
	const struct io_row *row;
	size_t i;

	while ((*rc = csv_next(r, &row)) > 0) {
		buf_printf(out, "%zu:", row->row);
		for (i = 0; i < row->n; i++)
			buf_printf(out, "%s%s", i ? "|" : "", row->cells[i]);
		buf_putc(out, '\n');
	}
	if (*rc < 0)
		io_error_text(csv_error(r), false, out);
	csv_close(r);
}

static void
expect(const char *in, const char *want)
{
	struct buf out = BUF_INIT;
	int rc;

	read_all(in, strlen(in), NULL, &out, &rc);
	assert_string_equal(out.data, want);
	buf_release(&out);
}

static void
expect_error(const char *in, size_t n, const struct io_limits *lim,
    const char *want)
{
	struct buf out = BUF_INIT;
	int rc;

	read_all(in, n, lim, &out, &rc);
	assert_int_equal(rc, -1);
	if (strstr(out.data, want) == NULL)
		fail_msg("wanted \"%s\" in \"%s\"", want, out.data);
	buf_release(&out);
}

static void
reads_plain_quoted_and_doubled_quotes(void **state)
{
	(void)state;
	expect("a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\n");
	expect("\"x,y\",\"say \"\"hi\"\"\",z", "1:x,y|say \"hi\"|z\n");
	expect("a,,c\n,\n", "1:a||c\n2:|\n");
	expect("\"\",\"\"\"\"\n", "1:|\"\n");
	/* A quote inside an unquoted field is text, as Excel keeps it. */
	expect("5\" disk,b\n", "1:5\" disk|b\n");
}

static void
line_ends_crlf_lf_cr_and_none_at_the_end(void **state)
{
	(void)state;
	expect("a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n");
	expect("a,b\rc,d\r", "1:a|b\n2:c|d\n");
	expect("a,b\nc,d", "1:a|b\n2:c|d\n");
	expect("a\n\nb\n", "1:a\n2:\n3:b\n");
}

static void
line_break_inside_quotes_is_one_row(void **state)
{
	(void)state;
	expect("\"Số 1\r\nđường A\",x\nnext,y\n",
	    "1:Số 1\r\nđường A|x\n2:next|y\n");
}

static void
bom_is_skipped_and_delimiter_detected(void **state)
{
	(void)state;
	expect("\xef\xbb\xbfHọ và tên;Ngày sinh\nAn;2019-01-02\n",
	    "1:Họ và tên|Ngày sinh\n2:An|2019-01-02\n");
	expect("a\tb\tc\n1\t2\t3\n", "1:a|b|c\n2:1|2|3\n");
	/* Commas inside quotes do not count for the detection. */
	expect("\"a,b,c\";d;e\n", "1:a,b,c|d|e\n");
}

static void
unclosed_quote_names_the_row_and_column(void **state)
{
	(void)state;
	expect_error("a,b\n1,\"open\n2,3\n", 16, NULL,
	    "Dòng 2, cột 2 (B): Dấu ngoặc kép mở ở đây không được đóng.");
	expect_error("a,\"b\"x,c\n", 9, NULL, "Dòng 1, cột 2 (B)");
}

static void
windows_1258_is_refused_with_how_to_save(void **state)
{
	/* "Nguyễn" in Windows-1258: N g u y 0xEA 0xDE n. */
	const char in[] = "name,x\nAn,1\n1,Nguy\xea\xden\n";
	struct buf msg = BUF_INIT;
	struct csv_reader *r;
	const struct io_row *row;

	(void)state;
	expect_error(in, sizeof(in) - 1, NULL, "Dòng 3, cột 2 (B): Tệp "
	    "không phải UTF-8 (có thể là Windows-1258");
	r = csv_open_mem(in, sizeof(in) - 1, NULL, 0);
	while (csv_next(r, &row) > 0)
		;
	io_error_text(csv_error(r), true, &msg);
	assert_non_null(strstr(msg.data, "Row 3, column 2 (B): The file is "
	    "not UTF-8"));
	assert_non_null(strstr(msg.data, "CSV UTF-8"));
	csv_close(r);
	buf_release(&msg);
}

static void
utf16_and_control_characters_are_refused(void **state)
{
	const char u16[] = "\xff\xfe" "a\0,\0b\0";
	const char nul[] = "a,b\nc,d\0e\n";

	(void)state;
	expect_error(u16, sizeof(u16) - 1, NULL, "UTF-16");
	expect_error(nul, sizeof(nul) - 1, NULL, "Dòng 2, cột 2 (B): Ô chứa "
	    "ký tự điều khiển");
}

static void
caps_on_cell_row_columns_and_rows(void **state)
{
	struct io_limits lim = { 8, 30, 4, 2 };

	(void)state;
	expect_error("a,b\nabcdefghi,c\n", 16, &lim, "Dòng 2, cột 1 (A): Ô "
	    "quá dài.");
	expect_error("a,b,c,d,e\n", 10, &lim, "Dòng 1, cột 5 (E): Dòng có "
	    "quá nhiều cột.");
	expect_error("12345678,12345678,12345678,12345678\n", 36, &lim,
	    "Dòng 1: Dòng quá dài.");
	expect_error("a\nb\nc\n", 6, &lim, "Dòng 3: Tệp có quá nhiều dòng.");
}

static void
writer_neutralises_formulas_and_quotes(void **state)
{
	struct buf out = BUF_INIT;
	struct csv_writer w;

	(void)state;
	csv_writer_init(&w, &out, NULL, false);
	csv_put(&w, "=HYPERLINK(\"http://x\",\"y\")");
	csv_put(&w, "+1");
	csv_put(&w, "-2");
	csv_put(&w, "@SUM(A1)");
	csv_put(&w, "\tx");
	csv_put(&w, "\rx");
	csv_end_row(&w);
	csv_put(&w, "a,b");
	csv_put(&w, "say \"hi\"");
	csv_put(&w, "Nguyễn");
	csv_put(&w, NULL);
	csv_put_int(&w, -5);
	csv_end_row(&w);
	assert_int_equal(csv_writer_finish(&w), ERR_OK);
	assert_string_equal(out.data,
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+1\",\"'-2\","
	    "\"'@SUM(A1)\",\"'\tx\",\"'\rx\"\r\n"
	    "\"a,b\",\"say \"\"hi\"\"\",Nguyễn,,-5\r\n");
	buf_release(&out);
}

/* A random cell drawn from characters that need care. */
static void
random_cell(struct buf *b, unsigned *seed)
{
	static const char *const parts[] = { "a", "Đặng", ",", "\"", "\r\n",
	    "\n", " ", "=", "x", "ễ", ";", "\t" };
	int n = rand_r(seed) % 12, i;

	for (i = 0; i < n; i++)
		buf_puts(b, parts[rand_r(seed) % 12]);
}

static void
round_trip_through_a_file_across_blocks(void **state)
{
	struct buf out = BUF_INIT, cell = BUF_INIT;
	struct csv_writer w;
	char **want;
	size_t nwant = 0, i, k = 0;
	unsigned seed = 7;
	const struct io_row *row;
	struct csv_reader *r;
	FILE *f = tmpfile();
	int rc;

	(void)state;
	assert_non_null(f);
	want = calloc(60000 * 4, sizeof(*want));
	csv_writer_init(&w, &out, f, true);
	for (i = 0; i < 60000; i++) {
		int c;

		for (c = 0; c < 4; c++) {
			buf_reset(&cell);
			/* Never begin with a formula character (it would be
			 * written with an apostrophe). */
			buf_putc(&cell, 'k');
			random_cell(&cell, &seed);
			want[nwant++] = strdup(cell.data);
			csv_put(&w, cell.data);
		}
		csv_end_row(&w);
	}
	assert_int_equal(csv_writer_finish(&w), ERR_OK);
	assert_true(ftell(f) > 1024 * 1024);
	rewind(f);
	r = csv_open_file(f, NULL, 0);
	while ((rc = csv_next(r, &row)) > 0) {
		assert_int_equal(row->n, 4);
		for (i = 0; i < 4; i++)
			assert_string_equal(row->cells[i], want[k++]);
	}
	assert_int_equal(rc, 0);
	assert_int_equal(k, nwant);
	assert_int_equal(csv_delim(r), ',');
	csv_close(r);
	fclose(f);
	for (i = 0; i < nwant; i++)
		free(want[i]);
	free(want);
	buf_release(&out);
	buf_release(&cell);
}

static void
random_bytes_never_crash(void **state)
{
	struct io_limits lim = { 64, 256, 16, 100 };
	unsigned seed = 11;
	char data[512];
	int iter;

	(void)state;
	for (iter = 0; iter < 5000; iter++) {
		size_t n = (size_t)(rand_r(&seed) % (int)sizeof(data)), i;
		static const char alpha[] = "a,\"\r\n;\t\xc3\xa1\xff\0";
		struct csv_reader *r;
		const struct io_row *row;
		int rc, rows = 0;

		for (i = 0; i < n; i++)
			data[i] = iter % 2 ? (char)rand_r(&seed) :
			    alpha[rand_r(&seed) % (int)(sizeof(alpha) - 1)];
		r = csv_open_mem(data, n, &lim, 0);
		while ((rc = csv_next(r, &row)) > 0)
			rows++;
		assert_true(rows <= 100);
		if (rc < 0)
			assert_int_not_equal(csv_error(r)->what, IO_OK);
		csv_close(r);
	}
}

static void
sheet_reader_takes_csv_from_a_file(void **state)
{
	char path[] = "/tmp/vitre-t-csv-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	struct io_error err;
	struct sheet_reader *s;
	const struct io_row *row;

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs("a;b\n1;2\n", f);
	fclose(f);
	s = sheet_open_file(path, NULL, &err);
	assert_non_null(s);
	assert_false(sheet_is_xlsx(s));
	assert_int_equal(sheet_next(s, &row), 1);
	assert_int_equal(sheet_next(s, &row), 1);
	assert_string_equal(row->cells[1], "2");
	assert_int_equal(sheet_next(s, &row), 0);
	sheet_close(s);
	unlink(path);
	assert_null(sheet_open_mem("", 0, NULL, &err));
	assert_int_equal(err.what, IO_EMPTY);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_plain_quoted_and_doubled_quotes),
		cmocka_unit_test(line_ends_crlf_lf_cr_and_none_at_the_end),
		cmocka_unit_test(line_break_inside_quotes_is_one_row),
		cmocka_unit_test(bom_is_skipped_and_delimiter_detected),
		cmocka_unit_test(unclosed_quote_names_the_row_and_column),
		cmocka_unit_test(windows_1258_is_refused_with_how_to_save),
		cmocka_unit_test(utf16_and_control_characters_are_refused),
		cmocka_unit_test(caps_on_cell_row_columns_and_rows),
		cmocka_unit_test(writer_neutralises_formulas_and_quotes),
		cmocka_unit_test(round_trip_through_a_file_across_blocks),
		cmocka_unit_test(random_bytes_never_crash),
		cmocka_unit_test(sheet_reader_takes_csv_from_a_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
