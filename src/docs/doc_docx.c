/*
 * doc_docx.c -- a struct doc as an Office Open XML document (DOCX) in the
 * Decree 30/2020 format, for people who edit it in Word or LibreOffice.
 *
 * The package is written part by part with the escaping XML writers of
 * render/xml.h and zipped in memory with libzip: [Content_Types].xml,
 * _rels/.rels, docProps/core.xml, word/document.xml, word/styles.xml,
 * word/settings.xml, word/_rels/document.xml.rels, and two headers: the
 * default one holds the PAGE field centred, the first-page one is empty
 * (titlePg), so numbers show from page 2 as the decree asks.
 *
 * Layout follows doc.h's geometry: A4, the same margins, Times New Roman
 * (Word has it; LibreOffice uses the metric-compatible Liberation Serif),
 * body justified with a first-line indent.  The two-column header and the
 * signature block are tables without borders.  The short rules under the
 * issuer, the motto and the title are bottom borders of small empty
 * paragraphs whose indents set their length; since the text is not
 * measured here, lengths are estimated from the number of characters.
 * Section numbers are plain text, as in the PDF.  Elements are written in
 * the order the schema prescribes: Word refuses files that do not.
 */
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "docs/doc.h"
#include "render/xml.h"

#define TW_PER_MM	(1440.0 / 25.4)		/* twips per millimetre */
#define TW(mm)		((int)((mm) * TW_PER_MM + 0.5))
#define HP(pt)		((int)((pt) * 2 + 0.5))	/* half-points */
#define TEXT_TW		TW(DOC_TEXT_W_MM)

#define NS_W	"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R	"http://schemas.openxmlformats.org/officeDocument/2006/" \
		"relationships"
#define NS_REL	"http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Paragraph alignments. */
enum jc { JC_LEFT, JC_CENTER, JC_BOTH };
static const char *const jc_names[] = { "left", "center", "both" };

/* How a paragraph is set: style, alignment, first-line indent, space
 * after (twips), indents, keep with next, bottom border. */
struct para {
	const char	*style;		/* "Compact" or NULL for Normal */
	enum jc		 jc;
	int		 first;		/* first-line indent, twips */
	int		 after;		/* -1: the style's */
	int		 ind_left, ind_right;
	bool		 keep_next;
	bool		 rule;		/* a bottom border */
	int		 before;	/* space before, twips */
	double		 mark_pt;	/* size of the paragraph mark; 0: style's */
};

/* A paragraph's properties, in schema order. */
static void
ppr(struct buf *o, const struct para *pp)
{
	xml_lit(o, "<w:pPr>");
	if (pp->style != NULL)
		xml_fmt(o, "<w:pStyle w:val=\"%s\"/>", pp->style);
	if (pp->keep_next)
		xml_lit(o, "<w:keepNext/>");
	if (pp->rule)
		xml_lit(o, "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"5\" "
		    "w:space=\"1\" w:color=\"000000\"/></w:pBdr>");
	if (pp->after >= 0 || pp->before > 0) {
		xml_lit(o, "<w:spacing");
		if (pp->before > 0)
			xml_fmt(o, " w:before=\"%d\"", pp->before);
		if (pp->after >= 0)
			xml_fmt(o, " w:after=\"%d\"", pp->after);
		xml_lit(o, "/>");
	}
	if (pp->first != 0 || pp->ind_left != 0 || pp->ind_right != 0)
		xml_fmt(o, "<w:ind w:left=\"%d\" w:right=\"%d\" "
		    "w:firstLine=\"%d\"/>", pp->ind_left, pp->ind_right,
		    pp->first);
	xml_fmt(o, "<w:jc w:val=\"%s\"/>", jc_names[pp->jc]);
	if (pp->mark_pt > 0)
		xml_fmt(o, "<w:rPr><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
		    "</w:rPr>", HP(pp->mark_pt), HP(pp->mark_pt));
	xml_lit(o, "</w:pPr>");
}

/* A run of text in style at size (0: the paragraph's); "\n" breaks the
 * line. */
static void
run(struct buf *o, const char *text, unsigned style, double size)
{
	const char *nl;

	if (text == NULL || text[0] == '\0')
		return;
	xml_lit(o, "<w:r>");
	if (style != 0 || size > 0) {
		xml_lit(o, "<w:rPr>");
		if (style & DOC_BOLD)
			xml_lit(o, "<w:b/><w:bCs/>");
		if (style & DOC_ITALIC)
			xml_lit(o, "<w:i/><w:iCs/>");
		if (size > 0)
			xml_fmt(o, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>",
			    HP(size), HP(size));
		xml_lit(o, "</w:rPr>");
	}
	while ((nl = strchr(text, '\n')) != NULL) {
		xml_lit(o, "<w:t xml:space=\"preserve\">");
		xml_textn(o, text, (size_t)(nl - text));
		xml_lit(o, "</w:t><w:br/>");
		text = nl + 1;
	}
	xml_fmt(o, "<w:t xml:space=\"preserve\">%s</w:t></w:r>", text);
}

/* A paragraph of one run. */
static void
para_text(struct buf *o, const struct para *pp, const char *text,
    unsigned style, double size)
{
	xml_lit(o, "<w:p>");
	ppr(o, pp);
	run(o, text, style, size);
	xml_lit(o, "</w:p>");
}

/* A short rule of length len twips, centred in a column of width col. */
static void
short_rule(struct buf *o, int col, int len)
{
	struct para pp = { "Compact", JC_CENTER, 0, 0, 0, 0, false, true };

	if (len > col)
		len = col;
	if (len < 0)
		len = 0;
	pp.ind_left = pp.ind_right = (col - len) / 2;
	/* An empty paragraph 2 points high: only its border shows. */
	pp.mark_pt = 2;
	xml_lit(o, "<w:p>");
	ppr(o, &pp);
	xml_lit(o, "</w:p>");
}

/* A table without borders of fixed column widths (twips). */
static void
plain_table_begin(struct buf *o, const int *w, size_t n)
{
	size_t i;
	int total = 0;

	for (i = 0; i < n; i++)
		total += w[i];
	xml_fmt(o, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
	    "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/>"
	    "<w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>"
	    "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/>"
	    "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
	    "<w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" "
	    "w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0000\"/>"
	    "</w:tblPr><w:tblGrid>", total);
	for (i = 0; i < n; i++)
		xml_fmt(o, "<w:gridCol w:w=\"%d\"/>", w[i]);
	xml_lit(o, "</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>");
}

static void
cell_begin(struct buf *o, int w)
{
	xml_fmt(o, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>",
	    w);
}

static void
header(struct buf *o, const struct doc *d)
{
	const int lw = (int)(TEXT_TW * DOC_HEAD_LEFT), rw = TEXT_TW - lw;
	const int w[2] = { lw, rw };
	struct para c = { "Compact", JC_CENTER, 0, 0, 0, 0, false, false };

	/* Row 1: parent body and issuer | national name and motto. */
	plain_table_begin(o, w, 2);
	cell_begin(o, lw);
	if (d->parent_body[0] != '\0')
		para_text(o, &c, d->parent_body, 0, DOC_PT_ORG);
	para_text(o, &c, d->issuer, DOC_BOLD, DOC_PT_ORG);
	short_rule(o, lw, (int)(0.4 * 20 * doc_text_width(d->issuer,
	    DOC_PT_ORG, DOC_BOLD, lw / 20.0)));
	xml_lit(o, "</w:tc>");
	cell_begin(o, rw);
	para_text(o, &c, DOC_NATION, DOC_BOLD, DOC_PT_NATION);
	para_text(o, &c, DOC_MOTTO, DOC_BOLD, DOC_PT_MOTTO);
	short_rule(o, rw, (int)(20 * doc_text_width(DOC_MOTTO, DOC_PT_MOTTO,
	    DOC_BOLD, rw / 20.0)));
	/* Row 2: number | place and date, on one line. */
	xml_lit(o, "</w:tc></w:tr><w:tr>");
	cell_begin(o, lw);
	c.before = 120;
	para_text(o, &c, d->number, 0, DOC_PT_NUMBER);
	xml_lit(o, "</w:tc>");
	cell_begin(o, rw);
	para_text(o, &c, d->place_date, DOC_ITALIC, DOC_PT_NUMBER + 1);
	xml_lit(o, "</w:tc></w:tr></w:tbl>");
}

static void
title(struct buf *o, const struct doc *d)
{
	struct para c = { "Compact", JC_CENTER, 0, 0, 0, 0, true, false };
	int tw;

	c.after = 360;
	para_text(o, &c, "", 0, 0);
	c.after = 0;
	para_text(o, &c, d->type_name, DOC_BOLD, 0);
	if (d->title[0] != '\0') {
		c.ind_left = c.ind_right = TEXT_TW / 20;
		para_text(o, &c, d->title, DOC_BOLD, 0);
		tw = (int)(20 * doc_text_width(d->title, DOC_PT_BODY, DOC_BOLD,
		    TEXT_TW * 0.9 / 20));
		short_rule(o, TEXT_TW, tw / 3);
	}
	c.ind_left = c.ind_right = 0;
	c.keep_next = false;
	c.after = 240;
	para_text(o, &c, "", 0, 0);
}

static void
runs_para(struct buf *o, const struct doc_block *b)
{
	struct para pp = { NULL, JC_BOTH, 0, -1, 0, 0, false, false };
	size_t i;

	if (b->kind == DOC_HEADING) {
		pp.jc = JC_LEFT;
		pp.keep_next = true;
		pp.first = TW(DOC_INDENT_MM);
	}
	xml_lit(o, "<w:p>");
	ppr(o, &pp);
	for (i = 0; i < b->nruns; i++)
		run(o, b->runs[i].text, b->runs[i].style, 0);
	xml_lit(o, "</w:p>");
}

/* A cell's text, one paragraph per line. */
static void
cell_text(struct buf *o, const char *text, bool head)
{
	struct para c = { "TableText", head ? JC_CENTER : JC_LEFT, 0, -1, 0,
	    0, false, false };
	const char *nl;

	for (;;) {
		nl = strchr(text, '\n');
		xml_lit(o, "<w:p>");
		ppr(o, &c);
		if (nl != NULL) {
			xml_lit(o, "<w:r>");
			if (head)
				xml_lit(o, "<w:rPr><w:b/><w:bCs/></w:rPr>");
			xml_lit(o, "<w:t xml:space=\"preserve\">");
			xml_textn(o, text, (size_t)(nl - text));
			xml_lit(o, "</w:t></w:r></w:p>");
			text = nl + 1;
			continue;
		}
		run(o, text, head ? DOC_BOLD : 0, 0);
		xml_lit(o, "</w:p>");
		break;
	}
}

static void
table(struct buf *o, const struct doc_table *t)
{
	double sum = 0;
	size_t r, c;
	int w;

	if (t->ncols == 0 || t->nrows == 0)
		return;
	for (c = 0; c < t->ncols; c++)
		sum += t->widths[c];
	xml_fmt(o, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
	    "<w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
	    "<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>", TEXT_TW);
	for (c = 0; c < t->ncols; c++)
		xml_fmt(o, "<w:gridCol w:w=\"%d\"/>",
		    (int)(TEXT_TW * t->widths[c] / sum));
	xml_lit(o, "</w:tblGrid>");
	for (r = 0; r < t->nrows; r++) {
		xml_lit(o, "<w:tr>");
		if (r < t->nhead)
			xml_lit(o, "<w:trPr><w:tblHeader/></w:trPr>");
		for (c = 0; c < t->ncols; c++) {
			w = (int)(TEXT_TW * t->widths[c] / sum);
			cell_begin(o, w);
			cell_text(o, doc_cell(t, r, c), r < t->nhead);
			xml_lit(o, "</w:tc>");
		}
		xml_lit(o, "</w:tr>");
	}
	xml_lit(o, "</w:tbl>");
	/* A table must not end the body; and a gap after it. */
	xml_lit(o, "<w:p><w:pPr><w:pStyle w:val=\"Compact\"/></w:pPr></w:p>");
}

static void
signature(struct buf *o, const struct doc *d)
{
	const int lw = (int)(TEXT_TW * 0.45), rw = TEXT_TW - lw;
	const int w[2] = { lw, rw };
	struct para l = { "Compact", JC_LEFT, 0, 0, 0, 0, false, false };
	struct para c = { "Compact", JC_CENTER, 0, 0, 0, 0, false, false };
	size_t i;

	plain_table_begin(o, w, 2);
	cell_begin(o, lw);
	if (d->recipients.n > 0) {
		para_text(o, &l, DOC_RCPT_HEAD, DOC_BOLD | DOC_ITALIC,
		    DOC_PT_RCPT_HEAD);
		for (i = 0; i < d->recipients.n; i++)
			para_text(o, &l, d->recipients.v[i], 0, DOC_PT_RCPT);
	} else
		para_text(o, &l, "", 0, 0);
	xml_lit(o, "</w:tc>");
	cell_begin(o, rw);
	if (d->sign.authority[0] != '\0')
		para_text(o, &c, d->sign.authority, DOC_BOLD, 0);
	para_text(o, &c, d->sign.title, DOC_BOLD, 0);
	/* Room for the signature and the seal. */
	for (i = 0; i < 4; i++)
		para_text(o, &c, "", 0, 0);
	para_text(o, &c, d->sign.name, DOC_BOLD, 0);
	xml_lit(o, "</w:tc></w:tr></w:tbl>");
}

static void
document_xml(struct buf *o, const struct doc *d)
{
	struct para basis = { NULL, JC_BOTH, 0, -1, 0, 0, false, false };
	size_t i;

	xml_lit(o, XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\""
	    NS_R "\"><w:body>");
	header(o, d);
	title(o, d);
	for (i = 0; i < d->basis.n; i++)
		para_text(o, &basis, d->basis.v[i], DOC_ITALIC, 0);
	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].kind == DOC_TABLE)
			table(o, &d->blocks[i].table);
		else
			runs_para(o, &d->blocks[i]);
	}
	signature(o, d);
	/* The body ends with a paragraph (after the table): a small one. */
	xml_lit(o, "<w:p><w:pPr><w:pStyle w:val=\"Compact\"/><w:rPr><w:sz "
	    "w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>");
	xml_fmt(o, "<w:sectPr><w:headerReference w:type=\"default\" "
	    "r:id=\"rId3\"/><w:headerReference w:type=\"first\" r:id=\"rId4\"/>"
	    "<w:pgSz w:w=\"%d\" w:h=\"%d\"/><w:pgMar w:top=\"%d\" "
	    "w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"%d\" "
	    "w:footer=\"%d\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>"
	    "</w:body></w:document>", TW(DOC_PAGE_W_MM), TW(DOC_PAGE_H_MM),
	    TW(DOC_MARGIN_TOP_MM), TW(DOC_MARGIN_RIGHT_MM),
	    TW(DOC_MARGIN_BOTTOM_MM), TW(DOC_MARGIN_LEFT_MM),
	    TW(DOC_PAGENO_MM - 4.5), TW(DOC_MARGIN_BOTTOM_MM / 2));
}

static void
styles_xml(struct buf *o)
{
	xml_fmt(o, XML_DECL "<w:styles xmlns:w=\"" NS_W "\"><w:docDefaults>"
	    "<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"%s\" w:hAnsi=\"%s\" "
	    "w:eastAsia=\"%s\" w:cs=\"%s\"/><w:sz w:val=\"%d\"/>"
	    "<w:szCs w:val=\"%d\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" "
	    "w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
	    "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
	    "</w:pPr></w:pPrDefault></w:docDefaults>",
	    DOC_FONT_FAMILY, DOC_FONT_FAMILY, DOC_FONT_FAMILY, DOC_FONT_FAMILY,
	    HP(DOC_PT_BODY), HP(DOC_PT_BODY));
	xml_fmt(o, "<w:style w:type=\"paragraph\" w:default=\"1\" "
	    "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	    "<w:widowControl/><w:spacing w:after=\"%d\"/><w:ind "
	    "w:firstLine=\"%d\"/><w:jc w:val=\"both\"/></w:pPr></w:style>",
	    (int)(DOC_PARA_AFTER_PT * 20), TW(DOC_INDENT_MM));
	xml_lit(o, "<w:style w:type=\"paragraph\" w:customStyle=\"1\" "
	    "w:styleId=\"Compact\"><w:name w:val=\"Compact\"/>"
	    "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing "
	    "w:after=\"0\"/><w:ind w:firstLine=\"0\"/></w:pPr></w:style>");
	xml_fmt(o, "<w:style w:type=\"paragraph\" w:customStyle=\"1\" "
	    "w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
	    "<w:basedOn w:val=\"Compact\"/><w:qFormat/><w:pPr><w:spacing "
	    "w:before=\"40\" w:after=\"40\"/><w:jc w:val=\"left\"/></w:pPr>"
	    "<w:rPr><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr>"
	    "</w:style>", HP(DOC_PT_TABLE), HP(DOC_PT_TABLE));
	xml_fmt(o, "<w:style w:type=\"paragraph\" w:styleId=\"Header\">"
	    "<w:name w:val=\"header\"/><w:basedOn w:val=\"Compact\"/><w:pPr>"
	    "<w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"%d\"/>"
	    "<w:szCs w:val=\"%d\"/></w:rPr></w:style>", HP(DOC_PT_PAGENO),
	    HP(DOC_PT_PAGENO));
	xml_lit(o, "<w:style w:type=\"table\" w:default=\"1\" "
	    "w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
	    "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:tblPr><w:tblInd "
	    "w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" "
	    "w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom "
	    "w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
	    "</w:tblCellMar></w:tblPr></w:style>"
	    "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name "
	    "w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr>"
	    "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	    "w:color=\"000000\"/><w:left w:val=\"single\" w:sz=\"4\" "
	    "w:space=\"0\" w:color=\"000000\"/><w:bottom w:val=\"single\" "
	    "w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:right "
	    "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	    "w:color=\"000000\"/><w:insideV w:val=\"single\" w:sz=\"4\" "
	    "w:space=\"0\" w:color=\"000000\"/></w:tblBorders></w:tblPr>"
	    "</w:style></w:styles>");
}

static void
header_xml(struct buf *o, bool number)
{
	xml_lit(o, XML_DECL "<w:hdr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R
	    "\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>");
	if (number)
		xml_lit(o, "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		    "<w:r><w:instrText xml:space=\"preserve\"> PAGE "
		    "</w:instrText></w:r><w:r><w:fldChar "
		    "w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r>"
		    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
	xml_lit(o, "</w:p></w:hdr>");
}

static void
content_types_xml(struct buf *o)
{
	xml_lit(o, XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/"
	    "package/2006/content-types\"><Default Extension=\"rels\" "
	    "ContentType=\"application/vnd.openxmlformats-package."
	    "relationships+xml\"/><Default Extension=\"xml\" "
	    "ContentType=\"application/xml\"/>"
	    "<Override PartName=\"/word/document.xml\" ContentType=\""
	    "application/vnd.openxmlformats-officedocument.wordprocessingml."
	    "document.main+xml\"/>"
	    "<Override PartName=\"/word/styles.xml\" ContentType=\""
	    "application/vnd.openxmlformats-officedocument.wordprocessingml."
	    "styles+xml\"/>"
	    "<Override PartName=\"/word/settings.xml\" ContentType=\""
	    "application/vnd.openxmlformats-officedocument.wordprocessingml."
	    "settings+xml\"/>"
	    "<Override PartName=\"/word/header1.xml\" ContentType=\""
	    "application/vnd.openxmlformats-officedocument.wordprocessingml."
	    "header+xml\"/>"
	    "<Override PartName=\"/word/header2.xml\" ContentType=\""
	    "application/vnd.openxmlformats-officedocument.wordprocessingml."
	    "header+xml\"/>"
	    "<Override PartName=\"/docProps/core.xml\" ContentType=\""
	    "application/vnd.openxmlformats-package.core-properties+xml\"/>"
	    "</Types>");
}

static void
package_rels_xml(struct buf *o)
{
	xml_lit(o, XML_DECL "<Relationships xmlns=\"" NS_REL "\">"
	    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
	    "officeDocument/2006/relationships/officeDocument\" "
	    "Target=\"word/document.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
	    "package/2006/relationships/metadata/core-properties\" "
	    "Target=\"docProps/core.xml\"/></Relationships>");
}

static void
document_rels_xml(struct buf *o)
{
	xml_lit(o, XML_DECL "<Relationships xmlns=\"" NS_REL "\">"
	    "<Relationship Id=\"rId1\" Type=\"" NS_R "/styles\" "
	    "Target=\"styles.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"" NS_R "/settings\" "
	    "Target=\"settings.xml\"/>"
	    "<Relationship Id=\"rId3\" Type=\"" NS_R "/header\" "
	    "Target=\"header1.xml\"/>"
	    "<Relationship Id=\"rId4\" Type=\"" NS_R "/header\" "
	    "Target=\"header2.xml\"/></Relationships>");
}

static void
settings_xml(struct buf *o)
{
	xml_lit(o, XML_DECL "<w:settings xmlns:w=\"" NS_W "\">"
	    "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl "
	    "w:val=\"doNotCompress\"/><w:compat><w:compatSetting "
	    "w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/"
	    "office/word\" w:val=\"15\"/></w:compat></w:settings>");
}

static void
core_xml(struct buf *o, const struct doc *d)
{
	xml_fmt(o, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas."
	    "openxmlformats.org/package/2006/metadata/core-properties\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>%s"
	    "</dc:title><dc:creator>vitre</dc:creator><dc:language>vi-VN"
	    "</dc:language></cp:coreProperties>", d->meta_title);
}

enum part {
	PART_TYPES, PART_RELS, PART_CORE, PART_DOCUMENT, PART_STYLES,
	PART_SETTINGS, PART_DOC_RELS, PART_HEADER1, PART_HEADER2, PART__MAX
};

static const char *const part_names[PART__MAX] = {
	"[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
	"word/document.xml", "word/styles.xml", "word/settings.xml",
	"word/_rels/document.xml.rels", "word/header1.xml", "word/header2.xml"
};

/* Zip the parts (in this order) into out. */
static enum err
zip_parts(struct buf *parts, struct buf *out)
{
	zip_source_t *src = NULL, *s;
	zip_error_t ze;
	zip_stat_t st;
	zip_t *za = NULL;
	char chunk[16384];
	zip_int64_t n;
	enum err rc = ERR_IO;
	size_t i;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		goto out;
	zip_source_keep(src);
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL)
		goto out;
	for (i = 0; i < PART__MAX; i++) {
		if (buf_failed(&parts[i]) ||
		    (s = zip_source_buffer(za, parts[i].data, parts[i].len,
		    0)) == NULL)
			goto out;
		if (zip_file_add(za, part_names[i], s, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(s);
			goto out;
		}
	}
	if (zip_close(za) < 0)
		goto out;
	za = NULL;
	if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0)
		goto out;
	while ((n = zip_source_read(src, chunk, sizeof(chunk))) > 0)
		buf_add(out, chunk, (size_t)n);
	zip_source_close(src);
	if (n == 0 && !buf_failed(out) &&
	    (!(st.valid & ZIP_STAT_SIZE) || out->len >= st.size))
		rc = ERR_OK;
out:
	if (za != NULL)
		zip_discard(za);
	if (src != NULL)
		zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}

enum err
doc_docx(const struct doc *d, struct buf *out)
{
	struct buf parts[PART__MAX];
	enum err rc;
	size_t i;

	for (i = 0; i < PART__MAX; i++)
		buf_init(&parts[i], 0);
	content_types_xml(&parts[PART_TYPES]);
	package_rels_xml(&parts[PART_RELS]);
	core_xml(&parts[PART_CORE], d);
	document_xml(&parts[PART_DOCUMENT], d);
	styles_xml(&parts[PART_STYLES]);
	settings_xml(&parts[PART_SETTINGS]);
	document_rels_xml(&parts[PART_DOC_RELS]);
	header_xml(&parts[PART_HEADER1], true);
	header_xml(&parts[PART_HEADER2], false);
	rc = zip_parts(parts, out);
	for (i = 0; i < PART__MAX; i++)
		buf_release(&parts[i]);
	return rc;
}
