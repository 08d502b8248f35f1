/*
 * casefile_db.c -- the SQL of protection cases; see casefile_db.h.
 * Free text is sealed here on the way in and opened on the way out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cases/casefile_db.h"
#include "cases/crypt.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"

/* Grow an array by one element of size bytes; returns the new element. */
static void *
grow(void **arr, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*arr = xrealloc(*arr, *cap * size);
	}
	memset((char *)*arr + *n * size, 0, size);
	return (char *)*arr + (*n)++ * size;
}

/* Bind text sealed, or NULL when s is empty. */
static void
bind_sealed(struct db_stmt *st, int idx, const struct casekey *key,
    const char *s)
{
	char *sealed;

	if (str_empty(s)) {
		db_bind_null(st, idx);
		return;
	}
	sealed = casekey_seal(key, s);
	db_bind_text(st, idx, sealed);
	free(sealed);
}

/* Open column col into *out (NULL for SQL NULL). */
static enum err
open_col(const struct casekey *key, struct db_stmt *st, int col, char **out)
{
	*out = NULL;
	if (db_col_null(st, col))
		return ERR_OK;
	return casekey_open(key, db_col_text(st, col), out);
}

/*
 * Step st (bound by the caller) to its end, mapping each row into a new
 * element of size bytes of *out; map may open sealed columns with key.
 * The caller frees what *out holds even on error.
 */
static enum err
load(struct db_stmt *st, const struct casekey *key, size_t size,
    enum err (*map)(struct db_stmt *, const struct casekey *, void *),
    void **out, size_t *n)
{
	size_t cap = 0;
	enum err e = ERR_OK;
	enum db_rc rc = DB_DONE;

	*out = NULL;
	*n = 0;
	while (e == ERR_OK && (rc = db_step(st)) == DB_ROW)
		e = map(st, key, grow(out, n, &cap, size));
	db_done(st);
	return e == ERR_OK && rc == DB_FAIL ? ERR_DB : e;
}

static int
setting_int(const char *v, int dflt)
{
	int64_t n;

	if (str_empty(v))
		return -1;
	return str_to_int_range(v, 0, 10000, &n) ? (int)n : dflt;
}

enum err
casefile_rules_load(struct db *db, struct casefile_rules *ru)
{
	struct db_stmt *st;
	size_t cap = 0;
	enum db_rc rc = DB_DONE;

	memset(ru, 0, sizeof(*ru));
	ru->emergency_hours = 12;
	ru->plan_working_days = 5;
	ru->detailed_working_days = ru->approval_working_days = -1;
	ru->referral_ack_hours = 24;
	st = db_stmt(db, "SELECT k, v FROM case_setting");
	while ((rc = db_step(st)) == DB_ROW) {
		const char *k = db_col_text(st, 0), *v = db_col_text(st, 1);

		if (strcmp(k, "emergency_hours") == 0)
			ru->emergency_hours = setting_int(v, 12);
		else if (strcmp(k, "plan_working_days") == 0)
			ru->plan_working_days = setting_int(v, 5);
		else if (strcmp(k, "plan_from") == 0)
			ru->plan_from_detailed = strcmp(v, "detailed") == 0;
		else if (strcmp(k, "detailed_working_days") == 0)
			ru->detailed_working_days = setting_int(v, -1);
		else if (strcmp(k, "approval_working_days") == 0)
			ru->approval_working_days = setting_int(v, -1);
		else if (strcmp(k, "referral_ack_hours") == 0)
			ru->referral_ack_hours = setting_int(v, 24);
	}
	db_done(st);
	if (rc == DB_FAIL)
		return ERR_DB;
	st = db_stmt(db, "SELECT day FROM holiday ORDER BY day");
	while ((rc = db_step(st)) == DB_ROW) {
		char (*d)[11] = grow((void **)&ru->holidays.days,
		    &ru->holidays.n, &cap, sizeof(*d));

		snprintf(*d, sizeof(*d), "%s", db_col_text(st, 0));
	}
	db_done(st);
	return rc == DB_FAIL ? ERR_DB : ERR_OK;
}

void
casefile_rules_release(struct casefile_rules *ru)
{
	free(ru->holidays.days);
	ru->holidays.days = NULL;
	ru->holidays.n = 0;
}

enum err
casefile_insert(struct db *db, const struct casekey *key,
    const struct casefile_new *c, int64_t *id)
{
	struct db_stmt *st;
	int64_t now = (int64_t)time(NULL);
	enum err e;

	st = db_stmt(db, "INSERT INTO casefile (unit_id, source, received_at,"
	    " reported_by, reporter_hidden, created_at, child_sex, child_age,"
	    " abuse_form, sexual_kind, setting, child_name_enc, place_enc,"
	    " narrative_enc, informant_name_enc, informant_phone_enc,"
	    " informant_address_enc, is_demo, plan_due, child_ref_enc,"
	    " child_tag)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	    " ?)");
	db_bind_int(st, 1, c->unit_id);
	db_bind_text(st, 2, casefile_sources[c->source].code);
	db_bind_int(st, 3, c->received_at);
	db_bind_int(st, 4, c->reported_by);
	db_bind_int(st, 5, c->reporter_hidden);
	db_bind_int(st, 6, now);
	db_bind_text(st, 7, casefile_sexes[c->sex].code);
	if (c->age >= 0)
		db_bind_int(st, 8, c->age);
	else
		db_bind_null(st, 8);
	db_bind_text(st, 9, casefile_forms[c->form].code);
	db_bind_text(st, 10, c->sexual_kind >= 0 ?
	    casefile_sexual_kinds[c->sexual_kind].code : NULL);
	db_bind_text(st, 11, casefile_places[c->place].code);
	bind_sealed(st, 12, key, c->child_name);
	bind_sealed(st, 13, key, c->place_text);
	bind_sealed(st, 14, key, c->narrative);
	bind_sealed(st, 15, key, c->informant_name);
	bind_sealed(st, 16, key, c->informant_phone);
	bind_sealed(st, 17, key, c->informant_address);
	db_bind_int(st, 18, c->demo);
	db_bind_text(st, 19, c->plan_due[0] ? c->plan_due : NULL);
	if (c->child_id > 0) {
		char ref[32], tag[65];

		snprintf(ref, sizeof(ref), "child:%lld", (long long)c->child_id);
		bind_sealed(st, 20, key, ref);
		casekey_tag(key, ref, tag);
		db_bind_text(st, 21, tag);
	} else {
		db_bind_null(st, 20);
		db_bind_null(st, 21);
	}
	if ((e = db_run(st)) != ERR_OK)
		return e;
	*id = db_last_id(db);
	st = db_stmt(db, "INSERT INTO case_worker (case_id, user_id,"
	    " assigned_by, assigned_at)"
	    " SELECT ?, f.user_id, NULL, ? FROM cp_focal f"
	    " JOIN app_user u ON u.id = f.user_id"
	    " WHERE f.unit_id = ? AND u.active = 1 AND u.role <> 'admin'");
	db_bind_int(st, 1, *id);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, c->unit_id);
	return db_run(st);
}

static int
code_col(const struct casefile_code *t, struct db_stmt *st, int col)
{
	return db_col_null(st, col) ? -1 : casefile_code_index(t,
	    db_col_text(st, col));
}

enum err
casefile_get(struct db *db, int64_t id, struct casefile *c)
{
	struct db_stmt *st = db_stmt(db, "SELECT unit_id, state, cycle,"
	    " source, received_at, reported_by, reporter_hidden, created_at,"
	    " child_ref_enc IS NOT NULL, child_sex, child_age, abuse_form,"
	    " sexual_kind, setting,"
	    " finding, serious, emergency_due, emergency_done_at, plan_due,"
	    " closed_at, (SELECT COUNT(*) FROM case_referral r"
	    " WHERE r.case_id = casefile.id), (SELECT u.full_name"
	    " FROM app_user u WHERE u.id = casefile.reported_by)"
	    " FROM casefile WHERE id = ?");
	enum db_rc rc = DB_DONE;

	memset(c, 0, sizeof(*c));
	db_bind_int(st, 1, id);
	if ((rc = db_step(st)) == DB_ROW) {
		c->id = id;
		c->unit_id = db_col_int(st, 0);
		c->state = (enum casefile_state)code_col(casefile_states, st, 1);
		c->cycle = (int)db_col_int(st, 2);
		c->source = code_col(casefile_sources, st, 3);
		c->received_at = db_col_int(st, 4);
		c->reported_by = db_col_int(st, 5);
		c->reporter_hidden = db_col_int(st, 6) != 0;
		c->created_at = db_col_int(st, 7);
		c->in_register = db_col_int(st, 8) != 0;
		c->sex = code_col(casefile_sexes, st, 9);
		c->age = db_col_null(st, 10) ? -1 : (int)db_col_int(st, 10);
		c->form = code_col(casefile_forms, st, 11);
		c->sexual_kind = code_col(casefile_sexual_kinds, st, 12);
		c->place = code_col(casefile_places, st, 13);
		c->finding = code_col(casefile_findings, st, 14);
		c->serious = db_col_null(st, 15) ? -1 : (int)db_col_int(st, 15);
		c->emergency_due = db_col_int(st, 16);
		c->emergency_done_at = db_col_int(st, 17);
		snprintf(c->plan_due, sizeof(c->plan_due), "%s",
		    db_col_text(st, 18));
		c->closed_at = db_col_int(st, 19);
		c->referred = db_col_int(st, 20) > 0;
		snprintf(c->reporter_name, sizeof(c->reporter_name), "%s",
		    db_col_text(st, 21));
	}
	db_done(st);
	if (rc == DB_FAIL)
		return ERR_DB;
	return rc == DB_ROW ? ERR_OK : ERR_NOTFOUND;
}

enum err
casefile_open_text(struct db *db, const struct casekey *key,
    struct casefile *c)
{
	struct db_stmt *st = db_stmt(db, "SELECT child_name_enc, place_enc,"
	    " narrative_enc, informant_name_enc, informant_phone_enc,"
	    " informant_address_enc, child_ref_enc FROM casefile WHERE id = ?");
	char **fields[] = { &c->child_name, &c->place_text, &c->narrative,
	    &c->informant_name, &c->informant_phone, &c->informant_address };
	char *ref = NULL;
	enum err e = ERR_NOTFOUND;
	size_t i;

	db_bind_int(st, 1, c->id);
	if (db_step(st) == DB_ROW) {
		e = ERR_OK;
		for (i = 0; i < sizeof(fields) / sizeof(fields[0]) &&
		    e == ERR_OK; i++)
			e = open_col(key, st, (int)i, fields[i]);
		if (e == ERR_OK)
			e = open_col(key, st, 6, &ref);
	}
	db_done(st);
	c->child_id = 0;
	if (e == ERR_OK && ref != NULL && (!str_has_prefix(ref, "child:") ||
	    !str_to_int64(ref + 6, &c->child_id)))
		e = ERR_INVALID;
	casekey_wipe_free(ref);
	if (e != ERR_OK)
		casefile_release(c);
	return e;
}

static bool
exists(struct db_stmt *st)
{
	bool yes = db_step(st) == DB_ROW;

	db_done(st);
	return yes;
}

enum casefile_access
casefile_access_of(struct db *db, int64_t user_id, enum role role,
    int64_t user_unit, const struct casefile *c)
{
	struct db_stmt *st;
	bool reporter = c->id > 0 && c->reported_by == user_id;

	if (c->id <= 0)
		return ACCESS_NONE;
	if (role == ROLE_ADMIN)
		return reporter ? ACCESS_REPORTER : ACCESS_NONE;
	if (role == ROLE_PRINCIPAL && user_unit == c->unit_id)
		return ACCESS_PRINCIPAL;
	st = db_stmt(db, "SELECT 1 FROM case_worker WHERE case_id = ?"
	    " AND user_id = ?");
	db_bind_int(st, 1, c->id);
	db_bind_int(st, 2, user_id);
	if (exists(st))
		return ACCESS_WORKER;
	if (role == ROLE_AREA) {
		st = db_stmt(db, "SELECT 1 FROM case_referral WHERE case_id = ?"
		    " AND to_user_id = ?");
		db_bind_int(st, 1, c->id);
		db_bind_int(st, 2, user_id);
		if (exists(st))
			return ACCESS_REFERRED;
	}
	return reporter ? ACCESS_REPORTER : ACCESS_NONE;
}

enum err
casefile_set_assessed(struct db *db, int64_t id, int finding, bool serious,
    int64_t emergency_due)
{
	struct db_stmt *st = db_stmt(db, "UPDATE casefile SET state = ?,"
	    " finding = ?, serious = ?, emergency_due = ? WHERE id = ?");

	db_bind_text(st, 1, casefile_states[CASEFILE_ASSESSED].code);
	db_bind_text(st, 2, casefile_findings[finding].code);
	db_bind_int(st, 3, serious);
	if (serious)
		db_bind_int(st, 4, emergency_due);
	else
		db_bind_null(st, 4);
	db_bind_int(st, 5, id);
	return db_run(st);
}

enum err
casefile_set_emergency_done(struct db *db, int64_t id, int64_t at)
{
	struct db_stmt *st = db_stmt(db, "UPDATE casefile"
	    " SET emergency_done_at = ? WHERE id = ?");

	db_bind_int(st, 1, at);
	db_bind_int(st, 2, id);
	return db_run(st);
}

enum err
casefile_set_state(struct db *db, int64_t id, enum casefile_state s,
    int cycle, const char *plan_due, int64_t closed_at)
{
	struct db_stmt *st = db_stmt(db, "UPDATE casefile SET state = ?,"
	    " cycle = ?, plan_due = ?, closed_at = ? WHERE id = ?");

	db_bind_text(st, 1, casefile_states[s].code);
	db_bind_int(st, 2, cycle);
	db_bind_text(st, 3, str_empty(plan_due) ? NULL : plan_due);
	if (closed_at > 0)
		db_bind_int(st, 4, closed_at);
	else
		db_bind_null(st, 4);
	db_bind_int(st, 5, id);
	return db_run(st);
}

enum err
casefile_step_add(struct db *db, const struct casekey *key, int64_t case_id,
    const struct casefile_steprec *s)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO case_step (case_id,"
	    " cycle, kind, done_on, done_at, by_user, recorded_at, rating1,"
	    " rating2, rating3, outcome, text_enc)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	char *sealed = casekey_seal(key, s->text ? s->text : "");
	enum err e;
	int i;

	db_bind_int(st, 1, case_id);
	db_bind_int(st, 2, s->cycle);
	db_bind_text(st, 3, casefile_steps[s->kind].code);
	db_bind_text(st, 4, s->done_on);
	if (s->done_at > 0)
		db_bind_int(st, 5, s->done_at);
	else
		db_bind_null(st, 5);
	db_bind_int(st, 6, s->by_user);
	db_bind_int(st, 7, (int64_t)time(NULL));
	for (i = 0; i < 3; i++)
		db_bind_text(st, 8 + i, s->rating[i] >= 0 ?
		    casefile_ratings[s->rating[i]].code : NULL);
	db_bind_text(st, 11, s->outcome >= 0 ?
	    casefile_outcomes[s->outcome].code : NULL);
	db_bind_text(st, 12, sealed);
	e = db_run(st);
	free(sealed);
	return e;
}

void
casefile_steps_free(struct casefile_steprec *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].by_name);
		casekey_wipe_free(v[i].text);
	}
	free(v);
}

static enum err
map_step(struct db_stmt *st, const struct casekey *key, void *p)
{
	struct casefile_steprec *s = p;
	int i;

	s->id = db_col_int(st, 0);
	s->cycle = (int)db_col_int(st, 1);
	s->kind = (enum casefile_step)code_col(casefile_steps, st, 2);
	snprintf(s->done_on, sizeof(s->done_on), "%s", db_col_text(st, 3));
	s->done_at = db_col_int(st, 4);
	s->by_user = db_col_int(st, 5);
	s->by_name = xstrdup(db_col_text(st, 6));
	for (i = 0; i < 3; i++)
		s->rating[i] = code_col(casefile_ratings, st, 7 + i);
	s->outcome = code_col(casefile_outcomes, st, 10);
	return open_col(key, st, 11, &s->text);
}

enum err
casefile_steps_load(struct db *db, const struct casekey *key,
    int64_t case_id, struct casefile_steprec **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT s.id, s.cycle, s.kind,"
	    " s.done_on, s.done_at, s.by_user, u.full_name, s.rating1,"
	    " s.rating2, s.rating3, s.outcome, s.text_enc"
	    " FROM case_step s JOIN app_user u ON u.id = s.by_user"
	    " WHERE s.case_id = ? ORDER BY s.id");

	db_bind_int(st, 1, case_id);
	return load(st, key, sizeof(**out), map_step, (void **)out, n);
}

enum err
casefile_step_on(struct db *db, int64_t case_id, int cycle,
    enum casefile_step kind, char out[11])
{
	struct db_stmt *st = db_stmt(db, "SELECT MAX(done_on) FROM case_step"
	    " WHERE case_id = ? AND cycle = ? AND kind = ?");
	enum db_rc rc;

	out[0] = '\0';
	db_bind_int(st, 1, case_id);
	db_bind_int(st, 2, cycle);
	db_bind_text(st, 3, casefile_steps[kind].code);
	if ((rc = db_step(st)) == DB_ROW)
		snprintf(out, 11, "%s", db_col_text(st, 0));
	db_done(st);
	return rc == DB_FAIL ? ERR_DB : ERR_OK;
}

enum err
casefile_late_counts(struct db *db, int64_t case_id, const char *today,
    int64_t ack_before, int64_t *measures, int64_t *referrals)
{
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM case_measure"
	    " WHERE case_id = ? AND done_on IS NULL AND due_on < ?");
	enum err e;

	db_bind_int(st, 1, case_id);
	db_bind_text(st, 2, today);
	if ((e = db_one_int(st, measures)) != ERR_OK)
		return e;
	st = db_stmt(db, "SELECT COUNT(*) FROM case_referral"
	    " WHERE case_id = ? AND ack_at IS NULL AND sent_at < ?");
	db_bind_int(st, 1, case_id);
	db_bind_int(st, 2, ack_before);
	return db_one_int(st, referrals);
}

enum err
casefile_last_step_on(struct db *db, int64_t case_id, char out[11])
{
	struct db_stmt *st = db_stmt(db, "SELECT MAX(done_on) FROM case_step"
	    " WHERE case_id = ? AND kind <> 'emergency'");
	enum db_rc rc = DB_DONE;

	out[0] = '\0';
	db_bind_int(st, 1, case_id);
	if ((rc = db_step(st)) == DB_ROW)
		snprintf(out, 11, "%s", db_col_text(st, 0));
	db_done(st);
	return rc == DB_FAIL ? ERR_DB : ERR_OK;
}

enum err
casefile_referral_add(struct db *db, const struct casekey *key,
    int64_t case_id, const struct casefile_referral *f)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO case_referral (case_id,"
	    " to_kind, to_user_id, how, sent_at, by_user, contact_enc)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?)");

	db_bind_int(st, 1, case_id);
	db_bind_text(st, 2, casefile_referral_kinds[f->to_kind].code);
	if (f->to_user_id > 0)
		db_bind_int(st, 3, f->to_user_id);
	else
		db_bind_null(st, 3);
	db_bind_text(st, 4, casefile_hows[f->how].code);
	db_bind_int(st, 5, f->sent_at);
	db_bind_int(st, 6, f->by_user);
	bind_sealed(st, 7, key, f->contact);
	return db_run(st);
}

void
casefile_referrals_free(struct casefile_referral *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].to_user_name);
		free(v[i].by_name);
		casekey_wipe_free(v[i].contact);
		casekey_wipe_free(v[i].ack);
	}
	free(v);
}

static enum err
map_referral(struct db_stmt *st, const struct casekey *key, void *p)
{
	struct casefile_referral *f = p;
	enum err e;

	f->id = db_col_int(st, 0);
	f->to_kind = code_col(casefile_referral_kinds, st, 1);
	f->to_user_id = db_col_int(st, 2);
	f->to_user_name = xstrdup(db_col_text(st, 3));
	f->how = code_col(casefile_hows, st, 4);
	f->sent_at = db_col_int(st, 5);
	f->by_user = db_col_int(st, 6);
	f->by_name = xstrdup(db_col_text(st, 7));
	f->ack_at = db_col_int(st, 9);
	f->escalated_at = db_col_int(st, 11);
	if ((e = open_col(key, st, 8, &f->contact)) != ERR_OK)
		return e;
	return open_col(key, st, 10, &f->ack);
}

enum err
casefile_referrals_load(struct db *db, const struct casekey *key,
    int64_t case_id, struct casefile_referral **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT r.id, r.to_kind,"
	    " r.to_user_id, t.full_name, r.how, r.sent_at, r.by_user,"
	    " b.full_name, r.contact_enc, r.ack_at, r.ack_enc, r.escalated_at"
	    " FROM case_referral r JOIN app_user b ON b.id = r.by_user"
	    " LEFT JOIN app_user t ON t.id = r.to_user_id"
	    " WHERE r.case_id = ? ORDER BY r.id");

	db_bind_int(st, 1, case_id);
	return load(st, key, sizeof(**out), map_referral, (void **)out, n);
}

enum err
casefile_referral_ack(struct db *db, const struct casekey *key,
    int64_t case_id, int64_t ref_id, int64_t at, const char *who)
{
	struct db_stmt *st = db_stmt(db, "SELECT COALESCE(ack_at, 0), sent_at"
	    " FROM case_referral WHERE id = ? AND case_id = ?");
	int64_t ack = 0, sent = 0;
	enum db_rc rc;

	db_bind_int(st, 1, ref_id);
	db_bind_int(st, 2, case_id);
	if ((rc = db_step(st)) == DB_ROW) {
		ack = db_col_int(st, 0);
		sent = db_col_int(st, 1);
	}
	db_done(st);
	if (rc != DB_ROW)
		return rc == DB_FAIL ? ERR_DB : ERR_NOTFOUND;
	if (ack > 0)
		return ERR_CONFLICT;
	if (at < sent)
		return ERR_INVALID;
	st = db_stmt(db, "UPDATE case_referral SET ack_at = ?, ack_enc = ?"
	    " WHERE id = ? AND case_id = ?");
	db_bind_int(st, 1, at);
	bind_sealed(st, 2, key, who);
	db_bind_int(st, 3, ref_id);
	db_bind_int(st, 4, case_id);
	return db_run(st);
}

enum err
casefile_measure_add(struct db *db, const struct casekey *key,
    int64_t case_id, int64_t by_user, const struct casefile_measure *m)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO case_measure (case_id,"
	    " cycle, kind, owner_id, due_on, what_enc, created_by, created_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

	db_bind_int(st, 1, case_id);
	db_bind_int(st, 2, m->cycle);
	db_bind_text(st, 3, casefile_measure_kinds[m->kind].code);
	db_bind_int(st, 4, m->owner_id);
	db_bind_text(st, 5, m->due_on);
	bind_sealed(st, 6, key, m->what);
	db_bind_int(st, 7, by_user);
	db_bind_int(st, 8, (int64_t)time(NULL));
	return db_run(st);
}

void
casefile_measures_free(struct casefile_measure *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].owner_name);
		casekey_wipe_free(v[i].what);
	}
	free(v);
}

static enum err
map_measure(struct db_stmt *st, const struct casekey *key, void *p)
{
	struct casefile_measure *m = p;

	m->id = db_col_int(st, 0);
	m->cycle = (int)db_col_int(st, 1);
	m->kind = code_col(casefile_measure_kinds, st, 2);
	m->owner_id = db_col_int(st, 3);
	m->owner_name = xstrdup(db_col_text(st, 4));
	snprintf(m->due_on, sizeof(m->due_on), "%s", db_col_text(st, 5));
	snprintf(m->done_on, sizeof(m->done_on), "%s", db_col_text(st, 6));
	return open_col(key, st, 7, &m->what);
}

enum err
casefile_measures_load(struct db *db, const struct casekey *key,
    int64_t case_id, struct casefile_measure **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT m.id, m.cycle, m.kind,"
	    " m.owner_id, u.full_name, m.due_on, m.done_on, m.what_enc"
	    " FROM case_measure m JOIN app_user u ON u.id = m.owner_id"
	    " WHERE m.case_id = ? ORDER BY m.id");

	db_bind_int(st, 1, case_id);
	return load(st, key, sizeof(**out), map_measure, (void **)out, n);
}

enum err
casefile_measure_done(struct db *db, int64_t case_id, int64_t measure_id,
    const char *done_on)
{
	struct db_stmt *st = db_stmt(db, "SELECT done_on IS NOT NULL"
	    " FROM case_measure WHERE id = ? AND case_id = ?");
	int64_t done = 0;
	enum err e;

	db_bind_int(st, 1, measure_id);
	db_bind_int(st, 2, case_id);
	if ((e = db_one_int(st, &done)) != ERR_OK)
		return e;
	if (done)
		return ERR_CONFLICT;
	st = db_stmt(db, "UPDATE case_measure SET done_on = ?"
	    " WHERE id = ? AND case_id = ?");
	db_bind_text(st, 1, done_on);
	db_bind_int(st, 2, measure_id);
	db_bind_int(st, 3, case_id);
	return db_run(st);
}

void
casefile_people_free(struct casefile_person *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].username);
		free(v[i].full_name);
	}
	free(v);
}

/* A person from a row: id, username, full_name, role, unit_id, focal. */
static enum err
map_person(struct db_stmt *st, const struct casekey *key, void *v)
{
	struct casefile_person *p = v;

	(void)key;
	p->user_id = db_col_int(st, 0);
	p->username = xstrdup(db_col_text(st, 1));
	p->full_name = xstrdup(db_col_text(st, 2));
	if (!role_from_code(db_col_text(st, 3), &p->role))
		p->role = ROLE_TEACHER;
	p->unit_id = db_col_int(st, 4);
	p->focal = db_col_int(st, 5) != 0;
	return ERR_OK;
}

static enum err
people(struct db_stmt *st, struct casefile_person **out, size_t *n)
{
	return load(st, NULL, sizeof(**out), map_person, (void **)out, n);
}

enum err
casefile_workers(struct db *db, int64_t case_id, struct casefile_person **out,
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT u.id, u.username,"
	    " u.full_name, u.role, u.unit_id, w.assigned_by IS NULL"
	    " FROM case_worker w JOIN app_user u ON u.id = w.user_id"
	    " WHERE w.case_id = ? ORDER BY u.full_name");

	db_bind_int(st, 1, case_id);
	return people(st, out, n);
}

enum err
casefile_staff(struct db *db, int64_t unit_id, struct casefile_person **out,
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, username, full_name,"
	    " role, unit_id, 0 FROM app_user WHERE unit_id = ? AND active = 1"
	    " AND role <> 'admin' ORDER BY full_name");

	db_bind_int(st, 1, unit_id);
	return people(st, out, n);
}

bool
casefile_is_staff(struct db *db, int64_t unit_id, int64_t user_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM app_user WHERE id = ?"
	    " AND unit_id = ? AND active = 1 AND role <> 'admin'");

	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, unit_id);
	return exists(st);
}

/* Insert the pair (a, b) assigned by by (0 = NULL) now with st:
 * ERR_CONFLICT if the pair is there already. */
static enum err
insert_pair(struct db_stmt *st, int64_t a, int64_t b, int64_t by)
{
	db_bind_int(st, 1, a);
	db_bind_int(st, 2, b);
	if (by > 0)
		db_bind_int(st, 3, by);
	else
		db_bind_null(st, 3);
	db_bind_int(st, 4, (int64_t)time(NULL));
	return db_run(st);
}

/* Delete the pair (a, b) with st: ERR_NOTFOUND if it was not there. */
static enum err
delete_pair(struct db *db, struct db_stmt *st, int64_t a, int64_t b)
{
	enum err e;

	db_bind_int(st, 1, a);
	db_bind_int(st, 2, b);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	return db_changes(db) > 0 ? ERR_OK : ERR_NOTFOUND;
}

enum err
casefile_worker_add(struct db *db, int64_t case_id, int64_t user_id,
    int64_t by_user)
{
	return insert_pair(db_stmt(db, "INSERT INTO case_worker (case_id,"
	    " user_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)"),
	    case_id, user_id, by_user);
}

enum err
casefile_worker_remove(struct db *db, int64_t case_id, int64_t user_id)
{
	return delete_pair(db, db_stmt(db, "DELETE FROM case_worker"
	    " WHERE case_id = ? AND user_id = ?"), case_id, user_id);
}

enum err
casefile_focals(struct db *db, int64_t unit_id, struct casefile_person **out,
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT u.id, u.username,"
	    " u.full_name, u.role, u.unit_id, 1"
	    " FROM cp_focal f JOIN app_user u ON u.id = f.user_id"
	    " WHERE f.unit_id = ? ORDER BY u.full_name");

	db_bind_int(st, 1, unit_id);
	return people(st, out, n);
}

enum err
casefile_focal_add(struct db *db, int64_t unit_id, int64_t user_id,
    int64_t by_user)
{
	return insert_pair(db_stmt(db, "INSERT INTO cp_focal (unit_id,"
	    " user_id, named_by, named_at) VALUES (?, ?, ?, ?)"), unit_id,
	    user_id, by_user);
}

enum err
casefile_focal_remove(struct db *db, int64_t unit_id, int64_t user_id)
{
	return delete_pair(db, db_stmt(db, "DELETE FROM cp_focal"
	    " WHERE unit_id = ? AND user_id = ?"), unit_id, user_id);
}

enum err
casefile_area_officers(struct db *db, struct casefile_person **out,
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, username, full_name,"
	    " role, unit_id, 0 FROM app_user WHERE role = 'area_officer'"
	    " AND active = 1 ORDER BY full_name");

	return people(st, out, n);
}

/* Read list rows from st (the columns of LIST_COLS). */
#define LIST_COLS "c.id, c.unit_id, c.state, c.cycle, c.received_at," \
	" c.serious, c.emergency_due, c.emergency_done_at, c.plan_due," \
	" (SELECT COUNT(*) FROM case_referral r WHERE r.case_id = c.id)"

static enum err
map_row(struct db_stmt *st, const struct casekey *key, void *p)
{
	struct casefile_row *w = p;

	(void)key;
	w->id = db_col_int(st, 0);
	w->unit_id = db_col_int(st, 1);
	w->state = (enum casefile_state)code_col(casefile_states, st, 2);
	w->cycle = (int)db_col_int(st, 3);
	w->received_at = db_col_int(st, 4);
	w->serious = db_col_null(st, 5) ? -1 : (int)db_col_int(st, 5);
	w->emergency_due = db_col_int(st, 6);
	w->emergency_done_at = db_col_int(st, 7);
	snprintf(w->plan_due, sizeof(w->plan_due), "%s", db_col_text(st, 8));
	w->referred = db_col_int(st, 9) > 0;
	return ERR_OK;
}

static enum err
rows(struct db_stmt *st, struct casefile_row **out, size_t *n)
{
	return load(st, NULL, sizeof(**out), map_row, (void **)out, n);
}

enum err
casefile_list_for(struct db *db, int64_t user_id, enum role role,
    int64_t user_unit, struct casefile_row **out, size_t *n)
{
	struct db_stmt *st;

	*out = NULL;
	*n = 0;
	if (role == ROLE_ADMIN)
		return ERR_OK;
	st = db_stmt(db, "SELECT " LIST_COLS " FROM casefile c"
	    " WHERE (? = 1 AND c.unit_id = ?)"
	    " OR c.id IN (SELECT w.case_id FROM case_worker w"
	    " WHERE w.user_id = ?)"
	    " OR (? = 1 AND c.id IN (SELECT f.case_id FROM case_referral f"
	    " WHERE f.to_user_id = ?))"
	    " ORDER BY c.received_at DESC, c.id DESC");
	db_bind_int(st, 1, role == ROLE_PRINCIPAL);
	db_bind_int(st, 2, user_unit);
	db_bind_int(st, 3, user_id);
	db_bind_int(st, 4, role == ROLE_AREA);
	db_bind_int(st, 5, user_id);
	return rows(st, out, n);
}

enum err
casefile_list_reported(struct db *db, int64_t user_id,
    struct casefile_row **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT " LIST_COLS
	    " FROM casefile c WHERE c.reported_by = ?"
	    " ORDER BY c.received_at DESC, c.id DESC");

	db_bind_int(st, 1, user_id);
	return rows(st, out, n);
}

enum err
casefile_notice_list(struct db *db, int64_t case_id, int64_t unit_id,
    int64_t **ids, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT id FROM app_user"
	    " WHERE role = 'principal' AND unit_id = ? AND active = 1"
	    " UNION SELECT w.user_id FROM case_worker w"
	    " JOIN app_user u ON u.id = w.user_id"
	    " WHERE w.case_id = ? AND u.active = 1"
	    " UNION SELECT r.to_user_id FROM case_referral r"
	    " WHERE r.case_id = ? AND r.to_user_id IS NOT NULL");
	size_t cap = 0;
	enum db_rc rc = DB_DONE;

	*ids = NULL;
	*n = 0;
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, case_id);
	db_bind_int(st, 3, case_id);
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t *id = grow((void **)ids, n, &cap, sizeof(*id));

		*id = db_col_int(st, 0);
	}
	db_done(st);
	return rc == DB_FAIL ? ERR_DB : ERR_OK;
}
