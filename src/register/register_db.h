/*
 * register_db.h -- reading and saving the child register (migration
 * 0004_register.sql).
 *
 * Two layers:
 *  - row functions (*_insert, *_put, *_get, ...) read or write rows inside
 *    the caller's transaction, with no audit row: an importer wraps
 *    thousands of them in one transaction;
 *  - operations (register_*) check nothing (the model did), open their own
 *    transaction, write the rows, bump the data generation (computed targets
 *    depend on the register) and add the audit row, so a failure leaves the
 *    register exactly as it was.  ERR_CONFLICT: a personal ID or learner
 *    code already belongs to another child, or the child already has an
 *    active enrolment that year.
 * Arrays returned through **out are new; free() them.
 */
#ifndef VITRE_REGISTER_DB_H
#define VITRE_REGISTER_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "register/child.h"
#include "register/circumstance.h"
#include "register/consent.h"
#include "register/disability.h"
#include "register/enrolment.h"
#include "register/warning.h"

struct db;
struct unit_tree;

/* --- rows ------------------------------------------------------------- */

enum err	 child_get(struct db *, int64_t id, struct child *out);
/* Insert c (name_key folded here if empty); *id gets the new id. */
enum err	 child_insert(struct db *, const struct child *c, int64_t *id);
/* Update the identity columns of c->id (not school_id). */
enum err	 child_update_row(struct db *, const struct child *c);
/* The child holding a personal ID / learner code; ERR_NOTFOUND. */
enum err	 child_find_pid(struct db *, const char *pid, int64_t *id);
enum err	 child_find_learner(struct db *, const char *code, int64_t *id);
/* school_id := the school of the child's active enrolment in the latest
 * school year it has one, else of its latest enrolment. */
enum err	 child_refresh_school(struct db *, int64_t child_id);

enum err	 guardians_get(struct db *, int64_t child_id,
		    struct guardian **out, size_t *n);
/* Make the child's guardians exactly g[0..n) (kept by seq, so consents
 * naming a guardian keep pointing at the same row). */
enum err	 guardians_put(struct db *, int64_t child_id,
		    const struct guardian *g, size_t n);

/* ERR_NOTFOUND if the child has no disability. */
enum err	 disability_get(struct db *, int64_t child_id,
		    struct disability *out);
/* Set (d) or remove (d NULL) the child's disability. */
enum err	 disability_put(struct db *, int64_t child_id,
		    const struct disability *d);

/* Newest first. */
enum err	 circumstances_get(struct db *, int64_t child_id,
		    struct circumstance **out, size_t *n);
enum err	 circumstance_insert(struct db *, const struct circumstance *,
		    int64_t *id);
/* Set the last day of circumstance id of child_id; ERR_NOTFOUND. */
enum err	 circumstance_end(struct db *, int64_t child_id, int64_t id,
		    const char *to_on);

enum err	 consents_get(struct db *, int64_t child_id,
		    struct consent **out, size_t *n);
enum err	 consent_insert(struct db *, const struct consent *, int64_t *id);

enum err	 enrolment_get(struct db *, int64_t id, struct enrolment *out);
/*
 * Insert e with an enrolment_event row (by user_id; 0 = none) and refresh
 * the child's school.  *id gets the new id.
 */
enum err	 enrolment_insert(struct db *, const struct enrolment *e,
		    int64_t user_id, int64_t *id);
/* Write e's status fields (status, status_on, to_*, dropout_reason, note,
 * class, grade) with an event row and refresh the child's school. */
enum err	 enrolment_update(struct db *, const struct enrolment *e,
		    int64_t user_id, const char *detail);
/* How many times enrolment id was dropped_out (its events). */
enum err	 enrolment_dropouts(struct db *, int64_t id, int *n);
/* The child's active enrolment in a school year; ERR_NOTFOUND. */
enum err	 enrolment_active(struct db *, int64_t child_id,
		    int64_t period_id, struct enrolment *out);

/* The schools the child was ever enrolled at (a new array). */
enum err	 child_schools(struct db *, int64_t child_id, int64_t **out,
		    size_t *n);

/* An enrolment with what a page shows beside it. */
struct enrolment_row {
	struct enrolment e;
	char		 year[16];		/* "2024-2025" */
	char		 year_start[11];
	char		 year_end[11];
	struct absence	 abs[2];		/* terms 1, 2; 0 if none */
};
/* The child's enrolments, newest school year first. */
enum err	 child_enrolments(struct db *, int64_t child_id,
		    struct enrolment_row **out, size_t *n);

/* One status an enrolment took. */
struct enrol_event {
	int64_t			 enrolment_id;
	enum enrol_status	 status;
	char			 on_date[11];
	char			 detail[256];
	char			 by[64];	/* username; "" = none */
};
/* Every event of the child's enrolments, oldest first. */
enum err	 child_events(struct db *, int64_t child_id,
		    struct enrol_event **out, size_t *n);

/* Set the days of one term (insert or replace). */
enum err	 absence_put(struct db *, int64_t enrolment_id,
		    const struct absence *);

/* --- operations (own transaction, generation, audit) -------------------- */

/*
 * A new child with guardians, an optional disability and a first
 * enrolment (e->child_id is set here).  *child_id gets the new id.
 */
enum err	 register_create_child(struct db *, const struct child *c,
		    const struct guardian *g, size_t ng,
		    const struct disability *d, struct enrolment *e,
		    int64_t user_id, int64_t *child_id);
/* Change identity, guardians and disability (d NULL = none). */
enum err	 register_update_child(struct db *, const struct child *c,
		    const struct guardian *g, size_t ng,
		    const struct disability *d, int64_t user_id);
/* Store e's new status (checked by enrol_change_check()). */
enum err	 register_change_status(struct db *, const struct enrolment *e,
		    int64_t user_id);
/*
 * Move a child: old becomes transferred_out, new_ (transferred_in at the
 * other school, the same child row) is inserted; new_->id is set.
 */
enum err	 register_transfer(struct db *, const struct enrolment *old,
		    struct enrolment *new_, int64_t user_id);
enum err	 register_add_circumstance(struct db *, struct circumstance *,
		    int64_t user_id);
enum err	 register_end_circumstance(struct db *, int64_t child_id,
		    int64_t id, const char *to_on, int64_t user_id);
enum err	 register_add_consent(struct db *, struct consent *,
		    int64_t user_id);
enum err	 register_save_absences(struct db *, int64_t child_id,
		    int64_t enrolment_id, const struct absence abs[2],
		    int64_t user_id);
/* Log that user viewed child's record (audit_log 'child.view'). */
enum err	 register_log_view(struct db *, int64_t child_id,
		    int64_t user_id);

/* --- the register of a school year ------------------------------------ */

/* One child of a school's register in a school year. */
struct roster_row {
	int64_t			 enrolment_id;
	int64_t			 child_id;
	char			 full_name[CHILD_TEXT(CHILD_NAME_MAX)];
	char			 name_key[CHILD_TEXT(CHILD_NAME_MAX)];
	enum child_sex		 sex;
	char			 birth_date[11];
	char			 class_name[CHILD_TEXT(ENROL_CLASS_MAX)];
	int			 grade;
	enum enrol_status	 status;
	char			 status_on[11];
	char			 ethnicity[3];		/* sensitive */
	enum child_household	 household;
	bool			 disability;		/* sensitive */
	unsigned		 group_bits;	/* sensitive: 1 << circ group */
	char			 groups[64];		/* sensitive: "a, đ" */
};

struct roster_query {
	int64_t		 unit_id;
	const struct period *year;
	const char	*class_name;	/* NULL or "" = every class */
	int		 status;	/* enum enrol_status; -1 = any */
	int		 group;		/* circ group index; -1 any; -2 = in
					 * some group */
	int		 disability;	/* -1 any, 1 with, 0 without */
	const char	*q;		/* folded name query; NULL = all */
};

/*
 * The children of a school in a school year that match q, sorted by
 * class, then given name (the last word), then full name.
 */
enum err	 roster_list(struct db *, const struct roster_query *q,
		    struct roster_row **out, size_t *n);
/* The class names of a school year, sorted. */
enum err	 roster_classes(struct db *, int64_t unit_id, int64_t period_id,
		    char (**out)[CHILD_TEXT(ENROL_CLASS_MAX)], size_t *n);
/* The newest school year with enrolments at the unit; ERR_NOTFOUND. */
enum err	 roster_latest_year(struct db *, int64_t unit_id,
		    int64_t *period_id);

/* A child found by a search over many schools. */
struct child_hit {
	int64_t		 child_id;
	int64_t		 school_id;
	char		 full_name[CHILD_TEXT(CHILD_NAME_MAX)];
	enum child_sex	 sex;
	char		 birth_date[11];
};
/*
 * Children whose current school lies in the scope of root (unit tree t)
 * and whose name matches the folded query q, at most limit, by name.  A
 * few schools are searched one by one (index child_school_name, any word
 * of the name); a large scope walks the name index from the query as a
 * prefix of the whole name (family name first).
 */
enum err	 child_search(struct db *, const struct unit_tree *t,
		    int64_t root, const char *q, size_t limit,
		    struct child_hit **out, size_t *n);

/* --- teachers' classes -------------------------------------------------- */

struct class_teacher {
	int64_t		 id;
	int64_t		 user_id;
	char		 username[64];
	char		 full_name[160];
	int64_t		 period_id;
	char		 class_name[CHILD_TEXT(ENROL_CLASS_MAX)];
};
/* The active teachers whose scope is the school, to assign classes to. */
struct school_teacher {
	int64_t		 user_id;
	char		 username[64];
	char		 full_name[160];
};
enum err	 school_teachers(struct db *, int64_t unit_id,
		    struct school_teacher **out, size_t *n);
enum err	 class_teacher_list(struct db *, int64_t unit_id,
		    int64_t period_id, struct class_teacher **out, size_t *n);
/* ERR_CONFLICT if the assignment exists. */
enum err	 class_teacher_add(struct db *, int64_t user_id, int64_t unit_id,
		    int64_t period_id, const char *class_name, int64_t by);
/* ERR_NOTFOUND unless id is an assignment of unit_id. */
enum err	 class_teacher_remove(struct db *, int64_t id, int64_t unit_id,
		    int64_t by);
/* Is the user assigned to the class the child is in now (its enrolment in
 * the newest school year it has one)? */
enum err	 class_teacher_of_child(struct db *, int64_t user_id,
		    int64_t child_id, bool *yes);
/* Is the user assigned to this class? */
enum err	 class_teacher_of_class(struct db *, int64_t user_id,
		    int64_t unit_id, int64_t period_id, const char *class_name,
		    bool *yes);

/* --- early warning ------------------------------------------------------ */

/* The school's thresholds, or the defaults. */
enum err	 warn_settings_get(struct db *, int64_t unit_id,
		    struct warn_settings *out);
enum err	 warn_settings_save(struct db *, int64_t unit_id,
		    const struct warn_settings *, int64_t user_id);

struct warn_row {
	struct roster_row	 r;
	struct warn_input	 in;
	unsigned		 reasons;	/* bits of enum warn_reason */
};
/* The active children of a school year with at least one reason. */
enum err	 warn_list(struct db *, int64_t unit_id,
		    const struct period *year, const struct warn_settings *,
		    struct warn_row **out, size_t *n);

#endif
