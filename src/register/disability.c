/*
 * disability.c -- checking a child's disability (see disability.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/strutil.h"
#include "register/disability.h"
#include "register/namefold.h"

const struct reg_code dis_kinds[DIS_KIND__MAX] = {
	[DIS_MOBILITY] = { "mobility", "Khuyết tật vận động", "Mobility" },
	[DIS_HEARING_SPEECH] = { "hearing_speech", "Khuyết tật nghe, nói",
	    "Hearing and speech" },
	[DIS_VISION] = { "vision", "Khuyết tật nhìn", "Vision" },
	[DIS_MENTAL] = { "mental", "Khuyết tật thần kinh, tâm thần",
	    "Neurological, mental" },
	[DIS_INTELLECTUAL] = { "intellectual", "Khuyết tật trí tuệ",
	    "Intellectual" },
	[DIS_OTHER] = { "other", "Khuyết tật khác", "Other" },
	[DIS_MULTIPLE] = { "multiple", "Đa tật", "Multiple" },
};

const struct reg_code dis_severities[DIS_SEV__MAX] = {
	[DIS_MILD] = { "mild", "Nhẹ", "Mild" },
	[DIS_SEVERE] = { "severe", "Nặng", "Severe" },
	[DIS_VERY_SEVERE] = { "very_severe", "Đặc biệt nặng", "Very severe" },
	[DIS_SEV_UNKNOWN] = { "unknown", "Chưa xác định", "Not assessed" },
};

const struct reg_code dis_educations[DIS_EDU__MAX] = {
	[DIS_EDU_INCLUSIVE] = { "inclusive", "Giáo dục hòa nhập",
	    "Inclusive education" },
	[DIS_EDU_SPECIAL] = { "special", "Giáo dục chuyên biệt",
	    "Special education" },
	[DIS_EDU_NONE] = { "none", "Chưa được giáo dục", "No education" },
};

const struct field dis_f_kind = { "dis_kind", "Dạng khuyết tật",
	"Kind of disability" };
const struct field dis_f_severity = { "dis_severity", "Mức độ khuyết tật",
	"Severity" };
const struct field dis_f_learning_needs = { "dis_learning_needs",
	"Có nhu cầu học tập", "Learning needs" };
const struct field dis_f_education = { "dis_education",
	"Hình thức giáo dục", "Education received" };
const struct field dis_f_rehab_support = { "dis_rehab",
	"Hỗ trợ phục hồi chức năng", "Rehabilitation support" };
const struct field dis_f_since = { "dis_since", "Khuyết tật từ ngày",
	"Disability since" };
const struct field dis_f_note = { "dis_note", "Ghi chú khuyết tật",
	"Disability note" };

bool
reg_parse_bool(const char *raw, bool *out)
{
	static const char *const yes[] = { "1", "yes", "on", "co", "true",
	    "x", NULL };
	static const char *const no[] = { "0", "no", "off", "khong", "false",
	    NULL };
	char key[NAMEFOLD_MAX];
	size_t i;

	if (raw == NULL || raw[0] == '\0') {
		*out = false;
		return true;
	}
	namefold(raw, key, sizeof(key));
	for (i = 0; yes[i] != NULL; i++)
		if (strcmp(key, yes[i]) == 0) {
			*out = true;
			return true;
		}
	for (i = 0; no[i] != NULL; i++)
		if (strcmp(key, no[i]) == 0) {
			*out = false;
			return true;
		}
	return false;
}

static void
bool_field(struct form_errors *errs, const struct field *f, const char *raw,
    bool *out)
{
	if (!reg_parse_bool(raw, out))
		form_error(errs, f, "phải là có hoặc không.", "must be yes or "
		    "no.");
}

/* A code of table or an error naming f; *out untouched when absent. */
static void
code_field(struct form_errors *errs, const struct field *f, const char *raw,
    const struct reg_code *table, int n, bool required, int *out)
{
	int i;

	if (str_empty(raw)) {
		if (required)
			form_error(errs, f, "cần chọn.", "required.");
		return;
	}
	if ((i = reg_code_find(table, n, raw)) < 0)
		form_error(errs, f, "giá trị không có trong danh sách.",
		    "is not one of the allowed values.");
	else
		*out = i;
}

bool
disability_check(const struct disability_raw *raw, const char *birth,
    const char *today, struct disability *out, bool *present,
    struct form_errors *errs)
{
	size_t before = errs->n;
	int kind = -1, sev = DIS_SEV_UNKNOWN, edu = -1;

	memset(out, 0, sizeof(*out));
	*present = !str_empty(raw->kind);
	if (!*present)
		return true;
	code_field(errs, &dis_f_kind, raw->kind, dis_kinds, DIS_KIND__MAX,
	    true, &kind);
	code_field(errs, &dis_f_severity, raw->severity, dis_severities,
	    DIS_SEV__MAX, false, &sev);
	code_field(errs, &dis_f_education, raw->education, dis_educations,
	    DIS_EDU__MAX, true, &edu);
	bool_field(errs, &dis_f_learning_needs, raw->learning_needs,
	    &out->learning_needs);
	bool_field(errs, &dis_f_rehab_support, raw->rehab_support,
	    &out->rehab_support);
	if (valid_date(errs, &dis_f_since, raw->since, false, out->since) &&
	    out->since[0] != '\0') {
		if (birth != NULL && birth[0] != '\0' &&
		    strcmp(out->since, birth) < 0)
			form_error(errs, &dis_f_since, "không được trước ngày "
			    "sinh.", "may not be before the date of birth.");
		else if (strcmp(out->since, today) > 0)
			form_error(errs, &dis_f_since, "không được sau hôm nay.",
			    "may not be after today.");
	}
	(void)valid_text(errs, &dis_f_note, raw->note, false, CHILD_NOTE_MAX,
	    out->note);
	out->kind = kind >= 0 ? (enum dis_kind)kind : DIS_OTHER;
	out->severity = (enum dis_severity)sev;
	out->education = edu >= 0 ? (enum dis_education)edu : DIS_EDU_NONE;
	return errs->n == before;
}
