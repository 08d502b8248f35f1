/*
 * indicator_http.h -- the indicator catalogue pages and API.
 */
#ifndef VITRE_INDICATOR_HTTP_H
#define VITRE_INDICATOR_HTTP_H

struct req;

void	indicator_list_page(struct req *);	/* GET /indicators */
void	indicator_page(struct req *);		/* GET /indicators/{id} */
void	indicator_api_list(struct req *);	/* GET /api/indicators */
void	indicator_api_get(struct req *);	/* GET /api/indicators/{id} */

#endif
