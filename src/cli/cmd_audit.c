/*
 * cmd_audit.c -- "vitre audit verify": walk the hash chain of the case
 * audit log and report the first modified, deleted or reordered entry.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cases/caseaudit.h"
#include "cli/cli.h"
#include "db/db.h"

static int
run(int argc, char **argv)
{
	struct caseaudit_report rep;
	struct buf msg = BUF_INIT;
	struct db *db = NULL;
	int status = 2;

	if (argc != 4 || strcmp(argv[1], "verify") != 0 ||
	    strcmp(argv[2], "--db") != 0)
		return cli_usage(&cmd_audit, NULL);
	if (access(argv[3], R_OK) != 0) {
		fprintf(stderr, "vitre audit: không đọc được %s / cannot read "
		    "%s\n", argv[3], argv[3]);
		return 2;
	}
	if (db_open(argv[3], &db, &msg) != ERR_OK ||
	    caseaudit_verify(db, &rep, &msg) != ERR_OK) {
		fprintf(stderr, "vitre audit: không đọc được nhật ký hồ sơ / "
		    "cannot read the case audit log %s\n", msg.data);
		goto out;
	}
	if (rep.fault == CASEAUDIT_INTACT) {
		printf("%s\n", msg.data);
		status = 0;
	} else {
		fprintf(stderr, "vitre audit: %s\n", msg.data);
		status = 1;
	}
out:
	db_close(db);
	buf_release(&msg);
	return status;
}

const struct cli_cmd cmd_audit = {
	"audit", "verify the hash chain of the protection case audit log",
	"usage: vitre audit verify --db FILE\n"
	"\n"
	"Walk the case audit log of FILE entry by entry, recomputing each\n"
	"entry's hash from its content and the hash before it.  Exit status 0\n"
	"and the newest hash (keep a copy elsewhere) when the chain is intact;\n"
	"1 and the first modified, deleted or reordered entry when it is not;\n"
	"2 when the log cannot be read.\n",
	run
};
