/*
 * role.c -- the role table: codes, names and permissions.
 */
#include <string.h>

#include "auth/role.h"

#define P(x)	(1u << (x))
#define VIEW	P(PERM_VIEW)
#define STATS	P(PERM_CASE_STATS)
#define REG_VIEW	P(PERM_REGISTER_VIEW)
#define REP_ALL	(P(PERM_REPORT_PREPARE) | P(PERM_REPORT_SUBMIT) | \
	P(PERM_REPORT_REVIEW))
#define REP_SCHOOL	(P(PERM_REPORT_PREPARE) | P(PERM_REPORT_SUBMIT))
#define REG_EDIT	(P(PERM_REGISTER_VIEW) | P(PERM_REGISTER_EDIT))
#define COUNSEL	P(PERM_COUNSEL)

const struct role_info roles[ROLE__MAX] = {
	[ROLE_ADMIN] = { "admin", "Quản trị hệ thống", "Administrator",
	    VIEW | P(PERM_USER_ADMIN) | P(PERM_INDICATOR_EDIT) |
	    P(PERM_CASE_SETTINGS) | P(PERM_MAIL_ADMIN) },
	[ROLE_PROVINCE] = { "province_officer", "Chuyên viên Sở GD&ĐT",
	    "Province officer", VIEW | P(PERM_VALUE_ENTER) |
	    P(PERM_VALUE_LOCK) | P(PERM_PLAN_EDIT) | P(PERM_INDICATOR_EDIT) |
	    REG_VIEW | REP_ALL | STATS },
	[ROLE_AREA] = { "area_officer", "Chuyên viên Phòng GD&ĐT / xã",
	    "District/commune officer", VIEW | P(PERM_VALUE_ENTER) |
	    P(PERM_VALUE_LOCK) | P(PERM_PLAN_EDIT) | REG_VIEW | REP_ALL | STATS },
	[ROLE_PRINCIPAL] = { "principal", "Hiệu trưởng", "Principal",
	    VIEW | P(PERM_VALUE_ENTER) | P(PERM_VALUE_LOCK) |
	    P(PERM_PLAN_EDIT) | REG_EDIT | P(PERM_REGISTER_MANAGE) |
	    P(PERM_ACTIVITY_ENTER) | REP_SCHOOL | STATS | COUNSEL },
	[ROLE_FOCAL] = { "focal_point", "Phó hiệu trưởng đầu mối",
	    "Vice-principal focal point", VIEW | P(PERM_VALUE_ENTER) |
	    P(PERM_PLAN_EDIT) | REG_EDIT | P(PERM_ACTIVITY_ENTER) | REP_SCHOOL |
	    STATS | COUNSEL },
	[ROLE_CLERK] = { "clerk", "Văn thư", "Clerk",
	    VIEW | P(PERM_VALUE_ENTER) | REG_EDIT | P(PERM_ACTIVITY_ENTER) |
	    P(PERM_REPORT_PREPARE) },
	[ROLE_TEACHER] = { "teacher", "Giáo viên", "Teacher",
	    VIEW | REG_EDIT },
	[ROLE_COUNSELLOR] = { "counsellor", "Giáo viên tư vấn", "Counsellor",
	    VIEW | REG_VIEW | COUNSEL },
};

const char *const perm_codes[PERM__MAX] = {
	[PERM_NONE] = "none",
	[PERM_VIEW] = "view",
	[PERM_VALUE_ENTER] = "value_enter",
	[PERM_VALUE_LOCK] = "value_lock",
	[PERM_PLAN_EDIT] = "plan_edit",
	[PERM_INDICATOR_EDIT] = "indicator_edit",
	[PERM_USER_ADMIN] = "user_admin",
	[PERM_REGISTER_VIEW] = "register_view",
	[PERM_REGISTER_EDIT] = "register_edit",
	[PERM_REGISTER_MANAGE] = "register_manage",
	[PERM_CASE_STATS] = "case_stats",
	[PERM_CASE_SETTINGS] = "case_settings",
	[PERM_ACTIVITY_ENTER] = "activity_enter",
	[PERM_REPORT_PREPARE] = "report_prepare",
	[PERM_REPORT_SUBMIT] = "report_submit",
	[PERM_REPORT_REVIEW] = "report_review",
	[PERM_COUNSEL] = "counsel",
	[PERM_MAIL_ADMIN] = "mail_admin",
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
