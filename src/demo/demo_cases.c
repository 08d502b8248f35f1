/*
 * demo_cases.c -- synthetic protection cases for the demonstration
 * database, sealed with the case key the demo server was given: the
 * school focal point of TH&THCS Nguyễn Trung Trực, one case there part
 * way through the procedure, one fresh report there, and one report in a
 * Hà Đông school (outside the Phú Quốc users' scope).  Every text says it
 * is demo data; every change is in the case audit log as the user "demo".
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cases/caseaudit.h"
#include "cases/casefile_db.h"
#include "db/db.h"
#include "demo/demo.h"
#include "demo/demo_int.h"

static enum err
user_id(struct db *db, const char *username, int64_t *id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id FROM app_user"
	    " WHERE username = ?");

	db_bind_text(st, 1, username);
	return db_one_int(st, id);
}

static const struct caseaudit_who demo_who = { 0, "demo", "" };

/* One report; *id is the new case. */
static enum err
report(struct db *db, const struct casekey *key, const char *school,
    const char *reporter, int64_t ago, int sex, int age, int form,
    int sexual, int place, const char *child, const char *story,
    int64_t *id)
{
	struct casefile_new c;
	struct casefile_rules ru;
	char from[11];
	enum err e;

	memset(&c, 0, sizeof(c));
	if ((e = demo_unit_id(db, school, &c.unit_id)) != ERR_OK ||
	    (e = user_id(db, reporter, &c.reported_by)) != ERR_OK ||
	    (e = casefile_rules_load(db, &ru)) != ERR_OK)
		return e;
	c.source = 1;
	c.received_at = (int64_t)time(NULL) - ago;
	c.sex = sex;
	c.age = age;
	c.form = form;
	c.sexual_kind = sexual;
	c.place = place;
	c.child_name = child;
	c.place_text = "Địa điểm minh họa (demo)";
	c.narrative = story;
	c.demo = true;
	casefile_date_of(c.received_at, from);
	casefile_add_working_days(from, ru.plan_working_days, &ru.holidays,
	    c.plan_due);
	casefile_rules_release(&ru);
	if ((e = casefile_insert(db, key, &c, id)) != ERR_OK)
		return e;
	return caseaudit_append(db, &demo_who, "report", *id, "mẫu 01 (demo)");
}

enum err
demo_cases(struct db *db, const struct casekey *key, struct buf *errmsg)
{
	struct casefile_steprec s;
	struct casefile_referral f;
	int64_t school, focal, id;
	enum err e;

	if ((e = db_begin(db)) != ERR_OK)
		goto out;
	if ((e = demo_unit_id(db, "TH-THCS-NTT-PQ", &school)) != ERR_OK ||
	    (e = user_id(db, "pht.ntt", &focal)) != ERR_OK ||
	    (e = casefile_focal_add(db, school, focal, 0)) != ERR_OK ||
	    (e = caseaudit_append(db, &demo_who, "focal_add", 0,
	    "pht.ntt (demo)")) != ERR_OK)
		goto fail;

	/* Part way: assessed as serious, emergency action taken, referred. */
	if ((e = report(db, key, "TH-THCS-NTT-PQ", "gv.ntt", 3 * 86400, 1, 9, 0,
	    -1, 0, "Trẻ A (dữ liệu minh họa)", "Dữ liệu minh họa: giáo viên "
	    "thấy vết bầm trên tay em và em kể bị đánh ở nhà.", &id)) != ERR_OK)
		goto fail;
	memset(&s, 0, sizeof(s));
	s.kind = STEP_ASSESSMENT;
	s.cycle = 1;
	s.by_user = focal;
	s.rating[0] = s.rating[1] = s.rating[2] = s.outcome = -1;
	casefile_date_of((int64_t)time(NULL) - 3 * 86400 + 3600, s.done_on);
	s.text = "Đánh giá minh họa (demo).";
	if ((e = casefile_step_add(db, key, id, &s)) != ERR_OK ||
	    (e = casefile_set_assessed(db, id, 0, true, (int64_t)time(NULL) -
	    3 * 86400 + 12 * 3600)) != ERR_OK ||
	    (e = caseaudit_append(db, &demo_who, "assessment", id,
	    "assessment; serious (demo)")) != ERR_OK)
		goto fail;
	s.kind = STEP_EMERGENCY;
	s.done_at = (int64_t)time(NULL) - 3 * 86400 + 5 * 3600;
	casefile_date_of(s.done_at, s.done_on);
	s.text = "Biện pháp khẩn cấp minh họa (demo).";
	if ((e = casefile_step_add(db, key, id, &s)) != ERR_OK ||
	    (e = casefile_set_emergency_done(db, id, s.done_at)) != ERR_OK ||
	    (e = caseaudit_append(db, &demo_who, "emergency", id, "demo")) !=
	    ERR_OK)
		goto fail;
	memset(&f, 0, sizeof(f));
	f.to_kind = 1;		/* hotline 111 */
	f.how = 0;
	f.sent_at = (int64_t)time(NULL) - 3 * 86400 + 2 * 3600;
	f.by_user = focal;
	f.contact = "Tổng đài 111 (demo).";
	if ((e = casefile_referral_add(db, key, id, &f)) != ERR_OK ||
	    (e = caseaudit_append(db, &demo_who, "referral", id, "hotline")) !=
	    ERR_OK)
		goto fail;

	/* Fresh reports. */
	if ((e = report(db, key, "TH-THCS-NTT-PQ", "vanthu.ntt", 3600, 0, 12, 2,
	    3, 4, "Trẻ B (dữ liệu minh họa)", "Dữ liệu minh họa: tin nhắn "
	    "không phù hợp gửi cho em qua mạng xã hội.", &id)) != ERR_OK ||
	    (e = report(db, key, "DEMO-HD-01", "phong.hadong", 7200, 2, 6, 4,
	    -1, 2, "Trẻ C (dữ liệu minh họa)", "Dữ liệu minh họa: em thường "
	    "bị để một mình đến tối.", &id)) != ERR_OK)
		goto fail;
	/* The first case was found abused: indicator 0101 of its year. */
	if ((e = casefile_stats_put_case(db, (int64_t)time(NULL) -
	    3 * 86400)) != ERR_OK)
		goto fail;
	if ((e = db_commit(db)) == ERR_OK)
		return ERR_OK;
fail:
	db_rollback(db);
out:
	buf_printf(errmsg, "demo cases: %s", err_name(e));
	return e;
}
