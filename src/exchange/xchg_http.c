/*
 * xchg_http.c -- the exchange page of a unit (see xchg_http.h).
 *
 * Every handler first checks that the unit is in the user's scope (403).
 * An import may only name the unit of the page and the units below it;
 * the file is checked whole and written only when it has no problem:
 * otherwise the page lists every problem (403 when one is a unit outside
 * the scope, else 400) and nothing changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "exchange/exchange.h"
#include "exchange/xchg_http.h"
#include "http/multipart.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"
#include "units/unit_http.h"

/* The unit of the page, in scope; NULL (answered) otherwise. */
static const struct unit *
page_unit(struct req *r, const struct unit_tree *t)
{
	if (t == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return NULL;
	}
	if (!unit_check_scope(r, t, r->params[0]))
		return NULL;
	return unit_get(t, r->params[0]);
}

static void
period_options(struct req *r)
{
	struct period *p;
	char today[11], label[96];
	size_t n, i, t;

	date_today(today);
	for (t = 0; t < PERIOD__MAX; t++) {
		if (period_list(r->db, (enum period_type)t, today, &p, &n) !=
		    ERR_OK)
			continue;
		for (i = 0; i < n && i < 12; i++) {
			period_label(&p[i], r->lang == LANG_EN, label,
			    sizeof(label));
			html_fmt(&r->out, "<option value=\"%s\">%s</option>",
			    p[i].code, label);
		}
		free(p);
	}
}

void
xchg_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *u;

	if ((u = page_unit(r, t)) == NULL)
		goto out;
	page_begin(r, L(r, "Trao đổi số liệu", "Data exchange"));
	html_fmt(&r->out, "<hgroup><h1>%s</h1><p><a href=\"/units/%I\">%s</a>"
	    "</p></hgroup>", L(r, "Trao đổi số liệu (ADX, DHIS2)",
	    "Data exchange (ADX, DHIS2)"), u->id, unit_display_name(u,
	    r->lang));
	html_fmt(&r->out, "<section><h2>%s</h2><form method=\"get\" "
	    "action=\"/units/%I/exchange/export\"><label>%s <select "
	    "name=\"period\">", L(r, "Xuất số liệu", "Export values"), u->id,
	    L(r, "Kỳ báo cáo", "Period"));
	period_options(r);
	html_fmt(&r->out, "</select></label><label>%s <select name=\"format\">"
	    "<option value=\"adx\">ADX (XML)</option><option value=\"dhis2\">"
	    "DHIS2 dataValueSet (JSON)</option></select></label><label>"
	    "<input type=\"checkbox\" name=\"sub\" value=\"1\"> %s</label>"
	    "<button type=\"submit\">%s</button></form></section>",
	    L(r, "Định dạng", "Format"), L(r, "Gồm cả các đơn vị trực thuộc",
	    "Include the units below"), L(r, "Tải về", "Download"));
	if (role_can(r->user.role, PERM_VALUE_ENTER)) {
		html_fmt(&r->out, "<section><h2>%s</h2><p>%s</p><form "
		    "method=\"post\" action=\"/units/%I/exchange/import\" "
		    "enctype=\"multipart/form-data\">", L(r, "Nhập số liệu",
		    "Import values"), L(r, "Tệp ADX (.xml) hoặc DHIS2 (.json) "
		    "của đơn vị này hoặc các đơn vị trực thuộc. Tệp được kiểm "
		    "tra toàn bộ; có lỗi thì không ghi gì.", "An ADX (.xml) or "
		    "DHIS2 (.json) file of this unit or the units below it. The "
		    "whole file is checked; with any problem nothing is "
		    "written."), u->id);
		html_csrf_input(r);
		html_fmt(&r->out, "<label>%s <input type=\"file\" name=\"file\" "
		    "accept=\".xml,.json,application/xml,application/json\" "
		    "required></label><button type=\"submit\">%s</button>"
		    "</form></section>", L(r, "Tệp", "File"),
		    L(r, "Nhập", "Import"));
	}
	page_end(r);
	resp_html(r, 200);
out:
	unit_tree_put(r->app, t);
}

void
xchg_export_get(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct unit *u;
	struct xchg_export_opts o;
	struct period p;
	struct buf data = BUF_INIT;
	const char *sub = req_query(r, "sub");
	char name[200], v[240];
	size_t n;

	memset(&o, 0, sizeof(o));
	if ((u = page_unit(r, t)) == NULL)
		goto out;
	if (str_empty(req_query(r, "period")) || period_get_by_code(r->db,
	    req_query(r, "period"), &p) != ERR_OK) {
		resp_error(r, ERR_INVALID, "Kỳ báo cáo: không có trong danh mục "
		    "(viết 2024-2025, 2024 hoặc 2024S1).", "Period: not in the "
		    "list of periods (write 2024-2025, 2024 or 2024S1).");
		goto out;
	}
	if (!xchg_format_from_code(req_query(r, "format"), &o.fmt)) {
		resp_error(r, ERR_INVALID, "Định dạng: adx hoặc dhis2.",
		    "Format: adx or dhis2.");
		goto out;
	}
	o.unit_id = u->id;
	o.per = &p;
	o.subunits = sub != NULL && strcmp(sub, "1") == 0;
	if (xchg_export(r->db, t, &o, &data, &n) != ERR_OK) {
		resp_error(r, ERR_DB, "Không xuất được số liệu.",
		    "The values cannot be exported.");
		goto out;
	}
	snprintf(name, sizeof(name), "vitre-%s-%s.%s", u->code, p.code,
	    o.fmt == XCHG_ADX ? "xml" : "json");
	snprintf(v, sizeof(v), "attachment; filename=\"%s\"", name);
	resp_header(r, "Content-Disposition", v);
	r->ctype = o.fmt == XCHG_ADX ? "application/xml; charset=utf-8" :
	    "application/json";
	buf_reset(&r->out);
	buf_add(&r->out, data.data, data.len);
out:
	buf_release(&data);
	unit_tree_put(r->app, t);
}

/* The page listing every problem of a file. */
static void
problems_page(struct req *r, const struct unit *u, const struct xchg_data *d)
{
	size_t i;

	page_begin(r, L(r, "Nhập số liệu: có lỗi", "Import: problems"));
	html_fmt(&r->out, "<h1>%s</h1><p>%s</p><ul class=\"errors\">",
	    L(r, "Tệp có lỗi, không ghi gì", "The file has problems; nothing "
	    "was written"), L(r, "Sửa các lỗi sau rồi nhập lại.",
	    "Correct these problems and import the file again."));
	for (i = 0; i < d->npr; i++)
		html_fmt(&r->out, "<li>%s</li>", L(r, d->pr[i].vi,
		    d->pr[i].en));
	if (d->nproblems > d->npr)
		html_fmt(&r->out, "<li>… (%I)</li>", (int64_t)d->nproblems);
	html_fmt(&r->out, "</ul><p><a href=\"/units/%I/exchange\">%s</a></p>",
	    u->id, L(r, "Quay lại", "Back"));
	page_end(r);
	resp_html(r, d->nscope > 0 ? 403 : 400);
}

void
xchg_import_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const struct upload *f;
	const struct unit *u;
	struct xchg_import im;
	struct xchg_data d;
	enum xchg_format fmt;
	enum err e;

	xchg_data_init(&d, XCHG_ADX);
	if ((u = page_unit(r, t)) == NULL)
		goto out;
	f = req_file(r, "file");
	if (f == NULL || f->len == 0) {
		resp_error(r, ERR_INVALID, "Tệp: cần chọn một tệp ADX hoặc "
		    "DHIS2.", "File: choose an ADX or DHIS2 file.");
		goto out;
	}
	if (!xchg_format_sniff(f->data, f->len, &fmt)) {
		resp_error(r, ERR_INVALID, "Tệp: không phải ADX (XML) hay DHIS2 "
		    "dataValueSet (JSON).", "File: neither ADX (XML) nor a DHIS2 "
		    "dataValueSet (JSON).");
		goto out;
	}
	xchg_data_init(&d, fmt);
	xchg_read(f->data, f->len, &d);
	memset(&im, 0, sizeof(im));
	im.db = r->db;
	im.t = t;
	im.scope = u->id;
	im.user_id = r->user.id;
	im.write = true;
	im.name = f->filename;
	e = xchg_import_run(&im, &d);
	if (e == ERR_INVALID) {
		problems_page(r, u, &d);
		goto out;
	}
	if (e == ERR_CONFLICT) {
		resp_error(r, ERR_CONFLICT, "Một số liệu vừa bị khóa; không ghi "
		    "gì, hãy nhập lại.", "A value was locked meanwhile; nothing "
		    "was written, import again.");
		goto out;
	}
	if (e != ERR_OK) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu; không ghi gì.",
		    "Database error; nothing was written.");
		goto out;
	}
	page_begin(r, L(r, "Đã nhập số liệu", "Values imported"));
	html_fmt(&r->out, "<h1>%s</h1><p>%s: %I · %s: %I · %s: %I · %s: %I"
	    "</p><p><a href=\"/units/%I/exchange\">%s</a></p>",
	    L(r, "Đã nhập số liệu", "Values imported"),
	    L(r, "Đơn vị", "Units"), (int64_t)im.units,
	    L(r, "Giá trị mới", "New values"), (int64_t)im.created,
	    L(r, "Đã thay đổi", "Changed"), (int64_t)im.updated,
	    L(r, "Không đổi", "Unchanged"), (int64_t)im.unchanged,
	    u->id, L(r, "Quay lại", "Back"));
	page_end(r);
	resp_html(r, 200);
out:
	xchg_data_release(&d);
	unit_tree_put(r->app, t);
}
