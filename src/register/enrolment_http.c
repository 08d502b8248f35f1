/*
 * enrolment_http.c -- changing a child's enrolment over HTTP: a new status
 * (with the transition rules of register/enrolment.c), the days absent per
 * term, and a transfer to another school in vitre (the same child row:
 * transferred_out here, transferred_in there).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "http/req.h"
#include "register/register_http.h"
#include "register/register_int.h"
#include "units/unit.h"

/*
 * The enrolment params[1] of child params[0], at a school of the user's
 * scope, with its school year and what the checks need; false when an
 * answer was sent.
 */
static bool
enrolment_load(struct req *r, struct reg_child *rc, struct enrolment *e,
    struct period *year, struct enrol_ctx *ctx, char today[11])
{
	const struct unit *u;

	if (!reg_child_load(r, r->params[0], true, rc))
		return false;
	if (enrolment_get(r->db, r->params[1], e) != ERR_OK ||
	    e->child_id != rc->c.id) {
		resp_error(r, ERR_NOTFOUND, "Trẻ không có lượt học này.",
		    "The child has no such enrolment.");
		return false;
	}
	if ((u = unit_get(rc->t, e->unit_id)) == NULL ||
	    !unit_in_scope(rc->t, r->user.unit_id, e->unit_id)) {
		resp_error(r, ERR_FORBIDDEN, "Lượt học này ở trường ngoài phạm vi "
		    "của bạn.", "This enrolment is at a school outside your "
		    "scope.");
		return false;
	}
	if (period_get(r->db, e->period_id, year) != ERR_OK) {
		resp_error(r, ERR_DB, "Không đọc được năm học.",
		    "The school year cannot be read.");
		return false;
	}
	date_today(today);
	*ctx = (struct enrol_ctx){ u->kind, u->id, year, rc->c.birth_date,
	    today, rc->t };
	return true;
}

static void
back_to(char *out, size_t size, int64_t id)
{
	snprintf(out, size, "/children/%lld#enrolments", (long long)id);
}

static void
redirect_done(struct req *r, int64_t id, const char *flag)
{
	char url[96];

	snprintf(url, sizeof(url), "/children/%lld?%s=1#enrolments",
	    (long long)id, flag);
	resp_redirect(r, url);
}

void
enrolment_status_post(struct req *r)
{
	/* A destination inside vitre goes through the transfer, which
	 * opens the enrolment there too; here only a named school. */
	struct enrol_change_raw raw = { req_form(r, "status"),
	    req_form(r, "on"), NULL, req_form(r, "to_school"),
	    req_form(r, "dropout_reason"), req_form(r, "note") };
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct enrolment cur, next;
	struct enrol_ctx ctx;
	struct reg_child rc;
	struct period year;
	char today[11], back[64];
	int drops = 0;
	enum err e;

	memset(&rc, 0, sizeof(rc));
	if (!enrolment_load(r, &rc, &cur, &year, &ctx, today))
		goto out;
	back_to(back, sizeof(back), rc.c.id);
	if (enrolment_dropouts(r->db, cur.id, &drops) != ERR_OK) {
		reg_fail(r, ERR_DB);
		goto out;
	}
	if (!enrol_change_check(&cur, drops, &raw, &ctx, &next, errs)) {
		reg_errors_page(r, errs, back);
		goto out;
	}
	if ((e = register_change_status(r->db, &next, r->user.id)) != ERR_OK) {
		reg_fail(r, e);
		goto out;
	}
	redirect_done(r, rc.c.id, "status");
out:
	free(errs);
	reg_child_release(r, &rc);
}

void
absence_post(struct req *r)
{
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct absence abs[2];
	struct enrolment cur;
	struct enrol_ctx ctx;
	struct reg_child rc;
	struct period year;
	char today[11], back[64];
	enum err e;
	int k;

	memset(&rc, 0, sizeof(rc));
	if (!enrolment_load(r, &rc, &cur, &year, &ctx, today))
		goto out;
	back_to(back, sizeof(back), rc.c.id);
	for (k = 0; k < 2; k++)
		(void)absence_check(req_form(r, absence_f[k].excused.name),
		    req_form(r, absence_f[k].unexcused.name), k + 1, &abs[k],
		    errs);
	if (errs->n > 0) {
		reg_errors_page(r, errs, back);
		goto out;
	}
	if ((e = register_save_absences(r->db, rc.c.id, cur.id, abs,
	    r->user.id)) != ERR_OK) {
		reg_fail(r, e);
		goto out;
	}
	redirect_done(r, rc.c.id, "absences");
out:
	free(errs);
	reg_child_release(r, &rc);
}

void
child_transfer_post(struct req *r)
{
	struct transfer_raw raw = { req_form(r, "to_unit"), req_form(r, "on"),
	    req_form(r, "class_name"), req_form(r, "grade") };
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct enrolment_row *er = NULL;
	struct enrolment old, new_;
	struct enrol_ctx ctx;
	struct reg_child rc;
	struct period year;
	const struct unit *u;
	char today[11], back[64];
	size_t n = 0;
	enum err e;

	if (!reg_child_load(r, r->params[0], true, &rc))
		goto out;
	back_to(back, sizeof(back), rc.c.id);
	/* The enrolment moved is the newest, at a school of the scope. */
	if (child_enrolments(r->db, rc.c.id, &er, &n) != ERR_OK) {
		reg_fail(r, ERR_DB);
		goto out;
	}
	if (n == 0 || (u = unit_get(rc.t, er[0].e.unit_id)) == NULL ||
	    !unit_in_scope(rc.t, r->user.unit_id, u->id)) {
		resp_error(r, ERR_INVALID, "Trẻ chưa có lượt học nào ở trường "
		    "trong phạm vi của bạn để chuyển đi.", "The child has no "
		    "enrolment at a school of your scope to move from.");
		goto out;
	}
	if (period_get(r->db, er[0].e.period_id, &year) != ERR_OK) {
		reg_fail(r, ERR_DB);
		goto out;
	}
	date_today(today);
	ctx = (struct enrol_ctx){ u->kind, u->id, &year, rc.c.birth_date,
	    today, rc.t };
	if (!transfer_check(&er[0].e, &raw, &ctx, &old, &new_, errs)) {
		reg_errors_page(r, errs, back);
		goto out;
	}
	if ((e = register_transfer(r->db, &old, &new_, r->user.id)) != ERR_OK) {
		reg_fail(r, e);
		goto out;
	}
	redirect_done(r, rc.c.id, "transferred");
out:
	free(er);
	free(errs);
	reg_child_release(r, &rc);
}
