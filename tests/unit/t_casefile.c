/*
 * t_casefile.c -- protection cases: the procedure's order and its bad
 * cases (assessment before the report, a step out of order, a review
 * without a plan, anything after closure), deadlines in working days with
 * public holidays, the reporter's view of the status, age groups,
 * small-cell suppression, and storage: text sealed at rest and opened only
 * with the right key, need-to-know access for each kind of user.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casetest.h"
#include "cases/casefile.h"
#include "cases/casefile_db.h"

static const char *vi, *en;

static void
steps_follow_the_decree_in_order(void **state)
{
	static const struct {
		enum casefile_state	 from;
		enum casefile_step	 step;
		enum casefile_state	 to;
	} path[] = {
		{ CASEFILE_REPORTED, STEP_ASSESSMENT, CASEFILE_ASSESSED },
		{ CASEFILE_ASSESSED, STEP_DETAILED, CASEFILE_DETAILED },
		{ CASEFILE_DETAILED, STEP_PLAN, CASEFILE_PLANNED },
		{ CASEFILE_PLANNED, STEP_APPROVAL, CASEFILE_APPROVED },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(path) / sizeof(path[0]); i++) {
		assert_int_equal(casefile_step_allowed(path[i].from,
		    path[i].step, false, false, &vi, &en), ERR_OK);
		assert_int_equal(casefile_state_after(path[i].from,
		    path[i].step, false), path[i].to);
	}
	assert_int_equal(casefile_step_allowed(CASEFILE_APPROVED, STEP_MEASURE,
	    false, false, &vi, &en), ERR_OK);
	assert_int_equal(casefile_step_allowed(CASEFILE_APPROVED, STEP_REVIEW,
	    false, false, &vi, &en), ERR_OK);
	/* The review closes the case or starts the next plan. */
	assert_int_equal(casefile_state_after(CASEFILE_APPROVED, STEP_REVIEW,
	    false), CASEFILE_CLOSED);
	assert_int_equal(casefile_state_after(CASEFILE_APPROVED, STEP_REVIEW,
	    true), CASEFILE_DETAILED);
	/* Referrals at any time before closure; they change no state. */
	assert_int_equal(casefile_step_allowed(CASEFILE_REPORTED,
	    STEP_REFERRAL, false, false, &vi, &en), ERR_OK);
	assert_int_equal(casefile_state_after(CASEFILE_PLANNED, STEP_REFERRAL,
	    false), CASEFILE_PLANNED);
}

static void
a_step_out_of_order_is_refused_with_the_reason(void **state)
{
	(void)state;
	assert_int_equal(casefile_step_allowed(CASEFILE_REPORTED,
	    STEP_DETAILED, false, false, &vi, &en), ERR_CONFLICT);
	assert_non_null(strstr(en, "initial assessment (form 02) must come"));
	assert_int_equal(casefile_step_allowed(CASEFILE_ASSESSED, STEP_PLAN,
	    false, false, &vi, &en), ERR_CONFLICT);
	assert_non_null(strstr(vi, "mẫu 03"));
	assert_int_equal(casefile_step_allowed(CASEFILE_DETAILED,
	    STEP_APPROVAL, false, false, &vi, &en), ERR_CONFLICT);
	assert_non_null(strstr(en, "no plan"));
	/* Twice the same step. */
	assert_int_equal(casefile_step_allowed(CASEFILE_ASSESSED,
	    STEP_ASSESSMENT, false, false, &vi, &en), ERR_CONFLICT);
	assert_non_null(strstr(en, "already recorded"));
	assert_int_equal(casefile_step_allowed(CASEFILE_APPROVED, STEP_PLAN,
	    false, false, &vi, &en), ERR_CONFLICT);
	/* Measures belong to an approved plan. */
	assert_int_equal(casefile_step_allowed(CASEFILE_PLANNED, STEP_MEASURE,
	    false, false, &vi, &en), ERR_CONFLICT);
}

static void
a_review_without_a_plan_is_refused(void **state)
{
	enum casefile_state s;

	(void)state;
	for (s = CASEFILE_REPORTED; s < CASEFILE_APPROVED; s++) {
		assert_int_equal(casefile_step_allowed(s, STEP_REVIEW, false,
		    false, &vi, &en), ERR_CONFLICT);
		assert_non_null(strstr(en, "no approved plan to review"));
	}
}

static void
nothing_is_recorded_after_closure(void **state)
{
	enum casefile_step st;

	(void)state;
	for (st = STEP_ASSESSMENT; st < STEP__MAX; st++) {
		assert_int_equal(casefile_step_allowed(CASEFILE_CLOSED, st,
		    true, false, &vi, &en), ERR_CONFLICT);
		assert_non_null(strstr(en, "closed"));
	}
}

static void
emergency_action_only_after_serious_harm_and_once(void **state)
{
	(void)state;
	assert_int_equal(casefile_step_allowed(CASEFILE_ASSESSED,
	    STEP_EMERGENCY, false, false, &vi, &en), ERR_CONFLICT);
	assert_non_null(strstr(en, "no serious harm"));
	assert_int_equal(casefile_step_allowed(CASEFILE_ASSESSED,
	    STEP_EMERGENCY, true, false, &vi, &en), ERR_OK);
	assert_int_equal(casefile_step_allowed(CASEFILE_DETAILED,
	    STEP_EMERGENCY, true, true, &vi, &en), ERR_CONFLICT);
}

static void
a_step_date_cannot_precede_the_report_or_be_future(void **state)
{
	(void)state;
	assert_int_equal(casefile_check_date("2026-03-02", "2026-03-02",
	    "2026-03-05", &vi, &en), ERR_OK);
	/* Assessment before the report. */
	assert_int_equal(casefile_check_date("2026-03-01", "2026-03-02",
	    "2026-03-05", &vi, &en), ERR_INVALID);
	assert_non_null(strstr(en, "cannot be before"));
	assert_int_equal(casefile_check_date("2026-03-06", "2026-03-02",
	    "2026-03-05", &vi, &en), ERR_INVALID);
	assert_non_null(strstr(en, "future"));
	assert_int_equal(casefile_check_date("2026-02-30", "", "2026-03-05",
	    &vi, &en), ERR_INVALID);
	assert_int_equal(casefile_check_date("hôm qua", "", "2026-03-05",
	    &vi, &en), ERR_INVALID);
}

static char holiday_days[][11] = { "2026-02-16", "2026-02-17", "2026-02-18",
    "2026-02-19", "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01" };
static const struct casefile_holidays holidays = { holiday_days, 8 };

static void
deadlines_count_working_days_and_skip_holidays(void **state)
{
	char out[11];

	(void)state;
	/* A weekend: Friday + 1 is Monday. */
	casefile_add_working_days("2026-03-06", 1, NULL, out);
	assert_string_equal(out, "2026-03-09");
	/* Five working days from a Monday: the next Monday. */
	casefile_add_working_days("2026-03-02", 5, &holidays, out);
	assert_string_equal(out, "2026-03-09");
	/* A report on Saturday: five days run Monday to Friday. */
	casefile_add_working_days("2026-03-07", 5, &holidays, out);
	assert_string_equal(out, "2026-03-13");
	/* Tết 2026: Friday 13/2 + 1 is Monday 23/2. */
	casefile_add_working_days("2026-02-13", 1, &holidays, out);
	assert_string_equal(out, "2026-02-23");
	/* 27/4, 30/4 and 1/5 off: Friday 24/4 + 5 = Wednesday 6/5... */
	casefile_add_working_days("2026-04-24", 5, &holidays, out);
	assert_string_equal(out, "2026-05-06");
	/* ... and without holidays it would be Friday 1/5. */
	casefile_add_working_days("2026-04-24", 5, NULL, out);
	assert_string_equal(out, "2026-05-01");
	casefile_add_working_days("2026-04-24", 0, &holidays, out);
	assert_string_equal(out, "2026-04-24");
	/* Across a year end. */
	casefile_add_working_days("2026-12-31", 1, NULL, out);
	assert_string_equal(out, "2027-01-01");

	assert_false(casefile_is_working_day("2026-03-07", NULL));
	assert_false(casefile_is_working_day("2026-03-08", NULL));
	assert_false(casefile_is_working_day("2026-04-30", &holidays));
	assert_true(casefile_is_working_day("2026-04-29", &holidays));
	assert_int_equal(casefile_working_days_between("2026-04-24",
	    "2026-05-06", &holidays), 5);
	assert_int_equal(casefile_working_days_between("2026-05-06",
	    "2026-04-24", &holidays), -5);
	assert_int_equal(casefile_working_days_between("2026-03-02",
	    "2026-03-02", &holidays), 0);
}

static void
the_reporter_sees_four_statuses(void **state)
{
	(void)state;
	assert_int_equal(casefile_public_status(CASEFILE_REPORTED, false),
	    PUBLIC_RECEIVED);
	assert_int_equal(casefile_public_status(CASEFILE_ASSESSED, false),
	    PUBLIC_IN_PROGRESS);
	assert_int_equal(casefile_public_status(CASEFILE_REPORTED, true),
	    PUBLIC_REFERRED);
	assert_int_equal(casefile_public_status(CASEFILE_CLOSED, true),
	    PUBLIC_CLOSED);
	assert_string_equal(casefile_code_name(casefile_public_names,
	    PUBLIC_IN_PROGRESS, false), "Đang xử lý");
	assert_string_equal(casefile_code_name(casefile_public_names, 9,
	    false), "");
}

static void
ages_fall_into_groups(void **state)
{
	(void)state;
	assert_int_equal(casefile_age_group(0), 0);
	assert_int_equal(casefile_age_group(2), 0);
	assert_int_equal(casefile_age_group(3), 1);
	assert_int_equal(casefile_age_group(10), 2);
	assert_int_equal(casefile_age_group(11), 3);
	assert_int_equal(casefile_age_group(15), 4);
	assert_int_equal(casefile_age_group(17), 5);
	assert_int_equal(casefile_age_group(-1), -1);
	assert_int_equal(casefile_age_group(18), -1);
}

static void
small_counts_are_suppressed(void **state)
{
	const int64_t a[] = { 7, 6, 0 }, b[] = { 7, 6, 9 }, c[] = { 1, 2, 3 },
	    d[] = { 12, 5, 2, 30 };
	enum casefile_cell out[4];

	(void)state;
	/* One small cell: the smallest other is hidden too. */
	casefile_suppress(a, 3, out);
	assert_int_equal(out[0], CELL_SHOWN);
	assert_int_equal(out[1], CELL_HIDDEN);
	assert_int_equal(out[2], CELL_SMALL);
	casefile_suppress(b, 3, out);
	assert_int_equal(out[0], CELL_SHOWN);
	assert_int_equal(out[1], CELL_SHOWN);
	assert_int_equal(out[2], CELL_SHOWN);
	/* All small: nothing more to hide. */
	casefile_suppress(c, 3, out);
	assert_int_equal(out[0], CELL_SMALL);
	assert_int_equal(out[1], CELL_SMALL);
	assert_int_equal(out[2], CELL_SMALL);
	casefile_suppress(d, 4, out);
	assert_int_equal(out[1], CELL_HIDDEN);
	assert_int_equal(out[2], CELL_SMALL);
	assert_int_equal(out[0], CELL_SHOWN);
}

/* ---- Storage ---- */

static int64_t
add_unit(struct db *db, const char *code)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO unit (code, kind, name)"
	    " VALUES (?, 'th', ?)");

	db_bind_text(st, 1, code);
	db_bind_text(st, 2, code);
	assert_int_equal(db_run(st), ERR_OK);
	return db_last_id(db);
}

static int64_t
add_user(struct db *db, const char *name, const char *role, int64_t unit)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO app_user (username,"
	    " full_name, pw_hash, role, unit_id, created_at)"
	    " VALUES (?, ?, 'x', ?, ?, 0)");

	db_bind_text(st, 1, name);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, role);
	db_bind_int(st, 4, unit);
	assert_int_equal(db_run(st), ERR_OK);
	return db_last_id(db);
}

struct world {
	struct db	*db;
	struct casekey	*key;
	int64_t		 school, other, principal, focal, teacher, admin,
			 counsellor, other_principal, officer, id;
};

static void
world_make(struct world *w)
{
	struct casefile_new c;

	memset(w, 0, sizeof(*w));
	w->db = test_db();
	w->key = key_of(HEX_A);
	w->school = add_unit(w->db, "TH-A");
	w->other = add_unit(w->db, "TH-B");
	w->principal = add_user(w->db, "ht", "principal", w->school);
	w->focal = add_user(w->db, "pht", "focal_point", w->school);
	w->teacher = add_user(w->db, "gv", "teacher", w->school);
	w->counsellor = add_user(w->db, "tv", "counsellor", w->school);
	w->admin = add_user(w->db, "qt", "admin", w->school);
	w->other_principal = add_user(w->db, "ht2", "principal", w->other);
	w->officer = add_user(w->db, "xa", "area_officer", w->other);
	assert_int_equal(casefile_focal_add(w->db, w->school, w->focal,
	    w->principal), ERR_OK);

	memset(&c, 0, sizeof(c));
	c.unit_id = w->school;
	c.source = 0;
	c.received_at = 1772438400;	/* 2026-03-02 */
	c.reported_by = w->teacher;
	c.sex = 2;
	c.age = 9;
	c.form = CASEFILE_FORM_SEXUAL;
	c.sexual_kind = 3;
	c.place = 0;
	c.child_name = "Nguyễn Văn Bí Mật";
	c.place_text = "Nhà số 5";
	c.narrative = "Câu chuyện riêng tư";
	c.informant_phone = "0901234567";
	assert_int_equal(casefile_insert(w->db, w->key, &c, &w->id), ERR_OK);
}

static void
world_free(struct world *w)
{
	casekey_free(w->key);
	db_close(w->db);
}

static void
case_text_is_sealed_and_opens_only_with_the_key(void **state)
{
	struct world w;
	struct casefile c;
	struct casekey *other;
	struct db_stmt *st;

	(void)state;
	world_make(&w);
	st = db_stmt(w.db, "SELECT child_name_enc || narrative_enc ||"
	    " place_enc || informant_phone_enc FROM casefile WHERE id = ?");
	db_bind_int(st, 1, w.id);
	assert_int_equal(db_step(st), DB_ROW);
	assert_null(strstr(db_col_text(st, 0), "Bí Mật"));
	assert_null(strstr(db_col_text(st, 0), "0901"));
	db_done(st);

	assert_int_equal(casefile_get(w.db, w.id, &c), ERR_OK);
	assert_int_equal(c.sex, 2);
	assert_int_equal(c.age, 9);
	assert_int_equal(c.sexual_kind, 3);
	assert_int_equal(c.state, CASEFILE_REPORTED);
	assert_int_equal(casefile_open_text(w.db, w.key, &c), ERR_OK);
	assert_string_equal(c.child_name, "Nguyễn Văn Bí Mật");
	assert_string_equal(c.narrative, "Câu chuyện riêng tư");
	assert_string_equal(c.informant_phone, "0901234567");
	assert_null(c.informant_name);
	casefile_release(&c);

	/* Another key: an error, never text. */
	other = key_of(HEX_B);
	assert_int_equal(casefile_get(w.db, w.id, &c), ERR_OK);
	assert_int_equal(casefile_open_text(w.db, other, &c), ERR_INVALID);
	assert_null(c.child_name);
	assert_null(c.narrative);
	casekey_free(other);
	assert_int_equal(casefile_get(w.db, 999, &c), ERR_NOTFOUND);
	world_free(&w);
}

static void
a_register_child_is_linked_sealed(void **state)
{
	struct world w;
	struct casefile_new n;
	struct casefile c;
	struct db_stmt *st;
	int64_t id;

	(void)state;
	world_make(&w);
	memset(&n, 0, sizeof(n));
	n.unit_id = w.school;
	n.child_id = 4242;
	n.received_at = 1772438400;
	n.reported_by = w.teacher;
	n.sexual_kind = -1;
	n.age = 8;
	n.child_name = "Lê Văn Sổ";
	n.place_text = "x";
	n.narrative = "y";
	assert_int_equal(casefile_insert(w.db, w.key, &n, &id), ERR_OK);
	st = db_stmt(w.db, "SELECT child_ref_enc, length(child_tag)"
	    " FROM casefile WHERE id = ?");
	db_bind_int(st, 1, id);
	assert_int_equal(db_step(st), DB_ROW);
	assert_null(strstr(db_col_text(st, 0), "4242"));
	assert_int_equal(db_col_int(st, 1), 64);
	db_done(st);
	assert_int_equal(casefile_get(w.db, id, &c), ERR_OK);
	assert_true(c.in_register);
	assert_int_equal(c.child_id, 0);	/* not opened yet */
	assert_int_equal(casefile_open_text(w.db, w.key, &c), ERR_OK);
	assert_int_equal(c.child_id, 4242);
	casefile_release(&c);
	/* The free-text case of the world has no link. */
	assert_int_equal(casefile_get(w.db, w.id, &c), ERR_OK);
	assert_false(c.in_register);
	assert_int_equal(casefile_open_text(w.db, w.key, &c), ERR_OK);
	assert_int_equal(c.child_id, 0);
	casefile_release(&c);
	world_free(&w);
}

static void
only_those_who_need_to_know_see_a_case(void **state)
{
	struct world w;
	struct casefile c;
	struct casefile_referral f;
	struct casefile_row *rows;
	size_t n;

	(void)state;
	world_make(&w);
	assert_int_equal(casefile_get(w.db, w.id, &c), ERR_OK);
#define ACCESS(u, role, unit) casefile_access_of(w.db, (u), (role), (unit), &c)
	assert_int_equal(ACCESS(w.principal, ROLE_PRINCIPAL, w.school),
	    ACCESS_PRINCIPAL);
	/* The focal point was assigned when the report came in. */
	assert_int_equal(ACCESS(w.focal, ROLE_FOCAL, w.school), ACCESS_WORKER);
	assert_int_equal(ACCESS(w.teacher, ROLE_TEACHER, w.school),
	    ACCESS_REPORTER);
	assert_int_equal(ACCESS(w.counsellor, ROLE_COUNSELLOR, w.school),
	    ACCESS_NONE);
	assert_int_equal(ACCESS(w.admin, ROLE_ADMIN, w.school), ACCESS_NONE);
	assert_int_equal(ACCESS(w.other_principal, ROLE_PRINCIPAL, w.other),
	    ACCESS_NONE);
	assert_int_equal(ACCESS(w.officer, ROLE_AREA, w.other), ACCESS_NONE);

	/* Assigned: the counsellor may work on it; an administrator never,
	 * whatever the table says. */
	assert_int_equal(casefile_worker_add(w.db, w.id, w.counsellor,
	    w.principal), ERR_OK);
	assert_int_equal(casefile_worker_add(w.db, w.id, w.counsellor,
	    w.principal), ERR_CONFLICT);
	assert_int_equal(ACCESS(w.counsellor, ROLE_COUNSELLOR, w.school),
	    ACCESS_WORKER);
	assert_int_equal(casefile_worker_add(w.db, w.id, w.admin, w.principal),
	    ERR_OK);
	assert_int_equal(ACCESS(w.admin, ROLE_ADMIN, w.school), ACCESS_NONE);
	assert_false(casefile_is_staff(w.db, w.school, w.admin));
	assert_true(casefile_is_staff(w.db, w.school, w.counsellor));
	assert_false(casefile_is_staff(w.db, w.school, w.officer));
	assert_int_equal(casefile_worker_remove(w.db, w.id, w.counsellor),
	    ERR_OK);
	assert_int_equal(casefile_worker_remove(w.db, w.id, w.counsellor),
	    ERR_NOTFOUND);
	assert_int_equal(ACCESS(w.counsellor, ROLE_COUNSELLOR, w.school),
	    ACCESS_NONE);

	/* Referred to the commune officer: they see it. */
	memset(&f, 0, sizeof(f));
	f.to_kind = 0;
	f.to_user_id = w.officer;
	f.how = 1;
	f.sent_at = c.received_at + 60;
	f.by_user = w.focal;
	f.contact = "cán bộ xã";
	assert_int_equal(casefile_referral_add(w.db, w.key, w.id, &f), ERR_OK);
	assert_int_equal(ACCESS(w.officer, ROLE_AREA, w.other),
	    ACCESS_REFERRED);
#undef ACCESS

	/* The lists agree. */
	assert_int_equal(casefile_list_for(w.db, w.admin, ROLE_ADMIN, w.school,
	    &rows, &n), ERR_OK);
	assert_int_equal(n, 0);
	free(rows);
	assert_int_equal(casefile_list_for(w.db, w.other_principal,
	    ROLE_PRINCIPAL, w.other, &rows, &n), ERR_OK);
	assert_int_equal(n, 0);
	free(rows);
	assert_int_equal(casefile_list_for(w.db, w.principal, ROLE_PRINCIPAL,
	    w.school, &rows, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_true(rows[0].referred);
	free(rows);
	assert_int_equal(casefile_list_for(w.db, w.officer, ROLE_AREA, w.other,
	    &rows, &n), ERR_OK);
	assert_int_equal(n, 1);
	free(rows);
	assert_int_equal(casefile_list_reported(w.db, w.teacher, &rows, &n),
	    ERR_OK);
	assert_int_equal(n, 1);
	free(rows);
	assert_int_equal(casefile_list_for(w.db, w.teacher, ROLE_TEACHER,
	    w.school, &rows, &n), ERR_OK);
	assert_int_equal(n, 0);
	free(rows);
	world_free(&w);
}

static void
steps_referrals_and_measures_are_stored_sealed(void **state)
{
	struct world w;
	struct casefile_steprec s, *steps;
	struct casefile_measure m, *ms;
	struct casefile_referral f, *refs;
	size_t n;
	char on[11];

	(void)state;
	world_make(&w);
	memset(&s, 0, sizeof(s));
	s.kind = STEP_REVIEW;
	s.cycle = 1;
	s.by_user = w.focal;
	snprintf(s.done_on, sizeof(s.done_on), "2026-03-03");
	s.rating[0] = 0;
	s.rating[1] = 1;
	s.rating[2] = 2;
	s.outcome = 1;
	s.text = "nhận xét kín";
	assert_int_equal(casefile_step_add(w.db, w.key, w.id, &s), ERR_OK);
	assert_int_equal(casefile_steps_load(w.db, w.key, w.id, &steps, &n),
	    ERR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(steps[0].kind, STEP_REVIEW);
	assert_int_equal(steps[0].rating[2], 2);
	assert_int_equal(steps[0].outcome, 1);
	assert_string_equal(steps[0].text, "nhận xét kín");
	casefile_steps_free(steps, n);
	assert_int_equal(casefile_last_step_on(w.db, w.id, on), ERR_OK);
	assert_string_equal(on, "2026-03-03");

	memset(&m, 0, sizeof(m));
	m.cycle = 1;
	m.kind = 0;
	m.owner_id = w.focal;
	snprintf(m.due_on, sizeof(m.due_on), "2026-03-10");
	m.what = "tư vấn tâm lý";
	assert_int_equal(casefile_measure_add(w.db, w.key, w.id, w.focal, &m),
	    ERR_OK);
	assert_int_equal(casefile_measures_load(w.db, w.key, w.id, &ms, &n),
	    ERR_OK);
	assert_int_equal(n, 1);
	assert_string_equal(ms[0].what, "tư vấn tâm lý");
	assert_int_equal(casefile_measure_done(w.db, w.id, ms[0].id,
	    "2026-03-09"), ERR_OK);
	assert_int_equal(casefile_measure_done(w.db, w.id, ms[0].id,
	    "2026-03-09"), ERR_CONFLICT);
	assert_int_equal(casefile_measure_done(w.db, w.id + 1, ms[0].id,
	    "2026-03-09"), ERR_NOTFOUND);
	casefile_measures_free(ms, n);

	memset(&f, 0, sizeof(f));
	f.to_kind = 1;
	f.how = 0;
	f.sent_at = 1772440000;
	f.by_user = w.focal;
	f.contact = "tổng đài viên";
	assert_int_equal(casefile_referral_add(w.db, w.key, w.id, &f), ERR_OK);
	assert_int_equal(casefile_referrals_load(w.db, w.key, w.id, &refs, &n),
	    ERR_OK);
	assert_int_equal(casefile_referral_ack(w.db, w.key, w.id, refs[0].id,
	    1772430000, "mã 123"), ERR_INVALID);	/* before it was sent */
	assert_int_equal(casefile_referral_ack(w.db, w.key, w.id, refs[0].id + 9,
	    1772450000, "mã 123"), ERR_NOTFOUND);
	assert_int_equal(casefile_referral_ack(w.db, w.key, w.id, refs[0].id,
	    1772450000, "mã 123"), ERR_OK);
	assert_int_equal(casefile_referral_ack(w.db, w.key, w.id, refs[0].id,
	    1772450000, "mã 123"), ERR_CONFLICT);
	casefile_referrals_free(refs, n);
	assert_int_equal(casefile_referrals_load(w.db, w.key, w.id, &refs, &n),
	    ERR_OK);
	assert_string_equal(refs[0].ack, "mã 123");
	assert_string_equal(refs[0].contact, "tổng đài viên");
	casefile_referrals_free(refs, n);
	world_free(&w);
}

static void
rules_come_from_the_settings(void **state)
{
	struct db *db = test_db();
	struct casefile_rules ru;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(casefile_rules_load(db, &ru), ERR_OK);
	assert_int_equal(ru.emergency_hours, 12);
	assert_int_equal(ru.plan_working_days, 5);
	assert_false(ru.plan_from_detailed);
	/* Not confirmed in the law: no deadline until set. */
	assert_int_equal(ru.detailed_working_days, -1);
	assert_int_equal(ru.approval_working_days, -1);
	assert_true(ru.holidays.n > 10);
	casefile_rules_release(&ru);
	assert_int_equal(db_exec_script(db, "UPDATE case_setting SET v = '3'"
	    " WHERE k = 'detailed_working_days';"
	    "UPDATE case_setting SET v = 'detailed' WHERE k = 'plan_from';",
	    &err), ERR_OK);
	assert_int_equal(casefile_rules_load(db, &ru), ERR_OK);
	assert_int_equal(ru.detailed_working_days, 3);
	assert_true(ru.plan_from_detailed);
	casefile_rules_release(&ru);
	buf_release(&err);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(steps_follow_the_decree_in_order),
		cmocka_unit_test(a_step_out_of_order_is_refused_with_the_reason),
		cmocka_unit_test(a_review_without_a_plan_is_refused),
		cmocka_unit_test(nothing_is_recorded_after_closure),
		cmocka_unit_test(emergency_action_only_after_serious_harm_and_once),
		cmocka_unit_test(a_step_date_cannot_precede_the_report_or_be_future),
		cmocka_unit_test(deadlines_count_working_days_and_skip_holidays),
		cmocka_unit_test(the_reporter_sees_four_statuses),
		cmocka_unit_test(ages_fall_into_groups),
		cmocka_unit_test(small_counts_are_suppressed),
		cmocka_unit_test(case_text_is_sealed_and_opens_only_with_the_key),
		cmocka_unit_test(a_register_child_is_linked_sealed),
		cmocka_unit_test(only_those_who_need_to_know_see_a_case),
		cmocka_unit_test(steps_referrals_and_measures_are_stored_sealed),
		cmocka_unit_test(rules_come_from_the_settings),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests_name("casefile", tests, NULL, NULL);
}
