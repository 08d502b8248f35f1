/*
 * plan_db_save.c -- write a plan: resolve the codes it names, validate,
 * then insert it (or replace an existing one) with all its parts, bump
 * the data generation and add an audit row -- in one transaction, so on
 * any error the database is exactly as before.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth/audit.h"
#include "core/buf.h"
#include "db/db.h"
#include "plans/plan_db.h"

/* Find the owner unit, indicators, implemented plan and cited plans. */
static void
resolve(struct db *db, struct plan *p, const struct plan_catalogue *cat,
    int64_t self, struct plan_errs *errs)
{
	struct db_stmt *st;
	size_t i;
	char vi[256], en[256];

	if (p->unit[0] != '\0') {
		st = db_stmt(db, "SELECT id FROM unit WHERE code = ?");
		db_bind_text(st, 1, p->unit);
		if (db_one_int(st, &p->unit_id) != ERR_OK) {
			snprintf(vi, sizeof(vi), "không có đơn vị mang mã «%.80s».",
			    p->unit);
			snprintf(en, sizeof(en), "no unit has the code \"%.80s\".",
			    p->unit);
			plan_err(errs, "unit", vi, en);
		}
	}
	for (i = 0; i < p->ntargets; i++) {
		const struct plan_indicator *ind =
		    plan_catalogue_find(cat, p->targets[i].indicator);

		p->targets[i].indicator_id = ind ? ind->id : 0;
	}
	p->implements_id = 0;
	if (p->implements[0] != '\0') {
		p->implements_id = plan_db_find_ref(db, p->implements);
		if (p->implements_id == 0) {
			snprintf(vi, sizeof(vi), "chưa có kế hoạch «%.80s» trong "
			    "vitre; hãy nhập kế hoạch đó trước.", p->implements);
			snprintf(en, sizeof(en), "there is no plan \"%.80s\" in "
			    "vitre; import that plan first.", p->implements);
			plan_err(errs, "implements", vi, en);
		} else if (p->implements_id == self)
			plan_err(errs, "implements", "kế hoạch không thể thực "
			    "hiện chính nó.", "a plan cannot implement itself.");
	}
	for (i = 0; i < p->nbasis; i++) {
		int64_t id = p->basis[i].ref[0] ?
		    plan_db_find_ref(db, p->basis[i].ref) : 0;

		p->basis[i].ref_plan_id = id == self ? 0 : id;
	}
}

/* Is the same document already in vitre (another row)? */
static void
duplicate(struct db *db, const struct plan *p, int64_t self,
    struct plan_errs *errs)
{
	struct db_stmt *st;
	int64_t other = 0;
	char vi[256], en[256];

	st = db_stmt(db, "SELECT id FROM plan WHERE unit_id = ? AND title = ?"
	    " AND COALESCE(issued_on, '') = ? AND id <> ?");
	db_bind_int(st, 1, p->unit_id);
	db_bind_text(st, 2, p->title);
	db_bind_text(st, 3, p->issued_on);
	db_bind_int(st, 4, self);
	if (db_step(st) == DB_ROW)
		other = db_col_int(st, 0);
	db_done(st);
	if (other == 0 && p->number[0] != '\0') {
		st = db_stmt(db, "SELECT id FROM plan WHERE number = ?"
		    " AND symbol = ? AND COALESCE(SUBSTR(issued_on, 1, 4), '')"
		    " = ? AND id <> ?");
		db_bind_text(st, 1, p->number);
		db_bind_text(st, 2, p->symbol);
		snprintf(vi, sizeof(vi), "%.4s", p->issued_on);
		db_bind_text(st, 3, vi);
		db_bind_int(st, 4, self);
		if (db_step(st) == DB_ROW)
			other = db_col_int(st, 0);
		db_done(st);
	}
	if (other == 0)
		return;
	snprintf(vi, sizeof(vi), "văn bản này đã có trong vitre (kế hoạch số "
	    "%lld); sửa kế hoạch đó thay vì nhập lại.", (long long)other);
	snprintf(en, sizeof(en), "this document is already in vitre (plan "
	    "%lld); edit that plan instead of importing it again.",
	    (long long)other);
	plan_err(errs, "title", vi, en);
}

static void
bind_opt_text(struct db_stmt *st, int i, const char *s)
{
	if (s[0] == '\0')
		db_bind_null(st, i);
	else
		db_bind_text(st, i, s);
}

static void
bind_opt_id(struct db_stmt *st, int i, int64_t id)
{
	if (id == 0)
		db_bind_null(st, i);
	else
		db_bind_int(st, i, id);
}

/* Bind the plan's own columns 1..19 (same order in INSERT and UPDATE). */
static void
bind_head(struct db_stmt *st, const struct plan *p)
{
	db_bind_int(st, 1, p->unit_id);
	db_bind_text(st, 2, p->doc_type);
	db_bind_text(st, 3, p->number);
	db_bind_text(st, 4, p->symbol);
	db_bind_text(st, 5, p->issuer);
	db_bind_text(st, 6, p->parent_body);
	db_bind_text(st, 7, p->place);
	bind_opt_text(st, 8, p->issued_on);
	db_bind_text(st, 9, p->title);
	db_bind_int(st, 10, p->period_from);
	db_bind_int(st, 11, p->period_to);
	db_bind_text(st, 12, p->intro);
	db_bind_text(st, 13, p->closing);
	bind_opt_id(st, 14, p->implements_id);
	db_bind_text(st, 15, p->signer_authority);
	db_bind_text(st, 16, p->signer_title);
	db_bind_text(st, 17, p->signer_name);
	db_bind_int(st, 18, p->demo ? 1 : 0);
	db_bind_int(st, 19, (int64_t)time(NULL));
}

static enum err
write_head(struct db *db, struct plan *p, int64_t replace_id)
{
	struct db_stmt *st;
	enum err e;

	if (replace_id == 0) {
		st = db_stmt(db, "INSERT INTO plan (unit_id, doc_type, number,"
		    " symbol, issuer, parent_body, place, issued_on, title,"
		    " period_from, period_to, intro, closing, implements_id,"
		    " signer_authority, signer_title, signer_name, is_demo,"
		    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
		    " ?, ?, ?, ?, ?, ?)");
		bind_head(st, p);
		if ((e = db_run(st)) == ERR_OK)
			p->id = db_last_id(db);
		return e;
	}
	st = db_stmt(db, "UPDATE plan SET unit_id = ?, doc_type = ?, number = ?,"
	    " symbol = ?, issuer = ?, parent_body = ?, place = ?, issued_on = ?,"
	    " title = ?, period_from = ?, period_to = ?, intro = ?, closing = ?,"
	    " implements_id = ?, signer_authority = ?, signer_title = ?,"
	    " signer_name = ?, is_demo = ?, updated_at = ? WHERE id = ?");
	bind_head(st, p);
	db_bind_int(st, 20, replace_id);
	p->id = replace_id;
	return db_run(st);
}

/* Remove every part of plan id (before writing the new parts). */
static enum err
clear_parts(struct db *db, int64_t id)
{
	static const char *const sql[] = {
		"DELETE FROM target_milestone WHERE target_id IN"
		" (SELECT id FROM plan_target WHERE plan_id = ?)",
		"DELETE FROM plan_target WHERE plan_id = ?",
		"DELETE FROM plan_node WHERE plan_id = ?",
		"DELETE FROM plan_phase WHERE plan_id = ?",
		"DELETE FROM plan_basis WHERE plan_id = ?",
		"DELETE FROM plan_funding WHERE plan_id = ?",
		"DELETE FROM plan_assignment WHERE plan_id = ?",
		"DELETE FROM plan_reporting WHERE plan_id = ?",
		"DELETE FROM plan_recipient WHERE plan_id = ?",
	};
	size_t i;
	enum err e = ERR_OK;

	for (i = 0; i < sizeof(sql) / sizeof(sql[0]) && e == ERR_OK; i++) {
		struct db_stmt *st = db_stmt(db, sql[i]);

		db_bind_int(st, 1, id);
		e = db_run(st);
	}
	return e;
}

static enum err
write_nodes(struct db *db, int64_t plan, int64_t parent,
    const struct plan_node *v, size_t n)
{
	size_t i;
	enum err e;

	for (i = 0; i < n; i++) {
		struct db_stmt *st = db_stmt(db, "INSERT INTO plan_node"
		    " (plan_id, parent_id, seq, kind, heading, body, owner,"
		    " due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
		int64_t id;

		db_bind_int(st, 1, plan);
		bind_opt_id(st, 2, parent);
		db_bind_int(st, 3, (int64_t)i);
		db_bind_text(st, 4, plan_node_kinds[v[i].kind].code);
		db_bind_text(st, 5, v[i].heading);
		db_bind_text(st, 6, v[i].body);
		db_bind_text(st, 7, v[i].owner);
		bind_opt_text(st, 8, v[i].due);
		if ((e = db_run(st)) != ERR_OK)
			return e;
		id = db_last_id(db);
		if ((e = write_nodes(db, plan, id, v[i].kids, v[i].nkids)) !=
		    ERR_OK)
			return e;
	}
	return ERR_OK;
}

static enum err
write_targets(struct db *db, struct plan *p)
{
	size_t i, k;
	enum err e;

	for (i = 0; i < p->ntargets; i++) {
		struct plan_target *t = &p->targets[i];
		struct db_stmt *st = db_stmt(db, "INSERT INTO plan_target"
		    " (plan_id, seq, code, label, indicator_id, clause, baseline,"
		    " baseline_year) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

		db_bind_int(st, 1, p->id);
		db_bind_int(st, 2, (int64_t)i);
		db_bind_text(st, 3, t->code);
		db_bind_text(st, 4, t->label);
		db_bind_int(st, 5, t->indicator_id);
		db_bind_text(st, 6, t->clause);
		if (t->has_baseline)
			db_bind_double(st, 7, t->baseline);
		else
			db_bind_null(st, 7);
		bind_opt_id(st, 8, t->baseline_year);
		if ((e = db_run(st)) != ERR_OK)
			return e;
		t->id = db_last_id(db);
		for (k = 0; k < t->nms; k++) {
			st = db_stmt(db, "INSERT INTO target_milestone"
			    " (target_id, year, cmp, value) VALUES (?, ?, ?, ?)");
			db_bind_int(st, 1, t->id);
			db_bind_int(st, 2, t->ms[k].year);
			db_bind_text(st, 3, plan_cmp_codes[t->ms[k].cmp]);
			db_bind_double(st, 4, t->ms[k].value);
			if ((e = db_run(st)) != ERR_OK)
				return e;
		}
	}
	return ERR_OK;
}

/* "a,b" from a list of strings. */
static void
join_commas(const struct plan_strs *s, struct buf *out)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		buf_printf(out, "%s%s", i ? "," : "", s->v[i]);
}

static enum err
write_lists(struct db *db, const struct plan *p)
{
	struct db_stmt *st;
	struct buf b = BUF_INIT;
	size_t i;
	enum err e = ERR_OK;

	for (i = 0; i < p->nphases && e == ERR_OK; i++) {
		st = db_stmt(db, "INSERT INTO plan_phase (plan_id, seq, name,"
		    " from_year, to_year) VALUES (?, ?, ?, ?, ?)");
		db_bind_int(st, 1, p->id);
		db_bind_int(st, 2, (int64_t)i);
		db_bind_text(st, 3, p->phases[i].name);
		db_bind_int(st, 4, p->phases[i].from);
		db_bind_int(st, 5, p->phases[i].to);
		e = db_run(st);
	}
	for (i = 0; i < p->nbasis && e == ERR_OK; i++) {
		st = db_stmt(db, "INSERT INTO plan_basis (plan_id, seq, text, ref,"
		    " ref_plan_id) VALUES (?, ?, ?, ?, ?)");
		db_bind_int(st, 1, p->id);
		db_bind_int(st, 2, (int64_t)i);
		db_bind_text(st, 3, p->basis[i].text);
		db_bind_text(st, 4, p->basis[i].ref);
		bind_opt_id(st, 5, p->basis[i].ref_plan_id);
		e = db_run(st);
	}
	for (i = 0; i < p->funding.n && e == ERR_OK; i++) {
		st = db_stmt(db, "INSERT INTO plan_funding (plan_id, seq, source)"
		    " VALUES (?, ?, ?)");
		db_bind_int(st, 1, p->id);
		db_bind_int(st, 2, (int64_t)i);
		db_bind_text(st, 3, p->funding.v[i]);
		e = db_run(st);
	}
	for (i = 0; i < p->nassignments && e == ERR_OK; i++) {
		buf_reset(&b);
		join_commas(&p->assignments[i].targets, &b);
		st = db_stmt(db, "INSERT INTO plan_assignment (plan_id, seq, who,"
		    " what, target_codes) VALUES (?, ?, ?, ?, ?)");
		db_bind_int(st, 1, p->id);
		db_bind_int(st, 2, (int64_t)i);
		db_bind_text(st, 3, p->assignments[i].who);
		db_bind_text(st, 4, p->assignments[i].what);
		db_bind_text(st, 5, b.data);
		e = db_run(st);
	}
	for (i = 0; i < p->nreporting && e == ERR_OK; i++) {
		const struct plan_reporting *r = &p->reporting[i];

		buf_reset(&b);
		join_commas(&r->dates, &b);
		st = db_stmt(db, "INSERT INTO plan_reporting (plan_id, seq, what,"
		    " to_whom, schedule, dates, channel)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?)");
		db_bind_int(st, 1, p->id);
		db_bind_int(st, 2, (int64_t)i);
		db_bind_text(st, 3, r->what);
		db_bind_text(st, 4, r->to);
		db_bind_text(st, 5, plan_schedule_codes[r->schedule]);
		db_bind_text(st, 6, b.data);
		db_bind_text(st, 7, r->channel);
		e = db_run(st);
	}
	for (i = 0; i < p->recipients.n && e == ERR_OK; i++) {
		st = db_stmt(db, "INSERT INTO plan_recipient (plan_id, seq, text)"
		    " VALUES (?, ?, ?)");
		db_bind_int(st, 1, p->id);
		db_bind_int(st, 2, (int64_t)i);
		db_bind_text(st, 3, p->recipients.v[i]);
		e = db_run(st);
	}
	buf_release(&b);
	return e;
}

/* Plans already in vitre that cite this one now link to it. */
static enum err
link_citing(struct db *db, const struct plan *p)
{
	struct db_stmt *st;
	char ref[160];

	plan_ref(p, ref, sizeof(ref));
	if (p->number[0] == '\0' || ref[0] == '\0')
		return ERR_OK;
	st = db_stmt(db, "UPDATE plan_basis SET ref_plan_id = ? WHERE ref = ?"
	    " AND ref_plan_id IS NULL AND plan_id <> ?");
	db_bind_int(st, 1, p->id);
	db_bind_text(st, 2, ref);
	db_bind_int(st, 3, p->id);
	return db_run(st);
}

static enum err
audit_save(struct db *db, const struct plan *p, int64_t user_id,
    bool replaced)
{
	struct buf detail = BUF_INIT;
	char obj[32], ref[160];
	enum err e;

	plan_ref(p, ref, sizeof(ref));
	snprintf(obj, sizeof(obj), "plan:%lld", (long long)p->id);
	buf_printf(&detail, "%s %s", ref[0] ? ref : "-", p->title);
	e = audit(db, user_id, replaced ? "plan.update" : "plan.create", obj,
	    detail.data);
	buf_release(&detail);
	return e;
}

enum err
plan_db_write(struct db *db, struct plan *p, int64_t replace_id,
    int64_t user_id, struct plan_errs *errs)
{
	struct plan_catalogue cat = { NULL, 0 };
	int64_t unit;
	size_t before = errs->n;
	enum err e;

	if (replace_id != 0 && plan_db_unit(db, replace_id, &unit) != ERR_OK) {
		plan_err(errs, "", "không có kế hoạch này.", "no such plan.");
		return ERR_NOTFOUND;
	}
	if ((e = plan_db_catalogue(db, &cat)) != ERR_OK)
		return e;
	resolve(db, p, &cat, replace_id, errs);
	(void)plan_validate(p, &cat, errs);
	plan_catalogue_release(&cat);
	if (errs->n != before)
		return ERR_INVALID;
	duplicate(db, p, replace_id, errs);
	if (errs->n != before)
		return ERR_CONFLICT;
	if ((replace_id != 0 && (e = clear_parts(db, replace_id)) != ERR_OK) ||
	    (e = write_head(db, p, replace_id)) != ERR_OK ||
	    (e = write_nodes(db, p->id, 0, p->nodes, p->nnodes)) != ERR_OK ||
	    (e = write_targets(db, p)) != ERR_OK ||
	    (e = write_lists(db, p)) != ERR_OK ||
	    (e = link_citing(db, p)) != ERR_OK ||
	    (e = db_bump_generation(db)) != ERR_OK ||
	    (e = audit_save(db, p, user_id, replace_id != 0)) != ERR_OK) {
		plan_err(errs, "", "lỗi cơ sở dữ liệu khi lưu kế hoạch.",
		    "a database error occurred while saving the plan.");
		return e;
	}
	return ERR_OK;
}

enum err
plan_db_save(struct db *db, struct plan *p, int64_t replace_id,
    int64_t user_id, struct plan_errs *errs)
{
	enum err e;

	if ((e = db_begin(db)) != ERR_OK) {
		plan_err(errs, "", "cơ sở dữ liệu đang bận.",
		    "the database is busy.");
		return e;
	}
	if ((e = plan_db_write(db, p, replace_id, user_id, errs)) != ERR_OK) {
		db_rollback(db);
		return e;
	}
	if ((e = db_commit(db)) != ERR_OK) {
		db_rollback(db);
		plan_err(errs, "", "không ghi được vào cơ sở dữ liệu.",
		    "the database could not commit.");
	}
	return e;
}
