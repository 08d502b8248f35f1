/*
 * child.h -- a child of the register: identity, address, household, and
 * the parents or guardians (the model; no SQL, no HTML).
 *
 * Checking is pure: a handler or an importer fills a struct child_raw with
 * the strings it received (NULL = absent), child_check() validates every
 * field and fills a struct child ready to save, collecting each problem in
 * a struct form_errors that names the field in Vietnamese and English.
 * Saving and reading are in register_db.h.
 *
 * The personal ID number (số định danh cá nhân, 12 digits) is checked the
 * way the Ministry of Public Security builds it: digits 1-3 the province
 * of birth registration (001-096), digit 4 century and sex (0/1 = born
 * 1900-1999 male/female, 2/3 = 2000-2099, 4/5 = 2100-2199, ...), digits
 * 5-6 the last two digits of the birth year, then six random digits.
 */
#ifndef VITRE_CHILD_H
#define VITRE_CHILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "http/form.h"

/* Longest texts, in characters; buffers hold 4 bytes per character. */
#define CHILD_NAME_MAX		100
#define CHILD_ADDRESS_MAX	300
#define CHILD_LEARNER_MAX	20
#define CHILD_PHONE_MAX		20
#define CHILD_NOTE_MAX		500
#define CHILD_TEXT(n)		(4 * (n) + 1)
#define CHILD_GUARDIANS_MAX	4
/* The earliest birth date the register accepts. */
#define CHILD_BIRTH_MIN		"1990-01-01"

enum child_sex { CHILD_SEX_M, CHILD_SEX_F, CHILD_SEX__MAX };
enum child_household {
	CHILD_HH_NONE,		/* not poor */
	CHILD_HH_NEAR_POOR,	/* hộ cận nghèo */
	CHILD_HH_POOR,		/* hộ nghèo */
	CHILD_HH__MAX
};
enum guardian_rel {
	GUARDIAN_FATHER, GUARDIAN_MOTHER, GUARDIAN_GRANDPARENT,
	GUARDIAN_SIBLING, GUARDIAN_RELATIVE, GUARDIAN_GUARDIAN,
	GUARDIAN_OTHER, GUARDIAN__MAX
};

/* A code stored in the database with its names, for every enum here. */
struct reg_code {
	const char	*code;
	const char	*vi;
	const char	*en;
};
extern const struct reg_code child_sexes[CHILD_SEX__MAX];
extern const struct reg_code child_households[CHILD_HH__MAX];
extern const struct reg_code guardian_rels[GUARDIAN__MAX];
/* Index of code in table[n], or -1. */
int	reg_code_find(const struct reg_code *table, int n, const char *code);

struct child {
	int64_t			 id;		/* 0 = not stored yet */
	char			 full_name[CHILD_TEXT(CHILD_NAME_MAX)];
	char			 name_key[CHILD_TEXT(CHILD_NAME_MAX)];
	enum child_sex		 sex;
	char			 birth_date[11];
	char			 ethnicity[3];		/* "" = not recorded */
	char			 personal_id[13];	/* "" = none */
	char			 learner_code[CHILD_TEXT(CHILD_LEARNER_MAX)];
	char			 address[CHILD_TEXT(CHILD_ADDRESS_MAX)];
	enum child_household	 household;
	int64_t			 school_id;	/* latest enrolment's school */
	bool			 demo;
};

/* The fields as received; NULL or "" = absent. */
struct child_raw {
	const char	*full_name;	/* required */
	const char	*sex;		/* "m" / "f" (also "nam" / "nữ") */
	const char	*birth_date;	/* required, YYYY-MM-DD */
	const char	*ethnicity;	/* code or name, optional */
	const char	*personal_id;	/* optional */
	const char	*learner_code;	/* optional */
	const char	*address;
	const char	*household;	/* "none" (default), "near_poor", "poor" */
};

extern const struct field child_f_full_name, child_f_sex, child_f_birth_date,
	child_f_ethnicity, child_f_personal_id, child_f_learner_code,
	child_f_address, child_f_household;

/*
 * Check a child's fields against today ("YYYY-MM-DD") and fill out (id,
 * school_id and demo are left as they were).  true when every field is
 * good; otherwise false with each problem in errs.
 */
bool	child_check(const struct child_raw *, const char *today,
	    struct child *out, struct form_errors *);

/* What is wrong with a personal ID number. */
enum pid_problem {
	PID_OK,
	PID_LENGTH,		/* not exactly 12 digits */
	PID_PROVINCE,		/* digits 1-3 not 001-096 */
	PID_CENTURY_SEX,	/* digit 4 does not fit the sex and birth year */
	PID_YEAR		/* digits 5-6 are not the birth year's */
};
/*
 * Check a personal ID number against the child's sex and birth year (sex
 * CHILD_SEX__MAX or year 0 when unknown: those checks are skipped).
 */
enum pid_problem child_pid_problem(const char *pid, enum child_sex,
	    int birth_year);
/* The century/sex digit for a child: '0'..'9'. */
char	child_pid_digit(enum child_sex, int birth_year);
/*
 * Check a personal ID number, adding a message naming f to errs.  raw may
 * hold spaces, which are removed; out (13 bytes) gets the 12 digits.
 */
bool	child_pid_valid(struct form_errors *, const struct field *f,
	    const char *raw, enum child_sex, int birth_year, char out[13]);

/* Whole years of age on date of a child born on birth (both valid). */
int	child_age_on(const char *birth, const char *date);

/* A parent or guardian. */
struct guardian {
	int64_t			 id;		/* 0 = not stored yet */
	int			 seq;		/* 1, 2, ... order shown */
	char			 full_name[CHILD_TEXT(CHILD_NAME_MAX)];
	enum guardian_rel	 relation;
	char			 phone[CHILD_TEXT(CHILD_PHONE_MAX)];
	char			 address[CHILD_TEXT(CHILD_ADDRESS_MAX)];
};

struct guardian_raw {
	const char	*full_name;
	const char	*relation;	/* code of guardian_rels */
	const char	*phone;		/* optional; 0xxxxxxxxx or +84... */
	const char	*address;	/* optional */
};

/* The form fields of guardian slot k (0 .. CHILD_GUARDIANS_MAX - 1):
 * g1_name, g1_relation, g1_phone, g1_address, ... */
struct guardian_fields {
	struct field	 name, relation, phone, address;
};
extern const struct guardian_fields guardian_f[CHILD_GUARDIANS_MAX];

/*
 * Check the guardian slots in raw[0..n): a slot with every field empty is
 * skipped; the others need a name and a relation.  Fills out[] (seq 1, 2,
 * ... in order) and *nout.  false with messages in errs if any is bad.
 */
bool	guardian_check(const struct guardian_raw *raw, size_t n,
	    struct guardian *out, size_t *nout, struct form_errors *);

#endif
