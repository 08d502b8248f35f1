/*
 * plan_form.c -- read a plan from the flat edit form and write a plan as
 * form values; map problem paths back to form fields.  See plan_form.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "http/req.h"
#include "plans/plan_form.h"

struct fctx {
	const struct kvlist	*f;
	struct plan_errs	*e;
	struct plan_formmap	*map;
};

#define NAME(buf, ...) snprintf((buf), sizeof(buf), __VA_ARGS__)

/* The trimmed value of name, or "", with browsers' CR LF line ends made
 * LF (the caller frees it). */
static char *
val(const struct fctx *c, const char *name)
{
	const char *v = kvlist_get(c->f, name);
	char *s = xstrdup(v ? v : ""), *p, *q;

	for (p = q = s; *p; p++)
		if (*p != '\r')
			*q++ = *p;
	*q = '\0';
	return str_trim(s);
}

static bool
present(const struct fctx *c, const char *name)
{
	return kvlist_get(c->f, name) != NULL;
}

/* Set *dst from field name. */
static void
take(const struct fctx *c, const char *name, char **dst)
{
	char *v = val(c, name);

	free(*dst);
	*dst = v;
}

static bool
blank(const struct fctx *c, const char *name)
{
	const char *v = kvlist_get(c->f, name);

	if (v == NULL)
		return true;
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	return *v == '\0';
}

static void
mapped(struct fctx *c, const char *json, const char *form)
{
	struct plan_formmap_entry *m;

	if (c->map == NULL)
		return;
	c->map->v = xrealloc(c->map->v, (c->map->n + 1) * sizeof(*c->map->v));
	m = &c->map->v[c->map->n++];
	snprintf(m->json, sizeof(m->json), "%s", json);
	snprintf(m->form, sizeof(m->form), "%s", form);
}

static void
year_field(struct fctx *c, const char *name, int *out, bool required)
{
	char *v = val(c, name);
	int64_t y;

	if (v[0] == '\0') {
		if (required)
			plan_err(c->e, name, "cần nhập.", "is required.");
	} else if (!str_to_int_range(v, 1, 9999, &y))
		plan_err(c->e, name, "phải là một năm, ví dụ 2025.",
		    "must be a year, such as 2025.");
	else
		*out = (int)y;
	free(v);
}

static void
date_field(struct fctx *c, const char *name, char out[11])
{
	char *v = val(c, name);

	out[0] = '\0';
	if (v[0] != '\0' && !str_is_date(v))
		plan_err(c->e, name, "phải là ngày có thật, dạng YYYY-MM-DD.",
		    "must be a real date written YYYY-MM-DD.");
	else
		snprintf(out, 11, "%s", v);
	free(v);
}

/* Split "a, b,c" into s. */
static void
list_field(struct fctx *c, const char *name, struct plan_strs *s)
{
	char *v = val(c, name), *tok, *save = NULL;

	for (tok = strtok_r(v, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		str_trim(tok);
		if (tok[0] != '\0')
			plan_strs_add(s, tok);
	}
	free(v);
}

static void
header(struct fctx *c, struct plan *p)
{
	char *auth;

	take(c, "unit", &p->unit);
	take(c, "doc_type", &p->doc_type);
	take(c, "number", &p->number);
	take(c, "symbol", &p->symbol);
	take(c, "parent_body", &p->parent_body);
	take(c, "issuer", &p->issuer);
	take(c, "place", &p->place);
	date_field(c, "issued_on", p->issued_on);
	take(c, "title", &p->title);
	year_field(c, "period_from", &p->period_from, true);
	year_field(c, "period_to", &p->period_to, true);
	take(c, "implements", &p->implements);
	take(c, "intro", &p->intro);
	take(c, "closing", &p->closing);
	auth = val(c, "signer_authority");
	free(p->signer_authority);
	p->signer_authority = auth;
	take(c, "signer_title", &p->signer_title);
	take(c, "signer_name", &p->signer_name);
}

static void
phases_basis(struct fctx *c, struct plan *p)
{
	char n1[48], n2[48], n3[48], json[64];
	size_t i;

	for (i = 0; i < PLAN_FORM_ROWS; i++) {
		struct plan_phase *ph;

		NAME(n1, "ph%zu_name", i);
		NAME(n2, "ph%zu_from", i);
		NAME(n3, "ph%zu_to", i);
		if (!present(c, n1))
			break;
		if (blank(c, n1) && blank(c, n2) && blank(c, n3))
			continue;
		NAME(json, "phases[%zu]", p->nphases);
		NAME(n1, "ph%zu", i);
		mapped(c, json, n1);
		ph = plan_add_phase(p);
		NAME(n1, "ph%zu_name", i);
		take(c, n1, &ph->name);
		year_field(c, n2, &ph->from, true);
		year_field(c, n3, &ph->to, true);
	}
	for (i = 0; i < PLAN_FORM_ROWS; i++) {
		struct plan_basis *b;

		NAME(n1, "b%zu_text", i);
		NAME(n2, "b%zu_ref", i);
		if (!present(c, n1))
			break;
		if (blank(c, n1) && blank(c, n2))
			continue;
		NAME(json, "basis[%zu]", p->nbasis);
		NAME(n3, "b%zu", i);
		mapped(c, json, n3);
		b = plan_add_basis(p);
		take(c, n1, &b->text);
		take(c, n2, &b->ref);
	}
}

static bool
milestone_blank(const struct fctx *c, size_t i, size_t k)
{
	char y[64], v[64];

	NAME(y, "t%zu_m%zu_year", i, k);
	NAME(v, "t%zu_m%zu_value", i, k);
	return blank(c, y) && blank(c, v);
}

static bool
target_blank(const struct fctx *c, size_t i)
{
	static const char *const f[] = { "code", "label", "indicator",
	    "clause", "base", "base_year", NULL };
	char n[64], y[64];
	size_t k;

	for (k = 0; f[k] != NULL; k++) {
		NAME(n, "t%zu_%s", i, f[k]);
		if (!blank(c, n))
			return false;
	}
	for (k = 0; k < PLAN_FORM_ROWS; k++) {
		NAME(y, "t%zu_m%zu_year", i, k);
		if (!present(c, y))
			break;
		if (!milestone_blank(c, i, k))
			return false;
	}
	return true;
}

static void
milestones(struct fctx *c, size_t i, struct plan_target *t,
    const char *tjson)
{
	char y[64], cm[64], v[64], row[48], json[192];
	size_t k;

	for (k = 0; k < PLAN_FORM_ROWS; k++) {
		struct plan_milestone *m;
		char *s;
		double d;

		NAME(y, "t%zu_m%zu_year", i, k);
		NAME(cm, "t%zu_m%zu_cmp", i, k);
		NAME(v, "t%zu_m%zu_value", i, k);
		if (!present(c, y))
			break;
		if (milestone_blank(c, i, k))
			continue;
		NAME(json, "%s.milestones[%zu]", tjson, t->nms);
		NAME(row, "t%zu_m%zu", i, k);
		mapped(c, json, row);
		m = plan_add_milestone(t);
		year_field(c, y, &m->year, true);
		s = val(c, cm);
		if (!plan_cmp_from(s, &m->cmp))
			plan_err(c->e, cm, "phải là >=, >, <=, < hoặc =.",
			    "must be >=, >, <=, < or =.");
		free(s);
		s = val(c, v);
		if (s[0] == '\0')
			plan_err(c->e, v, "cần nhập.", "is required.");
		else if (!str_to_decimal(s, &d))
			plan_err(c->e, v, "phải là một số (dấu thập phân là dấu "
			    "phẩy hoặc chấm).", "must be a number.");
		else
			m->value = d;
		free(s);
	}
}

static void
targets(struct fctx *c, struct plan *p)
{
	char n[64], row[48], json[64];
	size_t i;

	for (i = 0; i < PLAN_FORM_ROWS; i++) {
		struct plan_target *t;
		char *s;
		double d;

		NAME(n, "t%zu_code", i);
		if (!present(c, n))
			break;
		if (target_blank(c, i))
			continue;
		NAME(json, "targets[%zu]", p->ntargets);
		NAME(row, "t%zu", i);
		mapped(c, json, row);
		t = plan_add_target(p);
		take(c, n, &t->code);
		NAME(n, "t%zu_label", i);
		take(c, n, &t->label);
		NAME(n, "t%zu_indicator", i);
		take(c, n, &t->indicator);
		NAME(n, "t%zu_clause", i);
		take(c, n, &t->clause);
		NAME(n, "t%zu_base", i);
		s = val(c, n);
		if (s[0] != '\0') {
			if (!str_to_decimal(s, &d))
				plan_err(c->e, n, "phải là một số.",
				    "must be a number.");
			else {
				t->has_baseline = true;
				t->baseline = d;
			}
		}
		free(s);
		NAME(n, "t%zu_base_year", i);
		year_field(c, n, &t->baseline_year, false);
		milestones(c, i, t, json);
	}
}

/* A row without text is dropped, unless it places a part of the plan. */
static bool
node_blank(const struct fctx *c, size_t i)
{
	static const char *const f[] = { "heading", "body", "owner", "due",
	    NULL };
	enum plan_node_kind k;
	char n[32];
	size_t j;
	bool placeholder;

	for (j = 0; f[j] != NULL; j++) {
		NAME(n, "n%zu_%s", i, f[j]);
		if (!blank(c, n))
			return false;
	}
	NAME(n, "n%zu_kind", i);
	placeholder = kvlist_get(c->f, n) != NULL &&
	    plan_node_kind_from(kvlist_get(c->f, n), &k) &&
	    (k == PLAN_NODE_TARGETS || k == PLAN_NODE_FUNDING ||
	    k == PLAN_NODE_ASSIGNMENTS || k == PLAN_NODE_REPORTING);
	return !placeholder;
}

/* The sections outline: each row's level places it in the tree. */
static void
sections(struct fctx *c, struct plan *p)
{
	struct level {
		struct plan_node	**arr;
		size_t			 *n;
		char			  path[256];
	} st[6];
	char n[48], row[48], json[288];
	int depth = 0;	/* levels open: st[0 .. depth - 1] */
	size_t i;

	st[0].arr = &p->nodes;
	st[0].n = &p->nnodes;
	snprintf(st[0].path, sizeof(st[0].path), "sections");
	for (i = 0; i < PLAN_FORM_ROWS; i++) {
		struct plan_node *nd;
		int64_t lv;
		char *s;

		NAME(n, "n%zu_level", i);
		if (!present(c, n))
			break;
		if (node_blank(c, i))
			continue;
		s = val(c, n);
		if (!str_to_int_range(s, 1, 5, &lv) || lv > depth + 1) {
			plan_err(c->e, n, "phải từ 1 đến 5 và sâu hơn mục trên "
			    "nhiều nhất một cấp.", "must be 1 to 5 and at most "
			    "one level below the row above.");
			free(s);
			continue;
		}
		free(s);
		depth = (int)lv;
		NAME(json, "%s[%zu]", st[depth - 1].path, *st[depth - 1].n);
		NAME(row, "n%zu", i);
		mapped(c, json, row);
		nd = plan_add_node(st[depth - 1].arr, st[depth - 1].n);
		NAME(n, "n%zu_kind", i);
		s = val(c, n);
		if (!plan_node_kind_from(s, &nd->kind))
			plan_err(c->e, n, "loại mục không hợp lệ.",
			    "is not a kind of section.");
		free(s);
		NAME(n, "n%zu_heading", i);
		take(c, n, &nd->heading);
		NAME(n, "n%zu_body", i);
		take(c, n, &nd->body);
		NAME(n, "n%zu_owner", i);
		take(c, n, &nd->owner);
		NAME(n, "n%zu_due", i);
		date_field(c, n, nd->due);
		if (depth < 5) {
			st[depth].arr = &nd->kids;
			st[depth].n = &nd->nkids;
			snprintf(st[depth].path, sizeof(st[depth].path),
			    "%.200s.children", json);
		}
	}
}

static void
lists(struct fctx *c, struct plan *p)
{
	char n[48], n2[48], row[48], json[64];
	size_t i;

	for (i = 0; i < PLAN_FORM_ROWS; i++) {
		NAME(n, "f%zu", i);
		if (!present(c, n))
			break;
		if (blank(c, n))
			continue;
		NAME(json, "funding[%zu]", p->funding.n);
		mapped(c, json, n);
		plan_strs_add(&p->funding, "");
		take(c, n, &p->funding.v[p->funding.n - 1]);
	}
	for (i = 0; i < PLAN_FORM_ROWS; i++) {
		struct plan_assignment *a;

		NAME(n, "a%zu_who", i);
		NAME(n2, "a%zu_what", i);
		if (!present(c, n))
			break;
		NAME(row, "a%zu_targets", i);
		if (blank(c, n) && blank(c, n2) && blank(c, row))
			continue;
		NAME(json, "assignments[%zu]", p->nassignments);
		NAME(row, "a%zu", i);
		mapped(c, json, row);
		a = plan_add_assignment(p);
		take(c, n, &a->who);
		take(c, n2, &a->what);
		NAME(n, "a%zu_targets", i);
		list_field(c, n, &a->targets);
	}
	for (i = 0; i < PLAN_FORM_ROWS; i++) {
		struct plan_reporting *r;
		char *s;

		NAME(n, "r%zu_what", i);
		NAME(n2, "r%zu_to", i);
		if (!present(c, n))
			break;
		NAME(row, "r%zu_dates", i);
		if (blank(c, n) && blank(c, n2) && blank(c, row))
			continue;
		NAME(json, "reporting[%zu]", p->nreporting);
		NAME(row, "r%zu", i);
		mapped(c, json, row);
		r = plan_add_reporting(p);
		take(c, n, &r->what);
		take(c, n2, &r->to);
		NAME(n, "r%zu_schedule", i);
		s = val(c, n);
		if (!plan_schedule_from(s, &r->schedule))
			plan_err(c->e, n, "lịch báo cáo không hợp lệ.",
			    "is not a reporting schedule.");
		free(s);
		NAME(n, "r%zu_dates", i);
		list_field(c, n, &r->dates);
		NAME(n, "r%zu_channel", i);
		take(c, n, &r->channel);
	}
	for (i = 0; i < PLAN_FORM_ROWS; i++) {
		NAME(n, "rc%zu", i);
		if (!present(c, n))
			break;
		if (blank(c, n))
			continue;
		NAME(json, "recipients[%zu]", p->recipients.n);
		mapped(c, json, n);
		plan_strs_add(&p->recipients, "");
		take(c, n, &p->recipients.v[p->recipients.n - 1]);
	}
}

struct plan *
plan_from_form(const struct kvlist *f, struct plan_errs *errs,
    struct plan_formmap *map)
{
	struct fctx c = { f, errs, map };
	struct plan *p = plan_new();
	size_t before = errs->n;

	header(&c, p);
	phases_basis(&c, p);
	targets(&c, p);
	sections(&c, p);
	lists(&c, p);
	if (errs->n != before) {
		plan_free(p);
		return NULL;
	}
	return p;
}

/* Writing the form values of a plan. */

static void
put(struct kvlist *l, const char *k, const char *v)
{
	kvlist_add(l, k, v ? v : "");
}

static void
put_int(struct kvlist *l, const char *k, int v)
{
	char s[16] = "";

	if (v != 0)
		snprintf(s, sizeof(s), "%d", v);
	put(l, k, s);
}

static void
put_num(struct kvlist *l, const char *k, double v)
{
	char s[48];

	snprintf(s, sizeof(s), "%.10g", v);
	put(l, k, s);
}

static void
put_nodes(struct kvlist *l, const struct plan_node *v, size_t n, int level,
    size_t *row)
{
	char k[32];
	size_t i;

	for (i = 0; i < n; i++) {
		size_t r = (*row)++;

		NAME(k, "n%zu_level", r);
		put_int(l, k, level);
		NAME(k, "n%zu_kind", r);
		put(l, k, plan_node_kinds[v[i].kind].code);
		NAME(k, "n%zu_heading", r);
		put(l, k, v[i].heading);
		NAME(k, "n%zu_body", r);
		put(l, k, v[i].body);
		NAME(k, "n%zu_owner", r);
		put(l, k, v[i].owner);
		NAME(k, "n%zu_due", r);
		put(l, k, v[i].due);
		put_nodes(l, v[i].kids, v[i].nkids, level + 1, row);
	}
}

static void
put_list(struct kvlist *l, const char *k, const struct plan_strs *s)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < s->n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", s->v[i]);
	put(l, k, b.data);
	buf_release(&b);
}

void
plan_to_form(const struct plan *p, struct kvlist *l)
{
	char k[96];
	size_t i, m, row = 0;

	put(l, "unit", p->unit);
	put(l, "doc_type", p->doc_type);
	put(l, "number", p->number);
	put(l, "symbol", p->symbol);
	put(l, "parent_body", p->parent_body);
	put(l, "issuer", p->issuer);
	put(l, "place", p->place);
	put(l, "issued_on", p->issued_on);
	put(l, "title", p->title);
	put_int(l, "period_from", p->period_from);
	put_int(l, "period_to", p->period_to);
	put(l, "implements", p->implements);
	put(l, "intro", p->intro);
	put(l, "closing", p->closing);
	put(l, "signer_authority", p->signer_authority);
	put(l, "signer_title", p->signer_title);
	put(l, "signer_name", p->signer_name);
	for (i = 0; i < p->nphases; i++) {
		NAME(k, "ph%zu_name", i);
		put(l, k, p->phases[i].name);
		NAME(k, "ph%zu_from", i);
		put_int(l, k, p->phases[i].from);
		NAME(k, "ph%zu_to", i);
		put_int(l, k, p->phases[i].to);
	}
	for (i = 0; i < p->nbasis; i++) {
		NAME(k, "b%zu_text", i);
		put(l, k, p->basis[i].text);
		NAME(k, "b%zu_ref", i);
		put(l, k, p->basis[i].ref);
	}
	for (i = 0; i < p->ntargets; i++) {
		const struct plan_target *t = &p->targets[i];

		NAME(k, "t%zu_code", i);
		put(l, k, t->code);
		NAME(k, "t%zu_label", i);
		put(l, k, t->label);
		NAME(k, "t%zu_indicator", i);
		put(l, k, t->indicator);
		NAME(k, "t%zu_clause", i);
		put(l, k, t->clause);
		NAME(k, "t%zu_base", i);
		if (t->has_baseline)
			put_num(l, k, t->baseline);
		else
			put(l, k, "");
		NAME(k, "t%zu_base_year", i);
		put_int(l, k, t->baseline_year);
		for (m = 0; m < t->nms; m++) {
			NAME(k, "t%zu_m%zu_year", i, m);
			put_int(l, k, t->ms[m].year);
			NAME(k, "t%zu_m%zu_cmp", i, m);
			put(l, k, plan_cmp_codes[t->ms[m].cmp]);
			NAME(k, "t%zu_m%zu_value", i, m);
			put_num(l, k, t->ms[m].value);
		}
	}
	put_nodes(l, p->nodes, p->nnodes, 1, &row);
	for (i = 0; i < p->funding.n; i++) {
		NAME(k, "f%zu", i);
		put(l, k, p->funding.v[i]);
	}
	for (i = 0; i < p->nassignments; i++) {
		NAME(k, "a%zu_who", i);
		put(l, k, p->assignments[i].who);
		NAME(k, "a%zu_what", i);
		put(l, k, p->assignments[i].what);
		NAME(k, "a%zu_targets", i);
		put_list(l, k, &p->assignments[i].targets);
	}
	for (i = 0; i < p->nreporting; i++) {
		const struct plan_reporting *r = &p->reporting[i];

		NAME(k, "r%zu_what", i);
		put(l, k, r->what);
		NAME(k, "r%zu_to", i);
		put(l, k, r->to);
		NAME(k, "r%zu_schedule", i);
		put(l, k, plan_schedule_codes[r->schedule]);
		NAME(k, "r%zu_dates", i);
		put_list(l, k, &r->dates);
		NAME(k, "r%zu_channel", i);
		put(l, k, r->channel);
	}
	for (i = 0; i < p->recipients.n; i++) {
		NAME(k, "rc%zu", i);
		put(l, k, p->recipients.v[i]);
	}
}

/* JSON field names inside an element -> form suffixes, where they differ. */
static const struct {
	const char	*json;
	const char	*form;
} renames[] = {
	{ "baseline.value", "base" },
	{ "baseline.year", "base_year" },
	{ "baseline", "base" },
	{ "period.from", "period_from" },
	{ "period.to", "period_to" },
	{ "signer.authority", "signer_authority" },
	{ "signer.title", "signer_title" },
	{ "signer.name", "signer_name" },
	{ "milestones", "m0_year" },
	{ NULL, NULL }
};

void
plan_formmap_name(const struct plan_formmap *map, const char *path,
    char *out, size_t outsz)
{
	const struct plan_formmap_entry *best = NULL;
	const char *rest;
	char field[96];
	size_t i, n, blen = 0;

	for (i = 0; map != NULL && i < map->n; i++) {
		n = strlen(map->v[i].json);
		if (n > blen && strncmp(path, map->v[i].json, n) == 0 &&
		    (path[n] == '\0' || path[n] == '.' || path[n] == '[')) {
			best = &map->v[i];
			blen = n;
		}
	}
	rest = path + blen;
	if (*rest == '.')
		rest++;
	/* "dates[1]" -> "dates": a list field is one input. */
	snprintf(field, sizeof(field), "%s", rest);
	field[strcspn(field, "[")] = '\0';
	for (i = 0; renames[i].json != NULL; i++)
		if (strcmp(field, renames[i].json) == 0) {
			snprintf(field, sizeof(field), "%s", renames[i].form);
			break;
		}
	if (best == NULL)
		snprintf(out, outsz, "%s", field);
	else if (field[0] == '\0')
		snprintf(out, outsz, "%s", best->form);
	else
		snprintf(out, outsz, "%s_%s", best->form, field);
	/* A whole section row: point at its body. */
	if (best != NULL && best->form[0] == 'n' && field[0] == '\0')
		snprintf(out, outsz, "%s_body", best->form);
}

void
plan_formmap_release(struct plan_formmap *map)
{
	free(map->v);
	map->v = NULL;
	map->n = 0;
}

/* Labels of form fields, for messages. */
static const struct {
	const char	*name;
	const char	*vi;
	const char	*en;
} labels[] = {
	{ "unit", "Đơn vị chủ trì", "Owner unit" },
	{ "doc_type", "Loại văn bản", "Document type" },
	{ "number", "Số", "Number" },
	{ "symbol", "Ký hiệu", "Symbol" },
	{ "parent_body", "Cơ quan chủ quản", "Parent body" },
	{ "issuer", "Cơ quan ban hành", "Issuer" },
	{ "place", "Địa danh", "Place" },
	{ "issued_on", "Ngày ban hành", "Date" },
	{ "title", "Trích yếu", "Title" },
	{ "period_from", "Từ năm", "From year" },
	{ "period_to", "Đến năm", "To year" },
	{ "implements", "Thực hiện chương trình", "Implements" },
	{ "intro", "Đoạn mở đầu", "Introduction" },
	{ "closing", "Đoạn kết", "Closing" },
	{ "signer_authority", "Quyền hạn ký", "Signing authority" },
	{ "signer_title", "Chức vụ người ký", "Signer's title" },
	{ "signer_name", "Họ tên người ký", "Signer's name" },
	{ "name", "Tên", "Name" },
	{ "from", "Từ năm", "From" },
	{ "text", "Nội dung", "Text" },
	{ "ref", "Số/ký hiệu", "Number/symbol" },
	{ "code", "Mã", "Code" },
	{ "label", "Tên gọi", "Label" },
	{ "indicator", "Chỉ số", "Indicator" },
	{ "clause", "Câu trích", "Clause" },
	{ "base", "Giá trị gốc", "Baseline" },
	{ "base_year", "Năm gốc", "Baseline year" },
	{ "year", "Năm", "Year" },
	{ "cmp", "So sánh", "Comparator" },
	{ "value", "Giá trị", "Value" },
	{ "level", "Cấp", "Level" },
	{ "kind", "Loại", "Kind" },
	{ "heading", "Tiêu đề", "Heading" },
	{ "body", "Nội dung", "Body" },
	{ "owner", "Phụ trách", "Owner" },
	{ "due", "Hạn", "Due" },
	{ "who", "Ai thực hiện", "Who" },
	{ "what", "Nội dung", "What" },
	{ "targets", "Mã chỉ tiêu", "Target codes" },
	{ "schedule", "Lịch", "Schedule" },
	{ "dates", "Ngày (MM-DD)", "Dates (MM-DD)" },
	{ "channel", "Hình thức", "Channel" },
	{ NULL, NULL, NULL }
};

static const char *
label_of(const char *name, int lang)
{
	size_t i;

	for (i = 0; labels[i].name != NULL; i++)
		if (strcmp(labels[i].name, name) == 0)
			return lang ? labels[i].en : labels[i].vi;
	return name;
}

/* Read a row prefix ("t12_m3_...") : letters, number. */
static const char *
row_part(const char *s, char *letters, size_t lsz, long *num)
{
	size_t k = 0;
	char *end;

	while (*s >= 'a' && *s <= 'z' && k + 1 < lsz)
		letters[k++] = *s++;
	letters[k] = '\0';
	if (*s < '0' || *s > '9')
		return NULL;
	*num = strtol(s, &end, 10);
	return end;
}

void
plan_form_label(const char *name, int lang, char *out, size_t outsz)
{
	static const struct {
		const char	*prefix;
		const char	*vi;
		const char	*en;
	} groups[] = {
		{ "ph", "Giai đoạn", "Phase" }, { "b", "Căn cứ", "Basis" },
		{ "t", "Chỉ tiêu", "Target" }, { "n", "Mục", "Section" },
		{ "f", "Kinh phí", "Funding" }, { "a", "Phân công", "Assignment" },
		{ "r", "Báo cáo", "Reporting" }, { "rc", "Nơi nhận", "Recipient" },
		{ NULL, NULL, NULL }
	};
	char letters[8], sub[8];
	const char *rest;
	long num, mnum;
	size_t g;

	rest = row_part(name, letters, sizeof(letters), &num);
	for (g = 0; rest != NULL && groups[g].prefix != NULL; g++)
		if (strcmp(groups[g].prefix, letters) == 0)
			break;
	if (rest == NULL || groups[g].prefix == NULL) {
		snprintf(out, outsz, "%s", label_of(name, lang));
		return;
	}
	if (*rest == '\0') {
		snprintf(out, outsz, "%s %ld", lang ? groups[g].en : groups[g].vi,
		    num + 1);
		return;
	}
	rest++;
	if (rest[0] == 'm' && rest[1] >= '0' && rest[1] <= '9' &&
	    (rest = row_part(rest, sub, sizeof(sub), &mnum)) != NULL &&
	    *rest == '_') {
		snprintf(out, outsz, "%s %ld, %s %ld — %s", lang ? groups[g].en :
		    groups[g].vi, num + 1, lang ? "milestone" : "mốc", mnum + 1,
		    label_of(rest + 1, lang));
		return;
	}
	if (rest == NULL) {
		snprintf(out, outsz, "%s", name);
		return;
	}
	if (strcmp(letters, "r") == 0 && strcmp(rest, "to") == 0)
		snprintf(out, outsz, "%s %ld — %s", lang ? "Reporting" :
		    "Báo cáo", num + 1, lang ? "To" : "Gửi đến");
	else if (strcmp(letters, "ph") == 0 && strcmp(rest, "to") == 0)
		snprintf(out, outsz, "%s %ld — %s", lang ? "Phase" : "Giai đoạn",
		    num + 1, lang ? "To" : "Đến năm");
	else
		snprintf(out, outsz, "%s %ld — %s", lang ? groups[g].en :
		    groups[g].vi, num + 1, label_of(rest, lang));
}
