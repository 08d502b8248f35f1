/*
 * register_http.h -- the child register's pages and form handlers.
 *
 * Every handler checks the unit scope of the school or child it touches
 * (register_access.c) after the route's permission (http/routes.c).
 */
#ifndef VITRE_REGISTER_HTTP_H
#define VITRE_REGISTER_HTTP_H

struct req;

/* register_http.c */
void	register_home(struct req *);		/* GET /register */
void	register_page(struct req *);		/* GET /units/{id}/register */
void	class_teacher_post(struct req *);	/* POST .../register/teachers */
void	class_teacher_delete_post(struct req *);
						/* POST .../teachers/{id}/delete */
/* child_http.c */
void	child_page(struct req *);		/* GET /children/{id} */
void	child_new_form(struct req *);		/* GET /units/{id}/register/new */
void	child_create_post(struct req *);	/* POST /units/{id}/register */
void	child_edit_form(struct req *);		/* GET /children/{id}/edit */
void	child_update_post(struct req *);	/* POST /children/{id} */
void	circumstance_post(struct req *);	/* POST /children/{id}/circumstances */
void	circumstance_end_post(struct req *);	/* POST .../circumstances/{id}/end */
void	consent_post(struct req *);		/* POST /children/{id}/consents */
/* enrolment_http.c */
void	enrolment_status_post(struct req *);	/* POST .../enrolments/{id}/status */
void	absence_post(struct req *);		/* POST .../enrolments/{id}/absences */
void	child_transfer_post(struct req *);	/* POST /children/{id}/transfer */
/* warning_http.c */
void	warning_page(struct req *);		/* GET .../register/warnings */
void	warning_settings_post(struct req *);	/* POST .../register/settings */

#endif
