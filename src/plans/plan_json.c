/*
 * plan_json.c -- read and write the "vitre-plan/1" JSON format.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "plans/plan_json.h"

struct jctx {
	struct plan_errs	*e;
};

#define PATH(buf, ...) snprintf((buf), sizeof(buf), __VA_ARGS__)

/* path of key inside base ("" = top level). */
static void
keypath(char *out, size_t outsz, const char *base, const char *key)
{
	if (base[0] == '\0')
		snprintf(out, outsz, "%s", key);
	else
		snprintf(out, outsz, "%s.%s", base, key);
}

/* Report keys of obj not in allowed[] (NULL-terminated). */
static void
known_keys(struct jctx *c, json_t *obj, const char *base,
    const char *const *allowed)
{
	const char *key;
	json_t *val;
	char path[160];
	size_t i;

	json_object_foreach(obj, key, val) {
		bool ok = key[0] == '_';

		(void)val;
		for (i = 0; !ok && allowed[i] != NULL; i++)
			ok = strcmp(allowed[i], key) == 0;
		if (!ok) {
			keypath(path, sizeof(path), base, key);
			plan_err(c->e, path, "trường này không có trong định "
			    "dạng vitre-plan/1.", "is not a field of the "
			    "vitre-plan/1 format.");
		}
	}
}

static bool
want_object(struct jctx *c, json_t *v, const char *path)
{
	if (json_is_object(v))
		return true;
	plan_err(c->e, path, "phải là một đối tượng JSON {…}.",
	    "must be a JSON object {…}.");
	return false;
}

static bool
want_array(struct jctx *c, json_t *v, const char *path)
{
	if (v == NULL || json_is_null(v) || json_is_array(v))
		return true;
	plan_err(c->e, path, "phải là một mảng JSON […].",
	    "must be a JSON array […].");
	return false;
}

/* Text value: absent or null leaves *dst; else must be a string. */
static void
str_to(struct jctx *c, json_t *v, const char *path, char **dst)
{
	if (v == NULL || json_is_null(v))
		return;
	if (!json_is_string(v)) {
		plan_err(c->e, path, "phải là chuỗi văn bản.",
		    "must be a text string.");
		return;
	}
	plan_set(dst, json_string_value(v));
}

static void
field_str(struct jctx *c, json_t *obj, const char *base, const char *key,
    char **dst)
{
	char path[160];

	keypath(path, sizeof(path), base, key);
	str_to(c, json_object_get(obj, key), path, dst);
}

/* A date YYYY-MM-DD or null into out[11]. */
static void
field_date(struct jctx *c, json_t *obj, const char *base, const char *key,
    char out[11])
{
	json_t *v = json_object_get(obj, key);
	char path[160];

	keypath(path, sizeof(path), base, key);
	out[0] = '\0';
	if (v == NULL || json_is_null(v))
		return;
	if (!json_is_string(v) || !str_is_date(json_string_value(v))) {
		plan_err(c->e, path, "phải là ngày có thật, dạng YYYY-MM-DD.",
		    "must be a real date written YYYY-MM-DD.");
		return;
	}
	memcpy(out, json_string_value(v), 11);
}

/* A plain year (integer); absent leaves *out. */
static void
year_to(struct jctx *c, json_t *v, const char *path, int *out)
{
	if (v == NULL || json_is_null(v))
		return;
	if (json_is_integer(v) && json_integer_value(v) >= 1 &&
	    json_integer_value(v) <= 9999) {
		*out = (int)json_integer_value(v);
		return;
	}
	if (json_is_string(v) && strlen(json_string_value(v)) == 9 &&
	    json_string_value(v)[4] == '-')
		plan_err(c->e, path, "phải là một năm (ví dụ 2025), không phải "
		    "năm học.", "must be a plain year (such as 2025), not a "
		    "school year.");
	else
		plan_err(c->e, path, "phải là một năm, viết bằng số nguyên "
		    "(ví dụ 2025).", "must be a plain year written as a whole "
		    "number (such as 2025).");
}

static bool
num_to(struct jctx *c, json_t *v, const char *path, double *out)
{
	if (!json_is_number(v)) {
		plan_err(c->e, path, "phải là một số JSON (ví dụ 99.1).",
		    "must be a JSON number (such as 99.1).");
		return false;
	}
	*out = json_number_value(v);
	return true;
}

/* An array of strings. */
static void
strs_to(struct jctx *c, json_t *v, const char *path, struct plan_strs *s)
{
	char p[160];
	json_t *x;
	size_t i;

	if (!want_array(c, v, path) || v == NULL || json_is_null(v))
		return;
	json_array_foreach(v, i, x) {
		char *tmp = xstrdup("");

		PATH(p, "%s[%zu]", path, i);
		str_to(c, x, p, &tmp);
		if (json_is_string(x))
			plan_strs_add(s, tmp);
		free(tmp);
	}
}

static const char *const k_top[] = {
	"format", "unit", "doc_type", "number", "symbol", "issuer",
	"parent_body", "place", "issued_on", "title", "period", "phases",
	"basis", "implements", "intro", "sections", "targets", "funding",
	"assignments", "reporting", "closing", "recipients", "signer", "demo",
	NULL
};
static const char *const k_period[] = { "from", "to", NULL };
static const char *const k_phase[] = { "name", "from", "to", NULL };
static const char *const k_basis[] = { "text", "ref", NULL };
static const char *const k_node[] = { "kind", "heading", "body", "owner",
	"due", "children", NULL };
static const char *const k_target[] = { "code", "label", "indicator",
	"clause", "baseline", "milestones", NULL };
static const char *const k_baseline[] = { "value", "year", NULL };
static const char *const k_ms[] = { "year", "cmp", "value", NULL };
static const char *const k_assign[] = { "who", "what", "targets", NULL };
static const char *const k_report[] = { "what", "to", "schedule", "dates",
	"channel", NULL };
static const char *const k_signer[] = { "authority", "title", "name", NULL };

static void
read_nodes(struct jctx *c, json_t *arr, const char *path,
    struct plan_node **v, size_t *n, int depth)
{
	char p[160], q[200];
	json_t *x;
	size_t i;

	if (!want_array(c, arr, path) || arr == NULL || json_is_null(arr))
		return;
	if (depth > 8) {
		plan_err(c->e, path, "lồng quá sâu.", "nests too deep.");
		return;
	}
	json_array_foreach(arr, i, x) {
		struct plan_node *nd;
		char *kind = xstrdup("");

		PATH(p, "%s[%zu]", path, i);
		if (!want_object(c, x, p)) {
			free(kind);
			continue;
		}
		known_keys(c, x, p, k_node);
		nd = plan_add_node(v, n);
		field_str(c, x, p, "kind", &kind);
		keypath(q, sizeof(q), p, "kind");
		if (kind[0] == '\0')
			plan_err(c->e, q, "cần nhập.", "is required.");
		else if (!plan_node_kind_from(kind, &nd->kind))
			plan_err(c->e, q, "phải là section, objectives, tasks, "
			    "implementation, targets, funding, assignments, "
			    "reporting, task, item hoặc text.", "must be "
			    "section, objectives, tasks, implementation, "
			    "targets, funding, assignments, reporting, task, "
			    "item or text.");
		free(kind);
		field_str(c, x, p, "heading", &nd->heading);
		field_str(c, x, p, "body", &nd->body);
		field_str(c, x, p, "owner", &nd->owner);
		field_date(c, x, p, "due", nd->due);
		keypath(q, sizeof(q), p, "children");
		read_nodes(c, json_object_get(x, "children"), q, &nd->kids,
		    &nd->nkids, depth + 1);
	}
}

static void
read_target(struct jctx *c, json_t *x, const char *p, struct plan *pl)
{
	struct plan_target *t = plan_add_target(pl);
	json_t *b, *arr, *m;
	char q[200], r[240], s[280];
	size_t k;

	field_str(c, x, p, "code", &t->code);
	field_str(c, x, p, "label", &t->label);
	field_str(c, x, p, "indicator", &t->indicator);
	field_str(c, x, p, "clause", &t->clause);
	keypath(q, sizeof(q), p, "baseline");
	b = json_object_get(x, "baseline");
	if (b != NULL && !json_is_null(b) && want_object(c, b, q)) {
		known_keys(c, b, q, k_baseline);
		keypath(r, sizeof(r), q, "value");
		if (json_object_get(b, "value") == NULL)
			plan_err(c->e, r, "cần nhập.", "is required.");
		else if (num_to(c, json_object_get(b, "value"), r,
		    &t->baseline))
			t->has_baseline = true;
		keypath(r, sizeof(r), q, "year");
		year_to(c, json_object_get(b, "year"), r, &t->baseline_year);
	}
	keypath(q, sizeof(q), p, "milestones");
	arr = json_object_get(x, "milestones");
	if (!want_array(c, arr, q) || arr == NULL)
		return;
	json_array_foreach(arr, k, m) {
		struct plan_milestone *ms;
		char *cmp = xstrdup("");

		PATH(r, "%s[%zu]", q, k);
		if (!want_object(c, m, r)) {
			free(cmp);
			continue;
		}
		known_keys(c, m, r, k_ms);
		ms = plan_add_milestone(t);
		keypath(s, sizeof(s), r, "year");
		if (json_object_get(m, "year") == NULL)
			plan_err(c->e, s, "cần nhập.", "is required.");
		year_to(c, json_object_get(m, "year"), s, &ms->year);
		keypath(s, sizeof(s), r, "cmp");
		str_to(c, json_object_get(m, "cmp"), s, &cmp);
		if (!plan_cmp_from(cmp, &ms->cmp))
			plan_err(c->e, s, "phải là >=, >, <=, < hoặc =.",
			    "must be >=, >, <=, < or =.");
		keypath(s, sizeof(s), r, "value");
		if (json_object_get(m, "value") == NULL)
			plan_err(c->e, s, "cần nhập.", "is required.");
		else
			(void)num_to(c, json_object_get(m, "value"), s,
			    &ms->value);
		free(cmp);
	}
}

static void
read_reporting(struct jctx *c, json_t *x, const char *p, struct plan *pl)
{
	struct plan_reporting *r = plan_add_reporting(pl);
	char *sched = xstrdup(""), q[200];

	field_str(c, x, p, "what", &r->what);
	field_str(c, x, p, "to", &r->to);
	field_str(c, x, p, "schedule", &sched);
	keypath(q, sizeof(q), p, "schedule");
	if (sched[0] == '\0')
		plan_err(c->e, q, "cần nhập.", "is required.");
	else if (!plan_schedule_from(sched, &r->schedule))
		plan_err(c->e, q, "phải là dates, school_year, annual hoặc "
		    "as_required.", "must be dates, school_year, annual or "
		    "as_required.");
	free(sched);
	keypath(q, sizeof(q), p, "dates");
	strs_to(c, json_object_get(x, "dates"), q, &r->dates);
	field_str(c, x, p, "channel", &r->channel);
}

/*
 * The array at key of top, or NULL when absent, null or not an array (a
 * message says so for the last).
 */
static json_t *
top_array(struct jctx *c, json_t *top, const char *key)
{
	json_t *a = json_object_get(top, key);

	return want_array(c, a, key) && json_is_array(a) ? a : NULL;
}

/* Element i of an array must be an object with only the allowed keys. */
static bool
elem_object(struct jctx *c, json_t *x, const char *p,
    const char *const *allowed)
{
	if (!want_object(c, x, p))
		return false;
	known_keys(c, x, p, allowed);
	return true;
}

struct plan *
plan_from_json(json_t *top, struct plan_errs *errs)
{
	struct jctx c = { errs };
	struct plan *pl;
	json_t *x, *v, *arr;
	char *fmt = xstrdup(""), p[96];
	size_t i, before = errs->n;

	if (!want_object(&c, top, "")) {
		free(fmt);
		return NULL;
	}
	pl = plan_new();
	known_keys(&c, top, "", k_top);
	field_str(&c, top, "", "format", &fmt);
	if (strcmp(fmt, PLAN_FORMAT) != 0)
		plan_err(errs, "format", "phải là \"vitre-plan/1\".",
		    "must be \"vitre-plan/1\".");
	free(fmt);
	field_str(&c, top, "", "unit", &pl->unit);
	field_str(&c, top, "", "doc_type", &pl->doc_type);
	field_str(&c, top, "", "number", &pl->number);
	field_str(&c, top, "", "symbol", &pl->symbol);
	field_str(&c, top, "", "issuer", &pl->issuer);
	field_str(&c, top, "", "parent_body", &pl->parent_body);
	field_str(&c, top, "", "place", &pl->place);
	field_date(&c, top, "", "issued_on", pl->issued_on);
	field_str(&c, top, "", "title", &pl->title);
	v = json_object_get(top, "period");
	if (v == NULL)
		plan_err(errs, "period", "cần nhập, ví dụ {\"from\": 2021, "
		    "\"to\": 2030}.", "is required, such as {\"from\": 2021, "
		    "\"to\": 2030}.");
	else if (want_object(&c, v, "period")) {
		known_keys(&c, v, "period", k_period);
		year_to(&c, json_object_get(v, "from"), "period.from",
		    &pl->period_from);
		year_to(&c, json_object_get(v, "to"), "period.to",
		    &pl->period_to);
	}
	arr = top_array(&c, top, "phases");
	json_array_foreach(arr, i, x) {
		struct plan_phase *ph;
		char q[120];

		PATH(p, "phases[%zu]", i);
		if (!elem_object(&c, x, p, k_phase))
			continue;
		ph = plan_add_phase(pl);

		field_str(&c, x, p, "name", &ph->name);
		keypath(q, sizeof(q), p, "from");
		year_to(&c, json_object_get(x, "from"), q, &ph->from);
		keypath(q, sizeof(q), p, "to");
		year_to(&c, json_object_get(x, "to"), q, &ph->to);
	}
	arr = top_array(&c, top, "basis");
	json_array_foreach(arr, i, x) {
		struct plan_basis *b;

		PATH(p, "basis[%zu]", i);
		if (!elem_object(&c, x, p, k_basis))
			continue;
		b = plan_add_basis(pl);
		field_str(&c, x, p, "text", &b->text);
		field_str(&c, x, p, "ref", &b->ref);
	}
	field_str(&c, top, "", "implements", &pl->implements);
	field_str(&c, top, "", "intro", &pl->intro);
	read_nodes(&c, json_object_get(top, "sections"), "sections",
	    &pl->nodes, &pl->nnodes, 0);
	arr = top_array(&c, top, "targets");
	json_array_foreach(arr, i, x) {
		PATH(p, "targets[%zu]", i);
		if (elem_object(&c, x, p, k_target))
			read_target(&c, x, p, pl);
	}
	strs_to(&c, json_object_get(top, "funding"), "funding", &pl->funding);
	arr = top_array(&c, top, "assignments");
	json_array_foreach(arr, i, x) {
		struct plan_assignment *a;
		char q[120];

		PATH(p, "assignments[%zu]", i);
		if (!elem_object(&c, x, p, k_assign))
			continue;
		a = plan_add_assignment(pl);

		field_str(&c, x, p, "who", &a->who);
		field_str(&c, x, p, "what", &a->what);
		keypath(q, sizeof(q), p, "targets");
		strs_to(&c, json_object_get(x, "targets"), q, &a->targets);
	}
	arr = top_array(&c, top, "reporting");
	json_array_foreach(arr, i, x) {
		PATH(p, "reporting[%zu]", i);
		if (elem_object(&c, x, p, k_report))
			read_reporting(&c, x, p, pl);
	}
	field_str(&c, top, "", "closing", &pl->closing);
	strs_to(&c, json_object_get(top, "recipients"), "recipients",
	    &pl->recipients);
	v = json_object_get(top, "signer");
	if (v != NULL && !json_is_null(v) && want_object(&c, v, "signer")) {
		known_keys(&c, v, "signer", k_signer);
		field_str(&c, v, "signer", "authority", &pl->signer_authority);
		field_str(&c, v, "signer", "title", &pl->signer_title);
		field_str(&c, v, "signer", "name", &pl->signer_name);
	}
	v = json_object_get(top, "demo");
	if (v != NULL && !json_is_boolean(v))
		plan_err(errs, "demo", "phải là true hoặc false.",
		    "must be true or false.");
	pl->demo = json_is_true(v);
	if (errs->n != before) {
		plan_free(pl);
		return NULL;
	}
	return pl;
}

struct plan *
plan_from_json_text(const char *text, size_t len, struct plan_errs *errs)
{
	json_error_t jerr;
	json_t *top;
	struct plan *pl;
	char vi[320], en[320];

	top = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (top == NULL) {
		snprintf(vi, sizeof(vi), "JSON không hợp lệ (dòng %d, cột %d): "
		    "%s", jerr.line, jerr.column, jerr.text);
		snprintf(en, sizeof(en), "not valid JSON (line %d, column %d): "
		    "%s", jerr.line, jerr.column, jerr.text);
		plan_err(errs, "", vi, en);
		return NULL;
	}
	pl = plan_from_json(top, errs);
	json_decref(top);
	return pl;
}

/* Writing. */

static json_t *
jnum(double v)
{
	if (fabs(v) < 1e15 && v == floor(v))
		return json_integer((json_int_t)v);
	return json_real(v);
}

static void
set_str(json_t *o, const char *key, const char *s)
{
	json_object_set_new(o, key, json_string(s));
}

/* Only when not empty. */
static void
opt_str(json_t *o, const char *key, const char *s)
{
	if (s[0] != '\0')
		set_str(o, key, s);
}

static json_t *
strs_json(const struct plan_strs *s)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < s->n; i++)
		json_array_append_new(a, json_string(s->v[i]));
	return a;
}

static json_t *
nodes_json(const struct plan_node *v, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *o = json_object();

		set_str(o, "kind", plan_node_kinds[v[i].kind].code);
		opt_str(o, "heading", v[i].heading);
		opt_str(o, "body", v[i].body);
		opt_str(o, "owner", v[i].owner);
		opt_str(o, "due", v[i].due);
		if (v[i].nkids > 0)
			json_object_set_new(o, "children",
			    nodes_json(v[i].kids, v[i].nkids));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
target_json(const struct plan_target *t)
{
	json_t *o = json_object(), *ms = json_array();
	size_t k;

	set_str(o, "code", t->code);
	set_str(o, "label", t->label);
	set_str(o, "indicator", t->indicator);
	set_str(o, "clause", t->clause);
	if (t->has_baseline) {
		json_t *b = json_object();

		json_object_set_new(b, "value", jnum(t->baseline));
		if (t->baseline_year != 0)
			json_object_set_new(b, "year",
			    json_integer(t->baseline_year));
		json_object_set_new(o, "baseline", b);
	}
	for (k = 0; k < t->nms; k++)
		json_array_append_new(ms, json_pack("{s:i,s:s,s:o}", "year",
		    t->ms[k].year, "cmp", plan_cmp_codes[t->ms[k].cmp],
		    "value", jnum(t->ms[k].value)));
	json_object_set_new(o, "milestones", ms);
	return o;
}

json_t *
plan_to_json(const struct plan *p)
{
	json_t *o = json_object(), *a;
	size_t i;

	set_str(o, "format", PLAN_FORMAT);
	set_str(o, "unit", p->unit);
	set_str(o, "doc_type", p->doc_type);
	set_str(o, "number", p->number);
	set_str(o, "symbol", p->symbol);
	set_str(o, "parent_body", p->parent_body);
	set_str(o, "issuer", p->issuer);
	set_str(o, "place", p->place);
	json_object_set_new(o, "issued_on", p->issued_on[0] ?
	    json_string(p->issued_on) : json_null());
	set_str(o, "title", p->title);
	json_object_set_new(o, "period", json_pack("{s:i,s:i}", "from",
	    p->period_from, "to", p->period_to));
	a = json_array();
	for (i = 0; i < p->nphases; i++)
		json_array_append_new(a, json_pack("{s:s,s:i,s:i}", "name",
		    p->phases[i].name, "from", p->phases[i].from, "to",
		    p->phases[i].to));
	json_object_set_new(o, "phases", a);
	a = json_array();
	for (i = 0; i < p->nbasis; i++) {
		json_t *b = json_object();

		set_str(b, "text", p->basis[i].text);
		opt_str(b, "ref", p->basis[i].ref);
		json_array_append_new(a, b);
	}
	json_object_set_new(o, "basis", a);
	set_str(o, "implements", p->implements);
	set_str(o, "intro", p->intro);
	json_object_set_new(o, "sections", nodes_json(p->nodes, p->nnodes));
	a = json_array();
	for (i = 0; i < p->ntargets; i++)
		json_array_append_new(a, target_json(&p->targets[i]));
	json_object_set_new(o, "targets", a);
	json_object_set_new(o, "funding", strs_json(&p->funding));
	a = json_array();
	for (i = 0; i < p->nassignments; i++) {
		json_t *x = json_object();

		set_str(x, "who", p->assignments[i].who);
		set_str(x, "what", p->assignments[i].what);
		if (p->assignments[i].targets.n > 0)
			json_object_set_new(x, "targets",
			    strs_json(&p->assignments[i].targets));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "assignments", a);
	a = json_array();
	for (i = 0; i < p->nreporting; i++) {
		const struct plan_reporting *r = &p->reporting[i];
		json_t *x = json_object();

		set_str(x, "what", r->what);
		set_str(x, "to", r->to);
		set_str(x, "schedule", plan_schedule_codes[r->schedule]);
		if (r->dates.n > 0)
			json_object_set_new(x, "dates", strs_json(&r->dates));
		opt_str(x, "channel", r->channel);
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "reporting", a);
	set_str(o, "closing", p->closing);
	json_object_set_new(o, "recipients", strs_json(&p->recipients));
	json_object_set_new(o, "signer", json_pack("{s:s,s:s,s:s}",
	    "authority", p->signer_authority, "title", p->signer_title,
	    "name", p->signer_name));
	json_object_set_new(o, "demo", json_boolean(p->demo));
	return o;
}

char *
plan_to_json_text(const struct plan *p)
{
	json_t *o = plan_to_json(p);
	char *s = json_dumps(o, JSON_INDENT(1) | JSON_REAL_PRECISION(12));
	size_t n = strlen(s);

	json_decref(o);
	s = xrealloc(s, n + 2);
	s[n] = '\n';
	s[n + 1] = '\0';
	return s;
}
