/*
 * caseaudit.c -- appending to and verifying the hash chain of the case
 * audit log; see caseaudit.h.
 */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cases/caseaudit.h"
#include "core/strutil.h"
#include "db/db.h"

#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* One field into the hash, prefixed with its length so that no two
 * different entries hash the same bytes. */
static void
hash_field(crypto_generichash_state *h, const char *s)
{
	unsigned char len[8];
	uint64_t n = strlen(s);
	int i;

	for (i = 0; i < 8; i++)
		len[i] = (unsigned char)(n >> (8 * i));
	crypto_generichash_update(h, len, sizeof(len));
	crypto_generichash_update(h, (const unsigned char *)s, (size_t)n);
}

static void
hash_int(crypto_generichash_state *h, int64_t v)
{
	char s[24];

	snprintf(s, sizeof(s), "%" PRId64, v);
	hash_field(h, s);
}

/* The columns of an entry that its hash covers. */
struct entry {
	int64_t		 seq, at, user_id, case_id;
	const char	*username, *ip, *action, *detail, *prev;
};

static void
entry_hash(const struct entry *e, char out[65])
{
	crypto_generichash_state h;
	unsigned char bin[32];

	crypto_generichash_init(&h, NULL, 0, sizeof(bin));
	hash_field(&h, "vitre case audit v1");
	hash_field(&h, e->prev);
	hash_int(&h, e->seq);
	hash_int(&h, e->at);
	hash_int(&h, e->user_id);
	hash_field(&h, e->username);
	hash_field(&h, e->ip);
	hash_field(&h, e->action);
	hash_int(&h, e->case_id);
	hash_field(&h, e->detail);
	crypto_generichash_final(&h, bin, sizeof(bin));
	sodium_bin2hex(out, 65, bin, sizeof(bin));
}

static enum err
set_head(struct db *db, int64_t seq, const char *hash)
{
	struct db_stmt *st;
	char v[96];
	enum err e;

	snprintf(v, sizeof(v), "%" PRId64 ":%s", seq, hash);
	st = db_stmt(db, "UPDATE meta SET v = ? WHERE k = 'case_audit_head'");
	db_bind_text(st, 1, v);
	if ((e = db_run(st)) != ERR_OK || db_changes(db) > 0)
		return e;
	st = db_stmt(db, "INSERT INTO meta (k, v) VALUES ('case_audit_head', ?)");
	db_bind_text(st, 1, v);
	return db_run(st);
}

enum err
caseaudit_append(struct db *db, const struct caseaudit_who *who,
    const char *action, int64_t case_id, const char *detail)
{
	struct db_stmt *st;
	struct entry e;
	char prev[65], hash[65];
	enum db_rc rc;

	snprintf(prev, sizeof(prev), "%s", ZERO_HASH);
	e.seq = 1;
	st = db_stmt(db, "SELECT seq, hash FROM case_audit"
	    " ORDER BY seq DESC LIMIT 1");
	if ((rc = db_step(st)) == DB_ROW) {
		e.seq = db_col_int(st, 0) + 1;
		snprintf(prev, sizeof(prev), "%s", db_col_text(st, 1));
	}
	db_done(st);
	if (rc == DB_FAIL)
		return ERR_DB;
	e.at = (int64_t)time(NULL);
	e.user_id = who->user_id;
	e.username = who->username ? who->username : "";
	e.ip = who->ip ? who->ip : "";
	e.action = action;
	e.case_id = case_id;
	e.detail = detail ? detail : "";
	e.prev = prev;
	entry_hash(&e, hash);

	st = db_stmt(db, "INSERT INTO case_audit (seq, at, user_id, username,"
	    " ip, action, case_id, detail, prev_hash, hash)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	db_bind_int(st, 1, e.seq);
	db_bind_int(st, 2, e.at);
	db_bind_int(st, 3, e.user_id);
	db_bind_text(st, 4, e.username);
	db_bind_text(st, 5, e.ip);
	db_bind_text(st, 6, e.action);
	db_bind_int(st, 7, e.case_id);
	db_bind_text(st, 8, e.detail);
	db_bind_text(st, 9, prev);
	db_bind_text(st, 10, hash);
	if (db_run(st) != ERR_OK)
		return ERR_DB;
	return set_head(db, e.seq, hash);
}

static const char *const fault_vi[] = {
	[CASEAUDIT_MODIFIED] = "đã bị sửa",
	[CASEAUDIT_DELETED] = "đã bị xóa",
	[CASEAUDIT_REORDERED] = "đã bị đổi thứ tự",
};
static const char *const fault_en[] = {
	[CASEAUDIT_MODIFIED] = "was modified",
	[CASEAUDIT_DELETED] = "was deleted",
	[CASEAUDIT_REORDERED] = "was reordered",
};

/* Record the first fault only. */
static void
fault(struct caseaudit_report *rep, enum caseaudit_fault f, int64_t seq)
{
	if (rep->fault != CASEAUDIT_INTACT)
		return;
	rep->fault = f;
	rep->seq = seq;
}

/* Compare the last entry with the head kept in meta. */
static enum err
check_head(struct db *db, struct caseaudit_report *rep, int64_t last_seq)
{
	struct db_stmt *st = db_stmt(db, "SELECT v FROM meta"
	    " WHERE k = 'case_audit_head'");
	int64_t head_seq = 0;
	char head_hash[65] = "";
	enum db_rc rc;

	if ((rc = db_step(st)) == DB_ROW) {
		const char *v = db_col_text(st, 0), *colon = strchr(v, ':');
		char num[24];

		if (colon != NULL && (size_t)(colon - v) < sizeof(num)) {
			memcpy(num, v, (size_t)(colon - v));
			num[colon - v] = '\0';
			if (!str_to_int64(num, &head_seq))
				head_seq = -1;
			snprintf(head_hash, sizeof(head_hash), "%s", colon + 1);
		} else
			head_seq = -1;
	}
	db_done(st);
	if (rc == DB_FAIL)
		return ERR_DB;
	if (head_seq > last_seq)
		fault(rep, CASEAUDIT_DELETED, last_seq + 1);
	else if (head_seq < last_seq ||
	    (last_seq > 0 && strcmp(head_hash, rep->head) != 0))
		fault(rep, CASEAUDIT_MODIFIED, last_seq);
	return ERR_OK;
}

enum err
caseaudit_verify(struct db *db, struct caseaudit_report *rep, struct buf *msg)
{
	struct db_stmt *st;
	int64_t expect = 1, prev_id = 0;
	char prev[65], hash[65];
	enum db_rc rc;
	enum err e;

	memset(rep, 0, sizeof(*rep));
	snprintf(prev, sizeof(prev), "%s", ZERO_HASH);
	st = db_stmt(db, "SELECT id, seq, at, user_id, username, ip, action,"
	    " case_id, detail, prev_hash, hash FROM case_audit ORDER BY seq");
	while ((rc = db_step(st)) == DB_ROW) {
		struct entry en;
		int64_t id = db_col_int(st, 0);

		en.seq = db_col_int(st, 1);
		en.at = db_col_int(st, 2);
		en.user_id = db_col_int(st, 3);
		en.username = db_col_text(st, 4);
		en.ip = db_col_text(st, 5);
		en.action = db_col_text(st, 6);
		en.case_id = db_col_int(st, 7);
		en.detail = db_col_text(st, 8);
		en.prev = db_col_text(st, 9);
		rep->entries++;
		if (en.seq != expect)
			fault(rep, en.seq > expect ? CASEAUDIT_DELETED :
			    CASEAUDIT_REORDERED, expect);
		else if (id <= prev_id)
			fault(rep, CASEAUDIT_REORDERED, en.seq);
		entry_hash(&en, hash);
		if (strcmp(hash, db_col_text(st, 10)) != 0 ||
		    strcmp(en.prev, prev) != 0)
			fault(rep, CASEAUDIT_MODIFIED, en.seq);
		snprintf(prev, sizeof(prev), "%s", db_col_text(st, 10));
		prev_id = id;
		expect = en.seq + 1;
	}
	db_done(st);
	if (rc == DB_FAIL)
		return ERR_DB;
	snprintf(rep->head, sizeof(rep->head), "%s", rep->entries > 0 ? prev :
	    "");
	if ((e = check_head(db, rep, expect - 1)) != ERR_OK)
		return e;
	if (rep->fault == CASEAUDIT_INTACT)
		buf_printf(msg, "nhật ký hồ sơ nguyên vẹn: %" PRId64 " mục, mã "
		    "cuối %s / case audit log intact: %" PRId64 " entries, head "
		    "%s", rep->entries, rep->entries ? rep->head : "-",
		    rep->entries, rep->entries ? rep->head : "-");
	else
		buf_printf(msg, "mục %" PRId64 " của nhật ký hồ sơ %s / case "
		    "audit entry %" PRId64 " %s", rep->seq, fault_vi[rep->fault],
		    rep->seq, fault_en[rep->fault]);
	return ERR_OK;
}
