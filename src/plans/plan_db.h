/*
 * plan_db.h -- plans in the database: load, list, save.
 *
 * Saving resolves the codes a plan names (its owner unit, the indicators of
 * its targets, the plan it implements and the plans its basis cites, by
 * "number/symbol"), validates it (plan_validate) and writes it with every
 * part, bumping the data generation and adding an audit row.  Nothing is
 * written when anything is wrong: the problems go to errs, each naming its
 * field.
 */
#ifndef VITRE_PLAN_DB_H
#define VITRE_PLAN_DB_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "plans/plan.h"

struct db;

/* The indicators as plan_validate() needs them. */
enum err	plan_db_catalogue(struct db *, struct plan_catalogue *out);

/* The whole plan id (caller frees); ERR_NOTFOUND if there is none. */
enum err	plan_db_load(struct db *, int64_t id, struct plan **out);

/* The owner unit of plan id; ERR_NOTFOUND if there is none. */
enum err	plan_db_unit(struct db *, int64_t id, int64_t *unit_id);

/* The id of the latest plan "number/symbol" in vitre, or 0. */
int64_t		plan_db_find_ref(struct db *, const char *ref);

/*
 * Resolve, validate and write p as a new plan (replace_id 0) or in place of
 * plan replace_id, inside the caller's transaction.  On success p->id and
 * the resolved ids are set.  ERR_INVALID or ERR_CONFLICT come with
 * messages in errs; ERR_NOTFOUND if replace_id does not exist.
 */
enum err	plan_db_write(struct db *, struct plan *p, int64_t replace_id,
		    int64_t user_id, struct plan_errs *errs);
/* The same in a transaction of its own. */
enum err	plan_db_save(struct db *, struct plan *p, int64_t replace_id,
		    int64_t user_id, struct plan_errs *errs);

/* One line of the list of plans. */
struct plan_row {
	int64_t		 id;
	int64_t		 unit_id;
	char		*unit_code;
	char		*unit_name;
	char		*doc_type;
	char		*ref;		/* "89/KH-MNHL" or "" */
	char		*title;
	char		 issued_on[11];
	int		 period_from, period_to;
	int		 ntargets;
	bool		 demo;
};

/* Every plan, oldest period first (caller frees with plan_rows_free). */
enum err	plan_db_list(struct db *, struct plan_row **out, size_t *n);
void		plan_rows_free(struct plan_row *, size_t n);

#endif
