/*
 * demo_growth.c -- synthetic measurements for the demo database.
 *
 * Every demo child of the register (demo_register.c: the kindergarten MN
 * Hương Lưu and three schools) is weighed and measured three times a
 * school year, as kindergartens do: 20 September, 10 December and 10 March,
 * in the class the child is in that day; about 3 % are absent each time.
 * Each child keeps a growth track drawn once from a fixed-seed generator --
 * a height-for-age z-score around -0.7 and a weight-for-height (under 5)
 * or BMI-for-age (from 5) z-score around -0.15, both with a standard
 * deviation of 1 -- drifting a little from one session to the next; the
 * values are read off the WHO curves
 * (zs_value_at()) at those z-scores and rounded as a scale and a board
 * read (0.1 kg, 0.1 cm), so the rates come out near the real ones
 * (underweight and stunting about 8 %).  Everything is marked is_demo, and
 * the nutrition values of each school and year are computed from it, in
 * place of demo_values.c's synthetic ones.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "demo/demo_int.h"
#include "growth/growth_db.h"

#define DAYS_PER_MONTH	30.4375

/* Month and day of the three sessions, and whether in the second
 * calendar year of the school year. */
static const struct {
	int	 month, day, next_year;
} sessions[] = { { 9, 20, 0 }, { 12, 10, 0 }, { 3, 10, 1 } };

/* One enrolment of a demo child. */
struct denr {
	int64_t		 child_id;
	int64_t		 unit_id;
	int64_t		 period_id;
	char		 start_on[11];
	char		 cls[CHILD_TEXT(ENROL_CLASS_MAX)];
	char		 entered_on[11];
	char		 left_on[11];	/* "" = stayed */
	enum child_sex	 sex;
	char		 birth[11];
};

/* A child's growth track. */
struct track {
	double		 haz, wz;	/* height-for-age; weight-for-height
					 * or BMI-for-age */
	bool		 has;
	struct growth_prev prev;
};

/* A standard normal draw (Box-Muller). */
static double
normal(struct demo_rng *g)
{
	double u = demo_uniform(g), v = demo_uniform(g);

	if (u < 1e-12)
		u = 1e-12;
	return sqrt(-2 * log(u)) * cos(2 * M_PI * v);
}

static void
denr_row(struct db_stmt *st, void *out)
{
	struct denr *d = out;

	memset(d, 0, sizeof(*d));
	d->child_id = db_col_int(st, 0);
	d->unit_id = db_col_int(st, 1);
	d->period_id = db_col_int(st, 2);
	snprintf(d->start_on, sizeof(d->start_on), "%s", db_col_text(st, 3));
	snprintf(d->cls, sizeof(d->cls), "%s", db_col_text(st, 4));
	snprintf(d->entered_on, sizeof(d->entered_on), "%s",
	    db_col_text(st, 5));
	snprintf(d->left_on, sizeof(d->left_on), "%s", db_col_text(st, 6));
	d->sex = strcmp(db_col_text(st, 7), "f") == 0 ? CHILD_SEX_F :
	    CHILD_SEX_M;
	snprintf(d->birth, sizeof(d->birth), "%s", db_col_text(st, 8));
}

/* The values of child d at age_days on its track (NAN when off the
 * tables). */
static void
values_at(const struct denr *d, const struct track *t, int age_days,
    struct growth_meas *m)
{
	enum zs_sex sex = d->sex == CHILD_SEX_F ? ZS_FEMALE : ZS_MALE;
	double months = age_days / DAYS_PER_MONTH, h, w;

	if (growth_under5(age_days)) {
		/* The table is length lying before 731 days, height after:
		 * the position the child is measured in. */
		h = zs_value_at(WHO_LEN, sex, age_days, t->haz);
		w = zs_value_at(age_days < 731 ? WHO_WFL : WHO_WFH, sex,
		    round(h * 10) / 10, t->wz);
		if (isnan(w))
			w = zs_value_at(WHO_WEI, sex, age_days, t->haz);
		m->measure = age_days < 731 ? ZS_LYING : ZS_STANDING;
	} else {
		if (months > 228)
			months = 228;
		h = zs_value_at(WHO_HFA07, sex, months, t->haz);
		w = zs_value_at(WHO_BFA07, sex, months, t->wz) *
		    (h / 100) * (h / 100);
		m->measure = ZS_STANDING;
	}
	m->lenhei = round(h * 10) / 10;
	m->weight = round(w * 10) / 10;
}

/* Day "YYYY-MM-DD" of session k of the school year starting on start. */
static void
session_day(const char *start, int k, char out[11])
{
	int y = 0;

	(void)sscanf(start, "%4d", &y);
	y += sessions[k].next_year;
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)sessions[k].month % 100u,
	    (unsigned)sessions[k].day % 100u);
}

static int
by_child(const void *a, const void *b)
{
	const struct denr *x = *(const struct denr *const *)a;
	const struct denr *y = *(const struct denr *const *)b;

	return (x->child_id > y->child_id) - (x->child_id < y->child_id);
}

enum err
demo_growth(struct db *db, struct buf *errmsg)
{
	struct db_stmt *st = db_stmt(db, "SELECT e.child_id, e.unit_id,"
	    " e.period_id, p.start_on, e.class_name, e.entered_on,"
	    " CASE WHEN e.status IN ('transferred_out', 'dropped_out')"
	    " THEN e.status_on ELSE '' END, c.sex, c.birth_date"
	    " FROM enrolment e JOIN child c ON c.id = e.child_id"
	    " JOIN period p ON p.id = e.period_id WHERE c.is_demo = 1"
	    " ORDER BY p.start_on, e.unit_id, e.class_name, e.child_id");
	struct denr *en = NULL, **order = NULL;
	struct track *tracks = NULL;
	struct growth_session *ss = NULL;
	struct growth_meas *m = NULL;
	size_t *sidx = NULL, n = 0, i, j, ns = 0, nm = 0, nt = 0;
	struct demo_rng g = { 0x6A09E667F3BCC909ull };
	char day[11];
	int64_t maxid = 0;
	enum err e;
	int k, z;

	if ((e = db_all_rows(st, sizeof(*en), denr_row, (void **)&en, &n)) !=
	    ERR_OK)
		goto out;
	for (i = 0; i < n; i++)
		if (en[i].child_id > maxid)
			maxid = en[i].child_id;
	/* Tracks by child id, drawn in child order so each child's track
	 * does not depend on how many enrolments come before it. */
	nt = (size_t)maxid + 1;
	tracks = xcalloc(nt, sizeof(*tracks));
	order = xcalloc(n + 1, sizeof(*order));
	for (i = 0; i < n; i++)
		order[i] = &en[i];
	qsort(order, n, sizeof(*order), by_child);
	for (i = 0; i < n; i++) {
		struct track *t = &tracks[order[i]->child_id];

		if (t->has)
			continue;
		t->has = true;
		t->haz = -0.7 + normal(&g);
		t->wz = -0.15 + normal(&g);
	}
	m = xcalloc(3 * n + 1, sizeof(*m));
	sidx = xcalloc(3 * n + 1, sizeof(*sidx));
	/* Year by year, session by session, class by class (en is sorted
	 * so), each child after its previous measurement. */
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && en[j].period_id == en[i].period_id; j++)
			;
		for (k = 0; k < 3; k++) {
			size_t x;

			session_day(en[i].start_on, k, day);
			for (x = i; x < j; x++) {
				struct denr *d = &en[x];
				struct track *t = &tracks[d->child_id];
				struct growth_meas *mm = &m[nm];

				if (strcmp(d->entered_on, day) > 0 ||
				    (d->left_on[0] && strcmp(d->left_on,
				    day) <= 0) || strcmp(d->birth, day) >= 0)
					continue;
				/* Drift, then 3 % absent. */
				t->haz += 0.06 * normal(&g);
				t->wz += 0.2 * normal(&g);
				if (demo_uniform(&g) < 0.03)
					continue;
				memset(mm, 0, sizeof(*mm));
				mm->child_id = d->child_id;
				memcpy(mm->measured_on, day, 11);
				values_at(d, t, (int)(date_days(day) -
				    date_days(d->birth)), mm);
				if (isnan(mm->weight) || isnan(mm->lenhei))
					continue;
				if (ns == 0 || ss[ns - 1].unit_id != d->unit_id ||
				    strcmp(ss[ns - 1].class_name, d->cls) != 0 ||
				    strcmp(ss[ns - 1].measured_on, day) != 0) {
					ss = xrealloc(ss, (ns + 1) * sizeof(*ss));
					memset(&ss[ns], 0, sizeof(*ss));
					ss[ns].unit_id = d->unit_id;
					ss[ns].period_id = d->period_id;
					memcpy(ss[ns].class_name, d->cls,
					    sizeof(d->cls));
					memcpy(ss[ns].measured_on, day, 11);
					ss[ns].demo = true;
					ns++;
				}
				mm->demo = true;
				growth_score(mm, d->sex, d->birth);
				for (z = 0; z < ZS__MAX; z++)
					if (mm->s.flag[z] == 1)
						mm->warnings |= GW_ZFLAG;
				mm->warnings |= growth_change_check(&t->prev,
				    mm);
				mm->confirmed = mm->warnings != 0;
				t->prev.has = true;
				memcpy(t->prev.measured_on, day, 11);
				t->prev.age_days = mm->age_days;
				t->prev.weight = mm->weight;
				t->prev.lenhei = mm->lenhei;
				t->prev.measure = mm->measure;
				sidx[nm++] = ns - 1;
			}
		}
	}
	if ((e = growth_put(db, ss, ns, m, nm, sidx, 0)) == ERR_OK)
		e = growth_refresh_all(db, ss, ns, NULL);
out:
	if (e != ERR_OK)
		buf_printf(errmsg, "demo growth: %s", err_name(e));
	free(en);
	free(order);
	free(tracks);
	free(ss);
	free(m);
	free(sidx);
	return e;
}
