/*
 * t_consol.c -- a regime addressed to its owner runs down the admin tree:
 * who reports to whom on the period's reference date (across the
 * 1 July 2025 reform), and who consolidates (the owner, and offices with
 * units below them open during the period).
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "reports/report_db.h"
#include "units/unit.h"

enum { PROV = 1, DIST, S1, S2, COMM, COMM2, OTHER };

/*
 * The province; a district office (until the reform) with two schools;
 * after it a commune with the first school and a second commune with the
 * second school, which closed on 1 January 2025; a unit elsewhere.
 */
static void
tree(struct unit_tree *t, struct unit *u, struct unit_link *l)
{
	static const struct {
		int	 child, parent;
		const char *from, *to;
	} links[] = {
		{ DIST, PROV, "1900-01-01", "2025-07-01" },
		{ S1, DIST, "1900-01-01", "2025-07-01" },
		{ S2, DIST, "1900-01-01", "2025-07-01" },
		{ COMM, PROV, "2025-07-01", "9999-12-31" },
		{ COMM2, PROV, "2025-07-01", "9999-12-31" },
		{ S1, COMM, "2025-07-01", "9999-12-31" },
		{ S2, COMM2, "2025-07-01", "9999-12-31" },
	};
	static const enum unit_kind kinds[] = { UNIT_PROVINCE, UNIT_DISTRICT,
	    UNIT_TH, UNIT_TH, UNIT_COMMUNE, UNIT_COMMUNE, UNIT_TH };
	size_t i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < 7; i++) {
		memset(&u[i], 0, sizeof(u[i]));
		u[i].id = (int64_t)i + 1;
		u[i].kind = kinds[i];
	}
	memcpy(u[S2 - 1].closed_on, "2025-01-01", 11);
	for (i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		memset(&l[i], 0, sizeof(l[i]));
		l[i].child = (size_t)links[i].child - 1;
		l[i].parent = (size_t)links[i].parent - 1;
		l[i].role = LINK_ADMIN;
		memcpy(l[i].from, links[i].from, 11);
		memcpy(l[i].to, links[i].to, 11);
	}
	t->u = u;
	t->n = 7;
	t->l = l;
	t->nl = sizeof(links) / sizeof(links[0]);
	unit_tree_index(t);
}

static void
untree(struct unit_tree *t)
{
	free(t->down_off);
	free(t->down);
	free(t->up_off);
	free(t->up);
}

static void
period(struct period *p, const char *start, const char *end, const char *ref)
{
	memset(p, 0, sizeof(*p));
	memcpy(p->start_on, start, 11);
	memcpy(p->end_on, end, 11);
	memcpy(p->ref_on, ref, 11);
}

static void
the_regime_runs_down_the_tree(void **state)
{
	struct unit_tree t;
	struct unit u[7];
	struct unit_link l[7];
	struct report_regime rg = { .owner_id = PROV, .to_owner = true };
	struct period before, after;

	(void)state;
	tree(&t, u, l);
	period(&before, "2023-09-01", "2024-08-31", "2024-05-31");
	period(&after, "2025-09-01", "2026-08-31", "2026-05-31");
	/* Before the reform: school -> district -> province. */
	assert_int_equal(report_db_receiver(&t, &rg, S1, &before), DIST);
	assert_int_equal(report_db_receiver(&t, &rg, DIST, &before), PROV);
	assert_int_equal(report_db_receiver(&t, &rg, PROV, &before), 0);
	assert_int_equal(report_db_receiver(&t, &rg, OTHER, &before), 0);
	assert_int_equal(report_db_receiver(&t, &rg, COMM, &before), 0);
	/* After it: school -> commune -> province; no district. */
	assert_int_equal(report_db_receiver(&t, &rg, S1, &after), COMM);
	assert_int_equal(report_db_receiver(&t, &rg, COMM, &after), PROV);
	assert_int_equal(report_db_receiver(&t, &rg, DIST, &after), 0);
	/* A regime addressed to another body owes nobody below. */
	rg.to_owner = false;
	assert_int_equal(report_db_receiver(&t, &rg, S1, &before), 0);
	untree(&t);
}

static void
offices_with_open_units_below_consolidate(void **state)
{
	struct unit_tree t;
	struct unit u[7];
	struct unit_link l[7];
	struct report_regime rg = { .owner_id = PROV, .to_owner = true };
	struct period before, after;

	(void)state;
	tree(&t, u, l);
	period(&before, "2023-09-01", "2024-08-31", "2024-05-31");
	period(&after, "2025-09-01", "2026-08-31", "2026-05-31");
	assert_true(report_db_consolidates(&t, &rg, PROV, &before));
	assert_true(report_db_consolidates(&t, &rg, DIST, &before));
	assert_false(report_db_consolidates(&t, &rg, S1, &before));
	assert_true(report_db_consolidates(&t, &rg, COMM, &after));
	/* Its only school closed before the period began. */
	assert_false(report_db_consolidates(&t, &rg, COMM2, &after));
	assert_false(report_db_consolidates(&t, &rg, OTHER, &after));
	untree(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_regime_runs_down_the_tree),
		cmocka_unit_test(offices_with_open_units_below_consolidate),
	};

	return cmocka_run_group_tests_name("consol", tests, NULL, NULL);
}
