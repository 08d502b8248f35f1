/*
 * report_http.h -- the reporting calendar and report pages.
 */
#ifndef VITRE_REPORT_HTTP_H
#define VITRE_REPORT_HTTP_H

struct req;

void	report_calendar_page(struct req *);	/* GET /units/{id}/reports */
void	report_create_post(struct req *);	/* POST /units/{id}/reports */
void	report_page(struct req *);		/* GET /reports/{id} */

#endif
