/*
 * circumstance.h -- children in special circumstances (trẻ em có hoàn
 * cảnh đặc biệt), the 14 groups of the Law on Children 2016 Art. 10 with
 * their Vietnamese letters a b c d đ e g h i k l m n o (no f or j; đ after
 * d), an optional sub-group (Decree 56/2017 Ch. II details them, e.g. the
 * four cases of group a), and the days the circumstance held.
 *
 * Special circumstances are sensitive personal data.
 */
#ifndef VITRE_CIRCUMSTANCE_H
#define VITRE_CIRCUMSTANCE_H

#include <stdbool.h>
#include <stdint.h>

#include "http/form.h"
#include "register/child.h"

#define CIRC_GROUPS	14
#define CIRC_SUB_MAX	8	/* characters of a sub-group code */

struct circ_group {
	const char	*letter;	/* "a" .. "o", "đ" */
	const char	*vi;
	const char	*en;
};
extern const struct circ_group circ_groups[CIRC_GROUPS];

/* The index of a group letter ("đ" also as "dd"), or -1. */
int	circ_group_find(const char *letter);

/* The sub-groups Decree 56/2017 names for group a (Art. 3). */
struct circ_sub {
	const char	*group;
	const char	*code;
	const char	*vi;
	const char	*en;
};
extern const struct circ_sub circ_subs[];
extern const size_t circ_nsubs;
/* The letters of group bits (1 << index) in the law's order, "a, đ". */
void	circ_group_letters(unsigned bits, char *out, size_t size);

/* The named sub-group, or NULL. */
const struct circ_sub *circ_sub_find(const char *group, const char *code);

struct circumstance {
	int64_t		 id;		/* 0 = not stored yet */
	int64_t		 child_id;
	int		 group;		/* index into circ_groups */
	char		 sub_group[CHILD_TEXT(CIRC_SUB_MAX)];	/* "" = none */
	char		 from_on[11];
	char		 to_on[11];	/* "" = still holds */
	char		 note[CHILD_TEXT(CHILD_NOTE_MAX)];
};

struct circumstance_raw {
	const char	*group;		/* letter */
	const char	*sub_group;	/* optional: 1-8 letters or digits */
	const char	*from_on;	/* required date */
	const char	*to_on;		/* optional date, not before from_on */
	const char	*note;
};

extern const struct field circ_f_group, circ_f_sub_group, circ_f_from_on,
	circ_f_to_on, circ_f_note;

/*
 * Check a circumstance of a child born on birth against today: dates that
 * exist, not before birth, not after today, to_on not before from_on.
 */
bool	circumstance_check(const struct circumstance_raw *, const char *birth,
	    const char *today, struct circumstance *out, struct form_errors *);
/* Does the circumstance hold on some day of [from, to] (inclusive)? */
bool	circumstance_overlaps(const struct circumstance *, const char *from,
	    const char *to);

#endif
