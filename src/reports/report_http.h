/*
 * report_http.h -- the reporting calendar and report pages.
 */
#ifndef VITRE_REPORT_HTTP_H
#define VITRE_REPORT_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "indicators/period.h"

struct req;
struct report;
struct report_oblig;
struct report_regime;
struct unit_tree;

void	report_calendar_page(struct req *);	/* GET /units/{id}/reports */
void	report_create_post(struct req *);	/* POST /units/{id}/reports */
void	report_page(struct req *);		/* GET /reports/{id} */
void	report_text_post(struct req *);		/* POST /reports/{id}/text */
void	report_submit_post(struct req *);	/* POST /reports/{id}/submit */
void	report_accept_post(struct req *);	/* POST /reports/{id}/accept */
void	report_return_post(struct req *);	/* POST /reports/{id}/return */
void	report_revise_post(struct req *);	/* POST /reports/{id}/revise */

/* The report of the route ({id}) into a new struct report (caller frees);
 * answers 404 (or 500) and returns NULL when there is none. */
struct report *report_route_get(struct req *);

/* A row of the calendar: a due of the unit, or (below) of a unit below. */
void	report_oblig_row(struct req *, const struct unit_tree *,
	    const struct report_oblig *, bool below);
/* The obligation named by the form (reporting_id, period_id, due_on);
 * answers 400/404 and returns NULL when there is none. */
const struct report_regime *report_form_oblig(struct req *,
	    const struct unit_tree *, const struct report_regime *, size_t,
	    struct period *, char due[11]);

#endif
