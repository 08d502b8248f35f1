/*
 * plan_form_html.c -- the plain form that creates or edits a plan: header
 * fields, then numbered rows for phases, basis, targets with milestones,
 * the sections outline, funding, assignments, reporting and recipients,
 * each group with a few empty rows to add more.  Messages are listed above
 * the form and shown beside their fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "http/req.h"
#include "plans/plan_form.h"
#include "plans/plan_html.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"

struct fx {
	struct req			*r;
	const struct kvlist		*vals;
	const struct plan_errs		*errs;
	char				(*names)[48];	/* per error */
};

#define NAME(buf, ...) snprintf((buf), sizeof(buf), __VA_ARGS__)

static const char *
v_of(const struct fx *x, const char *name)
{
	const char *v = kvlist_get(x->vals, name);

	return v ? v : "";
}

static const char *
err_of(const struct fx *x, const char *name)
{
	size_t i;

	for (i = 0; i < x->errs->n; i++)
		if (strcmp(x->names[i], name) == 0)
			return L(x->r, x->errs->v[i].vi, x->errs->v[i].en);
	return NULL;
}

static void
err_after(const struct fx *x, const char *name)
{
	const char *m = err_of(x, name);

	if (m != NULL)
		html_fmt(&x->r->out, "<small class=\"field-error\">%s</small>", m);
}

static void
invalid_attr(const struct fx *x, const char *name)
{
	if (err_of(x, name) != NULL)
		html_lit(&x->r->out, " aria-invalid=\"true\"");
}

/* <label>Label <input></label> */
static void
inp(const struct fx *x, const char *name, const char *vi, const char *en,
    const char *type)
{
	struct buf *o = &x->r->out;

	html_fmt(o, "<label>%s<input type=\"%s\" name=\"%s\" value=\"%s\"",
	    L(x->r, vi, en), type, name, v_of(x, name));
	invalid_attr(x, name);
	html_lit(o, ">");
	err_after(x, name);
	html_lit(o, "</label>");
}

static void
area(const struct fx *x, const char *name, const char *vi, const char *en,
    int rows)
{
	struct buf *o = &x->r->out;

	html_fmt(o, "<label>%s<textarea name=\"%s\" rows=\"%d\"", L(x->r, vi, en),
	    name, rows);
	invalid_attr(x, name);
	html_fmt(o, ">%s</textarea>", v_of(x, name));
	err_after(x, name);
	html_lit(o, "</label>");
}

struct opt {
	const char	*code;
	const char	*vi;
	const char	*en;
};

static void
sel(const struct fx *x, const char *name, const char *vi, const char *en,
    const struct opt *opts, size_t n)
{
	struct buf *o = &x->r->out;
	const char *cur = v_of(x, name);
	size_t i;

	html_fmt(o, "<label>%s<select name=\"%s\"", L(x->r, vi, en), name);
	invalid_attr(x, name);
	html_lit(o, ">");
	for (i = 0; i < n; i++)
		html_fmt(o, "<option value=\"%s\"%s>%s</option>", opts[i].code,
		    strcmp(cur, opts[i].code) == 0 ? " selected" : "",
		    L(x->r, opts[i].vi, opts[i].en));
	html_lit(o, "</select>");
	err_after(x, name);
	html_lit(o, "</label>");
}

/* Rows of a group present in the values (probe key fmt with i). */
static size_t
rows_in(const struct fx *x, const char *fmt_prefix, const char *suffix)
{
	char k[48];
	size_t i;

	for (i = 0; i < PLAN_FORM_ROWS; i++) {
		snprintf(k, sizeof(k), "%s%zu%s", fmt_prefix, i, suffix);
		if (kvlist_get(x->vals, k) == NULL)
			break;
	}
	return i;
}

static void
header(const struct fx *x, const struct unit_tree *t)
{
	struct buf *o = &x->r->out;
	struct opt *units = NULL, dt[16];
	const char *cur = v_of(x, "unit");
	size_t i, n = 0;

	/* The owner unit: the units of the user's scope. */
	for (i = 0; t != NULL && i < t->n && n < 3000; i++)
		if (unit_in_scope(t, x->r->user.unit_id, t->u[i].id) ||
		    strcmp(t->u[i].code, cur) == 0) {
			units = xrealloc(units, (n + 1) * sizeof(*units));
			units[n].code = t->u[i].code;
			units[n].vi = t->u[i].name;
			units[n].en = t->u[i].name_en[0] ? t->u[i].name_en :
			    t->u[i].name;
			n++;
		}
	for (i = 0; plan_doc_types[i].code != NULL && i < 16; i++) {
		dt[i].code = plan_doc_types[i].code;
		dt[i].vi = plan_doc_types[i].name_vi;
		dt[i].en = plan_doc_types[i].name_en;
	}
	html_fmt(o, "<fieldset><legend><strong>%s</strong></legend>"
	    "<div class=\"grid\">", L(x->r, "Văn bản", "Document"));
	sel(x, "unit", "Đơn vị chủ trì", "Owner unit", units, n);
	sel(x, "doc_type", "Loại văn bản", "Document type", dt, i);
	inp(x, "number", "Số (để trống nếu chưa vào sổ)",
	    "Number (empty before registration)", "text");
	inp(x, "symbol", "Ký hiệu (ví dụ KH-MNHL)", "Symbol (such as KH-MNHL)",
	    "text");
	html_lit(o, "</div><div class=\"grid\">");
	inp(x, "parent_body", "Cơ quan chủ quản", "Parent body", "text");
	inp(x, "issuer", "Cơ quan ban hành", "Issuer", "text");
	html_lit(o, "</div><div class=\"grid\">");
	inp(x, "place", "Địa danh", "Place", "text");
	inp(x, "issued_on", "Ngày ban hành", "Date", "date");
	inp(x, "period_from", "Từ năm", "From year", "number");
	inp(x, "period_to", "Đến năm", "To year", "number");
	html_lit(o, "</div>");
	area(x, "title", "Trích yếu (tên kế hoạch)", "Title", 2);
	inp(x, "implements", "Thực hiện chương trình (số/ký hiệu, ví dụ "
	    "23/QĐ-TTg)", "Implements (number/symbol, such as 23/QĐ-TTg)",
	    "text");
	area(x, "intro", "Đoạn mở đầu", "Introduction", 2);
	html_lit(o, "</fieldset>");
	free(units);
}

static void
phases_basis(const struct fx *x)
{
	struct buf *o = &x->r->out;
	char a[64], b[64], c[64];
	size_t i, n;

	html_fmt(o, "<fieldset><legend><strong>%s</strong></legend>",
	    L(x->r, "Giai đoạn", "Phases"));
	n = rows_in(x, "ph", "_name") + 1;
	for (i = 0; i < n; i++) {
		NAME(a, "ph%zu_name", i);
		NAME(b, "ph%zu_from", i);
		NAME(c, "ph%zu_to", i);
		html_lit(o, "<div class=\"grid\">");
		inp(x, a, "Tên giai đoạn", "Phase name", "text");
		inp(x, b, "Từ năm", "From", "number");
		inp(x, c, "Đến năm", "To", "number");
		html_lit(o, "</div>");
	}
	html_fmt(o, "</fieldset><fieldset><legend><strong>%s</strong></legend>",
	    L(x->r, "Căn cứ", "Basis"));
	n = rows_in(x, "b", "_text") + 2;
	for (i = 0; i < n; i++) {
		NAME(a, "b%zu_text", i);
		NAME(b, "b%zu_ref", i);
		html_lit(o, "<div class=\"grid plan-row\">");
		area(x, a, "Căn cứ", "Basis", 2);
		inp(x, b, "Số/ký hiệu văn bản được trích (nếu có)",
		    "Number/symbol cited (if any)", "text");
		html_lit(o, "</div>");
	}
	html_lit(o, "</fieldset>");
}

static const struct opt cmps[] = {
	{ ">=", "≥ (ít nhất)", "≥ (at least)" },
	{ ">", "> (trên)", "> (above)" },
	{ "<=", "≤ (nhiều nhất)", "≤ (at most)" },
	{ "<", "< (dưới)", "< (below)" },
	{ "=", "= (đúng bằng)", "= (exactly)" },
};

static void
targets(const struct fx *x, const struct plan_catalogue *cat)
{
	struct buf *o = &x->r->out;
	struct opt *inds = xcalloc(cat->n + 1, sizeof(*inds));
	char k[80], prefix[32];
	size_t i, n, m, nm;

	inds[0].code = "";
	inds[0].vi = "— chọn chỉ số —";
	inds[0].en = "— choose an indicator —";
	for (i = 0; i < cat->n; i++) {
		inds[i + 1].code = cat->v[i].code;
		inds[i + 1].vi = cat->v[i].name_vi;
		inds[i + 1].en = cat->v[i].name_en;
	}
	html_fmt(o, "<fieldset><legend><strong>%s</strong></legend>",
	    L(x->r, "Chỉ tiêu", "Targets"));
	n = rows_in(x, "t", "_code") + 2;
	for (i = 0; i < n; i++) {
		html_fmt(o, "<article class=\"plan-target\"><header>%s %d"
		    "</header><div class=\"grid\">", L(x->r, "Chỉ tiêu", "Target"),
		    (int)i + 1);
		NAME(k, "t%zu_code", i);
		inp(x, k, "Mã (ví dụ CT17a)", "Code (such as CT17a)", "text");
		NAME(k, "t%zu_label", i);
		inp(x, k, "Tên gọi (ví dụ Chỉ tiêu 17)",
		    "Label (such as Chỉ tiêu 17)", "text");
		NAME(k, "t%zu_indicator", i);
		sel(x, k, "Chỉ số", "Indicator", inds, cat->n + 1);
		html_lit(o, "</div>");
		NAME(k, "t%zu_clause", i);
		area(x, k, "Câu trích trong văn bản", "Clause of the document", 2);
		html_lit(o, "<div class=\"grid\">");
		NAME(k, "t%zu_base", i);
		inp(x, k, "Giá trị gốc", "Baseline", "text");
		NAME(k, "t%zu_base_year", i);
		inp(x, k, "Năm của giá trị gốc", "Baseline year", "number");
		html_lit(o, "</div>");
		NAME(prefix, "t%zu_m", i);
		nm = rows_in(x, prefix, "_year");
		nm = nm < 1 ? 3 : nm + 2;
		for (m = 0; m < nm; m++) {
			html_lit(o, "<div class=\"grid\">");
			NAME(k, "t%zu_m%zu_year", i, m);
			inp(x, k, "Mốc: năm", "Milestone: year", "number");
			NAME(k, "t%zu_m%zu_cmp", i, m);
			sel(x, k, "So sánh", "Comparator", cmps,
			    sizeof(cmps) / sizeof(cmps[0]));
			NAME(k, "t%zu_m%zu_value", i, m);
			inp(x, k, "Giá trị", "Value", "text");
			html_lit(o, "</div>");
		}
		html_lit(o, "</article>");
	}
	html_lit(o, "</fieldset>");
	free(inds);
}

static void
sections(const struct fx *x)
{
	static const struct opt levels[] = {
		{ "1", "1 (I, II…)", "1 (I, II…)" }, { "2", "2 (1, 2…)",
		    "2 (1, 2…)" }, { "3", "3 (a, b…)", "3 (a, b…)" },
		{ "4", "4", "4" }, { "5", "5", "5" },
	};
	struct buf *o = &x->r->out;
	struct opt kinds[PLAN_NODE__MAX];
	char k[64];
	size_t i, n;

	for (i = 0; i < PLAN_NODE__MAX; i++) {
		kinds[i].code = plan_node_kinds[i].code;
		kinds[i].vi = plan_node_kinds[i].name_vi;
		kinds[i].en = plan_node_kinds[i].name_en;
	}
	html_fmt(o, "<fieldset><legend><strong>%s</strong></legend><p class=\""
	    "muted\"><small>%s</small></p>", L(x->r, "Nội dung (mục tiêu, nhiệm "
	    "vụ và giải pháp, tổ chức thực hiện…)", "Body (objectives, tasks and "
	    "solutions, implementation…)"), L(x->r, "Mỗi dòng là một mục; «Cấp» "
	    "đặt mục dưới mục ở trên (1 = phần I, II…). Nhiệm vụ có thể ghi người "
	    "phụ trách và hạn. Các loại «Bảng chỉ tiêu», «Kinh phí», «Phân công», "
	    "«Chế độ báo cáo» đặt phần đó của kế hoạch tại chỗ. Dòng không có "
	    "chữ nào bị bỏ.", "Each row is a section; \"Level\" places it under "
	    "the row above (1 = part I, II…). Tasks may name an owner and a due "
	    "date. The kinds \"Targets table\", \"Funding\", \"Assignments\", "
	    "\"Reporting\" place that part of the plan there. Rows without any "
	    "text are dropped."));
	n = rows_in(x, "n", "_level") + 4;
	for (i = 0; i < n; i++) {
		html_lit(o, "<div class=\"grid plan-row\">");
		NAME(k, "n%zu_level", i);
		sel(x, k, "Cấp", "Level", levels, 5);
		NAME(k, "n%zu_kind", i);
		sel(x, k, "Loại", "Kind", kinds, PLAN_NODE__MAX);
		NAME(k, "n%zu_owner", i);
		inp(x, k, "Phụ trách", "Owner", "text");
		NAME(k, "n%zu_due", i);
		inp(x, k, "Hạn", "Due", "date");
		html_lit(o, "</div>");
		NAME(k, "n%zu_heading", i);
		inp(x, k, "Tiêu đề", "Heading", "text");
		NAME(k, "n%zu_body", i);
		area(x, k, "Nội dung", "Body", 2);
	}
	html_lit(o, "</fieldset>");
}

static void
lists(const struct fx *x)
{
	static const struct opt scheds[] = {
		{ "dates", "Vào các ngày cố định (MM-DD)", "On fixed dates" },
		{ "school_year", "Theo năm học", "Per school year" },
		{ "annual", "Hằng năm", "Annually" },
		{ "as_required", "Khi có yêu cầu", "When required" },
	};
	struct buf *o = &x->r->out;
	char k[64];
	size_t i, n;

	html_fmt(o, "<fieldset><legend><strong>%s</strong></legend>",
	    L(x->r, "Kinh phí", "Funding"));
	n = rows_in(x, "f", "") + 2;
	for (i = 0; i < n; i++) {
		NAME(k, "f%zu", i);
		inp(x, k, "Nguồn kinh phí", "Funding source", "text");
	}
	html_fmt(o, "</fieldset><fieldset><legend><strong>%s</strong></legend>",
	    L(x->r, "Phân công thực hiện", "Assignments"));
	n = rows_in(x, "a", "_who") + 2;
	for (i = 0; i < n; i++) {
		html_lit(o, "<div class=\"grid plan-row\">");
		NAME(k, "a%zu_who", i);
		inp(x, k, "Ai thực hiện", "Who", "text");
		NAME(k, "a%zu_what", i);
		area(x, k, "Nội dung", "What", 1);
		NAME(k, "a%zu_targets", i);
		inp(x, k, "Mã chỉ tiêu (cách nhau bởi dấu phẩy)",
		    "Target codes (comma-separated)", "text");
		html_lit(o, "</div>");
	}
	html_fmt(o, "</fieldset><fieldset><legend><strong>%s</strong></legend>",
	    L(x->r, "Chế độ báo cáo", "Reporting"));
	n = rows_in(x, "r", "_what") + 1;
	for (i = 0; i < n; i++) {
		html_lit(o, "<div class=\"grid plan-row\">");
		NAME(k, "r%zu_what", i);
		inp(x, k, "Nội dung báo cáo", "What", "text");
		NAME(k, "r%zu_to", i);
		inp(x, k, "Gửi đến", "To", "text");
		NAME(k, "r%zu_schedule", i);
		sel(x, k, "Lịch", "Schedule", scheds, 4);
		NAME(k, "r%zu_dates", i);
		inp(x, k, "Ngày MM-DD (ví dụ 05-05, 11-05)",
		    "Dates MM-DD (such as 05-05, 11-05)", "text");
		NAME(k, "r%zu_channel", i);
		inp(x, k, "Hình thức", "Channel", "text");
		html_lit(o, "</div>");
	}
	html_lit(o, "</fieldset>");
}

static void
closing(const struct fx *x)
{
	static const struct opt auths[] = {
		{ "", "(không)", "(none)" }, { "KT.", "KT.", "KT." },
		{ "TM.", "TM.", "TM." }, { "Q.", "Q.", "Q." },
		{ "TL.", "TL.", "TL." }, { "TUQ.", "TUQ.", "TUQ." },
	};
	struct buf *o = &x->r->out;
	char k[64];
	size_t i, n;

	html_fmt(o, "<fieldset><legend><strong>%s</strong></legend>",
	    L(x->r, "Kết thúc văn bản", "End of the document"));
	area(x, "closing", "Đoạn kết", "Closing paragraph", 2);
	html_lit(o, "<div class=\"grid\">");
	sel(x, "signer_authority", "Quyền hạn ký", "Signing authority", auths, 6);
	inp(x, "signer_title", "Chức vụ (ví dụ HIỆU TRƯỞNG)",
	    "Title (such as HIỆU TRƯỞNG)", "text");
	inp(x, "signer_name", "Họ tên người ký", "Signer's name", "text");
	html_fmt(o, "</div><p><strong>%s</strong></p>",
	    L(x->r, "Nơi nhận", "Recipients"));
	n = rows_in(x, "rc", "") + 2;
	for (i = 0; i < n; i++) {
		NAME(k, "rc%zu", i);
		inp(x, k, "Nơi nhận", "Recipient", "text");
	}
	html_lit(o, "</fieldset>");
}

void
plan_form_html(struct req *r, const char *action, const char *heading,
    const struct kvlist *vals, const struct plan_errs *errs,
    const struct plan_formmap *map, const struct plan_catalogue *cat,
    const struct unit_tree *t)
{
	struct fx x = { r, vals, errs, NULL };
	struct buf *o = &r->out;
	char label[160];
	size_t i;

	x.names = xcalloc(errs->n + 1, sizeof(*x.names));
	for (i = 0; i < errs->n; i++)
		plan_formmap_name(map, errs->v[i].path, x.names[i],
		    sizeof(x.names[i]));
	html_fmt(o, "<h1>%s</h1>", heading);
	if (errs->n > 0) {
		html_fmt(o, "<div class=\"flash bad\" role=\"alert\"><strong>%s"
		    "</strong><ul>", L(r, "Chưa lưu được, vì:",
		    "Not saved, because:"));
		for (i = 0; i < errs->n; i++) {
			plan_form_label(x.names[i], r->lang == LANG_EN, label,
			    sizeof(label));
			html_fmt(o, "<li>%s%s%s</li>", label, label[0] ? ": " : "",
			    L(r, errs->v[i].vi, errs->v[i].en));
		}
		html_lit(o, "</ul></div>");
	}
	html_fmt(o, "<form method=\"post\" action=\"%s\" class=\"plan-form\">",
	    action);
	html_csrf_input(r);
	header(&x, t);
	phases_basis(&x);
	targets(&x, cat);
	sections(&x);
	lists(&x);
	closing(&x);
	html_fmt(o, "<button type=\"submit\">%s</button></form>",
	    L(r, "Lưu kế hoạch", "Save the plan"));
	free(x.names);
}
