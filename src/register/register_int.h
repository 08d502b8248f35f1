/*
 * register_int.h -- what the register's HTTP files share (private to
 * src/register/): loading a school or a child with the scope and role
 * checks, who may see the sensitive fields, and small HTML pieces.
 */
#ifndef VITRE_REGISTER_INT_H
#define VITRE_REGISTER_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "http/form.h"
#include "http/req.h"
#include "indicators/period.h"
#include "register/child.h"
#include "register/register_db.h"
#include "units/unit.h"

struct req;

/* A school and one of its school years, as a register page uses them. */
struct reg_school {
	const struct unit_tree	*t;	/* released by reg_school_release() */
	const struct unit	*u;
	struct period		 year;	/* id 0 = none */
};

/*
 * Load school unit_id for the request: the tree, the scope check (403 /
 * 404), that it is a school (400), and the year ?year= (a code; default:
 * the newest with enrolments, else the current school year).  false when
 * an answer was sent; release s in every case.
 */
bool	reg_school_load(struct req *, int64_t unit_id, const char *year,
	    struct reg_school *s);
void	reg_school_release(struct req *, struct reg_school *s);
/* The current school year (the newest that has started). */
bool	reg_current_year(struct req *, struct period *out);

/* What the signed-in user may do with one child. */
struct reg_child {
	const struct unit_tree	*t;
	struct child		 c;
	bool			 current;	/* the child's school is in scope */
	bool			 sensitive;	/* may see ethnicity, health ... */
	bool			 edit;		/* may change the record */
};
/*
 * Load child id and decide: in scope through the current school or only
 * through a past enrolment (history, no sensitive fields); a teacher sees
 * sensitive fields and edits only for the class the child is in now.
 * want_edit: answer 403 unless edit.  false when an answer was sent.
 */
bool	reg_child_load(struct req *, int64_t id, bool want_edit,
	    struct reg_child *);
void	reg_child_release(struct req *, struct reg_child *);

/* May the user add or change children of class cls at the school? */
bool	reg_may_edit_class(struct req *, int64_t unit_id, int64_t period_id,
	    const char *cls);

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
