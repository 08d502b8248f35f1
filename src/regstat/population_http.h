/*
 * population_http.h -- the five-year-olds of an area (population_http.c).
 */
#ifndef VITRE_POPULATION_HTTP_H
#define VITRE_POPULATION_HTTP_H

struct req;

void	population_page(struct req *);	/* GET /units/{id}/population */
void	population_post(struct req *);	/* POST /units/{id}/population */

#endif
