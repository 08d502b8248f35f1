/*
 * casefile_settings_http.c -- the deadline settings of the procedure and
 * the public holidays that are not working days, for administrators.
 * Where Decree 56 is clear (12 hours, 5 working days) the value is the
 * law's and may only be changed if the law changes; where it is not
 * confirmed (domain/vn-legal.md section 10) the deadline is a setting,
 * empty until the province decides.  Nothing here touches a case.
 */
#include <stdio.h>
#include <string.h>

#include "auth/audit.h"
#include "cases/casefile_http.h"
#include "cases/casefile_int.h"
#include "core/strutil.h"
#include "db/db.h"
#include "http/form.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"

/* Each setting: its key, label, and the values it takes. */
static const struct setting {
	struct field	 f;
	int64_t		 lo, hi;	/* a whole number in [lo, hi] */
	bool		 may_be_empty;	/* empty = no deadline */
	bool		 choice;	/* plan_from: report or detailed */
} settings[] = {
	{ { "emergency_hours", "Giờ để can thiệp khẩn cấp",
	    "Hours for emergency action" }, 1, 72, false, false },
	{ { "plan_working_days", "Ngày làm việc để lập kế hoạch (mẫu 04)",
	    "Working days for the plan (form 04)" }, 1, 60, false, false },
	{ { "plan_from", "Tính hạn kế hoạch từ", "Plan deadline counted from" },
	    0, 0, false, true },
	{ { "detailed_working_days", "Ngày làm việc để đánh giá chi tiết "
	    "(mẫu 03)", "Working days for the detailed assessment (form 03)" },
	    1, 60, true, false },
	{ { "approval_working_days", "Ngày làm việc để phê duyệt (mẫu 05)",
	    "Working days for the approval (form 05)" }, 1, 60, true, false },
	{ { "referral_ack_hours", "Giờ chờ xác nhận chuyển gửi trước khi báo "
	    "lên hiệu trưởng", "Hours to wait for a referral's acknowledgement "
	    "before escalating" }, 1, 720, false, false },
};
#define NSETTINGS (sizeof(settings) / sizeof(settings[0]))

static const char *const plan_from_codes[] = { "report", "detailed", NULL };

static const struct field f_day = { "day", "Ngày nghỉ", "Holiday" };
static const struct field f_name = { "name", "Tên ngày nghỉ",
    "Name of the holiday" };

static void
render(struct req *r, const struct form_errors *errs, int status)
{
	struct buf *o = &r->out;
	struct db_stmt *st;
	size_t i;

	buf_reset(o);
	page_begin(r, L(r, "Thời hạn xử lý hồ sơ", "Case deadlines"));
	html_fmt(o, "<h1>%s</h1>", L(r, "Thời hạn xử lý hồ sơ bảo vệ trẻ em",
	    "Deadlines of protection cases"));
	if (!str_empty(req_query(r, "saved")))
		html_fmt(o, "<p class=\"flash\">%s</p>", L(r, "Đã lưu.",
		    "Saved."));
	if (errs != NULL)
		form_errors_html(r, errs);
	html_lit(o, "<form method=\"post\" action=\"/cases/settings\">");
	html_csrf_input(r);
	st = db_stmt(r->db, "SELECT k, v, note FROM case_setting ORDER BY k");
	while (db_step(st) == DB_ROW) {
		const char *k = db_col_text(st, 0);

		for (i = 0; i < NSETTINGS; i++)
			if (strcmp(settings[i].f.name, k) == 0)
				break;
		if (i == NSETTINGS)
			continue;
		html_fmt(o, "<label>%s", L(r, settings[i].f.label_vi,
		    settings[i].f.label_en));
		if (settings[i].choice)
			html_fmt(o, "<select name=\"%s\"><option value=\"report\""
			    "%s>%s</option><option value=\"detailed\"%s>%s"
			    "</option></select>", k, strcmp(db_col_text(st, 1),
			    "report") == 0 ? " selected" : "", L(r, "ngày tiếp "
			    "nhận báo cáo", "the day of the report"),
			    strcmp(db_col_text(st, 1), "detailed") == 0 ?
			    " selected" : "", L(r, "ngày đánh giá chi tiết",
			    "the day of the detailed assessment"));
		else
			html_fmt(o, "<input name=\"%s\" value=\"%s\" "
			    "inputmode=\"numeric\">", k, db_col_text(st, 1));
		html_fmt(o, "<small>%s</small></label>", db_col_text(st, 2));
	}
	db_done(st);
	html_fmt(o, "<button type=\"submit\">%s</button></form>",
	    L(r, "Lưu", "Save"));

	html_fmt(o, "<h2>%s</h2><p>%s</p><table class=\"compact\"><tbody>",
	    L(r, "Ngày nghỉ lễ", "Public holidays"),
	    L(r, "Thứ Bảy và Chủ nhật không phải ngày làm việc. Tết Nguyên đán, "
	    "Giỗ Tổ Hùng Vương và ngày nghỉ bù đổi theo năm: hãy thêm khi có "
	    "thông báo.", "Saturdays and Sundays are not working days. Tết, "
	    "the Hùng Kings' day and compensatory days change every year: add "
	    "them when they are announced."));
	st = db_stmt(r->db, "SELECT day, name FROM holiday ORDER BY day DESC");
	while (db_step(st) == DB_ROW) {
		html_fmt(o, "<tr><td>%s</td><td>%s</td><td><form method=\"post\" "
		    "action=\"/cases/settings/holidays\" class=\"inline\">",
		    db_col_text(st, 0), db_col_text(st, 1));
		html_csrf_input(r);
		html_fmt(o, "<input type=\"hidden\" name=\"day\" value=\"%s\">"
		    "<input type=\"hidden\" name=\"remove\" value=\"1\">"
		    "<button type=\"submit\" class=\"secondary outline\">%s"
		    "</button></form></td></tr>", db_col_text(st, 0),
		    L(r, "Bỏ", "Remove"));
	}
	db_done(st);
	html_lit(o, "</tbody></table><form method=\"post\" "
	    "action=\"/cases/settings/holidays\" class=\"grid\">");
	html_csrf_input(r);
	html_fmt(o, "<input type=\"date\" name=\"day\" required aria-label=\"%s\">"
	    "<input name=\"name\" required maxlength=\"80\" aria-label=\"%s\" "
	    "placeholder=\"%s\"><button type=\"submit\">%s</button></form>",
	    L(r, f_day.label_vi, f_day.label_en), L(r, f_name.label_vi,
	    f_name.label_en), L(r, f_name.label_vi, f_name.label_en),
	    L(r, "Thêm ngày nghỉ", "Add a holiday"));
	page_end(r);
	resp_html(r, status);
}

void
casefile_settings_page(struct req *r)
{
	render(r, NULL, 200);
}

void
casefile_settings_post(struct req *r)
{
	struct form_errors errs = { 0 };
	char values[NSETTINGS][24];
	struct db_stmt *st;
	size_t i;
	enum err e = ERR_OK;

	for (i = 0; i < NSETTINGS; i++) {
		const struct setting *s = &settings[i];
		const char *raw = req_form(r, s->f.name);
		int64_t v;
		int k;
		bool present;

		values[i][0] = '\0';
		if (s->choice) {
			if (valid_choice(&errs, &s->f, raw, plan_from_codes, &k))
				snprintf(values[i], sizeof(values[i]), "%s",
				    plan_from_codes[k]);
		} else if (valid_int(&errs, &s->f, raw, !s->may_be_empty, s->lo,
		    s->hi, &v, &present) && present)
			snprintf(values[i], sizeof(values[i]), "%lld",
			    (long long)v);
	}
	if (errs.n > 0) {
		render(r, &errs, 400);
		return;
	}
	if ((e = db_begin(r->db)) != ERR_OK)
		goto fail;
	for (i = 0; i < NSETTINGS && e == ERR_OK; i++) {
		st = db_stmt(r->db, "UPDATE case_setting SET v = ? WHERE k = ?");
		db_bind_text(st, 1, values[i]);
		db_bind_text(st, 2, settings[i].f.name);
		if ((e = db_run(st)) == ERR_OK)
			e = audit(r->db, r->user.id, "case_setting",
			    settings[i].f.name, values[i]);
	}
	if (e != ERR_OK || (e = db_commit(r->db)) != ERR_OK) {
		db_rollback(r->db);
		goto fail;
	}
	resp_redirect(r, "/cases/settings?saved=1");
	return;
fail:
	casectx_not_saved(r, e);
}

void
casefile_holiday_post(struct req *r)
{
	struct form_errors errs = { 0 };
	struct db_stmt *st;
	char day[11], name[4 * 80 + 1];
	bool remove = !str_empty(req_form(r, "remove"));
	enum err e;

	valid_date(&errs, &f_day, req_form(r, f_day.name), true, day);
	if (!remove)
		valid_text(&errs, &f_name, req_form(r, f_name.name), true, 80,
		    name);
	if (errs.n > 0) {
		render(r, &errs, 400);
		return;
	}
	if ((e = db_begin(r->db)) != ERR_OK)
		goto fail;
	if (remove) {
		st = db_stmt(r->db, "DELETE FROM holiday WHERE day = ?");
		db_bind_text(st, 1, day);
	} else {
		st = db_stmt(r->db, "INSERT INTO holiday (day, name)"
		    " VALUES (?, ?)");
		db_bind_text(st, 1, day);
		db_bind_text(st, 2, name);
	}
	if ((e = db_run(st)) == ERR_OK)
		e = audit(r->db, r->user.id, remove ? "holiday_remove" :
		    "holiday_add", "holiday", day);
	if (e != ERR_OK || (e = db_commit(r->db)) != ERR_OK) {
		db_rollback(r->db);
		if (e == ERR_CONFLICT) {
			form_error(&errs, &f_day, "đã có trong danh sách.",
			    "is already in the list.");
			render(r, &errs, 409);
			return;
		}
		goto fail;
	}
	resp_redirect(r, "/cases/settings?saved=1");
	return;
fail:
	casectx_not_saved(r, e);
}
