/*
 * export.h -- the register of a school for a school year as a list in the
 * template's columns (template.h), as CSV (UTF-8 with a byte order mark,
 * formula cells neutralised) or .xlsx, so an export can be edited in
 * Excel and imported again.
 *
 * Sensitive columns (ethnicity, poor household, disability, special
 * circumstances; Decree 13/2023) follow the caller's decision: left out
 * altogether (REGIO_SENS_NONE), filled for every row (REGIO_SENS_ALL), or
 * filled only for the rows of the given classes and empty for the others
 * (REGIO_SENS_CLASSES: a teacher's own classes).
 */
#ifndef VITRE_REGIO_EXPORT_H
#define VITRE_REGIO_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "indicators/period.h"

struct db;
struct unit_tree;

enum regio_format { REGIO_CSV, REGIO_XLSX };
enum regio_sens { REGIO_SENS_NONE, REGIO_SENS_ALL, REGIO_SENS_CLASSES };

struct regio_export_opts {
	int64_t			 unit_id;	/* a school */
	const struct period	*year;
	const char		*class_name;	/* NULL or "": every class */
	int			 status;	/* enum enrol_status, -1 any */
	enum regio_format	 format;
	enum regio_sens		 sens;
	char			(*classes)[84];	/* REGIO_SENS_CLASSES */
	size_t			 nclasses;
};

/* The list into out (the file's bytes); *rows gets the number of
 * children.  ERR_NOTFOUND for a unit that is not in t. */
enum err	 regio_export(struct db *, const struct unit_tree *,
		    const struct regio_export_opts *, struct buf *out,
		    size_t *rows);
/*
 * The registers of several schools (in this order) as one list, numbered
 * on; o->unit_id is not used.  progress(arg, done, n), if not NULL, is
 * told before each school.
 */
enum err	 regio_export_schools(struct db *, const struct unit_tree *,
		    const int64_t *schools, size_t n,
		    const struct regio_export_opts *o,
		    void (*progress)(void *, size_t done, size_t n), void *arg,
		    struct buf *out, size_t *rows);
/* The empty template with one example row, in either format. */
enum err	 regio_template(enum regio_format, struct buf *out);

#endif
