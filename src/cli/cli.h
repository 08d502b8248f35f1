/*
 * cli.h -- the subcommands of the vitre binary, one file each
 * (tmux's cmd-*.c): name, one-line summary, usage, and the function.
 */
#ifndef VITRE_CLI_H
#define VITRE_CLI_H

struct cli_cmd {
	const char	*name;
	const char	*summary;
	const char	*usage;		/* printed by "vitre NAME --help" */
	int		(*run)(int argc, char **argv);
};

extern const struct cli_cmd cmd_init, cmd_serve, cmd_user, cmd_plan, cmd_roles,
    cmd_demo, cmd_zscore, cmd_key, cmd_audit, cmd_import, cmd_regstat;

/* True if argv has --help or -h. */
int	cli_wants_help(int argc, char **argv);
/* Print usage and return 2 (a usage error). */
int	cli_usage(const struct cli_cmd *, const char *problem);

#endif
