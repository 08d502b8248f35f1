/*
 * dhis2_read.c -- read a DHIS2 dataValueSet (JSON, jansson) into data
 * points.
 *
 * Expected: an object with a "dataValues" array; orgUnit and period may
 * be given once at the top for every value, as DHIS2 allows.  Each value
 * has dataElement, period, orgUnit, value (a string or a number),
 * categoryOptionCombo ("M", "F" or "default"; absent = "default") and
 * attributeOptionCombo ("default" or absent).  Other members DHIS2 writes
 * (storedBy, created, comment, followup...) are ignored.  A file that is
 * not JSON is reported with jansson's line, column and reason.
 */
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "exchange/exchange.h"

/* A string member into out; a problem naming it if it is missing, not a
 * string or too long.  def: the value when absent (NULL = required). */
static bool
member(struct xchg_data *d, const struct xchg_point *pt, json_t *o,
    const char *key, const char *def, char *out, size_t size)
{
	json_t *v = json_object_get(o, key);
	const char *s = def;
	char vi[200], en[200];

	if (v != NULL && !json_is_string(v)) {
		snprintf(vi, sizeof(vi), "%s phải là một chuỗi.", key);
		snprintf(en, sizeof(en), "%s must be a string.", key);
		xchg_problem_add(d, pt, vi, en);
		return false;
	}
	if (v != NULL)
		s = json_string_value(v);
	if (s == NULL || s[0] == '\0') {
		snprintf(vi, sizeof(vi), "thiếu %s.", key);
		snprintf(en, sizeof(en), "%s is missing.", key);
		xchg_problem_add(d, pt, vi, en);
		return false;
	}
	if (strlen(s) >= size) {
		snprintf(vi, sizeof(vi), "%s dài quá %zu ký tự.", key, size - 1);
		snprintf(en, sizeof(en), "%s is longer than %zu characters.",
		    key, size - 1);
		xchg_problem_add(d, pt, vi, en);
		return false;
	}
	memcpy(out, s, strlen(s) + 1);
	return true;
}

/* The value: a string or a number, as text. */
static bool
value_text(struct xchg_data *d, const struct xchg_point *pt, json_t *o,
    char *out, size_t size)
{
	json_t *v = json_object_get(o, "value");

	if (json_is_integer(v)) {
		snprintf(out, size, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		return true;
	}
	if (json_is_real(v)) {
		snprintf(out, size, "%.17g", json_real_value(v));
		return true;
	}
	if (v == NULL || json_is_string(v))
		return member(d, pt, o, "value", NULL, out, size);
	xchg_problem_add(d, pt, "value phải là một số.",
	    "value must be a number.");
	return false;
}

static bool
combos(struct xchg_data *d, struct xchg_point *pt, json_t *o,
    const char *def_aoc)
{
	char coc[64], aoc[64], vi[300], en[300];
	bool ok = true;

	if (!member(d, pt, o, "categoryOptionCombo", "default", coc,
	    sizeof(coc)))
		ok = false;
	else if (strcmp(coc, "default") == 0)
		pt->sex = XCHG_SEX_TOTAL;
	else if (!xchg_sex_from_code(coc, &pt->sex)) {
		snprintf(vi, sizeof(vi), "categoryOptionCombo «%s» không có trong "
		    "vitre; chỉ có M, F hoặc default.", coc);
		snprintf(en, sizeof(en), "categoryOptionCombo \"%s\" is unknown "
		    "to vitre; only M, F or default.", coc);
		xchg_problem_add(d, pt, vi, en);
		ok = false;
	}
	if (!member(d, pt, o, "attributeOptionCombo", def_aoc, aoc,
	    sizeof(aoc)))
		ok = false;
	else if (strcmp(aoc, "default") != 0) {
		snprintf(vi, sizeof(vi), "attributeOptionCombo «%s» không có "
		    "trong vitre; chỉ có default.", aoc);
		snprintf(en, sizeof(en), "attributeOptionCombo \"%s\" is unknown "
		    "to vitre; only default.", aoc);
		xchg_problem_add(d, pt, vi, en);
		ok = false;
	}
	return ok;
}

/* A top-level default (orgUnit, period, attributeOptionCombo), or NULL. */
static const char *
top(json_t *root, const char *key)
{
	return json_string_value(json_object_get(root, key));
}

void
dhis2_read(const char *data, size_t len, struct xchg_data *d)
{
	json_error_t jerr;
	json_t *root, *vals, *o;
	struct xchg_point *pt;
	const char *aoc;
	char vi[400], en[400];
	size_t i;
	bool ok;

	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		snprintf(vi, sizeof(vi), "tệp không phải JSON hợp lệ ở dòng %d, "
		    "cột %d: %s.", jerr.line, jerr.column, jerr.text);
		snprintf(en, sizeof(en), "the file is not valid JSON at line %d, "
		    "column %d: %s.", jerr.line, jerr.column, jerr.text);
		xchg_problem_add(d, NULL, vi, en);
		d->fatal = true;
		return;
	}
	vals = json_object_get(root, "dataValues");
	if (!json_is_object(root) || !json_is_array(vals)) {
		xchg_problem_add(d, NULL, "đây không phải dataValueSet của DHIS2: "
		    "cần một đối tượng có mảng \"dataValues\".",
		    "this is not a DHIS2 dataValueSet: an object with a "
		    "\"dataValues\" array is expected.");
		d->fatal = true;
		goto out;
	}
	if (json_array_size(vals) > XCHG_POINTS_MAX) {
		xchg_problem_add(d, NULL, "tệp có quá nhiều giá trị.",
		    "the file has too many values.");
		d->fatal = true;
		goto out;
	}
	aoc = top(root, "attributeOptionCombo");
	json_array_foreach(vals, i, o) {
		pt = xchg_point_add(d);
		pt->index = i;
		if (!json_is_object(o)) {
			xchg_problem_add(d, pt, "phải là một đối tượng.",
			    "must be an object.");
			d->n--;
			continue;
		}
		ok = member(d, pt, o, "dataElement", NULL, pt->element,
		    sizeof(pt->element));
		ok &= member(d, pt, o, "orgUnit", top(root, "orgUnit"),
		    pt->unit, sizeof(pt->unit));
		ok &= member(d, pt, o, "period", top(root, "period"),
		    pt->period, sizeof(pt->period));
		ok &= combos(d, pt, o, aoc != NULL ? aoc : "default");
		ok &= value_text(d, pt, o, pt->value, sizeof(pt->value));
		if (!ok)
			d->n--;	/* reported; not a value to import */
	}
out:
	json_decref(root);
}
