/*
 * child_http.c -- a child's record over HTTP: the record page (each view
 * is written to the audit log before anything is shown), adding a child to
 * a school's register, changing the record, special circumstances and
 * consents.  Every change: scope and class checks (register_access.c),
 * then every field (400 naming each, nothing written), then one
 * transaction (register_ops.c).
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
#include "render/html.h"
#include "units/unit.h"

/* The record as typed in the form. */
struct record {
	struct child		 c;
	struct guardian		 g[CHILD_GUARDIANS_MAX];
	size_t			 ng;
	struct disability	 d;
	bool			 has_d;
};

/*
 * Check identity, guardians and disability from the form into rec; the
 * personal ID and learner code may not belong to another child than self.
 */
static bool
record_check(struct req *r, int64_t self, struct record *rec,
    struct form_errors *errs)
{
	struct child_raw cr = { req_form(r, "full_name"), req_form(r, "sex"),
	    req_form(r, "birth_date"), req_form(r, "ethnicity"),
	    req_form(r, "personal_id"), req_form(r, "learner_code"),
	    req_form(r, "address"), req_form(r, "household") };
	struct guardian_raw gr[3];
	struct disability_raw dr = { req_form(r, "dis_kind"),
	    req_form(r, "dis_severity"), req_form(r, "dis_learning_needs"),
	    req_form(r, "dis_education"), req_form(r, "dis_rehab"),
	    req_form(r, "dis_since"), req_form(r, "dis_note") };
	char today[11];
	int64_t other;
	size_t before = errs->n;
	bool birth_ok;
	int k;

	date_today(today);
	for (k = 0; k < 3; k++) {
		gr[k].full_name = req_form(r, guardian_f[k].name.name);
		gr[k].relation = req_form(r, guardian_f[k].relation.name);
		gr[k].phone = req_form(r, guardian_f[k].phone.name);
		gr[k].address = req_form(r, guardian_f[k].address.name);
	}
	memset(&rec->c, 0, sizeof(rec->c));
	(void)child_check(&cr, today, &rec->c, errs);
	birth_ok = form_error_for(r, errs, "birth_date") == NULL &&
	    rec->c.birth_date[0] != '\0';
	(void)guardian_check(gr, 3, rec->g, &rec->ng, errs);
	(void)disability_check(&dr, birth_ok ? rec->c.birth_date : "", today,
	    &rec->d, &rec->has_d, errs);
	if (rec->c.personal_id[0] && child_find_pid(r->db, rec->c.personal_id,
	    &other) == ERR_OK && other != self)
		form_error(errs, &child_f_personal_id, "đã thuộc về một trẻ khác "
		    "trong sổ.", "already belongs to another child in the "
		    "register.");
	if (rec->c.learner_code[0] && child_find_learner(r->db,
	    rec->c.learner_code, &other) == ERR_OK && other != self)
		form_error(errs, &child_f_learner_code, "đã thuộc về một trẻ khác "
		    "trong sổ.", "already belongs to another child in the "
		    "register.");
	return errs->n == before;
}

static void
redirect_child(struct req *r, int64_t id, const char *flag,
    const char *anchor)
{
	char url[128];

	snprintf(url, sizeof(url), "/children/%lld?%s=1%s", (long long)id,
	    flag, anchor);
	resp_redirect(r, url);
}

/* --- the record page ---------------------------------------------------- */

static const struct {
	const char	*flag;
	const char	*vi;
	const char	*en;
} flashes[] = {
	{ "created", "Đã thêm trẻ vào sổ.", "The child is added." },
	{ "saved", "Đã lưu hồ sơ.", "The record is saved." },
	{ "status", "Đã đổi tình trạng.", "The status is changed." },
	{ "absences", "Đã lưu số ngày nghỉ.", "The days absent are saved." },
	{ "transferred", "Đã chuyển trường.", "The child has moved school." },
	{ "circumstance", "Đã lưu hoàn cảnh đặc biệt.",
	    "The special circumstance is saved." },
	{ "consent", "Đã ghi nhận ý kiến.", "The consent is recorded." },
};

void
child_page(struct req *r)
{
	struct reg_child rc;
	struct child_page p;
	enum err e = ERR_OK;
	size_t i, k;

	memset(&p, 0, sizeof(p));
	if (!reg_child_load(r, r->params[0], false, &rc))
		goto out;
	p.rc = &rc;
	/* No view without its trace: log first, show after. */
	if (register_log_view(r->db, rc.c.id, r->user.id) != ERR_OK) {
		resp_error(r, ERR_DB, "Không ghi được nhật ký truy cập; hồ sơ "
		    "không được hiển thị.", "The access could not be logged; "
		    "the record is not shown.");
		goto out;
	}
	if ((e = guardians_get(r->db, rc.c.id, &p.g, &p.ng)) != ERR_OK ||
	    (e = child_enrolments(r->db, rc.c.id, &p.er, &p.ner)) != ERR_OK ||
	    (e = child_events(r->db, rc.c.id, &p.ev, &p.nev)) != ERR_OK ||
	    (e = consents_get(r->db, rc.c.id, &p.cons, &p.ncons)) != ERR_OK)
		goto fail;
	if (rc.sensitive) {
		e = disability_get(r->db, rc.c.id, &p.dis);
		if (e != ERR_OK && e != ERR_NOTFOUND)
			goto fail;
		p.has_dis = e == ERR_OK;
		if ((e = circumstances_get(r->db, rc.c.id, &p.circ,
		    &p.ncirc)) != ERR_OK)
			goto fail;
	}
	if (!rc.current) {
		/* Only the history at the schools of the user's scope. */
		for (i = 0, k = 0; i < p.ner; i++)
			if (unit_in_scope(rc.t, r->user.unit_id,
			    p.er[i].e.unit_id))
				p.er[k++] = p.er[i];
		p.ner = k;
		p.nev = 0;
	}
	for (i = 0; i < sizeof(flashes) / sizeof(flashes[0]); i++)
		if (!str_empty(req_query(r, flashes[i].flag)))
			p.flash = L(r, flashes[i].vi, flashes[i].en);
	child_record_html(r, &p);
	resp_html(r, 200);
	goto out;
fail:
	resp_error(r, ERR_DB, "Không đọc được hồ sơ.",
	    "The record cannot be read.");
out:
	free(p.g);
	free(p.er);
	free(p.ev);
	free(p.circ);
	free(p.cons);
	reg_child_release(r, &rc);
}

/* --- adding a child ----------------------------------------------------- */

void
child_new_form(struct req *r)
{
	struct reg_school s;
	struct child_form cf;
	struct kvlist vals = { 0 };

	if (!reg_school_load(r, r->params[0], req_query(r, "year"), &s))
		goto out;
	if (r->user.role == ROLE_TEACHER) {
		size_t n = 0;

		free(reg_teacher_classes(r, s.u->id, s.year.id, &n));
		if (n == 0) {
			resp_error(r, ERR_FORBIDDEN, "Bạn chưa được phân công lớp "
			    "nào trong năm học này.", "You have no class "
			    "assigned this school year.");
			goto out;
		}
	}
	kvlist_add(&vals, "entered_on", s.year.start_on);
	memset(&cf, 0, sizeof(cf));
	cf.is_new = true;
	cf.s = &s;
	cf.vals = &vals;
	child_form_html(r, &cf, 200);
out:
	kvlist_clear(&vals);
	reg_school_release(r, &s);
}

void
child_create_post(struct req *r)
{
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct record *rec = xcalloc(1, sizeof(*rec));
	struct enrol_raw er = { .class_name = req_form(r, "class_name"),
	    .grade = req_form(r, "grade"), .status = req_form(r, "status"),
	    .entered_on = req_form(r, "entered_on"),
	    .from_school = req_form(r, "from_school") };
	struct enrolment e;
	struct enrol_ctx ctx;
	struct child_form cf;
	struct reg_school s;
	char today[11];
	int64_t id = 0;
	bool birth_ok;
	enum err err;

	if (!reg_school_load(r, r->params[0], req_form(r, "year"), &s))
		goto out;
	if (r->user.role == ROLE_TEACHER && !reg_may_edit_class(r, s.u->id,
	    s.year.id, er.class_name != NULL ? er.class_name : "")) {
		resp_error(r, ERR_FORBIDDEN, "Lớp: bạn chỉ thêm trẻ vào lớp được "
		    "phân công cho bạn.", "Class: you may add children only to "
		    "the classes assigned to you.");
		goto out;
	}
	(void)record_check(r, 0, rec, errs);
	birth_ok = form_error_for(r, errs, "birth_date") == NULL;
	date_today(today);
	memset(&e, 0, sizeof(e));
	ctx = (struct enrol_ctx){ s.u->kind, s.u->id, &s.year,
	    birth_ok ? rec->c.birth_date : "", today, s.t };
	(void)enrol_check(&er, &ctx, false, &e, errs);
	if (errs->n > 0) {
		memset(&cf, 0, sizeof(cf));
		cf.is_new = true;
		cf.s = &s;
		cf.vals = &r->form;
		cf.errs = errs;
		child_form_html(r, &cf, 400);
		goto out;
	}
	if ((err = register_create_child(r->db, &rec->c, rec->g, rec->ng,
	    rec->has_d ? &rec->d : NULL, &e, r->user.id, &id)) != ERR_OK) {
		reg_fail(r, err);
		goto out;
	}
	redirect_child(r, id, "created", "");
out:
	free(errs);
	free(rec);
	reg_school_release(r, &s);
}

/* --- changing a record -------------------------------------------------- */

/* The stored record as form values. */
static void
record_values(struct req *r, const struct reg_child *rc, struct kvlist *v)
{
	struct guardian *g = NULL;
	struct disability d;
	size_t n = 0, k;
	const struct child *c = &rc->c;

	kvlist_add(v, "full_name", c->full_name);
	kvlist_add(v, "sex", child_sexes[c->sex].code);
	kvlist_add(v, "birth_date", c->birth_date);
	kvlist_add(v, "ethnicity", c->ethnicity);
	kvlist_add(v, "personal_id", c->personal_id);
	kvlist_add(v, "learner_code", c->learner_code);
	kvlist_add(v, "address", c->address);
	kvlist_add(v, "household", child_households[c->household].code);
	if (guardians_get(r->db, c->id, &g, &n) == ERR_OK)
		for (k = 0; k < n && k < 3; k++) {
			kvlist_add(v, guardian_f[k].name.name, g[k].full_name);
			kvlist_add(v, guardian_f[k].relation.name,
			    guardian_rels[g[k].relation].code);
			kvlist_add(v, guardian_f[k].phone.name, g[k].phone);
			kvlist_add(v, guardian_f[k].address.name, g[k].address);
		}
	free(g);
	if (disability_get(r->db, c->id, &d) == ERR_OK) {
		kvlist_add(v, "dis_kind", dis_kinds[d.kind].code);
		kvlist_add(v, "dis_severity", dis_severities[d.severity].code);
		kvlist_add(v, "dis_education", dis_educations[d.education].code);
		kvlist_add(v, "dis_learning_needs", d.learning_needs ? "1" : "");
		kvlist_add(v, "dis_rehab", d.rehab_support ? "1" : "");
		kvlist_add(v, "dis_since", d.since);
		kvlist_add(v, "dis_note", d.note);
	}
}

void
child_edit_form(struct req *r)
{
	struct kvlist vals = { 0 };
	struct child_form cf;
	struct reg_child rc;

	if (!reg_child_load(r, r->params[0], true, &rc))
		goto out;
	record_values(r, &rc, &vals);
	memset(&cf, 0, sizeof(cf));
	cf.child_id = rc.c.id;
	cf.vals = &vals;
	child_form_html(r, &cf, 200);
out:
	kvlist_clear(&vals);
	reg_child_release(r, &rc);
}

/* The birth date must come before every enrolment of the child. */
static void
birth_before_enrolments(struct req *r, const struct child *c,
    struct form_errors *errs)
{
	struct enrolment_row *er = NULL;
	size_t n = 0, i;
	char vi[200], en[200];

	if (form_error_for(r, errs, "birth_date") != NULL ||
	    child_enrolments(r->db, c->id, &er, &n) != ERR_OK)
		goto out;
	for (i = 0; i < n; i++) {
		if (strcmp(c->birth_date, er[i].e.entered_on) < 0)
			continue;
		snprintf(vi, sizeof(vi), "phải trước ngày trẻ vào trường trong "
		    "năm học %s (%s).", er[i].year, er[i].e.entered_on);
		snprintf(en, sizeof(en), "must come before the day the child "
		    "joined the school in %s (%s).", er[i].year,
		    er[i].e.entered_on);
		form_error(errs, &child_f_birth_date, vi, en);
		break;
	}
out:
	free(er);
}

void
child_update_post(struct req *r)
{
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct record *rec = xcalloc(1, sizeof(*rec));
	struct child_form cf;
	struct reg_child rc;
	enum err e;

	if (!reg_child_load(r, r->params[0], true, &rc))
		goto out;
	(void)record_check(r, rc.c.id, rec, errs);
	rec->c.id = rc.c.id;
	birth_before_enrolments(r, &rec->c, errs);
	if (errs->n > 0) {
		memset(&cf, 0, sizeof(cf));
		cf.child_id = rc.c.id;
		cf.vals = &r->form;
		cf.errs = errs;
		child_form_html(r, &cf, 400);
		goto out;
	}
	if ((e = register_update_child(r->db, &rec->c, rec->g, rec->ng,
	    rec->has_d ? &rec->d : NULL, r->user.id)) != ERR_OK) {
		reg_fail(r, e);
		goto out;
	}
	redirect_child(r, rc.c.id, "saved", "");
out:
	free(errs);
	free(rec);
	reg_child_release(r, &rc);
}

/* --- circumstances and consents ----------------------------------------- */

static void
back_of(char *out, size_t size, int64_t id, const char *anchor)
{
	snprintf(out, size, "/children/%lld#%s", (long long)id, anchor);
}

void
circumstance_post(struct req *r)
{
	struct circumstance_raw raw = { req_form(r, "circ_group"),
	    req_form(r, "circ_sub"), req_form(r, "circ_from"),
	    req_form(r, "circ_to"), req_form(r, "circ_note") };
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct circumstance c;
	struct reg_child rc;
	char today[11], back[64];
	enum err e;

	if (!reg_child_load(r, r->params[0], true, &rc))
		goto out;
	date_today(today);
	back_of(back, sizeof(back), rc.c.id, "circumstances");
	if (!circumstance_check(&raw, rc.c.birth_date, today, &c, errs)) {
		reg_errors_page(r, errs, back);
		goto out;
	}
	c.child_id = rc.c.id;
	if ((e = register_add_circumstance(r->db, &c, r->user.id)) != ERR_OK) {
		reg_fail(r, e);
		goto out;
	}
	redirect_child(r, rc.c.id, "circumstance", "#circumstances");
out:
	free(errs);
	reg_child_release(r, &rc);
}

void
circumstance_end_post(struct req *r)
{
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct circumstance *c = NULL, *found = NULL;
	struct reg_child rc;
	char today[11], to[11], back[64];
	size_t n = 0, i;
	enum err e;

	if (!reg_child_load(r, r->params[0], true, &rc))
		goto out;
	if (circumstances_get(r->db, rc.c.id, &c, &n) != ERR_OK) {
		reg_fail(r, ERR_DB);
		goto out;
	}
	for (i = 0; i < n; i++)
		if (c[i].id == r->params[1])
			found = &c[i];
	if (found == NULL) {
		resp_error(r, ERR_NOTFOUND, "Trẻ không có hoàn cảnh này.",
		    "The child has no such circumstance.");
		goto out;
	}
	date_today(today);
	back_of(back, sizeof(back), rc.c.id, "circumstances");
	if (valid_date(errs, &circ_f_to_on, req_form(r, "circ_to"), true, to)) {
		if (strcmp(to, found->from_on) < 0)
			form_error(errs, &circ_f_to_on, "không được trước ngày "
			    "bắt đầu.", "may not be before the start.");
		else if (strcmp(to, today) > 0)
			form_error(errs, &circ_f_to_on, "không được sau hôm nay.",
			    "may not be after today.");
	}
	if (errs->n > 0) {
		reg_errors_page(r, errs, back);
		goto out;
	}
	if ((e = register_end_circumstance(r->db, rc.c.id, found->id, to,
	    r->user.id)) != ERR_OK) {
		reg_fail(r, e);
		goto out;
	}
	redirect_child(r, rc.c.id, "circumstance", "#circumstances");
out:
	free(c);
	free(errs);
	reg_child_release(r, &rc);
}

void
consent_post(struct req *r)
{
	struct consent_raw raw = { req_form(r, "purpose"), req_form(r, "who"),
	    req_form(r, "guardian"), req_form(r, "state"),
	    req_form(r, "on_date"), req_form(r, "note") };
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct guardian *g = NULL;
	struct reg_child rc;
	struct consent c;
	char today[11], back[64];
	size_t n = 0, i;
	bool theirs = false;
	enum err e;

	if (!reg_child_load(r, r->params[0], true, &rc))
		goto out;
	date_today(today);
	back_of(back, sizeof(back), rc.c.id, "consents");
	(void)consent_check(&raw, rc.c.birth_date, today, &c, errs);
	if (c.guardian_id > 0) {
		if (guardians_get(r->db, rc.c.id, &g, &n) != ERR_OK) {
			reg_fail(r, ERR_DB);
			goto out;
		}
		for (i = 0; i < n; i++)
			theirs = theirs || g[i].id == c.guardian_id;
		if (!theirs)
			form_error(errs, &consent_f_guardian, "không phải người "
			    "giám hộ của trẻ này.", "is not a guardian of this "
			    "child.");
	}
	if (errs->n > 0) {
		reg_errors_page(r, errs, back);
		goto out;
	}
	c.child_id = rc.c.id;
	if ((e = register_add_consent(r->db, &c, r->user.id)) != ERR_OK) {
		reg_fail(r, e);
		goto out;
	}
	redirect_child(r, rc.c.id, "consent", "#consents");
out:
	free(g);
	free(errs);
	reg_child_release(r, &rc);
}
