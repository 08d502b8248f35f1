/*
 * remind.c -- the reminder sweep over reporting obligations; see remind.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "auth/role.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "mail/mail_conf.h"
#include "notify/notify.h"
#include "notify/remind.h"
#include "render/numfmt.h"
#include "reports/report_db.h"
#include "units/unit.h"

/* A user who may submit reports, and the unit they submit for. */
struct submitter {
	int64_t		 user_id;
	int64_t		 unit_id;
};

/* The active users who may submit reports, by unit, into a new array. */
static enum err
submitters(struct db *db, struct submitter **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, unit_id, role"
	    " FROM app_user WHERE active = 1 ORDER BY unit_id, id");
	struct submitter *v = NULL;
	size_t nv = 0, cap = 0;
	enum role role;
	enum db_rc rc;

	while ((rc = db_step(st)) == DB_ROW) {
		if (!role_from_code(db_col_text(st, 2), &role) ||
		    !role_can(role, PERM_REPORT_SUBMIT))
			continue;
		if (nv == cap) {
			cap = cap ? cap * 2 : 32;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[nv].user_id = db_col_int(st, 0);
		v[nv++].unit_id = db_col_int(st, 1);
	}
	db_done(st);
	if (rc != DB_DONE) {
		free(v);
		return ERR_DB;
	}
	*out = v;
	*n = nv;
	return ERR_OK;
}

/* Which reminder an obligation calls for today: "soon", "overdue" or
 * NULL; *days the days left (negative: late). */
static const char *
kind_of(const struct report_oblig *o, const char *today, int remind_days,
    int64_t *days)
{
	if (o->locked || o->due_on[0] == '\0')
		return NULL;
	*days = date_days(o->due_on) - date_days(today);
	if ((o->standing == REPORT_UPCOMING || o->standing ==
	    REPORT_DUE_SOON) && *days >= 0 && *days <= remind_days)
		return "soon";
	if (o->standing == REPORT_MISSING && *days < 0 &&
	    -*days <= REMIND_OVERDUE_DAYS)
		return "overdue";
	return NULL;
}

/* Tell user about o once; *told counts a new notification. */
static enum err
tell(struct db *db, int64_t user, const struct report_oblig *o,
    const char *kind, int64_t days, int *told)
{
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM reminder_sent"
	    " WHERE user_id = ? AND reporting_id = ? AND period_id = ?"
	    " AND due_on = ? AND kind = ?");
	char link[64], vi[400], en[400], due[NUMFMT_MAX];
	int64_t seen = 0;
	enum err e;

	db_bind_int(st, 1, user);
	db_bind_int(st, 2, o->rg->id);
	db_bind_int(st, 3, o->period.id);
	db_bind_text(st, 4, o->due_on);
	db_bind_text(st, 5, kind);
	if ((e = db_one_int(st, &seen)) != ERR_OK || seen > 0)
		return e;
	st = db_stmt(db, "INSERT INTO reminder_sent (user_id, reporting_id,"
	    " period_id, due_on, kind, at) VALUES (?, ?, ?, ?, ?, ?)");
	db_bind_int(st, 1, user);
	db_bind_int(st, 2, o->rg->id);
	db_bind_int(st, 3, o->period.id);
	db_bind_text(st, 4, o->due_on);
	db_bind_text(st, 5, kind);
	db_bind_int(st, 6, (int64_t)time(NULL));
	if ((e = db_run(st)) != ERR_OK)
		return e;
	numfmt_date(due, o->due_on);
	snprintf(link, sizeof(link), "/units/%lld/reports",
	    (long long)o->unit_id);
	if (kind[0] == 's') {
		snprintf(vi, sizeof(vi), "Nhắc hạn: báo cáo «%s» kỳ %s phải gửi "
		    "trước ngày %s (còn %lld ngày).", o->rg->what,
		    o->period.code, due, (long long)days);
		snprintf(en, sizeof(en), "Reminder: the report \"%s\" for %s "
		    "is due on %s (%lld days left).", o->rg->what,
		    o->period.code, due, (long long)days);
	} else {
		snprintf(vi, sizeof(vi), "Quá hạn: báo cáo «%s» kỳ %s đã quá "
		    "hạn ngày %s mà chưa gửi.", o->rg->what, o->period.code,
		    due);
		snprintf(en, sizeof(en), "Overdue: the report \"%s\" for %s "
		    "was due on %s and has not been sent.", o->rg->what,
		    o->period.code, due);
	}
	if ((e = notify_add(db, user, link, vi, en)) == ERR_OK)
		(*told)++;
	return e;
}

/* The reminders of one unit's users (us[0..n)), in one transaction. */
static enum err
sweep_unit(struct db *db, const struct unit_tree *t,
    const struct report_regime *rgs, size_t nrg, const struct submitter *us,
    size_t n, const char *today, int remind_days, int *told)
{
	struct report_oblig *ob = NULL;
	size_t nob = 0, i, k;
	int added = 0;
	enum err e;

	e = report_db_obligations(db, t, rgs, nrg, us[0].unit_id, today, &ob,
	    &nob);
	if (e == ERR_NOTFOUND)
		return ERR_OK;	/* a user of a unit no longer in the tree */
	if (e != ERR_OK || (e = db_begin(db)) != ERR_OK)
		goto out;
	for (i = 0; i < nob && e == ERR_OK; i++) {
		const char *kind;
		int64_t days = 0;

		if ((kind = kind_of(&ob[i], today, remind_days, &days)) == NULL)
			continue;
		for (k = 0; k < n && e == ERR_OK; k++)
			e = tell(db, us[k].user_id, &ob[i], kind, days, &added);
	}
	if (e == ERR_OK && (e = db_commit(db)) == ERR_OK)
		*told += added;
	else
		db_rollback(db);
out:
	free(ob);
	return e;
}

enum err
remind_sweep(struct app *app, struct db *db, const char *today, int *told)
{
	const struct unit_tree *t = NULL;
	struct report_regime *rgs = NULL;
	struct submitter *us = NULL;
	struct mail_conf c;
	size_t nrg = 0, nus = 0, i, j;
	int count = 0;
	enum err e;

	mail_conf_load(db, &c);
	if ((e = submitters(db, &us, &nus)) != ERR_OK)
		goto out;
	if ((t = unit_tree_get(app, db)) == NULL) {
		e = ERR_DB;
		goto out;
	}
	if ((e = report_db_regimes(db, t, &rgs, &nrg)) != ERR_OK)
		goto out;
	for (i = 0; i < nus && e == ERR_OK; i = j) {
		for (j = i; j < nus && us[j].unit_id == us[i].unit_id; j++)
			;
		e = sweep_unit(db, t, rgs, nrg, &us[i], j - i, today,
		    c.remind_days, &count);
	}
out:
	if (told != NULL)
		*told = count;
	report_regimes_free(rgs, nrg);
	if (t != NULL)
		unit_tree_put(app, t);
	free(us);
	mail_conf_release(&c);
	return e;
}
