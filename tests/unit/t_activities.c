/*
 * t_activities.c -- activities and the reach targets: the reach rule
 * (a person at three activities counts once; counted activities give
 * their largest count, an estimate; the sum stops at the group's size),
 * the indicator values made from it, the form's checks naming their
 * field, lists of persons with their line numbers, and writing the values
 * where the dashboard reads them (source 'activities'; locked values left
 * alone, demo ones not; a computed value removed when it can no longer be
 * computed, an entered one kept).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "activities/activity.h"
#include "activities/activity_db.h"

static void
the_same_person_at_three_activities_counts_once(void **state)
{
	struct act_attendance att[] = {
		{ 7, ACT_PARENTS, ACT_F }, { 9, ACT_PARENTS, ACT_M },
		{ 7, ACT_PARENTS, ACT_F }, { 11, ACT_STAFF, ACT_F },
		{ 7, ACT_PARENTS, ACT_F },
	};
	struct act_sizes sz = { { false } };
	struct act_reach r;

	(void)state;
	sz.has[ACT_PARENTS] = true;
	sz.n[ACT_PARENTS][ACT_M] = 10;
	sz.n[ACT_PARENTS][ACT_F] = 10;
	act_reach_compute(att, 5, NULL, 0, &sz, &r);
	assert_int_equal(r.listed[ACT_PARENTS][ACT_F], 1);
	assert_int_equal(r.listed[ACT_PARENTS][ACT_M], 1);
	assert_int_equal(r.listed[ACT_STAFF][ACT_F], 1);
	assert_int_equal(r.reached[ACT_PARENTS][ACT_F], 1);
	assert_false(r.estimated[ACT_PARENTS]);
	assert_false(r.capped[ACT_PARENTS]);
}

static void
counted_activities_give_their_largest_count_as_an_estimate(void **state)
{
	struct act_attendance att[] = { { 1, ACT_STUDENTS, ACT_M },
	    { 2, ACT_STUDENTS, ACT_M } };
	struct act_counts c[3];
	struct act_sizes sz = { { false } };
	struct act_reach r;

	(void)state;
	memset(c, 0, sizeof(c));
	c[0].n[ACT_STUDENTS][ACT_M] = 30;	/* three events, the same */
	c[1].n[ACT_STUDENTS][ACT_M] = 50;	/* children perhaps: not */
	c[2].n[ACT_STUDENTS][ACT_M] = 40;	/* 30 + 50 + 40 */
	c[1].n[ACT_STUDENTS][ACT_F] = 70;
	sz.has[ACT_STUDENTS] = true;
	sz.n[ACT_STUDENTS][ACT_M] = 100;
	sz.n[ACT_STUDENTS][ACT_F] = 60;
	act_reach_compute(att, 2, c, 3, &sz, &r);
	assert_int_equal(r.counted[ACT_STUDENTS][ACT_M], 50);
	assert_int_equal(r.reached[ACT_STUDENTS][ACT_M], 52);
	assert_true(r.estimated[ACT_STUDENTS]);
	/* 70 counted girls of 60: no more than the group. */
	assert_int_equal(r.reached[ACT_STUDENTS][ACT_F], 60);
	assert_true(r.capped[ACT_STUDENTS]);
	assert_false(r.estimated[ACT_STAFF]);
}

static void
reach_school_sums_its_three_groups_and_needs_their_sizes(void **state)
{
	struct act_sizes sz = { { false } };
	struct act_reach r;
	struct act_value v;
	int g;

	(void)state;
	for (g = ACT_STAFF; g <= ACT_STUDENTS; g++) {
		sz.has[g] = true;
		sz.n[g][ACT_M] = 10 * (g + 1);
		sz.n[g][ACT_F] = 20 * (g + 1);
	}
	act_reach_compute(NULL, 0, NULL, 0, &sz, &r);
	r.reached[ACT_STAFF][ACT_M] = 5;
	r.reached[ACT_PARENTS][ACT_F] = 8;
	assert_true(act_reach_value(&r, ACT_REACH_SCHOOL, &v));
	assert_int_equal(v.num_m, 5);
	assert_int_equal(v.num_f, 8);
	assert_int_equal(v.den_m, 60);
	assert_int_equal(v.den_f, 120);
	/* No size of the workers: REACH_WORKERS cannot be computed. */
	assert_false(act_reach_value(&r, ACT_REACH_WORKERS, &v));
	/* A size of nobody is no denominator. */
	r.size.has[ACT_WORKERS] = true;
	assert_false(act_reach_value(&r, ACT_REACH_WORKERS, &v));
	r.size.has[ACT_PARENTS] = false;
	assert_false(act_reach_value(&r, ACT_REACH_SCHOOL, &v));
}

/* The fields of a good activity, with one replaced by value. */
static bool
parse_with(const char *field, const char *value, struct form_errors *errs,
    struct activity *a)
{
	struct act_form f = { "gender_month", "Tháng hành động vì bình đẳng "
	    "giới", "2024-11-15", "2024-12-15", { NULL }, "persons", "" };

	f.aud[ACT_STAFF] = "1";
	if (strcmp(field, "kind") == 0)
		f.kind = value;
	else if (strcmp(field, "title") == 0)
		f.title = value;
	else if (strcmp(field, "start_on") == 0)
		f.start_on = value;
	else if (strcmp(field, "end_on") == 0)
		f.end_on = value;
	else if (strcmp(field, "mode") == 0)
		f.mode = value;
	else if (strcmp(field, "audience") == 0)
		f.aud[ACT_STAFF] = value;
	memset(errs, 0, sizeof(*errs));
	memset(a, 0, sizeof(*a));
	return act_parse(&f, a, errs);
}

static void
the_form_names_each_bad_field(void **state)
{
	static const struct {
		const char	*field, *value, *named;
	} bad[] = {
		{ "kind", "picnic", "kind" },
		{ "kind", "", "kind" },
		{ "title", "", "title" },
		{ "title", "  ", "title" },
		{ "start_on", "2024-02-30", "start_on" },
		{ "start_on", "15/11/2024", "start_on" },
		{ "start_on", "1999-06-01", "start_on" },
		{ "end_on", "2024-11-01", "end_on" },	/* before the start */
		{ "end_on", "2024-13-01", "end_on" },
		{ "audience", "", "audience" },
		{ "mode", "both", "mode" },
	};
	struct form_errors errs;
	struct activity a;
	size_t i;

	(void)state;
	assert_true(parse_with("", "", &errs, &a));
	assert_string_equal(a.start_on, "2024-11-15");
	assert_int_equal(act_year(&a), 2024);
	assert_int_equal(a.mode, ACT_MODE_PERSONS);
	assert_int_equal(a.audience, 1u << ACT_STAFF);
	assert_true(parse_with("end_on", "", &errs, &a));
	assert_string_equal(a.end_on, "2024-11-15");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (parse_with(bad[i].field, bad[i].value, &errs, &a))
			fail_msg("bad[%zu] (%s = \"%s\") accepted", i,
			    bad[i].field, bad[i].value);
		if (errs.n != 1 || strcmp(errs.e[0].f->name, bad[i].named) != 0)
			fail_msg("bad[%zu]: %zu messages, first for %s", i,
			    errs.n, errs.n ? errs.e[0].f->name : "-");
	}
}

static void
lists_of_persons_are_read_with_their_line_numbers(void **state)
{
	static const struct field f = { "persons", "Người tham dự",
	    "Participants" };
	const unsigned aud = (1u << ACT_PARENTS) | (1u << ACT_STAFF);
	struct form_errors errs = { .n = 0 };
	struct act_person *v = NULL;
	size_t n;

	(void)state;
	n = act_parse_persons("Nguyễn Văn An; phụ huynh; nam\n"
	    "\n"
	    "Trần Thị Bình\tGiáo viên\tNữ\r\n"
	    "  lê   thị cúc ; CHA MẸ ; f  \n", aud, &f, &v, &errs);
	assert_int_equal(errs.n, 0);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].key, "NGUYỄN VĂN AN");
	assert_int_equal(v[0].group, ACT_PARENTS);
	assert_int_equal(v[0].sex, ACT_M);
	assert_int_equal(v[1].group, ACT_STAFF);
	assert_int_equal(v[1].sex, ACT_F);
	assert_string_equal(v[2].name, "lê   thị cúc");
	assert_string_equal(v[2].key, "LÊ THỊ CÚC");
	free(v);
	n = act_parse_persons("An; phụ huynh\n"
	    "Bình; học sinh; nam\n"
	    "Cúc; phụ huynh; x\n"
	    "Dũng; bạn; nam\n"
	    "; phụ huynh; nam\n"
	    "Đào; phụ huynh; nữ\n", aud, &f, &v, &errs);
	assert_int_equal(n, 1);
	assert_int_equal(errs.n, 5);
	assert_non_null(strstr(errs.e[0].vi, "dòng 1"));
	assert_non_null(strstr(errs.e[1].en, "line 2: this group is not"));
	assert_non_null(strstr(errs.e[2].en, "line 3: the sex"));
	assert_non_null(strstr(errs.e[3].en, "line 4: the group"));
	assert_non_null(strstr(errs.e[4].en, "line 5: the name"));
	assert_string_equal(errs.e[0].f->name, "persons");
	free(v);
}

/* A school with everything the reach needs, in a fresh database. */
static struct db *
db_with_school(int64_t *unit)
{
	struct db *db = test_db();

	assert_int_equal(db_run(db_stmt(db, "INSERT INTO unit (code, kind, name)"
	    " VALUES ('T-SCHOOL', 'th', 'Trường Thử')")), ERR_OK);
	*unit = db_last_id(db);
	return db;
}

static int64_t
one(struct db *db, const char *sql, int64_t unit)
{
	struct db_stmt *st = db_stmt(db, sql);
	int64_t v = -1;

	db_bind_int(st, 1, unit);
	if (db_one_int(st, &v) != ERR_OK)
		v = -1;
	return v;
}

static struct activity
activity(int64_t unit, const char *date, enum act_mode mode)
{
	struct activity a;

	memset(&a, 0, sizeof(a));
	a.unit_id = unit;
	a.kind = act_kind_find("parent_meeting");
	snprintf(a.title, sizeof(a.title), "Họp phụ huynh %s", date);
	memcpy(a.start_on, date, 11);
	memcpy(a.end_on, date, 11);
	a.audience = (1u << ACT_PARENTS) | (1u << ACT_STAFF) |
	    (1u << ACT_STUDENTS);
	a.mode = mode;
	return a;
}

static void
reach_values_are_written_where_the_dashboard_reads(void **state)
{
	struct act_written w[ACT_REACH__MAX];
	struct act_person p[2];
	struct act_reach r;
	struct act_sizes sz = { { false } };
	struct act_counts c;
	struct activity a[3];
	struct db_stmt *st;
	int64_t unit;
	struct db *db = db_with_school(&unit);
	size_t added, i;
	int g;

	(void)state;
	memset(p, 0, sizeof(p));
	snprintf(p[0].name, sizeof(p[0].name), "Nguyễn Văn An");
	act_name_key("nguyễn văn  an", p[0].key, sizeof(p[0].key));
	p[0].group = ACT_PARENTS;
	snprintf(p[1].name, sizeof(p[1].name), "Trần Thị Bình");
	act_name_key(p[1].name, p[1].key, sizeof(p[1].key));
	p[1].group = ACT_STAFF;
	p[1].sex = ACT_F;
	assert_int_equal(db_begin(db), ERR_OK);
	/* The same parent at three meetings; the teacher at one. */
	for (i = 0; i < 3; i++) {
		a[i] = activity(unit, i == 0 ? "2024-03-01" : i == 1 ?
		    "2024-06-01" : "2024-09-01", ACT_MODE_PERSONS);
		assert_int_equal(act_db_insert(db, &a[i], 0), ERR_OK);
		assert_int_equal(act_db_add_persons(db, &a[i], p, i == 2 ? 2 : 1,
		    0, &added), ERR_OK);
	}
	assert_int_equal(one(db, "SELECT COUNT(*) FROM activity_person"
	    " WHERE unit_id = ?", unit), 2);
	assert_int_equal(one(db, "SELECT COUNT(*) FROM activity_attendee t"
	    " JOIN activity a ON a.id = t.activity_id WHERE a.unit_id = ?",
	    unit), 4);
	/* No group sizes yet: nothing to write. */
	assert_int_equal(act_db_write_reach(db, unit, 2024, 0, &r, w), ERR_OK);
	assert_false(w[ACT_REACH_SCHOOL].computed);
	assert_int_equal(one(db, "SELECT COUNT(*) FROM agg_value"
	    " WHERE unit_id = ?", unit), 0);
	for (g = ACT_STAFF; g <= ACT_STUDENTS; g++) {
		sz.has[g] = true;
		sz.n[g][ACT_M] = 10;
		sz.n[g][ACT_F] = 10;
	}
	assert_int_equal(act_db_set_sizes(db, unit, 2024, &sz, false, 0),
	    ERR_OK);
	assert_int_equal(act_db_write_reach(db, unit, 2024, 0, &r, w), ERR_OK);
	assert_true(w[ACT_REACH_SCHOOL].written);
	assert_int_equal(r.listed[ACT_PARENTS][ACT_M], 1);
	assert_int_equal(one(db, "SELECT v.num_total * 1000 + v.den_total"
	    " FROM agg_value v JOIN indicator i ON i.id = v.indicator_id"
	    " JOIN period p ON p.id = v.period_id WHERE v.unit_id = ?"
	    " AND i.code = 'REACH_SCHOOL' AND p.code = '2024'"
	    " AND v.source = 'activities' AND v.num_m = 1 AND v.num_f = 1",
	    unit), 2 * 1000 + 60);
	assert_int_equal(one(db, "SELECT COUNT(*) FROM audit_log"
	    " WHERE action = 'value.compute' AND object LIKE 'agg_value:%'"
	    " AND ? > 0", unit), 1);
	/* A counted activity adds its count, an estimate. */
	a[0] = activity(unit, "2024-10-01", ACT_MODE_COUNTS);
	assert_int_equal(act_db_insert(db, &a[0], 0), ERR_OK);
	memset(&c, 0, sizeof(c));
	c.n[ACT_STUDENTS][ACT_F] = 4;
	assert_int_equal(act_db_set_counts(db, a[0].id, a[0].audience, &c, 0),
	    ERR_OK);
	assert_int_equal(act_db_write_reach(db, unit, 2024, 0, &r, w), ERR_OK);
	assert_true(r.estimated[ACT_STUDENTS]);
	assert_int_equal(w[ACT_REACH_SCHOOL].v.num_f, 5);
	/* A locked value stays as it is; a locked demo value does not. */
	assert_int_equal(db_run(db_stmt(db, "UPDATE agg_value SET locked = 1")),
	    ERR_OK);
	c.n[ACT_STUDENTS][ACT_F] = 6;
	assert_int_equal(act_db_set_counts(db, a[0].id, a[0].audience, &c, 0),
	    ERR_OK);
	assert_int_equal(act_db_write_reach(db, unit, 2024, 0, &r, w), ERR_OK);
	assert_true(w[ACT_REACH_SCHOOL].locked);
	assert_int_equal(one(db, "SELECT num_f FROM agg_value WHERE unit_id = ?",
	    unit), 5);
	assert_int_equal(db_run(db_stmt(db, "UPDATE agg_value SET is_demo = 1")),
	    ERR_OK);
	assert_int_equal(act_db_write_reach(db, unit, 2024, 0, &r, w), ERR_OK);
	assert_true(w[ACT_REACH_SCHOOL].written);
	assert_int_equal(one(db, "SELECT num_f * 10 + locked + is_demo"
	    " FROM agg_value WHERE unit_id = ?", unit), 70);
	/* Without the sizes the computed value goes; an entered one stays. */
	memset(&sz, 0, sizeof(sz));
	assert_int_equal(act_db_set_sizes(db, unit, 2024, &sz, false, 0),
	    ERR_OK);
	assert_int_equal(act_db_write_reach(db, unit, 2024, 0, &r, w), ERR_OK);
	assert_int_equal(one(db, "SELECT COUNT(*) FROM agg_value"
	    " WHERE unit_id = ?", unit), 0);
	st = db_stmt(db, "INSERT INTO agg_value (unit_id, indicator_id,"
	    " period_id, num_total, entered_at) SELECT ?, i.id, p.id, 3, 0"
	    " FROM indicator i, period p WHERE i.code = 'REACH_SCHOOL'"
	    " AND p.code = '2024'");
	db_bind_int(st, 1, unit);
	assert_int_equal(db_run(st), ERR_OK);
	assert_int_equal(act_db_write_reach(db, unit, 2024, 0, &r, w), ERR_OK);
	assert_int_equal(one(db, "SELECT num_total FROM agg_value"
	    " WHERE unit_id = ?", unit), 3);
	assert_int_equal(db_commit(db), ERR_OK);
	db_close(db);
}

static void
changing_the_mode_with_participants_is_refused(void **state)
{
	struct activity a;
	struct act_person p;
	int64_t unit;
	struct db *db = db_with_school(&unit);
	size_t added;
	int old_year;

	(void)state;
	memset(&p, 0, sizeof(p));
	snprintf(p.name, sizeof(p.name), "An");
	act_name_key(p.name, p.key, sizeof(p.key));
	p.group = ACT_PARENTS;
	a = activity(unit, "2025-05-05", ACT_MODE_PERSONS);
	assert_int_equal(act_db_insert(db, &a, 0), ERR_OK);
	assert_int_equal(act_db_add_persons(db, &a, &p, 1, 0, &added), ERR_OK);
	assert_int_equal(added, 1);
	assert_int_equal(act_db_add_persons(db, &a, &p, 1, 0, &added), ERR_OK);
	assert_int_equal(added, 0);	/* already on the list */
	a.mode = ACT_MODE_COUNTS;
	assert_int_equal(act_db_update(db, &a, 0, &old_year), ERR_CONFLICT);
	a.mode = ACT_MODE_PERSONS;
	memcpy(a.start_on, "2024-05-05", 11);
	memcpy(a.end_on, "2024-05-05", 11);
	assert_int_equal(act_db_update(db, &a, 0, &old_year), ERR_OK);
	assert_int_equal(old_year, 2025);
	assert_int_equal(act_db_delete(db, a.id, 0), ERR_OK);
	assert_int_equal(one(db, "SELECT COUNT(*) FROM activity_attendee"
	    " WHERE activity_id = ?", a.id), 0);
	assert_int_equal(act_db_get(db, a.id, &a), ERR_NOTFOUND);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_same_person_at_three_activities_counts_once),
		cmocka_unit_test(
		    counted_activities_give_their_largest_count_as_an_estimate),
		cmocka_unit_test(
		    reach_school_sums_its_three_groups_and_needs_their_sizes),
		cmocka_unit_test(the_form_names_each_bad_field),
		cmocka_unit_test(lists_of_persons_are_read_with_their_line_numbers),
		cmocka_unit_test(reach_values_are_written_where_the_dashboard_reads),
		cmocka_unit_test(changing_the_mode_with_participants_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
