/*
 * enrolment.h -- a child's enrolment in a school for a school year: class,
 * grade, status and its changes, absences per term (the model; no SQL, no
 * HTML).
 *
 * Grades: 1-12, and the preschool groups as 0 (mẫu giáo 5-6 tuổi), -1
 * (4-5 tuổi), -2 (3-4 tuổi), -3 (nhà trẻ, under 3), so a child of the
 * expected age is grade + 5 years old in the calendar year the school year
 * starts.  Each school level takes its grades: MN and independent groups
 * -3..0, TH 1-5, THCS 6-9, TH&THCS 1-9, THPT 10-12.
 *
 * Statuses and how they change (enrol_transition_ok):
 *
 *	(none) ------------> studying | transferred_in
 *	studying, transferred_in --> promoted | repeated | completed
 *	                          | transferred_out | dropped_out
 *	promoted, repeated, completed --> studying (undo) or one another
 *	                                  (a corrected year-end decision)
 *	dropped_out --> studying (came back; a second drop-out in the same
 *	                year is refused)
 *	transferred_out: final (the child is now another school's)
 *
 * completed needs the last grade of a level (0 preschool, 5, 9, 12);
 * transferred_out needs a destination (a school in vitre or a name);
 * dropped_out needs a date and a reason.  Every status date lies in the
 * school year, not before the child joined the school, not in the future.
 */
#ifndef VITRE_ENROLMENT_H
#define VITRE_ENROLMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "http/form.h"
#include "indicators/period.h"
#include "register/child.h"
#include "units/unit.h"

#define ENROL_GRADE_MIN		(-3)
#define ENROL_GRADE_MAX		12
#define ENROL_CLASS_MAX		20	/* characters of a class name */
#define ENROL_SCHOOL_MAX	200	/* characters of a school named in text */
#define ABSENCE_DAYS_MAX	120	/* days in one term, at most */

enum enrol_status {
	ENROL_STUDYING,		/* đang học */
	ENROL_PROMOTED,		/* lên lớp */
	ENROL_REPEATED,		/* lưu ban */
	ENROL_COMPLETED,	/* hoàn thành cấp học */
	ENROL_TRANSFERRED_IN,	/* chuyển đến */
	ENROL_TRANSFERRED_OUT,	/* chuyển đi */
	ENROL_DROPPED_OUT,	/* bỏ học */
	ENROL__MAX		/* also: no enrolment yet */
};
extern const struct reg_code enrol_statuses[ENROL__MAX];

enum dropout_reason {
	DROPOUT_ECONOMIC, DROPOUT_LEARNING, DROPOUT_DISTANCE, DROPOUT_WORK,
	DROPOUT_FAMILY, DROPOUT_MARRIAGE, DROPOUT_HEALTH, DROPOUT_MIGRATION,
	DROPOUT_OTHER, DROPOUT__MAX	/* also: none */
};
extern const struct reg_code dropout_reasons[DROPOUT__MAX];

struct enrolment {
	int64_t			 id;		/* 0 = not stored yet */
	int64_t			 child_id;
	int64_t			 unit_id;	/* the school */
	int64_t			 period_id;	/* the school year */
	char			 class_name[CHILD_TEXT(ENROL_CLASS_MAX)];
	int			 grade;
	enum enrol_status	 status;
	char			 entered_on[11];
	char			 status_on[11];
	int64_t			 from_unit_id;	/* 0 = none */
	char			 from_school[CHILD_TEXT(ENROL_SCHOOL_MAX)];
	int64_t			 to_unit_id;	/* 0 = none */
	char			 to_school[CHILD_TEXT(ENROL_SCHOOL_MAX)];
	enum dropout_reason	 dropout_reason;	/* DROPOUT__MAX = none */
	char			 note[CHILD_TEXT(CHILD_NOTE_MAX)];
	bool			 demo;
};

/* What the checks need to know around an enrolment. */
struct enrol_ctx {
	enum unit_kind		 kind;		/* the school's level */
	int64_t			 unit_id;	/* the school */
	const struct period	*year;		/* the school year */
	const char		*birth;		/* the child's; "" = unknown */
	const char		*today;
	const struct unit_tree	*t;		/* resolves from/to schools */
};

/* An enrolment as received; NULL or "" = absent. */
struct enrol_raw {
	const char	*class_name;	/* required */
	const char	*grade;		/* "-3".."12" or "NT", "MG3".."MG5" */
	const char	*status;	/* default studying */
	const char	*entered_on;	/* default: the year's first day */
	const char	*status_on;	/* default: entered_on, or the year's
					 * reference day for year-end statuses */
	const char	*from_unit;	/* unit id, transferred_in */
	const char	*from_school;	/* name, transferred_in */
	const char	*to_unit;	/* unit id, transferred_out */
	const char	*to_school;	/* name, transferred_out */
	const char	*dropout_reason;
	const char	*note;
};

extern const struct field enrol_f_year, enrol_f_class_name, enrol_f_grade,
	enrol_f_status, enrol_f_entered_on, enrol_f_status_on,
	enrol_f_from_unit, enrol_f_from_school, enrol_f_to_unit,
	enrol_f_to_school, enrol_f_dropout_reason, enrol_f_note;

/* Grades. */
bool	enrol_grade_parse(const char *raw, int *out);
/* "Lớp 3", "Mẫu giáo 5–6 tuổi" (lang 0) / "Grade 3", ... (lang 1). */
const char *enrol_grade_name(int grade, int lang);
/* The grades a school level takes; false if the unit is not a school. */
bool	enrol_grade_range(enum unit_kind, int *lo, int *hi);
bool	enrol_grade_fits(enum unit_kind, int grade);
/* Is grade the last of a level at this kind of school (0, 5, 9, 12)? */
bool	enrol_grade_completes(enum unit_kind, int grade);
/* Years by which a child is older than the grade expects, at the start of
 * the school year starting in start_year (negative: younger). */
int	enrol_over_age(int grade, const char *birth, int start_year);

/* Is a status one a child can hold at the end of a year or leave with? */
bool	enrol_status_active(enum enrol_status);
bool	enrol_transition_ok(enum enrol_status from, enum enrol_status to);

/*
 * Check a whole enrolment row: a new one (any_status false: only studying
 * or transferred_in) or one of a past year as a list has it (any_status
 * true: any status, with the fields it needs).  Fills out (child_id,
 * unit_id, period_id from ctx or left) and returns true when good.
 */
bool	enrol_check(const struct enrol_raw *, const struct enrol_ctx *,
	    bool any_status, struct enrolment *out, struct form_errors *);

/* A status change as received. */
struct enrol_change_raw {
	const char	*status;	/* required */
	const char	*on;		/* the day; default today */
	const char	*to_unit;
	const char	*to_school;
	const char	*dropout_reason;
	const char	*note;
};
extern const struct field enrol_f_on;

/*
 * Check a change of cur to a new status; dropouts = how many times this
 * enrolment was dropped_out before (its history).  Fills out with cur
 * changed.  Messages name the field and say why (the transition, the
 * missing destination or reason, the date).
 */
bool	enrol_change_check(const struct enrolment *cur, int dropouts,
	    const struct enrol_change_raw *, const struct enrol_ctx *,
	    struct enrolment *out, struct form_errors *);

/* A transfer to another school in vitre as received. */
struct transfer_raw {
	const char	*to_unit;	/* required: the school's id */
	const char	*on;		/* default today */
	const char	*class_name;	/* required */
	const char	*grade;		/* default: the same grade */
};
extern const struct field transfer_f_to_unit, transfer_f_on,
	transfer_f_class_name, transfer_f_grade;

/*
 * Check a transfer of the active enrolment cur (ctx: its school and year)
 * to another school of ctx->t: old gets transferred_out to it, new is the
 * transferred_in enrolment there for the same child and year.
 */
bool	transfer_check(const struct enrolment *cur,
	    const struct transfer_raw *, const struct enrol_ctx *,
	    struct enrolment *old, struct enrolment *new_,
	    struct form_errors *);

/* Absence days of one term. */
struct absence {
	int	 term;		/* 1 or 2 */
	int	 excused;	/* có phép */
	int	 unexcused;	/* không phép */
};
struct absence_fields {
	struct field	 excused, unexcused;
};
/* abs1_excused, abs1_unexcused, abs2_excused, abs2_unexcused */
extern const struct absence_fields absence_f[2];
/* Check the days of term (1 or 2); empty = 0. */
bool	absence_check(const char *excused, const char *unexcused, int term,
	    struct absence *out, struct form_errors *);

#endif
