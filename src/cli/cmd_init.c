/*
 * cmd_init.c -- "vitre init": create an empty database with its top unit
 * and the first administrator.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "auth/user.h"
#include "cli/cli.h"
#include "cli/password_input.h"
#include "db/db.h"
#include "db/migrate.h"
#include "units/unit.h"

static int
run(int argc, char **argv)
{
	const char *path = NULL, *admin = "admin", *pwfile = NULL;
	const char *ucode = "BGDDT", *uname = "Bộ Giáo dục và Đào tạo";
	const char *ukind = "ministry";
	struct buf err = BUF_INIT;
	struct db *db = NULL;
	char pw[300];
	enum unit_kind kind;
	struct db_stmt *st;
	struct user_new u = { 0 };
	int i, rc = 1;
	enum err e;

	for (i = 1; i < argc; i++) {
		if (i + 1 >= argc)
			return cli_usage(&cmd_init, "thiếu giá trị / missing "
			    "value");
		if (strcmp(argv[i], "--db") == 0)
			path = argv[++i];
		else if (strcmp(argv[i], "--admin") == 0)
			admin = argv[++i];
		else if (strcmp(argv[i], "--password-file") == 0)
			pwfile = argv[++i];
		else if (strcmp(argv[i], "--unit-code") == 0)
			ucode = argv[++i];
		else if (strcmp(argv[i], "--unit-name") == 0)
			uname = argv[++i];
		else if (strcmp(argv[i], "--unit-kind") == 0)
			ukind = argv[++i];
		else
			return cli_usage(&cmd_init, "tham số không hợp lệ / "
			    "unknown argument");
	}
	if (path == NULL)
		return cli_usage(&cmd_init, "--db: cần tên tệp / a file is "
		    "required");
	if (!unit_kind_from_code(ukind, &kind))
		return cli_usage(&cmd_init, "--unit-kind: loại đơn vị không hợp "
		    "lệ / unknown unit kind");
	if (access(path, F_OK) == 0) {
		fprintf(stderr, "vitre init: %s đã có / already exists\n", path);
		return 1;
	}
	if (password_input(pwfile, pw, sizeof(pw)) != 0)
		return 1;
	if (db_open(path, &db, &err) != ERR_OK || migrate(db, &err) != ERR_OK)
		goto out;
	if ((e = db_begin(db)) != ERR_OK)
		goto out;
	st = db_stmt(db, "INSERT INTO unit (code, kind, name) VALUES (?, ?, ?)");
	db_bind_text(st, 1, ucode);
	db_bind_text(st, 2, ukind);
	db_bind_text(st, 3, uname);
	if ((e = db_run(st)) != ERR_OK) {
		buf_printf(&err, "unit: %s", err_name(e));
		db_rollback(db);
		goto out;
	}
	u.username = admin;
	u.full_name = "Quản trị hệ thống";
	u.password = pw;
	u.role = ROLE_ADMIN;
	u.unit_id = db_last_id(db);
	if ((e = user_create(db, &u, NULL, &err)) != ERR_OK ||
	    (e = db_bump_generation(db)) != ERR_OK ||
	    (e = db_commit(db)) != ERR_OK) {
		db_rollback(db);
		goto out;
	}
	printf("vitre init: %s — quản trị / administrator \"%s\"\n", path, admin);
	rc = 0;
out:
	if (rc != 0) {
		fprintf(stderr, "vitre init: %s\n", err.data);
		db_close(db);
		db = NULL;
		unlink(path);
	}
	db_close(db);
	buf_release(&err);
	return rc;
}

const struct cli_cmd cmd_init = {
	"init", "create a new database and its first administrator",
	"usage: vitre init --db FILE [--admin NAME] [--password-file F]\n"
	"                  [--unit-code CODE --unit-name NAME --unit-kind KIND]\n"
	"\n"
	"Create FILE with the schema, one top unit (default: Bộ Giáo dục và Đào\n"
	"tạo, code BGDDT, kind ministry; kinds: ministry province district\n"
	"commune mn th thcs th_thcs thpt group) and the administrator NAME\n"
	"(default admin).  The password comes from --password-file, else the\n"
	"VITRE_PASSWORD environment variable, else standard input; it needs at\n"
	"least 8 characters.\n",
	run
};
