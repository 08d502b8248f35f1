/*
 * doc.c -- building and freeing a struct doc; see doc.h.  No layout
 * here: the writers are doc_pdf.c and doc_docx.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "docs/doc.h"

void
doc_set(char **dst, const char *src)
{
	free(*dst);
	*dst = xstrdup(src != NULL ? src : "");
}

void
doc_set_upper(char **dst, const char *src)
{
	struct buf b = BUF_INIT;

	str_upper_vi(src != NULL ? src : "", &b);
	doc_set(dst, b.data);
	buf_release(&b);
}

void
doc_strs_add(struct doc_strs *s, const char *v)
{
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	s->v[s->n++] = xstrdup(v != NULL ? v : "");
}

static void
strs_release(struct doc_strs *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

struct doc *
doc_new(void)
{
	struct doc *d = xcalloc(1, sizeof(*d));

	doc_set(&d->parent_body, "");
	doc_set(&d->issuer, "");
	doc_set(&d->number, "");
	doc_set(&d->place_date, "");
	doc_set(&d->type_name, "");
	doc_set(&d->title, "");
	doc_set(&d->sign.authority, "");
	doc_set(&d->sign.title, "");
	doc_set(&d->sign.name, "");
	doc_set(&d->meta_title, "");
	return d;
}

static void
block_release(struct doc_block *b)
{
	size_t i;

	for (i = 0; i < b->nruns; i++)
		free(b->runs[i].text);
	free(b->runs);
	for (i = 0; i < b->table.nrows * b->table.ncols; i++)
		free(b->table.cells[i]);
	free(b->table.cells);
	free(b->table.widths);
}

void
doc_free(struct doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	free(d->parent_body);
	free(d->issuer);
	free(d->number);
	free(d->place_date);
	free(d->type_name);
	free(d->title);
	strs_release(&d->basis);
	for (i = 0; i < d->nblocks; i++)
		block_release(&d->blocks[i]);
	free(d->blocks);
	free(d->sign.authority);
	free(d->sign.title);
	free(d->sign.name);
	strs_release(&d->recipients);
	free(d->meta_title);
	free(d);
}

struct doc_block *
doc_add_block(struct doc *d, enum doc_block_kind kind, int level)
{
	struct doc_block *b;

	d->blocks = xrealloc(d->blocks, (d->nblocks + 1) * sizeof(*d->blocks));
	b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->level = level < 0 ? 0 : level > 2 ? 2 : level;
	return b;
}

void
doc_add_run(struct doc_block *b, const char *text, unsigned style)
{
	if (text == NULL || text[0] == '\0')
		return;
	b->runs = xrealloc(b->runs, (b->nruns + 1) * sizeof(*b->runs));
	b->runs[b->nruns].text = xstrdup(text);
	b->runs[b->nruns].style = style;
	b->nruns++;
}

struct doc_block *
doc_add_text(struct doc *d, enum doc_block_kind kind, int level,
    const char *text)
{
	struct doc_block *b = doc_add_block(d, kind, level);

	doc_add_run(b, text, 0);
	return b;
}

struct doc_table *
doc_add_table(struct doc *d, size_t ncols, const double *widths,
    size_t nhead)
{
	struct doc_block *b = doc_add_block(d, DOC_TABLE, 0);
	size_t i;

	b->table.ncols = ncols;
	b->table.nhead = nhead;
	b->table.widths = xcalloc(ncols, sizeof(double));
	for (i = 0; i < ncols; i++)
		b->table.widths[i] = widths != NULL && widths[i] > 0 ?
		    widths[i] : 1.0;
	return &b->table;
}

char **
doc_table_row(struct doc_table *t)
{
	char **row;
	size_t i;

	t->cells = xrealloc(t->cells, (t->nrows + 1) * t->ncols *
	    sizeof(*t->cells));
	row = &t->cells[t->nrows * t->ncols];
	for (i = 0; i < t->ncols; i++)
		row[i] = xstrdup("");
	t->nrows++;
	return row;
}

const char *
doc_cell(const struct doc_table *t, size_t row, size_t col)
{
	if (row >= t->nrows || col >= t->ncols)
		return "";
	return t->cells[row * t->ncols + col];
}

void
doc_block_text(const struct doc_block *b, struct buf *out)
{
	size_t i;

	for (i = 0; i < b->nruns; i++)
		buf_puts(out, b->runs[i].text);
}

void
doc_file_name(const char *text, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t k = 0;
	bool dash = false;
	char c;

	if (outsz == 0)
		return;
	while (*p != '\0' && k + 1 < outsz) {
		c = 0;
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
		    *p == '-')
			c = (char)*p;
		else if (p[0] == 0xc4 && p[1] == 0x90)		/* Đ */
			c = 'D';
		else if (p[0] == 0xc4 && p[1] == 0x91)		/* đ */
			c = 'd';
		if (c == '.' && k == 0) {
			p++;	/* no hidden file, no ".." */
			continue;
		}
		if (c != 0) {
			out[k++] = c;
			dash = false;
			p += (c == 'D' || c == 'd') && *p == 0xc4 ? 2 : 1;
			continue;
		}
		if (!dash && k > 0)
			out[k++] = '-';
		dash = true;
		p++;
		while ((*p & 0xc0) == 0x80)	/* the rest of a UTF-8 char */
			p++;
	}
	while (k > 0 && out[k - 1] == '-')
		k--;
	out[k] = '\0';
	if (k == 0)
		snprintf(out, outsz, "%s", "document");
}
