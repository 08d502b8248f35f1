/*
 * import.h -- importing a class list or a whole school (or a whole area,
 * with a school code column) into the register from CSV or .xlsx.
 *
 * One pass over the file (streamed: a million rows fit) does everything:
 * the header is matched to the template (template.h), every row is
 * normalised the way lists are written (dd/mm/yyyy dates, "Nam"/"Nữ",
 * Vietnamese status names, personal IDs and phones whose leading zeros a
 * spreadsheet dropped) and checked with the register's own validators
 * (register/child.h, enrolment.h, disability.h, circumstance.h).  Each
 * problem is kept with its row, column and reason in Vietnamese and
 * English.  Duplicates are shown, never merged: the same personal ID or
 * learner code, or the same name and birth date in the same school,
 * within the file or already in the register.
 *
 * With write set the valid, non-duplicate rows are written as they are
 * checked, all inside ONE transaction: committed at the end, or rolled
 * back -- nothing written -- if the file breaks half-way, the database
 * fails, or (all_or_nothing) any row had a problem.  The web import runs
 * a check pass first (write false), shows it, and writes on acceptance
 * (write true, all_or_nothing false: the bad rows the user saw are
 * skipped); "vitre import" writes only a file without problems unless
 * told --skip-bad.
 */
#ifndef VITRE_REGIO_IMPORT_H
#define VITRE_REGIO_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "indicators/period.h"
#include "register/child.h"
#include "regio/template.h"

struct db;
struct sheet_reader;
struct unit_tree;

#define REGIO_SHOW_MAX	500	/* problems and duplicates kept to show */
#define REGIO_CLASSES_MAX 400	/* classes counted for the preview */

struct regio_problem {
	size_t		 row;
	size_t		 col;		/* 1-based; 0 = the row */
	char		 vi[400];
	char		 en[400];
};

enum regio_dup_kind { DUP_PID, DUP_LEARNER, DUP_NAME_BIRTH };

struct regio_dup {
	size_t		 row;
	enum regio_dup_kind kind;
	size_t		 other_row;	/* the same child earlier in the file */
	int64_t		 child_id;	/* or already in the register */
	int64_t		 school_id;	/* that child's school (0 unknown) */
	char		 name[CHILD_TEXT(CHILD_NAME_MAX)];
	char		 birth[11];
};

struct regio_class {
	int64_t		 school_id;
	char		 name[84];
	size_t		 n;		/* valid rows */
};

struct regio_import {
	/* Set by regio_import_init(); the flags by the caller. */
	struct db		*db;
	const struct unit_tree	*t;
	int64_t			 scope_id;	/* a school, or a unit above */
	struct period		 year;
	char			 today[11];
	int64_t			 user_id;
	bool			 write;
	bool			 all_or_nothing;
	bool			 plain_write;	/* one row per INSERT, no bulk mode (tests) */
	void			(*progress)(void *, size_t rows);
	void			*progress_arg;

	/* Results. */
	struct regio_map	 map;
	size_t			 rows;		/* data rows read */
	size_t			 valid;		/* good and not duplicates */
	size_t			 bad_rows;	/* with a problem */
	size_t			 dup_rows;	/* duplicates (and good) */
	size_t			 written;	/* committed */
	size_t			 nproblems;	/* all; the first ones kept */
	struct regio_problem	*problems;
	size_t			 ndups;
	struct regio_dup	*dups;
	struct regio_class	*classes;
	size_t			 nclasses;
	int64_t			*schools;	/* schools with valid rows */
	size_t			 nschools;
	char			 unknown[16][64];	/* ignored headings */
	bool			 fatal;		/* the file could not be used */
	char			 fatal_vi[512];
	char			 fatal_en[512];

	struct regio_state	*st;		/* private */
};

void		 regio_import_init(struct regio_import *, struct db *,
		    const struct unit_tree *, int64_t scope_id,
		    const struct period *year, const char *today,
		    int64_t user_id);
/*
 * Run over the file.  ERR_OK when the file was read to its end (with or
 * without problems; if write, the transaction is committed or, with
 * all_or_nothing and problems, rolled back -- see written); ERR_INVALID
 * when the file cannot be used (fatal, fatal_vi/en say why; nothing
 * written); ERR_DB when the database fails (nothing written).
 */
enum err	 regio_import_run(struct regio_import *, struct sheet_reader *);
void		 regio_import_release(struct regio_import *);

/* "Dòng 5, cột C (Ngày sinh): ..." for p, in English if en. */
void		 regio_problem_text(const struct regio_problem *, bool en,
		    struct buf *out);
/* A duplicate as one sentence, in English if en. */
void		 regio_dup_text(const struct regio_dup *,
		    const struct unit_tree *, bool en, struct buf *out);

/*
 * Normalise a date as lists write it -- d/m/yyyy, d-m-yyyy, d.m.yyyy,
 * yyyy-mm-dd, yyyy/mm/dd -- into out[11] as YYYY-MM-DD; false (out
 * untouched) if it is none of these.  Day first, as Vietnam writes dates.
 */
bool		 regio_date(const char *raw, char out[11]);

#endif
