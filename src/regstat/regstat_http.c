/*
 * regstat_http.c -- the register statistics of a school or an office for
 * a school year: every value computed from the register (reg_value,
 * regstat.h) with its splits -- boys, girls, Kinh, ethnic minority,
 * disabled -- and the dropout rates by grade beside those of the level.
 *
 *	GET /units/{id}/register/stats?year=	the page
 *	GET /api/units/{id}/register/stats?year=	the same as JSON
 *
 * PERM_REGISTER_VIEW, but not a teacher (who sees ethnicity and disability
 * only for the own class: a school's split would tell more), and the unit
 * in the user's scope.  An office's figures are the sums over the schools below
 * it through admin links valid on the school year's reference date, as
 * the dashboard rolls them up; the rates are computed from the sums.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/role.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "http/req.h"
#include "indicators/period.h"
#include "register/register_access.h"
#include "regstat/regstat_http.h"
#include "render/html.h"
#include "render/layout.h"
#include "render/numfmt.h"
#include "units/unit.h"
#include "units/unit_http.h"

#define GRADES	17	/* -3 .. 12, and 99 = the level (index 16) */

/* The five splits after the total: boys, girls, Kinh, minority, disabled. */
enum { S_TOTAL, S_M, S_F, S_KINH, S_MIN, S_DIS, S__MAX };

struct stat_row {
	bool		 any;
	bool		 has_den;
	int64_t		 num[S__MAX];
	int64_t		 den[S__MAX];
};

struct stat_ind {
	int64_t		 id;
	char		 code[40];
	char		 name_vi[200];
	char		 name_en[200];
	struct stat_row	 g[GRADES];
};

static size_t
grade_slot(int64_t grade)
{
	if (grade == 99)
		return GRADES - 1;
	if (grade < -3 || grade > 12)
		return (size_t)-1;
	return (size_t)(grade + 3) < GRADES - 1 ? (size_t)(grade + 3) :
	    (size_t)-1;
}

static int
slot_grade(size_t slot)
{
	return slot == GRADES - 1 ? 99 : (int)slot - 3;
}

/* The schools whose values add up to unit idx on date, into *out. */
static void
schools_below(const struct unit_tree *t, size_t idx, const char *date,
    bool *seen, int64_t **out, size_t *n)
{
	size_t k, nk, *kids;

	if (seen[idx])
		return;
	seen[idx] = true;
	if (unit_kinds[t->u[idx].kind].school) {
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = t->u[idx].id;
	}
	nk = unit_children(t, idx, LINK_ADMIN, date, NULL, 0);
	if (nk == 0)
		return;
	kids = xcalloc(nk, sizeof(*kids));
	nk = unit_children(t, idx, LINK_ADMIN, date, kids, nk);
	for (k = 0; k < nk; k++)
		schools_below(t, kids[k], date, seen, out, n);
	free(kids);
}

/* The register's indicators, in catalogue order, with the sums. */
static enum err
load(struct db *db, const int64_t *schools, size_t nschools,
    int64_t period_id, struct stat_ind **out, size_t *n)
{
	struct db_stmt *st;
	size_t i, k;
	enum err e = ERR_OK;

	*out = NULL;
	*n = 0;
	st = db_stmt(db, "SELECT id, code, name_vi, name_en FROM indicator"
	    " WHERE source = 'register' ORDER BY seq, id");
	while (db_step(st) == DB_ROW) {
		struct stat_ind *s;

		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		s = &(*out)[(*n)++];
		memset(s, 0, sizeof(*s));
		s->id = db_col_int(st, 0);
		snprintf(s->code, sizeof(s->code), "%s", db_col_text(st, 1));
		snprintf(s->name_vi, sizeof(s->name_vi), "%s",
		    db_col_text(st, 2));
		snprintf(s->name_en, sizeof(s->name_en), "%s",
		    db_col_text(st, 3));
	}
	db_done(st);
	for (i = 0; i < nschools && e == ERR_OK; i++) {
		enum db_rc rc;

		st = db_stmt(db, "SELECT indicator_id, grade, num_total, num_m,"
		    " num_f, num_minority, num_disabled, den_total, den_m, den_f,"
		    " den_minority, den_disabled FROM reg_value"
		    " WHERE unit_id = ? AND period_id = ?");
		db_bind_int(st, 1, schools[i]);
		db_bind_int(st, 2, period_id);
		while ((rc = db_step(st)) == DB_ROW) {
			size_t slot = grade_slot(db_col_int(st, 1));
			struct stat_row *r = NULL;

			for (k = 0; k < *n; k++)
				if ((*out)[k].id == db_col_int(st, 0))
					break;
			if (k == *n || slot == (size_t)-1)
				continue;
			r = &(*out)[k].g[slot];
			r->any = true;
			r->num[S_TOTAL] += db_col_int(st, 2);
			r->num[S_M] += db_col_int(st, 3);
			r->num[S_F] += db_col_int(st, 4);
			r->num[S_MIN] += db_col_int(st, 5);
			r->num[S_DIS] += db_col_int(st, 6);
			r->num[S_KINH] = r->num[S_TOTAL] - r->num[S_MIN];
			if (!db_col_null(st, 7)) {
				r->has_den = true;
				r->den[S_TOTAL] += db_col_int(st, 7);
				r->den[S_M] += db_col_int(st, 8);
				r->den[S_F] += db_col_int(st, 9);
				r->den[S_MIN] += db_col_int(st, 10);
				r->den[S_DIS] += db_col_int(st, 11);
				r->den[S_KINH] = r->den[S_TOTAL] -
				    r->den[S_MIN];
			}
		}
		db_done(st);
		if (rc != DB_DONE)
			e = ERR_DB;
	}
	return e;
}

static const char *const split_vi[S__MAX] = { "Tổng", "Nam", "Nữ", "Kinh",
	"Dân tộc thiểu số", "Khuyết tật" };
static const char *const split_en[S__MAX] = { "Total", "Boys", "Girls",
	"Kinh", "Ethnic minority", "Disabled" };
static const char *const split_key[S__MAX] = { "total", "male", "female",
	"kinh", "minority", "disabled" };

static json_t *
row_json(const struct stat_row *r, int grade)
{
	json_t *o = json_object(), *num = json_object(), *den, *rate;
	int s;

	json_object_set_new(o, "grade", grade == 99 ? json_null() :
	    json_integer(grade));
	for (s = 0; s < S__MAX; s++)
		json_object_set_new(num, split_key[s],
		    json_integer(r->num[s]));
	json_object_set_new(o, "numerator", num);
	if (!r->has_den) {
		json_object_set_new(o, "denominator", json_null());
		json_object_set_new(o, "rate", json_null());
		return o;
	}
	den = json_object();
	rate = json_object();
	for (s = 0; s < S__MAX; s++) {
		json_object_set_new(den, split_key[s], json_integer(r->den[s]));
		json_object_set_new(rate, split_key[s], r->den[s] > 0 ?
		    json_real(100.0 * (double)r->num[s] / (double)r->den[s]) :
		    json_null());
	}
	json_object_set_new(o, "denominator", den);
	json_object_set_new(o, "rate", rate);
	return o;
}

static void
respond_json(struct req *r, const struct unit *u, const struct period *y,
    size_t nschools, const struct stat_ind *ind, size_t nind)
{
	json_t *o = json_object(), *arr = json_array();
	size_t i, g;

	json_object_set_new(o, "unit_id", json_integer(u->id));
	json_object_set_new(o, "unit", json_string(u->name));
	json_object_set_new(o, "year", json_string(y->code));
	json_object_set_new(o, "schools", json_integer((json_int_t)nschools));
	for (i = 0; i < nind; i++) {
		json_t *io = json_object(), *grades = json_array();

		json_object_set_new(io, "code", json_string(ind[i].code));
		json_object_set_new(io, "name", json_string(r->lang ==
		    LANG_EN ? ind[i].name_en : ind[i].name_vi));
		json_object_set_new(io, "level", ind[i].g[GRADES - 1].any ?
		    row_json(&ind[i].g[GRADES - 1], 99) : json_null());
		for (g = 0; g + 1 < GRADES; g++)
			if (ind[i].g[g].any)
				json_array_append_new(grades,
				    row_json(&ind[i].g[g], slot_grade(g)));
		json_object_set_new(io, "grades", grades);
		json_array_append_new(arr, io);
	}
	json_object_set_new(o, "indicators", arr);
	resp_json(r, 200, o);
}

/* One row of the table: the label, then per split "num / den (rate)". */
static void
row_html(struct req *r, const char *label, const struct stat_row *r0)
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX], c[NUMFMT_MAX];
	int lang = r->lang == LANG_EN, s;

	html_fmt(&r->out, "<tr><th scope=\"row\">%s</th>", label);
	for (s = 0; s < S__MAX; s++) {
		if (!r0->has_den) {
			html_fmt(&r->out, "<td class=\"num\">%s</td>",
			    numfmt_int(a, r0->num[s], lang));
			continue;
		}
		if (r0->den[s] > 0)
			html_fmt(&r->out, "<td class=\"num\"><strong>%s</strong>"
			    "<br><small>%s / %s</small></td>", numfmt_value(c,
			    100.0 * (double)r0->num[s] / (double)r0->den[s],
			    NUMFMT_PERCENT, lang), numfmt_int(a, r0->num[s],
			    lang), numfmt_int(b, r0->den[s], lang));
		else
			html_fmt(&r->out, "<td class=\"num\">—<br><small>%s / 0"
			    "</small></td>", numfmt_int(a, r0->num[s], lang));
	}
	html_lit(&r->out, "</tr>");
}

static void
respond_html(struct req *r, const struct unit *u, const struct period *y,
    size_t nschools, const struct stat_ind *ind, size_t nind)
{
	struct period *ys = NULL;
	size_t ny = 0, i, g;
	char label[64], today[11];
	int s;
	bool shown = false;

	date_today(today);
	(void)period_list(r->db, PERIOD_SCHOOL_YEAR, today, &ys, &ny);
	page_begin(r, L(r, "Thống kê từ sổ theo dõi", "Register statistics"));
	html_fmt(&r->out, "<hgroup><h1>%s</h1><p><a href=\"/units/%I\">%s</a> · "
	    "%s %s · %I %s</p></hgroup>", L(r, "Thống kê từ sổ theo dõi trẻ em",
	    "Statistics from the child register"), u->id, u->name,
	    L(r, "năm học", "school year"), y->code, (int64_t)nschools,
	    L(r, "trường", nschools == 1 ? "school" : "schools"));
	html_fmt(&r->out, "<form method=\"get\" action=\"/units/%I/register/"
	    "stats\"><label>%s <select name=\"year\" onchange=\"this.form."
	    "submit()\">", u->id, L(r, "Năm học", "School year"));
	for (i = 0; i < ny; i++)
		html_fmt(&r->out, "<option%s>%s</option>", strcmp(ys[i].code,
		    y->code) == 0 ? " selected" : "", ys[i].code);
	html_fmt(&r->out, "</select></label> <a href=\"/api/units/%I/register/"
	    "stats?year=%s\">JSON</a></form><p><small>%s</small></p>", u->id,
	    y->code, L(r, "Tính từ sổ theo dõi của từng trường; của đơn vị là "
	    "tổng các trường trực thuộc. Kinh = tổng − dân tộc thiểu số. Mỗi ô: "
	    "tỷ lệ, rồi tử số / mẫu số.", "Computed from each school's register; "
	    "an office's figures are the sums of its schools. Kinh = total − "
	    "minority. Each cell: the rate, then numerator / denominator."));
	free(ys);
	for (i = 0; i < nind; i++) {
		const struct stat_ind *d = &ind[i];

		if (!d->g[GRADES - 1].any)
			continue;
		shown = true;
		html_fmt(&r->out, "<h2 id=\"%s\">%s</h2><table class=\"compact\" "
		    "id=\"stat-%s\"><thead><tr><th></th>", d->code, L(r,
		    d->name_vi, d->name_en), d->code);
		for (s = 0; s < S__MAX; s++)
			html_fmt(&r->out, "<th>%s</th>", L(r, split_vi[s],
			    split_en[s]));
		html_lit(&r->out, "</tr></thead><tbody>");
		row_html(r, L(r, "Cả cấp", "The level"), &d->g[GRADES - 1]);
		for (g = 0; g + 1 < GRADES; g++) {
			if (!d->g[g].any)
				continue;
			snprintf(label, sizeof(label), "%s %d", L(r, "Lớp",
			    "Grade"), slot_grade(g));
			row_html(r, label, &d->g[g]);
		}
		html_lit(&r->out, "</tbody></table>");
	}
	if (!shown)
		html_fmt(&r->out, "<p>%s</p>", L(r, "Chưa có số liệu tính từ sổ "
		    "cho năm học này.", "No values computed from the register "
		    "for this school year."));
	page_end(r);
	resp_html(r, 200);
}

void
regstat_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *u;
	struct period y;
	struct stat_ind *ind = NULL;
	int64_t *schools = NULL;
	size_t nschools = 0, nind = 0;
	const char *year = req_query(r, "year");
	bool *seen = NULL;

	if (t == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return;
	}
	if (r->user.role == ROLE_TEACHER) {
		resp_error(r, ERR_FORBIDDEN, "Giáo viên chỉ xem thông tin nhạy "
		    "cảm của lớp mình, không xem thống kê của trường.", "A "
		    "teacher sees sensitive fields of the own class only, not "
		    "the school's statistics.");
		goto out;
	}
	if (!unit_check_scope(r, t, r->params[0]))
		goto out;
	u = unit_get(t, r->params[0]);
	if (year != NULL && year[0] != '\0') {
		if (period_get_by_code(r->db, year, &y) != ERR_OK ||
		    y.type != PERIOD_SCHOOL_YEAR) {
			resp_error(r, ERR_INVALID, "Năm học: không có trong danh "
			    "mục năm học.", "School year: not in the list of "
			    "school years.");
			goto out;
		}
	} else if (!reg_current_year(r, &y)) {
		resp_error(r, ERR_DB, "Không đọc được danh mục năm học.",
		    "The school years cannot be read.");
		goto out;
	}
	seen = xcalloc(t->n + 1, sizeof(*seen));
	schools_below(t, unit_index(t, u->id), y.ref_on, seen, &schools,
	    &nschools);
	if (load(r->db, schools, nschools, y.id, &ind, &nind) != ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	if (r->wants_json)
		respond_json(r, u, &y, nschools, ind, nind);
	else
		respond_html(r, u, &y, nschools, ind, nind);
out:
	free(seen);
	free(schools);
	free(ind);
	unit_tree_put(r->app, t);
}
