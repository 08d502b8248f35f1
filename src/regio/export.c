/*
 * export.c -- a school's register as a list; see export.h.
 *
 * One query reads the children with their enrolment and disability in the
 * list's order (class, then name); two more read the guardians and the
 * circumstances of the same children, ordered by child, looked up by
 * binary search.  Rows go to a "sink" that writes either format.  An
 * area's export writes the schools one after the other into one sink.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "io/csv_write.h"
#include "io/xlsx_write.h"
#include "register/circumstance.h"
#include "register/disability.h"
#include "register/enrolment.h"
#include "register/ethnicity.h"
#include "regio/export.h"
#include "regio/import.h"
#include "regio/template.h"
#include "units/unit.h"

/* Either writer behind one interface. */
struct sink {
	enum regio_format	 f;
	struct csv_writer	 csv;
	struct xlsx_writer	*x;
};

static void
sink_open(struct sink *s, enum regio_format f, struct buf *out,
    const char *sheet)
{
	s->f = f;
	s->x = NULL;
	if (f == REGIO_CSV)
		csv_writer_init(&s->csv, out, NULL, true);
	else
		s->x = xlsx_writer_new(sheet);
}

static void
sink_header(struct sink *s, const char *v)
{
	if (s->f == REGIO_CSV)
		csv_put(&s->csv, v);
	else
		xlsx_put_header(s->x, v);
}

static void
sink_text(struct sink *s, const char *v)
{
	if (s->f == REGIO_CSV)
		csv_put(&s->csv, v);
	else
		xlsx_put_text(s->x, v);
}

static void
sink_int(struct sink *s, int64_t v)
{
	if (s->f == REGIO_CSV)
		csv_put_int(&s->csv, v);
	else
		xlsx_put_number(s->x, (double)v);
}

/* A date: dd/mm/yyyy text in CSV, a date cell in .xlsx. */
static void
sink_date(struct sink *s, const char *iso)
{
	char d[16];

	if (s->f == REGIO_XLSX) {
		xlsx_put_date(s->x, iso);
		return;
	}
	if (str_is_date(iso)) {
		snprintf(d, sizeof(d), "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
		csv_put(&s->csv, d);
	} else
		csv_put(&s->csv, iso);
}

static void
sink_end_row(struct sink *s)
{
	if (s->f == REGIO_CSV)
		csv_end_row(&s->csv);
	else
		xlsx_end_row(s->x);
}

static enum err
sink_close(struct sink *s, struct buf *out)
{
	if (s->f == REGIO_CSV)
		return csv_writer_finish(&s->csv);
	return xlsx_writer_finish(s->x, out, NULL);
}

/* --- the columns ---------------------------------------------------------- */

static bool
col_shown(enum regio_col c, enum regio_sens sens)
{
	return c != RC_SEQ && (sens != REGIO_SENS_NONE ||
	    !regio_columns[c].sensitive);
}

static void
header(struct sink *s, enum regio_sens sens)
{
	int c;

	sink_header(s, regio_columns[RC_SEQ].vi);
	for (c = 0; c < RC__MAX; c++)
		if (col_shown((enum regio_col)c, sens))
			sink_header(s, regio_columns[c].vi);
	sink_end_row(s);
}

/* A guardian or circumstance row, by child. */
struct side {
	int64_t		 child;
	char		 a[32];		/* relation / group letter */
	char		*name;		/* guardian's name */
	char		 phone[84];
};

static int
side_cmp(const void *a, const void *b)
{
	const struct side *x = a, *y = b;

	return (x->child > y->child) - (x->child < y->child);
}

/* The first entry of child in s[0..n) (sorted by child), or NULL. */
static const struct side *
side_first(const struct side *s, size_t n, int64_t child)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s[mid].child < child)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && s[lo].child == child ? &s[lo] : NULL;
}

static void
side_free(struct side *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(s[i].name);
	free(s);
}

static enum err
load_sides(struct db *db, int64_t unit, const struct period *y,
    bool guardians, struct side **out, size_t *n)
{
	struct db_stmt *st;
	size_t cap = 0;
	enum db_rc rc;

	*out = NULL;
	*n = 0;
	if (guardians) {
		st = db_stmt(db, "SELECT g.child_id, g.relation, g.full_name,"
		    " g.phone FROM guardian g JOIN enrolment e"
		    " ON e.child_id = g.child_id"
		    " WHERE e.unit_id = ? AND e.period_id = ?"
		    " ORDER BY g.child_id, g.seq");
		db_bind_int(st, 1, unit);
		db_bind_int(st, 2, y->id);
	} else {
		st = db_stmt(db, "SELECT cc.child_id, cc.grp, '', ''"
		    " FROM child_circumstance cc JOIN enrolment e"
		    " ON e.child_id = cc.child_id"
		    " WHERE e.unit_id = ? AND e.period_id = ?"
		    " AND cc.from_on <= ? AND (cc.to_on IS NULL OR cc.to_on >= ?)"
		    " ORDER BY cc.child_id, cc.grp");
		db_bind_int(st, 1, unit);
		db_bind_int(st, 2, y->id);
		db_bind_text(st, 3, y->end_on);
		db_bind_text(st, 4, y->start_on);
	}
	while ((rc = db_step(st)) == DB_ROW) {
		struct side *s;

		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		s = &(*out)[(*n)++];
		s->child = db_col_int(st, 0);
		snprintf(s->a, sizeof(s->a), "%s", db_col_text(st, 1));
		s->name = xstrdup(db_col_text(st, 2));
		snprintf(s->phone, sizeof(s->phone), "%s", db_col_text(st, 3));
	}
	db_done(st);
	/* Stable by child already; a duplicate child (two enrolments at the
	 * school that year) repeats its rows, which only the first use of. */
	if (*n > 1)
		qsort(*out, *n, sizeof(**out), side_cmp);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

static const char *
code_vi(const struct reg_code *tab, int n, const char *code)
{
	int i = reg_code_find(tab, n, code);

	return i >= 0 ? tab[i].vi : code;
}

static bool
sens_for(const struct regio_export_opts *o, const char *cls)
{
	size_t i;

	if (o->sens == REGIO_SENS_ALL)
		return true;
	if (o->sens == REGIO_SENS_NONE)
		return false;
	for (i = 0; i < o->nclasses; i++)
		if (strcmp(o->classes[i], cls) == 0)
			return true;
	return false;
}

/* The rows of school u (o->unit_id) into s, numbered on from *seq. */
static enum err
school_rows(struct db *db, const struct unit *u,
    const struct regio_export_opts *o, struct sink *s, size_t *seq)
{
	struct side *g = NULL, *cc = NULL;
	size_t ng = 0, ncc = 0;
	struct db_stmt *st;
	enum db_rc rc;
	enum err e;

	if ((e = load_sides(db, o->unit_id, o->year, true, &g, &ng)) !=
	    ERR_OK || (e = load_sides(db, o->unit_id, o->year, false, &cc,
	    &ncc)) != ERR_OK) {
		side_free(g, ng);
		side_free(cc, ncc);
		return e;
	}
	st = db_stmt(db, "SELECT c.id, c.full_name, c.sex, c.birth_date,"
	    " COALESCE(c.ethnicity, ''), COALESCE(c.personal_id, ''),"
	    " COALESCE(c.learner_code, ''), c.address, c.household,"
	    " e.class_name, e.grade, e.status, e.entered_on, e.status_on,"
	    " COALESCE(e.dropout_reason, ''), COALESCE(d.kind, ''),"
	    " COALESCE(d.learning_needs, 0), COALESCE(d.education, '')"
	    " FROM enrolment e JOIN child c ON c.id = e.child_id"
	    " LEFT JOIN child_disability d ON d.child_id = c.id"
	    " WHERE e.unit_id = ? AND e.period_id = ?"
	    " ORDER BY e.class_name, c.name_key, c.id");
	db_bind_int(st, 1, o->unit_id);
	db_bind_int(st, 2, o->year->id);
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_col_int(st, 0);
		const char *cls = db_col_text(st, 9);
		const char *status = db_col_text(st, 11);
		bool sens = sens_for(o, cls);
		const struct side *x;
		const char *father = "", *fphone = "", *mother = "",
		    *mphone = "", *other = "", *ophone = "";
		const struct ethnicity *eth;
		char grade[8], groups[64];
		int c;

		if (!str_empty(o->class_name) && strcmp(cls, o->class_name) != 0)
			continue;
		if (o->status >= 0 && o->status < ENROL__MAX &&
		    strcmp(status, enrol_statuses[o->status].code) != 0)
			continue;
		for (x = side_first(g, ng, id); x != NULL && x < g + ng &&
		    x->child == id; x++) {
			if (strcmp(x->a, "father") == 0 && father[0] == '\0')
				father = x->name, fphone = x->phone;
			else if (strcmp(x->a, "mother") == 0 && mother[0] == '\0')
				mother = x->name, mphone = x->phone;
			else if (other[0] == '\0')
				other = x->name, ophone = x->phone;
		}
		groups[0] = '\0';
		for (x = side_first(cc, ncc, id); x != NULL && x < cc + ncc &&
		    x->child == id; x++)
			if (strstr(groups, x->a) == NULL && strlen(groups) +
			    strlen(x->a) + 3 < sizeof(groups))
				snprintf(groups + strlen(groups), sizeof(groups) -
				    strlen(groups), "%s%s", groups[0] ? ", " : "",
				    x->a);
		(*seq)++;
		sink_int(s, (int64_t)*seq);
		for (c = 0; c < RC__MAX; c++) {
			const char *v = "";

			if (!col_shown((enum regio_col)c, o->sens))
				continue;
			if (regio_columns[c].sensitive && !sens) {
				sink_text(s, "");
				continue;
			}
			switch ((enum regio_col)c) {
			case RC_SCHOOL: v = u->code; break;
			case RC_FULL_NAME: v = db_col_text(st, 1); break;
			case RC_SEX:
				v = strcmp(db_col_text(st, 2), "f") == 0 ? "Nữ" :
				    "Nam";
				break;
			case RC_BIRTH:
				sink_date(s, db_col_text(st, 3));
				continue;
			case RC_ETHNICITY:
				eth = ethnicity_find(db_col_text(st, 4));
				v = eth != NULL ? eth->name : "";
				break;
			case RC_PID: v = db_col_text(st, 5); break;
			case RC_LEARNER: v = db_col_text(st, 6); break;
			case RC_CLASS: v = cls; break;
			case RC_GRADE:
				snprintf(grade, sizeof(grade), "%s",
				    (int)db_col_int(st, 10) > 0 ? "" :
				    (int)db_col_int(st, 10) == 0 ? "MG5" :
				    (int)db_col_int(st, 10) == -1 ? "MG4" :
				    (int)db_col_int(st, 10) == -2 ? "MG3" : "NT");
				if (grade[0] == '\0')
					snprintf(grade, sizeof(grade), "%d",
					    (int)db_col_int(st, 10));
				v = grade;
				break;
			case RC_STATUS:
				v = code_vi(enrol_statuses, ENROL__MAX, status);
				break;
			case RC_ENTERED:
				sink_date(s, db_col_text(st, 12));
				continue;
			case RC_STATUS_ON:
				if (strcmp(status, "studying") == 0 ||
				    strcmp(status, "transferred_in") == 0)
					break;
				sink_date(s, db_col_text(st, 13));
				continue;
			case RC_DROPOUT_REASON:
				v = db_col_text(st, 14)[0] ? code_vi(dropout_reasons,
				    DROPOUT__MAX, db_col_text(st, 14)) : "";
				break;
			case RC_ADDRESS: v = db_col_text(st, 7); break;
			case RC_HOUSEHOLD:
				v = strcmp(db_col_text(st, 8), "none") == 0 ? "" :
				    code_vi(child_households, CHILD_HH__MAX,
				    db_col_text(st, 8));
				break;
			case RC_FATHER: v = father; break;
			case RC_FATHER_PHONE: v = fphone; break;
			case RC_MOTHER: v = mother; break;
			case RC_MOTHER_PHONE: v = mphone; break;
			case RC_GUARDIAN: v = other; break;
			case RC_GUARDIAN_PHONE: v = ophone; break;
			case RC_DIS_KIND:
				v = db_col_text(st, 15)[0] ? code_vi(dis_kinds,
				    DIS_KIND__MAX, db_col_text(st, 15)) : "";
				break;
			case RC_DIS_NEEDS:
				v = db_col_text(st, 15)[0] == '\0' ? "" :
				    db_col_int(st, 16) ? "Có" : "Không";
				break;
			case RC_DIS_EDU:
				v = db_col_text(st, 17)[0] ? code_vi(dis_educations,
				    DIS_EDU__MAX, db_col_text(st, 17)) : "";
				break;
			case RC_CIRC: v = groups; break;
			case RC_SEQ: case RC__MAX: break;
			}
			sink_text(s, v);
		}
		sink_end_row(s);
	}
	db_done(st);
	side_free(g, ng);
	side_free(cc, ncc);
	return rc == DB_DONE ? ERR_OK : ERR_DB;
}

enum err
regio_export(struct db *db, const struct unit_tree *t,
    const struct regio_export_opts *o, struct buf *out, size_t *rows)
{
	const struct unit *u = unit_get(t, o->unit_id);
	struct sink s;
	size_t seq = 0;
	enum err e, e2;

	*rows = 0;
	if (u == NULL)
		return ERR_NOTFOUND;
	sink_open(&s, o->format, out, o->year->code);
	header(&s, o->sens);
	e = school_rows(db, u, o, &s, &seq);
	e2 = sink_close(&s, out);
	if (e != ERR_OK)
		return e;
	*rows = seq;
	return e2;
}

enum err
regio_export_schools(struct db *db, const struct unit_tree *t,
    const int64_t *schools, size_t n, const struct regio_export_opts *o,
    void (*progress)(void *, size_t done, size_t n), void *arg,
    struct buf *out, size_t *rows)
{
	struct regio_export_opts one = *o;
	struct sink s;
	size_t seq = 0, i;
	enum err e = ERR_OK, e2;

	*rows = 0;
	sink_open(&s, o->format, out, o->year->code);
	header(&s, o->sens);
	for (i = 0; i < n && e == ERR_OK; i++) {
		const struct unit *u = unit_get(t, schools[i]);

		if (progress != NULL)
			progress(arg, i, n);
		if (u == NULL)
			continue;
		one.unit_id = u->id;
		e = school_rows(db, u, &one, &s, &seq);
	}
	if (progress != NULL)
		progress(arg, n, n);
	e2 = sink_close(&s, out);
	if (e != ERR_OK)
		return e;
	*rows = seq;
	return e2;
}

enum err
regio_template(enum regio_format f, struct buf *out)
{
	struct sink s;
	int c;

	sink_open(&s, f, out, "Danh sách");
	header(&s, REGIO_SENS_ALL);
	sink_int(&s, 1);
	for (c = 0; c < RC__MAX; c++) {
		if (!col_shown((enum regio_col)c, REGIO_SENS_ALL))
			continue;
		if (c == RC_BIRTH || c == RC_ENTERED) {
			char iso[11];

			if (regio_date(regio_columns[c].example, iso)) {
				sink_date(&s, iso);
				continue;
			}
		}
		sink_text(&s, regio_columns[c].example);
	}
	sink_end_row(&s);
	return sink_close(&s, out);
}
