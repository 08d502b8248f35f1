/*
 * route.c -- match a request to routes[], authenticate, authorise, run.
 */
#include <string.h>

#include "app.h"
#include "auth/session.h"
#include "core/strutil.h"
#include "http/route.h"

bool
route_match(const char *pattern, const char *path, int64_t *params,
    int *nparams)
{
	const char *p = pattern, *s = path;

	*nparams = 0;
	while (*p && *s) {
		if (str_has_prefix(p, "{id}")) {
			char num[20];
			size_t n = 0;

			while (s[n] >= '0' && s[n] <= '9' && n < sizeof(num) - 1)
				n++;
			if (n == 0 || (s[n] != '/' && s[n] != '\0') ||
			    *nparams == REQ_MAX_PARAMS)
				return false;
			memcpy(num, s, n);
			num[n] = '\0';
			if (!str_to_int64(num, &params[*nparams]))
				return false;
			(*nparams)++;
			p += 4;
			s += n;
			continue;
		}
		if (*p == '*')	/* rest of the path */
			return true;
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	return *p == *s || (*p == '*' && *s == '\0');
}

/* Pick the language: the lang cookie, else the user's setting, else vi. */
static void
choose_lang(struct req *r)
{
	const char *c = req_cookie(r, "lang");

	if (c != NULL && strcmp(c, "en") == 0)
		r->lang = LANG_EN;
	else if (c != NULL && strcmp(c, "vi") == 0)
		r->lang = LANG_VI;
	else
		r->lang = r->authed ? r->user.lang : LANG_VI;
}

static bool
csrf_ok(const struct req *r)
{
	const char *t = req_form(r, "csrf");

	if (t == NULL)
		t = req_header(r, "X-CSRF-Token");
	return t != NULL && r->csrf[0] != '\0' && session_token_eq(t, r->csrf);
}

void
route_dispatch(struct req *r)
{
	const struct route *rt, *match = NULL;
	bool path_known = false;
	const char *tok;

	r->wants_json = str_has_prefix(r->path, "/api/");
	if ((tok = req_cookie(r, "vitre_session")) != NULL)
		session_load(r, tok);
	choose_lang(r);

	for (rt = routes; rt->pattern != NULL; rt++) {
		if (!route_match(rt->pattern, r->path, r->params, &r->nparams))
			continue;
		path_known = true;
		if (rt->method == r->method) {
			match = rt;
			break;
		}
	}
	if (match == NULL) {
		if (path_known) {
			resp_header(r, "Allow", r->method == METHOD_GET ?
			    "POST" : "GET");
			resp_error(r, ERR_INVALID, "Phương thức không được hỗ trợ.",
			    "Method not allowed.");
			r->status = 405;
		} else
			resp_error(r, ERR_NOTFOUND, "Không tìm thấy trang.",
			    "Page not found.");
		return;
	}
	if (match->flags & ROUTE_API)
		r->wants_json = true;
	if (!(match->flags & ROUTE_PUBLIC)) {
		if (!r->authed) {
			if (r->wants_json) {
				resp_error(r, ERR_FORBIDDEN, "Cần đăng nhập.",
				    "Sign-in required.");
				r->status = 401;
			} else
				resp_redirect(r, "/login");
			return;
		}
		if (!role_can(r->user.role, match->perm)) {
			resp_error(r, ERR_FORBIDDEN,
			    "Vai trò của bạn không được phép làm việc này.",
			    "Your role is not allowed to do this.");
			return;
		}
	}
	if (r->body_too_big) {
		resp_error(r, ERR_INVALID, "Dữ liệu gửi lên quá lớn.",
		    "The request body is too large.");
		r->status = 413;
		return;
	}
	if (r->body_bad) {
		resp_error(r, ERR_INVALID, "Dữ liệu gửi lên (multipart) không "
		    "đúng định dạng.", "The uploaded form data (multipart) is "
		    "malformed.");
		return;
	}
	if (r->method == METHOD_POST && !(match->flags & ROUTE_NO_CSRF) &&
	    !csrf_ok(r)) {
		resp_error(r, ERR_FORBIDDEN,
		    "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ (CSRF). "
		    "Hãy tải lại trang và thử lại.",
		    "The session expired or the form is not valid (CSRF). "
		    "Reload the page and try again.");
		return;
	}
	match->fn(r);
}
