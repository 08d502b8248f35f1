/*
 * export_http.c -- the register as a file, and the empty template (see
 * regio_http.h).
 *
 * Who gets the sensitive columns (ethnicity, poor household, disability,
 * special circumstances) of an export -- the register pages' rule
 * (register/register_access.c):
 *   - a teacher: only the rows of the classes assigned to them that
 *     year (class_teacher), empty cells elsewhere;
 *   - every other role that may see the school's register: every row.
 * Every export writes an audit row: who, which school and year, how many
 * rows, and whether sensitive columns were included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/audit.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "http/req.h"
#include "register/enrolment.h"
#include "register/register_db.h"
#include "regio/export.h"
#include "regio/regio_http.h"
#include "units/unit.h"
#include "units/unit_http.h"

static const char xlsx_type[] =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/* The sensitive-column rule above, for user r in school u, year y. */
static enum err
sensitivity(struct req *r, const struct unit *u, const struct period *y,
    struct regio_export_opts *o)
{
	struct db_stmt *st;
	enum db_rc rc;

	if (r->user.role != ROLE_TEACHER) {
		o->sens = REGIO_SENS_ALL;
		return ERR_OK;
	}
	o->sens = REGIO_SENS_CLASSES;
	st = db_stmt(r->db, "SELECT class_name FROM class_teacher"
	    " WHERE user_id = ? AND unit_id = ? AND period_id = ?");
	db_bind_int(st, 1, r->user.id);
	db_bind_int(st, 2, u->id);
	db_bind_int(st, 3, y->id);
	while ((rc = db_step(st)) == DB_ROW) {
		o->classes = xrealloc(o->classes, (o->nclasses + 1) *
		    sizeof(*o->classes));
		snprintf(o->classes[o->nclasses++], sizeof(o->classes[0]), "%s",
		    db_col_text(st, 0));
	}
	db_done(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

static void
attachment(struct req *r, const char *name)
{
	char v[200];

	snprintf(v, sizeof(v), "attachment; filename=\"%s\"", name);
	resp_header(r, "Content-Disposition", v);
}

void
regio_export_get(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const char *year = req_query(r, "year"), *fmt = req_query(r, "format");
	const char *status = req_query(r, "status");
	struct regio_export_opts o;
	struct period p;
	const struct unit *u;
	struct buf data = BUF_INIT;
	char name[160], obj[48], detail[200];
	size_t rows = 0;
	int64_t pid;

	memset(&o, 0, sizeof(o));
	if (t == NULL) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	if (!unit_check_scope(r, t, r->params[0]))
		goto out;
	u = unit_get(t, r->params[0]);
	if (!unit_kinds[u->kind].school) {
		resp_error(r, ERR_INVALID, "Chỉ xuất được sổ theo dõi của một "
		    "trường.", "Only a school's register can be exported.");
		goto out;
	}
	if (str_empty(year)) {
		if (roster_latest_year(r->db, u->id, &pid) != ERR_OK ||
		    period_get(r->db, pid, &p) != ERR_OK) {
			resp_error(r, ERR_NOTFOUND, "Trường chưa có trẻ nào trong "
			    "sổ.", "The school has no child in the register.");
			goto out;
		}
	} else if (period_get_by_code(r->db, year, &p) != ERR_OK ||
	    p.type != PERIOD_SCHOOL_YEAR) {
		resp_error(r, ERR_INVALID, "Năm học: không có trong danh mục.",
		    "School year: not in the list of periods.");
		goto out;
	}
	o.unit_id = u->id;
	o.year = &p;
	o.class_name = req_query(r, "class");
	o.status = -1;
	if (!str_empty(status) && (o.status = reg_code_find(enrol_statuses,
	    ENROL__MAX, status)) < 0) {
		resp_error(r, ERR_INVALID, "Tình trạng: giá trị không có trong "
		    "danh sách.", "Status: not one of the allowed values.");
		goto out;
	}
	o.format = fmt != NULL && strcmp(fmt, "csv") == 0 ? REGIO_CSV :
	    REGIO_XLSX;
	if (fmt != NULL && strcmp(fmt, "csv") != 0 && strcmp(fmt, "xlsx") != 0) {
		resp_error(r, ERR_INVALID, "Định dạng: csv hoặc xlsx.",
		    "Format: csv or xlsx.");
		goto out;
	}
	if (sensitivity(r, u, &p, &o) != ERR_OK ||
	    regio_export(r->db, t, &o, &data, &rows) != ERR_OK) {
		resp_error(r, ERR_DB, "Không xuất được danh sách.",
		    "The list cannot be exported.");
		goto out;
	}
	snprintf(obj, sizeof(obj), "unit:%lld", (long long)u->id);
	snprintf(detail, sizeof(detail), "year=%s format=%s rows=%zu "
	    "sensitive=%s", p.code, o.format == REGIO_CSV ? "csv" : "xlsx",
	    rows, o.sens == REGIO_SENS_ALL ? "all" : o.sens ==
	    REGIO_SENS_CLASSES ? "own-classes" : "none");
	if (audit(r->db, r->user.id, "register.export", obj, detail) !=
	    ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	snprintf(name, sizeof(name), "so-theo-doi-%s-%s.%s", u->code, p.code,
	    o.format == REGIO_CSV ? "csv" : "xlsx");
	attachment(r, name);
	r->ctype = o.format == REGIO_CSV ? "text/csv; charset=utf-8" :
	    xlsx_type;
	buf_reset(&r->out);
	buf_add(&r->out, data.data, data.len);
out:
	free(o.classes);
	buf_release(&data);
	unit_tree_put(r->app, t);
}

static void
template(struct req *r, enum regio_format f)
{
	struct buf data = BUF_INIT;

	if (regio_template(f, &data) != ERR_OK) {
		resp_error(r, ERR_IO, "Không tạo được tệp mẫu.",
		    "The template cannot be made.");
		goto out;
	}
	attachment(r, f == REGIO_CSV ? "mau-danh-sach-tre.csv" :
	    "mau-danh-sach-tre.xlsx");
	r->ctype = f == REGIO_CSV ? "text/csv; charset=utf-8" : xlsx_type;
	buf_add(&r->out, data.data, data.len);
out:
	buf_release(&data);
}

void
regio_template_csv(struct req *r)
{
	template(r, REGIO_CSV);
}

void
regio_template_xlsx(struct req *r)
{
	template(r, REGIO_XLSX);
}
