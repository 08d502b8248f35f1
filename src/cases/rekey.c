/*
 * rekey.c -- re-seal every sealed column under a new case key; see
 * rekey.h.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases/crypt.h"
#include "cases/rekey.h"
#include "core/xalloc.h"
#include "db/db.h"

/*
 * Every sealed column: found with grep for casekey_seal (casefile_db.c,
 * counsel/counsel_http.c, mail/mail_conf.c).  The check value in meta is handled apart.
 * tag: the column is the register child's reference, whose keyed tag
 * (child_tag) is recomputed with the new key.
 */
static const struct col {
	const char	*name;
	const char	*select;
	const char	*update;
	bool		 tag;
} cols[] = {
	{ "casefile.child_ref_enc",
	    "SELECT id, child_ref_enc FROM casefile"
	    " WHERE child_ref_enc IS NOT NULL ORDER BY id",
	    "UPDATE casefile SET child_ref_enc = ?, child_tag = ? WHERE id = ?",
	    true },
	{ "casefile.child_name_enc",
	    "SELECT id, child_name_enc FROM casefile"
	    " WHERE child_name_enc IS NOT NULL ORDER BY id",
	    "UPDATE casefile SET child_name_enc = ? WHERE id = ?", false },
	{ "casefile.place_enc",
	    "SELECT id, place_enc FROM casefile"
	    " WHERE place_enc IS NOT NULL ORDER BY id",
	    "UPDATE casefile SET place_enc = ? WHERE id = ?", false },
	{ "casefile.narrative_enc",
	    "SELECT id, narrative_enc FROM casefile"
	    " WHERE narrative_enc IS NOT NULL ORDER BY id",
	    "UPDATE casefile SET narrative_enc = ? WHERE id = ?", false },
	{ "casefile.informant_name_enc",
	    "SELECT id, informant_name_enc FROM casefile"
	    " WHERE informant_name_enc IS NOT NULL ORDER BY id",
	    "UPDATE casefile SET informant_name_enc = ? WHERE id = ?", false },
	{ "casefile.informant_phone_enc",
	    "SELECT id, informant_phone_enc FROM casefile"
	    " WHERE informant_phone_enc IS NOT NULL ORDER BY id",
	    "UPDATE casefile SET informant_phone_enc = ? WHERE id = ?", false },
	{ "casefile.informant_address_enc",
	    "SELECT id, informant_address_enc FROM casefile"
	    " WHERE informant_address_enc IS NOT NULL ORDER BY id",
	    "UPDATE casefile SET informant_address_enc = ? WHERE id = ?",
	    false },
	{ "case_step.text_enc",
	    "SELECT id, text_enc FROM case_step"
	    " WHERE text_enc IS NOT NULL ORDER BY id",
	    "UPDATE case_step SET text_enc = ? WHERE id = ?", false },
	{ "case_referral.contact_enc",
	    "SELECT id, contact_enc FROM case_referral"
	    " WHERE contact_enc IS NOT NULL ORDER BY id",
	    "UPDATE case_referral SET contact_enc = ? WHERE id = ?", false },
	{ "case_referral.ack_enc",
	    "SELECT id, ack_enc FROM case_referral"
	    " WHERE ack_enc IS NOT NULL ORDER BY id",
	    "UPDATE case_referral SET ack_enc = ? WHERE id = ?", false },
	{ "case_measure.what_enc",
	    "SELECT id, what_enc FROM case_measure"
	    " WHERE what_enc IS NOT NULL ORDER BY id",
	    "UPDATE case_measure SET what_enc = ? WHERE id = ?", false },
	{ "counselling_session.notes_sealed",
	    "SELECT id, notes_sealed FROM counselling_session"
	    " WHERE notes_sealed IS NOT NULL ORDER BY id",
	    "UPDATE counselling_session SET notes_sealed = ? WHERE id = ?",
	    false },
	{ "mail_setting.password",
	    "SELECT id, password FROM mail_setting"
	    " WHERE password_sealed = 1 AND password <> '' ORDER BY id",
	    "UPDATE mail_setting SET password = ? WHERE id = ?", false },
};
#define NCOLS (sizeof(cols) / sizeof(cols[0]))

struct sealed {
	int64_t	 id;
	char	*text;
};

static void
sealed_free(struct sealed *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

/* The sealed values of one column (read to the end before any update). */
static enum err
col_load(struct db *db, const struct col *c, struct sealed **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, c->select);
	size_t cap = 0;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		(*out)[*n].id = db_col_int(st, 0);
		(*out)[(*n)++].text = xstrdup(db_col_text(st, 1));
	}
	db_done(st);
	return rc == DB_FAIL ? ERR_DB : ERR_OK;
}

/*
 * Open every value of column c with old; with new_key, seal each again and
 * write it back.  On a value that does not open, msg names it.
 */
static enum err
col_pass(struct db *db, const struct col *c, const struct casekey *old,
    const struct casekey *new_key, int64_t *count, struct buf *msg)
{
	struct sealed *v = NULL;
	struct db_stmt *st;
	size_t n = 0, i;
	char tag[65];
	enum err e;

	if ((e = col_load(db, c, &v, &n)) != ERR_OK) {
		buf_printf(msg, "không đọc được %s / cannot read %s", c->name,
		    c->name);
		goto out;
	}
	for (i = 0; i < n && e == ERR_OK; i++) {
		char *plain = NULL, *again;

		if (casekey_open(old, v[i].text, &plain) != ERR_OK) {
			buf_printf(msg, "khóa cũ không mở được %s của dòng %lld: "
			    "không thay đổi gì / the old key does not open %s of "
			    "row %lld: nothing changed", c->name,
			    (long long)v[i].id, c->name, (long long)v[i].id);
			e = ERR_INVALID;
			break;
		}
		if (new_key != NULL) {
			again = casekey_seal(new_key, plain);
			st = db_stmt(db, c->update);
			db_bind_text(st, 1, again);
			if (c->tag) {
				casekey_tag(new_key, plain, tag);
				db_bind_text(st, 2, tag);
				db_bind_int(st, 3, v[i].id);
			} else
				db_bind_int(st, 2, v[i].id);
			if ((e = db_run(st)) != ERR_OK)
				buf_printf(msg, "không ghi được %s / cannot write "
				    "%s", c->name, c->name);
			free(again);
		}
		casekey_wipe_free(plain);
		(*count)++;
	}
out:
	sealed_free(v, n);
	return e;
}

enum err
casekey_rotate(struct db *db, const struct casekey *old,
    const struct casekey *new_key, const struct caseaudit_who *who,
    int64_t *fields, struct buf *msg)
{
	enum casekey_state s;
	char detail[96];
	int64_t checked = 0;
	size_t i;
	enum err e;

	*fields = 0;
	if (casekey_equal(old, new_key)) {
		buf_puts(msg, "khóa mới trùng khóa cũ / the new key is the old "
		    "key");
		return ERR_INVALID;
	}
	if ((e = db_begin(db)) != ERR_OK) {
		buf_puts(msg, "cơ sở dữ liệu đang bận / the database is busy");
		return e;
	}
	if ((s = casekey_check_in_tx(db, old)) != CASEKEY_OK) {
		buf_puts(msg, s == CASEKEY_WRONG ? "khóa cũ không phải khóa của "
		    "cơ sở dữ liệu này: không thay đổi gì / the old key is not "
		    "this database's key: nothing changed" :
		    "không đọc được giá trị kiểm tra khóa / cannot read the key "
		    "check value");
		e = s == CASEKEY_WRONG ? ERR_FORBIDDEN : ERR_DB;
		goto fail;
	}
	/* First: the old key must open every value. */
	for (i = 0; i < NCOLS; i++)
		if ((e = col_pass(db, &cols[i], old, NULL, &checked, msg)) !=
		    ERR_OK)
			goto fail;
	for (i = 0; i < NCOLS; i++)
		if ((e = col_pass(db, &cols[i], old, new_key, fields, msg)) !=
		    ERR_OK)
			goto fail;
	snprintf(detail, sizeof(detail), "%lld sealed fields re-sealed",
	    (long long)*fields);
	if ((e = casekey_put_check(db, new_key)) != ERR_OK ||
	    (e = caseaudit_append(db, who, "key_rotate", 0, detail)) !=
	    ERR_OK) {
		buf_puts(msg, "không ghi được / cannot write");
		goto fail;
	}
	if ((e = db_commit(db)) == ERR_OK)
		return ERR_OK;
	buf_puts(msg, "không lưu được / cannot commit");
fail:
	db_rollback(db);
	*fields = 0;
	return e;
}
