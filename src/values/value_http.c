/*
 * value_http.c -- the value entry handlers: the page, saving and locking
 * values, and the JSON API.
 *
 * The page (GET /values) is a form (drawn by value_html.c): unit (only
 * units in the user's scope), indicator (those that apply to the unit's
 * level), period (of the indicator's period type), then numerator and
 * denominator cells filled with the stored value.  Changing a select
 * reloads the form through htmx (GET /values/form answers the fragment
 * #value-form).
 *
 * Saving (POST /values, POST /api/values) checks the scope of the unit
 * (403), then every field (400 with a message beside each), then the lock
 * (423), and saves in one transaction (values/value_db.c).
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "http/form.h"
#include "http/req.h"
#include "indicators/indicator.h"
#include "render/html.h"
#include "units/unit.h"
#include "units/unit_http.h"
#include "values/value.h"
#include "values/value_html.h"
#include "values/value_http.h"

/* An entry being saved: its references and what they resolve to. */
struct entry {
	const struct unit_tree	*t;
	struct value_refs	 refs;
	const struct unit	*unit;
	struct indicator	 ind;
	bool			 has_ind;
	struct period		 per;
	bool			 has_per;
	struct agg_value	 v;
	bool			 created;
};

/* Redirect to the form for a value, with a flash flag (saved, locked). */
static void
redirect_to_form(struct req *r, int64_t unit_id, const char *ind,
    const char *per, const char *flag)
{
	struct buf url = BUF_INIT;

	buf_printf(&url, "/values?unit=%lld&indicator=", (long long)unit_id);
	html_url_arg(&url, ind);
	buf_puts(&url, "&period=");
	html_url_arg(&url, per);
	buf_printf(&url, "&%s=1", flag);
	resp_redirect(r, url.data);
	buf_release(&url);
}

void
value_page(struct req *r)
{
	struct value_view v;
	const char *q = req_query(r, "unit");
	int64_t unit_id = r->user.unit_id;
	enum err e;

	memset(&v, 0, sizeof(v));
	if ((v.t = unit_tree_get(r->app, r->db)) == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		return;
	}
	if (!str_empty(q) && !str_to_int_range(q, 1, INT64_MAX, &unit_id)) {
		resp_error(r, ERR_INVALID, "Đơn vị: phải là mã số của một đơn vị.",
		    "Unit: must be the id number of a unit.");
		goto out;
	}
	if (!unit_check_scope(r, v.t, unit_id))
		goto out;
	if ((e = value_view_load(r, &v, unit_id, req_query(r, "indicator"),
	    req_query(r, "period"))) != ERR_OK) {
		resp_error(r, e, "Không đọc được số liệu.",
		    "The values cannot be read.");
		goto out;
	}
	if (!str_empty(req_query(r, "saved")))
		v.flash = L(r, "Đã lưu số liệu.", "The value is saved.");
	else if (!str_empty(req_query(r, "locked")))
		v.flash = L(r, "Đã khóa số liệu.", "The value is locked.");
	value_form_page(r, &v, 200);
out:
	value_view_release(&v);
	unit_tree_put(r->app, v.t);
}

/*
 * Resolve and check an entry, then save it.  ERR_FORBIDDEN: the unit is
 * outside the user's scope; ERR_INVALID: errs says why; ERR_LOCKED; ERR_DB.
 */
static enum err
entry_save(struct req *r, const struct value_raw *raw, struct entry *en,
    struct form_errors *errs)
{
	struct value_ctx ctx;
	struct agg_value stored;
	enum err e;

	memset(&ctx, 0, sizeof(ctx));
	(void)value_parse_refs(raw, &en->refs, errs);
	if ((en->t = unit_tree_get(r->app, r->db)) == NULL)
		return ERR_DB;
	if (en->refs.unit_id > 0 &&
	    (en->unit = unit_get(en->t, en->refs.unit_id)) != NULL &&
	    !unit_in_scope(en->t, r->user.unit_id, en->unit->id))
		return ERR_FORBIDDEN;
	if (en->refs.indicator[0] != '\0') {
		e = indicator_get_by_code(r->db, en->refs.indicator, &en->ind);
		if (e != ERR_OK && e != ERR_NOTFOUND)
			return ERR_DB;
		en->has_ind = e == ERR_OK;
	}
	if (en->refs.period[0] != '\0') {
		e = period_get_by_code(r->db, en->refs.period, &en->per);
		if (e != ERR_OK && e != ERR_NOTFOUND)
			return ERR_DB;
		en->has_per = e == ERR_OK;
	}
	ctx.unit = en->unit;
	ctx.ind = en->has_ind ? &en->ind : NULL;
	ctx.per = en->has_per ? &en->per : NULL;
	if (ctx.unit != NULL && ctx.ind != NULL && ctx.per != NULL) {
		e = value_find(r->db, ctx.unit->id, ctx.ind->id, ctx.per->id,
		    &stored);
		if (e != ERR_OK && e != ERR_NOTFOUND)
			return ERR_DB;
		ctx.locked = e == ERR_OK && stored.locked;
		ctx.computed = e == ERR_OK && stored.computed;
	}
	if ((e = value_check(raw, &ctx, &en->v, errs)) != ERR_OK)
		return e;
	return value_save(r->db, &en->v, r->user.id, &en->v.id, &en->created);
}

static void
entry_release(struct req *r, struct entry *en)
{
	indicator_clear(&en->ind);
	unit_tree_put(r->app, en->t);
}

/* Answer the failures of entry_save() that are not field errors. */
static void
entry_fail(struct req *r, const struct entry *en, enum err e)
{
	char vi[256], en_msg[256];

	switch (e) {
	case ERR_FORBIDDEN:
		resp_error(r, e, "Đơn vị: nằm ngoài phạm vi của bạn.",
		    "Unit: outside your scope.");
		break;
	case ERR_LOCKED:
		snprintf(vi, sizeof(vi), "Số liệu của chỉ số %s kỳ %s cho đơn vị "
		    "này đã khóa, không thay đổi được.", en->ind.code,
		    en->per.code);
		snprintf(en_msg, sizeof(en_msg), "The value of indicator %s for "
		    "%s of this unit is locked and cannot be changed.",
		    en->ind.code, en->per.code);
		resp_error(r, e, vi, en_msg);
		break;
	case ERR_CONFLICT:
		snprintf(vi, sizeof(vi), "Số liệu của chỉ số %s kỳ %s cho đơn vị "
		    "này được tính từ số đo tăng trưởng của trẻ, không nhập tay "
		    "được.", en->ind.code, en->per.code);
		snprintf(en_msg, sizeof(en_msg), "The value of indicator %s for "
		    "%s of this unit is computed from the children's growth "
		    "measurements and cannot be entered by hand.",
		    en->ind.code, en->per.code);
		resp_error(r, e, vi, en_msg);
		break;
	default:
		resp_error(r, ERR_DB, "Không lưu được số liệu.",
		    "The value cannot be saved.");
		break;
	}
}

void
value_post(struct req *r)
{
	struct value_raw raw;
	struct entry en;
	struct value_view v;
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	enum err e;

	memset(&en, 0, sizeof(en));
	memset(&v, 0, sizeof(v));
	raw.unit = req_form(r, "unit");
	raw.indicator = req_form(r, "indicator");
	raw.period = req_form(r, "period");
	raw.num_m = req_form(r, "num_m");
	raw.num_f = req_form(r, "num_f");
	raw.num_total = req_form(r, "num_total");
	raw.den_m = req_form(r, "den_m");
	raw.den_f = req_form(r, "den_f");
	raw.den_total = req_form(r, "den_total");
	e = entry_save(r, &raw, &en, errs);
	if (e == ERR_OK) {
		redirect_to_form(r, en.v.unit_id, en.ind.code, en.per.code,
		    "saved");
		goto out;
	}
	if (e != ERR_INVALID) {
		entry_fail(r, &en, e);
		goto out;
	}
	/* Show the form again with what was typed and the messages. */
	v.t = en.t;
	if (value_view_load(r, &v, en.unit != NULL ? en.unit->id : r->user.unit_id,
	    en.has_ind ? en.ind.code : NULL, en.has_per ? en.per.code : NULL) !=
	    ERR_OK || v.ind == NULL) {
		form_errors_respond(r, errs);
		goto out;
	}
	v.raw = raw;
	v.errs = errs;
	value_form_page(r, &v, 400);
out:
	value_view_release(&v);
	entry_release(r, &en);
	free(errs);
}

static json_t *
json_opt(bool set, int64_t v)
{
	return set ? json_integer((json_int_t)v) : json_null();
}

static json_t *
value_json(const struct value_row *row)
{
	const struct agg_value *v = &row->v;
	double rate = value_rate(v, row->ind_unit);
	json_t *j;

	j = json_pack("{s:I,s:I,s:s,s:s,s:s,s:I,s:o,s:o,s:o,s:o,s:o,s:b,s:b,"
	    "s:I}", "id", (json_int_t)v->id, "unit", (json_int_t)v->unit_id,
	    "unit_code", row->unit_code, "indicator", row->indicator,
	    "period", row->period, "num_total", (json_int_t)v->num_total,
	    "num_m", json_opt(v->split, v->num_m),
	    "num_f", json_opt(v->split, v->num_f),
	    "den_total", json_opt(v->has_den, v->den_total),
	    "den_m", json_opt(v->split && v->has_den, v->den_m),
	    "den_f", json_opt(v->split && v->has_den, v->den_f),
	    "locked", v->locked, "demo", v->demo,
	    "entered_at", (json_int_t)v->entered_at);
	json_object_set_new(j, "computed", json_boolean(v->computed));
	json_object_set_new(j, "rate", !isnan(rate) ? json_real(rate) :
	    json_null());
	json_object_set_new(j, "entered_by", row->entered_by_name[0] ?
	    json_string(row->entered_by_name) : json_null());
	return j;
}

/* Answer with the stored value id of a unit (one row of value_list). */
static void
send_value(struct req *r, int status, const struct agg_value *v)
{
	struct value_row *rows = NULL;
	size_t n = 0;

	if (value_list(r->db, v->unit_id, v->indicator_id, v->period_id, &rows,
	    &n) != ERR_OK || n != 1) {
		resp_error(r, ERR_DB, "Không đọc được số liệu.",
		    "The value cannot be read.");
		free(rows);
		return;
	}
	resp_json(r, status, value_json(&rows[0]));
	free(rows);
}

void
value_api_get(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	const char *qu = req_query(r, "unit"), *qi = req_query(r, "indicator");
	const char *qp = req_query(r, "period");
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct value_row *rows = NULL;
	struct indicator ind;
	struct period per;
	int64_t unit_id = 0;
	size_t n = 0, i;
	json_t *arr;

	memset(&ind, 0, sizeof(ind));
	memset(&per, 0, sizeof(per));
	if (t == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		goto out;
	}
	if (str_empty(qu))
		form_error(errs, &value_f_unit, "cần nhập (?unit=mã số).",
		    "required (?unit=id).");
	else if (!str_to_int_range(qu, 1, INT64_MAX, &unit_id))
		form_error(errs, &value_f_unit, "phải là mã số của một đơn vị.",
		    "must be the id number of a unit.");
	if (errs->n > 0) {
		form_errors_respond(r, errs);
		goto out;
	}
	if (!unit_check_scope(r, t, unit_id))
		goto out;
	if (!str_empty(qi) && indicator_get_by_code(r->db, qi, &ind) != ERR_OK)
		form_error(errs, &value_f_indicator, "không có chỉ số này.",
		    "there is no such indicator.");
	if (!str_empty(qp) && period_get_by_code(r->db, qp, &per) != ERR_OK)
		form_error(errs, &value_f_period, "không có kỳ này.",
		    "there is no such period.");
	if (errs->n > 0) {
		form_errors_respond(r, errs);
		goto out;
	}
	if (value_list(r->db, unit_id, ind.id, per.id, &rows, &n) != ERR_OK) {
		resp_error(r, ERR_DB, "Không đọc được số liệu.",
		    "The values cannot be read.");
		goto out;
	}
	if (ind.id > 0 && per.id > 0) {
		if (n == 0)
			resp_error(r, ERR_NOTFOUND, "Chưa có số liệu cho chỉ số "
			    "và kỳ này.", "There is no value for this indicator "
			    "and period yet.");
		else
			resp_json(r, 200, value_json(&rows[0]));
		goto out;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, value_json(&rows[i]));
	resp_json(r, 200, json_pack("{s:o}", "values", arr));
out:
	free(rows);
	free(errs);
	indicator_clear(&ind);
	unit_tree_put(r->app, t);
}

/* JSON members read as text, so the form validators apply to them. */
struct json_fields {
	char		 text[9][64];
};

/*
 * The member key of obj as text for the validators: strings as they are,
 * integers written out, anything else as its JSON (which then fails the
 * check with a message naming the field).  NULL if absent or null.
 */
static const char *
json_member(json_t *obj, const char *key, char *buf, size_t size)
{
	json_t *m = json_object_get(obj, key);
	char *dump;

	if (m == NULL || json_is_null(m))
		return NULL;
	if (json_is_string(m))
		return json_string_value(m);
	if (json_is_integer(m)) {
		snprintf(buf, size, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(m));
		return buf;
	}
	dump = json_dumps(m, JSON_COMPACT | JSON_ENCODE_ANY);
	snprintf(buf, size, "%s", dump != NULL ? dump : "?");
	free(dump);
	return buf;
}

void
value_api_post(struct req *r)
{
	static const char *const keys[9] = { "unit", "indicator", "period",
	    "num_m", "num_f", "num_total", "den_m", "den_f", "den_total" };
	struct form_errors *errs = xcalloc(1, sizeof(*errs));
	struct json_fields *jf = xcalloc(1, sizeof(*jf));
	const char *vals[9];
	struct value_raw raw;
	struct entry en;
	json_error_t jerr;
	json_t *body;
	char vi[320], en_msg[320];
	enum err e;
	int k;

	memset(&en, 0, sizeof(en));
	body = json_loadb(r->body.data, r->body.len, JSON_REJECT_DUPLICATES,
	    &jerr);
	if (body == NULL || !json_is_object(body)) {
		if (body == NULL) {
			snprintf(vi, sizeof(vi), "Nội dung JSON không hợp lệ "
			    "(dòng %d, cột %d): %s.", jerr.line, jerr.column,
			    jerr.text);
			snprintf(en_msg, sizeof(en_msg), "The JSON body is not "
			    "valid (line %d, column %d): %s.", jerr.line,
			    jerr.column, jerr.text);
		} else {
			snprintf(vi, sizeof(vi), "Nội dung JSON phải là một đối "
			    "tượng {\"unit\": …, \"indicator\": …}.");
			snprintf(en_msg, sizeof(en_msg), "The JSON body must be "
			    "an object {\"unit\": …, \"indicator\": …}.");
		}
		resp_error(r, ERR_INVALID, vi, en_msg);
		goto out;
	}
	for (k = 0; k < 9; k++)
		vals[k] = json_member(body, keys[k], jf->text[k],
		    sizeof(jf->text[k]));
	raw.unit = vals[0];
	raw.indicator = vals[1];
	raw.period = vals[2];
	raw.num_m = vals[3];
	raw.num_f = vals[4];
	raw.num_total = vals[5];
	raw.den_m = vals[6];
	raw.den_f = vals[7];
	raw.den_total = vals[8];
	e = entry_save(r, &raw, &en, errs);
	if (e == ERR_INVALID)
		form_errors_respond(r, errs);
	else if (e != ERR_OK)
		entry_fail(r, &en, e);
	else
		send_value(r, en.created ? 201 : 200, &en.v);
out:
	json_decref(body);
	entry_release(r, &en);
	free(jf);
	free(errs);
}

void
value_lock_post(struct req *r)
{
	const struct unit_tree *t = unit_tree_get(r->app, r->db);
	struct agg_value v;
	struct indicator ind;
	struct period per;
	enum err e;

	memset(&ind, 0, sizeof(ind));
	if (t == NULL) {
		resp_error(r, ERR_DB, "Không đọc được cây tổ chức.",
		    "The organisation tree cannot be read.");
		goto out;
	}
	if ((e = value_get(r->db, r->params[0], &v)) != ERR_OK) {
		resp_error(r, e, "Không có số liệu này.", "No such value.");
		goto out;
	}
	if (!unit_check_scope(r, t, v.unit_id))
		goto out;
	if ((e = value_lock(r->db, v.id, r->user.id)) != ERR_OK) {
		resp_error(r, e, "Không khóa được số liệu.",
		    "The value cannot be locked.");
		goto out;
	}
	if (r->wants_json) {
		send_value(r, 200, &v);
		goto out;
	}
	if (indicator_get(r->db, v.indicator_id, &ind) != ERR_OK ||
	    period_get(r->db, v.period_id, &per) != ERR_OK) {
		resp_redirect(r, "/values");
		goto out;
	}
	redirect_to_form(r, v.unit_id, ind.code, per.code, "locked");
out:
	indicator_clear(&ind);
	unit_tree_put(r->app, t);
}
