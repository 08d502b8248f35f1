/*
 * mail_conf.h -- the SMTP settings (table mail_setting, one row) and the
 * reminder setting kept beside them.
 *
 * E-mail is on when server_url is set.  The password is never shown back:
 * it is sealed with the case key when the server has one (cases/crypt.h),
 * else stored as typed, and the settings page says which.  A sealed
 * password that no longer opens (the key changed) is reported by the
 * sender as an error on each message; the administrator types it again.
 */
#ifndef VITRE_MAIL_CONF_H
#define VITRE_MAIL_CONF_H

#include <stdbool.h>

#include "core/buf.h"
#include "core/err.h"

struct db;
struct casekey;

/* Bounds of the reminder setting (days before a due date). */
#define MAIL_REMIND_MIN	1
#define MAIL_REMIND_MAX	60

struct mail_conf {
	char		*server_url;	/* "" = e-mail off */
	bool		 starttls;	/* refuse to send without TLS */
	char		*username;
	char		*password;	/* as stored (sealed or not) */
	bool		 password_sealed;
	char		*from_addr;
	char		*base_url;	/* prefix of the links, no final '/' */
	int		 remind_days;
};

/* Load the settings into c (release with mail_conf_release). */
enum err	 mail_conf_load(struct db *, struct mail_conf *c);
void		 mail_conf_release(struct mail_conf *);
/* Is e-mail on (a server URL and a From address)? */
bool		 mail_conf_on(const struct mail_conf *);
/*
 * The password in clear into *out (caller frees with casekey_wipe_free);
 * "" when none.  ERR_INVALID when it is sealed and key is NULL or another
 * key sealed it.
 */
enum err	 mail_conf_password(const struct mail_conf *,
		    const struct casekey *key, char **out);
/*
 * Store the settings (inside the caller's transaction).  password: a new
 * one to store (sealed with key when key is not NULL), or NULL to keep the
 * stored one; clear_password removes it.
 */
enum err	 mail_conf_save(struct db *, const struct mail_conf *,
		    const char *password, bool clear_password,
		    const struct casekey *key);
/* Is s "smtp://host[:port]" or "smtps://host[:port]" (no spaces, no
 * user or path)? */
bool		 mail_url_valid(const char *s);
/* Is s "http(s)://host[:port][/path]" without a final '/'? */
bool		 mail_base_url_valid(const char *s);

#endif
