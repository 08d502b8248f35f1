/*
 * t_rollup.c -- the roll-up engine, the targets that apply to a unit, the
 * evaluation of a target and the dashboard cache, on a small tree made
 * with SQL:
 *
 *   P province
 *   ├─ D district office (admin link until 2025-07-01)
 *   │   └─ S1 primary, S2 primary, S3 kindergarten (until 2025-07-01)
 *   ├─ C1 commune (from 2025-07-01): S1, S3
 *   └─ C2 commune (from 2025-07-01): S2
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "app.h"
#include "dashboard/cache.h"
#include "dashboard/dash_int.h"
#include "units/unit.h"

static const char fixture[] =
    "INSERT INTO unit (id, code, kind, name) VALUES"
    " (1, 'P', 'province', 'Sở P'), (2, 'D', 'district', 'Phòng D'),"
    " (3, 'C1', 'commune', 'Xã C1'), (4, 'C2', 'commune', 'Xã C2'),"
    " (5, 'S1', 'th', 'TH S1'), (6, 'S2', 'th', 'TH S2'),"
    " (7, 'S3', 'mn', 'MN S3');"
    "INSERT INTO unit_link (child_id, parent_id, role, valid_from, valid_to)"
    " VALUES (2, 1, 'admin', '1900-01-01', '2025-07-01'),"
    " (3, 1, 'admin', '2025-07-01', '9999-12-31'),"
    " (4, 1, 'admin', '2025-07-01', '9999-12-31'),"
    " (5, 2, 'admin', '1900-01-01', '2025-07-01'),"
    " (6, 2, 'admin', '1900-01-01', '2025-07-01'),"
    " (7, 2, 'admin', '1900-01-01', '2025-07-01'),"
    " (5, 3, 'admin', '2025-07-01', '9999-12-31'),"
    " (7, 3, 'admin', '2025-07-01', '9999-12-31'),"
    " (6, 4, 'admin', '2025-07-01', '9999-12-31'),"
    " (5, 1, 'prof', '2025-07-01', '9999-12-31');";

/* num, num_m, num_f, den, den_m, den_f of one school's row. */
static void
put(struct db *db, int64_t unit, const char *ind, const char *period,
    int64_t num, int64_t num_m, int64_t num_f, int64_t den, int64_t den_m,
    int64_t den_f)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO agg_value (unit_id,"
	    " indicator_id, period_id, num_total, num_m, num_f, den_total,"
	    " den_m, den_f, entered_at) VALUES (?, (SELECT id FROM indicator"
	    " WHERE code = ?), (SELECT id FROM period WHERE code = ?),"
	    " ?, ?, ?, ?, ?, ?, 0)");

	db_bind_int(st, 1, unit);
	db_bind_text(st, 2, ind);
	db_bind_text(st, 3, period);
	db_bind_int(st, 4, num);
	if (num_m >= 0) {
		db_bind_int(st, 5, num_m);
		db_bind_int(st, 6, num_f);
	}
	db_bind_int(st, 7, den);
	if (den_m >= 0) {
		db_bind_int(st, 8, den_m);
		db_bind_int(st, 9, den_f);
	}
	assert_int_equal(db_run(st), ERR_OK);
}

static int64_t
ind_id(struct db *db, const char *code)
{
	struct db_stmt *st = db_stmt(db, "SELECT id FROM indicator"
	    " WHERE code = ?");
	int64_t id = 0;

	db_bind_text(st, 1, code);
	assert_int_equal(db_one_int(st, &id), ERR_OK);
	return id;
}

static struct db *
setup(void)
{
	struct db *db = test_db();

	assert_int_equal(db_exec_script(db, fixture, NULL), ERR_OK);
	/* 2024-2025 (ref 2025-05-31): schools under D. */
	put(db, 5, "COMPLETION_PRIMARY", "2024-2025", 9, 5, 4, 10, 6, 4);
	put(db, 6, "COMPLETION_PRIMARY", "2024-2025", 1, 1, 0, 90, 50, 40);
	/* 2025-2026 (ref 2026-05-31): S1 under C1, S2 under C2. */
	put(db, 5, "COMPLETION_PRIMARY", "2025-2026", 19, 10, 9, 20, 11, 9);
	put(db, 6, "COMPLETION_PRIMARY", "2025-2026", 70, 30, 40, 80, 40, 40);
	return db;
}

static const struct dash_point *
point(const struct rollup *ru, size_t slot, int64_t ind, const char *code)
{
	const struct dash_series *s = rollup_series(ru, slot, ind);
	size_t i;

	for (i = 0; s != NULL && i < s->n; i++)
		if (strcmp(s->p[i].code, code) == 0)
			return &s->p[i];
	return NULL;
}

static size_t
slot_of(const struct rollup *ru, int64_t unit)
{
	size_t i;

	for (i = 0; i < ru->nunits; i++)
		if (ru->units[i] == unit)
			return i;
	return (size_t)-1;
}

static void
sums_numerators_and_denominators_never_rates(void **state)
{
	struct db *db = setup();
	struct unit_tree *t = unit_tree_load(db);
	int64_t cp = ind_id(db, "COMPLETION_PRIMARY");
	struct rollup *ru = rollup_build(db, t, 2, "2025-01-01");
	const struct dash_point *p;
	double v;

	(void)state;
	assert_non_null(ru);
	p = point(ru, 0, cp, "2024-2025");
	assert_non_null(p);
	/* 9/10 and 1/90: 10/100 = 10 %, not the mean of 90 % and 1.1 %. */
	assert_int_equal(p->s.num, 10);
	assert_int_equal(p->s.den, 100);
	assert_int_equal(p->s.rows, 2);
	assert_true(dash_rate(p->s.num, p->s.den, p->s.has_den, 100, &v));
	assert_float_equal(v, 10.0, 1e-12);
	assert_int_equal(p->year, 2025);
	rollup_free(ru);
	unit_tree_free(t);
	db_close(db);
}

static void
links_valid_on_ref_on_decide_the_parent(void **state)
{
	struct db *db = setup();
	struct unit_tree *t = unit_tree_load(db);
	int64_t cp = ind_id(db, "COMPLETION_PRIMARY");
	struct rollup *ru;
	const struct dash_point *p;

	(void)state;
	/* The district: 2024-2025 only (its schools left it in 2025). */
	ru = rollup_build(db, t, 2, "2026-01-01");
	assert_non_null(point(ru, 0, cp, "2024-2025"));
	assert_null(point(ru, 0, cp, "2025-2026"));
	rollup_free(ru);
	/* The commune: 2025-2026 only, and only its school S1. */
	ru = rollup_build(db, t, 3, "2026-01-01");
	assert_null(point(ru, 0, cp, "2024-2025"));
	p = point(ru, 0, cp, "2025-2026");
	assert_non_null(p);
	assert_int_equal(p->s.num, 19);
	assert_int_equal(p->s.den, 20);
	rollup_free(ru);
	/* The province: both years, through D then through C1 and C2. */
	ru = rollup_build(db, t, 1, "2026-01-01");
	p = point(ru, 0, cp, "2024-2025");
	assert_int_equal(p->s.num, 10);
	assert_int_equal(p->s.den, 100);
	p = point(ru, 0, cp, "2025-2026");
	assert_int_equal(p->s.num, 89);
	assert_int_equal(p->s.den, 100);
	/* Series are in time order. */
	assert_string_equal(rollup_series(ru, 0, cp)->p[0].code, "2024-2025");
	rollup_free(ru);
	unit_tree_free(t);
	db_close(db);
}

static void
own_value_stands_for_the_whole_area(void **state)
{
	struct db *db = setup();
	struct unit_tree *t;
	int64_t cp = ind_id(db, "COMPLETION_PRIMARY");
	struct rollup *ru;
	const struct dash_point *p;

	(void)state;
	/* C2 reports its own figure: it replaces S2's in C2 and above. */
	put(db, 4, "COMPLETION_PRIMARY", "2025-2026", 50, -1, -1, 60, -1, -1);
	t = unit_tree_load(db);
	ru = rollup_build(db, t, 1, "2026-01-01");
	p = point(ru, slot_of(ru, 4), cp, "2025-2026");
	assert_int_equal(p->s.num, 50);
	assert_int_equal(p->s.den, 60);
	p = point(ru, 0, cp, "2025-2026");
	assert_int_equal(p->s.num, 19 + 50);
	assert_int_equal(p->s.den, 20 + 60);
	/* The own row has no split by sex, so neither has the sum. */
	assert_false(p->s.has_sex);
	rollup_free(ru);
	unit_tree_free(t);
	db_close(db);
}

static void
sex_split_is_summed(void **state)
{
	struct db *db = setup();
	struct unit_tree *t = unit_tree_load(db);
	int64_t cp = ind_id(db, "COMPLETION_PRIMARY");
	struct rollup *ru = rollup_build(db, t, 1, "2026-01-01");
	const struct dash_point *p = point(ru, 0, cp, "2025-2026");

	(void)state;
	assert_true(p->s.has_sex);
	assert_int_equal(p->s.num_m, 40);
	assert_int_equal(p->s.num_f, 49);
	assert_int_equal(p->s.den_m, 51);
	assert_int_equal(p->s.den_f, 49);
	rollup_free(ru);
	unit_tree_free(t);
	db_close(db);
}

static void
periods_of_another_type_are_ignored(void **state)
{
	struct db *db = setup();
	struct unit_tree *t;
	int64_t cp = ind_id(db, "COMPLETION_PRIMARY");
	struct rollup *ru;

	(void)state;
	/* A calendar-year row for a school-year indicator. */
	put(db, 5, "COMPLETION_PRIMARY", "2025", 1, 1, 0, 1, 1, 0);
	t = unit_tree_load(db);
	ru = rollup_build(db, t, 5, "2026-01-01");
	assert_int_equal(rollup_series(ru, 0, cp)->n, 2);
	assert_null(point(ru, 0, cp, "2025"));
	rollup_free(ru);
	unit_tree_free(t);
	db_close(db);
}

static void
units_below_are_todays_or_the_latest_periods(void **state)
{
	struct db *db = setup();
	struct unit_tree *t = unit_tree_load(db);
	struct rollup *ru;

	(void)state;
	ru = rollup_build(db, t, 1, "2026-01-01");
	assert_int_equal(ru->nunits, 3);
	assert_true(slot_of(ru, 3) != (size_t)-1);
	assert_true(slot_of(ru, 4) != (size_t)-1);
	assert_true(slot_of(ru, 2) == (size_t)-1);
	rollup_free(ru);
	ru = rollup_build(db, t, 1, "2025-01-01");
	assert_int_equal(ru->nunits, 2);
	assert_int_equal(ru->units[1], 2);
	rollup_free(ru);
	/* The closed district office: no units below today, so those of
	 * its latest period with data (2024-2025). */
	ru = rollup_build(db, t, 2, "2026-01-01");
	assert_int_equal(ru->nunits, 4);
	assert_int_equal(point(ru, slot_of(ru, 5), ind_id(db,
	    "COMPLETION_PRIMARY"), "2024-2025")->s.num, 9);
	rollup_free(ru);
	unit_tree_free(t);
	db_close(db);
}

static const char plans[] =
    "INSERT INTO plan (id, unit_id, number, symbol, issuer, title,"
    " period_from, period_to, updated_at) VALUES"
    " (1, 1, '12', 'KH-SGD', 'Sở P', 'Kế hoạch tỉnh', 2021, 2030, 0),"
    " (2, 2, '7', 'KH-PGD', 'Phòng D', 'Kế hoạch huyện', 2021, 2025, 0),"
    " (3, 5, '', '', 'TH S1', 'Kế hoạch trường', 2021, 2030, 0);"
    "INSERT INTO plan_target (id, plan_id, seq, code, label, indicator_id,"
    " clause, baseline, baseline_year) VALUES"
    " (11, 1, 1, 'CT17', 'Chỉ tiêu 17', (SELECT id FROM indicator WHERE"
    "  code = 'COMPLETION_PRIMARY'), 'hoàn thành tiểu học', 80, 2021),"
    " (12, 1, 2, 'CT15', 'Chỉ tiêu 15', (SELECT id FROM indicator WHERE"
    "  code = 'KINDER_CARE'), 'mẫu giáo', NULL, NULL),"
    " (21, 2, 1, 'CT1', 'Chỉ tiêu 1', (SELECT id FROM indicator WHERE"
    "  code = 'COMPLETION_PRIMARY'), 'huyện', NULL, NULL),"
    " (31, 3, 1, 'CT1', 'Chỉ tiêu 1', (SELECT id FROM indicator WHERE"
    "  code = 'KINDER_CARE'), 'trường', NULL, NULL);"
    "INSERT INTO target_milestone (target_id, year, cmp, value) VALUES"
    " (11, 2025, '>=', 90), (11, 2030, '>=', 99), (12, 2030, '>=', 99),"
    " (21, 2025, '>=', 95);";

static bool
has_target(const struct dash_target *v, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].id == id)
			return true;
	return false;
}

static void
targets_apply_by_owner_links_and_levels(void **state)
{
	struct db *db = setup();
	struct unit_tree *t;
	struct dash_indicator *ind;
	struct dash_target *tg;
	size_t nind, n;

	(void)state;
	assert_int_equal(db_exec_script(db, plans, NULL), ERR_OK);
	t = unit_tree_load(db);
	assert_int_equal(dash_indicators_load(db, &ind, &nind), ERR_OK);
	/* S1 (primary) today: its own plan's target (even a kindergarten
	 * indicator: it is its own plan), the province's primary target,
	 * not the province's kindergarten target, not the closed office's. */
	assert_int_equal(dash_targets_load(db, t, unit_index(t, 5),
	    "2026-01-01", ind, nind, &tg, &n), ERR_OK);
	assert_int_equal(n, 2);
	assert_int_equal(tg[0].id, 31);		/* own plan first */
	assert_int_equal(tg[0].distance, 0);
	assert_int_equal(tg[1].id, 11);
	assert_int_equal(tg[1].nms, 2);
	assert_int_equal(tg[1].ms[0].year, 2025);
	assert_string_equal(tg[1].plan_ref, "12/KH-SGD");
	dash_targets_free(tg, n);
	/* Before the reform S1 sits under D, whose plan applies. */
	assert_int_equal(dash_targets_load(db, t, unit_index(t, 5),
	    "2025-01-01", ind, nind, &tg, &n), ERR_OK);
	assert_true(has_target(tg, n, 21));
	assert_true(has_target(tg, n, 11));
	dash_targets_free(tg, n);
	/* The kindergarten S3 gets the kindergarten target only. */
	assert_int_equal(dash_targets_load(db, t, unit_index(t, 7),
	    "2026-01-01", ind, nind, &tg, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(tg[0].id, 12);
	dash_targets_free(tg, n);
	/* A commune (no school kind) gets all of the province's. */
	assert_int_equal(dash_targets_load(db, t, unit_index(t, 3),
	    "2026-01-01", ind, nind, &tg, &n), ERR_OK);
	assert_int_equal(n, 2);
	dash_targets_free(tg, n);
	dash_indicators_free(ind, nind);
	unit_tree_free(t);
	db_close(db);
}

static void
entry_evaluates_each_target(void **state)
{
	struct db *db = setup();
	struct unit_tree *t;
	struct dash_entry *e;
	const struct target_eval *ev;
	size_t k;

	(void)state;
	assert_int_equal(db_exec_script(db, plans, NULL), ERR_OK);
	t = unit_tree_load(db);
	e = dash_entry_build(db, t, 1, "2026-01-01");
	assert_non_null(e);
	assert_int_equal(e->ntg, 2);
	k = dash_entry_target(e, 11);
	assert_true(k != (size_t)-1);
	ev = &e->ev[k];
	/* 89/100 in 2025-2026 (year 2026): next milestone 2030 >= 99; line
	 * 80 (2021) -> 99 (2030) at 2026 = 90.56 > 89 > 80: at risk. */
	assert_true(ev->has_actual);
	assert_float_equal(ev->actual, 89, 1e-9);
	assert_string_equal(ev->period, "2025-2026");
	assert_int_equal(ev->actual_year, 2026);
	assert_true(ev->has_m && ev->has_f);
	assert_float_equal(ev->actual_m, 40.0 / 51 * 100, 1e-9);
	assert_int_equal(ev->next.year, 2030);
	assert_float_equal(ev->gap, 10, 1e-9);
	assert_int_equal(ev->status, TS_AT_RISK);
	/* No kindergarten data anywhere: no data. */
	assert_int_equal(e->ev[dash_entry_target(e, 12)].status, TS_NO_DATA);
	dash_entry_free(e);
	unit_tree_free(t);
	db_close(db);
}

static void
cache_serves_until_the_generation_moves(void **state)
{
	struct db *db = setup();
	struct dash_cache *c = dash_cache_new(2);
	struct unit_tree *t, *t2;
	const struct dash_entry *a, *b, *x;
	struct dash_cache_stats st;

	(void)state;
	t = unit_tree_load(db);
	a = dash_cache_acquire(c, db, t, 1, "2026-01-01");
	b = dash_cache_acquire(c, db, t, 1, "2026-01-01");
	assert_ptr_equal(a, b);
	dash_cache_stats(c, &st);
	assert_int_equal(st.builds, 1);
	assert_int_equal(st.hits, 1);
	dash_cache_release(c, b);
	/* New data, new generation: rebuilt; the old entry stays valid for
	 * its holder until released. */
	put(db, 6, "COMPLETION_PRIMARY", "2023-2024", 1, 1, 0, 2, 1, 1);
	assert_int_equal(db_bump_generation(db), ERR_OK);
	t2 = unit_tree_load(db);
	b = dash_cache_acquire(c, db, t2, 1, "2026-01-01");
	assert_ptr_not_equal(a, b);
	assert_int_equal(a->ru->series[0].n + 1, b->ru->series[0].n);
	dash_cache_release(c, a);
	/* Bounded: a third unit evicts the least recently used. */
	x = dash_cache_acquire(c, db, t2, 2, "2026-01-01");
	dash_cache_release(c, x);
	x = dash_cache_acquire(c, db, t2, 3, "2026-01-01");
	dash_cache_release(c, x);
	dash_cache_stats(c, &st);
	assert_int_equal(st.entries, 2);
	assert_int_equal(st.evictions, 1);
	dash_cache_release(c, b);
	/* An unknown unit builds nothing. */
	assert_null(dash_cache_acquire(c, db, t2, 999, "2026-01-01"));
	dash_cache_free(c);
	unit_tree_free(t);
	unit_tree_free(t2);
	db_close(db);
}

static void
target_eval_api_judges_any_target_for_any_unit(void **state)
{
	char path[] = "/tmp/vitre-t_rollup-XXXXXX";
	struct app app;
	struct buf err = BUF_INIT;
	struct target_eval ev;
	struct db *db;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(app_init(&app, path, &err), ERR_OK);
	db = app_db(&app);
	assert_int_equal(db_exec_script(db, fixture, NULL), ERR_OK);
	put(db, 5, "COMPLETION_PRIMARY", "2024-2025", 9, 5, 4, 10, 6, 4);
	put(db, 6, "COMPLETION_PRIMARY", "2024-2025", 1, 1, 0, 90, 50, 40);
	assert_int_equal(db_exec_script(db, plans, NULL), ERR_OK);
	assert_int_equal(db_bump_generation(db), ERR_OK);
	/* A target that applies (the province's, for the district). */
	assert_int_equal(dash_target_eval(&app, db, 2, 11, &ev), ERR_OK);
	assert_int_equal(ev.target_id, 11);
	assert_int_equal(ev.plan_id, 1);
	assert_true(ev.has_actual);
	assert_float_equal(ev.actual, 10, 1e-9);
	assert_string_equal(ev.period, "2024-2025");
	assert_int_equal(ev.sums.num, 10);
	assert_int_equal(ev.status, TS_OFF_TRACK);	/* 10 % < baseline 80 % */
	/* The office's own target, judged for the province though it does
	 * not apply there by the rules. */
	assert_int_equal(dash_target_eval(&app, db, 1, 21, &ev), ERR_OK);
	assert_int_equal(ev.unit_id, 1);
	assert_float_equal(ev.actual, 10, 1e-9);
	assert_true(ev.has_next);
	assert_int_equal(ev.next.year, 2025);
	assert_int_equal(dash_target_eval(&app, db, 1, 9999, &ev),
	    ERR_NOTFOUND);
	assert_int_equal(dash_target_eval(&app, db, 9999, 11, &ev),
	    ERR_NOTFOUND);
	app_release(&app);
	unlink(path);
	buf_release(&err);
}

static void
count_indicators_take_the_numerator(void **state)
{
	double v = 0;

	(void)state;
	assert_true(dash_rate(7, 0, false, 0, &v));
	assert_float_equal(v, 7, 0);
	assert_false(dash_rate(7, 0, true, 100, &v));
	assert_false(dash_rate(7, 0, false, 100, &v));
	assert_true(dash_rate(3, 4, true, 1000, &v));
	assert_float_equal(v, 750, 1e-12);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sums_numerators_and_denominators_never_rates),
		cmocka_unit_test(links_valid_on_ref_on_decide_the_parent),
		cmocka_unit_test(own_value_stands_for_the_whole_area),
		cmocka_unit_test(sex_split_is_summed),
		cmocka_unit_test(periods_of_another_type_are_ignored),
		cmocka_unit_test(units_below_are_todays_or_the_latest_periods),
		cmocka_unit_test(targets_apply_by_owner_links_and_levels),
		cmocka_unit_test(entry_evaluates_each_target),
		cmocka_unit_test(cache_serves_until_the_generation_moves),
		cmocka_unit_test(target_eval_api_judges_any_target_for_any_unit),
		cmocka_unit_test(count_indicators_take_the_numerator),
	};

	return cmocka_run_group_tests_name("rollup", tests, NULL, NULL);
}
