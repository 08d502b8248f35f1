/*
 * plan_json.h -- plans to and from the "vitre-plan/1" JSON format
 * (docs/plan-format.md), with jansson.
 *
 * Reading checks the shape only (types, unknown fields, dates, plain
 * years); plan_validate() checks the meaning.  Keys that start with "_"
 * are comments and are ignored.
 */
#ifndef VITRE_PLAN_JSON_H
#define VITRE_PLAN_JSON_H

#include <jansson.h>
#include <stddef.h>

#include "plans/plan.h"

#define PLAN_FORMAT "vitre-plan/1"

/*
 * Read a plan from JSON text.  Every problem of shape goes to errs with
 * its path.  Returns a new plan (caller frees) when errs got no message,
 * else NULL.
 */
struct plan	*plan_from_json_text(const char *text, size_t len,
		    struct plan_errs *errs);
struct plan	*plan_from_json(json_t *, struct plan_errs *errs);

/* The plan as a JSON object (new reference). */
json_t		*plan_to_json(const struct plan *);
/* The plan as indented JSON text ending in a newline (caller frees). */
char		*plan_to_json_text(const struct plan *);

#endif
