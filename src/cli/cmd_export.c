/*
 * cmd_export.c -- "vitre export": the aggregate values of a unit (and,
 * with --sub, of the units below it) for one period, as an ADX document
 * or a DHIS2 dataValueSet (docs/exchange.md).
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "core/log.h"
#include "db/db.h"
#include "db/migrate.h"
#include "exchange/exchange.h"
#include "units/unit.h"

static int
run(int argc, char **argv)
{
	const char *dbpath = NULL, *code = NULL, *pcode = NULL, *fmt = NULL;
	const char *outpath = NULL;
	struct xchg_export_opts o;
	struct db *db = NULL;
	struct unit_tree *t = NULL;
	struct period p;
	struct buf msg = BUF_INIT, out = BUF_INIT;
	FILE *f = NULL;
	size_t i, n = 0;
	int rc = 1;

	memset(&o, 0, sizeof(o));
	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < (size_t)argc)
			dbpath = argv[++i];
		else if (strcmp(argv[i], "--unit") == 0 && i + 1 < (size_t)argc)
			code = argv[++i];
		else if (strcmp(argv[i], "--period") == 0 && i + 1 <
		    (size_t)argc)
			pcode = argv[++i];
		else if (strcmp(argv[i], "--format") == 0 && i + 1 <
		    (size_t)argc)
			fmt = argv[++i];
		else if (strcmp(argv[i], "--out") == 0 && i + 1 < (size_t)argc)
			outpath = argv[++i];
		else if (strcmp(argv[i], "--sub") == 0)
			o.subunits = true;
		else
			return cli_usage(&cmd_export, "tham số không hợp lệ / "
			    "unknown argument");
	}
	if (dbpath == NULL || code == NULL || pcode == NULL || fmt == NULL)
		return cli_usage(&cmd_export, "cần --db, --unit, --period và "
		    "--format / --db, --unit, --period and --format are "
		    "required");
	if (!xchg_format_from_code(fmt, &o.fmt))
		return cli_usage(&cmd_export, "--format: adx hoặc dhis2 / adx "
		    "or dhis2");
	log_set_quiet(1);
	if (db_open(dbpath, &db, &msg) != ERR_OK || migrate(db, &msg) !=
	    ERR_OK) {
		fprintf(stderr, "vitre export: %s\n", msg.data);
		goto out;
	}
	if (period_get_by_code(db, pcode, &p) != ERR_OK) {
		fprintf(stderr, "vitre export: --period: không có kỳ «%s» (viết "
		    "2024-2025, 2024 hoặc 2024S1) / no period \"%s\" (write "
		    "2024-2025, 2024 or 2024S1)\n", pcode, pcode);
		rc = 2;
		goto out;
	}
	o.per = &p;
	if ((t = unit_tree_load(db)) == NULL)
		goto out;
	for (i = 0; i < t->n; i++)
		if (strcmp(t->u[i].code, code) == 0)
			o.unit_id = t->u[i].id;
	if (o.unit_id == 0) {
		fprintf(stderr, "vitre export: --unit: không có đơn vị mã «%s» / "
		    "no unit has the code \"%s\"\n", code, code);
		rc = 2;
		goto out;
	}
	if (xchg_export(db, t, &o, &out, &n) != ERR_OK) {
		fprintf(stderr, "vitre export: lỗi cơ sở dữ liệu / database "
		    "error\n");
		goto out;
	}
	if (outpath != NULL && (f = fopen(outpath, "w")) == NULL) {
		fprintf(stderr, "vitre export: %s: không ghi được / cannot be "
		    "written\n", outpath);
		goto out;
	}
	if (fwrite(out.data, 1, out.len, f ? f : stdout) != out.len ||
	    (f != NULL && fclose(f) != 0)) {
		f = NULL;
		fprintf(stderr, "vitre export: lỗi ghi tệp / write error\n");
		goto out;
	}
	f = NULL;
	fprintf(stderr, "vitre export: %zu giá trị / values\n", n);
	rc = 0;
out:
	if (f != NULL)
		fclose(f);
	unit_tree_free(t);
	db_close(db);
	buf_release(&msg);
	buf_release(&out);
	return rc;
}

const struct cli_cmd cmd_export = {
	"export",
	"xuất số liệu tổng hợp (ADX, DHIS2) / export aggregate values",
	"usage: vitre export --db FILE --unit CODE --period P --format adx|dhis2\n"
	"                    [--sub] [--out FILE]\n"
	"\n"
	"Xuất số liệu tổng hợp của đơn vị CODE (--sub: cả các đơn vị trực "
	"thuộc) cho kỳ P\n(2024-2025, 2024, 2024S1) dạng ADX (XML) hoặc DHIS2 "
	"dataValueSet (JSON).\nXem docs/exchange.md.\n"
	"\n"
	"Export the aggregate values of unit CODE (--sub: and of the units "
	"below it)\nfor period P as ADX (XML) or a DHIS2 dataValueSet (JSON), "
	"to FILE or\nstandard output.  Mapping: docs/exchange.md.  Exit status "
	"0 on success,\n1 on an error, 2 for a usage error.\n",
	run
};
