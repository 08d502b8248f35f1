/*
 * cmd_serve.c -- "vitre serve": serve a database on 127.0.0.1.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli/cli.h"
#include "core/buf.h"
#include "core/log.h"
#include "core/strutil.h"
#include "demo/demo.h"
#include "http/server.h"

static int
run(int argc, char **argv)
{
	const char *db = NULL;
	int64_t port = 8080, threads = 0;
	bool demo = false;
	struct app app;
	struct buf err = BUF_INIT;
	struct server *srv;
	sigset_t set;
	int i, sig;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			db = argv[++i];
		else if (strcmp(argv[i], "--port") == 0 && i + 1 < argc) {
			if (!str_to_int_range(argv[++i], 1, 65535, &port))
				return cli_usage(&cmd_serve, "--port: cổng phải "
				    "là số từ 1 đến 65535 / port must be "
				    "1-65535");
		} else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
			if (!str_to_int_range(argv[++i], 1, 256, &threads))
				return cli_usage(&cmd_serve, "--threads: từ 1 "
				    "đến 256 / must be 1-256");
		} else if (strcmp(argv[i], "--demo") == 0)
			demo = true;
		else
			return cli_usage(&cmd_serve, "tham số không hợp lệ / "
			    "unknown argument");
	}
	if (db == NULL)
		return cli_usage(&cmd_serve, "--db: cần tên tệp cơ sở dữ liệu / "
		    "a database file is required");
	if (threads == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		threads = n > 0 ? n : 2;
	}
	if (demo && access(db, F_OK) != 0) {
		if (demo_create(db, &err) != 0) {
			fprintf(stderr, "vitre serve: %s\n", err.data);
			buf_release(&err);
			return 1;
		}
	}
	if (app_init(&app, db, &err) != 0) {
		fprintf(stderr, "vitre serve: %s\n", err.data);
		buf_release(&err);
		return 1;
	}
	/* Block the signals before the worker threads inherit the mask. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	if ((srv = server_start(&app, (uint16_t)port, (unsigned)threads)) ==
	    NULL) {
		app_release(&app);
		return 1;
	}
	if (demo)
		demo_print_logins(app_db(&app), stdout);
	printf("vitre: http://127.0.0.1:%d/ (%s, %d threads) — Ctrl-C to "
	    "stop\n", (int)port, db, (int)threads);
	fflush(stdout);
	sigwait(&set, &sig);
	log_info("stopping on signal %d", sig);
	server_stop(srv);
	app_release(&app);
	return 0;
}

const struct cli_cmd cmd_serve = {
	"serve", "serve the web interface and API on 127.0.0.1",
	"usage: vitre serve --db FILE [--port N] [--threads N] [--demo]\n"
	"\n"
	"Serve FILE on http://127.0.0.1:N/ (default 8080), applying database\n"
	"migrations first.  With --demo, create the demo database in FILE if\n"
	"FILE does not exist, and print the demo logins.  Put a reverse proxy\n"
	"with TLS (nginx) in front of it to serve other machines.\n",
	run
};
