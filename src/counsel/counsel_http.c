/*
 * counsel_http.c -- the school counsellor's sessions (issue 4, item 5).
 *
 * A session has a date, a kind (a short code list), the child (from the
 * register, or the initials of a pupil who asks without a register link),
 * a follow-up (yes/no and a date) and notes.  The notes are sealed with
 * the case key (cases/crypt.h) like the free text of a protection case:
 * without a usable key the list shows that they are sealed and a session
 * with notes is refused with 503, nothing written.
 *
 * A school that records a session in a school year has a psychological
 * support service that year: its PSYCH_SUPPORT value becomes a computed
 * 1/1 row of agg_value in the session's transaction, unless the school
 * entered or locked a value itself.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app.h"
#include "auth/audit.h"
#include "cases/crypt.h"
#include "core/strutil.h"
#include "core/xalloc.h"
#include "counsel/counsel_http.h"
#include "db/db.h"
#include "http/form.h"
#include "http/req.h"
#include "render/html.h"
#include "render/layout.h"
#include "units/unit.h"
#include "units/unit_http.h"

#define COUNSEL_NOTES_MAX	4000	/* characters */
#define COUNSEL_INITIALS_MAX	6

static const char *const kind_codes[] = {
	"individual", "group", "parent", "crisis", NULL
};
static const char *const kind_vi[] = {
	"Cá nhân", "Nhóm", "Cha mẹ", "Khủng hoảng"
};
static const char *const kind_en[] = {
	"Individual", "Group", "Parent", "Crisis"
};

static const struct field f_held = { "held_on", "Ngày tư vấn",
	"Session date" };
static const struct field f_kind = { "kind", "Hình thức", "Kind" };
static const struct field f_child = { "child_id", "Mã trẻ", "Child id" };
static const struct field f_init = { "initials", "Tên viết tắt",
	"Initials" };
static const struct field f_fup = { "follow_up_on", "Ngày theo dõi tiếp",
	"Follow-up date" };
static const struct field f_notes = { "notes", "Ghi chú", "Notes" };

/* The case key if usable, else NULL. */
static const struct casekey *
usable_key(struct req *r)
{
	if (r->app->case_key_state == CASEKEY_OK && r->app->case_key != NULL)
		return r->app->case_key;
	return NULL;
}

/*
 * The school of the route, scope checked, and its name (for a page title):
 * false after answering 403/404 (404 too for a unit that is not a school).
 */
static bool
school_of(struct req *r, char *name, size_t namesz)
{
	const struct unit_tree *t;
	const struct unit *u;
	bool ok = false;

	if ((t = unit_tree_get(r->app, r->db)) == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return false;
	}
	if (!unit_check_scope(r, t, r->params[0]))
		goto out;
	u = unit_get(t, r->params[0]);
	if (!unit_kinds[u->kind].school) {
		resp_error(r, ERR_NOTFOUND, "Chỉ trường học mới ghi buổi tư "
		    "vấn.", "Only a school records counselling sessions.");
		goto out;
	}
	snprintf(name, namesz, "%s", unit_display_name(u, r->lang == LANG_EN));
	ok = true;
out:
	unit_tree_put(r->app, t);
	return ok;
}

static int
kind_index(const char *code)
{
	int i;

	for (i = 0; kind_codes[i] != NULL; i++)
		if (strcmp(kind_codes[i], code) == 0)
			return i;
	return 0;
}

/* The notes of one row: opened, "sealed" without a key, or nothing. */
static void
notes_cell(struct req *r, const struct casekey *key, struct db_stmt *st,
    int col)
{
	char *plain = NULL;

	if (db_col_null(st, col)) {
		html_lit(&r->out, "<td></td>");
		return;
	}
	if (key == NULL || casekey_open(key, db_col_text(st, col), &plain) !=
	    ERR_OK) {
		html_fmt(&r->out, "<td><em>%s</em></td>", L(r, "(đã niêm phong, "
		    "cần khóa hồ sơ)", "(sealed: the case key is needed)"));
		return;
	}
	html_fmt(&r->out, "<td>%s</td>", plain);
	casekey_wipe_free(plain);
}

static void
session_table(struct req *r, int64_t unit_id)
{
	const struct casekey *key = usable_key(r);
	struct db_stmt *st;
	int n = 0, k;

	st = db_stmt(r->db, "SELECT s.held_on, s.kind, s.child_id,"
	    " c.full_name, s.initials, s.follow_up, s.follow_up_on,"
	    " s.notes_sealed FROM counselling_session s"
	    " LEFT JOIN child c ON c.id = s.child_id WHERE s.unit_id = ?"
	    " ORDER BY s.held_on DESC, s.id DESC");
	db_bind_int(st, 1, unit_id);
	html_fmt(&r->out, "<table><thead><tr><th>%s</th><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	    L(r, "Ngày", "Date"), L(r, "Hình thức", "Kind"),
	    L(r, "Trẻ", "Child"), L(r, "Theo dõi tiếp", "Follow-up"),
	    L(r, "Ghi chú", "Notes"));
	while (db_step(st) == DB_ROW) {
		k = kind_index(db_col_text(st, 1));
		html_fmt(&r->out, "<tr><td>%s</td><td>%s</td>",
		    db_col_text(st, 0), L(r, kind_vi[k], kind_en[k]));
		if (!db_col_null(st, 2))
			html_fmt(&r->out, "<td><a href=\"/children/%I\">%s</a>"
			    "</td>", db_col_int(st, 2), db_col_text(st, 3));
		else
			html_fmt(&r->out, "<td>%s</td>", db_col_text(st, 4));
		if (db_col_int(st, 5) != 0)
			html_fmt(&r->out, "<td>%s %s</td>", L(r, "Có", "Yes"),
			    db_col_null(st, 6) ? "" : db_col_text(st, 6));
		else
			html_fmt(&r->out, "<td>%s</td>", L(r, "Không", "No"));
		notes_cell(r, key, st, 7);
		html_lit(&r->out, "</tr>");
		n++;
	}
	db_done(st);
	if (n == 0)
		html_fmt(&r->out, "<tr><td colspan=\"5\">%s</td></tr>",
		    L(r, "Chưa có buổi tư vấn nào.", "No sessions yet."));
	html_lit(&r->out, "</tbody></table>");
}

static void
session_form(struct req *r, int64_t unit_id)
{
	int i;

	html_fmt(&r->out, "<h2>%s</h2><form method=\"post\" action=\""
	    "/units/%I/counselling\">", L(r, "Ghi buổi tư vấn",
	    "Record a session"), unit_id);
	html_csrf_input(r);
	html_fmt(&r->out, "<label>%s <input type=\"date\" name=\"held_on\" "
	    "required></label><label>%s <select name=\"kind\">",
	    L(r, f_held.label_vi, f_held.label_en),
	    L(r, f_kind.label_vi, f_kind.label_en));
	for (i = 0; kind_codes[i] != NULL; i++)
		html_fmt(&r->out, "<option value=\"%s\">%s</option>",
		    kind_codes[i], L(r, kind_vi[i], kind_en[i]));
	html_fmt(&r->out, "</select></label><label>%s <input type=\"number\" "
	    "name=\"child_id\" min=\"1\"></label><label>%s <input name=\""
	    "initials\" maxlength=\"%d\"></label><label><input type=\""
	    "checkbox\" name=\"follow_up\" value=\"1\"> %s</label><label>%s "
	    "<input type=\"date\" name=\"follow_up_on\"></label>",
	    L(r, "Mã trẻ trong sổ", "Child id in the register"),
	    L(r, "hoặc tên viết tắt (học sinh tự tìm đến)",
	    "or initials (a pupil who asks)"), COUNSEL_INITIALS_MAX,
	    L(r, "Cần theo dõi tiếp", "Follow-up needed"),
	    L(r, f_fup.label_vi, f_fup.label_en));
	if (usable_key(r) != NULL)
		html_fmt(&r->out, "<label>%s <textarea name=\"notes\" "
		    "maxlength=\"%d\"></textarea></label>",
		    L(r, "Ghi chú (được mã hóa)", "Notes (encrypted)"),
		    COUNSEL_NOTES_MAX);
	else
		html_fmt(&r->out, "<p>%s</p>", L(r, "Chưa có khóa hồ sơ: "
		    "không ghi được ghi chú.", "No case key: notes cannot be "
		    "saved."));
	html_fmt(&r->out, "<button>%s</button></form>", L(r, "Lưu", "Save"));
}

void
counsel_page(struct req *r)
{
	int64_t unit_id = r->params[0];
	char object[64], name[200], title[256];

	if (!school_of(r, name, sizeof(name)))
		return;
	snprintf(object, sizeof(object), "unit:%lld", (long long)unit_id);
	if (audit(r->db, r->user.id, "counselling.view", object, "") !=
	    ERR_OK) {
		resp_error(r, ERR_DB, "Không ghi được nhật ký.",
		    "The audit log cannot be written.");
		return;
	}
	snprintf(title, sizeof(title), "%s — %s", L(r, "Tư vấn tâm lý",
	    "Counselling"), name);
	page_begin(r, title);
	html_fmt(&r->out, "<h1>%s</h1>", title);
	session_table(r, unit_id);
	session_form(r, unit_id);
	page_end(r);
	resp_html(r, 200);
}

/* A session as posted. */
struct session_in {
	char	 held_on[11];
	int	 kind;
	int64_t	 child_id;	/* 0: none */
	char	 initials[4 * COUNSEL_INITIALS_MAX + 1];
	bool	 follow_up;
	char	 follow_up_on[11];
	char	 notes[4 * COUNSEL_NOTES_MAX + 1];
	int64_t	 period_id;	/* the school year of held_on */
};

/* The child must be in the register and enrolled at this school. */
static void
check_child(struct req *r, struct form_errors *errs, int64_t unit_id,
    int64_t child_id)
{
	struct db_stmt *st;
	int64_t n;

	st = db_stmt(r->db, "SELECT COUNT(*) FROM child WHERE id = ?");
	db_bind_int(st, 1, child_id);
	if (db_one_int(st, &n) != ERR_OK || n == 0) {
		form_error(errs, &f_child, "không có trẻ này trong sổ.",
		    "no such child in the register.");
		return;
	}
	st = db_stmt(r->db, "SELECT COUNT(*) FROM enrolment"
	    " WHERE child_id = ? AND unit_id = ?");
	db_bind_int(st, 1, child_id);
	db_bind_int(st, 2, unit_id);
	if (db_one_int(st, &n) != ERR_OK || n == 0)
		form_error(errs, &f_child, "trẻ không học ở trường này.",
		    "the child is not a pupil of this school.");
}

static bool
parse_session(struct req *r, int64_t unit_id, struct session_in *in,
    struct form_errors *errs)
{
	struct db_stmt *st;
	bool present;
	const char *fu = req_form(r, "follow_up");

	memset(in, 0, sizeof(*in));
	if (valid_date(errs, &f_held, req_form(r, "held_on"), true,
	    in->held_on)) {
		st = db_stmt(r->db, "SELECT id FROM period"
		    " WHERE type = 'school_year' AND start_on <= ?"
		    " AND end_on >= ?");
		db_bind_text(st, 1, in->held_on);
		db_bind_text(st, 2, in->held_on);
		if (db_one_int(st, &in->period_id) != ERR_OK)
			form_error(errs, &f_held, "ngoài các năm học đã biết.",
			    "outside the known school years.");
	}
	(void)valid_choice(errs, &f_kind, req_form(r, "kind"), kind_codes,
	    &in->kind);
	if (valid_int(errs, &f_child, req_form(r, "child_id"), false, 1,
	    INT64_MAX, &in->child_id, &present) && present)
		check_child(r, errs, unit_id, in->child_id);
	(void)valid_text(errs, &f_init, req_form(r, "initials"), false,
	    COUNSEL_INITIALS_MAX, in->initials);
	if (in->child_id != 0 && in->initials[0] != '\0')
		form_error(errs, &f_init, "chỉ ghi khi trẻ không có mã trong sổ.",
		    "only for a child without a register id.");
	if (in->child_id == 0 && in->initials[0] == '\0' && in->kind != 1)
		form_error(errs, &f_child, "cần mã trẻ hoặc tên viết tắt.",
		    "a child id or the initials are needed.");
	in->follow_up = fu != NULL && strcmp(fu, "1") == 0;
	(void)valid_date(errs, &f_fup, req_form(r, "follow_up_on"),
	    false, in->follow_up_on);
	if (in->follow_up_on[0] != '\0' && !in->follow_up)
		in->follow_up = true;
	(void)valid_text(errs, &f_notes, req_form(r, "notes"), false,
	    COUNSEL_NOTES_MAX, in->notes);
	return errs->n == 0;
}

/*
 * The school's PSYCH_SUPPORT of the year becomes a computed 1/1; an
 * entered or locked value (computed = 0, not demo) is left as it is.
 */
static enum err
psych_support_put(struct db *db, int64_t unit_id, int64_t period_id)
{
	struct db_stmt *st;
	int64_t ind;
	enum err e;

	st = db_stmt(db, "SELECT id FROM indicator WHERE code = ?");
	db_bind_text(st, 1, "PSYCH_SUPPORT");
	if ((e = db_one_int(st, &ind)) == ERR_NOTFOUND)
		return ERR_OK;	/* a catalogue without it */
	if (e != ERR_OK)
		return e;
	st = db_stmt(db, "INSERT INTO agg_value (unit_id, indicator_id,"
	    " period_id, num_total, den_total, locked, entered_by, entered_at,"
	    " is_demo, computed) VALUES (?, ?, ?, 1, 1, 0, NULL, ?, 0, 1)"
	    " ON CONFLICT (unit_id, indicator_id, period_id) DO UPDATE SET"
	    " num_total = 1, num_m = NULL, num_f = NULL, den_total = 1,"
	    " den_m = NULL, den_f = NULL, locked = 0, entered_by = NULL,"
	    " entered_at = excluded.entered_at, is_demo = 0, computed = 1"
	    " WHERE agg_value.computed = 1 OR agg_value.is_demo = 1");
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, ind);
	db_bind_int(st, 3, period_id);
	db_bind_int(st, 4, (int64_t)time(NULL));
	return db_run(st);
}

static enum err
session_insert(struct req *r, int64_t unit_id, const struct session_in *in,
    const struct casekey *key)
{
	struct db_stmt *st;
	char *sealed = NULL;
	char object[64], detail[64];
	enum err e;

	st = db_stmt(r->db, "INSERT INTO counselling_session (unit_id,"
	    " child_id, initials, kind, held_on, follow_up, follow_up_on,"
	    " notes_sealed, created_by, created_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	db_bind_int(st, 1, unit_id);
	if (in->child_id != 0)
		db_bind_int(st, 2, in->child_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, in->initials);
	db_bind_text(st, 4, kind_codes[in->kind]);
	db_bind_text(st, 5, in->held_on);
	db_bind_int(st, 6, in->follow_up);
	if (in->follow_up_on[0] != '\0')
		db_bind_text(st, 7, in->follow_up_on);
	else
		db_bind_null(st, 7);
	if (in->notes[0] != '\0') {
		sealed = casekey_seal(key, in->notes);
		db_bind_text(st, 8, sealed);
	} else
		db_bind_null(st, 8);
	db_bind_int(st, 9, r->user.id);
	db_bind_int(st, 10, (int64_t)time(NULL));
	e = db_run(st);
	free(sealed);
	if (e != ERR_OK)
		return e;
	snprintf(object, sizeof(object), "counselling:%lld",
	    (long long)db_last_id(r->db));
	snprintf(detail, sizeof(detail), "unit:%lld %s %s",
	    (long long)unit_id, kind_codes[in->kind], in->held_on);
	if ((e = audit(r->db, r->user.id, "counselling.create", object,
	    detail)) != ERR_OK)
		return e;
	if ((e = psych_support_put(r->db, unit_id, in->period_id)) != ERR_OK)
		return e;
	return db_bump_generation(r->db);
}

void
counsel_create(struct req *r)
{
	int64_t unit_id = r->params[0];
	const struct casekey *key = usable_key(r);
	struct session_in *in;
	struct form_errors errs;
	char name[200], url[64];
	enum casekey_state ks;

	memset(&errs, 0, sizeof(errs));
	if (!school_of(r, name, sizeof(name)))
		return;
	in = xcalloc(1, sizeof(*in));
	if (!parse_session(r, unit_id, in, &errs)) {
		form_errors_respond(r, &errs);
		goto out;
	}
	if (in->notes[0] != '\0' && key == NULL) {
		ks = (enum casekey_state)r->app->case_key_state;
		resp_error(r, ERR_IO, casekey_state_msg(ks, false),
		    casekey_state_msg(ks, true));
		r->status = 503;
		goto out;
	}
	if (db_begin(r->db) != ERR_OK)
		goto dberr;
	if (session_insert(r, unit_id, in, key) != ERR_OK ||
	    db_commit(r->db) != ERR_OK) {
		db_rollback(r->db);
		goto dberr;
	}
	snprintf(url, sizeof(url), "/units/%lld/counselling",
	    (long long)unit_id);
	resp_redirect(r, url);
	goto out;
dberr:
	resp_error(r, ERR_DB, "Không lưu được buổi tư vấn.",
	    "The session cannot be saved.");
out:
	sodium_memzero(in->notes, sizeof(in->notes));
	free(in);
}
