/*
 * report_http.h -- the reporting calendar and report pages.
 */
#ifndef VITRE_REPORT_HTTP_H
#define VITRE_REPORT_HTTP_H

struct req;

void	report_calendar_page(struct req *);	/* GET /units/{id}/reports */
void	report_create_post(struct req *);	/* POST /units/{id}/reports */
void	report_page(struct req *);		/* GET /reports/{id} */
void	report_text_post(struct req *);		/* POST /reports/{id}/text */
void	report_submit_post(struct req *);	/* POST /reports/{id}/submit */
void	report_accept_post(struct req *);	/* POST /reports/{id}/accept */
void	report_return_post(struct req *);	/* POST /reports/{id}/return */
void	report_revise_post(struct req *);	/* POST /reports/{id}/revise */

#endif
