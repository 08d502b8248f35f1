/*
 * demo_values.c -- synthetic aggregate values for the demo database.
 *
 * Every school gets, for the school years 2021-2022 to 2025-2026 (and the
 * calendar years 2023-2025 for the communication-reach indicators), a
 * numerator and denominator split by sex for each indicator that applies
 * to its level.  The numbers are drawn from a fixed-seed generator around
 * trends like the real ones (completion near 97-99%, dropout well under
 * 1%, underweight falling from about 9% to 7.5%), and every row is marked
 * is_demo so no one mistakes it for real data.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "demo/demo_int.h"
#include "units/unit.h"

double
demo_uniform(struct demo_rng *g)
{
	g->s ^= g->s << 13;
	g->s ^= g->s >> 7;
	g->s ^= g->s << 17;
	return (double)(g->s >> 11) / 9007199254740992.0;
}

static int64_t
between(struct demo_rng *g, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(demo_uniform(g) * (double)(hi - lo + 1));
}

/*
 * How each indicator is drawn: the denominator range, and the rate at the
 * first and the last year (with noise).  A denominator of 1 means a yes/no
 * per school (toilets, psychological support).
 */
static const struct {
	const char	*code;
	int64_t		 den_lo, den_hi;
	double		 rate_first, rate_last;
	double		 noise;
} recipes[] = {
	{ "TOILET", 1, 1, 0.92, 1.00, 0 },
	{ "TOILET_STD", 1, 1, 0.60, 0.88, 0 },
	{ "NURSERY_CARE", 40, 120, 0.48, 0.66, 0.03 },
	{ "KINDER_CARE", 150, 400, 0.96, 0.995, 0.01 },
	{ "UNDER5_DEV", 180, 480, 0.975, 0.992, 0.006 },
	{ "UNDERWEIGHT", 180, 480, 0.090, 0.076, 0.012 },
	{ "STUNTING", 180, 480, 0.092, 0.081, 0.012 },
	{ "OVERWEIGHT", 180, 480, 0.056, 0.050, 0.010 },
	{ "MOBILISATION_5Y", 60, 150, 0.985, 0.997, 0.006 },
	{ "COMPLETION_PRIMARY", 80, 200, 0.962, 0.985, 0.012 },
	{ "DROPOUT_PRIMARY", 400, 900, 0.0030, 0.0012, 0.0015 },
	{ "COMPLETION_LOWERSEC", 100, 250, 0.86, 0.93, 0.03 },
	{ "DROPOUT_LOWERSEC", 400, 1000, 0.0040, 0.0016, 0.0015 },
	{ "PSYCH_SUPPORT", 1, 1, 0.70, 0.96, 0 },
	{ "DISABILITY_INFRA", 1, 1, 0.40, 0.62, 0 },
	{ "DISABILITY_ACCESS", 2, 12, 0.72, 0.90, 0.08 },
	{ "REACH_SCHOOL", 300, 1500, 0.35, 0.62, 0.05 },
	{ "REACH_WORKERS", 30, 120, 0.30, 0.58, 0.06 },
};

static enum err
put_value(struct db *db, int64_t unit, int64_t ind, int64_t period,
    bool by_sex, int64_t num, int64_t den, struct demo_rng *g)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO agg_value (unit_id,"
	    " indicator_id, period_id, num_total, num_m, num_f, den_total,"
	    " den_m, den_f, locked, entered_at, is_demo)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 1)");

	db_bind_int(st, 1, unit);
	db_bind_int(st, 2, ind);
	db_bind_int(st, 3, period);
	db_bind_int(st, 4, num);
	db_bind_int(st, 7, den);
	if (by_sex) {
		int64_t den_m = (int64_t)llround((double)den * (0.49 +
		    0.04 * demo_uniform(g)));
		int64_t num_m = (int64_t)llround((double)num * (0.46 +
		    0.1 * demo_uniform(g)));

		if (num_m > den_m)
			num_m = den_m;
		if (num - num_m > den - den_m)
			num_m = num - (den - den_m);
		db_bind_int(st, 5, num_m);
		db_bind_int(st, 6, num - num_m);
		db_bind_int(st, 8, den_m);
		db_bind_int(st, 9, den - den_m);
	}
	db_bind_int(st, 10, (int64_t)time(NULL));
	return db_run(st);
}

enum err
demo_values(struct db *db, struct buf *errmsg)
{
	struct unit_tree *t = unit_tree_load(db);
	struct demo_rng g = { 0x9E3779B97F4A7C15ull };
	struct db_stmt *st;
	size_t i, r;
	enum err e = ERR_OK;

	for (i = 0; i < t->n && e == ERR_OK; i++) {
		const struct unit *u = &t->u[i];

		if (!unit_kinds[u->kind].school)
			continue;
		for (r = 0; r < sizeof(recipes) / sizeof(recipes[0]); r++) {
			int64_t ind, by_sex, base = between(&g,
			    recipes[r].den_lo, recipes[r].den_hi);
			/* A yes/no indicator (toilets, a counselling service)
			 * stays yes once a school has it: one draw per school
			 * against a rate that rises. */
			double school_draw = demo_uniform(&g);
			char levels[128], ptype[16];
			int y, first, last;

			st = db_stmt(db, "SELECT id, by_sex, levels, period_type"
			    " FROM indicator WHERE code = ?");
			db_bind_text(st, 1, recipes[r].code);
			if (db_step(st) != DB_ROW) {
				db_done(st);
				continue;
			}
			ind = db_col_int(st, 0);
			by_sex = db_col_int(st, 1);
			snprintf(levels, sizeof(levels), "%s", db_col_text(st, 2));
			snprintf(ptype, sizeof(ptype), "%s", db_col_text(st, 3));
			db_done(st);
			if (!unit_kind_in_levels(u->kind, levels))
				continue;
			first = strcmp(ptype, "year") == 0 ? 2023 : 2022;
			last = strcmp(ptype, "year") == 0 ? 2025 : 2026;
			for (y = first; y <= last && e == ERR_OK; y++) {
				double f = (double)(y - first) / (last - first);
				double rate = recipes[r].rate_first + f *
				    (recipes[r].rate_last - recipes[r].rate_first) +
				    recipes[r].noise * (demo_uniform(&g) * 2 - 1);
				int64_t den = base + (base > 1 ?
				    between(&g, -base / 20, base / 20) : 0);
				int64_t num, period;
				char code[16];

				if (rate < 0)
					rate = 0;
				if (rate > 1)
					rate = 1;
				num = den == 1 ? (school_draw < rate) :
				    (int64_t)llround(rate * (double)den);
				if (strcmp(ptype, "year") == 0)
					snprintf(code, sizeof(code), "%d", y);
				else
					snprintf(code, sizeof(code), "%d-%d",
					    y - 1, y);
				st = db_stmt(db, "SELECT id FROM period"
				    " WHERE code = ?");
				db_bind_text(st, 1, code);
				if ((e = db_one_int(st, &period)) != ERR_OK)
					break;
				e = put_value(db, u->id, ind, period, by_sex != 0,
				    num, den, &g);
			}
		}
	}
	unit_tree_free(t);
	if (e != ERR_OK)
		buf_printf(errmsg, "demo values: %s", err_name(e));
	return e;
}
