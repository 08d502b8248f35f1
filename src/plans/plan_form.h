/*
 * plan_form.h -- a plan to and from the plain edit form.
 *
 * The form is flat: header fields by name ("title", "period_from",
 * "signer_title"), and repeated rows as numbered fields: phases
 * "ph0_name", basis "b0_text", targets "t0_code" with milestones
 * "t0_m0_year", sections as an outline "n0_level" (1-5) + "n0_kind",
 * funding "f0", assignments "a0_who", reporting "r0_what", recipients
 * "rc0".  Rows left empty are dropped, so the form can offer a few blank
 * rows to add more.
 *
 * Problems found while reading the form are reported with the form field
 * name as their path ("t2_m0_value").  Problems plan_validate() finds carry
 * JSON paths ("targets[1].milestones[0].value"); the map made while
 * reading turns them back into form field names, so the form can show
 * each message beside its field.
 */
#ifndef VITRE_PLAN_FORM_H
#define VITRE_PLAN_FORM_H

#include <stddef.h>

#include "plans/plan.h"

struct kvlist;

/* JSON path prefix of each element read -> its form row prefix. */
struct plan_formmap {
	struct plan_formmap_entry {
		char	 json[128];	/* "targets[1].milestones[0]" */
		char	 form[32];	/* "t2_m0" */
	}		*v;
	size_t		 n;
};

/* Rows offered at most per group (and milestones per target). */
#define PLAN_FORM_ROWS 400

/*
 * Read a plan from form values.  Returns a new plan (caller frees) when
 * errs got no message, else NULL.  map (may be NULL) gets the paths.
 */
struct plan	*plan_from_form(const struct kvlist *, struct plan_errs *,
		    struct plan_formmap *);
/* The form values of a plan, into out (empty list). */
void		 plan_to_form(const struct plan *, struct kvlist *out);

/* The form field name a problem's path points at. */
void		 plan_formmap_name(const struct plan_formmap *,
		    const char *path, char *out, size_t outsz);
void		 plan_formmap_release(struct plan_formmap *);

/* A human label of a form field: "Chỉ tiêu 3, mốc 1 — Giá trị". */
void		 plan_form_label(const char *name, int lang, char *out,
		    size_t outsz);

#endif
