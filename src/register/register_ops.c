/*
 * register_ops.c -- the changes a user makes to the register, each in one
 * transaction with the data generation bump and its audit row (see
 * register_db.h).  Nothing is checked here: the model did it.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "auth/audit.h"
#include "db/db.h"
#include "register/register_db.h"

/*
 * End an operation: on success bump the generation (when the change can
 * move a computed figure), audit and commit; otherwise (or if any of
 * those fails) roll back.  Returns the outcome.
 */
static enum err
op_end(struct db *db, enum err e, bool bump, int64_t user_id,
    const char *action, const char *object, const char *detail)
{
	if (e == ERR_OK && bump)
		e = db_bump_generation(db);
	if (e == ERR_OK)
		e = audit(db, user_id, action, object, detail);
	if (e == ERR_OK)
		e = db_commit(db);
	if (e != ERR_OK)
		db_rollback(db);
	return e;
}

static void
object_of(char *out, size_t size, const char *kind, int64_t id)
{
	snprintf(out, size, "%s:%lld", kind, (long long)id);
}

enum err
register_create_child(struct db *db, const struct child *c,
    const struct guardian *g, size_t ng, const struct disability *d,
    struct enrolment *e, int64_t user_id, int64_t *child_id)
{
	char object[48], detail[160];
	int64_t id = 0;
	enum err err;

	if ((err = db_begin(db)) != ERR_OK)
		return err;
	if ((err = child_insert(db, c, &id)) != ERR_OK)
		goto out;
	e->child_id = id;
	if ((err = guardians_put(db, id, g, ng)) != ERR_OK ||
	    (d != NULL && (err = disability_put(db, id, d)) != ERR_OK) ||
	    (err = enrolment_insert(db, e, user_id, &e->id)) != ERR_OK)
		goto out;
	if (child_id != NULL)
		*child_id = id;
out:
	object_of(object, sizeof(object), "child", id);
	snprintf(detail, sizeof(detail), "unit %lld, period %lld, class %s",
	    (long long)e->unit_id, (long long)e->period_id, e->class_name);
	return op_end(db, err, true, user_id, "child.create", object, detail);
}

enum err
register_update_child(struct db *db, const struct child *c,
    const struct guardian *g, size_t ng, const struct disability *d,
    int64_t user_id)
{
	char object[48];
	enum err err;

	if ((err = db_begin(db)) != ERR_OK)
		return err;
	if ((err = child_update_row(db, c)) == ERR_OK &&
	    (err = guardians_put(db, c->id, g, ng)) == ERR_OK)
		err = disability_put(db, c->id, d);
	object_of(object, sizeof(object), "child", c->id);
	return op_end(db, err, true, user_id, "child.update", object, "");
}

enum err
register_change_status(struct db *db, const struct enrolment *e,
    int64_t user_id)
{
	struct enrolment old;
	char object[48], detail[200];
	enum err err;

	if ((err = db_begin(db)) != ERR_OK)
		return err;
	if ((err = enrolment_get(db, e->id, &old)) != ERR_OK)
		goto out;
	snprintf(detail, sizeof(detail), "%s -> %s on %s",
	    enrol_statuses[old.status].code, enrol_statuses[e->status].code,
	    e->status_on);
	err = enrolment_update(db, e, user_id, e->status == ENROL_DROPPED_OUT &&
	    e->dropout_reason < DROPOUT__MAX ?
	    dropout_reasons[e->dropout_reason].code : e->to_school);
out:
	object_of(object, sizeof(object), "enrolment", e->id);
	if (err != ERR_OK)
		detail[0] = '\0';
	return op_end(db, err, true, user_id, "enrolment.status", object,
	    detail);
}

enum err
register_transfer(struct db *db, const struct enrolment *old,
    struct enrolment *new_, int64_t user_id)
{
	char object[48], detail[160];
	enum err err;

	if ((err = db_begin(db)) != ERR_OK)
		return err;
	snprintf(detail, sizeof(detail), "unit %lld -> unit %lld on %s",
	    (long long)old->unit_id, (long long)new_->unit_id, old->status_on);
	if ((err = enrolment_update(db, old, user_id, detail)) == ERR_OK)
		err = enrolment_insert(db, new_, user_id, &new_->id);
	object_of(object, sizeof(object), "child", old->child_id);
	return op_end(db, err, true, user_id, "child.transfer", object, detail);
}

enum err
register_add_circumstance(struct db *db, struct circumstance *c,
    int64_t user_id)
{
	char object[48];
	enum err err;

	if ((err = db_begin(db)) != ERR_OK)
		return err;
	err = circumstance_insert(db, c, &c->id);
	object_of(object, sizeof(object), "child", c->child_id);
	return op_end(db, err, true, user_id, "child.circumstance", object,
	    "added");
}

enum err
register_end_circumstance(struct db *db, int64_t child_id, int64_t id,
    const char *to_on, int64_t user_id)
{
	char object[48];
	enum err err;

	if ((err = db_begin(db)) != ERR_OK)
		return err;
	err = circumstance_end(db, child_id, id, to_on);
	object_of(object, sizeof(object), "child", child_id);
	return op_end(db, err, true, user_id, "child.circumstance", object,
	    "ended");
}

enum err
register_add_consent(struct db *db, struct consent *c, int64_t user_id)
{
	char object[48], detail[96];
	enum err err;

	if ((err = db_begin(db)) != ERR_OK)
		return err;
	c->recorded_by = user_id;
	err = consent_insert(db, c, &c->id);
	object_of(object, sizeof(object), "child", c->child_id);
	snprintf(detail, sizeof(detail), "%s %s %s",
	    consent_purposes[c->purpose].code, consent_whos[c->who].code,
	    consent_states[c->state].code);
	return op_end(db, err, false, user_id, "child.consent", object, detail);
}

enum err
register_save_absences(struct db *db, int64_t child_id, int64_t enrolment_id,
    const struct absence abs[2], int64_t user_id)
{
	char object[48], detail[96];
	enum err err;

	if ((err = db_begin(db)) != ERR_OK)
		return err;
	if ((err = absence_put(db, enrolment_id, &abs[0])) == ERR_OK)
		err = absence_put(db, enrolment_id, &abs[1]);
	object_of(object, sizeof(object), "child", child_id);
	snprintf(detail, sizeof(detail), "enrolment %lld: %d+%d, %d+%d",
	    (long long)enrolment_id, abs[0].excused, abs[0].unexcused,
	    abs[1].excused, abs[1].unexcused);
	return op_end(db, err, false, user_id, "enrolment.absence", object,
	    detail);
}

enum err
register_log_view(struct db *db, int64_t child_id, int64_t user_id)
{
	char object[48];

	object_of(object, sizeof(object), "child", child_id);
	return audit(db, user_id, "child.view", object, "");
}
