/*
 * report.h -- reporting obligations and the reports that meet them.
 *
 * An obligation is derived, never typed: each row of a plan's reporting
 * regime (plan_reporting) gives, for each year of the plan, the dates by
 * which something is due and the period it covers:
 *
 *	'dates' 05-05,11-05	every year Y of the plan, due Y-05-05 and
 *				Y-11-05, each covering the school year the
 *				date falls in
 *	'school_year'		the school year ending in Y, due 31 May Y
 *				(the end-of-year statistics date, TT 20/2018)
 *	'annual' [12-25]	the calendar year Y, due Y-12-25, or
 *				REPORT_GRACE_DAYS after the year without a date
 *	'as_required'		the school year ending in Y, no due date
 *
 * Who reports: when the row is addressed to the plan's owner (its "to"
 * names the owner) the units directly below the owner (admin links on the
 * period's ref_on, open during the period) report to it; otherwise the
 * owner reports itself to the level named.  A school's own plan: the
 * school reports up.
 *
 * A report (struct report) is built from the data: the targets of the plan
 * evaluated for the unit as of the period's end, the activities of the
 * period, and four narrative sections the author writes.  Workflow: draft
 * -> submitted -> accepted, or -> returned -> submitted again.  Numbers are
 * stored in the report (report_value) when it is created and when it is
 * submitted; an accepted report never changes, a correction is a new
 * version (the old one becomes superseded when the new one is accepted).
 *
 * This file: the pure rules (no SQL, no HTML, no clock).
 */
#ifndef VITRE_REPORT_H
#define VITRE_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "plans/plan.h"

/* Days after a period an undated annual report is due. */
#define REPORT_GRACE_DAYS	15
/* Days before a due date the calendar reminds. */
#define REPORT_REMIND_DAYS	14

enum report_state {
	REPORT_DRAFT,
	REPORT_SUBMITTED,
	REPORT_RETURNED,
	REPORT_ACCEPTED,
	REPORT_SUPERSEDED,
	REPORT_STATE__MAX
};
extern const char *const report_state_codes[REPORT_STATE__MAX];
bool		 report_state_from_code(const char *, enum report_state *);
/* "Bản nháp" / "draft"; lang 0 Vietnamese, 1 English. */
const char	*report_state_name(enum report_state, int lang);

/* The workflow steps, and whether one may be taken from a state. */
enum report_step {
	REPORT_STEP_EDIT,	/* change the narrative, refresh the numbers */
	REPORT_STEP_SUBMIT,
	REPORT_STEP_ACCEPT,
	REPORT_STEP_RETURN,
	REPORT_STEP_REVISE,	/* a new version of an accepted report */
	REPORT_STEP__MAX
};
bool		 report_step_allowed(enum report_state, enum report_step);
/* The state after the step (only for an allowed step). */
enum report_state report_step_next(enum report_step);

/* One due of a regime row: the period (by code) and the date. */
struct report_due {
	char		 period[16];	/* "2023-2024", "2024" */
	char		 due_on[11];	/* "" for as_required */
};

/*
 * The dues of a regime row of schedule sched with its MM-DD dates over the
 * years from..to of a plan, oldest first, into a new array *out (caller
 * frees).  ERR_INVALID for a malformed date.
 */
enum err	 report_dues(enum plan_schedule sched,
		    const char *const *dates, size_t ndates, int from, int to,
		    struct report_due **out, size_t *n);
/* The school year ("2023-2024") a date falls in (1 Sep - 31 Aug). */
void		 report_school_year(const char *date, char out[16]);

/*
 * Is the row addressed to the owner (the units below report to it)?  True
 * when "to" names the owner: it contains the owner's name, or the owner's
 * name starts with it ("Phòng Giáo dục và Đào tạo"), comparing in capitals.
 * A school's plan is never addressed to itself.
 */
bool		 report_regime_to_owner(const char *owner_name,
		    bool owner_is_school, const char *to);

/* Where one unit stands on one due. */
enum report_standing {
	REPORT_UPCOMING,	/* not due yet */
	REPORT_DUE_SOON,	/* due within REPORT_REMIND_DAYS */
	REPORT_MISSING,		/* past due, nothing submitted */
	REPORT_ON_TIME,		/* submitted by the due date */
	REPORT_LATE,		/* submitted after it */
	REPORT_OPEN,		/* as required: nothing submitted, no date */
	REPORT_STANDING__MAX
};
const char	*report_standing_code(enum report_standing);
const char	*report_standing_name(enum report_standing, int lang);
/*
 * submitted_on: the date of the first submission ("" = none); today the
 * date now.  due_on "" = as required.
 */
enum report_standing report_standing_of(const char *due_on,
		    const char *submitted_on, const char *today);

/* Completeness and timeliness of the units below on one due. */
struct report_tally {
	int		 expected;	/* units open during the period */
	int		 submitted;	/* on time + late */
	int		 on_time;
	int		 late;
	int		 missing;	/* past due, nothing */
	int		 accepted;
};
void		 report_tally_add(struct report_tally *, enum report_standing,
		    bool accepted);
/* Percent of expected, rounded down; 0 when nothing is expected. */
int		 report_pct(int part, int whole);

/* Is a unit open at some time between start and end (inclusive)?
 * opened/closed "" = always / still open; closed is the first day shut. */
bool		 report_open_during(const char *opened, const char *closed,
		    const char *start, const char *end);

/* The numbers of one target in a report. */
struct report_num {
	int64_t		 unit_id;	/* 0 = totals */
	int64_t		 indicator_id;
	char		 target_code[32];
	char		*label;		/* owned */
	char		 period[16];	/* "" = no value */
	bool		 has_value;
	int64_t		 num, den;
	bool		 has_den;
	int64_t		 num_m, num_f, den_m, den_f;
	bool		 has_sex;
	char		 status[16];	/* dash_status_code or "" */
	char		*target_text;	/* owned: "≥ 100% (2025)" or "" */
};
void		 report_nums_free(struct report_num *, size_t);
/*
 * Add b's numbers to the totals a: numerators and denominators (and their
 * splits by sex) are summed, never the rates; a has a value when any row
 * had one, its sex split only when every row with a value had one.
 */
void		 report_num_add(struct report_num *a, const struct report_num *b);
/* num/den as the indicator's value: scale 100, 1000 or 0 (a count). */
bool		 report_num_rate(const struct report_num *, double scale,
		    double *out);

#endif
