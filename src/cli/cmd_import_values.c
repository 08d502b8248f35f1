/*
 * cmd_import_values.c -- "vitre import --format adx|dhis2 FILE": import
 * aggregate values from an ADX document or a DHIS2 dataValueSet
 * (docs/exchange.md).  cmd_import.c hands over to it when --format is
 * adx or dhis2, or the file ends in .xml or .json.
 *
 * Every value is checked first; with any problem nothing is written and
 * every problem goes to standard error, one per line.  --check only
 * checks.  The command line has no user: every unit is in scope.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "core/log.h"
#include "db/db.h"
#include "db/migrate.h"
#include "exchange/exchange.h"
#include "units/unit.h"

#define FILE_MAX	(256u * 1024 * 1024)

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

bool
cmd_import_is_values(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			return strcmp(argv[i + 1], "adx") == 0 ||
			    strcmp(argv[i + 1], "dhis2") == 0;
		if (argv[i][0] != '-' && (ends_with(argv[i], ".xml") ||
		    ends_with(argv[i], ".json")))
			return true;
	}
	return false;
}

static bool
read_file(const char *path, struct buf *out)
{
	char chunk[65536];
	FILE *f = fopen(path, "rb");
	size_t n;
	bool ok;

	if (f == NULL)
		return false;
	buf_init(out, FILE_MAX);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	ok = !ferror(f) && !buf_failed(out);
	fclose(f);
	return ok;
}

int
cmd_import_values(int argc, char **argv)
{
	const char *dbpath = NULL, *fmt = NULL, *file = NULL;
	bool check = false, en = false, has_fmt = false;
	struct xchg_import im;
	struct xchg_data d;
	struct db *db = NULL;
	struct unit_tree *t = NULL;
	struct buf msg = BUF_INIT, data = BUF_INIT;
	enum xchg_format f = XCHG_ADX;
	size_t i;
	int rc = 1;
	enum err e;

	xchg_data_init(&d, XCHG_ADX);
	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < (size_t)argc)
			dbpath = argv[++i];
		else if (strcmp(argv[i], "--format") == 0 && i + 1 <
		    (size_t)argc)
			fmt = argv[++i];
		else if (strcmp(argv[i], "--check") == 0)
			check = true;
		else if (strcmp(argv[i], "--en") == 0)
			en = true;
		else if (argv[i][0] != '-' && file == NULL)
			file = argv[i];
		else
			return cli_usage(&cmd_import, "tham số không hợp lệ / "
			    "unknown argument");
	}
	if (dbpath == NULL || file == NULL)
		return cli_usage(&cmd_import, "cần --db và tệp / --db and a "
		    "file are required");
	if (fmt != NULL) {
		if (!xchg_format_from_code(fmt, &f))
			return cli_usage(&cmd_import, "--format: adx hoặc "
			    "dhis2 / adx or dhis2");
		has_fmt = true;
	} else if (ends_with(file, ".xml") || ends_with(file, ".json")) {
		f = ends_with(file, ".xml") ? XCHG_ADX : XCHG_DHIS2;
		has_fmt = true;
	}
	if (!read_file(file, &data)) {
		fprintf(stderr, "vitre import: %s: không đọc được tệp / cannot "
		    "read the file\n", file);
		goto out;
	}
	if (!has_fmt && !xchg_format_sniff(data.data, data.len, &f))
		f = XCHG_ADX;
	log_set_quiet(1);
	if (db_open(dbpath, &db, &msg) != ERR_OK || migrate(db, &msg) !=
	    ERR_OK) {
		fprintf(stderr, "vitre import: %s\n", msg.data);
		goto out;
	}
	if ((t = unit_tree_load(db)) == NULL)
		goto out;
	xchg_data_init(&d, f);
	xchg_read(data.data, data.len, &d);
	memset(&im, 0, sizeof(im));
	im.db = db;
	im.t = t;
	im.write = !check;
	im.name = file;
	e = xchg_import_run(&im, &d);
	if (e == ERR_INVALID) {
		for (i = 0; i < d.npr; i++)
			fprintf(stderr, "%s: %s\n", file, en ? d.pr[i].en :
			    d.pr[i].vi);
		if (d.nproblems > d.npr)
			fprintf(stderr, "%s: ... (%zu)\n", file, d.nproblems);
		fprintf(stderr, "%s: %zu lỗi, không ghi gì / %zu problems, "
		    "nothing written\n", file, d.nproblems, d.nproblems);
	} else if (e == ERR_CONFLICT) {
		fprintf(stderr, "%s: một số liệu vừa bị khóa, không ghi gì / a "
		    "value was locked meanwhile, nothing written\n", file);
	} else if (e != ERR_OK) {
		fprintf(stderr, "%s: lỗi cơ sở dữ liệu, không ghi gì / database "
		    "error, nothing written\n", file);
	} else {
		printf("%s: %zu giá trị của %zu đơn vị %s / %zu values of %zu "
		    "units %s (%zu new, %zu changed, %zu unchanged)\n", file,
		    im.values, im.units, check ? "hợp lệ" : "đã ghi",
		    im.values, im.units, check ? "valid" : "written",
		    im.created, im.updated, im.unchanged);
		rc = 0;
	}
out:
	xchg_data_release(&d);
	unit_tree_free(t);
	db_close(db);
	buf_release(&msg);
	buf_release(&data);
	return rc;
}
