/*
 * child_db.c -- the rows of a child: identity, guardians, disability,
 * special circumstances and consents (see register_db.h).  Every function
 * runs inside the caller's transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "register/namefold.h"
#include "register/register_db.h"

/* Copy column col of st into a fixed buffer. */
#define COPY(dst, st, col) \
	snprintf((dst), sizeof(dst), "%s", db_col_text((st), (col)))

static void
bind_opt_text(struct db_stmt *st, int idx, const char *s)
{
	if (s == NULL || s[0] == '\0')
		db_bind_null(st, idx);
	else
		db_bind_text(st, idx, s);
}

static void
bind_opt_int(struct db_stmt *st, int idx, int64_t v)
{
	if (v > 0)
		db_bind_int(st, idx, v);
	else
		db_bind_null(st, idx);
}

#define CHILD_COLS "id, full_name, name_key, sex, birth_date," \
	" COALESCE(ethnicity, ''), COALESCE(personal_id, '')," \
	" COALESCE(learner_code, ''), address, household," \
	" COALESCE(school_id, 0), is_demo"

static void
child_row(struct db_stmt *st, void *out)
{
	struct child *c = out;
	int i;

	memset(c, 0, sizeof(*c));
	c->id = db_col_int(st, 0);
	COPY(c->full_name, st, 1);
	COPY(c->name_key, st, 2);
	c->sex = strcmp(db_col_text(st, 3), "f") == 0 ? CHILD_SEX_F :
	    CHILD_SEX_M;
	COPY(c->birth_date, st, 4);
	COPY(c->ethnicity, st, 5);
	COPY(c->personal_id, st, 6);
	COPY(c->learner_code, st, 7);
	COPY(c->address, st, 8);
	i = reg_code_find(child_households, CHILD_HH__MAX, db_col_text(st, 9));
	c->household = i >= 0 ? (enum child_household)i : CHILD_HH_NONE;
	c->school_id = db_col_int(st, 10);
	c->demo = db_col_int(st, 11) != 0;
}

enum err
child_get(struct db *db, int64_t id, struct child *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " CHILD_COLS
	    " FROM child WHERE id = ?");

	db_bind_int(st, 1, id);
	return db_one_row(st, child_row, out);
}

/* Bind the identity columns of c at 1..9 in the order of CHILD_COLS. */
static void
bind_identity(struct db_stmt *st, const struct child *c, const char *key)
{
	db_bind_text(st, 1, c->full_name);
	db_bind_text(st, 2, key);
	db_bind_text(st, 3, child_sexes[c->sex].code);
	db_bind_text(st, 4, c->birth_date);
	bind_opt_text(st, 5, c->ethnicity);
	bind_opt_text(st, 6, c->personal_id);
	bind_opt_text(st, 7, c->learner_code);
	db_bind_text(st, 8, c->address);
	db_bind_text(st, 9, child_households[c->household].code);
}

enum err
child_insert(struct db *db, const struct child *c, int64_t *id)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO child (full_name,"
	    " name_key, sex, birth_date, ethnicity, personal_id, learner_code,"
	    " address, household, school_id, is_demo, created_at, updated_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	char key[NAMEFOLD_MAX];
	int64_t now = (int64_t)time(NULL);
	enum err e;

	if (c->name_key[0] == '\0')
		namefold(c->full_name, key, sizeof(key));
	else
		snprintf(key, sizeof(key), "%s", c->name_key);
	bind_identity(st, c, key);
	bind_opt_int(st, 10, c->school_id);
	db_bind_int(st, 11, c->demo);
	db_bind_int(st, 12, now);
	db_bind_int(st, 13, now);
	if ((e = db_run(st)) == ERR_OK && id != NULL)
		*id = db_last_id(db);
	return e;
}

enum err
child_update_row(struct db *db, const struct child *c)
{
	struct db_stmt *st = db_stmt(db, "UPDATE child SET full_name = ?,"
	    " name_key = ?, sex = ?, birth_date = ?, ethnicity = ?,"
	    " personal_id = ?, learner_code = ?, address = ?, household = ?,"
	    " updated_at = ? WHERE id = ?");
	char key[NAMEFOLD_MAX];
	enum err e;

	namefold(c->full_name, key, sizeof(key));
	bind_identity(st, c, key);
	db_bind_int(st, 10, (int64_t)time(NULL));
	db_bind_int(st, 11, c->id);
	if ((e = db_run(st)) == ERR_OK && db_changes(db) == 0)
		e = ERR_NOTFOUND;
	return e;
}

enum err
child_find_pid(struct db *db, const char *pid, int64_t *id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id FROM child"
	    " WHERE personal_id = ?");

	db_bind_text(st, 1, pid);
	return db_one_int(st, id);
}

enum err
child_find_learner(struct db *db, const char *code, int64_t *id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id FROM child"
	    " WHERE learner_code = ?");

	db_bind_text(st, 1, code);
	return db_one_int(st, id);
}

enum err
child_refresh_school(struct db *db, int64_t child_id)
{
	struct db_stmt *st = db_stmt(db, "UPDATE child SET school_id ="
	    " (SELECT e.unit_id FROM enrolment e"
	    " JOIN period p ON p.id = e.period_id WHERE e.child_id = child.id"
	    " ORDER BY p.start_on DESC, CASE WHEN e.status IN"
	    " ('transferred_out', 'dropped_out') THEN 1 ELSE 0 END, e.id DESC"
	    " LIMIT 1) WHERE id = ?");

	db_bind_int(st, 1, child_id);
	return db_run(st);
}

static void
guardian_row(struct db_stmt *st, void *out)
{
	struct guardian *g = out;
	int i;

	memset(g, 0, sizeof(*g));
	g->id = db_col_int(st, 0);
	g->seq = (int)db_col_int(st, 1);
	COPY(g->full_name, st, 2);
	i = reg_code_find(guardian_rels, GUARDIAN__MAX, db_col_text(st, 3));
	g->relation = i >= 0 ? (enum guardian_rel)i : GUARDIAN_OTHER;
	COPY(g->phone, st, 4);
	COPY(g->address, st, 5);
}

enum err
guardians_get(struct db *db, int64_t child_id, struct guardian **out,
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, seq, full_name, relation,"
	    " phone, address FROM guardian WHERE child_id = ? ORDER BY seq");

	db_bind_int(st, 1, child_id);
	return db_all_rows(st, sizeof(**out), guardian_row, (void **)out, n);
}

enum err
guardians_put(struct db *db, int64_t child_id, const struct guardian *g,
    size_t n)
{
	struct db_stmt *st;
	enum err e;
	size_t i;

	for (i = 0; i < n; i++) {
		st = db_stmt(db, "INSERT INTO guardian (child_id, seq,"
		    " full_name, relation, phone, address)"
		    " VALUES (?, ?, ?, ?, ?, ?)"
		    " ON CONFLICT (child_id, seq) DO UPDATE SET"
		    " full_name = excluded.full_name,"
		    " relation = excluded.relation, phone = excluded.phone,"
		    " address = excluded.address");
		db_bind_int(st, 1, child_id);
		db_bind_int(st, 2, (int64_t)i + 1);
		db_bind_text(st, 3, g[i].full_name);
		db_bind_text(st, 4, guardian_rels[g[i].relation].code);
		db_bind_text(st, 5, g[i].phone);
		db_bind_text(st, 6, g[i].address);
		if ((e = db_run(st)) != ERR_OK)
			return e;
	}
	st = db_stmt(db, "DELETE FROM guardian WHERE child_id = ? AND seq > ?");
	db_bind_int(st, 1, child_id);
	db_bind_int(st, 2, (int64_t)n);
	return db_run(st);
}

static void
disability_row(struct db_stmt *st, void *out)
{
	struct disability *d = out;
	int i;

	memset(d, 0, sizeof(*d));
	i = reg_code_find(dis_kinds, DIS_KIND__MAX, db_col_text(st, 0));
	d->kind = i >= 0 ? (enum dis_kind)i : DIS_OTHER;
	i = reg_code_find(dis_severities, DIS_SEV__MAX, db_col_text(st, 1));
	d->severity = i >= 0 ? (enum dis_severity)i : DIS_SEV_UNKNOWN;
	d->learning_needs = db_col_int(st, 2) != 0;
	i = reg_code_find(dis_educations, DIS_EDU__MAX, db_col_text(st, 3));
	d->education = i >= 0 ? (enum dis_education)i : DIS_EDU_NONE;
	d->rehab_support = db_col_int(st, 4) != 0;
	COPY(d->since, st, 5);
	COPY(d->note, st, 6);
}

enum err
disability_get(struct db *db, int64_t child_id, struct disability *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT kind, severity,"
	    " learning_needs, education, rehab_support, COALESCE(since, ''),"
	    " note FROM child_disability WHERE child_id = ?");

	db_bind_int(st, 1, child_id);
	return db_one_row(st, disability_row, out);
}

enum err
disability_put(struct db *db, int64_t child_id, const struct disability *d)
{
	struct db_stmt *st;

	if (d == NULL) {
		st = db_stmt(db, "DELETE FROM child_disability"
		    " WHERE child_id = ?");
		db_bind_int(st, 1, child_id);
		return db_run(st);
	}
	st = db_stmt(db, "INSERT INTO child_disability (child_id, kind,"
	    " severity, learning_needs, education, rehab_support, since, note)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
	    " ON CONFLICT (child_id) DO UPDATE SET kind = excluded.kind,"
	    " severity = excluded.severity,"
	    " learning_needs = excluded.learning_needs,"
	    " education = excluded.education,"
	    " rehab_support = excluded.rehab_support, since = excluded.since,"
	    " note = excluded.note");
	db_bind_int(st, 1, child_id);
	db_bind_text(st, 2, dis_kinds[d->kind].code);
	db_bind_text(st, 3, dis_severities[d->severity].code);
	db_bind_int(st, 4, d->learning_needs);
	db_bind_text(st, 5, dis_educations[d->education].code);
	db_bind_int(st, 6, d->rehab_support);
	bind_opt_text(st, 7, d->since);
	db_bind_text(st, 8, d->note);
	return db_run(st);
}

static void
circumstance_row(struct db_stmt *st, void *out)
{
	struct circumstance *c = out;

	memset(c, 0, sizeof(*c));
	c->id = db_col_int(st, 0);
	c->child_id = db_col_int(st, 1);
	c->group = circ_group_find(db_col_text(st, 2));
	if (c->group < 0)
		c->group = 0;
	COPY(c->sub_group, st, 3);
	COPY(c->from_on, st, 4);
	COPY(c->to_on, st, 5);
	COPY(c->note, st, 6);
}

enum err
circumstances_get(struct db *db, int64_t child_id, struct circumstance **out,
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, child_id, grp, sub_group,"
	    " from_on, COALESCE(to_on, ''), note FROM child_circumstance"
	    " WHERE child_id = ? ORDER BY from_on DESC, id DESC");

	db_bind_int(st, 1, child_id);
	return db_all_rows(st, sizeof(**out), circumstance_row, (void **)out,
	    n);
}

enum err
circumstance_insert(struct db *db, const struct circumstance *c, int64_t *id)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO child_circumstance"
	    " (child_id, grp, sub_group, from_on, to_on, note)"
	    " VALUES (?, ?, ?, ?, ?, ?)");
	enum err e;

	db_bind_int(st, 1, c->child_id);
	db_bind_text(st, 2, circ_groups[c->group].letter);
	db_bind_text(st, 3, c->sub_group);
	db_bind_text(st, 4, c->from_on);
	bind_opt_text(st, 5, c->to_on);
	db_bind_text(st, 6, c->note);
	if ((e = db_run(st)) == ERR_OK && id != NULL)
		*id = db_last_id(db);
	return e;
}

enum err
circumstance_end(struct db *db, int64_t child_id, int64_t id,
    const char *to_on)
{
	struct db_stmt *st = db_stmt(db, "UPDATE child_circumstance"
	    " SET to_on = ? WHERE id = ? AND child_id = ?");
	enum err e;

	db_bind_text(st, 1, to_on);
	db_bind_int(st, 2, id);
	db_bind_int(st, 3, child_id);
	if ((e = db_run(st)) == ERR_OK && db_changes(db) == 0)
		e = ERR_NOTFOUND;
	return e;
}

static void
consent_row(struct db_stmt *st, void *out)
{
	struct consent *c = out;
	int i;

	memset(c, 0, sizeof(*c));
	c->id = db_col_int(st, 0);
	c->child_id = db_col_int(st, 1);
	i = reg_code_find(consent_purposes, CONSENT_PURPOSE__MAX,
	    db_col_text(st, 2));
	c->purpose = i >= 0 ? (enum consent_purpose)i : CONSENT_CARE;
	i = reg_code_find(consent_whos, CONSENT_WHO__MAX, db_col_text(st, 3));
	c->who = i >= 0 ? (enum consent_who)i : CONSENT_GUARDIAN;
	c->guardian_id = db_col_int(st, 4);
	i = reg_code_find(consent_states, CONSENT_STATE__MAX,
	    db_col_text(st, 5));
	c->state = i >= 0 ? (enum consent_state)i : CONSENT_REFUSED;
	COPY(c->on_date, st, 6);
	c->recorded_by = db_col_int(st, 7);
	c->recorded_at = db_col_int(st, 8);
	COPY(c->note, st, 9);
}

enum err
consents_get(struct db *db, int64_t child_id, struct consent **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, child_id, purpose, who,"
	    " COALESCE(guardian_id, 0), state, on_date,"
	    " COALESCE(recorded_by, 0), recorded_at, note FROM consent"
	    " WHERE child_id = ? ORDER BY on_date DESC, id DESC");

	db_bind_int(st, 1, child_id);
	return db_all_rows(st, sizeof(**out), consent_row, (void **)out, n);
}

enum err
consent_insert(struct db *db, const struct consent *c, int64_t *id)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO consent (child_id,"
	    " purpose, who, guardian_id, state, on_date, recorded_by,"
	    " recorded_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	enum err e;

	db_bind_int(st, 1, c->child_id);
	db_bind_text(st, 2, consent_purposes[c->purpose].code);
	db_bind_text(st, 3, consent_whos[c->who].code);
	bind_opt_int(st, 4, c->guardian_id);
	db_bind_text(st, 5, consent_states[c->state].code);
	db_bind_text(st, 6, c->on_date);
	bind_opt_int(st, 7, c->recorded_by);
	db_bind_int(st, 8, c->recorded_at > 0 ? c->recorded_at :
	    (int64_t)time(NULL));
	db_bind_text(st, 9, c->note);
	if ((e = db_run(st)) == ERR_OK && id != NULL)
		*id = db_last_id(db);
	return e;
}
