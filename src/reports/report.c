/*
 * report.c -- the pure rules of reporting: the dues of a regime row, who a
 * row addresses, where a unit stands on a due, the tallies of the units
 * below, and the sums of a consolidation (report.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "reports/report.h"

const char *const report_state_codes[REPORT_STATE__MAX] = {
	[REPORT_DRAFT] = "draft",
	[REPORT_SUBMITTED] = "submitted",
	[REPORT_RETURNED] = "returned",
	[REPORT_ACCEPTED] = "accepted",
	[REPORT_SUPERSEDED] = "superseded",
};

static const char *const state_names[REPORT_STATE__MAX][2] = {
	[REPORT_DRAFT] = { "Bản nháp", "Draft" },
	[REPORT_SUBMITTED] = { "Đã gửi", "Submitted" },
	[REPORT_RETURNED] = { "Bị trả lại", "Returned" },
	[REPORT_ACCEPTED] = { "Đã tiếp nhận", "Accepted" },
	[REPORT_SUPERSEDED] = { "Đã thay thế", "Superseded" },
};

bool
report_state_from_code(const char *code, enum report_state *out)
{
	int i;

	for (i = 0; i < REPORT_STATE__MAX; i++)
		if (strcmp(report_state_codes[i], code) == 0) {
			*out = (enum report_state)i;
			return true;
		}
	return false;
}

const char *
report_state_name(enum report_state s, int lang)
{
	return (unsigned)s < REPORT_STATE__MAX ? state_names[s][lang != 0] :
	    "";
}

bool
report_step_allowed(enum report_state s, enum report_step k)
{
	switch (k) {
	case REPORT_STEP_EDIT:
	case REPORT_STEP_SUBMIT:
		return s == REPORT_DRAFT || s == REPORT_RETURNED;
	case REPORT_STEP_ACCEPT:
	case REPORT_STEP_RETURN:
		return s == REPORT_SUBMITTED;
	case REPORT_STEP_REVISE:
		return s == REPORT_ACCEPTED;
	default:
		return false;
	}
}

enum report_state
report_step_next(enum report_step k)
{
	switch (k) {
	case REPORT_STEP_SUBMIT:
		return REPORT_SUBMITTED;
	case REPORT_STEP_ACCEPT:
		return REPORT_ACCEPTED;
	case REPORT_STEP_RETURN:
		return REPORT_RETURNED;
	default:
		return REPORT_DRAFT;
	}
}

void
report_school_year(const char *date, char out[16])
{
	int y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 +
	    (date[2] - '0') * 10 + (date[3] - '0');
	int m = (date[5] - '0') * 10 + (date[6] - '0');

	if (m < 9)
		y--;
	snprintf(out, 16, "%04d-%04d", y, y + 1);
}

/* Is s "MM-DD" of a real day (29 Feb allowed)? */
static bool
mmdd_ok(const char *s)
{
	char d[11];

	if (s == NULL || strlen(s) != 5)
		return false;
	snprintf(d, sizeof(d), "2024-%s", s);
	return str_is_date(d);
}

static struct report_due *
due_add(struct report_due **v, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*v = xrealloc(*v, *cap * sizeof(**v));
	}
	memset(&(*v)[*n], 0, sizeof(**v));
	return &(*v)[(*n)++];
}

enum err
report_dues(enum plan_schedule sched, const char *const *dates,
    size_t ndates, int from, int to, struct report_due **out, size_t *n)
{
	struct report_due *v = NULL, *d;
	size_t nv = 0, cap = 0, i;
	char buf[11];
	int y;

	*out = NULL;
	*n = 0;
	for (i = 0; i < ndates; i++)
		if (!mmdd_ok(dates[i]))
			return ERR_INVALID;
	if (from < 1900 || to > 9998 || from > to)
		return ERR_INVALID;
	for (y = from; y <= to; y++) {
		switch (sched) {
		case PLAN_SCHED_DATES:
			for (i = 0; i < ndates; i++) {
				snprintf(buf, sizeof(buf), "%04d-%s", y,
				    dates[i]);
				if (!str_is_date(buf))	/* 29 Feb */
					continue;
				d = due_add(&v, &nv, &cap);
				memcpy(d->due_on, buf, sizeof(buf));
				report_school_year(buf, d->period);
			}
			break;
		case PLAN_SCHED_SCHOOL_YEAR:
		case PLAN_SCHED_AS_REQUIRED:
			d = due_add(&v, &nv, &cap);
			snprintf(d->period, sizeof(d->period), "%04d-%04d",
			    y - 1, y);
			if (sched == PLAN_SCHED_SCHOOL_YEAR)
				snprintf(d->due_on, sizeof(d->due_on),
				    "%04d-05-31", y);
			break;
		case PLAN_SCHED_ANNUAL:
			d = due_add(&v, &nv, &cap);
			snprintf(d->period, sizeof(d->period), "%04d", y);
			if (ndates > 0)
				snprintf(buf, sizeof(buf), "%04d-%s", y,
				    dates[0]);
			else
				snprintf(buf, sizeof(buf), "%04d-12-31", y);
			if (!str_is_date(buf))
				snprintf(buf, sizeof(buf), "%04d-02-28", y);
			if (ndates == 0)
				date_from_days(date_days(buf) +
				    REPORT_GRACE_DAYS, buf);
			memcpy(d->due_on, buf, sizeof(buf));
			break;
		default:
			free(v);
			return ERR_INVALID;
		}
	}
	*out = v;
	*n = nv;
	return ERR_OK;
}

bool
report_regime_to_owner(const char *owner_name, bool owner_is_school,
    const char *to)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	bool yes = false;

	if (owner_is_school || str_empty(to) || str_empty(owner_name))
		return false;
	str_upper_vi(owner_name, &a);
	str_upper_vi(to, &b);
	if (buf_failed(&a) || buf_failed(&b))
		goto out;
	yes = strstr(b.data, a.data) != NULL ||
	    strncmp(a.data, b.data, b.len) == 0;
out:
	buf_release(&a);
	buf_release(&b);
	return yes;
}

static const struct {
	const char	*code;
	const char	*vi;
	const char	*en;
} standings[REPORT_STANDING__MAX] = {
	[REPORT_UPCOMING] = { "upcoming", "Chưa đến hạn", "Not due yet" },
	[REPORT_DUE_SOON] = { "due_soon", "Sắp đến hạn", "Due soon" },
	[REPORT_MISSING] = { "missing", "Chưa gửi, quá hạn",
	    "Missing, overdue" },
	[REPORT_ON_TIME] = { "on_time", "Gửi đúng hạn", "Submitted on time" },
	[REPORT_LATE] = { "late", "Gửi muộn", "Submitted late" },
	[REPORT_OPEN] = { "open", "Khi có yêu cầu", "When required" },
};

const char *
report_standing_code(enum report_standing s)
{
	return (unsigned)s < REPORT_STANDING__MAX ? standings[s].code : "";
}

const char *
report_standing_name(enum report_standing s, int lang)
{
	if ((unsigned)s >= REPORT_STANDING__MAX)
		return "";
	return lang ? standings[s].en : standings[s].vi;
}

enum report_standing
report_standing_of(const char *due_on, const char *submitted_on,
    const char *today)
{
	bool sent = !str_empty(submitted_on);

	if (str_empty(due_on))
		return sent ? REPORT_ON_TIME : REPORT_OPEN;
	if (sent)
		return strcmp(submitted_on, due_on) <= 0 ? REPORT_ON_TIME :
		    REPORT_LATE;
	if (strcmp(today, due_on) > 0)
		return REPORT_MISSING;
	if (date_days(due_on) - date_days(today) <= REPORT_REMIND_DAYS)
		return REPORT_DUE_SOON;
	return REPORT_UPCOMING;
}

void
report_tally_add(struct report_tally *t, enum report_standing s,
    bool accepted)
{
	t->expected++;
	if (s == REPORT_ON_TIME) {
		t->on_time++;
		t->submitted++;
	} else if (s == REPORT_LATE) {
		t->late++;
		t->submitted++;
	} else if (s == REPORT_MISSING)
		t->missing++;
	if (accepted)
		t->accepted++;
}

int
report_pct(int part, int whole)
{
	return whole > 0 ? (int)((int64_t)part * 100 / whole) : 0;
}

bool
report_open_during(const char *opened, const char *closed, const char *start,
    const char *end)
{
	if (!str_empty(opened) && strcmp(opened, end) > 0)
		return false;
	if (!str_empty(closed) && strcmp(closed, start) <= 0)
		return false;
	return true;
}

void
report_nums_free(struct report_num *v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(v[i].label);
		free(v[i].target_text);
	}
	free(v);
}

void
report_num_add(struct report_num *a, const struct report_num *b)
{
	bool first = !a->has_value;

	if (!b->has_value)
		return;
	a->num += b->num;
	a->den += b->den;
	a->has_den = a->has_den || b->has_den;
	a->num_m += b->num_m;
	a->num_f += b->num_f;
	a->den_m += b->den_m;
	a->den_f += b->den_f;
	a->has_sex = (first || a->has_sex) && b->has_sex;
	a->has_value = true;
	if (strcmp(b->period, a->period) > 0)
		memcpy(a->period, b->period, sizeof(a->period));
}

bool
report_num_rate(const struct report_num *x, double scale, double *out)
{
	if (!x->has_value)
		return false;
	if (scale == 0) {
		*out = (double)x->num;
		return true;
	}
	if (!x->has_den || x->den == 0)
		return false;
	*out = (double)x->num * scale / (double)x->den;
	return true;
}
