/*
 * casefile_stats.c -- statistics of protection cases that never identify
 * a child: the number of abused children (TT 13/2021 indicator 0101:
 * cases whose initial assessment found the child abused) of a unit and
 * everything below it, in a period, by sex, age group, form and setting
 * of the abuse, and by the units directly below.  Counts below 5 are
 * shown as "< 5" (cases/casefile.h: casefile_suppress), there are no
 * links to cases and no names, and nothing here needs the case key.
 *
 * A case counts for a unit when its school is in the unit's scope through
 * any link at any time.  A child of the register counts once, through the
 * keyed tag of its id (cases/crypt.h: casekey_tag), which names nobody;
 * a child given as free text is one child per case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "cases/casefile_http.h"
#include "cases/casefile_int.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "http/req.h"
#include "indicators/period.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"
#include "units/unit_http.h"

#define MAX_BELOW 400

/* One abused child, as far as statistics may know it. */
struct statrow {
	int64_t	 unit_id;
	int	 sex, age_group, form, place;
	bool	 demo;
};

static void
cell(struct req *r, int64_t n, enum casefile_cell c)
{
	switch (c) {
	case CELL_SMALL:
		html_lit(&r->out, "<td class=\"num\">&lt; 5</td>");
		break;
	case CELL_HIDDEN:
		html_lit(&r->out, "<td class=\"num\">x</td>");
		break;
	default:
		html_fmt(&r->out, "<td class=\"num\">%I</td>", n);
	}
}

/* A table of one dimension: names[i] and counts[i], with the total. */
static void
dimension(struct req *r, const char *title, const char *const *names,
    const int64_t *counts, size_t n)
{
	enum casefile_cell *c = xcalloc(n + 1, sizeof(*c));
	int64_t total = 0;
	size_t i;

	casefile_suppress(counts, n, c);
	for (i = 0; i < n; i++)
		total += counts[i];
	html_fmt(&r->out, "<h2>%s</h2><table class=\"compact stats\"><tbody>",
	    title);
	for (i = 0; i < n; i++) {
		html_fmt(&r->out, "<tr><th scope=\"row\">%s</th>", names[i]);
		cell(r, counts[i], c[i]);
		html_lit(&r->out, "</tr>");
	}
	html_fmt(&r->out, "<tr class=\"total\"><th scope=\"row\">%s</th>",
	    L(r, "Tổng", "Total"));
	cell(r, total, total < CASEFILE_MIN_CELL ? CELL_SMALL : CELL_SHOWN);
	html_lit(&r->out, "</tr></tbody></table>");
	free(c);
}

/* A code table's names in the request's language, plus "unknown". */
static size_t
names_of(struct req *r, const struct casefile_code *t, const char **out,
    bool unknown)
{
	size_t n;

	for (n = 0; t[n].code != NULL; n++)
		out[n] = L(r, t[n].vi, t[n].en);
	if (unknown)
		out[n++] = L(r, "Không rõ", "Unknown");
	return n;
}

/*
 * The abused children whose case came in during the period: one row per
 * free-text child, and per register child its first case of the period.
 */
static enum err
load_rows(struct db *db, const struct period *p, struct statrow **out,
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT c.unit_id, c.child_sex,"
	    " c.child_age, c.abuse_form, c.setting, c.is_demo FROM casefile c"
	    " WHERE c.finding = 'abused' AND c.received_at >= ?"
	    " AND c.received_at < ? AND (c.child_tag IS NULL"
	    " OR c.id = (SELECT MIN(d.id) FROM casefile d"
	    " WHERE d.child_tag = c.child_tag AND d.finding = 'abused'"
	    " AND d.received_at >= ? AND d.received_at < ?))");
	int64_t from, to;
	size_t cap = 0;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	if (!casefmt_parse_when(p->start_on, NULL, &from) ||
	    !casefmt_parse_when(p->end_on, NULL, &to))
		return ERR_INVALID;
	to += 86400;	/* end_on is inclusive; Vietnam has no DST */
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, to);
	db_bind_int(st, 3, from);
	db_bind_int(st, 4, to);
	while ((rc = db_step(st)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		(*out)[*n].unit_id = db_col_int(st, 0);
		(*out)[*n].sex = casefile_code_index(casefile_sexes,
		    db_col_text(st, 1));
		(*out)[*n].age_group = casefile_age_group(db_col_null(st, 2) ?
		    -1 : (int)db_col_int(st, 2));
		(*out)[*n].form = casefile_code_index(casefile_forms,
		    db_col_text(st, 3));
		(*out)[*n].place = casefile_code_index(casefile_places,
		    db_col_text(st, 4));
		(*out)[*n].demo = db_col_int(st, 5) != 0;
		(*n)++;
	}
	db_done(st);
	return rc == DB_FAIL ? ERR_DB : ERR_OK;
}

/* ---- Indicator 0101 as computed aggregate values ---- */

/* The counts of one school. */
struct schoolsum {
	int64_t	 unit_id;
	int64_t	 total, m, f;
	bool	 demo;		/* every case counted is demo data */
};

static enum err
put_row(struct db *db, int64_t ind, int64_t period,
    const struct schoolsum *s)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO agg_value (unit_id,"
	    " indicator_id, period_id, num_total, num_m, num_f, den_total,"
	    " den_m, den_f, locked, entered_by, entered_at, is_demo, computed)"
	    " VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, 0, NULL, ?, ?, 1)"
	    " ON CONFLICT (unit_id, indicator_id, period_id) DO UPDATE SET"
	    " num_total = excluded.num_total, num_m = excluded.num_m,"
	    " num_f = excluded.num_f, entered_at = excluded.entered_at,"
	    " is_demo = excluded.is_demo"
	    " WHERE agg_value.computed = 1 AND agg_value.locked = 0");

	db_bind_int(st, 1, s->unit_id);
	db_bind_int(st, 2, ind);
	db_bind_int(st, 3, period);
	db_bind_int(st, 4, s->total);
	db_bind_int(st, 5, s->m);
	db_bind_int(st, 6, s->f);
	db_bind_int(st, 7, (int64_t)time(NULL));
	db_bind_int(st, 8, s->demo);
	return db_run(st);
}

enum err
casefile_stats_put(struct db *db, const char *year)
{
	struct statrow *rows = NULL;
	struct schoolsum *sums = NULL;
	struct db_stmt *st;
	struct period p;
	size_t n = 0, ns = 0, i, k;
	int64_t ind;
	enum err e;

	st = db_stmt(db, "SELECT id FROM indicator WHERE code = ?");
	db_bind_text(st, 1, CASEFILE_INDICATOR);
	if ((e = db_one_int(st, &ind)) == ERR_NOTFOUND)
		return ERR_OK;	/* a catalogue without it */
	if (e != ERR_OK)
		return e;
	if ((e = period_get_by_code(db, year, &p)) == ERR_NOTFOUND ||
	    (e == ERR_OK && p.type != PERIOD_YEAR))
		return ERR_OK;
	if (e != ERR_OK || (e = load_rows(db, &p, &rows, &n)) != ERR_OK)
		goto out;
	sums = xcalloc(n + 1, sizeof(*sums));
	for (i = 0; i < n; i++) {
		for (k = 0; k < ns && sums[k].unit_id != rows[i].unit_id; k++)
			;
		if (k == ns) {
			sums[ns].unit_id = rows[i].unit_id;
			sums[ns++].demo = true;
		}
		sums[k].total++;
		sums[k].m += rows[i].sex == 0;
		sums[k].f += rows[i].sex == 1;
		sums[k].demo = sums[k].demo && rows[i].demo;
	}
	st = db_stmt(db, "DELETE FROM agg_value WHERE indicator_id = ?"
	    " AND period_id = ? AND computed = 1 AND locked = 0");
	db_bind_int(st, 1, ind);
	db_bind_int(st, 2, p.id);
	if ((e = db_run(st)) != ERR_OK)
		goto out;
	for (k = 0; k < ns && e == ERR_OK; k++)
		e = put_row(db, ind, p.id, &sums[k]);
	if (e == ERR_OK)
		e = db_bump_generation(db);
out:
	free(rows);
	free(sums);
	return e;
}

enum err
casefile_stats_put_case(struct db *db, int64_t received_at)
{
	char day[11], year[5];

	casefile_date_of(received_at, day);
	snprintf(year, sizeof(year), "%.4s", day);
	return casefile_stats_put(db, year);
}

static void
period_select(struct req *r, const char *sel)
{
	static const enum period_type types[] = { PERIOD_YEAR,
	    PERIOD_HALF_YEAR, PERIOD_SCHOOL_YEAR };
	char today[11], label[96];
	size_t k, i, n;

	date_today(today);
	html_fmt(&r->out, "<label>%s<select name=\"period\">",
	    L(r, "Kỳ", "Period"));
	for (k = 0; k < sizeof(types) / sizeof(types[0]); k++) {
		struct period *p = NULL;

		if (period_list(r->db, types[k], today, &p, &n) != ERR_OK)
			continue;
		for (i = 0; i < n && i < 12; i++) {
			period_label(&p[i], r->lang == LANG_EN, label,
			    sizeof(label));
			html_fmt(&r->out, "<option value=\"%s\"%s>%s</option>",
			    p[i].code, strcmp(p[i].code, sel) == 0 ?
			    " selected" : "", label);
		}
		free(p);
	}
	html_lit(&r->out, "</select></label>");
}

void
casefile_stats_page(struct req *r)
{
	struct buf *o = &r->out;
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const char *qp = req_query(r, "period"), *qu = req_query(r, "unit");
	const char *names[16], *below_names[MAX_BELOW];
	int64_t counts[16], below_counts[MAX_BELOW], unit_id = r->user.unit_id;
	size_t below[MAX_BELOW], nbelow = 0, n = 0, i, k, nn;
	struct statrow *rows = NULL;
	struct period p;
	char code[16], label[96];
	const struct unit *u;

	if (t == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return;
	}
	if (!str_empty(qu) && !str_to_int_range(qu, 1, INT64_MAX, &unit_id)) {
		resp_error(r, ERR_INVALID, "Đơn vị: phải là mã số của một đơn vị.",
		    "Unit: must be the id number of a unit.");
		goto out;
	}
	if (!unit_check_scope(r, t, unit_id))
		goto out;
	date_today(label);
	snprintf(code, sizeof(code), "%.4s", label);
	if (!str_empty(qp))
		snprintf(code, sizeof(code), "%s", qp);
	if (period_get_by_code(r->db, code, &p) != ERR_OK) {
		resp_error(r, ERR_INVALID, "Kỳ: không có kỳ báo cáo này.",
		    "Period: there is no such reporting period.");
		goto out;
	}
	if (load_rows(r->db, &p, &rows, &n) != ERR_OK) {
		resp_error(r, ERR_DB, "Không đọc được số liệu.",
		    "The figures cannot be read.");
		goto out;
	}
	/* Keep the children in the unit's scope. */
	for (i = k = 0; i < n; i++)
		if (unit_in_scope(t, unit_id, rows[i].unit_id))
			rows[k++] = rows[i];
	n = k;

	u = unit_get(t, unit_id);
	period_label(&p, r->lang == LANG_EN, label, sizeof(label));
	page_begin(r, L(r, "Thống kê trẻ em bị xâm hại",
	    "Statistics of abused children"));
	html_fmt(o, "<p><a href=\"/cases\">%s</a></p><h1>%s</h1><p>%s — %s. "
	    "%s</p>", L(r, "← Bảo vệ trẻ em", "← Child protection"),
	    L(r, "Số trẻ em bị xâm hại (TT 13/2021, chỉ tiêu 0101)",
	    "Abused children (TT 13/2021, indicator 0101)"),
	    unit_display_name(u, r->lang == LANG_EN), label,
	    L(r, "Số dưới 5 hiện là «< 5»; «x» là ô được ẩn để không suy ra "
	    "được ô khác. Không có tên, không xem được từng hồ sơ.",
	    "Counts below 5 show as \"< 5\"; \"x\" is hidden so that no other "
	    "cell can be worked out. No names, no way to single out a case."));
	html_fmt(o, "<form method=\"get\" action=\"/cases/stats\" "
	    "class=\"grid\"><input type=\"hidden\" name=\"unit\" value=\"%I\">",
	    unit_id);
	period_select(r, p.code);
	html_fmt(o, "<button type=\"submit\">%s</button></form>",
	    L(r, "Xem", "Show"));

	memset(counts, 0, sizeof(counts));
	nn = names_of(r, casefile_sexes, names, false);
	for (i = 0; i < n; i++)
		if (rows[i].sex >= 0)
			counts[rows[i].sex]++;
	dimension(r, L(r, "Theo giới tính", "By sex"), names, counts, nn);

	memset(counts, 0, sizeof(counts));
	nn = names_of(r, casefile_age_groups, names, true);
	for (i = 0; i < n; i++)
		counts[rows[i].age_group >= 0 ? (size_t)rows[i].age_group :
		    nn - 1]++;
	dimension(r, L(r, "Theo nhóm tuổi", "By age group"), names, counts,
	    nn);

	memset(counts, 0, sizeof(counts));
	nn = names_of(r, casefile_forms, names, false);
	for (i = 0; i < n; i++)
		if (rows[i].form >= 0)
			counts[rows[i].form]++;
	dimension(r, L(r, "Theo hình thức xâm hại", "By form of abuse"),
	    names, counts, nn);

	memset(counts, 0, sizeof(counts));
	nn = names_of(r, casefile_places, names, false);
	for (i = 0; i < n; i++)
		if (rows[i].place >= 0)
			counts[rows[i].place]++;
	dimension(r, L(r, "Theo môi trường xâm hại", "By setting"), names,
	    counts, nn);

	nbelow = unit_children(t, unit_index(t, unit_id), LINK_ANY, NULL,
	    below, MAX_BELOW);
	if (nbelow > MAX_BELOW)
		nbelow = MAX_BELOW;
	if (nbelow > 0) {
		for (k = 0; k < nbelow; k++) {
			below_names[k] = unit_display_name(&t->u[below[k]],
			    r->lang == LANG_EN);
			below_counts[k] = 0;
			for (i = 0; i < n; i++)
				if (unit_in_scope(t, t->u[below[k]].id,
				    rows[i].unit_id))
					below_counts[k]++;
		}
		dimension(r, L(r, "Theo đơn vị trực thuộc", "By unit below"),
		    below_names, below_counts, nbelow);
	}
	page_end(r);
	resp_html(r, 200);
out:
	free(rows);
	unit_tree_put(r->app, t);
}
