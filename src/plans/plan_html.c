/*
 * plan_html.c -- a plan shown as the document it is, in the Decree
 * 30/2020 layout: the two-column header (parent body, issuer and number;
 * national motto, place and date), the type and title, the basis in
 * italics linking to the plans in vitre, the numbered sections with
 * owner and due badges, the targets table with each target's live status
 * and a warning where it is weaker than the plan above, funding,
 * assignments, the reporting regime, the signature and "Nơi nhận".
 * The document's own text is Vietnamese; the page's labels follow the
 * user's language.
 */
#include <stdio.h>
#include <string.h>

#include "dashboard/dashboard.h"
#include "http/req.h"
#include "plans/plan_html.h"
#include "render/html.h"
#include "render/numfmt.h"

struct vctx {
	struct req		*r;
	const struct plan_view	*v;
	bool			 placed[PLAN_NODE__MAX];
};

void
plan_date_vi(const char *date, char *out, size_t outsz)
{
	int y, m, d;

	if (date == NULL || strlen(date) != 10) {
		snprintf(out, outsz, "%s", "ngày … tháng … năm …");
		return;
	}
	y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 +
	    (date[2] - '0') * 10 + (date[3] - '0');
	m = (date[5] - '0') * 10 + (date[6] - '0');
	d = (date[8] - '0') * 10 + (date[9] - '0');
	snprintf(out, outsz, "ngày %02d tháng %s%d năm %d", d,
	    m <= 2 ? "0" : "", m, y);
}

/* "05-05" -> "05/5" (Decree 30 style day and month). */
static void
mmdd_vi(const char *s, char *out, size_t outsz)
{
	int m, d;

	if (strlen(s) != 5) {
		snprintf(out, outsz, "%s", s);
		return;
	}
	m = (s[0] - '0') * 10 + (s[1] - '0');
	d = (s[3] - '0') * 10 + (s[4] - '0');
	snprintf(out, outsz, "%02d/%s%d", d, m <= 2 ? "0" : "", m);
}

/* "2025-06-30" -> "30/6/2025". */
static void
due_vi(const char *s, char *out, size_t outsz)
{
	char dm[16], mmdd[6];

	memcpy(mmdd, s + 5, 5);
	mmdd[5] = '\0';
	mmdd_vi(mmdd, dm, sizeof(dm));
	snprintf(out, outsz, "%s/%.4s", dm, s);
}

static void
roman(int n, char *out, size_t outsz)
{
	static const struct {
		int		 v;
		const char	*s;
	} t[] = { { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" },
	    { 1, "I" } };
	size_t k = 0, i;

	out[0] = '\0';
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		while (n >= t[i].v && k + 3 < outsz) {
			k += (size_t)snprintf(out + k, outsz - k, "%s", t[i].s);
			n -= t[i].v;
		}
}

/* The number of the n-th numbered section at depth: "I.", "1.", "a)". */
static void
section_number(int depth, int n, char *out, size_t outsz)
{
	static const char *const letters[] = { "a", "b", "c", "d", "đ", "e",
	    "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
	    "u", "v", "x", "y" };
	char r[24];

	if (depth == 0) {
		roman(n, r, sizeof(r));
		snprintf(out, outsz, "%s.", r);
	} else if (depth == 1)
		snprintf(out, outsz, "%d.", n);
	else if (depth == 2 && n <= (int)(sizeof(letters) / sizeof(letters[0])))
		snprintf(out, outsz, "%s)", letters[n - 1]);
	else
		snprintf(out, outsz, "%s", "-");
}

static void
badges(struct vctx *c, const struct plan_node *x)
{
	char due[32];

	if (x->owner[0] != '\0')
		html_fmt(&c->r->out, " <span class=\"badge badge-owner\">%s: %s"
		    "</span>", L(c->r, "Phụ trách", "Owner"), x->owner);
	if (x->due[0] != '\0') {
		due_vi(x->due, due, sizeof(due));
		html_fmt(&c->r->out, " <span class=\"badge badge-due\">%s %s"
		    "</span>", L(c->r, "Hạn", "Due"), due);
	}
}

static const struct plan_indicator *
indicator(const struct vctx *c, const struct plan_target *t)
{
	return plan_catalogue_find(c->v->cat, t->indicator);
}

static enum plan_vunit
vunit_of(const struct vctx *c, const struct plan_target *t)
{
	const struct plan_indicator *ind = indicator(c, t);

	return ind ? ind->vunit : PLAN_VUNIT_PERCENT;
}

static void
live_cell(struct vctx *c, size_t i)
{
	const struct target_eval *ev;
	char a[NUMFMT_MAX];
	enum numfmt_unit u;

	html_lit(&c->r->out, "<td>");
	if (c->v->evals == NULL || !c->v->evaled[i]) {
		html_lit(&c->r->out, "—</td>");
		return;
	}
	ev = &c->v->evals[i];
	u = (enum numfmt_unit)vunit_of(c, &c->v->p->targets[i]);
	if (ev->has_actual)
		html_fmt(&c->r->out, "%s <small class=\"muted\">(%s)</small><br>",
		    numfmt_value(a, ev->actual, u, c->r->lang == LANG_EN),
		    ev->period);
	dash_status_badge_html(c->r, ev->status);
	html_lit(&c->r->out, "</td>");
}

static void
targets_table(struct vctx *c)
{
	const struct plan *p = c->v->p;
	struct buf *o = &c->r->out;
	char m[64];
	size_t i, k;

	if (p->ntargets == 0) {
		html_fmt(o, "<p class=\"muted\">%s</p>", L(c->r,
		    "Kế hoạch không có chỉ tiêu định lượng.",
		    "The plan has no numeric targets."));
		return;
	}
	html_fmt(o, "<div class=\"overflow-auto\"><table class=\"compact "
	    "plan-targets\"><thead><tr><th>%s</th><th>%s</th><th>%s</th>"
	    "<th>%s</th><th>%s<br><small>%s</small></th><th>%s</th></tr>"
	    "</thead><tbody>", L(c->r, "Chỉ tiêu", "Target"),
	    L(c->r, "Chỉ số", "Indicator"), L(c->r, "Giá trị gốc", "Baseline"),
	    L(c->r, "Mốc", "Milestones"), L(c->r, "Hiện tại", "Now"),
	    c->v->unit_name, L(c->r, "Trích văn bản", "Clause"));
	for (i = 0; i < p->ntargets; i++) {
		const struct plan_target *t = &p->targets[i];
		const struct plan_indicator *ind = indicator(c, t);
		enum plan_vunit u = vunit_of(c, t);

		html_fmt(o, "<tr id=\"target-%s\"><td>%s<br><small><code>%s"
		    "</code></small></td><td>%s</td><td>", t->code, t->label,
		    t->code, ind ? L(c->r, ind->name_vi, ind->name_en) :
		    t->indicator);
		if (t->has_baseline) {
			plan_fmt_milestone(PLAN_CMP_EQ, t->baseline, u, m,
			    sizeof(m));
			html_text(o, m + 1);	/* without "=" */
			if (t->baseline_year != 0)
				html_fmt(o, " <small>(%d)</small>",
				    t->baseline_year);
		} else
			html_lit(o, "—");
		html_lit(o, "</td><td>");
		for (k = 0; k < t->nms; k++) {
			plan_fmt_milestone(t->ms[k].cmp, t->ms[k].value, u, m,
			    sizeof(m));
			if (k > 0)
				html_lit(o, "<br>");
			html_fmt(o, "<strong>%d</strong>: %s", t->ms[k].year, m);
		}
		html_lit(o, "</td>");
		live_cell(c, i);
		html_lit(o, "<td><small>");
		html_text_br(o, t->clause);
		html_lit(o, "</small></td></tr>");
		for (k = 0; k < c->v->nweak; k++) {
			const struct plan_weakmsg *w = &c->v->weak[k];

			if (w->t != i)
				continue;
			html_fmt(o, "<tr class=\"weak\"><td colspan=\"6\"><div "
			    "class=\"warn\">%s: %s %s %s (<a href=\"/plans/%I\">"
			    "%s</a>), %s %d</div></td></tr>",
			    L(c->r, "Chỉ tiêu yếu hơn kế hoạch cấp trên",
			    "Target weaker than the plan above"), w->child,
			    L(c->r, "so với", "against"), w->parent,
			    w->parent_id, w->ref, L(c->r, "năm", "year"),
			    w->year);
		}
	}
	html_lit(o, "</tbody></table></div>");
}

static void
funding_list(struct vctx *c)
{
	size_t i;

	for (i = 0; i < c->v->p->funding.n; i++)
		html_fmt(&c->r->out, "<p class=\"doc-item\">- %s</p>",
		    c->v->p->funding.v[i]);
}

static void
assignments_table(struct vctx *c)
{
	const struct plan *p = c->v->p;
	struct buf *o = &c->r->out;
	size_t i, k;

	if (p->nassignments == 0)
		return;
	html_fmt(o, "<table class=\"compact\"><thead><tr><th>%s</th><th>%s</th>"
	    "<th>%s</th></tr></thead><tbody>", L(c->r, "Ai thực hiện", "Who"),
	    L(c->r, "Nội dung", "What"), L(c->r, "Chỉ tiêu", "Targets"));
	for (i = 0; i < p->nassignments; i++) {
		const struct plan_assignment *a = &p->assignments[i];

		html_fmt(o, "<tr><td>%s</td><td>", a->who);
		html_text_br(o, a->what);
		html_lit(o, "</td><td>");
		for (k = 0; k < a->targets.n; k++)
			html_fmt(o, "%s<a href=\"#target-%s\"><code>%s</code></a>",
			    k ? " " : "", a->targets.v[k], a->targets.v[k]);
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table>");
}

static void
schedule_text(struct vctx *c, const struct plan_reporting *rp)
{
	struct buf *o = &c->r->out;
	char d[16];
	size_t k;

	switch (rp->schedule) {
	case PLAN_SCHED_DATES:
		html_fmt(o, "%s ", L(c->r, "Trước các ngày", "By"));
		for (k = 0; k < rp->dates.n; k++) {
			mmdd_vi(rp->dates.v[k], d, sizeof(d));
			html_fmt(o, "%s%s", k ? (k + 1 == rp->dates.n ?
			    L(c->r, " và ", " and ") : ", ") : "", d);
		}
		html_fmt(o, " %s", L(c->r, "hằng năm", "each year"));
		break;
	case PLAN_SCHED_SCHOOL_YEAR:
		html_fmt(o, "%s", L(c->r, "Theo năm học", "Per school year"));
		break;
	case PLAN_SCHED_ANNUAL:
		html_fmt(o, "%s", L(c->r, "Hằng năm", "Annually"));
		if (rp->dates.n > 0) {
			mmdd_vi(rp->dates.v[0], d, sizeof(d));
			html_fmt(o, ", %s %s", L(c->r, "trước ngày", "by"), d);
		}
		break;
	default:
		html_fmt(o, "%s", L(c->r, "Khi có yêu cầu", "When required"));
		break;
	}
}

static void
reporting_table(struct vctx *c)
{
	const struct plan *p = c->v->p;
	struct buf *o = &c->r->out;
	size_t i;

	if (p->nreporting == 0)
		return;
	html_fmt(o, "<table class=\"compact\"><thead><tr><th>%s</th><th>%s</th>"
	    "<th>%s</th><th>%s</th></tr></thead><tbody>",
	    L(c->r, "Nội dung báo cáo", "What"), L(c->r, "Gửi đến", "To"),
	    L(c->r, "Thời hạn", "When"), L(c->r, "Hình thức", "Channel"));
	for (i = 0; i < p->nreporting; i++) {
		html_fmt(o, "<tr><td>%s</td><td>%s</td><td>",
		    p->reporting[i].what, p->reporting[i].to);
		schedule_text(c, &p->reporting[i]);
		html_fmt(o, "</td><td>%s</td></tr>", p->reporting[i].channel);
	}
	html_lit(o, "</tbody></table>");
}

static void
placeholder(struct vctx *c, enum plan_node_kind k)
{
	c->placed[k] = true;
	switch (k) {
	case PLAN_NODE_TARGETS:
		targets_table(c);
		break;
	case PLAN_NODE_FUNDING:
		funding_list(c);
		break;
	case PLAN_NODE_ASSIGNMENTS:
		assignments_table(c);
		break;
	case PLAN_NODE_REPORTING:
		reporting_table(c);
		break;
	default:
		break;
	}
}

static void
nodes_html(struct vctx *c, const struct plan_node *v, size_t n, int depth)
{
	struct buf *o = &c->r->out;
	char num[32];
	int count = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct plan_node *x = &v[i];
		bool numbered = plan_node_kinds[x->kind].numbered;

		if (x->kind == PLAN_NODE_TEXT || x->kind == PLAN_NODE_TASK ||
		    x->kind == PLAN_NODE_ITEM) {
			html_fmt(o, "<p class=\"%s\">%s", x->kind == PLAN_NODE_TEXT ?
			    "doc-p" : "doc-item", x->kind == PLAN_NODE_TEXT ? "" :
			    "- ");
			if (x->heading[0] != '\0')
				html_fmt(o, "<strong>%s</strong> ", x->heading);
			html_text_br(o, x->body);
			badges(c, x);
			html_lit(o, "</p>");
			nodes_html(c, x->kids, x->nkids, depth + 1);
			continue;
		}
		if (numbered && (x->heading[0] != '\0' ||
		    x->body[0] != '\0')) {
			section_number(depth, ++count, num, sizeof(num));
			if (depth == 0)
				html_fmt(o, "<h3 class=\"doc-h\">%s %s", num,
				    x->heading);
			else if (x->heading[0] != '\0')
				html_fmt(o, "<p class=\"doc-h%d\"><strong>%s %s"
				    "</strong>", depth > 2 ? 3 : depth + 1, num,
				    x->heading);
			else
				html_fmt(o, "<p class=\"doc-p\">%s ", num);
			if (x->heading[0] == '\0' && depth > 0) {
				html_text_br(o, x->body);
				badges(c, x);
				html_lit(o, "</p>");
			} else {
				badges(c, x);
				if (depth == 0)
					html_lit(o, "</h3>");
				else
					html_lit(o, "</p>");
				if (x->body[0] != '\0') {
					html_lit(o, "<p class=\"doc-p\">");
					html_text_br(o, x->body);
					html_lit(o, "</p>");
				}
			}
		}
		placeholder(c, x->kind);
		nodes_html(c, x->kids, x->nkids, depth + 1);
	}
}

static void
doc_header(struct vctx *c)
{
	const struct plan *p = c->v->p;
	const struct plan_doc_type *dt = plan_doc_type_find(p->doc_type);
	struct buf *o = &c->r->out;
	char date[64];

	html_lit(o, "<div class=\"doc-header\"><div>");
	if (p->parent_body[0] != '\0')
		html_fmt(o, "<div class=\"caps\">%s</div>", p->parent_body);
	html_fmt(o, "<div class=\"caps\"><strong>%s</strong></div>", p->issuer);
	html_fmt(o, "<div class=\"doc-number\">Số: %s/%s</div></div>",
	    p->number[0] ? p->number : "\u2003\u2003",
	    p->symbol[0] ? p->symbol : p->doc_type);
	html_lit(o, "<div><div><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>"
	    "</div><div><strong>Độc lập - Tự do - Hạnh phúc</strong></div>");
	if (p->issued_on[0] != '\0' || p->place[0] != '\0') {
		plan_date_vi(p->issued_on[0] ? p->issued_on : NULL, date,
		    sizeof(date));
		html_fmt(o, "<div class=\"doc-date\"><em>%s%s%s</em></div>",
		    p->place, p->place[0] ? ", " : "", date);
	}
	html_fmt(o, "</div></div><div class=\"doc-title\"><div class=\"caps\">"
	    "<strong>%s</strong></div><div><strong>", dt ? dt->name_vi :
	    p->doc_type);
	html_text_br(o, p->title);
	html_lit(o, "</strong></div></div>");
}

/* The basis, each on its line in italics; the cited number links to the
 * plan when it is in vitre. */
static void
doc_basis(struct vctx *c)
{
	const struct plan *p = c->v->p;
	struct buf *o = &c->r->out;
	size_t i;

	for (i = 0; i < p->nbasis; i++) {
		const struct plan_basis *b = &p->basis[i];
		const char *at = b->ref[0] ? strstr(b->text, b->ref) : NULL;
		const char *end = i + 1 == p->nbasis ? "." : ";";

		html_lit(o, "<p class=\"basis\">");
		if (b->ref_plan_id != 0 && at != NULL) {
			html_textn(o, b->text, (size_t)(at - b->text));
			html_fmt(o, "<a href=\"/plans/%I\">%s</a>", b->ref_plan_id,
			    b->ref);
			html_text(o, at + strlen(b->ref));
		} else {
			html_text(o, b->text);
			if (b->ref_plan_id != 0)
				html_fmt(o, " (<a href=\"/plans/%I\">%s</a>)",
				    b->ref_plan_id, b->ref);
		}
		html_fmt(o, "%s</p>", end);
	}
}

static void
doc_rest(struct vctx *c)
{
	static const struct {
		enum plan_node_kind	 k;
		const char		*vi;
		const char		*en;
	} parts[] = {
		{ PLAN_NODE_TARGETS, "Chỉ tiêu", "Targets" },
		{ PLAN_NODE_FUNDING, "Kinh phí thực hiện", "Funding" },
		{ PLAN_NODE_ASSIGNMENTS, "Phân công thực hiện", "Assignments" },
		{ PLAN_NODE_REPORTING, "Chế độ báo cáo", "Reporting" },
	};
	const struct plan *p = c->v->p;
	size_t i;
	bool has;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (c->placed[parts[i].k])
			continue;
		has = (parts[i].k == PLAN_NODE_TARGETS && p->ntargets > 0) ||
		    (parts[i].k == PLAN_NODE_FUNDING && p->funding.n > 0) ||
		    (parts[i].k == PLAN_NODE_ASSIGNMENTS &&
		    p->nassignments > 0) ||
		    (parts[i].k == PLAN_NODE_REPORTING && p->nreporting > 0);
		if (!has)
			continue;
		html_fmt(&c->r->out, "<h4 class=\"doc-data\">%s</h4>",
		    L(c->r, parts[i].vi, parts[i].en));
		placeholder(c, parts[i].k);
	}
}

static void
doc_signature(struct vctx *c)
{
	const struct plan *p = c->v->p;
	struct buf *o = &c->r->out;
	size_t i;

	html_lit(o, "<div class=\"signature\"><div class=\"recipients\">");
	if (p->recipients.n > 0) {
		html_lit(o, "<strong><em>Nơi nhận:</em></strong>");
		for (i = 0; i < p->recipients.n; i++)
			html_fmt(o, "<br>- %s", p->recipients.v[i]);
	}
	html_fmt(o, "</div><div class=\"sign\"><div class=\"caps\">%s%s%s</div>"
	    "<div class=\"sign-space\"></div><div>%s</div></div></div>",
	    p->signer_authority, p->signer_authority[0] ? " " : "",
	    p->signer_title, p->signer_name);
}

void
plan_doc_html(struct req *r, const struct plan_view *v)
{
	struct vctx c = { r, v, { false } };
	struct buf *o = &r->out;

	html_lit(o, "<article class=\"doc plan-doc\">");
	if (v->p->demo)
		html_fmt(o, "<p><span class=\"badge demo-badge\">%s</span></p>",
		    L(r, "dữ liệu mẫu", "demo"));
	doc_header(&c);
	doc_basis(&c);
	if (v->p->intro[0] != '\0') {
		html_lit(o, "<p class=\"doc-p\">");
		html_text_br(o, v->p->intro);
		html_lit(o, "</p>");
	}
	nodes_html(&c, v->p->nodes, v->p->nnodes, 0);
	doc_rest(&c);
	if (v->p->closing[0] != '\0') {
		html_lit(o, "<p class=\"doc-p\">");
		html_text_br(o, v->p->closing);
		html_lit(o, "</p>");
	}
	doc_signature(&c);
	html_lit(o, "</article>");
}

void
plan_list_table(struct req *r, const struct plan_row *const *rows, size_t n)
{
	struct buf *o = &r->out;
	size_t i;

	html_fmt(o, "<div class=\"overflow-auto\"><table class=\"compact\">"
	    "<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
	    "<th class=\"num\">%s</th></tr></thead><tbody>",
	    L(r, "Số, ký hiệu", "Number"), L(r, "Kế hoạch", "Plan"),
	    L(r, "Đơn vị", "Unit"), L(r, "Thời kỳ", "Period"),
	    L(r, "Chỉ tiêu", "Targets"));
	for (i = 0; i < n; i++) {
		const struct plan_row *p = rows[i];
		const struct plan_doc_type *dt = plan_doc_type_find(p->doc_type);

		html_fmt(o, "<tr><td>%s</td><td><a href=\"/plans/%I\">%s %s</a>",
		    p->ref[0] ? p->ref : "—", p->id, dt ? dt->name_vi : "",
		    p->title);
		if (p->demo)
			html_fmt(o, " <span class=\"badge demo-badge\">%s</span>",
			    L(r, "dữ liệu mẫu", "demo"));
		html_fmt(o, "</td><td><a href=\"/units/%I\">%s</a></td>"
		    "<td>%d–%d</td><td class=\"num\">%d</td></tr>", p->unit_id,
		    p->unit_name, p->period_from, p->period_to, p->ntargets);
	}
	html_lit(o, "</tbody></table></div>");
}
