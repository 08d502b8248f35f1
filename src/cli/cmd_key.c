/*
 * cmd_key.c -- "vitre key generate": make a new case key file; "vitre key
 * rotate": re-seal every sealed field of a database under a new key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cases/crypt.h"
#include "cases/rekey.h"
#include "cli/cli.h"
#include "db/db.h"

/* The environment variable of the new key for "rotate". */
#define CASEKEY_NEW_ENV	"VITRE_CASE_KEY_NEW"

static int
generate(const char *path)
{
	struct buf err = BUF_INIT;

	if (casekey_generate_file(path, &err) != ERR_OK) {
		fprintf(stderr, "vitre key: %s\n", err.data);
		buf_release(&err);
		return 1;
	}
	printf("%s: khóa mới, quyền 0600 / new key, mode 0600 — giữ bản sao an "
	    "toàn: mất khóa là mất hồ sơ / keep a safe copy: losing the key "
	    "loses the cases\n", path);
	return 0;
}

/* A key from file, else from the variable env (then removed). */
static struct casekey *
key_of(const char *file, const char *env, const char *what, struct buf *err)
{
	struct casekey *key = NULL;
	const char *hex = getenv(env);

	if (file != NULL) {
		if (casekey_load_file(file, &key, err) != ERR_OK)
			buf_printf(err, " [%s]", what);
	} else if (hex != NULL) {
		if (casekey_from_hex(hex, &key, err) != ERR_OK)
			buf_printf(err, " (%s) [%s]", env, what);
		unsetenv(env);
	} else
		buf_printf(err, "thiếu %s: --%s TỆP hoặc biến %s / %s "
		    "missing: --%s FILE or the variable %s", what, what, env,
		    what, what, env);
	return key;
}

static int
rotate(int argc, char **argv)
{
	const char *db_path = NULL, *old_file = NULL, *new_file = NULL;
	struct caseaudit_who who = { 0, "vitre key rotate", "" };
	struct casekey *old = NULL, *new_key = NULL;
	struct buf err = BUF_INIT;
	struct db *db = NULL;
	int64_t fields = 0;
	int i, status = 1;

	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			db_path = argv[++i];
		else if (strcmp(argv[i], "--old-key") == 0 && i + 1 < argc)
			old_file = argv[++i];
		else if (strcmp(argv[i], "--new-key") == 0 && i + 1 < argc)
			new_file = argv[++i];
		else
			return cli_usage(&cmd_key, argv[i]);
	}
	if (db_path == NULL)
		return cli_usage(&cmd_key, NULL);
	if ((old = key_of(old_file, CASEKEY_ENV, "old-key", &err)) == NULL ||
	    (new_key = key_of(new_file, CASEKEY_NEW_ENV, "new-key", &err)) ==
	    NULL)
		goto out;
	if (access(db_path, R_OK | W_OK) != 0) {
		buf_printf(&err, "không đọc ghi được %s / cannot read and write "
		    "%s", db_path, db_path);
		goto out;
	}
	if (db_open(db_path, &db, &err) != ERR_OK)
		goto out;
	if (casekey_rotate(db, old, new_key, &who, &fields, &err) != ERR_OK)
		goto out;
	printf("%s: đã mã hóa lại %lld trường bằng khóa mới; khởi động vitre "
	    "với khóa mới, giữ khóa cũ cho các bản sao lưu cũ / %lld sealed "
	    "fields re-sealed under the new key; start vitre with the new key "
	    "and keep the old key for older backups\n", db_path,
	    (long long)fields, (long long)fields);
	status = 0;
out:
	if (status != 0)
		fprintf(stderr, "vitre key rotate: %s\n", err.data);
	db_close(db);
	casekey_free(old);
	casekey_free(new_key);
	buf_release(&err);
	return status;
}

static int
run(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "generate") == 0 &&
	    strcmp(argv[2], "--out") == 0)
		return generate(argv[3]);
	if (argc >= 2 && strcmp(argv[1], "rotate") == 0)
		return rotate(argc, argv);
	return cli_usage(&cmd_key, NULL);
}

const struct cli_cmd cmd_key = {
	"key", "create or rotate the key that encrypts protection cases",
	"usage: vitre key generate --out FILE\n"
	"       vitre key rotate --db FILE [--old-key KEYFILE] [--new-key KEYFILE]\n"
	"\n"
	"generate: write 32 random bytes as 64 hex digits to FILE, which must\n"
	"not exist, with mode 0600.  Give it to \"vitre serve --case-key FILE\".\n"
	"Keep it outside the database's directory and back it up separately:\n"
	"without it the cases cannot be read; with it and a copy of the\n"
	"database they can.\n"
	"\n"
	"rotate: re-seal every sealed field of the database (protection cases,\n"
	"counselling notes) under the new key, in one transaction, after\n"
	"checking that the old key opens every one; if it does not, nothing\n"
	"changes.  The old key comes from --old-key or VITRE_CASE_KEY, the new\n"
	"one from --new-key or VITRE_CASE_KEY_NEW.  Stop the server first, back\n"
	"up the database, then start it with the new key.\n",
	run
};
