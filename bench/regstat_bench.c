/*
 * regstat_bench.c -- time computing every register target for every unit
 * and school year of a benchmark database:
 *   1. regstat_compute_all(): every school's values from the whole
 *      register (every enrolment of every year), written to reg_value;
 *   2. the roll-up (the dashboard's engine) of every unit that is not a
 *      school -- province, district offices, communes -- over every
 *      indicator and period, computed values included.
 *
 *	regstat_bench DB
 *
 * Runs three times (the machine may be shared) and prints each run and
 * the best, in seconds.
 */
#include <stdio.h>
#include <time.h>

#include "core/strutil.h"
#include "dashboard/rollup.h"
#include "db/db.h"
#include "db/migrate.h"
#include "regstat/regstat.h"
#include "units/unit.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct db *db = NULL;
	struct buf err = BUF_INIT;
	struct unit_tree *t;
	size_t rows = 0, i, units = 0, points = 0;
	double a, b, c, best = 0;
	int run;
	char today[11];

	if (argc != 2) {
		fprintf(stderr, "usage: regstat_bench DB\n");
		return 2;
	}
	if (db_open(argv[1], &db, &err) != ERR_OK || migrate(db, &err) !=
	    ERR_OK) {
		fprintf(stderr, "regstat_bench: %s\n", err.data);
		return 1;
	}
	if ((t = unit_tree_load(db)) == NULL)
		return 1;
	date_today(today);
	/* Three runs (the machine may be shared): each and the best. */
	for (run = 0; run < 3; run++) {
		units = points = 0;
		a = now();
		if (regstat_compute_all(db, &rows) != ERR_OK) {
			fprintf(stderr, "regstat_bench: compute failed\n");
			return 1;
		}
		b = now();
		for (i = 0; i < t->n; i++) {
			struct rollup *ru;
			size_t k;

			if (unit_kinds[t->u[i].kind].school)
				continue;
			if ((ru = rollup_build(db, t, t->u[i].id, today)) ==
			    NULL)
				return 1;
			for (k = 0; k < ru->nind * ru->nunits; k++)
				points += ru->series[k].n;
			units++;
			rollup_free(ru);
		}
		c = now();
		printf("run %d: register values of every school and year %.3f s "
		    "(%zu values); roll-up of every other unit (%zu units, %zu "
		    "points) %.3f s; total %.3f s\n", run + 1, b - a, rows,
		    units, points, c - b, c - a);
		if (run == 0 || c - a < best)
			best = c - a;
	}
	printf("every register target, every unit and year: best %.3f s "
	    "(goal < 2 s)\n", best);
	unit_tree_free(t);
	db_close(db);
	return 0;
}
