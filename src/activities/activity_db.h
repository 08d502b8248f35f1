/*
 * activity_db.h -- activities, participants and group sizes in the
 * database; the reach values written from them.
 *
 * Every function that changes data runs inside the caller's transaction
 * and adds an audit row; the caller then calls act_db_write_reach() for
 * each (unit, year) touched, in the same transaction.
 */
#ifndef VITRE_ACTIVITY_DB_H
#define VITRE_ACTIVITY_DB_H

#include <stddef.h>
#include <stdint.h>

#include "activities/activity.h"
#include "core/err.h"

struct db;

/* One activity; ERR_NOTFOUND if there is none. */
enum err	act_db_get(struct db *, int64_t id, struct activity *out);
/* The unit's activities starting in year, by date, with their counted and
 * listed participants (caller frees *out). */
enum err	act_db_list(struct db *, int64_t unit_id, int year,
		    struct activity **out, size_t *n);
enum err	act_db_counts(struct db *, int64_t id, struct act_counts *out);

/* A listed participant of an activity. */
struct act_attendee {
	int64_t		 person_id;
	char		 name[4 * ACT_NAME_MAX + 1];
	enum act_group	 group;
	enum act_sex	 sex;
	int64_t		 events;	/* activities they came to in year */
};
/* The persons listed for activity id (caller frees *out), with how many
 * activities each came to in year. */
enum err	act_db_attendees(struct db *, int64_t id, int year,
		    struct act_attendee **out, size_t *n);
enum err	act_db_sizes(struct db *, int64_t unit_id, int year,
		    struct act_sizes *out);

/* Save a new activity (a->unit_id, a->demo set); sets a->id. */
enum err	act_db_insert(struct db *, struct activity *a, int64_t user_id);
/*
 * Change activity a->id (not its unit) to a; counts of groups no longer
 * in the audience go.  *old_year is the year it counted in before.
 * ERR_CONFLICT when its participants are recorded the other way than
 * a->mode (remove them first); ERR_NOTFOUND.
 */
enum err	act_db_update(struct db *, const struct activity *a,
		    int64_t user_id, int *old_year);
/* Delete an activity with its counts and its list of participants (the
 * persons stay with the unit). */
enum err	act_db_delete(struct db *, int64_t id, int64_t user_id);
/* Replace the counts of an activity (the audience's groups). */
enum err	act_db_set_counts(struct db *, int64_t id, unsigned audience,
		    const struct act_counts *, int64_t user_id);
/* Add persons to activity a: each is the unit's person of the same name
 * key, group and sex, or a new one.  *added: how many were not listed
 * for it yet. */
enum err	act_db_add_persons(struct db *, const struct activity *a,
		    const struct act_person *v, size_t n, int64_t user_id,
		    size_t *added);
/* Take a person off an activity's list; ERR_NOTFOUND if not on it. */
enum err	act_db_remove_person(struct db *, int64_t id, int64_t person_id,
		    int64_t user_id);
/* Set the group sizes of a unit and year (a group not in s->has is
 * removed). */
enum err	act_db_set_sizes(struct db *, int64_t unit_id, int year,
		    const struct act_sizes *, bool demo, int64_t user_id);

/* The reach of a unit in a year (act_reach_compute on the stored data). */
enum err	act_db_reach(struct db *, int64_t unit_id, int year,
		    struct act_reach *out);

/* What is stored for one reach indicator of a unit and year. */
struct act_stored {
	bool		 exists;
	bool		 computed;	/* source 'activities' */
	bool		 locked;
	int64_t		 period_id;	/* 0: the year has no period */
};
enum err	act_db_stored(struct db *, int64_t unit_id, int year,
		    struct act_stored out[ACT_REACH__MAX]);

/* What act_db_write_reach did with one indicator. */
struct act_written {
	bool		 computed;	/* group sizes known, someone to reach */
	bool		 written;	/* the value is now in agg_value */
	bool		 locked;	/* a locked value is there: left alone */
	bool		 no_period;	/* the year has no period in vitre */
	struct act_value v;
};

/*
 * Compute the reach of unit in year into *r and write REACH_SCHOOL and
 * REACH_WORKERS for the unit and calendar year as agg_value rows with
 * source 'activities' (demo when all the year's activities and group
 * sizes are); where a value cannot be computed, remove the one computed
 * before (values entered by hand stay); locked values are left alone, but
 * not locked demo values: synthetic data never stands in the way of the
 * unit's own.
 * Bumps the data generation so dashboards see it.
 */
enum err	act_db_write_reach(struct db *, int64_t unit_id, int year,
		    int64_t user_id, struct act_reach *r,
		    struct act_written w[ACT_REACH__MAX]);

#endif
