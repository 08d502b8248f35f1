/*
 * rollover.c -- the year-end rollover of a school; see rollover.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/audit.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "register/namefold.h"
#include "register/register_db.h"
#include "regstat/regstat.h"
#include "rollover/rollover.h"
#include "units/unit.h"

/* --- class names ---------------------------------------------------------- */

/* The part of s after its first n words (and the space after them). */
static const char *
after_words(const char *s, int n)
{
	while (n-- > 0) {
		const char *sp = strchr(s, ' ');

		if (sp == NULL)
			return "";
		s = sp + 1;
	}
	return s;
}

void
rollover_class_name(const char *cls, int grade, int next_grade, char *out,
    size_t size)
{
	char key[NAMEFOLD_MAX], num[16];
	size_t n = 0;

	namefold(cls, key, sizeof(key));
	if (grade >= 1 && next_grade >= 1) {
		const char *p = cls;

		if (strncmp(key, "lop ", 4) == 0)
			p = after_words(cls, 1);
		while (p[n] >= '0' && p[n] <= '9' && n < 3)
			n++;
		snprintf(num, sizeof(num), "%d", grade);
		if (n > 0 && n == strlen(num) && strncmp(p, num, n) == 0) {
			snprintf(out, size, "%.*s%d%s", (int)(p - cls), cls,
			    next_grade, p + n);
			return;
		}
	} else if (grade < 0 && next_grade == grade + 1) {
		static const struct {
			const char	*key;
			int		 words;
			const char	*next;
		} pre[] = {
			{ "nha tre", 2, "Mầm" }, { "mam", 1, "Chồi" },
			{ "choi", 1, "Lá" },
		};
		size_t i;

		for (i = 0; i < sizeof(pre) / sizeof(pre[0]); i++) {
			size_t kl = strlen(pre[i].key);
			const char *rest;

			if (strncmp(key, pre[i].key, kl) != 0 ||
			    (key[kl] != '\0' && key[kl] != ' '))
				continue;
			rest = after_words(cls, pre[i].words);
			snprintf(out, size, "%s%s%s", pre[i].next,
			    rest[0] ? " " : "", rest);
			return;
		}
	}
	snprintf(out, size, "%s", cls);
}

/* --- planning ------------------------------------------------------------- */

static enum err
next_year(struct db *db, const struct period *from, struct period *to)
{
	char code[32];
	int y = (int)strtol(from->start_on, NULL, 10);

	snprintf(code, sizeof(code), "%d-%d", y + 1, y + 2);
	if (period_get_by_code(db, code, to) != ERR_OK ||
	    to->type != PERIOD_SCHOOL_YEAR)
		return ERR_NOTFOUND;
	return ERR_OK;
}

/* Decide what becomes of one enrolment. */
static void
decide(struct roll_item *it, enum unit_kind kind, bool enrolled_next)
{
	int lo, hi;

	(void)enrol_grade_range(kind, &lo, &hi);
	it->decided = true;
	it->new_status = it->status;
	it->next_grade = it->grade;
	if (it->status == ENROL_TRANSFERRED_OUT ||
	    it->status == ENROL_DROPPED_OUT) {
		it->action = ROLL_SKIP_LEFT;
		return;
	}
	if (enrolled_next) {
		it->action = ROLL_SKIP_ENROLLED;
		return;
	}
	if (it->status == ENROL_STUDYING || it->status == ENROL_TRANSFERRED_IN) {
		it->decided = false;
		it->new_status = enrol_grade_completes(kind, it->grade) ?
		    ENROL_COMPLETED : ENROL_PROMOTED;
	}
	if (it->new_status == ENROL_REPEATED) {
		it->action = ROLL_REPEAT;
		return;
	}
	it->next_grade = it->grade + 1;
	if (it->next_grade > hi) {
		it->action = ROLL_LEAVE_COMPLETED;
		it->next_grade = it->grade;
		return;
	}
	it->action = ROLL_PROMOTE;
}

static void
tally(struct roll_plan *p, const struct roll_item *it)
{
	struct roll_class *c = NULL;
	size_t i;

	for (i = 0; i < p->nclasses; i++)
		if (strcmp(p->classes[i].class_name, it->class_name) == 0 &&
		    p->classes[i].grade == it->grade)
			c = &p->classes[i];
	if (c == NULL) {
		p->classes = xrealloc(p->classes, (p->nclasses + 1) *
		    sizeof(*p->classes));
		c = &p->classes[p->nclasses++];
		memset(c, 0, sizeof(*c));
		memcpy(c->class_name, it->class_name, sizeof(c->class_name));
		c->grade = it->grade;
	}
	c->n[it->action]++;
	p->total[it->action]++;
	if (!it->decided && it->action != ROLL_SKIP_LEFT &&
	    it->action != ROLL_SKIP_ENROLLED) {
		c->undecided++;
		p->undecided++;
	}
	if (it->action != ROLL_PROMOTE && it->action != ROLL_REPEAT)
		return;
	for (i = 0; i < p->nnext; i++)
		if (strcmp(p->next[i].class_name, it->next_class) == 0 &&
		    p->next[i].grade == it->next_grade) {
			p->next[i].n++;
			return;
		}
	p->next = xrealloc(p->next, (p->nnext + 1) * sizeof(*p->next));
	memcpy(p->next[p->nnext].class_name, it->next_class,
	    sizeof(p->next[0].class_name));
	p->next[p->nnext].grade = it->next_grade;
	p->next[p->nnext].n = 1;
	p->nnext++;
}

enum err
rollover_plan(struct db *db, int64_t unit_id, const struct period *from,
    struct roll_plan *p)
{
	struct db_stmt *st;
	enum unit_kind kind;
	enum db_rc rc;
	enum err e;
	size_t cap = 0;
	int64_t v;

	memset(p, 0, sizeof(*p));
	p->unit_id = unit_id;
	p->from = *from;
	st = db_stmt(db, "SELECT kind FROM unit WHERE id = ?");
	db_bind_int(st, 1, unit_id);
	rc = db_step(st);
	if (rc != DB_ROW || !unit_kind_from_code(db_col_text(st, 0), &kind) ||
	    !unit_kinds[kind].school) {
		db_done(st);
		return rc == DB_ROW || rc == DB_DONE ? ERR_NOTFOUND : ERR_DB;
	}
	db_done(st);
	if ((e = next_year(db, from, &p->to)) != ERR_OK)
		return e;
	st = db_stmt(db, "SELECT id FROM rollover WHERE unit_id = ?"
	    " AND from_period_id = ? AND undone_at IS NULL");
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, from->id);
	if ((e = db_one_int(st, &v)) == ERR_OK)
		p->active_rollover = v;
	else if (e != ERR_NOTFOUND)
		return e;
	st = db_stmt(db, "SELECT e.id, e.child_id, e.status, e.grade,"
	    " e.class_name, EXISTS (SELECT 1 FROM enrolment n"
	    " WHERE n.child_id = e.child_id AND n.period_id = ?)"
	    " FROM enrolment e WHERE e.unit_id = ? AND e.period_id = ?"
	    " ORDER BY e.class_name, e.id");
	db_bind_int(st, 1, p->to.id);
	db_bind_int(st, 2, unit_id);
	db_bind_int(st, 3, from->id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct roll_item *it;
		int s;

		if (p->nitems == cap) {
			cap = cap ? cap * 2 : 256;
			p->items = xrealloc(p->items, cap * sizeof(*p->items));
		}
		it = &p->items[p->nitems++];
		memset(it, 0, sizeof(*it));
		it->enrolment_id = db_col_int(st, 0);
		it->child_id = db_col_int(st, 1);
		s = reg_code_find(enrol_statuses, ENROL__MAX,
		    db_col_text(st, 2));
		it->status = s >= 0 ? (enum enrol_status)s : ENROL_STUDYING;
		it->grade = (int)db_col_int(st, 3);
		snprintf(it->class_name, sizeof(it->class_name), "%s",
		    db_col_text(st, 4));
		decide(it, kind, db_col_int(st, 5) != 0);
		if (it->action == ROLL_PROMOTE || it->action == ROLL_REPEAT)
			rollover_class_name(it->class_name, it->grade,
			    it->next_grade, it->next_class,
			    sizeof(it->next_class));
	}
	db_done(st);
	if (rc != DB_DONE)
		return ERR_DB;
	{
		size_t i;

		for (i = 0; i < p->nitems; i++)
			tally(p, &p->items[i]);
	}
	return ERR_OK;
}

void
rollover_plan_free(struct roll_plan *p)
{
	free(p->items);
	free(p->classes);
	free(p->next);
	memset(p, 0, sizeof(*p));
}

/* --- applying ------------------------------------------------------------- */

static enum err
item_row(struct db *db, int64_t rid, const struct roll_item *it,
    const char *old_on, int64_t next_id)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO rollover_item"
	    " (rollover_id, enrolment_id, old_status, old_status_on,"
	    " new_status, next_enrolment_id) VALUES (?, ?, ?, ?, ?, ?)");

	db_bind_int(st, 1, rid);
	db_bind_int(st, 2, it->enrolment_id);
	db_bind_text(st, 3, enrol_statuses[it->status].code);
	db_bind_text(st, 4, old_on);
	db_bind_text(st, 5, enrol_statuses[it->new_status].code);
	if (next_id != 0)
		db_bind_int(st, 6, next_id);
	else
		db_bind_null(st, 6);
	return db_run(st);
}

static enum err
apply_item(struct db *db, const struct roll_plan *p, int64_t rid,
    const struct roll_item *it, int64_t user_id, const char *on)
{
	struct enrolment e, n;
	char old_on[11];
	int64_t next_id = 0;
	enum err err;

	if (it->action == ROLL_SKIP_LEFT || it->action == ROLL_SKIP_ENROLLED)
		return ERR_OK;
	if ((err = enrolment_get(db, it->enrolment_id, &e)) != ERR_OK)
		return err;
	memcpy(old_on, e.status_on, sizeof(old_on));
	if (!it->decided) {
		e.status = it->new_status;
		memcpy(e.status_on, on, 11);
		if ((err = enrolment_update(db, &e, user_id, "rollover")) !=
		    ERR_OK)
			return err;
	}
	if (it->action == ROLL_PROMOTE || it->action == ROLL_REPEAT) {
		memset(&n, 0, sizeof(n));
		n.child_id = it->child_id;
		n.unit_id = p->unit_id;
		n.period_id = p->to.id;
		memcpy(n.class_name, it->next_class, sizeof(n.class_name));
		n.grade = it->next_grade;
		n.status = ENROL_STUDYING;
		memcpy(n.entered_on, p->to.start_on, 11);
		memcpy(n.status_on, p->to.start_on, 11);
		n.dropout_reason = DROPOUT__MAX;
		n.demo = e.demo;
		if ((err = enrolment_insert(db, &n, user_id, &next_id)) !=
		    ERR_OK)
			return err;
	}
	return item_row(db, rid, it, old_on, next_id);
}

static enum err
finish(struct db *db, int64_t unit_id, int64_t user_id, const char *action,
    int64_t rid, const char *detail)
{
	char obj[48];
	enum err e;

	snprintf(obj, sizeof(obj), "rollover:%lld", (long long)rid);
	if ((e = regstat_after_change(db, &unit_id, 1)) != ERR_OK ||
	    (e = audit(db, user_id, action, obj, detail)) != ERR_OK ||
	    (e = db_bump_generation(db)) != ERR_OK)
		return e;
	return db_commit(db);
}

enum err
rollover_apply(struct db *db, const struct roll_plan *p, int64_t user_id,
    const char *today, int64_t *id)
{
	struct db_stmt *st;
	char on[11], detail[160];
	int64_t rid = 0, v;
	enum err e;
	size_t i;

	/* Year-end statuses take the year's last day, or today if earlier. */
	memcpy(on, strcmp(today, p->from.end_on) < 0 ? today : p->from.end_on,
	    11);
	if ((e = db_begin(db)) != ERR_OK)
		return e;
	st = db_stmt(db, "SELECT id FROM rollover WHERE unit_id = ?"
	    " AND from_period_id = ? AND undone_at IS NULL");
	db_bind_int(st, 1, p->unit_id);
	db_bind_int(st, 2, p->from.id);
	if ((e = db_one_int(st, &v)) == ERR_OK) {
		e = ERR_CONFLICT;
		goto fail;
	}
	if (e != ERR_NOTFOUND)
		goto fail;
	st = db_stmt(db, "INSERT INTO rollover (unit_id, from_period_id,"
	    " to_period_id, applied_by, applied_at) VALUES (?, ?, ?, ?, ?)");
	db_bind_int(st, 1, p->unit_id);
	db_bind_int(st, 2, p->from.id);
	db_bind_int(st, 3, p->to.id);
	if (user_id != 0)
		db_bind_int(st, 4, user_id);
	else
		db_bind_null(st, 4);
	db_bind_int(st, 5, (int64_t)time(NULL));
	if ((e = db_run(st)) != ERR_OK)
		goto fail;
	rid = db_last_id(db);
	for (i = 0; i < p->nitems; i++)
		if ((e = apply_item(db, p, rid, &p->items[i], user_id, on)) !=
		    ERR_OK)
			goto fail;
	snprintf(detail, sizeof(detail), "unit %lld %s -> %s: promoted %zu, "
	    "repeated %zu, completed %zu", (long long)p->unit_id, p->from.code,
	    p->to.code, p->total[ROLL_PROMOTE], p->total[ROLL_REPEAT],
	    p->total[ROLL_LEAVE_COMPLETED]);
	if ((e = finish(db, p->unit_id, user_id, "register.rollover", rid,
	    detail)) != ERR_OK)
		goto fail;
	if (id != NULL)
		*id = rid;
	return ERR_OK;
fail:
	db_rollback(db);
	/* A child enrolled elsewhere meanwhile: the unique index says so. */
	return e == ERR_DB ? ERR_DB : e;
}

/* --- undoing -------------------------------------------------------------- */

struct undo_item {
	int64_t		 enrolment_id;
	int64_t		 next_id;
	char		 old_status[20];
	char		 old_on[11];
	char		 new_status[20];
};

/* Has next-year enrolment id changed since the rollover opened it? */
static enum err
changed_since(struct db *db, int64_t id, bool *changed, int64_t *child)
{
	struct db_stmt *st = db_stmt(db, "SELECT e.status, e.child_id,"
	    " (SELECT COUNT(*) FROM enrolment_event v WHERE v.enrolment_id ="
	    " e.id), (SELECT COUNT(*) FROM absence a WHERE a.enrolment_id ="
	    " e.id) FROM enrolment e WHERE e.id = ?");
	enum db_rc rc;

	db_bind_int(st, 1, id);
	*changed = false;
	rc = db_step(st);
	if (rc == DB_ROW) {
		*child = db_col_int(st, 1);
		*changed = strcmp(db_col_text(st, 0), "studying") != 0 ||
		    db_col_int(st, 2) > 1 || db_col_int(st, 3) > 0;
	}
	db_done(st);
	return rc == DB_ROW || rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err
rollover_undo(struct db *db, int64_t unit_id, int64_t id, int64_t user_id,
    struct buf *why_vi, struct buf *why_en)
{
	struct undo_item *it = NULL;
	struct db_stmt *st;
	size_t n = 0, i;
	enum db_rc rc;
	enum err e;

	if ((e = db_begin(db)) != ERR_OK)
		return e;
	st = db_stmt(db, "SELECT undone_at IS NOT NULL FROM rollover"
	    " WHERE id = ? AND unit_id = ?");
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, unit_id);
	rc = db_step(st);
	if (rc != DB_ROW) {
		db_done(st);
		e = rc == DB_DONE ? ERR_NOTFOUND : ERR_DB;
		goto fail;
	}
	if (db_col_int(st, 0) != 0) {
		db_done(st);
		buf_puts(why_vi, "Lần chuyển năm học này đã được hoàn tác.");
		buf_puts(why_en, "This rollover was undone already.");
		e = ERR_CONFLICT;
		goto fail;
	}
	db_done(st);
	st = db_stmt(db, "SELECT enrolment_id, COALESCE(next_enrolment_id, 0),"
	    " old_status, old_status_on, new_status FROM rollover_item"
	    " WHERE rollover_id = ?");
	db_bind_int(st, 1, id);
	while ((rc = db_step(st)) == DB_ROW) {
		it = xrealloc(it, (n + 1) * sizeof(*it));
		it[n].enrolment_id = db_col_int(st, 0);
		it[n].next_id = db_col_int(st, 1);
		snprintf(it[n].old_status, sizeof(it[n].old_status), "%s",
		    db_col_text(st, 2));
		snprintf(it[n].old_on, sizeof(it[n].old_on), "%s",
		    db_col_text(st, 3));
		snprintf(it[n].new_status, sizeof(it[n].new_status), "%s",
		    db_col_text(st, 4));
		n++;
	}
	db_done(st);
	if (rc != DB_DONE) {
		e = ERR_DB;
		goto fail;
	}
	for (i = 0; i < n; i++) {
		bool changed;
		int64_t child = 0;

		if (it[i].next_id == 0)
			continue;
		if ((e = changed_since(db, it[i].next_id, &changed, &child)) !=
		    ERR_OK)
			goto fail;
		if (changed) {
			struct child c;
			const char *name = child_get(db, child, &c) == ERR_OK ?
			    c.full_name : "?";

			buf_printf(why_vi, "Không hoàn tác được: hồ sơ năm học mới "
			    "của %s đã được thay đổi sau khi chuyển năm học.",
			    name);
			buf_printf(why_en, "Cannot undo: the new school year's "
			    "record of %s has changed since the rollover.", name);
			e = ERR_CONFLICT;
			goto fail;
		}
		st = db_stmt(db, "DELETE FROM enrolment WHERE id = ?");
		db_bind_int(st, 1, it[i].next_id);
		if ((e = db_run(st)) != ERR_OK ||
		    (e = child_refresh_school(db, child)) != ERR_OK)
			goto fail;
	}
	for (i = 0; i < n; i++) {
		struct enrolment en;
		int s;

		if (strcmp(it[i].old_status, it[i].new_status) == 0)
			continue;
		if ((e = enrolment_get(db, it[i].enrolment_id, &en)) != ERR_OK)
			goto fail;
		s = reg_code_find(enrol_statuses, ENROL__MAX, it[i].old_status);
		en.status = s >= 0 ? (enum enrol_status)s : ENROL_STUDYING;
		memcpy(en.status_on, it[i].old_on, sizeof(en.status_on));
		if ((e = enrolment_update(db, &en, user_id, "rollover undone")) !=
		    ERR_OK)
			goto fail;
	}
	st = db_stmt(db, "UPDATE rollover SET undone_at = ?, undone_by = ?"
	    " WHERE id = ?");
	db_bind_int(st, 1, (int64_t)time(NULL));
	if (user_id != 0)
		db_bind_int(st, 2, user_id);
	else
		db_bind_null(st, 2);
	db_bind_int(st, 3, id);
	if ((e = db_run(st)) != ERR_OK ||
	    (e = finish(db, unit_id, user_id, "register.rollover_undo", id,
	    "")) != ERR_OK)
		goto fail;
	free(it);
	return ERR_OK;
fail:
	db_rollback(db);
	free(it);
	return e;
}
