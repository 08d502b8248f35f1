/*
 * plan_doc.c -- a plan as an official document: walks the plan the way
 * the plan page does (plans/plan_html.c) and writes the same parts, in
 * Vietnamese, into a struct doc for the PDF and DOCX writers.  No SQL, no
 * HTML.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "docs/plan_doc.h"

struct bctx {
	const struct plan		*p;
	const struct plan_catalogue	*cat;
	struct doc			*d;
	bool				 placed[PLAN_NODE__MAX];
};

static void
header(struct bctx *c)
{
	const struct plan *p = c->p;
	const struct plan_doc_type *dt = plan_doc_type_find(p->doc_type);
	struct buf b = BUF_INIT;
	char date[64], ref[160];

	doc_set_upper(&c->d->parent_body, p->parent_body);
	doc_set_upper(&c->d->issuer, p->issuer);
	buf_printf(&b, "Số: %s/%s", p->number[0] ? p->number :
	    "\u2003\u2003\u2003", p->symbol[0] ? p->symbol : p->doc_type);
	doc_set(&c->d->number, b.data);
	buf_reset(&b);
	plan_date_vi(p->issued_on[0] ? p->issued_on : NULL, date, sizeof(date));
	buf_printf(&b, "%s%s%s", p->place, p->place[0] ? ", " : "", date);
	doc_set(&c->d->place_date, b.data);
	doc_set_upper(&c->d->type_name, dt ? dt->name_vi : p->doc_type);
	doc_set(&c->d->title, p->title);
	buf_reset(&b);
	plan_ref(p, ref, sizeof(ref));
	buf_printf(&b, "%s%s%s", dt ? dt->name_vi : p->doc_type,
	    ref[0] ? " " : "", ref);
	doc_set(&c->d->meta_title, b.data);
	buf_release(&b);
}

/* text without trailing ";", "." and "," and spaces, then end. */
static void
basis_line(struct doc *d, const char *text, const char *end)
{
	size_t n = strlen(text);
	struct buf b = BUF_INIT;

	while (n > 0 && strchr(";.,: ", text[n - 1]) != NULL)
		n--;
	buf_add(&b, text, n);
	buf_puts(&b, end);
	doc_strs_add(&d->basis, b.data);
	buf_release(&b);
}

/* The owner and due date of a node, as an italic note. */
static void
badges(struct doc_block *b, const struct plan_node *x)
{
	struct buf t = BUF_INIT;
	char due[32];

	if (x->owner[0] == '\0' && x->due[0] == '\0')
		return;
	buf_puts(&t, " (");
	if (x->owner[0] != '\0')
		buf_printf(&t, "Phụ trách: %s", x->owner);
	if (x->due[0] != '\0') {
		plan_due_vi(x->due, due, sizeof(due));
		buf_printf(&t, "%sthời hạn: %s", x->owner[0] ? "; " : "", due);
	}
	buf_putc(&t, ')');
	doc_add_run(b, t.data, DOC_ITALIC);
	buf_release(&t);
}

/*
 * Paragraphs from text, one per line of it: the first gets prefix (bold
 * when lead is set: a numbered heading-less section or a task's title),
 * the last the node's badges.  kind is DOC_PARA or DOC_ITEM.
 */
static void
paragraphs(struct bctx *c, enum doc_block_kind kind, const char *bullet,
    const char *lead, const char *text, const struct plan_node *x)
{
	struct doc_block *b = doc_add_block(c->d, kind, 0);
	const char *nl;
	char *line;

	doc_add_run(b, bullet, 0);
	if (lead != NULL && lead[0] != '\0') {
		doc_add_run(b, lead, DOC_BOLD);
		if (text[0] != '\0')
			doc_add_run(b, " ", 0);
	}
	while ((nl = strchr(text, '\n')) != NULL) {
		line = xstrndup(text, (size_t)(nl - text));
		doc_add_run(b, line, 0);
		free(line);
		text = nl + 1;
		b = doc_add_block(c->d, DOC_PARA, 0);
	}
	doc_add_run(b, text, 0);
	if (x != NULL)
		badges(b, x);
}

static const struct plan_indicator *
indicator(const struct bctx *c, const struct plan_target *t)
{
	return c->cat != NULL ? plan_catalogue_find(c->cat, t->indicator) :
	    NULL;
}

static void
targets_table(struct bctx *c)
{
	static const double w[] = { 1.2, 4.4, 2.5, 1.3, 1.9 };
	const struct plan *p = c->p;
	struct doc_table *t;
	struct buf b = BUF_INIT;
	char m[64], **row;
	size_t i, k;

	if (p->ntargets == 0)
		return;
	t = doc_add_table(c->d, 5, w, 1);
	row = doc_table_row(t);
	doc_set(&row[0], "Chỉ tiêu");
	doc_set(&row[1], "Nội dung");
	doc_set(&row[2], "Chỉ số");
	doc_set(&row[3], "Giá trị gốc");
	doc_set(&row[4], "Mốc");
	for (i = 0; i < p->ntargets; i++) {
		const struct plan_target *tg = &p->targets[i];
		const struct plan_indicator *ind = indicator(c, tg);
		enum plan_vunit u = ind ? ind->vunit : PLAN_VUNIT_PERCENT;

		row = doc_table_row(t);
		doc_set(&row[0], tg->label[0] ? tg->label : tg->code);
		doc_set(&row[1], tg->clause);
		doc_set(&row[2], ind ? ind->name_vi : tg->indicator);
		buf_reset(&b);
		if (tg->has_baseline) {
			plan_fmt_milestone(PLAN_CMP_EQ, tg->baseline, u, m,
			    sizeof(m));
			buf_puts(&b, m + 1);	/* without "=" */
			if (tg->baseline_year != 0)
				buf_printf(&b, " (%d)", tg->baseline_year);
		}
		doc_set(&row[3], b.data);
		buf_reset(&b);
		for (k = 0; k < tg->nms; k++) {
			plan_fmt_milestone(tg->ms[k].cmp, tg->ms[k].value, u, m,
			    sizeof(m));
			buf_printf(&b, "%s%d: %s", k ? "\n" : "", tg->ms[k].year,
			    m);
		}
		doc_set(&row[4], b.data);
	}
	buf_release(&b);
}

static void
funding_list(struct bctx *c)
{
	size_t i;

	for (i = 0; i < c->p->funding.n; i++)
		paragraphs(c, DOC_ITEM, "- ", NULL, c->p->funding.v[i], NULL);
}

/* The label of the plan's target with this code ("Chỉ tiêu 3"). */
static const char *
target_label(const struct plan *p, const char *code)
{
	size_t i;

	for (i = 0; i < p->ntargets; i++)
		if (strcmp(p->targets[i].code, code) == 0)
			return p->targets[i].label[0] ? p->targets[i].label :
			    code;
	return code;
}

static void
assignments_table(struct bctx *c)
{
	static const double w[] = { 2.6, 5.0, 2.0 };
	const struct plan *p = c->p;
	struct doc_table *t;
	struct buf b = BUF_INIT;
	char **row;
	size_t i, k;

	if (p->nassignments == 0)
		return;
	t = doc_add_table(c->d, 3, w, 1);
	row = doc_table_row(t);
	doc_set(&row[0], "Đơn vị, cá nhân thực hiện");
	doc_set(&row[1], "Nội dung");
	doc_set(&row[2], "Chỉ tiêu");
	for (i = 0; i < p->nassignments; i++) {
		const struct plan_assignment *a = &p->assignments[i];

		row = doc_table_row(t);
		doc_set(&row[0], a->who);
		doc_set(&row[1], a->what);
		buf_reset(&b);
		for (k = 0; k < a->targets.n; k++) {
			const char *l = target_label(p, a->targets.v[k]);
			size_t j;
			bool seen = false;

			/* Targets split by sex or level share a label. */
			for (j = 0; j < k && !seen; j++)
				seen = strcmp(l, target_label(p,
				    a->targets.v[j])) == 0;
			if (!seen)
				buf_printf(&b, "%s%s", b.len ? "\n" : "", l);
		}
		doc_set(&row[2], b.data);
	}
	buf_release(&b);
}

static void
reporting_table(struct bctx *c)
{
	static const double w[] = { 3.2, 2.8, 2.2, 1.8 };
	const struct plan *p = c->p;
	struct doc_table *t;
	struct buf b = BUF_INIT;
	char **row;
	size_t i;

	if (p->nreporting == 0)
		return;
	t = doc_add_table(c->d, 4, w, 1);
	row = doc_table_row(t);
	doc_set(&row[0], "Nội dung báo cáo");
	doc_set(&row[1], "Gửi đến");
	doc_set(&row[2], "Thời hạn");
	doc_set(&row[3], "Hình thức");
	for (i = 0; i < p->nreporting; i++) {
		row = doc_table_row(t);
		doc_set(&row[0], p->reporting[i].what);
		doc_set(&row[1], p->reporting[i].to);
		buf_reset(&b);
		plan_schedule_text(&p->reporting[i], false, &b);
		doc_set(&row[2], b.data);
		doc_set(&row[3], p->reporting[i].channel);
	}
	buf_release(&b);
}

/* What each structured part writes where a section places it. */
static void (*const part_doc[PLAN_NODE__MAX])(struct bctx *) = {
	[PLAN_NODE_TARGETS] = targets_table,
	[PLAN_NODE_FUNDING] = funding_list,
	[PLAN_NODE_ASSIGNMENTS] = assignments_table,
	[PLAN_NODE_REPORTING] = reporting_table,
};

static void
placeholder(struct bctx *c, enum plan_node_kind k)
{
	c->placed[k] = true;
	if (part_doc[k] != NULL)
		part_doc[k](c);
}

static void
nodes(struct bctx *c, const struct plan_node *v, size_t n, int depth)
{
	struct doc_block *b;
	struct buf h = BUF_INIT;
	char num[32];
	int count = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct plan_node *x = &v[i];

		if (x->kind == PLAN_NODE_TEXT || x->kind == PLAN_NODE_TASK ||
		    x->kind == PLAN_NODE_ITEM) {
			if (x->kind == PLAN_NODE_TEXT)
				paragraphs(c, DOC_PARA, "", x->heading, x->body,
				    x);
			else
				paragraphs(c, DOC_ITEM, "- ", x->heading,
				    x->body, x);
			nodes(c, x->kids, x->nkids, depth + 1);
			continue;
		}
		if (plan_node_kinds[x->kind].numbered &&
		    (x->heading[0] != '\0' || x->body[0] != '\0')) {
			plan_section_number(depth, ++count, num, sizeof(num));
			if (x->heading[0] == '\0' && depth > 0)
				paragraphs(c, DOC_PARA, "", num, x->body, x);
			else {
				buf_reset(&h);
				buf_printf(&h, "%s %s", num, x->heading);
				b = doc_add_block(c->d, DOC_HEADING, depth);
				doc_add_run(b, h.data, DOC_BOLD);
				badges(b, x);
				if (x->body[0] != '\0')
					paragraphs(c, DOC_PARA, "", NULL,
					    x->body, NULL);
			}
		}
		placeholder(c, x->kind);
		nodes(c, x->kids, x->nkids, depth + 1);
	}
	buf_release(&h);
}

/* The structured parts the sections did not place, each under a heading
 * of its own after the sections. */
static void
rest(struct bctx *c)
{
	struct doc_block *b;
	size_t i;

	for (i = 0; i < PLAN_NPARTS; i++) {
		if (c->placed[plan_parts[i].kind] ||
		    !plan_has_part(c->p, plan_parts[i].kind))
			continue;
		b = doc_add_block(c->d, DOC_HEADING, 1);
		doc_add_run(b, plan_parts[i].vi, DOC_BOLD);
		placeholder(c, plan_parts[i].kind);
	}
}

static void
signature(struct bctx *c)
{
	const struct plan *p = c->p;
	char authority[512], title[512];
	size_t i;

	plan_sign_lines(p, authority, sizeof(authority), title, sizeof(title));
	doc_set_upper(&c->d->sign.authority, authority);
	doc_set_upper(&c->d->sign.title, title);
	doc_set(&c->d->sign.name, p->signer_name);
	for (i = 0; i < p->recipients.n; i++) {
		struct buf b = BUF_INIT;

		buf_printf(&b, "- %s", p->recipients.v[i]);
		doc_strs_add(&c->d->recipients, b.data);
		buf_release(&b);
	}
}

struct doc *
plan_doc_build(const struct plan *p, const struct plan_catalogue *cat)
{
	struct bctx c;
	size_t i;

	memset(&c, 0, sizeof(c));
	c.p = p;
	c.cat = cat;
	c.d = doc_new();
	header(&c);
	for (i = 0; i < p->nbasis; i++)
		basis_line(c.d, p->basis[i].text, i + 1 == p->nbasis ? "." : ";");
	if (p->intro[0] != '\0')
		paragraphs(&c, DOC_PARA, "", NULL, p->intro, NULL);
	nodes(&c, p->nodes, p->nnodes, 0);
	rest(&c);
	if (p->closing[0] != '\0')
		paragraphs(&c, DOC_PARA, "", NULL, p->closing, NULL);
	signature(&c);
	return c.d;
}

void
plan_doc_file_name(const struct plan *p, const char *ext, char *out,
    size_t outsz)
{
	char ref[160], name[160];

	plan_ref(p, ref, sizeof(ref));
	if (p->number[0] == '\0' || ref[0] == '\0')
		snprintf(ref, sizeof(ref), "plan-%lld", (long long)p->id);
	doc_file_name(ref, name, sizeof(name));
	snprintf(out, outsz, "%s.%s", name, ext);
}
