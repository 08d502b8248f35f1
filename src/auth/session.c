/*
 * session.c -- create, find and end sessions; see session.h.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "auth/session.h"
#include "db/db.h"
#include "http/req.h"

void
session_random_token(char out[65])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(out, 65, raw, sizeof(raw));
}

static void
hash_token(const char *token, char out[65])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
	    strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

bool
session_token_eq(const char *a, const char *b)
{
	size_t n = strlen(a);

	return n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}

static void
set_cookie(struct req *r, const char *value, long max_age)
{
	char c[256];

	snprintf(c, sizeof(c), "vitre_session=%s; Path=/; HttpOnly; "
	    "SameSite=Strict; Max-Age=%ld%s", value, max_age,
	    r->app->secure_cookies ? "; Secure" : "");
	resp_header(r, "Set-Cookie", c);
}

void
session_load(struct req *r, const char *token)
{
	struct db_stmt *st;
	enum role role;

	if (strlen(token) != SESSION_TOKEN_LEN)
		return;
	hash_token(token, r->token_hash);
	st = db_stmt(r->db,
	    "SELECT u.id, u.username, u.full_name, u.role, u.unit_id, u.lang,"
	    " s.csrf FROM session s JOIN app_user u ON u.id = s.user_id"
	    " WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1");
	db_bind_text(st, 1, r->token_hash);
	db_bind_int(st, 2, (int64_t)time(NULL));
	if (db_step(st) == DB_ROW && role_from_code(db_col_text(st, 3), &role)) {
		r->user.id = db_col_int(st, 0);
		snprintf(r->user.username, sizeof(r->user.username), "%s",
		    db_col_text(st, 1));
		snprintf(r->user.full_name, sizeof(r->user.full_name), "%s",
		    db_col_text(st, 2));
		r->user.role = role;
		r->user.unit_id = db_col_int(st, 4);
		r->user.lang = strcmp(db_col_text(st, 5), "en") == 0 ?
		    LANG_EN : LANG_VI;
		snprintf(r->csrf, sizeof(r->csrf), "%s", db_col_text(st, 6));
		r->authed = true;
	}
	db_done(st);
}

enum err
session_start(struct req *r, int64_t user_id)
{
	char token[65], hash[65], csrf[65];
	struct db_stmt *st;
	int64_t now = (int64_t)time(NULL);
	enum err e;

	session_random_token(token);
	session_random_token(csrf);
	csrf[40] = '\0';
	hash_token(token, hash);
	/* Drop this user's expired sessions while we are here. */
	st = db_stmt(r->db, "DELETE FROM session WHERE user_id = ?"
	    " AND expires_at <= ?");
	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, now);
	(void)db_run(st);
	st = db_stmt(r->db, "INSERT INTO session (token_hash, user_id, csrf,"
	    " created_at, expires_at) VALUES (?, ?, ?, ?, ?)");
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, user_id);
	db_bind_text(st, 3, csrf);
	db_bind_int(st, 4, now);
	db_bind_int(st, 5, now + SESSION_SECONDS);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	set_cookie(r, token, SESSION_SECONDS);
	return ERR_OK;
}

void
session_end(struct req *r)
{
	struct db_stmt *st;

	if (r->token_hash[0] != '\0') {
		st = db_stmt(r->db, "DELETE FROM session WHERE token_hash = ?");
		db_bind_text(st, 1, r->token_hash);
		(void)db_run(st);
	}
	set_cookie(r, "", 0);
}
