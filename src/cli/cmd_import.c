/*
 * cmd_import.c -- "vitre import": import a register list (CSV or .xlsx)
 * into a school or, with a school code column, into the schools of an
 * area, with the same checks as the web import (regio/import.h).
 *
 * Nothing is written when the file has any problem or duplicate, unless
 * --skip-bad: then the good rows are written and the others listed.
 * --check only checks.  Problems go to standard error, one per line, with
 * row and column; the summary to standard output.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "core/log.h"
#include "core/strutil.h"
#include "db/db.h"
#include "db/migrate.h"
#include "indicators/period.h"
#include "io/sheet.h"
#include "regio/import.h"
#include "units/unit.h"

static int
run(int argc, char **argv)
{
	const char *dbpath = NULL, *school = NULL, *year = NULL, *file = NULL;
	bool check = false, skip_bad = false, en = false, no_batch = false;
	struct db *db = NULL;
	struct unit_tree *t = NULL;
	struct sheet_reader *sr = NULL;
	struct regio_import im;
	struct period p;
	struct io_error ierr;
	struct buf msg = BUF_INIT;
	const struct unit *scope = NULL;
	char today[11];
	size_t i;
	int rc = 1;
	enum err e;

	/* Aggregate values (ADX, DHIS2) have their own command. */
	if (cmd_import_is_values(argc, argv))
		return cmd_import_values(argc, argv);
	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < (size_t)argc)
			dbpath = argv[++i];
		else if (strcmp(argv[i], "--school") == 0 && i + 1 <
		    (size_t)argc)
			school = argv[++i];
		else if (strcmp(argv[i], "--year") == 0 && i + 1 < (size_t)argc)
			year = argv[++i];
		else if (strcmp(argv[i], "--check") == 0)
			check = true;
		else if (strcmp(argv[i], "--skip-bad") == 0)
			skip_bad = true;
		else if (strcmp(argv[i], "--en") == 0)
			en = true;
		else if (strcmp(argv[i], "--no-batch") == 0)
			no_batch = true;
		else if (argv[i][0] != '-' && file == NULL)
			file = argv[i];
		else
			return cli_usage(&cmd_import, "tham số không hợp lệ / "
			    "unknown argument");
	}
	if (dbpath == NULL || school == NULL || year == NULL || file == NULL)
		return cli_usage(&cmd_import, "cần --db, --school, --year và tệp "
		    "/ --db, --school, --year and a file are required");
	log_set_quiet(1);
	if (db_open(dbpath, &db, &msg) != ERR_OK || migrate(db, &msg) !=
	    ERR_OK) {
		fprintf(stderr, "vitre import: %s\n", msg.data);
		goto out;
	}
	/* A big import touches many index pages: keep them in memory. */
	(void)db_exec_script(db, "PRAGMA cache_size = -262144;", NULL);
	if (period_get_by_code(db, year, &p) != ERR_OK ||
	    p.type != PERIOD_SCHOOL_YEAR) {
		fprintf(stderr, "vitre import: --year: «%s» không phải là năm học "
		    "trong danh mục / is not a school year of the periods "
		    "list\n", year);
		rc = 2;
		goto out;
	}
	if ((t = unit_tree_load(db)) == NULL)
		goto out;
	for (i = 0; i < t->n; i++)
		if (strcmp(t->u[i].code, school) == 0)
			scope = &t->u[i];
	if (scope == NULL) {
		fprintf(stderr, "vitre import: --school: không có đơn vị mã «%s» "
		    "/ no unit has the code \"%s\"\n", school, school);
		rc = 2;
		goto out;
	}
	if ((sr = sheet_open_file(file, NULL, &ierr)) == NULL) {
		io_error_text(&ierr, en, &msg);
		fprintf(stderr, "vitre import: %s: %s\n", file, msg.data);
		goto out;
	}
	date_today(today);
	regio_import_init(&im, db, t, scope->id, &p, today, 0);
	im.write = !check;
	im.all_or_nothing = !skip_bad;
	im.plain_write = no_batch;
	e = regio_import_run(&im, sr);
	if (e == ERR_INVALID) {
		fprintf(stderr, "vitre import: %s: %s\n", file, en ?
		    im.fatal_en : im.fatal_vi);
	} else if (e != ERR_OK) {
		fprintf(stderr, "vitre import: %s: lỗi cơ sở dữ liệu, không ghi "
		    "gì / database error, nothing written\n", file);
	} else {
		for (i = 0; i < im.nproblems && i < REGIO_SHOW_MAX; i++) {
			buf_reset(&msg);
			regio_problem_text(&im.problems[i], en, &msg);
			fprintf(stderr, "%s: %s\n", file, msg.data);
		}
		for (i = 0; i < im.ndups && i < REGIO_SHOW_MAX; i++) {
			buf_reset(&msg);
			regio_dup_text(&im.dups[i], t, en, &msg);
			fprintf(stderr, "%s: %s\n", file, msg.data);
		}
		if (im.nproblems + im.ndups > 2 * REGIO_SHOW_MAX)
			fprintf(stderr, "%s: ...\n", file);
		printf("%s: %zu dòng / rows, %zu hợp lệ / valid, %zu có lỗi / "
		    "with problems, %zu trùng / duplicates, %zu đã ghi / "
		    "written\n", file, im.rows, im.valid, im.bad_rows,
		    im.dup_rows, im.written);
		if (!check && im.written == 0 && im.valid > 0)
			printf("%s: không ghi gì vì tệp có lỗi hoặc trùng (dùng "
			    "--skip-bad để ghi các dòng hợp lệ) / nothing "
			    "written: the file has problems or duplicates (use "
			    "--skip-bad to write the valid rows)\n", file);
		rc = im.bad_rows + im.dup_rows > 0 ? 1 : 0;
	}
	regio_import_release(&im);
out:
	sheet_close(sr);
	unit_tree_free(t);
	db_close(db);
	buf_release(&msg);
	return rc;
}

const struct cli_cmd cmd_import = {
	"import",
	"nhập danh sách trẻ (CSV/XLSX) vào sổ theo dõi / import a register "
	"list",
	"usage: vitre import --db FILE --school CODE --year YYYY-YYYY\n"
	"                    [--check] [--skip-bad] [--en] [--no-batch]\n"
	"                    LIST.csv|LIST.xlsx\n"
	"       vitre import --db FILE [--format adx|dhis2] [--check] [--en]\n"
	"                    VALUES.xml|VALUES.json\n"
	"\n"
	"Dạng thứ hai nhập số liệu tổng hợp từ ADX hoặc DHIS2 (docs/exchange.md)"
	";\ncó lỗi thì không ghi gì. The second form imports aggregate values "
	"from ADX\nor DHIS2 (docs/exchange.md), all or nothing.\n"
	"\n"
	"Nhập danh sách học sinh vào sổ theo dõi trẻ em của trường CODE (hoặc "
	"của các\ntrường thuộc đơn vị CODE, khi tệp có cột \"Mã trường\") cho "
	"năm học YYYY-YYYY.\nCột: xem docs/register-import.md. Mọi dòng được "
	"kiểm tra; có lỗi hoặc trùng thì\nkhông ghi gì, trừ khi có --skip-bad "
	"(ghi các dòng hợp lệ). --check: chỉ kiểm tra.\n"
	"\n"
	"Import a list of pupils into the register of school CODE (or of the "
	"schools\nbelow unit CODE, with a \"Mã trường\" column) for school year "
	"YYYY-YYYY.\nColumns: docs/register-import.md. Every row is checked; "
	"with any problem or\nduplicate nothing is written, unless --skip-bad "
	"(the valid rows are written).\n--check only checks; --en prints "
	"messages in English; --no-batch writes one row per\nstatement (slower, "
	"the same result: for tests).  Exit status 0 when\nevery row was good, 1 "
	"otherwise, 2 for a usage error.\n",
	run
};
