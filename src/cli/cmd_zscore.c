/*
 * cmd_zscore.c -- "vitre zscore": WHO z-scores for a CSV file of
 * measurements, a batch tool for nutrition officers.
 *
 * Reads a CSV with a header row and WHO's column names, writes the same
 * rows with WHO's output columns, the classification and the reason for
 * every missing z-score added (growth/zscore.h does the computing).  The
 * input streams through in bounded memory.  Exit status: 0 every row was
 * good, 1 some rows were bad (all rows still written), 2 a usage, header,
 * CSV or file error (the output is missing or incomplete).
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/buf.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "growth/zscore.h"
#include "io/csv_read.h"
#include "io/csv_write.h"

#define MAX_FIELDS	4096		/* columns in a row */
#define CELL_MAX	(64u * 1024)	/* bytes in one cell */
#define MAX_MESSAGES	1000		/* bad rows printed on stderr */
#define OUT_FLUSH	(1u << 20)	/* bytes kept before writing */

enum col {
	C_SEX, C_BIRTH, C_VISIT, C_AGE, C_AGE_UNIT, C_WEIGHT, C_LENHEI,
	C_MEASURE, C_OEDEMA, C__MAX
};

static const char *const col_names[C__MAX] = {
	"sex", "birth_date", "visit_date", "age", "age_unit", "weight",
	"lenhei", "measure", "oedema"
};

/* Output columns after the z-scores and flags. */
static const char *const extra_names[] = { "class", "class_vi", "reason" };

struct zjob {
	struct csv_reader	*rd;
	const struct io_row	*row;		/* the row just read */
	FILE			*out;
	const char		*out_name;
	struct buf		 ob;		/* output not yet written */
	struct buf		 problem;	/* why the current row is bad */
	struct buf		 reason;	/* the reason column */
	long			 col[C__MAX];	/* input column, or -1 */
	bool			*drop;		/* input columns we write anew */
	size_t			 ncols;		/* columns of the header */
	const char		*eol;
	long			 rows, bad;
};

/* Column name comparison: ASCII case and surrounding blanks ignored. */
static bool
same_name(const char *cell, size_t len, const char *name)
{
	size_t n = strlen(name);

	while (len > 0 && (*cell == ' ' || *cell == '\t')) {
		cell++;
		len--;
	}
	while (len > 0 && (cell[len - 1] == ' ' || cell[len - 1] == '\t'))
		len--;
	if (len != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = cell[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != name[i])
			return false;
	}
	return true;
}

static bool
is_output_name(const char *cell, size_t len)
{
	size_t i;

	for (i = 0; i < ZS__MAX; i++)
		if (same_name(cell, len, zs_ind_zname(i)) ||
		    same_name(cell, len, zs_ind_fname(i)))
			return true;
	for (i = 0; i < sizeof(extra_names) / sizeof(extra_names[0]); i++)
		if (same_name(cell, len, extra_names[i]))
			return true;
	return false;
}

/* Write what is buffered once it is large, or always if force. */
static bool
flush_out(struct zjob *j, bool force)
{
	if (!force && j->ob.len < OUT_FLUSH)
		return true;
	if (j->ob.len > 0 && fwrite(j->ob.data, 1, j->ob.len, j->out) !=
	    j->ob.len) {
		fprintf(stderr, "vitre zscore: %s: lỗi ghi / write error: %s\n",
		    j->out_name, strerror(errno));
		return false;
	}
	buf_reset(&j->ob);
	return true;
}

/* The first required column the header lacks, or NULL.  The age comes
 * from birth_date + visit_date or from age + age_unit. */
static const char *
missing_column(const struct zjob *j)
{
	bool birth = j->col[C_BIRTH] >= 0, visit = j->col[C_VISIT] >= 0;
	bool age = j->col[C_AGE] >= 0, unit = j->col[C_AGE_UNIT] >= 0;

	if (j->col[C_SEX] < 0)
		return "sex";
	if (j->col[C_WEIGHT] < 0)
		return "weight";
	if (j->col[C_LENHEI] < 0)
		return "lenhei";
	if ((birth && visit) || (age && unit))
		return NULL;
	if (birth || visit)
		return birth ? "visit_date" : "birth_date";
	if (age || unit)
		return age ? "age_unit" : "age";
	return "birth_date, visit_date hoặc/or age, age_unit";
}

/* The next row into j->row: 1, 0 at the end, -1 on an error. */
static int
next_row(struct zjob *j)
{
	return csv_next(j->rd, &j->row);
}

/* A row with nothing but empty cells (a blank line). */
static bool
row_is_blank(const struct io_row *row)
{
	size_t i;

	for (i = 0; i < row->n; i++)
		if (row->lens[i] > 0)
			return false;
	return true;
}

/* The reader's error, in Vietnamese then English. */
static void
read_error(const struct zjob *j, struct buf *err)
{
	io_error_text(csv_error(j->rd), false, err);
	buf_puts(err, " / ");
	io_error_text(csv_error(j->rd), true, err);
}

/* Read the header, find the columns, write the output header. */
static bool
read_header(struct zjob *j)
{
	const struct io_row *rd;
	struct buf err = BUF_INIT;
	const char *miss;
	size_t i, k;
	int rc;
	bool first = true;

	while ((rc = next_row(j)) > 0 && row_is_blank(j->row))
		;
	if (rc <= 0) {
		if (rc < 0)
			read_error(j, &err);
		fprintf(stderr, "vitre zscore: %s\n", rc < 0 ? err.data :
		    "tệp trống, cần dòng tiêu đề / empty input: a header row "
		    "is required");
		buf_release(&err);
		return false;
	}
	rd = j->row;
	j->ncols = rd->n;
	j->drop = xcalloc(j->ncols, sizeof(*j->drop));
	for (k = 0; k < C__MAX; k++)
		j->col[k] = -1;
	for (i = 0; i < rd->n; i++) {
		for (k = 0; k < C__MAX; k++) {
			if (!same_name(rd->cells[i], rd->lens[i],
			    col_names[k]))
				continue;
			if (j->col[k] >= 0) {
				fprintf(stderr, "vitre zscore: cột %s có hai lần "
				    "/ column %s appears twice\n", col_names[k],
				    col_names[k]);
				return false;
			}
			j->col[k] = (long)i;
		}
		j->drop[i] = is_output_name(rd->cells[i], rd->lens[i]);
	}
	if ((miss = missing_column(j)) != NULL) {
		fprintf(stderr, "vitre zscore: thiếu cột %s trong dòng tiêu đề "
		    "/ the header lacks column %s\n", miss, miss);
		return false;
	}
	j->eol = csv_crlf(j->rd) ? "\r\n" : "\n";
	if (csv_had_bom(j->rd))
		buf_puts(&j->ob, "\xef\xbb\xbf");
	for (i = 0; i < rd->n; i++) {
		if (j->drop[i])
			continue;
		if (!first)
			buf_putc(&j->ob, ',');
		csv_put_field(&j->ob, rd->cells[i]);
		first = false;
	}
	for (i = 0; i < ZS__MAX; i++)
		buf_printf(&j->ob, "%s%s,%s", first && i == 0 ? "" : ",",
		    zs_ind_zname(i), zs_ind_fname(i));
	for (i = 0; i < sizeof(extra_names) / sizeof(extra_names[0]); i++)
		buf_printf(&j->ob, ",%s", extra_names[i]);
	buf_puts(&j->ob, j->eol);
	buf_release(&err);
	return true;
}

/* The cell of column k in the current row ("" if absent). */
static const char *
cell(const struct zjob *j, enum col k)
{
	long i = j->col[k];

	return i >= 0 && (size_t)i < j->row->n ? j->row->cells[i] : "";
}

/* Note a problem with the row: "field "value": vi / en". */
static void
problem(struct zjob *j, enum col k, const char *vi, const char *en)
{
	const char *v = cell(j, k);
	size_t n;

	if (j->problem.len > 0)
		buf_puts(&j->problem, "; ");
	buf_printf(&j->problem, "%s \"", col_names[k]);
	/* The value, short (cut between characters) and printable, so a
	 * message stays one line. */
	for (n = 0; v[n] != '\0' && (n < 40 || (v[n] & 0xc0) == 0x80); n++)
		buf_putc(&j->problem, (unsigned char)v[n] < 0x20 ||
		    v[n] == '"' ? '?' : v[n]);
	buf_printf(&j->problem, "%s\": %s / %s", v[n] != '\0' ? "…" : "", vi,
	    en);
}

/* A decimal number, or NAN for an empty cell; false if it is not one. */
static bool
number(const char *s, double *out)
{
	char t[64];
	size_t n = strlen(s);

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0) {
		*out = NAN;
		return true;
	}
	if (n >= sizeof(t))
		return false;
	memcpy(t, s, n);
	t[n] = '\0';
	return str_to_decimal(t, out);
}

static bool
date_cell(const char *s, int64_t *days)
{
	char t[16];
	size_t n = strlen(s);

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n != 10)
		return false;
	memcpy(t, s, n);
	t[n] = '\0';
	if (!str_is_date(t))
		return false;
	*days = date_days(t);
	return true;
}

static bool
blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t')
			return false;
	return true;
}

/* The input of the current row; problems go to j->problem. */
static void
parse_row(struct zjob *j, struct zs_input *in)
{
	const char *u;
	int64_t b, v;
	double a;

	zs_input_init(in);
	if (!zs_parse_sex(cell(j, C_SEX), &in->sex))
		in->sex = ZS_SEX_UNKNOWN;	/* a reason, not a problem */
	if (!blank(cell(j, C_BIRTH)) && !blank(cell(j, C_VISIT))) {
		bool okb = date_cell(cell(j, C_BIRTH), &b);
		bool okv = date_cell(cell(j, C_VISIT), &v);

		if (!okb)
			problem(j, C_BIRTH, "không phải ngày YYYY-MM-DD",
			    "not a date YYYY-MM-DD");
		if (!okv)
			problem(j, C_VISIT, "không phải ngày YYYY-MM-DD",
			    "not a date YYYY-MM-DD");
		if (okb && okv) {
			in->age_kind = ZS_AGE_DATES;
			in->age = (double)(v - b);
		}
	} else if (!blank(cell(j, C_AGE))) {
		u = cell(j, C_AGE_UNIT);
		if (!number(cell(j, C_AGE), &a))
			problem(j, C_AGE, "không phải số", "not a number");
		else
			in->age = a;
		if (same_name(u, strlen(u), "days") ||
		    same_name(u, strlen(u), "ngày") ||
		    same_name(u, strlen(u), "ngay"))
			in->age_kind = ZS_AGE_DAYS;
		else if (same_name(u, strlen(u), "months") ||
		    same_name(u, strlen(u), "tháng") ||
		    same_name(u, strlen(u), "thang"))
			in->age_kind = ZS_AGE_MONTHS;
		else
			problem(j, C_AGE_UNIT, "phải là days hoặc months",
			    "must be days or months");
	}
	if (!number(cell(j, C_WEIGHT), &in->weight))
		problem(j, C_WEIGHT, "không phải số (kg)", "not a number (kg)");
	if (!number(cell(j, C_LENHEI), &in->lenhei))
		problem(j, C_LENHEI, "không phải số (cm)", "not a number (cm)");
	if (blank(cell(j, C_WEIGHT)) && blank(cell(j, C_LENHEI)))
		problem(j, C_WEIGHT, "không có cả cân nặng lẫn chiều "
		    "dài/chiều cao (lenhei)", "neither weight nor lenhei given");
	if (!zs_parse_measure(cell(j, C_MEASURE), &in->measure))
		problem(j, C_MEASURE, "phải là l (nằm) hoặc h (đứng)",
		    "must be l (lying) or h (standing)");
	if (!zs_parse_oedema(cell(j, C_OEDEMA), &in->oedema))
		problem(j, C_OEDEMA, "phải là y hoặc n", "must be y or n");
}

/* The reason column: each distinct reason once, with its z-scores. */
static bool
reasons(struct zjob *j, const struct zs_result *r)
{
	bool error = false, done[ZR__MAX] = { false };
	enum zs_reason why;
	int k, m;

	for (k = 0; k < ZS__MAX; k++) {
		why = r->why[k];
		if (why == ZR_OK || why == ZR_OTHER_GROUP || done[why])
			continue;
		done[why] = true;
		error = error || zs_reason_is_error(why);
		if (j->reason.len > 0)
			buf_puts(&j->reason, "; ");
		for (m = k; m < ZS__MAX; m++)
			if (r->why[m] == why)
				buf_printf(&j->reason, "%s%s", m == k ? "" :
				    ", ", zs_ind_zname(m));
		buf_printf(&j->reason, ": %s / %s", zs_reason_text(why, "vi"),
		    zs_reason_text(why, "en"));
	}
	return error;
}

/* A rounded z-score with two decimals, without printf. */
static void
put_z(struct buf *b, double z)
{
	long long c = llround(z * 100);
	char t[32], *p = t + sizeof(t);

	if (c < 0) {
		buf_putc(b, '-');
		c = -c;
	}
	*--p = (char)('0' + c % 10);
	*--p = (char)('0' + c / 10 % 10);
	*--p = '.';
	c /= 100;
	do
		*--p = (char)('0' + c % 10);
	while ((c /= 10) > 0);
	buf_add(b, p, (size_t)(t + sizeof(t) - p));
}

/* The class columns: codes (or vi labels) of what was found. */
static void
put_class(struct buf *b, const struct zs_result *r, bool vi)
{
	bool any = false, normal = false;
	const char *s;
	int d;

	for (d = 0; d < ZD__MAX; d++) {
		if (r->level[d] == ZL_NORMAL)
			normal = true;
		s = vi ? zs_level_vi(d, r->level[d]) :
		    zs_level_code(d, r->level[d]);
		if (s == NULL)
			continue;
		if (any)
			buf_puts(b, vi ? "; " : ";");
		buf_puts(b, s);
		any = true;
	}
	if (!any && normal)
		buf_puts(b, vi ? "bình thường" : "normal");
}

/* Compute and write one row; false if the row was bad. */
static bool
one_row(struct zjob *j)
{
	const struct io_row *rd = j->row;
	struct zs_input in;
	struct zs_result r;
	bool bad, first = true;
	size_t i;
	int k;

	buf_reset(&j->problem);
	buf_reset(&j->reason);
	if (rd->n > j->ncols)
		buf_printf(&j->problem, "dòng có %zu ô, tiêu đề có %zu: các ô "
		    "thừa bị bỏ / the row has %zu fields, the header %zu: the "
		    "extra fields are left out", rd->n, j->ncols,
		    rd->n, j->ncols);
	parse_row(j, &in);
	if (j->problem.len == 0) {
		zs_compute(&in, &r);
		bad = reasons(j, &r);
	} else {
		buf_add(&j->reason, j->problem.data, j->problem.len);
		bad = true;
	}
	for (i = 0; i < j->ncols; i++) {
		if (j->drop[i])
			continue;
		if (!first)
			buf_putc(&j->ob, ',');
		if (i < rd->n)
			csv_put_field(&j->ob, rd->cells[i]);
		first = false;
	}
	for (k = 0; k < ZS__MAX; k++) {
		if (!first || k > 0)
			buf_putc(&j->ob, ',');
		if (j->problem.len == 0 && !isnan(r.z[k]))
			put_z(&j->ob, r.z[k]);
		buf_putc(&j->ob, ',');
		if (j->problem.len == 0 && r.flag[k] >= 0)
			buf_putc(&j->ob, (char)('0' + r.flag[k]));
	}
	buf_putc(&j->ob, ',');
	if (j->problem.len == 0) {
		put_class(&j->ob, &r, false);
		buf_putc(&j->ob, ',');
		put_class(&j->ob, &r, true);
	} else
		buf_putc(&j->ob, ',');
	buf_putc(&j->ob, ',');
	csv_put_field(&j->ob, j->reason.data);
	buf_puts(&j->ob, j->eol);
	if (bad && ++j->bad <= MAX_MESSAGES)
		fprintf(stderr, "vitre zscore: dòng/row %zu: %s\n", rd->row,
		    j->reason.data);
	return !bad;
}

static int
run(int argc, char **argv)
{
	const char *in_name = NULL, *out_name = NULL;
	struct zjob j = { .ob = BUF_INIT, .problem = BUF_INIT,
	    .reason = BUF_INIT };
	struct buf err = BUF_INIT;
	const struct io_limits limits = { CELL_MAX, 16 * CELL_MAX, MAX_FIELDS, 0 };
	FILE *in = stdin;
	int i, rc = 2;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0) {
			if (i + 1 >= argc || out_name != NULL)
				return cli_usage(&cmd_zscore, "-o: cần một tên "
				    "tệp / one file name is required");
			out_name = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return cli_usage(&cmd_zscore, "tham số không hợp lệ / "
			    "unknown option");
		} else if (in_name != NULL) {
			return cli_usage(&cmd_zscore, "chỉ một tệp vào / one "
			    "input file at most");
		} else
			in_name = argv[i];
	}
	if (in_name != NULL && strcmp(in_name, "-") != 0 &&
	    (in = fopen(in_name, "rb")) == NULL) {
		fprintf(stderr, "vitre zscore: %s: không mở được / cannot "
		    "open: %s\n", in_name, strerror(errno));
		return 2;
	}
	j.rd = csv_open_file(in, &limits, 0);
	if (!read_header(&j))
		goto out;
	j.out_name = out_name != NULL ? out_name : "stdout";
	if (out_name == NULL)
		j.out = stdout;
	else if ((j.out = fopen(out_name, "wb")) == NULL) {
		fprintf(stderr, "vitre zscore: %s: không ghi được / cannot "
		    "write: %s\n", out_name, strerror(errno));
		goto out;
	}
	while ((i = next_row(&j)) > 0) {
		if (row_is_blank(j.row))
			continue;
		j.rows++;
		one_row(&j);
		if (!flush_out(&j, false))
			goto out;
	}
	if (!flush_out(&j, true))
		goto out;
	if (i < 0) {
		read_error(&j, &err);
		fprintf(stderr, "vitre zscore: %s\n", err.data);
		goto out;
	}
	if (fflush(j.out) != 0 || ferror(j.out)) {
		fprintf(stderr, "vitre zscore: %s: lỗi ghi / write error\n",
		    j.out_name);
		goto out;
	}
	if (j.bad > MAX_MESSAGES)
		fprintf(stderr, "vitre zscore: … %ld dòng lỗi khác (xem cột "
		    "reason) / %ld more bad rows (see the reason column)\n",
		    j.bad - MAX_MESSAGES, j.bad - MAX_MESSAGES);
	if (j.bad > 0)
		fprintf(stderr, "vitre zscore: %ld/%ld dòng có lỗi, vẫn được "
		    "ghi với z-score trống / %ld of %ld rows bad, written with "
		    "empty z-scores\n", j.bad, j.rows, j.bad, j.rows);
	rc = j.bad > 0 ? 1 : 0;
out:
	if (j.out != NULL && j.out != stdout && fclose(j.out) != 0 && rc < 2) {
		fprintf(stderr, "vitre zscore: %s: lỗi ghi / write error\n",
		    j.out_name);
		rc = 2;
	}
	if (in != stdin)
		fclose(in);
	if (j.rd != NULL)
		csv_close(j.rd);
	free(j.drop);
	buf_release(&j.ob);
	buf_release(&j.problem);
	buf_release(&j.reason);
	buf_release(&err);
	return rc;
}

const struct cli_cmd cmd_zscore = {
	"zscore", "WHO z-scores for a CSV file of measurements",
	"usage: vitre zscore [IN.csv] [-o OUT.csv]\n"
	"\n"
	"Tính z-score WHO cho tệp CSV cân đo / WHO z-scores for a CSV file of\n"
	"measurements, exactly as WHO's R packages anthro (under 60 months,\n"
	"WHO Child Growth Standards 2006) and anthroplus (60 to 228 months,\n"
	"WHO Reference 2007) compute them.  Reads IN.csv (standard input if\n"
	"absent or -) and writes OUT.csv (standard output if no -o).\n"
	"\n"
	"Input: CSV with a header row (UTF-8, BOM allowed; quoted fields;\n"
	"LF or CRLF).  Column names as in WHO's packages, any case:\n"
	"  sex         1, m (male, nam) or 2, f (female, nữ)\n"
	"  birth_date  YYYY-MM-DD  } age = visit_date - birth_date in days\n"
	"  visit_date  YYYY-MM-DD  } (preferred), or else:\n"
	"  age         a number, with a decimal point or comma\n"
	"  age_unit    days or months (1 month = 30.4375 days)\n"
	"  weight      kg\n"
	"  lenhei      length or height, cm\n"
	"  measure     l (lying, recumbent length) or h (standing height);\n"
	"              optional, empty = not recorded\n"
	"  oedema      y or n (also 1 or 2); optional, empty = n\n"
	"sex, weight, lenhei and one way of giving the age are required\n"
	"columns; a cell may be empty.  Other columns pass through as they\n"
	"are; columns named like an output column are replaced.\n"
	"\n"
	"Output: the input rows, then\n"
	"  zlen flen zwei fwei zwfl fwfl zbmi fbmi   under 60 months:\n"
	"      length/height-, weight-, weight-for-length/height, BMI-for-age\n"
	"  zhfa fhfa zwfa fwfa zbfa fbfa             60 to 228 months:\n"
	"      height-, weight- (to 120 months), BMI-for-age\n"
	"  class      what the z-scores show, ;-separated: severe_stunting,\n"
	"             stunting, severe_underweight, underweight,\n"
	"             severe_wasting, wasting, overweight, obesity,\n"
	"             severe_thinness, thinness; or normal\n"
	"  class_vi   the same in Vietnamese (thấp còi, nhẹ cân, gầy còm, ...)\n"
	"  reason     why each empty z-score is empty (Vietnamese / English)\n"
	"z-scores have 2 decimals (rounded as R does); a flag is 1 for an\n"
	"implausible z-score (WHO 2019: length/height < -6 or > 6; weight-for-\n"
	"age < -6 or > 5; the others < -5 or > 5), which the class ignores.\n"
	"A cell is empty when the z-score is not for the child's age or cannot\n"
	"be computed.  Children under 5 are classified by weight-for-length/\n"
	"height (wasting < -2, overweight > +2, obesity > +3); from 5 years by\n"
	"BMI-for-age (thinness < -2, overweight > +1, obesity > +2); stunting\n"
	"and underweight below -2; severe below -3; oedema counts as severe\n"
	"for the weight-based ones.  The line ends and BOM of the input are\n"
	"kept.\n"
	"\n"
	"A bad row (unknown or missing sex, age missing, negative, before\n"
	"birth or above 228 months, a measurement of 0 or below, a length or\n"
	"height outside WHO's weight-for-length/height table, a value that is\n"
	"not a number or date) is printed on standard error with its row\n"
	"number (the header is row 1) and reason, in Vietnamese and English\n"
	"(the first 1000 of them), and is still written, with the z-scores it\n"
	"cannot have left empty.\n"
	"\n"
	"Exit status: 0 every row good; 1 some rows bad (all rows written);\n"
	"2 wrong arguments, a header without a required column, a CSV error\n"
	"(closing quote missing, a field over 64 KiB) or a file error: the\n"
	"output is missing or incomplete.\n",
	run
};
