/*
 * plan_html.h -- plan pages: the plan shown as the document it is
 * (Decree 30 layout) with its data, the list of plans, the edit form.
 */
#ifndef VITRE_PLAN_HTML_H
#define VITRE_PLAN_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plans/plan.h"
#include "plans/plan_db.h"

struct req;
struct kvlist;
struct plan_formmap;
struct target_eval;
struct unit_tree;

/* One milestone weaker than the plan above's (plan_compare). */
struct plan_weakmsg {
	size_t		 t;		/* target index */
	int		 year;
	char		 child[48];	/* "<0,5%" */
	char		 parent[48];	/* "<0,12%" */
	char		 ref[160];	/* "23/QĐ-TTg" or the parent's title */
	int64_t		 parent_id;
};

/* Everything the plan page shows. */
struct plan_view {
	const struct plan		*p;
	const struct plan_catalogue	*cat;
	const char			*unit_name;
	const struct plan_weakmsg	*weak;
	size_t				 nweak;
	/* Live status of each target for the owner unit (NULL: none). */
	const struct target_eval	*evals;
	const bool			*evaled;
	bool				 can_edit;
};

/* The plan page's body (between page_begin and page_end). */
void	plan_doc_html(struct req *, const struct plan_view *);

/* A table of plans (rows borrowed). */
void	plan_list_table(struct req *, const struct plan_row *const *rows,
	    size_t n);

/* The create / edit form with its messages (plan_form_html.c). */
void	plan_form_html(struct req *, const char *action, const char *heading,
	    const struct kvlist *vals, const struct plan_errs *errs,
	    const struct plan_formmap *map, const struct plan_catalogue *cat,
	    const struct unit_tree *t);

#endif
