/*
 * growth_http.h -- the growth monitoring pages, form handlers and API.
 *
 * Every handler checks the unit scope of the school or child it touches
 * and the class rule for measurements (growth_int.h) after the route's
 * permission (http/routes.c).
 */
#ifndef VITRE_GROWTH_HTTP_H
#define VITRE_GROWTH_HTTP_H

struct req;

/* growth_http.c */
void	growth_home(struct req *);		/* GET /growth */
void	growth_unit_page(struct req *);		/* GET /units/{id}/growth */
void	growth_class_page(struct req *);	/* GET .../growth/class */
void	growth_child_page(struct req *);	/* GET /children/{id}/growth */
/* GET /api/children/{id}/measurements */
void	growth_api_child(struct req *);
/* growth_entry.c */
void	growth_session_form(struct req *);	/* GET .../growth/session */
void	growth_session_post(struct req *);	/* POST .../growth/session */
void	growth_check_post(struct req *);	/* POST .../growth/check */
/* POST /api/units/{id}/growth/sessions */
void	growth_api_session_post(struct req *);
/* growth_import.c */
void	growth_import_form(struct req *);	/* GET .../growth/import */
void	growth_import_post(struct req *);	/* POST .../growth/import */

#endif
