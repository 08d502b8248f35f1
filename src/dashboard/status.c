/*
 * status.c -- target status and gap; see status.h for the rules.
 */
#include <math.h>
#include <string.h>

#include "dashboard/status.h"

static const struct {
	const char	*code;
	const char	*sign;
} cmps[CMP__MAX] = {
	[CMP_GE] = { ">=", "≥" },
	[CMP_GT] = { ">", ">" },
	[CMP_LE] = { "<=", "≤" },
	[CMP_LT] = { "<", "<" },
	[CMP_EQ] = { "=", "=" },
};

/* a == b within DASH_EPS relative to the larger magnitude (at least 1). */
static bool
near(double a, double b)
{
	double m = fmax(1.0, fmax(fabs(a), fabs(b)));

	return fabs(a - b) <= DASH_EPS * m;
}

bool
dash_cmp_met(enum dash_cmp c, double a, double v)
{
	switch (c) {
	case CMP_GE:
		return a > v || near(a, v);
	case CMP_GT:
		return a > v && !near(a, v);
	case CMP_LE:
		return a < v || near(a, v);
	case CMP_LT:
		return a < v && !near(a, v);
	case CMP_EQ:
		return near(a, v);
	default:
		return false;
	}
}

bool
dash_cmp_parse(const char *s, enum dash_cmp *out)
{
	int i;

	for (i = 0; i < CMP__MAX; i++)
		if (strcmp(s, cmps[i].code) == 0) {
			*out = (enum dash_cmp)i;
			return true;
		}
	return false;
}

const char *
dash_cmp_code(enum dash_cmp c)
{
	return (unsigned)c < CMP__MAX ? cmps[c].code : "?";
}

const char *
dash_cmp_sign(enum dash_cmp c)
{
	return (unsigned)c < CMP__MAX ? cmps[c].sign : "?";
}

bool
dash_better(enum dash_dir d, double a, double b)
{
	if (near(a, b))
		return false;
	return d == DIR_UP ? a > b : a < b;
}

double
dash_gap(enum dash_cmp c, enum dash_dir d, double v, double a)
{
	switch (c) {
	case CMP_GE:
	case CMP_GT:
		return v - a;
	case CMP_LE:
	case CMP_LT:
		return a - v;
	default:
		return d == DIR_UP ? v - a : a - v;
	}
}

void
dash_status_eval(const struct status_input *in, struct status_result *out)
{
	const struct dash_milestone *m = NULL;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->status = TS_NO_DATA;
	for (i = 0; i < in->nms; i++)
		if (in->ms[i].year >= in->actual_year || i + 1 == in->nms) {
			m = &in->ms[i];
			break;
		}
	out->next = m;
	if (in->has_baseline) {
		out->has_start = true;
		out->start = in->baseline;
		out->start_year = in->baseline_year;
	} else if (in->has_first) {
		out->has_start = true;
		out->start = in->first;
		out->start_year = in->first_year;
	}
	if (!in->has_actual || m == NULL)
		return;
	out->has_gap = true;
	out->gap = dash_gap(m->cmp, in->dir, m->value, in->actual);
	if (dash_cmp_met(m->cmp, in->actual, m->value)) {
		out->status = TS_ACHIEVED;
		return;
	}
	if (m->year < in->actual_year) {
		out->status = TS_OFF_TRACK;
		return;
	}
	if (!out->has_start) {
		/* Cannot happen when has_actual (first is then set), but a
		 * caller may pass neither: judge against the milestone only. */
		out->status = TS_OFF_TRACK;
		return;
	}
	out->has_line = true;
	if (m->year <= out->start_year)
		out->line = m->value;
	else {
		double f = (double)(in->actual_year - out->start_year) /
		    (double)(m->year - out->start_year);

		if (f < 0)
			f = 0;
		if (f > 1)
			f = 1;
		out->line = out->start + f * (m->value - out->start);
	}
	if (!dash_better(in->dir, out->line, in->actual))
		out->status = TS_ON_TRACK;
	else if (dash_better(in->dir, in->actual, out->start))
		out->status = TS_AT_RISK;
	else
		out->status = TS_OFF_TRACK;
}
