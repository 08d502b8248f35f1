/*
 * demo_int.h -- the parts of the demo database built in other files.
 */
#ifndef VITRE_DEMO_INT_H
#define VITRE_DEMO_INT_H

#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

struct db;

/* The fixed-seed generator of the synthetic data (xorshift64, in
 * demo_values.c): the same database comes out every time. */
struct demo_rng {
	uint64_t	s;
};
/* A number in [0, 1). */
double		demo_uniform(struct demo_rng *);

enum err	demo_unit_id(struct db *, const char *code, int64_t *id);
/* Import the embedded seed plans (plans/NNN-name.json) (demo_plans.c). */
enum err	demo_plans(struct db *, struct buf *errmsg);
/* Synthetic aggregate values for every indicator (demo_values.c). */
enum err	demo_values(struct db *, struct buf *errmsg);
/* Synthetic children in the registers of four schools, 2021-2022 to
 * 2025-2026; needs the users (demo_register.c). */
enum err	demo_register(struct db *, struct buf *errmsg);
/* Activities of four District 8 schools, 2023-2025, and the reach values
 * computed from them (demo_activities.c). */
enum err	demo_activities(struct db *, struct buf *errmsg);
/* Synthetic measurements of the register's demo children, three sessions
 * a school year, and the nutrition values computed from them; needs the
 * register (demo_growth.c). */
enum err	demo_growth(struct db *, struct buf *errmsg);

#endif
