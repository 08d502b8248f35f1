/*
 * report_doc.c -- a report as an official document and as a workbook; see
 * report_doc.h.  No SQL, no HTML, no clock.
 *
 * The document follows the report skeleton of the sector (vn-legal.md
 * §5): the Decree 30 header, "BÁO CÁO" and the subject, the basis (the
 * plan reported on), then numbered sections: the targets with their
 * values (for a consolidated report the totals, the office's own figures,
 * one table per unit below and the units that have not reported), the
 * activities, the nutrition and protection counts when the report holds
 * any, the assessment (results, strengths, limitations and causes) and
 * the proposals; the signature and "Nơi nhận".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "dashboard/dashboard.h"
#include "docs/report_doc.h"
#include "io/xlsx_write.h"
#include "plans/plan.h"

/* The columns of a numbers table. */
static const double num_widths[] = { 0.8, 3.2, 2.0, 1.3, 1.3, 1.6, 1.6,
	1.7 };
#define NUM_COLS	(sizeof(num_widths) / sizeof(num_widths[0]))
static const char *const num_heads[NUM_COLS] = { "TT", "Chỉ tiêu",
	"Kỳ số liệu", "Tử số", "Mẫu số", "Kết quả", "Mục tiêu", "Đánh giá" };

/* The short table of a unit below in a consolidated report. */
static const double unit_widths[] = { 0.8, 6.0, 2.6, 2.2, 2.0 };
#define UNIT_COLS	(sizeof(unit_widths) / sizeof(unit_widths[0]))
static const char *const unit_heads[UNIT_COLS] = { "TT", "Chỉ tiêu",
	"Tử số / Mẫu số", "Kết quả", "Đánh giá" };

static const char *const part_titles[REPORT_DOC_PART__MAX] = {
	"Kết quả thực hiện các chỉ tiêu",
	"Tình trạng dinh dưỡng của trẻ",
	"Công tác bảo vệ trẻ em",
};

void
report_doc_number(const char *abbrev, char *out, size_t outsz)
{
	snprintf(out, outsz, "Số: \u2003\u2003/BC%s%s",
	    abbrev != NULL && abbrev[0] != '\0' ? "-" : "",
	    abbrev != NULL ? abbrev : "");
}

void
report_doc_period_vi(const struct period *p, char *out, size_t outsz)
{
	period_label(p, 0, out, outsz);
	/* "Năm học ..." in the middle of a sentence. */
	if (out[0] == 'N')
		out[0] = 'n';
}

void
report_doc_sign(enum unit_kind kind, bool deputy, char *authority,
    size_t asz, char *title, size_t tsz)
{
	const char *head, *collective = NULL;

	switch (kind) {
	case UNIT_MINISTRY:
		head = "BỘ TRƯỞNG";
		break;
	case UNIT_PROVINCE:
		head = "GIÁM ĐỐC";
		break;
	case UNIT_DISTRICT:
		head = "TRƯỞNG PHÒNG";
		break;
	case UNIT_COMMUNE:
		/* The People's Committee decides as a collective. */
		head = "CHỦ TỊCH";
		collective = "TM. ỦY BAN NHÂN DÂN";
		break;
	case UNIT_GROUP:
		head = "CHỦ NHÓM TRẺ";
		break;
	default:
		head = "HIỆU TRƯỞNG";
		break;
	}
	if (deputy) {
		snprintf(authority, asz, "%s%sKT. %s", collective ?
		    collective : "", collective ? "\n" : "", head);
		snprintf(title, tsz, "PHÓ %s", head);
	} else {
		snprintf(authority, asz, "%s", collective ? collective : "");
		snprintf(title, tsz, "%s", head);
	}
}

bool
report_doc_fmt_from_code(const char *s, enum report_doc_fmt *out)
{
	static const char *const codes[REPORT_DOC_FMT__MAX] = { "pdf",
	    "docx", "xlsx" };
	int i;

	for (i = 0; s != NULL && i < REPORT_DOC_FMT__MAX; i++)
		if (strcmp(s, codes[i]) == 0) {
			*out = (enum report_doc_fmt)i;
			return true;
		}
	return false;
}

/* The indicator id, or NULL (binary search: in->inds is sorted). */
static const struct report_doc_ind *
ind_of(const struct report_doc_in *in, int64_t id)
{
	size_t lo = 0, hi = in->ninds, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (in->inds[mid].id == id)
			return &in->inds[mid];
		if (in->inds[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static enum report_doc_part
part_of(const struct report_doc_in *in, const struct report_num *x)
{
	const struct report_doc_ind *ind = ind_of(in, x->indicator_id);

	return ind != NULL ? ind->part : REPORT_DOC_TARGETS;
}

static enum numfmt_unit
unit_of(const struct report_doc_in *in, const struct report_num *x)
{
	const struct report_doc_ind *ind = ind_of(in, x->indicator_id);

	return ind != NULL ? ind->unit : NUMFMT_PERCENT;
}

/* Does the row's indicator hide counts that could identify a child? */
static bool
ind_hides(const struct report_doc_in *in, const struct report_num *x)
{
	const struct report_doc_ind *ind = ind_of(in, x->indicator_id);

	return ind != NULL && ind->suppress_small;
}

/* ... and is the row's count one of those? */
static bool
small_hidden(const struct report_doc_in *in, const struct report_num *x)
{
	return ind_hides(in, x) && x->has_value && numfmt_is_small(x->num);
}

static double
scale_of(enum numfmt_unit u)
{
	return u == NUMFMT_PERCENT ? 100.0 : u == NUMFMT_PER1000 ? 1000.0 : 0;
}

/* "Đạt" for the stored status code "achieved"; "" for none. */
static const char *
status_label(const char *code)
{
	int s;

	for (s = 0; s < TS__MAX && code[0] != '\0'; s++)
		if (strcmp(code, dash_status_code((enum target_status)s)) == 0)
			return dash_status_label((enum target_status)s, 0);
	return "";
}

static const char *
unit_name(const struct report_doc_in *in, int64_t id)
{
	const char *n = NULL;

	if (id == 0)
		return "Tổng cộng";
	if (id == in->rp->unit_id)
		return in->issuer;
	if (in->unit_name != NULL)
		n = in->unit_name(in->unit_arg, id);
	return n != NULL ? n : "";
}

/* text with its line breaks as spaces, into out. */
static void
one_line(struct buf *out, const char *text)
{
	for (; *text != '\0'; text++)
		buf_putc(out, *text == '\n' ? ' ' : *text);
}

static void
header(struct doc *d, const struct report_doc_in *in)
{
	struct buf b = BUF_INIT;
	char num[96], date[64], per[64];

	doc_set_upper(&d->parent_body, in->parent_body);
	doc_set_upper(&d->issuer, in->issuer);
	report_doc_number(in->abbrev, num, sizeof(num));
	doc_set(&d->number, num);
	plan_date_vi(in->date[0] ? in->date : NULL, date, sizeof(date));
	buf_printf(&b, "%s%s%s", in->place, in->place[0] ? ", " : "", date);
	doc_set(&d->place_date, b.data);
	doc_set(&d->type_name, "BÁO CÁO");
	report_doc_period_vi(&in->period, per, sizeof(per));
	buf_reset(&b);
	buf_printf(&b, "%s Kế hoạch ", in->rp->consolidated ?
	    "Tổng hợp kết quả thực hiện" : "Kết quả thực hiện");
	if (in->plan_ref[0] != '\0')
		buf_printf(&b, "số %s", in->plan_ref);
	else {
		buf_puts(&b, "\u201c");
		one_line(&b, in->plan_title);
		buf_puts(&b, "\u201d");
	}
	buf_printf(&b, "\n%s", per);
	doc_set(&d->title, b.data);
	buf_reset(&b);
	buf_printf(&b, "Báo cáo %s %s", in->issuer, per);
	doc_set(&d->meta_title, b.data);
	/* The basis: the plan reported on, its subject in lower case. */
	buf_reset(&b);
	buf_puts(&b, "Căn cứ Kế hoạch ");
	if (in->plan_ref[0] != '\0')
		buf_printf(&b, "số %s ", in->plan_ref);
	buf_puts(&b, "về việc ");
	if (in->plan_title[0] >= 'A' && in->plan_title[0] <= 'Z') {
		buf_putc(&b, (char)(in->plan_title[0] - 'A' + 'a'));
		one_line(&b, in->plan_title + 1);
	} else
		one_line(&b, in->plan_title);
	buf_puts(&b, ".");
	doc_strs_add(&d->basis, b.data);
	buf_release(&b);
}

/* A numbered heading: "I. TEXT" (level 0, in capitals) or "1. Text". */
static void
heading(struct doc *d, int level, int n, const char *text)
{
	struct buf b = BUF_INIT, up = BUF_INIT;
	char num[32];

	plan_section_number(level, n, num, sizeof(num));
	if (level == 0) {
		str_upper_vi(text, &up);
		text = up.data;
	}
	buf_printf(&b, "%s %s", num, text);
	doc_add_run(doc_add_block(d, DOC_HEADING, level), b.data, DOC_BOLD);
	buf_release(&b);
	buf_release(&up);
}

/* Paragraphs from text, one per line; "…" for a section left empty. */
static void
paragraphs(struct doc *d, const char *text)
{
	const char *nl;
	char *line;
	bool any = false;

	while (text[0] != '\0') {
		nl = strchr(text, '\n');
		line = xstrndup(text, nl ? (size_t)(nl - text) : strlen(text));
		if (str_trim(line)[0] != '\0') {
			doc_add_text(d, DOC_PARA, 0, str_trim(line));
			any = true;
		}
		free(line);
		if (nl == NULL)
			break;
		text = nl + 1;
	}
	if (!any)
		doc_add_text(d, DOC_PARA, 0, "\u2026");
}

/* The cells of one row of numbers: value, numerator, denominator. */
static void
num_cells(const struct report_doc_in *in, const struct report_num *x,
    char val[NUMFMT_MAX], char num[NUMFMT_MAX], char den[NUMFMT_MAX])
{
	enum numfmt_unit u = unit_of(in, x);
	double v;

	val[0] = num[0] = den[0] = '\0';
	if (!x->has_value)
		return;
	if (small_hidden(in, x)) {
		numfmt_count_small(num, x->num, 0);
		numfmt_count_small(val, x->num, 0);
		return;
	}
	numfmt_int(num, x->num, 0);
	if (x->has_den)
		numfmt_int(den, x->den, 0);
	if (report_num_rate(x, scale_of(u), &v))
		numfmt_value(val, v, u, 0);
}

/* Is row i of the report in the table of (unit, part)? */
static bool
in_table(const struct report_doc_in *in, size_t i, int64_t unit,
    enum report_doc_part part)
{
	const struct report_num *x = &in->rp->nums[i];

	return x->unit_id == unit && part_of(in, x) == part;
}

/* The target's code and label: "CT1. Tỷ lệ ..." into *cell. */
static void
label_cell(char **cell, const struct report_num *x)
{
	struct buf b = BUF_INIT;

	if (x->target_code[0] != '\0')
		buf_printf(&b, "%s. %s", x->target_code, x->label);
	else
		buf_puts(&b, x->label);
	doc_set(cell, b.data);
	buf_release(&b);
}

/* A new table of ncols columns with its header row. */
static struct doc_table *
table_with_head(struct doc *d, size_t ncols, const double *widths,
    const char *const *heads)
{
	struct doc_table *t = doc_add_table(d, ncols, widths, 1);
	char **row = doc_table_row(t);
	size_t k;

	for (k = 0; k < ncols; k++)
		doc_set(&row[k], heads[k]);
	return t;
}

/*
 * The table of the numbers of unit in part, from rows from..to; false if
 * there are none.  compact: the short form of a unit below in a
 * consolidated report (the targets are the totals table's; the period is
 * shown only when it is not the report's).
 */
static bool
nums_table(struct doc *d, const struct report_doc_in *in, int64_t unit,
    enum report_doc_part part, size_t from, size_t to, bool compact)
{
	char val[NUMFMT_MAX], num[NUMFMT_MAX], den[NUMFMT_MAX], tt[16];
	struct doc_table *t = NULL;
	struct buf b = BUF_INIT;
	char **row;
	size_t i, n = 0;

	for (i = from; i < to; i++) {
		const struct report_num *x = &in->rp->nums[i];

		if (!in_table(in, i, unit, part))
			continue;
		if (t == NULL)
			t = compact ? table_with_head(d, UNIT_COLS,
			    unit_widths, unit_heads) : table_with_head(d,
			    NUM_COLS, num_widths, num_heads);
		row = doc_table_row(t);
		snprintf(tt, sizeof(tt), "%zu", ++n);
		doc_set(&row[0], tt);
		label_cell(&row[1], x);
		num_cells(in, x, val, num, den);
		if (compact) {
			buf_reset(&b);
			if (x->has_value)
				buf_printf(&b, "%s%s%s", num, den[0] ? " / " :
				    "", den);
			doc_set(&row[2], b.data);
			buf_reset(&b);
			buf_puts(&b, x->has_value ? val : "\u2014");
			if (x->has_value && strcmp(x->period,
			    in->period.code) != 0)
				buf_printf(&b, " (%s)", x->period);
			doc_set(&row[3], b.data);
			doc_set(&row[4], status_label(x->status));
			continue;
		}
		doc_set(&row[2], x->has_value ? x->period : "");
		doc_set(&row[3], num);
		doc_set(&row[4], den);
		doc_set(&row[5], x->has_value ? val : "\u2014");
		doc_set(&row[6], x->target_text);
		doc_set(&row[7], status_label(x->status));
	}
	buf_release(&b);
	return t != NULL;
}

/* A run of the rows of one unit: nums[from..to) all have its unit_id. */
struct span {
	int64_t	 unit;
	size_t	 from, to;
};

/* The units' runs of rows in the order stored, without the totals and
 * the report's own unit; *n of them (caller frees). */
static struct span *
unit_spans(const struct report_doc_in *in, size_t *n)
{
	const struct report *rp = in->rp;
	struct span *v = NULL;
	size_t i, cap = 0;

	*n = 0;
	for (i = 0; i < rp->nnums; i++) {
		int64_t u = rp->nums[i].unit_id;

		if (u == 0 || u == rp->unit_id)
			continue;
		if (*n > 0 && v[*n - 1].unit == u && v[*n - 1].to == i) {
			v[*n - 1].to = i + 1;
			continue;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[*n].unit = u;
		v[*n].from = i;
		v[*n].to = i + 1;
		(*n)++;
	}
	return v;
}

static bool
has_part(const struct report_doc_in *in, enum report_doc_part part)
{
	size_t i;

	for (i = 0; i < in->rp->nnums; i++)
		if (part_of(in, &in->rp->nums[i]) == part)
			return true;
	return false;
}

/* Section I of a unit's own report. */
static void
targets_own(struct doc *d, const struct report_doc_in *in)
{
	if (!nums_table(d, in, in->rp->unit_id, REPORT_DOC_TARGETS, 0,
	    in->rp->nnums, false))
		doc_add_text(d, DOC_PARA, 0, "Kế hoạch không có chỉ tiêu nào "
		    "cần báo cáo trong kỳ.");
}

/*
 * Call fn(arg, name, last) for each name of a missing note ("A, B, C":
 * report_db_consolidate joins the names with ", ").
 */
static void
missing_each(const char *note, void (*fn)(void *, const char *, bool),
    void *arg)
{
	const char *sep;
	char *name;

	while (note[0] != '\0') {
		sep = strstr(note, ", ");
		name = xstrndup(note, sep ? (size_t)(sep - note) : strlen(note));
		fn(arg, name, sep == NULL);
		free(name);
		if (sep == NULL)
			break;
		note = sep + 2;
	}
}

static void
missing_item(void *arg, const char *name, bool last)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "- %s%c", name, last ? '.' : ';');
	doc_add_text(arg, DOC_ITEM, 0, b.data);
	buf_release(&b);
}

static void
missing_items(struct doc *d, const char *note)
{
	missing_each(note, missing_item, d);
}

/* Section I of a consolidated report: totals, own, units, missing. */
static void
targets_consolidated(struct doc *d, const struct report_doc_in *in)
{
	struct span *sp;
	struct buf b = BUF_INIT;
	size_t nsp, i;
	int n = 0;

	heading(d, 1, ++n, "Tổng hợp chung");
	doc_add_text(d, DOC_PARA, 0, "Tử số và mẫu số là tổng của các đơn "
	    "vị; tỷ lệ tính từ các tổng đó.");
	if (!nums_table(d, in, 0, REPORT_DOC_TARGETS, 0, in->rp->nnums,
	    false))
		doc_add_text(d, DOC_PARA, 0, "Chưa có số liệu tổng hợp.");
	if (has_part(in, REPORT_DOC_TARGETS)) {
		bool own;

		heading(d, 1, ++n, "Số liệu toàn địa bàn của đơn vị");
		own = nums_table(d, in, in->rp->unit_id, REPORT_DOC_TARGETS,
		    0, in->rp->nnums, false);
		if (!own)
			doc_add_text(d, DOC_PARA, 0, "Không có.");
	}
	sp = unit_spans(in, &nsp);
	heading(d, 1, ++n, "Số liệu của từng đơn vị");
	if (nsp == 0)
		doc_add_text(d, DOC_PARA, 0, "Chưa có đơn vị nào có báo cáo "
		    "được tiếp nhận.");
	for (i = 0; i < nsp; i++) {
		buf_reset(&b);
		buf_printf(&b, "%d.%zu. %s", n, i + 1, unit_name(in,
		    sp[i].unit));
		doc_add_run(doc_add_block(d, DOC_HEADING, 2), b.data,
		    DOC_BOLD);
		if (!nums_table(d, in, sp[i].unit, REPORT_DOC_TARGETS,
		    sp[i].from, sp[i].to, true))
			doc_add_text(d, DOC_PARA, 0, "Không có chỉ tiêu.");
	}
	free(sp);
	heading(d, 1, ++n, "Đơn vị chưa có báo cáo");
	if (in->rp->missing_note[0] == '\0')
		doc_add_text(d, DOC_PARA, 0, "Tất cả các đơn vị đã báo cáo.");
	else
		missing_items(d, in->rp->missing_note);
	buf_release(&b);
}

static void
activities(struct doc *d, const struct report_doc_in *in)
{
	const struct report *rp = in->rp;
	struct buf b = BUF_INIT;
	char date[NUMFMT_MAX], n[NUMFMT_MAX];
	size_t i;

	if (rp->nacts == 0)
		doc_add_text(d, DOC_PARA, 0, "Không có hoạt động nào được ghi "
		    "nhận trong kỳ.");
	for (i = 0; i < rp->nacts; i++) {
		buf_reset(&b);
		buf_printf(&b, "- %s: %s", numfmt_date(date,
		    rp->acts[i].on_date), rp->acts[i].title);
		if (rp->acts[i].reached > 0)
			buf_printf(&b, " (%s người tham gia)",
			    numfmt_int(n, rp->acts[i].reached, 0));
		buf_putc(&b, i + 1 == rp->nacts ? '.' : ';');
		doc_add_text(d, DOC_ITEM, 0, b.data);
	}
	buf_release(&b);
}

static void
signature(struct doc *d, const struct report_doc_in *in)
{
	struct buf b = BUF_INIT;
	char authority[160], title[96];

	report_doc_sign(in->kind, in->deputy, authority, sizeof(authority),
	    title, sizeof(title));
	doc_set(&d->sign.authority, authority);
	doc_set(&d->sign.title, title);
	doc_set(&d->sign.name, in->signer_name);
	if (in->to[0] != '\0') {
		buf_printf(&b, "- %s (để báo cáo);", in->to);
		doc_strs_add(&d->recipients, b.data);
	}
	buf_reset(&b);
	buf_printf(&b, "- Lưu: VT%s%s.", in->abbrev[0] ? ", " : "",
	    in->abbrev);
	doc_strs_add(&d->recipients, b.data);
	buf_release(&b);
}

struct doc *
report_doc_build(const struct report_doc_in *in)
{
	const struct report *rp = in->rp;
	const char *texts[3] = { rp->results, rp->strengths,
	    rp->limitations };
	static const char *const text_heads[3] = { "Kết quả đạt được",
	    "Ưu điểm", "Hạn chế và nguyên nhân" };
	struct doc *d = doc_new();
	struct buf b = BUF_INIT;
	char per[64];
	int sec = 0, k;
	enum report_doc_part part;

	header(d, in);
	if (in->to[0] != '\0') {
		buf_printf(&b, "Kính gửi: %s.", in->to);
		doc_add_text(d, DOC_PARA, 0, b.data);
	}
	report_doc_period_vi(&in->period, per, sizeof(per));
	buf_reset(&b);
	buf_printf(&b, "%s báo cáo kết quả thực hiện kế hoạch %s như sau:",
	    in->issuer, per);
	doc_add_text(d, DOC_PARA, 0, b.data);
	heading(d, 0, ++sec, part_titles[REPORT_DOC_TARGETS]);
	if (rp->consolidated)
		targets_consolidated(d, in);
	else
		targets_own(d, in);
	heading(d, 0, ++sec, "Các hoạt động đã triển khai");
	activities(d, in);
	for (part = REPORT_DOC_NUTRITION; part < REPORT_DOC_PART__MAX;
	    part++) {
		if (!has_part(in, part))
			continue;
		heading(d, 0, ++sec, part_titles[part]);
		doc_add_text(d, DOC_PARA, 0, "Số liệu tổng hợp, không chứa "
		    "thông tin cá nhân của trẻ.");
		if (!nums_table(d, in, rp->consolidated ? 0 : rp->unit_id,
		    part, 0, rp->nnums, false))
			doc_add_text(d, DOC_PARA, 0, "Chưa có số liệu.");
	}
	heading(d, 0, ++sec, "Đánh giá chung");
	for (k = 0; k < 3; k++) {
		heading(d, 1, k + 1, text_heads[k]);
		paragraphs(d, texts[k]);
	}
	heading(d, 0, ++sec, "Đề xuất, kiến nghị");
	paragraphs(d, rp->proposals);
	signature(d, in);
	buf_release(&b);
	return d;
}

/* The header row of a numbers sheet (with the unit when units). */
static void
sheet_head(struct xlsx_writer *w, bool units)
{
	static const char *const heads[] = { "Mã chỉ tiêu", "Chỉ tiêu",
	    "Kỳ số liệu", "Tử số", "Mẫu số", "Kết quả", "Đơn vị tính",
	    "Tử số nam", "Tử số nữ", "Mục tiêu", "Đánh giá" };
	size_t k;

	if (units) {
		xlsx_set_width(w, 0, 40);
		xlsx_put_header(w, "Đơn vị");
	}
	xlsx_set_width(w, units ? 2 : 1, 60);
	for (k = 0; k < sizeof(heads) / sizeof(heads[0]); k++)
		xlsx_put_header(w, heads[k]);
	xlsx_end_row(w);
}

static void
sheet_row(struct xlsx_writer *w, const struct report_doc_in *in,
    const struct report_num *x, bool units)
{
	static const char *const unit_names[] = { "%", "‰", "" };
	enum numfmt_unit u = unit_of(in, x);
	double v;

	if (units)
		xlsx_put_text(w, unit_name(in, x->unit_id));
	xlsx_put_text(w, x->target_code);
	xlsx_put_text(w, x->label);
	xlsx_put_text(w, x->has_value ? x->period : NULL);
	if (small_hidden(in, x)) {
		/* A count that could identify a child: "< 5", no split. */
		xlsx_put_text(w, NUMFMT_SMALL_TEXT);
		xlsx_put_text(w, NULL);
		xlsx_put_text(w, NUMFMT_SMALL_TEXT);
		xlsx_put_text(w, unit_names[u]);
		xlsx_put_text(w, NULL);
		xlsx_put_text(w, NULL);
		xlsx_put_text(w, x->target_text);
		xlsx_put_text(w, status_label(x->status));
		xlsx_end_row(w);
		return;
	}
	if (x->has_value)
		xlsx_put_number(w, (double)x->num);
	else
		xlsx_put_text(w, NULL);
	if (x->has_value && x->has_den)
		xlsx_put_number(w, (double)x->den);
	else
		xlsx_put_text(w, NULL);
	if (report_num_rate(x, scale_of(u), &v))
		xlsx_put_number(w, v);
	else
		xlsx_put_text(w, NULL);
	xlsx_put_text(w, unit_names[u]);
	if (x->has_value && x->has_sex && ind_hides(in, x)) {
		char a[NUMFMT_MAX], b[NUMFMT_MAX];

		/* Either part may be small even when the total is not. */
		if (numfmt_split_small(a, b, x->num_m, x->num_f, 0)) {
			xlsx_put_text(w, a);
			xlsx_put_text(w, b);
		} else {
			xlsx_put_number(w, (double)x->num_m);
			xlsx_put_number(w, (double)x->num_f);
		}
	} else if (x->has_value && x->has_sex) {
		xlsx_put_number(w, (double)x->num_m);
		xlsx_put_number(w, (double)x->num_f);
	} else {
		xlsx_put_text(w, NULL);
		xlsx_put_text(w, NULL);
	}
	xlsx_put_text(w, x->target_text);
	xlsx_put_text(w, status_label(x->status));
	xlsx_end_row(w);
}

/*
 * A sheet of the rows of part: of unit (units false), or of every unit
 * below (units true, the totals and the report's unit left out).  Made
 * only when there are rows; first says whether it is the workbook's
 * first sheet (already made by xlsx_writer_new).
 */
static void
nums_sheet(struct xlsx_writer *w, bool *first, const char *name,
    const struct report_doc_in *in, enum report_doc_part part, int64_t unit,
    bool units)
{
	const struct report *rp = in->rp;
	bool begun = false;
	size_t i;

	for (i = 0; i < rp->nnums; i++) {
		const struct report_num *x = &rp->nums[i];

		if (part_of(in, x) != part)
			continue;
		if (units ? (x->unit_id == 0 || x->unit_id == rp->unit_id) :
		    x->unit_id != unit)
			continue;
		if (!begun) {
			if (!*first)
				xlsx_add_sheet(w, name);
			*first = false;
			sheet_head(w, units);
			begun = true;
		}
		sheet_row(w, in, x, units);
	}
}

/* The names of a missing note, one a row. */
static void
missing_row(void *arg, const char *name, bool last)
{
	(void)last;
	xlsx_put_text(arg, name);
	xlsx_end_row(arg);
}

enum err
report_xlsx(const struct report_doc_in *in, struct buf *out,
    struct buf *errmsg)
{
	static const char *const part_sheets[REPORT_DOC_PART__MAX] = {
		"Chỉ tiêu", "Dinh dưỡng", "Bảo vệ trẻ em" };
	const struct report *rp = in->rp;
	struct xlsx_writer *w;
	enum report_doc_part part;
	bool first = true;
	size_t i;

	w = xlsx_writer_new(rp->consolidated ? "Tổng hợp" : "Chỉ tiêu");
	if (rp->consolidated) {
		nums_sheet(w, &first, "Tổng hợp", in, REPORT_DOC_TARGETS, 0,
		    false);
		nums_sheet(w, &first, "Toàn địa bàn", in, REPORT_DOC_TARGETS,
		    rp->unit_id, false);
		nums_sheet(w, &first, "Các đơn vị", in, REPORT_DOC_TARGETS, 0,
		    true);
	} else
		nums_sheet(w, &first, "Chỉ tiêu", in, REPORT_DOC_TARGETS,
		    rp->unit_id, false);
	for (part = REPORT_DOC_NUTRITION; part < REPORT_DOC_PART__MAX; part++)
		nums_sheet(w, &first, part_sheets[part], in, part,
		    rp->consolidated ? 0 : rp->unit_id, false);
	if (!first)
		xlsx_add_sheet(w, "Hoạt động");
	first = false;
	xlsx_set_width(w, 1, 60);
	xlsx_put_header(w, "Ngày");
	xlsx_put_header(w, "Hoạt động");
	xlsx_put_header(w, "Số người tham gia");
	xlsx_end_row(w);
	for (i = 0; i < rp->nacts; i++) {
		xlsx_put_date(w, rp->acts[i].on_date);
		xlsx_put_text(w, rp->acts[i].title);
		xlsx_put_number(w, (double)rp->acts[i].reached);
		xlsx_end_row(w);
	}
	if (rp->consolidated && rp->missing_note[0] != '\0') {
		xlsx_add_sheet(w, "Chưa báo cáo");
		xlsx_put_header(w, "Đơn vị chưa có báo cáo được tiếp nhận");
		xlsx_end_row(w);
		missing_each(rp->missing_note, missing_row, w);
	}
	return xlsx_writer_finish(w, out, errmsg);
}
