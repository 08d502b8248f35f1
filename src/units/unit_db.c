/*
 * unit_db.c -- load the organisation tree snapshot from the database, and
 * the cache that shares it between the server's threads.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "units/unit.h"

struct unit_tree *
unit_tree_load(struct db *db)
{
	struct unit_tree *t = xcalloc(1, sizeof(*t));
	struct db_stmt *st;
	size_t cap = 0;

	t->generation = db_generation(db);
	st = db_stmt(db, "SELECT id, code, kind, name, COALESCE(name_en, ''),"
	    " COALESCE(abbrev, ''), COALESCE(place, ''),"
	    " COALESCE(opened_on, ''), COALESCE(closed_on, ''), is_demo"
	    " FROM unit ORDER BY id");
	while (db_step(st) == DB_ROW) {
		struct unit *u;

		if (t->n == cap) {
			cap = cap ? cap * 2 : 256;
			t->u = xrealloc(t->u, cap * sizeof(*t->u));
		}
		u = &t->u[t->n];
		memset(u, 0, sizeof(*u));
		u->id = db_col_int(st, 0);
		u->code = xstrdup(db_col_text(st, 1));
		if (!unit_kind_from_code(db_col_text(st, 2), &u->kind))
			u->kind = UNIT_COMMUNE;
		u->name = xstrdup(db_col_text(st, 3));
		u->name_en = xstrdup(db_col_text(st, 4));
		u->abbrev = xstrdup(db_col_text(st, 5));
		u->place = xstrdup(db_col_text(st, 6));
		snprintf(u->opened_on, sizeof(u->opened_on), "%s",
		    db_col_text(st, 7));
		snprintf(u->closed_on, sizeof(u->closed_on), "%s",
		    db_col_text(st, 8));
		u->demo = db_col_int(st, 9) != 0;
		t->n++;
	}
	db_done(st);

	cap = 0;
	st = db_stmt(db, "SELECT id, child_id, parent_id, role, valid_from,"
	    " valid_to FROM unit_link ORDER BY id");
	while (db_step(st) == DB_ROW) {
		struct unit_link *l;
		size_t c = unit_index(t, db_col_int(st, 1));
		size_t p = unit_index(t, db_col_int(st, 2));

		if (c == (size_t)-1 || p == (size_t)-1)
			continue;
		if (t->nl == cap) {
			cap = cap ? cap * 2 : 256;
			t->l = xrealloc(t->l, cap * sizeof(*t->l));
		}
		l = &t->l[t->nl++];
		l->id = db_col_int(st, 0);
		l->child = c;
		l->parent = p;
		l->role = strcmp(db_col_text(st, 3), "prof") == 0 ?
		    LINK_PROF : LINK_ADMIN;
		snprintf(l->from, sizeof(l->from), "%s", db_col_text(st, 4));
		snprintf(l->to, sizeof(l->to), "%s", db_col_text(st, 5));
	}
	db_done(st);
	unit_tree_index(t);
	return t;
}

struct unit_cache {
	pthread_mutex_t		 mu;
	struct unit_tree	*cur;
};

struct unit_cache *
unit_cache_new(void)
{
	struct unit_cache *c = xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->mu, NULL);
	return c;
}

void
unit_cache_free(struct unit_cache *c)
{
	if (c == NULL)
		return;
	unit_tree_free(c->cur);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

const struct unit_tree *
unit_tree_get(struct app *app, struct db *db)
{
	struct unit_cache *c = app->units;
	struct unit_tree *t, *old = NULL;
	int64_t gen = db_generation(db);

	pthread_mutex_lock(&c->mu);
	if (c->cur != NULL && c->cur->generation == gen) {
		t = c->cur;
		t->refs++;
		pthread_mutex_unlock(&c->mu);
		return t;
	}
	pthread_mutex_unlock(&c->mu);

	/* Load outside the lock; another thread may do the same. */
	t = unit_tree_load(db);
	pthread_mutex_lock(&c->mu);
	if (c->cur != NULL && c->cur->generation >= t->generation) {
		unit_tree_free(t);
		t = c->cur;
	} else {
		old = c->cur;
		c->cur = t;
		t->refs++;	/* the cache's own reference */
		if (old != NULL && --old->refs > 0)
			old = NULL;	/* still in use; freed by the last put */
	}
	t->refs++;
	pthread_mutex_unlock(&c->mu);
	unit_tree_free(old);
	return t;
}

void
unit_tree_put(struct app *app, const struct unit_tree *ct)
{
	struct unit_cache *c = app->units;
	struct unit_tree *t = (struct unit_tree *)ct;
	bool free_it;

	if (t == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	free_it = --t->refs == 0;
	pthread_mutex_unlock(&c->mu);
	if (free_it)
		unit_tree_free(t);
}
