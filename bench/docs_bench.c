/*
 * docs_bench.c -- how long a plan takes to become an official document:
 * the largest seed plan (by the size of its JSON file) is built into a
 * struct doc and rendered as PDF, then as DOCX, N times each (100 unless
 * given); prints milliseconds per document and the file sizes.
 *
 *	docs_bench [N]
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
#include "db/db.h"
#include "db/migrate.h"
#include "docs/plan_doc.h"
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
	int64_t n = 100, i;

	if (argc > 1 && !str_to_int_range(argv[1], 1, 100000, &n)) {
		fprintf(stderr, "usage: docs_bench [N]\n");
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
	plan_free(p);
	plan_errs_release(&errs);
	plan_catalogue_release(&cat);
	db_close(db);
	buf_release(&err);
	return 0;
}
