/*
 * t_core.c -- the buffer, the strict parsers and the HTML escaping writers.
 */
#include <string.h>

#include "testutil.h"
#include "core/strutil.h"
#include "render/html.h"
#include "render/numfmt.h"

static void
buf_grows_and_stays_nul_terminated(void **state)
{
	struct buf b = BUF_INIT;
	int i;

	(void)state;
	assert_string_equal(b.data, "");
	for (i = 0; i < 1000; i++)
		buf_puts(&b, "ab");
	assert_int_equal(b.len, 2000);
	assert_int_equal(b.data[2000], '\0');
	buf_printf(&b, "%d", 42);
	assert_string_equal(b.data + 2000, "42");
	buf_release(&b);
	assert_string_equal(b.data, "");
}

static void
buf_refuses_past_its_cap_and_remembers(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 4);
	buf_puts(&b, "abc");
	assert_false(buf_failed(&b));
	buf_puts(&b, "de");
	assert_true(buf_failed(&b));
	buf_puts(&b, "x");
	assert_string_equal(b.data, "abc");
	buf_release(&b);
}

static void
int_parser_rejects_trailing_garbage(void **state)
{
	int64_t v = 7;

	(void)state;
	assert_true(str_to_int64("123", &v));
	assert_int_equal(v, 123);
	assert_false(str_to_int64("12abc", &v));
	assert_false(str_to_int64("", &v));
	assert_false(str_to_int64(" 1", &v));
	assert_false(str_to_int64("99999999999999999999", &v));
	assert_false(str_to_int_range("-1", 0, 10, &v));
	assert_true(str_to_int_range("10", 0, 10, &v));
}

static void
decimal_parser_takes_vietnamese_comma(void **state)
{
	double d = 0;

	(void)state;
	assert_true(str_to_decimal("99,1", &d));
	assert_true(d > 99.09 && d < 99.11);
	assert_true(str_to_decimal("0.5", &d));
	assert_false(str_to_decimal("1,2,3", &d));
	assert_false(str_to_decimal("abc", &d));
	assert_false(str_to_decimal(".5", &d));
	assert_false(str_to_decimal("5.", &d));
}

static void
dates_must_exist_in_the_calendar(void **state)
{
	(void)state;
	assert_true(str_is_date("2024-02-29"));
	assert_false(str_is_date("2023-02-29"));
	assert_false(str_is_date("2024-13-01"));
	assert_false(str_is_date("2024-1-01"));
	assert_int_equal(date_days("1970-01-02"), 1);
	assert_int_equal(date_days("2025-07-01") - date_days("2025-06-30"), 1);
}

static void
utf8_check_rejects_bad_bytes_and_controls(void **state)
{
	const char *ok = "Nguyễn Văn An — Đặng";

	(void)state;
	assert_true(str_is_clean_utf8(ok, strlen(ok)));
	assert_false(str_is_clean_utf8("a\x01b", 3));
	assert_false(str_is_clean_utf8("\xc3", 1));
	assert_false(str_is_clean_utf8("\xed\xa0\x80", 3)); /* surrogate */
	assert_int_equal(utf8_len("Đặng"), 4);
}

static void
html_escapes_text_and_format_arguments(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	html_text(&b, "<script>alert('x') & \"y\"</script>");
	assert_string_equal(b.data, "&lt;script&gt;alert(&#39;x&#39;) &amp; "
	    "&quot;y&quot;&lt;/script&gt;");
	buf_reset(&b);
	html_fmt(&b, "<td title=\"%s\">%d/%I</td>", "a\"b", 5, (int64_t)7);
	assert_string_equal(b.data, "<td title=\"a&quot;b\">5/7</td>");
	buf_release(&b);
}

static void
dates_are_shown_day_first(void **state)
{
	char out[NUMFMT_MAX];

	(void)state;
	assert_string_equal(numfmt_date(out, "2025-07-01"), "01/07/2025");
	assert_string_equal(numfmt_date(out, "not a date"), "not a date");
}

static void
migrations_create_the_catalogue_and_periods(void **state)
{
	struct db *db = test_db();
	int64_t n = 0;

	(void)state;
	assert_int_equal(db_one_int(db_stmt(db, "SELECT COUNT(*) FROM indicator"),
	    &n), ERR_OK);
	assert_true(n >= 18);
	assert_int_equal(db_one_int(db_stmt(db, "SELECT COUNT(*) FROM period"
	    " WHERE code = '2024-2025' AND ref_on = '2025-05-31'"), &n), ERR_OK);
	assert_int_equal(n, 1);
	/* Applying again is a no-op. */
	assert_int_equal(migrate(db, NULL), ERR_OK);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_grows_and_stays_nul_terminated),
		cmocka_unit_test(buf_refuses_past_its_cap_and_remembers),
		cmocka_unit_test(int_parser_rejects_trailing_garbage),
		cmocka_unit_test(decimal_parser_takes_vietnamese_comma),
		cmocka_unit_test(dates_must_exist_in_the_calendar),
		cmocka_unit_test(utf8_check_rejects_bad_bytes_and_controls),
		cmocka_unit_test(html_escapes_text_and_format_arguments),
		cmocka_unit_test(dates_are_shown_day_first),
		cmocka_unit_test(migrations_create_the_catalogue_and_periods),
	};

	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
