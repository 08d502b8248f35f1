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

static void
badges(struct vctx *c, const struct plan_node *x)
{
	char due[32];

	if (x->owner[0] != '\0')
		html_fmt(&c->r->out, " <span class=\"badge badge-owner\">%s: %s"
		    "</span>", L(c->r, "Phụ trách", "Owner"), x->owner);
	if (x->due[0] != '\0') {
		plan_due_vi(x->due, due, sizeof(due));
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
reporting_table(struct vctx *c)
{
	const struct plan *p = c->v->p;
	struct buf *o = &c->r->out, when = BUF_INIT;
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
		buf_reset(&when);
		plan_schedule_text(&p->reporting[i], c->r->lang == LANG_EN,
		    &when);
		html_fmt(o, "%s</td><td>%s</td></tr>", when.data,
		    p->reporting[i].channel);
	}
	html_lit(o, "</tbody></table>");
	buf_release(&when);
}

/* What each structured part draws where a section places it. */
static void (*const part_html[PLAN_NODE__MAX])(struct vctx *) = {
	[PLAN_NODE_TARGETS] = targets_table,
	[PLAN_NODE_FUNDING] = funding_list,
	[PLAN_NODE_ASSIGNMENTS] = assignments_table,
	[PLAN_NODE_REPORTING] = reporting_table,
};

static void
placeholder(struct vctx *c, enum plan_node_kind k)
{
	c->placed[k] = true;
	if (part_html[k] != NULL)
		part_html[k](c);
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
			plan_section_number(depth, ++count, num, sizeof(num));
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
	size_t i;

	for (i = 0; i < PLAN_NPARTS; i++) {
		if (c->placed[plan_parts[i].kind] ||
		    !plan_has_part(c->v->p, plan_parts[i].kind))
			continue;
		html_fmt(&c->r->out, "<h4 class=\"doc-data\">%s</h4>",
		    L(c->r, plan_parts[i].vi, plan_parts[i].en));
		placeholder(c, plan_parts[i].kind);
	}
}

static void
doc_signature(struct vctx *c)
{
	const struct plan *p = c->v->p;
	struct buf *o = &c->r->out;
	char authority[512], title[512];
	size_t i;

	plan_sign_lines(p, authority, sizeof(authority), title, sizeof(title));
	html_lit(o, "<div class=\"signature\"><div class=\"recipients\">");
	if (p->recipients.n > 0) {
		html_lit(o, "<strong><em>Nơi nhận:</em></strong>");
		for (i = 0; i < p->recipients.n; i++)
			html_fmt(o, "<br>- %s", p->recipients.v[i]);
	}
	html_lit(o, "</div><div class=\"sign\">");
	if (authority[0] != '\0')
		html_fmt(o, "<div class=\"caps\">%s</div>", authority);
	html_fmt(o, "<div class=\"caps\">%s</div><div class=\"sign-space\">"
	    "</div><div>%s</div></div></div>", title, p->signer_name);
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
