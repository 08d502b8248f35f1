/*
 * value_http.h -- entering, locking and reading aggregate values.
 */
#ifndef VITRE_VALUE_HTTP_H
#define VITRE_VALUE_HTTP_H

struct req;

void	value_page(struct req *);	/* GET /values, GET /values/form */
void	value_post(struct req *);	/* POST /values */
void	value_lock_post(struct req *);	/* POST /values/{id}/lock, API too */
void	value_api_get(struct req *);	/* GET /api/values */
void	value_api_post(struct req *);	/* POST /api/values */

#endif
