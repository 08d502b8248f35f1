/*
 * casefile.h -- child protection cases (hồ sơ bảo vệ trẻ em): the codes of
 * Decree 56/2017 form 01, the procedure as a state machine, deadlines in
 * working days, need-to-know access, and the storage of cases.
 *
 * A case (struct casefile; "case" is a C keyword) belongs to a school.  It
 * starts as a report (form 01) by any staff member and moves through
 *
 *	reported --02--> assessed --03--> detailed --04--> planned
 *	    --05--> approved --06--> closed, or back to detailed with the
 *	    next cycle when the review says the plan must go on.
 *
 * An initial assessment that finds serious harm starts the emergency clock
 * (12 hours from the receipt of the information).  Referrals (commune
 * officer, hotline 111, police) may be recorded at any time before the
 * case is closed; measures for the school belong to an approved plan.
 *
 * Only the people assigned to a case, the principal of its school and the
 * commune officer it was referred to may read it; the staff member who
 * reported it sees its status only; administrators see nothing of it.
 * Every free-text field is sealed with the case key (cases/crypt.h).
 *
 * The pure logic (codes, transitions, dates) is in casefile.c and needs no
 * database; storage is casefile_db.c.
 */
#ifndef VITRE_CASEFILE_H
#define VITRE_CASEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth/role.h"
#include "core/err.h"

struct casekey;
struct db;

/* A code as stored, with its Vietnamese and English names. */
struct casefile_code {
	const char	*code;
	const char	*vi;
	const char	*en;
};

/* NULL-terminated code tables. */
extern const struct casefile_code casefile_sources[];	/* form 01: nguồn */
extern const struct casefile_code casefile_sexes[];	/* m, f, u */
extern const struct casefile_code casefile_forms[];	/* hình thức xâm hại */
extern const struct casefile_code casefile_sexual_kinds[];
extern const struct casefile_code casefile_places[];	/* môi trường xâm hại */
extern const struct casefile_code casefile_findings[];	/* form 02 */
extern const struct casefile_code casefile_ratings[];	/* form 06 */
extern const struct casefile_code casefile_outcomes[];	/* form 06 */
extern const struct casefile_code casefile_referral_kinds[];
extern const struct casefile_code casefile_hows[];
extern const struct casefile_code casefile_measure_kinds[];
/* TT 13/2021 age groups used in the statistics (bands not confirmed). */
extern const struct casefile_code casefile_age_groups[];

enum { CASEFILE_FORM_SEXUAL = 2 };	/* index of "sexual" in casefile_forms */

/* Index of code in a table, or -1. */
int		 casefile_code_index(const struct casefile_code *, const char *);
/* Names of entry i of a table (en = English), "" if i is out of range. */
const char	*casefile_code_name(const struct casefile_code *, int i, bool en);
/* The age group index of an age in years; -1 for unknown (age < 0). */
int		 casefile_age_group(int age);

enum casefile_state {
	CASEFILE_REPORTED,
	CASEFILE_ASSESSED,
	CASEFILE_DETAILED,
	CASEFILE_PLANNED,
	CASEFILE_APPROVED,
	CASEFILE_CLOSED,
	CASEFILE_STATE__MAX
};
extern const struct casefile_code casefile_states[];

enum casefile_step {
	STEP_ASSESSMENT,	/* form 02 */
	STEP_EMERGENCY,		/* the emergency action within 12 hours */
	STEP_DETAILED,		/* form 03 */
	STEP_PLAN,		/* form 04 */
	STEP_APPROVAL,		/* form 05 */
	STEP_REVIEW,		/* form 06 */
	STEP_REFERRAL,
	STEP_MEASURE,
	STEP__MAX
};
/* Codes as stored in case_step.kind (STEP_ASSESSMENT .. STEP_REVIEW) and
 * names (all steps). */
extern const struct casefile_code casefile_steps[];

/* What the staff member who reported a case sees of it. */
enum casefile_public {
	PUBLIC_RECEIVED,	/* đã tiếp nhận */
	PUBLIC_IN_PROGRESS,	/* đang xử lý */
	PUBLIC_REFERRED,	/* đã chuyển */
	PUBLIC_CLOSED,		/* đã đóng */
	PUBLIC__MAX
};
extern const struct casefile_code casefile_public_names[];
enum casefile_public casefile_public_status(enum casefile_state,
		    bool referred);

/*
 * May step be recorded now?  ERR_OK, or ERR_CONFLICT with the reason in
 * *vi and *en (static strings).  serious and emergency_done describe the
 * initial assessment's finding and whether the emergency action is in.
 */
enum err	 casefile_step_allowed(enum casefile_state, enum casefile_step,
		    bool serious, bool emergency_done, const char **vi,
		    const char **en);
/* The state after step (review_continue: form 06 said "go on"). */
enum casefile_state casefile_state_after(enum casefile_state,
		    enum casefile_step, bool review_continue);

/*
 * Is a step's date possible?  It may not be before earliest (the day the
 * information came in, or the previous step), nor after today.  ERR_OK or
 * ERR_INVALID with the reason.  Dates are "YYYY-MM-DD".
 */
enum err	 casefile_check_date(const char *date, const char *earliest,
		    const char *today, const char **vi, const char **en);

/* Public holidays, sorted "YYYY-MM-DD" strings. */
struct casefile_holidays {
	char		(*days)[11];
	size_t		 n;
};
bool		 casefile_is_working_day(const char *date,
		    const struct casefile_holidays *);
/* The date n working days after from (n >= 0; 0 = from itself). */
void		 casefile_add_working_days(const char *from, int n,
		    const struct casefile_holidays *, char out[11]);
/* Working days from a to b (b after a: positive; before: negative). */
int		 casefile_working_days_between(const char *a, const char *b,
		    const struct casefile_holidays *);
/* The local date of a Unix time. */
void		 casefile_date_of(int64_t t, char out[11]);
/* A Unix time in local time with a strftime format. */
void		 casefile_local_time(int64_t t, const char *fmt, char *out,
		    size_t size);

/* Deadline settings (table case_setting) and holidays. */
struct casefile_rules {
	int		 emergency_hours;
	int		 plan_working_days;
	bool		 plan_from_detailed;	/* else from the report */
	int		 detailed_working_days;	/* -1: no deadline */
	int		 approval_working_days;	/* -1: no deadline */
	int		 referral_ack_hours;
	struct casefile_holidays holidays;
};

/*
 * Small-cell suppression of the statistics: a count below
 * CASEFILE_MIN_CELL is shown as "< 5" (CELL_SMALL); when a dimension has
 * exactly one such cell and its total is shown, the smallest other cell is
 * hidden too (CELL_HIDDEN), so that no cell can be worked out from the
 * total.  out[i] for counts[i].
 */
#define CASEFILE_MIN_CELL 5
/* The code of TT 13/2021 indicator 0101 in the catalogue (0014). */
#define CASEFILE_INDICATOR "ABUSED_CHILDREN"
enum casefile_cell { CELL_SHOWN, CELL_SMALL, CELL_HIDDEN };
void		 casefile_suppress(const int64_t *counts, size_t n,
		    enum casefile_cell *out);

/* Who is looking, relative to a case. */
enum casefile_access {
	ACCESS_NONE,
	ACCESS_REPORTER,	/* the status of their own report */
	ACCESS_WORKER,		/* assigned to the case */
	ACCESS_REFERRED,	/* the commune officer it was referred to */
	ACCESS_PRINCIPAL	/* the principal of the case's school */
};
/* May the access level read and work on the case? */
bool		 casefile_can_work(enum casefile_access);

/* A case as stored; the text fields are opened (plain) or NULL. */
struct casefile {
	int64_t		 id;
	int64_t		 unit_id;
	enum casefile_state state;
	int		 cycle;
	int		 source;	/* index in casefile_sources */
	int64_t		 received_at;
	int64_t		 reported_by;
	char		 reporter_name[160];	/* shown unless hidden */
	bool		 reporter_hidden;
	int64_t		 created_at;
	bool		 in_register;	/* linked to a child of the register */
	int64_t		 child_id;	/* that child (opened); 0 = none */
	int		 sex;		/* casefile_sexes */
	int		 age;		/* -1 = unknown */
	int		 form;		/* casefile_forms */
	int		 sexual_kind;	/* casefile_sexual_kinds or -1 */
	int		 place;		/* casefile_places */
	int		 finding;	/* casefile_findings or -1 */
	int		 serious;	/* -1 not assessed, 0, 1 */
	int64_t		 emergency_due;	/* 0 = no clock */
	int64_t		 emergency_done_at;
	char		 plan_due[11];	/* "" = none */
	int64_t		 closed_at;
	bool		 referred;	/* has at least one referral */
	char		*child_name;
	char		*place_text;
	char		*narrative;
	char		*informant_name;
	char		*informant_phone;
	char		*informant_address;
};

/* Clear the opened text of a case and free it. */
void		 casefile_release(struct casefile *);

#endif
