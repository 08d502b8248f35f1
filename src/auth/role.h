/*
 * role.h -- the roles of vitre users and what each may do.
 *
 * A user has one role and one scope (a unit and everything below it).
 * Routes name the permission they need (http/routes.c); handlers then check
 * the unit scope of the object (units/scope).  Both checks happen on every
 * request.
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
	PERM_REGISTER_VIEW,	/* the child register of the scope */
	PERM_REGISTER_EDIT,	/* add and change children (a teacher: only
				 * of the classes assigned to them) */
	PERM_REGISTER_MANAGE,	/* a school's register settings, teachers'
				 * classes, early-warning list */
	PERM__MAX
};

struct role_info {
	const char	*code;		/* stored in app_user.role */
	const char	*name_vi;
	const char	*name_en;
	unsigned	 perms;		/* bit (1u << enum perm) */
};

extern const struct role_info roles[ROLE__MAX];

bool	role_from_code(const char *, enum role *out);
bool	role_can(enum role, enum perm);

#endif
