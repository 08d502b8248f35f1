/*
 * cmd_key.c -- "vitre key generate": make a new case key file.
 */
#include <stdio.h>
#include <string.h>

#include "cases/crypt.h"
#include "cli/cli.h"

static int
run(int argc, char **argv)
{
	struct buf err = BUF_INIT;

	if (argc != 4 || strcmp(argv[1], "generate") != 0 ||
	    strcmp(argv[2], "--out") != 0)
		return cli_usage(&cmd_key, NULL);
	if (casekey_generate_file(argv[3], &err) != ERR_OK) {
		fprintf(stderr, "vitre key: %s\n", err.data);
		buf_release(&err);
		return 1;
	}
	printf("%s: khóa mới, quyền 0600 / new key, mode 0600 — giữ bản sao an "
	    "toàn: mất khóa là mất hồ sơ / keep a safe copy: losing the key "
	    "loses the cases\n", argv[3]);
	return 0;
}

const struct cli_cmd cmd_key = {
	"key", "create the key that encrypts protection cases",
	"usage: vitre key generate --out FILE\n"
	"\n"
	"Write 32 random bytes as 64 hex digits to FILE, which must not exist,\n"
	"with mode 0600.  Give it to \"vitre serve --case-key FILE\".  Keep it\n"
	"outside the database's directory and back it up separately: without\n"
	"it the cases cannot be read; with it and a copy of the database they\n"
	"can.\n",
	run
};
