/*
 * plan_compare.c -- is a child plan's target weaker than its parent's?
 *
 * A school or district plan localises the targets of the plan above it
 * (the programme it implements, or a plan of its basis chain); BRIEF.md
 * asks that a child target not be weaker than the parent's for the same
 * indicator and year, and that vitre say so when it is.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "plans/plan.h"

/* Values closer than this are equal (they are rates with few decimals). */
#define EPS 1e-9

/* A milestone read as a bound in the good direction. */
struct bound {
	bool	 any;		/* false: no bound that way */
	double	 v;
	bool	 strict;
};

static struct bound
bound_of(enum plan_cmp cmp, double v, enum plan_dir dir)
{
	struct bound b = { true, v, false };

	switch (cmp) {
	case PLAN_CMP_EQ:
		break;
	case PLAN_CMP_GE:
	case PLAN_CMP_LE:
		b.any = (cmp == PLAN_CMP_GE) == (dir == PLAN_DIR_UP);
		break;
	case PLAN_CMP_GT:
	case PLAN_CMP_LT:
		b.any = (cmp == PLAN_CMP_GT) == (dir == PLAN_DIR_UP);
		b.strict = true;
		break;
	default:
		b.any = false;
		break;
	}
	return b;
}

bool
plan_target_weaker(enum plan_cmp child_cmp, double child_v,
    enum plan_cmp parent_cmp, double parent_v, enum plan_dir dir)
{
	struct bound c = bound_of(child_cmp, child_v, dir);
	struct bound p = bound_of(parent_cmp, parent_v, dir);

	if (!p.any)
		return false;
	if (!c.any)
		return true;
	if (fabs(c.v - p.v) <= EPS)
		return p.strict && !c.strict;
	return dir == PLAN_DIR_UP ? c.v < p.v : c.v > p.v;
}

size_t
plan_compare(const struct plan *child, const struct plan *parent,
    const struct plan_catalogue *cat, struct plan_weak **out)
{
	struct plan_weak *v = NULL;
	size_t n = 0, t, m, pt, pm;

	for (t = 0; t < child->ntargets; t++) {
		const struct plan_target *ct = &child->targets[t];
		const struct plan_indicator *ind =
		    plan_catalogue_find(cat, ct->indicator);

		if (ind == NULL)
			continue;
		for (pt = 0; pt < parent->ntargets; pt++) {
			const struct plan_target *ptg = &parent->targets[pt];

			if (strcmp(ptg->indicator, ct->indicator) != 0)
				continue;
			for (m = 0; m < ct->nms; m++)
				for (pm = 0; pm < ptg->nms; pm++) {
					if (ptg->ms[pm].year != ct->ms[m].year ||
					    !plan_target_weaker(ct->ms[m].cmp,
					    ct->ms[m].value, ptg->ms[pm].cmp,
					    ptg->ms[pm].value, ind->dir))
						continue;
					v = xrealloc(v, (n + 1) * sizeof(*v));
					v[n].t = t;
					v[n].m = m;
					v[n].pt = pt;
					v[n].pm = pm;
					n++;
				}
		}
	}
	*out = v;
	return n;
}
