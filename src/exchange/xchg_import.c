/*
 * xchg_import.c -- check the data points of an exchange file against the
 * database and write them as aggregate values, all or nothing.
 *
 * Each point is resolved: its unit (by code; inside the importer's
 * scope), its data element (an indicator of the catalogue, _NUM or
 * _DEN), its period (one of vitre's), and its value (a whole number).
 * The points of one unit, indicator and period then make one value: no
 * number twice, not locked, not computed from other data, and the checks
 * of hand entry (values/value.h value_check: sex split, no denominator
 * for a count, numerator at most the denominator, the indicator applies
 * to the unit's level and period type).  Every problem is reported; only
 * a clean file is written, in one transaction with the data generation
 * and one audit row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/audit.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "exchange/exchange.h"
#include "indicators/indicator.h"
#include "units/unit.h"
#include "values/value.h"

/* A point whose unit, indicator and period are known. */
struct ref {
	size_t		 pt;		/* index into d->p */
	int64_t		 unit_id;
	size_t		 ind;		/* index into the catalogue */
	size_t		 per;		/* index into the periods */
	enum xchg_part	 part;
	int64_t		 v;
	bool		 ok;		/* the value is a good number */
};

struct ctx {
	struct xchg_import *im;
	struct xchg_data *d;
	struct indicator *inds;
	size_t		 ninds;
	struct period	*pers;
	size_t		 npers;
	const struct unit *last_unit;
	struct ref	*refs;
	size_t		 nrefs;
	struct agg_value *vals;
	size_t		 nvals;
};

static enum err
load_periods(struct ctx *c)
{
	struct period *p;
	size_t n, t;
	enum err e;

	for (t = 0; t < PERIOD__MAX; t++) {
		if ((e = period_list(c->im->db, (enum period_type)t, NULL, &p,
		    &n)) != ERR_OK)
			return e;
		c->pers = xrealloc(c->pers, (c->npers + n + 1) *
		    sizeof(*c->pers));
		if (n > 0)
			memcpy(c->pers + c->npers, p, n * sizeof(*p));
		c->npers += n;
		free(p);
	}
	return ERR_OK;
}

static const struct unit *
find_unit(struct ctx *c, const char *code)
{
	const struct unit_tree *t = c->im->t;
	size_t i;

	if (c->last_unit != NULL && strcmp(c->last_unit->code, code) == 0)
		return c->last_unit;
	for (i = 0; i < t->n; i++)
		if (strcmp(t->u[i].code, code) == 0)
			return c->last_unit = &t->u[i];
	return NULL;
}

static bool
resolve_unit(struct ctx *c, const struct xchg_point *pt, struct ref *r)
{
	const struct unit *u = find_unit(c, pt->unit);
	char vi[300], en[300];

	if (u == NULL) {
		snprintf(vi, sizeof(vi), "orgUnit: không có đơn vị mã «%s».",
		    pt->unit);
		snprintf(en, sizeof(en), "orgUnit: there is no unit with the "
		    "code \"%s\".", pt->unit);
		xchg_problem_add(c->d, pt, vi, en);
		return false;
	}
	if (c->im->scope != 0 && !unit_in_scope(c->im->t, c->im->scope,
	    u->id)) {
		snprintf(vi, sizeof(vi), "orgUnit: đơn vị «%s» nằm ngoài phạm vi "
		    "của bạn.", pt->unit);
		snprintf(en, sizeof(en), "orgUnit: unit \"%s\" is outside your "
		    "scope.", pt->unit);
		xchg_problem_add(c->d, pt, vi, en);
		c->d->nscope++;
		return false;
	}
	r->unit_id = u->id;
	return true;
}

static bool
resolve_element(struct ctx *c, const struct xchg_point *pt, struct ref *r)
{
	char code[96], vi[400], en[400];
	size_t i;

	if (xchg_element_parse(pt->element, code, sizeof(code), &r->part))
		for (i = 0; i < c->ninds; i++)
			if (strcmp(c->inds[i].code, code) == 0) {
				r->ind = i;
				return true;
			}
	snprintf(vi, sizeof(vi), "dataElement: không có phần tử dữ liệu «%s» "
	    "(cần MÃ-CHỈ-SỐ_NUM hoặc MÃ-CHỈ-SỐ_DEN của một chỉ số trong danh "
	    "mục).", pt->element);
	snprintf(en, sizeof(en), "dataElement: there is no data element \"%s\" "
	    "(expected INDICATOR-CODE_NUM or INDICATOR-CODE_DEN of an indicator "
	    "of the catalogue).", pt->element);
	xchg_problem_add(c->d, pt, vi, en);
	return false;
}

static bool
resolve_period(struct ctx *c, const struct xchg_point *pt, struct ref *r)
{
	char code[40], vi[400], en[400];
	size_t i;

	if (xchg_period_code(c->d->fmt, pt->period, code, sizeof(code)))
		for (i = 0; i < c->npers; i++)
			if (strcmp(c->pers[i].code, code) == 0) {
				r->per = i;
				return true;
			}
	if (c->d->fmt == XCHG_ADX) {
		snprintf(vi, sizeof(vi), "period: không có kỳ «%s» (năm học "
		    "2024-09-01/P1Y, năm 2024-01-01/P1Y, 6 tháng "
		    "2024-01-01/P6M hoặc 2024-07-01/P6M).", pt->period);
		snprintf(en, sizeof(en), "period: there is no period \"%s\" "
		    "(school year 2024-09-01/P1Y, year 2024-01-01/P1Y, half "
		    "year 2024-01-01/P6M or 2024-07-01/P6M).", pt->period);
	} else {
		snprintf(vi, sizeof(vi), "period: không có kỳ «%s» (năm học "
		    "2024Sep, năm 2024, 6 tháng 2024S1 hoặc 2024S2).",
		    pt->period);
		snprintf(en, sizeof(en), "period: there is no period \"%s\" "
		    "(school year 2024Sep, year 2024, half year 2024S1 or "
		    "2024S2).", pt->period);
	}
	xchg_problem_add(c->d, pt, vi, en);
	return false;
}

static bool
resolve_value(struct ctx *c, const struct xchg_point *pt, struct ref *r)
{
	char vi[300], en[300];

	if (str_to_int64(pt->value, &r->v) && r->v >= 0 && r->v <= VALUE_MAX)
		return true;
	snprintf(vi, sizeof(vi), "value: «%s» không phải là số nguyên từ 0 "
	    "đến %lld.", pt->value, (long long)VALUE_MAX);
	snprintf(en, sizeof(en), "value: \"%s\" is not a whole number from 0 "
	    "to %lld.", pt->value, (long long)VALUE_MAX);
	xchg_problem_add(c->d, pt, vi, en);
	return false;
}

/* Resolve every point; those with a unit, indicator and period become
 * refs (ok if their number is good too). */
static void
resolve(struct ctx *c)
{
	struct ref r;
	size_t i;
	bool keys;

	c->refs = xcalloc(c->d->n + 1, sizeof(*c->refs));
	for (i = 0; i < c->d->n; i++) {
		memset(&r, 0, sizeof(r));
		r.pt = i;
		keys = resolve_unit(c, &c->d->p[i], &r);
		keys &= resolve_element(c, &c->d->p[i], &r);
		keys &= resolve_period(c, &c->d->p[i], &r);
		r.ok = resolve_value(c, &c->d->p[i], &r);
		if (keys)
			c->refs[c->nrefs++] = r;
	}
}

static int
by_key(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;

	if (x->unit_id != y->unit_id)
		return x->unit_id < y->unit_id ? -1 : 1;
	if (x->ind != y->ind)
		return x->ind < y->ind ? -1 : 1;
	if (x->per != y->per)
		return x->per < y->per ? -1 : 1;
	return x->pt < y->pt ? -1 : x->pt > y->pt;
}

/* "đơn vị X, chỉ số Y, kỳ Z" of a group, for messages. */
static void
group_name(struct ctx *c, const struct ref *r, int lang, char *out,
    size_t size)
{
	const struct unit *u = unit_get(c->im->t, r->unit_id);

	snprintf(out, size, lang ? "unit %s, indicator %s, period %s" :
	    "đơn vị %s, chỉ số %s, kỳ %s", u->code, c->inds[r->ind].code,
	    c->pers[r->per].code);
}

/* The numbers of a group by slot (part * 3 + sex); false on a
 * duplicate (reported). */
static bool
slots(struct ctx *c, const struct ref *g, size_t n, const char *slot[6])
{
	const struct xchg_point *first[6] = { NULL };
	const struct xchg_point *pt;
	char wvi[160], wen[160], vi[300], en[300];
	bool ok = true;
	size_t i, k;

	for (i = 0; i < n; i++) {
		pt = &c->d->p[g[i].pt];
		k = (size_t)g[i].part * 3 + (size_t)pt->sex;
		if (first[k] == NULL) {
			first[k] = pt;
			slot[k] = pt->value;
			continue;
		}
		xchg_point_where(c->d, first[k], 0, wvi, sizeof(wvi));
		xchg_point_where(c->d, first[k], 1, wen, sizeof(wen));
		snprintf(vi, sizeof(vi), "giá trị này đã có ở %s (cùng đơn vị, "
		    "phần tử, kỳ và phân tổ).", wvi);
		snprintf(en, sizeof(en), "this value was given already at %s "
		    "(same unit, element, period and category).", wen);
		xchg_problem_add(c->d, pt, vi, en);
		ok = false;
	}
	return ok;
}

/* Does the file give exactly the stored numbers? */
static bool
same(const struct agg_value *a, const struct agg_value *b)
{
	return a->split == b->split && a->has_den == b->has_den &&
	    a->num_total == b->num_total && a->den_total == b->den_total &&
	    (!a->split || (a->num_m == b->num_m && a->num_f == b->num_f &&
	    (!a->has_den || (a->den_m == b->den_m && a->den_f == b->den_f))));
}

/*
 * Check the value a group of refs makes; keep it in c->vals if it is
 * good and differs from the stored one.  A locked or computed value may
 * come back unchanged (an export imported again), never changed.
 */
static void
check_group(struct ctx *c, const struct ref *g, size_t n)
{
	const char *slot[6] = { NULL };
	const struct xchg_point *pt = &c->d->p[g[0].pt];
	struct value_raw raw;
	struct value_ctx vc;
	struct agg_value stored, v;
	struct form_errors *errs;
	char gvi[200], gen[200], vi[480], en[480];
	size_t i;
	enum err e;

	for (i = 0; i < n; i++)
		if (!g[i].ok)
			return;		/* its number is reported already */
	if (!slots(c, g, n, slot))
		return;
	group_name(c, g, 0, gvi, sizeof(gvi));
	group_name(c, g, 1, gen, sizeof(gen));
	memset(&vc, 0, sizeof(vc));
	vc.unit = unit_get(c->im->t, g->unit_id);
	vc.ind = &c->inds[g->ind];
	vc.per = &c->pers[g->per];
	e = value_find(c->im->db, g->unit_id, vc.ind->id, vc.per->id, &stored);
	if (e != ERR_OK && e != ERR_NOTFOUND) {
		xchg_problem_add(c->d, pt, "lỗi cơ sở dữ liệu.",
		    "database error.");
		return;
	}
	memset(&raw, 0, sizeof(raw));
	raw.indicator = vc.ind->code;
	raw.period = vc.per->code;
	raw.num_total = slot[0];
	raw.num_m = slot[1];
	raw.num_f = slot[2];
	raw.den_total = slot[3];
	raw.den_m = slot[4];
	raw.den_f = slot[5];
	errs = xcalloc(1, sizeof(*errs));
	if (value_check(&raw, &vc, &v, errs) != ERR_OK) {
		for (i = 0; i < errs->n; i++) {
			snprintf(vi, sizeof(vi), "%s: %s", gvi, errs->e[i].vi);
			snprintf(en, sizeof(en), "%s: %s", gen, errs->e[i].en);
			xchg_problem_add(c->d, pt, vi, en);
		}
	} else if (e == ERR_OK && same(&v, &stored)) {
		c->im->unchanged++;	/* nothing to write, locked or not */
	} else if (e == ERR_OK && stored.locked) {
		snprintf(vi, sizeof(vi), "%s: số liệu đã khóa, không nhập đè "
		    "được.", gvi);
		snprintf(en, sizeof(en), "%s: the value is locked and cannot be "
		    "overwritten.", gen);
		xchg_problem_add(c->d, pt, vi, en);
	} else if (e == ERR_OK && stored.computed) {
		snprintf(vi, sizeof(vi), "%s: số liệu được tính từ dữ liệu khác "
		    "(số đo, hoạt động...), không nhập đè được.", gvi);
		snprintf(en, sizeof(en), "%s: the value is computed from other "
		    "data (measurements, activities...) and cannot be "
		    "overwritten.", gen);
		xchg_problem_add(c->d, pt, vi, en);
	} else {
		c->vals[c->nvals++] = v;
	}
	free(errs);
}

static enum err
write_all(struct ctx *c)
{
	struct xchg_import *im = c->im;
	struct buf detail = BUF_INIT;
	int64_t id;
	bool created;
	size_t i;
	enum err e;

	if ((e = db_begin(im->db)) != ERR_OK)
		return e;
	for (i = 0; i < c->nvals; i++) {
		if ((e = value_write(im->db, &c->vals[i], im->user_id, &id,
		    &created, NULL)) != ERR_OK) {
			if (e == ERR_LOCKED)
				e = ERR_CONFLICT;
			goto out;
		}
		if (created)
			im->created++;
		else
			im->updated++;
	}
	buf_printf(&detail, "%s %s: %zu values of %zu units (%zu new, %zu "
	    "changed, %zu unchanged)", xchg_format_code(c->d->fmt),
	    im->name ? im->name : "", c->nvals + im->unchanged, im->units,
	    im->created, im->updated, im->unchanged);
	if ((e = db_bump_generation(im->db)) != ERR_OK ||
	    (e = audit(im->db, im->user_id, "values.import", "agg_value",
	    detail.data)) != ERR_OK)
		goto out;
	e = db_commit(im->db);
out:
	if (e != ERR_OK) {
		db_rollback(im->db);
		im->created = im->updated = 0;
	}
	buf_release(&detail);
	return e;
}

enum err
xchg_import_run(struct xchg_import *im, struct xchg_data *d)
{
	struct ctx c;
	size_t a, b;
	enum err e;

	memset(&c, 0, sizeof(c));
	c.im = im;
	c.d = d;
	im->values = im->created = im->updated = im->units = 0;
	im->unchanged = 0;
	if (d->fatal)
		return ERR_INVALID;
	if ((e = indicator_list(im->db, &c.inds, &c.ninds)) != ERR_OK ||
	    (e = load_periods(&c)) != ERR_OK)
		goto out;
	resolve(&c);
	qsort(c.refs, c.nrefs, sizeof(*c.refs), by_key);
	c.vals = xcalloc(c.nrefs + 1, sizeof(*c.vals));
	for (a = 0; a < c.nrefs; a = b) {
		for (b = a + 1; b < c.nrefs && c.refs[b].unit_id ==
		    c.refs[a].unit_id && c.refs[b].ind == c.refs[a].ind &&
		    c.refs[b].per == c.refs[a].per; b++)
			;
		if (a == 0 || c.refs[a].unit_id != c.refs[a - 1].unit_id)
			im->units++;
		check_group(&c, c.refs + a, b - a);
	}
	if (d->nproblems == 0 && d->n == 0)
		xchg_problem_add(d, NULL, "tệp không có giá trị nào.",
		    "the file has no value.");
	if (d->nproblems > 0) {
		e = ERR_INVALID;
		goto out;
	}
	im->values = c.nvals + im->unchanged;
	e = im->write ? write_all(&c) : ERR_OK;
out:
	indicator_list_free(c.inds, c.ninds);
	free(c.pers);
	free(c.refs);
	free(c.vals);
	return e;
}
