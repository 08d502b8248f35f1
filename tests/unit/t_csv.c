/*
 * t_csv.c -- the CSV reader and field writer: quoted fields with commas,
 * doubled quotes and line breaks, CRLF and CR line ends, a UTF-8 BOM, no
 * line end at the end, row numbers as a spreadsheet counts them, and the
 * errors (closing quote missing, a field or a row too large).
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "io/csv.h"

struct rows {
	FILE			*f;
	struct csv_reader	*r;
	struct buf		 err;
};

static void
open_text(struct rows *x, const char *text, size_t max_field,
    size_t max_fields)
{
	x->f = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(x->f);
	x->r = csv_reader_new(x->f, max_field, max_fields);
	buf_init(&x->err, 0);
}

static void
close_text(struct rows *x)
{
	csv_reader_free(x->r);
	fclose(x->f);
	buf_release(&x->err);
}

/* The next row must be exactly these fields. */
static void
expect_row(struct rows *x, size_t n, const char *const *want)
{
	size_t i;

	assert_int_equal(csv_read_row(x->r, &x->err), 1);
	assert_int_equal(x->r->nfields, n);
	for (i = 0; i < n; i++) {
		assert_int_equal(x->r->lens[i], strlen(want[i]));
		assert_string_equal(x->r->fields[i], want[i]);
	}
}

static void
quoted_fields_and_line_ends(void **state)
{
	static const char text[] = "\xef\xbb\xbfname,note\r\n"
	    "\"Nguyễn, An\",\"says \"\"hi\"\"\"\r\n"
	    "\"two\r\nlines\",x\r\n"
	    "\r\n"
	    ",\rlast,\"\"";
	struct rows x;

	(void)state;
	open_text(&x, text, CSV_MAX_FIELD, 100);
	expect_row(&x, 2, (const char *[]){ "name", "note" });
	assert_true(x.r->had_bom);
	assert_true(x.r->crlf);
	assert_int_equal(x.r->row, 1);
	expect_row(&x, 2, (const char *[]){ "Nguyễn, An", "says \"hi\"" });
	expect_row(&x, 2, (const char *[]){ "two\r\nlines", "x" });
	assert_int_equal(x.r->row, 3);
	expect_row(&x, 1, (const char *[]){ "" });
	assert_true(csv_row_is_blank(x.r));
	expect_row(&x, 2, (const char *[]){ "", "" });
	expect_row(&x, 2, (const char *[]){ "last", "" });
	assert_int_equal(x.r->row, 6);
	assert_int_equal(csv_read_row(x.r, &x.err), 0);
	close_text(&x);

	open_text(&x, "a,b\nc,d\n", CSV_MAX_FIELD, 100);
	expect_row(&x, 2, (const char *[]){ "a", "b" });
	assert_false(x.r->had_bom);
	assert_false(x.r->crlf);
	expect_row(&x, 2, (const char *[]){ "c", "d" });
	assert_int_equal(csv_read_row(x.r, &x.err), 0);
	close_text(&x);
}

static void
errors_name_the_row(void **state)
{
	struct rows x;

	(void)state;
	open_text(&x, "a,b\n\"open,x\n", CSV_MAX_FIELD, 100);
	expect_row(&x, 2, (const char *[]){ "a", "b" });
	assert_int_equal(csv_read_row(x.r, &x.err), -1);
	assert_non_null(strstr(x.err.data, "row 2: closing quote missing"));
	close_text(&x);

	open_text(&x, "a,b\nc,0123456789\n", 8, 100);
	expect_row(&x, 2, (const char *[]){ "a", "b" });
	assert_int_equal(csv_read_row(x.r, &x.err), -1);
	assert_non_null(strstr(x.err.data, "row 2, field 2: a field longer "
	    "than 8 bytes"));
	close_text(&x);

	open_text(&x, "a,b,c,d\n", CSV_MAX_FIELD, 3);
	assert_int_equal(csv_read_row(x.r, &x.err), -1);
	assert_non_null(strstr(x.err.data, "more than 3 fields"));
	close_text(&x);
}

static void
writer_quotes_only_when_needed(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	csv_put_field(&b, "plain", 5);
	buf_putc(&b, '|');
	csv_put_field(&b, "a,b", 3);
	buf_putc(&b, '|');
	csv_put_field(&b, "say \"x\"", 7);
	buf_putc(&b, '|');
	csv_put_field(&b, "l1\nl2", 5);
	buf_putc(&b, '|');
	csv_put_field(&b, "", 0);
	assert_string_equal(b.data, "plain|\"a,b\"|\"say \"\"x\"\"\"|\"l1\nl2\"|");
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoted_fields_and_line_ends),
		cmocka_unit_test(errors_name_the_row),
		cmocka_unit_test(writer_quotes_only_when_needed),
	};

	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
