/*
 * notify.c -- in-app notifications: storage, the list page and marking
 * them read; see notify.h.
 */
#include <time.h>

#include "db/db.h"
#include "http/req.h"
#include "mail/mail_outbox.h"
#include "notify/notify.h"
#include "render/html.h"
#include "render/layout.h"

enum err
notify_add(struct db *db, int64_t user_id, const char *link,
    const char *text_vi, const char *text_en)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO notification (user_id,"
	    " at, link, text_vi, text_en) VALUES (?, ?, ?, ?, ?)");
	enum err e;

	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, (int64_t)time(NULL));
	db_bind_text(st, 3, link);
	db_bind_text(st, 4, text_vi);
	db_bind_text(st, 5, text_en);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	/* And by e-mail, when it is on and the user has an address. */
	return mail_enqueue_notice(db, user_id, link, text_vi, text_en);
}

int64_t
notify_unread(struct db *db, int64_t user_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM notification"
	    " WHERE user_id = ? AND read_at IS NULL");
	int64_t n = 0;

	db_bind_int(st, 1, user_id);
	if (db_one_int(st, &n) != ERR_OK)
		n = 0;
	return n;
}

void
notify_page(struct req *r)
{
	struct buf *o = &r->out;
	struct db_stmt *st;
	int any = 0;

	page_begin(r, L(r, "Thông báo", "Notifications"));
	html_fmt(o, "<h1>%s</h1>", L(r, "Thông báo", "Notifications"));
	st = db_stmt(r->db, "SELECT at, link, text_vi, text_en, read_at"
	    " FROM notification WHERE user_id = ?"
	    " ORDER BY at DESC, id DESC LIMIT 200");
	db_bind_int(st, 1, r->user.id);
	while (db_step(st) == DB_ROW) {
		time_t at = (time_t)db_col_int(st, 0);
		struct tm tm;
		char when[32];

		if (!any)
			html_lit(o, "<ul class=\"notices\">");
		any = 1;
		localtime_r(&at, &tm);
		strftime(when, sizeof(when), "%d/%m/%Y %H:%M", &tm);
		html_fmt(o, "<li%s><small>%s</small> <a href=\"%s\">%s</a></li>",
		    db_col_null(st, 4) ? " class=\"unread\"" : "", when,
		    db_col_text(st, 1), L(r, db_col_text(st, 2),
		    db_col_text(st, 3)));
	}
	db_done(st);
	if (!any)
		html_fmt(o, "<p>%s</p>", L(r, "Không có thông báo.",
		    "No notifications."));
	else {
		html_lit(o, "</ul><form method=\"post\" "
		    "action=\"/notifications/read\">");
		html_csrf_input(r);
		html_fmt(o, "<button type=\"submit\" class=\"secondary\">%s"
		    "</button></form>", L(r, "Đánh dấu tất cả là đã đọc",
		    "Mark all as read"));
	}
	page_end(r);
	resp_html(r, 200);
}

void
notify_read_post(struct req *r)
{
	struct db_stmt *st = db_stmt(r->db, "UPDATE notification SET"
	    " read_at = ? WHERE user_id = ? AND read_at IS NULL");

	db_bind_int(st, 1, (int64_t)time(NULL));
	db_bind_int(st, 2, r->user.id);
	if (db_run(st) != ERR_OK) {
		resp_error(r, ERR_DB, "Không lưu được.", "Could not save.");
		return;
	}
	resp_redirect(r, "/notifications");
}
