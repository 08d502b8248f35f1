/*
 * role.c -- the role table: codes, names and permissions.
 */
#include <string.h>

#include "auth/role.h"

#define P(x)	(1u << (x))
#define VIEW	P(PERM_VIEW)
#define REG_VIEW	P(PERM_REGISTER_VIEW)
#define REG_EDIT	(P(PERM_REGISTER_VIEW) | P(PERM_REGISTER_EDIT))

const struct role_info roles[ROLE__MAX] = {
	[ROLE_ADMIN] = { "admin", "Quản trị hệ thống", "Administrator",
	    VIEW | P(PERM_USER_ADMIN) | P(PERM_INDICATOR_EDIT) },
	[ROLE_PROVINCE] = { "province_officer", "Chuyên viên Sở GD&ĐT",
	    "Province officer", VIEW | P(PERM_VALUE_ENTER) |
	    P(PERM_VALUE_LOCK) | P(PERM_PLAN_EDIT) | P(PERM_INDICATOR_EDIT) |
	    REG_VIEW },
	[ROLE_AREA] = { "area_officer", "Chuyên viên Phòng GD&ĐT / xã",
	    "District/commune officer", VIEW | P(PERM_VALUE_ENTER) |
	    P(PERM_VALUE_LOCK) | P(PERM_PLAN_EDIT) | REG_VIEW },
	[ROLE_PRINCIPAL] = { "principal", "Hiệu trưởng", "Principal",
	    VIEW | P(PERM_VALUE_ENTER) | P(PERM_VALUE_LOCK) |
	    P(PERM_PLAN_EDIT) | REG_EDIT | P(PERM_REGISTER_MANAGE) },
	[ROLE_FOCAL] = { "focal_point", "Phó hiệu trưởng đầu mối",
	    "Vice-principal focal point", VIEW | P(PERM_VALUE_ENTER) |
	    P(PERM_PLAN_EDIT) | REG_EDIT },
	[ROLE_CLERK] = { "clerk", "Văn thư", "Clerk",
	    VIEW | P(PERM_VALUE_ENTER) | REG_EDIT },
	[ROLE_TEACHER] = { "teacher", "Giáo viên", "Teacher",
	    VIEW | REG_EDIT },
	[ROLE_COUNSELLOR] = { "counsellor", "Giáo viên tư vấn", "Counsellor",
	    VIEW | REG_VIEW },
};

bool
role_from_code(const char *code, enum role *out)
{
	int i;

	for (i = 0; i < ROLE__MAX; i++)
		if (strcmp(roles[i].code, code) == 0) {
			*out = (enum role)i;
			return true;
		}
	return false;
}

bool
role_can(enum role r, enum perm p)
{
	if (p == PERM_NONE)
		return true;
	return (unsigned)r < ROLE__MAX && (roles[r].perms & P(p)) != 0;
}
