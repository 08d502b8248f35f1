/*
 * form.h -- validation of untrusted fields (forms, JSON bodies, query
 * parameters), collecting every problem so a form can be shown again with
 * a message beside each field (kcgi's kvalid, openradtool's field names).
 *
 * Each endpoint declares its fields once:
 *	static const struct field f_num = { "num_m", "Tử số (nam)",
 *	    "Numerator (male)" };
 * then validates raw strings (from req_param() or a JSON value) with the
 * valid_*() functions.  Each returns true when the value is good and
 * stores it; otherwise it adds a message naming the field to errs.
 * Handlers use only the parsed values.
 */
#ifndef VITRE_FORM_H
#define VITRE_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct req;

struct field {
	const char	*name;		/* the key in the form or JSON body */
	const char	*label_vi;
	const char	*label_en;
};

#define FORM_MAX_ERRORS 32

struct form_error {
	const struct field	*f;
	char			 vi[256];
	char			 en[256];
};

struct form_errors {
	struct form_error	 e[FORM_MAX_ERRORS];
	size_t			 n;
};

void	form_error(struct form_errors *, const struct field *,
	    const char *vi, const char *en);
/* The message for field name in the request's language, or NULL. */
const char *form_error_for(const struct req *, const struct form_errors *,
	    const char *name);

/* A whole number in [lo, hi].  Absent or empty: error if required, else
 * true with *present false. */
bool	valid_int(struct form_errors *, const struct field *, const char *raw,
	    bool required, int64_t lo, int64_t hi, int64_t *out, bool *present);
/* Text of at most maxchars characters, clean UTF-8, trimmed copy into out
 * (out must hold 4 * maxchars + 1 bytes). */
bool	valid_text(struct form_errors *, const struct field *, const char *raw,
	    bool required, size_t maxchars, char *out);
bool	valid_date(struct form_errors *, const struct field *, const char *raw,
	    bool required, char out[11]);
bool	valid_decimal(struct form_errors *, const struct field *,
	    const char *raw, bool required, double lo, double hi, double *out,
	    bool *present);
/* One of choices[] (NULL-terminated); *out is its index. */
bool	valid_choice(struct form_errors *, const struct field *,
	    const char *raw, const char *const *choices, int *out);

/* Answer 400 with every message: JSON for the API, else a list (for
 * handlers that do not show the form again). */
void	form_errors_respond(struct req *, const struct form_errors *);
/* The messages as an HTML list, for a form shown again. */
void	form_errors_html(struct req *, const struct form_errors *);

#endif
