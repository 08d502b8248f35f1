/*
 * report_db.h -- reports in the database: the regimes of the plans, the
 * obligations of a unit and of the units below it, reports with their
 * stored numbers and activities, and the locks.
 *
 * Every function that changes something runs inside the caller's
 * transaction (db_begin .. db_commit), so a refused step changes nothing.
 */
#ifndef VITRE_REPORT_DB_H
#define VITRE_REPORT_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "indicators/period.h"
#include "reports/report.h"

struct app;
struct db;
struct unit_tree;

/* One row of a plan's reporting regime, with its plan. */
struct report_regime {
	int64_t		 id;		/* plan_reporting.id */
	int64_t		 plan_id;
	int64_t		 owner_id;	/* the plan's unit */
	char		*what;
	char		*to;
	char		*channel;
	enum plan_schedule sched;
	char		*dates;		/* "05-05,11-05" */
	int		 from, to_year;	/* the plan's years */
	char		*plan_ref;	/* "89/KH-MNHL" or "" */
	char		*plan_title;
	bool		 to_owner;	/* the units below report to the owner */
};
enum err	 report_db_regimes(struct db *, const struct unit_tree *,
		    struct report_regime **out, size_t *n);
void		 report_regimes_free(struct report_regime *, size_t);
const struct report_regime *report_regime_find(const struct report_regime *,
		    size_t, int64_t id);

/* One obligation of one unit: a due of a regime. */
struct report_oblig {
	const struct report_regime *rg;
	int64_t		 unit_id;	/* who reports */
	int64_t		 to_unit_id;	/* who receives (0: named only) */
	struct period	 period;
	char		 due_on[11];
	enum report_standing standing;
	int64_t		 report_id;	/* latest version, 0 = none */
	enum report_state state;
	bool		 locked;
};

/*
 * The obligations of unit_id (what it must send), newest due first, into
 * a new array (caller frees).  today "YYYY-MM-DD".
 */
enum err	 report_db_obligations(struct db *, const struct unit_tree *,
		    const struct report_regime *, size_t, int64_t unit_id,
		    const char *today, struct report_oblig **out, size_t *n);
/*
 * The units that owe owner_id regime rg's due (period, due_on): directly
 * below it through admin links on the period's ref_on and open during
 * the period, into a new array of obligations with their standing.
 */
enum err	 report_db_owed(struct db *, const struct unit_tree *,
		    const struct report_regime *rg, const struct period *,
		    const char *due_on, const char *today,
		    struct report_oblig **out, size_t *n);
/* The same for any receiving office: the units directly below it. */
enum err	 report_db_owed_to(struct db *, const struct unit_tree *,
		    const struct report_regime *rg, int64_t receiver,
		    const struct period *, const char *due_on,
		    const char *today, struct report_oblig **out, size_t *n);
/*
 * A regime addressed to its owner runs down the whole admin tree below it:
 * every unit below the owner on the period's ref_on reports to its admin
 * parent, and an office with units below it consolidates theirs (school ->
 * commune or district -> province).  The office unit_id reports the due
 * to, 0 when it does not owe it (the owner itself owes nothing).
 */
int64_t		 report_db_receiver(const struct unit_tree *,
		    const struct report_regime *, int64_t unit_id,
		    const struct period *);
/* Is unit_id's report of the due a consolidation (the owner, or an office
 * with units below it open during the period)? */
bool		 report_db_consolidates(const struct unit_tree *,
		    const struct report_regime *, int64_t unit_id,
		    const struct period *);
/* The names of the units below receiver without an accepted report of
 * the due, ", "-separated into names (nothing written). */
enum err	 report_db_missing(struct db *, const struct unit_tree *,
		    const struct report_regime *, int64_t receiver,
		    const struct period *, const char *due_on,
		    const char *today, struct buf *names);
/* Fill o's standing, report and lock from the latest report of o's unit
 * (o's rg, unit_id, period and due_on set). */
enum err	 report_db_standing(struct db *, struct report_oblig *o,
		    const char *today);
/* The dues of a regime with their periods (skipping unknown periods). */
enum err	 report_db_dues(struct db *, const struct report_regime *,
		    struct report_oblig **out, size_t *n);

struct report {
	int64_t		 id;
	int64_t		 reporting_id;
	int64_t		 unit_id;
	int64_t		 period_id;
	char		 due_on[11];
	int		 version;
	bool		 consolidated;
	enum report_state state;
	char		*results, *strengths, *limitations, *proposals;
	char		*review_note;
	char		*missing_note;
	int64_t		 created_at, submitted_at, first_submitted_at;
	int64_t		 reviewed_at, snapshot_at;
	struct report_num *nums;	/* loaded by report_db_get */
	size_t		 nnums;
	struct report_act {
		char	 on_date[11];
		char	*title;
		int64_t	 reached;
	}		*acts;
	size_t		 nacts;
};
void		 report_free(struct report *);

/* A report with its numbers and activities; ERR_NOTFOUND. */
enum err	 report_db_get(struct db *, int64_t id, struct report **out);
/* Is the due locked? */
bool		 report_db_locked(struct db *, int64_t reporting_id,
		    int64_t period_id, const char *due_on);
enum err	 report_db_lock(struct db *, int64_t reporting_id,
		    int64_t period_id, const char *due_on, int64_t user_id);
/* Remove the lock; ERR_CONFLICT when there was none. */
enum err	 report_db_unlock(struct db *, int64_t reporting_id,
		    int64_t period_id, const char *due_on);
/* Does the lock stop unit_id's report?  The owner of the regime locks
 * the units below; its own consolidated report stays open. */
bool		 report_db_locked_for(struct db *, int64_t reporting_id,
		    int64_t period_id, const char *due_on, int64_t unit_id);

/*
 * Create the first version of the report of an obligation (ERR_CONFLICT
 * if there is one) with its snapshot; *id the new report.  A report of the
 * owner of a regime addressed to it is a consolidation.
 */
enum err	 report_db_create(struct app *, struct db *,
		    const struct unit_tree *, const struct report_regime *,
		    int64_t unit_id, const struct period *, const char *due_on,
		    const char *today, int64_t user_id, int64_t *id);
/* The next version of an accepted report, narrative copied. */
enum err	 report_db_revise(struct app *, struct db *,
		    const struct unit_tree *, const struct report_regime *,
		    const struct report *, const char *today, int64_t user_id,
		    int64_t *id);
/*
 * Store the numbers and activities afresh: a unit's targets as of the
 * period's end, or for a consolidation (report_db_consolidate) the office's
 * own roll-up, one table per unit below from its accepted report (latest
 * version; a consolidated report below gives its totals), and the totals
 * (sums of numerators and denominators).  missing receives the names of
 * the units below without an accepted report, also kept in missing_note.
 */
enum err	 report_db_snapshot(struct app *, struct db *,
		    const struct unit_tree *, const struct report_regime *,
		    struct report *, const char *today, struct buf *missing);
enum err	 report_db_consolidate(struct app *, struct db *,
		    const struct unit_tree *, const struct report_regime *,
		    struct report *r, const char *today, struct buf *missing);
enum err	 report_db_save_text(struct db *, const struct report *);
/* Move to the state after step, stamping who and when (and the note);
 * ERR_CONFLICT if the report is no longer in a state the step leaves. */
enum err	 report_db_step(struct db *, const struct report *,
		    enum report_step, int64_t user_id, const char *note);

#endif
