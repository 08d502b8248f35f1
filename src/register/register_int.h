/*
 * register_int.h -- what the register's HTTP files share (private to
 * src/register/): small HTML pieces and the record and form pages.  The
 * scope and role checks are in register_access.h (growth monitoring uses
 * them too).
 */
#ifndef VITRE_REGISTER_INT_H
#define VITRE_REGISTER_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "http/form.h"
#include "http/req.h"
#include "indicators/period.h"
#include "register/child.h"
#include "register/register_access.h"
#include "register/register_db.h"
#include "units/unit.h"

struct req;

/* The name of a code in the request's language. */
const char *reg_name(const struct req *, const struct reg_code *);
const char *reg_unit_name(const struct req *, const struct unit *);
/* A <select name=name> of table[0..n) with selected (-1 none); blank adds
 * an empty first option labelled blank. */
void	reg_select(struct req *, const char *name, const struct reg_code *t,
	    int n, int selected, const char *blank);
/* The message for field name, if any, as a <small>. */
void	reg_field_error(struct req *, const struct form_errors *,
	    const char *name);
/* Answer 400 with the messages and a link back to back. */
void	reg_errors_page(struct req *, const struct form_errors *,
	    const char *back);
/* Answer the failure e of a register operation (409 names the cause). */
void	reg_fail(struct req *, enum err e);

/* Everything the record page of a child shows (child_html.c). */
struct child_page {
	const struct reg_child	*rc;
	struct guardian		*g;
	size_t			 ng;
	struct enrolment_row	*er;		/* newest first */
	size_t			 ner;
	struct enrol_event	*ev;
	size_t			 nev;
	struct disability	 dis;
	bool			 has_dis;
	struct circumstance	*circ;
	size_t			 ncirc;
	struct consent		*cons;
	size_t			 ncons;
	const char		*flash;
};
void	child_record_html(struct req *, const struct child_page *);

/* The add / edit form of a child (child_form_html.c). */
struct child_form {
	bool			 is_new;
	int64_t			 child_id;	/* edit */
	const struct reg_school	*s;		/* new: the school and year */
	const struct kvlist	*vals;		/* field name -> value shown */
	const struct form_errors *errs;
};
void	child_form_html(struct req *, const struct child_form *, int status);

#endif
