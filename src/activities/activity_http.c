/*
 * activity_http.c -- the activity handlers.
 *
 * Every handler checks the unit scope of what it touches (the unit of the
 * route, or the unit of the activity): 404 for no such thing, 403 outside
 * the user's unit and what is below it.  Entering needs
 * PERM_ACTIVITY_ENTER (principal, focal point, clerk; routes.c); others
 * only view.  A change runs in one transaction with its audit row and the
 * rewrite of the reach values of the years it touches; bad input answers
 * 400 with the form again and a message naming each field, having changed
 * nothing.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activities/activity.h"
#include "activities/activity_db.h"
#include "activities/activity_html.h"
#include "activities/activity_http.h"
#include "core/strutil.h"
#include "db/db.h"
#include "http/form.h"
#include "http/req.h"
#include "render/layout.h"
#include "units/unit.h"
#include "units/unit_http.h"

static const struct field f_year = { "year", "Năm", "Year" };
static const struct field f_persons = { "persons", "Người tham dự",
	"Participants" };
static const struct field f_mode = { "mode", "Cách ghi người tham dự",
	"How participants are recorded" };

static const char *
unit_name(const struct req *r, const struct unit_tree *t, int64_t id)
{
	const struct unit *u = unit_get(t, id);

	return u != NULL ? unit_display_name(u, r->lang == LANG_EN) : "";
}

/* The year of the query or form, the current one when absent; false
 * (after answering 400) when it is not a year. */
static bool
year_param(struct req *r, int *year)
{
	struct form_errors errs = { .n = 0 };
	const char *raw = req_param(r, "year");
	char today[11];
	int64_t y;
	bool present;

	date_today(today);
	*year = (today[0] - '0') * 1000 + (today[1] - '0') * 100 +
	    (today[2] - '0') * 10 + (today[3] - '0');
	if (!valid_int(&errs, &f_year, raw, false, 2000, 2100, &y, &present)) {
		form_errors_respond(r, &errs);
		return false;
	}
	if (present)
		*year = (int)y;
	return true;
}

static bool
can_enter(const struct req *r)
{
	return role_can(r->user.role, PERM_ACTIVITY_ENTER);
}

/* The activity of the route's {id}, in the user's scope; otherwise
 * answers 404 or 403 and returns false. */
static bool
load_checked(struct req *r, const struct unit_tree *t, struct activity *a)
{
	enum err e;

	if (t == NULL) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return false;
	}
	if ((e = act_db_get(r->db, r->params[0], a)) != ERR_OK) {
		if (e == ERR_NOTFOUND)
			resp_error(r, e, "Không có hoạt động này.",
			    "No such activity.");
		else
			resp_error(r, e, "Lỗi cơ sở dữ liệu.", "Database error.");
		return false;
	}
	return unit_check_scope(r, t, a->unit_id);
}

/* The unit of the route's {id} in the user's scope (answers otherwise). */
static bool
unit_checked(struct req *r, const struct unit_tree *t)
{
	if (t == NULL) {
		resp_error(r, ERR_DB, "Lỗi cơ sở dữ liệu.", "Database error.");
		return false;
	}
	return unit_check_scope(r, t, r->params[0]);
}

/* Rewrite the reach of the years touched, then commit; on failure roll
 * back and answer. */
static bool
finish(struct req *r, int64_t unit_id, int y1, int y2)
{
	struct act_written w[ACT_REACH__MAX];
	struct act_reach reach;
	enum err e;

	if ((e = act_db_write_reach(r->db, unit_id, y1, r->user.id, &reach,
	    w)) == ERR_OK && y2 != y1 && y2 != 0)
		e = act_db_write_reach(r->db, unit_id, y2, r->user.id, &reach, w);
	if (e == ERR_OK)
		e = db_commit(r->db);
	if (e != ERR_OK) {
		db_rollback(r->db);
		resp_error(r, e, "Không lưu được.", "Could not be saved.");
		return false;
	}
	return true;
}

static void
fail(struct req *r, enum err e)
{
	db_rollback(r->db);
	if (e == ERR_NOTFOUND)
		resp_error(r, e, "Không có mục này.", "No such item.");
	else
		resp_error(r, e, "Không lưu được.", "Could not be saved.");
}

/* The end of a change begun with db_begin(): on failure roll back and
 * answer; else rewrite the reach of the years touched, commit and go to
 * url. */
static void
done(struct req *r, enum err e, int64_t unit_id, int y1, int y2,
    const char *url)
{
	if (e != ERR_OK)
		fail(r, e);
	else if (finish(r, unit_id, y1, y2))
		resp_redirect(r, url);
}

/* "/activities/ID?saved=1" */
static void
saved_url(char *out, size_t outsz, int64_t id)
{
	snprintf(out, outsz, "/activities/%lld?saved=1", (long long)id);
}

/* The cells of a group table: counts of an activity, group sizes. */
enum cells { CELLS_COUNT, CELLS_SIZE };
static const struct {
	const char	*prefix;
	const char	*vi[ACT_SEX__MAX];
	const char	*en[ACT_SEX__MAX];
} cell_kinds[] = {
	[CELLS_COUNT] = { "cnt", { "Số người tham dự (nam)",
	    "Số người tham dự (nữ)" }, { "Participants (male)",
	    "Participants (female)" } },
	[CELLS_SIZE] = { "size", { "Số người của nhóm (nam)",
	    "Số người của nhóm (nữ)" }, { "Group size (male)",
	    "Group size (female)" } },
};

/* Name and label the cells ("cnt_staff_m", …) into cells[g * 2 + s],
 * their names kept in names; the raw values posted into raw. */
static void
cell_fields(const struct req *r, enum cells k, struct field *cells,
    char (*names)[48], const char **raw)
{
	int g, s;

	for (g = 0; g < ACT_GROUP__MAX; g++)
		for (s = 0; s < ACT_SEX__MAX; s++) {
			struct field *f = &cells[g * 2 + s];

			act_cell_name(cell_kinds[k].prefix, g, s,
			    names[g * 2 + s], sizeof(names[0]));
			f->name = names[g * 2 + s];
			f->label_vi = cell_kinds[k].vi[s];
			f->label_en = cell_kinds[k].en[s];
			raw[g * 2 + s] = req_form(r, f->name);
		}
}

void
act_unit_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct act_unit_view v;
	struct activity *acts = NULL;
	size_t nacts = 0;
	struct act_reach reach;
	enum err e;

	memset(&v, 0, sizeof(v));
	if (!unit_checked(r, t) || !year_param(r, &v.year))
		goto out;
	v.unit_id = r->params[0];
	v.unit_name = unit_name(r, t, v.unit_id);
	v.can_enter = can_enter(r);
	if ((e = act_db_list(r->db, v.unit_id, v.year, &acts, &nacts)) !=
	    ERR_OK || (e = act_db_reach(r->db, v.unit_id, v.year, &reach)) !=
	    ERR_OK || (e = act_db_stored(r->db, v.unit_id, v.year,
	    v.stored)) != ERR_OK) {
		resp_error(r, e, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	v.acts = acts;
	v.nacts = nacts;
	v.reach = &reach;
	if (!str_empty(req_query(r, "deleted")))
		v.flash = L(r, "Đã xóa hoạt động.", "The activity is deleted.");
	else if (!str_empty(req_query(r, "sizes")))
		v.flash = L(r, "Đã lưu số người theo nhóm.",
		    "The group sizes are saved.");
	page_begin(r, L(r, "Hoạt động", "Activities"));
	act_unit_html(r, &v);
	page_end(r);
	resp_html(r, 200);
out:
	free(acts);
	unit_tree_put(r->app, t);
}

/* The posted activity fields. */
static void
form_of_request(const struct req *r, struct act_form *f)
{
	char name[32];
	int g;

	memset(f, 0, sizeof(*f));
	f->kind = req_form(r, "kind");
	f->title = req_form(r, "title");
	f->start_on = req_form(r, "start_on");
	f->end_on = req_form(r, "end_on");
	f->mode = req_form(r, "mode");
	f->note = req_form(r, "note");
	for (g = 0; g < ACT_GROUP__MAX; g++) {
		snprintf(name, sizeof(name), "aud_%s", act_groups[g].code);
		f->aud[g] = req_form(r, name);
	}
}

/* The stored activity as form fields (pointing into a). */
static void
form_of_activity(const struct activity *a, struct act_form *f)
{
	int g;

	memset(f, 0, sizeof(*f));
	f->kind = act_kinds[a->kind].code;
	f->title = a->title;
	f->start_on = a->start_on;
	f->end_on = strcmp(a->end_on, a->start_on) ? a->end_on : "";
	f->mode = act_mode_codes[a->mode];
	f->note = a->note;
	for (g = 0; g < ACT_GROUP__MAX; g++)
		f->aud[g] = a->audience & (1u << g) ? "1" : NULL;
}

static void
form_page(struct req *r, int status, const char *action, const char *heading,
    const char *cancel, const struct act_form *f,
    const struct form_errors *errs)
{
	buf_reset(&r->out);
	page_begin(r, heading);
	act_form_html(r, action, heading, cancel, f, errs);
	page_end(r);
	resp_html(r, status);
}

void
act_new_form(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs = { .n = 0 };
	struct act_form f;
	char action[64], cancel[96];
	int year;

	if (!unit_checked(r, t) || !year_param(r, &year))
		goto out;
	memset(&f, 0, sizeof(f));
	f.mode = "persons";
	snprintf(action, sizeof(action), "/units/%lld/activities",
	    (long long)r->params[0]);
	snprintf(cancel, sizeof(cancel), "/units/%lld/activities?year=%d",
	    (long long)r->params[0], year);
	form_page(r, 200, action, L(r, "Thêm hoạt động", "Add an activity"),
	    cancel, &f, &errs);
out:
	unit_tree_put(r->app, t);
}

void
act_create(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs = { .n = 0 };
	struct activity a;
	struct act_form f;
	char action[64], url[64];
	enum err e;

	if (!unit_checked(r, t))
		goto out;
	memset(&a, 0, sizeof(a));
	form_of_request(r, &f);
	snprintf(action, sizeof(action), "/units/%lld/activities",
	    (long long)r->params[0]);
	if (!act_parse(&f, &a, &errs)) {
		form_page(r, 400, action, L(r, "Thêm hoạt động",
		    "Add an activity"), action, &f, &errs);
		goto out;
	}
	a.unit_id = r->params[0];
	if ((e = db_begin(r->db)) == ERR_OK)
		e = act_db_insert(r->db, &a, r->user.id);
	saved_url(url, sizeof(url), a.id);
	done(r, e, a.unit_id, act_year(&a), 0, url);
out:
	unit_tree_put(r->app, t);
}

/* The activity page, with errs and the posted cells when a form on it
 * was refused. */
static void
show(struct req *r, const struct unit_tree *t, const struct activity *a,
    int status, const struct form_errors *errs, const char *persons_text,
    const char *const *count_raw)
{
	struct act_attendee *people = NULL;
	struct act_counts counts;
	struct act_view v;
	size_t n = 0;
	enum err e;

	memset(&v, 0, sizeof(v));
	if ((e = act_db_counts(r->db, a->id, &counts)) != ERR_OK ||
	    (e = act_db_attendees(r->db, a->id, act_year(a), &people,
	    &n)) != ERR_OK) {
		resp_error(r, e, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	v.a = a;
	v.unit_name = unit_name(r, t, a->unit_id);
	v.can_enter = can_enter(r);
	v.counts = &counts;
	v.people = people;
	v.npeople = n;
	v.errs = errs != NULL && errs->n > 0 ? errs : NULL;
	v.persons_text = persons_text;
	v.count_raw = count_raw;
	if (!str_empty(req_query(r, "saved")))
		v.flash = L(r, "Đã lưu.", "Saved.");
	buf_reset(&r->out);
	page_begin(r, a->title);
	act_page_html(r, &v);
	page_end(r);
	resp_html(r, status);
out:
	free(people);
}

void
act_page(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct activity a;

	if (load_checked(r, t, &a))
		show(r, t, &a, 200, NULL, NULL, NULL);
	unit_tree_put(r->app, t);
}

void
act_edit_form(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs = { .n = 0 };
	struct activity a;
	struct act_form f;
	char action[64];

	if (!load_checked(r, t, &a))
		goto out;
	form_of_activity(&a, &f);
	snprintf(action, sizeof(action), "/activities/%lld", (long long)a.id);
	form_page(r, 200, action, L(r, "Sửa hoạt động", "Edit the activity"),
	    action, &f, &errs);
out:
	unit_tree_put(r->app, t);
}

void
act_update(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs = { .n = 0 };
	struct activity old, a;
	struct act_form f;
	char action[64];
	int old_year = 0;
	enum err e;

	if (!load_checked(r, t, &old))
		goto out;
	snprintf(action, sizeof(action), "/activities/%lld", (long long)old.id);
	memset(&a, 0, sizeof(a));
	form_of_request(r, &f);
	if (!act_parse(&f, &a, &errs)) {
		form_page(r, 400, action, L(r, "Sửa hoạt động",
		    "Edit the activity"), action, &f, &errs);
		goto out;
	}
	a.id = old.id;
	a.unit_id = old.unit_id;
	a.demo = old.demo;
	if ((e = db_begin(r->db)) != ERR_OK ||
	    (e = act_db_update(r->db, &a, r->user.id, &old_year)) != ERR_OK) {
		if (e == ERR_CONFLICT) {
			db_rollback(r->db);
			form_error(&errs, &f_mode, "người tham dự đã được ghi "
			    "theo cách kia; hãy bỏ họ trước khi đổi.",
			    "participants are recorded the other way; remove "
			    "them before changing it.");
			form_page(r, 400, action, L(r, "Sửa hoạt động",
			    "Edit the activity"), action, &f, &errs);
		} else
			fail(r, e);
		goto out;
	}
	saved_url(action, sizeof(action), a.id);
	done(r, ERR_OK, a.unit_id, old_year, act_year(&a), action);
out:
	unit_tree_put(r->app, t);
}

void
act_delete(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct activity a;
	char url[96];
	enum err e;

	if (!load_checked(r, t, &a))
		goto out;
	if ((e = db_begin(r->db)) == ERR_OK)
		e = act_db_delete(r->db, a.id, r->user.id);
	snprintf(url, sizeof(url), "/units/%lld/activities?year=%d&deleted=1",
	    (long long)a.unit_id, act_year(&a));
	done(r, e, a.unit_id, act_year(&a), 0, url);
out:
	unit_tree_put(r->app, t);
}

/* The activity is recorded the way this form needs; else answers 400. */
static bool
mode_is(struct req *r, const struct activity *a, enum act_mode m)
{
	struct form_errors errs = { .n = 0 };

	if (a->mode == m)
		return true;
	form_error(&errs, &f_mode, m == ACT_MODE_COUNTS ?
	    "hoạt động này ghi theo danh sách người, không theo số lượng." :
	    "hoạt động này ghi theo số lượng, không theo danh sách.",
	    m == ACT_MODE_COUNTS ? "this activity records a list of persons, "
	    "not counts." : "this activity records counts, not a list.");
	form_errors_respond(r, &errs);
	return false;
}

void
act_counts_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs = { .n = 0 };
	struct field cells[ACT_GROUP__MAX * 2];
	const char *raw[ACT_GROUP__MAX * 2];
	char names[ACT_GROUP__MAX * 2][48], url[64];
	struct act_counts c;
	struct activity a;
	int64_t v;
	bool present;
	enum err e;
	int k;

	if (!load_checked(r, t, &a) || !mode_is(r, &a, ACT_MODE_COUNTS))
		goto out;
	memset(&c, 0, sizeof(c));
	cell_fields(r, CELLS_COUNT, cells, names, raw);
	for (k = 0; k < ACT_GROUP__MAX * 2; k++) {
		if (!(a.audience & (1u << (k / 2))))
			raw[k] = NULL;	/* not an audience: no count */
		else if (valid_int(&errs, &cells[k], raw[k], false, 0,
		    ACT_COUNT_MAX, &v, &present) && present)
			c.n[k / 2][k % 2] = v;
	}
	if (errs.n > 0) {
		show(r, t, &a, 400, &errs, NULL, raw);
		goto out;
	}
	if ((e = db_begin(r->db)) == ERR_OK)
		e = act_db_set_counts(r->db, a.id, a.audience, &c, r->user.id);
	saved_url(url, sizeof(url), a.id);
	done(r, e, a.unit_id, act_year(&a), 0, url);
out:
	unit_tree_put(r->app, t);
}

void
act_persons_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs = { .n = 0 };
	struct act_person *v = NULL;
	struct activity a;
	const char *text;
	char url[64];
	size_t n, added;
	enum err e;

	if (!load_checked(r, t, &a) || !mode_is(r, &a, ACT_MODE_PERSONS))
		goto out;
	text = req_form(r, "persons");
	n = act_parse_persons(text, a.audience, &f_persons, &v, &errs);
	if (errs.n == 0 && n == 0)
		form_error(&errs, &f_persons, "cần ít nhất một người.",
		    "at least one person is needed.");
	if (errs.n > 0) {
		show(r, t, &a, 400, &errs, text, NULL);
		goto out;
	}
	if ((e = db_begin(r->db)) == ERR_OK)
		e = act_db_add_persons(r->db, &a, v, n, r->user.id, &added);
	saved_url(url, sizeof(url), a.id);
	done(r, e, a.unit_id, act_year(&a), 0, url);
out:
	free(v);
	unit_tree_put(r->app, t);
}

void
act_person_remove(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct activity a;
	char url[64];
	enum err e;

	if (!load_checked(r, t, &a))
		goto out;
	if ((e = db_begin(r->db)) == ERR_OK)
		e = act_db_remove_person(r->db, a.id, r->params[1],
		    r->user.id);
	saved_url(url, sizeof(url), a.id);
	done(r, e, a.unit_id, act_year(&a), 0, url);
out:
	unit_tree_put(r->app, t);
}

void
act_sizes_form(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs = { .n = 0 };
	const char *raw[ACT_GROUP__MAX * 2] = { NULL };
	char cells[ACT_GROUP__MAX * 2][24];
	struct act_sizes s;
	enum err e;
	int year, g, k;

	if (!unit_checked(r, t) || !year_param(r, &year))
		goto out;
	if ((e = act_db_sizes(r->db, r->params[0], year, &s)) != ERR_OK) {
		resp_error(r, e, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	for (g = 0; g < ACT_GROUP__MAX; g++)
		for (k = 0; k < ACT_SEX__MAX && s.has[g]; k++) {
			snprintf(cells[g * 2 + k], sizeof(cells[0]), "%lld",
			    (long long)s.n[g][k]);
			raw[g * 2 + k] = cells[g * 2 + k];
		}
	page_begin(r, L(r, "Số người theo nhóm", "Group sizes"));
	act_sizes_html(r, r->params[0], unit_name(r, t, r->params[0]), year,
	    raw, &errs);
	page_end(r);
	resp_html(r, 200);
out:
	unit_tree_put(r->app, t);
}

void
act_sizes_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct form_errors errs = { .n = 0 };
	struct field cells[ACT_GROUP__MAX * 2];
	const char *raw[ACT_GROUP__MAX * 2];
	char names[ACT_GROUP__MAX * 2][48], url[96];
	struct act_sizes s;
	int64_t y = 0, v;
	bool present;
	enum err e;
	int k;

	if (!unit_checked(r, t))
		goto out;
	memset(&s, 0, sizeof(s));
	(void)valid_int(&errs, &f_year, req_form(r, "year"), true, 2000, 2100,
	    &y, &present);
	cell_fields(r, CELLS_SIZE, cells, names, raw);
	for (k = 0; k < ACT_GROUP__MAX * 2; k++) {
		/* Both cells of a group empty: its size is not known. */
		if (str_empty(raw[k]) && str_empty(raw[k ^ 1]))
			continue;
		if (valid_int(&errs, &cells[k], raw[k], true, 0, ACT_COUNT_MAX,
		    &v, &present))
			s.n[k / 2][k % 2] = v;
		s.has[k / 2] = true;
	}
	if (errs.n > 0) {
		buf_reset(&r->out);
		page_begin(r, L(r, "Số người theo nhóm", "Group sizes"));
		act_sizes_html(r, r->params[0], unit_name(r, t, r->params[0]),
		    (int)y, raw, &errs);
		page_end(r);
		resp_html(r, 400);
		goto out;
	}
	if ((e = db_begin(r->db)) == ERR_OK)
		e = act_db_set_sizes(r->db, r->params[0], (int)y, &s, false,
		    r->user.id);
	snprintf(url, sizeof(url), "/units/%lld/activities?year=%d&sizes=1",
	    (long long)r->params[0], (int)y);
	done(r, e, r->params[0], (int)y, 0, url);
out:
	unit_tree_put(r->app, t);
}

/* {"m": .., "f": ..} */
static json_t *
pair(const int64_t *v)
{
	return json_pack("{s:I,s:I}", "m", (json_int_t)v[ACT_M], "f",
	    (json_int_t)v[ACT_F]);
}

void
act_reach_api(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct act_stored stored[ACT_REACH__MAX];
	struct act_reach x;
	struct act_value v;
	json_t *groups, *inds, *o;
	enum err e;
	int year, g, i;

	if (!unit_checked(r, t) || !year_param(r, &year))
		goto out;
	if ((e = act_db_reach(r->db, r->params[0], year, &x)) != ERR_OK ||
	    (e = act_db_stored(r->db, r->params[0], year, stored)) != ERR_OK) {
		resp_error(r, e, "Lỗi cơ sở dữ liệu.", "Database error.");
		goto out;
	}
	groups = json_object();
	for (g = 0; g < ACT_GROUP__MAX; g++)
		json_object_set_new(groups, act_groups[g].code,
		    json_pack("{s:o,s:o,s:o,s:o,s:b,s:b}", "size",
		    x.size.has[g] ? pair(x.size.n[g]) : json_null(), "listed",
		    pair(x.listed[g]), "counted", pair(x.counted[g]), "reached",
		    pair(x.reached[g]), "estimated", x.estimated[g], "capped",
		    x.capped[g]));
	inds = json_object();
	for (i = 0; i < ACT_REACH__MAX; i++) {
		if (!act_reach_value(&x, (enum act_reach_ind)i, &v)) {
			json_object_set_new(inds, act_reach_inds[i].code,
			    json_null());
			continue;
		}
		json_object_set_new(inds, act_reach_inds[i].code,
		    json_pack("{s:I,s:I,s:I,s:I,s:f,s:b,s:b}", "num_m",
		    (json_int_t)v.num_m, "num_f", (json_int_t)v.num_f, "den_m",
		    (json_int_t)v.den_m, "den_f", (json_int_t)v.den_f, "rate",
		    100.0 * (double)(v.num_m + v.num_f) /
		    (double)(v.den_m + v.den_f), "written", stored[i].computed,
		    "locked", stored[i].locked));
	}
	o = json_pack("{s:I,s:i,s:I,s:o,s:o}", "unit_id",
	    (json_int_t)r->params[0], "year", year, "activities",
	    (json_int_t)x.nactivities, "groups", groups, "indicators", inds);
	resp_json(r, 200, o);
out:
	unit_tree_put(r->app, t);
}
