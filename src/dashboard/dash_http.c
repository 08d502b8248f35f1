/*
 * dash_http.c -- the dashboard of a unit: summary counts per status, a
 * card per target (baseline, latest actual, values by sex, next
 * milestone and gap, status, trend chart), the units below ranked by gap
 * (an htmx fragment), and the same data as JSON.
 *
 * Everything comes from the cached entry of the unit (cache.h); a request
 * runs no roll-up unless the data generation moved.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/xalloc.h"
#include "dashboard/cache.h"
#include "dashboard/chart_svg.h"
#include "dashboard/dash_http.h"
#include "dashboard/dash_int.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"
#include "render/numfmt.h"
#include "units/unit.h"
#include "units/unit_http.h"

/* One unit below, judged against a target. */
struct ranked {
	const struct unit *u;
	struct target_eval ev;
};

static int
lang_of(const struct req *r)
{
	return r->lang == LANG_EN;
}

static const char *
ind_name(const struct req *r, const struct dash_indicator *i)
{
	return L(r, i->name_vi, i->name_en);
}

/* Worst first: the largest gap; then those without a gap; by name. */
static int
ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->ev.has_gap != y->ev.has_gap)
		return x->ev.has_gap ? -1 : 1;
	if (x->ev.has_gap && x->ev.gap != y->ev.gap)
		return x->ev.gap > y->ev.gap ? -1 : 1;
	return strcmp(x->u->name, y->u->name);
}

/* The units below e's unit that the target concerns, ranked. */
static struct ranked *
rank_below(const struct dash_entry *e, const struct unit_tree *t, size_t k,
    size_t *n)
{
	const struct dash_target *tg = &e->tg[k];
	struct ranked *v = xcalloc(e->ru->nunits + 1, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 1; i < e->ru->nunits; i++) {
		const struct unit *u = unit_get(t, e->ru->units[i]);

		if (u == NULL || !unit_kind_in_levels(u->kind, tg->ind->levels))
			continue;
		v[*n].u = u;
		dash_evaluate(tg, rollup_series(e->ru, i, tg->ind->id), u->id,
		    &v[*n].ev);
		(*n)++;
	}
	qsort(v, *n, sizeof(*v), ranked_cmp);
	return v;
}

/* Is v a count the indicator hides ("< 5": it could identify a child)? */
static bool
hidden(const struct dash_indicator *ind, double v)
{
	return ind->suppress_small && ind->scale == 0 &&
	    numfmt_is_small(llround(v));
}

static char *
fmt_value(const struct req *r, const struct dash_indicator *ind, double v,
    char out[NUMFMT_MAX])
{
	if (ind->suppress_small && ind->scale == 0)
		return numfmt_count_small(out, llround(v), lang_of(r));
	return numfmt_value(out, v, ind->unit, lang_of(r));
}

/*
 * The counts by sex of an indicator that hides small counts, as shown: a
 * small one reads "< 5", and then the other "x", so that neither can be
 * worked out from the total.  False when both may be shown as they are.
 */
static bool
sex_hidden(const struct req *r, const struct dash_indicator *ind,
    int64_t m, int64_t f, char a[NUMFMT_MAX], char b[NUMFMT_MAX])
{
	return ind->suppress_small && numfmt_split_small(a, b, m, f,
	    r != NULL && lang_of(r));
}

/* A count for JSON: "< 5" when the indicator hides it. */
static json_t *
jcount(const struct dash_indicator *ind, int64_t v)
{
	if (ind->suppress_small && numfmt_is_small(v))
		return json_string(NUMFMT_SMALL_TEXT);
	return json_integer(v);
}

/* A value for JSON: null, "< 5" when hidden, or the number. */
static json_t *
jvalue(const struct dash_indicator *ind, bool has, double v)
{
	if (!has)
		return json_null();
	if (hidden(ind, v))
		return json_string(NUMFMT_SMALL_TEXT);
	return json_real(v);
}

/* The counts by sex into o (keys km, kf), hidden as on the page. */
static void
jsex(json_t *o, const struct dash_indicator *ind, const char *km,
    const char *kf, int64_t m, int64_t f)
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX];

	if (sex_hidden(NULL, ind, m, f, a, b)) {
		json_object_set_new(o, km, json_string(a));
		json_object_set_new(o, kf, json_string(b));
	} else {
		json_object_set_new(o, km, json_integer(m));
		json_object_set_new(o, kf, json_integer(f));
	}
}

/* The point of a target's actual period in the unit's series, or NULL. */
static const struct dash_point *
actual_point(const struct dash_entry *e, size_t k)
{
	const struct dash_series *s = rollup_series(e->ru, 0,
	    e->tg[k].ind->id);
	size_t i;

	for (i = 0; s != NULL && e->ev[k].has_actual && i < s->n; i++)
		if (s->p[i].period_id == e->ev[k].period_id)
			return &s->p[i];
	return NULL;
}

/*
 * Where the actual comes from, when the register has a part in it: a
 * mark "computed from the register" (all or part of the units summed),
 * and the computed value beside an entered one that won over it
 * (docs/internals/dashboard.md, "Computed values").
 */
static void
computed_html(struct req *r, const struct dash_entry *e, size_t k)
{
	const struct dash_indicator *ind = e->tg[k].ind;
	const struct target_eval *ev = &e->ev[k];
	const struct dash_point *pt = actual_point(e, k);
	char a[NUMFMT_MAX], b[NUMFMT_MAX], c[NUMFMT_MAX];
	double v;

	if (pt == NULL || pt->c.rows == 0)
		return;
	html_fmt(&r->out, "<tr><th scope=\"row\">%s</th><td>"
	    "<span class=\"badge computed\">%s</span>",
	    L(r, "Nguồn số liệu", "Source"), ev->sums.computed ==
	    ev->sums.rows ? L(r, "tính từ sổ theo dõi", "computed from the "
	    "register") : ev->sums.computed > 0 ? L(r, "một phần tính từ sổ "
	    "theo dõi", "partly computed from the register") :
	    L(r, "số liệu nhập", "entered figures"));
	if (!ind->suppress_small && ev->sums.computed != ev->sums.rows &&
	    dash_rate(pt->c.num,
	    pt->c.den, pt->c.has_den, ind->scale, &v))
		html_fmt(&r->out, "<br><small>%s: %s (%s/%s)</small>",
		    L(r, "Tính từ sổ theo dõi", "Computed from the register"),
		    fmt_value(r, ind, v, a), numfmt_int(b, pt->c.num, lang_of(r)),
		    numfmt_int(c, pt->c.den, lang_of(r)));
	html_lit(&r->out, "</td></tr>");
}

/* "còn 1,5 điểm %" / "vượt 0,3 điểm %" */
static void
gap_html(struct req *r, const struct dash_indicator *ind,
    const struct target_eval *ev)
{
	char a[NUMFMT_MAX];

	/* The gap to a milestone would give a hidden count away. */
	if (!ev->has_gap || (ev->has_actual && hidden(ind, ev->actual))) {
		html_lit(&r->out, "—");
		return;
	}
	numfmt_points(a, fabs(ev->gap), ind->unit, lang_of(r));
	if (ev->gap > 0)
		html_fmt(&r->out, "%s %s", L(r, "còn", "to go:"), a);
	else if (ev->gap < 0)
		html_fmt(&r->out, "%s %s", L(r, "vượt", "ahead by"), a);
	else
		html_fmt(&r->out, "%s", L(r, "đúng bằng mốc", "at the milestone"));
}

static void
chart(struct req *r, const struct dash_entry *e, size_t k)
{
	const struct dash_target *tg = &e->tg[k];
	const struct dash_indicator *ind = tg->ind;
	const struct dash_series *s = rollup_series(e->ru, 0, ind->id);
	const int lang = lang_of(r);
	size_t n = s ? s->n : 0, na = 0, np = 0, i;
	struct chart_point *act = xcalloc(n + 1, sizeof(*act));
	struct chart_point *plan = xcalloc(tg->nms + 2, sizeof(*plan));
	struct chart_point *marks = xcalloc(tg->nms + 1, sizeof(*marks));
	char (*lab)[96] = xcalloc(n + tg->nms + 1, sizeof(*lab));
	char v[NUMFMT_MAX], title[320], plan_label[64];
	struct chart_spec spec;

	for (i = 0; i < n; i++) {
		const struct dash_point *p = &s->p[i];
		double y;

		if (!dash_rate(p->s.num, p->s.den, p->s.has_den, ind->scale,
		    &y) || hidden(ind, y))
			continue;
		act[na].x = p->year - (strstr(p->code, "S1") ? 0.5 : 0);
		act[na].y = y;
		snprintf(lab[na], sizeof(lab[na]), "%s: %s", p->code,
		    numfmt_value(v, y, ind->unit, lang));
		act[na].label = lab[na];
		if (np == 0 && !tg->has_baseline) {
			/* Without a baseline the line starts at the first
			 * actual, as the status rule does. */
			plan[np].x = act[na].x;
			plan[np++].y = y;
		}
		na++;
	}
	if (tg->has_baseline) {
		plan[0].x = tg->baseline_year;
		plan[0].y = tg->baseline;
		np = 1;
	}
	for (i = 0; i < tg->nms; i++) {
		const struct dash_milestone *m = &tg->ms[i];
		char *l = lab[na + i];

		plan[np].x = m->year;
		plan[np++].y = m->value;
		marks[i].x = m->year;
		marks[i].y = m->value;
		snprintf(l, sizeof(lab[0]), "%s %d: %s %s", lang ? "Milestone" :
		    "Mốc", m->year, dash_cmp_sign(m->cmp),
		    numfmt_value(v, m->value, ind->unit, lang));
		marks[i].label = l;
	}
	snprintf(title, sizeof(title), "%s: %s", lang ? "Trend" : "Xu hướng",
	    lang ? ind->name_en : ind->name_vi);
	snprintf(plan_label, sizeof(plan_label), "%s", lang ?
	    "Trajectory: baseline to milestones" :
	    "Lộ trình: từ giá trị ban đầu đến các mốc");
	memset(&spec, 0, sizeof(spec));
	spec.title = title;
	spec.actual = act;
	spec.nactual = na;
	spec.plan = plan;
	spec.nplan = tg->nms > 0 ? np : 0;
	spec.plan_label = plan_label;
	spec.marks = marks;
	spec.nmarks = tg->nms;
	spec.unit = ind->unit;
	spec.lang = lang;
	chart_svg(&r->out, &spec);
	free(act);
	free(plan);
	free(marks);
	free(lab);
}

static void
card(struct req *r, const struct dash_entry *e, size_t k)
{
	const struct dash_target *tg = &e->tg[k];
	const struct target_eval *ev = &e->ev[k];
	const struct dash_indicator *ind = tg->ind;
	char a[NUMFMT_MAX], b[NUMFMT_MAX];

	html_fmt(&r->out, "<article id=\"target-%I\" class=\"target\">"
	    "<header>", tg->id);
	dash_status_badge_html(r, ev->status);
	html_fmt(&r->out, " <strong>%s</strong> <small>· <a href=\"/plans/%I\" "
	    "title=\"%s\">%s</a></small></header><p>%s</p>", tg->label,
	    tg->plan_id, tg->plan_title, tg->plan_ref[0] ? tg->plan_ref :
	    tg->plan_title, ind_name(r, ind));
	html_lit(&r->out, "<table class=\"compact\"><tbody>");
	html_fmt(&r->out, "<tr><th scope=\"row\">%s</th><td class=\"num\">",
	    L(r, "Giá trị ban đầu", "Baseline"));
	if (ev->has_baseline)
		html_fmt(&r->out, "%s (%d)", fmt_value(r, ind, ev->baseline,
		    a), ev->baseline_year);
	else
		html_lit(&r->out, "—");
	html_fmt(&r->out, "</td></tr><tr><th scope=\"row\">%s</th>"
	    "<td class=\"num\">", L(r, "Thực hiện", "Actual"));
	if (ev->has_actual) {
		fmt_value(r, ind, ev->actual, a);
		html_fmt(&r->out, "<strong>%s</strong> (%s)", a, ev->period);
		if (ind->scale != 0)
			html_fmt(&r->out, "<br><small class=\"muted\">%s/%s"
			    "</small>", numfmt_int(a, ev->sums.num, lang_of(r)),
			    numfmt_int(b, ev->sums.den, lang_of(r)));
	} else
		html_fmt(&r->out, "%s", L(r, "chưa có", "none yet"));
	html_lit(&r->out, "</td></tr>");
	computed_html(r, e, k);
	if (ind->by_sex && !(ev->has_m && ev->has_f && sex_hidden(r, ind,
	    ev->sums.num_m, ev->sums.num_f, a, b)))
		html_fmt(&r->out, "<tr><th scope=\"row\">%s</th><td class=\"num\">"
		    "%s %s · %s %s</td></tr>", L(r, "Theo giới tính", "By sex"),
		    L(r, "Nam", "Male"), ev->has_m ? fmt_value(r, ind,
		    ev->actual_m, a) : "—", L(r, "Nữ", "Female"),
		    ev->has_f ? fmt_value(r, ind, ev->actual_f, b) : "—");
	else if (ind->by_sex)
		html_fmt(&r->out, "<tr><th scope=\"row\">%s</th><td class=\"num\">"
		    "%s %s · %s %s</td></tr>", L(r, "Theo giới tính", "By sex"),
		    L(r, "Nam", "Male"), a, L(r, "Nữ", "Female"), b);
	html_fmt(&r->out, "<tr><th scope=\"row\">%s</th><td class=\"num\">",
	    L(r, "Mốc tiếp theo", "Next milestone"));
	if (ev->has_next)
		html_fmt(&r->out, "%d: %s %s", ev->next.year,
		    dash_cmp_sign(ev->next.cmp), fmt_value(r, ind,
		    ev->next.value, a));
	else
		html_lit(&r->out, "—");
	html_fmt(&r->out, "</td></tr><tr><th scope=\"row\">%s</th>"
	    "<td class=\"num\">", L(r, "Khoảng cách", "Gap"));
	gap_html(r, ind, ev);
	html_lit(&r->out, "</td></tr></tbody></table>");
	chart(r, e, k);
	if (tg->clause[0])
		html_fmt(&r->out, "<details><summary>%s</summary><p>%s</p>"
		    "</details>", L(r, "Nội dung chỉ tiêu", "Target text"),
		    tg->clause);
	html_fmt(&r->out, "<footer><a href=\"/units/%I/dashboard/targets/%I/"
	    "units\" hx-get=\"/units/%I/dashboard/targets/%I/units\" "
	    "hx-target=\"#below-%I\" role=\"button\" class=\"secondary "
	    "outline\">%s</a><div id=\"below-%I\"></div></footer></article>",
	    e->unit_id, tg->id, e->unit_id, tg->id, tg->id,
	    L(r, "Các đơn vị trực thuộc", "Units below"), tg->id);
}

/* How many of the latest periods the monitoring tables show. */
#define MONITOR_PERIODS 5

/*
 * Indicators that hide small counts (the number of abused children, TT
 * 13/2021 0101) are shown whether a plan has a target on them or not: the
 * unit's latest periods, by sex, and the units below in the latest one,
 * every count of 1 to 4 as "< 5".
 */
static void
monitored_html(struct req *r, const struct dash_entry *e,
    const struct unit_tree *t)
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX], c[NUMFMT_MAX];
	size_t i, j, k;

	for (i = 0; i < e->nind; i++) {
		const struct dash_indicator *ind = &e->ind[i];
		const struct dash_series *s = rollup_series(e->ru, 0, ind->id);
		const struct dash_point *last;

		if (!ind->suppress_small || s == NULL || s->n == 0)
			continue;
		html_fmt(&r->out, "<section class=\"monitored\" id=\"ind-%s\">"
		    "<h2>%s</h2><p class=\"muted\">%s</p><table class=\"compact"
		    "\"><thead><tr><th>%s</th><th class=\"num\">%s</th>"
		    "<th class=\"num\">%s</th><th class=\"num\">%s</th></tr>"
		    "</thead><tbody>", ind->code, ind_name(r, ind),
		    L(r, "Số liệu theo dõi, tính từ hồ sơ đã ẩn danh; số từ 1 "
		    "đến 4 hiện là «< 5» để không nhận diện được trẻ.",
		    "Monitored figures, counted from de-identified cases; "
		    "counts of 1 to 4 show as \"< 5\" so that no child can be "
		    "identified."), L(r, "Kỳ", "Period"), L(r, "Tổng", "Total"),
		    L(r, "Nam", "Male"), L(r, "Nữ", "Female"));
		for (j = s->n; j > 0 && j + MONITOR_PERIODS > s->n; j--) {
			const struct dash_point *p = &s->p[j - 1];

			if (!p->s.has_sex)
				snprintf(a, sizeof(a), "—"), snprintf(b,
				    sizeof(b), "—");
			else if (!sex_hidden(r, ind, p->s.num_m, p->s.num_f, a,
			    b)) {
				numfmt_int(a, p->s.num_m, lang_of(r));
				numfmt_int(b, p->s.num_f, lang_of(r));
			}
			html_fmt(&r->out, "<tr><td>%s</td><td class=\"num\">%s"
			    "</td><td class=\"num\">%s</td><td class=\"num\">"
			    "%s</td></tr>", p->code, numfmt_count_small(c,
			    p->s.num, lang_of(r)), a, b);
		}
		html_lit(&r->out, "</tbody></table>");
		last = &s->p[s->n - 1];
		if (e->ru->nunits > 1) {
			size_t none = 0;

			html_fmt(&r->out, "<table class=\"compact\"><caption>%s "
			    "%s</caption><tbody>", L(r, "Các đơn vị trực thuộc, "
			    "kỳ", "Units below, period"), last->code);
			for (k = 1; k < e->ru->nunits; k++) {
				const struct unit *u = unit_get(t,
				    e->ru->units[k]);
				const struct dash_point *p = rollup_point(
				    rollup_series(e->ru, k, ind->id),
				    last->period_id);

				if (u == NULL)
					continue;
				/* A province has hundreds of communes: list
				 * those with a count, count the others. */
				if (p == NULL || p->s.num == 0) {
					none++;
					continue;
				}
				html_fmt(&r->out, "<tr><td><a href=\"/units/%I/"
				    "dashboard\">%s</a></td><td class=\"num\">"
				    "%s</td></tr>", u->id, unit_display_name(u,
				    r->lang), numfmt_count_small(c, p->s.num,
				    lang_of(r)));
			}
			html_lit(&r->out, "</tbody></table>");
			if (none > 0)
				html_fmt(&r->out, "<p class=\"muted\">%s: %d</p>",
				    L(r, "Số đơn vị trực thuộc không ghi nhận "
				    "trường hợp nào trong kỳ", "Units below with "
				    "no case recorded in the period"), (int)none);
		}
		html_lit(&r->out, "</section>");
	}
}

/* The same as JSON: [{indicator, series: [{period, num, num_m, num_f}]}]. */
static json_t *
monitored_json(struct req *r, const struct dash_entry *e)
{
	json_t *arr = json_array();
	size_t i, j;

	for (i = 0; i < e->nind; i++) {
		const struct dash_indicator *ind = &e->ind[i];
		const struct dash_series *s = rollup_series(e->ru, 0, ind->id);
		json_t *ser;

		if (!ind->suppress_small || s == NULL || s->n == 0)
			continue;
		ser = json_array();
		for (j = 0; j < s->n; j++) {
			const struct dash_point *p = &s->p[j];
			json_t *pt = json_pack("{s:s,s:I}", "period", p->code,
			    "units_reporting", (json_int_t)p->s.rows);

			json_object_set_new(pt, "num", jcount(ind, p->s.num));
			if (p->s.has_sex)
				jsex(pt, ind, "num_m", "num_f", p->s.num_m,
				    p->s.num_f);
			json_array_append_new(ser, pt);
		}
		json_array_append_new(arr, json_pack("{s:{s:I,s:s,s:s},s:o}",
		    "indicator", "id", (json_int_t)ind->id, "code", ind->code,
		    "name", ind_name(r, ind), "series", ser));
	}
	return arr;
}

static void
counts(const struct dash_entry *e, size_t c[TS__MAX])
{
	size_t i;

	memset(c, 0, TS__MAX * sizeof(*c));
	for (i = 0; i < e->ntg; i++)
		c[e->ev[i].status]++;
}

/* The latest period with a value among the targets, or NULL. */
static const char *
latest_period(const struct dash_entry *e)
{
	const struct target_eval *best = NULL;
	size_t i;

	for (i = 0; i < e->ntg; i++)
		if (e->ev[i].has_actual && (best == NULL ||
		    e->ev[i].actual_year > best->actual_year))
			best = &e->ev[i];
	return best ? best->period : NULL;
}

/*
 * The entry of the unit in the path, after the scope check; NULL, with
 * the answer given (403, 404, 500), if there is none to show.
 */
static const struct dash_entry *
path_entry(struct req *r, const struct unit_tree *t)
{
	const struct dash_entry *e;

	if (t == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cơ cấu tổ chức.",
		    "The organisation tree could not be read.");
		return NULL;
	}
	if (!unit_check_scope(r, t, r->params[0]))
		return NULL;
	if ((e = dash_entry_get(r->app, r->db, t, r->params[0])) == NULL)
		resp_error(r, ERR_DB, "Không tính được số liệu tổng hợp.",
		    "The roll-up could not be computed.");
	return e;
}

void
dash_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct dash_entry *e = NULL;
	const struct unit *u;
	const struct dash_memo *m;
	enum dash_memo_slot slot;
	const char *latest;
	size_t c[TS__MAX], i, start;
	static const enum target_status order[] = { TS_ACHIEVED, TS_ON_TRACK,
	    TS_AT_RISK, TS_OFF_TRACK, TS_NO_DATA };

	if ((e = path_entry(r, t)) == NULL)
		goto out;
	u = unit_get(t, e->unit_id);
	page_begin(r, unit_display_name(u, r->lang));
	slot = r->lang == LANG_EN ? DASH_MEMO_PAGE_EN : DASH_MEMO_PAGE_VI;
	if ((m = dash_entry_memo(e, slot)) != NULL) {
		buf_add(&r->out, m->s, m->len);
		goto done;
	}
	start = r->out.len;
	html_fmt(&r->out, "<hgroup><h1>%s</h1><p>%s · %s · <a href=\"/units/"
	    "%I\">%s</a></p></hgroup>", unit_display_name(u, r->lang),
	    unit_kind_name(u->kind, lang_of(r)), L(r, "Chỉ tiêu và kết quả",
	    "Targets and results"), u->id, L(r, "Thông tin đơn vị",
	    "About the unit"));
	latest = latest_period(e);
	html_fmt(&r->out, "<p class=\"muted\">%s: <strong>%s</strong>. %s "
	    "%s.</p>", L(r, "Số liệu mới nhất", "Latest data"), latest ?
	    latest : L(r, "chưa có", "none yet"),
	    L(r, "Số liệu của đơn vị là tổng tử số và mẫu số của các đơn vị "
	    "trực thuộc theo cơ cấu tổ chức tại thời điểm của từng kỳ, không "
	    "lấy trung bình các tỷ lệ; cơ cấu hôm nay:",
	    "A unit's figures sum the numerators and denominators of the units "
	    "below it as organised at each period, never averaging rates; "
	    "structure as of"), e->today);
	counts(e, c);
	html_fmt(&r->out, "<p class=\"dash-summary\"><strong>%s: %d</strong>",
	    L(r, "Số chỉ tiêu", "Targets"), (int)e->ntg);
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		html_lit(&r->out, " ");
		dash_status_badge_html(r, order[i]);
		html_fmt(&r->out, " <span class=\"count\" data-status=\"%s\">%d"
		    "</span>", dash_status_code(order[i]), (int)c[order[i]]);
	}
	html_lit(&r->out, "</p>");
	monitored_html(r, e, t);
	if (e->ntg == 0)
		html_fmt(&r->out, "<p>%s</p>", L(r, "Chưa có chỉ tiêu nào áp "
		    "dụng cho đơn vị này: chỉ tiêu đến từ kế hoạch của đơn vị và "
		    "của các đơn vị cấp trên.", "No target applies to this unit "
		    "yet: targets come from the plans of the unit and of the units "
		    "above it."));
	html_lit(&r->out, "<div class=\"card-grid\">");
	for (i = 0; i < e->ntg; i++)
		card(r, e, i);
	html_lit(&r->out, "</div>");
	if (!buf_failed(&r->out))
		(void)dash_entry_memo_set(e, slot, r->out.data + start,
		    r->out.len - start);
done:
	page_end(r);
	resp_html(r, 200);
out:
	dash_entry_put(r->app, e);
	unit_tree_put(r->app, t);
}

void
dash_below_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct dash_entry *e = NULL;
	const struct dash_indicator *ind;
	struct ranked *v = NULL;
	char a[NUMFMT_MAX];
	size_t k, n, i;

	if ((e = path_entry(r, t)) == NULL)
		goto out;
	if ((k = dash_entry_target(e, r->params[1])) == (size_t)-1) {
		resp_error(r, ERR_NOTFOUND, "Chỉ tiêu này không áp dụng cho đơn "
		    "vị.", "This target does not apply to the unit.");
		goto out;
	}
	ind = e->tg[k].ind;
	v = rank_below(e, t, k, &n);
	page_begin(r, e->tg[k].label);
	if (!r->htmx)
		html_fmt(&r->out, "<h1>%s — %s</h1><p><a href=\"/units/%I/"
		    "dashboard\">%s</a></p>", e->tg[k].label, ind_name(r, ind),
		    e->unit_id, L(r, "Về trang tổng quan", "Back to the dashboard"));
	if (n == 0) {
		html_fmt(&r->out, "<p class=\"muted\">%s</p>", L(r, "Không có "
		    "đơn vị trực thuộc nào có chỉ tiêu này.", "No unit below is "
		    "concerned by this target."));
		goto done;
	}
	html_fmt(&r->out, "<div class=\"overflow-auto\">"
	    "<table class=\"compact below\"><caption>%s"
	    "</caption><thead><tr><th>#</th><th>%s</th><th class=\"num\">%s</th>"
	    "<th>%s</th><th class=\"num\">%s</th><th>%s</th></tr></thead><tbody>",
	    L(r, "Xếp theo khoảng cách đến mốc, xa nhất trước",
	    "Ranked by gap to the milestone, furthest first"),
	    L(r, "Đơn vị", "Unit"), L(r, "Thực hiện", "Actual"),
	    L(r, "Kỳ", "Period"), L(r, "Khoảng cách", "Gap"),
	    L(r, "Trạng thái", "Status"));
	for (i = 0; i < n; i++) {
		html_fmt(&r->out, "<tr data-unit=\"%I\"><td>%d</td><td><a href=\""
		    "/units/%I/dashboard\">%s</a></td><td class=\"num\">%s</td>"
		    "<td>%s</td><td class=\"num\">", v[i].u->id, (int)(i + 1),
		    v[i].u->id, unit_display_name(v[i].u, r->lang), v[i].ev.has_actual ?
		    fmt_value(r, ind, v[i].ev.actual, a) : "—",
		    v[i].ev.has_actual ? v[i].ev.period : "—");
		gap_html(r, ind, &v[i].ev);
		html_lit(&r->out, "</td><td>");
		dash_status_badge_html(r, v[i].ev.status);
		html_lit(&r->out, "</td></tr>");
	}
	html_lit(&r->out, "</tbody></table></div>");
done:
	page_end(r);
	resp_html(r, 200);
out:
	free(v);
	dash_entry_put(r->app, e);
	unit_tree_put(r->app, t);
}

static json_t *
jreal_or_null(bool has, double v)
{
	return has ? json_real(v) : json_null();
}

static json_t *
eval_json(const struct dash_indicator *ind, const struct target_eval *ev)
{
	json_t *o = json_object();
	bool hide = ev->has_actual && hidden(ind, ev->actual);

	json_object_set_new(o, "status", json_string(dash_status_code(
	    ev->status)));
	if (ev->has_actual) {
		const struct dash_sums *s = &ev->sums;
		json_t *a = json_pack("{s:s,s:I,s:I}", "period",
		    ev->period, "year", (json_int_t)ev->actual_year,
		    "units_reporting", (json_int_t)s->rows);

		json_object_set_new(a, "value", jvalue(ind, true,
		    ev->actual));
		json_object_set_new(a, "num", jcount(ind, s->num));
		json_object_set_new(a, "den", s->has_den ?
		    json_integer(s->den) : json_null());
		if (s->has_sex && ind->suppress_small)
			jsex(a, ind, "num_m", "num_f", s->num_m, s->num_f);
		else if (s->has_sex) {
			json_object_set_new(a, "num_m", json_integer(s->num_m));
			json_object_set_new(a, "num_f", json_integer(s->num_f));
			if (s->has_den) {
				json_object_set_new(a, "den_m",
				    json_integer(s->den_m));
				json_object_set_new(a, "den_f",
				    json_integer(s->den_f));
			}
		}
		json_object_set_new(a, "computed_rows",
		    json_integer(s->computed));
		if (ind->suppress_small && s->has_sex)
			jsex(a, ind, "value_m", "value_f", s->num_m, s->num_f);
		else {
			json_object_set_new(a, "value_m", jreal_or_null(
			    ev->has_m, ev->actual_m));
			json_object_set_new(a, "value_f", jreal_or_null(
			    ev->has_f, ev->actual_f));
		}
		json_object_set_new(o, "actual", a);
	} else
		json_object_set_new(o, "actual", json_null());
	json_object_set_new(o, "next_milestone", ev->has_next ?
	    json_pack("{s:I,s:s,s:f}", "year", (json_int_t)ev->next.year,
	    "cmp", dash_cmp_code(ev->next.cmp), "value", ev->next.value) :
	    json_null());
	json_object_set_new(o, "gap", jreal_or_null(ev->has_gap && !hide,
	    ev->gap));
	json_object_set_new(o, "trajectory", jreal_or_null(ev->has_line,
	    ev->line));
	return o;
}

static json_t *
target_json(struct req *r, const struct dash_entry *e,
    const struct unit_tree *t, size_t k, bool below)
{
	const struct dash_target *tg = &e->tg[k];
	const struct dash_indicator *ind = tg->ind;
	const struct dash_series *s = rollup_series(e->ru, 0, ind->id);
	json_t *o = eval_json(ind, &e->ev[k]), *ms = json_array(), *ser =
	    json_array();
	size_t i;

	json_object_set_new(o, "status_label", json_string(dash_status_label(
	    e->ev[k].status, lang_of(r))));
	json_object_set_new(o, "id", json_integer(tg->id));
	json_object_set_new(o, "code", json_string(tg->code));
	json_object_set_new(o, "label", json_string(tg->label));
	json_object_set_new(o, "clause", json_string(tg->clause));
	json_object_set_new(o, "plan", json_pack("{s:I,s:s,s:s,s:I}", "id",
	    (json_int_t)tg->plan_id, "ref", tg->plan_ref, "title",
	    tg->plan_title, "unit_id", (json_int_t)tg->owner_id));
	json_object_set_new(o, "indicator", json_pack("{s:I,s:s,s:s,s:s,s:s,"
	    "s:b}", "id", (json_int_t)ind->id, "code", ind->code, "name",
	    ind_name(r, ind), "unit", ind->unit == NUMFMT_PERCENT ? "percent" :
	    ind->unit == NUMFMT_PER1000 ? "per1000" : "count", "direction",
	    ind->dir == DIR_UP ? "up" : "down", "by_sex", ind->by_sex));
	json_object_set_new(o, "baseline", jreal_or_null(tg->has_baseline,
	    tg->baseline));
	json_object_set_new(o, "baseline_year", tg->has_baseline ?
	    json_integer(tg->baseline_year) : json_null());
	for (i = 0; i < tg->nms; i++)
		json_array_append_new(ms, json_pack("{s:I,s:s,s:f}", "year",
		    (json_int_t)tg->ms[i].year, "cmp", dash_cmp_code(
		    tg->ms[i].cmp), "value", tg->ms[i].value));
	json_object_set_new(o, "milestones", ms);
	for (i = 0; s != NULL && i < s->n; i++) {
		const struct dash_point *p = &s->p[i];
		double v;
		json_t *pt = json_pack("{s:s,s:I,s:I}", "period", p->code,
		    "year", (json_int_t)p->year, "units_reporting",
		    (json_int_t)p->s.rows);
		bool has;

		json_object_set_new(pt, "num", jcount(ind, p->s.num));
		json_object_set_new(pt, "den", p->s.has_den ?
		    json_integer(p->s.den) : json_null());
		has = dash_rate(p->s.num, p->s.den, p->s.has_den, ind->scale,
		    &v);
		json_object_set_new(pt, "value", jvalue(ind, has, v));
		if (p->c.rows > 0) {
			json_t *c = json_pack("{s:I}", "units",
			    (json_int_t)p->c.rows);

			json_object_set_new(c, "num", jcount(ind, p->c.num));
			json_object_set_new(c, "den", p->c.has_den ?
			    json_integer(p->c.den) : json_null());
			has = dash_rate(p->c.num, p->c.den, p->c.has_den,
			    ind->scale, &v);
			json_object_set_new(c, "value", jvalue(ind, has, v));
			json_object_set_new(pt, "computed", c);
		}
		json_array_append_new(ser, pt);
	}
	json_object_set_new(o, "series", ser);
	if (below) {
		size_t n;
		struct ranked *v = rank_below(e, t, k, &n);
		json_t *arr = json_array();

		for (i = 0; i < n; i++) {
			json_t *x = eval_json(ind, &v[i].ev);

			json_object_set_new(x, "unit", json_pack("{s:I,s:s,"
			    "s:s}", "id", (json_int_t)v[i].u->id, "code",
			    v[i].u->code, "name", unit_display_name(v[i].u, r->lang)));
			json_array_append_new(arr, x);
		}
		free(v);
		json_object_set_new(o, "units_below", arr);
	}
	return o;
}

void
dash_api(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct dash_entry *e = NULL;
	const struct unit *u;
	const char *q = req_query(r, "below");
	json_t *root = NULL, *arr, *sum;
	const struct dash_memo *m;
	enum dash_memo_slot slot;
	size_t c[TS__MAX], i;
	bool below = q != NULL && strcmp(q, "1") == 0;
	char *s;

	if ((e = path_entry(r, t)) == NULL)
		goto out;
	u = unit_get(t, e->unit_id);
	slot = below ? (r->lang == LANG_EN ? DASH_MEMO_JSON_BELOW_EN :
	    DASH_MEMO_JSON_BELOW_VI) : (r->lang == LANG_EN ?
	    DASH_MEMO_JSON_EN : DASH_MEMO_JSON_VI);
	if ((m = dash_entry_memo(e, slot)) != NULL) {
		resp_json_text(r, 200, m->s);
		goto out;
	}
	counts(e, c);
	sum = json_object();
	for (i = 0; i < TS__MAX; i++)
		json_object_set_new(sum, dash_status_code((enum target_status)i),
		    json_integer((json_int_t)c[i]));
	json_object_set_new(sum, "total", json_integer((json_int_t)e->ntg));
	arr = json_array();
	for (i = 0; i < e->ntg; i++)
		json_array_append_new(arr, target_json(r, e, t, i, below));
	root = json_pack("{s:{s:I,s:s,s:s,s:s},s:I,s:s,s:o,s:o}", "unit", "id",
	    (json_int_t)u->id, "code", u->code, "name", unit_display_name(u, r->lang),
	    "kind", unit_kinds[u->kind].code, "generation",
	    (json_int_t)e->generation, "today", e->today, "summary", sum,
	    "targets", arr);
	json_object_set_new(root, "monitored", monitored_json(r, e));
	s = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(12));
	m = dash_entry_memo_set(e, slot, s, strlen(s));
	free(s);
	resp_json_text(r, 200, m->s);
out:
	json_decref(root);
	dash_entry_put(r->app, e);
	unit_tree_put(r->app, t);
}
