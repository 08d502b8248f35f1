/*
 * auth_http.c -- the sign-in page and the routes around it.
 *
 * The sign-in form has no session yet, so it is protected against login
 * CSRF with a double-submit token: a random value both in the HttpOnly
 * SameSite=Strict cookie "vitre_login" and in the form.  Failed attempts
 * are limited per user name and address and per address (auth/ratelimit),
 * and unknown user names cost the same time as wrong passwords.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "auth/audit.h"
#include "auth/auth_http.h"
#include "auth/password.h"
#include "auth/ratelimit.h"
#include "auth/session.h"
#include "core/strutil.h"
#include "db/db.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"

static void
login_page(struct req *r, int status, const char *username, const char *error)
{
	char token[65];
	char cookie[160];
	struct buf *o = &r->out;

	session_random_token(token);
	snprintf(cookie, sizeof(cookie), "vitre_login=%s; Path=/login; HttpOnly;"
	    " SameSite=Strict; Max-Age=3600", token);
	resp_header(r, "Set-Cookie", cookie);
	buf_reset(o);
	page_begin(r, L(r, "Đăng nhập", "Sign in"));
	html_fmt(o, "<article class=\"login\"><header><h1>%s</h1><p>%s</p>"
	    "</header>", L(r, "Đăng nhập vitre", "Sign in to vitre"),
	    L(r, "Hệ thống theo dõi kế hoạch hành động vì trẻ em của ngành "
	    "giáo dục.", "The education sector's Action for Children "
	    "monitoring system."));
	if (error != NULL)
		html_fmt(o, "<p class=\"flash bad\" role=\"alert\">%s</p>", error);
	html_fmt(o, "<form method=\"post\" action=\"/login\">"
	    "<input type=\"hidden\" name=\"login_token\" value=\"%s\">"
	    "<label>%s<input name=\"username\" autocomplete=\"username\" "
	    "required maxlength=\"64\" value=\"%s\" autofocus></label>"
	    "<label>%s<input type=\"password\" name=\"password\" "
	    "autocomplete=\"current-password\" required maxlength=\"256\">"
	    "</label><button type=\"submit\">%s</button></form></article>",
	    token, L(r, "Tên đăng nhập", "User name"),
	    username ? username : "", L(r, "Mật khẩu", "Password"),
	    L(r, "Đăng nhập", "Sign in"));
	page_end(r);
	resp_html(r, status);
}

void
auth_login_form(struct req *r)
{
	if (r->authed) {
		resp_redirect(r, "/");
		return;
	}
	login_page(r, 200, NULL, NULL);
}

void
auth_login(struct req *r)
{
	const char *form_tok = req_form(r, "login_token");
	const char *cookie_tok = req_cookie(r, "vitre_login");
	const char *pw = req_form(r, "password");
	const char *uname_in = req_form(r, "username");
	char uname[65], key_user[160], key_ip[80], hash[PASSWORD_HASH_MAX];
	struct db_stmt *st;
	int64_t user_id = 0;
	time_t now = time(NULL);
	long wait = 0;
	bool ok = false;
	size_t i;

	if (form_tok == NULL || cookie_tok == NULL ||
	    !session_token_eq(form_tok, cookie_tok)) {
		login_page(r, 403, uname_in, L(r, "Biểu mẫu đăng nhập đã hết hạn. "
		    "Hãy thử lại.", "The sign-in form expired. Please try "
		    "again."));
		return;
	}
	if (uname_in == NULL || str_empty(uname_in) || strlen(uname_in) > 64) {
		login_page(r, 400, NULL, L(r, "Tên đăng nhập: cần nhập "
		    "(tối đa 64 ký tự).", "User name: required (at most 64 "
		    "characters)."));
		return;
	}
	if (pw == NULL || str_empty(pw) || strlen(pw) > 256) {
		login_page(r, 400, uname_in, L(r, "Mật khẩu: cần nhập.",
		    "Password: required."));
		return;
	}
	for (i = 0; uname_in[i] && i < sizeof(uname) - 1; i++)
		uname[i] = (char)tolower((unsigned char)uname_in[i]);
	uname[i] = '\0';
	snprintf(key_user, sizeof(key_user), "u|%s|%s", uname, r->ip);
	snprintf(key_ip, sizeof(key_ip), "ip|%s", r->ip);
	if (!ratelimit_allowed(r->app->logins, key_user, RATELIMIT_PER_USER,
	    now, &wait) || !ratelimit_allowed(r->app->logins, key_ip,
	    RATELIMIT_PER_IP, now, &wait)) {
		char msg[256], retry[24];

		snprintf(msg, sizeof(msg), L(r, "Đăng nhập sai quá nhiều lần. "
		    "Hãy thử lại sau %ld phút.", "Too many failed sign-ins. "
		    "Try again in %ld minutes."), (wait + 59) / 60);
		snprintf(retry, sizeof(retry), "%ld", wait);
		resp_header(r, "Retry-After", retry);
		login_page(r, 429, uname_in, msg);
		return;
	}

	st = db_stmt(r->db, "SELECT id, pw_hash FROM app_user"
	    " WHERE username = ? AND active = 1");
	db_bind_text(st, 1, uname);
	hash[0] = '\0';
	if (db_step(st) == DB_ROW) {
		user_id = db_col_int(st, 0);
		snprintf(hash, sizeof(hash), "%s", db_col_text(st, 1));
	}
	db_done(st);
	ratelimit_hash_enter(r->app->logins);
	if (user_id != 0)
		ok = password_verify(hash, pw);
	else
		password_dummy_verify(pw);
	ratelimit_hash_leave(r->app->logins);

	if (!ok) {
		ratelimit_fail(r->app->logins, key_user, now);
		ratelimit_fail(r->app->logins, key_ip, now);
		(void)audit(r->db, user_id, "login_failed", "user", uname);
		login_page(r, 401, uname_in, L(r, "Tên đăng nhập hoặc mật khẩu "
		    "không đúng.", "Wrong user name or password."));
		return;
	}
	ratelimit_clear(r->app->logins, key_user);
	if (session_start(r, user_id) != ERR_OK) {
		resp_error(r, ERR_DB, "Không tạo được phiên làm việc.",
		    "Could not start a session.");
		return;
	}
	(void)audit(r->db, user_id, "login", "user", uname);
	resp_header(r, "Set-Cookie", "vitre_login=; Path=/login; HttpOnly; "
	    "SameSite=Strict; Max-Age=0");
	resp_redirect(r, "/");
}

void
auth_logout(struct req *r)
{
	(void)audit(r->db, r->user.id, "logout", "user", r->user.username);
	session_end(r);
	resp_redirect(r, "/login");
}

void
auth_lang(struct req *r)
{
	const char *to = req_query(r, "to"), *back = req_query(r, "back");

	if (to == NULL || (strcmp(to, "vi") != 0 && strcmp(to, "en") != 0)) {
		resp_error(r, ERR_INVALID, "Tham số «to»: chỉ nhận vi hoặc en.",
		    "Parameter \"to\": must be vi or en.");
		return;
	}
	resp_header(r, "Set-Cookie", strcmp(to, "en") == 0 ?
	    "lang=en; Path=/; SameSite=Strict; Max-Age=31536000" :
	    "lang=vi; Path=/; SameSite=Strict; Max-Age=31536000");
	/* Only local paths: never an open redirect. */
	if (back == NULL || back[0] != '/' || back[1] == '/' ||
	    strchr(back, '\\') != NULL)
		back = "/";
	resp_redirect(r, back);
}

void
auth_home(struct req *r)
{
	char where[64];

	snprintf(where, sizeof(where), "/units/%lld/dashboard",
	    (long long)r->user.unit_id);
	resp_redirect(r, where);
}
