/*
 * register_access.c -- who may see and change what in the register.
 *
 * Scope: a user reaches a school in their scope (units/), and a child
 * through the school the child is at now; a school the child has left
 * still sees the child's history there, without the sensitive fields.
 * Role: the route needs PERM_REGISTER_VIEW / _EDIT / _MANAGE (routes.c).
 * Class: a teacher sees the sensitive fields (ethnicity, health,
 * disability, special circumstances) and edits only the children of the
 * classes the principal assigned to them (class_teacher).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "http/req.h"
#include "register/register_int.h"
#include "units/unit_http.h"

bool
reg_current_year(struct req *r, struct period *out)
{
	struct period *p = NULL;
	char today[11];
	size_t n = 0;
	bool ok;

	date_today(today);
	ok = period_list(r->db, PERIOD_SCHOOL_YEAR, today, &p, &n) == ERR_OK &&
	    n > 0;
	if (ok)
		*out = p[0];
	free(p);
	return ok;
}

bool
reg_school_load(struct req *r, int64_t unit_id, const char *year,
    struct reg_school *s)
{
	int64_t pid;

	memset(s, 0, sizeof(*s));
	if ((s->t = unit_tree_get(r->app, r->db)) == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return false;
	}
	if (!unit_check_scope(r, s->t, unit_id))
		return false;
	s->u = unit_get(s->t, unit_id);
	if (!unit_kinds[s->u->kind].school) {
		resp_error(r, ERR_INVALID, "Đơn vị này không phải là trường "
		    "học; sổ theo dõi trẻ em là của từng trường.",
		    "This unit is not a school; each school keeps its own "
		    "child register.");
		return false;
	}
	if (!str_empty(year)) {
		if (period_get_by_code(r->db, year, &s->year) != ERR_OK ||
		    s->year.type != PERIOD_SCHOOL_YEAR) {
			resp_error(r, ERR_INVALID, "Năm học: không có năm học "
			    "này (dạng 2024-2025).", "School year: there is no "
			    "such school year (written 2024-2025).");
			return false;
		}
		return true;
	}
	if (roster_latest_year(r->db, unit_id, &pid) == ERR_OK &&
	    period_get(r->db, pid, &s->year) == ERR_OK)
		return true;
	if (!reg_current_year(r, &s->year)) {
		resp_error(r, ERR_DB, "Không đọc được danh mục năm học.",
		    "The school years cannot be read.");
		return false;
	}
	return true;
}

void
reg_school_release(struct req *r, struct reg_school *s)
{
	unit_tree_put(r->app, s->t);
	s->t = NULL;
}

bool
reg_child_load(struct req *r, int64_t id, bool want_edit,
    struct reg_child *rc)
{
	int64_t *schools = NULL;
	size_t n = 0, i;
	bool history = false, mine = false;
	enum err e;

	memset(rc, 0, sizeof(*rc));
	if ((rc->t = unit_tree_get(r->app, r->db)) == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return false;
	}
	if ((e = child_get(r->db, id, &rc->c)) != ERR_OK) {
		resp_error(r, e, "Không có trẻ này trong sổ.",
		    "There is no such child in the register.");
		return false;
	}
	rc->current = rc->c.school_id > 0 && unit_in_scope(rc->t,
	    r->user.unit_id, rc->c.school_id);
	if (!rc->current) {
		if (child_schools(r->db, id, &schools, &n) != ERR_OK) {
			free(schools);
			resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.",
			    "Database error.");
			return false;
		}
		for (i = 0; i < n && !history; i++)
			history = unit_in_scope(rc->t, r->user.unit_id,
			    schools[i]);
		free(schools);
		if (!history) {
			resp_error(r, ERR_FORBIDDEN, "Trẻ này học ở trường ngoài "
			    "phạm vi của bạn.", "This child is at a school "
			    "outside your scope.");
			return false;
		}
	}
	if (rc->current && r->user.role == ROLE_TEACHER &&
	    class_teacher_of_child(r->db, r->user.id, id, &mine) != ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return false;
	}
	rc->sensitive = rc->current && (r->user.role != ROLE_TEACHER || mine);
	rc->edit = rc->sensitive && role_can(r->user.role, PERM_REGISTER_EDIT);
	if (want_edit && !rc->edit) {
		if (r->user.role == ROLE_TEACHER && rc->current)
			resp_error(r, ERR_FORBIDDEN, "Chỉ giáo viên được phân "
			    "công lớp của trẻ mới sửa được hồ sơ này.",
			    "Only a teacher assigned to the child's class may "
			    "change this record.");
		else
			resp_error(r, ERR_FORBIDDEN, "Bạn không được sửa hồ sơ "
			    "của trẻ này.", "You may not change this child's "
			    "record.");
		return false;
	}
	return true;
}

void
reg_child_release(struct req *r, struct reg_child *rc)
{
	unit_tree_put(r->app, rc->t);
	rc->t = NULL;
}

bool
reg_may_edit_class(struct req *r, int64_t unit_id, int64_t period_id,
    const char *cls)
{
	bool yes = false;

	if (!role_can(r->user.role, PERM_REGISTER_EDIT))
		return false;
	if (r->user.role != ROLE_TEACHER)
		return true;
	return class_teacher_of_class(r->db, r->user.id, unit_id, period_id,
	    cls, &yes) == ERR_OK && yes;
}

char (*reg_teacher_classes(struct req *r, int64_t unit_id, int64_t period_id,
    size_t *n))[CHILD_TEXT(ENROL_CLASS_MAX)]
{
	char (*out)[CHILD_TEXT(ENROL_CLASS_MAX)] = NULL;
	struct class_teacher *ct = NULL;
	size_t nct = 0, i;

	*n = 0;
	if (class_teacher_list(r->db, unit_id, period_id, &ct, &nct) !=
	    ERR_OK || nct == 0) {
		free(ct);
		return NULL;
	}
	out = xcalloc(nct, sizeof(*out));
	for (i = 0; i < nct; i++)
		if (ct[i].user_id == r->user.id)
			memcpy(out[(*n)++], ct[i].class_name,
			    sizeof(ct[i].class_name));
	free(ct);
	return out;
}
