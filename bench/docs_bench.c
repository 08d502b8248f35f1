/*
 * docs_bench.c -- how long a plan and a province report take to become
 * official documents.
 *
 * The plan: the largest seed plan (by the size of its JSON file) is built
 * into a struct doc and rendered as PDF, then as DOCX, N times each (100
 * unless given); prints milliseconds per document and the file sizes.
 *
 * The report: a consolidated province report built in memory with UNITS
 * units below (1,500 unless given), each with its table of 12 targets,
 * the province's own figures, the totals and 50 units that have not
 * reported: the time to build the document and to render it as PDF (goal
 * < 2 s), as DOCX and as XLSX, once each, with the pages and sizes.  A
 * report stored in a database renders with report_doc_render()
 * (docs/report_doc.h), which bench/consolidate can call.
 *
 *	docs_bench [N [UNITS]]
 *
 * The first PDF also loads the fonts (fontconfig, pango); it is timed on
 * its own and left out of the average, as a server pays it once per
 * thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/embedded.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/migrate.h"
#include "docs/plan_doc.h"
#include "docs/report_doc.h"
#include "plans/plan_db.h"
#include "plans/plan_json.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Build and write one document; its size. */
static size_t
one(const struct plan *p, const struct plan_catalogue *cat,
    enum err (*write)(const struct doc *, struct buf *))
{
	struct doc *d = plan_doc_build(p, cat);
	struct buf out = BUF_INIT;
	size_t len;

	if (write(d, &out) != ERR_OK) {
		fprintf(stderr, "docs_bench: rendering failed\n");
		exit(1);
	}
	len = out.len;
	buf_release(&out);
	doc_free(d);
	return len;
}

/* Processor time of this process, in ms: on a shared machine the wall
 * time also counts the other processes. */
static double
cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Targets per unit in the province report, and units without a report. */
#define REP_TARGETS	12
#define REP_MISSING	50

static const char *
rep_unit_name(void *arg, int64_t id)
{
	static const char *const kinds[] = { "Trường Mầm non", "Trường Tiểu "
	    "học", "Trường THCS", "Trường THPT" };
	char *buf = arg;

	/* One buffer: the writers copy the name before the next call. */
	snprintf(buf, 96, "%s số %lld xã Hòa Bình", kinds[id % 4],
	    (long long)id);
	return buf;
}

static void
rep_num(struct report_num *x, int64_t unit, int k, int64_t num, int64_t den)
{
	static const char *const status[] = { "achieved", "on_track",
	    "at_risk", "off_track" };
	char lbl[96];

	memset(x, 0, sizeof(*x));
	x->unit_id = unit;
	x->indicator_id = k + 1;
	snprintf(x->target_code, sizeof(x->target_code), "CT%d", k + 1);
	snprintf(lbl, sizeof(lbl), "Tỷ lệ trẻ em được tiếp cận dịch vụ số %d",
	    k + 1);
	x->label = xstrdup(lbl);
	snprintf(x->period, sizeof(x->period), "2024-2025");
	x->has_value = true;
	x->num = num;
	x->den = den;
	x->has_den = true;
	snprintf(x->status, sizeof(x->status), "%s", status[(unit + k) % 4]);
	x->target_text = xstrdup("≥ 95% (2025)");
}

/* The consolidated report of a province with nunits units below. */
static struct report *
rep_build(size_t nunits)
{
	struct report *rp = xcalloc(1, sizeof(*rp));
	struct buf miss = BUF_INIT;
	char name[96];
	int64_t tot_n[REP_TARGETS] = { 0 }, tot_d[REP_TARGETS] = { 0 };
	size_t u, i = 0, n = (nunits + 2) * REP_TARGETS;
	int k;

	rp->id = 1;
	rp->unit_id = 1;
	rp->version = 1;
	rp->consolidated = true;
	rp->results = xstrdup("Các đơn vị đã triển khai đầy đủ kế hoạch.");
	rp->strengths = xstrdup("Sự phối hợp giữa nhà trường và gia đình.");
	rp->limitations = xstrdup("Một số đơn vị báo cáo chậm.");
	rp->proposals = xstrdup("Đề nghị Bộ hỗ trợ kinh phí truyền thông.");
	rp->review_note = xstrdup("");
	rp->nums = xcalloc(n, sizeof(*rp->nums));
	for (k = 0; k < REP_TARGETS; k++)
		rep_num(&rp->nums[i++], 1, k, 9000 + k, 10000);
	for (u = 0; u < nunits; u++)
		for (k = 0; k < REP_TARGETS; k++) {
			int64_t d = 300 + (int64_t)((u * 7 + (size_t)k) % 900);
			int64_t v = d - (int64_t)((u + (size_t)k) % 40);

			rep_num(&rp->nums[i++], (int64_t)u + 100, k, v, d);
			tot_n[k] += v;
			tot_d[k] += d;
		}
	for (k = 0; k < REP_TARGETS; k++)
		rep_num(&rp->nums[i++], 0, k, tot_n[k], tot_d[k]);
	rp->nnums = i;
	for (u = 0; u < REP_MISSING; u++)
		buf_printf(&miss, "%s%s", u ? ", " : "",
		    rep_unit_name(name, (int64_t)(nunits + 100 + u)));
	rp->missing_note = xstrdup(miss.data);
	buf_release(&miss);
	return rp;
}

/* Pages of a PDF: its "/Type /Page" objects. */
static size_t
pdf_pages(const struct buf *b)
{
	static const char pat[] = "/Type /Page";
	size_t i, n = 0;

	for (i = 0; i + sizeof(pat) <= b->len; i++)
		if (memcmp(b->data + i, pat, sizeof(pat) - 1) == 0 &&
		    b->data[i + sizeof(pat) - 1] != 's')
			n++;
	return n;
}

/* Build and render the province report once per format; print it. */
static void
province_report(size_t nunits)
{
	static const char *const names[REPORT_DOC_FMT__MAX] = { "PDF",
	    "DOCX", "XLSX" };
	struct report_doc_ind inds[REP_TARGETS];
	struct report_doc_in in;
	struct report *rp = rep_build(nunits);
	char namebuf[96];
	struct doc *d;
	double t0, c0, ms, cpu;
	int k;

	for (k = 0; k < REP_TARGETS; k++) {
		inds[k].id = k + 1;
		inds[k].unit = NUMFMT_PERCENT;
		inds[k].part = REPORT_DOC_TARGETS;
	}
	memset(&in, 0, sizeof(in));
	in.rp = rp;
	in.parent_body = "Ủy ban nhân dân tỉnh Hòa Bình";
	in.issuer = "Sở Giáo dục và Đào tạo";
	in.abbrev = "SGDĐT";
	in.place = "Hòa Bình";
	in.date = "2025-06-15";
	snprintf(in.period.code, sizeof(in.period.code), "2024-2025");
	in.period.type = PERIOD_SCHOOL_YEAR;
	in.plan_ref = "120/KH-SGDĐT";
	in.plan_title = "Thực hiện Chương trình hành động vì trẻ em";
	in.to = "Bộ Giáo dục và Đào tạo";
	in.kind = UNIT_PROVINCE;
	in.signer_name = "Nguyễn Văn A";
	in.inds = inds;
	in.ninds = REP_TARGETS;
	in.unit_name = rep_unit_name;
	in.unit_arg = namebuf;
	printf("province report: %zu units below, %zu rows of numbers\n",
	    nunits, rp->nnums);
	t0 = now_ms();
	d = report_doc_build(&in);
	printf("build the document: %8.1f ms (%zu blocks)\n", now_ms() - t0,
	    d->nblocks);
	doc_free(d);
	for (k = 0; k < REPORT_DOC_FMT__MAX; k++) {
		struct buf out = BUF_INIT;

		t0 = now_ms();
		c0 = cpu_ms();
		if (report_doc_render_in(&in, (enum report_doc_fmt)k, &out) !=
		    ERR_OK) {
			fprintf(stderr, "docs_bench: the report's %s failed\n",
			    names[k]);
			exit(1);
		}
		ms = now_ms() - t0;
		cpu = cpu_ms() - c0;
		printf("report %-4s %8.1f ms (%.1f ms of processor), %zu bytes",
		    names[k], ms, cpu, out.len);
		if (k == REPORT_DOC_PDF)
			printf(", %zu pages%s", pdf_pages(&out), ms < 2000 ?
			    " (goal < 2 s: met)" : cpu < 2000 ? " (goal < 2 s: "
			    "met in processor time; the machine is busy)" :
			    " (goal < 2 s: MISSED)");
		printf("\n");
		buf_release(&out);
	}
	report_free(rp);
}

int
main(int argc, char **argv)
{
	const struct embedded_file *f, *big = NULL;
	struct plan_catalogue cat = { NULL, 0 };
	struct plan_errs errs = { NULL, 0 };
	struct buf err = BUF_INIT;
	struct db *db = NULL;
	struct plan *p;
	double t0, first, pdf_ms, docx_ms;
	size_t pdf_len = 0, docx_len = 0;
	int64_t n = 100, units = 1500, i;

	if ((argc > 1 && !str_to_int_range(argv[1], 1, 100000, &n)) ||
	    (argc > 2 && !str_to_int_range(argv[2], 1, 1000000, &units))) {
		fprintf(stderr, "usage: docs_bench [N [UNITS]]\n");
		return 2;
	}
	for (f = embedded_files; f->name != NULL; f++)
		if (strncmp(f->name, "plans/", 6) == 0 &&
		    (big == NULL || f->len > big->len))
			big = f;
	if (big == NULL || db_open(":memory:", &db, &err) != ERR_OK ||
	    migrate(db, &err) != ERR_OK || plan_db_catalogue(db, &cat) !=
	    ERR_OK) {
		fprintf(stderr, "docs_bench: setup failed: %s\n", err.data);
		return 1;
	}
	p = plan_from_json_text((const char *)big->data, big->len, &errs);
	if (p == NULL) {
		fprintf(stderr, "docs_bench: %s does not parse\n", big->name);
		return 1;
	}
	t0 = now_ms();
	one(p, &cat, doc_pdf);
	first = now_ms() - t0;
	t0 = now_ms();
	for (i = 0; i < n; i++)
		pdf_len = one(p, &cat, doc_pdf);
	pdf_ms = (now_ms() - t0) / n;
	t0 = now_ms();
	for (i = 0; i < n; i++)
		docx_len = one(p, &cat, doc_docx);
	docx_ms = (now_ms() - t0) / n;
	printf("documents: %s (%zu bytes of JSON, %zu targets), %lld times "
	    "each\n", big->name, big->len, p->ntargets, (long long)n);
	printf("first PDF (loads the fonts): %8.1f ms\n", first);
	printf("PDF:  %8.2f ms per document, %zu bytes\n", pdf_ms, pdf_len);
	printf("DOCX: %8.2f ms per document, %zu bytes\n", docx_ms, docx_len);
	province_report((size_t)units);
	plan_free(p);
	plan_errs_release(&errs);
	plan_catalogue_release(&cat);
	db_close(db);
	buf_release(&err);
	return 0;
}
