/*
 * growth_chart.c -- the growth chart; see growth_chart.h.
 *
 * Geometry is written with buf_printf and numbers only; every piece of
 * text goes through html_text / html_fmt, which escape it for XML too.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "growth/growth_chart.h"
#include "render/html.h"
#include "render/numfmt.h"

#define W	640.0
#define H	380.0
#define ML	48.0		/* margins: room for the labels */
#define MR	34.0
#define MT	14.0
#define MB	42.0
#define DAYS_PER_MONTH	30.4375

#define C_TEXT	"#4b5563"
#define C_GRID	"#e5e7eb"
#define C_CHILD	"#1f6f8b"

const double growth_chart_z[GC_NCURVES] = { -3, -2, 0, 2, 3 };
static const char *const curve_colour[GC_NCURVES] = { "#b42318", "#b7791f",
	"#1e7b34", "#b7791f", "#b42318" };
static const char *const curve_label[GC_NCURVES] = { "-3", "-2", "0", "+2",
	"+3" };

enum who_table_id
growth_chart_table(enum growth_chart_kind k, enum growth_chart_range g)
{
	static const enum who_table_id t[GC_RANGE__MAX][GC__MAX] = {
		[GC_0_5] = { WHO_WEI, WHO_LEN, WHO_BMI },
		[GC_5_19] = { WHO_WFA07, WHO_HFA07, WHO_BFA07 },
	};

	return t[g][k];
}

void
growth_chart_span(enum growth_chart_kind k, enum growth_chart_range g,
    double *from, double *to)
{
	*from = g == GC_0_5 ? 0 : 60;
	*to = g == GC_0_5 ? 60 : k == GC_WEIGHT ? 120 : 228;
}

/* The z-score shown with a point. */
static enum zs_ind
chart_z(enum growth_chart_kind k, enum growth_chart_range g)
{
	static const enum zs_ind z[GC_RANGE__MAX][GC__MAX] = {
		[GC_0_5] = { ZS_WEI, ZS_LEN, ZS_BMI },
		[GC_5_19] = { ZS_WFA, ZS_HFA, ZS_BFA },
	};

	return z[g][k];
}

/* The length or height as the z-score module used it (zscore.c). */
static double
used_lenhei(const struct growth_meas *m)
{
	double months = m->age_days / DAYS_PER_MONTH;

	if (isnan(m->lenhei) || !growth_under5(m->age_days))
		return m->lenhei;
	if (m->measure == ZS_STANDING && months >= 9 && m->age_days < 731)
		return m->lenhei + 0.7;
	if (m->measure == ZS_LYING && m->age_days >= 731)
		return m->lenhei - 0.7;
	return m->lenhei;
}

double
growth_chart_value(const struct growth_meas *m, enum growth_chart_kind k)
{
	double c;

	switch (k) {
	case GC_WEIGHT:
		return m->weight;
	case GC_LENHEI:
		return used_lenhei(m);
	default:
		c = used_lenhei(m);
		if (isnan(c) || isnan(m->weight) || c <= 0)
			return NAN;
		return m->weight / ((c / 100) * (c / 100));
	}
}

static bool
in_range(const struct growth_meas *m, enum growth_chart_range g)
{
	double months = m->age_days / DAYS_PER_MONTH;

	if (g == GC_0_5)
		return growth_under5(m->age_days);
	return !growth_under5(m->age_days) && months <= 228;
}

bool
growth_chart_range_used(enum growth_chart_range g, const struct growth_meas *m,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (in_range(&m[i], g))
			return true;
	return false;
}

/* 1, 2 or 5 times a power of ten, at least raw. */
static double
nice_step(double raw)
{
	double e = pow(10, floor(log10(raw))), f = raw / e;

	return f <= 1 ? e : f <= 2 ? 2 * e : f <= 5 ? 5 * e : 10 * e;
}

struct frame {
	double	 x0, x1, y0, y1, ystep;
};

static double
px(const struct frame *f, double x)
{
	return ML + (x - f->x0) / (f->x1 - f->x0) * (W - ML - MR);
}

static double
py(const struct frame *f, double y)
{
	return H - MB - (y - f->y0) / (f->y1 - f->y0) * (H - MT - MB);
}

/* The x positions (months) the curves are sampled at. */
static size_t
samples(enum growth_chart_kind k, enum growth_chart_range g, double *x,
    size_t max)
{
	double from, to, step = g == GC_0_5 ? 0.5 : 1, m;
	size_t n = 0;

	growth_chart_span(k, g, &from, &to);
	for (m = from; m <= to + 1e-9 && n < max; m += step) {
		/* The step from length to height at 731 days. */
		if (g == GC_0_5 && k == GC_LENHEI && m > 24 && m - step < 24 &&
		    n + 2 < max) {
			x[n++] = 730 / DAYS_PER_MONTH;
			x[n++] = 731 / DAYS_PER_MONTH;
		}
		x[n++] = m;
	}
	return n;
}

/* The curve value at month x (the table's key is days under 5). */
static double
curve_at(enum who_table_id t, enum growth_chart_range g, enum zs_sex sex,
    double x, double z)
{
	if (g == GC_0_5)
		return zs_value_at(t, sex, floor(x * DAYS_PER_MONTH + 1e-9), z);
	return zs_value_at(t, sex, x, z);
}

static void
axes(struct buf *o, const struct frame *f, enum growth_chart_kind k,
    enum growth_chart_range g, int lang)
{
	static const char *const ylab[2][GC__MAX] = {
		{ "Cân nặng (kg)", "Chiều dài/chiều cao (cm)", "BMI (kg/m²)" },
		{ "Weight (kg)", "Length/height (cm)", "BMI (kg/m²)" },
	};
	char a[NUMFMT_MAX];
	double y, x;

	for (y = ceil(f->y0 / f->ystep) * f->ystep; y <= f->y1 + 1e-9;
	    y += f->ystep) {
		buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"" C_GRID "\"/>", ML, py(f, y), W - MR,
		    py(f, y));
		buf_printf(o, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
		    "text-anchor=\"end\" fill=\"" C_TEXT "\">", ML - 4,
		    py(f, y) + 4);
		html_text(o, numfmt_dec(a, y, 1, lang));
		html_lit(o, "</text>");
	}
	/* Months under 5 (a tick every 6, labelled every 12); years after. */
	for (x = f->x0; x <= f->x1 + 1e-9; x += g == GC_0_5 ? 6 : 12) {
		bool label = g == GC_5_19 || fmod(x, 12) == 0;

		buf_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"" C_GRID "\"/>", px(f, x), MT,
		    px(f, x), H - MB);
		if (!label)
			continue;
		buf_printf(o, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
		    "text-anchor=\"middle\" fill=\"" C_TEXT "\">%d</text>",
		    px(f, x), H - MB + 14, (int)(g == GC_0_5 ? x : x / 12));
	}
	buf_printf(o, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
	    "text-anchor=\"middle\" fill=\"" C_TEXT "\">", (ML + W - MR) / 2,
	    H - 6);
	html_text(o, g == GC_0_5 ? (lang ? "Age (months)" : "Tuổi (tháng)") :
	    (lang ? "Age (years)" : "Tuổi (năm)"));
	html_lit(o, "</text>");
	buf_printf(o, "<text x=\"12\" y=\"%.1f\" font-size=\"12\" "
	    "text-anchor=\"middle\" fill=\"" C_TEXT "\" "
	    "transform=\"rotate(-90 12 %.1f)\">", (MT + H - MB) / 2,
	    (MT + H - MB) / 2);
	html_text(o, ylab[lang ? 1 : 0][k]);
	html_lit(o, "</text>");
}

static void
child_points(struct buf *o, const struct frame *f, enum growth_chart_kind k,
    enum growth_chart_range g, const struct growth_meas *m, size_t n,
    int lang)
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX], d[NUMFMT_MAX];
	enum zs_ind zi = chart_z(k, g);
	size_t i, j, drawn = 0;
	double v;

	/* The line through the points in date order (m is oldest first
	 * from the database; any order would do for the points). */
	for (i = 0; i < n; i++) {
		if (!in_range(&m[i], g) ||
		    isnan(v = growth_chart_value(&m[i], k)))
			continue;
		if (drawn++ == 0)
			buf_puts(o, "<polyline fill=\"none\" stroke=\"" C_CHILD
			    "\" stroke-width=\"1.5\" points=\"");
		buf_printf(o, "%.1f,%.1f ", px(f, m[i].age_days /
		    DAYS_PER_MONTH), py(f, v));
	}
	if (drawn > 0)
		buf_puts(o, "\"/>");
	for (j = 0; j < n; j++) {
		const struct growth_meas *p = &m[j];
		bool flagged = p->s.flag[zi] == 1;

		if (!in_range(p, g) || isnan(v = growth_chart_value(p, k)))
			continue;
		buf_printf(o, "<circle class=\"point%s\" cx=\"%.1f\" cy=\"%.1f\" "
		    "r=\"3.5\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\">",
		    flagged ? " flagged" : "", px(f, p->age_days /
		    DAYS_PER_MONTH), py(f, v), flagged ? "#ffffff" : C_CHILD,
		    flagged ? "#b42318" : C_CHILD);
		html_fmt(o, "<title>%s: %s", numfmt_date(a, p->measured_on),
		    numfmt_dec(b, v, 1, lang));
		if (!isnan(p->s.z[zi]))
			html_fmt(o, " (z = %s%s)", numfmt_dec(d, p->s.z[zi], 2,
			    lang), flagged ? (lang ? ", implausible" :
			    ", bất thường") : "");
		html_lit(o, "</title></circle>");
	}
}

void
growth_chart_svg(struct buf *o, enum growth_chart_kind k,
    enum growth_chart_range g, enum child_sex sex,
    const struct growth_meas *m, size_t n, int lang)
{
	static const char *const title[2][GC__MAX] = {
		{ "Cân nặng theo tuổi", "Chiều dài/chiều cao theo tuổi",
		    "BMI theo tuổi" },
		{ "Weight-for-age", "Length/height-for-age", "BMI-for-age" },
	};
	enum who_table_id t = growth_chart_table(k, g);
	enum zs_sex zsex = sex == CHILD_SEX_F ? ZS_FEMALE : ZS_MALE;
	double xs[200], lo = INFINITY, hi = -INFINITY, v;
	struct frame f;
	size_t ns, i, c;

	ns = samples(k, g, xs, sizeof(xs) / sizeof(xs[0]));
	growth_chart_span(k, g, &f.x0, &f.x1);
	for (i = 0; i < ns; i++) {
		lo = fmin(lo, curve_at(t, g, zsex, xs[i], -3));
		hi = fmax(hi, curve_at(t, g, zsex, xs[i], 3));
	}
	for (i = 0; i < n; i++)
		if (in_range(&m[i], g) &&
		    !isnan(v = growth_chart_value(&m[i], k))) {
			lo = fmin(lo, v);
			hi = fmax(hi, v);
		}
	f.ystep = nice_step((hi - lo) / 8);
	f.y0 = floor(lo / f.ystep) * f.ystep;
	f.y1 = ceil(hi / f.ystep) * f.ystep;
	if (f.y1 <= f.y0)
		f.y1 = f.y0 + f.ystep;

	buf_printf(o, "<svg class=\"growth-chart\" viewBox=\"0 0 %.0f %.0f\" "
	    "role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">", W, H);
	html_fmt(o, "<title>%s (%s, %s)</title>", title[lang ? 1 : 0][k],
	    sex == CHILD_SEX_F ? (lang ? "girl" : "nữ") :
	    (lang ? "boy" : "nam"), g == GC_0_5 ? (lang ? "0-5 years" :
	    "0-5 tuổi") : (lang ? "5-19 years" : "5-19 tuổi"));
	axes(o, &f, k, g, lang);
	for (c = 0; c < GC_NCURVES; c++) {
		double last = NAN;

		buf_printf(o, "<polyline class=\"sd\" fill=\"none\" "
		    "stroke=\"%s\" stroke-width=\"%s\" points=\"",
		    curve_colour[c], growth_chart_z[c] == 0 ? "2" : "1.2");
		for (i = 0; i < ns; i++) {
			v = curve_at(t, g, zsex, xs[i], growth_chart_z[c]);
			if (isnan(v))
				continue;
			buf_printf(o, "%.1f,%.1f ", px(&f, xs[i]), py(&f, v));
			last = v;
		}
		buf_puts(o, "\"/>");
		if (!isnan(last))
			buf_printf(o, "<text x=\"%.1f\" y=\"%.1f\" "
			    "font-size=\"11\" fill=\"%s\">%s</text>",
			    W - MR + 4, py(&f, last) + 4, curve_colour[c],
			    curve_label[c]);
	}
	child_points(o, &f, k, g, m, n, lang);
	html_lit(o, "</svg>");
}
