/*
 * cmd_user.c -- "vitre user": add and list user accounts.
 */
#include <stdio.h>
#include <string.h>

#include "auth/user.h"
#include "cli/cli.h"
#include "cli/password_input.h"
#include "db/db.h"
#include "db/migrate.h"

static int
list(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT u.username, u.role, n.code,"
	    " u.full_name, u.active FROM app_user u JOIN unit n"
	    " ON n.id = u.unit_id ORDER BY u.username");

	while (db_step(st) == DB_ROW)
		printf("%-20s %-18s %-16s %s%s\n", db_col_text(st, 0),
		    db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3),
		    db_col_int(st, 4) ? "" : " (khóa / disabled)");
	db_done(st);
	return 0;
}

static int
add(struct db *db, int argc, char **argv)
{
	const char *uname = NULL, *full = NULL, *role = NULL, *unit = NULL;
	const char *pwfile = NULL;
	struct buf err = BUF_INIT;
	struct user_new u = { 0 };
	struct db_stmt *st;
	char pw[300];
	int i, rc = 1;
	enum err e;

	for (i = 2; i < argc; i++) {
		if (i + 1 >= argc)
			return cli_usage(&cmd_user, "thiếu giá trị / missing "
			    "value");
		if (strcmp(argv[i], "--username") == 0)
			uname = argv[++i];
		else if (strcmp(argv[i], "--name") == 0)
			full = argv[++i];
		else if (strcmp(argv[i], "--role") == 0)
			role = argv[++i];
		else if (strcmp(argv[i], "--unit") == 0)
			unit = argv[++i];
		else if (strcmp(argv[i], "--password-file") == 0)
			pwfile = argv[++i];
		else if (strcmp(argv[i], "--db") == 0)
			i++;
		else
			return cli_usage(&cmd_user, "tham số không hợp lệ / "
			    "unknown argument");
	}
	if (uname == NULL || full == NULL || role == NULL || unit == NULL)
		return cli_usage(&cmd_user, "cần --username, --name, --role, "
		    "--unit / all four are required");
	if (!role_from_code(role, &u.role))
		return cli_usage(&cmd_user, "--role: vai trò không hợp lệ / "
		    "unknown role");
	st = db_stmt(db, "SELECT id FROM unit WHERE code = ?");
	db_bind_text(st, 1, unit);
	if (db_one_int(st, &u.unit_id) != ERR_OK) {
		fprintf(stderr, "vitre user: --unit: không có đơn vị mã %s / no "
		    "unit with code %s\n", unit, unit);
		return 1;
	}
	if (password_input(pwfile, pw, sizeof(pw)) != 0)
		return 1;
	u.username = uname;
	u.full_name = full;
	u.password = pw;
	if ((e = db_begin(db)) == ERR_OK &&
	    (e = user_create(db, &u, NULL, &err)) == ERR_OK &&
	    (e = db_commit(db)) == ERR_OK) {
		printf("vitre user: đã tạo / created %s\n", uname);
		rc = 0;
	} else {
		db_rollback(db);
		fprintf(stderr, "vitre user: %s\n", err.len ? err.data :
		    err_name(e));
	}
	buf_release(&err);
	return rc;
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
	if (argc < 2 || path == NULL)
		return cli_usage(&cmd_user, "cần lệnh con và --db / a "
		    "subcommand and --db are required");
	if (db_open(path, &db, &err) != ERR_OK || migrate(db, &err) != ERR_OK) {
		fprintf(stderr, "vitre user: %s\n", err.data);
		db_close(db);
		buf_release(&err);
		return 1;
	}
	if (strcmp(argv[1], "list") == 0)
		rc = list(db);
	else if (strcmp(argv[1], "add") == 0)
		rc = add(db, argc, argv);
	else
		rc = cli_usage(&cmd_user, "lệnh con: add hoặc list / "
		    "subcommand: add or list");
	db_close(db);
	buf_release(&err);
	return rc;
}

const struct cli_cmd cmd_user = {
	"user", "add or list user accounts",
	"usage: vitre user list --db FILE\n"
	"       vitre user add --db FILE --username NAME --name \"Full Name\"\n"
	"                      --role ROLE --unit CODE [--password-file F]\n"
	"\n"
	"ROLE is one of: admin province_officer area_officer principal\n"
	"focal_point clerk teacher counsellor.  The user sees UNIT and every\n"
	"unit below it.  The password comes from --password-file, else the\n"
	"VITRE_PASSWORD environment variable, else standard input.\n",
	run
};
