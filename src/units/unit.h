/*
 * unit.h -- organisation units and their dated, typed parent links.
 *
 * Units are typed (ministry, province department, district office,
 * commune, schools by level, independent groups).  A link says "child sits
 * under parent" for a role -- LINK_ADMIN (state management, the roll-up
 * tree) or LINK_PROF (professional supervision) -- between valid_from and
 * valid_to (exclusive).  Before 1 July 2025 schools sat under district
 * offices; after it kindergartens, primary and lower-secondary schools sit
 * under the commune (admin) and the province department (prof).
 *
 * The whole tree is small (a province: ~2,000 units; the country: ~60,000)
 * so it is kept in memory as an immutable snapshot (struct unit_tree),
 * reloaded when the data generation changes.  Scope and roll-up questions
 * are answered from the snapshot without SQL.
 */
#ifndef VITRE_UNIT_H
#define VITRE_UNIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct app;
struct db;

enum unit_kind {
	UNIT_MINISTRY,		/* Bộ GD&ĐT */
	UNIT_PROVINCE,		/* Sở GD&ĐT */
	UNIT_DISTRICT,		/* Phòng GD&ĐT (until 30/6/2025) */
	UNIT_COMMUNE,		/* UBND xã / phường / đặc khu (from 1/7/2025) */
	UNIT_MN,		/* Trường mầm non */
	UNIT_TH,		/* Trường tiểu học */
	UNIT_THCS,		/* Trường THCS */
	UNIT_TH_THCS,		/* Trường TH&THCS */
	UNIT_THPT,		/* Trường THPT */
	UNIT_GROUP,		/* Nhóm trẻ / lớp mẫu giáo độc lập */
	UNIT__MAX
};

struct unit_kind_info {
	const char	*code;		/* stored in unit.kind */
	const char	*name_vi;
	const char	*name_en;
	bool		 school;
};

extern const struct unit_kind_info unit_kinds[UNIT__MAX];

enum link_role { LINK_ADMIN, LINK_PROF, LINK_ANY };

struct unit {
	int64_t		 id;
	char		*code;
	enum unit_kind	 kind;
	char		*name;
	char		*name_en;	/* may be "" */
	char		*abbrev;
	char		*place;
	char		 opened_on[11];	/* "" = always */
	char		 closed_on[11];	/* "" = still open */
	bool		 demo;
};

struct unit_link {
	int64_t		 id;
	size_t		 child;		/* index into tree->u */
	size_t		 parent;
	enum link_role	 role;
	char		 from[11];
	char		 to[11];	/* exclusive */
};

struct unit_tree {
	int64_t		 generation;
	int		 refs;		/* guarded by the cache's lock */
	struct unit	*u;		/* sorted by id */
	size_t		 n;
	struct unit_link *l;
	size_t		 nl;
	/* Link indexes: links whose parent is unit i are
	 * down[down_off[i] .. down_off[i+1]); whose child is i, up[...]. */
	size_t		*down_off, *down;
	size_t		*up_off, *up;
};

/* Build the link indexes of a tree whose u and l are filled. */
void		 unit_tree_index(struct unit_tree *);

bool		 unit_kind_from_code(const char *, enum unit_kind *out);
/* The unit's name in a language (0 = Vietnamese, 1 = English; the
 * Vietnamese name when there is no English one). */
const char	*unit_display_name(const struct unit *, int lang);
const char	*unit_kind_name(enum unit_kind, int lang);

/* Index of unit id in tree->u, or (size_t)-1. */
size_t		 unit_index(const struct unit_tree *, int64_t id);
const struct unit *unit_get(const struct unit_tree *, int64_t id);
/* Is id the unit root or below it, through any link at any time? */
bool		 unit_in_scope(const struct unit_tree *, int64_t root,
		    int64_t id);
/* Does the link hold on date ("YYYY-MM-DD"; NULL = at any time)? */
bool		 unit_link_valid(const struct unit_link *, const char *date);
/* Is the unit open on date? */
bool		 unit_open_on(const struct unit *, const char *date);
/*
 * Children of parent (by index) through links of role valid on date, into
 * out (indexes, up to max); returns how many there are in all.  A child
 * linked twice is listed once; with max 0 (to size out) the count is an
 * upper bound, so use the count of the second call.
 */
size_t		 unit_children(const struct unit_tree *, size_t parent,
		    enum link_role, const char *date, size_t *out, size_t max);
/* The parent of child through role on date, or (size_t)-1. */
size_t		 unit_parent(const struct unit_tree *, size_t child,
		    enum link_role, const char *date);
/* Does the indicator level list (",mn,th,") include the unit's kind? */
bool		 unit_kind_in_levels(enum unit_kind, const char *levels);

/* Build a snapshot from the database (unit_db.c).  NULL on failure. */
struct unit_tree *unit_tree_load(struct db *);
void		 unit_tree_free(struct unit_tree *);

/* The snapshot cache shared by the server's threads (unit_cache.c). */
struct unit_cache;
struct unit_cache *unit_cache_new(void);
void		 unit_cache_free(struct unit_cache *);
/* The current snapshot, reloaded if the data generation moved; release it
 * with unit_tree_put().  NULL only if the database fails. */
const struct unit_tree *unit_tree_get(struct app *, struct db *);
void		 unit_tree_put(struct app *, const struct unit_tree *);

#endif
