/*
 * casefile_db.h -- storage of protection cases: the case, its steps,
 * referrals, measures, the people on it, the school's focal points, the
 * deadline rules, and the lists a user may see.
 *
 * Every function runs inside the caller's transaction and writes no audit
 * entry itself: the handler appends one (cases/caseaudit.h) in the same
 * transaction.  Text fields are sealed on the way in and opened on the way
 * out with the case key; an opened string belongs to the struct that holds
 * it and is wiped when the struct is released.  A field that does not open
 * (changed, or sealed with another key) gives ERR_INVALID, never text.
 */
#ifndef VITRE_CASEFILE_DB_H
#define VITRE_CASEFILE_DB_H

#include <stddef.h>
#include <stdint.h>

#include "cases/casefile.h"
#include "core/err.h"

struct casekey;
struct db;

/* The rules: settings and holidays.  Release frees the holidays. */
enum err	 casefile_rules_load(struct db *, struct casefile_rules *);
void		 casefile_rules_release(struct casefile_rules *);

/* A new report (form 01), its fields already validated. */
struct casefile_new {
	int64_t		 unit_id;
	int64_t		 child_id;	/* the register's child; 0 = not linked */
	int		 source;
	int64_t		 received_at;
	int64_t		 reported_by;
	bool		 reporter_hidden;
	int		 sex;
	int		 age;		/* -1 = unknown */
	int		 form;
	int		 sexual_kind;	/* -1 unless the form is sexual */
	int		 place;
	const char	*child_name;
	const char	*place_text;
	const char	*narrative;
	const char	*informant_name;	/* "" or NULL = not given */
	const char	*informant_phone;
	const char	*informant_address;
	char		 plan_due[11];	/* "" = set later */
	bool		 demo;
};

/* Store a report and assign the school's focal points to it. */
enum err	 casefile_insert(struct db *, const struct casekey *,
		    const struct casefile_new *, int64_t *id);
/* The case's codes, dates and state, without its text (ERR_NOTFOUND). */
enum err	 casefile_get(struct db *, int64_t id, struct casefile *);
/* Open the text fields of a case read with casefile_get. */
enum err	 casefile_open_text(struct db *, const struct casekey *,
		    struct casefile *);

/* What a user may do with a case.  Administrators get at most
 * ACCESS_REPORTER, whatever the rows say. */
enum casefile_access casefile_access_of(struct db *, int64_t user_id,
		    enum role, int64_t user_unit, const struct casefile *);

/* The assessment of form 02: finding, serious harm and the clock. */
enum err	 casefile_set_assessed(struct db *, int64_t id, int finding,
		    bool serious, int64_t emergency_due);
enum err	 casefile_set_emergency_done(struct db *, int64_t id,
		    int64_t at);
/* Move to state (cycle, plan_due "" = none, closed_at 0 = open). */
enum err	 casefile_set_state(struct db *, int64_t id,
		    enum casefile_state, int cycle, const char *plan_due,
		    int64_t closed_at);

/* A recorded step of the procedure. */
struct casefile_steprec {
	int64_t		 id;
	int		 cycle;
	enum casefile_step kind;
	char		 done_on[11];
	int64_t		 done_at;	/* 0 unless the hour matters */
	int64_t		 by_user;
	char		*by_name;
	int		 rating[3];	/* casefile_ratings or -1 */
	int		 outcome;	/* casefile_outcomes or -1 */
	char		*text;		/* opened */
};
enum err	 casefile_step_add(struct db *, const struct casekey *,
		    int64_t case_id, const struct casefile_steprec *);
/* The steps of a case, oldest first; free with casefile_steps_free. */
enum err	 casefile_steps_load(struct db *, const struct casekey *,
		    int64_t case_id, struct casefile_steprec **, size_t *n);
void		 casefile_steps_free(struct casefile_steprec *, size_t n);
/* The date of the step kind of a cycle ("" if none). */
enum err	 casefile_step_on(struct db *, int64_t case_id, int cycle,
		    enum casefile_step, char out[11]);
/* Measures due before today not done, and referrals sent before
 * ack_before not acknowledged. */
enum err	 casefile_late_counts(struct db *, int64_t case_id,
		    const char *today, int64_t ack_before, int64_t *measures,
		    int64_t *referrals);
/* The date of the newest step of a case ("" if none). */
enum err	 casefile_last_step_on(struct db *, int64_t case_id,
		    char out[11]);

struct casefile_referral {
	int64_t		 id;
	int		 to_kind;	/* casefile_referral_kinds */
	int64_t		 to_user_id;	/* 0 = none */
	char		*to_user_name;
	int		 how;		/* casefile_hows */
	int64_t		 sent_at;
	int64_t		 by_user;
	char		*by_name;
	char		*contact;	/* opened */
	int64_t		 ack_at;	/* 0 = not acknowledged */
	char		*ack;		/* opened, or NULL */
	int64_t		 escalated_at;
};
enum err	 casefile_referral_add(struct db *, const struct casekey *,
		    int64_t case_id, const struct casefile_referral *);
enum err	 casefile_referrals_load(struct db *, const struct casekey *,
		    int64_t case_id, struct casefile_referral **, size_t *n);
void		 casefile_referrals_free(struct casefile_referral *, size_t n);
/* Record the acknowledgement of referral ref_id of case_id:
 * ERR_NOTFOUND if there is no such referral, ERR_CONFLICT if it is
 * already acknowledged, ERR_INVALID if at is before it was sent. */
enum err	 casefile_referral_ack(struct db *, const struct casekey *,
		    int64_t case_id, int64_t ref_id, int64_t at,
		    const char *who);

struct casefile_measure {
	int64_t		 id;
	int		 cycle;
	int		 kind;		/* casefile_measure_kinds */
	int64_t		 owner_id;
	char		*owner_name;
	char		 due_on[11];
	char		 done_on[11];	/* "" = not done */
	char		*what;		/* opened */
};
enum err	 casefile_measure_add(struct db *, const struct casekey *,
		    int64_t case_id, int64_t by_user,
		    const struct casefile_measure *);
enum err	 casefile_measures_load(struct db *, const struct casekey *,
		    int64_t case_id, struct casefile_measure **, size_t *n);
void		 casefile_measures_free(struct casefile_measure *, size_t n);
/* ERR_NOTFOUND or ERR_CONFLICT (already done) as for referrals. */
enum err	 casefile_measure_done(struct db *, int64_t case_id,
		    int64_t measure_id, const char *done_on);

/* A person: on a case, a focal point, or someone who could be. */
struct casefile_person {
	int64_t		 user_id;
	char		*username;
	char		*full_name;
	enum role	 role;
	int64_t		 unit_id;	/* their scope root */
	bool		 focal;		/* assigned as the school's focal point */
};
void		 casefile_people_free(struct casefile_person *, size_t n);
/* The people assigned to a case. */
enum err	 casefile_workers(struct db *, int64_t case_id,
		    struct casefile_person **, size_t *n);
/* Active staff of a school who may be assigned (administrators never). */
enum err	 casefile_staff(struct db *, int64_t unit_id,
		    struct casefile_person **, size_t *n);
/* Is user_id active staff of unit_id (not an administrator)? */
bool		 casefile_is_staff(struct db *, int64_t unit_id,
		    int64_t user_id);
enum err	 casefile_worker_add(struct db *, int64_t case_id,
		    int64_t user_id, int64_t by_user);
/* ERR_NOTFOUND if the person was not on the case. */
enum err	 casefile_worker_remove(struct db *, int64_t case_id,
		    int64_t user_id);

/* The school's focal points. */
enum err	 casefile_focals(struct db *, int64_t unit_id,
		    struct casefile_person **, size_t *n);
enum err	 casefile_focal_add(struct db *, int64_t unit_id,
		    int64_t user_id, int64_t by_user);
enum err	 casefile_focal_remove(struct db *, int64_t unit_id,
		    int64_t user_id);

/* Active area officers (commune, district), with their scope roots: the
 * handler keeps those whose scope holds the school, whom a referral to the
 * commune may name. */
enum err	 casefile_area_officers(struct db *, struct casefile_person **,
		    size_t *n);

/* One line of a list of cases: no text, nothing that names a child. */
struct casefile_row {
	int64_t		 id;
	int64_t		 unit_id;
	enum casefile_state state;
	int		 cycle;
	int64_t		 received_at;
	int		 serious;
	int64_t		 emergency_due;
	int64_t		 emergency_done_at;
	char		 plan_due[11];
	bool		 referred;
};
/* The cases a user may work on (need-to-know), newest first. */
enum err	 casefile_list_for(struct db *, int64_t user_id, enum role,
		    int64_t user_unit, struct casefile_row **, size_t *n);
/* The reports a user made, newest first. */
enum err	 casefile_list_reported(struct db *, int64_t user_id,
		    struct casefile_row **, size_t *n);

/*
 * The number of abused children (TT 13/2021 indicator 0101, indicator
 * ABUSED_CHILDREN) of every school in calendar year ("2025"), written as
 * computed rows of agg_value (casefile_stats.c) and the data generation
 * bumped; entered or locked rows are left alone.  Nothing to do (ERR_OK)
 * without the indicator or the period.  casefile_stats_put_case() does it
 * for the year of a case received at received_at.
 */
enum err	 casefile_stats_put(struct db *, const char *year);
enum err	 casefile_stats_put_case(struct db *, int64_t received_at);

/* The principals of a school, and everyone on a case (for notices). */
enum err	 casefile_notice_list(struct db *, int64_t case_id,
		    int64_t unit_id, int64_t **user_ids, size_t *n);

#endif
