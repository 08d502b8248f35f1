/*
 * account_http.c -- the signed-in user's account page; see account_http.h.
 * A user changes only their own address: the id is the session's.
 */
#include "auth/account_http.h"
#include "auth/audit.h"
#include "auth/user.h"
#include "db/db.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"

static void
render(struct req *r, int status, const char *error)
{
	struct buf *o = &r->out;
	struct db_stmt *st;
	const char *email;

	buf_reset(o);
	page_begin(r, L(r, "Tài khoản của tôi", "My account"));
	html_fmt(o, "<h1>%s</h1><p>%s (%s)</p>", L(r, "Tài khoản của tôi",
	    "My account"), r->user.full_name, r->user.username);
	if (req_query(r, "saved") != NULL)
		html_fmt(o, "<p class=\"flash\">%s</p>", L(r, "Đã lưu.",
		    "Saved."));
	if (error != NULL)
		html_fmt(o, "<p class=\"error\" role=\"alert\">%s</p>", error);
	st = db_stmt(r->db, "SELECT email FROM app_user WHERE id = ?");
	db_bind_int(st, 1, r->user.id);
	email = db_step(st) == DB_ROW ? db_col_text(st, 0) : "";
	html_lit(o, "<form method=\"post\" action=\"/account/email\">");
	html_csrf_input(r);
	html_fmt(o, "<label>%s<input type=\"email\" name=\"email\" "
	    "maxlength=\"254\" value=\"%s\"><small>%s</small></label>"
	    "<button type=\"submit\">%s</button></form>",
	    L(r, "Thư điện tử", "E-mail"), email, L(r, "Thông báo của vitre "
	    "cũng được gửi tới địa chỉ này khi quản trị viên đã cấu hình máy "
	    "chủ thư. Để trống nếu không muốn nhận thư.", "vitre's "
	    "notifications are also sent to this address when the "
	    "administrator has set up a mail server. Leave it empty to get "
	    "no e-mail."), L(r, "Lưu", "Save"));
	db_done(st);
	page_end(r);
	resp_html(r, status);
}

void
account_page(struct req *r)
{
	render(r, 200, NULL);
}

void
account_email_post(struct req *r)
{
	struct buf msg = BUF_INIT;
	enum err e;

	if ((e = db_begin(r->db)) != ERR_OK)
		goto fail;
	if ((e = user_set_email(r->db, r->user.id, req_form(r, "email"),
	    &msg)) != ERR_OK || (e = audit(r->db, r->user.id, "user_email",
	    "user", "")) != ERR_OK || (e = db_commit(r->db)) != ERR_OK) {
		db_rollback(r->db);
		if (e == ERR_INVALID) {
			render(r, 400, L(r, "Thư điện tử: địa chỉ không hợp lệ; "
			    "không có gì thay đổi.", "E-mail: not a valid "
			    "address; nothing changed."));
			goto out;
		}
		goto fail;
	}
	resp_redirect(r, "/account?saved=1");
	goto out;
fail:
	resp_error(r, e, "Không lưu được.", "Could not save.");
out:
	buf_release(&msg);
}
