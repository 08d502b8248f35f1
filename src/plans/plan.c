/*
 * plan.c -- the plan struct: code tables, building and freeing, document
 * references, the list of problems, milestones as text.
 * No SQL and no HTML here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "plans/plan.h"
#include "render/numfmt.h"

const char *const plan_cmp_codes[PLAN_CMP__MAX] = {
	">=", ">", "<=", "<", "="
};

const char *const plan_cmp_signs[PLAN_CMP__MAX] = {
	"≥", ">", "≤", "<", "="
};

const struct plan_node_kind_info plan_node_kinds[PLAN_NODE__MAX] = {
	[PLAN_NODE_SECTION] = { "section", "Mục", "Section", true },
	[PLAN_NODE_OBJECTIVES] = { "objectives", "Mục tiêu", "Objectives",
	    true },
	[PLAN_NODE_TASKS] = { "tasks", "Nhiệm vụ, giải pháp",
	    "Tasks and solutions", true },
	[PLAN_NODE_IMPLEMENTATION] = { "implementation", "Tổ chức thực hiện",
	    "Implementation", true },
	[PLAN_NODE_TARGETS] = { "targets", "Bảng chỉ tiêu", "Targets table",
	    true },
	[PLAN_NODE_FUNDING] = { "funding", "Kinh phí", "Funding", true },
	[PLAN_NODE_ASSIGNMENTS] = { "assignments", "Phân công",
	    "Assignments", true },
	[PLAN_NODE_REPORTING] = { "reporting", "Chế độ báo cáo",
	    "Reporting", true },
	[PLAN_NODE_TASK] = { "task", "Nhiệm vụ (gạch đầu dòng)",
	    "Task (bullet)", false },
	[PLAN_NODE_ITEM] = { "item", "Ý (gạch đầu dòng)", "Item (bullet)",
	    false },
	[PLAN_NODE_TEXT] = { "text", "Đoạn văn", "Paragraph", false },
};

const struct plan_part plan_parts[PLAN_NPARTS] = {
	{ PLAN_NODE_TARGETS, "Chỉ tiêu", "Targets" },
	{ PLAN_NODE_FUNDING, "Kinh phí thực hiện", "Funding" },
	{ PLAN_NODE_ASSIGNMENTS, "Phân công thực hiện", "Assignments" },
	{ PLAN_NODE_REPORTING, "Chế độ báo cáo", "Reporting" },
};

bool
plan_has_part(const struct plan *p, enum plan_node_kind k)
{
	switch (k) {
	case PLAN_NODE_TARGETS:
		return p->ntargets > 0;
	case PLAN_NODE_FUNDING:
		return p->funding.n > 0;
	case PLAN_NODE_ASSIGNMENTS:
		return p->nassignments > 0;
	case PLAN_NODE_REPORTING:
		return p->nreporting > 0;
	default:
		return false;
	}
}

const char *const plan_schedule_codes[PLAN_SCHED__MAX] = {
	"dates", "school_year", "annual", "as_required"
};

const struct plan_doc_type plan_doc_types[] = {
	{ "KH", "Kế hoạch", "Plan" },
	{ "QĐ", "Quyết định", "Decision" },
	{ "CTr", "Chương trình", "Programme" },
	{ "CT", "Chỉ thị", "Directive" },
	{ "NQ", "Nghị quyết", "Resolution" },
	{ "HD", "Hướng dẫn", "Guidance" },
	{ "ĐA", "Đề án", "Scheme" },
	{ "DA", "Dự án", "Project" },
	{ "PA", "Phương án", "Arrangement" },
	{ "TB", "Thông báo", "Notice" },
	{ NULL, NULL, NULL }
};

const char *const plan_authorities[] = {
	"", "KT.", "TM.", "Q.", "TL.", "TUQ.", NULL
};

const struct plan_doc_type *
plan_doc_type_find(const char *code)
{
	const struct plan_doc_type *d;

	for (d = plan_doc_types; d->code != NULL; d++)
		if (strcmp(d->code, code) == 0)
			return d;
	return NULL;
}

static bool
code_index(const char *const *codes, int n, const char *s, int *out)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(codes[i], s) == 0) {
			*out = i;
			return true;
		}
	return false;
}

bool
plan_cmp_from(const char *s, enum plan_cmp *out)
{
	int i;

	if (!code_index(plan_cmp_codes, PLAN_CMP__MAX, s, &i))
		return false;
	*out = (enum plan_cmp)i;
	return true;
}

bool
plan_schedule_from(const char *s, enum plan_schedule *out)
{
	int i;

	if (!code_index(plan_schedule_codes, PLAN_SCHED__MAX, s, &i))
		return false;
	*out = (enum plan_schedule)i;
	return true;
}

bool
plan_node_kind_from(const char *s, enum plan_node_kind *out)
{
	int i;

	for (i = 0; i < PLAN_NODE__MAX; i++)
		if (strcmp(plan_node_kinds[i].code, s) == 0) {
			*out = (enum plan_node_kind)i;
			return true;
		}
	return false;
}

void
plan_set(char **dst, const char *src)
{
	free(*dst);
	*dst = xstrdup(src ? src : "");
}

/* Grow an array by one zeroed element; evaluates to a pointer to it. */
#define PUSH(arr, n) ((arr) = xrealloc((arr), ((n) + 1) * sizeof(*(arr))), \
	memset(&(arr)[(n)], 0, sizeof(*(arr))), &(arr)[(n)++])

struct plan *
plan_new(void)
{
	struct plan *p = xcalloc(1, sizeof(*p));

	p->unit = xstrdup("");
	p->doc_type = xstrdup("KH");
	p->number = xstrdup("");
	p->symbol = xstrdup("");
	p->issuer = xstrdup("");
	p->parent_body = xstrdup("");
	p->place = xstrdup("");
	p->title = xstrdup("");
	p->implements = xstrdup("");
	p->intro = xstrdup("");
	p->closing = xstrdup("");
	p->signer_authority = xstrdup("");
	p->signer_title = xstrdup("");
	p->signer_name = xstrdup("");
	return p;
}

struct plan_phase *
plan_add_phase(struct plan *p)
{
	struct plan_phase *ph = PUSH(p->phases, p->nphases);

	ph->name = xstrdup("");
	return ph;
}

struct plan_basis *
plan_add_basis(struct plan *p)
{
	struct plan_basis *b = PUSH(p->basis, p->nbasis);

	b->text = xstrdup("");
	b->ref = xstrdup("");
	return b;
}

struct plan_node *
plan_add_node(struct plan_node **arr, size_t *n)
{
	struct plan_node *nd = PUSH(*arr, *n);

	nd->kind = PLAN_NODE_SECTION;
	nd->heading = xstrdup("");
	nd->body = xstrdup("");
	nd->owner = xstrdup("");
	return nd;
}

struct plan_target *
plan_add_target(struct plan *p)
{
	struct plan_target *t = PUSH(p->targets, p->ntargets);

	t->code = xstrdup("");
	t->label = xstrdup("");
	t->indicator = xstrdup("");
	t->clause = xstrdup("");
	return t;
}

struct plan_milestone *
plan_add_milestone(struct plan_target *t)
{
	return PUSH(t->ms, t->nms);
}

struct plan_assignment *
plan_add_assignment(struct plan *p)
{
	struct plan_assignment *a = PUSH(p->assignments, p->nassignments);

	a->who = xstrdup("");
	a->what = xstrdup("");
	return a;
}

struct plan_reporting *
plan_add_reporting(struct plan *p)
{
	struct plan_reporting *r = PUSH(p->reporting, p->nreporting);

	r->what = xstrdup("");
	r->to = xstrdup("");
	r->channel = xstrdup("");
	r->schedule = PLAN_SCHED_AS_REQUIRED;
	return r;
}

void
plan_strs_add(struct plan_strs *s, const char *v)
{
	char **slot = PUSH(s->v, s->n);

	*slot = xstrdup(v ? v : "");
}

static void
strs_free(struct plan_strs *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static void
nodes_free(struct plan_node *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].heading);
		free(v[i].body);
		free(v[i].owner);
		nodes_free(v[i].kids, v[i].nkids);
	}
	free(v);
}

void
plan_free(struct plan *p)
{
	size_t i;

	if (p == NULL)
		return;
	free(p->unit);
	free(p->doc_type);
	free(p->number);
	free(p->symbol);
	free(p->issuer);
	free(p->parent_body);
	free(p->place);
	free(p->title);
	for (i = 0; i < p->nphases; i++)
		free(p->phases[i].name);
	free(p->phases);
	for (i = 0; i < p->nbasis; i++) {
		free(p->basis[i].text);
		free(p->basis[i].ref);
	}
	free(p->basis);
	free(p->implements);
	free(p->intro);
	nodes_free(p->nodes, p->nnodes);
	for (i = 0; i < p->ntargets; i++) {
		free(p->targets[i].code);
		free(p->targets[i].label);
		free(p->targets[i].indicator);
		free(p->targets[i].clause);
		free(p->targets[i].ms);
	}
	free(p->targets);
	strs_free(&p->funding);
	for (i = 0; i < p->nassignments; i++) {
		free(p->assignments[i].who);
		free(p->assignments[i].what);
		strs_free(&p->assignments[i].targets);
	}
	free(p->assignments);
	for (i = 0; i < p->nreporting; i++) {
		free(p->reporting[i].what);
		free(p->reporting[i].to);
		free(p->reporting[i].channel);
		strs_free(&p->reporting[i].dates);
	}
	free(p->reporting);
	free(p->closing);
	strs_free(&p->recipients);
	free(p->signer_authority);
	free(p->signer_title);
	free(p->signer_name);
	free(p);
}

void
plan_ref(const struct plan *p, char *out, size_t outsz)
{
	if (p->symbol[0] == '\0')
		snprintf(out, outsz, "%s", "");
	else
		snprintf(out, outsz, "%s/%s", p->number, p->symbol);
}

bool
plan_ref_split(const char *ref, char *num, size_t numsz, char *sym,
    size_t symsz)
{
	const char *slash = strchr(ref, '/');
	size_t n;

	if (slash == NULL || slash == ref || slash[1] == '\0' ||
	    strchr(slash + 1, '/') != NULL || strchr(ref, ' ') != NULL)
		return false;
	n = (size_t)(slash - ref);
	if (n >= numsz || strlen(slash + 1) >= symsz)
		return false;
	memcpy(num, ref, n);
	num[n] = '\0';
	snprintf(sym, symsz, "%s", slash + 1);
	return true;
}

void
plan_err(struct plan_errs *e, const char *path, const char *vi,
    const char *en)
{
	struct plan_msg *m;

	if (e->n >= PLAN_ERRS_MAX)
		return;
	if (e->v == NULL)
		e->v = xcalloc(PLAN_ERRS_MAX, sizeof(*e->v));
	m = &e->v[e->n++];
	snprintf(m->path, sizeof(m->path), "%s", path);
	snprintf(m->vi, sizeof(m->vi), "%s", vi);
	snprintf(m->en, sizeof(m->en), "%s", en);
}

void
plan_errs_release(struct plan_errs *e)
{
	free(e->v);
	e->v = NULL;
	e->n = 0;
}

void
plan_errs_print(const struct plan_errs *e, const char *prefix,
    struct buf *out)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		buf_printf(out, "%s%s%s: %s / %s\n", prefix ? prefix : "",
		    e->v[i].path[0] && prefix && prefix[0] ? " " : "",
		    e->v[i].path, e->v[i].vi, e->v[i].en);
}

const struct plan_msg *
plan_errs_find(const struct plan_errs *e, const char *path)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (strcmp(e->v[i].path, path) == 0)
			return &e->v[i];
	return NULL;
}

const struct plan_indicator *
plan_catalogue_find(const struct plan_catalogue *c, const char *code)
{
	size_t i;

	if (c == NULL)
		return NULL;
	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i].code, code) == 0)
			return &c->v[i];
	return NULL;
}

void
plan_catalogue_release(struct plan_catalogue *c)
{
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

void
plan_fmt_milestone(enum plan_cmp cmp, double v, enum plan_vunit u,
    char *out, size_t outsz)
{
	char num[NUMFMT_MAX];

	snprintf(out, outsz, "%s%s%s", plan_cmp_signs[cmp],
	    numfmt_dec(num, v, 4, 0),
	    u == PLAN_VUNIT_PERCENT ? "%" : u == PLAN_VUNIT_PER1000 ? "‰" : "");
}
