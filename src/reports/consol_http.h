/*
 * consol_http.h -- consolidated reports, the completeness of the units
 * below on the calendar page, and the period locks of a due.
 */
#ifndef VITRE_CONSOL_HTTP_H
#define VITRE_CONSOL_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "indicators/period.h"

struct report;
struct report_regime;
struct req;
struct unit_tree;

void	consol_lock_post(struct req *);	/* POST /units/{id}/reports/lock */
void	consol_unlock_post(struct req *); /* POST /units/{id}/reports/unlock */
void	consol_refresh_post(struct req *); /* POST /reports/{id}/consolidate */

/* Answer 423: the due is locked. */
void	consol_locked(struct req *);
/*
 * Create unit params[0]'s consolidated report of a due (the route POST
 * /units/{id}/reports when the report is a consolidation): with units
 * below lacking an accepted report, answers 409 naming them with a
 * confirmation form and writes nothing unless confirm_missing=1.
 */
void	consol_create(struct req *, const struct unit_tree *,
	    const struct report_regime *, const struct period *,
	    const char *due_on);
/* The calendar's part for the dues unit_id receives: per due, the
 * completeness and timeliness of the units below, its consolidated
 * report, the lock.  False on a database error (nothing answered). */
bool	consol_incoming(struct req *, const struct unit_tree *,
	    const struct report_regime *, size_t, int64_t unit_id,
	    const char *today);
/* The report page's refresh button of a consolidated draft. */
void	consol_step_forms(struct req *, const struct report *);

#endif
