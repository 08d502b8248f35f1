/*
 * value.h -- aggregate values: for one unit, one indicator and one period,
 * a numerator and a denominator, split by sex (nam/nữ) where the indicator
 * is, with the totals computed; a count indicator has no denominator.
 *
 * Checking an entry is pure (value.c, no SQL): the handler parses the
 * references (value_parse_refs), looks up the unit, indicator, period and
 * any stored value, then value_check() validates the numbers against what
 * it found and fills a struct agg_value ready to save.  Every problem is
 * collected in a struct form_errors naming the field in Vietnamese and
 * English.  Saving, locking and listing are in value_db.c.
 */
#ifndef VITRE_VALUE_H
#define VITRE_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "http/form.h"
#include "indicators/indicator.h"
#include "units/unit.h"

struct db;

/* The largest number accepted in one cell. */
#define VALUE_MAX	INT64_C(1000000000000)

struct agg_value {
	int64_t		 id;		/* 0 = not stored yet */
	int64_t		 unit_id;
	int64_t		 indicator_id;
	int64_t		 period_id;
	bool		 split;		/* num_m, num_f (den_m, den_f) set */
	bool		 has_den;	/* den_* set (not a count) */
	int64_t		 num_total, num_m, num_f;
	int64_t		 den_total, den_m, den_f;
	bool		 locked;
	bool		 computed;	/* written from other data (growth
					 * measurements): not entered here */
	bool		 demo;
	int64_t		 entered_by;	/* app_user id; 0 = none (demo data) */
	int64_t		 entered_at;	/* Unix seconds */
};

/* The fields of one entry as received (form or JSON); NULL = absent. */
struct value_raw {
	const char	*unit;
	const char	*indicator;
	const char	*period;
	const char	*num_m, *num_f, *num_total;
	const char	*den_m, *den_f, *den_total;
};

/* The fields, for messages and for JSON type errors. */
extern const struct field value_f_unit, value_f_indicator, value_f_period;
extern const struct field value_f_num_m, value_f_num_f, value_f_num_total;
extern const struct field value_f_den_m, value_f_den_f, value_f_den_total;

/* The parsed references of an entry. */
struct value_refs {
	int64_t		 unit_id;
	char		 indicator[129];	/* code */
	char		 period[129];		/* code */
};

/* What the handler found for the references. */
struct value_ctx {
	const struct unit	*unit;		/* NULL: no such unit */
	const struct indicator	*ind;		/* NULL: no such indicator */
	const struct period	*per;		/* NULL: no such period */
	bool			 locked;	/* the stored value is locked */
	bool			 computed;	/* ... or computed, not entered */
};

/*
 * Parse unit, indicator and period; false (with errors) if any is bad.
 * value_check() does not repeat a message for a field that already has
 * one, so both may run on the same errs.
 */
bool		 value_parse_refs(const struct value_raw *, struct value_refs *,
		    struct form_errors *);
/*
 * Check an entry against what was found and fill out (ids, numbers,
 * totals).  ERR_LOCKED if the stored value is locked; ERR_CONFLICT if it
 * is computed from other data (measurements); ERR_INVALID with
 * every problem in errs; ERR_OK when it can be saved.
 */
enum err	 value_check(const struct value_raw *, const struct value_ctx *,
		    struct agg_value *out, struct form_errors *);
/* The rate (or count) of a value in the indicator's unit; NAN if none. */
double		 value_rate(const struct agg_value *, enum ind_unit);

/* One row of a list, with the names a page or JSON needs. */
struct value_row {
	struct agg_value v;
	char		 unit_code[64];
	char		 indicator[64];		/* code */
	char		 period[16];		/* code */
	enum ind_unit	 ind_unit;
	char		 entered_by_name[160];	/* "" = none */
};

/* Database (value_db.c). */
/* The stored value for the key; ERR_NOTFOUND if none. */
enum err	 value_find(struct db *, int64_t unit_id, int64_t indicator_id,
		    int64_t period_id, struct agg_value *out);
enum err	 value_get(struct db *, int64_t id, struct agg_value *out);
/*
 * Insert or update v (keyed by unit, indicator, period) in one
 * transaction with the data generation and an audit row: ERR_LOCKED if the
 * stored value is locked, ERR_CONFLICT if it is computed (nothing
 * changes).  *id_out gets the row's id,
 * *created whether it is new.
 */
enum err	 value_save(struct db *, const struct agg_value *v,
		    int64_t user_id, int64_t *id_out, bool *created);
/*
 * The upsert of value_save() alone, inside the caller's transaction (no
 * generation bump, no audit row): for writers of many values at once
 * (exchange/).  Same answers; old (may be NULL) gets the stored value
 * when there was one.
 */
enum err	 value_write(struct db *, const struct agg_value *v,
		    int64_t user_id, int64_t *id_out, bool *created,
		    struct agg_value *old);
/* Lock a value (idempotent), in one transaction with an audit row. */
enum err	 value_lock(struct db *, int64_t id, int64_t user_id);
/*
 * Values of a unit, optionally only of one indicator and/or period (0 =
 * any), newest period first, into a new array *out of *n (free() it).
 */
enum err	 value_list(struct db *, int64_t unit_id, int64_t indicator_id,
		    int64_t period_id, struct value_row **out, size_t *n);

#endif
