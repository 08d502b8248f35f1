/*
 * plan_validate.c -- the checks every plan passes before it is saved,
 * whichever way it came in (JSON file, form, API).  Each problem names the
 * field by its path in the JSON format (docs/plan-format.md).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/strutil.h"
#include "plans/plan.h"

#define YEAR_MIN	1900
#define YEAR_MAX	2200
#define MAX_DEPTH	5
#define MAX_NODES	3000

struct vctx {
	const struct plan		*p;
	const struct plan_catalogue	*cat;
	struct plan_errs		*e;
	size_t				 nodes;
	int				 placed[PLAN_NODE__MAX];
};

/* snprintf into a path buffer. */
#define PATH(buf, ...) snprintf((buf), sizeof(buf), __VA_ARGS__)

static void
required(struct vctx *v, const char *path)
{
	plan_err(v->e, path, "cần nhập.", "is required.");
}

/* Text of at most maxchars characters; required if req. */
static bool
text(struct vctx *v, const char *path, const char *s, bool req,
    size_t maxchars)
{
	char vi[96], en[96];

	if (s[0] == '\0') {
		if (req)
			required(v, path);
		return !req;
	}
	if (!str_is_clean_utf8(s, strlen(s))) {
		plan_err(v->e, path, "chứa ký tự không hợp lệ.",
		    "contains characters that are not allowed.");
		return false;
	}
	if (utf8_len(s) > maxchars) {
		snprintf(vi, sizeof(vi), "dài quá %zu ký tự.", maxchars);
		snprintf(en, sizeof(en), "is longer than %zu characters.",
		    maxchars);
		plan_err(v->e, path, vi, en);
		return false;
	}
	return true;
}

static bool
year_ok(int y)
{
	return y >= YEAR_MIN && y <= YEAR_MAX;
}

static void
bad_year(struct vctx *v, const char *path)
{
	plan_err(v->e, path, "phải là một năm (ví dụ 2025), từ 1900 đến 2200.",
	    "must be a plain year (such as 2025) from 1900 to 2200.");
}

/* "89", "05", "152a": digits and at most one lowercase letter. */
static bool
number_ok(const char *s)
{
	size_t i = 0;

	while (isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || i > 6)
		return false;
	if (s[i] >= 'a' && s[i] <= 'z')
		i++;
	return s[i] == '\0';
}

/* A symbol has no spaces, slashes or control characters. */
static bool
symbol_ok(const char *s)
{
	const unsigned char *p;

	if (s[0] == '\0' || s[0] == '-' || s[strlen(s) - 1] == '-')
		return false;
	for (p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == '/' || *p == '\\' || *p == 0x7f)
			return false;
	return true;
}

static void
ref_field(struct vctx *v, const char *path, const char *ref)
{
	char num[32], sym[96];

	if (ref[0] == '\0' || !text(v, path, ref, false, 100))
		return;
	if (!plan_ref_split(ref, num, sizeof(num), sym, sizeof(sym)) ||
	    !number_ok(num) || !symbol_ok(sym))
		plan_err(v->e, path, "phải có dạng số/ký hiệu, ví dụ "
		    "442/KH-UBND.", "must be number/symbol, such as "
		    "442/KH-UBND.");
}

static void
header(struct vctx *v)
{
	const struct plan *p = v->p;
	char pre[16];

	text(v, "unit", p->unit, true, 48);
	if (p->doc_type[0] == '\0')
		required(v, "doc_type");
	else if (plan_doc_type_find(p->doc_type) == NULL)
		plan_err(v->e, "doc_type", "không phải loại văn bản theo Nghị "
		    "định 30 mà vitre biết (KH, QĐ, CTr, CT, NQ, HD, ĐA, DA, PA, "
		    "TB).", "is not a Decree 30 document type vitre knows (KH, "
		    "QĐ, CTr, CT, NQ, HD, ĐA, DA, PA, TB).");
	if (p->number[0] != '\0' && !number_ok(p->number))
		plan_err(v->e, "number", "phải là số, có thể thêm một chữ cái "
		    "thường (89, 05, 152a).", "must be digits, optionally "
		    "followed by one lowercase letter (89, 05, 152a).");
	if (p->symbol[0] != '\0' && text(v, "symbol", p->symbol, false, 40)) {
		snprintf(pre, sizeof(pre), "%s-", p->doc_type);
		if (!symbol_ok(p->symbol) || !str_has_prefix(p->symbol, pre) ||
		    strlen(p->symbol) == strlen(pre))
			plan_err(v->e, "symbol", "phải bắt đầu bằng loại văn bản "
			    "và dấu gạch nối, không có dấu cách hay «/» (ví dụ "
			    "KH-MNHL).", "must start with the document type and "
			    "a hyphen, without spaces or \"/\" (such as "
			    "KH-MNHL).");
	} else if (p->symbol[0] == '\0' && p->number[0] != '\0')
		plan_err(v->e, "symbol", "cần nhập khi đã có số văn bản.",
		    "is required when the number is given.");
	text(v, "issuer", p->issuer, true, 300);
	text(v, "parent_body", p->parent_body, false, 300);
	text(v, "place", p->place, false, 100);
	if (p->issued_on[0] != '\0' && !str_is_date(p->issued_on))
		plan_err(v->e, "issued_on", "phải là ngày có thật, dạng "
		    "YYYY-MM-DD.", "must be a real date written YYYY-MM-DD.");
	text(v, "title", p->title, true, 1000);
	if (p->period_from == 0)
		required(v, "period.from");
	else if (!year_ok(p->period_from))
		bad_year(v, "period.from");
	if (p->period_to == 0)
		required(v, "period.to");
	else if (!year_ok(p->period_to))
		bad_year(v, "period.to");
	else if (year_ok(p->period_from) && p->period_to < p->period_from)
		plan_err(v->e, "period.to", "không được trước năm bắt đầu.",
		    "must not be before the first year.");
	ref_field(v, "implements", p->implements);
	text(v, "intro", p->intro, false, 20000);
	text(v, "closing", p->closing, false, 20000);
}

static bool
in_period(const struct plan *p, int y)
{
	return y >= p->period_from && y <= p->period_to;
}

static void
phases(struct vctx *v)
{
	char path[64];
	size_t i;

	for (i = 0; i < v->p->nphases; i++) {
		const struct plan_phase *ph = &v->p->phases[i];

		PATH(path, "phases[%zu].name", i);
		text(v, path, ph->name, true, 200);
		PATH(path, "phases[%zu].from", i);
		if (!year_ok(ph->from))
			bad_year(v, path);
		else if (!in_period(v->p, ph->from))
			plan_err(v->e, path, "nằm ngoài thời kỳ của kế hoạch.",
			    "is outside the plan's period.");
		PATH(path, "phases[%zu].to", i);
		if (!year_ok(ph->to))
			bad_year(v, path);
		else if (!in_period(v->p, ph->to))
			plan_err(v->e, path, "nằm ngoài thời kỳ của kế hoạch.",
			    "is outside the plan's period.");
		else if (ph->to < ph->from)
			plan_err(v->e, path, "không được trước năm bắt đầu "
			    "giai đoạn.", "must not be before the phase's "
			    "first year.");
	}
}

static void
basis(struct vctx *v)
{
	char path[64];
	size_t i;

	for (i = 0; i < v->p->nbasis; i++) {
		PATH(path, "basis[%zu].text", i);
		text(v, path, v->p->basis[i].text, true, 2000);
		PATH(path, "basis[%zu].ref", i);
		ref_field(v, path, v->p->basis[i].ref);
	}
}

static bool
is_placeholder(enum plan_node_kind k)
{
	return k == PLAN_NODE_TARGETS || k == PLAN_NODE_FUNDING ||
	    k == PLAN_NODE_ASSIGNMENTS || k == PLAN_NODE_REPORTING;
}

static void
nodes(struct vctx *v, const struct plan_node *nd, size_t n, const char *base,
    int depth)
{
	char path[128], field[160];
	size_t i;

	for (i = 0; i < n; i++) {
		const struct plan_node *x = &nd[i];

		PATH(path, "%s[%zu]", base, i);
		if (++v->nodes == MAX_NODES + 1)
			plan_err(v->e, path, "kế hoạch có quá nhiều mục.",
			    "the plan has too many sections.");
		PATH(field, "%s.heading", path);
		text(v, field, x->heading, false, 1000);
		PATH(field, "%s.body", path);
		text(v, field, x->body, false, 20000);
		PATH(field, "%s.owner", path);
		text(v, field, x->owner, false, 300);
		PATH(field, "%s.due", path);
		if (x->due[0] != '\0' && !str_is_date(x->due))
			plan_err(v->e, field, "phải là ngày có thật, dạng "
			    "YYYY-MM-DD.", "must be a real date written "
			    "YYYY-MM-DD.");
		if (is_placeholder(x->kind)) {
			PATH(field, "%s.kind", path);
			if (v->placed[x->kind]++ == 1)
				plan_err(v->e, field, "chỉ được đặt một lần "
				    "trong kế hoạch.", "may appear only once in "
				    "the plan.");
			if (x->nkids > 0)
				plan_err(v->e, field, "mục này không có mục con.",
				    "this kind of section has no children.");
		} else if (x->heading[0] == '\0' && x->body[0] == '\0') {
			PATH(field, "%s.body", path);
			plan_err(v->e, field, "cần tiêu đề hoặc nội dung.",
			    "a heading or a body is required.");
		}
		if (x->nkids == 0)
			continue;
		if (depth + 1 >= MAX_DEPTH) {
			PATH(field, "%s.children", path);
			plan_err(v->e, field, "lồng quá 5 cấp.",
			    "nests deeper than 5 levels.");
			continue;
		}
		PATH(field, "%s.children", path);
		nodes(v, x->kids, x->nkids, field, depth + 1);
	}
}

static bool
code_ok(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' &&
		    s[i] != '-' && s[i] != '.')
			return false;
	return i > 0 && i <= 24;
}

static void
value_range(struct vctx *v, const char *path, double x,
    const struct plan_indicator *ind)
{
	double hi = 1e12;

	if (ind != NULL && ind->vunit == PLAN_VUNIT_PERCENT)
		hi = 100;
	else if (ind != NULL && ind->vunit == PLAN_VUNIT_PER1000)
		hi = 1000;
	if (!isfinite(x) || x < 0 || x > hi) {
		char vi[96], en[96];

		snprintf(vi, sizeof(vi), "phải là số từ 0 đến %g.", hi);
		snprintf(en, sizeof(en), "must be a number from 0 to %g.", hi);
		plan_err(v->e, path, vi, en);
	}
}

static void
target(struct vctx *v, size_t i)
{
	const struct plan_target *t = &v->p->targets[i];
	const struct plan_indicator *ind = NULL;
	char path[96];
	size_t k, j;

	PATH(path, "targets[%zu].code", i);
	if (t->code[0] == '\0')
		required(v, path);
	else if (!code_ok(t->code))
		plan_err(v->e, path, "chỉ gồm chữ không dấu, số, «_», «-», «.», "
		    "tối đa 24 ký tự (ví dụ CT17a).", "may hold only ASCII "
		    "letters, digits, \"_\", \"-\", \".\", at most 24 (such as "
		    "CT17a).");
	else
		for (k = 0; k < i; k++)
			if (strcmp(v->p->targets[k].code, t->code) == 0) {
				plan_err(v->e, path, "trùng mã với một chỉ tiêu "
				    "khác của kế hoạch.", "duplicates the code "
				    "of another target of the plan.");
				break;
			}
	PATH(path, "targets[%zu].label", i);
	text(v, path, t->label, true, 200);
	PATH(path, "targets[%zu].indicator", i);
	if (t->indicator[0] == '\0')
		required(v, path);
	else if (v->cat != NULL &&
	    (ind = plan_catalogue_find(v->cat, t->indicator)) == NULL)
		plan_err(v->e, path, "không có chỉ số mang mã này trong danh "
		    "mục.", "no indicator in the catalogue has this code.");
	PATH(path, "targets[%zu].clause", i);
	text(v, path, t->clause, true, 4000);
	if (t->has_baseline) {
		PATH(path, "targets[%zu].baseline.value", i);
		value_range(v, path, t->baseline, ind);
	}
	PATH(path, "targets[%zu].baseline.year", i);
	if (t->baseline_year != 0 && !t->has_baseline)
		plan_err(v->e, path, "có năm mà không có giá trị gốc.",
		    "is given without a baseline value.");
	else if (t->baseline_year != 0 && !year_ok(t->baseline_year))
		bad_year(v, path);
	if (t->nms == 0) {
		PATH(path, "targets[%zu].milestones", i);
		plan_err(v->e, path, "cần ít nhất một mốc (năm, so sánh, giá "
		    "trị).", "at least one milestone (year, comparator, "
		    "value) is required.");
	}
	for (k = 0; k < t->nms; k++) {
		const struct plan_milestone *m = &t->ms[k];

		PATH(path, "targets[%zu].milestones[%zu].year", i, k);
		if (!year_ok(m->year))
			bad_year(v, path);
		else if (!in_period(v->p, m->year))
			plan_err(v->e, path, "nằm ngoài thời kỳ của kế hoạch.",
			    "is outside the plan's period.");
		else if (t->baseline_year != 0 && year_ok(t->baseline_year) &&
		    t->baseline_year >= m->year)
			plan_err(v->e, path, "phải sau năm của giá trị gốc.",
			    "must come after the baseline year.");
		else
			for (j = 0; j < k; j++)
				if (t->ms[j].year == m->year) {
					plan_err(v->e, path, "trùng năm với một "
					    "mốc khác.", "duplicates the year of "
					    "another milestone.");
					break;
				}
		PATH(path, "targets[%zu].milestones[%zu].value", i, k);
		value_range(v, path, m->value, ind);
	}
}

static bool
has_target(const struct plan *p, const char *code)
{
	size_t i;

	for (i = 0; i < p->ntargets; i++)
		if (strcmp(p->targets[i].code, code) == 0)
			return true;
	return false;
}

static bool
mmdd_ok(const char *s)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int m, d;

	if (strlen(s) != 5 || s[2] != '-' || !isdigit((unsigned char)s[0]) ||
	    !isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[3]) ||
	    !isdigit((unsigned char)s[4]))
		return false;
	m = (s[0] - '0') * 10 + (s[1] - '0');
	d = (s[3] - '0') * 10 + (s[4] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

static void
reporting(struct vctx *v, size_t i)
{
	const struct plan_reporting *r = &v->p->reporting[i];
	char path[96];
	size_t k, j;

	PATH(path, "reporting[%zu].what", i);
	text(v, path, r->what, true, 1000);
	PATH(path, "reporting[%zu].to", i);
	text(v, path, r->to, true, 300);
	PATH(path, "reporting[%zu].channel", i);
	text(v, path, r->channel, false, 300);
	PATH(path, "reporting[%zu].dates", i);
	if (r->schedule == PLAN_SCHED_DATES && r->dates.n == 0)
		plan_err(v->e, path, "cần ít nhất một ngày MM-DD khi lịch là "
		    "«dates».", "at least one MM-DD date is required when the "
		    "schedule is \"dates\".");
	else if (r->schedule == PLAN_SCHED_ANNUAL && r->dates.n > 1)
		plan_err(v->e, path, "lịch hằng năm có nhiều nhất một hạn.",
		    "an annual schedule has at most one due date.");
	else if ((r->schedule == PLAN_SCHED_SCHOOL_YEAR ||
	    r->schedule == PLAN_SCHED_AS_REQUIRED) && r->dates.n > 0)
		plan_err(v->e, path, "lịch này không có ngày cố định.",
		    "this schedule has no fixed dates.");
	for (k = 0; k < r->dates.n; k++) {
		PATH(path, "reporting[%zu].dates[%zu]", i, k);
		if (!mmdd_ok(r->dates.v[k]))
			plan_err(v->e, path, "phải là ngày trong năm dạng MM-DD "
			    "(ví dụ 05-05).", "must be a day of the year "
			    "written MM-DD (such as 05-05).");
		else
			for (j = 0; j < k; j++)
				if (strcmp(r->dates.v[j], r->dates.v[k]) == 0) {
					plan_err(v->e, path, "trùng ngày.",
					    "is a duplicate date.");
					break;
				}
	}
}

static void
lists(struct vctx *v)
{
	const struct plan *p = v->p;
	char path[96];
	size_t i, k;

	for (i = 0; i < p->funding.n; i++) {
		PATH(path, "funding[%zu]", i);
		text(v, path, p->funding.v[i], true, 1000);
	}
	for (i = 0; i < p->nassignments; i++) {
		const struct plan_assignment *a = &p->assignments[i];

		PATH(path, "assignments[%zu].who", i);
		text(v, path, a->who, true, 300);
		PATH(path, "assignments[%zu].what", i);
		text(v, path, a->what, true, 4000);
		for (k = 0; k < a->targets.n; k++) {
			PATH(path, "assignments[%zu].targets[%zu]", i, k);
			if (!has_target(p, a->targets.v[k]))
				plan_err(v->e, path, "không có chỉ tiêu mang mã "
				    "này trong kế hoạch.", "no target of the "
				    "plan has this code.");
		}
	}
	for (i = 0; i < p->nreporting; i++)
		reporting(v, i);
	for (i = 0; i < p->recipients.n; i++) {
		PATH(path, "recipients[%zu]", i);
		text(v, path, p->recipients.v[i], true, 500);
	}
}

static void
signer(struct vctx *v)
{
	const struct plan *p = v->p;
	size_t i;
	bool ok = false;

	for (i = 0; plan_authorities[i] != NULL; i++)
		if (strcmp(plan_authorities[i], p->signer_authority) == 0)
			ok = true;
	if (!ok)
		plan_err(v->e, "signer.authority", "phải là một trong: KT., "
		    "TM., Q., TL., TUQ. hoặc để trống.", "must be one of KT., "
		    "TM., Q., TL., TUQ. or empty.");
	text(v, "signer.title", p->signer_title,
	    p->signer_authority[0] != '\0', 200);
	text(v, "signer.name", p->signer_name, false, 200);
}

bool
plan_validate(const struct plan *p, const struct plan_catalogue *cat,
    struct plan_errs *e)
{
	struct vctx v = { p, cat, e, 0, { 0 } };
	size_t before = e->n, i;

	header(&v);
	phases(&v);
	basis(&v);
	nodes(&v, p->nodes, p->nnodes, "sections", 0);
	for (i = 0; i < p->ntargets; i++)
		target(&v, i);
	lists(&v);
	signer(&v);
	return e->n == before;
}
