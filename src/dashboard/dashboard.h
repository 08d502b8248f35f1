/*
 * dashboard.h -- what other modules use of the target dashboard: the live
 * evaluation of one target for one unit, and the status labels and badge.
 *
 * A target's evaluation for a unit takes the unit's roll-up (rollup.h) of
 * the target's indicator, picks the latest period with a value (the
 * "actual"), and judges it against the target's milestones (status.h).
 * Evaluations come from a cache shared by the server's threads
 * (cache.h), recomputed when the data generation moves, so calling this
 * for every target of a plan page is cheap.
 *
 *	struct target_eval ev;
 *	if (dash_target_eval(r->app, r->db, plan_unit, target_id, &ev) ==
 *	    ERR_OK)
 *		dash_status_badge_html(r, ev.status);
 */
#ifndef VITRE_DASHBOARD_H
#define VITRE_DASHBOARD_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "dashboard/rollup.h"
#include "dashboard/status.h"

struct app;
struct db;
struct req;

struct target_eval {
	int64_t		 unit_id;
	int64_t		 target_id;
	int64_t		 plan_id;
	int64_t		 indicator_id;
	enum target_status status;
	bool		 has_baseline;
	double		 baseline;
	int		 baseline_year;
	/* The latest period with a value. */
	bool		 has_actual;
	double		 actual;		/* in the indicator's unit */
	int		 actual_year;		/* compared with milestones */
	int64_t		 period_id;
	char		 period[16];		/* "2024-2025" */
	struct dash_sums sums;			/* numerators, denominators */
	bool		 has_m, has_f;		/* value by sex */
	double		 actual_m, actual_f;
	/* The next milestone (status.h) and the gap to it. */
	bool		 has_next;
	struct dash_milestone next;
	bool		 has_gap;
	double		 gap;			/* > 0: still to go */
	bool		 has_line;
	double		 line;			/* trajectory at actual_year */
};

/*
 * Evaluate target target_id (of any plan) for unit unit_id.  The caller
 * has checked that the user may see the unit.  ERR_NOTFOUND if the unit or
 * the target does not exist, ERR_DB if the database fails.
 */
enum err	 dash_target_eval(struct app *, struct db *, int64_t unit_id,
		    int64_t target_id, struct target_eval *out);

/*
 * The same as of a date: only the periods whose ref_on is on or before
 * until ("YYYY-MM-DD") count, so a report on a past period shows that
 * period's value, not a later one (reports/).
 */
enum err	 dash_target_eval_at(struct app *, struct db *, int64_t unit_id,
		    int64_t target_id, const char *until,
		    struct target_eval *out);

/* "achieved", "on_track", ... (JSON, CSS class st-<code>). */
/*
 * The monitored indicators (those that hide small counts, such as the
 * number of abused children, TT 13/2021 0101) of unit_id as of until: for
 * each one with a value in a period whose ref_on is on or before until,
 * its latest such value, into a new array (caller frees with
 * dash_monitored_free).  They belong in a unit's report whether a plan has
 * a target on them or not (reports/).
 */
struct dash_monitored {
	int64_t		 indicator_id;
	char		 code[32];
	char		*name_vi;		/* owned */
	char		 period[16];
	struct dash_sums sums;
};
enum err	 dash_monitored_at(struct app *, struct db *, int64_t unit_id,
		    const char *until, struct dash_monitored **out, size_t *n);
void		 dash_monitored_free(struct dash_monitored *, size_t);

const char	*dash_status_code(enum target_status);
/* "Đạt" / "achieved", ...; lang 0 Vietnamese, 1 English. */
const char	*dash_status_label(enum target_status, int lang);
/* <span class="badge st-CODE">label</span> */
void		 dash_status_badge(struct buf *, enum target_status, int lang);
void		 dash_status_badge_html(struct req *, enum target_status);

#endif
