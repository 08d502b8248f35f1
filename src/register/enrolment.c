/*
 * enrolment.c -- grades, statuses and their changes, transfers and
 * absences (see enrolment.h).  Pure: the caller resolves the school, the
 * school year and the child, and passes them in a struct enrol_ctx.
 */
#include <stdio.h>
#include <string.h>

#include "core/strutil.h"
#include "register/enrolment.h"
#include "register/namefold.h"

const struct reg_code enrol_statuses[ENROL__MAX] = {
	[ENROL_STUDYING] = { "studying", "Đang học", "Studying" },
	[ENROL_PROMOTED] = { "promoted", "Lên lớp", "Promoted" },
	[ENROL_REPEATED] = { "repeated", "Lưu ban", "Repeats the year" },
	[ENROL_COMPLETED] = { "completed", "Hoàn thành cấp học",
	    "Completed the level" },
	[ENROL_TRANSFERRED_IN] = { "transferred_in", "Chuyển đến",
	    "Transferred in" },
	[ENROL_TRANSFERRED_OUT] = { "transferred_out", "Chuyển đi",
	    "Transferred out" },
	[ENROL_DROPPED_OUT] = { "dropped_out", "Bỏ học", "Dropped out" },
};

const struct reg_code dropout_reasons[DROPOUT__MAX] = {
	[DROPOUT_ECONOMIC] = { "economic", "Hoàn cảnh kinh tế khó khăn",
	    "Economic hardship" },
	[DROPOUT_LEARNING] = { "learning", "Học lực yếu, chán học",
	    "Learning difficulties" },
	[DROPOUT_DISTANCE] = { "distance", "Nhà xa trường, đi lại khó khăn",
	    "Distance to school" },
	[DROPOUT_WORK] = { "work", "Đi làm kiếm sống", "Work" },
	[DROPOUT_FAMILY] = { "family", "Gia đình không quan tâm",
	    "Family circumstances" },
	[DROPOUT_MARRIAGE] = { "marriage", "Tảo hôn", "Early marriage" },
	[DROPOUT_HEALTH] = { "health", "Ốm đau, bệnh tật", "Health" },
	[DROPOUT_MIGRATION] = { "migration", "Theo gia đình di cư",
	    "Family migration" },
	[DROPOUT_OTHER] = { "other", "Lý do khác", "Other" },
};

const struct field enrol_f_year = { "year", "Năm học", "School year" };
const struct field enrol_f_class_name = { "class_name", "Lớp", "Class" };
const struct field enrol_f_grade = { "grade", "Khối lớp / nhóm tuổi",
	"Grade / age group" };
const struct field enrol_f_status = { "status", "Tình trạng", "Status" };
const struct field enrol_f_entered_on = { "entered_on", "Ngày vào trường",
	"Date joined the school" };
const struct field enrol_f_status_on = { "status_on", "Ngày của tình trạng",
	"Date of the status" };
const struct field enrol_f_from_unit = { "from_unit",
	"Chuyển đến từ trường (trong vitre)",
	"Transferred in from (school in vitre)" };
const struct field enrol_f_from_school = { "from_school",
	"Chuyển đến từ trường", "Transferred in from" };
const struct field enrol_f_to_unit = { "to_unit",
	"Chuyển đến trường (trong vitre)", "Transferred to (school in vitre)" };
const struct field enrol_f_to_school = { "to_school", "Chuyển đến trường",
	"Transferred to" };
const struct field enrol_f_dropout_reason = { "dropout_reason",
	"Lý do bỏ học", "Reason for dropping out" };
const struct field enrol_f_note = { "note", "Ghi chú", "Note" };
const struct field enrol_f_on = { "on", "Ngày", "Date" };
const struct field transfer_f_to_unit = { "to_unit", "Trường chuyển đến",
	"School transferred to" };
const struct field transfer_f_on = { "on", "Ngày chuyển", "Date of transfer" };
const struct field transfer_f_class_name = { "class_name",
	"Lớp ở trường mới", "Class at the new school" };
const struct field transfer_f_grade = { "grade", "Khối lớp ở trường mới",
	"Grade at the new school" };

#define AF(k) { { "abs" #k "_excused", "Học kỳ " #k ": số ngày nghỉ có phép", \
	"Term " #k ": days absent with leave" }, \
	{ "abs" #k "_unexcused", "Học kỳ " #k ": số ngày nghỉ không phép", \
	"Term " #k ": days absent without leave" } }
const struct absence_fields absence_f[2] = { AF(1), AF(2) };

static const struct {
	int		 grade;
	const char	*vi;
	const char	*en;
} grade_names[] = {
	{ -3, "Nhà trẻ", "Nursery (under 3)" },
	{ -2, "Mẫu giáo 3–4 tuổi", "Kindergarten 3–4" },
	{ -1, "Mẫu giáo 4–5 tuổi", "Kindergarten 4–5" },
	{ 0, "Mẫu giáo 5–6 tuổi", "Kindergarten 5–6" },
	{ 1, "Lớp 1", "Grade 1" }, { 2, "Lớp 2", "Grade 2" },
	{ 3, "Lớp 3", "Grade 3" }, { 4, "Lớp 4", "Grade 4" },
	{ 5, "Lớp 5", "Grade 5" }, { 6, "Lớp 6", "Grade 6" },
	{ 7, "Lớp 7", "Grade 7" }, { 8, "Lớp 8", "Grade 8" },
	{ 9, "Lớp 9", "Grade 9" }, { 10, "Lớp 10", "Grade 10" },
	{ 11, "Lớp 11", "Grade 11" }, { 12, "Lớp 12", "Grade 12" },
};

/* Preschool groups as lists name them (folded). */
static const struct {
	const char	*word;
	int		 grade;
} grade_words[] = {
	{ "nt", -3 }, { "nha tre", -3 }, { "mg3", -2 }, { "mam", -2 },
	{ "mau giao 3 4 tuoi", -2 }, { "mg4", -1 }, { "choi", -1 },
	{ "mau giao 4 5 tuoi", -1 }, { "mg5", 0 }, { "la", 0 },
	{ "mau giao 5 6 tuoi", 0 },
};

bool
enrol_grade_parse(const char *raw, int *out)
{
	char key[NAMEFOLD_MAX];
	int64_t g;
	size_t i;

	if (raw == NULL)
		return false;
	if (str_to_int_range(raw, ENROL_GRADE_MIN, ENROL_GRADE_MAX, &g)) {
		*out = (int)g;
		return true;
	}
	namefold(raw, key, sizeof(key));
	if (str_has_prefix(key, "lop ") && str_to_int_range(key + 4, 1,
	    ENROL_GRADE_MAX, &g)) {
		*out = (int)g;
		return true;
	}
	for (i = 0; i < sizeof(grade_words) / sizeof(grade_words[0]); i++)
		if (strcmp(key, grade_words[i].word) == 0) {
			*out = grade_words[i].grade;
			return true;
		}
	return false;
}

const char *
enrol_grade_name(int grade, int lang)
{
	if (grade < ENROL_GRADE_MIN || grade > ENROL_GRADE_MAX)
		return "?";
	return lang ? grade_names[grade + 3].en : grade_names[grade + 3].vi;
}

bool
enrol_grade_range(enum unit_kind kind, int *lo, int *hi)
{
	switch (kind) {
	case UNIT_MN:
	case UNIT_GROUP:
		*lo = -3;
		*hi = 0;
		return true;
	case UNIT_TH:
		*lo = 1;
		*hi = 5;
		return true;
	case UNIT_THCS:
		*lo = 6;
		*hi = 9;
		return true;
	case UNIT_TH_THCS:
		*lo = 1;
		*hi = 9;
		return true;
	case UNIT_THPT:
		*lo = 10;
		*hi = 12;
		return true;
	default:
		return false;
	}
}

bool
enrol_grade_fits(enum unit_kind kind, int grade)
{
	int lo, hi;

	return enrol_grade_range(kind, &lo, &hi) && grade >= lo && grade <= hi;
}

bool
enrol_grade_completes(enum unit_kind kind, int grade)
{
	if (!enrol_grade_fits(kind, grade))
		return false;
	return grade == 0 || grade == 5 || grade == 9 || grade == 12;
}

int
enrol_over_age(int grade, const char *birth, int start_year)
{
	int by;

	if (sscanf(birth, "%4d", &by) != 1)
		return 0;
	return start_year - by - (grade + 5);
}

bool
enrol_status_active(enum enrol_status s)
{
	return s != ENROL_TRANSFERRED_OUT && s != ENROL_DROPPED_OUT;
}

bool
enrol_transition_ok(enum enrol_status from, enum enrol_status to)
{
	if (from == to || to >= ENROL__MAX)
		return false;
	switch (from) {
	case ENROL__MAX:
		return to == ENROL_STUDYING || to == ENROL_TRANSFERRED_IN;
	case ENROL_STUDYING:
	case ENROL_TRANSFERRED_IN:
		return to != ENROL_STUDYING && to != ENROL_TRANSFERRED_IN;
	case ENROL_PROMOTED:
	case ENROL_REPEATED:
	case ENROL_COMPLETED:
		return to == ENROL_STUDYING || to == ENROL_PROMOTED ||
		    to == ENROL_REPEATED || to == ENROL_COMPLETED;
	case ENROL_DROPPED_OUT:
		return to == ENROL_STUDYING;
	case ENROL_TRANSFERRED_OUT:
		return false;
	}
	return false;
}

static int
year_of(const char *date)
{
	int y;

	return sscanf(date, "%4d", &y) == 1 ? y : 0;
}

/* A code of table or an error naming f; -1 when absent or bad. */
static int
code_field(struct form_errors *errs, const struct field *f, const char *raw,
    const struct reg_code *table, int n)
{
	int i;

	if (str_empty(raw))
		return -1;
	if ((i = reg_code_find(table, n, raw)) < 0)
		form_error(errs, f, "giá trị không có trong danh sách.",
		    "is not one of the allowed values.");
	return i;
}

/* The grade, which must fit the school's level. */
static bool
grade_field(struct form_errors *errs, const struct field *f, const char *raw,
    enum unit_kind kind, int *out)
{
	char vi[256], en[256];
	int lo, hi;

	if (str_empty(raw)) {
		form_error(errs, f, "cần chọn.", "required.");
		return false;
	}
	if (!enrol_grade_parse(raw, out)) {
		form_error(errs, f, "phải là lớp 1 đến 12 hoặc một nhóm tuổi mầm "
		    "non (NT, MG3, MG4, MG5).", "must be grade 1 to 12 or a "
		    "preschool group (NT, MG3, MG4, MG5).");
		return false;
	}
	if (!enrol_grade_range(kind, &lo, &hi)) {
		form_error(errs, f, "đơn vị này không phải là trường học.",
		    "this unit is not a school.");
		return false;
	}
	if (*out < lo || *out > hi) {
		snprintf(vi, sizeof(vi), "%s không thuộc cấp của %s, nơi nhận từ "
		    "%s đến %s.", enrol_grade_name(*out, 0), unit_kinds[kind]
		    .name_vi, enrol_grade_name(lo, 0), enrol_grade_name(hi, 0));
		snprintf(en, sizeof(en), "%s does not belong to a %s, which "
		    "takes %s to %s.", enrol_grade_name(*out, 1),
		    unit_kinds[kind].name_en, enrol_grade_name(lo, 1),
		    enrol_grade_name(hi, 1));
		form_error(errs, f, vi, en);
		return false;
	}
	return true;
}

/*
 * A day of the school year, not before since (named by since_vi/en), not
 * in the future.  Errors name f.
 */
static void
day_in_year(struct form_errors *errs, const struct field *f,
    const char *day, const struct enrol_ctx *ctx, const char *since,
    const char *since_vi, const char *since_en)
{
	char vi[256], en[256];

	if (ctx->year != NULL && (strcmp(day, ctx->year->start_on) < 0 ||
	    strcmp(day, ctx->year->end_on) > 0)) {
		snprintf(vi, sizeof(vi), "phải nằm trong năm học %s (%s đến %s).",
		    ctx->year->code, ctx->year->start_on, ctx->year->end_on);
		snprintf(en, sizeof(en), "must lie in the school year %s (%s to "
		    "%s).", ctx->year->code, ctx->year->start_on,
		    ctx->year->end_on);
		form_error(errs, f, vi, en);
	} else if (since != NULL && since[0] != '\0' &&
	    strcmp(day, since) < 0) {
		snprintf(vi, sizeof(vi), "không được trước %s (%s).", since_vi,
		    since);
		snprintf(en, sizeof(en), "may not be before %s (%s).", since_en,
		    since);
		form_error(errs, f, vi, en);
	} else if (strcmp(day, ctx->today) > 0)
		form_error(errs, f, "không được sau hôm nay.",
		    "may not be after today.");
}

/* A school of the tree other than the enrolment's own; 0 if bad. */
static int64_t
school_field(struct form_errors *errs, const struct field *f,
    const char *raw, const struct enrol_ctx *ctx, const struct unit **u)
{
	int64_t id;

	*u = NULL;
	if (!str_to_int_range(raw, 1, INT64_MAX, &id) || ctx->t == NULL ||
	    (*u = unit_get(ctx->t, id)) == NULL) {
		form_error(errs, f, "không có trường này trong vitre.",
		    "there is no such school in vitre.");
		return 0;
	}
	if (!unit_kinds[(*u)->kind].school) {
		form_error(errs, f, "đơn vị này không phải là trường học.",
		    "this unit is not a school.");
		return 0;
	}
	if (id == ctx->unit_id) {
		form_error(errs, f, "phải là một trường khác.",
		    "must be another school.");
		return 0;
	}
	return id;
}

/* Is the child old enough for the grade (one year early at most)? */
static void
age_fits(struct form_errors *errs, const struct enrol_ctx *ctx, int grade)
{
	char vi[256], en[256];
	int age;

	if (ctx->year == NULL || ctx->birth == NULL || ctx->birth[0] == '\0' ||
	    grade <= ENROL_GRADE_MIN)
		return;
	age = year_of(ctx->year->start_on) - year_of(ctx->birth);
	if (age >= grade + 4)
		return;
	snprintf(vi, sizeof(vi), "trẻ sinh năm %d mới %d tuổi trong năm học "
	    "%s, quá nhỏ cho %s (thường %d tuổi).", year_of(ctx->birth), age,
	    ctx->year->code, enrol_grade_name(grade, 0), grade + 5);
	snprintf(en, sizeof(en), "a child born in %d is %d in the school year "
	    "%s, too young for %s (usually %d).", year_of(ctx->birth), age,
	    ctx->year->code, enrol_grade_name(grade, 1), grade + 5);
	form_error(errs, &enrol_f_grade, vi, en);
}

/* The fields a status needs (destination, reason, last grade). */
static void
status_needs(struct form_errors *errs, enum enrol_status st,
    const struct field *to_unit_f, const char *to_unit,
    const char *to_school, const char *reason, const struct enrol_ctx *ctx,
    struct enrolment *out)
{
	const struct unit *u;
	int r;

	out->to_unit_id = 0;
	out->to_school[0] = '\0';
	out->dropout_reason = DROPOUT__MAX;
	if (st == ENROL_TRANSFERRED_OUT) {
		if (str_empty(to_unit) && str_empty(to_school))
			form_error(errs, &enrol_f_to_school, "cần cho biết trẻ "
			    "chuyển đến trường nào (chọn trường trong vitre "
			    "hoặc ghi tên trường).", "required: the school the "
			    "child moved to (a school in vitre or its name).");
		if (!str_empty(to_unit))
			out->to_unit_id = school_field(errs, to_unit_f, to_unit,
			    ctx, &u);
		(void)valid_text(errs, &enrol_f_to_school, to_school, false,
		    ENROL_SCHOOL_MAX, out->to_school);
	}
	if (st == ENROL_DROPPED_OUT) {
		if (str_empty(reason))
			form_error(errs, &enrol_f_dropout_reason, "cần chọn lý "
			    "do bỏ học.", "required: why the child dropped "
			    "out.");
		else if ((r = code_field(errs, &enrol_f_dropout_reason, reason,
		    dropout_reasons, DROPOUT__MAX)) >= 0)
			out->dropout_reason = (enum dropout_reason)r;
	}
	if (st == ENROL_COMPLETED && !enrol_grade_completes(ctx->kind,
	    out->grade)) {
		char vi[256], en[256];

		snprintf(vi, sizeof(vi), "chỉ hoàn thành cấp học ở lớp cuối cấp "
		    "(mẫu giáo 5–6 tuổi, lớp 5, 9, 12); trẻ đang ở %s.",
		    enrol_grade_name(out->grade, 0));
		snprintf(en, sizeof(en), "a level is completed only in its last "
		    "grade (kindergarten 5–6, grade 5, 9, 12); the child is in "
		    "%s.", enrol_grade_name(out->grade, 1));
		form_error(errs, &enrol_f_status, vi, en);
	}
}

bool
enrol_check(const struct enrol_raw *raw, const struct enrol_ctx *ctx,
    bool any_status, struct enrolment *out, struct form_errors *errs)
{
	size_t before = errs->n;
	int st = ENROL_STUDYING, grade = 0;
	bool grade_ok;

	out->status = ENROL_STUDYING;
	out->from_unit_id = 0;
	out->from_school[0] = '\0';
	(void)valid_text(errs, &enrol_f_class_name, raw->class_name, true,
	    ENROL_CLASS_MAX, out->class_name);
	grade_ok = grade_field(errs, &enrol_f_grade, raw->grade, ctx->kind,
	    &grade);
	out->grade = grade;
	if (grade_ok)
		age_fits(errs, ctx, grade);
	if (!str_empty(raw->status) && (st = code_field(errs, &enrol_f_status,
	    raw->status, enrol_statuses, ENROL__MAX)) < 0)
		st = ENROL_STUDYING;
	else if (!any_status && st != ENROL_STUDYING &&
	    st != ENROL_TRANSFERRED_IN) {
		form_error(errs, &enrol_f_status, "trẻ mới vào trường bắt đầu "
		    "với tình trạng đang học hoặc chuyển đến; đổi tình trạng "
		    "sau khi đã ghi trẻ vào sổ.", "a child new to the school "
		    "starts as studying or transferred in; change the status "
		    "once the child is in the register.");
	}
	out->status = (enum enrol_status)st;
	if (ctx->year == NULL)
		form_error(errs, &enrol_f_year, "cần chọn một năm học có trong "
		    "danh mục kỳ báo cáo.", "required: a school year of the "
		    "periods list.");
	out->entered_on[0] = '\0';
	if (str_empty(raw->entered_on)) {
		if (ctx->year != NULL)
			memcpy(out->entered_on, ctx->year->start_on, 11);
	} else
		(void)valid_date(errs, &enrol_f_entered_on, raw->entered_on,
		    true, out->entered_on);
	if (out->entered_on[0] != '\0')
		day_in_year(errs, &enrol_f_entered_on, out->entered_on, ctx,
		    ctx->birth, "ngày sinh của trẻ", "the child's date of birth");
	out->status_on[0] = '\0';
	if (!str_empty(raw->status_on))
		(void)valid_date(errs, &enrol_f_status_on, raw->status_on, true,
		    out->status_on);
	else if (out->status == ENROL_DROPPED_OUT ||
	    out->status == ENROL_TRANSFERRED_OUT)
		form_error(errs, &enrol_f_status_on, "cần nhập ngày trẻ bỏ học "
		    "hoặc chuyển đi.", "required: the day the child dropped "
		    "out or moved.");
	else if (out->status == ENROL_STUDYING ||
	    out->status == ENROL_TRANSFERRED_IN)
		memcpy(out->status_on, out->entered_on, 11);
	else if (ctx->year != NULL)
		memcpy(out->status_on, strcmp(ctx->year->end_on, ctx->today) < 0 ?
		    ctx->year->end_on : ctx->today, 11);
	if (out->status_on[0] != '\0' && out->entered_on[0] != '\0')
		day_in_year(errs, &enrol_f_status_on, out->status_on, ctx,
		    out->entered_on, "ngày vào trường", "the day the child "
		    "joined the school");
	if (out->status == ENROL_TRANSFERRED_IN) {
		const struct unit *u;

		if (str_empty(raw->from_unit) && str_empty(raw->from_school))
			form_error(errs, &enrol_f_from_school, "cần cho biết trẻ "
			    "chuyển đến từ trường nào.", "required: the school "
			    "the child came from.");
		if (!str_empty(raw->from_unit))
			out->from_unit_id = school_field(errs, &enrol_f_from_unit,
			    raw->from_unit, ctx, &u);
		(void)valid_text(errs, &enrol_f_from_school, raw->from_school,
		    false, ENROL_SCHOOL_MAX, out->from_school);
	}
	status_needs(errs, out->status, &enrol_f_to_unit, raw->to_unit,
	    raw->to_school, raw->dropout_reason, ctx, out);
	(void)valid_text(errs, &enrol_f_note, raw->note, false, CHILD_NOTE_MAX,
	    out->note);
	out->unit_id = ctx->unit_id;
	if (ctx->year != NULL)
		out->period_id = ctx->year->id;
	return errs->n == before;
}

/* Why the change from cur to st is refused. */
static void
transition_error(struct form_errors *errs, const struct enrolment *cur,
    int dropouts, enum enrol_status st)
{
	char vi[256], en[256];

	if (st == ENROL_DROPPED_OUT && (cur->status == ENROL_DROPPED_OUT ||
	    dropouts > 0)) {
		snprintf(vi, sizeof(vi), "trẻ đã bỏ học một lần trong năm học "
		    "này%s; không ghi bỏ học hai lần trong một năm học.",
		    cur->status == ENROL_DROPPED_OUT ? " (đang là bỏ học)" : "");
		snprintf(en, sizeof(en), "the child already dropped out once "
		    "this school year%s; a drop-out is not recorded twice in "
		    "one school year.", cur->status == ENROL_DROPPED_OUT ?
		    " (and still is)" : "");
	} else if (cur->status == ENROL_TRANSFERRED_OUT) {
		snprintf(vi, sizeof(vi), "trẻ đã chuyển đi ngày %s; tình trạng "
		    "ở trường này không đổi được nữa.", cur->status_on);
		snprintf(en, sizeof(en), "the child moved away on %s; the "
		    "status at this school can no longer change.",
		    cur->status_on);
	} else if (cur->status == st) {
		snprintf(vi, sizeof(vi), "trẻ đã ở tình trạng «%s».",
		    enrol_statuses[st].vi);
		snprintf(en, sizeof(en), "the child is already \"%s\".",
		    enrol_statuses[st].en);
	} else {
		snprintf(vi, sizeof(vi), "không chuyển được từ «%s» sang «%s».",
		    enrol_statuses[cur->status].vi, enrol_statuses[st].vi);
		snprintf(en, sizeof(en), "cannot change from \"%s\" to \"%s\".",
		    enrol_statuses[cur->status].en, enrol_statuses[st].en);
	}
	form_error(errs, &enrol_f_status, vi, en);
}

bool
enrol_change_check(const struct enrolment *cur, int dropouts,
    const struct enrol_change_raw *raw, const struct enrol_ctx *ctx,
    struct enrolment *out, struct form_errors *errs)
{
	size_t before = errs->n;
	char on[11];
	int st;

	*out = *cur;
	if (str_empty(raw->status)) {
		form_error(errs, &enrol_f_status, "cần chọn.", "required.");
		return false;
	}
	if ((st = code_field(errs, &enrol_f_status, raw->status,
	    enrol_statuses, ENROL__MAX)) < 0)
		return false;
	if (!enrol_transition_ok(cur->status, (enum enrol_status)st) ||
	    (st == ENROL_DROPPED_OUT && dropouts > 0)) {
		transition_error(errs, cur, dropouts, (enum enrol_status)st);
		return false;
	}
	if (str_empty(raw->on))
		memcpy(on, ctx->today, 11);
	else if (!valid_date(errs, &enrol_f_on, raw->on, true, on))
		on[0] = '\0';
	if (on[0] != '\0')
		day_in_year(errs, &enrol_f_on, on, ctx, cur->entered_on,
		    "ngày trẻ vào trường", "the day the child joined the school");
	out->status = (enum enrol_status)st;
	memcpy(out->status_on, on, 11);
	status_needs(errs, out->status, &enrol_f_to_unit, raw->to_unit,
	    raw->to_school, raw->dropout_reason, ctx, out);
	if (!str_empty(raw->note))
		(void)valid_text(errs, &enrol_f_note, raw->note, false,
		    CHILD_NOTE_MAX, out->note);
	return errs->n == before;
}

bool
transfer_check(const struct enrolment *cur, const struct transfer_raw *raw,
    const struct enrol_ctx *ctx, struct enrolment *old,
    struct enrolment *new_, struct form_errors *errs)
{
	size_t before = errs->n;
	const struct unit *to = NULL;
	char on[11];
	int grade = cur->grade;

	*old = *cur;
	memset(new_, 0, sizeof(*new_));
	if (cur->status != ENROL_STUDYING &&
	    cur->status != ENROL_TRANSFERRED_IN) {
		char vi[256], en[256];

		snprintf(vi, sizeof(vi), "chỉ chuyển trường được khi trẻ đang "
		    "học; trẻ đang ở tình trạng «%s».",
		    enrol_statuses[cur->status].vi);
		snprintf(en, sizeof(en), "a child can move school only while "
		    "studying; the child is \"%s\".",
		    enrol_statuses[cur->status].en);
		form_error(errs, &enrol_f_status, vi, en);
		return false;
	}
	if (str_empty(raw->to_unit))
		form_error(errs, &transfer_f_to_unit, "cần chọn trường.",
		    "required: the school.");
	else if (school_field(errs, &transfer_f_to_unit, raw->to_unit, ctx,
	    &to) == 0)
		to = NULL;
	if (str_empty(raw->on))
		memcpy(on, ctx->today, 11);
	else if (!valid_date(errs, &transfer_f_on, raw->on, true, on))
		on[0] = '\0';
	if (on[0] != '\0')
		day_in_year(errs, &transfer_f_on, on, ctx, cur->entered_on,
		    "ngày trẻ vào trường", "the day the child joined the school");
	if (to != NULL && on[0] != '\0' && !unit_open_on(to, on))
		form_error(errs, &transfer_f_to_unit, "trường này không hoạt "
		    "động vào ngày chuyển.", "this school is not open on the "
		    "day of the transfer.");
	(void)valid_text(errs, &transfer_f_class_name, raw->class_name, true,
	    ENROL_CLASS_MAX, new_->class_name);
	if (to != NULL) {
		if (!str_empty(raw->grade))
			(void)grade_field(errs, &transfer_f_grade, raw->grade,
			    to->kind, &grade);
		else if (!enrol_grade_fits(to->kind, grade)) {
			char vi[256], en[256];

			snprintf(vi, sizeof(vi), "%s không thuộc cấp của trường "
			    "mới; chọn khối lớp.", enrol_grade_name(grade, 0));
			snprintf(en, sizeof(en), "%s is not taught at the new "
			    "school; choose the grade.",
			    enrol_grade_name(grade, 1));
			form_error(errs, &transfer_f_grade, vi, en);
		}
	}
	if (errs->n != before)
		return false;
	old->status = ENROL_TRANSFERRED_OUT;
	memcpy(old->status_on, on, 11);
	old->to_unit_id = to->id;
	old->to_school[0] = '\0';
	new_->child_id = cur->child_id;
	new_->unit_id = to->id;
	new_->period_id = cur->period_id;
	new_->grade = grade;
	new_->status = ENROL_TRANSFERRED_IN;
	memcpy(new_->entered_on, on, 11);
	memcpy(new_->status_on, on, 11);
	new_->from_unit_id = cur->unit_id;
	new_->dropout_reason = DROPOUT__MAX;
	return true;
}

bool
absence_check(const char *excused, const char *unexcused, int term,
    struct absence *out, struct form_errors *errs)
{
	const struct absence_fields *f = &absence_f[term == 2];
	int64_t e = 0, u = 0;
	size_t before = errs->n;

	(void)valid_int(errs, &f->excused, excused, false, 0, ABSENCE_DAYS_MAX,
	    &e, NULL);
	(void)valid_int(errs, &f->unexcused, unexcused, false, 0,
	    ABSENCE_DAYS_MAX, &u, NULL);
	out->term = term == 2 ? 2 : 1;
	out->excused = (int)e;
	out->unexcused = (int)u;
	return errs->n == before;
}
