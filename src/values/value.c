/*
 * value.c -- checking an aggregate value entry (pure: no SQL, no HTML).
 *
 * Rules, each reported on the field it concerns:
 *   - unit, indicator and period exist; the period is of the indicator's
 *     period type; a school enters only indicators of its level;
 *   - numbers are whole and 0 or more;
 *   - an indicator split by sex takes nam and nữ (the total is computed; a
 *     total sent as well must equal their sum); one that is not takes only
 *     totals; a count takes no denominator;
 *   - the numerator is at most the denominator, per sex and in total;
 *   - a locked value is not changed (ERR_LOCKED), nor one computed from
 *     other data, such as the nutrition rates from measurements
 *     (ERR_CONFLICT).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/strutil.h"
#include "values/value.h"

const struct field value_f_unit = { "unit", "Đơn vị", "Unit" };
const struct field value_f_indicator = { "indicator", "Chỉ số", "Indicator" };
const struct field value_f_period = { "period", "Kỳ báo cáo", "Period" };
const struct field value_f_num_m = { "num_m", "Tử số (nam)",
    "Numerator (male)" };
const struct field value_f_num_f = { "num_f", "Tử số (nữ)",
    "Numerator (female)" };
const struct field value_f_num_total = { "num_total", "Tử số (tổng)",
    "Numerator (total)" };
const struct field value_f_den_m = { "den_m", "Mẫu số (nam)",
    "Denominator (male)" };
const struct field value_f_den_f = { "den_f", "Mẫu số (nữ)",
    "Denominator (female)" };
const struct field value_f_den_total = { "den_total", "Mẫu số (tổng)",
    "Denominator (total)" };

bool
value_parse_refs(const struct value_raw *raw, struct value_refs *refs,
    struct form_errors *errs)
{
	bool ok = true;

	memset(refs, 0, sizeof(*refs));
	if (str_empty(raw->unit)) {
		form_error(errs, &value_f_unit, "cần chọn.", "required.");
		ok = false;
	} else if (!str_to_int_range(raw->unit, 1, INT64_MAX, &refs->unit_id)) {
		form_error(errs, &value_f_unit, "phải là mã số của một đơn vị.",
		    "must be the id number of a unit.");
		ok = false;
	}
	if (!valid_text(errs, &value_f_indicator, raw->indicator, true, 32,
	    refs->indicator))
		ok = false;
	if (!valid_text(errs, &value_f_period, raw->period, true, 32,
	    refs->period))
		ok = false;
	return ok;
}

/* One cell: a whole number in [0, VALUE_MAX]. */
static bool
cell(struct form_errors *errs, const struct field *f, const char *raw,
    bool required, int64_t *v, bool *present)
{
	*v = 0;
	return valid_int(errs, f, raw, required, 0, VALUE_MAX, v, present);
}

/* A field that must stay empty for this indicator. */
static void
unwanted(struct form_errors *errs, const struct field *f, const char *raw,
    const char *vi, const char *en)
{
	if (!str_empty(raw))
		form_error(errs, f, vi, en);
}

/* A total sent along with nam and nữ must be their sum. */
static void
total_matches(struct form_errors *errs, const struct field *f, bool ok,
    int64_t total, bool present, int64_t m, int64_t fe)
{
	char vi[160], en[160];

	if (!ok || !present || total == m + fe)
		return;
	snprintf(vi, sizeof(vi), "phải bằng nam + nữ (%lld + %lld = %lld), "
	    "không phải %lld; có thể để trống để tự tính.", (long long)m,
	    (long long)fe, (long long)(m + fe), (long long)total);
	snprintf(en, sizeof(en), "must equal male + female (%lld + %lld = "
	    "%lld), not %lld; leave it empty to have it computed.",
	    (long long)m, (long long)fe, (long long)(m + fe),
	    (long long)total);
	form_error(errs, f, vi, en);
}

/* The numerator may not exceed the denominator. */
static bool
not_above(struct form_errors *errs, const struct field *fn,
    const struct field *fd, int64_t num, int64_t den)
{
	char vi[200], en[200];

	if (num <= den)
		return true;
	snprintf(vi, sizeof(vi), "không được lớn hơn %s (%lld > %lld).",
	    fd->label_vi, (long long)num, (long long)den);
	snprintf(en, sizeof(en), "may not be greater than %s (%lld > "
	    "%lld).", fd->label_en, (long long)num, (long long)den);
	form_error(errs, fn, vi, en);
	return false;
}

/* Has field f already a message (from value_parse_refs)? */
static bool
has_error(const struct form_errors *errs, const struct field *f)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		if (errs->e[i].f == f)
			return true;
	return false;
}

/* A name for the middle of a sentence: first letter in lower case. */
static const char *
lower(const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "%s", name);
	if (buf[0] >= 'A' && buf[0] <= 'Z')
		buf[0] = (char)(buf[0] - 'A' + 'a');
	return buf;
}

static void
refs_check(const struct value_raw *raw, const struct value_ctx *ctx,
    struct form_errors *errs)
{
	char vi[256], en[256], a[32], b[32];

	if (ctx->unit == NULL && !has_error(errs, &value_f_unit))
		form_error(errs, &value_f_unit, "không có đơn vị này.",
		    "there is no such unit.");
	if (ctx->ind == NULL && !has_error(errs, &value_f_indicator)) {
		snprintf(vi, sizeof(vi), "không có chỉ số «%.40s» trong danh "
		    "mục.", raw->indicator ? raw->indicator : "");
		snprintf(en, sizeof(en), "there is no indicator \"%.40s\" in "
		    "the catalogue.", raw->indicator ? raw->indicator : "");
		form_error(errs, &value_f_indicator, vi, en);
	}
	if (ctx->per == NULL && !has_error(errs, &value_f_period)) {
		snprintf(vi, sizeof(vi), "không có kỳ «%.40s» (năm học viết "
		    "2024-2025, năm viết 2024, 6 tháng viết 2024S1 hoặc "
		    "2024S2).", raw->period ? raw->period : "");
		snprintf(en, sizeof(en), "there is no period \"%.40s\" (a "
		    "school year is written 2024-2025, a year 2024, a half "
		    "year 2024S1 or 2024S2).", raw->period ? raw->period : "");
		form_error(errs, &value_f_period, vi, en);
	} else if (ctx->per != NULL && ctx->ind != NULL &&
	    ctx->per->type != ctx->ind->period_type) {
		snprintf(vi, sizeof(vi), "chỉ số %s tính theo %s, còn %s là "
		    "%s.", ctx->ind->code,
		    lower(period_type_name(ctx->ind->period_type, 0), a,
		    sizeof(a)), ctx->per->code,
		    lower(period_type_name(ctx->per->type, 0), b, sizeof(b)));
		snprintf(en, sizeof(en), "indicator %s is measured per %s, but "
		    "%s is a %s.", ctx->ind->code,
		    lower(period_type_name(ctx->ind->period_type, 1), a,
		    sizeof(a)), ctx->per->code,
		    lower(period_type_name(ctx->per->type, 1), b, sizeof(b)));
		form_error(errs, &value_f_period, vi, en);
	}
	if (ctx->unit != NULL && ctx->ind != NULL &&
	    !unit_kind_in_levels(ctx->unit->kind, ctx->ind->levels)) {
		snprintf(vi, sizeof(vi), "chỉ số %s không áp dụng cho %s.",
		    ctx->ind->code, unit_kind_name(ctx->unit->kind, 0));
		snprintf(en, sizeof(en), "indicator %s does not apply to a %s.",
		    ctx->ind->code, unit_kind_name(ctx->unit->kind, 1));
		form_error(errs, &value_f_indicator, vi, en);
	}
}

/* Numbers split by sex: nam and nữ required, totals computed. */
static void
split_check(const struct value_raw *raw, bool has_den, struct agg_value *v,
    struct form_errors *errs)
{
	bool nm, nf, nt, dm, df, dt, pt = false, pdt = false;
	int64_t total = 0, dtotal = 0;

	nm = cell(errs, &value_f_num_m, raw->num_m, true, &v->num_m, NULL);
	nf = cell(errs, &value_f_num_f, raw->num_f, true, &v->num_f, NULL);
	nt = cell(errs, &value_f_num_total, raw->num_total, false, &total,
	    &pt);
	total_matches(errs, &value_f_num_total, nm && nf && nt, total, pt,
	    v->num_m, v->num_f);
	v->num_total = v->num_m + v->num_f;
	if (!has_den) {
		unwanted(errs, &value_f_den_m, raw->den_m,
		    "chỉ số đếm không có mẫu số; để trống.",
		    "a count has no denominator; leave it empty.");
		unwanted(errs, &value_f_den_f, raw->den_f,
		    "chỉ số đếm không có mẫu số; để trống.",
		    "a count has no denominator; leave it empty.");
		unwanted(errs, &value_f_den_total, raw->den_total,
		    "chỉ số đếm không có mẫu số; để trống.",
		    "a count has no denominator; leave it empty.");
		return;
	}
	dm = cell(errs, &value_f_den_m, raw->den_m, true, &v->den_m, NULL);
	df = cell(errs, &value_f_den_f, raw->den_f, true, &v->den_f, NULL);
	dt = cell(errs, &value_f_den_total, raw->den_total, false, &dtotal,
	    &pdt);
	total_matches(errs, &value_f_den_total, dm && df && dt, dtotal, pdt,
	    v->den_m, v->den_f);
	v->den_total = v->den_m + v->den_f;
	/* Per sex; the totals, being their sums, then follow. */
	if (nm && dm)
		(void)not_above(errs, &value_f_num_m, &value_f_den_m, v->num_m,
		    v->den_m);
	if (nf && df)
		(void)not_above(errs, &value_f_num_f, &value_f_den_f, v->num_f,
		    v->den_f);
}

/* Numbers not split by sex: totals only. */
static void
total_check(const struct value_raw *raw, bool has_den, struct agg_value *v,
    struct form_errors *errs)
{
	static const char no_sex_vi[] = "chỉ số này không tách theo giới tính; "
	    "chỉ nhập tổng.";
	static const char no_sex_en[] = "this indicator is not split by sex; "
	    "enter the total only.";
	bool nt, dt;

	unwanted(errs, &value_f_num_m, raw->num_m, no_sex_vi, no_sex_en);
	unwanted(errs, &value_f_num_f, raw->num_f, no_sex_vi, no_sex_en);
	unwanted(errs, &value_f_den_m, raw->den_m, no_sex_vi, no_sex_en);
	unwanted(errs, &value_f_den_f, raw->den_f, no_sex_vi, no_sex_en);
	nt = cell(errs, &value_f_num_total, raw->num_total, true,
	    &v->num_total, NULL);
	if (!has_den) {
		unwanted(errs, &value_f_den_total, raw->den_total,
		    "chỉ số đếm không có mẫu số; để trống.",
		    "a count has no denominator; leave it empty.");
		return;
	}
	dt = cell(errs, &value_f_den_total, raw->den_total, true,
	    &v->den_total, NULL);
	if (nt && dt)
		(void)not_above(errs, &value_f_num_total, &value_f_den_total,
		    v->num_total, v->den_total);
}

enum err
value_check(const struct value_raw *raw, const struct value_ctx *ctx,
    struct agg_value *out, struct form_errors *errs)
{
	size_t before = errs->n;
	int64_t ignore;

	memset(out, 0, sizeof(*out));
	if (ctx->locked)
		return ERR_LOCKED;
	if (ctx->computed)
		return ERR_CONFLICT;
	refs_check(raw, ctx, errs);
	if (ctx->ind == NULL) {
		/* Without the indicator only the form of the numbers is
		 * known. */
		(void)cell(errs, &value_f_num_m, raw->num_m, false, &ignore,
		    NULL);
		(void)cell(errs, &value_f_num_f, raw->num_f, false, &ignore,
		    NULL);
		(void)cell(errs, &value_f_num_total, raw->num_total, false,
		    &ignore, NULL);
		(void)cell(errs, &value_f_den_m, raw->den_m, false, &ignore,
		    NULL);
		(void)cell(errs, &value_f_den_f, raw->den_f, false, &ignore,
		    NULL);
		(void)cell(errs, &value_f_den_total, raw->den_total, false,
		    &ignore, NULL);
		return ERR_INVALID;
	}
	out->split = ctx->ind->by_sex;
	out->has_den = ctx->ind->unit != IND_UNIT_COUNT;
	if (out->split)
		split_check(raw, out->has_den, out, errs);
	else
		total_check(raw, out->has_den, out, errs);
	if (errs->n > before)
		return ERR_INVALID;
	out->unit_id = ctx->unit->id;
	out->indicator_id = ctx->ind->id;
	out->period_id = ctx->per->id;
	return ERR_OK;
}

double
value_rate(const struct agg_value *v, enum ind_unit u)
{
	if (u != IND_UNIT_COUNT && !v->has_den)
		return NAN;
	return indicator_rate(v->num_total, v->den_total, u);
}
