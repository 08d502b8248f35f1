/*
 * warning.c -- the early-warning rules and their thresholds (see
 * warning.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/strutil.h"
#include "register/disability.h"
#include "register/warning.h"

const struct field warn_f_absence_days = { "absence_days",
	"Số ngày nghỉ trong một học kỳ", "Days absent in a term" };
const struct field warn_f_unexcused_days = { "unexcused_days",
	"Số ngày nghỉ không phép trong một học kỳ",
	"Days absent without leave in a term" };
const struct field warn_f_over_age_years = { "over_age_years",
	"Số tuổi vượt so với lớp", "Years over the grade's age" };
const struct field warn_f_repeats = { "repeats", "Số năm lưu ban",
	"Years repeated" };
const struct field warn_f_circumstance = { "flag_circumstance",
	"Cảnh báo trẻ có hoàn cảnh đặc biệt",
	"Warn for special circumstances" };
const struct field warn_f_disability = { "flag_disability",
	"Cảnh báo trẻ khuyết tật", "Warn for disability" };
const struct field warn_f_poor = { "flag_poor",
	"Cảnh báo trẻ hộ nghèo, cận nghèo",
	"Warn for poor and near-poor households" };

void
warn_settings_default(struct warn_settings *s)
{
	s->absence_days = WARN_DEFAULT_ABSENCE;
	s->unexcused_days = WARN_DEFAULT_UNEXCUSED;
	s->over_age_years = WARN_DEFAULT_OVER_AGE;
	s->repeats = WARN_DEFAULT_REPEATS;
	s->circumstance = s->disability = s->poor = true;
}

static void
threshold(struct form_errors *errs, const struct field *f, const char *raw,
    int64_t lo, int64_t hi, int *out)
{
	int64_t v;

	if (valid_int(errs, f, raw, true, lo, hi, &v, NULL))
		*out = (int)v;
}

static void
flag(struct form_errors *errs, const struct field *f, const char *raw,
    bool *out)
{
	if (!reg_parse_bool(raw, out))
		form_error(errs, f, "phải là có hoặc không.",
		    "must be yes or no.");
}

bool
warn_settings_check(const struct warn_settings_raw *raw,
    struct warn_settings *out, struct form_errors *errs)
{
	size_t before = errs->n;

	warn_settings_default(out);
	threshold(errs, &warn_f_absence_days, raw->absence_days, 1,
	    ABSENCE_DAYS_MAX, &out->absence_days);
	threshold(errs, &warn_f_unexcused_days, raw->unexcused_days, 1,
	    ABSENCE_DAYS_MAX, &out->unexcused_days);
	threshold(errs, &warn_f_over_age_years, raw->over_age_years, 1, 10,
	    &out->over_age_years);
	threshold(errs, &warn_f_repeats, raw->repeats, 1, 10, &out->repeats);
	flag(errs, &warn_f_circumstance, raw->circumstance, &out->circumstance);
	flag(errs, &warn_f_disability, raw->disability, &out->disability);
	flag(errs, &warn_f_poor, raw->poor, &out->poor);
	return errs->n == before;
}

static int
max_term(const struct warn_input *in, bool unexcused_only)
{
	int a = in->abs[0].unexcused + (unexcused_only ? 0 : in->abs[0].excused);
	int b = in->abs[1].unexcused + (unexcused_only ? 0 : in->abs[1].excused);

	return a > b ? a : b;
}

unsigned
warn_assess(const struct warn_settings *s, const struct warn_input *in)
{
	unsigned r = 0;

	if (max_term(in, false) >= s->absence_days)
		r |= 1u << WARN_ABSENCE;
	if (max_term(in, true) >= s->unexcused_days)
		r |= 1u << WARN_UNEXCUSED;
	if (in->repeats >= s->repeats)
		r |= 1u << WARN_REPEATED;
	if (in->birth[0] != '\0' && enrol_over_age(in->grade, in->birth,
	    in->start_year) >= s->over_age_years)
		r |= 1u << WARN_OVER_AGE;
	if (s->circumstance && in->groups[0] != '\0')
		r |= 1u << WARN_CIRCUMSTANCE;
	if (s->disability && in->disability)
		r |= 1u << WARN_DISABILITY;
	if (s->poor && in->household != CHILD_HH_NONE)
		r |= 1u << WARN_POOR;
	return r;
}

void
warn_reason_text(enum warn_reason why, const struct warn_settings *s,
    const struct warn_input *in, int lang, char *out, size_t size)
{
	int over = enrol_over_age(in->grade, in->birth, in->start_year);

	switch (why) {
	case WARN_ABSENCE:
		snprintf(out, size, lang ? "absent %d days in a term "
		    "(threshold %d)" : "nghỉ %d ngày trong một học kỳ "
		    "(ngưỡng %d)", max_term(in, false), s->absence_days);
		break;
	case WARN_UNEXCUSED:
		snprintf(out, size, lang ? "%d days without leave in a term "
		    "(threshold %d)" : "nghỉ không phép %d ngày trong một học "
		    "kỳ (ngưỡng %d)", max_term(in, true), s->unexcused_days);
		break;
	case WARN_REPEATED:
		snprintf(out, size, lang ? "repeated %d year(s)" :
		    "đã lưu ban %d năm", in->repeats);
		break;
	case WARN_OVER_AGE:
		snprintf(out, size, lang ? "%d year(s) older than %s expects" :
		    "lớn hơn %d tuổi so với độ tuổi của %s", over,
		    enrol_grade_name(in->grade, lang));
		break;
	case WARN_CIRCUMSTANCE:
		snprintf(out, size, lang ? "special circumstances (group %s)" :
		    "hoàn cảnh đặc biệt (nhóm %s)", in->groups);
		break;
	case WARN_DISABILITY:
		snprintf(out, size, "%s", lang ? "disability" : "khuyết tật");
		break;
	case WARN_POOR:
		snprintf(out, size, "%s", in->household == CHILD_HH_POOR ?
		    (lang ? "poor household" : "hộ nghèo") :
		    (lang ? "near-poor household" : "hộ cận nghèo"));
		break;
	default:
		snprintf(out, size, "?");
		break;
	}
}
