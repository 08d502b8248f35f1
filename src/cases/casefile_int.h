/*
 * casefile_int.h -- what the case handlers (casefile_http.c,
 * casefile_step_http.c, casefile_html.c, casefile_stats.c) share: the
 * context of a request on one case, and small formatting helpers.
 */
#ifndef VITRE_CASEFILE_INT_H
#define VITRE_CASEFILE_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "cases/caseaudit.h"
#include "cases/casefile.h"
#include "cases/casefile_db.h"

struct casekey;
struct req;
struct form_errors;

/* What a handler needs of the user on a case. */
enum casectx_need {
	NEED_STATUS,		/* the reporter's status view is enough */
	NEED_WORK,		/* assigned, principal or referred officer */
	NEED_PRINCIPAL		/* the principal of the school */
};

/* One request on one case: the case, the user's access, the rules. */
struct casectx {
	struct casefile		 cf;
	enum casefile_access	 access;
	struct caseaudit_who	 who;
	struct casefile_rules	 rules;
	const struct casekey	*key;
	bool			 in_tx;
};

/*
 * The case key, or NULL after answering 503 with the reason (no key,
 * wrong key).  Every case handler starts with it.
 */
const struct casekey *casectx_key(struct req *);
/* The audit identity of the request's user. */
void		 casectx_who(struct req *, struct caseaudit_who *);
/*
 * Open case id for a request: check the key (503), start a transaction,
 * read the case and the user's access.  If the access is less than need,
 * log the refused attempt (action "denied", with what was tried), answer
 * 403 and return false; a case that does not exist is refused the same
 * way, so ids reveal nothing.  On true the transaction is open: the
 * handler appends its audit entry and calls casectx_commit, or
 * casectx_rollback on bad input.
 */
bool		 casectx_open(struct req *, int64_t id, enum casectx_need,
		    const char *what, struct casectx *);
/* Commit, then release; false after answering 500. */
bool		 casectx_commit(struct req *, struct casectx *);
/* Roll back if a transaction is open (bad input: nothing changes). */
void		 casectx_rollback(struct req *, struct casectx *);
/* Answer "could not save; nothing changed" with the status of e. */
void		 casectx_not_saved(struct req *, enum err);
/* Answer 503 when a sealed field of the case does not open. */
void		 casectx_unreadable(struct req *);

/* Escalate referrals not acknowledged in time (once each): tell the
 * principals and everyone on the case, log it.  Own transaction. */
void		 casefile_escalate(struct req *);
/* Notify the principals and everyone on the case, but user except (the
 * one acting; 0 = nobody is left out). */
enum err	 casectx_notify(struct req *, const struct casectx *,
		    int64_t except, const char *vi, const char *en);
/* The emergency clock of a case as a <span> (nothing if there is none). */
void		 casefile_clock_html(struct req *, int64_t due, int64_t done);

/* "dd/mm/yyyy HH:MM" of a Unix time; "dd/mm/yyyy" of "YYYY-MM-DD". */
void		 casefmt_time(int64_t, char out[24]);
void		 casefmt_date(const char *, char out[16]);
/* Today's local date and the time "HH:MM". */
void		 casefmt_now(char today[11], char hhmm[6]);
/* The display name of a unit of the tree ("" if there is none). */
struct unit_tree;
const char	*casefmt_unit(const struct req *, const struct unit_tree *,
		    int64_t unit_id);
/* Unix time of a local date and "HH:MM"; false if time is not a time. */
bool		 casefmt_parse_when(const char *date, const char *hhmm,
		    int64_t *out);

/*
 * Read one of a code table's values from the form (required), recording
 * an error for f; returns the index or -1.
 */
struct field;
int		 casefile_form_choice(struct form_errors *, const struct field *,
		    const char *raw, const struct casefile_code *);

/*
 * What a case is made of beside its own row, decrypted: steps, referrals,
 * measures and the people on it -- what the case page and the case-file
 * PDF show (casefile_html.c).  casefile_parts_load fills p (release it
 * even on error).
 */
struct casefile_parts {
	struct casefile_steprec	*steps;
	size_t			 nsteps;
	struct casefile_referral *refs;
	size_t			 nrefs;
	struct casefile_measure	*measures;
	size_t			 nmeasures;
	struct casefile_person	*workers;
	size_t			 nworkers;
};
enum err	 casefile_parts_load(struct req *, const struct casectx *,
		    struct casefile_parts *p);
void		 casefile_parts_release(struct casefile_parts *);

/* The full case page (casefile_html.c); errs (may be NULL) are shown
 * above the form they belong to. */
void		 casefile_page(struct req *, struct casectx *,
		    const struct form_errors *, const char *flash, int status);
/* The reporter's view: number, date and status only. */
void		 casefile_status_page(struct req *, const struct casectx *);

#endif
