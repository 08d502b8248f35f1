/*
 * casefile_http.c -- the case handlers that are not steps of the
 * procedure: the report (form 01) from any page, the lists of cases and
 * reports, one case (full for the people on it, status only for the
 * reporter), who looked at it, and the school's focal points.  The context
 * of a request on one case (key, access, audit) is here too.
 *
 * Every read and every write of a case appends to the case audit log in
 * the same transaction; every refused attempt on a case is logged too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "cases/casefile_http.h"
#include "cases/casefile_int.h"
#include "cases/crypt.h"
#include "core/strutil.h"
#include "db/db.h"
#include "http/form.h"
#include "http/req.h"
#include "notify/notify.h"
#include "render/html.h"
#include "register/child.h"
#include "register/register_db.h"
#include "render/layout.h"
#include "units/unit.h"

const struct casekey *
casectx_key(struct req *r)
{
	if (r->app->case_key_state == CASEKEY_OK && r->app->case_key != NULL)
		return r->app->case_key;
	resp_error(r, ERR_IO, casekey_state_msg((enum casekey_state)
	    r->app->case_key_state, false), casekey_state_msg(
	    (enum casekey_state)r->app->case_key_state, true));
	r->status = 503;
	return NULL;
}

void
casectx_who(struct req *r, struct caseaudit_who *w)
{
	w->user_id = r->user.id;
	w->username = r->user.username;
	w->ip = r->ip;
}

static bool
enough(enum casefile_access a, enum casectx_need need)
{
	switch (need) {
	case NEED_STATUS:
		return a != ACCESS_NONE;
	case NEED_WORK:
		return casefile_can_work(a);
	default:
		return a == ACCESS_PRINCIPAL;
	}
}

bool
casectx_open(struct req *r, int64_t id, enum casectx_need need,
    const char *what, struct casectx *c)
{
	enum err e;

	memset(c, 0, sizeof(*c));
	if ((c->key = casectx_key(r)) == NULL)
		return false;
	casectx_who(r, &c->who);
	if (db_begin(r->db) != ERR_OK) {
		resp_error(r, ERR_DB, "Cơ sở dữ liệu đang bận; hãy thử lại.",
		    "The database is busy; try again.");
		return false;
	}
	c->in_tx = true;
	if ((e = casefile_get(r->db, id, &c->cf)) != ERR_OK &&
	    e != ERR_NOTFOUND)
		goto fail;
	c->access = casefile_access_of(r->db, r->user.id, r->user.role,
	    r->user.unit_id, &c->cf);
	if (!enough(c->access, need)) {
		if (caseaudit_append(r->db, &c->who, "denied", id, what) !=
		    ERR_OK)
			goto fail;
		if (!casectx_commit(r, c))
			return false;
		resp_error(r, ERR_FORBIDDEN, "Bạn không được xem hoặc làm việc "
		    "với hồ sơ này (chỉ người được phân công, hiệu trưởng của "
		    "trường và cán bộ xã được chuyển gửi). Lần thử này đã được "
		    "ghi lại.", "You may not see or work on this case (only the "
		    "people assigned to it, the principal of the school and the "
		    "commune officer it was referred to may). This attempt is "
		    "logged.");
		return false;
	}
	if ((e = casefile_rules_load(r->db, &c->rules)) != ERR_OK)
		goto fail;
	return true;
fail:
	casectx_rollback(r, c);
	resp_error(r, ERR_DB, "Không đọc được hồ sơ.", "The case cannot be "
	    "read.");
	return false;
}

bool
casectx_commit(struct req *r, struct casectx *c)
{
	bool ok = true;

	if (c->in_tx && db_commit(r->db) != ERR_OK) {
		db_rollback(r->db);
		casectx_not_saved(r, ERR_DB);
		ok = false;
	}
	c->in_tx = false;
	return ok;
}

void
casectx_rollback(struct req *r, struct casectx *c)
{
	if (c->in_tx)
		db_rollback(r->db);
	c->in_tx = false;
}

void
casectx_not_saved(struct req *r, enum err e)
{
	resp_error(r, e == ERR_OK ? ERR_DB : e, "Không lưu được; không có gì "
	    "thay đổi.", "Could not save; nothing changed.");
}

void
casectx_unreadable(struct req *r)
{
	resp_error(r, ERR_IO, "Không giải mã được hồ sơ: dữ liệu đã bị thay "
	    "đổi hoặc được mã hóa bằng khóa khác. Hãy báo quản trị viên; không "
	    "hiển thị dữ liệu sai.", "The case cannot be decrypted: the data "
	    "was changed or encrypted with another key. Tell the "
	    "administrator; nothing unverified is shown.");
	r->status = 503;
}

/* casectx_notify() without a request (the escalation sweep). */
static enum err
notify_case(struct db *db, const struct casefile *cf, int64_t except,
    const char *vi, const char *en)
{
	int64_t *ids = NULL;
	size_t n = 0, i;
	char link[48];
	enum err e;

	snprintf(link, sizeof(link), "/cases/%lld", (long long)cf->id);
	if ((e = casefile_notice_list(db, cf->id, cf->unit_id, &ids,
	    &n)) == ERR_OK)
		for (i = 0; i < n && e == ERR_OK; i++)
			if (ids[i] != except)
				e = notify_add(db, ids[i], link, vi, en);
	free(ids);
	return e;
}

enum err
casectx_notify(struct req *r, const struct casectx *c, int64_t except,
    const char *vi, const char *en)
{
	return notify_case(r->db, &c->cf, except, vi, en);
}

void
casefmt_time(int64_t t, char out[24])
{
	casefile_local_time(t, "%d/%m/%Y %H:%M", out, 24);
}

void
casefmt_now(char today[11], char hhmm[6])
{
	int64_t now = (int64_t)time(NULL);

	casefile_date_of(now, today);
	casefile_local_time(now, "%H:%M", hhmm, 6);
}

void
casefmt_date(const char *d, char out[16])
{
	if (d == NULL || strlen(d) != 10) {
		snprintf(out, 16, "%s", d ? d : "");
		return;
	}
	snprintf(out, 16, "%.2s/%.2s/%.4s", d + 8, d + 5, d);
}

bool
casefmt_parse_when(const char *date, const char *hhmm, int64_t *out)
{
	struct tm tm;
	int64_t y, mo, d, h = 0, mi = 0;
	char part[5];

	if (!str_is_date(date))
		return false;
	if (!str_empty(hhmm)) {
		if (strlen(hhmm) != 5 || hhmm[2] != ':')
			return false;
		memcpy(part, hhmm, 2);
		part[2] = '\0';
		if (!str_to_int_range(part, 0, 23, &h))
			return false;
		memcpy(part, hhmm + 3, 2);
		if (!str_to_int_range(part, 0, 59, &mi))
			return false;
	}
	memcpy(part, date, 4);
	part[4] = '\0';
	(void)str_to_int64(part, &y);
	memcpy(part, date + 5, 2);
	part[2] = '\0';
	(void)str_to_int64(part, &mo);
	memcpy(part, date + 8, 2);
	(void)str_to_int64(part, &d);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = (int)y - 1900;
	tm.tm_mon = (int)mo - 1;
	tm.tm_mday = (int)d;
	tm.tm_hour = (int)h;
	tm.tm_min = (int)mi;
	tm.tm_isdst = -1;
	*out = (int64_t)mktime(&tm);
	return true;
}

int
casefile_form_choice(struct form_errors *errs, const struct field *f,
    const char *raw, const struct casefile_code *t)
{
	const char *codes[16];
	int i, k = -1;

	for (i = 0; t[i].code != NULL && i < 15; i++)
		codes[i] = t[i].code;
	codes[i] = NULL;
	return valid_choice(errs, f, raw, codes, &k) ? k : -1;
}

/* ---- The report: form 01 ---- */

static const struct field f_unit = { "unit_code", "Mã trường", "School code" };
static const struct field f_source = { "source", "Nguồn thông tin",
    "Source of the information" };
static const struct field f_on = { "received_on", "Ngày tiếp nhận",
    "Date received" };
static const struct field f_at = { "received_time", "Giờ tiếp nhận",
    "Time received" };
static const struct field f_name = { "child_name", "Họ tên trẻ em",
    "Child's name" };
static const struct field f_age = { "child_age", "Tuổi (ước lượng)",
    "Age (estimated)" };
static const struct field f_sex = { "child_sex", "Giới tính", "Sex" };
static const struct field f_place = { "place", "Địa điểm xảy ra vụ việc",
    "Where it happened" };
static const struct field f_setting = { "setting", "Môi trường xảy ra",
    "Setting" };
static const struct field f_form = { "abuse_form", "Hình thức xâm hại",
    "Form of abuse" };
static const struct field f_sexual = { "sexual_kind",
    "Hình thức xâm hại tình dục", "Kind of sexual abuse" };
static const struct field f_story = { "narrative", "Sự việc",
    "What happened" };
static const struct field f_iname = { "informant_name",
    "Họ tên người cung cấp thông tin", "Informant's name" };
static const struct field f_iphone = { "informant_phone",
    "Điện thoại người cung cấp thông tin", "Informant's telephone" };
static const struct field f_iaddr = { "informant_address",
    "Địa chỉ người cung cấp thông tin", "Informant's address" };
static const struct field f_child = { "child_id", "Trẻ trong sổ theo dõi",
    "Child in the register" };

/*
 * The register's child id for a report: the user's role reads the
 * register and the child's school is a school in the user's scope.  On
 * false errs (or, without errs, the answer 403) says why.
 */
static bool
register_child(struct req *r, const struct unit_tree *t, int64_t id,
    struct form_errors *errs, struct child *c)
{
	const struct unit *u;

	if (child_get(r->db, id, c) == ERR_OK &&
	    role_can(r->user.role, PERM_REGISTER_VIEW) && c->school_id > 0 &&
	    (u = unit_get(t, c->school_id)) != NULL &&
	    unit_kinds[u->kind].school &&
	    unit_in_scope(t, r->user.unit_id, c->school_id))
		return true;
	if (errs != NULL)
		form_error(errs, &f_child, "không có trẻ này trong sổ theo dõi "
		    "của trường bạn xem được.", "there is no such child in a "
		    "register you may read.");
	else
		resp_error(r, ERR_FORBIDDEN, "Không có trẻ này trong sổ theo dõi "
		    "của trường bạn xem được.", "There is no such child in a "
		    "register you may read.");
	return false;
}

/* The school a report from this user belongs to: their own if their
 * scope is a school, else NULL (they name it by its code). */
static const struct unit *
own_school(struct req *r, const struct unit_tree *t)
{
	const struct unit *u = unit_get(t, r->user.unit_id);

	return u != NULL && unit_kinds[u->kind].school ? u : NULL;
}

static void
choice_select(struct req *r, const char *name, const struct casefile_code *t,
    const char *sel, bool blank)
{
	int i;

	html_fmt(&r->out, "<select name=\"%s\" id=\"%s\">", name, name);
	if (blank)
		html_fmt(&r->out, "<option value=\"\">%s</option>",
		    L(r, "— chọn —", "— choose —"));
	for (i = 0; t[i].code != NULL; i++)
		html_fmt(&r->out, "<option value=\"%s\"%s>%s</option>",
		    t[i].code, sel && strcmp(sel, t[i].code) == 0 ?
		    " selected" : "", L(r, t[i].vi, t[i].en));
	html_lit(&r->out, "</select>");
}

static void
choice_radios(struct req *r, const char *name, const struct casefile_code *t,
    const char *sel)
{
	int i;

	for (i = 0; t[i].code != NULL; i++)
		html_fmt(&r->out, "<label class=\"inline\"><input type=\"radio\" "
		    "name=\"%s\" value=\"%s\"%s> %s</label>", name, t[i].code,
		    sel && strcmp(sel, t[i].code) == 0 ? " checked" : "",
		    L(r, t[i].vi, t[i].en));
}

/* A field's label, and its error beside it. */
static void
label(struct req *r, const struct field *f, const struct form_errors *errs)
{
	const char *msg = errs ? form_error_for(r, errs, f->name) : NULL;

	html_fmt(&r->out, "<span class=\"label\">%s</span>", L(r, f->label_vi,
	    f->label_en));
	if (msg != NULL)
		html_fmt(&r->out, "<small class=\"field-error\">%s</small>", msg);
}

static void
report_form(struct req *r, const struct unit_tree *t, const struct child *ch,
    const struct form_errors *errs, int status)
{
	struct buf *o = &r->out;
	const struct unit *school = ch != NULL ? unit_get(t, ch->school_id) :
	    own_school(r, t);
	char today[11], now[6];

	casefmt_now(today, now);
	buf_reset(o);
	page_begin(r, L(r, "Báo cáo nghi ngờ xâm hại trẻ em",
	    "Report a suspected abuse"));
	html_fmt(o, "<h1>%s</h1><p class=\"lead\">%s</p>",
	    L(r, "Báo cáo nghi ngờ xâm hại trẻ em", "Report a suspected abuse"),
	    L(r, "Thông tin chỉ những người được phân công xử lý và hiệu trưởng "
	    "xem được; sau khi gửi, bạn chỉ thấy trạng thái của báo cáo. Nếu "
	    "trẻ đang gặp nguy hiểm, gọi ngay Tổng đài 111 hoặc công an 113.",
	    "Only the people assigned to handle it and the principal can read "
	    "this; once sent, you see only the status of your report. If the "
	    "child is in danger now, call hotline 111 or the police (113)."));
	if (errs != NULL)
		form_errors_html(r, errs);
	html_lit(o, "<form method=\"post\" action=\"/cases\" class=\"report\">");
	html_csrf_input(r);
	if (school != NULL)
		html_fmt(o, "<p>%s: <strong>%s</strong></p>",
		    L(r, "Trường", "School"), unit_display_name(school,
		    r->lang == LANG_EN));
	else {
		html_lit(o, "<label>");
		label(r, &f_unit, errs);
		html_fmt(o, "<input name=\"unit_code\" required value=\"%s\">"
		    "</label>", req_form(r, "unit_code"));
	}
	html_lit(o, "<fieldset>");
	label(r, &f_source, errs);
	choice_radios(r, "source", casefile_sources, req_form(r, "source"));
	html_lit(o, "</fieldset><div class=\"grid\"><label>");
	label(r, &f_on, errs);
	html_fmt(o, "<input type=\"date\" name=\"received_on\" required "
	    "value=\"%s\"></label><label>", req_form(r, "received_on") ?
	    req_form(r, "received_on") : today);
	label(r, &f_at, errs);
	html_fmt(o, "<input type=\"time\" name=\"received_time\" value=\"%s\">"
	    "</label></div>", req_form(r, "received_time") ?
	    req_form(r, "received_time") : now);
	html_fmt(o, "<h2>%s</h2>", L(r, "Trẻ em", "The child"));
	if (ch != NULL) {
		char born[16];

		casefmt_date(ch->birth_date, born);
		html_fmt(o, "<p>%s: <strong>%s</strong>, %s %s</p>"
		    "<input type=\"hidden\" name=\"child_id\" value=\"%I\">",
		    L(r, "Trẻ trong sổ theo dõi", "Child in the register"),
		    ch->full_name, L(r, "sinh ngày", "born"), born, ch->id);
	} else {
		html_lit(o, "<div class=\"grid\"><label>");
		label(r, &f_name, errs);
		html_fmt(o, "<input name=\"child_name\" required "
		    "maxlength=\"160\" value=\"%s\" placeholder=\"%s\">"
		    "</label><label>", req_form(r, "child_name"),
		    L(r, "hoặc mô tả nếu chưa biết tên",
		    "or a description if the name is not known"));
		label(r, &f_age, errs);
		html_fmt(o, "<input type=\"number\" name=\"child_age\" "
		    "min=\"0\" max=\"17\" value=\"%s\"></label></div>"
		    "<fieldset>", req_form(r, "child_age"));
		label(r, &f_sex, errs);
		choice_radios(r, "child_sex", casefile_sexes, req_form(r,
		    "child_sex"));
		html_lit(o, "</fieldset>");
	}
	html_fmt(o, "<h2>%s</h2><label>", L(r, "Sự việc", "What happened"));
	label(r, &f_place, errs);
	html_fmt(o, "<input name=\"place\" required maxlength=\"300\" "
	    "value=\"%s\"></label><div class=\"grid\"><label>",
	    req_form(r, "place"));
	label(r, &f_setting, errs);
	choice_select(r, "setting", casefile_places, req_form(r, "setting"),
	    true);
	html_lit(o, "</label><label>");
	label(r, &f_form, errs);
	choice_select(r, "abuse_form", casefile_forms, req_form(r,
	    "abuse_form"), true);
	html_lit(o, "</label><label>");
	label(r, &f_sexual, errs);
	choice_select(r, "sexual_kind", casefile_sexual_kinds, req_form(r,
	    "sexual_kind"), true);
	html_lit(o, "</label></div><label>");
	label(r, &f_story, errs);
	html_fmt(o, "<textarea name=\"narrative\" required maxlength=\"4000\" "
	    "rows=\"5\">%s</textarea></label>", req_form(r, "narrative"));
	html_fmt(o, "<details><summary>%s</summary><div class=\"grid\"><label>",
	    L(r, "Người cung cấp thông tin (nếu họ đồng ý)",
	    "The informant (if they agree)"));
	label(r, &f_iname, errs);
	html_fmt(o, "<input name=\"informant_name\" maxlength=\"160\" "
	    "value=\"%s\"></label><label>", req_form(r, "informant_name"));
	label(r, &f_iphone, errs);
	html_fmt(o, "<input name=\"informant_phone\" maxlength=\"40\" "
	    "value=\"%s\"></label></div><label>", req_form(r,
	    "informant_phone"));
	label(r, &f_iaddr, errs);
	html_fmt(o, "<input name=\"informant_address\" maxlength=\"300\" "
	    "value=\"%s\"></label></details>", req_form(r,
	    "informant_address"));
	html_fmt(o, "<label><input type=\"checkbox\" name=\"hide_reporter\" "
	    "value=\"1\"%s> %s</label>", req_form(r, "hide_reporter") ?
	    " checked" : "", L(r, "Không cho người xử lý hồ sơ thấy tên tôi "
	    "(ẩn danh)", "Do not show my name to the people handling the case "
	    "(anonymous)"));
	html_fmt(o, "<button type=\"submit\">%s</button></form>",
	    L(r, "Gửi báo cáo", "Send the report"));
	page_end(r);
	resp_html(r, status);
}

void
casefile_new_form(struct req *r)
{
	const struct unit_tree *t;
	const char *q = req_query(r, "child");
	struct child ch;
	int64_t id;

	if (casectx_key(r) == NULL)
		return;
	if ((t = unit_tree_get(r->app, r->db)) == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return;
	}
	if (str_empty(q))
		report_form(r, t, NULL, NULL, 200);
	else if (!str_to_int_range(q, 1, INT64_MAX, &id))
		resp_error(r, ERR_INVALID, "Trẻ: phải là mã số của một trẻ.",
		    "Child: must be the id number of a child.");
	else if (register_child(r, t, id, NULL, &ch))
		report_form(r, t, &ch, NULL, 200);
	unit_tree_put(r->app, t);
}

/* Validate form 01 into *c; text goes to the buffers given. */
static void
read_report(struct req *r, const struct unit_tree *t,
    struct form_errors *errs, struct casefile_new *c, struct child *ch,
    bool *linked, char *name, char *place, char *story, char *iname,
    char *iphone, char *iaddr)
{
	const struct unit *school = own_school(r, t);
	char on[11];
	int64_t age, now = (int64_t)time(NULL);
	bool present;

	*linked = false;
	if (valid_int(errs, &f_child, req_form(r, f_child.name), false, 1,
	    INT64_MAX, &c->child_id, &present) && present &&
	    (*linked = register_child(r, t, c->child_id, errs, ch)))
		c->unit_id = ch->school_id;
	else if (school != NULL)
		c->unit_id = school->id;
	else {
		const char *code = req_form(r, "unit_code");
		size_t i;

		c->unit_id = 0;
		for (i = 0; code != NULL && i < t->n; i++)
			if (strcmp(t->u[i].code, code) == 0)
				c->unit_id = t->u[i].id;
		if (str_empty(code))
			form_error(errs, &f_unit, "cần nhập.", "required.");
		else if (c->unit_id == 0 ||
		    !unit_kinds[unit_get(t, c->unit_id)->kind].school)
			form_error(errs, &f_unit, "không phải mã của một trường.",
			    "is not the code of a school.");
		else if (!unit_in_scope(t, r->user.unit_id, c->unit_id))
			form_error(errs, &f_unit, "trường này nằm ngoài phạm vi "
			    "của bạn.", "this school is outside your scope.");
	}
	c->source = casefile_form_choice(errs, &f_source, req_form(r,
	    "source"), casefile_sources);
	if (valid_date(errs, &f_on, req_form(r, "received_on"), true, on)) {
		if (!casefmt_parse_when(on, req_form(r, "received_time"),
		    &c->received_at))
			form_error(errs, &f_at, "phải có dạng giờ:phút, ví dụ "
			    "14:30.", "must be hours:minutes, e.g. 14:30.");
		else if (c->received_at > now + 300)
			form_error(errs, &f_on, "không thể ở tương lai.",
			    "cannot be in the future.");
		else if (strcmp(on, "2000-01-01") < 0)
			form_error(errs, &f_on, "không thể trước năm 2000.",
			    "cannot be before 2000.");
	}
	c->age = -1;
	if (*linked) {
		snprintf(name, 4 * 160 + 1, "%s", ch->full_name);
		c->sex = ch->sex == CHILD_SEX_F ? 1 : 0;
		if (c->received_at > 0) {
			casefile_date_of(c->received_at, on);
			c->age = child_age_on(ch->birth_date, on);
		}
		if (c->age > 17)
			form_error(errs, &f_child, "từ 18 tuổi trở lên không còn "
			    "là trẻ em.", "is 18 or older: not a child.");
	} else {
		valid_text(errs, &f_name, req_form(r, "child_name"), true, 160,
		    name);
		if (valid_int(errs, &f_age, req_form(r, "child_age"), false, 0,
		    17, &age, &present) && present)
			c->age = (int)age;
		c->sex = casefile_form_choice(errs, &f_sex, req_form(r,
		    "child_sex"), casefile_sexes);
	}
	valid_text(errs, &f_place, req_form(r, "place"), true, 300, place);
	c->place = casefile_form_choice(errs, &f_setting, req_form(r,
	    "setting"), casefile_places);
	c->form = casefile_form_choice(errs, &f_form, req_form(r,
	    "abuse_form"), casefile_forms);
	c->sexual_kind = -1;
	if (c->form == CASEFILE_FORM_SEXUAL)
		c->sexual_kind = casefile_form_choice(errs, &f_sexual,
		    req_form(r, "sexual_kind"), casefile_sexual_kinds);
	else if (!str_empty(req_form(r, "sexual_kind")))
		form_error(errs, &f_sexual, "chỉ chọn khi hình thức là xâm hại "
		    "tình dục.", "only for sexual abuse.");
	valid_text(errs, &f_story, req_form(r, "narrative"), true, 4000,
	    story);
	valid_text(errs, &f_iname, req_form(r, "informant_name"), false, 160,
	    iname);
	valid_text(errs, &f_iphone, req_form(r, "informant_phone"), false, 40,
	    iphone);
	valid_text(errs, &f_iaddr, req_form(r, "informant_address"), false,
	    300, iaddr);
	c->reporter_hidden = !str_empty(req_form(r, "hide_reporter"));
	c->reported_by = r->user.id;
	c->child_name = name;
	c->place_text = place;
	c->narrative = story;
	c->informant_name = iname;
	c->informant_phone = iphone;
	c->informant_address = iaddr;
}

void
casefile_create(struct req *r)
{
	const struct casekey *key = casectx_key(r);
	const struct unit_tree *t = NULL;
	struct form_errors errs = { 0 };
	struct casefile_new c = { 0 };
	struct child ch;
	bool linked;
	struct casectx cx;
	char name[4 * 160 + 1], place[4 * 300 + 1], story[4 * 4000 + 1];
	char iname[4 * 160 + 1], iphone[4 * 40 + 1], iaddr[4 * 300 + 1];
	char vi[160], en[160], url[48];
	const struct unit *u;
	int64_t id;

	memset(&cx, 0, sizeof(cx));
	if (key == NULL)
		return;
	if ((t = unit_tree_get(r->app, r->db)) == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return;
	}
	read_report(r, t, &errs, &c, &ch, &linked, name, place, story, iname,
	    iphone, iaddr);
	if (errs.n > 0) {
		report_form(r, t, linked ? &ch : NULL, &errs, 400);
		goto out;
	}
	casectx_who(r, &cx.who);
	if (db_begin(r->db) != ERR_OK)
		goto fail;
	cx.in_tx = true;
	if (casefile_rules_load(r->db, &cx.rules) != ERR_OK)
		goto fail;
	if (!cx.rules.plan_from_detailed && cx.rules.plan_working_days >= 0) {
		char from[11];

		casefile_date_of(c.received_at, from);
		casefile_add_working_days(from, cx.rules.plan_working_days,
		    &cx.rules.holidays, c.plan_due);
	}
	if (casefile_insert(r->db, key, &c, &id) != ERR_OK ||
	    casefile_get(r->db, id, &cx.cf) != ERR_OK ||
	    caseaudit_append(r->db, &cx.who, "report", id, "mẫu 01") != ERR_OK)
		goto fail;
	u = unit_get(t, c.unit_id);
	snprintf(vi, sizeof(vi), "Báo cáo mới nghi ngờ xâm hại trẻ em: hồ sơ "
	    "#%lld (%s).", (long long)id, u->name);
	snprintf(en, sizeof(en), "New report of suspected abuse: case #%lld "
	    "(%s).", (long long)id, unit_display_name(u, 1));
	if (casectx_notify(r, &cx, r->user.id, vi, en) != ERR_OK)
		goto fail;
	if (!casectx_commit(r, &cx))
		goto out;
	snprintf(url, sizeof(url), "/cases/%lld?sent=1", (long long)id);
	resp_redirect(r, url);
	goto out;
fail:
	casectx_rollback(r, &cx);
	resp_error(r, ERR_DB, "Không lưu được báo cáo; không có gì thay đổi. "
	    "Nếu khẩn cấp, gọi Tổng đài 111.", "The report could not be "
	    "saved; nothing changed. In an emergency call hotline 111.");
out:
	casefile_rules_release(&cx.rules);
	unit_tree_put(r->app, t);
}

/* ---- Referral escalation, run when case lists and pages are drawn ---- */

/*
 * Referrals not acknowledged within the configured hours are escalated
 * once: the principals and everyone on the case are told, and the case
 * audit log says so.  Runs in its own transaction; failure is harmless
 * (the next page tries again).  The mail sender also runs it
 * (casefile_escalate_db), so the e-mail goes even when nobody looks.
 */
void
casefile_escalate(struct req *r)
{
	casefile_escalate_db(r->db);
}

void
casefile_escalate_db(struct db *db)
{
	struct casefile_rules ru;
	struct db_stmt *st;
	struct caseaudit_who sys = { 0, "vitre", "" };
	int64_t now = (int64_t)time(NULL), ids[64], cases[64];
	size_t n = 0, i;
	enum err e = ERR_OK;

	if (db_begin(db) != ERR_OK)
		return;
	if (casefile_rules_load(db, &ru) != ERR_OK ||
	    ru.referral_ack_hours < 0) {
		casefile_rules_release(&ru);
		db_rollback(db);
		return;
	}
	st = db_stmt(db, "SELECT id, case_id FROM case_referral"
	    " WHERE ack_at IS NULL AND escalated_at IS NULL AND sent_at < ?"
	    " ORDER BY id LIMIT 64");
	db_bind_int(st, 1, now - (int64_t)ru.referral_ack_hours * 3600);
	while (db_step(st) == DB_ROW && n < 64) {
		ids[n] = db_col_int(st, 0);
		cases[n++] = db_col_int(st, 1);
	}
	db_done(st);
	for (i = 0; i < n && e == ERR_OK; i++) {
		struct casectx cx;
		char vi[200], en[200];

		memset(&cx, 0, sizeof(cx));
		st = db_stmt(db, "UPDATE case_referral SET escalated_at = ?"
		    " WHERE id = ?");
		db_bind_int(st, 1, now);
		db_bind_int(st, 2, ids[i]);
		if ((e = db_run(st)) != ERR_OK ||
		    (e = casefile_get(db, cases[i], &cx.cf)) != ERR_OK ||
		    (e = caseaudit_append(db, &sys, "escalate", cases[i],
		    "chuyển gửi chưa được xác nhận")) != ERR_OK)
			break;
		snprintf(vi, sizeof(vi), "Hồ sơ #%lld: chuyển gửi chưa được xác "
		    "nhận sau %d giờ.", (long long)cases[i],
		    ru.referral_ack_hours);
		snprintf(en, sizeof(en), "Case #%lld: a referral is not "
		    "acknowledged after %d hours.", (long long)cases[i],
		    ru.referral_ack_hours);
		e = notify_case(db, &cx.cf, 0, vi, en);
	}
	casefile_rules_release(&ru);
	if (e != ERR_OK || db_commit(db) != ERR_OK)
		db_rollback(db);
}

/* ---- Lists ---- */

const char *
casefmt_unit(const struct req *r, const struct unit_tree *t, int64_t id)
{
	const struct unit *u = t ? unit_get(t, id) : NULL;

	return u ? unit_display_name(u, r->lang == LANG_EN) : "";
}

/* The emergency clock of a case, as a short text into out. */
static void
clock_text(struct req *r, int64_t due, int64_t done, char *out, size_t sz)
{
	int64_t now = (int64_t)time(NULL), left = due - now;
	char when[24];

	if (due <= 0) {
		out[0] = '\0';
		return;
	}
	if (done > 0) {
		casefmt_time(done, when);
		snprintf(out, sz, L(r, "đã can thiệp %s", "action taken %s"),
		    when);
	} else if (left >= 0)
		snprintf(out, sz, L(r, "còn %lldh%02lld để can thiệp khẩn cấp",
		    "%lldh%02lld left for emergency action"),
		    (long long)(left / 3600), (long long)(left % 3600 / 60));
	else
		snprintf(out, sz, L(r, "QUÁ HẠN can thiệp khẩn cấp %lldh%02lld",
		    "emergency action OVERDUE by %lldh%02lld"),
		    (long long)(-left / 3600), (long long)(-left % 3600 / 60));
}

void
casefile_clock_html(struct req *r, int64_t due, int64_t done)
{
	char text[96];

	clock_text(r, due, done, text, sizeof(text));
	if (text[0] != '\0')
		html_fmt(&r->out, "<span class=\"clock%s\">%s</span>",
		    done > 0 ? " done" : due < (int64_t)time(NULL) ?
		    " overdue" : "", text);
}

void
casefile_list_page(struct req *r)
{
	struct buf *o = &r->out;
	const struct unit_tree *t;
	struct casefile_row *mine = NULL, *work = NULL;
	size_t nmine = 0, nwork = 0, i;
	char when[24], due[16];

	if (casectx_key(r) == NULL)
		return;
	casefile_escalate(r);
	t = unit_tree_get(r->app, r->db);
	if (casefile_list_reported(r->db, r->user.id, &mine, &nmine) !=
	    ERR_OK || casefile_list_for(r->db, r->user.id, r->user.role,
	    r->user.unit_id, &work, &nwork) != ERR_OK) {
		resp_error(r, ERR_DB, "Không đọc được danh sách hồ sơ.",
		    "The list of cases cannot be read.");
		goto out;
	}
	page_begin(r, L(r, "Bảo vệ trẻ em", "Child protection"));
	html_fmt(o, "<h1>%s</h1><p><a href=\"/cases/new\" role=\"button\">%s"
	    "</a>", L(r, "Bảo vệ trẻ em", "Child protection"),
	    L(r, "Báo cáo nghi ngờ xâm hại", "Report a suspected abuse"));
	if (nwork > 0)
		html_fmt(o, " <a href=\"/cases/overdue\">%s</a>",
		    L(r, "Việc quá hạn", "Overdue"));
	if (role_can(r->user.role, PERM_CASE_STATS))
		html_fmt(o, " · <a href=\"/cases/stats\">%s</a>",
		    L(r, "Thống kê", "Statistics"));
	if (r->user.role == ROLE_PRINCIPAL)
		html_fmt(o, " · <a href=\"/cases/focal\">%s</a>",
		    L(r, "Người đầu mối bảo vệ trẻ em", "Focal points"));
	html_lit(o, "</p>");

	html_fmt(o, "<h2>%s</h2>", L(r, "Hồ sơ tôi được giao",
	    "Cases assigned to me"));
	if (nwork == 0)
		html_fmt(o, "<p>%s</p>", L(r, "Không có hồ sơ nào.",
		    "No cases."));
	else {
		html_fmt(o, "<table class=\"compact\"><thead><tr><th>%s</th>"
		    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		    "</tr></thead><tbody>", L(r, "Hồ sơ", "Case"),
		    L(r, "Trường", "School"), L(r, "Tiếp nhận", "Received"),
		    L(r, "Trạng thái", "State"), L(r, "Khẩn cấp", "Emergency"),
		    L(r, "Hạn kế hoạch", "Plan due"));
		for (i = 0; i < nwork; i++) {
			casefmt_time(work[i].received_at, when);
			casefmt_date(work[i].plan_due, due);
			html_fmt(o, "<tr><td><a href=\"/cases/%I\">#%I</a></td>"
			    "<td>%s</td><td>%s</td><td>%s</td><td>", work[i].id,
			    work[i].id, casefmt_unit(r, t, work[i].unit_id),
			    when, casefile_code_name(casefile_states,
			    (int)work[i].state, r->lang == LANG_EN));
			casefile_clock_html(r, work[i].emergency_due,
			    work[i].emergency_done_at);
			html_fmt(o, "</td><td>%s</td></tr>", work[i].state <
			    CASEFILE_PLANNED ? due : "");
		}
		html_lit(o, "</tbody></table>");
	}

	html_fmt(o, "<h2>%s</h2>", L(r, "Báo cáo tôi đã gửi",
	    "Reports I sent"));
	if (nmine == 0)
		html_fmt(o, "<p>%s</p>", L(r, "Bạn chưa gửi báo cáo nào.",
		    "You have not sent any report."));
	else {
		html_fmt(o, "<table class=\"compact\"><thead><tr><th>%s</th>"
		    "<th>%s</th><th>%s</th></tr></thead><tbody>",
		    L(r, "Báo cáo", "Report"), L(r, "Tiếp nhận", "Received"),
		    L(r, "Trạng thái", "Status"));
		for (i = 0; i < nmine; i++) {
			casefmt_time(mine[i].received_at, when);
			html_fmt(o, "<tr><td><a href=\"/cases/%I\">#%I</a></td>"
			    "<td>%s</td><td>%s</td></tr>", mine[i].id,
			    mine[i].id, when, casefile_code_name(
			    casefile_public_names, (int)casefile_public_status(
			    mine[i].state, mine[i].referred),
			    r->lang == LANG_EN));
		}
		html_lit(o, "</tbody></table>");
	}
	page_end(r);
	resp_html(r, 200);
out:
	free(mine);
	free(work);
	unit_tree_put(r->app, t);
}

/* ---- One case ---- */

void
casefile_view(struct req *r)
{
	struct casectx c;
	enum err e;

	casefile_escalate(r);
	if (!casectx_open(r, r->params[0], NEED_STATUS, "xem", &c))
		return;
	if (c.access == ACCESS_REPORTER) {
		if (caseaudit_append(r->db, &c.who, "status", c.cf.id, "") !=
		    ERR_OK) {
			casectx_rollback(r, &c);
			resp_error(r, ERR_DB, "Không đọc được.", "Cannot read.");
			goto out;
		}
		if (casectx_commit(r, &c))
			casefile_status_page(r, &c);
		goto out;
	}
	if (caseaudit_append(r->db, &c.who, "view", c.cf.id, "") != ERR_OK) {
		casectx_rollback(r, &c);
		resp_error(r, ERR_DB, "Không đọc được.", "Cannot read.");
		goto out;
	}
	e = casefile_open_text(r->db, c.key, &c.cf);
	/* The read is logged even when the text does not open. */
	if (!casectx_commit(r, &c))
		goto out;
	if (e != ERR_OK) {
		casectx_unreadable(r);
		goto out;
	}
	casefile_page(r, &c, NULL, str_empty(req_query(r, "sent")) ? NULL :
	    L(r, "Đã gửi báo cáo.", "The report is sent."), 200);
out:
	casefile_release(&c.cf);
	casefile_rules_release(&c.rules);
}

void
casefile_audit_page(struct req *r)
{
	struct buf *o = &r->out;
	struct db_stmt *st;
	struct casectx c;

	if (!casectx_open(r, r->params[0], NEED_PRINCIPAL, "xem nhật ký", &c))
		return;
	if (caseaudit_append(r->db, &c.who, "audit_view", c.cf.id, "") !=
	    ERR_OK || !casectx_commit(r, &c)) {
		casectx_rollback(r, &c);
		resp_error(r, ERR_DB, "Không đọc được.", "Cannot read.");
		goto out;
	}
	page_begin(r, L(r, "Ai đã xem hồ sơ", "Who looked at the case"));
	html_fmt(o, "<h1>%s #%I</h1><p><a href=\"/cases/%I\">%s</a></p>"
	    "<table class=\"compact\"><thead><tr><th>%s</th><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	    L(r, "Nhật ký truy cập hồ sơ", "Access log of case"), c.cf.id,
	    c.cf.id, L(r, "← Về hồ sơ", "← Back to the case"),
	    L(r, "Lúc", "When"), L(r, "Người dùng", "User"),
	    L(r, "Việc", "Action"), L(r, "Chi tiết", "Detail"),
	    L(r, "Từ địa chỉ", "From"));
	st = db_stmt(r->db, "SELECT a.at, a.username, a.action, a.detail,"
	    " a.ip, a.user_id FROM case_audit a WHERE a.case_id = ?"
	    " ORDER BY a.seq DESC");
	db_bind_int(st, 1, c.cf.id);
	while (db_step(st) == DB_ROW) {
		char when[24];
		/* An anonymous reporter stays anonymous here too. */
		bool hide = c.cf.reporter_hidden &&
		    db_col_int(st, 5) == c.cf.reported_by;

		casefmt_time(db_col_int(st, 0), when);
		html_fmt(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
		    "<td>%s</td></tr>", when, hide ? L(r, "(ẩn danh)",
		    "(anonymous)") : db_col_text(st, 1), db_col_text(st, 2),
		    db_col_text(st, 3), hide ? "" : db_col_text(st, 4));
	}
	db_done(st);
	html_lit(o, "</tbody></table>");
	page_end(r);
	resp_html(r, 200);
out:
	casefile_rules_release(&c.rules);
}
