/*
 * t_units.c -- the organisation tree: dated links, scope, levels.
 */
#include <string.h>

#include "testutil.h"
#include "units/unit.h"

static void
add_link(struct db *db, int64_t c, int64_t p, const char *role,
    const char *from, const char *to)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO unit_link (child_id,"
	    " parent_id, role, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)");

	db_bind_int(st, 1, c);
	db_bind_int(st, 2, p);
	db_bind_text(st, 3, role);
	db_bind_text(st, 4, from);
	db_bind_text(st, 5, to);
	assert_int_equal(db_run(st), ERR_OK);
}

struct fixture {
	struct db	*db;
	int64_t		 prov, dist, comm, school, other_prov, other_school;
};

/* A province with a district (until the reform) and a commune (after),
 * one school that moves from the district to the commune, and another
 * province with its own school. */
static int
setup(void **state)
{
	static struct fixture f;
	const char *R = "2025-07-01", *B = "1900-01-01", *E = "9999-12-31";

	f.db = test_db();
	f.prov = test_add_unit(f.db, "P", "province");
	f.dist = test_add_unit(f.db, "D", "district");
	f.comm = test_add_unit(f.db, "C", "commune");
	f.school = test_add_unit(f.db, "S", "th");
	f.other_prov = test_add_unit(f.db, "P2", "province");
	f.other_school = test_add_unit(f.db, "S2", "mn");
	add_link(f.db, f.dist, f.prov, "admin", B, R);
	add_link(f.db, f.comm, f.prov, "admin", R, E);
	add_link(f.db, f.school, f.dist, "admin", B, R);
	add_link(f.db, f.school, f.comm, "admin", R, E);
	add_link(f.db, f.school, f.prov, "prof", R, E);
	add_link(f.db, f.other_school, f.other_prov, "admin", B, E);
	*state = &f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	db_close(f->db);
	return 0;
}

static void
scope_covers_everything_below_through_any_link(void **state)
{
	struct fixture *f = *state;
	struct unit_tree *t = unit_tree_load(f->db);

	assert_true(unit_in_scope(t, f->prov, f->school));
	assert_true(unit_in_scope(t, f->dist, f->school));
	assert_true(unit_in_scope(t, f->comm, f->school));
	assert_true(unit_in_scope(t, f->school, f->school));
	assert_false(unit_in_scope(t, f->other_prov, f->school));
	assert_false(unit_in_scope(t, f->school, f->prov));
	assert_false(unit_in_scope(t, f->dist, f->other_school));
	assert_false(unit_in_scope(t, f->prov, 999999));
	unit_tree_free(t);
}

static void
the_admin_parent_depends_on_the_date(void **state)
{
	struct fixture *f = *state;
	struct unit_tree *t = unit_tree_load(f->db);
	size_t s = unit_index(t, f->school);

	assert_int_equal(t->u[unit_parent(t, s, LINK_ADMIN, "2025-05-31")].id,
	    f->dist);
	assert_int_equal(t->u[unit_parent(t, s, LINK_ADMIN, "2025-06-30")].id,
	    f->dist);
	assert_int_equal(t->u[unit_parent(t, s, LINK_ADMIN, "2025-07-01")].id,
	    f->comm);
	assert_int_equal(t->u[unit_parent(t, s, LINK_PROF, "2026-01-01")].id,
	    f->prov);
	assert_int_equal(unit_parent(t, s, LINK_PROF, "2024-01-01"),
	    (size_t)-1);
	unit_tree_free(t);
}

static void
children_on_a_date_follow_the_reform(void **state)
{
	struct fixture *f = *state;
	struct unit_tree *t = unit_tree_load(f->db);
	size_t out[8], n;

	n = unit_children(t, unit_index(t, f->prov), LINK_ADMIN, "2024-12-31",
	    out, 8);
	assert_int_equal(n, 1);
	assert_int_equal(t->u[out[0]].id, f->dist);
	n = unit_children(t, unit_index(t, f->prov), LINK_ADMIN, "2025-12-31",
	    out, 8);
	assert_int_equal(n, 1);
	assert_int_equal(t->u[out[0]].id, f->comm);
	/* Any role: the school sits directly under the province too. */
	n = unit_children(t, unit_index(t, f->prov), LINK_ANY, "2025-12-31",
	    out, 8);
	assert_int_equal(n, 2);
	n = unit_children(t, unit_index(t, f->dist), LINK_ADMIN, "2025-12-31",
	    out, 8);
	assert_int_equal(n, 0);
	unit_tree_free(t);
}

static void
indicator_levels_match_school_kinds(void **state)
{
	(void)state;
	assert_true(unit_kind_in_levels(UNIT_TH, ",th,th_thcs,"));
	assert_false(unit_kind_in_levels(UNIT_MN, ",th,th_thcs,"));
	assert_false(unit_kind_in_levels(UNIT_TH, ",th_thcs,"));
	assert_true(unit_kind_in_levels(UNIT_MN, ""));
	/* Offices get every indicator. */
	assert_true(unit_kind_in_levels(UNIT_DISTRICT, ",th,"));
}

static void
kind_codes_round_trip(void **state)
{
	enum unit_kind k;
	int i;

	(void)state;
	for (i = 0; i < UNIT__MAX; i++) {
		assert_true(unit_kind_from_code(unit_kinds[i].code, &k));
		assert_int_equal(k, i);
	}
	assert_false(unit_kind_from_code("school", &k));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scope_covers_everything_below_through_any_link),
		cmocka_unit_test(the_admin_parent_depends_on_the_date),
		cmocka_unit_test(children_on_a_date_follow_the_reform),
		cmocka_unit_test(indicator_levels_match_school_kinds),
		cmocka_unit_test(kind_codes_round_trip),
	};

	return cmocka_run_group_tests_name("units", tests, setup, teardown);
}
