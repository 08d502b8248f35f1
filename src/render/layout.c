/*
 * layout.c -- the page frame: <head>, top navigation, footer.
 */
#include "auth/role.h"
#include "http/req.h"
#include "notify/notify.h"
#include "render/html.h"
#include "render/layout.h"

/* Bumped when a vendored asset changes, so browsers refetch. */
#define ASSET_VERSION "1"

static void
nav(struct req *r)
{
	struct buf *o = &r->out;
	const char *back = r->path ? r->path : "/";
	int64_t unread;

	html_lit(o, "<nav class=\"container-fluid topnav\"><ul><li>"
	    "<a href=\"/\" class=\"brand\"><strong>vitre</strong></a>"
	    "</li></ul><ul>");
	if (r->authed) {
		html_fmt(o, "<li><a href=\"/units/%I/dashboard\">%s</a></li>",
		    r->user.unit_id, L(r, "Tổng quan", "Dashboard"));
		html_fmt(o, "<li><a href=\"/units\">%s</a></li>",
		    L(r, "Đơn vị", "Units"));
		html_fmt(o, "<li><a href=\"/plans\">%s</a></li>",
		    L(r, "Kế hoạch", "Plans"));
		html_fmt(o, "<li><a href=\"/indicators\">%s</a></li>",
		    L(r, "Chỉ số", "Indicators"));
		if (role_can(r->user.role, PERM_REGISTER_VIEW))
			html_fmt(o, "<li><a href=\"/register\">%s</a></li>",
			    L(r, "Sổ trẻ em", "Children"));
		if (role_can(r->user.role, PERM_REGISTER_VIEW))
			html_fmt(o, "<li><a href=\"/growth\">%s</a></li>",
			    L(r, "Cân đo", "Growth"));
		html_fmt(o, "<li><a href=\"/units/%I/activities\">%s</a></li>",
		    r->user.unit_id, L(r, "Hoạt động", "Activities"));
		if (role_can(r->user.role, PERM_COUNSEL))
			html_fmt(o, "<li><a href=\"/units/%I/counselling\">%s"
			    "</a></li>", r->user.unit_id,
			    L(r, "Tư vấn", "Counselling"));
		if (role_can(r->user.role, PERM_VALUE_ENTER))
			html_fmt(o, "<li><a href=\"/values\">%s</a></li>",
			    L(r, "Nhập số liệu", "Enter values"));
		if (role_can(r->user.role, PERM_USER_ADMIN))
			html_fmt(o, "<li><a href=\"/users\">%s</a></li>",
			    L(r, "Người dùng", "Users"));
		if (r->user.role != ROLE_ADMIN)
			html_fmt(o, "<li><a href=\"/cases\">%s</a></li>",
			    L(r, "Bảo vệ trẻ em", "Child protection"));
		if (role_can(r->user.role, PERM_MAIL_ADMIN))
			html_fmt(o, "<li><a href=\"/settings/mail\">%s</a></li>",
			    L(r, "Thư điện tử", "E-mail"));
		if (role_can(r->user.role, PERM_CASE_SETTINGS))
			html_fmt(o, "<li><a href=\"/cases/settings\">%s</a></li>",
			    L(r, "Thời hạn hồ sơ", "Case deadlines"));
		html_fmt(o, "<li><a href=\"/cases/new\" class=\"report-abuse\">"
		    "%s</a></li>", L(r, "Báo cáo nghi ngờ xâm hại",
		    "Report suspected abuse"));
		unread = r->db != NULL ? notify_unread(r->db, r->user.id) : 0;
		html_fmt(o, "<li><a href=\"/notifications\" class=\"notices\">"
		    "%s", L(r, "Thông báo", "Notifications"));
		if (unread > 0)
			html_fmt(o, " <span class=\"badge badge-notice\">%I</span>", unread);
		html_lit(o, "</a></li>");
	}
	if (r->lang == LANG_EN)
		html_fmt(o, "<li><a href=\"/lang?to=vi&amp;back=%s\" "
		    "lang=\"vi\">Tiếng Việt</a></li>", back);
	else
		html_fmt(o, "<li><a href=\"/lang?to=en&amp;back=%s\" "
		    "lang=\"en\">English</a></li>", back);
	if (r->authed) {
		html_fmt(o, "<li><details class=\"dropdown\"><summary>%s</summary>"
		    "<ul dir=\"rtl\"><li><small>%s</small></li>"
		    "<li><small>%s</small></li><li><a href=\"/account\">%s"
		    "</a></li><li><form method=\"post\" action=\"/logout\">",
		    r->user.username, r->user.full_name,
		    L(r, roles[r->user.role].name_vi,
		    roles[r->user.role].name_en), L(r, "Tài khoản của tôi",
		    "My account"));
		html_csrf_input(r);
		html_fmt(o, "<button type=\"submit\" class=\"secondary\">%s"
		    "</button></form></li></ul></details></li>",
		    L(r, "Đăng xuất", "Sign out"));
	}
	html_lit(o, "</ul></nav>");
}

void
page_begin(struct req *r, const char *title)
{
	struct buf *o = &r->out;

	if (r->htmx)
		return;
	html_fmt(o, "<!DOCTYPE html>\n<html lang=\"%s\" data-theme=\"light\">"
	    "<head><meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">"
	    "<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":"
	    "false}'>"
	    "<title>%s · vitre</title>"
	    "<link rel=\"icon\" href=\"/static/favicon.svg\" "
	    "type=\"image/svg+xml\">"
	    "<link rel=\"stylesheet\" href=\"/static/pico.min.css?v="
	    ASSET_VERSION "\">"
	    "<link rel=\"stylesheet\" href=\"/static/vitre.css?v="
	    ASSET_VERSION "\">"
	    "<script src=\"/static/htmx.min.js?v=" ASSET_VERSION "\" defer>"
	    "</script></head><body>", r->lang == LANG_EN ? "en" : "vi",
	    title);
	nav(r);
	html_lit(o, "<main class=\"container\">");
}

void
page_end(struct req *r)
{
	if (r->htmx)
		return;
	html_fmt(&r->out, "</main><footer class=\"container\"><small>"
	    "vitre — %s</small></footer></body></html>",
	    L(r, "vì trẻ em: kế hoạch, chỉ tiêu và báo cáo hành động vì trẻ em "
	    "của ngành giáo dục", "for children: the education sector's "
	    "Action for Children plans, targets and reports"));
}

void
html_csrf_input(struct req *r)
{
	html_fmt(&r->out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">",
	    r->csrf);
}
