/*
 * chart_svg.h -- a target's trend drawn as inline SVG on the server.
 *
 * The chart shows the actual values per period as a solid line with
 * points, the trajectory (baseline to milestones) as a dashed line, and a
 * diamond on each milestone, over a grid with axis labels in the reader's
 * number format (Vietnamese: decimal comma).  Every mark has a <title>
 * (a tooltip, and what a screen reader says); the whole chart has one.
 * Only presentation attributes (fill, stroke) are used: the
 * Content-Security-Policy forbids style attributes.  All text is escaped.
 */
#ifndef VITRE_CHART_SVG_H
#define VITRE_CHART_SVG_H

#include <stddef.h>

#include "core/buf.h"
#include "render/numfmt.h"

struct chart_point {
	double		 x;		/* year, fractional for half years */
	double		 y;		/* value in the indicator's unit */
	const char	*label;		/* the mark's <title>; may be NULL */
};

struct chart_spec {
	const char	*title;		/* the chart's <title> */
	const struct chart_point *actual;	/* oldest first */
	size_t		 nactual;
	const struct chart_point *plan;		/* baseline, then milestones */
	size_t		 nplan;
	const char	*plan_label;	/* title of the dashed line */
	const struct chart_point *marks;	/* milestones */
	size_t		 nmarks;
	enum numfmt_unit unit;
	int		 lang;		/* 0 Vietnamese, 1 English */
};

#define CHART_W 360
#define CHART_H 180

void	chart_svg(struct buf *, const struct chart_spec *);

#endif
