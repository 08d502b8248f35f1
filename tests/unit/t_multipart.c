/*
 * t_multipart.c -- multipart/form-data parsing: fields and files, quoted
 * parameters, preamble, and every malformed body refused whole.
 */
#include <string.h>

#include "testutil.h"
#include "http/multipart.h"
#include "http/req.h"

#define CT "multipart/form-data; boundary=----xyz"

static bool
parse(const char *ctype, const char *body, size_t len, struct kvlist *form,
    struct upload_list *files)
{
	return multipart_parse(ctype, body, len, form, files);
}

static void
fields_and_files_are_split(void **state)
{
	const char body[] =
	    "preamble\r\n"
	    "------xyz\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "tok123\r\n"
	    "------xyz\r\n"
	    "Content-Disposition: form-data; name=\"file\"; "
	    "filename=\"lớp \\\"1A\\\".csv\"\r\n"
	    "Content-Type: text/csv\r\n\r\n"
	    "a,b\r\n1,2\r\n\0bin\r\n"
	    "------xyz--\r\n";
	struct kvlist form = { 0 };
	struct upload_list files = { .n = 0 };

	(void)state;
	assert_true(parse(CT, body, sizeof(body) - 1, &form, &files));
	assert_string_equal(kvlist_get(&form, "csrf"), "tok123");
	assert_int_equal(files.n, 1);
	assert_string_equal(files.v[0].name, "file");
	assert_string_equal(files.v[0].filename, "lớp \"1A\".csv");
	assert_string_equal(files.v[0].ctype, "text/csv");
	assert_int_equal(files.v[0].len, 14);
	assert_memory_equal(files.v[0].data, "a,b\r\n1,2\r\n\0bin", 14);
	kvlist_clear(&form);
	upload_list_clear(&files);
}

static void
quoted_boundary_and_empty_file(void **state)
{
	const char body[] =
	    "--a b\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"\"\r\n\r\n"
	    "\r\n--a b--";
	struct kvlist form = { 0 };
	struct upload_list files = { .n = 0 };

	(void)state;
	assert_true(parse("multipart/form-data; boundary=\"a b\"", body,
	    sizeof(body) - 1, &form, &files));
	assert_int_equal(files.n, 1);
	assert_int_equal(files.v[0].len, 0);
	upload_list_clear(&files);
}

static void
malformed_bodies_add_nothing(void **state)
{
	static const char *const bad[] = {
		/* no closing delimiter */
		"------xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1",
		/* no name */
		"------xyz\r\nContent-Disposition: form-data\r\n\r\n1\r\n"
		"------xyz--",
		/* not form-data */
		"------xyz\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n"
		"1\r\n------xyz--",
		/* no blank line after the headers */
		"------xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n1"
		"\r\n------xyz--",
		/* a good part, then a broken one: nothing at all */
		"------xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		"1\r\n------xyz\r\nX: y\r\n\r\n2\r\n------xyz--",
		"",
		"no delimiter at all",
	};
	struct kvlist form = { 0 };
	struct upload_list files = { .n = 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_false(parse(CT, bad[i], strlen(bad[i]), &form, &files));
		assert_int_equal(form.n, 0);
		assert_int_equal(files.n, 0);
	}
	assert_false(parse("multipart/form-data", "x", 1, &form, &files));
	assert_false(parse("text/plain; boundary=x", "x", 1, &form, &files));
}

static void
too_many_parts_is_refused(void **state)
{
	struct buf b = BUF_INIT;
	struct kvlist form = { 0 };
	struct upload_list files = { .n = 0 };
	int i;

	(void)state;
	for (i = 0; i <= MP_MAX_PARTS; i++)
		buf_printf(&b, "------xyz\r\nContent-Disposition: form-data; "
		    "name=\"f%d\"\r\n\r\nv\r\n", i);
	buf_puts(&b, "------xyz--");
	assert_false(parse(CT, b.data, b.len, &form, &files));
	assert_int_equal(form.n, 0);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fields_and_files_are_split),
		cmocka_unit_test(quoted_boundary_and_empty_file),
		cmocka_unit_test(malformed_bodies_add_nothing),
		cmocka_unit_test(too_many_parts_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
