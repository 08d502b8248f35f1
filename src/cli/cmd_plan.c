/*
 * cmd_plan.c -- "vitre plan": import plan files, export a plan, list plans.
 *
 * Import is all-or-nothing per file: a file with any problem writes
 * nothing, and every problem is printed as "FILE PATH: message".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "core/strutil.h"
#include "db/db.h"
#include "db/migrate.h"
#include "docs/plan_doc.h"
#include "plans/plan_db.h"
#include "plans/plan_json.h"

/* Read a whole file (at most BUF_MAX_BODY bytes) into b. */
static bool
read_file(const char *path, struct buf *b, struct buf *err)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t n;

	if (f == NULL) {
		buf_printf(err, "%s: không mở được / cannot open: %s\n", path,
		    strerror(errno));
		return false;
	}
	buf_init(b, BUF_MAX_BODY);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(b, chunk, n);
	if (ferror(f) || buf_failed(b)) {
		buf_printf(err, "%s: %s\n", path, ferror(f) ?
		    "lỗi đọc tệp / read error" : "tệp quá lớn (tối đa 8 MiB) / "
		    "file too large (8 MiB at most)");
		fclose(f);
		return false;
	}
	fclose(f);
	return true;
}

static int
import_one(struct db *db, const char *path)
{
	struct buf text = BUF_INIT, err = BUF_INIT;
	struct plan_errs errs = { NULL, 0 };
	struct plan *p = NULL;
	char ref[160];
	int rc = 1;

	if (!read_file(path, &text, &err))
		goto out;
	if ((p = plan_from_json_text(text.data, text.len, &errs)) == NULL ||
	    plan_db_save(db, p, 0, 0, &errs) != ERR_OK) {
		plan_errs_print(&errs, path, &err);
		goto out;
	}
	plan_ref(p, ref, sizeof(ref));
	printf("vitre plan: %s -> kế hoạch / plan %lld%s%s\n", path,
	    (long long)p->id, ref[0] ? " " : "", ref);
	rc = 0;
out:
	fputs(err.data, stderr);
	plan_free(p);
	plan_errs_release(&errs);
	buf_release(&text);
	buf_release(&err);
	return rc;
}

static int
import_files(struct db *db, int argc, char **argv)
{
	int i, n = 0, failed = 0;

	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0) {
			i++;
			continue;
		}
		if (argv[i][0] == '-')
			return cli_usage(&cmd_plan, "import: tham số không hợp lệ "
			    "/ unknown option");
		n++;
		failed += import_one(db, argv[i]);
	}
	if (n == 0)
		return cli_usage(&cmd_plan, "import: cần ít nhất một tệp / at "
		    "least one FILE is required");
	if (failed > 0)
		fprintf(stderr, "vitre plan: %d/%d tệp không nhập được (không ghi "
		    "gì từ các tệp đó) / %d of %d files not imported (nothing "
		    "written from them)\n", failed, n, failed, n);
	return failed > 0 ? 1 : 0;
}

/* The plan as bytes in format ("json", "pdf", "docx") into out. */
static bool
plan_bytes(struct db *db, const struct plan *p, const char *format,
    struct buf *out)
{
	struct plan_catalogue cat = { NULL, 0 };
	struct doc *d;
	enum err rc;
	char *json;

	if (strcmp(format, "json") == 0) {
		json = plan_to_json_text(p);
		buf_puts(out, json);
		free(json);
		return true;
	}
	if (plan_db_catalogue(db, &cat) != ERR_OK)
		return false;
	d = plan_doc_build(p, &cat);
	rc = strcmp(format, "pdf") == 0 ? doc_pdf(d, out) : doc_docx(d, out);
	doc_free(d);
	plan_catalogue_release(&cat);
	return rc == ERR_OK;
}

static int
export_plan(struct db *db, int argc, char **argv)
{
	const char *id_s = NULL, *ref = NULL, *out = NULL, *format = "json";
	struct buf bytes = BUF_INIT;
	struct plan *p = NULL;
	int64_t id = 0;
	FILE *f = stdout;
	int i, rc = 1;

	for (i = 2; i < argc; i++) {
		if (i + 1 >= argc)
			return cli_usage(&cmd_plan, "export: thiếu giá trị / "
			    "missing value");
		if (strcmp(argv[i], "--id") == 0)
			id_s = argv[++i];
		else if (strcmp(argv[i], "--ref") == 0)
			ref = argv[++i];
		else if (strcmp(argv[i], "-o") == 0)
			out = argv[++i];
		else if (strcmp(argv[i], "--format") == 0)
			format = argv[++i];
		else if (strcmp(argv[i], "--db") == 0)
			i++;
		else
			return cli_usage(&cmd_plan, "export: tham số không hợp lệ "
			    "/ unknown option");
	}
	if ((id_s == NULL) == (ref == NULL))
		return cli_usage(&cmd_plan, "export: cần đúng một trong --id, "
		    "--ref / exactly one of --id and --ref is required");
	if (id_s != NULL && !str_to_int_range(id_s, 1, INT64_MAX, &id))
		return cli_usage(&cmd_plan, "export: --id phải là số nguyên "
		    "dương / --id must be a positive whole number");
	if (strcmp(format, "json") != 0 && strcmp(format, "pdf") != 0 &&
	    strcmp(format, "docx") != 0)
		return cli_usage(&cmd_plan, "export: --format phải là json, pdf "
		    "hoặc docx / --format must be json, pdf or docx");
	if (ref != NULL && (id = plan_db_find_ref(db, ref)) == 0) {
		fprintf(stderr, "vitre plan: không có kế hoạch %s / no plan %s\n",
		    ref, ref);
		return 1;
	}
	if (plan_db_load(db, id, &p) != ERR_OK) {
		fprintf(stderr, "vitre plan: không có kế hoạch số %lld / no plan "
		    "%lld\n", (long long)id, (long long)id);
		return 1;
	}
	if (!plan_bytes(db, p, format, &bytes)) {
		fprintf(stderr, "vitre plan: không tạo được tệp %s / the %s file "
		    "could not be made\n", format, format);
		goto out;
	}
	if (out != NULL && (f = fopen(out, "wb")) == NULL) {
		fprintf(stderr, "vitre plan: %s: %s\n", out, strerror(errno));
		goto out;
	}
	rc = fwrite(bytes.data, 1, bytes.len, f) == bytes.len ? 0 : 1;
	if (out != NULL && fclose(f) != 0)
		rc = 1;
	else if (out == NULL && fflush(f) != 0)
		rc = 1;
	if (rc != 0)
		fprintf(stderr, "vitre plan: %s: lỗi ghi / write error\n",
		    out != NULL ? out : "stdout");
out:
	buf_release(&bytes);
	plan_free(p);
	return rc;
}

static int
list_plans(struct db *db, int argc)
{
	struct plan_row *rows = NULL;
	size_t n = 0, i;

	if (argc != 4)
		return cli_usage(&cmd_plan, "list: chỉ nhận --db / takes only "
		    "--db");
	if (plan_db_list(db, &rows, &n) != ERR_OK)
		return 1;
	for (i = 0; i < n; i++) {
		const char *nl = strchr(rows[i].title, '\n');
		int tl = nl ? (int)(nl - rows[i].title) : (int)strlen(rows[i].title);

		printf("%4lld  %-18s %-16s %d-%d  %.*s%s\n", (long long)rows[i].id,
		    rows[i].ref[0] ? rows[i].ref : "-", rows[i].unit_code,
		    rows[i].period_from, rows[i].period_to, tl, rows[i].title,
		    rows[i].demo ? " (demo)" : "");
	}
	plan_rows_free(rows, n);
	return 0;
}

static int
run(int argc, char **argv)
{
	const char *path = NULL;
	struct buf err = BUF_INIT;
	struct db *db = NULL;
	int i, rc;

	for (i = 1; i + 1 < argc; i++)
		if (strcmp(argv[i], "--db") == 0)
			path = argv[i + 1];
	if (argc < 2)
		return cli_usage(&cmd_plan, "cần lệnh con / a subcommand is "
		    "required");
	if (strcmp(argv[1], "import") != 0 && strcmp(argv[1], "export") != 0 &&
	    strcmp(argv[1], "list") != 0)
		return cli_usage(&cmd_plan, "lệnh con: import, export hoặc list "
		    "/ subcommand: import, export or list");
	if (path == NULL)
		return cli_usage(&cmd_plan, "cần --db FILE / --db FILE is "
		    "required");
	if (db_open(path, &db, &err) != ERR_OK || migrate(db, &err) != ERR_OK) {
		fprintf(stderr, "vitre plan: %s\n", err.data);
		db_close(db);
		buf_release(&err);
		return 1;
	}
	if (strcmp(argv[1], "import") == 0)
		rc = import_files(db, argc, argv);
	else if (strcmp(argv[1], "export") == 0)
		rc = export_plan(db, argc, argv);
	else
		rc = list_plans(db, argc);
	db_close(db);
	buf_release(&err);
	return rc;
}

const struct cli_cmd cmd_plan = {
	"plan", "import, export or list plans (vitre-plan/1 JSON; PDF, DOCX)",
	"usage: vitre plan import --db FILE PLAN.json...\n"
	"       vitre plan export --db FILE (--id N | --ref NUMBER/SYMBOL)\n"
	"                         [--format json|pdf|docx] [-o OUT]\n"
	"       vitre plan list --db FILE\n"
	"\n"
	"import  Read each PLAN.json (format: docs/plan-format.md) and save it\n"
	"        as a new plan.  Each file is all or nothing: a file with any\n"
	"        problem writes nothing, and each problem is printed with the\n"
	"        file and the field, e.g. \"x.json targets[2].milestones[0].value:\n"
	"        ...\".  The owner unit and the plan a file implements must\n"
	"        already be in the database.  Exit status 1 if a file failed.\n"
	"export  Write one plan, chosen by id or by its number/symbol (such as\n"
	"        89/KH-MNHL), to OUT or standard output: as JSON (the default;\n"
	"        importing the file again gives the same plan), or as the\n"
	"        official document in the Decree 30/2020 format, PDF or DOCX.\n"
	"list    One line per plan: id, number/symbol, owner unit, period,\n"
	"        title.\n"
	"\n"
	"Wrong arguments exit with status 2.\n",
	run
};
