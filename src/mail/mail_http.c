/*
 * mail_http.c -- the e-mail settings page and its actions; see
 * mail_http.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "auth/audit.h"
#include "cases/casefile_http.h"
#include "core/strutil.h"
#include "db/db.h"
#include "http/form.h"
#include "http/req.h"
#include "mail/mail_conf.h"
#include "mail/mail_http.h"
#include "mail/mail_msg.h"
#include "mail/mail_outbox.h"
#include "mail/mail_sender.h"
#include "notify/remind.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"

static const struct field f_url = { "server_url", "Máy chủ SMTP",
    "SMTP server" };
static const struct field f_user = { "username", "Tên đăng nhập SMTP",
    "SMTP user name" };
static const struct field f_password = { "password", "Mật khẩu SMTP",
    "SMTP password" };
static const struct field f_from = { "from_addr", "Địa chỉ gửi (From)",
    "From address" };
static const struct field f_base = { "base_url", "Địa chỉ trang vitre",
    "vitre's address" };
static const struct field f_days = { "remind_days",
    "Nhắc trước hạn (ngày)", "Remind before the due date (days)" };
static const struct field f_to = { "to", "Gửi thử tới", "Send a test to" };
static const struct field f_date = { "date", "Ngày", "Date" };

/*
 * The settings are the whole server's: only an administrator whose scope
 * is a root of the organisation tree may see or change them (403, and
 * false, for one scoped to a province or a school).
 */
static bool
whole_tree(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	char today[11];
	size_t i;
	bool ok = false;

	date_today(today);
	if (t != NULL && (i = unit_index(t, r->user.unit_id)) != (size_t)-1)
		ok = unit_parent(t, i, LINK_ADMIN, today) == (size_t)-1;
	if (t != NULL)
		unit_tree_put(r->app, t);
	if (!ok)
		resp_error(r, ERR_FORBIDDEN, "Chỉ quản trị viên của toàn hệ "
		    "thống mới đổi được cài đặt thư điện tử.", "Only an "
		    "administrator of the whole system can change the e-mail "
		    "settings.");
	return ok;
}

/* The submitted value when the form is shown again, else the stored one. */
static const char *
val(const struct req *r, bool again, const char *name, const char *stored)
{
	const char *v = again ? req_form(r, name) : NULL;

	return v != NULL ? v : stored;
}

static void
outbox_table(struct req *r)
{
	struct buf *o = &r->out;
	struct db_stmt *st;
	int any = 0;

	html_fmt(o, "<h2>%s</h2>", L(r, "Hộp thư đi", "Outbox"));
	st = db_stmt(r->db, "SELECT id, created_at, to_addr, subject, state,"
	    " attempts, last_error FROM mail_outbox"
	    " ORDER BY id DESC LIMIT 50");
	while (db_step(st) == DB_ROW) {
		time_t at = (time_t)db_col_int(st, 1);
		const char *state = db_col_text(st, 4);
		struct tm tm;
		char when[32];

		if (!any)
			html_fmt(o, "<table class=\"compact outbox\"><thead><tr>"
			    "<th>#</th><th>%s</th><th>%s</th><th>%s</th>"
			    "<th>%s</th><th>%s</th></tr></thead><tbody>",
			    L(r, "Lúc", "At"), L(r, "Người nhận", "To"),
			    L(r, "Tiêu đề", "Subject"),
			    L(r, "Trạng thái", "State"), L(r, "Lỗi", "Error"));
		any = 1;
		localtime_r(&at, &tm);
		strftime(when, sizeof(when), "%d/%m/%Y %H:%M", &tm);
		html_fmt(o, "<tr><td>%I</td><td>%s</td><td>%s</td><td>%s</td>"
		    "<td class=\"mail-%s\">%s (%I)</td><td>%s</td></tr>",
		    db_col_int(st, 0), when, db_col_text(st, 2),
		    db_col_text(st, 3), state,
		    strcmp(state, "sent") == 0 ? L(r, "đã gửi", "sent") :
		    strcmp(state, "failed") == 0 ? L(r, "thất bại", "failed") :
		    db_col_null(st, 6) ? L(r, "đang chờ", "queued") :
		    L(r, "sẽ thử lại", "will retry"), db_col_int(st, 5),
		    db_col_text(st, 6));
	}
	db_done(st);
	if (any)
		html_lit(o, "</tbody></table>");
	else
		html_fmt(o, "<p>%s</p>", L(r, "Chưa có thư nào.",
		    "No messages yet."));
}

static void
render(struct req *r, const struct mail_conf *c,
    const struct form_errors *errs, bool again, int status)
{
	struct buf *o = &r->out;
	const char *starttls = again ? (req_form(r, "starttls") ? "1" : "") :
	    c->starttls ? "1" : "";
	char days[16], today[11];

	buf_reset(o);
	snprintf(days, sizeof(days), "%d", c->remind_days);
	date_today(today);
	page_begin(r, L(r, "Thư điện tử", "E-mail"));
	html_fmt(o, "<h1>%s</h1>", L(r, "Thư điện tử và nhắc hạn",
	    "E-mail and reminders"));
	if (req_query(r, "saved") != NULL)
		html_fmt(o, "<p class=\"flash\">%s</p>", L(r, "Đã lưu.",
		    "Saved."));
	if (req_query(r, "queued") != NULL)
		html_fmt(o, "<p class=\"flash\">%s</p>", L(r, "Đã đưa thư thử "
		    "vào hộp thư đi; kết quả hiện trong bảng bên dưới sau vài "
		    "giây.", "The test message is in the outbox; its result "
		    "shows in the table below in a few seconds."));
	if (req_query(r, "swept") != NULL)
		html_fmt(o, "<p class=\"flash\">%s: %s</p>", L(r, "Số thông báo "
		    "nhắc hạn đã tạo", "Reminders added"),
		    req_query(r, "swept"));
	html_fmt(o, "<p>%s</p>", L(r, "Khi có máy chủ SMTP, mỗi thông báo "
	    "trong vitre cũng được gửi qua thư điện tử tới người dùng có địa "
	    "chỉ thư. Thư chỉ có nội dung của thông báo và đường dẫn, không "
	    "bao giờ có tên trẻ hay nội dung hồ sơ.", "With an SMTP server, "
	    "every vitre notification is also e-mailed to users who have an "
	    "address. A message holds only the notification's text and link, "
	    "never a child's name or anything from a case."));
	form_errors_html(r, errs);
	html_lit(o, "<form method=\"post\" action=\"/settings/mail\">");
	html_csrf_input(r);
	html_fmt(o, "<label>%s<input name=\"server_url\" maxlength=\"300\" "
	    "placeholder=\"smtp://mail.example.vn:587\" value=\"%s\">"
	    "<small>%s</small></label>", L(r, f_url.label_vi, f_url.label_en),
	    val(r, again, "server_url", c->server_url), L(r, "smtp://máy:cổng "
	    "(STARTTLS) hoặc smtps://máy:cổng (TLS); để trống để tắt thư "
	    "điện tử.", "smtp://host:port (STARTTLS) or smtps://host:port "
	    "(TLS); empty turns e-mail off."));
	html_fmt(o, "<label><input type=\"checkbox\" name=\"starttls\" "
	    "value=\"1\"%s> %s</label>", starttls[0] ? " checked" : "",
	    L(r, "Bắt buộc mã hóa STARTTLS (không gửi khi máy chủ không hỗ "
	    "trợ)", "Require STARTTLS (do not send when the server lacks "
	    "it)"));
	html_fmt(o, "<div class=\"grid\"><label>%s<input name=\"username\" "
	    "maxlength=\"200\" autocomplete=\"off\" value=\"%s\"></label>",
	    L(r, f_user.label_vi, f_user.label_en),
	    val(r, again, "username", c->username));
	html_fmt(o, "<label>%s<input type=\"password\" name=\"password\" "
	    "maxlength=\"256\" autocomplete=\"new-password\"><small>%s</small>"
	    "</label></div>", L(r, f_password.label_vi, f_password.label_en),
	    c->password[0] == '\0' ? L(r, "Chưa có mật khẩu.",
	    "No password stored.") : c->password_sealed ? L(r, "Đã lưu, mã "
	    "hóa bằng khóa hồ sơ; để trống để giữ nguyên.", "Stored, sealed "
	    "with the case key; leave empty to keep it.") : L(r, "Đã lưu "
	    "KHÔNG mã hóa (máy chủ không có khóa hồ sơ); để trống để giữ "
	    "nguyên.", "Stored NOT sealed (the server has no case key); "
	    "leave empty to keep it."));
	html_fmt(o, "<label><input type=\"checkbox\" name=\"clear_password\" "
	    "value=\"1\"> %s</label>", L(r, "Xóa mật khẩu đã lưu",
	    "Remove the stored password"));
	html_fmt(o, "<div class=\"grid\"><label>%s<input name=\"from_addr\" "
	    "maxlength=\"254\" placeholder=\"vitre@so.example.vn\" "
	    "value=\"%s\"></label>", L(r, f_from.label_vi, f_from.label_en),
	    val(r, again, "from_addr", c->from_addr));
	html_fmt(o, "<label>%s<input name=\"base_url\" maxlength=\"200\" "
	    "placeholder=\"https://vitre.example.vn\" value=\"%s\">"
	    "<small>%s</small></label></div>", L(r, f_base.label_vi,
	    f_base.label_en), val(r, again, "base_url", c->base_url),
	    L(r, "Đặt trước đường dẫn trong thư.",
	    "Put before the links in messages."));
	html_fmt(o, "<label>%s<input type=\"number\" name=\"remind_days\" "
	    "min=\"%d\" max=\"%d\" required value=\"%s\"></label>",
	    L(r, f_days.label_vi, f_days.label_en), MAIL_REMIND_MIN,
	    MAIL_REMIND_MAX, val(r, again, "remind_days", days));
	html_fmt(o, "<button type=\"submit\">%s</button></form>",
	    L(r, "Lưu", "Save"));

	html_fmt(o, "<h2>%s</h2><form method=\"post\" "
	    "action=\"/settings/mail/test\" class=\"grid\">",
	    L(r, "Gửi thư thử", "Send a test e-mail"));
	html_csrf_input(r);
	html_fmt(o, "<input name=\"to\" type=\"email\" maxlength=\"254\" "
	    "required aria-label=\"%s\" placeholder=\"%s\">"
	    "<button type=\"submit\">%s</button></form>",
	    L(r, f_to.label_vi, f_to.label_en), L(r, f_to.label_vi,
	    f_to.label_en), L(r, "Gửi thử", "Send a test"));

	html_fmt(o, "<h2>%s</h2><p>%s</p><form method=\"post\" "
	    "action=\"/settings/mail/sweep\" class=\"grid\">",
	    L(r, "Nhắc hạn báo cáo", "Report reminders"),
	    L(r, "vitre nhắc mỗi giờ. Có thể chạy ngay, cho một ngày bất kỳ; "
	    "mỗi người chỉ được nhắc một lần cho mỗi hạn. Việc này cũng báo "
	    "lên các chuyển gửi hồ sơ chưa được xác nhận đúng hạn.",
	    "vitre reminds every hour. You can run it now, as of any date; "
	    "nobody is reminded twice of the same due. This also escalates "
	    "case referrals not acknowledged in time."));
	html_csrf_input(r);
	html_fmt(o, "<input type=\"date\" name=\"date\" required "
	    "aria-label=\"%s\" value=\"%s\"><button type=\"submit\" "
	    "class=\"secondary\">%s</button></form>", L(r, f_date.label_vi,
	    f_date.label_en), today, L(r, "Chạy nhắc hạn", "Run reminders"));
	outbox_table(r);
	page_end(r);
	resp_html(r, status);
}

void
mail_settings_page(struct req *r)
{
	struct mail_conf c;
	struct form_errors errs = { 0 };

	if (!whole_tree(r))
		return;
	if (mail_conf_load(r->db, &c) != ERR_OK)
		resp_error(r, ERR_DB, "Không đọc được cài đặt.",
		    "Cannot read the settings.");
	else
		render(r, &c, &errs, false, 200);
	mail_conf_release(&c);
}

void
mail_settings_post(struct req *r)
{
	struct mail_conf c, nc;
	struct form_errors errs = { 0 };
	char url[4 * 300 + 1], user[4 * 200 + 1], from[4 * 254 + 1],
	    base[4 * 200 + 1];
	const char *pw = req_form(r, "password");
	int64_t days = 0;
	enum err e;

	if (!whole_tree(r))
		return;
	if (mail_conf_load(r->db, &c) != ERR_OK) {
		resp_error(r, ERR_DB, "Không đọc được cài đặt.",
		    "Cannot read the settings.");
		goto out;
	}
	valid_text(&errs, &f_url, req_form(r, "server_url"), false, 300, url);
	if (url[0] && !mail_url_valid(url))
		form_error(&errs, &f_url, "phải có dạng smtp://máy:cổng hoặc "
		    "smtps://máy:cổng.", "must be smtp://host:port or "
		    "smtps://host:port.");
	valid_text(&errs, &f_user, req_form(r, "username"), false, 200, user);
	if (pw != NULL && (strlen(pw) > 256 || !str_is_clean_utf8(pw,
	    strlen(pw))))
		form_error(&errs, &f_password, "tối đa 256 ký tự.",
		    "at most 256 characters.");
	valid_text(&errs, &f_from, req_form(r, "from_addr"), url[0] != '\0',
	    254, from);
	if (from[0] && !mail_addr_valid(from))
		form_error(&errs, &f_from, "không phải địa chỉ thư hợp lệ.",
		    "is not a valid e-mail address.");
	valid_text(&errs, &f_base, req_form(r, "base_url"), url[0] != '\0',
	    200, base);
	if (base[0] && !mail_base_url_valid(base))
		form_error(&errs, &f_base, "phải có dạng https://máy[/đường-dẫn]"
		    ", không có dấu / ở cuối.", "must be https://host[/path] "
		    "without a final /.");
	valid_int(&errs, &f_days, req_form(r, "remind_days"), true,
	    MAIL_REMIND_MIN, MAIL_REMIND_MAX, &days, NULL);
	if (errs.n > 0) {
		render(r, &c, &errs, true, 400);
		goto out;
	}
	nc = c;
	nc.server_url = url;
	nc.starttls = req_form(r, "starttls") != NULL;
	nc.username = user;
	nc.from_addr = from;
	nc.base_url = base;
	nc.remind_days = (int)days;
	if ((e = db_begin(r->db)) != ERR_OK)
		goto fail;
	if ((e = mail_conf_save(r->db, &nc, pw != NULL && pw[0] != '\0' ? pw :
	    NULL, req_form(r, "clear_password") != NULL, r->app->case_key)) !=
	    ERR_OK || (e = audit(r->db, r->user.id, "mail_settings", "mail",
	    url[0] ? url : "off")) != ERR_OK ||
	    (e = db_commit(r->db)) != ERR_OK) {
		db_rollback(r->db);
		goto fail;
	}
	resp_redirect(r, "/settings/mail?saved=1");
	goto out;
fail:
	resp_error(r, e, "Không lưu được cài đặt; không có gì thay đổi.",
	    "Could not save the settings; nothing changed.");
out:
	mail_conf_release(&c);
}

void
mail_test_post(struct req *r)
{
	struct form_errors errs = { 0 };
	struct mail_conf c;
	char to[4 * 254 + 1], loc[64];
	int64_t id = 0;
	enum err e;

	if (!whole_tree(r))
		return;
	valid_text(&errs, &f_to, req_form(r, "to"), true, 254, to);
	if (to[0] && !mail_addr_valid(to))
		form_error(&errs, &f_to, "không phải địa chỉ thư hợp lệ.",
		    "is not a valid e-mail address.");
	if (errs.n > 0) {
		form_errors_respond(r, &errs);
		return;
	}
	if (mail_conf_load(r->db, &c) != ERR_OK || !mail_conf_on(&c)) {
		resp_error(r, ERR_CONFLICT, "Chưa cấu hình máy chủ SMTP và địa "
		    "chỉ gửi.", "No SMTP server and From address are set.");
		goto out;
	}
	if ((e = db_begin(r->db)) != ERR_OK)
		goto fail;
	if ((e = mail_enqueue(r->db, 0, to, "vitre: thư thử — cấu hình thư "
	    "điện tử hoạt động", "Đây là thư thử của vitre: máy chủ SMTP đã "
	    "nhận thư.\n\nThis is a test message from vitre: the SMTP server "
	    "accepted it.\n", &id)) != ERR_OK ||
	    (e = audit(r->db, r->user.id, "mail_test", "mail", to)) != ERR_OK ||
	    (e = db_commit(r->db)) != ERR_OK) {
		db_rollback(r->db);
		goto fail;
	}
	mail_sender_wake(r->app->mail);
	snprintf(loc, sizeof(loc), "/settings/mail?queued=%lld", (long long)id);
	resp_redirect(r, loc);
	goto out;
fail:
	resp_error(r, e, "Không tạo được thư thử.",
	    "Could not queue the test message.");
out:
	mail_conf_release(&c);
}

void
mail_sweep_post(struct req *r)
{
	struct form_errors errs = { 0 };
	char date[11], loc[64];
	int told = 0;
	enum err e;

	if (!whole_tree(r))
		return;
	if (!valid_date(&errs, &f_date, req_form(r, "date"), true, date)) {
		form_errors_respond(r, &errs);
		return;
	}
	casefile_escalate_db(r->db);
	if ((e = remind_sweep(r->app, r->db, date, &told)) != ERR_OK ||
	    (e = audit(r->db, r->user.id, "remind_sweep", "mail", date)) !=
	    ERR_OK) {
		resp_error(r, e, "Không chạy được việc nhắc hạn.",
		    "The reminder sweep failed.");
		return;
	}
	mail_sender_wake(r->app->mail);
	snprintf(loc, sizeof(loc), "/settings/mail?swept=%d", told);
	resp_redirect(r, loc);
}
