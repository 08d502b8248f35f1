/*
 * growth_chart.h -- a child's growth chart drawn as SVG on the server: the
 * WHO curves at -3, -2, 0, +2 and +3 SD for the child's sex over an age
 * range (zs_value_at()), with the child's measurements plotted on them.
 *
 * Three charts per range: weight-for-age, length/height-for-age and
 * BMI-for-age; ranges 0-5 years (WHO 2006 standards, x in months) and 5-19
 * years (WHO 2007 reference, x in years; weight-for-age stops at 10).  The
 * length/height-for-age curves under 5 step at 24 months, where WHO's
 * charts change from length lying to height standing; a child's value is
 * plotted as the z-score module used it (0.7 cm added or taken for the
 * other position).  Only presentation attributes and classes: the
 * Content-Security-Policy forbids style attributes.  All text escaped.
 */
#ifndef VITRE_GROWTH_CHART_H
#define VITRE_GROWTH_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "growth/growth.h"

enum growth_chart_kind { GC_WEIGHT, GC_LENHEI, GC_BMI, GC__MAX };
enum growth_chart_range { GC_0_5, GC_5_19, GC_RANGE__MAX };

/* The z-scores the curves are drawn at. */
#define GC_NCURVES	5
extern const double growth_chart_z[GC_NCURVES];

/* The table a chart reads. */
enum who_table_id growth_chart_table(enum growth_chart_kind,
	    enum growth_chart_range);
/* The age span of a chart, in months. */
void	growth_chart_span(enum growth_chart_kind, enum growth_chart_range,
	    double *from, double *to);
/* The value a measurement plots on a chart (NAN: not on it). */
double	growth_chart_value(const struct growth_meas *, enum growth_chart_kind);
/* Does the range hold any of the measurements? */
bool	growth_chart_range_used(enum growth_chart_range,
	    const struct growth_meas *m, size_t n);

/*
 * Append the chart as an <svg> element to out; m[0..n) are the child's
 * measurements (any order; those outside the range are left out).
 * lang 0 Vietnamese, 1 English.
 */
void	growth_chart_svg(struct buf *out, enum growth_chart_kind,
	    enum growth_chart_range, enum child_sex,
	    const struct growth_meas *m, size_t n, int lang);

#endif
