/*
 * plan_http.h -- plan pages and API: the list, one plan as a document,
 * JSON export and API, import of a JSON file, create and edit with a form.
 *
 * Scope: a user sees the plans of the units in their scope and the plans
 * of the units above their own (which apply to them, such as the national
 * programme); a user whose role may edit plans edits those of the units in
 * their scope.
 */
#ifndef VITRE_PLAN_HTTP_H
#define VITRE_PLAN_HTTP_H

#include <stdbool.h>
#include <stdint.h>

struct plan;
struct req;
struct unit_tree;

void	plan_list_page(struct req *);	/* GET /plans */
void	plan_page(struct req *);	/* GET /plans/{id} */
void	plan_export(struct req *);	/* GET /plans/{id}/export */
void	plan_api_list(struct req *);	/* GET /api/plans */
void	plan_api_get(struct req *);	/* GET /api/plans/{id} */
void	plan_import_form(struct req *);	/* GET /plans/import */
void	plan_import(struct req *);	/* POST /plans/import */
void	plan_new_form(struct req *);	/* GET /plans/new */
void	plan_create(struct req *);	/* POST /plans */
void	plan_edit_form(struct req *);	/* GET /plans/{id}/edit */
void	plan_update(struct req *);	/* POST /plans/{id} */

/* May the user see the plans of unit u (in scope, or above the user)? */
bool	plan_can_view(const struct req *, const struct unit_tree *, int64_t u);
/* May the user change the plans of unit u? */
bool	plan_can_edit(const struct req *, const struct unit_tree *, int64_t u);
/*
 * The plan of the route's {id} (caller frees) when the user may see it
 * (edit: change it); otherwise answers 404, 403 or 500 and returns NULL.
 */
struct plan *plan_load_checked(struct req *, const struct unit_tree *,
	    bool edit);

#endif
