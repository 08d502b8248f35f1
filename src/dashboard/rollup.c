/*
 * rollup.c -- the roll-up engine; see rollup.h.
 *
 * Steps of rollup_build():
 *   1. the periods, sorted by end date (their slot order is time order);
 *   2. S = U and every unit below it through admin links at any date;
 *   3. every agg_value row of the units of S, one indexed query per unit,
 *      keeping only periods of the indicator's period type; then the
 *      computed rows: reg_value (grade 99) of the schools, population_5y
 *      of the other units;
 *   4. rows grouped by (indicator, period) with a counting sort; for each
 *      group, a memoised depth-first sum over the admin links
 *      valid on the period's ref_on gives U's sums and those of the units
 *      below it.
 * Scratch arrays are indexed by a unit's position in S and reset between
 * groups through a list of the positions touched, so a group costs only
 * the units it visits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "dashboard/rollup.h"
#include "db/db.h"
#include "units/unit.h"

struct period {
	int64_t		 id;
	char		 code[16];
	char		 type[12];
	char		 ref_on[11];
	char		 end_on[11];
	int		 year;
};

struct row {
	uint32_t	 spos;		/* position of the unit in S */
	uint32_t	 key;		/* indicator slot * nper + period slot */
	bool		 computed;	/* reg_value or population_5y */
	struct dash_sums s;
};

struct work {
	const struct unit_tree *t;
	struct period	*per;		/* sorted by end_on */
	size_t		 nper;
	size_t		*per_by_id;	/* slots sorted by period id */
	int64_t		*ind;		/* the catalogue's ids, sorted */
	char		(*ind_type)[12];	/* their period types */
	size_t		 nind;
	int64_t		 mobilisation;	/* MOBILISATION_5Y, 0 if absent */
	size_t		*S;		/* tree indexes */
	size_t		 nS;
	int32_t		*pos;		/* tree index -> position in S, -1 */
	struct row	*rows;
	size_t		 nrows;
	/* Per-group scratch, by position in S. */
	const struct row **own;
	const struct row **own_c;	/* the computed row */
	struct dash_sums *val_c;	/* computed-only sums */
	uint8_t		*state;		/* 0 new, 1 visiting, 2 done */
	struct dash_sums *val;
	size_t		*last_parent;	/* dedup of twin links */
	size_t		*touched;
	size_t		 ntouched;
	const char	*ref_on;
};

void
dash_sums_add(struct dash_sums *a, const struct dash_sums *b)
{
	if (b->rows == 0)
		return;
	if (a->rows == 0) {
		*a = *b;
		return;
	}
	a->num += b->num;
	a->den += b->den;
	a->num_m += b->num_m;
	a->num_f += b->num_f;
	a->den_m += b->den_m;
	a->den_f += b->den_f;
	a->has_den = a->has_den || b->has_den;
	a->has_sex = a->has_sex && b->has_sex;
	a->rows += b->rows;
	a->computed += b->computed;
	a->num_rows += b->num_rows;
}

bool
dash_rate(int64_t num, int64_t den, bool has_den, double scale, double *out)
{
	if (scale == 0) {
		*out = (double)num;
		return true;
	}
	if (!has_den || den <= 0)
		return false;
	*out = (double)num / (double)den * scale;
	return true;
}

static int
per_cmp_end(const void *a, const void *b)
{
	const struct period *x = a, *y = b;
	int c = strcmp(x->end_on, y->end_on);

	if (c != 0)
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

static bool
load_periods(struct db *db, struct work *w)
{
	struct db_stmt *st;
	size_t cap = 0, i, j;

	st = db_stmt(db, "SELECT id, code, type, year, ref_on, end_on"
	    " FROM period");
	while (db_step(st) == DB_ROW) {
		struct period *p;

		if (w->nper == cap) {
			cap = cap ? cap * 2 : 128;
			w->per = xrealloc(w->per, cap * sizeof(*w->per));
		}
		p = &w->per[w->nper++];
		memset(p, 0, sizeof(*p));
		p->id = db_col_int(st, 0);
		snprintf(p->code, sizeof(p->code), "%s", db_col_text(st, 1));
		snprintf(p->type, sizeof(p->type), "%s", db_col_text(st, 2));
		p->year = (int)db_col_int(st, 3);
		snprintf(p->ref_on, sizeof(p->ref_on), "%s", db_col_text(st, 4));
		snprintf(p->end_on, sizeof(p->end_on), "%s", db_col_text(st, 5));
	}
	db_done(st);
	qsort(w->per, w->nper, sizeof(*w->per), per_cmp_end);
	/* Insertion sort of slots by id: the table is small. */
	w->per_by_id = xcalloc(w->nper + 1, sizeof(*w->per_by_id));
	for (i = 0; i < w->nper; i++) {
		for (j = i; j > 0 && w->per[w->per_by_id[j - 1]].id >
		    w->per[i].id; j--)
			w->per_by_id[j] = w->per_by_id[j - 1];
		w->per_by_id[j] = i;
	}
	return true;
}

static int32_t
period_slot(const struct work *w, int64_t id)
{
	size_t lo = 0, hi = w->nper;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t v = w->per[w->per_by_id[mid]].id;

		if (v == id)
			return (int32_t)w->per_by_id[mid];
		if (v < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static bool
load_indicators(struct db *db, struct work *w)
{
	struct db_stmt *st;
	size_t cap = 0;
	enum db_rc rc;

	st = db_stmt(db, "SELECT id, period_type, code FROM indicator"
	    " ORDER BY id");
	while ((rc = db_step(st)) == DB_ROW) {
		if (strcmp(db_col_text(st, 2), "MOBILISATION_5Y") == 0)
			w->mobilisation = db_col_int(st, 0);
		if (w->nind == cap) {
			cap = cap ? cap * 2 : 32;
			w->ind = xrealloc(w->ind, cap * sizeof(*w->ind));
			w->ind_type = xrealloc(w->ind_type, cap *
			    sizeof(*w->ind_type));
		}
		w->ind[w->nind] = db_col_int(st, 0);
		snprintf(w->ind_type[w->nind], sizeof(w->ind_type[0]), "%s",
		    db_col_text(st, 1));
		w->nind++;
	}
	db_done(st);
	return rc == DB_DONE;
}

static int32_t
ind_slot(const struct work *w, int64_t id)
{
	size_t lo = 0, hi = w->nind;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (w->ind[mid] == id)
			return (int32_t)mid;
		if (w->ind[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* S: the unit and everything below it through admin links at any date. */
static void
collect_area(struct work *w, size_t root)
{
	const struct unit_tree *t = w->t;
	size_t head = 0, k;

	w->pos = xmalloc((t->n + 1) * sizeof(*w->pos));
	memset(w->pos, 0xff, (t->n + 1) * sizeof(*w->pos));
	w->S = xmalloc((t->n + 1) * sizeof(*w->S));
	w->S[w->nS++] = root;
	w->pos[root] = 0;
	while (head < w->nS) {
		size_t x = w->S[head++];

		for (k = t->down_off[x]; k < t->down_off[x + 1]; k++) {
			const struct unit_link *l = &t->l[t->down[k]];

			if (l->role != LINK_ADMIN || w->pos[l->child] >= 0)
				continue;
			w->pos[l->child] = (int32_t)w->nS;
			w->S[w->nS++] = l->child;
		}
	}
}

/*
 * Read the rows of st (indicator_id, period_id, num_total, num_m, num_f,
 * den_total, den_m, den_f) as rows of the unit at position i.
 */
static bool
read_rows(struct work *w, struct db_stmt *st, size_t i, bool computed,
    bool den_only, size_t *cap)
{
	bool ok;

	for (;;) {
		enum db_rc rc = db_step(st);
		struct row *r;
		int32_t ps, is;

		if (rc != DB_ROW) {
			ok = rc == DB_DONE;
			break;
		}
		/* Only periods of the indicator's period type. */
		if ((is = ind_slot(w, db_col_int(st, 0))) < 0 ||
		    (ps = period_slot(w, db_col_int(st, 1))) < 0 ||
		    strcmp(w->per[ps].type, w->ind_type[is]) != 0)
			continue;
		if (w->nrows == *cap) {
			*cap = *cap ? *cap * 2 : 1024;
			w->rows = xrealloc(w->rows, *cap * sizeof(*w->rows));
		}
		r = &w->rows[w->nrows++];
		memset(r, 0, sizeof(*r));
		r->spos = (uint32_t)i;
		r->key = (uint32_t)((size_t)is * w->nper + (size_t)ps);
		r->computed = computed;
		r->s.num = db_col_int(st, 2);
		r->s.num_m = db_col_int(st, 3);
		r->s.num_f = db_col_int(st, 4);
		r->s.has_den = !db_col_null(st, 5);
		r->s.den = db_col_int(st, 5);
		r->s.den_m = db_col_int(st, 6);
		r->s.den_f = db_col_int(st, 7);
		r->s.has_sex = !db_col_null(st, 3) && !db_col_null(st, 4) &&
		    (!r->s.has_den || (!db_col_null(st, 6) &&
		    !db_col_null(st, 7)));
		r->s.rows = 1;
		r->s.computed = computed;
		r->s.num_rows = !den_only;
	}
	db_done(st);
	return ok;
}

static bool
load_rows(struct db *db, struct work *w)
{
	struct db_stmt *st;
	size_t cap = 0, i;
	bool ok = true;

	for (i = 0; i < w->nS && ok; i++) {
		const struct unit *u = &w->t->u[w->S[i]];

		st = db_stmt(db, "SELECT indicator_id, period_id, num_total,"
		    " num_m, num_f, den_total, den_m, den_f FROM agg_value"
		    " WHERE unit_id = ?");
		db_bind_int(st, 1, u->id);
		if (!(ok = read_rows(w, st, i, false, false, &cap)))
			break;
		/* The computed rows: a school's register, an area's
		 * population of five-year-olds. */
		if (unit_kinds[u->kind].school) {
			st = db_stmt(db, "SELECT indicator_id, period_id,"
			    " num_total, num_m, num_f, den_total, den_m, den_f"
			    " FROM reg_value WHERE unit_id = ? AND grade = 99");
			db_bind_int(st, 1, u->id);
		} else {
			st = db_stmt(db, "SELECT ?, period_id, 0, 0, 0, total,"
			    " male, female FROM population_5y WHERE unit_id = ?");
			db_bind_int(st, 1, w->mobilisation);
			db_bind_int(st, 2, u->id);
		}
		ok = read_rows(w, st, i, true, !unit_kinds[u->kind].school,
		    &cap);
	}
	return ok;
}

/*
 * Counting sort of the rows by key (indicator, then period in time
 * order) into w->rows; off[k] .. off[k + 1] are the rows of key k.
 */
static size_t *
group_rows(struct work *w)
{
	size_t nkeys = w->nind * w->nper, i;
	size_t *off = xcalloc(nkeys + 2, sizeof(*off)), *fill;
	struct row *sorted = xmalloc((w->nrows + 1) * sizeof(*sorted));

	for (i = 0; i < w->nrows; i++)
		off[w->rows[i].key + 1]++;
	for (i = 1; i <= nkeys; i++)
		off[i] += off[i - 1];
	fill = xcalloc(nkeys + 1, sizeof(*fill));
	for (i = 0; i < w->nrows; i++) {
		uint32_t k = w->rows[i].key;

		sorted[off[k] + fill[k]++] = w->rows[i];
	}
	free(fill);
	free(w->rows);
	w->rows = sorted;
	return off;
}

/* The sums of S[p] on w->ref_on, memoised in w->val. */
static void
visit(struct work *w, size_t p)
{
	const struct unit_tree *t = w->t;
	size_t x = w->S[p], k;

	if (w->state[p] != 0)
		return;		/* done, or a cycle in the links */
	w->state[p] = 1;
	w->touched[w->ntouched++] = p;
	memset(&w->val[p], 0, sizeof(w->val[p]));
	memset(&w->val_c[p], 0, sizeof(w->val_c[p]));
	if (w->own_c[p] != NULL) {
		w->val_c[p] = w->own_c[p]->s;
		if (w->own[p] == NULL)
			w->val[p] = w->own_c[p]->s;
	}
	if (w->own[p] != NULL)
		w->val[p] = w->own[p]->s;
	for (k = t->down_off[x]; k < t->down_off[x + 1]; k++) {
		const struct unit_link *l = &t->l[t->down[k]];
		int32_t c;

		if (l->role != LINK_ADMIN || !unit_link_valid(l, w->ref_on) ||
		    (c = w->pos[l->child]) < 0 || w->last_parent[c] == p + 1)
			continue;
		w->last_parent[c] = p + 1;
		visit(w, (size_t)c);
		if (w->state[c] != 2)
			continue;
		/* An entered row stands for the whole area. */
		if (w->own[p] == NULL)
			dash_sums_add(&w->val[p], &w->val[c]);
		dash_sums_add(&w->val_c[p], &w->val_c[c]);
	}
	w->state[p] = 2;
}

static void
reset_group(struct work *w, const struct row *g, size_t ng)
{
	size_t i;

	for (i = 0; i < w->ntouched; i++) {
		w->state[w->touched[i]] = 0;
		w->last_parent[w->touched[i]] = 0;
	}
	w->ntouched = 0;
	for (i = 0; i < ng; i++)
		w->own[g[i].spos] = w->own_c[g[i].spos] = NULL;
}

/* Units directly below root for the ranking; see rollup.h. */
static void
pick_below(struct work *w, struct rollup *ru, size_t root)
{
	const struct unit_tree *t = w->t;
	size_t k, i, n;
	const char *date = ru->today;
	bool *seen_per = NULL;

	ru->units = xcalloc(t->down_off[root + 1] - t->down_off[root] + 1,
	    sizeof(*ru->units));
	ru->units[0] = t->u[root].id;
	for (;;) {
		n = 1;
		for (k = t->down_off[root]; k < t->down_off[root + 1]; k++) {
			const struct unit_link *l = &t->l[t->down[k]];

			if (l->role != LINK_ADMIN || !unit_link_valid(l, date))
				continue;
			for (i = 1; i < n; i++)
				if (ru->units[i] == t->u[l->child].id)
					break;
			if (i == n)
				ru->units[n++] = t->u[l->child].id;
		}
		if (n > 1 || date != ru->today)
			break;
		/* None today: the latest period with data whose ref_on
		 * gives root some children. */
		if (seen_per == NULL) {
			seen_per = xcalloc(w->nper + 1, sizeof(*seen_per));
			for (i = 0; i < w->nrows; i++)
				seen_per[w->rows[i].key % w->nper] = true;
		}
		date = NULL;
		for (i = w->nper; i-- > 0;) {
			size_t m = 0;

			if (!seen_per[i])
				continue;
			for (k = t->down_off[root]; k < t->down_off[root + 1];
			    k++) {
				const struct unit_link *l = &t->l[t->down[k]];

				if (l->role == LINK_ADMIN &&
				    unit_link_valid(l, w->per[i].ref_on))
					m++;
			}
			if (m > 0) {
				date = w->per[i].ref_on;
				break;
			}
		}
		if (date == NULL)
			break;
	}
	ru->nunits = n;
	free(seen_per);
}

static void
append_point(struct dash_series *s, const struct period *p,
    const struct dash_sums *v, const struct dash_sums *c)
{
	struct dash_point *pt;

	s->p = xrealloc(s->p, (s->n + 1) * sizeof(*s->p));
	pt = &s->p[s->n++];
	memset(pt, 0, sizeof(*pt));
	pt->period_id = p->id;
	memcpy(pt->code, p->code, sizeof(pt->code));
	memcpy(pt->type, p->type, sizeof(pt->type));
	memcpy(pt->ref_on, p->ref_on, sizeof(pt->ref_on));
	memcpy(pt->end_on, p->end_on, sizeof(pt->end_on));
	pt->year = p->year;
	pt->s = *v;
	pt->c = *c;
}

static void
work_release(struct work *w)
{
	free(w->per);
	free(w->per_by_id);
	free(w->ind);
	free(w->ind_type);
	free(w->S);
	free(w->pos);
	free(w->rows);
	free(w->own);
	free(w->own_c);
	free(w->val_c);
	free(w->state);
	free(w->val);
	free(w->last_parent);
	free(w->touched);
}

struct rollup *
rollup_build(struct db *db, const struct unit_tree *t, int64_t unit_id,
    const char *today)
{
	struct work w;
	struct rollup *ru = NULL;
	size_t root, i, k, *slot_pos = NULL, *off = NULL, *compact = NULL;

	memset(&w, 0, sizeof(w));
	w.t = t;
	if ((root = unit_index(t, unit_id)) == (size_t)-1)
		return NULL;
	ru = xcalloc(1, sizeof(*ru));
	ru->unit_id = unit_id;
	snprintf(ru->today, sizeof(ru->today), "%s", today);
	load_periods(db, &w);
	collect_area(&w, root);
	if (!load_indicators(db, &w) || !load_rows(db, &w)) {
		rollup_free(ru);
		ru = NULL;
		goto out;
	}
	off = group_rows(&w);

	/* The indicators with data, in id order, and their compact slots. */
	ru->ind = xcalloc(w.nind + 1, sizeof(*ru->ind));
	compact = xcalloc(w.nind + 1, sizeof(*compact));
	for (i = 0; i < w.nind; i++)
		if (off[(i + 1) * w.nper] > off[i * w.nper]) {
			compact[i] = ru->nind;
			ru->ind[ru->nind++] = w.ind[i];
		}

	pick_below(&w, ru, root);
	ru->series = xcalloc(ru->nunits * ru->nind + 1, sizeof(*ru->series));
	slot_pos = xcalloc(ru->nunits, sizeof(*slot_pos));
	for (i = 0; i < ru->nunits; i++)
		slot_pos[i] = (size_t)w.pos[unit_index(t, ru->units[i])];

	w.own = xcalloc(w.nS, sizeof(*w.own));
	w.own_c = xcalloc(w.nS, sizeof(*w.own_c));
	w.val_c = xcalloc(w.nS, sizeof(*w.val_c));
	w.state = xcalloc(w.nS, sizeof(*w.state));
	w.val = xcalloc(w.nS, sizeof(*w.val));
	w.last_parent = xcalloc(w.nS, sizeof(*w.last_parent));
	w.touched = xcalloc(w.nS, sizeof(*w.touched));
	for (k = 0; k < w.nind * w.nper; k++) {
		const struct period *p = &w.per[k % w.nper];
		size_t is = compact[k / w.nper], e;

		if (off[k] == off[k + 1])
			continue;
		for (e = off[k]; e < off[k + 1]; e++) {
			if (w.rows[e].computed)
				w.own_c[w.rows[e].spos] = &w.rows[e];
			else
				w.own[w.rows[e].spos] = &w.rows[e];
		}
		w.ref_on = p->ref_on;
		for (i = 0; i < ru->nunits; i++) {
			size_t sp = slot_pos[i];

			visit(&w, sp);
			/* A population figure alone is no value. */
			if (w.val[sp].num_rows > 0)
				append_point(&ru->series[i * ru->nind + is], p,
				    &w.val[sp], &w.val_c[sp]);
		}
		reset_group(&w, &w.rows[off[k]], off[k + 1] - off[k]);
	}
out:
	free(off);
	free(compact);
	free(slot_pos);
	work_release(&w);
	return ru;
}

void
rollup_free(struct rollup *ru)
{
	size_t i;

	if (ru == NULL)
		return;
	for (i = 0; i < ru->nunits * ru->nind; i++)
		free(ru->series[i].p);
	free(ru->series);
	free(ru->ind);
	free(ru->units);
	free(ru);
}

const struct dash_series *
rollup_series(const struct rollup *ru, size_t slot, int64_t indicator_id)
{
	size_t lo = 0, hi = ru->nind;

	if (slot >= ru->nunits)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ru->ind[mid] == indicator_id) {
			const struct dash_series *s =
			    &ru->series[slot * ru->nind + mid];

			return s->n > 0 ? s : NULL;
		}
		if (ru->ind[mid] < indicator_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct dash_point *
rollup_point(const struct dash_series *s, int64_t period_id)
{
	size_t i;

	for (i = 0; s != NULL && i < s->n; i++)
		if (s->p[i].period_id == period_id)
			return &s->p[i];
	return NULL;
}
