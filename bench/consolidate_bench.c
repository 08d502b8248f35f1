/*
 * consolidate_bench.c -- how long consolidating a province takes (issue 5):
 * over the synthetic province of gen_province, a school-year reporting duty
 * of the province's plan addressed to the province runs down the tree, so
 * every school reports to its district office (2024-2025) or commune
 * (2025-2026) and these report to the province.  For each of the two
 * school years:
 *   1. setup (not the goal): the 1,500 school reports of the due, made from
 *      the data, submitted and accepted;
 *   2. each office below the province consolidates its schools' accepted
 *      reports (plus its own roll-up), submits, and the province accepts;
 *   3. the province's report is consolidated from the offices' reports --
 *      the province report from the 1,500 school reports;
 *   4. the province's report consolidated afresh;
 * then 2-4 again, the consolidated reports removed, with the roll-ups of
 * the offices' own data cached as a running server has them.  Prints
 * seconds per step; goal: consolidation < 1 s.
 *
 *	consolidate_bench DB
 *
 * The province report is then rendered as PDF, DOCX and XLSX from the
 * database, as its document job does (goal: PDF < 2 s).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "core/buf.h"
#include "core/strutil.h"
#include "db/db.h"
#include "docs/report_doc.h"
#include "reports/report_db.h"
#include "units/unit.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Processor time of this process, seconds: the figure that does not
 * depend on what else the (shared) machine runs. */
static double
cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
die(const char *what)
{
	fprintf(stderr, "consolidate_bench: %s\n", what);
	exit(1);
}

/* Make unit_id's report of the due, submit and accept it (one
 * transaction), as the benchmark's province officer. */
static void
report_accepted(struct app *app, struct db *db, const struct unit_tree *t,
    const struct report_regime *rg, int64_t unit_id, const struct period *p,
    const char *due, const char *today, int64_t user)
{
	struct report *r = NULL;
	int64_t id = 0;

	if (db_begin(db) != ERR_OK ||
	    report_db_create(app, db, t, rg, unit_id, p, due, today, user,
	    &id) != ERR_OK || report_db_get(db, id, &r) != ERR_OK ||
	    report_db_step(db, r, REPORT_STEP_SUBMIT, user, NULL) != ERR_OK ||
	    report_db_step(db, r, REPORT_STEP_ACCEPT, user, NULL) != ERR_OK ||
	    db_commit(db) != ERR_OK)
		die("cannot make a report");
	report_free(r);
}

/*
 * The province's consolidated report of the due, from the accepted
 * reports of the offices below it; *id the report.
 */
static void
build_province_report(struct app *app, struct db *db,
    const struct unit_tree *t, const struct report_regime *rg, int64_t prov,
    const struct period *p, const char *due, const char *today, int64_t user,
    int64_t *id)
{
	if (db_begin(db) != ERR_OK ||
	    report_db_create(app, db, t, rg, prov, p, due, today, user, id) !=
	    ERR_OK || db_commit(db) != ERR_OK)
		die("cannot consolidate the province");
}

/* The province's report consolidated afresh. */
static void
refresh(struct app *app, struct db *db, const struct unit_tree *t,
    const struct report_regime *rg, int64_t id, const char *today)
{
	struct buf missing = BUF_INIT;
	struct report *r = NULL;

	if (report_db_get(db, id, &r) != ERR_OK || db_begin(db) != ERR_OK ||
	    report_db_snapshot(app, db, t, rg, r, today, &missing) !=
	    ERR_OK || db_commit(db) != ERR_OK)
		die("cannot consolidate afresh");
	buf_release(&missing);
	report_free(r);
}

/* The province report rendered from the database in each format, timed. */
static void
render(struct db *db, const struct unit_tree *t, int64_t id)
{
	static const char *names[REPORT_DOC_FMT__MAX] = { "PDF", "DOCX",
	    "XLSX" };
	enum report_doc_fmt f;

	printf("    the province report as a document (loaded from the "
	    "database):");
	for (f = 0; f < REPORT_DOC_FMT__MAX; f++) {
		struct buf out = BUF_INIT;
		double b = now(), cb = cpu();

		if (report_doc_render(db, t, id, f, &out, NULL, 0) != ERR_OK)
			die("cannot render the province report");
		printf("%s %s %.3f s (%zu KB, processor %.3f s)",
		    f ? "," : "", names[f], now() - b, out.len / 1024,
		    cpu() - cb);
		buf_release(&out);
	}
	printf("; goal PDF < 2 s\n");
}

/* The offices and the province consolidate, up the chain; prints the
 * figures of the run (label). */
static void
chain(struct app *app, struct db *db, const struct unit_tree *t,
    const struct report_regime *rg, int64_t prov, int64_t user,
    const struct period *p, const char *due, const char *label)
{
	size_t i, offices = 0;
	int64_t id = 0, rows = 0;
	double b, c, e, f, slow = 0, cb, ce;
	struct db_stmt *st;
	char today[11];

	date_today(today);
	cb = cpu();
	b = now();
	for (i = 0; i < t->n; i++) {
		double s;

		if (unit_kinds[t->u[i].kind].school || t->u[i].id == prov ||
		    !report_db_consolidates(t, rg, t->u[i].id, p))
			continue;
		s = now();
		report_accepted(app, db, t, rg, t->u[i].id, p, due, today,
		    user);
		s = now() - s;
		if (s > slow)
			slow = s;
		offices++;
	}
	c = now();
	build_province_report(app, db, t, rg, prov, p, due, today, user, &id);
	e = now();
	ce = cpu();
	refresh(app, db, t, rg, id, today);
	f = now();
	st = db_stmt(db, "SELECT COUNT(*) FROM report_value WHERE report_id = "
	    "?");
	db_bind_int(st, 1, id);
	(void)db_one_int(st, &rows);
	printf("  %s:\n    %zu offices consolidate their schools (and submit, "
	    "and are accepted): %.3f s, %.1f ms each, slowest %.1f ms\n",
	    label, offices, c - b, offices ? (c - b) * 1e3 / (double)offices :
	    0, slow * 1e3);
	printf("    the province report from the offices' reports: %.3f s "
	    "(%lld numbers); consolidated afresh: %.3f s\n", e - c,
	    (long long)rows, f - e);
	printf("    the province report from the school reports, up the "
	    "chain: %.3f s (goal < 1 s), processor time %.3f s\n", e - b,
	    ce - cb);
	render(db, t, id);
}

static void
one_year(struct app *app, struct db *db, const struct unit_tree *t,
    const struct report_regime *rg, int64_t prov, int64_t user,
    const char *year)
{
	struct report_oblig *d = NULL;
	struct period p;
	char due[11] = "", today[11];
	size_t nd = 0, i, schools = 0;
	int64_t below = 0;
	double a, b;
	struct db_stmt *st;

	date_today(today);
	if (report_db_dues(db, rg, &d, &nd) != ERR_OK)
		die("no dues");
	for (i = 0; i < nd; i++)
		if (strcmp(d[i].period.code, year) == 0) {
			p = d[i].period;
			memcpy(due, d[i].due_on, sizeof(due));
		}
	free(d);
	if (due[0] == '\0')
		die("no due in that school year");
	a = now();
	for (i = 0; i < t->n; i++)
		if (unit_kinds[t->u[i].kind].school &&
		    report_db_receiver(t, rg, t->u[i].id, &p) != 0) {
			report_accepted(app, db, t, rg, t->u[i].id, &p, due,
			    today, user);
			schools++;
		}
	b = now();
	printf("%s (due %s): %zu school reports made, submitted, accepted "
	    "in %.3f s (setup)\n", year, due, schools, b - a);
	chain(app, db, t, rg, prov, user, &p, due, "cold (every office's "
	    "own roll-up built from its values)");
	st = db_stmt(db, "SELECT COUNT(*) FROM report r JOIN report_value v "
	    "ON v.report_id = r.id WHERE r.reporting_id = ? AND "
	    "r.period_id = ? AND r.consolidated = 1 AND v.unit_id IS NOT NULL "
	    "AND v.unit_id <> r.unit_id");
	db_bind_int(st, 1, rg->id);
	db_bind_int(st, 2, p.id);
	(void)db_one_int(st, &below);
	printf("    %lld rows copied from the reports below\n",
	    (long long)below);
	/* Again, the roll-ups now cached as in a running server. */
	st = db_stmt(db, "DELETE FROM report WHERE reporting_id = ? AND "
	    "period_id = ? AND consolidated = 1");
	db_bind_int(st, 1, rg->id);
	db_bind_int(st, 2, p.id);
	if (db_run(st) != ERR_OK)
		die("cannot remove the consolidated reports");
	chain(app, db, t, rg, prov, user, &p, due, "again, the offices' "
	    "roll-ups cached (as a running server has them)");
}

int
main(int argc, char **argv)
{
	struct app app;
	struct buf err = BUF_INIT;
	struct report_regime *rgs = NULL;
	const struct report_regime *rg;
	const struct unit_tree *t;
	struct db_stmt *st;
	struct db *db;
	size_t nrg = 0;
	int64_t prov = 0, plan = 0, user = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: consolidate_bench DB\n");
		return 2;
	}
	if (app_init(&app, argv[1], &err) != 0 || (db = app_db(&app)) ==
	    NULL) {
		fprintf(stderr, "consolidate_bench: %s\n", err.data);
		return 1;
	}
	st = db_stmt(db, "SELECT u.id, p.id FROM unit u JOIN plan p ON "
	    "p.unit_id = u.id WHERE u.code = 'B-SGD' ORDER BY p.id LIMIT 1");
	if (db_step(st) == DB_ROW) {
		prov = db_col_int(st, 0);
		plan = db_col_int(st, 1);
	}
	db_done(st);
	st = db_stmt(db, "SELECT id FROM app_user WHERE username = "
	    "'bench.province'");
	if (prov == 0 || db_one_int(st, &user) != ERR_OK)
		die("not a gen_province database");
	/* The duty: the province's plan, addressed to the province. */
	st = db_stmt(db, "INSERT INTO plan_reporting (plan_id, seq, what, "
	    "to_whom, schedule) VALUES (?, 1, 'Kết quả thực hiện kế hoạch', "
	    "'Sở GD&ĐT tỉnh Benchmark', 'school_year')");
	db_bind_int(st, 1, plan);
	if (db_run(st) != ERR_OK)
		die("cannot add the reporting duty");
	if ((t = unit_tree_get(&app, db)) == NULL ||
	    report_db_regimes(db, t, &rgs, &nrg) != ERR_OK || nrg == 0)
		die("no regimes");
	rg = &rgs[nrg - 1];
	if (!rg->to_owner)
		die("the duty is not addressed to the province");
	one_year(&app, db, t, rg, prov, user, "2024-2025");
	one_year(&app, db, t, rg, prov, user, "2025-2026");
	report_regimes_free(rgs, nrg);
	unit_tree_put(&app, t);
	app_release(&app);
	buf_release(&err);
	return 0;
}
