/*
 * export_area_http.c -- the register of every school in an office's scope
 * as one list (CSV or .xlsx, with the school code column), written by a
 * background job with progress (see regio_http.h).
 *
 *	GET  /units/{id}/register/export-area		the form
 *	POST /units/{id}/register/export-area		start the job
 *	GET  /units/{id}/register/export-area/{job}	progress, then the link
 *	GET  /units/{id}/register/export-area/{job}/file	the file (once)
 *
 * PERM_REGISTER_VIEW, not a teacher (an area's list holds sensitive
 * columns for every row), the unit in the user's scope and not a school
 * (a school's own export is /units/{id}/register/export).  The schools are
 * those unit_in_scope() of the unit, as the import's area lists.  The job
 * writes the audit row (who, unit, year, format, schools, rows) on its own
 * connection before it ends; formula cells are neutralised by the CSV
 * writer as in the school's export.  The file is kept in the job's
 * context until it is downloaded, once, or forgotten after an hour.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "auth/audit.h"
#include "auth/role.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "http/req.h"
#include "jobs/job.h"
#include "regio/export.h"
#include "regio/regio_http.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"
#include "units/unit_http.h"

#define KIND_AREA	"export-area"

static const char xlsx_type[] =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct area_ctx {
	struct app		*app;
	int64_t			 unit_id;
	struct period		 year;
	enum regio_format	 format;
	int64_t			 user_id;
	bool			 en;
	struct buf		 file;		/* the job's result */
	char			 name[160];
};

static void
ctx_free(void *p)
{
	struct area_ctx *c = p;

	if (c == NULL)
		return;
	buf_release(&c->file);
	free(c);
}

static void
progress(void *arg, size_t done, size_t n)
{
	job_progress(arg, (int64_t)done, (int64_t)n);
}

#define T(v, e)	(c->en ? (e) : (v))

static void
run_area(struct job *j, struct db *db, void *arg)
{
	struct area_ctx *c = arg;
	const struct unit_tree *t = unit_tree_get(c->app, db);
	struct regio_export_opts o;
	struct buf res = BUF_INIT;
	int64_t *schools = NULL;
	size_t n = 0, rows = 0, i;
	char obj[48], detail[200];
	const struct unit *u;

	if (t == NULL || (u = unit_get(t, c->unit_id)) == NULL) {
		job_finish(j, JOB_FAILED, NULL);
		goto out;
	}
	for (i = 0; i < t->n; i++)
		if (unit_kinds[t->u[i].kind].school &&
		    unit_in_scope(t, c->unit_id, t->u[i].id)) {
			schools = xrealloc(schools, (n + 1) * sizeof(*schools));
			schools[n++] = t->u[i].id;
		}
	memset(&o, 0, sizeof(o));
	o.year = &c->year;
	o.status = -1;
	o.format = c->format;
	o.sens = REGIO_SENS_ALL;
	snprintf(obj, sizeof(obj), "unit:%lld", (long long)c->unit_id);
	if (regio_export_schools(db, t, schools, n, &o, progress, j, &c->file,
	    &rows) != ERR_OK) {
		html_fmt(&res, "<p class=\"error\" role=\"alert\">%s</p>",
		    T("Không xuất được danh sách. Hãy thử lại.",
		    "The list cannot be exported. Try again."));
		job_finish(j, JOB_FAILED, res.data);
		goto out;
	}
	snprintf(detail, sizeof(detail), "area year=%s format=%s schools=%zu "
	    "rows=%zu sensitive=all", c->year.code, c->format == REGIO_CSV ?
	    "csv" : "xlsx", n, rows);
	if (audit(db, c->user_id, "register.export", obj, detail) != ERR_OK) {
		buf_reset(&c->file);
		job_finish(j, JOB_FAILED, NULL);
		goto out;
	}
	snprintf(c->name, sizeof(c->name), "so-theo-doi-%s-%s.%s", u->code,
	    c->year.code, c->format == REGIO_CSV ? "csv" : "xlsx");
	html_fmt(&res, "<p role=\"status\">%I %s, %I %s.</p>", (int64_t)n,
	    T("trường", "schools"), (int64_t)rows, T("trẻ", "children"));
	job_set_value(j, (int64_t)rows);
	job_finish(j, JOB_DONE, res.data);
out:
	free(schools);
	buf_release(&res);
	unit_tree_put(c->app, t);
}

/* The unit of the request, in scope, an office, and a role that may. */
static const struct unit *
area_unit(struct req *r, const struct unit_tree *t)
{
	const struct unit *u;

	if (t == NULL) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return NULL;
	}
	if (r->user.role == ROLE_TEACHER) {
		resp_error(r, ERR_FORBIDDEN, "Giáo viên chỉ xuất danh sách lớp "
		    "mình.", "A teacher exports the own class's list only.");
		return NULL;
	}
	if (!unit_check_scope(r, t, r->params[0]))
		return NULL;
	u = unit_get(t, r->params[0]);
	if (unit_kinds[u->kind].school) {
		resp_error(r, ERR_INVALID, "Đây là một trường: dùng «Xuất danh "
		    "sách» của sổ theo dõi.", "This is a school: use the "
		    "register's own export.");
		return NULL;
	}
	return u;
}

void
regio_export_area_form(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *u;
	struct period *ys = NULL;
	size_t ny = 0, i;
	char today[11];

	if ((u = area_unit(r, t)) == NULL)
		goto out;
	date_today(today);
	(void)period_list(r->db, PERIOD_SCHOOL_YEAR, today, &ys, &ny);
	page_begin(r, L(r, "Xuất sổ theo dõi của các trường", "Export the "
	    "schools' registers"));
	html_fmt(&r->out, "<hgroup><h1>%s</h1><p>%s</p></hgroup><p>%s</p>"
	    "<form method=\"post\" action=\"/units/%I/register/export-area\">",
	    L(r, "Xuất sổ theo dõi của các trường", "Export the schools' "
	    "registers"), u->name, L(r, "Một tệp gồm sổ theo dõi của mọi trường "
	    "trong phạm vi, có cột «Mã trường». Tệp được tạo ở chế độ nền; việc "
	    "xuất được ghi nhật ký.", "One file with the register of every "
	    "school in the scope, with the \"Mã trường\" column. It is made in "
	    "the background; the export is audited."), u->id);
	html_csrf_input(r);
	html_fmt(&r->out, "<div class=\"grid\"><label>%s<select name=\"year\">",
	    L(r, "Năm học", "School year"));
	for (i = 0; i < ny; i++)
		html_fmt(&r->out, "<option>%s</option>", ys[i].code);
	html_fmt(&r->out, "</select></label><label>%s<select name=\"format\">"
	    "<option value=\"xlsx\">Excel (.xlsx)</option><option value=\"csv\">"
	    "CSV</option></select></label></div><button type=\"submit\">%s"
	    "</button></form>", L(r, "Định dạng", "Format"),
	    L(r, "Xuất", "Export"));
	page_end(r);
	free(ys);
out:
	unit_tree_put(r->app, t);
}

void
regio_export_area_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const char *year = req_form(r, "year"), *fmt = req_form(r, "format");
	const struct unit *u;
	struct area_ctx *c;
	struct period p;
	char url[96];
	int64_t id;

	if ((u = area_unit(r, t)) == NULL)
		goto out;
	if (str_empty(year) || period_get_by_code(r->db, year, &p) != ERR_OK ||
	    p.type != PERIOD_SCHOOL_YEAR) {
		resp_error(r, ERR_INVALID, "Năm học: không có trong danh mục.",
		    "School year: not in the list of periods.");
		goto out;
	}
	if (fmt != NULL && strcmp(fmt, "csv") != 0 && strcmp(fmt, "xlsx") != 0) {
		resp_error(r, ERR_INVALID, "Định dạng: csv hoặc xlsx.",
		    "Format: csv or xlsx.");
		goto out;
	}
	c = xcalloc(1, sizeof(*c));
	c->app = r->app;
	c->unit_id = u->id;
	c->year = p;
	c->format = fmt != NULL && strcmp(fmt, "csv") == 0 ? REGIO_CSV :
	    REGIO_XLSX;
	c->user_id = r->user.id;
	c->en = r->lang == LANG_EN;
	id = job_submit(r->app, r->user.id, KIND_AREA, run_area, c, ctx_free);
	snprintf(url, sizeof(url), "/units/%lld/register/export-area/%lld",
	    (long long)u->id, (long long)id);
	resp_redirect(r, url);
out:
	unit_tree_put(r->app, t);
}

void
regio_export_area_job(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *u;
	struct job_view v;
	bool running;

	memset(&v, 0, sizeof(v));
	if ((u = area_unit(r, t)) == NULL)
		goto out;
	if (job_get(r->app, r->params[1], r->user.id, &v) != ERR_OK ||
	    strcmp(v.kind, KIND_AREA) != 0) {
		resp_error(r, ERR_NOTFOUND, "Không có lần xuất này (đã quá một "
		    "giờ, hoặc của người khác).", "No such export (more than an "
		    "hour old, or someone else's).");
		goto out;
	}
	running = v.state == JOB_QUEUED || v.state == JOB_RUNNING;
	page_begin(r, L(r, "Xuất sổ theo dõi", "Register export"));
	if (!r->htmx)
		html_fmt(&r->out, "<hgroup><h1>%s</h1><p>%s</p></hgroup>",
		    L(r, "Xuất sổ theo dõi của các trường", "Export the "
		    "schools' registers"), u->name);
	if (running) {
		html_fmt(&r->out, "<section id=\"export-job\" hx-get=\"/units/%I/"
		    "register/export-area/%I\" hx-trigger=\"every 1s\" "
		    "hx-swap=\"outerHTML\" aria-busy=\"true\"><p>%s: %I / %I %s"
		    "</p>", u->id, v.id, v.state == JOB_QUEUED ? L(r, "Đang chờ",
		    "Waiting") : L(r, "Đang xử lý", "Working"), v.done, v.total,
		    L(r, "trường", "schools"));
		if (v.total > 0)
			html_fmt(&r->out, "<progress value=\"%I\" max=\"%I\">"
			    "</progress></section>", v.done, v.total);
		else
			html_lit(&r->out, "<progress></progress></section>");
	} else {
		html_fmt(&r->out, "<section id=\"export-job\" data-state=\"%s\">",
		    job_state_name(v.state));
		if (v.result != NULL)
			buf_puts(&r->out, v.result);
		if (v.state == JOB_DONE)
			html_fmt(&r->out, "<p><a role=\"button\" href=\"/units/%I/"
			    "register/export-area/%I/file\">%s</a></p>", u->id,
			    v.id, L(r, "Tải tệp về (một lần)", "Download the "
			    "file (once)"));
		html_lit(&r->out, "</section>");
	}
	page_end(r);
out:
	free(v.result);
	unit_tree_put(r->app, t);
}

void
regio_export_area_file(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct area_ctx *c = NULL;
	char disp[200];
	enum err e;

	if (area_unit(r, t) == NULL)
		goto out;
	e = job_take_ctx(r->app, r->params[1], r->user.id, KIND_AREA,
	    (void **)&c);
	if (e == ERR_OK && c->unit_id != r->params[0]) {
		ctx_free(c);
		c = NULL;
		e = ERR_NOTFOUND;
	}
	if (e != ERR_OK) {
		resp_error(r, e == ERR_CONFLICT ? ERR_CONFLICT : ERR_NOTFOUND,
		    "Tệp không còn: đã tải về, chưa xong, hoặc đã quá một giờ. "
		    "Hãy xuất lại.", "The file is gone: downloaded already, not "
		    "ready, or more than an hour old. Export again.");
		goto out;
	}
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"", c->name);
	resp_header(r, "Content-Disposition", disp);
	r->ctype = c->format == REGIO_CSV ? "text/csv; charset=utf-8" :
	    xlsx_type;
	buf_reset(&r->out);
	buf_add(&r->out, c->file.data, c->file.len);
out:
	ctx_free(c);
	unit_tree_put(r->app, t);
}
