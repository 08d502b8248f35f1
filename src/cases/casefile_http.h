/*
 * casefile_http.h -- the pages and actions of protection cases (routes in
 * http/routes.c).  Routes only need PERM_VIEW (any signed-in staff member
 * may report, and need-to-know is per case, not per role) or
 * PERM_CASE_STATS; every handler checks the case key (503 without it) and
 * the user's access to the case (403, logged) itself.
 */
#ifndef VITRE_CASEFILE_HTTP_H
#define VITRE_CASEFILE_HTTP_H

struct db;
struct req;

/* Escalate referrals not acknowledged in time (once each), telling the
 * principals and everyone on the case; own transaction (the pages and
 * the mail sender call it). */
void	casefile_escalate_db(struct db *);

void	casefile_new_form(struct req *);	/* GET /cases/new */
void	casefile_create(struct req *);		/* POST /cases */
void	casefile_list_page(struct req *);	/* GET /cases */
void	casefile_view(struct req *);		/* GET /cases/{id} */
void	casefile_audit_page(struct req *);	/* GET /cases/{id}/audit */
void	casefile_pdf(struct req *);		/* GET /cases/{id}/pdf */

/* Steps of the procedure (casefile_step_http.c): POST /cases/{id}/... */
void	casefile_assessment_post(struct req *);	/* assessment (form 02) */
void	casefile_emergency_post(struct req *);	/* emergency */
void	casefile_detailed_post(struct req *);	/* detailed (form 03) */
void	casefile_plan_post(struct req *);	/* plan (form 04) */
void	casefile_approval_post(struct req *);	/* approval (form 05) */
void	casefile_review_post(struct req *);	/* review (form 06) */
void	casefile_referral_post(struct req *);	/* referrals */
void	casefile_ack_post(struct req *);	/* referrals/{id}/ack */
void	casefile_measure_post(struct req *);	/* measures */
void	casefile_measure_done_post(struct req *); /* measures/{id}/done */
void	casefile_worker_post(struct req *);	/* workers */
void	casefile_worker_remove_post(struct req *); /* workers/{id}/remove */

void	casefile_overdue_page(struct req *);	/* GET /cases/overdue */
void	casefile_focal_page(struct req *);	/* GET /cases/focal */
void	casefile_focal_post(struct req *);	/* POST /cases/focal */
void	casefile_focal_remove_post(struct req *); /* POST /cases/focal/{id}/remove */
void	casefile_stats_page(struct req *);	/* GET /cases/stats */

/* Deadline settings and holidays (casefile_settings_http.c). */
void	casefile_settings_page(struct req *);	/* GET /cases/settings */
void	casefile_settings_post(struct req *);	/* POST /cases/settings */
void	casefile_holiday_post(struct req *);	/* POST /cases/settings/holidays */

#endif
