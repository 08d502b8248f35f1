/*
 * caseaudit.h -- the append-only, hash-chained audit log of protection
 * cases: every read and every write of a case (and every refused attempt)
 * appends one entry saying who, what, which case, when and from where.
 *
 * Entry n holds seq = n and hash = BLAKE2b-256(prev_hash, seq, at, user,
 * username, ip, action, case, detail) where prev_hash is the hash of entry
 * n - 1 (64 zeros for the first).  The newest seq and hash are also kept
 * in meta 'case_audit_head'.  caseaudit_verify() walks the chain in seq
 * order and names the first entry that was modified (its hash or its link
 * does not match), deleted (a seq is missing, or the head is ahead of the
 * last entry) or reordered (its row id is out of seq order).
 *
 * The chain proves tampering by anyone who changes the file without
 * recomputing every later hash; someone who can write the database and
 * recompute the chain is stopped only by copies of the head kept elsewhere
 * (print it with "vitre audit verify").
 */
#ifndef VITRE_CASEAUDIT_H
#define VITRE_CASEAUDIT_H

#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

struct db;

struct caseaudit_who {
	int64_t		 user_id;	/* 0 = the system */
	const char	*username;
	const char	*ip;		/* "" for the command line */
};

/*
 * Append one entry.  Must run inside the caller's transaction (db_begin),
 * the same one as the change it records, so that entries are written one
 * at a time and vanish with a rolled-back change.  case_id 0 = no case.
 */
enum err	caseaudit_append(struct db *, const struct caseaudit_who *,
		    const char *action, int64_t case_id, const char *detail);

enum caseaudit_fault {
	CASEAUDIT_INTACT,
	CASEAUDIT_MODIFIED,
	CASEAUDIT_DELETED,
	CASEAUDIT_REORDERED
};

struct caseaudit_report {
	int64_t			 entries;	/* entries read */
	enum caseaudit_fault	 fault;
	int64_t			 seq;		/* the first faulty entry */
	char			 head[65];	/* hash of the last entry */
};

/*
 * Walk the whole chain.  ERR_OK with fault CASEAUDIT_INTACT or the first
 * fault found; ERR_DB if the log cannot be read.  msg gets one line in
 * Vietnamese and English.
 */
enum err	caseaudit_verify(struct db *, struct caseaudit_report *,
		    struct buf *msg);

#endif
