/*
 * child_form_html.c -- the form that adds a child to a school's register
 * (identity, guardians, disability, the class joined) or changes a
 * child's record; shown again with what was typed and a message beside
 * each bad field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"
#include "http/req.h"
#include "register/disability.h"
#include "register/ethnicity.h"
#include "register/register_int.h"
#include "render/html.h"
#include "render/layout.h"

/* The value shown for a field. */
static const char *
val(const struct child_form *cf, const char *name)
{
	const char *v = cf->vals != NULL ? kvlist_get(cf->vals, name) : NULL;

	return v != NULL ? v : "";
}

static bool
has_error(const struct req *r, const struct child_form *cf, const char *name)
{
	return cf->errs != NULL && form_error_for(r, cf->errs, name) != NULL;
}

static void
input(struct req *r, const struct child_form *cf, const struct field *f,
    const char *type, int maxlen, bool required)
{
	html_fmt(&r->out, "<label>%s<input type=\"%s\" name=\"%s\" value=\"%s\" "
	    "maxlength=\"%d\"%s%s>", L(r, f->label_vi, f->label_en), type,
	    f->name, val(cf, f->name), maxlen, required ? " required" : "",
	    has_error(r, cf, f->name) ? " aria-invalid=\"true\"" : "");
	reg_field_error(r, cf->errs, f->name);
	html_lit(&r->out, "</label>");
}

static void
select_codes(struct req *r, const struct child_form *cf,
    const struct field *f, const struct reg_code *t, int n,
    const char *blank)
{
	html_fmt(&r->out, "<label>%s", L(r, f->label_vi, f->label_en));
	reg_select(r, f->name, t, n, reg_code_find(t, n, val(cf, f->name)),
	    blank);
	reg_field_error(r, cf->errs, f->name);
	html_lit(&r->out, "</label>");
}

static void
checkbox(struct req *r, const struct child_form *cf, const struct field *f)
{
	bool on = false;

	(void)reg_parse_bool(val(cf, f->name), &on);
	html_fmt(&r->out, "<label><input type=\"checkbox\" name=\"%s\" "
	    "value=\"1\"%s> %s", f->name, on ? " checked" : "",
	    L(r, f->label_vi, f->label_en));
	reg_field_error(r, cf->errs, f->name);
	html_lit(&r->out, "</label>");
}

static void
identity_fields(struct req *r, const struct child_form *cf)
{
	struct buf *o = &r->out;
	const char *eth = val(cf, child_f_ethnicity.name);
	size_t i;

	html_fmt(o, "<fieldset><legend>%s</legend>", L(r, "Thông tin trẻ",
	    "Identity"));
	input(r, cf, &child_f_full_name, "text", CHILD_NAME_MAX, true);
	html_lit(o, "<div class=\"grid\">");
	select_codes(r, cf, &child_f_sex, child_sexes, CHILD_SEX__MAX, "");
	input(r, cf, &child_f_birth_date, "date", 10, true);
	html_fmt(o, "<label>%s<select name=\"ethnicity\"%s><option value=\"\">"
	    "</option>", L(r, "Dân tộc", "Ethnicity"), has_error(r, cf,
	    "ethnicity") ? " aria-invalid=\"true\"" : "");
	for (i = 0; i < ETHNICITY_COUNT; i++)
		html_fmt(o, "<option value=\"%s\"%s>%s — %s</option>",
		    ethnicities[i].code, strcmp(eth, ethnicities[i].code) == 0 ?
		    " selected" : "", ethnicities[i].code, ethnicities[i].name);
	html_lit(o, "</select>");
	reg_field_error(r, cf->errs, "ethnicity");
	html_lit(o, "</label></div><div class=\"grid\">");
	input(r, cf, &child_f_personal_id, "text", 14, false);
	input(r, cf, &child_f_learner_code, "text", CHILD_LEARNER_MAX, false);
	select_codes(r, cf, &child_f_household, child_households,
	    CHILD_HH__MAX, NULL);
	html_lit(o, "</div>");
	input(r, cf, &child_f_address, "text", CHILD_ADDRESS_MAX, false);
	html_lit(o, "</fieldset>");
}

static void
guardian_fields(struct req *r, const struct child_form *cf)
{
	int k;

	html_fmt(&r->out, "<fieldset><legend>%s</legend>",
	    L(r, "Cha mẹ, người giám hộ", "Parents and guardians"));
	for (k = 0; k < 3; k++) {
		const struct guardian_fields *f = &guardian_f[k];

		html_lit(&r->out, "<div class=\"grid\">");
		input(r, cf, &f->name, "text", CHILD_NAME_MAX, false);
		select_codes(r, cf, &f->relation, guardian_rels, GUARDIAN__MAX,
		    "");
		input(r, cf, &f->phone, "tel", CHILD_PHONE_MAX, false);
		input(r, cf, &f->address, "text", CHILD_ADDRESS_MAX, false);
		html_lit(&r->out, "</div>");
	}
	html_lit(&r->out, "</fieldset>");
}

static void
disability_fields(struct req *r, const struct child_form *cf)
{
	html_fmt(&r->out, "<fieldset><legend>%s</legend><div class=\"grid\">",
	    L(r, "Khuyết tật (để trống nếu không có)",
	    "Disability (leave empty if none)"));
	select_codes(r, cf, &dis_f_kind, dis_kinds, DIS_KIND__MAX,
	    L(r, "Không", "None"));
	select_codes(r, cf, &dis_f_severity, dis_severities, DIS_SEV__MAX, "");
	select_codes(r, cf, &dis_f_education, dis_educations, DIS_EDU__MAX,
	    "");
	html_lit(&r->out, "</div><div class=\"grid\">");
	checkbox(r, cf, &dis_f_learning_needs);
	checkbox(r, cf, &dis_f_rehab_support);
	input(r, cf, &dis_f_since, "date", 10, false);
	html_lit(&r->out, "</div>");
	input(r, cf, &dis_f_note, "text", CHILD_NOTE_MAX, false);
	html_lit(&r->out, "</fieldset>");
}

static void
enrolment_fields(struct req *r, const struct child_form *cf)
{
	const struct reg_school *s = cf->s;
	struct buf *o = &r->out;
	const char *g = val(cf, enrol_f_grade.name);
	const char *st = val(cf, enrol_f_status.name);
	int lo = 0, hi = -1, k;

	html_fmt(o, "<fieldset><legend>%s %s</legend><input type=\"hidden\" "
	    "name=\"year\" value=\"%s\"><div class=\"grid\">",
	    L(r, "Vào lớp, năm học", "Class joined, school year"),
	    s->year.code, s->year.code);
	input(r, cf, &enrol_f_class_name, "text", ENROL_CLASS_MAX, true);
	html_fmt(o, "<label>%s<select name=\"grade\" required%s>",
	    L(r, enrol_f_grade.label_vi, enrol_f_grade.label_en),
	    has_error(r, cf, "grade") ? " aria-invalid=\"true\"" : "");
	(void)enrol_grade_range(s->u->kind, &lo, &hi);
	for (k = lo; k <= hi; k++) {
		char v[8];

		snprintf(v, sizeof(v), "%d", k);
		html_fmt(o, "<option value=\"%d\"%s>%s</option>", k,
		    strcmp(g, v) == 0 ? " selected" : "",
		    enrol_grade_name(k, r->lang == LANG_EN));
	}
	html_lit(o, "</select>");
	reg_field_error(r, cf->errs, "grade");
	html_fmt(o, "</label><label>%s<select name=\"status\"><option value=\""
	    "studying\">%s</option><option value=\"transferred_in\"%s>%s"
	    "</option></select>", L(r, "Tình trạng", "Status"),
	    reg_name(r, &enrol_statuses[ENROL_STUDYING]),
	    strcmp(st, "transferred_in") == 0 ? " selected" : "",
	    reg_name(r, &enrol_statuses[ENROL_TRANSFERRED_IN]));
	reg_field_error(r, cf->errs, "status");
	html_lit(o, "</label></div><div class=\"grid\">");
	input(r, cf, &enrol_f_entered_on, "date", 10, false);
	input(r, cf, &enrol_f_from_school, "text", ENROL_SCHOOL_MAX, false);
	html_lit(o, "</div>");
	reg_field_error(r, cf->errs, "year");
	html_lit(o, "</fieldset>");
}

void
child_form_html(struct req *r, const struct child_form *cf, int status)
{
	struct buf *o = &r->out;

	page_begin(r, cf->is_new ? L(r, "Thêm trẻ vào sổ", "Add a child") :
	    L(r, "Sửa hồ sơ trẻ", "Edit a child's record"));
	if (cf->is_new)
		html_fmt(o, "<hgroup><h1>%s</h1><p>%s</p></hgroup>",
		    L(r, "Thêm trẻ vào sổ", "Add a child"),
		    reg_unit_name(r, cf->s->u));
	else
		html_fmt(o, "<h1>%s</h1>", L(r, "Sửa hồ sơ trẻ",
		    "Edit a child's record"));
	if (cf->errs != NULL)
		form_errors_html(r, cf->errs);
	if (cf->is_new)
		html_fmt(o, "<form method=\"post\" action=\"/units/%I/register\" "
		    "class=\"child-form\">", cf->s->u->id);
	else
		html_fmt(o, "<form method=\"post\" action=\"/children/%I\" "
		    "class=\"child-form\">", cf->child_id);
	html_csrf_input(r);
	identity_fields(r, cf);
	guardian_fields(r, cf);
	disability_fields(r, cf);
	if (cf->is_new)
		enrolment_fields(r, cf);
	html_fmt(o, "<button type=\"submit\">%s</button> ", L(r, "Lưu", "Save"));
	if (cf->is_new)
		html_fmt(o, "<a href=\"/units/%I/register\">%s</a>",
		    cf->s->u->id, L(r, "Thôi", "Cancel"));
	else
		html_fmt(o, "<a href=\"/children/%I\">%s</a>", cf->child_id,
		    L(r, "Thôi", "Cancel"));
	html_lit(o, "</form>");
	page_end(r);
	resp_html(r, status);
}
