/*
 * report_doc.h -- a report (reports/report_db.h) as an official document
 * in the Decree 30/2020 format (struct doc, for the PDF and DOCX writers)
 * and its tables as an XLSX workbook; the loader that gathers what the
 * document needs from the database; and the routes that hand the files out
 * through background jobs (report_doc_http.c).
 *
 * The document shows the numbers stored in the report, never live data:
 * an accepted report is frozen, and so is its document.
 *
 * report_doc.c is pure (no SQL, no clock): it works on a struct
 * report_doc_in that report_doc_db.c fills from the database, or a
 * benchmark fills in memory.
 */
#ifndef VITRE_REPORT_DOC_H
#define VITRE_REPORT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "docs/doc.h"
#include "indicators/period.h"
#include "render/numfmt.h"
#include "reports/report_db.h"
#include "units/unit.h"

struct db;
struct req;

/* Which part of the document an indicator's numbers go to. */
enum report_doc_part {
	REPORT_DOC_TARGETS,	/* the targets table (section I) */
	REPORT_DOC_NUTRITION,	/* source 'growth': de-identified counts */
	REPORT_DOC_PROTECTION,	/* source 'cases': de-identified counts */
	REPORT_DOC_PART__MAX
};

/* What the document needs of an indicator. */
struct report_doc_ind {
	int64_t			 id;
	enum numfmt_unit	 unit;
	enum report_doc_part	 part;
	bool			 suppress_small;	/* 1-4 read "< 5" */
};

/* Everything the document is made of; no pointer is NULL ("" instead). */
struct report_doc_in {
	const struct report	*rp;
	const char	*parent_body;	/* "Phòng Giáo dục và Đào tạo ..." */
	const char	*issuer;	/* the reporting unit's name */
	const char	*abbrev;	/* its symbol: "MNHL" */
	const char	*place;		/* "Huế" */
	const char	*date;		/* the document's date "YYYY-MM-DD"
					 * (its submission) or "" */
	struct period	 period;
	const char	*plan_ref;	/* "89/KH-MNHL" or "" */
	const char	*plan_title;	/* may hold "\n" */
	const char	*to;		/* who receives it: "Phòng GD&ĐT" */
	enum unit_kind	 kind;		/* of the reporting unit */
	bool		 deputy;	/* a deputy signs for the head */
	const char	*signer_name;
	const struct report_doc_ind *inds;	/* sorted by id */
	size_t		 ninds;
	/* The name of a unit below (consolidated tables). */
	const char	*(*unit_name)(void *arg, int64_t unit_id);
	void		*unit_arg;
};

/* The document of the report (caller frees with doc_free). */
struct doc	*report_doc_build(const struct report_doc_in *);

/*
 * The report's tables as an XLSX workbook appended to out: one sheet per
 * table of the document (the tables of the units below a consolidated
 * report on one sheet, with the unit in the first column), a header row,
 * numbers as numbers.  ERR_IO with the reason in errmsg (may be NULL).
 */
enum err	 report_xlsx(const struct report_doc_in *, struct buf *out,
		    struct buf *errmsg);

/*
 * The pure rules, for the tests:
 * report_doc_number: "Số: \u2003\u2003/BC-MNHL" (the clerk writes the
 * number in when the report is registered); "Số: …/BC" without a symbol.
 * report_doc_period_vi: "năm học 2023-2024", "năm 2024", "6 tháng đầu năm
 * 2024", "6 tháng cuối năm 2024".
 * report_doc_sign: the signature lines (Decree 30, ô 7a) of a unit of
 * kind: a school's head is "HIỆU TRƯỞNG", an office's "TRƯỞNG PHÒNG" or
 * "GIÁM ĐỐC", a commune's the committee's "CHỦ TỊCH" signing for it
 * ("TM. ỦY BAN NHÂN DÂN").  A deputy signs "KT." for the head with the
 * post "PHÓ ...".  authority is "" when there is no line above the title;
 * it may hold "\n" (TM. and KT. together).
 */
void		 report_doc_number(const char *abbrev, char *out, size_t outsz);
void		 report_doc_period_vi(const struct period *, char *out,
		    size_t outsz);
void		 report_doc_sign(enum unit_kind, bool deputy, char *authority,
		    size_t asz, char *title, size_t tsz);

/* Output formats of the document routes and report_doc_render(). */
enum report_doc_fmt { REPORT_DOC_PDF, REPORT_DOC_DOCX, REPORT_DOC_XLSX,
	REPORT_DOC_FMT__MAX };
bool		 report_doc_fmt_from_code(const char *, enum report_doc_fmt *);

/*
 * report_doc_db.c: a report loaded with everything its document needs.
 * report_doc_load: report id into *out (free with report_doc_src_free);
 * t is the unit tree, which must outlive *out (NULL: loaded here).
 * ERR_NOTFOUND, ERR_DB.
 */
struct report_doc_src;
enum err	 report_doc_load(struct db *, const struct unit_tree *t,
		    int64_t id, struct report_doc_src **out);
const struct report_doc_in *report_doc_src_in(const struct report_doc_src *);
void		 report_doc_src_free(struct report_doc_src *);
/* "BC-MNHL-2023-2024.pdf" ("-v2" for a later version). */
void		 report_doc_file_name(const struct report_doc_in *,
		    enum report_doc_fmt, char *out, size_t outsz);
/* Render an input (loaded, or the bench's in-memory report) into out. */
enum err	 report_doc_render_in(const struct report_doc_in *,
		    enum report_doc_fmt, struct buf *out);
/*
 * Load report id and render it in fmt into out, its file name in name
 * (may be NULL): what a benchmark calls to time a report from the
 * database.  ERR_NOTFOUND, ERR_DB, ERR_IO.
 */
enum err	 report_doc_render(struct db *, const struct unit_tree *t,
		    int64_t id, enum report_doc_fmt, struct buf *out,
		    char *name, size_t namesz);

/* Routes (report_doc_http.c): POST /reports/{id}/doc starts a job;
 * GET /reports/{id}/doc/{job} its progress; .../file the download. */
void		 report_doc_post(struct req *);
void		 report_doc_job(struct req *);
void		 report_doc_file(struct req *);

#endif
