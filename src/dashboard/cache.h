/*
 * cache.h -- computed dashboards shared by the server's threads.
 *
 * One entry per unit: its roll-up, the targets that apply and their
 * evaluations (dash_int.h struct dash_entry).  An entry is valid for one
 * data generation (db_generation(), bumped with every change to units,
 * values or plans) and one day (the units below and the targets that
 * apply depend on today's links).  Entries are immutable once built and
 * reference-counted: a reader holds one from dash_cache_acquire() to
 * dash_cache_release() while other threads replace or evict it.  At most
 * DASH_CACHE_MAX entries are kept; the least recently used one that no one
 * is building is evicted first.  When several threads ask for the same
 * missing entry, one builds it and the others wait for it.
 * Details: docs/internals/dashboard.md.
 */
#ifndef VITRE_DASH_CACHE_H
#define VITRE_DASH_CACHE_H

#include <stddef.h>
#include <stdint.h>

#define DASH_CACHE_MAX 128

struct app;
struct db;
struct unit_tree;
struct dash_cache;
struct dash_entry;

struct dash_cache_stats {
	uint64_t	 hits;		/* served from the cache */
	uint64_t	 builds;	/* computed */
	uint64_t	 waits;		/* waited for another thread's build */
	uint64_t	 evictions;
	size_t		 entries;
};

/* max 0: DASH_CACHE_MAX. */
struct dash_cache *dash_cache_new(size_t max);
void		 dash_cache_free(struct dash_cache *);

/*
 * The dashboard of unit_id (in t) for the generation of t and today's
 * date; built if missing or stale.  NULL if the database fails.  Release
 * it with dash_cache_release().
 */
const struct dash_entry *dash_cache_acquire(struct dash_cache *,
		    struct db *, const struct unit_tree *t, int64_t unit_id,
		    const char *today);
void		 dash_cache_release(struct dash_cache *,
		    const struct dash_entry *);
void		 dash_cache_stats(struct dash_cache *,
		    struct dash_cache_stats *out);

/* The same through app->dash with today's date. */
const struct dash_entry *dash_entry_get(struct app *, struct db *,
		    const struct unit_tree *, int64_t unit_id);
void		 dash_entry_put(struct app *, const struct dash_entry *);

#endif
