/*
 * rollover_http.h -- the year-end rollover page (rollover_http.c).
 */
#ifndef VITRE_ROLLOVER_HTTP_H
#define VITRE_ROLLOVER_HTTP_H

struct req;

void	rollover_page(struct req *);		/* GET .../register/rollover */
void	rollover_post(struct req *);		/* POST: apply */
void	rollover_undo_post(struct req *);	/* POST .../{id}/undo */

#endif
