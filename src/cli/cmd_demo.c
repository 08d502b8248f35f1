/*
 * cmd_demo.c -- "vitre demo": create the demonstration database.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "db/db.h"
#include "demo/demo.h"

static int
run(int argc, char **argv)
{
	struct buf err = BUF_INIT;
	struct db *db;

	if (argc != 3 || strcmp(argv[1], "--db") != 0)
		return cli_usage(&cmd_demo, NULL);
	if (demo_create(argv[2], &err) != 0) {
		fprintf(stderr, "vitre demo: %s\n", err.data);
		buf_release(&err);
		return 1;
	}
	if (db_open(argv[2], &db, &err) == ERR_OK) {
		demo_print_logins(db, stdout);
		db_close(db);
	}
	buf_release(&err);
	return 0;
}

const struct cli_cmd cmd_demo = {
	"demo", "create the demonstration database from the seed plans",
	"usage: vitre demo --db FILE\n"
	"\n"
	"Create FILE (which must not exist) with the units and plans of the five\n"
	"seed documents, synthetic schools and values marked as demo data, and\n"
	"one user per role (password " DEMO_PASSWORD ").\n",
	run
};
