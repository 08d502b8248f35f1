/*
 * cmd_roles.c -- "vitre roles": what each role may do, from the role
 * table itself (auth/role.c).  For administrators deciding whom to give
 * which role, and for the route tests, which pick a user without a
 * route's permission from it.
 */
#include <stdio.h>

#include "auth/role.h"
#include "cli/cli.h"

static int
run(int argc, char **argv)
{
	int r, p;

	(void)argv;
	if (argc != 1)
		return cli_usage(&cmd_roles, "không nhận tham số / takes no "
		    "arguments");
	for (r = 0; r < ROLE__MAX; r++) {
		printf("%s:", roles[r].code);
		for (p = PERM_VIEW; p < PERM__MAX; p++)
			if (role_can((enum role)r, (enum perm)p))
				printf(" %s", perm_codes[p] ? perm_codes[p] :
				    "?");
		printf("\t# %s / %s\n", roles[r].name_vi, roles[r].name_en);
	}
	return 0;
}

const struct cli_cmd cmd_roles = {
	"roles", "list the roles and what each may do",
	"usage: vitre roles\n"
	"\n"
	"Print each role's code and its permissions, one role a line.\n"
	"Unit scope (the user's unit and everything below it) applies on top.\n",
	run
};
