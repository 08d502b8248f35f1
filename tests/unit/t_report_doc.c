/*
 * t_report_doc.c -- reports as official documents: the number
 * "Số: …/BC-…", the period in words, the signature forms (KT., TM.), the
 * format codes; the document of a unit's report and of a consolidated
 * report built in memory (header, sections in order, the value in
 * Vietnamese number format, the activities, a table per unit, the
 * missing units, the nutrition counts in their own section); the XLSX writer making a zip.
 * The text inside the files is checked by tests/http/t_report_docs.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/strutil.h"
#include "core/xalloc.h"
#include "docs/report_doc.h"

static void
number_has_the_report_code_and_symbol(void **state)
{
	char b[64];

	(void)state;
	report_doc_number("MNHL", b, sizeof(b));
	assert_string_equal(b, "Số: \u2003\u2003/BC-MNHL");
	report_doc_number("", b, sizeof(b));
	assert_string_equal(b, "Số: \u2003\u2003/BC");
}

static void
periods_read_as_in_a_sentence(void **state)
{
	struct period p;
	char b[64];

	(void)state;
	memset(&p, 0, sizeof(p));
	snprintf(p.code, sizeof(p.code), "2023-2024");
	p.type = PERIOD_SCHOOL_YEAR;
	p.year = 2024;
	report_doc_period_vi(&p, b, sizeof(b));
	assert_string_equal(b, "năm học 2023-2024");
	snprintf(p.code, sizeof(p.code), "2024");
	p.type = PERIOD_YEAR;
	report_doc_period_vi(&p, b, sizeof(b));
	assert_string_equal(b, "năm 2024");
}

static void
signature_forms_follow_decree_30(void **state)
{
	char a[160], t[96];

	(void)state;
	report_doc_sign(UNIT_TH, false, a, sizeof(a), t, sizeof(t));
	assert_string_equal(a, "");
	assert_string_equal(t, "HIỆU TRƯỞNG");
	report_doc_sign(UNIT_MN, true, a, sizeof(a), t, sizeof(t));
	assert_string_equal(a, "KT. HIỆU TRƯỞNG");
	assert_string_equal(t, "PHÓ HIỆU TRƯỞNG");
	report_doc_sign(UNIT_DISTRICT, true, a, sizeof(a), t, sizeof(t));
	assert_string_equal(a, "KT. TRƯỞNG PHÒNG");
	assert_string_equal(t, "PHÓ TRƯỞNG PHÒNG");
	report_doc_sign(UNIT_PROVINCE, false, a, sizeof(a), t, sizeof(t));
	assert_string_equal(a, "");
	assert_string_equal(t, "GIÁM ĐỐC");
	/* A commune's committee signs as a collective. */
	report_doc_sign(UNIT_COMMUNE, false, a, sizeof(a), t, sizeof(t));
	assert_string_equal(a, "TM. ỦY BAN NHÂN DÂN");
	assert_string_equal(t, "CHỦ TỊCH");
	report_doc_sign(UNIT_COMMUNE, true, a, sizeof(a), t, sizeof(t));
	assert_string_equal(a, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH");
	assert_string_equal(t, "PHÓ CHỦ TỊCH");
}

static void
format_codes_are_known(void **state)
{
	enum report_doc_fmt f;

	(void)state;
	assert_true(report_doc_fmt_from_code("pdf", &f));
	assert_int_equal(f, REPORT_DOC_PDF);
	assert_true(report_doc_fmt_from_code("xlsx", &f));
	assert_int_equal(f, REPORT_DOC_XLSX);
	assert_false(report_doc_fmt_from_code("odt", &f));
	assert_false(report_doc_fmt_from_code(NULL, &f));
}

/* A row of numbers. */
static void
add_num(struct report *rp, int64_t unit, int64_t ind, const char *code,
    int64_t num, int64_t den)
{
	struct report_num *x;

	rp->nums = xrealloc(rp->nums, (rp->nnums + 1) * sizeof(*rp->nums));
	x = &rp->nums[rp->nnums++];
	memset(x, 0, sizeof(*x));
	x->unit_id = unit;
	x->indicator_id = ind;
	snprintf(x->target_code, sizeof(x->target_code), "%s", code);
	x->label = xstrdup("Tỷ lệ trẻ được tiếp cận");
	snprintf(x->period, sizeof(x->period), "2023-2024");
	x->has_value = true;
	x->num = num;
	x->den = den;
	x->has_den = true;
	snprintf(x->status, sizeof(x->status), "achieved");
	x->target_text = xstrdup("≥ 95% (2025)");
}

static struct report *
new_report(int64_t unit, bool consolidated)
{
	struct report *rp = xcalloc(1, sizeof(*rp));

	rp->id = 1;
	rp->unit_id = unit;
	rp->version = 1;
	rp->consolidated = consolidated;
	rp->results = xstrdup("Đạt kết quả tốt.\nVượt chỉ tiêu.");
	rp->strengths = xstrdup("");
	rp->limitations = xstrdup("Thiếu kinh phí.");
	rp->proposals = xstrdup("Đề nghị hỗ trợ.");
	rp->review_note = xstrdup("");
	rp->missing_note = xstrdup(consolidated ? "Trường A, Trường B" : "");
	return rp;
}

static const char *
names(void *arg, int64_t id)
{
	(void)arg;
	return id == 11 ? "Trường Tiểu học Sơn Ca" : id == 12 ?
	    "Trường Mầm non Hoa Sen" : NULL;
}

static const struct report_doc_ind inds[] = {
	{ 1, NUMFMT_PERCENT, REPORT_DOC_TARGETS },
	{ 2, NUMFMT_PERCENT, REPORT_DOC_NUTRITION },
};

static void
fill_in(struct report_doc_in *in, const struct report *rp)
{
	memset(in, 0, sizeof(*in));
	in->rp = rp;
	in->parent_body = "Phòng Giáo dục và Đào tạo quận Hà Đông";
	in->issuer = "Trường Tiểu học Sơn Ca";
	in->abbrev = "TH02";
	in->place = "Hà Đông";
	in->date = "2024-05-31";
	snprintf(in->period.code, sizeof(in->period.code), "2023-2024");
	in->period.type = PERIOD_SCHOOL_YEAR;
	in->plan_ref = "12/KH-PGDĐT";
	in->plan_title = "Thực hiện Chương trình hành động vì trẻ em";
	in->to = "Phòng Giáo dục và Đào tạo quận Hà Đông";
	in->kind = UNIT_TH;
	in->deputy = true;
	in->signer_name = "Trần Văn B";
	in->inds = inds;
	in->ninds = 2;
	in->unit_name = names;
}

/* The text of every block, one a line. */
static void
doc_text(const struct doc *d, struct buf *out)
{
	size_t i, c;

	for (i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];

		if (b->kind == DOC_TABLE)
			for (c = 0; c < b->table.nrows * b->table.ncols; c++)
				buf_printf(out, "%s|", b->table.cells[c]);
		else
			doc_block_text(b, out);
		buf_putc(out, '\n');
	}
}

static size_t
tables(const struct doc *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->nblocks; i++)
		n += d->blocks[i].kind == DOC_TABLE;
	return n;
}

static void
a_units_report_becomes_a_decree_30_report(void **state)
{
	struct report *rp = new_report(11, false);
	struct report_doc_in in;
	struct buf t = BUF_INIT;
	struct doc *d;
	const char *a, *b;

	(void)state;
	add_num(rp, 11, 1, "CT1", 1234, 1300);
	add_num(rp, 11, 2, "DD1", 3, 250);
	rp->acts = xcalloc(2, sizeof(*rp->acts));
	rp->nacts = 2;
	snprintf(rp->acts[0].on_date, sizeof(rp->acts[0].on_date),
	    "2024-06-01");
	rp->acts[0].title = xstrdup("Tháng hành động vì trẻ em");
	rp->acts[0].reached = 1250;
	snprintf(rp->acts[1].on_date, sizeof(rp->acts[1].on_date),
	    "2024-09-17");
	rp->acts[1].title = xstrdup("Tết Trung thu");
	fill_in(&in, rp);
	d = report_doc_build(&in);
	assert_string_equal(d->parent_body,
	    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN HÀ ĐÔNG");
	assert_string_equal(d->issuer, "TRƯỜNG TIỂU HỌC SƠN CA");
	assert_string_equal(d->number, "Số: \u2003\u2003/BC-TH02");
	assert_string_equal(d->place_date, "Hà Đông, ngày 31 tháng 5 năm 2024");
	assert_string_equal(d->type_name, "BÁO CÁO");
	assert_string_equal(d->title, "Kết quả thực hiện Kế hoạch số "
	    "12/KH-PGDĐT\nnăm học 2023-2024");
	assert_int_equal(d->basis.n, 1);
	assert_string_equal(d->basis.v[0], "Căn cứ Kế hoạch số 12/KH-PGDĐT về "
	    "việc thực hiện Chương trình hành động vì trẻ em.");
	assert_string_equal(d->sign.authority, "KT. HIỆU TRƯỞNG");
	assert_string_equal(d->sign.title, "PHÓ HIỆU TRƯỞNG");
	assert_string_equal(d->sign.name, "Trần Văn B");
	assert_int_equal(d->recipients.n, 2);
	assert_string_equal(d->recipients.v[1], "- Lưu: VT, TH02.");
	/* The targets table, then the nutrition table apart. */
	assert_int_equal(tables(d), 2);
	doc_text(d, &t);
	assert_non_null(strstr(t.data, "|1.234|1.300|94,92\u00a0%|"));
	assert_non_null(strstr(t.data, "|Đạt|"));
	a = strstr(t.data, "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
	b = strstr(t.data, "III. TÌNH TRẠNG DINH DƯỠNG CỦA TRẺ");
	assert_non_null(a);
	assert_non_null(b);
	assert_true(a < b);
	assert_non_null(strstr(t.data, "II. CÁC HOẠT ĐỘNG ĐÃ TRIỂN KHAI\n"
	    "- 01/06/2024: Tháng hành động vì trẻ em (1.250 người tham gia);\n"
	    "- 17/09/2024: Tết Trung thu.\n"));
	assert_non_null(strstr(t.data, "IV. ĐÁNH GIÁ CHUNG"));
	assert_non_null(strstr(t.data, "\nVượt chỉ tiêu.\n"));
	/* An empty section keeps its heading with a mark to fill in. */
	assert_non_null(strstr(t.data, "2. Ưu điểm\n\u2026\n"));
	assert_non_null(strstr(t.data, "V. ĐỀ XUẤT, KIẾN NGHỊ\nĐề nghị hỗ trợ."));
	buf_release(&t);
	doc_free(d);
	report_free(rp);
}

static void
a_consolidated_report_has_a_table_per_unit(void **state)
{
	struct report *rp = new_report(8, true);
	struct report_doc_in in;
	struct buf t = BUF_INIT, x = BUF_INIT;
	struct doc *d;

	(void)state;
	add_num(rp, 8, 1, "CT1", 90, 100);
	add_num(rp, 11, 1, "CT1", 40, 50);
	add_num(rp, 12, 1, "CT1", 45, 50);
	add_num(rp, 0, 1, "CT1", 85, 100);
	fill_in(&in, rp);
	in.issuer = "Phòng Giáo dục và Đào tạo quận Hà Đông";
	in.kind = UNIT_DISTRICT;
	d = report_doc_build(&in);
	assert_true(strncmp(d->title, "Tổng hợp kết quả", 19) == 0);
	/* Totals, the office's own figures, one table per unit. */
	assert_int_equal(tables(d), 4);
	doc_text(d, &t);
	assert_non_null(strstr(t.data, "1. Tổng hợp chung"));
	assert_non_null(strstr(t.data, "|85|100|85\u00a0%|"));
	assert_non_null(strstr(t.data, "3.1. Trường Tiểu học Sơn Ca\n"));
	assert_non_null(strstr(t.data, "3.2. Trường Mầm non Hoa Sen\n"));
	assert_non_null(strstr(t.data, "4. Đơn vị chưa có báo cáo\n"
	    "- Trường A;\n- Trường B.\n"));
	assert_string_equal(d->sign.authority, "KT. TRƯỞNG PHÒNG");
	/* The workbook is a zip. */
	assert_int_equal(report_xlsx(&in, &x, NULL), ERR_OK);
	assert_true(x.len > 4 && memcmp(x.data, "PK\x03\x04", 4) == 0);
	buf_release(&x);
	assert_int_equal(report_doc_render_in(&in, REPORT_DOC_DOCX, &x),
	    ERR_OK);
	assert_true(x.len > 4 && memcmp(x.data, "PK\x03\x04", 4) == 0);
	buf_release(&x);
	buf_release(&t);
	doc_free(d);
	report_free(rp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(number_has_the_report_code_and_symbol),
		cmocka_unit_test(periods_read_as_in_a_sentence),
		cmocka_unit_test(signature_forms_follow_decree_30),
		cmocka_unit_test(format_codes_are_known),
		cmocka_unit_test(a_units_report_becomes_a_decree_30_report),
		cmocka_unit_test(a_consolidated_report_has_a_table_per_unit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
