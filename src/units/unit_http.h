/*
 * unit_http.h -- organisation tree pages and API.
 */
#ifndef VITRE_UNIT_HTTP_H
#define VITRE_UNIT_HTTP_H

#include <stdbool.h>
#include <stdint.h>

struct req;
struct unit_tree;

void	unit_tree_page(struct req *);	/* GET /units */
void	unit_page(struct req *);	/* GET /units/{id} */
void	unit_api_list(struct req *);	/* GET /api/units */

/*
 * The scope check every handler that touches a unit makes: true if the
 * signed-in user may see unit_id; otherwise answers 403 (or 404 if the unit
 * does not exist) and returns false.
 */
bool	unit_check_scope(struct req *, const struct unit_tree *,
	    int64_t unit_id);

#endif
