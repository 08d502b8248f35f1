/*
 * ethnicity.h -- the 54 ethnic groups of Viet Nam with their statistical
 * codes (Danh mục dân tộc Việt Nam, QĐ 1019/QĐ-TCTK of 12/11/2008 of the
 * General Statistics Office): "01" Kinh ... "54" Ơ Đu.  Statistics split
 * children into Kinh and ethnic minorities (every other code).
 *
 * Ethnicity is sensitive personal data (Decree 13/2023, Law 91/2025).
 */
#ifndef VITRE_ETHNICITY_H
#define VITRE_ETHNICITY_H

#include <stdbool.h>

#define ETHNICITY_COUNT	54
#define ETHNICITY_KINH	"01"

struct ethnicity {
	const char	*code;		/* "01".."54" */
	const char	*name;		/* Vietnamese name, e.g. "Tày" */
};

extern const struct ethnicity ethnicities[ETHNICITY_COUNT];

/* The group of a code ("01"), or NULL. */
const struct ethnicity *ethnicity_find(const char *code);
/*
 * Read a code or a name as lists write it: "1", "01", "Kinh", "kinh",
 * "Khơ me", "Khmer" (names compared folded, without spaces and hyphens).
 * On success writes the two-digit code into out and returns true.
 */
bool	ethnicity_parse(const char *raw, char out[3]);
/* Is the code a minority (any group but Kinh)? */
bool	ethnicity_is_minority(const char *code);

#endif
