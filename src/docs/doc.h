/*
 * doc.h -- an official document (văn bản hành chính) as data, and the
 * writers that lay it out in the Decree 30/2020 format.
 *
 * A struct doc is what the page shows, already in words: the header
 * (parent body, issuer, "Số: 89/KH-MNHL"; the national name and motto,
 * place and date), the type name and the title (trích yếu), the basis
 * lines, the body as a list of blocks (headings numbered "I.", "1.",
 * "a)", paragraphs, bullet items, tables with header rows), the signature
 * (authority, title, name) and the recipients (Nơi nhận).  Builders fill
 * it from a plan (docs/plan_doc.c) or, later, a report; the writers turn
 * it into PDF (doc_pdf.c, cairo + pango) or DOCX (doc_docx.c, libzip and
 * render/xml.h).  Both writers use the page geometry and type sizes
 * below, so the two files look alike.
 *
 * Ownership: a struct doc owns every string and array in it; strings are
 * never NULL ("" when empty).  doc_new() makes an empty document,
 * doc_free() frees one (NULL is a no-op).
 */
#ifndef VITRE_DOC_H
#define VITRE_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"

/* The page (Decree 30, Phụ lục I): A4 portrait; margins within the
 * ranges it allows (top and bottom 20-25 mm, left 30-35, right 15-20). */
#define DOC_PAGE_W_MM		210.0
#define DOC_PAGE_H_MM		297.0
#define DOC_MARGIN_TOP_MM	20.0
#define DOC_MARGIN_BOTTOM_MM	20.0
#define DOC_MARGIN_LEFT_MM	30.0
#define DOC_MARGIN_RIGHT_MM	15.0
#define DOC_TEXT_W_MM \
	(DOC_PAGE_W_MM - DOC_MARGIN_LEFT_MM - DOC_MARGIN_RIGHT_MM)
/* The page number sits centred in the top margin, this far from the top
 * edge of the page (its baseline in PDF; the header distance in DOCX). */
#define DOC_PAGENO_MM		12.0
/* First-line indent of paragraphs and the space after them. */
#define DOC_INDENT_MM		12.7
#define DOC_PARA_AFTER_PT	6.0
/* Share of the text width the left header column (parent body, issuer,
 * number) takes; the right column has the rest. */
#define DOC_HEAD_LEFT		0.43

/* Type sizes in points. */
#define DOC_PT_BODY		14.0	/* body, basis, title, signature */
#define DOC_PT_NATION		12.0	/* CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM */
#define DOC_PT_MOTTO		13.0	/* Độc lập - Tự do - Hạnh phúc */
#define DOC_PT_ORG		12.0	/* parent body and issuer */
#define DOC_PT_NUMBER		13.0	/* Số: …, place and date */
#define DOC_PT_TABLE		12.0	/* table cells */
#define DOC_PT_RCPT_HEAD	12.0	/* "Nơi nhận:" */
#define DOC_PT_RCPT		11.0	/* the recipients */
#define DOC_PT_PAGENO		13.0

/* The font: Times New Roman as Decree 30 asks; where it is missing
 * (Debian), fontconfig gives Liberation Serif, which has its metrics. */
#define DOC_FONT_FAMILY		"Times New Roman"

enum doc_style {
	DOC_BOLD = (1 << 0),
	DOC_ITALIC = (1 << 1)
};

/* A piece of text in one style.  A "\n" in a run is a line break. */
struct doc_run {
	char		*text;
	unsigned	 style;		/* enum doc_style bits */
};

enum doc_block_kind {
	DOC_HEADING,	/* bold: level 0 "I. ...", 1 "1. ...", 2 "a) ..." */
	DOC_PARA,	/* justified, first line indented */
	DOC_ITEM,	/* a paragraph that starts "- " (the runs hold it) */
	DOC_TABLE,
	DOC_BLOCK__MAX
};

/*
 * A table: ncols columns whose widths are in proportion to widths[],
 * nhead header rows (bold, centred, repeated on every page the table
 * runs onto), then the body rows.  cells holds nrows * ncols strings,
 * row by row.
 */
struct doc_table {
	size_t		 ncols;
	double		*widths;
	size_t		 nhead;
	char		**cells;
	size_t		 nrows;
};

struct doc_block {
	enum doc_block_kind kind;
	int		 level;		/* headings: 0, 1, 2 */
	struct doc_run	*runs;
	size_t		 nruns;
	struct doc_table table;		/* DOC_TABLE only */
};

struct doc_strs {
	char		**v;
	size_t		 n;
};

/*
 * The signature block: authority is the first line when the signer signs
 * for someone ("KT. HIỆU TRƯỞNG", "TM. ỦY BAN NHÂN DÂN"), title the
 * signer's own post ("PHÓ HIỆU TRƯỞNG"), name the signer.
 */
struct doc_sign {
	char		*authority;
	char		*title;
	char		*name;
};

struct doc {
	char		*parent_body;	/* "UBND QUẬN 8" or "" */
	char		*issuer;	/* "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" */
	char		*number;	/* "Số: 89/KH-MNHL" */
	char		*place_date;	/* "Huế, ngày 02 tháng 8 năm 2024" */
	char		*type_name;	/* "KẾ HOẠCH" */
	char		*title;		/* trích yếu; "\n" breaks a line */
	struct doc_strs	 basis;		/* each with its ";" or "." */
	struct doc_block *blocks;
	size_t		 nblocks;
	struct doc_sign	 sign;
	struct doc_strs	 recipients;	/* "- Như trên;" as printed */
	char		*meta_title;	/* file properties: a short title */
};

/* The national name and motto (Quốc hiệu and Tiêu ngữ). */
#define DOC_NATION	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define DOC_MOTTO	"Độc lập - Tự do - Hạnh phúc"
#define DOC_RCPT_HEAD	"Nơi nhận:"

struct doc	*doc_new(void);
void		 doc_free(struct doc *);

/* Replace *dst (owned) with a copy of src (NULL = ""). */
void		 doc_set(char **dst, const char *src);
/* The same in capitals (Vietnamese letters too): "ỦY BAN NHÂN DÂN". */
void		 doc_set_upper(char **dst, const char *src);
void		 doc_strs_add(struct doc_strs *, const char *);

/* Append a block of kind (level for headings); returns it. */
struct doc_block *doc_add_block(struct doc *, enum doc_block_kind, int level);
/* Append a run of text to a block (nothing for NULL or ""). */
void		 doc_add_run(struct doc_block *, const char *text,
		    unsigned style);
/* A heading, paragraph or item made of one plain run; returns it. */
struct doc_block *doc_add_text(struct doc *, enum doc_block_kind, int level,
		    const char *text);

/*
 * Append a table of ncols columns with these relative widths and nhead
 * header rows; returns it.  doc_table_row() appends a row of ncols ""
 * strings and returns it for doc_set().
 */
struct doc_table *doc_add_table(struct doc *, size_t ncols,
		    const double *widths, size_t nhead);
char		**doc_table_row(struct doc_table *);
/* The cell at row, col. */
const char	*doc_cell(const struct doc_table *, size_t row, size_t col);

/* All the text of block b (its runs one after the other) into out. */
void		 doc_block_text(const struct doc_block *, struct buf *out);

/*
 * Lay d out and append the file to out: doc_pdf() writes a PDF,
 * doc_docx() an Office Open XML document.  ERR_IO if the library
 * failed (nothing useful is in out then).
 */
enum err	 doc_pdf(const struct doc *, struct buf *out);
enum err	 doc_docx(const struct doc *, struct buf *out);

/*
 * How wide text is, in points, set in the document font at size points in
 * style and wrapped at width points: its widest line (doc_pdf.c; the
 * DOCX writer sizes its rules with it).
 */
double		 doc_text_width(const char *text, double size, unsigned style,
		    double width);

/*
 * A file name from text: ASCII letters, digits, '.', '_' and '-' kept,
 * Đ/đ as D/d, every other run of characters as one '-' ("89/KH-MNHL" ->
 * "89-KH-MNHL"), no dot first; at most outsz - 1 bytes, never empty
 * ("document").
 */
void		 doc_file_name(const char *text, char *out, size_t outsz);

#endif
