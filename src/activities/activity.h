/*
 * activity.h -- communication and training activities of a unit (events
 * and campaigns), who took part, and the reach targets computed from them.
 *
 * An activity has dates, a title, a kind (Month of Action for Children,
 * Gender Equality month, Mid-Autumn, children's forum, parent meeting, …),
 * the audience groups it was for, and its participants, recorded in one
 * of two ways (its mode):
 *   - counts: how many of each group took part, by sex;
 *   - persons: who took part (name, group, sex).  Persons belong to the
 *     unit, so a person at three activities is one person.
 * Group sizes per unit and calendar year (staff, parents, students,
 * workers; by sex) are the denominators.
 *
 * The reach of a group in a year is the number of distinct persons of the
 * group reached by the unit's activities starting in that year, over the
 * group's size -- never attendance summed over activities.  Counted
 * activities do not say who came, so distinct persons cannot be known;
 * the rule (act_reach_compute) is:
 *
 *	reached = min(size, distinct listed persons + the largest count of
 *	          any single counted activity)
 *
 * per group and sex: the largest count is the fewest distinct persons
 * those activities can have reached, and adding it to the listed persons
 * assumes the two do not overlap.  The result is marked an estimate
 * whenever a counted activity contributes.
 *
 * REACH_SCHOOL is staff + parents + students, REACH_WORKERS the workers
 * group (seed 003's targets 1 and 2); numerator and denominator are sums
 * by sex, and the value exists only when the size of every group in it is
 * known for the year.
 *
 * This file and activity.c hold no SQL and no HTML: activity_db.c stores,
 * activity_http.c and activity_html.c serve the pages.
 */
#ifndef VITRE_ACTIVITY_H
#define VITRE_ACTIVITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "http/form.h"

enum act_group {
	ACT_STAFF,
	ACT_PARENTS,
	ACT_STUDENTS,
	ACT_WORKERS,
	ACT_GROUP__MAX
};

enum act_sex { ACT_M, ACT_F, ACT_SEX__MAX };

struct act_group_info {
	const char	*code;		/* stored: "staff" */
	const char	*name_vi;
	const char	*name_en;
	const char	*const *aliases;	/* accepted in person lists */
};
extern const struct act_group_info act_groups[ACT_GROUP__MAX];

struct act_kind_info {
	const char	*code;
	const char	*name_vi;
	const char	*name_en;
};
#define ACT_KIND__MAX 8
extern const struct act_kind_info act_kinds[ACT_KIND__MAX];

enum act_mode { ACT_MODE_COUNTS, ACT_MODE_PERSONS, ACT_MODE__MAX };
extern const char *const act_mode_codes[ACT_MODE__MAX + 1];	/* NULL-ended */

/* The reach indicators and the groups each one sums. */
enum act_reach_ind { ACT_REACH_SCHOOL, ACT_REACH_WORKERS, ACT_REACH__MAX };
struct act_reach_ind_info {
	const char	*code;		/* indicator code */
	unsigned	 groups;	/* bit (1u << enum act_group) */
};
extern const struct act_reach_ind_info act_reach_inds[ACT_REACH__MAX];

/* Limits. */
#define ACT_TITLE_MAX	300	/* characters */
#define ACT_NOTE_MAX	2000
#define ACT_NAME_MAX	160
#define ACT_COUNT_MAX	1000000
#define ACT_PERSONS_MAX	2000	/* lines in one list */

struct activity {
	int64_t		 id;		/* 0 = not saved */
	int64_t		 unit_id;
	int		 kind;		/* index into act_kinds */
	char		 title[4 * ACT_TITLE_MAX + 1];
	char		 start_on[11];
	char		 end_on[11];
	unsigned	 audience;	/* bit (1u << enum act_group) */
	enum act_mode	 mode;
	char		 note[4 * ACT_NOTE_MAX + 1];
	bool		 demo;
	/* Filled when listed: participants recorded. */
	int64_t		 counted;	/* sum of counts */
	int64_t		 listed;	/* persons listed */
};

/* "staff,parents" <-> bits.  act_audience_from is false for an unknown
 * group. */
void	act_audience_text(unsigned audience, struct buf *out);
bool	act_audience_from(const char *text, unsigned *out);
int	act_kind_find(const char *code);	/* -1 if unknown */
/* The year an activity counts in (of its start date). */
int	act_year(const struct activity *);

/*
 * Check and fill an activity from form fields (raw strings, NULL when
 * absent): kind, title, start_on, end_on (empty: the start), audience
 * (the group codes that are set: aud[g] non-empty), mode, note.  Every
 * problem goes to errs naming its field; true if none.
 */
struct act_form {
	const char	*kind;
	const char	*title;
	const char	*start_on;
	const char	*end_on;
	const char	*aud[ACT_GROUP__MAX];
	const char	*mode;
	const char	*note;
};
bool	act_parse(const struct act_form *, struct activity *out,
	    struct form_errors *errs);

/* One person of a list: "Nguyễn Văn An; phụ huynh; nam". */
struct act_person {
	char		 name[4 * ACT_NAME_MAX + 1];
	char		 key[4 * ACT_NAME_MAX + 1];	/* act_name_key */
	enum act_group	 group;
	enum act_sex	 sex;
};

/* The matching key of a name: capitals, single spaces, trimmed. */
void	act_name_key(const char *name, char *out, size_t outsz);

/*
 * Parse a list of persons, one a line: name, group and sex separated by
 * ";" or a tab (a spreadsheet's columns).  Group: a code or a Vietnamese
 * name ("phụ huynh", "học sinh", "giáo viên", …); sex: "nam"/"nữ" (or
 * m/f, male/female).  Blank lines are skipped; a group outside audience is
 * refused.  Each bad line gives a message naming the line to errs (field
 * f).  *out (caller frees) gets the persons; returns how many.
 */
size_t	act_parse_persons(const char *text, unsigned audience,
	    const struct field *f, struct act_person **out,
	    struct form_errors *errs);

/* What act_reach_compute reads. */
struct act_sizes {
	bool		 has[ACT_GROUP__MAX];
	int64_t		 n[ACT_GROUP__MAX][ACT_SEX__MAX];
};

/* One attendance of a listed person (a person may appear many times). */
struct act_attendance {
	int64_t		 person_id;
	enum act_group	 group;
	enum act_sex	 sex;
};

/* The counts of one counted activity. */
struct act_counts {
	int64_t		 n[ACT_GROUP__MAX][ACT_SEX__MAX];
};

struct act_reach {
	struct act_sizes size;
	int64_t		 listed[ACT_GROUP__MAX][ACT_SEX__MAX];	/* distinct */
	int64_t		 counted[ACT_GROUP__MAX][ACT_SEX__MAX];	/* largest */
	int64_t		 reached[ACT_GROUP__MAX][ACT_SEX__MAX];
	bool		 estimated[ACT_GROUP__MAX];	/* a count was used */
	bool		 capped[ACT_GROUP__MAX];	/* more than the size */
	size_t		 nactivities;
};

/*
 * The reach of a unit in a year from its attendances (att is sorted by
 * person id in place), its counted activities and the group sizes; the
 * rule is at the top of this file.
 */
void	act_reach_compute(struct act_attendance *att, size_t natt,
	    const struct act_counts *counts, size_t ncounts,
	    const struct act_sizes *sizes, struct act_reach *out);

/* A reach indicator's numerator and denominator by sex. */
struct act_value {
	int64_t		 num_m, num_f, den_m, den_f;
};
/* The value of indicator i from r; false when a group's size is unknown
 * or the groups have no one (no denominator). */
bool	act_reach_value(const struct act_reach *, enum act_reach_ind,
	    struct act_value *out);

#endif
