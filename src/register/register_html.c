/*
 * register_html.c -- small HTML pieces the register's pages share: code
 * names, selects, field messages, the error page of a refused change.
 */
#include <stdio.h>
#include <string.h>

#include "http/req.h"
#include "register/register_int.h"
#include "render/html.h"
#include "render/layout.h"

const char *
reg_name(const struct req *r, const struct reg_code *c)
{
	return L(r, c->vi, c->en);
}

const char *
reg_unit_name(const struct req *r, const struct unit *u)
{
	return r->lang == LANG_EN && u->name_en[0] ? u->name_en : u->name;
}

void
reg_select(struct req *r, const char *name, const struct reg_code *t, int n,
    int selected, const char *blank)
{
	int i;

	html_fmt(&r->out, "<select name=\"%s\" id=\"f-%s\">", name, name);
	if (blank != NULL)
		html_fmt(&r->out, "<option value=\"\">%s</option>", blank);
	for (i = 0; i < n; i++)
		html_fmt(&r->out, "<option value=\"%s\"%s>%s</option>",
		    t[i].code, i == selected ? " selected" : "",
		    reg_name(r, &t[i]));
	html_lit(&r->out, "</select>");
}

void
reg_field_error(struct req *r, const struct form_errors *errs,
    const char *name)
{
	const char *m;

	if (errs != NULL && (m = form_error_for(r, errs, name)) != NULL)
		html_fmt(&r->out, "<small class=\"field-error\">%s</small>", m);
}

void
reg_errors_page(struct req *r, const struct form_errors *errs,
    const char *back)
{
	buf_reset(&r->out);
	if (r->wants_json) {
		form_errors_respond(r, errs);
		return;
	}
	page_begin(r, L(r, "Dữ liệu không hợp lệ", "Invalid data"));
	form_errors_html(r, errs);
	html_fmt(&r->out, "<p><a href=\"%s\">%s</a></p>", back,
	    L(r, "Quay lại", "Go back"));
	page_end(r);
	resp_html(r, 400);
}

void
reg_fail(struct req *r, enum err e)
{
	if (e == ERR_CONFLICT)
		resp_error(r, e, "Không lưu được: số định danh cá nhân hoặc mã "
		    "định danh ngành đã thuộc về trẻ khác, hoặc trẻ đã có tên "
		    "ở một lớp trong năm học này.", "Not saved: the personal "
		    "ID number or the learner code already belongs to another "
		    "child, or the child is already in a class this school "
		    "year.");
	else if (e == ERR_NOTFOUND)
		resp_error(r, e, "Không có mục này.", "No such item.");
	else
		resp_error(r, ERR_DB, "Không lưu được (lỗi cơ sở dữ liệu).",
		    "Not saved (database error).");
}
