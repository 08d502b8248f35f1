/*
 * counsel_http.h -- the school counsellor's sessions: the list and the
 * form of a school (GET) and recording a session (POST).
 *
 * The route's permission is PERM_COUNSEL (counsellor, principal, focal
 * point); the handlers check the unit scope and that the unit is a school.
 * Every view of the list is an audit row (counselling.view).  A session
 * makes the school's PSYCH_SUPPORT value of its school year a computed
 * 1/1 (never over an entered or locked value), in the same transaction.
 */
#ifndef VITRE_COUNSEL_HTTP_H
#define VITRE_COUNSEL_HTTP_H

struct req;

void	counsel_page(struct req *);	/* GET /units/{id}/counselling */
void	counsel_create(struct req *);	/* POST /units/{id}/counselling */

#endif
