/*
 * value_html.h -- the value entry page (value_html.c), shared by the
 * handlers of value_http.c.  Private to values/.
 */
#ifndef VITRE_VALUE_HTML_H
#define VITRE_VALUE_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"
#include "http/form.h"
#include "indicators/indicator.h"
#include "units/unit.h"
#include "values/value.h"

struct req;

/* Everything the form shows. */
struct value_view {
	const struct unit_tree	*t;
	const struct unit	*unit;
	struct indicator	*inds;	/* the whole catalogue */
	size_t			 ninds;
	const struct indicator	*ind;	/* selected; NULL if none applies */
	struct period		*pers;	/* periods of ind's type, newest first */
	size_t			 npers;
	const struct period	*per;	/* selected */
	struct agg_value	 stored;
	bool			 has_stored;
	struct value_raw	 raw;	/* what the cells show */
	char			 cells[6][24];
	const struct form_errors *errs;
	const char		*flash;
};

/*
 * Load what the form shows for unit_id (the caller checked its scope),
 * with the indicator and period asked for when they fit, else the first
 * indicator that applies and the newest period that has started.
 * v->t must be set; release with value_view_release().
 */
enum err	value_view_load(struct req *, struct value_view *,
		    int64_t unit_id, const char *ind_code,
		    const char *per_code);
void		value_view_release(struct value_view *);
/* The whole page, or only the fragment #value-form for htmx. */
void		value_form_page(struct req *, const struct value_view *,
		    int status);

#endif
