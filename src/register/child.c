/*
 * child.c -- checking a child's identity and guardians (see child.h): name,
 * sex, birth date, ethnicity, the personal ID number against sex and birth
 * year, the learner code, address, household, and the guardian slots.
 */
#include <stdio.h>
#include <string.h>

#include "core/strutil.h"
#include "register/child.h"
#include "register/ethnicity.h"
#include "register/namefold.h"

const struct reg_code child_sexes[CHILD_SEX__MAX] = {
	[CHILD_SEX_M] = { "m", "Nam", "Male" },
	[CHILD_SEX_F] = { "f", "Nữ", "Female" },
};

const struct reg_code child_households[CHILD_HH__MAX] = {
	[CHILD_HH_NONE] = { "none", "Không", "No" },
	[CHILD_HH_NEAR_POOR] = { "near_poor", "Hộ cận nghèo",
	    "Near-poor household" },
	[CHILD_HH_POOR] = { "poor", "Hộ nghèo", "Poor household" },
};

const struct reg_code guardian_rels[GUARDIAN__MAX] = {
	[GUARDIAN_FATHER] = { "father", "Cha", "Father" },
	[GUARDIAN_MOTHER] = { "mother", "Mẹ", "Mother" },
	[GUARDIAN_GRANDPARENT] = { "grandparent", "Ông / bà", "Grandparent" },
	[GUARDIAN_SIBLING] = { "sibling", "Anh / chị", "Sibling" },
	[GUARDIAN_RELATIVE] = { "relative", "Người thân khác",
	    "Other relative" },
	[GUARDIAN_GUARDIAN] = { "guardian", "Người giám hộ",
	    "Legal guardian" },
	[GUARDIAN_OTHER] = { "other", "Khác", "Other" },
};

const struct field child_f_full_name = { "full_name", "Họ và tên",
	"Full name" };
const struct field child_f_sex = { "sex", "Giới tính", "Sex" };
const struct field child_f_birth_date = { "birth_date", "Ngày sinh",
	"Date of birth" };
const struct field child_f_ethnicity = { "ethnicity", "Dân tộc",
	"Ethnicity" };
const struct field child_f_personal_id = { "personal_id",
	"Số định danh cá nhân", "Personal ID number" };
const struct field child_f_learner_code = { "learner_code",
	"Mã định danh ngành", "Sector learner code" };
const struct field child_f_address = { "address", "Địa chỉ", "Address" };
const struct field child_f_household = { "household",
	"Hộ nghèo / cận nghèo", "Poor / near-poor household" };

#define GF(k) { \
	{ "g" #k "_name", "Người giám hộ " #k ": họ tên", \
	    "Guardian " #k ": name" }, \
	{ "g" #k "_relation", "Người giám hộ " #k ": quan hệ", \
	    "Guardian " #k ": relation" }, \
	{ "g" #k "_phone", "Người giám hộ " #k ": điện thoại", \
	    "Guardian " #k ": phone" }, \
	{ "g" #k "_address", "Người giám hộ " #k ": địa chỉ", \
	    "Guardian " #k ": address" } }
const struct guardian_fields guardian_f[CHILD_GUARDIANS_MAX] = {
	GF(1), GF(2), GF(3), GF(4)
};

int
reg_code_find(const struct reg_code *table, int n, const char *code)
{
	int i;

	if (code == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(table[i].code, code) == 0)
			return i;
	return -1;
}

int
child_age_on(const char *birth, const char *date)
{
	int by, bm, bd, y, m, d, age;

	if (sscanf(birth, "%4d-%2d-%2d", &by, &bm, &bd) != 3 ||
	    sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

char
child_pid_digit(enum child_sex sex, int birth_year)
{
	int century = (birth_year - 1900) / 100;

	return (char)('0' + 2 * century + (sex == CHILD_SEX_F ? 1 : 0));
}

enum pid_problem
child_pid_problem(const char *pid, enum child_sex sex, int birth_year)
{
	int64_t prov;
	char p3[4];
	size_t i;

	if (strlen(pid) != 12)
		return PID_LENGTH;
	for (i = 0; i < 12; i++)
		if (pid[i] < '0' || pid[i] > '9')
			return PID_LENGTH;
	memcpy(p3, pid, 3);
	p3[3] = '\0';
	if (!str_to_int_range(p3, 1, 96, &prov))
		return PID_PROVINCE;
	if (birth_year >= 1900 && birth_year < 2400) {
		if (sex < CHILD_SEX__MAX && pid[3] != child_pid_digit(sex,
		    birth_year))
			return PID_CENTURY_SEX;
		if (sex == CHILD_SEX__MAX && (pid[3] - '0') / 2 !=
		    (birth_year - 1900) / 100)
			return PID_CENTURY_SEX;
		if ((pid[4] - '0') * 10 + (pid[5] - '0') != birth_year % 100)
			return PID_YEAR;
	}
	return PID_OK;
}

/* "nam sinh thế kỷ 21" for digit d. */
static void
digit_meaning(char d, char *vi, size_t vsize, char *en, size_t esize)
{
	int n = d - '0';

	snprintf(vi, vsize, "%s sinh thế kỷ %d", n % 2 ? "nữ" : "nam",
	    20 + n / 2);
	snprintf(en, esize, "a %s born %d–%d", n % 2 ? "girl" : "boy",
	    1900 + 100 * (n / 2), 1999 + 100 * (n / 2));
}

bool
child_pid_valid(struct form_errors *errs, const struct field *f,
    const char *raw, enum child_sex sex, int birth_year, char out[13])
{
	char pid[32], vi[256], en[256], mv[64], me[64];
	size_t i, n = 0, digits = 0;
	bool other = false;

	out[0] = '\0';
	for (i = 0; raw[i] != '\0'; i++) {
		if (raw[i] == ' ' || raw[i] == '.')
			continue;
		if (raw[i] >= '0' && raw[i] <= '9')
			digits++;
		else
			other = true;
		if (n + 1 < sizeof(pid))
			pid[n++] = raw[i];
	}
	pid[n] = '\0';
	if (other) {
		form_error(errs, f, "chỉ gồm 12 chữ số.",
		    "must be 12 digits only.");
		return false;
	}
	switch (child_pid_problem(pid, sex, birth_year)) {
	case PID_OK:
		memcpy(out, pid, 13);
		return true;
	case PID_LENGTH:
		snprintf(vi, sizeof(vi), "phải có đúng 12 chữ số (đang có %zu).",
		    digits);
		snprintf(en, sizeof(en), "must have exactly 12 digits (it has "
		    "%zu).", digits);
		break;
	case PID_PROVINCE:
		snprintf(vi, sizeof(vi), "3 chữ số đầu là mã tỉnh nơi đăng ký "
		    "khai sinh, từ 001 đến 096 («%.3s» không phải).", pid);
		snprintf(en, sizeof(en), "the first 3 digits are the province "
		    "of birth registration, 001 to 096 (\"%.3s\" is not).", pid);
		break;
	case PID_CENTURY_SEX:
		digit_meaning(pid[3], mv, sizeof(mv), me, sizeof(me));
		if (sex < CHILD_SEX__MAX) {
			snprintf(vi, sizeof(vi), "chữ số thứ 4 (thế kỷ và giới "
			    "tính) là %c, tức %s, nhưng trẻ là %s sinh năm %d: "
			    "phải là %c.", pid[3], mv, sex == CHILD_SEX_F ?
			    "nữ" : "nam", birth_year, child_pid_digit(sex,
			    birth_year));
			snprintf(en, sizeof(en), "digit 4 (century and sex) is "
			    "%c, meaning %s, but the child is a %s born in %d: "
			    "it must be %c.", pid[3], me, sex == CHILD_SEX_F ?
			    "girl" : "boy", birth_year, child_pid_digit(sex,
			    birth_year));
		} else {
			snprintf(vi, sizeof(vi), "chữ số thứ 4 (thế kỷ và giới "
			    "tính) là %c, tức %s, không khớp năm sinh %d.",
			    pid[3], mv, birth_year);
			snprintf(en, sizeof(en), "digit 4 (century and sex) is "
			    "%c, meaning %s, which does not fit the birth year "
			    "%d.", pid[3], me, birth_year);
		}
		break;
	case PID_YEAR:
		snprintf(vi, sizeof(vi), "chữ số thứ 5–6 là 2 số cuối của năm "
		    "sinh: «%.2s», nhưng trẻ sinh năm %d: phải là %02d.",
		    pid + 4, birth_year, birth_year % 100);
		snprintf(en, sizeof(en), "digits 5–6 are the last two of the "
		    "birth year: \"%.2s\", but the child was born in %d: they "
		    "must be %02d.", pid + 4, birth_year, birth_year % 100);
		break;
	}
	form_error(errs, f, vi, en);
	return false;
}

static bool
sex_parse(const char *raw, enum child_sex *out)
{
	static const struct {
		const char	*s;
		enum child_sex	 v;
	} words[] = {
		{ "m", CHILD_SEX_M }, { "nam", CHILD_SEX_M },
		{ "male", CHILD_SEX_M }, { "f", CHILD_SEX_F },
		{ "nu", CHILD_SEX_F }, { "female", CHILD_SEX_F },
	};
	char key[NAMEFOLD_MAX];
	size_t i;

	namefold(raw, key, sizeof(key));
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(key, words[i].s) == 0) {
			*out = words[i].v;
			return true;
		}
	return false;
}

/* A learner code: 1-CHILD_LEARNER_MAX of A-Z a-z 0-9 and '-'. */
static bool
learner_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > CHILD_LEARNER_MAX)
		return false;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || s[i] == '-'))
			return false;
	return true;
}

bool
child_check(const struct child_raw *raw, const char *today,
    struct child *out, struct form_errors *errs)
{
	size_t before = errs->n;
	int birth_year = 0, h;
	bool sex_ok = false;
	char tmp[CHILD_TEXT(CHILD_ADDRESS_MAX)];

	if (valid_text(errs, &child_f_full_name, raw->full_name, true,
	    CHILD_NAME_MAX, out->full_name) &&
	    namefold(out->full_name, out->name_key, sizeof(out->name_key)) == 0)
		form_error(errs, &child_f_full_name, "phải có ít nhất một chữ "
		    "cái.", "must have at least one letter.");
	if (str_empty(raw->sex))
		form_error(errs, &child_f_sex, "cần chọn (nam hoặc nữ).",
		    "required (male or female).");
	else if (!(sex_ok = sex_parse(raw->sex, &out->sex)))
		form_error(errs, &child_f_sex, "phải là nam (m) hoặc nữ (f).",
		    "must be male (m) or female (f).");
	if (valid_date(errs, &child_f_birth_date, raw->birth_date, true,
	    out->birth_date)) {
		if (strcmp(out->birth_date, CHILD_BIRTH_MIN) < 0)
			form_error(errs, &child_f_birth_date, "không được trước "
			    "ngày 01/01/1990.", "may not be before 1990-01-01.");
		else if (strcmp(out->birth_date, today) > 0)
			form_error(errs, &child_f_birth_date, "không được sau "
			    "hôm nay.", "may not be after today.");
		else if (sscanf(out->birth_date, "%4d", &birth_year) != 1)
			birth_year = 0;
	}
	out->ethnicity[0] = '\0';
	if (!str_empty(raw->ethnicity) && !ethnicity_parse(raw->ethnicity,
	    out->ethnicity)) {
		char vi[200], en[200];

		snprintf(vi, sizeof(vi), "«%.40s» không có trong danh mục 54 "
		    "dân tộc (mã 01 đến 54).", raw->ethnicity);
		snprintf(en, sizeof(en), "\"%.40s\" is not in the list of the "
		    "54 ethnic groups (codes 01 to 54).", raw->ethnicity);
		form_error(errs, &child_f_ethnicity, vi, en);
	}
	out->personal_id[0] = '\0';
	if (!str_empty(raw->personal_id))
		(void)child_pid_valid(errs, &child_f_personal_id,
		    raw->personal_id, sex_ok ? out->sex : CHILD_SEX__MAX,
		    birth_year, out->personal_id);
	out->learner_code[0] = '\0';
	if (valid_text(errs, &child_f_learner_code, raw->learner_code, false,
	    CHILD_LEARNER_MAX + 20, tmp) && tmp[0] != '\0') {
		if (!learner_ok(tmp))
			form_error(errs, &child_f_learner_code, "gồm tối đa 20 "
			    "chữ cái không dấu, chữ số hoặc dấu gạch ngang.",
			    "has at most 20 letters without marks, digits or "
			    "hyphens.");
		else
			memcpy(out->learner_code, tmp, strlen(tmp) + 1);
	}
	(void)valid_text(errs, &child_f_address, raw->address, false,
	    CHILD_ADDRESS_MAX, out->address);
	out->household = CHILD_HH_NONE;
	if (!str_empty(raw->household)) {
		if ((h = reg_code_find(child_households, CHILD_HH__MAX,
		    raw->household)) < 0)
			form_error(errs, &child_f_household, "phải là không, hộ "
			    "cận nghèo hoặc hộ nghèo.", "must be no, near-poor "
			    "or poor.");
		else
			out->household = (enum child_household)h;
	}
	return errs->n == before;
}

/* A Vietnamese phone number: 0 + 9-10 digits or +84 + 9-10 digits, with
 * spaces, dots and hyphens allowed between the digits. */
static bool
phone_ok(const char *s)
{
	size_t digits = 0, i = 0;
	bool plus = false;

	if (s[0] == '+') {
		plus = true;
		i = 1;
	}
	for (; s[i] != '\0'; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != ' ' && s[i] != '.' && s[i] != '-')
			return false;
	}
	if (plus)
		return strncmp(s, "+84", 3) == 0 && digits >= 11 && digits <= 12;
	return s[0] == '0' && digits >= 10 && digits <= 11;
}

bool
guardian_check(const struct guardian_raw *raw, size_t n,
    struct guardian *out, size_t *nout, struct form_errors *errs)
{
	size_t before = errs->n, k;
	int rel;

	*nout = 0;
	for (k = 0; k < n && k < CHILD_GUARDIANS_MAX; k++) {
		const struct guardian_raw *g = &raw[k];
		const struct guardian_fields *f = &guardian_f[k];
		struct guardian *o = &out[*nout];

		if (str_empty(g->full_name) && str_empty(g->relation) &&
		    str_empty(g->phone) && str_empty(g->address))
			continue;
		memset(o, 0, sizeof(*o));
		o->seq = (int)*nout + 1;
		(void)valid_text(errs, &f->name, g->full_name, true,
		    CHILD_NAME_MAX, o->full_name);
		if (str_empty(g->relation))
			form_error(errs, &f->relation, "cần chọn.", "required.");
		else if ((rel = reg_code_find(guardian_rels, GUARDIAN__MAX,
		    g->relation)) < 0)
			form_error(errs, &f->relation, "giá trị không có trong "
			    "danh sách.", "is not one of the allowed values.");
		else
			o->relation = (enum guardian_rel)rel;
		if (valid_text(errs, &f->phone, g->phone, false,
		    CHILD_PHONE_MAX, o->phone) && o->phone[0] != '\0' &&
		    !phone_ok(o->phone))
			form_error(errs, &f->phone, "phải là số điện thoại Việt "
			    "Nam: 0 và 9–10 chữ số, hoặc +84 và 9–10 chữ số.",
			    "must be a Vietnamese phone number: 0 and 9–10 "
			    "digits, or +84 and 9–10 digits.");
		(void)valid_text(errs, &f->address, g->address, false,
		    CHILD_ADDRESS_MAX, o->address);
		(*nout)++;
	}
	return errs->n == before;
}
