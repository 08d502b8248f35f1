/*
 * t_docs.c -- official documents: the XML writer escapes what XML cannot
 * hold, Vietnamese capitals and file names, the signature lines, the
 * document model built from seed plans 002 (89/KH-MNHL) and 000, and the
 * PDF and DOCX writers producing their kind of file.  The text inside the
 * files is checked by tests/http/t_docs.sh (pdftotext, python's zipfile).
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/embedded.h"
#include "core/strutil.h"
#include "docs/doc.h"
#include "docs/plan_doc.h"
#include "plans/plan_json.h"
#include "render/xml.h"

static void
expect_xml(const char *in, const char *want)
{
	struct buf b = BUF_INIT;

	xml_text(&b, in);
	assert_string_equal(b.data, want);
	buf_release(&b);
}

static void
xml_text_escapes_markup_and_drops_what_xml_forbids(void **state)
{
	(void)state;
	expect_xml("a & b < c > d \"e\" 'f'",
	    "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
	expect_xml("Độc lập - Tự do - Hạnh phúc", "Độc lập - Tự do - Hạnh phúc");
	expect_xml("tab\tline\nret\r", "tab\tline\nret\r");
	/* C0 controls and DEL are not XML characters: dropped. */
	expect_xml("a\x01" "b\x1f" "c\x7f" "d", "abcd");
	/* Malformed UTF-8 becomes U+FFFD, byte by byte. */
	expect_xml("x\xff" "y", "x\xef\xbf\xbd" "y");
	expect_xml("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd");	/* overlong */
	expect_xml("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	expect_xml("\xe1\xbb", "\xef\xbf\xbd\xef\xbf\xbd");	/* cut short */
	expect_xml("\xef\xbf\xbe", "\xef\xbf\xbd");		/* U+FFFE */
	expect_xml("\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80");	/* U+1F600 */
}

static void
xml_fmt_escapes_only_its_arguments(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	xml_fmt(&b, "<w:t a=\"%s\">%s %d %I</w:t>", "\"<>\"", "A&B", 7,
	    (int64_t)1234567890123);
	assert_string_equal(b.data, "<w:t a=\"&quot;&lt;&gt;&quot;\">A&amp;B "
	    "7 1234567890123</w:t>");
	buf_release(&b);
}

static void
expect_upper(const char *in, const char *want)
{
	struct buf b = BUF_INIT;

	str_upper_vi(in, &b);
	assert_string_equal(b.data, want);
	buf_release(&b);
}

static void
vietnamese_text_is_set_in_capitals(void **state)
{
	(void)state;
	expect_upper("Kế hoạch", "KẾ HOẠCH");
	expect_upper("Báo cáo", "BÁO CÁO");
	expect_upper("phó hiệu trưởng", "PHÓ HIỆU TRƯỞNG");
	expect_upper("đường ơ ư ă â ê ô ỹ ự", "ĐƯỜNG Ơ Ư Ă Â Ê Ô Ỹ Ự");
	expect_upper("UBND 8/2024 (x)", "UBND 8/2024 (X)");
}

static void
expect_name(const char *in, const char *want)
{
	char out[64];

	doc_file_name(in, out, sizeof(out));
	assert_string_equal(out, want);
}

static void
file_names_are_plain_ascii(void **state)
{
	(void)state;
	expect_name("89/KH-MNHL", "89-KH-MNHL");
	expect_name("23/QĐ-TTg", "23-QD-TTg");
	expect_name("152a/KH-MNDB", "152a-KH-MNDB");
	expect_name("../../etc/passwd", "etc-passwd");
	expect_name("a\"b\r\nc;d", "a-b-c-d");
	expect_name("Kế hoạch", "K-ho-ch");
	expect_name("", "document");
	expect_name("///", "document");
}

static void
signature_lines_follow_decree_30(void **state)
{
	struct plan *p = plan_new();
	char a[256], t[256];

	(void)state;
	plan_set(&p->issuer, "ỦY BAN NHÂN DÂN XÃ AN BÌNH");
	plan_set(&p->signer_title, "HIỆU TRƯỞNG");
	plan_sign_lines(p, a, sizeof(a), t, sizeof(t));
	assert_string_equal(a, "");
	assert_string_equal(t, "HIỆU TRƯỞNG");
	plan_set(&p->signer_authority, "KT.");
	plan_set(&p->signer_title, "PHÓ HIỆU TRƯỞNG");
	plan_sign_lines(p, a, sizeof(a), t, sizeof(t));
	assert_string_equal(a, "KT. HIỆU TRƯỞNG");
	assert_string_equal(t, "PHÓ HIỆU TRƯỞNG");
	plan_set(&p->signer_authority, "TM.");
	plan_set(&p->signer_title, "CHỦ TỊCH");
	plan_sign_lines(p, a, sizeof(a), t, sizeof(t));
	assert_string_equal(a, "TM. ỦY BAN NHÂN DÂN XÃ AN BÌNH");
	assert_string_equal(t, "CHỦ TỊCH");
	plan_set(&p->signer_authority, "Q.");
	plan_set(&p->signer_title, "HIỆU TRƯỞNG");
	plan_sign_lines(p, a, sizeof(a), t, sizeof(t));
	assert_string_equal(a, "");
	assert_string_equal(t, "Q. HIỆU TRƯỞNG");
	plan_free(p);
}

/* A seed plan file (embedded in the binary) parsed. */
static struct plan *
seed(const char *name)
{
	const struct embedded_file *f = embedded_find(name);
	struct plan_errs errs = { NULL, 0 };
	struct plan *p;

	assert_non_null(f);
	p = plan_from_json_text((const char *)f->data, f->len, &errs);
	assert_non_null(p);
	plan_errs_release(&errs);
	return p;
}

static const char *
block_text(const struct doc_block *b, struct buf *tmp)
{
	buf_reset(tmp);
	doc_block_text(b, tmp);
	return tmp->data;
}

/* The index of the first block whose text starts with prefix. */
static size_t
find_block(const struct doc *d, const char *prefix)
{
	struct buf t = BUF_INIT;
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		if (strncmp(block_text(&d->blocks[i], &t), prefix,
		    strlen(prefix)) == 0)
			break;
	buf_release(&t);
	if (i == d->nblocks)
		fail_msg("no block starts with \"%s\"", prefix);
	return i;
}

static void
seed_002_becomes_the_document_89_kh_mnhl(void **state)
{
	struct plan *p = seed("plans/03-kh89-mn-huong-luu.json");
	struct doc *d = plan_doc_build(p, NULL);
	const struct doc_block *b;
	struct buf t = BUF_INIT;
	char name[64];
	size_t i;

	(void)state;
	assert_string_equal(d->parent_body, "");
	assert_string_equal(d->issuer, "TRƯỜNG MẦM NON HƯƠNG LƯU");
	assert_string_equal(d->number, "Số: 89/KH-MNHL");
	assert_string_equal(d->place_date, "Huế, ngày 02 tháng 8 năm 2024");
	assert_string_equal(d->type_name, "KẾ HOẠCH");
	assert_true(strncmp(d->title, "Thực hiện Chỉ thị số 28-CT/TW", 30) == 0);
	assert_string_equal(d->meta_title, "Kế hoạch 89/KH-MNHL");
	/* Each basis on its line: ";" after all but the last, "." there. */
	assert_int_equal(d->basis.n, 2);
	assert_true(strncmp(d->basis.v[0], "Căn cứ Kế hoạch số 6895/KH-UBND",
	    31) == 0);
	assert_int_equal(d->basis.v[0][strlen(d->basis.v[0]) - 1], ';');
	assert_int_equal(d->basis.v[1][strlen(d->basis.v[1]) - 1], '.');
	/* The intro, then the sections numbered I., 1., with bullets. */
	assert_string_equal(block_text(&d->blocks[0], &t),
	    "Trường Mầm non Hương Lưu xây dựng kế hoạch thực hiện như sau:");
	assert_int_equal(d->blocks[0].kind, DOC_PARA);
	b = &d->blocks[find_block(d, "I. MỤC ĐÍCH, YÊU CẦU")];
	assert_int_equal(b->kind, DOC_HEADING);
	assert_int_equal(b->level, 0);
	assert_true(b->runs[0].style & DOC_BOLD);
	b = &d->blocks[find_block(d, "1. Mục đích")];
	assert_int_equal(b->kind, DOC_HEADING);
	assert_int_equal(b->level, 1);
	assert_int_equal(b[1].kind, DOC_ITEM);
	assert_true(strncmp(block_text(&b[1], &t), "- Tạo sự thống nhất", 22) ==
	    0);
	assert_int_equal(d->blocks[find_block(d, "II. NHIỆM VỤ & GIẢI PHÁP")].kind,
	    DOC_HEADING);
	assert_int_equal(d->blocks[find_block(d, "III. TỔ CHỨC THỰC HIỆN")].kind,
	    DOC_HEADING);
	/* No numeric targets: no table. */
	for (i = 0; i < d->nblocks; i++)
		assert_int_not_equal(d->blocks[i].kind, DOC_TABLE);
	/* The closing paragraph is the last block. */
	assert_true(strncmp(block_text(&d->blocks[d->nblocks - 1], &t),
	    "Trên đây là kế hoạch", 22) == 0);
	assert_string_equal(d->sign.authority, "");
	assert_string_equal(d->sign.title, "HIỆU TRƯỞNG");
	assert_int_equal(d->recipients.n, 3);
	assert_string_equal(d->recipients.v[0], "- BGH, các tổ khối, các lớp;");
	assert_string_equal(d->recipients.v[2], "- Lưu VT.");
	plan_doc_file_name(p, "pdf", name, sizeof(name));
	assert_string_equal(name, "89-KH-MNHL.pdf");
	buf_release(&t);
	doc_free(d);
	plan_free(p);
}

static void
seed_000_has_its_targets_and_assignments_as_tables(void **state)
{
	struct plan *p = seed("plans/01-kh-th-thcs-nguyen-trung-truc.json");
	struct doc *d = plan_doc_build(p, NULL);
	const struct doc_table *targets = NULL, *assign = NULL;
	char name[64];
	size_t i;

	(void)state;
	for (i = 0; i < d->nblocks; i++) {
		const struct doc_table *t = &d->blocks[i].table;

		if (d->blocks[i].kind != DOC_TABLE)
			continue;
		if (strcmp(doc_cell(t, 0, 0), "Chỉ tiêu") == 0)
			targets = t;
		else if (strcmp(doc_cell(t, 0, 0), "Đơn vị, cá nhân thực hiện") ==
		    0)
			assign = t;
	}
	assert_non_null(targets);
	assert_int_equal(targets->nhead, 1);
	assert_int_equal(targets->nrows, p->ntargets + 1);
	assert_string_equal(doc_cell(targets, 1, 0), p->targets[0].label);
	assert_string_equal(doc_cell(targets, 1, 1), p->targets[0].clause);
	/* Baselines and milestones as Vietnamese numbers. */
	for (i = 0; i < p->ntargets; i++)
		if (p->targets[i].has_baseline)
			break;
	assert_true(i < p->ntargets);
	assert_non_null(strchr(doc_cell(targets, i + 1, 3), ','));
	assert_non_null(strstr(doc_cell(targets, 1, 4), "2025: "));
	/* Targets split into several rows share a label: listed once. */
	assert_non_null(assign);
	assert_null(strstr(doc_cell(assign, 1, 2), "Chỉ tiêu 7\nChỉ tiêu 7"));
	assert_non_null(strstr(doc_cell(assign, 1, 2), "Chỉ tiêu 7\nChỉ tiêu 15"));
	/* No number yet: blank before the slash; the file named by id. */
	assert_true(strncmp(d->number, "Số: ", 5) == 0);
	assert_non_null(strstr(d->number, "/KH"));
	p->id = 42;
	plan_doc_file_name(p, "docx", name, sizeof(name));
	assert_string_equal(name, "plan-42.docx");
	doc_free(d);
	plan_free(p);
}

static void
writers_make_a_pdf_and_a_zip(void **state)
{
	struct plan *p = seed("plans/03-kh89-mn-huong-luu.json");
	struct doc *d = plan_doc_build(p, NULL);
	struct buf pdf = BUF_INIT, docx = BUF_INIT;

	(void)state;
	assert_int_equal(doc_pdf(d, &pdf), ERR_OK);
	assert_true(pdf.len > 1000);
	assert_memory_equal(pdf.data, "%PDF-", 5);
	assert_non_null(memmem(pdf.data + pdf.len - 32, 32, "%%EOF", 5));
	assert_int_equal(doc_docx(d, &docx), ERR_OK);
	assert_true(docx.len > 1000);
	assert_memory_equal(docx.data, "PK\x03\x04", 4);
	/* The first part of the package is [Content_Types].xml. */
	assert_memory_equal(docx.data + 30, "[Content_Types].xml", 19);
	buf_release(&pdf);
	buf_release(&docx);
	doc_free(d);
	plan_free(p);
}

static void
an_empty_document_still_renders(void **state)
{
	struct doc *d = doc_new();
	struct buf pdf = BUF_INIT, docx = BUF_INIT;
	struct doc_table *t;
	char **row;

	(void)state;
	/* A table with a header only, and a tall cell. */
	t = doc_add_table(d, 2, NULL, 1);
	row = doc_table_row(t);
	doc_set(&row[0], "A & <B>");
	t = doc_add_table(d, 1, NULL, 0);
	row = doc_table_row(t);
	doc_set(&row[0], "x\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n"
	    "x\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n"
	    "x\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n"
	    "x\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n");
	doc_add_text(d, DOC_PARA, 0, "");
	assert_int_equal(doc_pdf(d, &pdf), ERR_OK);
	assert_int_equal(doc_docx(d, &docx), ERR_OK);
	buf_release(&pdf);
	buf_release(&docx);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    xml_text_escapes_markup_and_drops_what_xml_forbids),
		cmocka_unit_test(xml_fmt_escapes_only_its_arguments),
		cmocka_unit_test(vietnamese_text_is_set_in_capitals),
		cmocka_unit_test(file_names_are_plain_ascii),
		cmocka_unit_test(signature_lines_follow_decree_30),
		cmocka_unit_test(seed_002_becomes_the_document_89_kh_mnhl),
		cmocka_unit_test(
		    seed_000_has_its_targets_and_assignments_as_tables),
		cmocka_unit_test(writers_make_a_pdf_and_a_zip),
		cmocka_unit_test(an_empty_document_still_renders),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
