/*
 * report_doc_db.c -- what the document of a report needs, from the
 * database: the report with its stored numbers, its period, the plan and
 * regime it answers, the unit and its parent on the period's reference
 * date, the indicators' units and sources, and who submitted it; then the
 * document rendered in one of the formats.  See report_doc.h.
 *
 * The header's parent body: the plan's own when the report is by the
 * plan's owner (an office's consolidation), otherwise the unit's
 * administrative parent on the period's reference date.  The signer: a
 * principal signs as the head, a vice principal "KT." for the head; a
 * report an officer submitted goes out over a deputy head ("KT.") whose
 * name is left for the signer to write in; a report not yet submitted
 * has the head's post and no name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/role.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "docs/report_doc.h"

struct report_doc_src {
	struct report_doc_in	 in;
	struct report		*rp;
	struct unit_tree	*own_tree;	/* loaded here, or NULL */
	const struct unit_tree	*t;
	struct report_regime	*rgs;
	size_t			 nrg;
	struct report_doc_ind	*inds;
	char			*parent_body, *place, *to, *signer;
	char			 date[11];
};

static const char *
tree_name(void *arg, int64_t id)
{
	const struct unit *u = unit_get(arg, id);

	return u != NULL ? u->name : NULL;
}

void
report_doc_src_free(struct report_doc_src *s)
{
	if (s == NULL)
		return;
	report_free(s->rp);
	unit_tree_free(s->own_tree);
	report_regimes_free(s->rgs, s->nrg);
	free(s->inds);
	free(s->parent_body);
	free(s->place);
	free(s->to);
	free(s->signer);
	free(s);
}

const struct report_doc_in *
report_doc_src_in(const struct report_doc_src *s)
{
	return &s->in;
}

static enum err
load_inds(struct db *db, struct report_doc_src *s)
{
	struct db_stmt *st;
	size_t cap = 0;

	st = db_stmt(db, "SELECT id, unit, source, suppress_small FROM indicator"
	    " ORDER BY id");
	while (db_step(st) == DB_ROW) {
		struct report_doc_ind *x;
		const char *src = db_col_text(st, 2);

		if (s->in.ninds == cap) {
			cap = cap ? cap * 2 : 64;
			s->inds = xrealloc(s->inds, cap * sizeof(*s->inds));
		}
		x = &s->inds[s->in.ninds++];
		x->id = db_col_int(st, 0);
		x->unit = numfmt_unit_from_code(db_col_text(st, 1));
		x->part = strcmp(src, "growth") == 0 ? REPORT_DOC_NUTRITION :
		    strcmp(src, "cases") == 0 ? REPORT_DOC_PROTECTION :
		    REPORT_DOC_TARGETS;
		x->suppress_small = db_col_int(st, 3) != 0;
	}
	db_done(st);
	s->in.inds = s->inds;
	return ERR_OK;
}

/* The plan's parent body and place (the owner's own header). */
static void
plan_header(struct db *db, int64_t plan_id, char **parent, char **place)
{
	struct db_stmt *st;

	st = db_stmt(db, "SELECT parent_body, place FROM plan WHERE id = ?");
	db_bind_int(st, 1, plan_id);
	if (db_step(st) == DB_ROW) {
		*parent = xstrdup(db_col_text(st, 0));
		*place = xstrdup(db_col_text(st, 1));
	}
	db_done(st);
}

/* Who submitted the report, and when. */
static void
submitter(struct db *db, struct report_doc_src *s)
{
	struct db_stmt *st;
	enum role role;
	time_t at;
	struct tm tm;

	st = db_stmt(db, "SELECT u.full_name, u.role, r.submitted_at FROM "
	    "report r JOIN app_user u ON u.id = r.submitted_by WHERE r.id = ?");
	db_bind_int(st, 1, s->rp->id);
	if (db_step(st) == DB_ROW) {
		at = (time_t)db_col_int(st, 2);
		if (localtime_r(&at, &tm) != NULL)
			strftime(s->date, sizeof(s->date), "%Y-%m-%d", &tm);
		if (role_from_code(db_col_text(st, 1), &role)) {
			s->in.deputy = role != ROLE_PRINCIPAL;
			if (role == ROLE_PRINCIPAL || role == ROLE_FOCAL)
				s->signer = xstrdup(db_col_text(st, 0));
		}
	}
	db_done(st);
}

/* The place name of unit ui, or of the nearest unit above that has one
 * (a school dates its documents where its office sits). */
static const char *
place_of(const struct unit_tree *t, size_t ui, const char *date)
{
	int depth;

	for (depth = 0; ui != (size_t)-1 && depth < 16; depth++) {
		if (t->u[ui].place[0] != '\0')
			return t->u[ui].place;
		ui = unit_parent(t, ui, LINK_ADMIN, date);
	}
	return "";
}

enum err
report_doc_load(struct db *db, const struct unit_tree *t, int64_t id,
    struct report_doc_src **out)
{
	struct report_doc_src *s = xcalloc(1, sizeof(*s));
	const struct report_regime *rg;
	const struct unit *u;
	size_t ui, par;
	enum err e;

	*out = NULL;
	if ((e = report_db_get(db, id, &s->rp)) != ERR_OK)
		goto fail;
	if (t == NULL && (t = s->own_tree = unit_tree_load(db)) == NULL) {
		e = ERR_DB;
		goto fail;
	}
	s->t = t;
	if ((e = period_get(db, s->rp->period_id, &s->in.period)) != ERR_OK ||
	    (e = report_db_regimes(db, t, &s->rgs, &s->nrg)) != ERR_OK ||
	    (e = load_inds(db, s)) != ERR_OK)
		goto fail;
	if ((u = unit_get(t, s->rp->unit_id)) == NULL ||
	    (rg = report_regime_find(s->rgs, s->nrg, s->rp->reporting_id)) ==
	    NULL) {
		e = ERR_NOTFOUND;
		goto fail;
	}
	if (rg->owner_id == u->id)
		plan_header(db, rg->plan_id, &s->parent_body, &s->place);
	ui = unit_index(t, u->id);
	par = unit_parent(t, ui, LINK_ADMIN, s->in.period.ref_on);
	if (s->parent_body == NULL || s->parent_body[0] == '\0') {
		free(s->parent_body);
		s->parent_body = xstrdup(par != (size_t)-1 ? t->u[par].name :
		    "");
	}
	if (u->place[0] != '\0' || s->place == NULL || s->place[0] == '\0') {
		free(s->place);
		s->place = xstrdup(place_of(t, ui, s->in.period.ref_on));
	}
	/* The units below an owner report to the owner itself; the owner's
	 * consolidation goes up to its own parent. */
	if (rg->to_owner && rg->owner_id != u->id &&
	    unit_get(t, rg->owner_id) != NULL)
		s->to = xstrdup(unit_get(t, rg->owner_id)->name);
	else if (rg->to_owner && par != (size_t)-1)
		s->to = xstrdup(t->u[par].name);
	else
		s->to = xstrdup(rg->to);
	submitter(db, s);
	s->in.rp = s->rp;
	s->in.parent_body = s->parent_body;
	s->in.issuer = u->name;
	s->in.abbrev = u->abbrev;
	s->in.place = s->place;
	s->in.date = s->date;
	s->in.plan_ref = rg->plan_ref;
	s->in.plan_title = rg->plan_title;
	s->in.to = s->to;
	s->in.kind = u->kind;
	s->in.signer_name = s->signer != NULL ? s->signer : "";
	s->in.unit_name = tree_name;
	s->in.unit_arg = (void *)t;
	*out = s;
	return ERR_OK;
fail:
	report_doc_src_free(s);
	return e;
}

void
report_doc_file_name(const struct report_doc_in *in, enum report_doc_fmt f,
    char *out, size_t outsz)
{
	static const char *const ext[REPORT_DOC_FMT__MAX] = { "pdf", "docx",
	    "xlsx" };
	char ref[160], name[160];

	snprintf(ref, sizeof(ref), "BC-%s-%s", in->abbrev[0] ? in->abbrev :
	    "report", in->period.code);
	if (in->rp->version > 1) {
		size_t n = strlen(ref);

		snprintf(ref + n, sizeof(ref) - n, "-v%d", in->rp->version);
	}
	doc_file_name(ref, name, sizeof(name));
	snprintf(out, outsz, "%s.%s", name, ext[f]);
}

enum err
report_doc_render_in(const struct report_doc_in *in, enum report_doc_fmt f,
    struct buf *out)
{
	struct doc *d;
	enum err e;

	if (f == REPORT_DOC_XLSX)
		return report_xlsx(in, out, NULL);
	d = report_doc_build(in);
	e = f == REPORT_DOC_PDF ? doc_pdf(d, out) : doc_docx(d, out);
	doc_free(d);
	return e;
}

enum err
report_doc_render(struct db *db, const struct unit_tree *t, int64_t id,
    enum report_doc_fmt f, struct buf *out, char *name, size_t namesz)
{
	struct report_doc_src *s = NULL;
	enum err e;

	if ((e = report_doc_load(db, t, id, &s)) != ERR_OK)
		return e;
	if (name != NULL)
		report_doc_file_name(&s->in, f, name, namesz);
	e = report_doc_render_in(&s->in, f, out);
	report_doc_src_free(s);
	return e;
}
