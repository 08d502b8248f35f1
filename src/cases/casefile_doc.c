/*
 * casefile_doc.c -- a protection case as a PDF file for the people on it:
 * GET /cases/{id}/pdf.
 *
 * The same need-to-know check as the case page (casectx_open, NEED_WORK:
 * the people assigned, the principal of the school, the commune officer it
 * was referred to; everyone else 403, logged).  The export is written to
 * the hash-chained case audit log (action "export_pdf": who, when, from
 * where) in the same transaction as the read, and the file leaves only
 * once that entry is committed; the principal's "who looked at this case"
 * page lists it.  The answer is never cached (Cache-Control: no-store).
 *
 * The document (docs/doc.h, written by doc_pdf) carries the confidentiality
 * marking "MẬT" in its header, title and closing note, and holds the report
 * (form 01), the assessments (02, 03, the emergency action), the plans (04)
 * and approvals (05), the school's measures, the referrals with their
 * acknowledgements, the reviews (06), the deadlines and who was late, the
 * closure and the people on the case.  In Vietnamese, as official papers
 * are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "cases/casefile_http.h"
#include "cases/casefile_int.h"
#include "core/strutil.h"
#include "docs/doc.h"
#include "http/req.h"
#include "units/unit.h"

/* Everything the document shows beside the case itself. */
static const char *
vi(const struct casefile_code *t, int i)
{
	return casefile_code_name(t, i, false);
}

/* A key-value table of two columns. */
static struct doc_table *
kv_table(struct doc *d)
{
	static const double w[] = { 0.32, 0.68 };

	return doc_add_table(d, 2, w, 0);
}

static void
kv(struct doc_table *t, const char *k, const char *v)
{
	char **row = doc_table_row(t);

	doc_set(&row[0], k);
	doc_set(&row[1], v);
}

static void
heading(struct doc *d, int level, const char *text)
{
	(void)doc_add_text(d, DOC_HEADING, level, text);
}

/* Text as paragraphs, one per line. */
static void
paras(struct doc *d, const char *text)
{
	const char *s = text ? text : "", *nl;
	struct buf line = BUF_INIT;

	do {
		nl = strchr(s, '\n');
		buf_reset(&line);
		buf_add(&line, s, nl ? (size_t)(nl - s) : strlen(s));
		if (line.len > 0)
			(void)doc_add_text(d, DOC_PARA, 0, line.data);
		s = nl ? nl + 1 : s;
	} while (nl != NULL);
	buf_release(&line);
}

static void
header(const struct casectx *c, const struct unit_tree *t, struct doc *d)
{
	const struct unit *u = unit_get(t, c->cf.unit_id);
	const struct unit *up = NULL;
	struct buf b = BUF_INIT;
	char today[11];
	size_t k;

	date_today(today);
	if (u != NULL && (k = unit_parent(t, unit_index(t, u->id), LINK_ADMIN,
	    today)) != (size_t)-1)
		up = &t->u[k];
	if (up != NULL) {
		str_upper_vi(up->name, &b);
		doc_set(&d->parent_body, b.data);
		buf_reset(&b);
	}
	str_upper_vi(u ? u->name : "", &b);
	doc_set(&d->issuer, b.data);
	buf_reset(&b);
	buf_printf(&b, "Hồ sơ số: %lld/BVTE — MẬT", (long long)c->cf.id);
	doc_set(&d->number, b.data);
	buf_reset(&b);
	buf_printf(&b, "ngày %.2s tháng %.2s năm %.4s", today + 8, today + 5,
	    today);
	doc_set(&d->place_date, b.data);
	doc_set(&d->type_name, "HỒ SƠ BẢO VỆ TRẺ EM (MẬT)");
	buf_reset(&b);
	buf_printf(&b, "Hồ sơ hỗ trợ, can thiệp trẻ em theo Nghị định "
	    "56/2017/NĐ-CP\nTài liệu mật — chỉ người được phân công xử lý "
	    "được đọc / CONFIDENTIAL");
	doc_set(&d->title, b.data);
	buf_reset(&b);
	buf_printf(&b, "MẬT — Hồ sơ bảo vệ trẻ em số %lld", (long long)c->cf.id);
	doc_set(&d->meta_title, b.data);
	buf_release(&b);
}

static void
report_part(struct doc *d, const struct casefile *f)
{
	struct doc_table *t;
	char when[24], age[16];

	heading(d, 0, "I. BÁO CÁO TIẾP NHẬN THÔNG TIN (MẪU 01)");
	casefmt_time(f->received_at, when);
	if (f->age >= 0)
		snprintf(age, sizeof(age), "%d", f->age);
	else
		snprintf(age, sizeof(age), "không rõ");
	t = kv_table(d);
	kv(t, "Nguồn thông tin", vi(casefile_sources, f->source));
	kv(t, "Tiếp nhận lúc", when);
	kv(t, "Người báo cáo", f->reporter_hidden ? "(ẩn danh)" :
	    f->reporter_name);
	kv(t, "Trẻ em", f->child_name);
	if (f->child_id > 0)
		kv(t, "Sổ theo dõi trẻ em", "trẻ có trong sổ theo dõi của "
		    "trường");
	kv(t, "Tuổi (ước lượng)", age);
	kv(t, "Giới tính", vi(casefile_sexes, f->sex));
	kv(t, "Địa điểm", f->place_text);
	kv(t, "Môi trường xảy ra", vi(casefile_places, f->place));
	kv(t, "Hình thức xâm hại", vi(casefile_forms, f->form));
	if (f->sexual_kind >= 0)
		kv(t, "Xâm hại tình dục", vi(casefile_sexual_kinds,
		    f->sexual_kind));
	if (str_empty(f->informant_name) && str_empty(f->informant_phone) &&
	    str_empty(f->informant_address))
		kv(t, "Người cung cấp thông tin", "không cung cấp");
	else {
		kv(t, "Người cung cấp thông tin", f->informant_name);
		kv(t, "Điện thoại", f->informant_phone);
		kv(t, "Địa chỉ", f->informant_address);
	}
	heading(d, 1, "Sự việc");
	paras(d, f->narrative);
}

/* The steps of the given kinds, in order, each a numbered sub-heading. */
static void
steps_part(struct doc *d, const struct casefile *f,
    const struct casefile_parts *p, const enum casefile_step *kinds,
    size_t nkinds)
{
	static const char *const items[3] = { "Mức độ tổn hại còn lại",
	    "Khả năng đối tượng tiếp cận trẻ",
	    "Trở ngại trong môi trường chăm sóc" };
	struct buf b = BUF_INIT;
	size_t i, k, n = 0;
	int j;

	for (i = 0; i < p->nsteps; i++) {
		const struct casefile_steprec *s = &p->steps[i];
		char when[24];
		bool want = false;

		for (k = 0; k < nkinds; k++)
			want = want || s->kind == kinds[k];
		if (!want)
			continue;
		if (s->done_at > 0)
			casefmt_time(s->done_at, when);
		else
			casefmt_date(s->done_on, when);
		buf_reset(&b);
		buf_printf(&b, "%zu. %s — ngày %s — %s (chu kỳ %d)", ++n,
		    vi(casefile_steps, (int)s->kind), when, s->by_name,
		    s->cycle);
		heading(d, 1, b.data);
		if (s->kind == STEP_ASSESSMENT) {
			buf_reset(&b);
			buf_printf(&b, "Kết luận: %s; %s.", vi(casefile_findings,
			    f->finding), f->serious == 1 ? "tổn hại nghiêm trọng "
			    "(can thiệp khẩn cấp trong 12 giờ)" :
			    "không nghiêm trọng");
			(void)doc_add_text(d, DOC_PARA, 0, b.data);
		}
		if (s->kind == STEP_REVIEW) {
			for (j = 0; j < 3; j++) {
				buf_reset(&b);
				buf_printf(&b, "- %s: %s;", items[j],
				    vi(casefile_ratings, s->rating[j]));
				(void)doc_add_text(d, DOC_ITEM, 0, b.data);
			}
			buf_reset(&b);
			buf_printf(&b, "- Đề xuất: %s.", vi(casefile_outcomes,
			    s->outcome));
			(void)doc_add_text(d, DOC_ITEM, 0, b.data);
		}
		paras(d, s->text);
	}
	if (n == 0)
		(void)doc_add_text(d, DOC_PARA, 0, "Chưa có.");
	buf_release(&b);
}

static void
measures_part(struct doc *d, const struct casefile_parts *p, const char *today)
{
	static const double w[] = { 0.17, 0.35, 0.18, 0.13, 0.17 };
	struct doc_table *t;
	char **row, due[16], done[16];
	size_t i;

	heading(d, 0, "IV. BIỆN PHÁP GIAO CHO NHÀ TRƯỜNG");
	if (p->nmeasures == 0) {
		(void)doc_add_text(d, DOC_PARA, 0, "Chưa có.");
		return;
	}
	t = doc_add_table(d, 5, w, 1);
	row = doc_table_row(t);
	doc_set(&row[0], "Biện pháp");
	doc_set(&row[1], "Việc cần làm");
	doc_set(&row[2], "Người thực hiện");
	doc_set(&row[3], "Hạn");
	doc_set(&row[4], "Kết quả");
	for (i = 0; i < p->nmeasures; i++) {
		const struct casefile_measure *m = &p->measures[i];
		struct buf b = BUF_INIT;

		casefmt_date(m->due_on, due);
		if (m->done_on[0] != '\0') {
			casefmt_date(m->done_on, done);
			buf_printf(&b, "xong %s%s", done, strcmp(m->done_on,
			    m->due_on) > 0 ? " (trễ hạn)" : "");
		} else
			buf_puts(&b, strcmp(m->due_on, today) < 0 ?
			    "QUÁ HẠN, chưa xong" : "chưa xong");
		row = doc_table_row(t);
		doc_set(&row[0], vi(casefile_measure_kinds, m->kind));
		doc_set(&row[1], m->what);
		doc_set(&row[2], m->owner_name);
		doc_set(&row[3], due);
		doc_set(&row[4], b.data);
		buf_release(&b);
	}
}

static void
referrals_part(struct doc *d, const struct casefile_parts *p)
{
	static const double w[] = { 0.2, 0.14, 0.17, 0.27, 0.22 };
	struct doc_table *t;
	char **row, sent[24], ack[24];
	size_t i;

	heading(d, 0, "V. CHUYỂN GỬI VÀ XÁC NHẬN");
	if (p->nrefs == 0) {
		(void)doc_add_text(d, DOC_PARA, 0, "Chưa có.");
		return;
	}
	t = doc_add_table(d, 5, w, 1);
	row = doc_table_row(t);
	doc_set(&row[0], "Chuyển đến");
	doc_set(&row[1], "Hình thức");
	doc_set(&row[2], "Lúc, người chuyển");
	doc_set(&row[3], "Người tiếp nhận, nội dung");
	doc_set(&row[4], "Xác nhận");
	for (i = 0; i < p->nrefs; i++) {
		const struct casefile_referral *f = &p->refs[i];
		struct buf b = BUF_INIT;

		row = doc_table_row(t);
		buf_puts(&b, vi(casefile_referral_kinds, f->to_kind));
		if (f->to_user_id > 0)
			buf_printf(&b, ": %s", f->to_user_name);
		doc_set(&row[0], b.data);
		doc_set(&row[1], vi(casefile_hows, f->how));
		buf_reset(&b);
		casefmt_time(f->sent_at, sent);
		buf_printf(&b, "%s, %s", sent, f->by_name);
		doc_set(&row[2], b.data);
		doc_set(&row[3], f->contact);
		buf_reset(&b);
		if (f->ack_at > 0) {
			casefmt_time(f->ack_at, ack);
			buf_printf(&b, "%s: %s", ack, f->ack ? f->ack : "");
		} else
			buf_puts(&b, f->escalated_at > 0 ? "chưa xác nhận — đã "
			    "báo lên hiệu trưởng" : "chưa xác nhận");
		doc_set(&row[4], b.data);
		buf_release(&b);
	}
}

/* The date of the first step of kind in cycle ("" if none). */
static const char *
step_date(const struct casefile_parts *p, int cycle, enum casefile_step kind)
{
	size_t i;

	for (i = 0; i < p->nsteps; i++)
		if (p->steps[i].cycle == cycle && p->steps[i].kind == kind)
			return p->steps[i].done_on;
	return "";
}

static void
late_line(struct doc *d, struct buf *b)
{
	(void)doc_add_text(d, DOC_ITEM, 0, b->data);
	buf_reset(b);
}

/*
 * Deadlines and who was late: the emergency action, each cycle's plan
 * (working days from the report, the detailed assessment or the review
 * that started the cycle, under today's settings), the measures and the
 * referrals not acknowledged in time.
 */
static void
deadlines_part(struct doc *d, const struct casectx *c,
    const struct casefile_parts *p, const char *today)
{
	const struct casefile *f = &c->cf;
	const struct casefile_rules *ru = &c->rules;
	struct buf b = BUF_INIT;
	char due[24], at[24], from[11], pdue[11], dd[16];
	size_t i, lines = 0;

	heading(d, 0, "VII. THỜI HẠN VÀ CHẬM TRỄ");
	if (f->emergency_due > 0) {
		casefmt_time(f->emergency_due, due);
		if (f->emergency_done_at > 0) {
			casefmt_time(f->emergency_done_at, at);
			buf_printf(&b, "- Can thiệp khẩn cấp: hạn %s; thực hiện "
			    "%s%s;", due, at, f->emergency_done_at >
			    f->emergency_due ? " — TRỄ HẠN" : " — đúng hạn");
			for (i = 0; i < p->nsteps; i++)
				if (p->steps[i].kind == STEP_EMERGENCY &&
				    f->emergency_done_at > f->emergency_due)
					buf_printf(&b, " (ghi nhận: %s)",
					    p->steps[i].by_name);
		} else
			buf_printf(&b, "- Can thiệp khẩn cấp: hạn %s; %s;", due,
			    (int64_t)time(NULL) > f->emergency_due ?
			    "CHƯA THỰC HIỆN, QUÁ HẠN" : "chưa thực hiện");
		late_line(d, &b);
		lines++;
	}
	for (i = 0; i < p->nsteps; i++) {
		const struct casefile_steprec *s = &p->steps[i];
		int over;

		if (s->kind != STEP_PLAN || ru->plan_working_days < 0)
			continue;
		if (s->cycle > 1)
			snprintf(from, sizeof(from), "%s", step_date(p,
			    s->cycle - 1, STEP_REVIEW));
		else if (ru->plan_from_detailed)
			snprintf(from, sizeof(from), "%s", step_date(p, 1,
			    STEP_DETAILED));
		else
			casefile_date_of(f->received_at, from);
		if (from[0] == '\0')
			continue;
		casefile_add_working_days(from, ru->plan_working_days,
		    &ru->holidays, pdue);
		casefmt_date(pdue, dd);
		casefmt_date(s->done_on, at);
		over = casefile_working_days_between(pdue, s->done_on,
		    &ru->holidays);
		if (strcmp(s->done_on, pdue) > 0)
			buf_printf(&b, "- Kế hoạch (mẫu 04), chu kỳ %d: hạn %s; "
			    "lập %s — TRỄ %d ngày làm việc (người lập: %s);",
			    s->cycle, dd, at, over > 0 ? over : 1, s->by_name);
		else
			buf_printf(&b, "- Kế hoạch (mẫu 04), chu kỳ %d: hạn %s; "
			    "lập %s — đúng hạn;", s->cycle, dd, at);
		late_line(d, &b);
		lines++;
	}
	if (f->state < CASEFILE_PLANNED && f->plan_due[0] != '\0') {
		casefmt_date(f->plan_due, dd);
		buf_printf(&b, "- Kế hoạch (mẫu 04), chu kỳ %d: hạn %s; %s;",
		    f->cycle, dd, strcmp(today, f->plan_due) > 0 ?
		    "CHƯA LẬP, QUÁ HẠN" : "chưa lập");
		late_line(d, &b);
		lines++;
	}
	for (i = 0; i < p->nmeasures; i++) {
		const struct casefile_measure *m = &p->measures[i];
		bool late = m->done_on[0] != '\0' ? strcmp(m->done_on,
		    m->due_on) > 0 : strcmp(m->due_on, today) < 0;

		if (!late)
			continue;
		casefmt_date(m->due_on, dd);
		buf_printf(&b, "- Biện pháp «%s» hạn %s: %s (người thực hiện: "
		    "%s);", vi(casefile_measure_kinds, m->kind), dd,
		    m->done_on[0] ? "xong trễ hạn" : "QUÁ HẠN, chưa xong",
		    m->owner_name);
		late_line(d, &b);
		lines++;
	}
	for (i = 0; i < p->nrefs; i++) {
		const struct casefile_referral *x = &p->refs[i];
		int64_t limit = x->sent_at + (int64_t)ru->referral_ack_hours *
		    3600;

		if (ru->referral_ack_hours < 0 || (x->ack_at > 0 ?
		    x->ack_at <= limit : (int64_t)time(NULL) <= limit))
			continue;
		casefmt_time(x->sent_at, at);
		buf_printf(&b, "- Chuyển gửi đến %s lúc %s: %s sau %d giờ;",
		    vi(casefile_referral_kinds, x->to_kind), at, x->ack_at > 0 ?
		    "xác nhận trễ" : "CHƯA ĐƯỢC XÁC NHẬN", ru->referral_ack_hours);
		late_line(d, &b);
		lines++;
	}
	if (lines == 0)
		(void)doc_add_text(d, DOC_PARA, 0, "Không có thời hạn nào bị trễ.");
	buf_release(&b);
}

static void
closure_part(struct doc *d, const struct casectx *c)
{
	struct buf b = BUF_INIT;
	char at[24];

	heading(d, 0, "VIII. KẾT THÚC HỒ SƠ");
	if (c->cf.state == CASEFILE_CLOSED) {
		casefmt_time(c->cf.closed_at, at);
		buf_printf(&b, "Hồ sơ đã đóng lúc %s theo kết quả rà soát (mẫu "
		    "06) của chu kỳ %d.", at, c->cf.cycle);
	} else
		buf_printf(&b, "Hồ sơ chưa đóng. Trạng thái: %s, chu kỳ %d.",
		    vi(casefile_states, (int)c->cf.state), c->cf.cycle);
	(void)doc_add_text(d, DOC_PARA, 0, b.data);
	buf_release(&b);
}

static void
people_part(struct doc *d, const struct casefile_parts *p)
{
	struct buf b = BUF_INIT;
	size_t i;

	heading(d, 0, "IX. NGƯỜI ĐƯỢC PHÂN CÔNG");
	for (i = 0; i < p->nworkers; i++) {
		buf_reset(&b);
		buf_printf(&b, "- %s (%s)%s;", p->workers[i].full_name,
		    roles[p->workers[i].role].name_vi, p->workers[i].focal ?
		    ", đầu mối bảo vệ trẻ em của trường" : "");
		(void)doc_add_text(d, DOC_ITEM, 0, b.data);
	}
	(void)doc_add_text(d, DOC_PARA, 0, "Hiệu trưởng của trường và cán bộ "
	    "xã được chuyển gửi cũng xem được hồ sơ.");
	buf_release(&b);
}

static struct doc *
build(struct req *r, const struct casectx *c, const struct unit_tree *t,
    const struct casefile_parts *p)
{
	static const enum casefile_step assess[] = { STEP_ASSESSMENT,
	    STEP_EMERGENCY, STEP_DETAILED };
	static const enum casefile_step plan[] = { STEP_PLAN, STEP_APPROVAL };
	static const enum casefile_step review[] = { STEP_REVIEW };
	struct doc *d = doc_new();
	struct doc_block *b;
	struct buf x = BUF_INIT;
	char today[11], now[24];

	date_today(today);
	header(c, t, d);
	b = doc_add_block(d, DOC_PARA, 0);
	doc_add_run(b, "MẬT. ", DOC_BOLD);
	doc_add_run(b, "Hồ sơ chứa thông tin cá nhân của trẻ em (Luật Trẻ em "
	    "2016; Nghị định 56/2017/NĐ-CP). Chỉ người được phân công xử lý "
	    "hồ sơ được đọc; không sao chép, không chuyển cho người khác, "
	    "không để nơi người khác xem được.", DOC_ITALIC);
	report_part(d, &c->cf);
	heading(d, 0, "II. ĐÁNH GIÁ (MẪU 02, 03) VÀ CAN THIỆP KHẨN CẤP");
	steps_part(d, &c->cf, p, assess, 3);
	heading(d, 0, "III. KẾ HOẠCH HỖ TRỢ, CAN THIỆP (MẪU 04) VÀ PHÊ DUYỆT "
	    "(MẪU 05)");
	steps_part(d, &c->cf, p, plan, 2);
	measures_part(d, p, today);
	referrals_part(d, p);
	heading(d, 0, "VI. RÀ SOÁT, ĐÁNH GIÁ (MẪU 06)");
	steps_part(d, &c->cf, p, review, 1);
	deadlines_part(d, c, p, today);
	closure_part(d, c);
	people_part(d, p);
	casefmt_time((int64_t)time(NULL), now);
	buf_printf(&x, "Bản xuất lúc %s bởi %s (%s), địa chỉ %s; lần xuất này "
	    "được ghi vào nhật ký hồ sơ. MẬT.", now, r->user.full_name,
	    r->user.username, r->ip);
	b = doc_add_block(d, DOC_PARA, 0);
	doc_add_run(b, x.data, DOC_ITALIC);
	doc_set(&d->sign.title, "NGƯỜI XUẤT HỒ SƠ");
	doc_set(&d->sign.name, r->user.full_name);
	doc_strs_add(&d->recipients, "- Lưu hồ sơ bảo vệ trẻ em (MẬT).");
	buf_release(&x);
	return d;
}

void
casefile_pdf(struct req *r)
{
	const struct unit_tree *t = NULL;
	struct casefile_parts p;
	struct casectx c;
	struct doc *d = NULL;
	char disp[96];
	enum err e;

	memset(&p, 0, sizeof(p));
	if (!casectx_open(r, r->params[0], NEED_WORK, "xuất PDF", &c))
		return;
	if (caseaudit_append(r->db, &c.who, "export_pdf", c.cf.id, "PDF") !=
	    ERR_OK) {
		casectx_rollback(r, &c);
		resp_error(r, ERR_DB, "Không đọc được.", "Cannot read.");
		goto out;
	}
	if ((e = casefile_open_text(r->db, c.key, &c.cf)) == ERR_OK)
		e = casefile_parts_load(r, &c, &p);
	/* The read is logged even when the text does not open. */
	if (!casectx_commit(r, &c))
		goto out;
	if (e != ERR_OK) {
		casectx_unreadable(r);
		goto out;
	}
	if ((t = unit_tree_get(r->app, r->db)) == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		goto out;
	}
	d = build(r, &c, t, &p);
	buf_reset(&r->out);
	if (doc_pdf(d, &r->out) != ERR_OK) {
		resp_error(r, ERR_IO, "Không tạo được tệp.",
		    "The file could not be made.");
		goto out;
	}
	r->status = 200;
	r->ctype = "application/pdf";
	snprintf(disp, sizeof(disp), "attachment; filename=\"ho-so-%lld.pdf\"",
	    (long long)c.cf.id);
	resp_header(r, "Content-Disposition", disp);
	resp_header(r, "Cache-Control", "no-store");
out:
	doc_free(d);
	casefile_parts_release(&p);
	casefile_release(&c.cf);
	casefile_rules_release(&c.rules);
	unit_tree_put(r->app, t);
}
