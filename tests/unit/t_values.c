/*
 * t_values.c -- checking aggregate value entries (every rule of
 * values/value.c), the rate arithmetic of the catalogue, and saving,
 * upserting and locking values in the database.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "indicators/indicator.h"
#include "values/value.h"

/* An indicator as the catalogue would hold it. */
static struct indicator
test_ind(bool by_sex, enum ind_unit unit, enum period_type pt,
    const char *levels)
{
	static char code[] = "TEST", name[] = "Chỉ số thử", empty[] = "";
	struct indicator ind;

	memset(&ind, 0, sizeof(ind));
	ind.id = 7;
	ind.code = code;
	ind.name_vi = ind.name_en = name;
	ind.definition_vi = ind.definition_en = empty;
	ind.numerator_vi = ind.numerator_en = empty;
	ind.denominator_vi = ind.denominator_en = empty;
	ind.unit = unit;
	ind.direction = IND_DIR_UP;
	ind.by_sex = by_sex;
	ind.source = IND_SRC_ENTERED;
	ind.period_type = pt;
	ind.levels = (char *)levels;
	ind.ref = empty;
	return ind;
}

static struct period
test_period(const char *code, enum period_type pt)
{
	struct period p;

	memset(&p, 0, sizeof(p));
	p.id = 11;
	snprintf(p.code, sizeof(p.code), "%s", code);
	p.type = pt;
	return p;
}

static struct unit
test_unit(enum unit_kind kind)
{
	static char name[] = "Trường thử", empty[] = "";
	struct unit u;

	memset(&u, 0, sizeof(u));
	u.id = 5;
	u.kind = kind;
	u.code = u.name = name;
	u.name_en = u.abbrev = u.place = empty;
	return u;
}

/* A complete, good entry for a by-sex percentage. */
static struct value_raw
good_raw(void)
{
	struct value_raw raw = { "5", "TEST", "2024-2025", "40", "38", NULL,
	    "41", "39", NULL };

	return raw;
}

/* The one message for field f, or NULL. */
static const struct form_error *
error_for(const struct form_errors *errs, const struct field *f)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		if (errs->e[i].f == f)
			return &errs->e[i];
	return NULL;
}

struct fixture {
	struct indicator	 ind;
	struct period		 per;
	struct unit		 unit;
	struct value_ctx	 ctx;
	struct form_errors	 errs;
	struct agg_value	 v;
};

static void
fixture(struct fixture *fx, bool by_sex, enum ind_unit unit)
{
	memset(fx, 0, sizeof(*fx));
	fx->ind = test_ind(by_sex, unit, PERIOD_SCHOOL_YEAR, "");
	fx->per = test_period("2024-2025", PERIOD_SCHOOL_YEAR);
	fx->unit = test_unit(UNIT_TH_THCS);
	fx->ctx.unit = &fx->unit;
	fx->ctx.ind = &fx->ind;
	fx->ctx.per = &fx->per;
}

static void
by_sex_entry_computes_the_totals(void **state)
{
	struct fixture fx;
	struct value_raw raw = good_raw();

	(void)state;
	fixture(&fx, true, IND_UNIT_PERCENT);
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs), ERR_OK);
	assert_int_equal(fx.errs.n, 0);
	assert_true(fx.v.split);
	assert_true(fx.v.has_den);
	assert_int_equal(fx.v.num_total, 78);
	assert_int_equal(fx.v.den_total, 80);
	assert_int_equal(fx.v.unit_id, 5);
	assert_int_equal(fx.v.indicator_id, 7);
	assert_int_equal(fx.v.period_id, 11);
	assert_true(fabs(value_rate(&fx.v, IND_UNIT_PERCENT) - 97.5) < 1e-9);
}

static void
total_sent_with_the_split_must_equal_male_plus_female(void **state)
{
	struct fixture fx;
	struct value_raw raw = good_raw();
	const struct form_error *e;

	(void)state;
	fixture(&fx, true, IND_UNIT_PERCENT);
	raw.num_total = "78";
	raw.den_total = "80";
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs), ERR_OK);

	fixture(&fx, true, IND_UNIT_PERCENT);
	raw.num_total = "77";
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_int_equal(fx.errs.n, 1);
	assert_non_null(e = error_for(&fx.errs, &value_f_num_total));
	assert_non_null(strstr(e->vi, "Tử số (tổng)"));
	assert_non_null(strstr(e->vi, "40 + 38 = 78"));
	assert_non_null(strstr(e->en, "Numerator (total)"));
}

static void
by_sex_entry_needs_both_sexes(void **state)
{
	struct fixture fx;
	struct value_raw raw = good_raw();
	const struct form_error *e;

	(void)state;
	fixture(&fx, true, IND_UNIT_PERCENT);
	raw.num_f = NULL;
	raw.den_m = "";
	raw.num_total = "78";	/* a total alone does not do */
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_non_null(e = error_for(&fx.errs, &value_f_num_f));
	assert_string_equal(e->vi, "Tử số (nữ): cần nhập.");
	assert_string_equal(e->en, "Numerator (female): required.");
	assert_non_null(error_for(&fx.errs, &value_f_den_m));
}

static void
numbers_must_be_whole_and_not_negative(void **state)
{
	static const char *const bad[] = { "-1", "abc", "12abc", "1.5", "1,5",
	    " 3", "99999999999999999999", "1000000000001" };
	struct fixture fx;
	struct value_raw raw;
	const struct form_error *e;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		fixture(&fx, true, IND_UNIT_PERCENT);
		raw = good_raw();
		raw.den_f = bad[i];
		assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
		    ERR_INVALID);
		assert_int_equal(fx.errs.n, 1);
		assert_non_null(e = error_for(&fx.errs, &value_f_den_f));
		assert_non_null(strstr(e->vi, "Mẫu số (nữ)"));
		assert_non_null(strstr(e->en, "whole number"));
	}
	fixture(&fx, true, IND_UNIT_PERCENT);
	raw = good_raw();
	raw.num_m = raw.den_m = "0";
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs), ERR_OK);
}

static void
numerator_may_not_exceed_denominator_per_sex(void **state)
{
	struct fixture fx;
	struct value_raw raw = good_raw();
	const struct form_error *e;

	(void)state;
	fixture(&fx, true, IND_UNIT_PERCENT);
	raw.num_m = "42";	/* 42 > 41, though 80 <= 80 in total */
	raw.num_f = "38";
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_int_equal(fx.errs.n, 1);
	assert_non_null(e = error_for(&fx.errs, &value_f_num_m));
	assert_non_null(strstr(e->vi, "Tử số (nam)"));
	assert_non_null(strstr(e->vi, "Mẫu số (nam)"));
	assert_non_null(strstr(e->vi, "42 > 41"));

	/* The other sex is still checked when one cell is bad. */
	fixture(&fx, true, IND_UNIT_PERCENT);
	raw = good_raw();
	raw.num_m = "50";
	raw.num_f = "x";
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_int_equal(fx.errs.n, 2);
	assert_non_null(error_for(&fx.errs, &value_f_num_m));
	assert_non_null(error_for(&fx.errs, &value_f_num_f));
}

static void
total_only_indicator_refuses_the_split(void **state)
{
	struct fixture fx;
	struct value_raw raw = { "5", "TEST", "2024-2025", "1", NULL, "1",
	    NULL, "1", "1" };
	const struct form_error *e;

	(void)state;
	fixture(&fx, false, IND_UNIT_PERCENT);
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_int_equal(fx.errs.n, 2);
	assert_non_null(e = error_for(&fx.errs, &value_f_num_m));
	assert_non_null(strstr(e->vi, "không tách theo giới tính"));
	assert_non_null(error_for(&fx.errs, &value_f_den_f));

	fixture(&fx, false, IND_UNIT_PERCENT);
	raw.num_m = raw.den_f = NULL;
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs), ERR_OK);
	assert_false(fx.v.split);
	assert_int_equal(fx.v.num_total, 1);
	assert_int_equal(fx.v.den_total, 1);

	fixture(&fx, false, IND_UNIT_PERCENT);
	raw.num_total = "2";
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_non_null(e = error_for(&fx.errs, &value_f_num_total));
	assert_non_null(strstr(e->en, "greater than Denominator (total)"));

	fixture(&fx, false, IND_UNIT_PERCENT);
	raw.num_total = "1";
	raw.den_total = NULL;
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_non_null(error_for(&fx.errs, &value_f_den_total));
}

static void
count_indicator_has_no_denominator(void **state)
{
	struct fixture fx;
	struct value_raw raw = { "5", "TEST", "2024", "3", "4", NULL, NULL,
	    NULL, NULL };
	const struct form_error *e;

	(void)state;
	fixture(&fx, true, IND_UNIT_COUNT);
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs), ERR_OK);
	assert_false(fx.v.has_den);
	assert_int_equal(fx.v.num_total, 7);
	assert_true(fabs(value_rate(&fx.v, IND_UNIT_COUNT) - 7) < 1e-9);

	fixture(&fx, true, IND_UNIT_COUNT);
	raw.den_m = "10";
	raw.den_total = "20";
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_int_equal(fx.errs.n, 2);
	assert_non_null(e = error_for(&fx.errs, &value_f_den_m));
	assert_non_null(strstr(e->vi, "không có mẫu số"));
	assert_non_null(error_for(&fx.errs, &value_f_den_total));

	fixture(&fx, false, IND_UNIT_COUNT);
	raw.num_m = raw.num_f = raw.den_m = NULL;
	raw.num_total = "9";
	raw.den_total = NULL;
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs), ERR_OK);
	assert_int_equal(fx.v.num_total, 9);
}

static void
period_must_exist_and_match_the_type(void **state)
{
	struct fixture fx;
	struct value_raw raw = good_raw();
	struct period year = test_period("2024", PERIOD_YEAR);
	const struct form_error *e;

	(void)state;
	fixture(&fx, true, IND_UNIT_PERCENT);
	fx.ctx.per = &year;
	raw.period = "2024";
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_int_equal(fx.errs.n, 1);
	assert_non_null(e = error_for(&fx.errs, &value_f_period));
	assert_non_null(strstr(e->vi, "Kỳ báo cáo"));
	assert_non_null(strstr(e->en, "school year"));

	fixture(&fx, true, IND_UNIT_PERCENT);
	fx.ctx.per = NULL;
	raw.period = "2024-2026";
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_non_null(e = error_for(&fx.errs, &value_f_period));
	assert_non_null(strstr(e->vi, "«2024-2026»"));
}

static void
unit_and_indicator_must_exist(void **state)
{
	struct fixture fx;
	struct value_raw raw = good_raw();

	(void)state;
	fixture(&fx, true, IND_UNIT_PERCENT);
	fx.ctx.unit = NULL;
	fx.ctx.ind = NULL;
	raw.num_m = "-2";
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_non_null(error_for(&fx.errs, &value_f_unit));
	assert_non_null(error_for(&fx.errs, &value_f_indicator));
	/* Without the indicator the numbers are still checked for form. */
	assert_non_null(error_for(&fx.errs, &value_f_num_m));
}

static void
school_enters_only_indicators_of_its_level(void **state)
{
	struct fixture fx;
	struct value_raw raw = good_raw();
	struct unit office = test_unit(UNIT_DISTRICT);
	const struct form_error *e;

	(void)state;
	fixture(&fx, true, IND_UNIT_PERCENT);
	fx.ind.levels = (char *)",mn,group,";
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_non_null(e = error_for(&fx.errs, &value_f_indicator));
	assert_non_null(strstr(e->vi, "không áp dụng"));

	/* An office enters the figure for its whole area. */
	fixture(&fx, true, IND_UNIT_PERCENT);
	fx.ind.levels = (char *)",mn,group,";
	fx.ctx.unit = &office;
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs), ERR_OK);
}

static void
locked_value_is_not_changed(void **state)
{
	struct fixture fx;
	struct value_raw raw = good_raw();

	(void)state;
	fixture(&fx, true, IND_UNIT_PERCENT);
	fx.ctx.locked = true;
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_LOCKED);
	assert_int_equal(fx.errs.n, 0);
}

static void
computed_value_is_not_entered(void **state)
{
	struct fixture fx;
	struct value_raw raw = good_raw();

	(void)state;
	fixture(&fx, true, IND_UNIT_PERCENT);
	fx.ctx.computed = true;
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_CONFLICT);
	assert_int_equal(fx.errs.n, 0);
}

static void
references_are_parsed_once(void **state)
{
	struct value_raw raw = good_raw();
	struct value_refs refs;
	struct form_errors errs;
	struct fixture fx;
	const struct form_error *e;

	(void)state;
	memset(&errs, 0, sizeof(errs));
	assert_true(value_parse_refs(&raw, &refs, &errs));
	assert_int_equal(refs.unit_id, 5);
	assert_string_equal(refs.indicator, "TEST");
	assert_string_equal(refs.period, "2024-2025");

	raw.unit = "năm";
	raw.indicator = "";
	assert_false(value_parse_refs(&raw, &refs, &errs));
	assert_int_equal(errs.n, 2);
	assert_non_null(e = error_for(&errs, &value_f_unit));
	assert_non_null(strstr(e->vi, "Đơn vị"));
	assert_non_null(e = error_for(&errs, &value_f_indicator));
	assert_string_equal(e->en, "Indicator: required.");

	/* value_check does not say "no such unit" on top. */
	fixture(&fx, true, IND_UNIT_PERCENT);
	fx.errs = errs;
	fx.ctx.unit = NULL;
	fx.ctx.ind = NULL;
	assert_int_equal(value_check(&raw, &fx.ctx, &fx.v, &fx.errs),
	    ERR_INVALID);
	assert_int_equal(fx.errs.n, 2);
}

static void
rates_sum_numerators_over_denominators(void **state)
{
	char s[32];

	(void)state;
	assert_true(fabs(indicator_rate(873, 10000, IND_UNIT_PERCENT) - 8.73) <
	    1e-9);
	assert_true(fabs(indicator_rate(3, 2000, IND_UNIT_PER1000) - 1.5) <
	    1e-9);
	assert_true(fabs(indicator_rate(12, 0, IND_UNIT_COUNT) - 12) < 1e-9);
	assert_true(isnan(indicator_rate(0, 0, IND_UNIT_PERCENT)));
	indicator_format_rate(8.73, IND_UNIT_PERCENT, 0, s, sizeof(s));
	assert_string_equal(s, "8,73%");
	indicator_format_rate(8.73, IND_UNIT_PERCENT, 1, s, sizeof(s));
	assert_string_equal(s, "8.73%");
	indicator_format_rate(1.5, IND_UNIT_PER1000, 0, s, sizeof(s));
	assert_string_equal(s, "1,50‰");
	indicator_format_rate(12, IND_UNIT_COUNT, 0, s, sizeof(s));
	assert_string_equal(s, "12");
	indicator_format_rate(NAN, IND_UNIT_PERCENT, 0, s, sizeof(s));
	assert_string_equal(s, "—");
	assert_string_equal(indicator_direction_name(IND_DIR_UP, 0),
	    "cao hơn là tốt hơn");
	assert_string_equal(indicator_direction_name(IND_DIR_DOWN, 0),
	    "thấp hơn là tốt hơn");
}

static void
catalogue_and_periods_are_read(void **state)
{
	struct db *db = test_db();
	struct indicator ind, *list = NULL;
	struct period p;
	struct buf b = BUF_INIT;
	char label[64];
	size_t n = 0;

	(void)state;
	assert_int_equal(indicator_get_by_code(db, "COMPLETION_PRIMARY", &ind),
	    ERR_OK);
	assert_true(ind.by_sex);
	assert_int_equal(ind.unit, IND_UNIT_PERCENT);
	assert_int_equal(ind.direction, IND_DIR_UP);
	assert_int_equal(ind.period_type, PERIOD_SCHOOL_YEAR);
	assert_non_null(strstr(ind.ref, "chỉ tiêu 17"));
	indicator_levels_text(ind.levels, 0, &b);
	assert_string_equal(b.data, "Trường tiểu học; Trường TH&THCS");
	indicator_clear(&ind);
	assert_int_equal(indicator_get_by_code(db, "NO_SUCH", &ind),
	    ERR_NOTFOUND);
	assert_int_equal(indicator_list(db, &list, &n), ERR_OK);
	assert_true(n >= 18);
	assert_int_equal(indicator_get(db, list[0].id, &ind), ERR_OK);
	assert_string_equal(ind.code, list[0].code);
	indicator_clear(&ind);
	indicator_list_free(list, n);

	assert_int_equal(period_get_by_code(db, "2024S1", &p), ERR_OK);
	assert_int_equal(p.type, PERIOD_HALF_YEAR);
	period_label(&p, 0, label, sizeof(label));
	assert_string_equal(label, "6 tháng đầu năm 2024");
	assert_int_equal(period_get_by_code(db, "2024-2025", &p), ERR_OK);
	period_label(&p, 1, label, sizeof(label));
	assert_string_equal(label, "School year 2024-2025");
	buf_release(&b);
	db_close(db);
}

/* A unit and a user for the database tests. */
static void
seed(struct db *db)
{
	assert_int_equal(db_run(db_stmt(db, "INSERT INTO unit (id, code, kind,"
	    " name) VALUES (5, 'T-5', 'th_thcs', 'Trường thử')")), ERR_OK);
	assert_int_equal(db_run(db_stmt(db, "INSERT INTO app_user (id,"
	    " username, full_name, pw_hash, role, unit_id, created_at)"
	    " VALUES (3, 'vt', 'Văn thư', 'x', 'clerk', 5, 0)")), ERR_OK);
}

static int64_t
count(struct db *db, const char *sql)
{
	int64_t n = -1;

	assert_int_equal(db_one_int(db_stmt(db, sql), &n), ERR_OK);
	return n;
}

static void
save_upserts_and_lock_stops_changes(void **state)
{
	struct db *db = test_db();
	struct agg_value v, got;
	struct value_row *rows = NULL;
	struct period p;
	struct indicator ind;
	int64_t id = 0, id2 = 0, gen;
	bool created = false;
	size_t n = 0;

	(void)state;
	seed(db);
	assert_int_equal(indicator_get_by_code(db, "COMPLETION_PRIMARY", &ind),
	    ERR_OK);
	assert_int_equal(period_get_by_code(db, "2023-2024", &p), ERR_OK);
	memset(&v, 0, sizeof(v));
	v.unit_id = 5;
	v.indicator_id = ind.id;
	v.period_id = p.id;
	v.split = v.has_den = true;
	v.num_m = 40, v.num_f = 38, v.num_total = 78;
	v.den_m = 41, v.den_f = 39, v.den_total = 80;
	gen = db_generation(db);
	assert_int_equal(value_save(db, &v, 3, &id, &created), ERR_OK);
	assert_true(created);
	assert_true(db_generation(db) > gen);
	v.num_m = 41, v.num_total = 79;
	assert_int_equal(value_save(db, &v, 3, &id2, &created), ERR_OK);
	assert_false(created);
	assert_int_equal(id, id2);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM agg_value"), 1);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM audit_log WHERE"
	    " action IN ('value.create', 'value.update')"), 2);
	assert_int_equal(value_get(db, id, &got), ERR_OK);
	assert_int_equal(got.num_total, 79);
	assert_int_equal(got.entered_by, 3);

	assert_int_equal(value_list(db, 5, 0, 0, &rows, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].indicator, "COMPLETION_PRIMARY");
	assert_string_equal(rows[0].period, "2023-2024");
	assert_string_equal(rows[0].entered_by_name, "Văn thư");
	free(rows);

	assert_int_equal(value_lock(db, id, 3), ERR_OK);
	assert_int_equal(value_lock(db, id, 3), ERR_OK);	/* idempotent */
	assert_int_equal(count(db, "SELECT COUNT(*) FROM audit_log WHERE"
	    " action = 'value.lock'"), 1);
	gen = db_generation(db);
	v.num_m = 1, v.num_total = 39;
	assert_int_equal(value_save(db, &v, 3, &id2, &created), ERR_LOCKED);
	assert_int_equal(value_get(db, id, &got), ERR_OK);
	assert_int_equal(got.num_total, 79);
	assert_true(got.locked);
	assert_int_equal(db_generation(db), gen);
	assert_int_equal(value_lock(db, 99999, 3), ERR_NOTFOUND);

	/* A value computed from measurements is not overwritten either. */
	assert_int_equal(db_run(db_stmt(db, "UPDATE agg_value SET locked = 0,"
	    " computed = 1")), ERR_OK);
	assert_int_equal(value_save(db, &v, 3, &id2, &created), ERR_CONFLICT);
	assert_int_equal(value_get(db, id, &got), ERR_OK);
	assert_true(got.computed);
	assert_int_equal(got.num_total, 79);

	/* A count without sex split stores NULLs where nothing applies. */
	assert_int_equal(period_get_by_code(db, "2022-2023", &p), ERR_OK);
	memset(&v, 0, sizeof(v));
	v.unit_id = 5;
	v.indicator_id = ind.id;
	v.period_id = p.id;
	v.num_total = 4;
	assert_int_equal(value_save(db, &v, 3, &id, &created), ERR_OK);
	assert_int_equal(value_find(db, 5, ind.id, p.id, &got), ERR_OK);
	assert_false(got.split);
	assert_false(got.has_den);
	assert_int_equal(got.num_total, 4);
	indicator_clear(&ind);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(by_sex_entry_computes_the_totals),
		cmocka_unit_test(
		    total_sent_with_the_split_must_equal_male_plus_female),
		cmocka_unit_test(by_sex_entry_needs_both_sexes),
		cmocka_unit_test(numbers_must_be_whole_and_not_negative),
		cmocka_unit_test(numerator_may_not_exceed_denominator_per_sex),
		cmocka_unit_test(total_only_indicator_refuses_the_split),
		cmocka_unit_test(count_indicator_has_no_denominator),
		cmocka_unit_test(period_must_exist_and_match_the_type),
		cmocka_unit_test(unit_and_indicator_must_exist),
		cmocka_unit_test(school_enters_only_indicators_of_its_level),
		cmocka_unit_test(locked_value_is_not_changed),
		cmocka_unit_test(computed_value_is_not_entered),
		cmocka_unit_test(references_are_parsed_once),
		cmocka_unit_test(rates_sum_numerators_over_denominators),
		cmocka_unit_test(catalogue_and_periods_are_read),
		cmocka_unit_test(save_upserts_and_lock_stops_changes),
	};

	return cmocka_run_group_tests_name("values", tests, NULL, NULL);
}
