/*
 * disability.h -- a child's disability (the model; no SQL, no HTML).
 *
 * Kind and severity as the Law on Persons with Disabilities 2010 (Art. 3)
 * classifies them, whether the child has learning needs, the education the
 * child receives (inclusive in a mainstream school, special, none) and
 * whether the child gets rehabilitation support.  The indicator "disabled
 * children with learning needs accessing special or inclusive education"
 * counts learning_needs && education != DIS_EDU_NONE.
 *
 * Disability is sensitive personal data (health).
 */
#ifndef VITRE_DISABILITY_H
#define VITRE_DISABILITY_H

#include <stdbool.h>
#include <stdint.h>

#include "http/form.h"
#include "register/child.h"

enum dis_kind {
	DIS_MOBILITY,		/* khuyết tật vận động */
	DIS_HEARING_SPEECH,	/* khuyết tật nghe, nói */
	DIS_VISION,		/* khuyết tật nhìn */
	DIS_MENTAL,		/* khuyết tật thần kinh, tâm thần */
	DIS_INTELLECTUAL,	/* khuyết tật trí tuệ */
	DIS_OTHER,		/* khuyết tật khác */
	DIS_MULTIPLE,		/* đa tật */
	DIS_KIND__MAX
};
enum dis_severity {
	DIS_MILD, DIS_SEVERE, DIS_VERY_SEVERE, DIS_SEV_UNKNOWN, DIS_SEV__MAX
};
enum dis_education {
	DIS_EDU_INCLUSIVE,	/* giáo dục hòa nhập */
	DIS_EDU_SPECIAL,	/* giáo dục chuyên biệt */
	DIS_EDU_NONE,		/* chưa được giáo dục */
	DIS_EDU__MAX
};

extern const struct reg_code dis_kinds[DIS_KIND__MAX];
extern const struct reg_code dis_severities[DIS_SEV__MAX];
extern const struct reg_code dis_educations[DIS_EDU__MAX];

struct disability {
	enum dis_kind		 kind;
	enum dis_severity	 severity;
	bool			 learning_needs;
	enum dis_education	 education;
	bool			 rehab_support;
	char			 since[11];	/* "" = unknown */
	char			 note[CHILD_TEXT(CHILD_NOTE_MAX)];
};

/* As received; kind "" or NULL = the child has no disability. */
struct disability_raw {
	const char	*kind;
	const char	*severity;	/* default unknown */
	const char	*learning_needs;/* "1"/"0", "yes"/"no", "on" */
	const char	*education;	/* required with a kind */
	const char	*rehab_support;
	const char	*since;		/* optional date */
	const char	*note;
};

extern const struct field dis_f_kind, dis_f_severity, dis_f_learning_needs,
	dis_f_education, dis_f_rehab_support, dis_f_since, dis_f_note;

/*
 * Check a disability for a child born on birth ("" if unknown) against
 * today.  *present is false when raw has no kind (no disability); then
 * the other fields must be empty too.  false with messages in errs.
 */
bool	disability_check(const struct disability_raw *, const char *birth,
	    const char *today, struct disability *out, bool *present,
	    struct form_errors *);

/* A yes/no field: "1", "yes", "on", "có", "true" / "0", "no", "không",
 * "false", "" (false).  false if it is none of these. */
bool	reg_parse_bool(const char *raw, bool *out);

#endif
