/*
 * growth_import.c -- measurements imported from a CSV or XLSX file, as
 * schools keep them (src/io/sheet.h reads either, by content).
 *
 * One header row, then one row per measurement.  Columns, found by their
 * header (case, marks and spaces ignored; other columns are ignored):
 *	child id      child_id, child, mã trẻ           (or)
 *	learner code  learner_code, mã định danh, mã học sinh
 *	date          date, ngày cân đo, ngày đo         YYYY-MM-DD or DD/MM/YYYY
 *	weight        weight, cân nặng                   kg
 *	height        lenhei, height, chiều cao, chiều dài   cm
 *	position      position, measure, tư thế         l/h, nằm/đứng; empty: by age
 *	oedema        oedema, phù                        y/n, có/không; empty: no
 * Each child must be enrolled at the school in the school year chosen
 * (its class there makes the session: one per class and date); a teacher
 * imports only the classes assigned to them.  Every row is checked as a
 * grid row is, in date order per child so a change is judged against the
 * measurement before it (in the file or stored).  Any problem -- a bad
 * cell named by row and column, an unconfirmed implausible value (the form
 * has one box to confirm them all after checking) -- and nothing is
 * written.  A school's file is small (a few thousand rows are checked and
 * saved in well under a second), so the import runs in the request rather
 * than as a background job; GROWTH_IMPORT_MAX_ROWS bounds it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "growth/growth_http.h"
#include "growth/growth_int.h"
#include "http/multipart.h"
#include "http/req.h"
#include "io/sheet.h"
#include "register/namefold.h"
#include "render/html.h"
#include "render/layout.h"

#define GROWTH_IMPORT_MAX_ROWS	20000

enum icol { IC_CHILD, IC_LEARNER, IC_DATE, IC_WEIGHT, IC_LENHEI,
	IC_POSITION, IC_OEDEMA, IC__MAX };

/* Folded header names of each column. */
static const char *const aliases[IC__MAX][8] = {
	[IC_CHILD] = { "child id", "child", "ma tre", "id", NULL },
	[IC_LEARNER] = { "learner code", "ma dinh danh", "ma hoc sinh",
	    "ma dinh danh hoc sinh", "ma dinh danh nganh", NULL },
	[IC_DATE] = { "date", "visit date", "ngay can do", "ngay do", "ngay",
	    NULL },
	[IC_WEIGHT] = { "weight", "weight kg", "can nang", "can nang kg",
	    NULL },
	[IC_LENHEI] = { "lenhei", "height", "length", "height cm",
	    "chieu cao", "chieu dai", "chieu cao cm", "chieu dai chieu cao" },
	[IC_POSITION] = { "position", "measure", "tu the", "tu the do", NULL },
	[IC_OEDEMA] = { "oedema", "edema", "phu", NULL },
};

/* One data row, kept until every row is read. */
struct irow {
	size_t		 row;
	int64_t		 child_id;
	char		 who[CHILD_TEXT(CHILD_NAME_MAX)];
	enum child_sex	 sex;
	char		 birth[11];
	char		 date[11];
	char		 cls[CHILD_TEXT(ENROL_CLASS_MAX)];
	char		 cell[4][64];	/* weight, lenhei, position, oedema */
};

struct import {
	struct reg_school	 s;
	int			 col[IC__MAX];	/* 0-based; -1 = absent */
	char			 colname[IC__MAX][8];
	struct irow		*rows;
	size_t			 n, cap;
	struct growth_issues	 iss;
};

static void
where_of(const struct import *im, size_t row, const char *who,
    struct growth_where *w)
{
	memset(w, 0, sizeof(*w));
	w->row = row;
	w->who = who;
	w->col_child = im->col[IC_CHILD] >= 0 ? im->colname[IC_CHILD] :
	    im->colname[IC_LEARNER];
	w->col_date = im->colname[IC_DATE];
	w->col_weight = im->colname[IC_WEIGHT];
	w->col_lenhei = im->colname[IC_LENHEI];
	w->col_position = im->colname[IC_POSITION];
	w->col_oedema = im->colname[IC_OEDEMA];
}

static bool
header(struct import *im, const struct io_row *row)
{
	char key[NAMEFOLD_MAX];
	size_t i;
	int c, k;

	for (c = 0; c < IC__MAX; c++)
		im->col[c] = -1;
	for (i = 0; i < row->n; i++) {
		namefold(row->cells[i], key, sizeof(key));
		for (c = 0; c < IC__MAX; c++)
			for (k = 0; k < 8 && aliases[c][k] != NULL; k++)
				if (im->col[c] < 0 &&
				    strcmp(key, aliases[c][k]) == 0) {
					im->col[c] = (int)i;
					io_col_name(i + 1, im->colname[c]);
				}
	}
	if ((im->col[IC_CHILD] < 0 && im->col[IC_LEARNER] < 0) ||
	    im->col[IC_DATE] < 0 ||
	    (im->col[IC_WEIGHT] < 0 && im->col[IC_LENHEI] < 0)) {
		struct growth_where w = { row->row, NULL, NULL, NULL, NULL,
		    NULL, NULL, NULL };

		growth_issue_add(&im->iss, &w, 0, &growth_f_file, NULL, false,
		    "dòng đầu phải có tên cột: mã trẻ (child_id) hoặc mã định "
		    "danh (learner_code), ngày cân đo (date), cân nặng (weight) "
		    "và/hoặc chiều cao (lenhei); tùy chọn: tư thế (position), "
		    "phù (oedema).", "the first row must name the columns: "
		    "child_id or learner_code, date, weight and/or lenhei; "
		    "optional: position, oedema.");
		return false;
	}
	return true;
}

static const char *
cell(const struct io_row *row, int col)
{
	return col >= 0 && (size_t)col < row->n ? row->cells[col] : "";
}

/* "DD/MM/YYYY" as "YYYY-MM-DD" (anything else is kept for the check). */
static void
iso_date(const char *raw, char out[16])
{
	int d, m, y;
	char tail;

	if (sscanf(raw, "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3 && y > 999)
		snprintf(out, 16, "%04u-%02u-%02u", (unsigned)y % 10000u,
		    (unsigned)m % 100u, (unsigned)d % 100u);
	else
		snprintf(out, 16, "%.15s", raw);
}

/* Resolve, place and keep one data row; problems go to im->iss. */
static void
read_row(struct req *r, struct import *im, const struct io_row *row)
{
	const char *idc = cell(row, im->col[IC_CHILD]);
	const char *lc = cell(row, im->col[IC_LEARNER]);
	char date[16], vi[256], en[256];
	struct growth_where w;
	struct enrolment e;
	struct child c;
	struct irow *ir;
	int64_t id = 0;
	enum err err;
	int k;

	where_of(im, row->row, NULL, &w);
	/* Blank lines are skipped. */
	for (k = 0; (size_t)k < row->n; k++)
		if (!str_empty(row->cells[k]))
			break;
	if ((size_t)k == row->n)
		return;
	if (!str_empty(idc)) {
		if (!str_to_int_range(idc, 1, INT64_MAX, &id)) {
			growth_issue_add(&im->iss, &w, 0, &growth_f_child,
			    im->colname[IC_CHILD], false, "phải là mã số trẻ "
			    "(một số).", "must be a child's id (a number).");
			return;
		}
	} else if (!str_empty(lc)) {
		if (child_find_learner(r->db, lc, &id) != ERR_OK) {
			snprintf(vi, sizeof(vi), "không có trẻ nào mang mã định "
			    "danh «%.40s».", lc);
			snprintf(en, sizeof(en), "no child has the learner code "
			    "\"%.40s\".", lc);
			growth_issue_add(&im->iss, &w, 0, &growth_f_child,
			    im->colname[IC_LEARNER], false, vi, en);
			return;
		}
	} else {
		growth_issue_add(&im->iss, &w, 0, &growth_f_child, w.col_child,
		    false, "cần mã trẻ hoặc mã định danh.",
		    "a child id or a learner code is required.");
		return;
	}
	if ((err = child_get(r->db, id, &c)) != ERR_OK) {
		snprintf(vi, sizeof(vi), "không có trẻ mã số %lld.",
		    (long long)id);
		snprintf(en, sizeof(en), "there is no child %lld.",
		    (long long)id);
		growth_issue_add(&im->iss, &w, 0, &growth_f_child, w.col_child,
		    false, vi, en);
		return;
	}
	w.who = c.full_name;
	if (enrolment_active(r->db, id, im->s.year.id, &e) != ERR_OK ||
	    e.unit_id != im->s.u->id) {
		snprintf(vi, sizeof(vi), "trẻ không học ở trường này trong năm "
		    "học %s.", im->s.year.code);
		snprintf(en, sizeof(en), "the child is not at this school in "
		    "%s.", im->s.year.code);
		growth_issue_add(&im->iss, &w, id, &growth_f_child, w.col_child,
		    false, vi, en);
		return;
	}
	if (!reg_may_edit_class(r, im->s.u->id, im->s.year.id, e.class_name)) {
		snprintf(vi, sizeof(vi), "trẻ học lớp %s: bạn không được nhập "
		    "số đo cho lớp này.", e.class_name);
		snprintf(en, sizeof(en), "the child is in class %s: you may not "
		    "enter measurements for it.", e.class_name);
		growth_issue_add(&im->iss, &w, id, &growth_f_child, w.col_child,
		    false, vi, en);
		return;
	}
	iso_date(cell(row, im->col[IC_DATE]), date);
	if (im->n == im->cap) {
		im->cap = im->cap ? 2 * im->cap : 256;
		im->rows = xrealloc(im->rows, im->cap * sizeof(*im->rows));
	}
	ir = &im->rows[im->n];
	memset(ir, 0, sizeof(*ir));
	if (!growth_date_check(&im->s.year, date, ir->date, &w, &im->iss))
		return;
	im->n++;
	ir->row = row->row;
	ir->child_id = id;
	snprintf(ir->who, sizeof(ir->who), "%s", c.full_name);
	ir->sex = c.sex;
	memcpy(ir->birth, c.birth_date, sizeof(ir->birth));
	snprintf(ir->cls, sizeof(ir->cls), "%s", e.class_name);
	snprintf(ir->cell[0], 64, "%s", cell(row, im->col[IC_WEIGHT]));
	snprintf(ir->cell[1], 64, "%s", cell(row, im->col[IC_LENHEI]));
	snprintf(ir->cell[2], 64, "%s", cell(row, im->col[IC_POSITION]));
	snprintf(ir->cell[3], 64, "%s", cell(row, im->col[IC_OEDEMA]));
}

static int
by_child_date(const void *a, const void *b)
{
	const struct irow *x = a, *y = b;
	int c;

	if (x->child_id != y->child_id)
		return x->child_id < y->child_id ? -1 : 1;
	if ((c = strcmp(x->date, y->date)) != 0)
		return c;
	return (x->row > y->row) - (x->row < y->row);
}

static int
by_row(const void *a, const void *b)
{
	const struct growth_issue *x = a, *y = b;

	return (x->row > y->row) - (x->row < y->row);
}

/*
 * Check every kept row in date order per child and build the sessions.
 * true when everything can be saved.
 */
static bool
check_rows(struct req *r, struct import *im, const char *confirm,
    struct growth_session **ss, size_t *ns, struct growth_meas *meas,
    size_t *sidx, size_t *nm)
{
	struct growth_subject subj;
	struct growth_where w;
	struct growth_prev prev, db_prev;
	struct growth_raw raw;
	size_t i, k;

	if (im->n > 0)
		qsort(im->rows, im->n, sizeof(*im->rows), by_child_date);
	*ns = *nm = 0;
	for (i = 0; i < im->n; i++) {
		const struct irow *ir = &im->rows[i];
		const struct growth_meas *before = NULL;

		where_of(im, ir->row, ir->who, &w);
		if (i > 0 && im->rows[i - 1].child_id == ir->child_id &&
		    strcmp(im->rows[i - 1].date, ir->date) == 0) {
			growth_issue_add(&im->iss, &w, ir->child_id,
			    &growth_f_date, w.col_date, false, "trẻ đã có một "
			    "dòng cùng ngày trong tệp.", "the child has "
			    "another row with the same date in the file.");
			continue;
		}
		if (growth_prev_get(r->db, ir->child_id, ir->date, &db_prev) !=
		    ERR_OK)
			return false;
		prev = db_prev;
		/* The child's row just before, in the file, if later. */
		if (*nm > 0 && meas[*nm - 1].child_id == ir->child_id)
			before = &meas[*nm - 1];
		if (before != NULL && (!prev.has ||
		    strcmp(before->measured_on, prev.measured_on) > 0)) {
			memset(&prev, 0, sizeof(prev));
			prev.has = true;
			memcpy(prev.measured_on, before->measured_on, 11);
			prev.age_days = before->age_days;
			prev.weight = before->weight;
			prev.lenhei = before->lenhei;
			prev.measure = before->measure;
		}
		subj.id = ir->child_id;
		subj.name = ir->who;
		subj.sex = ir->sex;
		subj.birth = ir->birth;
		raw.weight = ir->cell[0];
		raw.lenhei = ir->cell[1];
		raw.position = ir->cell[2];
		raw.oedema = ir->cell[3];
		raw.confirm = confirm;
		if (growth_row_check(&raw, &subj, ir->date, &prev, &w,
		    &meas[*nm], &im->iss) != GROWTH_ROW_OK)
			continue;
		/* Its session: the class on that day. */
		for (k = 0; k < *ns; k++)
			if (strcmp((*ss)[k].class_name, ir->cls) == 0 &&
			    strcmp((*ss)[k].measured_on, ir->date) == 0)
				break;
		if (k == *ns) {
			*ss = xrealloc(*ss, (*ns + 1) * sizeof(**ss));
			memset(&(*ss)[k], 0, sizeof(**ss));
			(*ss)[k].unit_id = im->s.u->id;
			(*ss)[k].period_id = im->s.year.id;
			snprintf((*ss)[k].class_name, sizeof((*ss)[k].class_name),
			    "%s", ir->cls);
			memcpy((*ss)[k].measured_on, ir->date, 11);
			(*ns)++;
		}
		sidx[*nm] = k;
		(*nm)++;
	}
	if (im->iss.total == 0 && *nm == 0) {
		growth_issue_add(&im->iss, NULL, 0, &growth_f_file, NULL, false,
		    "không có dòng số đo nào.", "there is no measurement row.");
	}
	if (im->iss.n > 0)
		qsort(im->iss.v, im->iss.n, sizeof(*im->iss.v), by_row);
	return im->iss.total == 0;
}

void
growth_import_form(struct req *r)
{
	struct reg_school s;
	char title[256];

	if (!reg_school_load(r, r->params[0], req_query(r, "year"), &s))
		goto out;
	snprintf(title, sizeof(title), "%s — %s", L(r, "Nhập số đo từ tệp",
	    "Import measurements"), unit_display_name(s.u, r->lang == LANG_EN));
	page_begin(r, title);
	html_fmt(&r->out, "<h1>%s</h1><p><a href=\"/units/%I/growth\">%s</a></p>"
	    "<p>%s</p><ul><li>%s</li><li>%s</li><li>%s</li><li>%s</li>"
	    "<li>%s</li></ul>", title, s.u->id, L(r, "Theo dõi tăng trưởng",
	    "Growth monitoring"), L(r, "Tệp CSV hoặc Excel (.xlsx), dòng đầu "
	    "là tên cột:", "A CSV or Excel (.xlsx) file whose first row names "
	    "the columns:"), L(r, "mã trẻ (child_id) hoặc mã định danh "
	    "(learner_code)", "child_id or learner_code"), L(r, "ngày cân đo "
	    "(date): 2025-09-15 hoặc 15/09/2025", "date: 2025-09-15 or "
	    "15/09/2025"), L(r, "cân nặng (weight, kg) và/hoặc chiều cao "
	    "(lenhei, cm)", "weight (kg) and/or lenhei (cm)"), L(r, "tư thế "
	    "(position): l/nằm hoặc h/đứng; để trống thì theo tuổi",
	    "position: l (lying) or h (standing); empty: by age"),
	    L(r, "phù (oedema): có/không", "oedema: y/n"));
	html_fmt(&r->out, "<form method=\"post\" action=\"/units/%I/growth/"
	    "import\" enctype=\"multipart/form-data\">", s.u->id);
	html_csrf_input(r);
	html_fmt(&r->out, "<label>%s <input name=\"year\" value=\"%s\" "
	    "required></label><label>%s <input type=\"file\" name=\"file\" "
	    "accept=\".csv,.xlsx,text/csv\" required></label><label>"
	    "<input type=\"checkbox\" name=\"confirm\" value=\"1\"> %s</label>"
	    "<button type=\"submit\">%s</button></form>",
	    L(r, growth_f_year.label_vi, growth_f_year.label_en), s.year.code,
	    L(r, growth_f_file.label_vi, growth_f_file.label_en),
	    L(r, "Tôi đã kiểm tra các giá trị bất thường trong tệp: lưu chúng "
	    "như đã xác nhận.", "I have checked the implausible values in the "
	    "file: save them as confirmed."), L(r, "Nhập", "Import"));
	page_end(r);
	resp_html(r, 200);
out:
	reg_school_release(r, &s);
}

void
growth_import_post(struct req *r)
{
	static const struct io_limits lim = { 0, 0, 0,
	    GROWTH_IMPORT_MAX_ROWS + 1 };
	const struct upload *up = req_file(r, "file");
	struct sheet_reader *sh = NULL;
	const struct io_row *row;
	struct growth_session *ss = NULL;
	struct growth_meas *meas = NULL;
	struct growth_where w;
	struct io_error ioe;
	struct import im;
	struct buf msg = BUF_INIT, url = BUF_INIT;
	size_t *sidx = NULL, ns = 0, nm = 0, bad_row = 0;
	bool first = true;
	int rc;

	memset(&im, 0, sizeof(im));
	if (!reg_school_load(r, r->params[0], req_form(r, "year"), &im.s))
		goto out;
	buf_printf(&url, "/units/%lld/growth/import?year=%s",
	    (long long)im.s.u->id, im.s.year.code);
	if (up == NULL || up->len == 0) {
		growth_issue_add(&im.iss, NULL, 0, &growth_f_file, NULL, false,
		    "cần chọn một tệp CSV hoặc XLSX.",
		    "choose a CSV or XLSX file.");
		growth_issues_respond(r, &im.iss, url.data);
		goto out;
	}
	memset(&ioe, 0, sizeof(ioe));
	if ((sh = sheet_open_mem(up->data, up->len, &lim, &ioe)) == NULL) {
		io_error_text(&ioe, false, &msg);
		buf_puts(&msg, "\n");
		io_error_text(&ioe, true, &msg);
		bad_row = ioe.row;
		goto ioerr;
	}
	while ((rc = sheet_next(sh, &row)) > 0) {
		if (first) {
			first = false;
			if (!header(&im, row))
				break;
			continue;
		}
		read_row(r, &im, row);
	}
	if (rc < 0) {
		io_error_text(sheet_error(sh), false, &msg);
		buf_puts(&msg, "\n");
		io_error_text(sheet_error(sh), true, &msg);
		bad_row = sheet_error(sh)->row;
		goto ioerr;
	}
	if (first)
		growth_issue_add(&im.iss, NULL, 0, &growth_f_file, NULL, false,
		    "tệp trống.", "the file is empty.");
	if (im.iss.total > 0) {
		if (im.iss.n > 0)
			qsort(im.iss.v, im.iss.n, sizeof(*im.iss.v),
			    by_row);
		growth_issues_respond(r, &im.iss, url.data);
		goto out;
	}
	meas = xcalloc(im.n + 1, sizeof(*meas));
	sidx = xcalloc(im.n + 1, sizeof(*sidx));
	if (!check_rows(r, &im, req_form(r, "confirm"), &ss, &ns, meas, sidx,
	    &nm)) {
		if (im.iss.total == 0)
			resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.",
			    "Database error.");
		else
			growth_issues_respond(r, &im.iss, url.data);
		goto out;
	}
	if (growth_save(r->db, ss, ns, meas, nm, sidx, r->user.id,
	    "growth.import") != ERR_OK) {
		resp_error(r, ERR_DB, "Không lưu được số đo.",
		    "The measurements cannot be saved.");
		goto out;
	}
	buf_reset(&url);
	buf_printf(&url, "/units/%lld/growth?year=%s&imported=%zu",
	    (long long)im.s.u->id, im.s.year.code, nm);
	resp_redirect(r, url.data);
	goto out;
ioerr:
	{
		char *nl = strchr(msg.data, '\n');

		*nl = '\0';
		memset(&w, 0, sizeof(w));
		w.row = bad_row;
		growth_issue_add(&im.iss, &w, 0, &growth_f_file, NULL, false,
		    msg.data, nl + 1);
		growth_issues_respond(r, &im.iss, url.data);
	}
out:
	sheet_close(sh);
	free(ss);
	free(meas);
	free(sidx);
	free(im.rows);
	growth_issues_free(&im.iss);
	buf_release(&msg);
	buf_release(&url);
	reg_school_release(r, &im.s);
}
