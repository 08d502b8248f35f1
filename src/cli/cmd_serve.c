/*
 * cmd_serve.c -- "vitre serve": serve a database on 127.0.0.1.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cases/crypt.h"
#include "cli/cli.h"
#include "core/buf.h"
#include "core/log.h"
#include "core/strutil.h"
#include "demo/demo.h"
#include "http/server.h"
#include "mail/mail_sender.h"

/*
 * The case key: --case-key FILE, else the VITRE_CASE_KEY variable, else
 * (with --demo) DB.key next to the database.  With --demo a missing key
 * file is created.  *key stays NULL when no key is given at all (the
 * server then runs with protection cases unavailable).  Returns false,
 * with the reason in err, when a key was given but cannot be used.
 */
static bool
load_case_key(const char *file, const char *db, bool demo,
    struct casekey **key, struct buf *err)
{
	struct buf path = BUF_INIT;
	const char *env = getenv(CASEKEY_ENV);
	bool ok = false;

	*key = NULL;
	if (file == NULL && env != NULL) {
		ok = casekey_from_hex(env, key, err) == ERR_OK;
		if (!ok)
			buf_printf(err, " (%s)", CASEKEY_ENV);
		/* Child processes need not see it. */
		unsetenv(CASEKEY_ENV);
		return ok;
	}
	if (file == NULL && !demo)
		return true;
	if (file == NULL) {
		buf_printf(&path, "%s.key", db);
		file = path.data;
	}
	if (demo && access(file, F_OK) != 0 &&
	    casekey_generate_file(file, err) != ERR_OK)
		goto out;
	ok = casekey_load_file(file, key, err) == ERR_OK;
out:
	buf_release(&path);
	return ok;
}

static int
run(int argc, char **argv)
{
	const char *db = NULL, *key_file = NULL;
	struct casekey *key = NULL;
	int64_t port = 8080, threads = 0;
	bool demo = false, created = false;
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
		} else if (strcmp(argv[i], "--case-key") == 0 && i + 1 < argc)
			key_file = argv[++i];
		else if (strcmp(argv[i], "--demo") == 0)
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
		created = true;
	}
	if (!load_case_key(key_file, db, demo, &key, &err)) {
		fprintf(stderr, "vitre serve: %s\n", err.data);
		buf_release(&err);
		return 1;
	}
	if (app_init(&app, db, &err) != 0) {
		fprintf(stderr, "vitre serve: %s\n", err.data);
		buf_release(&err);
		casekey_free(key);
		return 1;
	}
	if (key != NULL) {
		app.case_key_state = casekey_check_db(app_db(&app), key);
		if (app.case_key_state == CASEKEY_OK)
			app.case_key = key;
		else
			casekey_free(key);
	}
	if (app.case_key_state != CASEKEY_OK)
		fprintf(stderr, "vitre serve: %s\n", casekey_state_msg(
		    (enum casekey_state)app.case_key_state, true));
	else if (created && demo_cases(app_db(&app), app.case_key, &err) !=
	    ERR_OK) {
		fprintf(stderr, "vitre serve: %s\n", err.data);
		buf_release(&err);
		app_release(&app);
		return 1;
	}
	/* Block the signals before the worker threads inherit the mask. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* The outbox and reminders (after the case key: it opens the SMTP
	 * password). */
	app.mail = mail_sender_start(&app);
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
	"usage: vitre serve --db FILE [--port N] [--threads N] [--case-key KEYFILE]\n"
	"                   [--demo]\n"
	"\n"
	"Serve FILE on http://127.0.0.1:N/ (default 8080), applying database\n"
	"migrations first.  With --demo, create the demo database in FILE if\n"
	"FILE does not exist, and print the demo logins.  Put a reverse proxy\n"
	"with TLS (nginx) in front of it to serve other machines.\n"
	"\n"
	"Protection cases are encrypted with the case key: KEYFILE (64 hex\n"
	"digits, mode 0600; see \"vitre key generate\"), else the variable\n"
	"VITRE_CASE_KEY, else with --demo FILE.key (created if absent).  Without\n"
	"a key, or with a key that is not the database's, the case pages answer\n"
	"503 and the rest of vitre works.\n",
	run
};
