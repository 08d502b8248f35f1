/*
 * import_http.c -- importing a list on the web (see regio_http.h).
 *
 * The upload is copied into a job context and checked on the job worker
 * (jobs/job.h): handlers never block on a file.  The page of a job polls
 * itself every second with htmx while the job runs, and shows the preview
 * when it is done: counts, every problem with row and column, the
 * duplicates, the classes.  Accepting takes the context (the same bytes,
 * the same school and year) out of the check job and starts a write job,
 * which checks again and writes the valid rows in one transaction; a
 * check job can be accepted once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "http/multipart.h"
#include "http/req.h"
#include "io/sheet.h"
#include "jobs/job.h"
#include "render/html.h"
#include "render/layout.h"
#include "regio/import.h"
#include "regio/regio_http.h"
#include "units/unit.h"
#include "units/unit_http.h"

#define KIND_CHECK	"import-check"
#define KIND_WRITE	"import-write"

/* What an import job needs; owned by the job, then by the next one. */
struct import_ctx {
	struct app	*app;
	char		*data;
	size_t		 len;
	char		 filename[128];
	int64_t		 unit_id;
	struct period	 year;
	int64_t		 user_id;
	bool		 en;
	char		 today[11];
};

static void
ctx_free(void *p)
{
	struct import_ctx *c = p;

	if (c == NULL)
		return;
	free(c->data);
	free(c);
}

/* --- the preview, built on the worker ------------------------------------ */

#define T(v, e)	(en ? (e) : (v))

struct progress {
	struct job	*j;
	int64_t		 total;		/* lines of a CSV; 0 unknown (.xlsx) */
};

static void
progress(void *arg, size_t rows)
{
	struct progress *p = arg;

	job_progress(p->j, (int64_t)rows, p->total);
}

/* The lines of a CSV upload, for the progress bar (0 for a zip). */
static int64_t
lines(const char *data, size_t len)
{
	const char *p = data, *e = data + len;
	int64_t n = 0;

	if (len >= 2 && data[0] == 'P' && data[1] == 'K')
		return 0;
	while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		n++;
		p++;
	}
	return n > 0 ? n - 1 : 0;	/* less the header */
}

static void
summary(struct buf *o, const struct regio_import *im, bool en, bool wrote)
{
	html_fmt(o, "<table class=\"compact\"><tbody>"
	    "<tr><th scope=\"row\">%s</th><td class=\"num\">%I</td></tr>"
	    "<tr><th scope=\"row\">%s</th><td class=\"num\"><strong>%I"
	    "</strong></td></tr>"
	    "<tr><th scope=\"row\">%s</th><td class=\"num\">%I</td></tr>"
	    "<tr><th scope=\"row\">%s</th><td class=\"num\">%I</td></tr>"
	    "</tbody></table>",
	    T("Số dòng đọc được", "Rows read"), (int64_t)im->rows,
	    wrote ? T("Đã ghi vào sổ", "Written to the register") :
	    T("Hợp lệ, sẽ được ghi", "Valid, to be written"),
	    (int64_t)(wrote ? im->written : im->valid),
	    T("Dòng có lỗi (không ghi)", "Rows with problems (skipped)"),
	    (int64_t)im->bad_rows,
	    T("Dòng trùng (không ghi)", "Duplicates (skipped)"),
	    (int64_t)im->dup_rows);
}

static void
details(struct buf *o, const struct regio_import *im,
    const struct unit_tree *t, bool en)
{
	struct buf line = BUF_INIT;
	size_t i;
	char col[8];

	if (im->map.nunknown > 0) {
		html_fmt(o, "<p><small>%s ", T("Các cột không dùng (bỏ qua):",
		    "Columns not used (ignored):"));
		for (i = 0; i < im->map.nunknown; i++) {
			io_col_name(im->map.unknown[i], col);
			html_fmt(o, "%s%s «%s»", i ? ", " : "", col,
			    im->unknown[i]);
		}
		html_lit(o, "</small></p>");
	}
	if (im->nproblems > 0) {
		html_fmt(o, "<details open><summary>%s (%I)</summary>"
		    "<table class=\"compact problems\"><thead><tr><th>%s</th>"
		    "<th>%s</th><th>%s</th></tr></thead><tbody>",
		    T("Lỗi", "Problems"), (int64_t)im->nproblems,
		    T("Dòng", "Row"), T("Cột", "Column"), T("Lỗi", "Problem"));
		for (i = 0; i < im->nproblems && i < REGIO_SHOW_MAX; i++) {
			const struct regio_problem *p = &im->problems[i];

			col[0] = '\0';
			if (p->col > 0)
				io_col_name(p->col, col);
			html_fmt(o, "<tr><td class=\"num\">%I</td><td>%s</td>"
			    "<td>%s</td></tr>", (int64_t)p->row, col,
			    en ? p->en : p->vi);
		}
		html_lit(o, "</tbody></table>");
		if (im->nproblems > REGIO_SHOW_MAX)
			html_fmt(o, "<p>%s</p>", T("… và các lỗi khác: hãy sửa "
			    "các lỗi trên rồi kiểm tra lại.", "… and more: fix "
			    "those above and check again."));
		html_lit(o, "</details>");
	}
	if (im->ndups > 0) {
		html_fmt(o, "<details open><summary>%s (%I)</summary><ul>",
		    T("Trùng, không được gộp", "Duplicates, not merged"),
		    (int64_t)im->ndups);
		for (i = 0; i < im->ndups && i < REGIO_SHOW_MAX; i++) {
			buf_reset(&line);
			regio_dup_text(&im->dups[i], t, en, &line);
			html_fmt(o, "<li>%s</li>", line.data);
		}
		html_lit(o, "</ul></details>");
	}
	if (im->nclasses > 0) {
		html_fmt(o, "<details><summary>%s (%I)</summary><table "
		    "class=\"compact\"><thead><tr><th>%s</th><th>%s</th>"
		    "<th>%s</th></tr></thead><tbody>", T("Các lớp", "Classes"),
		    (int64_t)im->nclasses, T("Trường", "School"),
		    T("Lớp", "Class"), T("Số trẻ hợp lệ", "Valid rows"));
		for (i = 0; i < im->nclasses; i++) {
			const struct unit *u = unit_get(t,
			    im->classes[i].school_id);

			html_fmt(o, "<tr><td>%s</td><td>%s</td><td class=\"num\">"
			    "%I</td></tr>", u != NULL ? u->code : "",
			    im->classes[i].name, (int64_t)im->classes[i].n);
		}
		html_lit(o, "</tbody></table></details>");
	}
	buf_release(&line);
}

/* Check or write; true if the check found rows to write. */
static bool
run_import(struct job *j, struct db *db, void *arg, bool write)
{
	struct import_ctx *c = arg;
	const struct unit_tree *t = unit_tree_get(c->app, db);
	struct sheet_reader *sr;
	struct regio_import im;
	struct io_error ie;
	struct buf o = BUF_INIT;
	struct progress pr = { j, lines(c->data, c->len) };
	bool en = c->en, some = false;
	enum err e;

	if (t == NULL) {
		job_finish(j, JOB_FAILED, NULL);
		return false;
	}
	html_fmt(&o, "<p>%s <strong>%s</strong> · %s %s</p>",
	    T("Tệp", "File"), c->filename, T("năm học", "school year"),
	    c->year.code);
	if ((sr = sheet_open_mem(c->data, c->len, NULL, &ie)) == NULL) {
		struct buf msg = BUF_INIT;

		io_error_text(&ie, en, &msg);
		html_fmt(&o, "<p class=\"error\" role=\"alert\">%s</p>",
		    msg.data);
		buf_release(&msg);
		job_finish(j, JOB_FAILED, o.data);
		goto out;
	}
	regio_import_init(&im, db, t, c->unit_id, &c->year, c->today,
	    c->user_id);
	im.write = write;
	im.all_or_nothing = false;
	im.progress = progress;
	im.progress_arg = &pr;
	e = regio_import_run(&im, sr);
	sheet_close(sr);
	if (e == ERR_INVALID) {
		html_fmt(&o, "<p class=\"error\" role=\"alert\">%s</p>",
		    en ? im.fatal_en : im.fatal_vi);
		job_finish(j, JOB_FAILED, o.data);
	} else if (e != ERR_OK) {
		html_fmt(&o, "<p class=\"error\" role=\"alert\">%s</p>",
		    T("Lỗi cơ sở dữ liệu: không ghi gì. Hãy thử lại.",
		    "Database error: nothing was written. Try again."));
		job_finish(j, JOB_FAILED, o.data);
	} else {
		if (write)
			html_fmt(&o, "<p role=\"status\"><strong>%s</strong></p>",
			    im.written > 0 ? T("Đã ghi các dòng hợp lệ vào sổ "
			    "theo dõi.", "The valid rows are in the register.") :
			    T("Không có dòng nào được ghi.", "No row was "
			    "written."));
		summary(&o, &im, en, write);
		details(&o, &im, t, en);
		job_set_value(j, (int64_t)(write ? im.written : im.valid));
		some = im.valid > 0;
		job_finish(j, JOB_DONE, o.data);
	}
	regio_import_release(&im);
out:
	unit_tree_put(c->app, t);
	buf_release(&o);
	return some;
}

/* A check keeps the upload for its acceptance, unless there is nothing
 * to accept; a write never needs it again. */
static void
run_check(struct job *j, struct db *db, void *arg)
{
	if (!run_import(j, db, arg, false))
		job_drop_ctx(j);
}

static void
run_write(struct job *j, struct db *db, void *arg)
{
	(void)run_import(j, db, arg, true);
	job_drop_ctx(j);
}

/* --- handlers ------------------------------------------------------------ */

/* The unit of the path, in the user's scope; NULL after answering. */
static const struct unit *
scoped_unit(struct req *r, const struct unit_tree *t)
{
	if (t == NULL) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return NULL;
	}
	if (!unit_check_scope(r, t, r->params[0]))
		return NULL;
	return unit_get(t, r->params[0]);
}

/* Importing needs a school (or an area, with school codes) and a role
 * that keeps the whole register. */
static bool
may_import(struct req *r)
{
	if (r->user.role == ROLE_TEACHER) {
		resp_error(r, ERR_FORBIDDEN, "Giáo viên cập nhật từng trẻ của lớp "
		    "mình; việc nhập cả danh sách do nhà trường thực hiện.",
		    "Teachers update their class's children one by one; lists "
		    "are imported by the school's staff.");
		return false;
	}
	return true;
}

static void
form_page(struct req *r, const struct unit *u, const char *problem)
{
	struct period *ys = NULL;
	size_t ny = 0, i;
	char today[11];
	int c;

	date_today(today);
	(void)period_list(r->db, PERIOD_SCHOOL_YEAR, today, &ys, &ny);
	page_begin(r, L(r, "Nhập danh sách trẻ", "Import a list"));
	html_fmt(&r->out, "<hgroup><h1>%s</h1><p>%s</p></hgroup>",
	    L(r, "Nhập danh sách trẻ vào sổ theo dõi", "Import a list into "
	    "the register"), u->name);
	if (problem != NULL)
		html_fmt(&r->out, "<p class=\"error\" role=\"alert\">%s</p>",
		    problem);
	html_fmt(&r->out, "<p>%s <a href=\"/register/template.xlsx\">%s</a> · "
	    "<a href=\"/register/template.csv\">%s</a>. %s</p>",
	    L(r, "Dùng tệp mẫu:", "Use the template:"), "Excel (.xlsx)",
	    "CSV UTF-8", L(r, "Mọi dòng được kiểm tra trước; chưa có gì được "
	    "ghi cho đến khi bạn đồng ý.", "Every row is checked first; "
	    "nothing is written until you accept."));
	html_fmt(&r->out, "<form method=\"post\" action=\"/units/%I/register/"
	    "import\" enctype=\"multipart/form-data\">", u->id);
	html_csrf_input(r);
	html_fmt(&r->out, "<label>%s<select name=\"year\" required>",
	    L(r, "Năm học", "School year"));
	for (i = 0; i < ny; i++)
		html_fmt(&r->out, "<option value=\"%s\">%s</option>",
		    ys[i].code, ys[i].code);
	html_fmt(&r->out, "</select></label><label>%s<input type=\"file\" "
	    "name=\"file\" accept=\".csv,.xlsx,text/csv,application/"
	    "vnd.openxmlformats-officedocument.spreadsheetml.sheet\" "
	    "required></label><button type=\"submit\">%s</button></form>",
	    L(r, "Tệp danh sách (.xlsx hoặc .csv, tối đa 8 MB)",
	    "List file (.xlsx or .csv, at most 8 MB)"),
	    L(r, "Kiểm tra", "Check"));
	html_fmt(&r->out, "<details><summary>%s</summary><table "
	    "class=\"compact\"><thead><tr><th>%s</th><th>%s</th><th>%s</th>"
	    "</tr></thead><tbody>", L(r, "Các cột của danh sách",
	    "The list's columns"), L(r, "Cột", "Column"),
	    L(r, "Bắt buộc", "Required"), L(r, "Cách ghi", "How to write it"));
	for (c = 0; c < RC__MAX; c++)
		html_fmt(&r->out, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>",
		    regio_columns[c].vi, regio_columns[c].required ?
		    L(r, "có", "yes") : "", L(r, regio_columns[c].hint_vi,
		    regio_columns[c].hint_en));
	html_lit(&r->out, "</tbody></table></details>");
	page_end(r);
	free(ys);
}

void
regio_import_form(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *u;

	if ((u = scoped_unit(r, t)) != NULL && may_import(r))
		form_page(r, u, NULL);
	unit_tree_put(r->app, t);
}

void
regio_import_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct upload *f = req_file(r, "file");
	const char *year = req_form(r, "year");
	struct import_ctx *c;
	const struct unit *u;
	struct period p;
	char url[96];
	int64_t id;

	if ((u = scoped_unit(r, t)) == NULL || !may_import(r))
		goto out;
	if (year == NULL || period_get_by_code(r->db, year, &p) != ERR_OK ||
	    p.type != PERIOD_SCHOOL_YEAR) {
		r->status = 400;
		form_page(r, u, L(r, "Năm học: cần chọn một năm học trong danh "
		    "sách.", "School year: choose one from the list."));
		goto out;
	}
	if (f == NULL || f->len == 0) {
		r->status = 400;
		form_page(r, u, L(r, "Tệp danh sách: cần chọn một tệp .xlsx "
		    "hoặc .csv.", "List file: choose an .xlsx or .csv file."));
		goto out;
	}
	c = xcalloc(1, sizeof(*c));
	c->app = r->app;
	c->data = xmalloc(f->len);
	memcpy(c->data, f->data, f->len);
	c->len = f->len;
	snprintf(c->filename, sizeof(c->filename), "%s", f->filename);
	c->unit_id = u->id;
	c->year = p;
	c->user_id = r->user.id;
	c->en = r->lang == LANG_EN;
	date_today(c->today);
	id = job_submit(r->app, r->user.id, KIND_CHECK, run_check, c,
	    ctx_free);
	snprintf(url, sizeof(url), "/units/%lld/register/import/%lld",
	    (long long)u->id, (long long)id);
	resp_redirect(r, url);
out:
	unit_tree_put(r->app, t);
}

void
regio_import_job(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *u;
	struct job_view v;
	bool running;

	memset(&v, 0, sizeof(v));
	if ((u = scoped_unit(r, t)) == NULL)
		goto out;
	if (job_get(r->app, r->params[1], r->user.id, &v) != ERR_OK ||
	    (strcmp(v.kind, KIND_CHECK) != 0 &&
	    strcmp(v.kind, KIND_WRITE) != 0)) {
		resp_error(r, ERR_NOTFOUND, "Không có lần nhập này (đã quá một "
		    "giờ, hoặc của người khác).", "No such import (more than "
		    "an hour old, or someone else's).");
		goto out;
	}
	running = v.state == JOB_QUEUED || v.state == JOB_RUNNING;
	page_begin(r, L(r, "Nhập danh sách trẻ", "Import a list"));
	if (!r->htmx)
		html_fmt(&r->out, "<hgroup><h1>%s</h1><p>%s</p></hgroup>",
		    strcmp(v.kind, KIND_CHECK) == 0 ?
		    L(r, "Kiểm tra danh sách", "Checking the list") :
		    L(r, "Ghi danh sách vào sổ", "Writing the list"), u->name);
	/* While it runs the fragment reloads itself every second. */
	if (running)
		html_fmt(&r->out, "<section id=\"import-job\" hx-get=\"/units/%I/"
		    "register/import/%I\" hx-trigger=\"every 1s\" "
		    "hx-swap=\"outerHTML\" aria-busy=\"true\"><p>%s: %I %s</p>",
		    u->id, v.id, v.state == JOB_QUEUED ? L(r, "Đang chờ",
		    "Waiting") : L(r, "Đang xử lý", "Working"), v.done,
		    L(r, "dòng", "rows"));
	if (running && v.total > 0)
		html_fmt(&r->out, "<progress value=\"%I\" max=\"%I\"></progress>"
		    "</section>", v.done < v.total ? v.done : v.total, v.total);
	else if (running)
		html_lit(&r->out, "<progress></progress></section>");
	else {
		html_fmt(&r->out, "<section id=\"import-job\" data-state=\"%s\">",
		    job_state_name(v.state));
		/* The result was built with the HTML writers on the worker. */
		if (v.result != NULL)
			buf_puts(&r->out, v.result);
		if (v.state == JOB_DONE && strcmp(v.kind, KIND_CHECK) == 0 &&
		    v.value > 0) {
			html_fmt(&r->out, "<form method=\"post\" action=\"/units/%I"
			    "/register/import/%I/accept\">", u->id, v.id);
			html_csrf_input(r);
			html_fmt(&r->out, "<button type=\"submit\">%s (%I)"
			    "</button></form>", L(r, "Đồng ý, ghi các dòng hợp "
			    "lệ", "Accept: write the valid rows"), v.value);
		}
		html_fmt(&r->out, "<p><a href=\"/units/%I/register/import\">%s"
		    "</a> · <a href=\"/units/%I/register\">%s</a></p></section>",
		    u->id, L(r, "Nhập tệp khác", "Import another file"), u->id,
		    L(r, "Về sổ theo dõi", "Back to the register"));
	}
	page_end(r);
out:
	free(v.result);
	unit_tree_put(r->app, t);
}

void
regio_import_accept(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct import_ctx *c = NULL;
	const struct unit *u;
	char url[96];
	int64_t id;
	enum err e;

	if ((u = scoped_unit(r, t)) == NULL || !may_import(r))
		goto out;
	e = job_take_ctx(r->app, r->params[1], r->user.id, KIND_CHECK,
	    (void **)&c);
	if (e == ERR_OK && c->unit_id != u->id) {
		ctx_free(c);
		e = ERR_NOTFOUND;
	}
	if (e == ERR_NOTFOUND) {
		resp_error(r, ERR_NOTFOUND, "Không có lần kiểm tra này.",
		    "No such check.");
		goto out;
	}
	if (e != ERR_OK) {
		resp_error(r, ERR_CONFLICT, "Danh sách này đã được ghi, hoặc "
		    "việc kiểm tra chưa xong.", "This list was written "
		    "already, or its check has not finished.");
		goto out;
	}
	c->en = r->lang == LANG_EN;
	id = job_submit(r->app, r->user.id, KIND_WRITE, run_write, c,
	    ctx_free);
	snprintf(url, sizeof(url), "/units/%lld/register/import/%lld",
	    (long long)u->id, (long long)id);
	resp_redirect(r, url);
out:
	unit_tree_put(r->app, t);
}
