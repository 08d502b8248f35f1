/*
 * role.h -- the roles of vitre users and what each may do.
 *
 * A user has one role and one scope (a unit and everything below it).
 * Routes name the permission they need (http/routes.c); handlers then check
 * the unit scope of the object (units/scope).  Both checks happen on every
 * request.
 *
 * Protection cases are need-to-know per case, not per role (cases/
 * casefile.h): any signed-in user may report (PERM_VIEW); reading a case
 * takes being assigned to it (table case_worker, the school's focal points
 * in cp_focal), being the principal of its school, or being the commune
 * officer it was referred to.  No role, the administrator's included, reads
 * case contents by its role alone.
 */
#ifndef VITRE_ROLE_H
#define VITRE_ROLE_H

#include <stdbool.h>

enum role {
	ROLE_ADMIN,		/* Quản trị: units, users */
	ROLE_PROVINCE,		/* Chuyên viên Sở GD&ĐT */
	ROLE_AREA,		/* Chuyên viên Phòng GD&ĐT / Phòng VH-XH xã */
	ROLE_PRINCIPAL,		/* Hiệu trưởng */
	ROLE_FOCAL,		/* Phó hiệu trưởng đầu mối */
	ROLE_CLERK,		/* Văn thư */
	ROLE_TEACHER,		/* Giáo viên */
	ROLE_COUNSELLOR,	/* Giáo viên tư vấn / nhân viên CTXH */
	ROLE__MAX
};

enum perm {
	PERM_NONE,		/* public (login page, assets) */
	PERM_VIEW,		/* dashboards, plans, units, indicators */
	PERM_VALUE_ENTER,	/* enter aggregate values */
	PERM_VALUE_LOCK,	/* lock submitted values */
	PERM_PLAN_EDIT,		/* create, edit, import plans */
	PERM_INDICATOR_EDIT,	/* change the indicator catalogue */
	PERM_USER_ADMIN,	/* manage users */
	PERM_CASE_STATS,	/* de-identified counts of protection cases */
	PERM_CASE_SETTINGS,	/* case deadlines and public holidays */
	PERM_REGISTER_VIEW,	/* the child register of the scope */
	PERM_REGISTER_EDIT,	/* add and change children (a teacher: only
				 * of the classes assigned to them) */
	PERM_REGISTER_MANAGE,	/* a school's register settings, teachers'
				 * classes, early-warning list */
	PERM_ACTIVITY_ENTER,	/* record activities, participants, group sizes */
	PERM_REPORT_PREPARE,	/* create reports, write their narrative */
	PERM_REPORT_SUBMIT,	/* submit a report of one's own unit */
	PERM_REPORT_REVIEW,	/* accept or return the reports of the units
				 * below, lock a period */
	PERM_COUNSEL,		/* a school's counselling sessions */
	PERM_MAIL_ADMIN,	/* SMTP settings, outbox, reminder sweep */
	PERM__MAX
};

struct role_info {
	const char	*code;		/* stored in app_user.role */
	const char	*name_vi;
	const char	*name_en;
	unsigned	 perms;		/* bit (1u << enum perm) */
};

extern const struct role_info roles[ROLE__MAX];
/* "view", "value_enter", ...: the enum name without PERM_, lower case. */
extern const char *const perm_codes[PERM__MAX];

bool	role_from_code(const char *, enum role *out);
bool	role_can(enum role, enum perm);

#endif
