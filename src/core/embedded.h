/*
 * embedded.h -- files compiled into the binary at build time (tools/embed.c):
 * database migrations ("migrations/0001_init.sql"), front-end assets
 * ("static/htmx.min.js") and demo data ("plans/000-....json").
 */
#ifndef VITRE_EMBEDDED_H
#define VITRE_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char		*name;
	const unsigned char	*data;	/* NUL-terminated; len excludes it */
	size_t			 len;
};

/* Terminated by an entry whose name is NULL; sorted by name. */
extern const struct embedded_file embedded_files[];

const struct embedded_file	*embedded_find(const char *name);

#endif
