/*
 * dash_http.h -- the target dashboard of a unit: page, ranking fragment
 * and JSON.
 */
#ifndef VITRE_DASH_HTTP_H
#define VITRE_DASH_HTTP_H

struct req;

/* GET /units/{id}/dashboard */
void	dash_page(struct req *);
/* GET /units/{id}/dashboard/targets/{tid}/units (htmx fragment) */
void	dash_below_page(struct req *);
/* GET /api/units/{id}/dashboard[?below=1] */
void	dash_api(struct req *);

#endif
