/*
 * demo.h -- the demonstration database: the units and plans of the five
 * seed documents, synthetic schools and values marked as demo data, and
 * one user per role.
 */
#ifndef VITRE_DEMO_H
#define VITRE_DEMO_H

#include <stdio.h>

#include "core/buf.h"
#include "core/err.h"

struct db;
struct casekey;

/* The password of every demo user (printed at start). */
#define DEMO_PASSWORD "vitre-demo"

/* Create the demo database in a file that does not exist yet. */
int	demo_create(const char *path, struct buf *errmsg);
/* Add the demo protection cases, sealed with key (demo_cases.c). */
enum err	demo_cases(struct db *, const struct casekey *, struct buf *errmsg);
/* Print the demo users and their password. */
void	demo_print_logins(struct db *, FILE *);

#endif
