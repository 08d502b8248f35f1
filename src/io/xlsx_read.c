/*
 * xlsx_read.c -- the streaming .xlsx reader; see xlsx_read.h.
 *
 * Opening walks the package: _rels/.rels names the workbook, the
 * workbook's relationships name its sheets, shared strings and styles;
 * workbook.xml gives the first sheet's relationship id and the date
 * system.  Those parts are parsed whole (each through the same chunked
 * feed, with a cap on the bytes read: the sizes a zip claims can lie).
 * The sheet is fed to expat 64 KiB at a time; the end of each <row>
 * suspends the parser, and xlsx_next() resumes it for the next row.
 *
 * Element and attribute names are matched by their local name (after the
 * last ':'), so files written with a namespace prefix (<x:row>) read too.
 */
#include <expat.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "io/xlsx_read.h"

#define XLSX_CHUNK		(64u * 1024)
#define XLSX_MAX_PART		(64u * 1024 * 1024)	/* a non-sheet part */
#define XLSX_MAX_SHEET		(1024u * 1024 * 1024)	/* the sheet */
#define XLSX_MAX_STRINGS	(64u * 1024 * 1024)	/* shared text */
#define XLSX_MAX_PATH		256
#define XLSX_TOO_BIG		SIZE_MAX	/* a shared string past the cap */

struct xlsx_reader {
	struct xlsx_reader *self;	/* first, as in every parser context */
	zip_t		*zip;
	struct io_limits lim;
	struct io_error	 err;
	bool		 failed;
	bool		 date1904;
	char		 sheet_name[128];
	char		 sheet_path[XLSX_MAX_PATH];

	/* Shared strings: text arena, one (offset, length) per string. */
	char		*ss;
	size_t		 sslen, sscap;
	size_t		*ssoff, *sssize;
	size_t		 nss, sscapn;

	/* Cell styles: true where the xf shows a date. */
	bool		*xfdate;
	size_t		 nxf;

	/* The sheet stream. */
	zip_file_t	*zf;
	XML_Parser	 p;
	char		*chunk;
	size_t		 fed;		/* bytes of the sheet read */
	bool		 final;		/* the last chunk was fed */

	/* The cell being read. */
	int		 depth_is;	/* inside <is> */
	int		 depth_rph;	/* inside <rPh> */
	bool		 in_v, in_t;
	bool		 has_value;
	char		 ctype;		/* 's' 'n' 'b' 'e' 'i'nline 'f'ormula 'd' */
	size_t		 cstyle;
	size_t		 ccol;
	struct buf	 text;		/* capped at max_cell */

	/* The row being read. */
	size_t		 rownum;
	size_t		 nrows;
	size_t		 lastcol;	/* columns so far in this row */
	char		*rec;
	size_t		 reclen, reccap;
	size_t		*offs, *lens;
	char		**cells;
	size_t		 ncells, ncap;
	bool		 row_ready;
	struct io_row	 row;
};

/* --- helpers ------------------------------------------------------------ */

static const char *
local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c != NULL ? c + 1 : name;
}

static const char *
attr(const XML_Char **atts, const char *name)
{
	for (; atts[0] != NULL; atts += 2)
		if (strcmp(local(atts[0]), name) == 0)
			return atts[1];
	return NULL;
}

/* An attribute with a namespace prefix and this local name (r:id). */
static const char *
attr_prefixed(const XML_Char **atts, const char *name)
{
	for (; atts[0] != NULL; atts += 2)
		if (strchr(atts[0], ':') != NULL &&
		    strcmp(local(atts[0]), name) == 0)
			return atts[1];
	return NULL;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void
fail(struct xlsx_reader *r, enum io_problem what, size_t row, size_t col,
    const char *detail)
{
	if (r->failed)
		return;
	r->failed = true;
	io_error_set(&r->err, what, row, col, detail);
}

/* Stop the parser from inside a handler after fail(). */
static void
abort_parse(struct xlsx_reader *r)
{
	XML_StopParser(r->p, XML_FALSE);
}

/*
 * Resolve target against the folder of the part at base ("xl/workbook.xml"
 * + "worksheets/sheet1.xml"); a leading '/' is from the package root.
 * Handles "./" and "../".  false if it does not fit.
 */
static bool
resolve(const char *base, const char *target, char out[XLSX_MAX_PATH])
{
	char tmp[XLSX_MAX_PATH * 2];
	const char *slash;
	size_t n = 0, i, o;

	if (target[0] == '/')
		target++;
	else if ((slash = strrchr(base, '/')) != NULL) {
		n = (size_t)(slash - base) + 1;
		if (n >= sizeof(tmp))
			return false;
		memcpy(tmp, base, n);
	}
	if (n + strlen(target) >= sizeof(tmp))
		return false;
	memcpy(tmp + n, target, strlen(target) + 1);
	/* Normalise the segments in place into out. */
	o = 0;
	for (i = 0; tmp[i] != '\0';) {
		const char *seg = tmp + i;
		size_t len = strcspn(seg, "/");

		if (len == 1 && seg[0] == '.')
			;
		else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			while (o > 0 && out[o - 1] == '/')
				o--;
			while (o > 0 && out[o - 1] != '/')
				o--;
		} else if (len > 0) {
			if (o + len + 1 >= XLSX_MAX_PATH)
				return false;
			memcpy(out + o, seg, len);
			o += len;
			if (seg[len] == '/')
				out[o++] = '/';
		}
		i += len + (seg[len] == '/');
	}
	out[o] = '\0';
	return o > 0;
}

/*
 * Every parser's user data begins with a pointer to the reader, so this
 * handler works for all of them.  An .xlsx never has a DOCTYPE: refuse it
 * (so no entity is ever expanded).
 */
static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal)
{
	struct xlsx_reader *r = *(struct xlsx_reader **)ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	fail(r, IO_XML_BROKEN, 0, 0, "DOCTYPE");
	abort_parse(r);
}

/*
 * A new parser in r->p for user data ud (which begins with the reader
 * pointer) and these handlers; the previous one is freed.
 */
static void
parser_new(struct xlsx_reader *r, void *ud, XML_StartElementHandler start,
    XML_EndElementHandler end, XML_CharacterDataHandler text)
{
	if (r->p != NULL)
		XML_ParserFree(r->p);
	r->p = XML_ParserCreate("UTF-8");
	if (r->p == NULL)
		abort();
	XML_SetUserData(r->p, ud);
	XML_SetStartDoctypeDeclHandler(r->p, on_doctype);
	XML_SetElementHandler(r->p, start, end);
	XML_SetCharacterDataHandler(r->p, text);
}

static zip_file_t *
open_part(struct xlsx_reader *r, const char *path)
{
	zip_int64_t idx = zip_name_locate(r->zip, path, ZIP_FL_NOCASE);

	if (idx < 0)
		return NULL;
	return zip_fopen_index(r->zip, (zip_uint64_t)idx, 0);
}

/*
 * Parse the whole part at path with r->p (already set up with handlers).
 * Missing: false with IO_PART_MISSING if required, else true and *found
 * false.
 */
static bool
parse_part(struct xlsx_reader *r, const char *path, bool required,
    bool *found)
{
	zip_file_t *zf;
	size_t total = 0;
	bool ok = true;

	if (found != NULL)
		*found = false;
	zf = open_part(r, path);
	if (zf == NULL) {
		if (zip_name_locate(r->zip, path, ZIP_FL_NOCASE) >= 0) {
			fail(r, IO_ZIP_BROKEN, 0, 0, path);
			return false;
		}
		if (required)
			fail(r, IO_PART_MISSING, 0, 0, path);
		return !required;
	}
	if (found != NULL)
		*found = true;
	for (;;) {
		zip_int64_t n = zip_fread(zf, r->chunk, XLSX_CHUNK);

		if (n < 0) {
			fail(r, IO_ZIP_BROKEN, 0, 0, path);
			ok = false;
			break;
		}
		total += (size_t)n;
		if (total > XLSX_MAX_PART) {
			fail(r, IO_PART_TOO_BIG, 0, 0, path);
			ok = false;
			break;
		}
		if (XML_Parse(r->p, r->chunk, (int)n, n == 0) ==
		    XML_STATUS_ERROR) {
			fail(r, IO_XML_BROKEN, 0, 0, path);
			ok = false;
			break;
		}
		if (n == 0)
			break;
	}
	zip_fclose(zf);
	return ok && !r->failed;
}

/* --- relationships and the workbook ------------------------------------- */

/* What one relationships part names (raw targets, resolved later). */
struct rels {
	struct xlsx_reader *r;
	const char	*sheet_id;	/* the first sheet's r:id, or NULL */
	char		 office[XLSX_MAX_PATH];
	char		 sheet[XLSX_MAX_PATH];
	char		 shared[XLSX_MAX_PATH];
	char		 styles[XLSX_MAX_PATH];
};

static void
keep(char dst[XLSX_MAX_PATH], const char *target)
{
	size_t n = strlen(target);

	if (dst[0] != '\0' || n >= XLSX_MAX_PATH)
		return;
	memcpy(dst, target, n + 1);
}

static void XMLCALL
rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rels *rl = ud;
	const char *id, *type, *target, *mode;

	if (strcmp(local(name), "Relationship") != 0)
		return;
	id = attr(atts, "Id");
	type = attr(atts, "Type");
	target = attr(atts, "Target");
	mode = attr(atts, "TargetMode");
	if (target == NULL || type == NULL ||
	    (mode != NULL && strcmp(mode, "External") == 0))
		return;
	if (ends_with(type, "/officeDocument"))
		keep(rl->office, target);
	else if (ends_with(type, "/sharedStrings"))
		keep(rl->shared, target);
	else if (ends_with(type, "/styles"))
		keep(rl->styles, target);
	else if (rl->sheet_id != NULL && id != NULL &&
	    strcmp(id, rl->sheet_id) == 0)
		keep(rl->sheet, target);
}

struct workbook {
	struct xlsx_reader *r;
	char		 sheet_id[64];
	bool		 have_sheet;
};

static void XMLCALL
workbook_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct workbook *wb = ud;
	struct xlsx_reader *r = wb->r;
	const char *n = local(name), *v;

	if (strcmp(n, "workbookPr") == 0) {
		v = attr(atts, "date1904");
		r->date1904 = v != NULL && (strcmp(v, "1") == 0 ||
		    strcmp(v, "true") == 0);
	} else if (strcmp(n, "sheet") == 0 && !wb->have_sheet) {
		const char *id = attr_prefixed(atts, "id");
		const char *nm = attr(atts, "name");

		if (id == NULL || strlen(id) >= sizeof(wb->sheet_id))
			return;
		memcpy(wb->sheet_id, id, strlen(id) + 1);
		if (nm != NULL && strlen(nm) < sizeof(r->sheet_name))
			memcpy(r->sheet_name, nm, strlen(nm) + 1);
		wb->have_sheet = true;
	}
}

/* --- styles ------------------------------------------------------------- */

bool
xlsx_format_is_date(const char *code)
{
	bool d = false, m = false, y = false, hs = false;
	const char *p;

	for (p = code; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			while (p[1] != '\0' && p[1] != '"')
				p++;
			if (p[1] != '\0')
				p++;
			break;
		case '[':
			while (p[1] != '\0' && p[1] != ']')
				p++;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1] != '\0')
				p++;
			break;
		case 'd': case 'D':
			d = true;
			break;
		case 'm': case 'M':
			m = true;
			break;
		case 'y': case 'Y':
			y = true;
			break;
		case 'h': case 'H': case 's': case 'S':
			hs = true;
			break;
		default:
			break;
		}
	}
	return d || y || (m && !hs);
}

static bool
builtin_date(long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	    (id >= 50 && id <= 58);
}

#define XLSX_MAX_FMTS	1024
#define XLSX_MAX_XFS	65536

struct styles {
	struct xlsx_reader *r;
	long		 fmt_id[XLSX_MAX_FMTS];	/* custom formats that are dates */
	size_t		 nfmt;
	bool		 in_xfs;
};

static void XMLCALL
styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct styles *st = ud;
	struct xlsx_reader *r = st->r;
	const char *n = local(name), *v, *code;
	int64_t id;
	bool date;
	size_t i;

	if (strcmp(n, "numFmt") == 0) {
		v = attr(atts, "numFmtId");
		code = attr(atts, "formatCode");
		if (v != NULL && code != NULL && str_to_int64(v, &id) &&
		    xlsx_format_is_date(code) && st->nfmt < XLSX_MAX_FMTS)
			st->fmt_id[st->nfmt++] = (long)id;
	} else if (strcmp(n, "cellXfs") == 0)
		st->in_xfs = true;
	else if (strcmp(n, "xf") == 0 && st->in_xfs && r->nxf < XLSX_MAX_XFS) {
		v = attr(atts, "numFmtId");
		date = false;
		if (v != NULL && str_to_int64(v, &id)) {
			date = builtin_date((long)id);
			for (i = 0; i < st->nfmt && !date; i++)
				date = st->fmt_id[i] == id;
		}
		if ((r->nxf & (r->nxf - 1)) == 0)
			r->xfdate = xrealloc(r->xfdate, (r->nxf ? r->nxf * 2 :
			    1) * sizeof(*r->xfdate));
		r->xfdate[r->nxf++] = date;
	}
}

static void XMLCALL
styles_end(void *ud, const XML_Char *name)
{
	struct styles *st = ud;

	if (strcmp(local(name), "cellXfs") == 0)
		st->in_xfs = false;
}

/* --- shared strings ----------------------------------------------------- */

static int
hexdigit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decode OOXML's _xHHHH_ escapes (Excel writes a line break as _x000D_ and
 * a literal "_x" as _x005F_x) in place; returns the new length.  The UTF-8
 * of a code point below 0x10000 is never longer than its escape.
 */
static size_t
unescape_x(char *s, size_t n)
{
	size_t i = 0, o = 0;

	while (i < n) {
		if (s[i] == '_' && i + 6 < n && s[i + 1] == 'x' &&
		    s[i + 6] == '_' && hexdigit(s[i + 2]) >= 0 &&
		    hexdigit(s[i + 3]) >= 0 && hexdigit(s[i + 4]) >= 0 &&
		    hexdigit(s[i + 5]) >= 0) {
			unsigned cp = (unsigned)(hexdigit(s[i + 2]) << 12 |
			    hexdigit(s[i + 3]) << 8 | hexdigit(s[i + 4]) << 4 |
			    hexdigit(s[i + 5]));

			if (cp < 0x80)
				s[o++] = (char)cp;
			else if (cp < 0x800) {
				s[o++] = (char)(0xc0 | cp >> 6);
				s[o++] = (char)(0x80 | (cp & 0x3f));
			} else {
				s[o++] = (char)(0xe0 | cp >> 12);
				s[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
				s[o++] = (char)(0x80 | (cp & 0x3f));
			}
			i += 7;
		} else
			s[o++] = s[i++];
	}
	return o;
}

struct shared {
	struct xlsx_reader *r;
	bool		 in_si, in_t;
	int		 rph;
	size_t		 start;		/* arena offset of the string */
	bool		 too_big;
};

static void XMLCALL
shared_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct shared *sh = ud;
	const char *n = local(name);

	(void)atts;
	if (strcmp(n, "si") == 0) {
		sh->in_si = true;
		sh->rph = 0;
		sh->start = sh->r->sslen;
		sh->too_big = false;
	} else if (strcmp(n, "rPh") == 0)
		sh->rph++;
	else if (strcmp(n, "t") == 0 && sh->in_si && sh->rph == 0)
		sh->in_t = true;
}

static void XMLCALL
shared_text(void *ud, const XML_Char *s, int len)
{
	struct shared *sh = ud;
	struct xlsx_reader *r = sh->r;
	size_t n = (size_t)len;

	if (!sh->in_t || sh->too_big)
		return;
	/* Room for escapes: the cap applies after decoding, roughly. */
	if (r->sslen - sh->start + n > r->lim.max_cell * 7) {
		sh->too_big = true;
		r->sslen = sh->start;
		return;
	}
	if (r->sslen + n > XLSX_MAX_STRINGS) {
		fail(r, IO_PART_TOO_BIG, 0, 0, "sharedStrings.xml");
		abort_parse(r);
		return;
	}
	if (r->sslen + n + 1 > r->sscap) {
		while (r->sslen + n + 1 > r->sscap)
			r->sscap = r->sscap ? r->sscap * 2 : 65536;
		r->ss = xrealloc(r->ss, r->sscap);
	}
	memcpy(r->ss + r->sslen, s, n);
	r->sslen += n;
}

static void XMLCALL
shared_end(void *ud, const XML_Char *name)
{
	struct shared *sh = ud;
	struct xlsx_reader *r = sh->r;
	const char *n = local(name);
	size_t len;

	if (strcmp(n, "t") == 0)
		sh->in_t = false;
	else if (strcmp(n, "rPh") == 0)
		sh->rph--;
	else if (strcmp(n, "si") == 0 && sh->in_si) {
		sh->in_si = false;
		if (r->nss == r->sscapn) {
			r->sscapn = r->sscapn ? r->sscapn * 2 : 1024;
			r->ssoff = xrealloc(r->ssoff, r->sscapn *
			    sizeof(*r->ssoff));
			r->sssize = xrealloc(r->sssize, r->sscapn *
			    sizeof(*r->sssize));
		}
		len = 0;
		if (!sh->too_big) {
			len = unescape_x(r->ss + sh->start,
			    r->sslen - sh->start);
			r->sslen = sh->start + len;
			if (len > r->lim.max_cell) {
				sh->too_big = true;
				r->sslen = sh->start;
			}
		}
		r->ssoff[r->nss] = sh->start;
		r->sssize[r->nss] = sh->too_big ? XLSX_TOO_BIG : len;
		r->nss++;
	}
}

/* --- the sheet ---------------------------------------------------------- */

/* "BC12" -> 55; 0 if there are no letters. */
static size_t
ref_col(const char *ref)
{
	size_t col = 0;

	for (; *ref >= 'A' && *ref <= 'Z'; ref++) {
		col = col * 26 + (size_t)(*ref - 'A' + 1);
		if (col > 16384)
			return 0;
	}
	return col;
}

/* Append the cell s (n bytes) to the row, within the caps. */
static bool
push_cell(struct xlsx_reader *r, const char *s, size_t n)
{
	size_t need = r->reclen + n + 1;

	if (need > r->lim.max_row + r->lim.max_cols) {
		fail(r, IO_ROW_TOO_BIG, r->rownum, 0, NULL);
		return false;
	}
	if (need > r->reccap) {
		while (need > r->reccap)
			r->reccap = r->reccap ? r->reccap * 2 : 4096;
		r->rec = xrealloc(r->rec, r->reccap);
	}
	if (r->ncells == r->ncap) {
		r->ncap = r->ncap ? r->ncap * 2 : 32;
		r->offs = xrealloc(r->offs, r->ncap * sizeof(*r->offs));
		r->lens = xrealloc(r->lens, r->ncap * sizeof(*r->lens));
		r->cells = xrealloc(r->cells, r->ncap * sizeof(*r->cells));
	}
	memcpy(r->rec + r->reclen, s, n);
	r->rec[r->reclen + n] = '\0';
	r->offs[r->ncells] = r->reclen;
	r->lens[r->ncells] = n;
	r->ncells++;
	r->reclen = need;
	return true;
}

/* The value of the cell just closed, into *s / *n; false on an error. */
static bool
cell_value(struct xlsx_reader *r, const char **s, size_t *n, char num[64])
{
	char *t = r->text.data;
	int64_t idx;
	double v;
	char *end;

	switch (r->ctype) {
	case 's':
		if (!str_to_int64(t, &idx) || idx < 0 ||
		    (size_t)idx >= r->nss) {
			fail(r, IO_XML_BROKEN, r->rownum, r->ccol,
			    r->sheet_path);
			return false;
		}
		if (r->sssize[idx] == XLSX_TOO_BIG) {
			fail(r, IO_CELL_TOO_BIG, r->rownum, r->ccol, NULL);
			return false;
		}
		*s = r->ss + r->ssoff[idx];
		*n = r->sssize[idx];
		return true;
	case 'i':
		*n = r->text.len > 0 ? unescape_x(t, r->text.len) : 0;
		if (*n > 0)
			t[*n] = '\0';
		*s = t;
		return true;
	case 'b':
		*s = strcmp(t, "1") == 0 ? "TRUE" : "FALSE";
		*n = strlen(*s);
		return true;
	case 'd':
		*s = t;
		*n = r->text.len > 10 ? 10 : r->text.len;
		return true;
	case 'n':
		v = strtod(t, &end);
		if (t[0] == '\0' || *end != '\0' || !isfinite(v))
			break;
		if (r->cstyle < r->nxf && r->xfdate[r->cstyle]) {
			if (!xlsx_serial_to_date(v, r->date1904, num)) {
				fail(r, IO_BAD_DATE, r->rownum, r->ccol, NULL);
				return false;
			}
		} else if (v == floor(v) && fabs(v) < 1e15)
			snprintf(num, 64, "%.0f", v);
		else
			snprintf(num, 64, "%.15g", v);
		*s = num;
		*n = strlen(num);
		return true;
	default:
		break;
	}
	*s = t;
	*n = r->text.len;
	return true;
}

static void
end_cell(struct xlsx_reader *r)
{
	const char *s;
	size_t n;
	char num[64];
	enum io_problem p;

	if (!r->has_value)
		return;
	if (buf_failed(&r->text)) {
		fail(r, IO_CELL_TOO_BIG, r->rownum, r->ccol, NULL);
		abort_parse(r);
		return;
	}
	if (!cell_value(r, &s, &n, num)) {
		abort_parse(r);
		return;
	}
	if (n == 0)
		return;
	if (n > r->lim.max_cell) {
		fail(r, IO_CELL_TOO_BIG, r->rownum, r->ccol, NULL);
		abort_parse(r);
		return;
	}
	if (r->ccol > r->lim.max_cols) {
		fail(r, IO_TOO_MANY_COLS, r->rownum, r->ccol, NULL);
		abort_parse(r);
		return;
	}
	if (r->ccol <= r->ncells) {
		fail(r, IO_XML_BROKEN, r->rownum, r->ccol, r->sheet_path);
		abort_parse(r);
		return;
	}
	if ((p = io_check_text(s, n)) != IO_OK) {
		fail(r, p, r->rownum, r->ccol, NULL);
		abort_parse(r);
		return;
	}
	while (r->ncells + 1 < r->ccol)
		if (!push_cell(r, "", 0)) {
			abort_parse(r);
			return;
		}
	if (!push_cell(r, s, n))
		abort_parse(r);
}

static void XMLCALL
sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_reader *r = *(struct xlsx_reader **)ud;
	const char *n = local(name), *v;
	int64_t num;

	if (r->failed)
		return;
	if (strcmp(n, "c") == 0) {
		v = attr(atts, "r");
		r->ccol = v != NULL ? ref_col(v) : 0;
		if (r->ccol == 0)
			r->ccol = r->lastcol + 1;
		r->lastcol = r->ccol;
		v = attr(atts, "t");
		r->ctype = 'n';
		if (v != NULL) {
			if (strcmp(v, "s") == 0)
				r->ctype = 's';
			else if (strcmp(v, "inlineStr") == 0)
				r->ctype = 'i';
			else if (strcmp(v, "str") == 0)
				r->ctype = 'f';
			else if (strcmp(v, "b") == 0)
				r->ctype = 'b';
			else if (strcmp(v, "e") == 0)
				r->ctype = 'e';
			else if (strcmp(v, "d") == 0)
				r->ctype = 'd';
		}
		v = attr(atts, "s");
		r->cstyle = v != NULL && str_to_int64(v, &num) && num >= 0 ?
		    (size_t)num : 0;
		buf_reset(&r->text);
		r->has_value = false;
		r->depth_is = r->depth_rph = 0;
	} else if (strcmp(n, "v") == 0) {
		r->in_v = true;
		r->has_value = true;
	} else if (strcmp(n, "is") == 0) {
		r->depth_is++;
		r->has_value = true;
	} else if (strcmp(n, "rPh") == 0)
		r->depth_rph++;
	else if (strcmp(n, "t") == 0 && r->depth_is > 0 && r->depth_rph == 0)
		r->in_t = true;
	else if (strcmp(n, "row") == 0) {
		v = attr(atts, "r");
		if (v != NULL && str_to_int64(v, &num) && num > 0 &&
		    (size_t)num > r->rownum)
			r->rownum = (size_t)num;
		else
			r->rownum++;
		r->ncells = 0;
		r->reclen = 0;
		r->lastcol = 0;
	}
}

static void XMLCALL
sheet_text(void *ud, const XML_Char *s, int len)
{
	struct xlsx_reader *r = *(struct xlsx_reader **)ud;

	if (r->in_v || r->in_t)
		buf_add(&r->text, s, (size_t)len);
}

static void XMLCALL
sheet_end(void *ud, const XML_Char *name)
{
	struct xlsx_reader *r = *(struct xlsx_reader **)ud;
	const char *n = local(name);

	if (r->failed)
		return;
	if (strcmp(n, "v") == 0)
		r->in_v = false;
	else if (strcmp(n, "t") == 0)
		r->in_t = false;
	else if (strcmp(n, "is") == 0)
		r->depth_is--;
	else if (strcmp(n, "rPh") == 0)
		r->depth_rph--;
	else if (strcmp(n, "c") == 0)
		end_cell(r);
	else if (strcmp(n, "row") == 0 && r->ncells > 0) {
		if (r->nrows == r->lim.max_rows) {
			fail(r, IO_TOO_MANY_ROWS, r->rownum, 0, NULL);
			abort_parse(r);
			return;
		}
		r->nrows++;
		r->row_ready = true;
		XML_StopParser(r->p, XML_TRUE);
	}
}

/* --- opening ------------------------------------------------------------ */

/* The relationships part of the part at path: "xl/_rels/workbook.xml.rels". */
static bool
rels_path(const char *path, char out[XLSX_MAX_PATH])
{
	const char *slash = strrchr(path, '/');
	size_t dir = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	int n;

	n = snprintf(out, XLSX_MAX_PATH, "%.*s_rels/%s.rels", (int)dir, path,
	    path + dir);
	return n > 0 && n < XLSX_MAX_PATH;
}

static bool
read_package(struct xlsx_reader *r)
{
	struct rels *rl = xcalloc(1, sizeof(*rl));
	struct workbook wb = { r, "", false };
	struct styles *st = NULL;
	struct shared sh;
	char wbpath[XLSX_MAX_PATH], relpath[XLSX_MAX_PATH];
	char path[XLSX_MAX_PATH];
	bool ok = false, found;

	/* The workbook, through the package relationships. */
	rl->r = r;
	parser_new(r, rl, rels_start, NULL, NULL);
	if (!parse_part(r, "_rels/.rels", false, &found))
		goto out;
	if (!found || rl->office[0] == '\0' ||
	    !resolve("", rl->office, wbpath))
		memcpy(wbpath, "xl/workbook.xml", sizeof("xl/workbook.xml"));
	parser_new(r, &wb, workbook_start, NULL, NULL);
	if (!parse_part(r, wbpath, true, NULL))
		goto out;
	if (!wb.have_sheet) {
		fail(r, IO_PART_MISSING, 0, 0, "worksheet");
		goto out;
	}

	/* Its relationships: the sheet, the shared strings, the styles. */
	memset(rl, 0, sizeof(*rl));
	rl->r = r;
	rl->sheet_id = wb.sheet_id;
	if (!rels_path(wbpath, relpath)) {
		fail(r, IO_PART_MISSING, 0, 0, wbpath);
		goto out;
	}
	parser_new(r, rl, rels_start, NULL, NULL);
	if (!parse_part(r, relpath, true, NULL))
		goto out;
	if (rl->sheet[0] == '\0' || !resolve(wbpath, rl->sheet,
	    r->sheet_path)) {
		fail(r, IO_PART_MISSING, 0, 0, "worksheet");
		goto out;
	}
	if (rl->styles[0] != '\0' && resolve(wbpath, rl->styles, path)) {
		st = xcalloc(1, sizeof(*st));
		st->r = r;
		parser_new(r, st, styles_start, styles_end, NULL);
		if (!parse_part(r, path, false, NULL))
			goto out;
	}
	if (rl->shared[0] != '\0' && resolve(wbpath, rl->shared, path)) {
		memset(&sh, 0, sizeof(sh));
		sh.r = r;
		parser_new(r, &sh, shared_start, shared_end, shared_text);
		if (!parse_part(r, path, false, NULL))
			goto out;
	}

	/* The sheet stream. */
	r->zf = open_part(r, r->sheet_path);
	if (r->zf == NULL) {
		fail(r, zip_name_locate(r->zip, r->sheet_path,
		    ZIP_FL_NOCASE) >= 0 ? IO_ZIP_BROKEN : IO_PART_MISSING, 0,
		    0, r->sheet_path);
		goto out;
	}
	parser_new(r, &r->self, sheet_start, sheet_end, sheet_text);
	ok = true;
out:
	free(rl);
	free(st);
	return ok;
}

static struct xlsx_reader *
reader_new(const struct io_limits *lim)
{
	struct xlsx_reader *r = xcalloc(1, sizeof(*r));

	r->self = r;
	r->lim = io_limits_or_default(lim);
	r->chunk = xmalloc(XLSX_CHUNK);
	buf_init(&r->text, r->lim.max_cell * 7);
	return r;
}

static struct xlsx_reader *
finish_open(struct xlsx_reader *r, zip_t *zip, struct io_error *err)
{
	r->zip = zip;
	if (read_package(r))
		return r;
	*err = r->err;
	xlsx_close(r);
	return NULL;
}

static const unsigned char ole_magic[8] = {
	0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1
};

struct xlsx_reader *
xlsx_open_mem(const void *data, size_t len, const struct io_limits *lim,
    struct io_error *err)
{
	zip_source_t *src;
	zip_error_t ze;
	zip_t *zip;

	if (len >= 8 && memcmp(data, ole_magic, 8) == 0) {
		io_error_set(err, IO_XLS, 0, 0, NULL);
		return NULL;
	}
	zip_error_init(&ze);
	src = zip_source_buffer_create(len > 0 ? data : "", len, 0, &ze);
	if (src == NULL) {
		zip_error_fini(&ze);
		io_error_set(err, IO_ZIP_BROKEN, 0, 0, NULL);
		return NULL;
	}
	zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
	zip_error_fini(&ze);
	if (zip == NULL) {
		zip_source_free(src);
		io_error_set(err, IO_ZIP_BROKEN, 0, 0, NULL);
		return NULL;
	}
	return finish_open(reader_new(lim), zip, err);
}

struct xlsx_reader *
xlsx_open_file(const char *path, const struct io_limits *lim,
    struct io_error *err)
{
	unsigned char magic[8];
	FILE *f;
	zip_t *zip;
	int zerr = 0;
	size_t n;

	if ((f = fopen(path, "rb")) == NULL) {
		io_error_set(err, IO_READ, 0, 0, NULL);
		return NULL;
	}
	n = fread(magic, 1, sizeof(magic), f);
	fclose(f);
	if (n == sizeof(magic) && memcmp(magic, ole_magic, 8) == 0) {
		io_error_set(err, IO_XLS, 0, 0, NULL);
		return NULL;
	}
	zip = zip_open(path, ZIP_RDONLY, &zerr);
	if (zip == NULL) {
		io_error_set(err, IO_ZIP_BROKEN, 0, 0, NULL);
		return NULL;
	}
	return finish_open(reader_new(lim), zip, err);
}

void
xlsx_close(struct xlsx_reader *r)
{
	if (r == NULL)
		return;
	if (r->p != NULL)
		XML_ParserFree(r->p);
	if (r->zf != NULL)
		zip_fclose(r->zf);
	if (r->zip != NULL)
		zip_discard(r->zip);
	free(r->chunk);
	free(r->ss);
	free(r->ssoff);
	free(r->sssize);
	free(r->xfdate);
	free(r->rec);
	free(r->offs);
	free(r->lens);
	free(r->cells);
	buf_release(&r->text);
	free(r);
}

const struct io_error *
xlsx_error(const struct xlsx_reader *r)
{
	return &r->err;
}

const char *
xlsx_sheet_name(const struct xlsx_reader *r)
{
	return r->sheet_name;
}

/* --- reading ------------------------------------------------------------ */

int
xlsx_next(struct xlsx_reader *r, const struct io_row **out)
{
	for (;;) {
		XML_ParsingStatus st;
		enum XML_Status rc;

		if (r->row_ready) {
			size_t i;

			r->row_ready = false;
			for (i = 0; i < r->ncells; i++)
				r->cells[i] = r->rec + r->offs[i];
			r->row.row = r->rownum;
			r->row.n = r->ncells;
			r->row.cells = r->cells;
			r->row.lens = r->lens;
			*out = &r->row;
			return 1;
		}
		if (r->failed)
			return -1;
		XML_GetParsingStatus(r->p, &st);
		if (st.parsing == XML_FINISHED)
			return 0;
		if (st.parsing == XML_SUSPENDED)
			rc = XML_ResumeParser(r->p);
		else {
			zip_int64_t n = zip_fread(r->zf, r->chunk, XLSX_CHUNK);

			if (n < 0) {
				fail(r, IO_ZIP_BROKEN, 0, 0, r->sheet_path);
				return -1;
			}
			r->fed += (size_t)n;
			if (r->fed > XLSX_MAX_SHEET) {
				fail(r, IO_PART_TOO_BIG, 0, 0, r->sheet_path);
				return -1;
			}
			rc = XML_Parse(r->p, r->chunk, (int)n, n == 0);
		}
		if (rc == XML_STATUS_ERROR) {
			fail(r, IO_XML_BROKEN, r->rownum, 0, r->sheet_path);
			return -1;
		}
	}
}

bool
xlsx_serial_to_date(double serial, bool date1904, char out[11])
{
	double d;
	int64_t days;

	if (!isfinite(serial))
		return false;
	d = floor(serial);
	if (date1904) {
		if (d < 0 || d > 2957003)
			return false;
		days = -24107 + (int64_t)d;
	} else {
		if (d < 1 || d > 2958465 || d == 60)
			return false;
		days = (d < 60 ? -25568 : -25569) + (int64_t)d;
	}
	date_from_days(days, out);
	return true;
}
