/*
 * db.h -- the one thin database interface of vitre.
 *
 * Every query in vitre goes through these functions with fixed SQL text and
 * bound parameters ("?" placeholders); there is no way to run SQL built from
 * strings.  The SQL is kept portable (SQLite and PostgreSQL): the SQLite
 * driver (db_sqlite.c) is the embedded default; a PostgreSQL driver will
 * implement this same header, so no caller changes.
 *
 * A struct db is one connection, used by one thread at a time.  Statements
 * are prepared once per connection and cached by their SQL text's address,
 * so SQL must be a string literal or an entry of a static table.
 *
 * Usage:
 *	struct db_stmt *st = db_stmt(db, "SELECT name FROM unit WHERE id = ?");
 *	db_bind_int(st, 1, id);
 *	while (db_step(st) == DB_ROW)
 *		use(db_col_text(st, 0));
 *	db_done(st);
 * db_done() must be called after every db_stmt(): it resets the statement
 * and releases what it holds.  Strings from db_col_text() are valid until
 * the next db_step() or db_done() on that statement.
 */
#ifndef VITRE_DB_H
#define VITRE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

struct db;
struct db_stmt;

enum db_rc {
	DB_ROW,		/* a row is ready */
	DB_DONE,	/* no more rows / the statement ran */
	DB_CONSTRAINT,	/* a UNIQUE, CHECK or foreign key failed */
	DB_FAIL		/* anything else; logged */
};

enum err	 db_open(const char *path, struct db **out, struct buf *errmsg);
void		 db_close(struct db *);
/* The file of the connection ("" for an in-memory database), to open a
 * second connection to it (a scan split over threads). */
const char	*db_path(struct db *);

struct db_stmt	*db_stmt(struct db *, const char *sql);
void		 db_bind_int(struct db_stmt *, int idx, int64_t);
void		 db_bind_double(struct db_stmt *, int idx, double);
void		 db_bind_text(struct db_stmt *, int idx, const char *); /* NULL binds NULL */
void		 db_bind_null(struct db_stmt *, int idx);
/*
 * As db_bind_text() without copying v, which must stay unchanged until
 * the statement's db_step() has run (bulk loads: it saves a malloc and a
 * copy per value).
 */
void		 db_bind_text_ref(struct db_stmt *, int idx, const char *);
enum db_rc	 db_step(struct db_stmt *);
void		 db_done(struct db_stmt *);

int64_t		 db_col_int(struct db_stmt *, int col);
double		 db_col_double(struct db_stmt *, int col);
const char	*db_col_text(struct db_stmt *, int col);	/* "" for NULL */
bool		 db_col_null(struct db_stmt *, int col);

/* Step a statement that returns no rows, then db_done() it. */
enum err	 db_run(struct db_stmt *);
/* Step a statement expected to return one integer; ERR_NOTFOUND if none. */
enum err	 db_one_int(struct db_stmt *, int64_t *out);

/*
 * Row mappers: map(st, out) copies the current row of st into *out.
 * db_one_row() steps st once and maps the row: ERR_OK, ERR_NOTFOUND if
 * there is none, or ERR_DB.  db_all_rows() maps every row into a new
 * array *out of *n elements of size bytes; the caller frees it (and what
 * the rows own) even on ERR_DB, when it holds the rows read so far.  Both
 * db_done() st.  (Backend-neutral: db_rows.c.)
 */
enum err	 db_one_row(struct db_stmt *,
		    void (*map)(struct db_stmt *, void *), void *out);
enum err	 db_all_rows(struct db_stmt *, size_t size,
		    void (*map)(struct db_stmt *, void *), void **out,
		    size_t *n);

enum err	 db_begin(struct db *);
enum err	 db_commit(struct db *);
void		 db_rollback(struct db *);
int64_t		 db_last_id(struct db *);
int		 db_changes(struct db *);

/*
 * Bulk loads, inside the caller's transaction (DDL is transactional: a
 * rollback undoes all of it).
 *
 * db_defer_foreign_keys(): the foreign keys are checked when the
 * transaction commits (which then fails, writing nothing, if one is
 * broken) instead of after every statement, so a multi-row INSERT needs
 * no statement journal.
 *
 * db_indexes_drop() drops the indexes of table that no table constraint
 * owns (not those of PRIMARY KEY or UNIQUE columns) and keeps their
 * definitions in *saved (appended: call it for several tables);
 * db_indexes_restore() creates them again exactly as they were -- built
 * once by sorting instead of one random insert per row -- and empties
 * saved.  A UNIQUE index whose rule the new rows break fails to build:
 * ERR_CONFLICT.  db_indexes_free() releases saved after a rollback.
 */
struct db_saved_indexes {
	size_t	 n;
	char	**name;
	char	**sql;
};

enum err	 db_defer_foreign_keys(struct db *);
enum err	 db_indexes_drop(struct db *, const char *table,
		    struct db_saved_indexes *saved);
enum err	 db_indexes_restore(struct db *, struct db_saved_indexes *saved);
void		 db_indexes_free(struct db_saved_indexes *);

/*
 * Run a whole trusted script (a migration embedded in the binary).  Never
 * pass it anything that came from outside the binary.
 */
enum err	 db_exec_script(struct db *, const char *script, struct buf *errmsg);

/*
 * The data generation: a counter bumped in the same transaction as every
 * change to units, indicators, values or plans.  Caches of derived data
 * (dashboards) compare it to know when to recompute.
 */
enum err	 db_bump_generation(struct db *);
int64_t		 db_generation(struct db *);

#endif
