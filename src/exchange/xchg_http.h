/*
 * xchg_http.h -- the exchange page of a unit: download its aggregate
 * values as ADX or DHIS2 JSON, upload such a file to import values.
 */
#ifndef VITRE_XCHG_HTTP_H
#define VITRE_XCHG_HTTP_H

struct req;

void	xchg_page(struct req *);	/* GET /units/{id}/exchange */
void	xchg_export_get(struct req *);	/* GET /units/{id}/exchange/export */
void	xchg_import_post(struct req *);	/* POST /units/{id}/exchange/import */

#endif
