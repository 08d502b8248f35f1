/*
 * mail_conf.c -- loading and storing the SMTP settings; see mail_conf.h.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cases/crypt.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "mail/mail_conf.h"
#include "reports/report.h"

enum err
mail_conf_load(struct db *db, struct mail_conf *c)
{
	struct db_stmt *st = db_stmt(db, "SELECT server_url, starttls,"
	    " username, password, password_sealed, from_addr, base_url,"
	    " remind_days FROM mail_setting WHERE id = 1");
	enum err e = ERR_OK;

	memset(c, 0, sizeof(*c));
	c->remind_days = REPORT_REMIND_DAYS;
	c->starttls = true;
	if (db_step(st) == DB_ROW) {
		c->server_url = xstrdup(db_col_text(st, 0));
		c->starttls = db_col_int(st, 1) != 0;
		c->username = xstrdup(db_col_text(st, 2));
		c->password = xstrdup(db_col_text(st, 3));
		c->password_sealed = db_col_int(st, 4) != 0;
		c->from_addr = xstrdup(db_col_text(st, 5));
		c->base_url = xstrdup(db_col_text(st, 6));
		if (db_col_int(st, 7) >= MAIL_REMIND_MIN &&
		    db_col_int(st, 7) <= MAIL_REMIND_MAX)
			c->remind_days = (int)db_col_int(st, 7);
	} else
		e = ERR_DB;
	db_done(st);
	if (c->server_url == NULL) {
		c->server_url = xstrdup("");
		c->username = xstrdup("");
		c->password = xstrdup("");
		c->from_addr = xstrdup("");
		c->base_url = xstrdup("");
	}
	return e;
}

void
mail_conf_release(struct mail_conf *c)
{
	free(c->server_url);
	free(c->username);
	casekey_wipe_free(c->password);
	free(c->from_addr);
	free(c->base_url);
	memset(c, 0, sizeof(*c));
}

bool
mail_conf_on(const struct mail_conf *c)
{
	return c->server_url != NULL && c->server_url[0] != '\0' &&
	    c->from_addr != NULL && c->from_addr[0] != '\0';
}

enum err
mail_conf_password(const struct mail_conf *c, const struct casekey *key,
    char **out)
{
	if (c->password == NULL || c->password[0] == '\0' ||
	    !c->password_sealed) {
		*out = xstrdup(c->password != NULL ? c->password : "");
		return ERR_OK;
	}
	if (key == NULL)
		return ERR_INVALID;
	return casekey_open(key, c->password, out);
}

enum err
mail_conf_save(struct db *db, const struct mail_conf *c, const char *password,
    bool clear_password, const struct casekey *key)
{
	struct db_stmt *st = db_stmt(db, "UPDATE mail_setting SET"
	    " server_url = ?, starttls = ?, username = ?, from_addr = ?,"
	    " base_url = ?, remind_days = ?, updated_at = ? WHERE id = 1");
	char *sealed = NULL;
	enum err e;

	db_bind_text(st, 1, c->server_url);
	db_bind_int(st, 2, c->starttls);
	db_bind_text(st, 3, c->username);
	db_bind_text(st, 4, c->from_addr);
	db_bind_text(st, 5, c->base_url);
	db_bind_int(st, 6, c->remind_days);
	db_bind_int(st, 7, (int64_t)time(NULL));
	if ((e = db_run(st)) != ERR_OK)
		return e;
	if (password == NULL && !clear_password)
		return ERR_OK;
	if (password != NULL && password[0] != '\0' && key != NULL)
		sealed = casekey_seal(key, password);
	st = db_stmt(db, "UPDATE mail_setting SET password = ?,"
	    " password_sealed = ? WHERE id = 1");
	db_bind_text(st, 1, clear_password || password == NULL ? "" :
	    sealed != NULL ? sealed : password);
	db_bind_int(st, 2, sealed != NULL);
	e = db_run(st);
	free(sealed);
	return e;
}

/* Is s a host name or address with an optional port, up to the end? */
static bool
host_port(const char *s)
{
	const char *p;
	int colons = 0;

	if (*s == '\0' || *s == ':' || *s == '.' || *s == '-')
		return false;
	for (p = s; *p != '\0'; p++) {
		if (*p == ':') {
			colons++;
			if (p[1] == '\0')
				return false;
		} else if (colons > 0) {
			if (*p < '0' || *p > '9')
				return false;
		} else if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' &&
		    *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '.' ||
		    *p == '-'))
			return false;
	}
	return colons <= 1 && p - s <= 253 + 6;
}

bool
mail_url_valid(const char *s)
{
	if (s == NULL)
		return false;
	if (strncmp(s, "smtp://", 7) == 0)
		return host_port(s + 7);
	if (strncmp(s, "smtps://", 8) == 0)
		return host_port(s + 8);
	return false;
}

bool
mail_base_url_valid(const char *s)
{
	const char *rest, *slash;
	size_t n;

	if (s == NULL || (n = strlen(s)) == 0 || n > 200 || s[n - 1] == '/')
		return false;
	if (strncmp(s, "https://", 8) == 0)
		rest = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		rest = s + 7;
	else
		return false;
	if ((slash = strchr(rest, '/')) == NULL)
		return host_port(rest);
	{
		char host[260];
		const char *p;

		if ((size_t)(slash - rest) >= sizeof(host))
			return false;
		memcpy(host, rest, (size_t)(slash - rest));
		host[slash - rest] = '\0';
		if (!host_port(host))
			return false;
		for (p = slash; *p != '\0'; p++)
			if ((unsigned char)*p <= 0x20 || (unsigned char)*p >=
			    0x7f || *p == '"' || *p == '<' || *p == '>' ||
			    *p == '?' || *p == '#')
				return false;
	}
	return true;
}
