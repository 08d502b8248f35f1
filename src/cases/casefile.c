/*
 * casefile.c -- the pure logic of protection cases: code tables, the
 * procedure's transitions, the reporter's view of the status, dates and
 * working days.  No SQL, no HTML; see casefile.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cases/casefile.h"
#include "cases/crypt.h"
#include "core/strutil.h"

const struct casefile_code casefile_sources[] = {
	{ "phone", "Qua điện thoại", "By telephone" },
	{ "in_person", "Gặp trực tiếp", "In person" },
	{ "other_person", "Người khác báo", "Reported by someone else" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_sexes[] = {
	{ "m", "Nam", "Male" },
	{ "f", "Nữ", "Female" },
	{ "u", "Không biết", "Unknown" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_forms[] = {
	{ "violence", "Bạo lực", "Violence" },
	{ "exploitation", "Bóc lột", "Exploitation" },
	{ "sexual", "Xâm hại tình dục", "Sexual abuse" },
	{ "trafficking", "Mua bán", "Trafficking" },
	{ "neglect", "Bỏ rơi, bỏ mặc", "Abandonment, neglect" },
	{ "other", "Hình thức khác", "Other" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_sexual_kinds[] = {
	{ "rape", "Hiếp dâm", "Rape" },
	{ "coercion", "Cưỡng dâm", "Coerced sex" },
	{ "intercourse", "Giao cấu", "Sexual intercourse with a child" },
	{ "molestation", "Dâm ô", "Molestation" },
	{ "prostitution", "Mại dâm, khiêu dâm", "Prostitution, pornography" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_places[] = {
	{ "family", "Gia đình", "Family" },
	{ "school", "Trường học", "School" },
	{ "community", "Cộng đồng", "Community" },
	{ "online", "Môi trường mạng", "Online" },
	{ "other", "Nơi khác", "Other" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_findings[] = {
	{ "abused", "Trẻ em bị xâm hại", "The child was abused" },
	{ "at_risk", "Trẻ em có nguy cơ bị xâm hại", "The child is at risk" },
	{ "not_confirmed", "Chưa xác định được", "Not confirmed" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_ratings[] = {
	{ "high", "Cao", "High" },
	{ "medium", "Trung bình", "Medium" },
	{ "low", "Thấp", "Low" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_outcomes[] = {
	{ "close", "Kết thúc kế hoạch, đóng hồ sơ",
	    "End the plan and close the case" },
	{ "continue", "Tiếp tục: xây dựng kế hoạch mới",
	    "Go on: make a new plan" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_referral_kinds[] = {
	{ "commune", "Người làm công tác bảo vệ trẻ em cấp xã",
	    "Commune child-protection officer" },
	{ "hotline", "Tổng đài quốc gia bảo vệ trẻ em 111",
	    "National child protection hotline 111" },
	{ "police", "Công an", "Police" },
	{ "other", "Cơ quan khác", "Another body" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_hows[] = {
	{ "phone", "Điện thoại", "Telephone" },
	{ "letter", "Văn bản", "Letter" },
	{ "in_person", "Trực tiếp", "In person" },
	{ "online", "Trực tuyến", "Online" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_measure_kinds[] = {
	{ "counselling", "Tư vấn, hỗ trợ tâm lý", "Counselling" },
	{ "learning", "Hỗ trợ học tập", "Learning support" },
	{ "safety", "Bảo đảm an toàn ở trường", "Safety at school" },
	{ "other", "Biện pháp khác", "Other measure" },
	{ NULL, NULL, NULL }
};

/* Lower bounds in years; the last group is 16-17 (người chưa thành niên,
 * not a child under the Law on Children). */
static const int age_lo[] = { 0, 3, 6, 11, 15, 16 };

const struct casefile_code casefile_age_groups[] = {
	{ "0-2", "Dưới 3 tuổi", "Under 3" },
	{ "3-5", "Từ 3 đến dưới 6 tuổi", "3 to 5" },
	{ "6-10", "Từ 6 đến dưới 11 tuổi", "6 to 10" },
	{ "11-14", "Từ 11 đến dưới 15 tuổi", "11 to 14" },
	{ "15", "Từ 15 đến dưới 16 tuổi", "15" },
	{ "16-17", "Từ 16 đến dưới 18 tuổi", "16 to 17" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_states[] = {
	{ "reported", "Đã tiếp nhận báo cáo", "Reported" },
	{ "assessed", "Đã đánh giá ban đầu", "Initial assessment done" },
	{ "detailed", "Đã đánh giá chi tiết", "Detailed assessment done" },
	{ "planned", "Đã có kế hoạch, chờ phê duyệt",
	    "Plan made, awaiting approval" },
	{ "approved", "Đang thực hiện kế hoạch", "Plan approved, under way" },
	{ "closed", "Đã đóng", "Closed" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_steps[] = {
	{ "assessment", "Đánh giá ban đầu (mẫu 02)",
	    "Initial risk assessment (form 02)" },
	{ "emergency", "Can thiệp khẩn cấp", "Emergency action" },
	{ "detailed", "Đánh giá chi tiết, xác định nhu cầu (mẫu 03)",
	    "Detailed assessment of needs (form 03)" },
	{ "plan", "Kế hoạch hỗ trợ, can thiệp (mẫu 04)",
	    "Support and intervention plan (form 04)" },
	{ "approval", "Phê duyệt kế hoạch (mẫu 05)", "Plan approval (form 05)" },
	{ "review", "Rà soát, đánh giá (mẫu 06)", "Review (form 06)" },
	{ "referral", "Chuyển gửi", "Referral" },
	{ "measure", "Biện pháp của nhà trường", "School measure" },
	{ NULL, NULL, NULL }
};

const struct casefile_code casefile_public_names[] = {
	{ "received", "Đã tiếp nhận", "Received" },
	{ "in_progress", "Đang xử lý", "Being handled" },
	{ "referred", "Đã chuyển", "Referred" },
	{ "closed", "Đã đóng", "Closed" },
	{ NULL, NULL, NULL }
};

int
casefile_code_index(const struct casefile_code *t, const char *code)
{
	int i;

	if (code == NULL)
		return -1;
	for (i = 0; t[i].code != NULL; i++)
		if (strcmp(t[i].code, code) == 0)
			return i;
	return -1;
}

const char *
casefile_code_name(const struct casefile_code *t, int i, bool en)
{
	int k;

	if (i < 0)
		return "";
	for (k = 0; k < i; k++)
		if (t[k].code == NULL)
			return "";
	if (t[i].code == NULL)
		return "";
	return en ? t[i].en : t[i].vi;
}

int
casefile_age_group(int age)
{
	int g;

	if (age < 0 || age > 17)
		return -1;
	for (g = (int)(sizeof(age_lo) / sizeof(age_lo[0])) - 1; g > 0; g--)
		if (age >= age_lo[g])
			return g;
	return 0;
}

enum casefile_public
casefile_public_status(enum casefile_state s, bool referred)
{
	if (s == CASEFILE_CLOSED)
		return PUBLIC_CLOSED;
	if (referred)
		return PUBLIC_REFERRED;
	return s == CASEFILE_REPORTED ? PUBLIC_RECEIVED : PUBLIC_IN_PROGRESS;
}

/* The state each form step needs, and why it cannot come earlier. */
static const struct {
	enum casefile_state	 needs;
	const char		*early_vi, *early_en;
	const char		*late_vi, *late_en;
} order[] = {
	[STEP_ASSESSMENT] = { CASEFILE_REPORTED, "", "",
	    "Đánh giá ban đầu (mẫu 02) đã được ghi nhận.",
	    "The initial assessment (form 02) is already recorded." },
	[STEP_DETAILED] = { CASEFILE_ASSESSED,
	    "Cần đánh giá ban đầu (mẫu 02) trước khi đánh giá chi tiết.",
	    "The initial assessment (form 02) must come before the detailed "
	    "assessment.",
	    "Đánh giá chi tiết (mẫu 03) của chu kỳ này đã được ghi nhận.",
	    "The detailed assessment (form 03) of this cycle is already "
	    "recorded." },
	[STEP_PLAN] = { CASEFILE_DETAILED,
	    "Cần đánh giá chi tiết (mẫu 03) trước khi lập kế hoạch.",
	    "The detailed assessment (form 03) must come before the plan.",
	    "Kế hoạch (mẫu 04) của chu kỳ này đã có.",
	    "The plan (form 04) of this cycle already exists." },
	[STEP_APPROVAL] = { CASEFILE_PLANNED,
	    "Chưa có kế hoạch (mẫu 04) để phê duyệt.",
	    "There is no plan (form 04) to approve.",
	    "Kế hoạch của chu kỳ này đã được phê duyệt.",
	    "The plan of this cycle is already approved." },
	[STEP_REVIEW] = { CASEFILE_APPROVED,
	    "Chưa có kế hoạch được phê duyệt để rà soát (mẫu 06).",
	    "There is no approved plan to review (form 06).", "", "" },
	[STEP_MEASURE] = { CASEFILE_APPROVED,
	    "Biện pháp của nhà trường thuộc kế hoạch đã được phê duyệt; "
	    "chưa có kế hoạch được phê duyệt.",
	    "School measures belong to an approved plan; there is none yet.",
	    "", "" },
};

enum err
casefile_step_allowed(enum casefile_state s, enum casefile_step step,
    bool serious, bool emergency_done, const char **vi, const char **en)
{
	if (s == CASEFILE_CLOSED) {
		*vi = "Hồ sơ đã đóng; không ghi thêm được.";
		*en = "The case is closed; nothing more can be recorded.";
		return ERR_CONFLICT;
	}
	switch (step) {
	case STEP_REFERRAL:
		return ERR_OK;
	case STEP_EMERGENCY:
		if (!serious) {
			*vi = "Đánh giá ban đầu không thấy tổn hại nghiêm trọng; "
			    "không có can thiệp khẩn cấp để ghi.";
			*en = "The initial assessment found no serious harm; "
			    "there is no emergency action to record.";
			return ERR_CONFLICT;
		}
		if (emergency_done) {
			*vi = "Can thiệp khẩn cấp đã được ghi nhận.";
			*en = "The emergency action is already recorded.";
			return ERR_CONFLICT;
		}
		return ERR_OK;
	case STEP_ASSESSMENT:
	case STEP_DETAILED:
	case STEP_PLAN:
	case STEP_APPROVAL:
	case STEP_REVIEW:
	case STEP_MEASURE:
		if (s < order[step].needs) {
			*vi = order[step].early_vi;
			*en = order[step].early_en;
			return ERR_CONFLICT;
		}
		if (s > order[step].needs) {
			*vi = order[step].late_vi;
			*en = order[step].late_en;
			return ERR_CONFLICT;
		}
		return ERR_OK;
	default:
		break;
	}
	*vi = "Bước không hợp lệ.";
	*en = "Not a valid step.";
	return ERR_CONFLICT;
}

enum casefile_state
casefile_state_after(enum casefile_state s, enum casefile_step step,
    bool review_continue)
{
	switch (step) {
	case STEP_ASSESSMENT:
		return CASEFILE_ASSESSED;
	case STEP_DETAILED:
		return CASEFILE_DETAILED;
	case STEP_PLAN:
		return CASEFILE_PLANNED;
	case STEP_APPROVAL:
		return CASEFILE_APPROVED;
	case STEP_REVIEW:
		return review_continue ? CASEFILE_DETAILED : CASEFILE_CLOSED;
	default:
		return s;
	}
}

enum err
casefile_check_date(const char *date, const char *earliest,
    const char *today, const char **vi, const char **en)
{
	if (!str_is_date(date)) {
		*vi = "phải là ngày có thật, dạng YYYY-MM-DD.";
		*en = "must be a real date written YYYY-MM-DD.";
		return ERR_INVALID;
	}
	if (earliest != NULL && earliest[0] != '\0' &&
	    strcmp(date, earliest) < 0) {
		*vi = "không thể trước ngày tiếp nhận thông tin hoặc bước "
		    "trước đó.";
		*en = "cannot be before the day the information came in or the "
		    "step before.";
		return ERR_INVALID;
	}
	if (strcmp(date, today) > 0) {
		*vi = "không thể là ngày trong tương lai.";
		*en = "cannot be in the future.";
		return ERR_INVALID;
	}
	return ERR_OK;
}

static int
cmp_day(const void *a, const void *b)
{
	return strcmp(a, b);
}

bool
casefile_is_working_day(const char *date, const struct casefile_holidays *h)
{
	int64_t wd = (date_days(date) + 4) % 7;	/* 0 = Sunday */

	if (wd < 0)
		wd += 7;
	if (wd == 0 || wd == 6)
		return false;
	return h == NULL || h->n == 0 || bsearch(date, h->days, h->n,
	    sizeof(h->days[0]), cmp_day) == NULL;
}

void
casefile_add_working_days(const char *from, int n,
    const struct casefile_holidays *h, char out[11])
{
	int64_t d = date_days(from);

	snprintf(out, 11, "%s", from);
	while (n > 0) {
		date_from_days(++d, out);
		if (casefile_is_working_day(out, h))
			n--;
	}
}

int
casefile_working_days_between(const char *a, const char *b,
    const struct casefile_holidays *h)
{
	int64_t da = date_days(a), db = date_days(b), d;
	char day[11];
	int n = 0;

	for (d = da < db ? da : db; d < (da < db ? db : da); d++) {
		date_from_days(d + 1, day);
		if (casefile_is_working_day(day, h))
			n++;
	}
	return da <= db ? n : -n;
}

void
casefile_local_time(int64_t t, const char *fmt, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	if (strftime(out, size, fmt, &tm) == 0 && size > 0)
		out[0] = '\0';
}

void
casefile_date_of(int64_t t, char out[11])
{
	casefile_local_time(t, "%Y-%m-%d", out, 11);
}

void
casefile_suppress(const int64_t *counts, size_t n, enum casefile_cell *out)
{
	int64_t total = 0;
	size_t i, small = 0, min = n;

	for (i = 0; i < n; i++) {
		total += counts[i];
		out[i] = counts[i] < CASEFILE_MIN_CELL ? CELL_SMALL : CELL_SHOWN;
		if (out[i] == CELL_SMALL)
			small++;
		else if (min == n || counts[i] < counts[min])
			min = i;
	}
	if (small == 1 && total >= CASEFILE_MIN_CELL && min < n)
		out[min] = CELL_HIDDEN;
}

bool
casefile_can_work(enum casefile_access a)
{
	return a == ACCESS_WORKER || a == ACCESS_REFERRED ||
	    a == ACCESS_PRINCIPAL;
}

void
casefile_release(struct casefile *c)
{
	casekey_wipe_free(c->child_name);
	casekey_wipe_free(c->place_text);
	casekey_wipe_free(c->narrative);
	casekey_wipe_free(c->informant_name);
	casekey_wipe_free(c->informant_phone);
	casekey_wipe_free(c->informant_address);
	c->child_name = c->place_text = c->narrative = NULL;
	c->informant_name = c->informant_phone = c->informant_address = NULL;
}
