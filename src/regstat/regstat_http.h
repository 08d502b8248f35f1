/*
 * regstat_http.h -- the register statistics page and API (regstat_http.c).
 */
#ifndef VITRE_REGSTAT_HTTP_H
#define VITRE_REGSTAT_HTTP_H

struct req;

/* GET /units/{id}/register/stats, GET /api/units/{id}/register/stats */
void	regstat_page(struct req *);

#endif
