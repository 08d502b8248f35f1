/*
 * consent.c -- checking consents and working out what a child's record
 * still lacks (see consent.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/strutil.h"
#include "register/consent.h"

const struct reg_code consent_purposes[CONSENT_PURPOSE__MAX] = {
	[CONSENT_CARE] = { "care", "Dữ liệu sức khỏe, khuyết tật, hoàn cảnh "
	    "để chăm sóc, hỗ trợ học tập", "Health, disability and "
	    "circumstance data for care and learning support" },
	[CONSENT_SHARE] = { "share", "Chia sẻ với cơ quan y tế, bảo vệ trẻ em",
	    "Sharing with health and child-protection services" },
	[CONSENT_PHOTO] = { "photo", "Hình ảnh trong hoạt động của trường",
	    "Photos in school activities" },
	[CONSENT_PUBLISH] = { "publish", "Công bố họ tên (khen thưởng, danh "
	    "sách)", "Publishing the name (awards, lists)" },
};

const struct reg_code consent_whos[CONSENT_WHO__MAX] = {
	[CONSENT_CHILD] = { "child", "Trẻ", "The child" },
	[CONSENT_GUARDIAN] = { "guardian", "Cha mẹ / người giám hộ",
	    "Parent or guardian" },
};

const struct reg_code consent_states[CONSENT_STATE__MAX] = {
	[CONSENT_GIVEN] = { "given", "Đồng ý", "Given" },
	[CONSENT_WITHDRAWN] = { "withdrawn", "Rút lại", "Withdrawn" },
	[CONSENT_REFUSED] = { "refused", "Không đồng ý", "Refused" },
};

const struct field consent_f_purpose = { "purpose", "Mục đích", "Purpose" };
const struct field consent_f_who = { "who", "Người đồng ý", "Given by" };
const struct field consent_f_guardian = { "guardian", "Người giám hộ",
	"Guardian" };
const struct field consent_f_state = { "state", "Ý kiến", "Decision" };
const struct field consent_f_on_date = { "on_date", "Ngày", "Date" };
const struct field consent_f_note = { "note", "Ghi chú", "Note" };

static void
code_of(struct form_errors *errs, const struct field *f, const char *raw,
    const struct reg_code *table, int n, int *out)
{
	int i;

	if (str_empty(raw))
		form_error(errs, f, "cần chọn.", "required.");
	else if ((i = reg_code_find(table, n, raw)) < 0)
		form_error(errs, f, "giá trị không có trong danh sách.",
		    "is not one of the allowed values.");
	else
		*out = i;
}

bool
consent_check(const struct consent_raw *raw, const char *birth,
    const char *today, struct consent *out, struct form_errors *errs)
{
	size_t before = errs->n;
	int purpose = -1, who = -1, state = -1;
	bool present;

	memset(out, 0, sizeof(*out));
	code_of(errs, &consent_f_purpose, raw->purpose, consent_purposes,
	    CONSENT_PURPOSE__MAX, &purpose);
	code_of(errs, &consent_f_who, raw->who, consent_whos,
	    CONSENT_WHO__MAX, &who);
	code_of(errs, &consent_f_state, raw->state, consent_states,
	    CONSENT_STATE__MAX, &state);
	(void)valid_int(errs, &consent_f_guardian, raw->guardian, false, 1,
	    INT64_MAX, &out->guardian_id, &present);
	if (!present)
		out->guardian_id = 0;
	if (who == CONSENT_CHILD && out->guardian_id != 0)
		form_error(errs, &consent_f_guardian, "chỉ chọn khi người đồng ý "
		    "là người giám hộ.", "only when a guardian gives it.");
	if (valid_date(errs, &consent_f_on_date, raw->on_date, true,
	    out->on_date)) {
		if (strcmp(out->on_date, today) > 0)
			form_error(errs, &consent_f_on_date, "không được sau hôm "
			    "nay.", "may not be after today.");
		else if (birth[0] != '\0' && strcmp(out->on_date, birth) < 0)
			form_error(errs, &consent_f_on_date, "không được trước "
			    "ngày sinh của trẻ.", "may not be before the child's "
			    "date of birth.");
		else if (who == CONSENT_CHILD && birth[0] != '\0' &&
		    child_age_on(birth, out->on_date) < CONSENT_CHILD_AGE) {
			char vi[200], en[200];
			int age = child_age_on(birth, out->on_date);

			snprintf(vi, sizeof(vi), "ngày đó trẻ mới %d tuổi; trẻ tự "
			    "cho ý kiến từ đủ %d tuổi, trước đó chỉ cần ý kiến "
			    "của cha mẹ hoặc người giám hộ.", age,
			    CONSENT_CHILD_AGE);
			snprintf(en, sizeof(en), "the child was %d on that day; a "
			    "child's own consent is asked from the age of %d, "
			    "before that only the parent's or guardian's.", age,
			    CONSENT_CHILD_AGE);
			form_error(errs, &consent_f_who, vi, en);
		}
	}
	(void)valid_text(errs, &consent_f_note, raw->note, false,
	    CHILD_NOTE_MAX, out->note);
	out->purpose = purpose >= 0 ? (enum consent_purpose)purpose :
	    CONSENT_CARE;
	out->who = who >= 0 ? (enum consent_who)who : CONSENT_GUARDIAN;
	out->state = state >= 0 ? (enum consent_state)state : CONSENT_GIVEN;
	return errs->n == before;
}

void
consent_current(const struct consent *c, size_t n,
    enum consent_state state[CONSENT_PURPOSE__MAX][CONSENT_WHO__MAX])
{
	const struct consent *latest[CONSENT_PURPOSE__MAX][CONSENT_WHO__MAX];
	size_t i;
	int p, w;

	memset(latest, 0, sizeof(latest));
	for (i = 0; i < n; i++) {
		const struct consent **l;

		if ((unsigned)c[i].purpose >= CONSENT_PURPOSE__MAX ||
		    (unsigned)c[i].who >= CONSENT_WHO__MAX)
			continue;
		l = &latest[c[i].purpose][c[i].who];
		if (*l == NULL || strcmp(c[i].on_date, (*l)->on_date) > 0 ||
		    (strcmp(c[i].on_date, (*l)->on_date) == 0 &&
		    c[i].id > (*l)->id))
			*l = &c[i];
	}
	for (p = 0; p < CONSENT_PURPOSE__MAX; p++)
		for (w = 0; w < CONSENT_WHO__MAX; w++)
			state[p][w] = latest[p][w] ? latest[p][w]->state :
			    CONSENT_STATE__MAX;
}

int
consent_missing(const struct consent *c, size_t n, const char *birth,
    const char *today, bool need[CONSENT_PURPOSE__MAX][CONSENT_WHO__MAX])
{
	enum consent_state state[CONSENT_PURPOSE__MAX][CONSENT_WHO__MAX];
	bool child_asked = child_age_on(birth, today) >= CONSENT_CHILD_AGE;
	int p, missing = 0;

	consent_current(c, n, state);
	for (p = 0; p < CONSENT_PURPOSE__MAX; p++) {
		need[p][CONSENT_GUARDIAN] =
		    state[p][CONSENT_GUARDIAN] == CONSENT_STATE__MAX;
		need[p][CONSENT_CHILD] = child_asked &&
		    state[p][CONSENT_CHILD] == CONSENT_STATE__MAX;
		missing += need[p][CONSENT_GUARDIAN] + need[p][CONSENT_CHILD];
	}
	return missing;
}
