/*
 * register_access.h -- who may see and change what in the register:
 * loading a school or a child for a request with the scope and role
 * checks, and who sees the sensitive fields (register_access.c).  Shared
 * with the modules whose data is as sensitive as the register's (growth
 * measurements are health data: the same rule decides who sees them).
 */
#ifndef VITRE_REGISTER_ACCESS_H
#define VITRE_REGISTER_ACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "indicators/period.h"
#include "register/child.h"
#include "register/enrolment.h"
#include "units/unit.h"

struct req;

/* A school and one of its school years, as a register page uses them. */
struct reg_school {
	const struct unit_tree	*t;	/* released by reg_school_release() */
	const struct unit	*u;
	struct period		 year;	/* id 0 = none */
};

/*
 * Load school unit_id for the request: the tree, the scope check (403 /
 * 404), that it is a school (400), and the year ?year= (a code; default:
 * the newest with enrolments, else the current school year).  false when
 * an answer was sent; release s in every case.
 */
bool	reg_school_load(struct req *, int64_t unit_id, const char *year,
	    struct reg_school *s);
void	reg_school_release(struct req *, struct reg_school *s);
/* The current school year (the newest that has started). */
bool	reg_current_year(struct req *, struct period *out);

/* What the signed-in user may do with one child. */
struct reg_child {
	const struct unit_tree	*t;
	struct child		 c;
	bool			 current;	/* the child's school is in scope */
	bool			 sensitive;	/* may see ethnicity, health ... */
	bool			 edit;		/* may change the record */
};
/*
 * Load child id and decide: in scope through the current school or only
 * through a past enrolment (history, no sensitive fields); a teacher sees
 * sensitive fields and edits only for the class the child is in now.
 * want_edit: answer 403 unless edit.  false when an answer was sent.
 */
bool	reg_child_load(struct req *, int64_t id, bool want_edit,
	    struct reg_child *);
void	reg_child_release(struct req *, struct reg_child *);

/* May the user add or change children of class cls at the school? */
bool	reg_may_edit_class(struct req *, int64_t unit_id, int64_t period_id,
	    const char *cls);

/* The classes of a school year the signed-in user is assigned to (a new
 * array of *n; NULL if none). */
char	(*reg_teacher_classes(struct req *, int64_t unit_id, int64_t period_id,
	    size_t *n))[CHILD_TEXT(ENROL_CLASS_MAX)];

#endif
