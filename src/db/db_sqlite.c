/*
 * db_sqlite.c -- the SQLite driver of db.h.
 *
 * Connections run in WAL mode with foreign keys on and a busy timeout, so
 * the server's worker threads (one connection each) and a command-line tool
 * can use the same file at once.  Prepared statements are cached per
 * connection in a small open-addressing table keyed by the SQL's address.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "db/db.h"

#define STMT_SLOTS 512	/* power of two; more distinct statements than vitre has */

struct db_stmt {
	const char	*sql;	/* key: address of the SQL text */
	sqlite3_stmt	*st;
	struct db	*db;
};

struct db {
	sqlite3		*h;
	struct db_stmt	 slots[STMT_SLOTS];
};

enum err
db_open(const char *path, struct db **out, struct buf *errmsg)
{
	struct db *db;
	static const char *const pragmas =
	    "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = NORMAL;"
	    "PRAGMA foreign_keys = ON;"
	    "PRAGMA temp_store = MEMORY;";

	db = xcalloc(1, sizeof(*db));
	if (sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		if (errmsg != NULL)
			buf_printf(errmsg, "cannot open database %s: %s", path,
			    db->h ? sqlite3_errmsg(db->h) : "out of memory");
		sqlite3_close(db->h);
		free(db);
		return ERR_IO;
	}
	sqlite3_busy_timeout(db->h, 10000);
	if (sqlite3_exec(db->h, pragmas, NULL, NULL, NULL) != SQLITE_OK) {
		if (errmsg != NULL)
			buf_printf(errmsg, "cannot configure database %s: %s",
			    path, sqlite3_errmsg(db->h));
		sqlite3_close(db->h);
		free(db);
		return ERR_IO;
	}
	*out = db;
	return ERR_OK;
}

void
db_close(struct db *db)
{
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < STMT_SLOTS; i++)
		sqlite3_finalize(db->slots[i].st);
	sqlite3_close(db->h);
	free(db);
}

const char *
db_path(struct db *db)
{
	const char *p = sqlite3_db_filename(db->h, "main");

	return p != NULL ? p : "";
}

struct db_stmt *
db_stmt(struct db *db, const char *sql)
{
	uintptr_t h = (uintptr_t)sql;
	size_t i, n;

	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15ull;
	for (n = 0, i = (size_t)(h >> 40) & (STMT_SLOTS - 1); n < STMT_SLOTS;
	    n++, i = (i + 1) & (STMT_SLOTS - 1)) {
		struct db_stmt *s = &db->slots[i];

		if (s->sql == sql)
			return s;
		if (s->sql != NULL)
			continue;
		if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
		    &s->st, NULL) != SQLITE_OK) {
			log_err("prepare failed: %s: %s", sqlite3_errmsg(db->h),
			    sql);
			abort();
		}
		s->sql = sql;
		s->db = db;
		return s;
	}
	log_err("statement cache full");
	abort();
}

void
db_bind_int(struct db_stmt *s, int idx, int64_t v)
{
	sqlite3_bind_int64(s->st, idx, v);
}

void
db_bind_double(struct db_stmt *s, int idx, double v)
{
	sqlite3_bind_double(s->st, idx, v);
}

void
db_bind_text(struct db_stmt *s, int idx, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s->st, idx);
	else
		sqlite3_bind_text(s->st, idx, v, -1, SQLITE_TRANSIENT);
}

void
db_bind_text_ref(struct db_stmt *s, int idx, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s->st, idx);
	else
		sqlite3_bind_text(s->st, idx, v, -1, SQLITE_STATIC);
}

void
db_bind_null(struct db_stmt *s, int idx)
{
	sqlite3_bind_null(s->st, idx);
}

enum db_rc
db_step(struct db_stmt *s)
{
	int rc = sqlite3_step(s->st);

	switch (rc) {
	case SQLITE_ROW:
		return DB_ROW;
	case SQLITE_DONE:
		return DB_DONE;
	default:
		break;
	}
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return DB_CONSTRAINT;
	log_err("step failed (%d): %s: %s", rc, sqlite3_errmsg(s->db->h),
	    s->sql);
	return DB_FAIL;
}

void
db_done(struct db_stmt *s)
{
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
}

int64_t
db_col_int(struct db_stmt *s, int col)
{
	return sqlite3_column_int64(s->st, col);
}

double
db_col_double(struct db_stmt *s, int col)
{
	return sqlite3_column_double(s->st, col);
}

const char *
db_col_text(struct db_stmt *s, int col)
{
	const unsigned char *p = sqlite3_column_text(s->st, col);

	return p ? (const char *)p : "";
}

bool
db_col_null(struct db_stmt *s, int col)
{
	return sqlite3_column_type(s->st, col) == SQLITE_NULL;
}

enum err
db_run(struct db_stmt *s)
{
	enum db_rc rc = db_step(s);

	db_done(s);
	switch (rc) {
	case DB_DONE:
	case DB_ROW:
		return ERR_OK;
	case DB_CONSTRAINT:
		return ERR_CONFLICT;
	default:
		return ERR_DB;
	}
}

enum err
db_one_int(struct db_stmt *s, int64_t *out)
{
	enum db_rc rc = db_step(s);
	enum err e = ERR_OK;

	if (rc == DB_ROW)
		*out = db_col_int(s, 0);
	else
		e = rc == DB_DONE ? ERR_NOTFOUND : ERR_DB;
	db_done(s);
	return e;
}

static enum err
exec_literal(struct db *db, const char *sql)
{
	return db_run(db_stmt(db, sql));
}

enum err
db_defer_foreign_keys(struct db *db)
{
	return exec_literal(db, "PRAGMA defer_foreign_keys = ON");
}

enum err
db_indexes_drop(struct db *db, const char *table,
    struct db_saved_indexes *saved)
{
	struct db_stmt *q;
	size_t first = saved->n, i;
	enum db_rc rc;
	enum err e = ERR_OK;

	/* Indexes a constraint owns have no SQL of their own. */
	q = db_stmt(db, "SELECT name, sql FROM sqlite_master WHERE"
	    " type = 'index' AND tbl_name = ? AND sql IS NOT NULL"
	    " ORDER BY name");
	db_bind_text(q, 1, table);
	while ((rc = db_step(q)) == DB_ROW) {
		saved->name = xrealloc(saved->name, (saved->n + 1) *
		    sizeof(*saved->name));
		saved->sql = xrealloc(saved->sql, (saved->n + 1) *
		    sizeof(*saved->sql));
		saved->name[saved->n] = xstrdup(db_col_text(q, 0));
		saved->sql[saved->n] = xstrdup(db_col_text(q, 1));
		saved->n++;
	}
	db_done(q);
	if (rc != DB_DONE)
		return ERR_DB;
	for (i = first; i < saved->n && e == ERR_OK; i++) {
		char *sql = sqlite3_mprintf("DROP INDEX \"%w\"",
		    saved->name[i]);

		if (sql == NULL)
			return ERR_DB;
		if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK) {
			log_err("%s: %s", sql, sqlite3_errmsg(db->h));
			e = ERR_DB;
		}
		sqlite3_free(sql);
	}
	return e;
}

enum err
db_indexes_restore(struct db *db, struct db_saved_indexes *saved)
{
	size_t i;
	int rc;

	for (i = 0; i < saved->n; i++)
		if ((rc = sqlite3_exec(db->h, saved->sql[i], NULL, NULL,
		    NULL)) != SQLITE_OK) {
			log_err("%s: %s", saved->sql[i], sqlite3_errmsg(db->h));
			db_indexes_free(saved);
			return (rc & 0xff) == SQLITE_CONSTRAINT ? ERR_CONFLICT :
			    ERR_DB;
		}
	db_indexes_free(saved);
	return ERR_OK;
}

void
db_indexes_free(struct db_saved_indexes *saved)
{
	size_t i;

	for (i = 0; i < saved->n; i++) {
		free(saved->name[i]);
		free(saved->sql[i]);
	}
	free(saved->name);
	free(saved->sql);
	memset(saved, 0, sizeof(*saved));
}

enum err
db_begin(struct db *db)
{
	return exec_literal(db, "BEGIN IMMEDIATE");
}

enum err
db_commit(struct db *db)
{
	return exec_literal(db, "COMMIT");
}

void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		(void)exec_literal(db, "ROLLBACK");
}

int64_t
db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

int
db_changes(struct db *db)
{
	return sqlite3_changes(db->h);
}

enum err
db_exec_script(struct db *db, const char *script, struct buf *errmsg)
{
	char *msg = NULL;

	if (sqlite3_exec(db->h, script, NULL, NULL, &msg) != SQLITE_OK) {
		if (errmsg != NULL)
			buf_printf(errmsg, "%s", msg ? msg : "unknown error");
		sqlite3_free(msg);
		return ERR_DB;
	}
	return ERR_OK;
}

enum err
db_bump_generation(struct db *db)
{
	return db_run(db_stmt(db, "UPDATE meta SET v = CAST(CAST(v AS INTEGER) + 1"
	    " AS TEXT) WHERE k = 'generation'"));
}

int64_t
db_generation(struct db *db)
{
	int64_t g = 0;

	(void)db_one_int(db_stmt(db,
	    "SELECT CAST(v AS INTEGER) FROM meta WHERE k = 'generation'"), &g);
	return g;
}
