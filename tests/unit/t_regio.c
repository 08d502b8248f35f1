/*
 * t_regio.c -- the register import: messages naming row and column,
 * duplicates shown and never merged, nothing written by a check or by an
 * all-or-nothing import with a bad row, the valid rows written in one
 * transaction on acceptance, .xlsx lists, header matching, dates.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "indicators/period.h"
#include "io/sheet.h"
#include "io/xlsx_write.h"
#include "regio/import.h"
#include "units/unit.h"

static const char units_sql[] =
    "INSERT INTO unit (id, code, kind, name) VALUES"
    " (1, 'PGD', 'district', 'Phòng GD&ĐT'),"
    " (2, 'TH-A', 'th', 'Trường TH A'),"
    " (3, 'MN-B', 'mn', 'Trường MN B'),"
    " (4, 'TH-X', 'th', 'Trường TH X (ngoài phạm vi)');"
    "INSERT INTO unit_link (child_id, parent_id, role, valid_from, valid_to)"
    " VALUES (2, 1, 'admin', '1900-01-01', '9999-12-31'),"
    " (3, 1, 'admin', '1900-01-01', '9999-12-31');";

#define HEADER "Họ và tên,Giới tính,Ngày sinh,Dân tộc,Số định danh cá nhân," \
	"Lớp,Họ tên cha,SĐT cha\n"

struct fx {
	struct db		*db;
	struct unit_tree	*t;
	struct period		 y;
};

static void
fx_open(struct fx *f)
{
	f->db = test_db();
	assert_int_equal(db_exec_script(f->db, units_sql, NULL), ERR_OK);
	f->t = unit_tree_load(f->db);
	assert_non_null(f->t);
	assert_int_equal(period_get_by_code(f->db, "2025-2026", &f->y), ERR_OK);
}

static void
fx_close(struct fx *f)
{
	unit_tree_free(f->t);
	db_close(f->db);
}

static int64_t
count(struct db *db, const char *sql)
{
	int64_t n = -1;

	assert_int_equal(db_one_int(db_stmt(db, sql), &n), ERR_OK);
	return n;
}

static enum err
run(struct fx *f, int64_t scope, const char *csv, bool write, bool aon,
    struct regio_import *im)
{
	struct io_error ie;
	struct sheet_reader *sr = sheet_open_mem(csv, strlen(csv), NULL, &ie);
	enum err e;

	assert_non_null(sr);
	regio_import_init(im, f->db, f->t, scope, &f->y, "2026-01-15", 0);
	im->write = write;
	im->all_or_nothing = aon;
	e = regio_import_run(im, sr);
	sheet_close(sr);
	return e;
}

/* All problems and duplicates as text, one per line. */
static void
texts(const struct regio_import *im, bool en, struct buf *out)
{
	size_t i;

	for (i = 0; i < im->nproblems && i < REGIO_SHOW_MAX; i++) {
		regio_problem_text(&im->problems[i], en, out);
		buf_putc(out, '\n');
	}
	for (i = 0; i < im->ndups && i < REGIO_SHOW_MAX; i++) {
		regio_dup_text(&im->dups[i], NULL, en, out);
		buf_putc(out, '\n');
	}
}

static void
expect_in(const struct buf *b, const char *want)
{
	if (strstr(b->data, want) == NULL)
		fail_msg("wanted \"%s\" in:\n%s", want, b->data);
}

static const char bad_csv[] = HEADER
    "Nguyễn Văn An,Nam,05/09/2018,Kinh,001218012345,1A,Nguyễn Văn Bình,"
    "912345678\n"
    "Đặng Thị Hà,Nữ,31/02/2018,Kinh,,1A,,\n"
    "Lò Văn Páo,X,12/12/2017,Thái,,2B,,\n"
    "Hà Văn Tú,Nam,01/01/2018,Kinh,001318012345,1A,,\n"
    "Vi Thị Mai,Nữ,01/03/2018,Người Sao Hỏa,,1B,,\n"
    "Bế Văn Nam,Nam,01/03/2018,Tày,,Lá 1,,\n";

static void
each_problem_names_its_row_and_column(void **state)
{
	struct fx f;
	struct regio_import im;
	struct buf vi = BUF_INIT, en = BUF_INIT;

	(void)state;
	fx_open(&f);
	assert_int_equal(run(&f, 2, bad_csv, false, true, &im), ERR_OK);
	assert_int_equal(im.rows, 6);
	assert_int_equal(im.valid, 1);
	assert_int_equal(im.bad_rows, 5);
	texts(&im, false, &vi);
	texts(&im, true, &en);
	expect_in(&vi, "Dòng 3, cột C: Ngày sinh: «31/02/2018» không phải là "
	    "một ngày có thật");
	expect_in(&en, "Row 3, column C: Date of birth: \"31/02/2018\" is not a "
	    "date of the calendar");
	expect_in(&vi, "Dòng 4, cột B: Giới tính");
	expect_in(&vi, "Dòng 5, cột E: Số định danh cá nhân");
	expect_in(&vi, "Dòng 6, cột D: Dân tộc");
	expect_in(&en, "Row 7, column F: Grade / age group");
	/* The check wrote nothing. */
	assert_int_equal(count(f.db, "SELECT COUNT(*) FROM child"), 0);
	regio_import_release(&im);
	buf_release(&vi);
	buf_release(&en);
	fx_close(&f);
}

static void
all_or_nothing_writes_nothing_and_acceptance_writes_the_valid_rows(
    void **state)
{
	struct fx f;
	struct regio_import im;
	int64_t gen;

	(void)state;
	fx_open(&f);
	gen = db_generation(f.db);
	assert_int_equal(run(&f, 2, bad_csv, true, true, &im), ERR_OK);
	assert_int_equal(im.written, 0);
	assert_int_equal(count(f.db, "SELECT COUNT(*) FROM child"), 0);
	assert_int_equal(count(f.db, "SELECT COUNT(*) FROM enrolment"), 0);
	assert_int_equal(db_generation(f.db), gen);
	regio_import_release(&im);
	/* Accepted: the one valid row, in one transaction, with its
	 * guardian, enrolment, event, computed values and an audit row. */
	assert_int_equal(run(&f, 2, bad_csv, true, false, &im), ERR_OK);
	assert_int_equal(im.written, 1);
	assert_int_equal(count(f.db, "SELECT COUNT(*) FROM child"
	    " WHERE personal_id = '001218012345' AND school_id = 2"), 1);
	assert_int_equal(count(f.db, "SELECT COUNT(*) FROM guardian"
	    " WHERE relation = 'father' AND phone = '0912345678'"), 1);
	assert_int_equal(count(f.db, "SELECT COUNT(*) FROM enrolment"
	    " WHERE unit_id = 2 AND grade = 1 AND class_name = '1A'"
	    " AND status = 'studying'"), 1);
	assert_int_equal(count(f.db, "SELECT COUNT(*) FROM enrolment_event"),
	    1);
	assert_int_equal(count(f.db, "SELECT COUNT(*) FROM audit_log"
	    " WHERE action = 'register.import'"), 1);
	assert_true(count(f.db, "SELECT COUNT(*) FROM reg_value"
	    " WHERE unit_id = 2") > 0);
	assert_true(db_generation(f.db) > gen);
	regio_import_release(&im);
	fx_close(&f);
}

static void
duplicates_are_shown_not_merged(void **state)
{
	static const char csv[] = HEADER
	    "Nguyễn Văn An,Nam,05/09/2018,Kinh,001218012345,1A,,\n"
	    "Trần Văn Bảo,Nam,06/09/2018,Kinh,001218012345,1A,,\n"
	    "Nguyễn  văn AN,nam,2018-09-05,Kinh,,1B,,\n"
	    "Lê Thị Cúc,Nữ,07/09/2018,Kinh,,1A,,\n";
	struct fx f;
	struct regio_import im;
	struct buf vi = BUF_INIT;

	(void)state;
	fx_open(&f);
	assert_int_equal(run(&f, 2, csv, true, false, &im), ERR_OK);
	assert_int_equal(im.valid, 2);
	assert_int_equal(im.dup_rows, 2);
	texts(&im, false, &vi);
	expect_in(&vi, "Dòng 3 (Trần Văn Bảo, 2018-09-06): cùng số định danh "
	    "cá nhân với dòng 2 của tệp.");
	expect_in(&vi, "Dòng 4 (Nguyễn  văn AN, 2018-09-05): cùng họ tên và "
	    "ngày sinh trong trường với dòng 2 của tệp.");
	assert_int_equal(count(f.db, "SELECT COUNT(*) FROM child"), 2);
	regio_import_release(&im);
	buf_reset(&vi);
	/* The same list again: every row is already in the register. */
	assert_int_equal(run(&f, 2, csv, true, false, &im), ERR_OK);
	assert_int_equal(im.valid, 0);
	assert_int_equal(im.dup_rows, 4);
	texts(&im, false, &vi);
	expect_in(&vi, "Dòng 2 (Nguyễn Văn An, 2018-09-05): cùng số định danh "
	    "cá nhân với trẻ #1 đã có trong sổ.");
	expect_in(&vi, "Dòng 5 (Lê Thị Cúc, 2018-09-07): cùng họ tên và ngày "
	    "sinh trong trường với trẻ #2 đã có trong sổ.");
	assert_int_equal(count(f.db, "SELECT COUNT(*) FROM child"), 2);
	regio_import_release(&im);
	buf_release(&vi);
	fx_close(&f);
}

static void
schools_by_code_within_the_scope(void **state)
{
	static const char csv[] = "Mã trường,Họ và tên,Giới tính,Ngày sinh,"
	    "Lớp,Khối\n"
	    "TH-A,Nguyễn Văn An,Nam,05/09/2018,1A,\n"
	    "MN-B,Đinh Thị Lá,Nữ,05/09/2020,Lá 1,\n"
	    "TH-X,Hà Văn Xa,Nam,05/09/2018,1A,\n"
	    ",Hà Văn Trống,Nam,05/09/2018,1A,1\n";
	struct fx f;
	struct regio_import im;
	struct buf en = BUF_INIT;

	(void)state;
	fx_open(&f);
	assert_int_equal(run(&f, 1, csv, true, false, &im), ERR_OK);
	assert_int_equal(im.written, 2);
	assert_int_equal(im.nschools, 2);
	texts(&im, true, &en);
	expect_in(&en, "Row 4, column A: School code: \"TH-X\" is not a school "
	    "within the scope");
	expect_in(&en, "Row 5, column A: School code: required");
	assert_int_equal(count(f.db, "SELECT grade FROM enrolment"
	    " WHERE unit_id = 3"), 0);	/* Lá = MG 5-6 */
	regio_import_release(&im);
	buf_release(&en);
	fx_close(&f);
}

static void
header_problems_stop_the_import(void **state)
{
	struct fx f;
	struct regio_import im;

	(void)state;
	fx_open(&f);
	assert_int_equal(run(&f, 2, "Họ tên,Giới tính,Lớp\nAn,Nam,1A\n", true,
	    false, &im), ERR_INVALID);
	assert_true(im.fatal);
	assert_non_null(strstr(im.fatal_vi, "thiếu cột «Ngày sinh»"));
	assert_non_null(strstr(im.fatal_en, "lacks the column \"Ngày sinh\""));
	regio_import_release(&im);
	assert_int_equal(run(&f, 2, "\n\n", true, false, &im), ERR_INVALID);
	assert_non_null(strstr(im.fatal_en, "no header row"));
	regio_import_release(&im);
	/* A file broken half-way writes nothing. */
	assert_int_equal(run(&f, 2, HEADER
	    "Nguyễn Văn An,Nam,05/09/2018,Kinh,,1A,,\n"
	    "\"Lê Văn Bé,Nam,05/09/2018,Kinh,,1A,,\n", true, false, &im),
	    ERR_INVALID);
	assert_non_null(strstr(im.fatal_en, "Row 3, column 1 (A)"));
	assert_int_equal(count(f.db, "SELECT COUNT(*) FROM child"), 0);
	regio_import_release(&im);
	fx_close(&f);
}

static void
xlsx_lists_import_like_csv(void **state)
{
	struct xlsx_writer *w = xlsx_writer_new("DS lớp 1A");
	struct buf data = BUF_INIT;
	struct io_error ie;
	struct sheet_reader *sr;
	struct regio_import im;
	struct fx f;

	(void)state;
	fx_open(&f);
	xlsx_put_header(w, "STT");
	xlsx_put_header(w, "HỌ VÀ TÊN");
	xlsx_put_header(w, "Giới tính");
	xlsx_put_header(w, "Ngày sinh");
	xlsx_put_header(w, "Số định danh");
	xlsx_put_header(w, "Lớp");
	xlsx_end_row(w);
	xlsx_put_number(w, 1);
	xlsx_put_text(w, "Nguyễn Văn An");
	xlsx_put_text(w, "Nam");
	xlsx_put_date(w, "2018-09-05");
	/* A personal ID typed as a number: Excel dropped its zeros. */
	xlsx_put_number(w, 1218012345);
	xlsx_put_text(w, "1A");
	xlsx_end_row(w);
	assert_int_equal(xlsx_writer_finish(w, &data, NULL), ERR_OK);
	sr = sheet_open_mem(data.data, data.len, NULL, &ie);
	assert_non_null(sr);
	regio_import_init(&im, f.db, f.t, 2, &f.y, "2026-01-15", 0);
	im.write = true;
	assert_int_equal(regio_import_run(&im, sr), ERR_OK);
	assert_int_equal(im.written, 1);
	assert_int_equal(count(f.db, "SELECT COUNT(*) FROM child WHERE"
	    " personal_id = '001218012345' AND birth_date = '2018-09-05'"), 1);
	regio_import_release(&im);
	sheet_close(sr);
	buf_release(&data);
	fx_close(&f);
}

static void
dates_as_lists_write_them(void **state)
{
	char d[11];

	(void)state;
	assert_true(regio_date("05/09/2018", d));
	assert_string_equal(d, "2018-09-05");
	assert_true(regio_date("5/9/2018", d));
	assert_string_equal(d, "2018-09-05");
	assert_true(regio_date("5-9-2018", d));
	assert_true(regio_date("05.09.2018", d));
	assert_true(regio_date("2018-09-05", d));
	assert_true(regio_date("2018/9/5", d));
	assert_string_equal(d, "2018-09-05");
	assert_false(regio_date("31/02/2018", d));
	assert_false(regio_date("05/09/18", d));
	assert_false(regio_date("05/09-2018", d));
	assert_false(regio_date("2018", d));
	assert_false(regio_date("", d));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_problem_names_its_row_and_column),
		cmocka_unit_test(
		    all_or_nothing_writes_nothing_and_acceptance_writes_the_valid_rows),
		cmocka_unit_test(duplicates_are_shown_not_merged),
		cmocka_unit_test(schools_by_code_within_the_scope),
		cmocka_unit_test(header_problems_stop_the_import),
		cmocka_unit_test(xlsx_lists_import_like_csv),
		cmocka_unit_test(dates_as_lists_write_them),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
