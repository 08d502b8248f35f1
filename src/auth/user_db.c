/*
 * user_db.c -- user account storage.
 */
#include <ctype.h>
#include <string.h>
#include <time.h>

#include "auth/password.h"
#include "auth/user.h"
#include "core/strutil.h"
#include "db/db.h"
#include "mail/mail_msg.h"

bool
user_name_valid(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 3 || n > 64)
		return false;
	for (i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i])
		    && s[i] != '.' && s[i] != '_' && s[i] != '-')
			return false;
	return true;
}

enum err
user_create(struct db *db, const struct user_new *u, int64_t *id_out,
    struct buf *errmsg)
{
	char hash[PASSWORD_HASH_MAX];
	struct db_stmt *st;
	int64_t one;
	enum err e;

	if (u->username == NULL || !user_name_valid(u->username)) {
		buf_puts(errmsg, "username: Tên đăng nhập phải có 3–64 ký tự "
		    "a–z, 0–9, dấu chấm, gạch dưới hoặc gạch ngang / "
		    "user name must be 3-64 characters of a-z 0-9 . _ -");
		return ERR_INVALID;
	}
	if (u->full_name == NULL || str_empty(u->full_name) ||
	    utf8_len(u->full_name) > 160 ||
	    !str_is_clean_utf8(u->full_name, strlen(u->full_name))) {
		buf_puts(errmsg, "full_name: Họ tên phải có từ 1 đến 160 ký tự / "
		    "full name must be 1-160 characters");
		return ERR_INVALID;
	}
	if (u->password == NULL || strlen(u->password) < PASSWORD_MIN_LEN ||
	    strlen(u->password) > 256) {
		buf_printf(errmsg, "password: Mật khẩu phải có ít nhất %d ký tự / "
		    "password must have at least %d characters",
		    PASSWORD_MIN_LEN, PASSWORD_MIN_LEN);
		return ERR_INVALID;
	}
	if ((unsigned)u->role >= ROLE__MAX) {
		buf_puts(errmsg, "role: Vai trò không hợp lệ / unknown role");
		return ERR_INVALID;
	}
	st = db_stmt(db, "SELECT 1 FROM unit WHERE id = ?");
	db_bind_int(st, 1, u->unit_id);
	if (db_one_int(st, &one) != ERR_OK) {
		buf_puts(errmsg, "unit_id: Đơn vị không tồn tại / "
		    "no such unit");
		return ERR_INVALID;
	}
	if (!password_hash(u->password, hash))
		return ERR_BUG("password hashing failed");
	st = db_stmt(db, "INSERT INTO app_user (username, full_name, pw_hash,"
	    " role, unit_id, is_demo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
	db_bind_text(st, 1, u->username);
	db_bind_text(st, 2, u->full_name);
	db_bind_text(st, 3, hash);
	db_bind_text(st, 4, roles[u->role].code);
	db_bind_int(st, 5, u->unit_id);
	db_bind_int(st, 6, u->demo);
	db_bind_int(st, 7, (int64_t)time(NULL));
	e = db_run(st);
	if (e == ERR_CONFLICT)
		buf_printf(errmsg, "username: Tên đăng nhập «%s» đã có / "
		    "user name \"%s\" is taken", u->username, u->username);
	else if (e == ERR_OK && id_out != NULL)
		*id_out = db_last_id(db);
	return e;
}

enum err
user_set_email(struct db *db, int64_t id, const char *email,
    struct buf *errmsg)
{
	struct db_stmt *st;
	enum err e;

	if (email != NULL && email[0] != '\0' && !mail_addr_valid(email)) {
		buf_puts(errmsg, "email: Địa chỉ thư điện tử không hợp lệ / "
		    "not a valid e-mail address");
		return ERR_INVALID;
	}
	st = db_stmt(db, "UPDATE app_user SET email = ? WHERE id = ?");
	db_bind_text(st, 1, email != NULL && email[0] != '\0' ? email : NULL);
	db_bind_int(st, 2, id);
	if ((e = db_run(st)) == ERR_OK && db_changes(db) == 0)
		e = ERR_NOTFOUND;
	return e;
}
