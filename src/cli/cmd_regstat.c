/*
 * cmd_regstat.c -- "vitre regstat": recompute every target computed from
 * the register (regstat/regstat.h) for every school and school year.
 * The server keeps them current on every change; this rebuilds them all,
 * e.g. after restoring a backup.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "db/db.h"
#include "db/migrate.h"
#include "regstat/regstat.h"

static int
run(int argc, char **argv)
{
	const char *dbpath = NULL;
	struct db *db = NULL;
	struct buf msg = BUF_INIT;
	struct timespec a, b;
	size_t rows = 0;
	int i, rc = 1;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			dbpath = argv[++i];
		else
			return cli_usage(&cmd_regstat, "tham số không hợp lệ / "
			    "unknown argument");
	}
	if (dbpath == NULL)
		return cli_usage(&cmd_regstat, "cần --db / --db is required");
	if (db_open(dbpath, &db, &msg) != ERR_OK || migrate(db, &msg) !=
	    ERR_OK) {
		fprintf(stderr, "vitre regstat: %s\n", msg.data);
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	if (regstat_compute_all(db, &rows) != ERR_OK) {
		fprintf(stderr, "vitre regstat: lỗi cơ sở dữ liệu / database "
		    "error\n");
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("regstat: %zu giá trị / values in %.3f s\n", rows,
	    (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) /
	    1e9);
	rc = 0;
out:
	db_close(db);
	buf_release(&msg);
	return rc;
}

const struct cli_cmd cmd_regstat = {
	"regstat",
	"tính lại các chỉ tiêu từ sổ theo dõi / recompute the register targets",
	"usage: vitre regstat --db FILE\n"
	"\n"
	"Tính lại mọi chỉ tiêu tính từ sổ theo dõi trẻ em (hoàn thành, bỏ học, "
	"huy động\ntrẻ 5 tuổi, trẻ khuyết tật) cho mọi trường và năm học.\n"
	"Recompute every target computed from the child register for every "
	"school\nand school year.\n",
	run
};
