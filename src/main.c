/*
 * main.c -- vitre: the Action for Children information system of the
 * education sector.  argv[1] picks a subcommand (src/cli/cmd_*.c).
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct cli_cmd *const commands[] = {
	&cmd_init, &cmd_serve, &cmd_user, &cmd_roles, &cmd_plan, &cmd_demo,
	&cmd_zscore, &cmd_key, &cmd_audit, &cmd_import, &cmd_export, &cmd_regstat,
	NULL
};

static void
help(FILE *f)
{
	const struct cli_cmd *const *c;

	fprintf(f, "vitre — vì trẻ em: kế hoạch, chỉ tiêu, báo cáo hành động vì "
	    "trẻ em / Action for Children plans, targets and reports\n\n"
	    "usage: vitre COMMAND [OPTIONS]\n\ncommands:\n");
	for (c = commands; *c != NULL; c++)
		fprintf(f, "  %-8s %s\n", (*c)->name, (*c)->summary);
	fprintf(f, "  %-8s %s\n\n", "help", "list the commands");
	fprintf(f, "\"vitre COMMAND --help\" explains one command.\n");
}

int
main(int argc, char *argv[])
{
	const struct cli_cmd *const *c;

	if (sodium_init() < 0) {
		fprintf(stderr, "vitre: libsodium cannot start\n");
		return 1;
	}
	if (argc < 2 || strcmp(argv[1], "help") == 0 ||
	    strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		help(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	for (c = commands; *c != NULL; c++)
		if (strcmp((*c)->name, argv[1]) == 0) {
			if (cli_wants_help(argc - 1, argv + 1)) {
				printf("%s", (*c)->usage);
				return 0;
			}
			return (*c)->run(argc - 1, argv + 1);
		}
	fprintf(stderr, "vitre: lệnh không có / unknown command: %s\n\n",
	    argv[1]);
	help(stderr);
	return 2;
}
