/*
 * chart_svg.c -- the trend chart; see chart_svg.h.
 *
 * Geometry is written with buf_printf and numbers only; every piece of
 * text goes through html_text / html_fmt, which escape it for XML too.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "dashboard/chart_svg.h"
#include "render/html.h"

#define ML 48.0		/* margins: room for the axis labels */
#define MR 12.0
#define MT 12.0
#define MB 24.0

#define C_GRID "#e5e7eb"
#define C_TEXT "#4b5563"
#define C_ACTUAL "#1f6f8b"
#define C_PLAN "#6b7280"
#define C_MARK "#b7791f"

struct frame {
	double	 x0, x1, y0, y1;	/* data domain */
	double	 ystep;
	int	 ydec;
};

/* 1, 2 or 5 times a power of ten, at least raw. */
static double
nice_step(double raw)
{
	double e = pow(10, floor(log10(raw))), f = raw / e;

	if (f <= 1)
		return e;
	if (f <= 2)
		return 2 * e;
	if (f <= 5)
		return 5 * e;
	return 10 * e;
}

static void
extend(struct frame *f, const struct chart_point *p, size_t n, bool *any)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!isfinite(p[i].x) || !isfinite(p[i].y))
			continue;
		if (!*any) {
			f->x0 = f->x1 = p[i].x;
			f->y0 = f->y1 = p[i].y;
			*any = true;
			continue;
		}
		f->x0 = fmin(f->x0, p[i].x);
		f->x1 = fmax(f->x1, p[i].x);
		f->y0 = fmin(f->y0, p[i].y);
		f->y1 = fmax(f->y1, p[i].y);
	}
}

static bool
make_frame(const struct chart_spec *s, struct frame *f)
{
	bool any = false;
	double span, lo, hi;

	memset(f, 0, sizeof(*f));
	extend(f, s->actual, s->nactual, &any);
	extend(f, s->plan, s->nplan, &any);
	extend(f, s->marks, s->nmarks, &any);
	if (!any)
		return false;
	lo = f->y0;
	hi = f->y1;
	f->x0 -= 0.4;
	f->x1 += 0.4;
	span = f->y1 - f->y0;
	if (span < 1e-9)
		span = fmax(fabs(f->y0) * 0.1, 1);
	f->ystep = nice_step(span / 4);
	f->y0 = floor((f->y0 - span * 0.05) / f->ystep) * f->ystep;
	f->y1 = ceil((f->y1 + span * 0.05) / f->ystep) * f->ystep;
	/* A rate does not go below 0, nor a percentage above 100, unless the
	 * data do (100 and 0 are multiples of every step). */
	if (lo >= 0 && f->y0 < 0)
		f->y0 = 0;
	if (s->unit == NUMFMT_PERCENT && hi <= 100 && f->y1 > 100)
		f->y1 = 100;
	if (f->y1 - f->y0 < f->ystep)
		f->y1 = f->y0 + f->ystep;
	f->ydec = f->ystep >= 1 ? 0 : f->ystep >= 0.1 ? 1 :
	    f->ystep >= 0.01 ? 2 : 3;
	return true;
}

static double
px(const struct frame *f, double x)
{
	return ML + (x - f->x0) / (f->x1 - f->x0) * (CHART_W - ML - MR);
}

static double
py(const struct frame *f, double y)
{
	return CHART_H - MB - (y - f->y0) / (f->y1 - f->y0) *
	    (CHART_H - MT - MB);
}

static void
axes(struct buf *b, const struct chart_spec *s, const struct frame *f)
{
	char num[NUMFMT_MAX];
	double y;
	int yr, y0 = (int)ceil(f->x0), y1 = (int)floor(f->x1), step = 1;

	buf_printf(b, "<g stroke=\"%s\" stroke-width=\"1\">", C_GRID);
	for (y = f->y0; y <= f->y1 + f->ystep / 2; y += f->ystep)
		buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\"/>", ML, py(f, y), CHART_W - MR, py(f, y));
	html_lit(b, "</g>");
	buf_printf(b, "<g fill=\"%s\" font-size=\"10\" "
	    "font-family=\"sans-serif\">", C_TEXT);
	for (y = f->y0; y <= f->y1 + f->ystep / 2; y += f->ystep) {
		numfmt_dec(num, fabs(y) < f->ystep / 1e6 ? 0 : y, f->ydec,
		    s->lang);
		buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"end\">", ML - 4, py(f, y) + 3.5);
		html_text(b, num);
		if (s->unit == NUMFMT_PERCENT)
			html_lit(b, " %");
		else if (s->unit == NUMFMT_PER1000)
			html_lit(b, " ‰");
		html_lit(b, "</text>");
	}
	while ((y1 - y0) / step > 6)
		step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
	for (yr = y0; yr <= y1; yr += step)
		buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"middle\">%d</text>", px(f, yr),
		    CHART_H - MB + 14, yr);
	html_lit(b, "</g>");
}

static void
polyline(struct buf *b, const struct frame *f, const struct chart_point *p,
    size_t n, const char *color, bool dashed, double width,
    const char *title)
{
	size_t i;

	if (n < 2)
		return;
	buf_printf(b, "<polyline fill=\"none\" stroke=\"%s\" "
	    "stroke-width=\"%.1f\"%s points=\"", color, width,
	    dashed ? " stroke-dasharray=\"5 4\"" : "");
	for (i = 0; i < n; i++)
		buf_printf(b, "%s%.1f,%.1f", i ? " " : "", px(f, p[i].x),
		    py(f, p[i].y));
	html_lit(b, "\">");
	if (title != NULL)
		html_fmt(b, "<title>%s</title>", title);
	html_lit(b, "</polyline>");
}

void
chart_svg(struct buf *b, const struct chart_spec *s)
{
	struct frame f;
	size_t i;

	buf_printf(b, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" "
	    "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">", CHART_W,
	    CHART_H);
	html_fmt(b, "<title>%s</title>", s->title);
	if (!make_frame(s, &f)) {
		buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
		    "fill=\"%s\" font-size=\"12\" font-family=\"sans-serif\">",
		    CHART_W / 2, CHART_H / 2, C_TEXT);
		html_text(b, s->lang ? "No data yet" : "Chưa có số liệu");
		html_lit(b, "</text></svg>");
		return;
	}
	axes(b, s, &f);
	polyline(b, &f, s->plan, s->nplan, C_PLAN, true, 1.5, s->plan_label);
	for (i = 0; i < s->nmarks; i++) {
		double x = px(&f, s->marks[i].x), y = py(&f, s->marks[i].y);

		buf_printf(b, "<path d=\"M%.1f,%.1fL%.1f,%.1fL%.1f,%.1fL%.1f,"
		    "%.1fZ\" fill=\"%s\">", x, y - 5, x + 5, y, x, y + 5, x - 5,
		    y, C_MARK);
		if (s->marks[i].label != NULL)
			html_fmt(b, "<title>%s</title>", s->marks[i].label);
		html_lit(b, "</path>");
	}
	polyline(b, &f, s->actual, s->nactual, C_ACTUAL, false, 2, NULL);
	for (i = 0; i < s->nactual; i++) {
		buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" "
		    "fill=\"%s\">", px(&f, s->actual[i].x),
		    py(&f, s->actual[i].y), C_ACTUAL);
		if (s->actual[i].label != NULL)
			html_fmt(b, "<title>%s</title>", s->actual[i].label);
		html_lit(b, "</circle>");
	}
	html_lit(b, "</svg>");
}
