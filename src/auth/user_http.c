/*
 * user_http.c -- administrators create user accounts with a role and a
 * scope (a unit and everything below it), and disable or enable them.
 * Only units inside the administrator's own scope can be given.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "auth/audit.h"
#include "auth/role.h"
#include "auth/user.h"
#include "auth/user_http.h"
#include "db/db.h"
#include "http/form.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"
#include "units/unit_http.h"

static const struct field f_username = { "username", "Tên đăng nhập",
    "User name" };
static const struct field f_full_name = { "full_name", "Họ tên", "Full name" };
static const struct field f_password = { "password", "Mật khẩu",
    "Password" };
static const struct field f_role = { "role", "Vai trò", "Role" };
static const struct field f_unit = { "unit_id", "Đơn vị (phạm vi)",
    "Unit (scope)" };

static void
user_form(struct req *r, const struct unit_tree *t,
    const struct form_errors *errs)
{
	struct buf *o = &r->out;
	const char *sel_role = req_form(r, "role");
	const char *sel_unit = req_form(r, "unit_id");
	size_t i;
	int k;

	html_fmt(o, "<article><header><h2>%s</h2></header>",
	    L(r, "Tạo tài khoản", "New account"));
	form_errors_html(r, errs);
	html_lit(o, "<form method=\"post\" action=\"/users\">");
	html_csrf_input(r);
	html_fmt(o, "<div class=\"grid\"><label>%s<input name=\"username\" "
	    "required maxlength=\"64\" pattern=\"[a-z0-9._\\-]{3,64}\" "
	    "value=\"%s\"></label><label>%s<input name=\"full_name\" required "
	    "maxlength=\"160\" value=\"%s\"></label></div>",
	    L(r, f_username.label_vi, f_username.label_en),
	    req_form(r, "username"),
	    L(r, f_full_name.label_vi, f_full_name.label_en),
	    req_form(r, "full_name"));
	html_fmt(o, "<div class=\"grid\"><label>%s<select name=\"role\" "
	    "required>", L(r, f_role.label_vi, f_role.label_en));
	for (k = 0; k < ROLE__MAX; k++)
		html_fmt(o, "<option value=\"%s\"%s>%s</option>", roles[k].code,
		    sel_role && strcmp(sel_role, roles[k].code) == 0 ?
		    " selected" : "", L(r, roles[k].name_vi, roles[k].name_en));
	html_fmt(o, "</select></label><label>%s<select name=\"unit_id\" "
	    "required>", L(r, f_unit.label_vi, f_unit.label_en));
	for (i = 0; i < t->n; i++) {
		char id[24];

		if (!unit_in_scope(t, r->user.unit_id, t->u[i].id))
			continue;
		snprintf(id, sizeof(id), "%lld", (long long)t->u[i].id);
		html_fmt(o, "<option value=\"%s\"%s>%s (%s)</option>", id,
		    sel_unit && strcmp(sel_unit, id) == 0 ? " selected" : "",
		    t->u[i].name, t->u[i].code);
	}
	html_fmt(o, "</select></label></div><label>%s<input type=\"password\" "
	    "name=\"password\" required minlength=\"8\" "
	    "autocomplete=\"new-password\"></label><button type=\"submit\">%s"
	    "</button></form></article>",
	    L(r, "Mật khẩu ban đầu (ít nhất 8 ký tự)",
	    "Initial password (at least 8 characters)"),
	    L(r, "Tạo tài khoản", "Create account"));
}

static void
render(struct req *r, const struct unit_tree *t,
    const struct form_errors *errs, int status)
{
	struct buf *o = &r->out;
	struct db_stmt *st;
	enum role role;

	buf_reset(o);
	page_begin(r, L(r, "Người dùng", "Users"));
	html_fmt(o, "<h1>%s</h1>", L(r, "Người dùng", "Users"));
	if (req_query(r, "saved") != NULL)
		html_fmt(o, "<p class=\"flash\">%s</p>", L(r, "Đã lưu.",
		    "Saved."));
	html_fmt(o, "<table class=\"compact\"><thead><tr><th>%s</th><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th><th></th></tr></thead><tbody>",
	    L(r, "Tên đăng nhập", "User name"), L(r, "Họ tên", "Full name"),
	    L(r, "Vai trò", "Role"), L(r, "Phạm vi", "Scope"),
	    L(r, "Thư điện tử", "E-mail"));
	st = db_stmt(r->db, "SELECT u.id, u.username, u.full_name, u.role,"
	    " u.unit_id, n.name, u.active, u.email FROM app_user u JOIN unit n"
	    " ON n.id = u.unit_id ORDER BY n.name, u.username");
	while (db_step(st) == DB_ROW) {
		bool active = db_col_int(st, 6) != 0;

		if (!unit_in_scope(t, r->user.unit_id, db_col_int(st, 4)))
			continue;
		html_fmt(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>"
		    "<form method=\"post\" action=\"/users/%I/email\" "
		    "class=\"inline\">", db_col_text(st, 1), db_col_text(st, 2),
		    role_from_code(db_col_text(st, 3), &role) ?
		    L(r, roles[role].name_vi, roles[role].name_en) : "?",
		    db_col_text(st, 5), db_col_int(st, 0));
		html_csrf_input(r);
		html_fmt(o, "<input type=\"email\" name=\"email\" "
		    "maxlength=\"254\" value=\"%s\" aria-label=\"%s\">"
		    "<button type=\"submit\" class=\"secondary outline\">%s"
		    "</button></form></td><td><form method=\"post\" "
		    "action=\"/users/%I/active\">", db_col_text(st, 7),
		    L(r, "Thư điện tử", "E-mail"), L(r, "Lưu", "Save"),
		    db_col_int(st, 0));
		html_csrf_input(r);
		html_fmt(o, "<input type=\"hidden\" name=\"active\" value=\"%s\">"
		    "<button type=\"submit\" class=\"secondary outline\">%s"
		    "</button></form></td></tr>", active ? "0" : "1", active ?
		    L(r, "Khóa", "Disable") : L(r, "Mở khóa", "Enable"));
	}
	db_done(st);
	html_lit(o, "</tbody></table>");
	user_form(r, t, errs);
	page_end(r);
	resp_html(r, status);
}

void
user_list_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs = { 0 };

	if (t != NULL)
		render(r, t, &errs, 200);
	unit_tree_put(r->app, t);
}

void
user_create_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs = { 0 };
	struct user_new u = { 0 };
	char uname[4 * 64 + 1], full[4 * 160 + 1];
	struct buf msg = BUF_INIT;
	int role = 0;
	int64_t id;
	bool present;
	enum err e;

	if (t == NULL)
		goto out;
	valid_text(&errs, &f_username, req_form(r, "username"), true, 64, uname);
	if (uname[0] && !user_name_valid(uname))
		form_error(&errs, &f_username, "chỉ gồm 3–64 ký tự a–z, 0–9, "
		    "dấu chấm, gạch dưới, gạch ngang.", "only 3-64 of a-z 0-9 "
		    ". _ -");
	valid_text(&errs, &f_full_name, req_form(r, "full_name"), true, 160,
	    full);
	{
		const char *codes[ROLE__MAX + 1];
		int k;

		for (k = 0; k < ROLE__MAX; k++)
			codes[k] = roles[k].code;
		codes[ROLE__MAX] = NULL;
		valid_choice(&errs, &f_role, req_form(r, "role"), codes, &role);
	}
	if (valid_int(&errs, &f_unit, req_form(r, "unit_id"), true, 1,
	    INT64_MAX, &u.unit_id, &present) && present &&
	    !unit_in_scope(t, r->user.unit_id, u.unit_id))
		form_error(&errs, &f_unit, "nằm ngoài phạm vi của bạn.",
		    "is outside your scope.");
	u.password = req_form(r, "password");
	if (u.password == NULL || strlen(u.password) < 8 ||
	    strlen(u.password) > 256)
		form_error(&errs, &f_password, "cần ít nhất 8 ký tự.",
		    "needs at least 8 characters.");
	if (errs.n > 0) {
		render(r, t, &errs, 400);
		goto out;
	}
	u.username = uname;
	u.full_name = full;
	u.role = (enum role)role;
	if ((e = db_begin(r->db)) != ERR_OK)
		goto fail;
	if ((e = user_create(r->db, &u, &id, &msg)) != ERR_OK ||
	    (e = audit(r->db, r->user.id, "user_create", "user", uname)) !=
	    ERR_OK || (e = db_commit(r->db)) != ERR_OK) {
		db_rollback(r->db);
		if (e == ERR_CONFLICT) {
			form_error(&errs, &f_username, "đã có người dùng tên này.",
			    "is already taken.");
			render(r, t, &errs, 409);
			goto out;
		}
		goto fail;
	}
	resp_redirect(r, "/users?saved=1");
	goto out;
fail:
	resp_error(r, e, "Không lưu được tài khoản.", "Could not save the "
	    "account.");
out:
	buf_release(&msg);
	unit_tree_put(r->app, t);
}

/*
 * Is the user of the route ({id}) within the signed-in user's scope?
 * Answers 404 (no such user) or 403 and returns false.
 */
static bool
user_route_in_scope(struct req *r, const struct unit_tree *t)
{
	struct db_stmt *st;
	int64_t unit_id;

	st = db_stmt(r->db, "SELECT unit_id FROM app_user WHERE id = ?");
	db_bind_int(st, 1, r->params[0]);
	if (db_one_int(st, &unit_id) != ERR_OK) {
		resp_error(r, ERR_NOTFOUND, "Không có người dùng này.",
		    "No such user.");
		return false;
	}
	return unit_check_scope(r, t, unit_id);
}

void
user_active_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	static const struct field f_active = { "active", "Trạng thái",
	    "Status" };
	struct form_errors errs = { 0 };
	struct db_stmt *st;
	int64_t active;
	enum err e;

	if (t == NULL)
		goto out;
	if (!valid_int(&errs, &f_active, req_form(r, "active"), true, 0, 1,
	    &active, NULL)) {
		form_errors_respond(r, &errs);
		goto out;
	}
	if (!user_route_in_scope(r, t))
		goto out;
	if (r->params[0] == r->user.id) {
		resp_error(r, ERR_CONFLICT, "Không thể tự khóa tài khoản của mình.",
		    "You cannot disable your own account.");
		goto out;
	}
	if ((e = db_begin(r->db)) != ERR_OK)
		goto fail;
	st = db_stmt(r->db, "UPDATE app_user SET active = ? WHERE id = ?");
	db_bind_int(st, 1, active);
	db_bind_int(st, 2, r->params[0]);
	if ((e = db_run(st)) == ERR_OK && !active) {
		st = db_stmt(r->db, "DELETE FROM session WHERE user_id = ?");
		db_bind_int(st, 1, r->params[0]);
		e = db_run(st);
	}
	if (e == ERR_OK)
		e = audit(r->db, r->user.id, active ? "user_enable" :
		    "user_disable", "user", "");
	if (e != ERR_OK || (e = db_commit(r->db)) != ERR_OK) {
		db_rollback(r->db);
		goto fail;
	}
	resp_redirect(r, "/users?saved=1");
	goto out;
fail:
	resp_error(r, e, "Không lưu được.", "Could not save.");
out:
	unit_tree_put(r->app, t);
}

void
user_email_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct buf msg = BUF_INIT;
	enum err e;

	if (t == NULL)
		goto out;
	if (!user_route_in_scope(r, t))
		goto out;
	if ((e = db_begin(r->db)) != ERR_OK)
		goto fail;
	if ((e = user_set_email(r->db, r->params[0], req_form(r, "email"),
	    &msg)) != ERR_OK || (e = audit(r->db, r->user.id, "user_email",
	    "user", "")) != ERR_OK || (e = db_commit(r->db)) != ERR_OK) {
		db_rollback(r->db);
		if (e == ERR_INVALID) {
			resp_error(r, e, "Thư điện tử: địa chỉ không hợp lệ; "
			    "không có gì thay đổi.", "E-mail: not a valid "
			    "address; nothing changed.");
			goto out;
		}
		goto fail;
	}
	resp_redirect(r, "/users?saved=1");
	goto out;
fail:
	resp_error(r, e, "Không lưu được.", "Could not save.");
out:
	buf_release(&msg);
	unit_tree_put(r->app, t);
}
