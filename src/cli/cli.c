/*
 * cli.c -- helpers shared by the subcommands.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

int
cli_wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	return 0;
}

int
cli_usage(const struct cli_cmd *c, const char *problem)
{
	if (problem != NULL)
		fprintf(stderr, "vitre %s: %s\n\n", c->name, problem);
	fprintf(stderr, "%s", c->usage);
	return 2;
}
