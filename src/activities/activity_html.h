/*
 * activity_html.h -- the activity pages: a unit's activities and reach in
 * a year, one activity with its participants, the activity form, the
 * group sizes form.
 */
#ifndef VITRE_ACTIVITY_HTML_H
#define VITRE_ACTIVITY_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "activities/activity.h"
#include "activities/activity_db.h"

struct req;
struct form_errors;

/* The unit page. */
struct act_unit_view {
	int64_t			 unit_id;
	const char		*unit_name;
	int			 year;
	bool			 can_enter;
	const struct activity	*acts;
	size_t			 nacts;
	const struct act_reach	*reach;
	struct act_stored	 stored[ACT_REACH__MAX];
	const char		*flash;
};
void	act_unit_html(struct req *, const struct act_unit_view *);

/* One activity. */
struct act_view {
	const struct activity		*a;
	const char			*unit_name;
	bool				 can_enter;
	const struct act_counts		*counts;	/* counts mode */
	const struct act_attendee	*people;	/* persons mode */
	size_t				 npeople;
	const char			*flash;
	const struct form_errors	*errs;		/* of the forms below */
	const char			*persons_text;	/* shown again */
	const char			*const *count_raw;	/* [g*2+s] shown again */
};
void	act_page_html(struct req *, const struct act_view *);

/*
 * The create / edit form: values from raw (the posted fields, or the
 * stored activity written as fields), messages from errs.
 */
void	act_form_html(struct req *, const char *action, const char *heading,
	    const char *cancel, const struct act_form *raw,
	    const struct form_errors *errs);

/* The group sizes form: raw[g*2+s] are the cells (NULL: empty). */
void	act_sizes_html(struct req *, int64_t unit_id, const char *unit_name,
	    int year, const char *const *raw, const struct form_errors *errs);

/* Field names of the cells: "cnt_staff_m", "size_parents_f". */
void	act_cell_name(const char *prefix, int g, int s, char *out,
	    size_t outsz);

#endif
