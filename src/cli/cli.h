/*
 * cli.h -- the subcommands of the vitre binary, one file each
 * (tmux's cmd-*.c): name, one-line summary, usage, and the function.
 */
#ifndef VITRE_CLI_H
#define VITRE_CLI_H

#include <stdbool.h>

struct cli_cmd {
	const char	*name;
	const char	*summary;
	const char	*usage;		/* printed by "vitre NAME --help" */
	int		(*run)(int argc, char **argv);
};

extern const struct cli_cmd cmd_init, cmd_serve, cmd_user, cmd_plan, cmd_roles,
    cmd_demo, cmd_zscore, cmd_key, cmd_audit, cmd_import, cmd_regstat,
    cmd_export;

/* "vitre import" of aggregate values (ADX, DHIS2; cmd_import_values.c):
 * whether argv asks for it (--format adx|dhis2, or a .xml/.json file),
 * and the command itself. */
bool	cmd_import_is_values(int argc, char **argv);
int	cmd_import_values(int argc, char **argv);

/* True if argv has --help or -h. */
int	cli_wants_help(int argc, char **argv);
/* Print usage and return 2 (a usage error). */
int	cli_usage(const struct cli_cmd *, const char *problem);

#endif
