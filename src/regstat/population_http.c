/*
 * population_http.c -- the five-year-olds living in an area, the
 * denominator of the mobilisation rate (population_5y, regstat.h).
 *
 *	GET  /units/{id}/population	the figures of a commune (or, before
 *					1 July 2025, a district) by school year
 *	POST /units/{id}/population	save one school year's figure
 *
 * PERM_VALUE_ENTER and the unit in the user's scope; only units that are
 * not schools (a school's area is not defined).  The figure is written in
 * one transaction with the data generation bump (the dashboards use it)
 * and an audit row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/audit.h"
#include "core/strutil.h"
#include "db/db.h"
#include "http/form.h"
#include "http/req.h"
#include "indicators/period.h"
#include "regstat/population_http.h"
#include "render/html.h"
#include "render/layout.h"
#include "render/numfmt.h"
#include "units/unit.h"
#include "units/unit_http.h"

static const struct field f_year = { "year", "Năm học", "School year" };
static const struct field f_total = { "total", "Số trẻ 5 tuổi",
	"Five-year-olds" };
static const struct field f_male = { "male", "Trong đó nam", "Of them boys" };
static const struct field f_female = { "female", "Trong đó nữ",
	"Of them girls" };
static const struct field f_minority = { "minority",
	"Trong đó dân tộc thiểu số", "Of them ethnic minority" };

#define POP_MAX	10000000

static const struct unit *
area(struct req *r, const struct unit_tree *t)
{
	const struct unit *u;

	if (t == NULL) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return NULL;
	}
	if (!unit_check_scope(r, t, r->params[0]))
		return NULL;
	u = unit_get(t, r->params[0]);
	if (unit_kinds[u->kind].school) {
		resp_error(r, ERR_INVALID, "Số trẻ 5 tuổi trên địa bàn được nhập "
		    "cho xã (hoặc huyện trước 1/7/2025), không cho trường.",
		    "The five-year-olds of an area are entered for a commune (or "
		    "a district before 1 July 2025), not for a school.");
		return NULL;
	}
	return u;
}

static void
page(struct req *r, const struct unit *u, const struct form_errors *errs)
{
	struct period *ys = NULL;
	struct db_stmt *st;
	size_t ny = 0, i;
	char today[11], a[NUMFMT_MAX];
	int lang = r->lang == LANG_EN;

	date_today(today);
	(void)period_list(r->db, PERIOD_SCHOOL_YEAR, today, &ys, &ny);
	page_begin(r, L(r, "Trẻ 5 tuổi trên địa bàn", "Five-year-olds of the "
	    "area"));
	html_fmt(&r->out, "<hgroup><h1>%s</h1><p>%s</p></hgroup><p>%s</p>",
	    L(r, "Trẻ 5 tuổi trên địa bàn", "Five-year-olds living in the area"),
	    u->name, L(r, "Mẫu số của tỷ lệ huy động trẻ 5 tuổi đi học mẫu giáo "
	    "(số liệu dân số). Tử số được tính từ sổ theo dõi của các trường "
	    "mầm non.", "The denominator of the five-year-old mobilisation "
	    "rate (a population figure). The numerator is computed from the "
	    "kindergartens' registers."));
	html_fmt(&r->out, "<table class=\"compact\" id=\"population\"><thead>"
	    "<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
	    "</thead><tbody>", L(r, "Năm học", "School year"),
	    L(r, f_total.label_vi, f_total.label_en), L(r, "Nam", "Boys"),
	    L(r, "Nữ", "Girls"), L(r, "Dân tộc thiểu số", "Minority"));
	st = db_stmt(r->db, "SELECT p.code, v.total, v.male, v.female,"
	    " v.minority FROM population_5y v JOIN period p ON p.id = v.period_id"
	    " WHERE v.unit_id = ? ORDER BY p.start_on DESC");
	db_bind_int(st, 1, u->id);
	while (db_step(st) == DB_ROW) {
		int k;

		html_fmt(&r->out, "<tr><td>%s</td>", db_col_text(st, 0));
		for (k = 1; k <= 4; k++)
			html_fmt(&r->out, "<td class=\"num\">%s</td>",
			    db_col_null(st, k) ? "—" : numfmt_int(a,
			    db_col_int(st, k), lang));
		html_lit(&r->out, "</tr>");
	}
	db_done(st);
	html_lit(&r->out, "</tbody></table>");
	if (errs != NULL)
		form_errors_html(r, errs);
	html_fmt(&r->out, "<form method=\"post\" action=\"/units/%I/population\">",
	    u->id);
	html_csrf_input(r);
	html_fmt(&r->out, "<div class=\"grid\"><label>%s<select name=\"year\">",
	    L(r, f_year.label_vi, f_year.label_en));
	for (i = 0; i < ny; i++)
		html_fmt(&r->out, "<option>%s</option>", ys[i].code);
	html_fmt(&r->out, "</select></label><label>%s<input name=\"total\" "
	    "inputmode=\"numeric\" required></label><label>%s<input "
	    "name=\"male\" inputmode=\"numeric\"></label><label>%s<input "
	    "name=\"female\" inputmode=\"numeric\"></label><label>%s<input "
	    "name=\"minority\" inputmode=\"numeric\"></label></div>"
	    "<button type=\"submit\">%s</button></form>",
	    L(r, f_total.label_vi, f_total.label_en),
	    L(r, f_male.label_vi, f_male.label_en),
	    L(r, f_female.label_vi, f_female.label_en),
	    L(r, f_minority.label_vi, f_minority.label_en), L(r, "Lưu", "Save"));
	page_end(r);
	free(ys);
}

void
population_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *u;

	if ((u = area(r, t)) != NULL)
		page(r, u, NULL);
	unit_tree_put(r->app, t);
}

static void
bind_opt(struct db_stmt *st, int i, bool present, int64_t v)
{
	if (present)
		db_bind_int(st, i, v);
	else
		db_bind_null(st, i);
}

void
population_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs;
	const struct unit *u;
	struct period p;
	struct db_stmt *st;
	int64_t total = 0, male = 0, female = 0, minority = 0;
	bool has_t, has_m, has_f, has_min;
	char obj[48], detail[120], url[64];
	enum err e;

	errs.n = 0;
	if ((u = area(r, t)) == NULL)
		goto out;
	if (period_get_by_code(r->db, req_form(r, "year") ?
	    req_form(r, "year") : "", &p) != ERR_OK ||
	    p.type != PERIOD_SCHOOL_YEAR)
		form_error(&errs, &f_year, "cần chọn một năm học trong danh sách.",
		    "choose a school year from the list.");
	(void)valid_int(&errs, &f_total, req_form(r, "total"), true, 0, POP_MAX,
	    &total, &has_t);
	(void)valid_int(&errs, &f_male, req_form(r, "male"), false, 0, POP_MAX,
	    &male, &has_m);
	(void)valid_int(&errs, &f_female, req_form(r, "female"), false, 0,
	    POP_MAX, &female, &has_f);
	(void)valid_int(&errs, &f_minority, req_form(r, "minority"), false, 0,
	    POP_MAX, &minority, &has_min);
	if (errs.n == 0 && has_m && has_f && male + female != total)
		form_error(&errs, &f_female, "nam cộng nữ phải bằng tổng số.",
		    "boys and girls must add up to the total.");
	if (errs.n == 0 && has_min && minority > total)
		form_error(&errs, &f_minority, "không được lớn hơn tổng số.",
		    "may not be more than the total.");
	if (errs.n == 0 && has_m != has_f)
		form_error(&errs, has_m ? &f_female : &f_male, "nhập cả nam và nữ,"
		    " hoặc để trống cả hai.", "give both boys and girls, or "
		    "neither.");
	if (errs.n > 0) {
		r->status = 400;
		page(r, u, &errs);
		goto out;
	}
	if ((e = db_begin(r->db)) != ERR_OK)
		goto fail;
	st = db_stmt(r->db, "DELETE FROM population_5y WHERE unit_id = ?"
	    " AND period_id = ?");
	db_bind_int(st, 1, u->id);
	db_bind_int(st, 2, p.id);
	if ((e = db_run(st)) != ERR_OK)
		goto rollback;
	st = db_stmt(r->db, "INSERT INTO population_5y (unit_id, period_id,"
	    " total, male, female, minority, entered_by, entered_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	db_bind_int(st, 1, u->id);
	db_bind_int(st, 2, p.id);
	db_bind_int(st, 3, total);
	bind_opt(st, 4, has_m, male);
	bind_opt(st, 5, has_f, female);
	bind_opt(st, 6, has_min, minority);
	db_bind_int(st, 7, r->user.id);
	db_bind_int(st, 8, (int64_t)time(NULL));
	snprintf(obj, sizeof(obj), "unit:%lld", (long long)u->id);
	snprintf(detail, sizeof(detail), "year=%s total=%lld", p.code,
	    (long long)total);
	if ((e = db_run(st)) != ERR_OK ||
	    (e = audit(r->db, r->user.id, "population.save", obj, detail)) !=
	    ERR_OK || (e = db_bump_generation(r->db)) != ERR_OK ||
	    (e = db_commit(r->db)) != ERR_OK)
		goto rollback;
	snprintf(url, sizeof(url), "/units/%lld/population", (long long)u->id);
	resp_redirect(r, url);
	goto out;
rollback:
	db_rollback(r->db);
fail:
	resp_error(r, ERR_DB, "Không lưu được; không có gì thay đổi.",
	    "Not saved; nothing changed.");
out:
	unit_tree_put(r->app, t);
}
