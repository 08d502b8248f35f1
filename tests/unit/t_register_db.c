/*
 * t_register_db.c -- the child register in the database: creating a child
 * with guardians, disability and a first enrolment; unique personal IDs
 * and one active enrolment per year leaving nothing behind; status
 * changes with their history; a transfer that moves the same child row;
 * the class list with its filters and name search ignoring diacritics;
 * search over a scope; teachers' classes; the early-warning list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "indicators/period.h"
#include "register/namefold.h"
#include "register/register_db.h"
#include "units/unit.h"

struct fx {
	struct db	*db;
	int64_t		 commune, school, other;	/* unit ids */
	struct period	 y24, y25;
	int64_t		 user;
};

static void
add_link(struct db *db, int64_t child, int64_t parent)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO unit_link (child_id,"
	    " parent_id, role) VALUES (?, ?, 'admin')");

	db_bind_int(st, 1, child);
	db_bind_int(st, 2, parent);
	assert_int_equal(db_run(st), ERR_OK);
}

static int64_t
count(struct db *db, const char *sql)
{
	int64_t n = -1;

	assert_int_equal(db_one_int(db_stmt(db, sql), &n), ERR_OK);
	return n;
}

static void
setup(struct fx *fx)
{
	struct db_stmt *st;

	memset(fx, 0, sizeof(*fx));
	fx->db = test_db();
	fx->commune = test_add_unit(fx->db, "XA", "commune");
	fx->school = test_add_unit(fx->db, "TRUONG-A", "th_thcs");
	fx->other = test_add_unit(fx->db, "TRUONG-B", "thcs");
	add_link(fx->db, fx->school, fx->commune);
	add_link(fx->db, fx->other, fx->commune);
	assert_int_equal(period_get_by_code(fx->db, "2024-2025", &fx->y24),
	    ERR_OK);
	assert_int_equal(period_get_by_code(fx->db, "2025-2026", &fx->y25),
	    ERR_OK);
	st = db_stmt(fx->db, "INSERT INTO app_user (username, full_name,"
	    " pw_hash, role, unit_id, created_at)"
	    " VALUES ('gv', 'GV', 'x', 'teacher', ?, 0)");
	db_bind_int(st, 1, fx->school);
	assert_int_equal(db_run(st), ERR_OK);
	fx->user = db_last_id(fx->db);
}

/* A child checked by the model, enrolled in class cls, grade g, year y. */
static int64_t
add_child(struct fx *fx, const char *name, const char *sex,
    const char *birth, const char *pid, const struct period *y,
    const char *cls, const char *grade, enum err want)
{
	struct child_raw raw = { name, sex, birth, "01", pid, NULL, "", NULL };
	struct enrol_raw er = { .class_name = cls, .grade = grade };
	struct guardian_raw gr[1] = { { "Phụ huynh", "mother", "0912345678",
	    "" } };
	struct guardian g[CHILD_GUARDIANS_MAX];
	struct form_errors errs = { 0 };
	struct enrol_ctx ctx = { UNIT_TH_THCS, fx->school, y, birth,
	    "2026-03-15", NULL };
	struct enrolment e;
	struct child c;
	size_t ng;
	int64_t id = 0;

	memset(&c, 0, sizeof(c));
	memset(&e, 0, sizeof(e));
	assert_true(child_check(&raw, "2026-03-15", &c, &errs));
	assert_true(guardian_check(gr, 1, g, &ng, &errs));
	assert_true(enrol_check(&er, &ctx, false, &e, &errs));
	assert_int_equal(register_create_child(fx->db, &c, g, ng, NULL, &e,
	    fx->user, &id), want);
	return id;
}

static void
child_is_created_whole_and_read_back(void **state)
{
	struct guardian *g = NULL;
	struct enrolment_row *er = NULL;
	struct child c;
	struct fx fx;
	size_t n;
	int64_t id;

	(void)state;
	setup(&fx);
	id = add_child(&fx, "Nguyễn Văn An", "m", "2016-05-06",
	    "079216000001", &fx.y25, "4A", "4", ERR_OK);
	assert_int_equal(child_get(fx.db, id, &c), ERR_OK);
	assert_string_equal(c.full_name, "Nguyễn Văn An");
	assert_string_equal(c.name_key, "nguyen van an");
	assert_string_equal(c.personal_id, "079216000001");
	assert_int_equal(c.school_id, fx.school);
	assert_int_equal(guardians_get(fx.db, id, &g, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(g[0].relation, GUARDIAN_MOTHER);
	assert_int_equal(child_enrolments(fx.db, id, &er, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_string_equal(er[0].year, "2025-2026");
	assert_int_equal(er[0].e.status, ENROL_STUDYING);
	assert_int_equal(count(fx.db, "SELECT COUNT(*) FROM enrolment_event"),
	    1);
	assert_int_equal(count(fx.db, "SELECT COUNT(*) FROM audit_log"
	    " WHERE action = 'child.create'"), 1);
	free(g);
	free(er);
	db_close(fx.db);
}

static void
duplicate_personal_id_writes_nothing(void **state)
{
	struct fx fx;

	(void)state;
	setup(&fx);
	(void)add_child(&fx, "Nguyễn Văn An", "m", "2016-05-06",
	    "079216000001", &fx.y25, "4A", "4", ERR_OK);
	(void)add_child(&fx, "Trần Văn Bình", "m", "2016-07-07",
	    "079216000001", &fx.y25, "4A", "4", ERR_CONFLICT);
	assert_int_equal(count(fx.db, "SELECT COUNT(*) FROM child"), 1);
	assert_int_equal(count(fx.db, "SELECT COUNT(*) FROM enrolment"), 1);
	assert_int_equal(count(fx.db, "SELECT COUNT(*) FROM guardian"), 1);
	assert_int_equal(count(fx.db, "SELECT COUNT(*) FROM audit_log"), 1);
	/* Without IDs, two children may share a name and a birth date. */
	(void)add_child(&fx, "Trần Văn Bình", "m", "2016-07-07", NULL,
	    &fx.y25, "4A", "4", ERR_OK);
	(void)add_child(&fx, "Trần Văn Bình", "m", "2016-07-07", NULL,
	    &fx.y25, "4B", "4", ERR_OK);
	assert_int_equal(count(fx.db, "SELECT COUNT(*) FROM child"), 3);
	db_close(fx.db);
}

static void
one_active_enrolment_per_year(void **state)
{
	struct enrolment e;
	struct fx fx;
	int64_t id;

	(void)state;
	setup(&fx);
	id = add_child(&fx, "Lê Thị Cúc", "f", "2016-01-01", NULL, &fx.y25,
	    "4A", "4", ERR_OK);
	assert_int_equal(enrolment_active(fx.db, id, fx.y25.id, &e), ERR_OK);
	e.id = 0;
	e.unit_id = fx.other;
	e.grade = 6;
	assert_int_equal(db_begin(fx.db), ERR_OK);
	assert_int_equal(enrolment_insert(fx.db, &e, 0, NULL), ERR_CONFLICT);
	db_rollback(fx.db);
	assert_int_equal(count(fx.db, "SELECT COUNT(*) FROM enrolment"), 1);
	db_close(fx.db);
}

static void
status_changes_keep_their_history(void **state)
{
	struct enrol_change_raw raw = { .status = "dropped_out",
	    .on = "2025-11-20", .dropout_reason = "work" };
	struct enrol_ctx ctx;
	struct enrolment cur, next;
	struct form_errors errs = { 0 };
	struct enrol_event *ev = NULL;
	struct fx fx;
	size_t n;
	int64_t id;
	int drops;

	(void)state;
	setup(&fx);
	id = add_child(&fx, "Lê Thị Cúc", "f", "2013-01-01", NULL, &fx.y25,
	    "7A", "7", ERR_OK);
	assert_int_equal(enrolment_active(fx.db, id, fx.y25.id, &cur), ERR_OK);
	ctx = (struct enrol_ctx){ UNIT_TH_THCS, fx.school, &fx.y25,
	    "2013-01-01", "2026-03-15", NULL };
	assert_int_equal(enrolment_dropouts(fx.db, cur.id, &drops), ERR_OK);
	assert_true(enrol_change_check(&cur, drops, &raw, &ctx, &next, &errs));
	assert_int_equal(register_change_status(fx.db, &next, fx.user), ERR_OK);
	assert_int_equal(enrolment_get(fx.db, cur.id, &cur), ERR_OK);
	assert_int_equal(cur.status, ENROL_DROPPED_OUT);
	assert_int_equal(cur.dropout_reason, DROPOUT_WORK);
	assert_int_equal(enrolment_dropouts(fx.db, cur.id, &drops), ERR_OK);
	assert_int_equal(drops, 1);
	/* Back at school, then a second drop-out is refused. */
	raw = (struct enrol_change_raw){ .status = "studying",
	    .on = "2026-01-05" };
	assert_true(enrol_change_check(&cur, drops, &raw, &ctx, &next, &errs));
	assert_int_equal(register_change_status(fx.db, &next, fx.user), ERR_OK);
	raw = (struct enrol_change_raw){ .status = "dropped_out",
	    .on = "2026-02-05", .dropout_reason = "family" };
	assert_false(enrol_change_check(&next, drops, &raw, &ctx, &cur,
	    &errs));
	assert_int_equal(child_events(fx.db, id, &ev, &n), ERR_OK);
	assert_int_equal(n, 3);
	assert_int_equal(ev[1].status, ENROL_DROPPED_OUT);
	assert_string_equal(ev[1].by, "gv");
	assert_int_equal(count(fx.db, "SELECT COUNT(*) FROM audit_log"
	    " WHERE action = 'enrolment.status'"), 2);
	free(ev);
	db_close(fx.db);
}

static void
transfer_moves_the_same_child(void **state)
{
	struct transfer_raw raw = { NULL, "2025-12-01", "7B", NULL };
	struct enrolment cur, old, new_;
	struct form_errors errs = { 0 };
	struct unit_tree *t;
	struct enrol_ctx ctx;
	struct child c;
	struct fx fx;
	char to[24];
	int64_t id;

	(void)state;
	setup(&fx);
	id = add_child(&fx, "Phạm Minh Đức", "m", "2013-06-01", NULL, &fx.y25,
	    "7A", "7", ERR_OK);
	t = unit_tree_load(fx.db);
	assert_int_equal(enrolment_active(fx.db, id, fx.y25.id, &cur), ERR_OK);
	ctx = (struct enrol_ctx){ UNIT_TH_THCS, fx.school, &fx.y25,
	    "2013-06-01", "2026-03-15", t };
	snprintf(to, sizeof(to), "%lld", (long long)fx.other);
	raw.to_unit = to;
	assert_true(transfer_check(&cur, &raw, &ctx, &old, &new_, &errs));
	assert_int_equal(register_transfer(fx.db, &old, &new_, fx.user),
	    ERR_OK);
	assert_int_equal(count(fx.db, "SELECT COUNT(*) FROM child"), 1);
	assert_int_equal(count(fx.db, "SELECT COUNT(*) FROM enrolment"), 2);
	assert_int_equal(enrolment_get(fx.db, cur.id, &old), ERR_OK);
	assert_int_equal(old.status, ENROL_TRANSFERRED_OUT);
	assert_int_equal(old.to_unit_id, fx.other);
	assert_int_equal(enrolment_active(fx.db, id, fx.y25.id, &new_),
	    ERR_OK);
	assert_int_equal(new_.unit_id, fx.other);
	assert_int_equal(new_.status, ENROL_TRANSFERRED_IN);
	assert_int_equal(new_.from_unit_id, fx.school);
	assert_int_equal(child_get(fx.db, id, &c), ERR_OK);
	assert_int_equal(c.school_id, fx.other);
	unit_tree_free(t);
	db_close(fx.db);
}

static void
class_list_filters_and_searches_names(void **state)
{
	struct roster_query q;
	struct roster_row *rows = NULL;
	struct circumstance circ;
	struct disability dis = { DIS_VISION, DIS_MILD, true,
	    DIS_EDU_INCLUSIVE, false, "", "" };
	char key[NAMEFOLD_MAX];
	struct fx fx;
	size_t n;
	int64_t an, dang;

	(void)state;
	setup(&fx);
	an = add_child(&fx, "Nguyễn Văn An", "m", "2016-05-06", NULL, &fx.y25,
	    "4A", "4", ERR_OK);
	dang = add_child(&fx, "Đặng Thị Hà", "f", "2016-02-02", NULL,
	    &fx.y25, "4B", "4", ERR_OK);
	(void)add_child(&fx, "Nguyễn Thị Anh", "f", "2018-02-02", NULL,
	    &fx.y25, "2A", "2", ERR_OK);
	(void)add_child(&fx, "Trần Bảo", "m", "2016-02-02", NULL, &fx.y24,
	    "3A", "3", ERR_OK);
	memset(&circ, 0, sizeof(circ));
	circ.child_id = dang;
	circ.group = circ_group_find("đ");
	memcpy(circ.from_on, "2020-01-01", 11);
	assert_int_equal(register_add_circumstance(fx.db, &circ, fx.user),
	    ERR_OK);
	assert_int_equal(db_begin(fx.db), ERR_OK);
	assert_int_equal(disability_put(fx.db, an, &dis), ERR_OK);
	assert_int_equal(db_commit(fx.db), ERR_OK);

	memset(&q, 0, sizeof(q));
	q.unit_id = fx.school;
	q.year = &fx.y25;
	q.status = q.group = q.disability = -1;
	assert_int_equal(roster_list(fx.db, &q, &rows, &n), ERR_OK);
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].class_name, "2A");	/* by grade, class */
	assert_string_equal(rows[1].full_name, "Nguyễn Văn An");
	assert_string_equal(rows[2].groups, "đ");
	free(rows);
	namefold("nguyen van an", key, sizeof(key));
	q.q = key;
	assert_int_equal(roster_list(fx.db, &q, &rows, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].child_id, an);
	assert_true(rows[0].disability);
	free(rows);
	namefold("dang", key, sizeof(key));
	assert_int_equal(roster_list(fx.db, &q, &rows, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].child_id, dang);
	free(rows);
	q.q = "an";		/* a given name: An and Anh */
	assert_int_equal(roster_list(fx.db, &q, &rows, &n), ERR_OK);
	assert_int_equal(n, 2);
	free(rows);
	q.q = NULL;
	q.group = -2;
	assert_int_equal(roster_list(fx.db, &q, &rows, &n), ERR_OK);
	assert_int_equal(n, 1);
	free(rows);
	q.group = -1;
	q.disability = 1;
	assert_int_equal(roster_list(fx.db, &q, &rows, &n), ERR_OK);
	assert_int_equal(n, 1);
	free(rows);
	q.disability = -1;
	q.class_name = "4B";
	assert_int_equal(roster_list(fx.db, &q, &rows, &n), ERR_OK);
	assert_int_equal(n, 1);
	free(rows);
	db_close(fx.db);
}

static void
search_covers_the_scope(void **state)
{
	struct child_hit *hits = NULL;
	struct unit_tree *t;
	char key[NAMEFOLD_MAX];
	struct fx fx;
	size_t n;

	(void)state;
	setup(&fx);
	(void)add_child(&fx, "Nguyễn Văn An", "m", "2016-05-06", NULL,
	    &fx.y25, "4A", "4", ERR_OK);
	(void)add_child(&fx, "Đặng Văn Ân", "m", "2016-05-06", NULL, &fx.y25,
	    "4A", "4", ERR_OK);
	t = unit_tree_load(fx.db);
	namefold("văn ân", key, sizeof(key));
	assert_int_equal(child_search(fx.db, t, fx.commune, key, 10, &hits,
	    &n), ERR_OK);
	assert_int_equal(n, 2);
	assert_string_equal(hits[0].full_name, "Đặng Văn Ân");
	assert_int_equal(hits[0].school_id, fx.school);
	free(hits);
	assert_int_equal(child_search(fx.db, t, fx.other, key, 10, &hits, &n),
	    ERR_OK);
	assert_int_equal(n, 0);
	free(hits);
	unit_tree_free(t);
	db_close(fx.db);
}

static void
teachers_have_classes(void **state)
{
	struct class_teacher *ct = NULL;
	struct fx fx;
	size_t n;
	int64_t an, other;
	bool yes;

	(void)state;
	setup(&fx);
	an = add_child(&fx, "Nguyễn Văn An", "m", "2016-05-06", NULL, &fx.y25,
	    "4A", "4", ERR_OK);
	other = add_child(&fx, "Lê Văn Tám", "m", "2016-05-06", NULL, &fx.y25,
	    "4B", "4", ERR_OK);
	assert_int_equal(class_teacher_add(fx.db, fx.user, fx.school, fx.y25.id,
	    "4A", 0), ERR_OK);
	assert_int_equal(class_teacher_add(fx.db, fx.user, fx.school, fx.y25.id,
	    "4A", 0), ERR_CONFLICT);
	assert_int_equal(class_teacher_of_child(fx.db, fx.user, an, &yes),
	    ERR_OK);
	assert_true(yes);
	assert_int_equal(class_teacher_of_child(fx.db, fx.user, other, &yes),
	    ERR_OK);
	assert_false(yes);
	assert_int_equal(class_teacher_of_class(fx.db, fx.user, fx.school,
	    fx.y25.id, "4B", &yes), ERR_OK);
	assert_false(yes);
	assert_int_equal(class_teacher_list(fx.db, fx.school, fx.y25.id, &ct,
	    &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(class_teacher_remove(fx.db, ct[0].id, fx.other, 0),
	    ERR_NOTFOUND);
	assert_int_equal(class_teacher_remove(fx.db, ct[0].id, fx.school, 0),
	    ERR_OK);
	free(ct);
	db_close(fx.db);
}

static void
early_warning_lists_children_with_reasons(void **state)
{
	struct warn_settings s;
	struct warn_row *w = NULL;
	struct absence abs[2] = { { 1, 2, 6 }, { 2, 0, 0 } };
	struct enrolment e;
	struct fx fx;
	size_t n;
	int64_t absent, old, fine;

	(void)state;
	setup(&fx);
	absent = add_child(&fx, "Vũ Thị Mai", "f", "2016-05-06", NULL,
	    &fx.y25, "4A", "4", ERR_OK);
	old = add_child(&fx, "Hồ Văn Lộc", "m", "2012-05-06", NULL, &fx.y25,
	    "4A", "4", ERR_OK);
	fine = add_child(&fx, "Lý Thị Hoa", "f", "2016-09-06", NULL, &fx.y25,
	    "4A", "4", ERR_OK);
	assert_int_equal(enrolment_active(fx.db, absent, fx.y25.id, &e),
	    ERR_OK);
	assert_int_equal(register_save_absences(fx.db, absent, e.id, abs,
	    fx.user), ERR_OK);
	assert_int_equal(warn_settings_get(fx.db, fx.school, &s), ERR_OK);
	assert_int_equal(s.absence_days, WARN_DEFAULT_ABSENCE);
	assert_int_equal(warn_list(fx.db, fx.school, &fx.y25, &s, &w, &n),
	    ERR_OK);
	assert_int_equal(n, 2);
	assert_int_equal(w[0].r.child_id, old);		/* "loc" < "mai" */
	assert_int_equal(w[0].reasons, 1u << WARN_OVER_AGE);
	assert_int_equal(w[1].r.child_id, absent);
	assert_int_equal(w[1].reasons, 1u << WARN_UNEXCUSED);
	free(w);
	s.unexcused_days = 7;
	s.over_age_years = 5;
	assert_int_equal(warn_settings_save(fx.db, fx.school, &s, fx.user),
	    ERR_OK);
	assert_int_equal(warn_settings_get(fx.db, fx.school, &s), ERR_OK);
	assert_int_equal(s.unexcused_days, 7);
	assert_int_equal(warn_list(fx.db, fx.school, &fx.y25, &s, &w, &n),
	    ERR_OK);
	assert_int_equal(n, 0);
	free(w);
	(void)fine;
	db_close(fx.db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(child_is_created_whole_and_read_back),
		cmocka_unit_test(duplicate_personal_id_writes_nothing),
		cmocka_unit_test(one_active_enrolment_per_year),
		cmocka_unit_test(status_changes_keep_their_history),
		cmocka_unit_test(transfer_moves_the_same_child),
		cmocka_unit_test(class_list_filters_and_searches_names),
		cmocka_unit_test(search_covers_the_scope),
		cmocka_unit_test(teachers_have_classes),
		cmocka_unit_test(early_warning_lists_children_with_reasons),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
