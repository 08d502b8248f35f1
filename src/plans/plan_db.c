/*
 * plan_db.c -- read plans from the database: the indicator catalogue,
 * one whole plan, the list, and looking a plan up by "number/symbol".
 * Writing is in plan_db_save.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "db/db.h"
#include "plans/plan_db.h"

enum err
plan_db_catalogue(struct db *db, struct plan_catalogue *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, code, unit, direction,"
	    " name_vi, name_en, levels FROM indicator ORDER BY seq, id");
	size_t cap = 0;

	out->v = NULL;
	out->n = 0;
	while (db_step(st) == DB_ROW) {
		struct plan_indicator *ind;
		const char *u;

		if (out->n == cap) {
			cap = cap ? cap * 2 : 32;
			out->v = xrealloc(out->v, cap * sizeof(*out->v));
		}
		ind = &out->v[out->n++];
		memset(ind, 0, sizeof(*ind));
		ind->id = db_col_int(st, 0);
		snprintf(ind->code, sizeof(ind->code), "%s", db_col_text(st, 1));
		u = db_col_text(st, 2);
		ind->vunit = strcmp(u, "percent") == 0 ? PLAN_VUNIT_PERCENT :
		    strcmp(u, "per1000") == 0 ? PLAN_VUNIT_PER1000 :
		    PLAN_VUNIT_COUNT;
		ind->dir = strcmp(db_col_text(st, 3), "down") == 0 ?
		    PLAN_DIR_DOWN : PLAN_DIR_UP;
		snprintf(ind->name_vi, sizeof(ind->name_vi), "%s",
		    db_col_text(st, 4));
		snprintf(ind->name_en, sizeof(ind->name_en), "%s",
		    db_col_text(st, 5));
		snprintf(ind->levels, sizeof(ind->levels), "%s",
		    db_col_text(st, 6));
	}
	db_done(st);
	return ERR_OK;
}

int64_t
plan_db_find_ref(struct db *db, const char *ref)
{
	struct db_stmt *st;
	char num[32], sym[96];
	int64_t id = 0;

	if (!plan_ref_split(ref, num, sizeof(num), sym, sizeof(sym)))
		return 0;
	st = db_stmt(db, "SELECT id FROM plan WHERE number = ? AND symbol = ?"
	    " ORDER BY issued_on DESC, id DESC");
	db_bind_text(st, 1, num);
	db_bind_text(st, 2, sym);
	if (db_step(st) == DB_ROW)
		id = db_col_int(st, 0);
	db_done(st);
	return id;
}

enum err
plan_db_unit(struct db *db, int64_t id, int64_t *unit_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT unit_id FROM plan WHERE id = ?");

	db_bind_int(st, 1, id);
	return db_one_int(st, unit_id);
}

/* "number/symbol" of plan id into out ("" if none). */
static void
ref_of(struct db *db, int64_t id, char **out)
{
	struct db_stmt *st = db_stmt(db, "SELECT number, symbol FROM plan"
	    " WHERE id = ?");
	char ref[160] = "";

	db_bind_int(st, 1, id);
	if (db_step(st) == DB_ROW && db_col_text(st, 1)[0] != '\0')
		snprintf(ref, sizeof(ref), "%s/%s", db_col_text(st, 0),
		    db_col_text(st, 1));
	db_done(st);
	plan_set(out, ref);
}

static enum err
load_head(struct db *db, int64_t id, struct plan *p)
{
	struct db_stmt *st = db_stmt(db, "SELECT u.code, p.unit_id,"
	    " p.doc_type, p.number, p.symbol, p.issuer, p.parent_body, p.place,"
	    " p.issued_on, p.title, p.period_from, p.period_to, p.intro,"
	    " p.closing, p.implements_id, p.signer_authority, p.signer_title,"
	    " p.signer_name, p.is_demo, p.updated_at"
	    " FROM plan p JOIN unit u ON u.id = p.unit_id WHERE p.id = ?");
	enum db_rc rc;

	db_bind_int(st, 1, id);
	if ((rc = db_step(st)) != DB_ROW) {
		db_done(st);
		return rc == DB_DONE ? ERR_NOTFOUND : ERR_DB;
	}
	p->id = id;
	plan_set(&p->unit, db_col_text(st, 0));
	p->unit_id = db_col_int(st, 1);
	plan_set(&p->doc_type, db_col_text(st, 2));
	plan_set(&p->number, db_col_text(st, 3));
	plan_set(&p->symbol, db_col_text(st, 4));
	plan_set(&p->issuer, db_col_text(st, 5));
	plan_set(&p->parent_body, db_col_text(st, 6));
	plan_set(&p->place, db_col_text(st, 7));
	snprintf(p->issued_on, sizeof(p->issued_on), "%s", db_col_text(st, 8));
	plan_set(&p->title, db_col_text(st, 9));
	p->period_from = (int)db_col_int(st, 10);
	p->period_to = (int)db_col_int(st, 11);
	plan_set(&p->intro, db_col_text(st, 12));
	plan_set(&p->closing, db_col_text(st, 13));
	p->implements_id = db_col_null(st, 14) ? 0 : db_col_int(st, 14);
	plan_set(&p->signer_authority, db_col_text(st, 15));
	plan_set(&p->signer_title, db_col_text(st, 16));
	plan_set(&p->signer_name, db_col_text(st, 17));
	p->demo = db_col_int(st, 18) != 0;
	p->updated_at = db_col_int(st, 19);
	db_done(st);
	if (p->implements_id != 0)
		ref_of(db, p->implements_id, &p->implements);
	return ERR_OK;
}

static void
load_lists(struct db *db, struct plan *p)
{
	struct db_stmt *st;

	st = db_stmt(db, "SELECT name, from_year, to_year FROM plan_phase"
	    " WHERE plan_id = ? ORDER BY seq");
	db_bind_int(st, 1, p->id);
	while (db_step(st) == DB_ROW) {
		struct plan_phase *ph = plan_add_phase(p);

		plan_set(&ph->name, db_col_text(st, 0));
		ph->from = (int)db_col_int(st, 1);
		ph->to = (int)db_col_int(st, 2);
	}
	db_done(st);
	st = db_stmt(db, "SELECT text, ref, ref_plan_id FROM plan_basis"
	    " WHERE plan_id = ? ORDER BY seq");
	db_bind_int(st, 1, p->id);
	while (db_step(st) == DB_ROW) {
		struct plan_basis *b = plan_add_basis(p);

		plan_set(&b->text, db_col_text(st, 0));
		plan_set(&b->ref, db_col_text(st, 1));
		b->ref_plan_id = db_col_null(st, 2) ? 0 : db_col_int(st, 2);
	}
	db_done(st);
	st = db_stmt(db, "SELECT source FROM plan_funding WHERE plan_id = ?"
	    " ORDER BY seq");
	db_bind_int(st, 1, p->id);
	while (db_step(st) == DB_ROW)
		plan_strs_add(&p->funding, db_col_text(st, 0));
	db_done(st);
	st = db_stmt(db, "SELECT text FROM plan_recipient WHERE plan_id = ?"
	    " ORDER BY seq");
	db_bind_int(st, 1, p->id);
	while (db_step(st) == DB_ROW)
		plan_strs_add(&p->recipients, db_col_text(st, 0));
	db_done(st);
}

/* Split "a,b,c" into s (empty parts dropped). */
static void
split_commas(const char *list, struct plan_strs *s)
{
	char *copy = xstrdup(list), *tok, *save = NULL;

	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save))
		if (tok[0] != '\0')
			plan_strs_add(s, tok);
	free(copy);
}

static void
load_assignments(struct db *db, struct plan *p)
{
	struct db_stmt *st;
	enum plan_schedule sc;

	st = db_stmt(db, "SELECT who, what, target_codes FROM plan_assignment"
	    " WHERE plan_id = ? ORDER BY seq");
	db_bind_int(st, 1, p->id);
	while (db_step(st) == DB_ROW) {
		struct plan_assignment *a = plan_add_assignment(p);

		plan_set(&a->who, db_col_text(st, 0));
		plan_set(&a->what, db_col_text(st, 1));
		split_commas(db_col_text(st, 2), &a->targets);
	}
	db_done(st);
	st = db_stmt(db, "SELECT what, to_whom, schedule, dates, channel"
	    " FROM plan_reporting WHERE plan_id = ? ORDER BY seq");
	db_bind_int(st, 1, p->id);
	while (db_step(st) == DB_ROW) {
		struct plan_reporting *r = plan_add_reporting(p);

		plan_set(&r->what, db_col_text(st, 0));
		plan_set(&r->to, db_col_text(st, 1));
		if (plan_schedule_from(db_col_text(st, 2), &sc))
			r->schedule = sc;
		split_commas(db_col_text(st, 3), &r->dates);
		plan_set(&r->channel, db_col_text(st, 4));
	}
	db_done(st);
}

static void
load_targets(struct db *db, struct plan *p)
{
	struct db_stmt *st;
	size_t i;
	enum plan_cmp c;

	st = db_stmt(db, "SELECT t.id, t.code, t.label, i.code, t.clause,"
	    " t.baseline, t.baseline_year, t.indicator_id FROM plan_target t"
	    " JOIN indicator i ON i.id = t.indicator_id"
	    " WHERE t.plan_id = ? ORDER BY t.seq");
	db_bind_int(st, 1, p->id);
	while (db_step(st) == DB_ROW) {
		struct plan_target *t = plan_add_target(p);

		t->id = db_col_int(st, 0);
		plan_set(&t->code, db_col_text(st, 1));
		plan_set(&t->label, db_col_text(st, 2));
		plan_set(&t->indicator, db_col_text(st, 3));
		plan_set(&t->clause, db_col_text(st, 4));
		t->has_baseline = !db_col_null(st, 5);
		t->baseline = db_col_double(st, 5);
		t->baseline_year = db_col_null(st, 6) ? 0 :
		    (int)db_col_int(st, 6);
		t->indicator_id = db_col_int(st, 7);
	}
	db_done(st);
	for (i = 0; i < p->ntargets; i++) {
		st = db_stmt(db, "SELECT year, cmp, value FROM target_milestone"
		    " WHERE target_id = ? ORDER BY year");
		db_bind_int(st, 1, p->targets[i].id);
		while (db_step(st) == DB_ROW) {
			struct plan_milestone *m =
			    plan_add_milestone(&p->targets[i]);

			m->year = (int)db_col_int(st, 0);
			if (plan_cmp_from(db_col_text(st, 1), &c))
				m->cmp = c;
			m->value = db_col_double(st, 2);
		}
		db_done(st);
	}
}

/* A node row, before the tree is built. */
struct noderow {
	int64_t			 id, parent;
	enum plan_node_kind	 kind;
	char			*heading, *body, *owner;
	char			 due[11];
};

/* Move the rows whose parent is parent into v, then their children. */
static void
build_tree(struct noderow *rows, size_t n, int64_t parent,
    struct plan_node **v, size_t *nv)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		struct plan_node *nd;

		if (rows[i].parent != parent)
			continue;
		nd = plan_add_node(v, nv);
		nd->kind = rows[i].kind;
		free(nd->heading);
		free(nd->body);
		free(nd->owner);
		nd->heading = rows[i].heading;
		nd->body = rows[i].body;
		nd->owner = rows[i].owner;
		rows[i].heading = rows[i].body = rows[i].owner = NULL;
		memcpy(nd->due, rows[i].due, sizeof(nd->due));
	}
	/* The level is complete: now each node's children. */
	for (i = 0; i < n; i++)
		if (rows[i].parent == parent) {
			build_tree(rows, n, rows[i].id, &(*v)[k].kids,
			    &(*v)[k].nkids);
			k++;
		}
}

static void
load_nodes(struct db *db, struct plan *p)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, parent_id, kind, heading,"
	    " body, owner, due_on FROM plan_node WHERE plan_id = ?"
	    " ORDER BY seq, id");
	struct noderow *rows = NULL;
	size_t n = 0, cap = 0, i;

	db_bind_int(st, 1, p->id);
	while (db_step(st) == DB_ROW) {
		struct noderow *r;

		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			rows = xrealloc(rows, cap * sizeof(*rows));
		}
		r = &rows[n++];
		r->id = db_col_int(st, 0);
		r->parent = db_col_null(st, 1) ? 0 : db_col_int(st, 1);
		if (!plan_node_kind_from(db_col_text(st, 2), &r->kind))
			r->kind = PLAN_NODE_SECTION;
		r->heading = xstrdup(db_col_text(st, 3));
		r->body = xstrdup(db_col_text(st, 4));
		r->owner = xstrdup(db_col_text(st, 5));
		snprintf(r->due, sizeof(r->due), "%s", db_col_text(st, 6));
	}
	db_done(st);
	build_tree(rows, n, 0, &p->nodes, &p->nnodes);
	for (i = 0; i < n; i++) {
		free(rows[i].heading);
		free(rows[i].body);
		free(rows[i].owner);
	}
	free(rows);
}

enum err
plan_db_load(struct db *db, int64_t id, struct plan **out)
{
	struct plan *p = plan_new();
	enum err e;

	if ((e = load_head(db, id, p)) != ERR_OK) {
		plan_free(p);
		return e;
	}
	load_lists(db, p);
	load_assignments(db, p);
	load_targets(db, p);
	load_nodes(db, p);
	*out = p;
	return ERR_OK;
}

enum err
plan_db_list(struct db *db, struct plan_row **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT p.id, p.unit_id, u.code,"
	    " u.name, p.doc_type, p.number, p.symbol, p.title, p.issued_on,"
	    " p.period_from, p.period_to, p.is_demo,"
	    " (SELECT COUNT(*) FROM plan_target t WHERE t.plan_id = p.id)"
	    " FROM plan p JOIN unit u ON u.id = p.unit_id"
	    " ORDER BY p.period_from, p.issued_on, p.id");
	struct plan_row *v = NULL;
	size_t cap = 0;
	char ref[160];

	*n = 0;
	while (db_step(st) == DB_ROW) {
		struct plan_row *r;

		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof(*v));
		}
		r = &v[(*n)++];
		memset(r, 0, sizeof(*r));
		r->id = db_col_int(st, 0);
		r->unit_id = db_col_int(st, 1);
		r->unit_code = xstrdup(db_col_text(st, 2));
		r->unit_name = xstrdup(db_col_text(st, 3));
		r->doc_type = xstrdup(db_col_text(st, 4));
		ref[0] = '\0';
		if (db_col_text(st, 6)[0] != '\0')
			snprintf(ref, sizeof(ref), "%s/%s", db_col_text(st, 5),
			    db_col_text(st, 6));
		r->ref = xstrdup(ref);
		r->title = xstrdup(db_col_text(st, 7));
		snprintf(r->issued_on, sizeof(r->issued_on), "%s",
		    db_col_text(st, 8));
		r->period_from = (int)db_col_int(st, 9);
		r->period_to = (int)db_col_int(st, 10);
		r->demo = db_col_int(st, 11) != 0;
		r->ntargets = (int)db_col_int(st, 12);
	}
	db_done(st);
	*out = v;
	return ERR_OK;
}

void
plan_rows_free(struct plan_row *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].unit_code);
		free(v[i].unit_name);
		free(v[i].doc_type);
		free(v[i].ref);
		free(v[i].title);
	}
	free(v);
}
