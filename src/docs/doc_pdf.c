/*
 * doc_pdf.c -- a struct doc laid out as a PDF in the Decree 30/2020
 * format, with cairo (the PDF surface) and pango (shaping, so Vietnamese
 * diacritics come out right, line breaking and justification).
 *
 * Layout is a single pass down the page.  Every piece of text is a pango
 * layout whose lines are drawn one by one, so a paragraph or a table cell
 * breaks across pages between lines.  Tables repeat their header rows on
 * each new page; a row that would fit on a page of its own starts on a
 * new page rather than being split.  A heading keeps two lines of what
 * follows with it; the signature block is never split.  Pages from the
 * second on carry their number centred in the top margin.
 *
 * Speed (a province report has tens of thousands of table cells,
 * bench/docs_bench): cells are laid out through a cache keyed on their
 * text, width and style, since the same labels, statuses and numbers come
 * back row after row; and a table's borders are a rule under each row
 * and the column rules once per page the table runs over, not a
 * rectangle per cell.
 *
 * Units: cairo's PDF surface works in points; pango's context is set to
 * 72 dpi so a font size in points is a size in those units.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "docs/doc.h"

#define MM		(72.0 / 25.4)		/* points per millimetre */
#define PU(x)		((double)(x) / PANGO_SCALE)
#define RULE_PT		0.6			/* rule and border width */
#define CELL_PAD_X	(1.5 * MM)
#define CELL_PAD_Y	(1.2 * MM)

/* The lines of one pango layout, in its own coordinates (points). */
struct line {
	double		 top, bottom;	/* logical extent */
	double		 base;		/* baseline */
	double		 x;		/* where the line's origin is */
};

struct lines {
	PangoLayout	*l;
	struct line	*v;
	size_t		 n;
};

struct pdf {
	cairo_surface_t	*surf;
	cairo_t		*cr;
	PangoContext	*ctx;
	struct buf	*out;
	double		 left, width;	/* text area, points */
	double		 top, bottom;
	double		 y;		/* next free y on this page */
	int		 page;
	const struct doc_table *head_of;	/* the table being drawn */
	double		*colx, *colw;	/* its columns */
	size_t		 ncols;
	double		 seg_top;	/* where the table began on this page,
					 * < 0: not yet */
	GHashTable	*cells;		/* cell key -> struct lines */
};

/* Cells laid out at most, before the cache starts afresh. */
#define CELL_CACHE_MAX	8192

static cairo_status_t
write_cb(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, data, len);
	return buf_failed(closure) ? CAIRO_STATUS_WRITE_ERROR :
	    CAIRO_STATUS_SUCCESS;
}

/* A layout of text in the document font. */
static PangoLayout *
layout_in(PangoContext *ctx, const char *text, double width, double size,
    unsigned style, PangoAlignment align)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family_static(fd, DOC_FONT_FAMILY);
	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	pango_font_description_set_weight(fd, style & DOC_BOLD ?
	    PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, style & DOC_ITALIC ?
	    PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, text, -1);
	return l;
}

static PangoLayout *
layout(struct pdf *p, const char *text, double width, double size,
    unsigned style, PangoAlignment align)
{
	return layout_in(p->ctx, text, width, size, style, align);
}

/* A pango context for the document: 72 dpi, so sizes in points are
 * sizes in the PDF's units, and metrics not hinted. */
static void
context_setup(PangoContext *ctx)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	pango_cairo_context_set_resolution(ctx, 72);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
}

/* A layout of a block's runs, each in its style. */
static PangoLayout *
runs_layout(struct pdf *p, const struct doc_block *b, double width,
    double size, unsigned style)
{
	PangoAttrList *attrs = pango_attr_list_new();
	struct buf text = BUF_INIT;
	PangoLayout *l;
	PangoAttribute *a;
	size_t i, start;

	for (i = 0; i < b->nruns; i++) {
		start = text.len;
		buf_puts(&text, b->runs[i].text);
		if (b->runs[i].style & DOC_BOLD) {
			a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
			a->start_index = (guint)start;
			a->end_index = (guint)text.len;
			pango_attr_list_insert(attrs, a);
		}
		if (b->runs[i].style & DOC_ITALIC) {
			a = pango_attr_style_new(PANGO_STYLE_ITALIC);
			a->start_index = (guint)start;
			a->end_index = (guint)text.len;
			pango_attr_list_insert(attrs, a);
		}
	}
	l = layout(p, text.data, width, size, style, PANGO_ALIGN_LEFT);
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	buf_release(&text);
	return l;
}

/* A body paragraph: justified, first line indented. */
static void
paragraph_style(PangoLayout *l)
{
	pango_layout_set_justify(l, TRUE);
	pango_layout_set_indent(l, (int)(DOC_INDENT_MM * MM * PANGO_SCALE));
}

static void
lines_of(PangoLayout *l, struct lines *out)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle ink, logical, own;
	size_t i = 0;

	out->l = l;
	out->n = (size_t)pango_layout_get_line_count(l);
	out->v = xcalloc(out->n + 1, sizeof(*out->v));
	do {
		PangoLayoutLine *ln = pango_layout_iter_get_line_readonly(it);

		if (i >= out->n)
			break;
		pango_layout_iter_get_line_extents(it, &ink, &logical);
		pango_layout_line_get_extents(ln, NULL, &own);
		out->v[i].top = PU(logical.y);
		out->v[i].bottom = PU(logical.y + logical.height);
		out->v[i].base = PU(pango_layout_iter_get_baseline(it));
		out->v[i].x = PU(logical.x - own.x);
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	out->n = i;
}

static void
lines_release(struct lines *ls)
{
	if (ls->l != NULL)
		g_object_unref(ls->l);
	free(ls->v);
	memset(ls, 0, sizeof(*ls));
}

static void
cached_free(gpointer v)
{
	struct lines *ls = v;

	g_object_unref(ls->l);
	free(ls->v);
	free(ls);
}

/*
 * The lines of a table cell: from the cache, or laid out and kept there.
 * out gets its own reference and copy of the lines (lines_release() as
 * for any other).
 */
static void
cell_lines(struct pdf *p, const char *text, double width, unsigned style,
    PangoAlignment align, struct lines *out)
{
	struct buf key = BUF_INIT;
	struct lines *c;

	buf_printf(&key, "%u|%d|%.3f|%s", style, (int)align, width, text);
	if ((c = g_hash_table_lookup(p->cells, key.data)) == NULL) {
		if (g_hash_table_size(p->cells) >= CELL_CACHE_MAX)
			g_hash_table_remove_all(p->cells);
		c = xcalloc(1, sizeof(*c));
		lines_of(layout(p, text, width, DOC_PT_TABLE, style, align), c);
		g_hash_table_insert(p->cells, xstrdup(key.data), c);
	}
	out->l = g_object_ref(c->l);
	out->n = c->n;
	out->v = xcalloc(c->n + 1, sizeof(*out->v));
	memcpy(out->v, c->v, c->n * sizeof(*out->v));
	buf_release(&key);
}

/* Height of lines i0 .. i1 - 1. */
static double
span(const struct lines *ls, size_t i0, size_t i1)
{
	if (i1 <= i0)
		return 0;
	return ls->v[i1 - 1].bottom - ls->v[i0].top;
}

static double
height(const struct lines *ls)
{
	return span(ls, 0, ls->n);
}

/* Draw lines i0 .. i1 - 1 with the top of line i0 at y. */
static void
draw_lines(struct pdf *p, const struct lines *ls, double x, double y,
    size_t i0, size_t i1)
{
	size_t i;

	for (i = i0; i < i1; i++) {
		cairo_move_to(p->cr, x + ls->v[i].x,
		    y + ls->v[i].base - ls->v[i0].top);
		pango_cairo_show_layout_line(p->cr,
		    pango_layout_get_line_readonly(ls->l, (int)i));
	}
}

/* The widest line of a layout. */
static double
text_width(PangoLayout *l)
{
	PangoRectangle logical;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double w = 0;

	do {
		PangoLayoutLine *ln = pango_layout_iter_get_line_readonly(it);

		pango_layout_line_get_extents(ln, NULL, &logical);
		if (PU(logical.width) > w)
			w = PU(logical.width);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return w;
}

static void
rule(struct pdf *p, double x0, double x1, double y)
{
	cairo_set_line_width(p->cr, RULE_PT);
	cairo_move_to(p->cr, x0, y);
	cairo_line_to(p->cr, x1, y);
	cairo_stroke(p->cr);
}

/* Text centred in a column, top at y; returns the new y. */
static double
centred(struct pdf *p, const char *text, double x, double w, double y,
    double size, unsigned style, double *widest)
{
	struct lines ls;

	lines_of(layout(p, text, w, size, style, PANGO_ALIGN_CENTER), &ls);
	draw_lines(p, &ls, x, y, 0, ls.n);
	if (widest != NULL)
		*widest = text_width(ls.l);
	y += height(&ls);
	lines_release(&ls);
	return y;
}

static void
page_number(struct pdf *p)
{
	char n[16];
	struct lines ls;

	snprintf(n, sizeof(n), "%d", p->page);
	lines_of(layout(p, n, p->width, DOC_PT_PAGENO, 0, PANGO_ALIGN_CENTER),
	    &ls);
	/* Baseline DOC_PAGENO_MM from the top of the page. */
	draw_lines(p, &ls, p->left, DOC_PAGENO_MM * MM - (ls.v[0].base -
	    ls.v[0].top), 0, ls.n);
	lines_release(&ls);
}

static void table_head(struct pdf *);

static void column_rules(struct pdf *);

static void
new_page(struct pdf *p)
{
	column_rules(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = p->top;
	page_number(p);
	if (p->head_of != NULL)
		table_head(p);
}

/* Start a new page unless h more points fit on this one (or the page is
 * still empty). */
static void
need(struct pdf *p, double h)
{
	if (p->y + h > p->bottom && p->y > p->top)
		new_page(p);
}

/*
 * Flow a layout down the page at x, breaking between lines where the page
 * ends.  keep is how much must fit with the first line (to keep a heading
 * with what follows); tail how much must fit after the last line (the
 * signature block): if it does not, the last two lines go to the next
 * page with it.
 */
static void
flow(struct pdf *p, struct lines *ls, double x, double keep, double tail)
{
	size_t i0 = 0, i1;

	if (ls->n > 0)
		need(p, span(ls, 0, 1) + keep);
	while (i0 < ls->n) {
		i1 = i0;
		while (i1 < ls->n && p->y + span(ls, i0, i1 + 1) <= p->bottom)
			i1++;
		if (i1 == ls->n && tail > 0 &&
		    p->y + span(ls, i0, i1) + tail > p->bottom)
			i1 = ls->n > i0 + 2 ? ls->n - 2 : i0;
		if (i1 == i0) {
			if (p->y > p->top) {
				new_page(p);
				continue;
			}
			i1 = i0 + 1;	/* taller than a page: draw it anyway */
		}
		draw_lines(p, ls, x, p->y, i0, i1);
		p->y += span(ls, i0, i1);
		i0 = i1;
		if (i0 < ls->n)
			new_page(p);
	}
}

static void
header(struct pdf *p, const struct doc *d)
{
	double lw = p->width * DOC_HEAD_LEFT, rw = p->width - lw;
	double lx = p->left, rx = p->left + lw;
	double yl = p->top, yr = p->top, w, y;

	if (d->parent_body[0] != '\0')
		yl = centred(p, d->parent_body, lx, lw, yl, DOC_PT_ORG, 0, NULL);
	yl = centred(p, d->issuer, lx, lw, yl, DOC_PT_ORG, DOC_BOLD, &w);
	/* A line under the issuer, 2/5 of its length. */
	yl += 1.5;
	rule(p, lx + lw / 2 - w * 0.2, lx + lw / 2 + w * 0.2, yl);
	yr = centred(p, DOC_NATION, rx, rw, yr, DOC_PT_NATION, DOC_BOLD, NULL);
	yr = centred(p, DOC_MOTTO, rx, rw, yr, DOC_PT_MOTTO, DOC_BOLD, &w);
	/* A line under the motto, as long as it. */
	yr += 1.5;
	rule(p, rx + rw / 2 - w / 2, rx + rw / 2 + w / 2, yr);
	y = (yl > yr ? yl : yr) + 6;
	yl = centred(p, d->number, lx, lw, y, DOC_PT_NUMBER, 0, NULL);
	yr = centred(p, d->place_date, rx, rw, y, DOC_PT_NUMBER + 1,
	    DOC_ITALIC, NULL);
	p->y = (yl > yr ? yl : yr) + 18;
}

static void
title(struct pdf *p, const struct doc *d)
{
	double w;

	p->y = centred(p, d->type_name, p->left, p->width, p->y, DOC_PT_BODY,
	    DOC_BOLD, NULL);
	if (d->title[0] != '\0') {
		p->y = centred(p, d->title, p->left + p->width * 0.05,
		    p->width * 0.9, p->y, DOC_PT_BODY, DOC_BOLD, &w);
		/* A line under the title, a third of its length. */
		p->y += 4;
		rule(p, p->left + p->width / 2 - w / 6,
		    p->left + p->width / 2 + w / 6, p->y);
	}
	p->y += 14;
}

static void
text_block(struct pdf *p, const char *text, unsigned style)
{
	struct lines ls;
	PangoLayout *l = layout(p, text, p->width, DOC_PT_BODY, style,
	    PANGO_ALIGN_LEFT);

	paragraph_style(l);
	lines_of(l, &ls);
	flow(p, &ls, p->left, 0, 0);
	p->y += DOC_PARA_AFTER_PT;
	lines_release(&ls);
}

static void
runs_block(struct pdf *p, const struct doc_block *b, double tail)
{
	struct lines ls;
	PangoLayout *l = runs_layout(p, b, p->width, DOC_PT_BODY, 0);
	double keep = 0;

	if (b->kind == DOC_HEADING) {
		pango_layout_set_indent(l,
		    (int)(DOC_INDENT_MM * MM * PANGO_SCALE));
		keep = 2 * DOC_PT_BODY * 1.2 + DOC_PARA_AFTER_PT;
	} else
		paragraph_style(l);
	lines_of(l, &ls);
	flow(p, &ls, p->left, keep, tail);
	p->y += DOC_PARA_AFTER_PT;
	lines_release(&ls);
}

/* The cells of row r of the table, laid out in their columns. */
static void
row_lines(struct pdf *p, const struct doc_table *t, size_t r,
    struct lines *cells)
{
	bool head = r < t->nhead;
	size_t c;

	for (c = 0; c < t->ncols; c++)
		cell_lines(p, doc_cell(t, r, c), p->colw[c] - 2 * CELL_PAD_X,
		    head ? DOC_BOLD : 0, head ? PANGO_ALIGN_CENTER :
		    PANGO_ALIGN_LEFT, &cells[c]);
}

/* The rules of a row of cells, h high at y: the one under it, and the
 * one above when it is the table's first row on the page. */
static void
cell_borders(struct pdf *p, double y, double h)
{
	double x0 = p->colx[0], x1 = p->colx[p->ncols - 1] +
	    p->colw[p->ncols - 1];

	cairo_set_line_width(p->cr, RULE_PT);
	if (p->seg_top < 0) {
		p->seg_top = y;
		cairo_move_to(p->cr, x0, y);
		cairo_line_to(p->cr, x1, y);
	}
	cairo_move_to(p->cr, x0, y + h);
	cairo_line_to(p->cr, x1, y + h);
	cairo_stroke(p->cr);
}

/* The column rules of the table's part on this page, down to p->y. */
static void
column_rules(struct pdf *p)
{
	size_t c;

	if (p->colx == NULL || p->seg_top < 0)
		return;
	cairo_set_line_width(p->cr, RULE_PT);
	for (c = 0; c <= p->ncols; c++) {
		double x = c < p->ncols ? p->colx[c] : p->colx[c - 1] +
		    p->colw[c - 1];

		cairo_move_to(p->cr, x, p->seg_top);
		cairo_line_to(p->cr, x, p->y);
	}
	cairo_stroke(p->cr);
	p->seg_top = -1;
}

/*
 * Draw row r: on this page if it fits, else on a new page if it fits
 * there, else split between lines across pages.  Header rows are never
 * split and never start a new page themselves.
 */
static void
table_row(struct pdf *p, const struct doc_table *t, size_t r)
{
	struct lines *cells = xcalloc(t->ncols, sizeof(*cells));
	size_t *at = xcalloc(t->ncols, sizeof(*at));
	size_t *end = xcalloc(t->ncols, sizeof(*end));
	double full = 0, h, room;
	bool left, moved;
	size_t c;

	row_lines(p, t, r, cells);
	for (c = 0; c < t->ncols; c++)
		if (height(&cells[c]) > full)
			full = height(&cells[c]);
	full += 2 * CELL_PAD_Y;
	if (r >= t->nhead)
		need(p, full);
	for (;;) {
		room = p->bottom - p->y - 2 * CELL_PAD_Y;
		if (r < t->nhead)
			room = full;
		h = 0;
		moved = false;
		for (c = 0; c < t->ncols; c++) {
			end[c] = at[c];
			while (end[c] < cells[c].n &&
			    span(&cells[c], at[c], end[c] + 1) <= room)
				end[c]++;
			moved = moved || end[c] > at[c];
			if (span(&cells[c], at[c], end[c]) > h)
				h = span(&cells[c], at[c], end[c]);
		}
		if (!moved && p->y > p->top) {
			new_page(p);
			continue;
		}
		for (c = 0; c < t->ncols; c++) {
			if (!moved && at[c] < cells[c].n)
				end[c] = at[c] + 1;	/* taller than a page */
			draw_lines(p, &cells[c], p->colx[c] + CELL_PAD_X,
			    p->y + CELL_PAD_Y, at[c], end[c]);
			if (span(&cells[c], at[c], end[c]) > h)
				h = span(&cells[c], at[c], end[c]);
		}
		cell_borders(p, p->y, h + 2 * CELL_PAD_Y);
		p->y += h + 2 * CELL_PAD_Y;
		left = false;
		for (c = 0; c < t->ncols; c++) {
			at[c] = end[c];
			left = left || at[c] < cells[c].n;
		}
		if (!left)
			break;
		new_page(p);
	}
	for (c = 0; c < t->ncols; c++)
		lines_release(&cells[c]);
	free(cells);
	free(at);
	free(end);
}

/* The header rows of the table being drawn (on each new page). */
static void
table_head(struct pdf *p)
{
	const struct doc_table *t = p->head_of;
	size_t r;

	p->head_of = NULL;	/* no recursion from inside */
	for (r = 0; r < t->nhead && r < t->nrows; r++)
		table_row(p, t, r);
	p->head_of = t;
}

static void
table(struct pdf *p, const struct doc_table *t)
{
	double sum = 0, x = p->left;
	size_t c, r;

	if (t->ncols == 0 || t->nrows == 0)
		return;
	p->colx = xcalloc(t->ncols, sizeof(double));
	p->colw = xcalloc(t->ncols, sizeof(double));
	p->ncols = t->ncols;
	p->seg_top = -1;
	for (c = 0; c < t->ncols; c++)
		sum += t->widths[c];
	for (c = 0; c < t->ncols; c++) {
		p->colx[c] = x;
		p->colw[c] = p->width * t->widths[c] / sum;
		x += p->colw[c];
	}
	/* The header and the first row start on the same page. */
	need(p, (t->nhead + (t->nrows > t->nhead)) * (DOC_PT_TABLE * 2.4 +
	    2 * CELL_PAD_Y));
	for (r = 0; r < t->nhead && r < t->nrows; r++)
		table_row(p, t, r);
	p->head_of = t;
	for (r = t->nhead; r < t->nrows; r++)
		table_row(p, t, r);
	p->head_of = NULL;
	column_rules(p);
	free(p->colx);
	free(p->colw);
	p->colx = p->colw = NULL;
	p->y += DOC_PARA_AFTER_PT * 2;
}

/* The signature block laid out: "Nơi nhận" on the left, the signer on
 * the right; hl and hr are the heights of the two sides. */
struct sig {
	PangoLayout	*head;
	struct lines	 rc, auth, tl, name;
	double		 lw, rw;
	double		 hl, hr;
};

static void
sig_layout(struct pdf *p, const struct doc *d, struct sig *s)
{
	struct buf list = BUF_INIT;
	size_t i;

	memset(s, 0, sizeof(*s));
	s->lw = p->width * 0.45;
	s->rw = p->width - s->lw;
	if (d->recipients.n > 0) {
		for (i = 0; i < d->recipients.n; i++)
			buf_printf(&list, "%s%s", i ? "\n" : "",
			    d->recipients.v[i]);
		s->head = layout(p, DOC_RCPT_HEAD, s->lw, DOC_PT_RCPT_HEAD,
		    DOC_BOLD | DOC_ITALIC, PANGO_ALIGN_LEFT);
		lines_of(layout(p, list.data, s->lw - 4, DOC_PT_RCPT, 0,
		    PANGO_ALIGN_LEFT), &s->rc);
		s->hl = DOC_PT_RCPT_HEAD * 1.3 + height(&s->rc);
	}
	if (d->sign.authority[0] != '\0')
		lines_of(layout(p, d->sign.authority, s->rw, DOC_PT_BODY,
		    DOC_BOLD, PANGO_ALIGN_CENTER), &s->auth);
	lines_of(layout(p, d->sign.title, s->rw, DOC_PT_BODY, DOC_BOLD,
	    PANGO_ALIGN_CENTER), &s->tl);
	lines_of(layout(p, d->sign.name, s->rw, DOC_PT_BODY, DOC_BOLD,
	    PANGO_ALIGN_CENTER), &s->name);
	/* Room for the signature and the seal between title and name. */
	s->hr = height(&s->auth) + height(&s->tl) + 25 * MM +
	    height(&s->name);
	buf_release(&list);
}

static double
sig_height(const struct sig *s)
{
	return (s->hl > s->hr ? s->hl : s->hr) + 6;
}

/* Draw the block, never split: on a new page if it does not fit. */
static void
sig_draw(struct pdf *p, struct sig *s)
{
	double rx = p->left + s->lw, y, first;

	need(p, sig_height(s));
	y = p->y + 6;
	if (s->head != NULL) {
		/* "Nơi nhận:" level with the first line of the signer. */
		first = s->auth.n ? s->auth.v[0].base : s->tl.n ?
		    s->tl.v[0].base : DOC_PT_BODY;
		cairo_move_to(p->cr, p->left, y + first -
		    PU(pango_layout_get_baseline(s->head)));
		pango_cairo_show_layout(p->cr, s->head);
		draw_lines(p, &s->rc, p->left, y + DOC_PT_RCPT_HEAD * 1.3, 0,
		    s->rc.n);
	}
	draw_lines(p, &s->auth, rx, y, 0, s->auth.n);
	draw_lines(p, &s->tl, rx, y + height(&s->auth), 0, s->tl.n);
	draw_lines(p, &s->name, rx, y + s->hr - height(&s->name), 0,
	    s->name.n);
	p->y = y + sig_height(s) - 6;
}

static void
sig_release(struct sig *s)
{
	if (s->head != NULL)
		g_object_unref(s->head);
	lines_release(&s->rc);
	lines_release(&s->auth);
	lines_release(&s->tl);
	lines_release(&s->name);
}

/* The basis and the blocks; the last block keeps its last lines with the
 * signature block (tail high). */
static void
body(struct pdf *p, const struct doc *d, double tail)
{
	size_t i;

	for (i = 0; i < d->basis.n; i++)
		text_block(p, d->basis.v[i], DOC_ITALIC);
	for (i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];

		if (b->kind == DOC_TABLE)
			table(p, &b->table);
		else
			runs_block(p, b, i + 1 == d->nblocks ? tail : 0);
	}
}

enum err
doc_pdf(const struct doc *d, struct buf *out)
{
	struct sig sig;
	struct pdf p;
	enum err rc = ERR_IO;

	memset(&p, 0, sizeof(p));
	p.out = out;
	p.surf = cairo_pdf_surface_create_for_stream(write_cb, out,
	    DOC_PAGE_W_MM * MM, DOC_PAGE_H_MM * MM);
	if (cairo_surface_status(p.surf) != CAIRO_STATUS_SUCCESS)
		goto out;
	if (d->meta_title[0] != '\0')
		cairo_pdf_surface_set_metadata(p.surf,
		    CAIRO_PDF_METADATA_TITLE, d->meta_title);
	cairo_pdf_surface_set_metadata(p.surf, CAIRO_PDF_METADATA_CREATOR,
	    "vitre");
	p.cr = cairo_create(p.surf);
	p.ctx = pango_cairo_create_context(p.cr);
	context_setup(p.ctx);
	p.cells = g_hash_table_new_full(g_str_hash, g_str_equal, free,
	    cached_free);
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	p.left = DOC_MARGIN_LEFT_MM * MM;
	p.width = DOC_TEXT_W_MM * MM;
	p.top = DOC_MARGIN_TOP_MM * MM;
	p.bottom = (DOC_PAGE_H_MM - DOC_MARGIN_BOTTOM_MM) * MM;
	p.page = 1;
	header(&p, d);
	title(&p, d);
	sig_layout(&p, d, &sig);
	body(&p, d, sig_height(&sig));
	sig_draw(&p, &sig);
	sig_release(&sig);
	cairo_show_page(p.cr);
	cairo_surface_finish(p.surf);
	if (cairo_surface_status(p.surf) == CAIRO_STATUS_SUCCESS &&
	    !buf_failed(out))
		rc = ERR_OK;
out:
	if (p.cells != NULL)
		g_hash_table_destroy(p.cells);
	if (p.ctx != NULL)
		g_object_unref(p.ctx);
	if (p.cr != NULL)
		cairo_destroy(p.cr);
	cairo_surface_destroy(p.surf);
	return rc;
}

double
doc_text_width(const char *text, double size, unsigned style, double width)
{
	PangoContext *ctx = pango_font_map_create_context(
	    pango_cairo_font_map_get_default());
	PangoLayout *l;
	double w;

	context_setup(ctx);
	l = layout_in(ctx, text, width, size, style, PANGO_ALIGN_LEFT);
	w = text_width(l);
	g_object_unref(l);
	g_object_unref(ctx);
	return w;
}
