/*
 * growth_db.h -- growth measurements in the database (migration
 * 0006_growth.sql): saving sessions with their measurements, the
 * nutrition values computed from them, and the reads the pages need.
 *
 * growth_save() is the one writer: in one transaction it stores the
 * sessions (a class on a day; saving the same class and day again updates
 * it) and the measurements (one per child and day; saving one again
 * replaces it), recomputes the nutrition values of every school and school
 * year it touched -- the sessions' and any other school that measured one
 * of the children that year, since a child counts where last measured
 * (growth_refresh()) -- bumps the data generation and adds an audit row
 * per session.  On any failure nothing is written.
 *
 * Computed values (docs/internals/growth.md, docs/internals/dashboard.md):
 * for each indicator of growth_ind_codes, the school's agg_value row of the
 * year is written from its measurements and marked computed = 1, so the
 * dashboard rolls it up like any value; a row locked by hand is kept as it
 * is (demo rows are replaced); an indicator with no child to count loses
 * its computed (or demo) row.  The value-entry form refuses to overwrite a
 * computed row.
 *
 * Arrays returned through **out are new; free() them.
 */
#ifndef VITRE_GROWTH_DB_H
#define VITRE_GROWTH_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "growth/growth.h"
#include "indicators/period.h"
#include "register/enrolment.h"

struct db;

/* A class measured on one day. */
struct growth_session {
	int64_t		 id;		/* 0 = not stored yet */
	int64_t		 unit_id;
	int64_t		 period_id;	/* the school year */
	char		 class_name[CHILD_TEXT(ENROL_CLASS_MAX)];
	char		 measured_on[11];
	bool		 demo;
};

/*
 * Save sessions s[0..ns) and measurements m[0..nm), m[i] belonging to
 * s[sidx[i]], by user (0 = none); sets every id.  A measurement confirmed
 * implausible records user as who confirmed it.  action is the audit
 * action ("growth.session", "growth.import").
 */
enum err	 growth_save(struct db *, struct growth_session *s, size_t ns,
		    struct growth_meas *m, size_t nm, const size_t *sidx,
		    int64_t user_id, const char *action);

/*
 * A whole class on one day, as the grid sends it: growth_save() of one
 * session, and the children of drop[0..ndrop) whose rows were emptied lose
 * their measurement of that session (the session goes when empty).
 */
enum err	 growth_save_class(struct db *, struct growth_session *s,
		    struct growth_meas *m, size_t nm, const int64_t *drop,
		    size_t ndrop, int64_t user_id);

/*
 * The rows of growth_save() inside the caller's transaction, without the
 * values, the generation or an audit row (the demo database).
 */
enum err	 growth_put(struct db *, struct growth_session *s, size_t ns,
		    struct growth_meas *m, size_t nm, const size_t *sidx,
		    int64_t user_id);
/* growth_refresh() for every school and year of s[0..ns), once each. */
enum err	 growth_refresh_all(struct db *, const struct growth_session *s,
		    size_t ns, struct buf *note);

/*
 * Recompute the nutrition values of school unit_id in school year p inside
 * the caller's transaction (no generation bump, no audit); a summary of
 * what was written is appended to note (may be NULL).
 */
enum err	 growth_refresh(struct db *, int64_t unit_id,
		    const struct period *p, struct buf *note);
/* The rates of a school and year as growth_refresh() computes them. */
enum err	 growth_rates_get(struct db *, int64_t unit_id,
		    const struct period *p, struct growth_rates *out);

/* Every measurement of a child, oldest first. */
enum err	 growth_child_list(struct db *, int64_t child_id,
		    struct growth_meas **out, size_t *n);
/* The child's last measurement before date ("" = any). */
enum err	 growth_prev_get(struct db *, int64_t child_id,
		    const char *before, struct growth_prev *out);
/* The child's measurement on date; ERR_NOTFOUND. */
enum err	 growth_on(struct db *, int64_t child_id, const char *date,
		    struct growth_meas *out);
/* The child's last two measurements: *n is 0, 1 or 2, m[0] the latest. */
enum err	 growth_last_two(struct db *, int64_t child_id,
		    struct growth_meas m[2], size_t *n);
/* Log that user viewed the child's measurements (audit 'growth.view'). */
enum err	 growth_log_view(struct db *, int64_t child_id, int64_t user_id);

/* A session with what a list shows. */
struct growth_session_row {
	struct growth_session s;
	int64_t		 measured;	/* children measured */
	int64_t		 attention;	/* of them needing attention */
};
/* The sessions of a school and year, newest first (class NULL = all). */
enum err	 growth_sessions(struct db *, int64_t unit_id, int64_t period_id,
		    const char *class_name, struct growth_session_row **out,
		    size_t *n);

#endif
