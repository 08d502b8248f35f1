/*
 * cache.c -- the dashboard cache; see cache.h.
 *
 * Locking: one mutex guards the table, every entry's refs, used, state and
 * in_table fields, and the statistics.  Building runs outside the lock.
 * An entry in the table holds one reference for the table; each reader
 * and the builder hold one more.  An entry is freed by whoever drops the
 * last reference after it left the table.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "dashboard/cache.h"
#include "dashboard/dash_int.h"
#include "units/unit.h"

struct dash_cache {
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	struct dash_entry	**e;
	size_t			 n, max;
	uint64_t		 tick;
	struct dash_cache_stats	 st;
};

struct dash_cache *
dash_cache_new(size_t max)
{
	struct dash_cache *c = xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->cv, NULL);
	c->max = max ? max : DASH_CACHE_MAX;
	c->e = xcalloc(c->max, sizeof(*c->e));
	return c;
}

void
dash_cache_free(struct dash_cache *c)
{
	size_t i;

	if (c == NULL)
		return;
	/* No reader may remain: the server has stopped. */
	for (i = 0; i < c->n; i++)
		dash_entry_free(c->e[i]);
	free(c->e);
	pthread_cond_destroy(&c->cv);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

/* Take entry i out of the table; returns it if no one holds it any more. */
static struct dash_entry *
detach(struct dash_cache *c, size_t i)
{
	struct dash_entry *x = c->e[i];

	c->e[i] = c->e[--c->n];
	x->in_table = false;
	return --x->refs == 0 ? x : NULL;
}

const struct dash_entry *
dash_cache_acquire(struct dash_cache *c, struct db *db,
    const struct unit_tree *t, int64_t unit_id, const char *today)
{
	struct dash_entry *y, *drop[2] = { NULL, NULL };
	int64_t gen = t->generation;
	size_t i;
	bool ok, shared = true;

	pthread_mutex_lock(&c->mu);
	for (;;) {
		struct dash_entry *x = NULL;

		for (i = 0; i < c->n; i++)
			if (c->e[i]->unit_id == unit_id &&
			    strcmp(c->e[i]->today, today) == 0) {
				x = c->e[i];
				break;
			}
		if (x != NULL && x->generation == gen) {
			if (x->state == DASH_READY) {
				x->refs++;
				x->used = ++c->tick;
				c->st.hits++;
				pthread_mutex_unlock(&c->mu);
				return x;
			}
			c->st.waits++;
			pthread_cond_wait(&c->cv, &c->mu);
			continue;
		}
		if (x != NULL && x->generation > gen)
			shared = false;	/* our snapshot is older: build alone */
		else if (x != NULL)
			drop[0] = detach(c, i);
		break;
	}
	y = xcalloc(1, sizeof(*y));
	y->unit_id = unit_id;
	y->generation = gen;
	snprintf(y->today, sizeof(y->today), "%s", today);
	y->state = DASH_BUILDING;
	y->refs = 1;
	if (shared) {
		if (c->n == c->max) {
			size_t lru = c->n;

			for (i = 0; i < c->n; i++)
				if (c->e[i]->state != DASH_BUILDING &&
				    (lru == c->n ||
				    c->e[i]->used < c->e[lru]->used))
					lru = i;
			if (lru < c->n) {
				drop[1] = detach(c, lru);
				c->st.evictions++;
			}
		}
		if (c->n < c->max) {
			c->e[c->n++] = y;
			y->in_table = true;
			y->refs++;
		}
	}
	c->st.builds++;
	y->used = ++c->tick;
	pthread_mutex_unlock(&c->mu);
	dash_entry_free(drop[0]);
	dash_entry_free(drop[1]);

	ok = dash_entry_fill(y, db, t) == ERR_OK;

	pthread_mutex_lock(&c->mu);
	y->state = ok ? DASH_READY : DASH_FAILED;
	if (!ok && y->in_table)
		for (i = 0; i < c->n; i++)
			if (c->e[i] == y) {
				(void)detach(c, i);	/* we still hold one */
				break;
			}
	pthread_cond_broadcast(&c->cv);
	pthread_mutex_unlock(&c->mu);
	if (!ok) {
		dash_cache_release(c, y);
		return NULL;
	}
	return y;
}

void
dash_cache_release(struct dash_cache *c, const struct dash_entry *ce)
{
	struct dash_entry *x = (struct dash_entry *)ce;
	bool free_it;

	if (x == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	free_it = --x->refs == 0;
	pthread_mutex_unlock(&c->mu);
	if (free_it)
		dash_entry_free(x);
}

void
dash_cache_stats(struct dash_cache *c, struct dash_cache_stats *out)
{
	pthread_mutex_lock(&c->mu);
	*out = c->st;
	out->entries = c->n;
	pthread_mutex_unlock(&c->mu);
}

const struct dash_entry *
dash_entry_get(struct app *app, struct db *db, const struct unit_tree *t,
    int64_t unit_id)
{
	char today[11];

	date_today(today);
	return dash_cache_acquire(app->dash, db, t, unit_id, today);
}

void
dash_entry_put(struct app *app, const struct dash_entry *e)
{
	dash_cache_release(app->dash, e);
}
