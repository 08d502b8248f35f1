/*
 * growth.c -- growth monitoring, the model: checking and scoring a
 * measurement row, the rule for implausible changes, and the nutrition
 * rates of a school and school year.  See growth.h for the rules.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "growth/growth.h"
#include "render/numfmt.h"

#define DAYS_PER_MONTH	30.4375

const struct field growth_f_child = { "child", "Trẻ", "Child" };
const struct field growth_f_date = { "date", "Ngày cân đo",
    "Date measured" };
const struct field growth_f_weight = { "weight", "Cân nặng (kg)",
    "Weight (kg)" };
const struct field growth_f_lenhei = { "lenhei", "Chiều dài/chiều cao (cm)",
    "Length/height (cm)" };
const struct field growth_f_position = { "position", "Tư thế đo",
    "Position" };
const struct field growth_f_oedema = { "oedema", "Phù", "Oedema" };
const struct field growth_f_confirm = { "confirm", "Xác nhận",
    "Confirmation" };
const struct field growth_f_class = { "class", "Lớp", "Class" };
const struct field growth_f_year = { "year", "Năm học", "School year" };
const struct field growth_f_file = { "file", "Tệp", "File" };

const char *const growth_ind_codes[GI__MAX] = {
	[GI_UNDERWEIGHT] = "UNDERWEIGHT",
	[GI_STUNTING] = "STUNTING",
	[GI_WASTING] = "WASTING",
	[GI_OVERWEIGHT] = "OVERWEIGHT",
	[GI_COVERAGE] = "GROWTH_COVERAGE",
};

static const char *const level_codes[] = {
	[ZL_NONE] = "none",
	[ZL_SEVERE] = "severe",
	[ZL_MODERATE] = "moderate",
	[ZL_NORMAL] = "normal",
	[ZL_OVERWEIGHT] = "overweight",
	[ZL_OBESITY] = "obesity",
};

const char *
growth_level_code(enum zs_level l)
{
	return (unsigned)l <= ZL_OBESITY ? level_codes[l] : "none";
}

bool
growth_level_from_code(const char *s, enum zs_level *out)
{
	size_t i;

	for (i = 0; i < sizeof(level_codes) / sizeof(level_codes[0]); i++)
		if (strcmp(level_codes[i], s) == 0) {
			*out = (enum zs_level)i;
			return true;
		}
	return false;
}

/* --- issues ------------------------------------------------------------ */

void
growth_issue_add(struct growth_issues *iss, const struct growth_where *w,
    int64_t child_id, const struct field *f, const char *col, bool warning,
    const char *vi, const char *en)
{
	struct growth_issue *e;

	iss->total++;
	if (!warning)
		iss->errors++;
	if (iss->n == GROWTH_ISSUES_MAX)
		return;
	if (iss->n == iss->cap) {
		iss->cap = iss->cap ? 2 * iss->cap : 16;
		iss->v = xrealloc(iss->v, iss->cap * sizeof(*iss->v));
	}
	e = &iss->v[iss->n++];
	memset(e, 0, sizeof(*e));
	e->row = w != NULL ? w->row : 0;
	e->child_id = child_id;
	if (w != NULL && w->who != NULL)
		snprintf(e->who, sizeof(e->who), "%s", w->who);
	if (col != NULL)
		snprintf(e->col, sizeof(e->col), "%s", col);
	e->f = f;
	e->warning = warning;
	snprintf(e->vi, sizeof(e->vi), "%s", vi);
	snprintf(e->en, sizeof(e->en), "%s", en);
}

void
growth_issues_free(struct growth_issues *iss)
{
	free(iss->v);
	memset(iss, 0, sizeof(*iss));
}

void
growth_issue_text(const struct growth_issue *e, int lang, char *out,
    size_t size)
{
	char where[512] = "";
	size_t n = 0;

	if (e->row > 0)
		n = (size_t)snprintf(where, sizeof(where), "%s %zu",
		    lang ? "Row" : "Dòng", e->row);
	if (n < sizeof(where) && e->col[0] != '\0')
		n += (size_t)snprintf(where + n, sizeof(where) - n, "%s%s %s",
		    n ? ", " : "", lang ? "column" : "cột", e->col);
	if (n < sizeof(where) && e->who[0] != '\0')
		n += (size_t)snprintf(where + n, sizeof(where) - n, " (%s)",
		    e->who);
	snprintf(out, size, "%s%s%s: %s", where, n ? " — " : "",
	    lang ? e->f->label_en : e->f->label_vi, lang ? e->en : e->vi);
}

/* --- parsing ----------------------------------------------------------- */

/* A trimmed copy of raw into buf; "" for NULL. */
static const char *
trimmed(const char *raw, char *buf, size_t size)
{
	if (raw == NULL)
		raw = "";
	snprintf(buf, size, "%s", raw);
	return str_trim(buf);
}

bool
growth_raw_empty(const struct growth_raw *raw)
{
	char a[64], b[64];

	return *trimmed(raw->weight, a, sizeof(a)) == '\0' &&
	    *trimmed(raw->lenhei, b, sizeof(b)) == '\0';
}

bool
growth_parse_position(const char *raw, enum zs_measure *out)
{
	static const struct {
		const char	*s;
		enum zs_measure	 m;
	} codes[] = {
		{ "l", ZS_LYING }, { "L", ZS_LYING }, { "nằm", ZS_LYING },
		{ "nam", ZS_LYING }, { "Nằm", ZS_LYING },
		{ "lying", ZS_LYING },
		{ "h", ZS_STANDING }, { "H", ZS_STANDING },
		{ "đứng", ZS_STANDING }, { "dung", ZS_STANDING },
		{ "Đứng", ZS_STANDING }, { "standing", ZS_STANDING },
	};
	char buf[32];
	const char *s = trimmed(raw, buf, sizeof(buf));
	size_t i;

	if (*s == '\0') {
		*out = ZS_MEASURE_MISSING;
		return true;
	}
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (strcmp(codes[i].s, s) == 0) {
			*out = codes[i].m;
			return true;
		}
	return false;
}

bool
growth_parse_yes(const char *raw, bool *out)
{
	static const char *const yes[] = { "1", "y", "Y", "yes", "on", "có",
	    "Có", "co", "x", "X", "true" };
	static const char *const no[] = { "", "0", "n", "N", "no", "không",
	    "Không", "khong", "2", "false" };
	char buf[32];
	const char *s = trimmed(raw, buf, sizeof(buf));
	size_t i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcmp(yes[i], s) == 0) {
			*out = true;
			return true;
		}
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (strcmp(no[i], s) == 0) {
			*out = false;
			return true;
		}
	return false;
}

/*
 * A measurement typed in: absent (NAN, true), a number in (0, max] (true),
 * or an error added to iss (false).
 */
static bool
parse_amount(const char *raw, double max, const struct field *f,
    const char *col, const struct growth_where *w, int64_t child_id,
    struct growth_issues *iss, double *out)
{
	char buf[64], vi[160], en[160], shown[40];
	const char *s = trimmed(raw, buf, sizeof(buf));
	double v;

	*out = NAN;
	if (*s == '\0')
		return true;
	snprintf(shown, sizeof(shown), "%.30s", s);
	if (!str_to_decimal(s, &v) || !isfinite(v)) {
		snprintf(vi, sizeof(vi), "«%s» không phải là một số (viết "
		    "14,2 hoặc 14.2).", shown);
		snprintf(en, sizeof(en), "\"%s\" is not a number (write 14.2 "
		    "or 14,2).", shown);
		growth_issue_add(iss, w, child_id, f, col, false, vi, en);
		return false;
	}
	if (v <= 0) {
		growth_issue_add(iss, w, child_id, f, col, false,
		    "phải lớn hơn 0.", "must be more than 0.");
		return false;
	}
	if (v > max) {
		snprintf(vi, sizeof(vi), "%s vượt quá %.0f: có lẽ gõ nhầm.",
		    shown, max);
		snprintf(en, sizeof(en), "%s is more than %.0f: a typing "
		    "error?", shown, max);
		growth_issue_add(iss, w, child_id, f, col, false, vi, en);
		return false;
	}
	*out = v;
	return true;
}

/* --- scoring and the change rule --------------------------------------- */

void
growth_z_from(struct growth_z *s, const struct zs_result *r)
{
	int k;

	for (k = 0; k < ZS__MAX; k++) {
		s->z[k] = r->z[k];
		s->flag[k] = r->flag[k];
	}
	for (k = 0; k < ZD__MAX; k++)
		s->level[k] = r->level[k];
}

void
growth_score(struct growth_meas *m, enum child_sex sex, const char *birth)
{
	struct zs_input in;
	struct zs_result r;

	zs_input_init(&in);
	in.sex = sex == CHILD_SEX_F ? ZS_FEMALE : ZS_MALE;
	in.age_kind = ZS_AGE_DATES;
	in.age = (double)(date_days(m->measured_on) - date_days(birth));
	in.weight = m->weight;
	in.lenhei = m->lenhei;
	in.measure = m->measure;
	in.oedema = m->oedema;
	zs_compute(&in, &r);
	m->age_days = (int)in.age;
	growth_z_from(&m->s, &r);
}

double
growth_gain_per_month(double age_days)
{
	double months = age_days / DAYS_PER_MONTH;

	if (months < 6)
		return 1.5;
	if (months < 24)
		return 0.8;
	if (months < 120)
		return 0.6;
	return 1.0;
}

/* A length or height as a standing height. */
static double
as_standing(double lenhei, enum zs_measure m)
{
	return m == ZS_LYING ? lenhei - 0.7 : lenhei;
}

unsigned
growth_change_check(const struct growth_prev *prev,
    const struct growth_meas *cur)
{
	unsigned bits = 0;
	double days, tol, dw;

	if (!prev->has)
		return 0;
	days = (double)(date_days(cur->measured_on) -
	    date_days(prev->measured_on));
	if (days < 0)
		return 0;	/* not "since": the rule looks forward only */
	if (!isnan(prev->weight) && !isnan(cur->weight)) {
		tol = fmax(GROWTH_TOL_KG, GROWTH_TOL_SHARE * prev->weight);
		dw = cur->weight - prev->weight;
		if (dw > tol + growth_gain_per_month((prev->age_days +
		    cur->age_days) / 2.0) * days / DAYS_PER_MONTH)
			bits |= GW_GAIN;
		if (-dw > tol + GROWTH_LOSS_SHARE * prev->weight)
			bits |= GW_LOSS;
	}
	if (!isnan(prev->lenhei) && !isnan(cur->lenhei) &&
	    as_standing(cur->lenhei, cur->measure) <
	    as_standing(prev->lenhei, prev->measure) - GROWTH_SHRINK_CM)
		bits |= GW_SHRINK;
	return bits;
}

bool
growth_under5(int age_days)
{
	return age_days >= 0 && age_days / DAYS_PER_MONTH < 60;
}

void
growth_shown_z(const struct growth_meas *m, enum zs_ind out[3])
{
	if (growth_under5(m->age_days)) {
		out[0] = ZS_WEI;
		out[1] = ZS_LEN;
		out[2] = ZS_WFL;
	} else {
		out[0] = ZS_WFA;
		out[1] = ZS_HFA;
		out[2] = ZS_BFA;
	}
}

bool
growth_needs_attention(const struct growth_meas *m)
{
	int k;

	if (m->oedema || m->warnings != 0)
		return true;
	for (k = 0; k < ZS__MAX; k++)
		if (m->s.flag[k] == 1)
			return true;
	for (k = 0; k < ZD__MAX; k++)
		if (m->s.level[k] != ZL_NONE && m->s.level[k] != ZL_NORMAL)
			return true;
	return false;
}

/* The name of a z-score for messages. */
static const char *
z_name(enum zs_ind k, int lang)
{
	static const char *const vi[ZS__MAX] = {
		"chiều dài/cao theo tuổi", "cân nặng theo tuổi",
		"cân nặng theo chiều dài/cao", "BMI theo tuổi",
		"chiều cao theo tuổi", "cân nặng theo tuổi", "BMI theo tuổi" };
	static const char *const en[ZS__MAX] = {
		"length/height-for-age", "weight-for-age",
		"weight-for-length/height", "BMI-for-age", "height-for-age",
		"weight-for-age", "BMI-for-age" };

	return lang ? en[k] : vi[k];
}

/* The field a z-score mostly comes from (for naming the warning). */
static const struct field *
z_field(enum zs_ind k)
{
	return k == ZS_LEN || k == ZS_HFA ? &growth_f_lenhei : &growth_f_weight;
}

/* Add the unconfirmed warnings of m to iss. */
static void
warn(const struct growth_meas *m, const struct growth_prev *prev,
    const struct growth_where *w, struct growth_issues *iss)
{
	char vi[320], en[320], a[NUMFMT_MAX], b[NUMFMT_MAX], d[NUMFMT_MAX];
	char when[NUMFMT_MAX];
	static const char tick_vi[] = " Kiểm tra lại; nếu đúng, đánh dấu "
	    "«xác nhận».";
	static const char tick_en[] = " Check it; if it is right, tick "
	    "\"confirm\".";
	int k;

	for (k = 0; k < ZS__MAX; k++) {
		if (m->s.flag[k] != 1)
			continue;
		snprintf(vi, sizeof(vi), "z-score %s = %s, ngoài khoảng hợp lý "
		    "theo WHO.%s", z_name((enum zs_ind)k, 0),
		    numfmt_dec(a, m->s.z[k], 2, 0), tick_vi);
		snprintf(en, sizeof(en), "%s z-score = %s, outside WHO's "
		    "plausible range.%s", z_name((enum zs_ind)k, 1),
		    numfmt_dec(a, m->s.z[k], 2, 1), tick_en);
		growth_issue_add(iss, w, m->child_id, z_field((enum zs_ind)k),
		    k == ZS_LEN || k == ZS_HFA ? w->col_lenhei : w->col_weight,
		    true, vi, en);
	}
	if (m->warnings & (GW_GAIN | GW_LOSS)) {
		numfmt_dec(a, prev->weight, 2, 0);
		numfmt_dec(b, m->weight, 2, 0);
		numfmt_dec(d, fabs(m->weight - prev->weight), 2, 0);
		snprintf(vi, sizeof(vi), "%s %s kg từ %s kg (lần cân trước, "
		    "%s) lên %s kg: không thể có trong khoảng thời gian "
		    "này.%s", m->warnings & GW_GAIN ? "tăng" : "giảm", d, a,
		    numfmt_date(when, prev->measured_on), b, tick_vi);
		numfmt_dec(a, prev->weight, 2, 1);
		numfmt_dec(b, m->weight, 2, 1);
		numfmt_dec(d, fabs(m->weight - prev->weight), 2, 1);
		snprintf(en, sizeof(en), "%s %s kg, from %s kg (last time, %s) "
		    "to %s kg: not possible in that time.%s",
		    m->warnings & GW_GAIN ? "gained" : "lost", d, a,
		    numfmt_date(when, prev->measured_on), b, tick_en);
		growth_issue_add(iss, w, m->child_id, &growth_f_weight,
		    w->col_weight, true, vi, en);
	}
	if (m->warnings & GW_SHRINK) {
		snprintf(vi, sizeof(vi), "thấp hơn lần đo trước (%s cm, %s) "
		    "hơn %s cm.%s", numfmt_dec(a, prev->lenhei, 1, 0),
		    numfmt_date(when, prev->measured_on),
		    numfmt_dec(b, GROWTH_SHRINK_CM, 1, 0), tick_vi);
		snprintf(en, sizeof(en), "more than %s cm below last time (%s "
		    "cm, %s).%s", numfmt_dec(b, GROWTH_SHRINK_CM, 1, 1),
		    numfmt_dec(a, prev->lenhei, 1, 1),
		    numfmt_date(when, prev->measured_on), tick_en);
		growth_issue_add(iss, w, m->child_id, &growth_f_lenhei,
		    w->col_lenhei, true, vi, en);
	}
}

enum growth_row
growth_row_check(const struct growth_raw *raw, const struct growth_subject *c,
    const char *date, const struct growth_prev *prev,
    const struct growth_where *w, struct growth_meas *out,
    struct growth_issues *iss)
{
	size_t before = iss->errors;
	bool ok = true;
	enum zs_measure pos;
	int k;

	memset(out, 0, sizeof(*out));
	out->child_id = c->id;
	snprintf(out->measured_on, sizeof(out->measured_on), "%s", date);
	ok &= parse_amount(raw->weight, GROWTH_WEIGHT_MAX, &growth_f_weight,
	    w->col_weight, w, c->id, iss, &out->weight);
	ok &= parse_amount(raw->lenhei, GROWTH_LENHEI_MAX, &growth_f_lenhei,
	    w->col_lenhei, w, c->id, iss, &out->lenhei);
	if (!growth_parse_position(raw->position, &pos)) {
		growth_issue_add(iss, w, c->id, &growth_f_position,
		    w->col_position, false, "phải là «nằm» (l) hoặc «đứng» (h).",
		    "must be \"lying\" (l) or \"standing\" (h).");
		ok = false;
	}
	if (!growth_parse_yes(raw->oedema, &out->oedema)) {
		growth_issue_add(iss, w, c->id, &growth_f_oedema,
		    w->col_oedema, false, "phải là «có» hoặc «không» (y/n).",
		    "must be \"yes\" or \"no\" (y/n).");
		ok = false;
	}
	if (!growth_parse_yes(raw->confirm, &out->confirmed))
		out->confirmed = true;	/* a ticked box sends its value */
	if (!ok)
		return GROWTH_ROW_BAD;
	if (isnan(out->weight) && isnan(out->lenhei)) {
		if (out->oedema) {
			growth_issue_add(iss, w, c->id, &growth_f_weight,
			    w->col_weight, false, "cần nhập khi đánh dấu phù.",
			    "required when oedema is ticked.");
			return GROWTH_ROW_BAD;
		}
		return GROWTH_ROW_EMPTY;
	}
	if (strcmp(date, c->birth) < 0) {
		growth_issue_add(iss, w, c->id, &growth_f_date, w->col_date,
		    false, "trước ngày sinh của trẻ.",
		    "before the child's birth date.");
		return GROWTH_ROW_BAD;
	}
	/* Without a position the age decides, as schools measure it. */
	if (pos == ZS_MEASURE_MISSING && !isnan(out->lenhei))
		pos = date_days(date) - date_days(c->birth) <
		    GROWTH_STANDING_DAYS ? ZS_LYING : ZS_STANDING;
	out->measure = isnan(out->lenhei) ? ZS_MEASURE_MISSING : pos;
	growth_score(out, c->sex, c->birth);
	for (k = 0; k < ZS__MAX; k++)
		if (out->s.flag[k] == 1)
			out->warnings |= GW_ZFLAG;
	out->warnings |= growth_change_check(prev, out);
	if (iss->errors > before)
		return GROWTH_ROW_BAD;
	if (out->warnings == 0) {
		out->confirmed = false;
		return GROWTH_ROW_OK;
	}
	if (out->confirmed)
		return GROWTH_ROW_OK;
	warn(out, prev, w, iss);
	return GROWTH_ROW_WARN;
}

/* --- the rates --------------------------------------------------------- */

static int
obs_cmp(const void *a, const void *b)
{
	const struct growth_obs *x = a, *y = b;
	int c;

	if (x->child_id != y->child_id)
		return x->child_id < y->child_id ? -1 : 1;
	if ((c = strcmp(x->measured_on, y->measured_on)) != 0)
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

static int
enr_cmp(const void *a, const void *b)
{
	const struct growth_enrolled *x = a, *y = b;

	return (x->child_id > y->child_id) - (x->child_id < y->child_id);
}

/* Count one child's last under-5 measurement. */
static void
count_one(const struct growth_obs *o, struct growth_rates *out)
{
	struct growth_sums *s = out->s;
	int x = o->sex == CHILD_SEX_F ? CHILD_SEX_F : CHILD_SEX_M;

	if (o->underweight != ZL_NONE) {
		s[GI_UNDERWEIGHT].den[x]++;
		if (o->underweight == ZL_SEVERE ||
		    o->underweight == ZL_MODERATE)
			s[GI_UNDERWEIGHT].num[x]++;
	}
	if (o->stunting != ZL_NONE) {
		s[GI_STUNTING].den[x]++;
		if (o->stunting == ZL_SEVERE || o->stunting == ZL_MODERATE)
			s[GI_STUNTING].num[x]++;
	}
	if (o->wfh != ZL_NONE) {
		s[GI_WASTING].den[x]++;
		s[GI_OVERWEIGHT].den[x]++;
		if (o->wfh == ZL_SEVERE || o->wfh == ZL_MODERATE)
			s[GI_WASTING].num[x]++;
		if (o->wfh == ZL_OVERWEIGHT || o->wfh == ZL_OBESITY)
			s[GI_OVERWEIGHT].num[x]++;
	}
	s[GI_COVERAGE].num[x]++;
	if (o->demo)
		out->demo = true;
}

void
growth_rates_count(struct growth_obs *obs, size_t n, int64_t unit_id,
    const struct growth_enrolled *enr, size_t nenr, struct growth_rates *out)
{
	struct growth_enrolled *e = NULL, *counted = NULL;
	size_t i, j, ncounted = 0;
	const struct growth_obs *last;

	memset(out, 0, sizeof(*out));
	if (n > 0)
		qsort(obs, n, sizeof(*obs), obs_cmp);
	counted = xcalloc(n + 1, sizeof(*counted));
	for (i = 0; i < n; i = j) {
		last = NULL;
		for (j = i; j < n && obs[j].child_id == obs[i].child_id; j++)
			if (growth_under5(obs[j].age_days))
				last = &obs[j];
		if (last == NULL || last->unit_id != unit_id)
			continue;
		count_one(last, out);
		counted[ncounted].child_id = last->child_id;	/* ascending */
		counted[ncounted++].sex = last->sex;
	}
	/* Coverage: enrolled under 5, plus the counted not enrolled. */
	e = xcalloc(nenr + 1, sizeof(*e));
	if (nenr > 0) {
		memcpy(e, enr, nenr * sizeof(*e));
		qsort(e, nenr, sizeof(*e), enr_cmp);
	}
	for (i = 0; i < nenr; i++)
		if (i == 0 || e[i].child_id != e[i - 1].child_id)
			out->s[GI_COVERAGE].den[e[i].sex == CHILD_SEX_F ?
			    CHILD_SEX_F : CHILD_SEX_M]++;
	for (i = 0, j = 0; i < ncounted; i++) {
		while (j < nenr && e[j].child_id < counted[i].child_id)
			j++;
		if (j == nenr || e[j].child_id != counted[i].child_id)
			out->s[GI_COVERAGE].den[counted[i].sex == CHILD_SEX_F ?
			    CHILD_SEX_F : CHILD_SEX_M]++;
	}
	free(e);
	free(counted);
}
