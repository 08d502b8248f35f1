/*
 * growth_int.h -- what the growth pages share (private to src/growth/):
 * loading a school's class for a request with the scope, role and class
 * checks, checking a session's rows, and small HTML pieces.
 *
 * Who sees what (the register's rule for sensitive fields, register/
 * register_access.h): measurements are health data.  A user with
 * PERM_REGISTER_VIEW sees those of the schools in their scope; a teacher
 * only those of the classes assigned to them.  Entering needs
 * PERM_REGISTER_EDIT and, for a teacher, the class.
 */
#ifndef VITRE_GROWTH_INT_H
#define VITRE_GROWTH_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "growth/growth.h"
#include "growth/growth_db.h"
#include "register/register_access.h"
#include "register/register_db.h"

struct json_t;
struct req;

/* A class of a school in a school year, with its children. */
struct gclass {
	struct reg_school	 s;
	char			 cls[CHILD_TEXT(ENROL_CLASS_MAX)];
	struct roster_row	*kids;		/* active ones, roster order */
	size_t			 nkids;
	bool			 may_edit;
};

/*
 * Load school unit_id, its year (parameter "year") and class (parameter
 * "class", required): scope 403/404, not a school 400, unknown year or
 * class 400, a teacher's other class 403; want_edit: 403 unless the user
 * may enter measurements for the class.  false when an answer was sent;
 * release g in every case.
 */
bool	gclass_load(struct req *, int64_t unit_id, bool want_edit,
	    struct gclass *g);
void	gclass_release(struct req *, struct gclass *g);
/* May the user see the measurements of class cls (a teacher: theirs)? */
bool	growth_may_see_class(struct req *, int64_t unit_id, int64_t period_id,
	    const char *cls);

/* One row of a session as received, for child child_id. */
struct gsession_row {
	int64_t			 child_id;
	struct growth_raw	 raw;
};

/*
 * Check a session of class g on date: every row's child must be in the
 * class; each row checked against the child's previous measurement.  The
 * measured rows go to meas (g->nkids + n entries at most), *nmeas says
 * how many; problems to iss.  True when there is nothing to refuse
 * (errors or unconfirmed warnings) and at least one child was measured.
 */
bool	growth_session_check(struct req *, const struct gclass *g,
	    const char *date, const struct gsession_row *rows, size_t n,
	    struct growth_meas *meas, size_t *nmeas, struct growth_issues *iss);
/* Check the date of a session in the school year: a valid day of the
 * year, not in the future.  Adds to iss, named by w (NULL: the
 * session's date). */
bool	growth_date_check(const struct period *year, const char *raw,
	    char out[11], const struct growth_where *w,
	    struct growth_issues *iss);

/* HTML pieces (growth_html.c). */
const char *growth_level_label(enum zs_dim, enum zs_level, int lang);
/* A z-score cell body: the value (a flagged one marked), or "–". */
void	growth_z_html(struct req *, const struct growth_meas *, enum zs_ind);
/* The classification badges of a measurement (nothing when normal). */
void	growth_levels_html(struct req *, const struct growth_meas *);
/* The issues as a list (errors and warnings). */
void	growth_issues_html(struct req *, const struct growth_issues *);
/* The issues as a 400 answer: JSON for the API, a page otherwise. */
void	growth_issues_respond(struct req *, const struct growth_issues *,
	    const char *back);
/* "14,2 kg · 95,5 cm (đứng)" */
void	growth_values_html(struct req *, const struct growth_meas *);
/* Answer with j (its reference taken), reals with 15 digits. */
void	growth_json_respond(struct req *, int status, struct json_t *j);
/* A measurement as JSON (a new object). */
struct json_t *growth_meas_json(const struct growth_meas *);

#endif
