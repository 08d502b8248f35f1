/*
 * t_xlsx.c -- the .xlsx reader on files written by our writer
 * (libxlsxwriter) and on hand-made packages (shared and inline strings,
 * rich text, prefixes, date styles, the 1904 system), and on broken ones:
 * not a zip, the old .xls, missing parts, bad XML, a DOCTYPE, huge cells,
 * truncated and damaged files -- an error each time, never a crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "testutil.h"
#include "io/sheet.h"
#include "io/xlsx_read.h"
#include "io/xlsx_write.h"

/* Build a zip of the n (name, content) pairs into out. */
static void
make_zip(const char *const (*parts)[2], size_t n, struct buf *out)
{
	char path[] = "/tmp/vitre-t-xlsx-XXXXXX";
	int fd = mkstemp(path), err;
	zip_t *z;
	size_t i;
	FILE *f;
	char chunk[4096];
	size_t k;

	assert_true(fd >= 0);
	close(fd);
	z = zip_open(path, ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(z, parts[i][1],
		    strlen(parts[i][1]), 0);

		assert_non_null(s);
		assert_true(zip_file_add(z, parts[i][0], s, 0) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	f = fopen(path, "rb");
	while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, k);
	fclose(f);
	unlink(path);
}

/* Read every row of data into "row:a|b" lines, or the error (English). */
static int
read_all(const char *data, size_t len, const struct io_limits *lim,
    struct buf *out)
{
	struct io_error err;
	struct sheet_reader *s = sheet_open_mem(data, len, lim, &err);
	const struct io_row *row;
	size_t i;
	int rc;

	if (s == NULL) {
		io_error_text(&err, true, out);
		return -2;
	}
	while ((rc = sheet_next(s, &row)) > 0) {
		buf_printf(out, "%zu:", row->row);
		for (i = 0; i < row->n; i++)
			buf_printf(out, "%s%s", i ? "|" : "", row->cells[i]);
		buf_putc(out, '\n');
	}
	if (rc < 0)
		io_error_text(sheet_error(s), true, out);
	sheet_close(s);
	return rc;
}

#define CT "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
#define RELS CT "<Relationships xmlns=\"http://schemas.openxmlformats.org/" \
	"package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http:" \
	"//schemas.openxmlformats.org/officeDocument/2006/relationships/" \
	"officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
#define WB(pr) CT "<workbook xmlns:r=\"http://schemas.openxmlformats.org/" \
	"officeDocument/2006/relationships\">" pr "<sheets><sheet name=\"Lớp " \
	"1A\" sheetId=\"1\" r:id=\"rId7\"/><sheet name=\"Khác\" sheetId=\"2\" " \
	"r:id=\"rId8\"/></sheets></workbook>"
#define REL(id, type, target) "<Relationship Id=\"" id "\" Type=\"http://" \
	"schemas.openxmlformats.org/officeDocument/2006/relationships/" type \
	"\" Target=\"" target "\"/>"
#define WBRELS CT "<Relationships>" REL("rId7", "worksheet", \
	"worksheets/first.xml") REL("rId8", "worksheet", \
	"/xl/worksheets/second.xml") REL("rId9", "sharedStrings", \
	"sharedStrings.xml") REL("rId10", "styles", "styles.xml") \
	"</Relationships>"
#define STYLES CT "<styleSheet><numFmts count=\"2\"><numFmt numFmtId=\"164\"" \
	" formatCode=\"dd/mm/yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"" \
	"0.00&quot;d&quot;\"/></numFmts><cellStyleXfs><xf numFmtId=\"14\"/>" \
	"</cellStyleXfs><cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId" \
	"=\"164\"/><xf numFmtId=\"14\"/><xf numFmtId=\"165\"/></cellXfs>" \
	"</styleSheet>"
#define SST CT "<sst><si><t>Họ và tên</t></si><si><r><t>Nguyễn </t></r><r>" \
	"<rPr><b/></rPr><t xml:space=\"preserve\">Văn An</t></r><rPh><t>" \
	"ignored</t></rPh></si><si><t>dòng 1_x000D_\ndòng 2</t></si></sst>"

static void
package(struct buf *out, const char *workbook, const char *sheet)
{
	const char *const parts[][2] = {
		{ "[Content_Types].xml", CT "<Types/>" },
		{ "_rels/.rels", RELS },
		{ "xl/workbook.xml", workbook },
		{ "xl/_rels/workbook.xml.rels", WBRELS },
		{ "xl/styles.xml", STYLES },
		{ "xl/sharedStrings.xml", SST },
		{ "xl/worksheets/first.xml", sheet },
		{ "xl/worksheets/second.xml", CT "<worksheet><sheetData><row>"
		    "<c><v>2</v></c></row></sheetData></worksheet>" },
	};

	make_zip(parts, sizeof(parts) / sizeof(parts[0]), out);
}

static void
expect_sheet(const char *workbook, const char *sheet, const char *want)
{
	struct buf zip = BUF_INIT, out = BUF_INIT;

	package(&zip, workbook, sheet);
	read_all(zip.data, zip.len, NULL, &out);
	assert_string_equal(out.data, want);
	buf_release(&zip);
	buf_release(&out);
}

static void
reads_strings_numbers_dates_of_the_first_sheet(void **state)
{
	(void)state;
	expect_sheet(WB(""), CT "<worksheet><sheetData>"
	    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" "
	    "t=\"inlineStr\"><is><t>Ngày sinh</t></is></c></row>"
	    "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\" s=\"1\">"
	    "<v>43466</v></c><c r=\"D3\"><v>123456789012</v></c>"
	    "<c r=\"E3\" s=\"2\"><v>61.75</v></c><c r=\"F3\" s=\"3\"><v>2.5</v>"
	    "</c><c r=\"G3\" t=\"b\"><v>1</v></c><c r=\"H3\" t=\"e\"><v>#N/A"
	    "</v></c><c r=\"I3\" t=\"str\"><f>A1&amp;\"x\"</f><v>Họ và tênx"
	    "</v></c><c r=\"J3\"><v>1.2345678901E+11</v></c></row>"
	    "<row r=\"4\"><c r=\"A4\" s=\"1\"/></row>"
	    "<row r=\"5\"><c t=\"s\"><v>2</v></c><c><v>0.1</v></c></row>"
	    "</sheetData></worksheet>",
	    "1:Họ và tên|Ngày sinh\n"
	    "3:Nguyễn Văn An|2019-01-01||123456789012|1900-03-01|2.5|TRUE|#N/A"
	    "|Họ và tênx|123456789010\n"
	    "5:dòng 1\r\ndòng 2|0.1\n");
}

static void
prefixed_names_and_the_1904_system(void **state)
{
	(void)state;
	expect_sheet(WB("<workbookPr date1904=\"1\"/>"), CT "<x:worksheet "
	    "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
	    "main\"><x:sheetData><x:row><x:c s=\"1\"><x:v>0</x:v></x:c>"
	    "</x:row></x:sheetData></x:worksheet>", "1:1904-01-01\n");
}

static void
serial_numbers_and_the_1900_leap_year_bug(void **state)
{
	char d[11];

	(void)state;
	assert_true(xlsx_serial_to_date(1, false, d));
	assert_string_equal(d, "1900-01-01");
	assert_true(xlsx_serial_to_date(59, false, d));
	assert_string_equal(d, "1900-02-28");
	assert_false(xlsx_serial_to_date(60, false, d));
	assert_true(xlsx_serial_to_date(61, false, d));
	assert_string_equal(d, "1900-03-01");
	assert_true(xlsx_serial_to_date(45658.99, false, d));
	assert_string_equal(d, "2025-01-01");
	assert_true(xlsx_serial_to_date(2958465, false, d));
	assert_string_equal(d, "9999-12-31");
	assert_false(xlsx_serial_to_date(0, false, d));
	assert_false(xlsx_serial_to_date(2958466, false, d));
	assert_true(xlsx_serial_to_date(1462, true, d));
	assert_string_equal(d, "1908-01-02");
}

static void
date_formats_are_recognised(void **state)
{
	(void)state;
	assert_true(xlsx_format_is_date("dd/mm/yyyy"));
	assert_true(xlsx_format_is_date("[$-42A]d mmmm yyyy"));
	assert_true(xlsx_format_is_date("mmm-yy"));
	assert_false(xlsx_format_is_date("General"));
	assert_false(xlsx_format_is_date("0.00"));
	assert_false(xlsx_format_is_date("[Red]#,##0"));
	assert_false(xlsx_format_is_date("0\"d\""));
	assert_false(xlsx_format_is_date("h:mm:ss"));
	assert_false(xlsx_format_is_date("#,##0_);\\(#,##0\\)"));
}

static void
round_trip_through_our_writer(void **state)
{
	struct buf data = BUF_INIT, out = BUF_INIT, err = BUF_INIT;
	struct xlsx_writer *w = xlsx_writer_new("Sổ theo dõi trẻ em của trường "
	    "tiểu học rất dài");
	struct io_error ie;
	struct xlsx_reader *r;
	int i;

	(void)state;
	xlsx_set_width(w, 0, 30);
	xlsx_put_header(w, "Họ và tên");
	xlsx_put_header(w, "Ngày sinh");
	xlsx_put_header(w, "Số");
	xlsx_put_header(w, "Ghi chú");
	xlsx_end_row(w);
	xlsx_put_text(w, "Đặng Thị Ánh, \"Bé\"");
	xlsx_put_date(w, "2019-05-02");
	xlsx_put_number(w, 12.5);
	xlsx_put_text(w, "=1+1");
	xlsx_end_row(w);
	xlsx_put_text(w, "Lò Văn Páo");
	xlsx_put_date(w, "không rõ");
	xlsx_put_number(w, 1234567);
	xlsx_put_text(w, NULL);
	xlsx_end_row(w);
	for (i = 0; i < 2000; i++) {
		xlsx_put_text(w, "x");
		xlsx_put_number(w, i);
		xlsx_end_row(w);
	}
	assert_int_equal(xlsx_writer_finish(w, &data, &err), ERR_OK);
	assert_true(data.len > 100);
	read_all(data.data, data.len, NULL, &out);
	assert_non_null(strstr(out.data,
	    "1:Họ và tên|Ngày sinh|Số|Ghi chú\n"
	    "2:Đặng Thị Ánh, \"Bé\"|2019-05-02|12.5|=1+1\n"
	    "3:Lò Văn Páo|không rõ|1234567\n4:x|0\n"));
	assert_non_null(strstr(out.data, "2003:x|1999\n"));
	r = xlsx_open_mem(data.data, data.len, NULL, &ie);
	assert_non_null(r);
	assert_string_equal(xlsx_sheet_name(r),
	    "Sổ theo dõi trẻ em của trường t");
	xlsx_close(r);
	buf_release(&data);
	buf_release(&out);
	buf_release(&err);
}

static void
expect_error(const char *data, size_t len, const struct io_limits *lim,
    const char *want)
{
	struct buf out = BUF_INIT;
	int rc = read_all(data, len, lim, &out);

	if (rc >= 0 || strstr(out.data, want) == NULL)
		fail_msg("wanted \"%s\" in \"%s\"", want, out.data);
	buf_release(&out);
}

static void
broken_files_give_messages(void **state)
{
	struct buf zip = BUF_INIT;
	const char *const nowb[][2] = { { "_rels/.rels", RELS } };
	struct io_limits lim = { 16, 0, 0, 0 };

	(void)state;
	expect_error("PK\x03\x04garbage", 11, NULL, "The .xlsx file is broken");
	expect_error("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old", 12, NULL,
	    "Excel 97-2003");
	make_zip(nowb, 1, &zip);
	expect_error(zip.data, zip.len, NULL, "lacks the part xl/workbook.xml");
	buf_reset(&zip);
	package(&zip, WB(""), CT "<worksheet><sheetData><row><c><v>1</v></c>"
	    "</row><row><c><v>2</c></row></sheetData></worksheet>");
	expect_error(zip.data, zip.len, NULL, "Row 2: The .xlsx file has a "
	    "broken part: xl/worksheets/first.xml");
	buf_reset(&zip);
	package(&zip, WB(""), CT "<!DOCTYPE lol [<!ENTITY a \"aaaa\">]>"
	    "<worksheet/>");
	expect_error(zip.data, zip.len, NULL, "broken part: DOCTYPE");
	buf_reset(&zip);
	package(&zip, WB(""), CT "<worksheet><sheetData><row r=\"7\"><c r=\"C7\""
	    " t=\"inlineStr\"><is><t>0123456789abcdefghijklmnopqrstuvwxyz</t>"
	    "</is></c></row></sheetData></worksheet>");
	expect_error(zip.data, zip.len, &lim, "Row 7, column 3 (C): The cell "
	    "is too long.");
	buf_reset(&zip);
	package(&zip, WB(""), CT "<worksheet><sheetData><row><c t=\"s\"><v>99"
	    "</v></c></row></sheetData></worksheet>");
	expect_error(zip.data, zip.len, NULL, "Row 1, column 1 (A)");
	buf_reset(&zip);
	package(&zip, WB(""), CT "<worksheet><sheetData><row><c s=\"1\"><v>60"
	    "</v></c></row></sheetData></worksheet>");
	expect_error(zip.data, zip.len, NULL, "Row 1, column 1 (A): The date");
	buf_release(&zip);
}

static void
truncated_and_damaged_files_never_crash(void **state)
{
	struct buf data = BUF_INIT, out = BUF_INIT;
	struct xlsx_writer *w = xlsx_writer_new("s");
	unsigned seed = 3;
	size_t cut;
	int i;

	(void)state;
	for (i = 0; i < 300; i++) {
		xlsx_put_text(w, "Nguyễn Văn An");
		xlsx_put_date(w, "2018-09-05");
		xlsx_put_number(w, i);
		xlsx_end_row(w);
	}
	assert_int_equal(xlsx_writer_finish(w, &data, NULL), ERR_OK);
	for (cut = 0; cut < data.len; cut += 1 + cut / 16) {
		buf_reset(&out);
		(void)read_all(data.data, cut, NULL, &out);
	}
	for (i = 0; i < 300; i++) {
		char *copy = malloc(data.len);
		int k;

		memcpy(copy, data.data, data.len);
		for (k = 0; k < 1 + i % 8; k++)
			copy[(size_t)rand_r(&seed) % data.len] =
			    (char)rand_r(&seed);
		buf_reset(&out);
		(void)read_all(copy, data.len, NULL, &out);
		free(copy);
	}
	buf_release(&data);
	buf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_strings_numbers_dates_of_the_first_sheet),
		cmocka_unit_test(prefixed_names_and_the_1904_system),
		cmocka_unit_test(serial_numbers_and_the_1900_leap_year_bug),
		cmocka_unit_test(date_formats_are_recognised),
		cmocka_unit_test(round_trip_through_our_writer),
		cmocka_unit_test(broken_files_give_messages),
		cmocka_unit_test(truncated_and_damaged_files_never_crash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
