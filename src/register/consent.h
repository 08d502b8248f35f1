/*
 * consent.h -- consent to the processing of a child's personal data, per
 * purpose (Decree 13/2023 Art. 20, Law 91/2025 Art. 24): from a parent or
 * guardian for every child, and from the child too when aged 7 or over
 * (age on the day of the consent).  Rows are added, never changed; the
 * latest of a purpose and a giver is the current state.  consent_missing()
 * says what the record still lacks.
 *
 * Statistics and reporting under the Law on Children and the sector's
 * statistics rest on a legal duty, not on consent; the purposes here are
 * the ones that go beyond it.
 */
#ifndef VITRE_CONSENT_H
#define VITRE_CONSENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "http/form.h"
#include "register/child.h"

/* The age from which the child's own consent is needed. */
#define CONSENT_CHILD_AGE	7

enum consent_purpose {
	CONSENT_CARE,		/* health, disability, circumstance data for care */
	CONSENT_SHARE,		/* sharing with health and protection services */
	CONSENT_PHOTO,		/* photos in school activities */
	CONSENT_PUBLISH,	/* publishing names (awards, lists) */
	CONSENT_PURPOSE__MAX
};
enum consent_who { CONSENT_CHILD, CONSENT_GUARDIAN, CONSENT_WHO__MAX };
enum consent_state {
	CONSENT_GIVEN, CONSENT_WITHDRAWN, CONSENT_REFUSED, CONSENT_STATE__MAX
};

extern const struct reg_code consent_purposes[CONSENT_PURPOSE__MAX];
extern const struct reg_code consent_whos[CONSENT_WHO__MAX];
extern const struct reg_code consent_states[CONSENT_STATE__MAX];

struct consent {
	int64_t			 id;
	int64_t			 child_id;
	enum consent_purpose	 purpose;
	enum consent_who	 who;
	int64_t			 guardian_id;	/* 0 = not named */
	enum consent_state	 state;
	char			 on_date[11];
	int64_t			 recorded_by;	/* app_user id; 0 = none */
	int64_t			 recorded_at;
	char			 note[CHILD_TEXT(CHILD_NOTE_MAX)];
};

struct consent_raw {
	const char	*purpose;
	const char	*who;
	const char	*guardian;	/* optional guardian id */
	const char	*state;
	const char	*on_date;
	const char	*note;
};

extern const struct field consent_f_purpose, consent_f_who,
	consent_f_guardian, consent_f_state, consent_f_on_date, consent_f_note;

/*
 * Check a consent of a child born on birth, against today: a child's own
 * consent needs the child to be CONSENT_CHILD_AGE or over on on_date.
 * guardian ids are checked by the caller (they must be the child's).
 */
bool	consent_check(const struct consent_raw *, const char *birth,
	    const char *today, struct consent *out, struct form_errors *);

/*
 * The current state of each purpose and giver from a child's consents
 * (any order): state[p][w] is CONSENT_STATE__MAX when none was recorded.
 */
void	consent_current(const struct consent *, size_t n,
	    enum consent_state state[CONSENT_PURPOSE__MAX][CONSENT_WHO__MAX]);
/*
 * What is missing on today for a child born on birth: need[p][w] is true
 * when purpose p still needs a consent given by w (the child's own only
 * from the age of 7).  Returns how many are missing.
 */
int	consent_missing(const struct consent *, size_t n, const char *birth,
	    const char *today,
	    bool need[CONSENT_PURPOSE__MAX][CONSENT_WHO__MAX]);

#endif
