/*
 * t_register.c -- the child register's model: name folding and matching,
 * the ethnicity list, every validator of a child (personal ID against sex
 * and birth year, dates that exist, unknown ethnicity ...), guardians,
 * disability, special circumstances, consents, grades against school
 * levels, enrolment rows, status transitions, transfers, absences and the
 * early-warning rules.  Each bad case of the issue has its own test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "register/child.h"
#include "register/circumstance.h"
#include "register/consent.h"
#include "register/disability.h"
#include "register/enrolment.h"
#include "register/ethnicity.h"
#include "register/namefold.h"
#include "register/warning.h"

#define TODAY "2026-03-15"

/* The Vietnamese message for field f, or NULL. */
static const char *
msg(const struct form_errors *errs, const struct field *f)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		if (errs->e[i].f == f)
			return errs->e[i].vi;
	return NULL;
}

static void
assert_msg(const struct form_errors *errs, const struct field *f,
    const char *part)
{
	const char *m = msg(errs, f);

	if (m == NULL)
		fail_msg("no message for %s (%zu others)", f->name, errs->n);
	if (strstr(m, part) == NULL)
		fail_msg("message for %s is \"%s\", wanted \"%s\"", f->name, m,
		    part);
	/* Every message names its field in both languages. */
	assert_true(strncmp(m, f->label_vi, strlen(f->label_vi)) == 0);
}

/* --- folding ----------------------------------------------------------- */

static void
folding_strips_marks_case_and_d(void **state)
{
	char k[NAMEFOLD_MAX];

	(void)state;
	assert_int_equal(namefold("Nguyễn Văn An", k, sizeof(k)), 13);
	assert_string_equal(k, "nguyen van an");
	namefold("Đặng", k, sizeof(k));
	assert_string_equal(k, "dang");
	namefold("  ĐẶNG   thị\tHÀ  ", k, sizeof(k));
	assert_string_equal(k, "dang thi ha");
	namefold("O'Neil-Trần Thị Ngọc Ánh", k, sizeof(k));
	assert_string_equal(k, "o neil tran thi ngoc anh");
	namefold("Hoàng Thị Thuỷ", k, sizeof(k));
	assert_string_equal(k, "hoang thi thuy");
	namefold("<script>alert(1)</script>", k, sizeof(k));
	assert_string_equal(k, "script alert 1 script");
	/* Decomposed input folds the same as precomposed. */
	namefold("Nguye\xcc\x82\xcc\x83n", k, sizeof(k));
	assert_string_equal(k, "nguyen");
	assert_int_equal(namefold("", k, sizeof(k)), 0);
	assert_int_equal(namefold("-- . --", k, sizeof(k)), 0);
	assert_string_equal(k, "");
	assert_int_equal(namefold("bad \xff utf8", k, sizeof(k)), 0);
}

static void
folding_truncates_at_a_word(void **state)
{
	char k[10];

	(void)state;
	assert_int_equal(namefold("Nguyễn Văn An", k, sizeof(k)), 6);
	assert_string_equal(k, "nguyen");
}

static void
search_matches_word_prefixes_in_any_order(void **state)
{
	char k[NAMEFOLD_MAX], q[NAMEFOLD_MAX], like[NAMEFOLD_MAX];

	(void)state;
	namefold("Nguyễn Văn An", k, sizeof(k));
	namefold("nguyen van an", q, sizeof(q));
	assert_true(namefold_match(k, q));
	assert_true(namefold_match(k, "van an"));
	assert_true(namefold_match(k, "an nguyen"));
	assert_true(namefold_match(k, "ng v"));
	assert_true(namefold_match(k, ""));
	assert_false(namefold_match(k, "ann"));
	assert_false(namefold_match(k, "guyen"));
	namefold("Đặng Thị Hà", k, sizeof(k));
	namefold("dang", q, sizeof(q));
	assert_true(namefold_match(k, q));
	namefold("ĐẶNG", q, sizeof(q));
	assert_true(namefold_match(k, q));
	namefold_like("  van an", like, sizeof(like));
	assert_string_equal(like, "% van%");
}

/* --- ethnicity --------------------------------------------------------- */

static void
ethnicity_codes_and_names(void **state)
{
	char c[3];

	(void)state;
	assert_string_equal(ethnicity_find("01")->name, "Kinh");
	assert_string_equal(ethnicity_find("54")->name, "Ơ-đu");
	assert_null(ethnicity_find("55"));
	assert_null(ethnicity_find("00"));
	assert_null(ethnicity_find("1"));
	assert_true(ethnicity_parse("1", c));
	assert_string_equal(c, "01");
	assert_true(ethnicity_parse("Tày", c));
	assert_string_equal(c, "02");
	assert_true(ethnicity_parse("khmer", c));
	assert_string_equal(c, "05");
	assert_true(ethnicity_parse("Khơ Me", c));
	assert_string_equal(c, "05");
	assert_true(ethnicity_parse("H'Mông", c));
	assert_string_equal(c, "08");
	assert_false(ethnicity_parse("99", c));
	assert_false(ethnicity_parse("Klingon", c));
	assert_false(ethnicity_is_minority("01"));
	assert_true(ethnicity_is_minority("02"));
	assert_false(ethnicity_is_minority("77"));
}

/* --- a child ----------------------------------------------------------- */

static struct child_raw
good_child(void)
{
	struct child_raw raw = { "Nguyễn Thị Lan", "f", "2015-04-02", "01",
	    "079315001234", "0123456789", "Ấp 3, xã Dương Tơ", "poor" };

	return raw;
}

/* The child raw is refused with a message for f containing part. */
static void
child_refused(struct child_raw raw, const struct field *f, const char *part)
{
	struct form_errors errs = { 0 };
	struct child c;

	assert_false(child_check(&raw, TODAY, &c, &errs));
	assert_msg(&errs, f, part);
}

static void
good_child_is_accepted(void **state)
{
	struct child_raw raw = good_child();
	struct form_errors errs = { 0 };
	struct child c;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_true(child_check(&raw, TODAY, &c, &errs));
	assert_int_equal(errs.n, 0);
	assert_string_equal(c.name_key, "nguyen thi lan");
	assert_int_equal(c.sex, CHILD_SEX_F);
	assert_string_equal(c.personal_id, "079315001234");
	assert_int_equal(c.household, CHILD_HH_POOR);
	raw.sex = "Nam";
	raw.personal_id = "079 215 001234";
	raw.household = NULL;
	raw.ethnicity = "Kinh";
	assert_true(child_check(&raw, TODAY, &c, &errs));
	assert_int_equal(c.sex, CHILD_SEX_M);
	assert_string_equal(c.personal_id, "079215001234");
	assert_int_equal(c.household, CHILD_HH_NONE);
	assert_string_equal(c.ethnicity, "01");
}

static void
date_of_birth_must_exist(void **state)
{
	const char *bad[] = { "2015-02-30", "2015-13-01", "2014-02-29",
	    "15/04/2015", "2015-4-2", "yesterday" };
	struct child_raw raw = good_child();
	size_t i;

	(void)state;
	raw.personal_id = NULL;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		raw.birth_date = bad[i];
		child_refused(raw, &child_f_birth_date, "ngày có thật");
	}
}

static void
date_of_birth_not_in_the_future_nor_too_old(void **state)
{
	struct child_raw raw = good_child();

	(void)state;
	raw.birth_date = "2026-03-16";
	raw.personal_id = NULL;
	child_refused(raw, &child_f_birth_date, "sau hôm nay");
	raw.birth_date = "1989-12-31";
	child_refused(raw, &child_f_birth_date, "1990");
}

/* Personal ID numbers and what is wrong with them, for a sex and year. */
static const struct {
	const char		*pid;
	enum child_sex		 sex;
	int			 year;
	enum pid_problem	 want;
} pid_cases[] = {
	{ "079315001234", CHILD_SEX_F, 2015, PID_OK },
	{ "096315001234", CHILD_SEX_F, 2015, PID_OK },
	{ "079099001234", CHILD_SEX_M, 1999, PID_OK },
	{ "079199001234", CHILD_SEX_F, 1999, PID_OK },
	{ "079215001234", CHILD_SEX__MAX, 2015, PID_OK },	/* sex unknown */
	{ "07931500123", CHILD_SEX_F, 2015, PID_LENGTH },
	{ "0793150012345", CHILD_SEX_F, 2015, PID_LENGTH },
	{ "07931500123a", CHILD_SEX_F, 2015, PID_LENGTH },
	{ "000315001234", CHILD_SEX_F, 2015, PID_PROVINCE },
	{ "097315001234", CHILD_SEX_F, 2015, PID_PROVINCE },
	{ "079215001234", CHILD_SEX_F, 2015, PID_CENTURY_SEX },	/* a boy's */
	{ "079115001234", CHILD_SEX_F, 2015, PID_CENTURY_SEX },	/* 1900s */
	{ "079015001234", CHILD_SEX__MAX, 2015, PID_CENTURY_SEX },
	{ "079314001234", CHILD_SEX_F, 2015, PID_YEAR },
};

static void
personal_id_rules_case_by_case(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(pid_cases) / sizeof(pid_cases[0]); i++)
		if (child_pid_problem(pid_cases[i].pid, pid_cases[i].sex,
		    pid_cases[i].year) != pid_cases[i].want)
			fail_msg("%s: problem %d, wanted %d", pid_cases[i].pid,
			    child_pid_problem(pid_cases[i].pid,
			    pid_cases[i].sex, pid_cases[i].year),
			    pid_cases[i].want);
	assert_int_equal(child_pid_digit(CHILD_SEX_M, 2015), '2');
	assert_int_equal(child_pid_digit(CHILD_SEX_M, 2100), '4');
	assert_int_equal(child_pid_digit(CHILD_SEX_F, 2100), '5');
}

/* Each bad personal ID is refused with its reason, naming the field. */
static void
bad_personal_ids_are_refused_with_the_reason(void **state)
{
	static const struct {
		const char	*pid;
		const char	*says;
	} bad[] = {
		{ "07931500123", "phải có đúng 12 chữ số (đang có 11)" },
		{ "0793150012345", "phải có đúng 12 chữ số (đang có 13)" },
		{ "07931500123a", "chỉ gồm 12 chữ số" },
		{ "079-315-001234", "chỉ gồm 12 chữ số" },
		{ "000315001234", "001 đến 096" },
		{ "079215001234", "chữ số thứ 4 (thế kỷ và giới tính) là 2" },
		{ "079215001234", "phải là 3" },
		{ "079314001234", "chữ số thứ 5–6" },
		{ "079314001234", "phải là 15" },
	};
	struct child_raw raw = good_child();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		raw.personal_id = bad[i].pid;
		child_refused(raw, &child_f_personal_id, bad[i].says);
	}
}

static void
unknown_ethnicity_is_refused(void **state)
{
	struct child_raw raw = good_child();

	(void)state;
	raw.ethnicity = "99";
	child_refused(raw, &child_f_ethnicity, "54 dân tộc");
}

static void
other_child_fields_are_checked(void **state)
{
	struct child_raw raw = good_child();
	struct form_errors errs = { 0 };
	struct child c;

	(void)state;
	raw.full_name = "  ";
	raw.sex = "x";
	raw.learner_code = "mã có dấu";
	raw.household = "rich";
	assert_false(child_check(&raw, TODAY, &c, &errs));
	assert_msg(&errs, &child_f_full_name, "cần nhập");
	assert_msg(&errs, &child_f_sex, "nam (m) hoặc nữ (f)");
	assert_msg(&errs, &child_f_learner_code, "20");
	assert_msg(&errs, &child_f_household, "cận nghèo");
	memset(&errs, 0, sizeof(errs));
	raw = good_child();
	raw.full_name = "...";
	raw.sex = NULL;
	assert_false(child_check(&raw, TODAY, &c, &errs));
	assert_msg(&errs, &child_f_full_name, "chữ cái");
	assert_msg(&errs, &child_f_sex, "cần chọn");
}

static void
ages_count_whole_years(void **state)
{
	(void)state;
	assert_int_equal(child_age_on("2015-04-02", "2022-04-01"), 6);
	assert_int_equal(child_age_on("2015-04-02", "2022-04-02"), 7);
	assert_int_equal(child_age_on("2016-02-29", "2017-02-28"), 0);
}

static void
guardians_need_a_name_and_relation(void **state)
{
	struct guardian_raw raw[3] = {
		{ "Nguyễn Văn Bình", "father", "0912 345 678", "" },
		{ NULL, NULL, NULL, NULL },
		{ "Trần Thị Cúc", "mother", "+84 912345678", NULL },
	};
	struct guardian g[CHILD_GUARDIANS_MAX];
	struct form_errors errs = { 0 };
	size_t n;

	(void)state;
	assert_true(guardian_check(raw, 3, g, &n, &errs));
	assert_int_equal(n, 2);
	assert_int_equal(g[1].seq, 2);
	assert_int_equal(g[1].relation, GUARDIAN_MOTHER);
	raw[0].full_name = "";
	raw[0].relation = "uncle";
	raw[2].phone = "12345";
	assert_false(guardian_check(raw, 3, g, &n, &errs));
	assert_msg(&errs, &guardian_f[0].name, "cần nhập");
	assert_msg(&errs, &guardian_f[0].relation, "danh sách");
	assert_msg(&errs, &guardian_f[2].phone, "số điện thoại");
}

/* --- disability, circumstances, consent -------------------------------- */

static void
disability_needs_kind_and_education(void **state)
{
	struct disability_raw raw = { "vision", "severe", "1", "inclusive",
	    "0", "2020-01-01", "" };
	struct form_errors errs = { 0 };
	struct disability d;
	bool present;

	(void)state;
	assert_true(disability_check(&raw, "2015-04-02", TODAY, &d, &present,
	    &errs));
	assert_true(present);
	assert_true(d.learning_needs);
	assert_int_equal(d.education, DIS_EDU_INCLUSIVE);
	raw.kind = "";
	assert_true(disability_check(&raw, "2015-04-02", TODAY, &d, &present,
	    &errs));
	assert_false(present);
	raw.kind = "telepathy";
	raw.education = NULL;
	raw.learning_needs = "maybe";
	raw.since = "2010-01-01";
	assert_false(disability_check(&raw, "2015-04-02", TODAY, &d, &present,
	    &errs));
	assert_msg(&errs, &dis_f_kind, "danh sách");
	assert_msg(&errs, &dis_f_education, "cần chọn");
	assert_msg(&errs, &dis_f_learning_needs, "có hoặc không");
	assert_msg(&errs, &dis_f_since, "ngày sinh");
}

static void
circumstance_groups_are_the_fourteen_letters(void **state)
{
	struct circumstance_raw raw = { "đ", "", "2020-01-01", NULL, NULL };
	struct form_errors errs = { 0 };
	struct circumstance c;

	(void)state;
	assert_int_equal(CIRC_GROUPS, 14);
	assert_int_equal(circ_group_find("a"), 0);
	assert_int_equal(circ_group_find("đ"), 4);
	assert_int_equal(circ_group_find("dd"), 4);
	assert_int_equal(circ_group_find("E"), 5);
	assert_int_equal(circ_group_find("o"), 13);
	assert_int_equal(circ_group_find("f"), -1);
	assert_int_equal(circ_group_find("j"), -1);
	assert_true(circumstance_check(&raw, "2015-04-02", TODAY, &c, &errs));
	assert_string_equal(circ_groups[c.group].letter, "đ");
	raw.group = "f";
	assert_false(circumstance_check(&raw, "2015-04-02", TODAY, &c, &errs));
	assert_msg(&errs, &circ_f_group, "a, b, c, d, đ");
}

static void
circumstance_sub_group_and_dates(void **state)
{
	struct circumstance_raw raw = { "a", "3", "2020-01-01", "2021-06-30",
	    NULL };
	struct form_errors errs = { 0 };
	struct circumstance c;

	(void)state;
	assert_true(circumstance_check(&raw, "2015-04-02", TODAY, &c, &errs));
	assert_string_equal(c.sub_group, "3");
	assert_true(circumstance_overlaps(&c, "2020-09-01", "2021-08-31"));
	assert_false(circumstance_overlaps(&c, "2021-09-01", "2022-08-31"));
	raw.sub_group = "5";
	raw.from_on = "2014-01-01";
	raw.to_on = "2013-01-01";
	assert_false(circumstance_check(&raw, "2015-04-02", TODAY, &c, &errs));
	assert_msg(&errs, &circ_f_sub_group, "1 đến 4");
	assert_msg(&errs, &circ_f_from_on, "ngày sinh");
	assert_msg(&errs, &circ_f_to_on, "trước ngày bắt đầu");
}

static void
child_consents_only_from_seven(void **state)
{
	struct consent_raw raw = { "photo", "child", NULL, "given",
	    "2021-09-10", "" };
	struct form_errors errs = { 0 };
	struct consent c;

	(void)state;
	assert_false(consent_check(&raw, "2015-04-02", TODAY, &c, &errs));
	assert_msg(&errs, &consent_f_who, "6 tuổi");
	memset(&errs, 0, sizeof(errs));
	raw.on_date = "2022-04-02";
	assert_true(consent_check(&raw, "2015-04-02", TODAY, &c, &errs));
	raw.who = "guardian";
	raw.on_date = "2016-01-01";
	raw.guardian = "12";
	assert_true(consent_check(&raw, "2015-04-02", TODAY, &c, &errs));
	assert_int_equal(c.guardian_id, 12);
	raw.purpose = "marketing";
	raw.state = NULL;
	raw.on_date = "2026-03-16";
	assert_false(consent_check(&raw, "2015-04-02", TODAY, &c, &errs));
	assert_msg(&errs, &consent_f_purpose, "danh sách");
	assert_msg(&errs, &consent_f_state, "cần chọn");
	assert_msg(&errs, &consent_f_on_date, "sau hôm nay");
}

static void
missing_consents_count_the_child_from_seven(void **state)
{
	struct consent c[3];
	bool need[CONSENT_PURPOSE__MAX][CONSENT_WHO__MAX];

	(void)state;
	memset(c, 0, sizeof(c));
	c[0] = (struct consent){ .id = 1, .purpose = CONSENT_CARE,
	    .who = CONSENT_GUARDIAN, .state = CONSENT_GIVEN,
	    .on_date = "2024-09-05" };
	c[1] = (struct consent){ .id = 2, .purpose = CONSENT_PHOTO,
	    .who = CONSENT_GUARDIAN, .state = CONSENT_GIVEN,
	    .on_date = "2024-09-05" };
	c[2] = (struct consent){ .id = 3, .purpose = CONSENT_PHOTO,
	    .who = CONSENT_GUARDIAN, .state = CONSENT_WITHDRAWN,
	    .on_date = "2025-01-05" };
	/* Aged 5: only the guardian is asked; two purposes lack it. */
	assert_int_equal(consent_missing(c, 3, "2021-01-01", TODAY, need), 2);
	assert_false(need[CONSENT_CARE][CONSENT_GUARDIAN]);
	assert_true(need[CONSENT_SHARE][CONSENT_GUARDIAN]);
	assert_false(need[CONSENT_CARE][CONSENT_CHILD]);
	/* Aged 10: the child's own consent for all four purposes too. */
	assert_int_equal(consent_missing(c, 3, "2015-04-02", TODAY, need), 6);
	assert_true(need[CONSENT_CARE][CONSENT_CHILD]);
	{
		enum consent_state st[CONSENT_PURPOSE__MAX][CONSENT_WHO__MAX];

		consent_current(c, 3, st);
		assert_int_equal(st[CONSENT_PHOTO][CONSENT_GUARDIAN],
		    CONSENT_WITHDRAWN);
		assert_int_equal(st[CONSENT_SHARE][CONSENT_GUARDIAN],
		    CONSENT_STATE__MAX);
	}
}

/* --- enrolment --------------------------------------------------------- */

static struct period
year(const char *code)
{
	struct period p;
	int y;

	memset(&p, 0, sizeof(p));
	if (sscanf(code, "%4d", &y) != 1 || y < 2000 || y > 2100)
		y = 2024;
	p.id = 100 + y;
	snprintf(p.code, sizeof(p.code), "%s", code);
	p.type = PERIOD_SCHOOL_YEAR;
	snprintf(p.start_on, sizeof(p.start_on), "%04u-09-01",
	    (unsigned)y % 10000u);
	snprintf(p.end_on, sizeof(p.end_on), "%04u-08-31",
	    (unsigned)(y + 1) % 10000u);
	snprintf(p.ref_on, sizeof(p.ref_on), "%04u-05-31",
	    (unsigned)(y + 1) % 10000u);
	p.year = y + 1;
	return p;
}

/* Three schools: 1 TH&THCS, 2 THCS, 3 MN (closed in 2025), 4 a commune. */
struct world {
	struct unit		 u[4];
	struct unit_tree	 t;
	struct period		 y;
	struct enrol_ctx	 ctx;
};

static void
world(struct world *w, const char *code)
{
	static char names[4][16] = { "TH&THCS", "THCS", "MN", "Xã" };
	static char empty[] = "";
	static const enum unit_kind kinds[4] = { UNIT_TH_THCS, UNIT_THCS,
	    UNIT_MN, UNIT_COMMUNE };
	int i;

	memset(w, 0, sizeof(*w));
	for (i = 0; i < 4; i++) {
		w->u[i].id = i + 1;
		w->u[i].kind = kinds[i];
		w->u[i].code = w->u[i].name = names[i];
		w->u[i].name_en = w->u[i].abbrev = w->u[i].place = empty;
	}
	snprintf(w->u[2].closed_on, sizeof(w->u[2].closed_on), "2025-01-01");
	w->t.u = w->u;
	w->t.n = 4;
	w->y = year(code);
	w->ctx.kind = UNIT_TH_THCS;
	w->ctx.unit_id = 1;
	w->ctx.year = &w->y;
	w->ctx.birth = "2015-04-02";
	w->ctx.today = TODAY;
	w->ctx.t = &w->t;
}

/* The enrolment raw is refused with a message for f containing part. */
static void
enrol_refused(const struct enrol_raw *raw, const struct enrol_ctx *ctx,
    bool any_status, const struct field *f, const char *part)
{
	struct form_errors errs = { 0 };
	struct enrolment e;

	assert_false(enrol_check(raw, ctx, any_status, &e, &errs));
	assert_msg(&errs, f, part);
}

static void
grades_parse_and_fit_the_level(void **state)
{
	int g;

	(void)state;
	assert_true(enrol_grade_parse("3", &g) && g == 3);
	assert_true(enrol_grade_parse("Lớp 9", &g) && g == 9);
	assert_true(enrol_grade_parse("NT", &g) && g == -3);
	assert_true(enrol_grade_parse("MG5", &g) && g == 0);
	assert_true(enrol_grade_parse("Lá", &g) && g == 0);
	assert_true(enrol_grade_parse("Chồi", &g) && g == -1);
	assert_false(enrol_grade_parse("13", &g));
	assert_false(enrol_grade_parse("-4", &g));
	assert_false(enrol_grade_parse("Lớp 0", &g));
	assert_true(enrol_grade_fits(UNIT_MN, -3));
	assert_true(enrol_grade_fits(UNIT_MN, 0));
	assert_false(enrol_grade_fits(UNIT_MN, 1));
	assert_true(enrol_grade_fits(UNIT_TH, 5));
	assert_false(enrol_grade_fits(UNIT_TH, 6));
	assert_false(enrol_grade_fits(UNIT_THCS, 5));
	assert_true(enrol_grade_fits(UNIT_THCS, 9));
	assert_true(enrol_grade_fits(UNIT_TH_THCS, 1));
	assert_true(enrol_grade_fits(UNIT_TH_THCS, 9));
	assert_false(enrol_grade_fits(UNIT_TH_THCS, 10));
	assert_true(enrol_grade_fits(UNIT_THPT, 12));
	assert_false(enrol_grade_fits(UNIT_THPT, 9));
	assert_true(enrol_grade_fits(UNIT_GROUP, -2));
	assert_false(enrol_grade_fits(UNIT_COMMUNE, 1));
	assert_true(enrol_grade_completes(UNIT_TH_THCS, 5));
	assert_true(enrol_grade_completes(UNIT_TH_THCS, 9));
	assert_false(enrol_grade_completes(UNIT_TH_THCS, 8));
	assert_true(enrol_grade_completes(UNIT_MN, 0));
	assert_false(enrol_grade_completes(UNIT_THCS, 5));
	assert_int_equal(enrol_over_age(3, "2015-04-02", 2023), 0);
	assert_int_equal(enrol_over_age(3, "2013-12-31", 2023), 2);
	assert_string_equal(enrol_grade_name(-2, 0), "Mẫu giáo 3–4 tuổi");
}

static void
good_enrolment_is_accepted(void **state)
{
	struct enrol_raw raw = { .class_name = "4A", .grade = "4" };
	struct form_errors errs = { 0 };
	struct enrolment e;
	struct world w;

	(void)state;
	world(&w, "2024-2025");
	memset(&e, 0, sizeof(e));
	assert_true(enrol_check(&raw, &w.ctx, false, &e, &errs));
	assert_int_equal(e.status, ENROL_STUDYING);
	assert_string_equal(e.entered_on, "2024-09-01");
	assert_string_equal(e.status_on, "2024-09-01");
	assert_int_equal(e.unit_id, 1);
	assert_int_equal(e.period_id, w.y.id);
}

static void
grade_that_does_not_fit_the_level_is_refused(void **state)
{
	struct enrol_raw raw = { .class_name = "10A", .grade = "10" };
	struct world w;

	(void)state;
	world(&w, "2024-2025");
	w.ctx.birth = "2009-01-01";
	enrol_refused(&raw, &w.ctx, false, &enrol_f_grade,
	    "Lớp 10 không thuộc cấp");
	raw.grade = "MG5";
	enrol_refused(&raw, &w.ctx, false, &enrol_f_grade, "Lớp 1 đến Lớp 9");
}

static void
birth_after_enrolment_is_refused(void **state)
{
	struct enrol_raw raw = { .class_name = "1A", .grade = "1",
	    .entered_on = "2024-10-01" };
	struct world w;

	(void)state;
	world(&w, "2024-2025");
	w.ctx.birth = "2024-12-01";
	enrol_refused(&raw, &w.ctx, false, &enrol_f_entered_on,
	    "ngày sinh của trẻ");
	/* And a child far too young for the grade. */
	enrol_refused(&raw, &w.ctx, false, &enrol_f_grade, "quá nhỏ");
}

static void
enrolment_dates_must_exist_and_lie_in_the_year(void **state)
{
	struct enrol_raw raw = { .class_name = "4A", .grade = "4",
	    .entered_on = "2024-02-30" };
	struct world w;

	(void)state;
	world(&w, "2024-2025");
	enrol_refused(&raw, &w.ctx, false, &enrol_f_entered_on,
	    "ngày có thật");
	raw.entered_on = "2025-09-01";
	enrol_refused(&raw, &w.ctx, false, &enrol_f_entered_on,
	    "năm học 2024-2025");
	world(&w, "2026-2027");
	raw.entered_on = NULL;
	enrol_refused(&raw, &w.ctx, false, &enrol_f_entered_on, "sau hôm nay");
	w.ctx.year = NULL;
	enrol_refused(&raw, &w.ctx, false, &enrol_f_year, "cần chọn");
}

static void
new_enrolment_starts_studying_or_transferred_in(void **state)
{
	struct enrol_raw raw = { .class_name = "4A", .grade = "4",
	    .status = "promoted" };
	struct form_errors errs = { 0 };
	struct enrolment e;
	struct world w;

	(void)state;
	world(&w, "2024-2025");
	enrol_refused(&raw, &w.ctx, false, &enrol_f_status,
	    "đang học hoặc chuyển đến");
	raw.status = "transferred_in";
	enrol_refused(&raw, &w.ctx, false, &enrol_f_from_school,
	    "từ trường nào");
	raw.from_unit = "2";
	raw.entered_on = "2024-11-04";
	assert_true(enrol_check(&raw, &w.ctx, false, &e, &errs));
	assert_int_equal(e.from_unit_id, 2);
	assert_string_equal(e.status_on, "2024-11-04");
	raw.from_unit = "1";
	enrol_refused(&raw, &w.ctx, false, &enrol_f_from_unit, "trường khác");
}

static void
past_rows_carry_what_their_status_needs(void **state)
{
	struct enrol_raw raw = { .class_name = "5A", .grade = "5",
	    .status = "transferred_out", .status_on = "2025-01-10" };
	struct form_errors errs = { 0 };
	struct enrolment e;
	struct world w;

	(void)state;
	world(&w, "2024-2025");
	w.ctx.birth = "2014-03-03";
	enrol_refused(&raw, &w.ctx, true, &enrol_f_to_school,
	    "chuyển đến trường nào");
	raw.to_school = "Trường TH Kim Đồng, Hà Nội";
	assert_true(enrol_check(&raw, &w.ctx, true, &e, &errs));
	raw.status = "dropped_out";
	raw.status_on = NULL;
	assert_false(enrol_check(&raw, &w.ctx, true, &e, &errs));
	assert_msg(&errs, &enrol_f_status_on, "cần nhập ngày");
	assert_msg(&errs, &enrol_f_dropout_reason, "cần chọn");
	memset(&errs, 0, sizeof(errs));
	raw.status = "completed";
	assert_true(enrol_check(&raw, &w.ctx, true, &e, &errs));
	assert_string_equal(e.status_on, "2025-08-31");
	raw.grade = "3";
	w.ctx.birth = "2016-03-03";
	enrol_refused(&raw, &w.ctx, true, &enrol_f_status, "lớp cuối cấp");
}

static void
completed_before_enrolled_is_refused(void **state)
{
	struct enrol_raw raw = { .class_name = "9A", .grade = "9",
	    .status = "completed", .entered_on = "2025-01-06",
	    .status_on = "2024-12-20" };
	struct world w;

	(void)state;
	world(&w, "2024-2025");
	w.ctx.birth = "2010-05-05";
	enrol_refused(&raw, &w.ctx, true, &enrol_f_status_on,
	    "ngày vào trường");
	/* Nor can a child without an enrolment complete: none -> completed. */
	assert_false(enrol_transition_ok(ENROL__MAX, ENROL_COMPLETED));
}

static void
status_transitions_follow_the_table(void **state)
{
	(void)state;
	assert_true(enrol_transition_ok(ENROL__MAX, ENROL_STUDYING));
	assert_true(enrol_transition_ok(ENROL__MAX, ENROL_TRANSFERRED_IN));
	assert_false(enrol_transition_ok(ENROL__MAX, ENROL_PROMOTED));
	assert_false(enrol_transition_ok(ENROL__MAX, ENROL_DROPPED_OUT));
	assert_true(enrol_transition_ok(ENROL_STUDYING, ENROL_PROMOTED));
	assert_true(enrol_transition_ok(ENROL_STUDYING, ENROL_DROPPED_OUT));
	assert_true(enrol_transition_ok(ENROL_TRANSFERRED_IN, ENROL_REPEATED));
	assert_false(enrol_transition_ok(ENROL_STUDYING, ENROL_STUDYING));
	assert_false(enrol_transition_ok(ENROL_STUDYING, ENROL_TRANSFERRED_IN));
	assert_true(enrol_transition_ok(ENROL_PROMOTED, ENROL_STUDYING));
	assert_true(enrol_transition_ok(ENROL_PROMOTED, ENROL_REPEATED));
	assert_false(enrol_transition_ok(ENROL_PROMOTED, ENROL_DROPPED_OUT));
	assert_false(enrol_transition_ok(ENROL_DROPPED_OUT,
	    ENROL_DROPPED_OUT));
	assert_true(enrol_transition_ok(ENROL_DROPPED_OUT, ENROL_STUDYING));
	assert_false(enrol_transition_ok(ENROL_TRANSFERRED_OUT,
	    ENROL_STUDYING));
	assert_false(enrol_transition_ok(ENROL_STUDYING, ENROL__MAX));
}

static struct enrolment
studying(const char *class_name, int grade)
{
	struct enrolment e;

	memset(&e, 0, sizeof(e));
	e.id = 9;
	e.child_id = 7;
	e.unit_id = 1;
	e.period_id = 2125;
	snprintf(e.class_name, sizeof(e.class_name), "%s", class_name);
	e.grade = grade;
	e.status = ENROL_STUDYING;
	memcpy(e.entered_on, "2025-09-05", 11);
	memcpy(e.status_on, "2025-09-05", 11);
	e.dropout_reason = DROPOUT__MAX;
	return e;
}

static void
dropping_out_needs_a_reason_and_happens_once(void **state)
{
	struct enrolment cur = studying("6A", 6), out, back;
	struct enrol_change_raw raw = { .status = "dropped_out",
	    .on = "2025-11-20" };
	struct form_errors errs = { 0 };
	struct world w;

	(void)state;
	world(&w, "2025-2026");
	w.ctx.birth = "2013-01-01";
	assert_false(enrol_change_check(&cur, 0, &raw, &w.ctx, &out, &errs));
	assert_msg(&errs, &enrol_f_dropout_reason, "cần chọn");
	memset(&errs, 0, sizeof(errs));
	raw.dropout_reason = "work";
	assert_true(enrol_change_check(&cur, 0, &raw, &w.ctx, &out, &errs));
	assert_int_equal(out.status, ENROL_DROPPED_OUT);
	assert_int_equal(out.dropout_reason, DROPOUT_WORK);
	assert_string_equal(out.status_on, "2025-11-20");
	/* Dropped out twice: straight away ... */
	assert_false(enrol_change_check(&out, 1, &raw, &w.ctx, &back, &errs));
	assert_msg(&errs, &enrol_f_status, "hai lần");
	/* ... or after coming back. */
	memset(&errs, 0, sizeof(errs));
	raw = (struct enrol_change_raw){ .status = "studying",
	    .on = "2026-01-05" };
	assert_true(enrol_change_check(&out, 1, &raw, &w.ctx, &back, &errs));
	assert_int_equal(back.dropout_reason, DROPOUT__MAX);
	raw = (struct enrol_change_raw){ .status = "dropped_out",
	    .on = "2026-02-05", .dropout_reason = "family" };
	assert_false(enrol_change_check(&back, 1, &raw, &w.ctx, &out, &errs));
	assert_msg(&errs, &enrol_f_status, "hai lần");
}

static void
status_changes_check_dates_and_needs(void **state)
{
	struct enrolment cur = studying("3A", 3), out;
	struct enrol_change_raw raw = { .status = "transferred_out",
	    .on = "2025-09-01" };
	struct form_errors errs = { 0 };
	struct world w;

	(void)state;
	world(&w, "2025-2026");
	w.ctx.birth = "2017-01-01";
	assert_false(enrol_change_check(&cur, 0, &raw, &w.ctx, &out, &errs));
	assert_msg(&errs, &enrol_f_on, "2025-09-05");
	assert_msg(&errs, &enrol_f_to_school, "chuyển đến trường nào");
	memset(&errs, 0, sizeof(errs));
	raw = (struct enrol_change_raw){ .status = "completed",
	    .on = "2026-03-01" };
	assert_false(enrol_change_check(&cur, 0, &raw, &w.ctx, &out, &errs));
	assert_msg(&errs, &enrol_f_status, "lớp cuối cấp");
	memset(&errs, 0, sizeof(errs));
	raw = (struct enrol_change_raw){ .status = "studying" };
	assert_false(enrol_change_check(&cur, 0, &raw, &w.ctx, &out, &errs));
	assert_msg(&errs, &enrol_f_status, "đã ở tình trạng");
	memset(&errs, 0, sizeof(errs));
	cur.status = ENROL_TRANSFERRED_OUT;
	raw = (struct enrol_change_raw){ .status = "promoted" };
	assert_false(enrol_change_check(&cur, 0, &raw, &w.ctx, &out, &errs));
	assert_msg(&errs, &enrol_f_status, "đã chuyển đi");
}

static void
transfer_moves_to_another_school_of_the_level(void **state)
{
	struct enrolment cur = studying("7A", 7), old, new_;
	struct transfer_raw raw = { "2", "2025-12-01", "7B", NULL };
	struct form_errors errs = { 0 };
	struct world w;

	(void)state;
	world(&w, "2025-2026");
	w.ctx.birth = "2013-06-01";
	assert_true(transfer_check(&cur, &raw, &w.ctx, &old, &new_, &errs));
	assert_int_equal(old.status, ENROL_TRANSFERRED_OUT);
	assert_int_equal(old.to_unit_id, 2);
	assert_string_equal(old.status_on, "2025-12-01");
	assert_int_equal(new_.status, ENROL_TRANSFERRED_IN);
	assert_int_equal(new_.unit_id, 2);
	assert_int_equal(new_.child_id, 7);
	assert_int_equal(new_.period_id, cur.period_id);
	assert_int_equal(new_.from_unit_id, 1);
	assert_int_equal(new_.grade, 7);
	assert_string_equal(new_.entered_on, "2025-12-01");
	/* Not to itself, not to a commune, not to a closed kindergarten. */
	raw.to_unit = "1";
	assert_false(transfer_check(&cur, &raw, &w.ctx, &old, &new_, &errs));
	assert_msg(&errs, &transfer_f_to_unit, "trường khác");
	memset(&errs, 0, sizeof(errs));
	raw.to_unit = "4";
	assert_false(transfer_check(&cur, &raw, &w.ctx, &old, &new_, &errs));
	assert_msg(&errs, &transfer_f_to_unit, "không phải là trường");
	memset(&errs, 0, sizeof(errs));
	raw.to_unit = "3";
	assert_false(transfer_check(&cur, &raw, &w.ctx, &old, &new_, &errs));
	assert_msg(&errs, &transfer_f_to_unit, "không hoạt động");
	assert_msg(&errs, &transfer_f_grade, "không thuộc cấp");
	memset(&errs, 0, sizeof(errs));
	cur.status = ENROL_PROMOTED;
	raw.to_unit = "2";
	assert_false(transfer_check(&cur, &raw, &w.ctx, &old, &new_, &errs));
	assert_msg(&errs, &enrol_f_status, "đang học");
}

static void
absences_are_days_of_a_term(void **state)
{
	struct form_errors errs = { 0 };
	struct absence a;

	(void)state;
	assert_true(absence_check("3", "", 1, &a, &errs));
	assert_int_equal(a.excused, 3);
	assert_int_equal(a.unexcused, 0);
	assert_false(absence_check("-1", "121", 2, &a, &errs));
	assert_msg(&errs, &absence_f[1].excused, "0");
	assert_msg(&errs, &absence_f[1].unexcused, "120");
}

/* --- early warning ----------------------------------------------------- */

static void
warnings_give_every_reason(void **state)
{
	struct warn_settings s;
	struct warn_input in;
	char text[200];
	unsigned r;

	(void)state;
	warn_settings_default(&s);
	memset(&in, 0, sizeof(in));
	in.grade = 4;
	snprintf(in.birth, sizeof(in.birth), "2013-02-02");
	in.start_year = 2025;
	assert_int_equal(warn_assess(&s, &in), 1u << WARN_OVER_AGE);
	warn_reason_text(WARN_OVER_AGE, &s, &in, 0, text, sizeof(text));
	assert_string_equal(text, "lớn hơn 3 tuổi so với độ tuổi của Lớp 4");
	in.abs[1].excused = 10;
	in.abs[1].unexcused = 5;
	in.repeats = 1;
	snprintf(in.groups, sizeof(in.groups), "a, đ");
	in.disability = true;
	in.household = CHILD_HH_NEAR_POOR;
	r = warn_assess(&s, &in);
	assert_int_equal(r, (1u << WARN__MAX) - 1);
	warn_reason_text(WARN_ABSENCE, &s, &in, 1, text, sizeof(text));
	assert_string_equal(text, "absent 15 days in a term (threshold 15)");
	warn_reason_text(WARN_CIRCUMSTANCE, &s, &in, 0, text, sizeof(text));
	assert_string_equal(text, "hoàn cảnh đặc biệt (nhóm a, đ)");
	s.disability = s.poor = s.circumstance = false;
	s.absence_days = 16;
	s.repeats = 2;
	r = warn_assess(&s, &in);
	assert_int_equal(r, (1u << WARN_UNEXCUSED) | (1u << WARN_OVER_AGE));
}

static void
warning_thresholds_are_checked(void **state)
{
	struct warn_settings_raw raw = { "20", "0", "abc", "1", "1", "no",
	    "maybe" };
	struct form_errors errs = { 0 };
	struct warn_settings s;

	(void)state;
	assert_false(warn_settings_check(&raw, &s, &errs));
	assert_msg(&errs, &warn_f_unexcused_days, "từ 1 đến 120");
	assert_msg(&errs, &warn_f_over_age_years, "từ 1 đến 10");
	assert_msg(&errs, &warn_f_poor, "có hoặc không");
	raw.unexcused_days = "4";
	raw.over_age_years = "3";
	raw.poor = NULL;
	memset(&errs, 0, sizeof(errs));
	assert_true(warn_settings_check(&raw, &s, &errs));
	assert_int_equal(s.absence_days, 20);
	assert_false(s.disability);
	assert_false(s.poor);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(folding_strips_marks_case_and_d),
		cmocka_unit_test(folding_truncates_at_a_word),
		cmocka_unit_test(search_matches_word_prefixes_in_any_order),
		cmocka_unit_test(ethnicity_codes_and_names),
		cmocka_unit_test(good_child_is_accepted),
		cmocka_unit_test(date_of_birth_must_exist),
		cmocka_unit_test(date_of_birth_not_in_the_future_nor_too_old),
		cmocka_unit_test(personal_id_rules_case_by_case),
		cmocka_unit_test(bad_personal_ids_are_refused_with_the_reason),
		cmocka_unit_test(unknown_ethnicity_is_refused),
		cmocka_unit_test(other_child_fields_are_checked),
		cmocka_unit_test(ages_count_whole_years),
		cmocka_unit_test(guardians_need_a_name_and_relation),
		cmocka_unit_test(disability_needs_kind_and_education),
		cmocka_unit_test(circumstance_groups_are_the_fourteen_letters),
		cmocka_unit_test(circumstance_sub_group_and_dates),
		cmocka_unit_test(child_consents_only_from_seven),
		cmocka_unit_test(missing_consents_count_the_child_from_seven),
		cmocka_unit_test(grades_parse_and_fit_the_level),
		cmocka_unit_test(good_enrolment_is_accepted),
		cmocka_unit_test(grade_that_does_not_fit_the_level_is_refused),
		cmocka_unit_test(birth_after_enrolment_is_refused),
		cmocka_unit_test(enrolment_dates_must_exist_and_lie_in_the_year),
		cmocka_unit_test(new_enrolment_starts_studying_or_transferred_in),
		cmocka_unit_test(past_rows_carry_what_their_status_needs),
		cmocka_unit_test(completed_before_enrolled_is_refused),
		cmocka_unit_test(status_transitions_follow_the_table),
		cmocka_unit_test(dropping_out_needs_a_reason_and_happens_once),
		cmocka_unit_test(status_changes_check_dates_and_needs),
		cmocka_unit_test(transfer_moves_to_another_school_of_the_level),
		cmocka_unit_test(absences_are_days_of_a_term),
		cmocka_unit_test(warnings_give_every_reason),
		cmocka_unit_test(warning_thresholds_are_checked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
