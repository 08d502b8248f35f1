/*
 * rollover.h -- the year-end rollover of a school's register (chuyển năm
 * học): every child of school year t who stays at the school gets an
 * enrolment in t+1, in one step that can be previewed first and undone.
 *
 * What happens to each enrolment of t at the school (rollover_plan()):
 *   - transferred out, dropped out: nothing (the child has left; a child
 *     transferred to another school in vitre is enrolled there);
 *   - already enrolled somewhere in t+1 (moved, or imported): nothing;
 *   - promoted (lên lớp): grade + 1 in t+1 if the school teaches it;
 *     otherwise the child has finished the school and is marked completed
 *     when at the last grade of a level;
 *   - repeated (lưu ban): the same grade and class name in t+1;
 *   - completed (hoàn thành cấp học): grade + 1 when the school teaches it
 *     (grade 5 of a TH&THCS school goes on to grade 6), else leaves;
 *   - studying or transferred in, with no year-end decision yet: promoted
 *     (completed at the school's last grade) -- the preview counts them so
 *     the principal can record repeats first.
 * Next year's class names follow the usual patterns: "3A" -> "4A", the
 * preschool groups "Nhà trẻ" -> "Mầm" -> "Chồi" -> "Lá"; other names are
 * kept.
 *
 * rollover_apply() writes the decided statuses (with status_on the year's
 * last day, or today if earlier) and the new enrolments in ONE
 * transaction, recording each change in rollover_item, recomputes the
 * school's targets, audits and bumps the data generation.
 * rollover_undo() restores the statuses and deletes the enrolments it
 * opened, in one transaction -- refused (ERR_CONFLICT) once any opened
 * enrolment has changed since (a status, a class, absences).
 */
#ifndef VITRE_ROLLOVER_H
#define VITRE_ROLLOVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "indicators/period.h"
#include "register/child.h"
#include "register/enrolment.h"

struct db;

enum roll_action {
	ROLL_PROMOTE,		/* to grade + 1 at the school */
	ROLL_REPEAT,		/* the same grade again */
	ROLL_LEAVE_COMPLETED,	/* finished the school */
	ROLL_SKIP_LEFT,		/* transferred out or dropped out */
	ROLL_SKIP_ENROLLED,	/* already enrolled in t+1 */
	ROLL__MAX
};

struct roll_item {
	int64_t			 enrolment_id;
	int64_t			 child_id;
	enum enrol_status	 status;		/* now */
	enum enrol_status	 new_status;		/* at the end of t */
	bool			 decided;		/* status set before */
	enum roll_action	 action;
	int			 grade, next_grade;
	char			 class_name[CHILD_TEXT(ENROL_CLASS_MAX)];
	char			 next_class[CHILD_TEXT(ENROL_CLASS_MAX)];
};

/* One line of the preview: a class of t and what becomes of it. */
struct roll_class {
	char		 class_name[CHILD_TEXT(ENROL_CLASS_MAX)];
	int		 grade;
	size_t		 n[ROLL__MAX];
	size_t		 undecided;	/* promoted by default */
};

/* A class of t+1 and how many children it will start with. */
struct roll_next {
	char		 class_name[CHILD_TEXT(ENROL_CLASS_MAX)];
	int		 grade;
	size_t		 n;
};

struct roll_plan {
	int64_t		 unit_id;
	struct period	 from, to;
	struct roll_item *items;
	size_t		 nitems;
	struct roll_class *classes;
	size_t		 nclasses;
	struct roll_next *next;
	size_t		 nnext;
	size_t		 total[ROLL__MAX];
	size_t		 undecided;
	int64_t		 active_rollover;	/* applied, not undone; 0 none */
};

/*
 * Plan the rollover of school unit_id from school year from (t+1 is the
 * school year that starts the day after it ends).  ERR_NOTFOUND if the
 * unit is not a school or t+1 is not in the periods list.
 */
enum err	 rollover_plan(struct db *, int64_t unit_id,
		    const struct period *from, struct roll_plan *out);
void		 rollover_plan_free(struct roll_plan *);
/*
 * Apply a fresh plan.  ERR_CONFLICT if the school's rollover from that
 * year was applied already (and not undone); *id gets the rollover id.
 */
enum err	 rollover_apply(struct db *, const struct roll_plan *,
		    int64_t user_id, const char *today, int64_t *id);
/* Undo rollover id of unit_id.  ERR_NOTFOUND, or ERR_CONFLICT (already
 * undone, or next year's enrolments changed) with the reason in why. */
enum err	 rollover_undo(struct db *, int64_t unit_id, int64_t id,
		    int64_t user_id, struct buf *why_vi, struct buf *why_en);

/* Next year's class name for a class of grade moving to next_grade. */
void		 rollover_class_name(const char *cls, int grade, int next_grade,
		    char *out, size_t size);

#endif
