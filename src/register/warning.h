/*
 * warning.h -- the early-warning rules: which children of a school year
 * are at risk of dropping out, and why (the model; no SQL, no HTML).
 *
 * A child is listed with every reason that holds: absences in a term over
 * the school's threshold (all days, or days without leave), years already
 * repeated, being older than the grade expects by the threshold or more, a
 * special circumstance in the year, a disability, a poor or near-poor
 * household.  The thresholds are the school's settings (register_setting;
 * no row = the defaults below, the same as the migration's).
 */
#ifndef VITRE_WARNING_H
#define VITRE_WARNING_H

#include <stdbool.h>
#include <stddef.h>

#include "http/form.h"
#include "register/child.h"
#include "register/enrolment.h"

#define WARN_DEFAULT_ABSENCE	15
#define WARN_DEFAULT_UNEXCUSED	5
#define WARN_DEFAULT_OVER_AGE	2
#define WARN_DEFAULT_REPEATS	1

enum warn_reason {
	WARN_ABSENCE,		/* days absent in a term >= absence_days */
	WARN_UNEXCUSED,		/* days without leave >= unexcused_days */
	WARN_REPEATED,		/* years repeated >= repeats */
	WARN_OVER_AGE,		/* over age >= over_age_years */
	WARN_CIRCUMSTANCE,	/* a special circumstance in the year */
	WARN_DISABILITY,	/* a disability */
	WARN_POOR,		/* poor or near-poor household */
	WARN__MAX
};

struct warn_settings {
	int	 absence_days;
	int	 unexcused_days;
	int	 over_age_years;
	int	 repeats;
	bool	 circumstance;
	bool	 disability;
	bool	 poor;
};

struct warn_settings_raw {
	const char	*absence_days, *unexcused_days, *over_age_years,
			*repeats, *circumstance, *disability, *poor;
};
extern const struct field warn_f_absence_days, warn_f_unexcused_days,
	warn_f_over_age_years, warn_f_repeats, warn_f_circumstance,
	warn_f_disability, warn_f_poor;

void	warn_settings_default(struct warn_settings *);
/* Check thresholds as typed (absent yes/no fields are false). */
bool	warn_settings_check(const struct warn_settings_raw *,
	    struct warn_settings *out, struct form_errors *);

/* What is known of one child in one school year. */
struct warn_input {
	int			 grade;
	char			 birth[11];
	int			 start_year;	/* of the school year */
	struct absence		 abs[2];	/* terms 1 and 2 */
	int			 repeats;	/* years repeated up to this one */
	char			 groups[64];	/* circumstance letters, "a, đ" */
	bool			 disability;
	enum child_household	 household;
};

/* The reasons that hold, as bits (1 << enum warn_reason). */
unsigned	warn_assess(const struct warn_settings *,
		    const struct warn_input *);
/* One reason in words with its numbers, lang 0 vi / 1 en, into out. */
void		warn_reason_text(enum warn_reason, const struct warn_settings *,
		    const struct warn_input *, int lang, char *out,
		    size_t size);

#endif
