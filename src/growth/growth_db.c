/*
 * growth_db.c -- sessions, measurements and the nutrition values computed
 * from them; see growth_db.h.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/audit.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "growth/growth_db.h"

/* The z-score columns, in enum zs_ind order, each followed by its flag. */
#define Z_COLS "zlen, flen, zwei, fwei, zwfl, fwfl, zbmi, fbmi, zhfa, fhfa," \
	" zwfa, fwfa, zbfa, fbfa"
/* Columns of every measurement SELECT, in this order. */
#define MEAS_COLS "id, session_id, child_id, measured_on, age_days, weight," \
	" lenhei, position, oedema, " Z_COLS ", stunting, underweight, wfh," \
	" bfa, warnings, confirmed, is_demo"

static double
col_opt(struct db_stmt *st, int col)
{
	return db_col_null(st, col) ? NAN : db_col_double(st, col);
}

static enum zs_level
col_level(struct db_stmt *st, int col)
{
	enum zs_level l = ZL_NONE;

	(void)growth_level_from_code(db_col_text(st, col), &l);
	return l;
}

static void
meas_row(struct db_stmt *st, void *out)
{
	struct growth_meas *m = out;
	const char *pos;
	int k;

	memset(m, 0, sizeof(*m));
	m->id = db_col_int(st, 0);
	m->session_id = db_col_int(st, 1);
	m->child_id = db_col_int(st, 2);
	snprintf(m->measured_on, sizeof(m->measured_on), "%s",
	    db_col_text(st, 3));
	m->age_days = (int)db_col_int(st, 4);
	m->weight = col_opt(st, 5);
	m->lenhei = col_opt(st, 6);
	pos = db_col_text(st, 7);
	m->measure = strcmp(pos, "l") == 0 ? ZS_LYING :
	    strcmp(pos, "h") == 0 ? ZS_STANDING : ZS_MEASURE_MISSING;
	m->oedema = db_col_int(st, 8) != 0;
	for (k = 0; k < ZS__MAX; k++) {
		m->s.z[k] = col_opt(st, 9 + 2 * k);
		m->s.flag[k] = db_col_null(st, 10 + 2 * k) ? -1 :
		    (signed char)db_col_int(st, 10 + 2 * k);
	}
	m->s.level[ZD_STUNTING] = col_level(st, 23);
	m->s.level[ZD_UNDERWEIGHT] = col_level(st, 24);
	m->s.level[ZD_WFH] = col_level(st, 25);
	m->s.level[ZD_BFA] = col_level(st, 26);
	m->warnings = (unsigned)db_col_int(st, 27);
	m->confirmed = db_col_int(st, 28) != 0;
	m->demo = db_col_int(st, 29) != 0;
}

static void
bind_opt(struct db_stmt *st, int idx, double v)
{
	if (isnan(v))
		db_bind_null(st, idx);
	else
		db_bind_double(st, idx, v);
}

/* --- saving -------------------------------------------------------------- */

static enum err
session_put(struct db *db, struct growth_session *s, int64_t user_id,
    int64_t now)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO growth_session (unit_id,"
	    " period_id, class_name, measured_on, created_by, created_at,"
	    " updated_by, updated_at, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
	    " ?) ON CONFLICT (unit_id, period_id, class_name, measured_on)"
	    " DO UPDATE SET updated_by = excluded.updated_by,"
	    " updated_at = excluded.updated_at");
	enum err e;

	db_bind_int(st, 1, s->unit_id);
	db_bind_int(st, 2, s->period_id);
	db_bind_text(st, 3, s->class_name);
	db_bind_text(st, 4, s->measured_on);
	if (user_id > 0) {
		db_bind_int(st, 5, user_id);
		db_bind_int(st, 7, user_id);
	} else {
		db_bind_null(st, 5);
		db_bind_null(st, 7);
	}
	db_bind_int(st, 6, now);
	db_bind_int(st, 8, now);
	db_bind_int(st, 9, s->demo);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	st = db_stmt(db, "SELECT id FROM growth_session WHERE unit_id = ?"
	    " AND period_id = ? AND class_name = ? AND measured_on = ?");
	db_bind_int(st, 1, s->unit_id);
	db_bind_int(st, 2, s->period_id);
	db_bind_text(st, 3, s->class_name);
	db_bind_text(st, 4, s->measured_on);
	return db_one_int(st, &s->id);
}

static enum err
meas_put(struct db *db, struct growth_meas *m, int64_t user_id, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO measurement (session_id,"
	    " child_id, measured_on, age_days, weight, lenhei, position, oedema,"
	    " " Z_COLS ", stunting, underweight, wfh, bfa, warnings, confirmed,"
	    " confirmed_by, entered_by, entered_at, is_demo) VALUES (?, ?, ?, ?,"
	    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	    " ?, ?, ?, ?, ?, ?)"
	    " ON CONFLICT (child_id, measured_on) DO UPDATE SET"
	    " session_id = excluded.session_id, age_days = excluded.age_days,"
	    " weight = excluded.weight, lenhei = excluded.lenhei,"
	    " position = excluded.position, oedema = excluded.oedema,"
	    " zlen = excluded.zlen, flen = excluded.flen,"
	    " zwei = excluded.zwei, fwei = excluded.fwei,"
	    " zwfl = excluded.zwfl, fwfl = excluded.fwfl,"
	    " zbmi = excluded.zbmi, fbmi = excluded.fbmi,"
	    " zhfa = excluded.zhfa, fhfa = excluded.fhfa,"
	    " zwfa = excluded.zwfa, fwfa = excluded.fwfa,"
	    " zbfa = excluded.zbfa, fbfa = excluded.fbfa,"
	    " stunting = excluded.stunting, underweight = excluded.underweight,"
	    " wfh = excluded.wfh, bfa = excluded.bfa,"
	    " warnings = excluded.warnings, confirmed = excluded.confirmed,"
	    " confirmed_by = excluded.confirmed_by,"
	    " entered_by = excluded.entered_by,"
	    " entered_at = excluded.entered_at, is_demo = excluded.is_demo");
	int k, i = 1;
	enum err e;

	db_bind_int(st, i++, m->session_id);
	db_bind_int(st, i++, m->child_id);
	db_bind_text(st, i++, m->measured_on);
	db_bind_int(st, i++, m->age_days);
	bind_opt(st, i++, m->weight);
	bind_opt(st, i++, m->lenhei);
	db_bind_text(st, i++, m->measure == ZS_LYING ? "l" :
	    m->measure == ZS_STANDING ? "h" : NULL);
	db_bind_int(st, i++, m->oedema);
	for (k = 0; k < ZS__MAX; k++) {
		bind_opt(st, i++, m->s.z[k]);
		if (m->s.flag[k] < 0)
			db_bind_null(st, i++);
		else
			db_bind_int(st, i++, m->s.flag[k]);
	}
	db_bind_text(st, i++, growth_level_code(m->s.level[ZD_STUNTING]));
	db_bind_text(st, i++, growth_level_code(m->s.level[ZD_UNDERWEIGHT]));
	db_bind_text(st, i++, growth_level_code(m->s.level[ZD_WFH]));
	db_bind_text(st, i++, growth_level_code(m->s.level[ZD_BFA]));
	db_bind_int(st, i++, m->warnings);
	db_bind_int(st, i++, m->confirmed);
	if (m->confirmed && user_id > 0)
		db_bind_int(st, i++, user_id);
	else
		db_bind_null(st, i++);
	if (user_id > 0)
		db_bind_int(st, i++, user_id);
	else
		db_bind_null(st, i++);
	db_bind_int(st, i++, now);
	db_bind_int(st, i++, m->demo);
	if ((e = db_run(st)) != ERR_OK)
		return e;
	st = db_stmt(db, "SELECT id FROM measurement WHERE child_id = ?"
	    " AND measured_on = ?");
	db_bind_int(st, 1, m->child_id);
	db_bind_text(st, 2, m->measured_on);
	return db_one_int(st, &m->id);
}

/* Has (unit, period) been seen among the first n sessions? */
static bool
seen_before(const struct growth_session *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i].unit_id == s[n].unit_id &&
		    s[i].period_id == s[n].period_id)
			return true;
	return false;
}

enum err
growth_put(struct db *db, struct growth_session *s, size_t ns,
    struct growth_meas *m, size_t nm, const size_t *sidx, int64_t user_id)
{
	int64_t now = (int64_t)time(NULL);
	size_t i;
	enum err e;

	for (i = 0; i < ns; i++)
		if ((e = session_put(db, &s[i], user_id, now)) != ERR_OK)
			return e;
	for (i = 0; i < nm; i++) {
		m[i].session_id = s[sidx[i]].id;
		if ((e = meas_put(db, &m[i], user_id, now)) != ERR_OK)
			return e;
	}
	return ERR_OK;
}

enum err
growth_refresh_all(struct db *db, const struct growth_session *s, size_t ns,
    struct buf *note)
{
	struct period p;
	size_t i;
	enum err e;

	for (i = 0; i < ns; i++) {
		if (seen_before(s, i))
			continue;
		if ((e = period_get(db, s[i].period_id, &p)) != ERR_OK ||
		    (e = growth_refresh(db, s[i].unit_id, &p, note)) != ERR_OK)
			return e;
	}
	return ERR_OK;
}

/* A school and school year whose values a save changes. */
struct pair {
	int64_t		 unit_id, period_id;
};

static void
pair_add(struct pair **v, size_t *n, int64_t unit_id, int64_t period_id)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*v)[i].unit_id == unit_id && (*v)[i].period_id == period_id)
			return;
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n].unit_id = unit_id;
	(*v)[(*n)++].period_id = period_id;
}

/* Every school that measured the child in the school year. */
static enum err
pair_schools(struct db *db, int64_t child_id, int64_t period_id,
    struct pair **v, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT DISTINCT s.unit_id"
	    " FROM measurement m JOIN growth_session s ON s.id = m.session_id"
	    " WHERE m.child_id = ? AND s.period_id = ?");
	enum db_rc rc;

	db_bind_int(st, 1, child_id);
	db_bind_int(st, 2, period_id);
	while ((rc = db_step(st)) == DB_ROW)
		pair_add(v, n, db_col_int(st, 0), period_id);
	db_done(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

/*
 * Remove the measurements of the children drop[0..ndrop) on the day of
 * session s (a grid row emptied), and the session if nothing is left.
 */
static enum err
drop_rows(struct db *db, const struct growth_session *s, const int64_t *drop,
    size_t ndrop, size_t *dropped)
{
	struct db_stmt *st;
	size_t i;
	enum err e;

	*dropped = 0;
	for (i = 0; i < ndrop; i++) {
		st = db_stmt(db, "DELETE FROM measurement WHERE session_id = ?"
		    " AND child_id = ?");
		db_bind_int(st, 1, s->id);
		db_bind_int(st, 2, drop[i]);
		if ((e = db_run(st)) != ERR_OK)
			return e;
		*dropped += (size_t)db_changes(db);
	}
	st = db_stmt(db, "DELETE FROM growth_session WHERE id = ? AND NOT EXISTS"
	    " (SELECT 1 FROM measurement WHERE session_id = ?)");
	db_bind_int(st, 1, s->id);
	db_bind_int(st, 2, s->id);
	return db_run(st);
}

/*
 * The values to recompute: each session's school and year, and every
 * other school that measured one of the children that year (a child
 * counts where last measured, so a later measurement elsewhere changes
 * them).
 */
static enum err
refresh_touched(struct db *db, const struct growth_session *s, size_t ns,
    const struct growth_meas *m, size_t nm, const size_t *sidx,
    const int64_t *drop, size_t ndrop, struct buf *note)
{
	struct pair *v = NULL;
	struct period p;
	size_t n = 0, i;
	enum err e = ERR_OK;

	for (i = 0; i < ns; i++)
		pair_add(&v, &n, s[i].unit_id, s[i].period_id);
	for (i = 0; i < nm && e == ERR_OK; i++)
		e = pair_schools(db, m[i].child_id, s[sidx[i]].period_id, &v,
		    &n);
	for (i = 0; i < ndrop && e == ERR_OK; i++)
		e = pair_schools(db, drop[i], s[0].period_id, &v, &n);
	for (i = 0; i < n && e == ERR_OK; i++)
		if ((e = period_get(db, v[i].period_id, &p)) == ERR_OK)
			e = growth_refresh(db, v[i].unit_id, &p, note);
	free(v);
	return e;
}

static enum err
save(struct db *db, struct growth_session *s, size_t ns,
    struct growth_meas *m, size_t nm, const size_t *sidx,
    const int64_t *drop, size_t ndrop, int64_t user_id, const char *action)
{
	struct buf detail = BUF_INIT, note = BUF_INIT;
	char object[48];
	size_t i, k, cnt, conf, dropped = 0;
	enum err e;

	if ((e = db_begin(db)) != ERR_OK)
		return e;
	if ((e = growth_put(db, s, ns, m, nm, sidx, user_id)) != ERR_OK ||
	    (ndrop > 0 && (e = drop_rows(db, &s[0], drop, ndrop,
	    &dropped)) != ERR_OK) ||
	    (e = refresh_touched(db, s, ns, m, nm, sidx, drop, ndrop,
	    &note)) != ERR_OK)
		goto out;
	for (i = 0; i < ns; i++) {
		for (k = cnt = conf = 0; k < nm; k++)
			if (sidx[k] == i) {
				cnt++;
				conf += m[k].confirmed;
			}
		buf_reset(&detail);
		buf_printf(&detail, "unit %lld, class %s, %s: %zu measured, %zu "
		    "confirmed implausible", (long long)s[i].unit_id,
		    s[i].class_name, s[i].measured_on, cnt, conf);
		if (i == 0 && dropped > 0)
			buf_printf(&detail, ", %zu removed", dropped);
		if (i == 0 && note.len > 0)
			buf_printf(&detail, "; values: %s", note.data);
		snprintf(object, sizeof(object), "growth_session:%lld",
		    (long long)s[i].id);
		if ((e = audit(db, user_id, action, object, detail.data)) !=
		    ERR_OK)
			goto out;
	}
	if ((e = db_bump_generation(db)) != ERR_OK)
		goto out;
	e = db_commit(db);
out:
	if (e != ERR_OK)
		db_rollback(db);
	buf_release(&detail);
	buf_release(&note);
	return e;
}

enum err
growth_save(struct db *db, struct growth_session *s, size_t ns,
    struct growth_meas *m, size_t nm, const size_t *sidx, int64_t user_id,
    const char *action)
{
	return save(db, s, ns, m, nm, sidx, NULL, 0, user_id, action);
}

enum err
growth_save_class(struct db *db, struct growth_session *s,
    struct growth_meas *m, size_t nm, const int64_t *drop, size_t ndrop,
    int64_t user_id)
{
	size_t *sidx = xcalloc(nm + 1, sizeof(*sidx));
	enum err e;

	e = save(db, s, 1, m, nm, sidx, drop, ndrop, user_id,
	    "growth.session");
	free(sidx);
	return e;
}

/* --- the computed values ------------------------------------------------- */

static void
obs_row(struct db_stmt *st, void *out)
{
	struct growth_obs *o = out;

	memset(o, 0, sizeof(*o));
	o->id = db_col_int(st, 0);
	o->child_id = db_col_int(st, 1);
	o->unit_id = db_col_int(st, 2);
	snprintf(o->measured_on, sizeof(o->measured_on), "%s",
	    db_col_text(st, 3));
	o->age_days = (int)db_col_int(st, 4);
	o->sex = strcmp(db_col_text(st, 5), "f") == 0 ? CHILD_SEX_F :
	    CHILD_SEX_M;
	o->stunting = col_level(st, 6);
	o->underweight = col_level(st, 7);
	o->wfh = col_level(st, 8);
	o->demo = db_col_int(st, 9) != 0;
}

enum err
growth_rates_get(struct db *db, int64_t unit_id, const struct period *p,
    struct growth_rates *out)
{
	struct growth_obs *obs = NULL;
	struct growth_enrolled *enr = NULL;
	struct db_stmt *st;
	size_t n = 0, nenr = 0, cap = 0;
	int64_t start = date_days(p->start_on);
	enum err e;

	memset(out, 0, sizeof(*out));
	/* Every measurement of the year of the children measured here. */
	st = db_stmt(db, "SELECT m.id, m.child_id, s.unit_id, m.measured_on,"
	    " m.age_days, c.sex, m.stunting, m.underweight, m.wfh, m.is_demo"
	    " FROM measurement m JOIN growth_session s ON s.id = m.session_id"
	    " JOIN child c ON c.id = m.child_id"
	    " WHERE m.measured_on BETWEEN ? AND ? AND m.child_id IN"
	    " (SELECT m2.child_id FROM growth_session s2"
	    " JOIN measurement m2 ON m2.session_id = s2.id"
	    " WHERE s2.unit_id = ? AND m2.measured_on BETWEEN ? AND ?)");
	db_bind_text(st, 1, p->start_on);
	db_bind_text(st, 2, p->end_on);
	db_bind_int(st, 3, unit_id);
	db_bind_text(st, 4, p->start_on);
	db_bind_text(st, 5, p->end_on);
	if ((e = db_all_rows(st, sizeof(*obs), obs_row, (void **)&obs, &n)) !=
	    ERR_OK)
		goto out;
	/* The children enrolled who were under 5 when the year began. */
	st = db_stmt(db, "SELECT c.id, c.sex, c.birth_date FROM enrolment e"
	    " JOIN child c ON c.id = e.child_id WHERE e.unit_id = ?"
	    " AND e.period_id = ?"
	    " AND e.status NOT IN ('transferred_out', 'dropped_out')");
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, p->id);
	while (db_step(st) == DB_ROW) {
		const char *birth = db_col_text(st, 2);

		if (!str_is_date(birth) ||
		    !growth_under5((int)(start - date_days(birth))))
			continue;
		if (nenr == cap) {
			cap = cap ? 2 * cap : 64;
			enr = xrealloc(enr, cap * sizeof(*enr));
		}
		enr[nenr].child_id = db_col_int(st, 0);
		enr[nenr].sex = strcmp(db_col_text(st, 1), "f") == 0 ?
		    CHILD_SEX_F : CHILD_SEX_M;
		nenr++;
	}
	db_done(st);
	growth_rates_count(obs, n, unit_id, enr, nenr, out);
out:
	free(obs);
	free(enr);
	return e;
}

/* Write (or drop) the computed row of one indicator. */
static enum err
value_put(struct db *db, int64_t unit_id, int64_t ind, int64_t period,
    const struct growth_sums *v, bool demo)
{
	struct db_stmt *st;
	int64_t num = v->num[CHILD_SEX_M] + v->num[CHILD_SEX_F];
	int64_t den = v->den[CHILD_SEX_M] + v->den[CHILD_SEX_F];

	if (den == 0) {
		st = db_stmt(db, "DELETE FROM agg_value WHERE unit_id = ?"
		    " AND indicator_id = ? AND period_id = ?"
		    " AND (computed = 1 OR is_demo = 1)"
		    " AND (locked = 0 OR is_demo = 1)");
		db_bind_int(st, 1, unit_id);
		db_bind_int(st, 2, ind);
		db_bind_int(st, 3, period);
		return db_run(st);
	}
	st = db_stmt(db, "INSERT INTO agg_value (unit_id, indicator_id,"
	    " period_id, num_total, num_m, num_f, den_total, den_m, den_f,"
	    " locked, entered_by, entered_at, is_demo, computed)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?, 1)"
	    " ON CONFLICT (unit_id, indicator_id, period_id) DO UPDATE SET"
	    " num_total = excluded.num_total, num_m = excluded.num_m,"
	    " num_f = excluded.num_f, den_total = excluded.den_total,"
	    " den_m = excluded.den_m, den_f = excluded.den_f, locked = 0,"
	    " entered_by = NULL, entered_at = excluded.entered_at,"
	    " is_demo = excluded.is_demo, computed = 1"
	    " WHERE agg_value.locked = 0 OR agg_value.is_demo = 1");
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, ind);
	db_bind_int(st, 3, period);
	db_bind_int(st, 4, num);
	db_bind_int(st, 5, v->num[CHILD_SEX_M]);
	db_bind_int(st, 6, v->num[CHILD_SEX_F]);
	db_bind_int(st, 7, den);
	db_bind_int(st, 8, v->den[CHILD_SEX_M]);
	db_bind_int(st, 9, v->den[CHILD_SEX_F]);
	db_bind_int(st, 10, (int64_t)time(NULL));
	db_bind_int(st, 11, demo);
	return db_run(st);
}

enum err
growth_refresh(struct db *db, int64_t unit_id, const struct period *p,
    struct buf *note)
{
	struct growth_rates r;
	struct db_stmt *st;
	int64_t ind;
	enum err e;
	int i;

	if ((e = growth_rates_get(db, unit_id, p, &r)) != ERR_OK)
		return e;
	for (i = 0; i < GI__MAX; i++) {
		st = db_stmt(db, "SELECT id FROM indicator WHERE code = ?");
		db_bind_text(st, 1, growth_ind_codes[i]);
		if ((e = db_one_int(st, &ind)) == ERR_NOTFOUND)
			continue;	/* a catalogue without it */
		if (e != ERR_OK || (e = value_put(db, unit_id, ind, p->id,
		    &r.s[i], r.demo)) != ERR_OK)
			return e;
		if (note != NULL)
			buf_printf(note, "%s%s %s %lld/%lld", note->len ? ", " :
			    "", growth_ind_codes[i], p->code,
			    (long long)(r.s[i].num[0] + r.s[i].num[1]),
			    (long long)(r.s[i].den[0] + r.s[i].den[1]));
	}
	return ERR_OK;
}

/* --- reading ------------------------------------------------------------- */

enum err
growth_child_list(struct db *db, int64_t child_id, struct growth_meas **out,
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT " MEAS_COLS
	    " FROM measurement WHERE child_id = ? ORDER BY measured_on, id");

	db_bind_int(st, 1, child_id);
	return db_all_rows(st, sizeof(**out), meas_row, (void **)out, n);
}

enum err
growth_prev_get(struct db *db, int64_t child_id, const char *before,
    struct growth_prev *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " MEAS_COLS
	    " FROM measurement WHERE child_id = ? AND measured_on < ?"
	    " ORDER BY measured_on DESC, id DESC LIMIT 1");
	struct growth_meas m;
	enum err e;

	memset(out, 0, sizeof(*out));
	db_bind_int(st, 1, child_id);
	db_bind_text(st, 2, before != NULL && before[0] ? before : "9999");
	if ((e = db_one_row(st, meas_row, &m)) == ERR_NOTFOUND)
		return ERR_OK;
	if (e != ERR_OK)
		return e;
	out->has = true;
	memcpy(out->measured_on, m.measured_on, sizeof(out->measured_on));
	out->age_days = m.age_days;
	out->weight = m.weight;
	out->lenhei = m.lenhei;
	out->measure = m.measure;
	return ERR_OK;
}

enum err
growth_on(struct db *db, int64_t child_id, const char *date,
    struct growth_meas *out)
{
	struct db_stmt *st = db_stmt(db, "SELECT " MEAS_COLS
	    " FROM measurement WHERE child_id = ? AND measured_on = ?");

	db_bind_int(st, 1, child_id);
	db_bind_text(st, 2, date);
	return db_one_row(st, meas_row, out);
}

enum err
growth_last_two(struct db *db, int64_t child_id, struct growth_meas m[2],
    size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT " MEAS_COLS
	    " FROM measurement WHERE child_id = ?"
	    " ORDER BY measured_on DESC, id DESC LIMIT 2");
	enum db_rc rc;

	*n = 0;
	db_bind_int(st, 1, child_id);
	while ((rc = db_step(st)) == DB_ROW)
		meas_row(st, &m[(*n)++]);
	db_done(st);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err
growth_log_view(struct db *db, int64_t child_id, int64_t user_id)
{
	char object[48];

	snprintf(object, sizeof(object), "child:%lld", (long long)child_id);
	return audit(db, user_id, "growth.view", object, "measurements");
}

static void
session_row(struct db_stmt *st, void *out)
{
	struct growth_session_row *r = out;

	memset(r, 0, sizeof(*r));
	r->s.id = db_col_int(st, 0);
	r->s.unit_id = db_col_int(st, 1);
	r->s.period_id = db_col_int(st, 2);
	snprintf(r->s.class_name, sizeof(r->s.class_name), "%s",
	    db_col_text(st, 3));
	snprintf(r->s.measured_on, sizeof(r->s.measured_on), "%s",
	    db_col_text(st, 4));
	r->s.demo = db_col_int(st, 5) != 0;
	r->measured = db_col_int(st, 6);
	r->attention = db_col_int(st, 7);
}

enum err
growth_sessions(struct db *db, int64_t unit_id, int64_t period_id,
    const char *class_name, struct growth_session_row **out, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT s.id, s.unit_id, s.period_id,"
	    " s.class_name, s.measured_on, s.is_demo, COUNT(m.id),"
	    " COALESCE(SUM(CASE WHEN m.oedema = 1 OR m.warnings > 0"
	    " OR m.stunting IN ('severe', 'moderate')"
	    " OR m.underweight IN ('severe', 'moderate')"
	    " OR m.wfh NOT IN ('none', 'normal')"
	    " OR m.bfa NOT IN ('none', 'normal') THEN 1 ELSE 0 END), 0)"
	    " FROM growth_session s LEFT JOIN measurement m"
	    " ON m.session_id = s.id WHERE s.unit_id = ? AND s.period_id = ?"
	    " AND (? = '' OR s.class_name = ?)"
	    " GROUP BY s.id, s.unit_id, s.period_id, s.class_name,"
	    " s.measured_on, s.is_demo"
	    " ORDER BY s.measured_on DESC, s.class_name");
	const char *c = class_name != NULL ? class_name : "";

	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, period_id);
	db_bind_text(st, 3, c);
	db_bind_text(st, 4, c);
	return db_all_rows(st, sizeof(**out), session_row, (void **)out, n);
}
