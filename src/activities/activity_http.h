/*
 * activity_http.h -- activity pages and API.
 *
 *   GET  /units/{id}/activities[?year=Y]       the unit's activities and reach
 *   GET  /units/{id}/activities/new            the form (enter)
 *   POST /units/{id}/activities                create (enter)
 *   GET  /units/{id}/group-sizes[?year=Y]      the group sizes form (enter)
 *   POST /units/{id}/group-sizes               save them (enter)
 *   GET  /api/units/{id}/reach[?year=Y]        the reach as JSON
 *   GET  /activities/{id}                      one activity, its participants
 *   GET  /activities/{id}/edit                 the form (enter)
 *   POST /activities/{id}                      change (enter)
 *   POST /activities/{id}/delete               delete (enter)
 *   POST /activities/{id}/counts               participants as counts (enter)
 *   POST /activities/{id}/persons              add persons (enter)
 *   POST /activities/{id}/persons/{pid}/remove take one off (enter)
 *
 * "enter" needs PERM_ACTIVITY_ENTER; everything checks the unit scope.
 */
#ifndef VITRE_ACTIVITY_HTTP_H
#define VITRE_ACTIVITY_HTTP_H

struct req;

void	act_unit_page(struct req *);
void	act_new_form(struct req *);
void	act_create(struct req *);
void	act_sizes_form(struct req *);
void	act_sizes_post(struct req *);
void	act_reach_api(struct req *);
void	act_page(struct req *);
void	act_edit_form(struct req *);
void	act_update(struct req *);
void	act_delete(struct req *);
void	act_counts_post(struct req *);
void	act_persons_post(struct req *);
void	act_person_remove(struct req *);

#endif
