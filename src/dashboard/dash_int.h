/*
 * dash_int.h -- what the files of the dashboard module share: indicators
 * and targets as loaded from the database (targets_db.c), the evaluation
 * of a target against a series (dashboard.c), and the cache entry.
 * Not for use outside src/dashboard/.
 */
#ifndef VITRE_DASH_INT_H
#define VITRE_DASH_INT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dashboard/dashboard.h"
#include "render/numfmt.h"

struct unit_tree;

struct dash_indicator {
	int64_t		 id;
	char		*code;
	char		*name_vi;
	char		*name_en;
	enum numfmt_unit unit;
	double		 scale;		/* 100, 1000, 0 for counts */
	enum dash_dir	 dir;
	bool		 by_sex;
	char		*period_type;
	char		*levels;	/* ",mn,th," or "" */
	bool		 suppress_small; /* counts 1-4 read "< 5" (numfmt.h) */
};

struct dash_target {
	int64_t		 id;
	int64_t		 plan_id;
	int64_t		 owner_id;	/* the plan's unit */
	int		 distance;	/* 0 own plan, 1 parent, ... */
	int		 seq;
	char		*code;
	char		*label;
	char		*clause;
	char		*plan_ref;	/* "89/KH-MNHL" or "" */
	char		*plan_title;
	const struct dash_indicator *ind;
	bool		 has_baseline;
	double		 baseline;
	int		 baseline_year;
	struct dash_milestone *ms;	/* sorted by year */
	size_t		 nms;
};

/* Indicators: the whole catalogue (it is small). */
enum err	 dash_indicators_load(struct db *, struct dash_indicator **,
		    size_t *);
void		 dash_indicators_free(struct dash_indicator *, size_t);
const struct dash_indicator *dash_indicator_find(
		    const struct dash_indicator *, size_t, int64_t id);

/*
 * The targets that apply to t->u[unit]: those of plans the unit owns, and
 * those of plans owned by a unit above it (through any link valid on
 * today) whose indicator's levels include the unit's kind.  Sorted by
 * distance of the owner, plan, then the target's order in the plan.
 */
enum err	 dash_targets_load(struct db *, const struct unit_tree *,
		    size_t unit, const char *today,
		    const struct dash_indicator *, size_t,
		    struct dash_target **out, size_t *n);
/* One target by id, whatever its plan. */
enum err	 dash_target_load(struct db *, int64_t target_id,
		    const struct dash_indicator *, size_t,
		    struct dash_target *out);
void		 dash_target_release(struct dash_target *);
void		 dash_targets_free(struct dash_target *, size_t);

/* Judge a target against a unit's series (NULL: no data). */
void		 dash_evaluate(const struct dash_target *,
		    const struct dash_series *, int64_t unit_id,
		    struct target_eval *out);

/*
 * Rendered output kept with an entry: the page body and the JSON depend
 * only on the entry and the language (not on the user: scope is checked
 * before), so the first request renders them and the next ones copy them.
 */
enum dash_memo_slot {
	DASH_MEMO_PAGE_VI, DASH_MEMO_PAGE_EN,
	DASH_MEMO_JSON_VI, DASH_MEMO_JSON_EN,
	DASH_MEMO_JSON_BELOW_VI, DASH_MEMO_JSON_BELOW_EN,
	DASH_MEMO__MAX
};

struct dash_memo {
	size_t		 len;
	char		 s[];		/* NUL-terminated */
};

/* A computed dashboard of one unit; immutable once ready. */
struct dash_entry {
	int64_t		 unit_id;
	int64_t		 generation;
	char		 today[11];
	/* Owned by the cache (guarded by its lock). */
	int		 refs;
	uint64_t	 used;
	int		 state;		/* DASH_BUILDING, DASH_READY, ... */
	bool		 in_table;
	/* The data. */
	struct rollup	*ru;
	struct dash_indicator *ind;
	size_t		 nind;
	struct dash_target *tg;
	size_t		 ntg;
	struct target_eval *ev;		/* ev[i] evaluates tg[i] */
	/* Set once each, lock-free; see dash_entry_memo(). */
	struct dash_memo *_Atomic memo[DASH_MEMO__MAX];
};

enum { DASH_BUILDING, DASH_READY, DASH_FAILED };


/*
 * Compute the data of e for e->unit_id and e->today from t (the cache
 * calls it outside its lock); dash_entry_build() allocates and fills an
 * entry outside any cache (tests).
 */
enum err	 dash_entry_fill(struct dash_entry *, struct db *,
		    const struct unit_tree *);
struct dash_entry *dash_entry_build(struct db *, const struct unit_tree *,
		    int64_t unit_id, const char *today);
void		 dash_entry_free(struct dash_entry *);
/*
 * The memo in slot, or NULL.  dash_entry_memo_set() stores a copy of len
 * bytes of text unless another thread stored one first, and returns the
 * one that is stored.  The entry is otherwise immutable; memos are the
 * only thing that changes in it, each once.
 */
const struct dash_memo *dash_entry_memo(const struct dash_entry *,
		    enum dash_memo_slot);
const struct dash_memo *dash_entry_memo_set(const struct dash_entry *,
		    enum dash_memo_slot, const char *text, size_t len);
/* The index of a target in e->tg, or (size_t)-1. */
size_t		 dash_entry_target(const struct dash_entry *, int64_t id);

#endif
