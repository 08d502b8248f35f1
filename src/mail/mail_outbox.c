/*
 * mail_outbox.c -- queueing messages and recording attempts; see
 * mail_outbox.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "mail/mail_conf.h"
#include "mail/mail_msg.h"
#include "mail/mail_outbox.h"

enum err
mail_enqueue(struct db *db, int64_t user_id, const char *to,
    const char *subject, const char *body, int64_t *id)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO mail_outbox (user_id,"
	    " to_addr, subject, body, created_at, next_at)"
	    " VALUES (?, ?, ?, ?, ?, ?)");
	int64_t now = (int64_t)time(NULL);
	enum err e;

	if (user_id > 0)
		db_bind_int(st, 1, user_id);
	else
		db_bind_null(st, 1);
	db_bind_text(st, 2, to);
	db_bind_text(st, 3, subject);
	db_bind_text(st, 4, body);
	db_bind_int(st, 5, now);
	db_bind_int(st, 6, now);
	if ((e = db_run(st)) == ERR_OK && id != NULL)
		*id = db_last_id(db);
	return e;
}

enum err
mail_enqueue_notice(struct db *db, int64_t user_id, const char *link,
    const char *text_vi, const char *text_en)
{
	struct db_stmt *st;
	struct mail_conf c;
	struct buf subj = BUF_INIT, body = BUF_INIT;
	char to[MAIL_ADDR_MAX + 1] = "";
	bool en = false;
	enum err e;

	if ((e = mail_conf_load(db, &c)) != ERR_OK || !mail_conf_on(&c))
		goto out;
	st = db_stmt(db, "SELECT email, lang FROM app_user"
	    " WHERE id = ? AND active = 1 AND email IS NOT NULL");
	db_bind_int(st, 1, user_id);
	if (db_step(st) == DB_ROW) {
		snprintf(to, sizeof(to), "%s", db_col_text(st, 0));
		en = strcmp(db_col_text(st, 1), "en") == 0;
	}
	db_done(st);
	if (!mail_addr_valid(to))
		goto out;
	buf_printf(&subj, "vitre: %s", en ? text_en : text_vi);
	buf_printf(&body, "%s\n\n%s%s\n\n-- \n%s\n\n%s\n", en ? text_en :
	    text_vi, c.base_url, link, en ? text_vi : text_en,
	    "Thư tự động của vitre, xin đừng trả lời. / An automatic "
	    "message from vitre; please do not reply.");
	e = mail_enqueue(db, user_id, to, subj.data, body.data, NULL);
out:
	buf_release(&subj);
	buf_release(&body);
	mail_conf_release(&c);
	return e;
}

int64_t
mail_backoff(int n)
{
	int64_t d = 60;

	while (n-- > 1 && d < 6 * 3600)
		d *= 2;
	return d < 6 * 3600 ? d : 6 * 3600;
}

enum err
mail_outbox_claim(struct db *db, int64_t now, struct mail_item *out)
{
	struct db_stmt *st;
	enum err e = ERR_NOTFOUND;

	memset(out, 0, sizeof(*out));
	if (db_begin(db) != ERR_OK)
		return ERR_DB;
	st = db_stmt(db, "SELECT id, to_addr, subject, body, attempts"
	    " FROM mail_outbox WHERE state = 'queued' AND next_at <= ?"
	    " ORDER BY next_at, id LIMIT 1");
	db_bind_int(st, 1, now);
	if (db_step(st) == DB_ROW) {
		out->id = db_col_int(st, 0);
		out->to = xstrdup(db_col_text(st, 1));
		out->subject = xstrdup(db_col_text(st, 2));
		out->body = xstrdup(db_col_text(st, 3));
		out->attempts = (int)db_col_int(st, 4);
		e = ERR_OK;
	}
	db_done(st);
	if (e == ERR_OK) {
		st = db_stmt(db, "UPDATE mail_outbox SET next_at = ?"
		    " WHERE id = ?");
		db_bind_int(st, 1, now + MAIL_CLAIM_SECS);
		db_bind_int(st, 2, out->id);
		e = db_run(st);
	}
	if (e == ERR_NOTFOUND || e != ERR_OK || db_commit(db) != ERR_OK) {
		db_rollback(db);
		mail_item_release(out);
		return e == ERR_OK ? ERR_DB : e;
	}
	return ERR_OK;
}

enum err
mail_outbox_done(struct db *db, const struct mail_item *m, int64_t now,
    const char *error)
{
	struct db_stmt *st;
	int n = m->attempts + 1;

	if (error == NULL) {
		st = db_stmt(db, "UPDATE mail_outbox SET state = 'sent',"
		    " attempts = ?, sent_at = ?, last_error = NULL"
		    " WHERE id = ?");
		db_bind_int(st, 1, n);
		db_bind_int(st, 2, now);
		db_bind_int(st, 3, m->id);
		return db_run(st);
	}
	st = db_stmt(db, "UPDATE mail_outbox SET state = ?, attempts = ?,"
	    " next_at = ?, last_error = ? WHERE id = ?");
	db_bind_text(st, 1, n >= MAIL_MAX_ATTEMPTS ? "failed" : "queued");
	db_bind_int(st, 2, n);
	db_bind_int(st, 3, now + mail_backoff(n));
	db_bind_text(st, 4, error);
	db_bind_int(st, 5, m->id);
	return db_run(st);
}

void
mail_item_release(struct mail_item *m)
{
	free(m->to);
	free(m->subject);
	free(m->body);
	memset(m, 0, sizeof(*m));
}
