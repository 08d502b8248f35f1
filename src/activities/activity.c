/*
 * activity.c -- the pure logic of activities: code tables, checking the
 * form, parsing a list of persons, and the reach rule; see activity.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activities/activity.h"
#include "core/strutil.h"
#include "core/xalloc.h"

static const char *const staff_aliases[] = { "staff", "cán bộ",
	"giáo viên", "nhân viên", "cbgvnv", "cb-gv-nv", "cbgv", NULL };
static const char *const parents_aliases[] = { "parents", "parent",
	"phụ huynh", "cha mẹ", "cha mẹ học sinh", "cmhs", NULL };
static const char *const students_aliases[] = { "students", "student",
	"học sinh", "trẻ", "hs", NULL };
static const char *const workers_aliases[] = { "workers", "worker",
	"người lao động", "cộng tác viên", "ctv", NULL };

const struct act_group_info act_groups[ACT_GROUP__MAX] = {
	[ACT_STAFF] = { "staff", "Cán bộ, giáo viên, nhân viên", "Staff",
	    staff_aliases },
	[ACT_PARENTS] = { "parents", "Cha mẹ học sinh", "Parents",
	    parents_aliases },
	[ACT_STUDENTS] = { "students", "Học sinh", "Students",
	    students_aliases },
	[ACT_WORKERS] = { "workers", "Cán bộ, cộng tác viên dân số, gia đình "
	    "và trẻ em; người lao động", "Population, family and child "
	    "workers; employees", workers_aliases },
};

const struct act_kind_info act_kinds[ACT_KIND__MAX] = {
	{ "month_children", "Tháng hành động vì trẻ em (tháng 6)",
	    "Month of Action for Children (June)" },
	{ "gender_month", "Tháng hành động vì bình đẳng giới (15/11–15/12)",
	    "Gender Equality month (15 Nov – 15 Dec)" },
	{ "mid_autumn", "Tết Trung thu", "Mid-Autumn festival" },
	{ "children_forum", "Diễn đàn trẻ em", "Children's forum" },
	{ "parent_meeting", "Họp cha mẹ học sinh", "Parent meeting" },
	{ "communication", "Truyền thông, tuyên truyền", "Communication" },
	{ "training", "Tập huấn, bồi dưỡng", "Training" },
	{ "other", "Hoạt động khác", "Other" },
};

const char *const act_mode_codes[ACT_MODE__MAX + 1] = {
	"counts", "persons", NULL
};

const struct act_reach_ind_info act_reach_inds[ACT_REACH__MAX] = {
	[ACT_REACH_SCHOOL] = { "REACH_SCHOOL", (1u << ACT_STAFF) |
	    (1u << ACT_PARENTS) | (1u << ACT_STUDENTS) },
	[ACT_REACH_WORKERS] = { "REACH_WORKERS", 1u << ACT_WORKERS },
};

void
act_audience_text(unsigned audience, struct buf *out)
{
	int g;
	bool first = true;

	for (g = 0; g < ACT_GROUP__MAX; g++)
		if (audience & (1u << g)) {
			buf_printf(out, "%s%s", first ? "" : ",",
			    act_groups[g].code);
			first = false;
		}
}

bool
act_audience_from(const char *text, unsigned *out)
{
	unsigned a = 0;
	const char *p = text, *e;
	size_t n;
	int g;

	while (*p != '\0') {
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		for (g = 0; g < ACT_GROUP__MAX; g++)
			if (strlen(act_groups[g].code) == n &&
			    strncmp(act_groups[g].code, p, n) == 0)
				break;
		if (g == ACT_GROUP__MAX)
			return false;
		a |= 1u << g;
		p += n + (e != NULL);
	}
	*out = a;
	return true;
}

int
act_kind_find(const char *code)
{
	int i;

	for (i = 0; i < ACT_KIND__MAX; i++)
		if (code != NULL && strcmp(act_kinds[i].code, code) == 0)
			return i;
	return -1;
}

int
act_year(const struct activity *a)
{
	return (a->start_on[0] - '0') * 1000 + (a->start_on[1] - '0') * 100 +
	    (a->start_on[2] - '0') * 10 + (a->start_on[3] - '0');
}

static const struct field f_kind = { "kind", "Loại hoạt động", "Kind" };
static const struct field f_title = { "title", "Tên hoạt động", "Title" };
static const struct field f_start = { "start_on", "Ngày bắt đầu",
	"Start date" };
static const struct field f_end = { "end_on", "Ngày kết thúc", "End date" };
static const struct field f_aud = { "audience", "Đối tượng", "Audience" };
static const struct field f_mode = { "mode", "Cách ghi người tham dự",
	"How participants are recorded" };
static const struct field f_note = { "note", "Ghi chú", "Note" };

/* Years an activity may be in. */
#define ACT_YEAR_MIN	2000
#define ACT_YEAR_MAX	2100

static bool
year_ok(struct form_errors *errs, const struct field *f, const char *date)
{
	int y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 +
	    (date[2] - '0') * 10 + (date[3] - '0');

	if (y >= ACT_YEAR_MIN && y <= ACT_YEAR_MAX)
		return true;
	form_error(errs, f, "năm phải từ 2000 đến 2100.",
	    "the year must be between 2000 and 2100.");
	return false;
}

bool
act_parse(const struct act_form *in, struct activity *a,
    struct form_errors *errs)
{
	size_t before = errs->n;
	int g, mode;

	if (in->kind == NULL || in->kind[0] == '\0')
		form_error(errs, &f_kind, "cần chọn.", "required.");
	else if ((a->kind = act_kind_find(in->kind)) < 0)
		form_error(errs, &f_kind, "không có trong danh sách.",
		    "not one of the list.");
	(void)valid_text(errs, &f_title, in->title, true, ACT_TITLE_MAX,
	    a->title);
	if (valid_date(errs, &f_start, in->start_on, true, a->start_on))
		(void)year_ok(errs, &f_start, a->start_on);
	if (in->end_on == NULL || in->end_on[0] == '\0')
		memcpy(a->end_on, a->start_on, sizeof(a->end_on));
	else if (valid_date(errs, &f_end, in->end_on, true, a->end_on) &&
	    year_ok(errs, &f_end, a->end_on) && a->start_on[0] != '\0' &&
	    strcmp(a->end_on, a->start_on) < 0)
		form_error(errs, &f_end, "không được trước ngày bắt đầu.",
		    "must not be before the start date.");
	a->audience = 0;
	for (g = 0; g < ACT_GROUP__MAX; g++)
		if (in->aud[g] != NULL && in->aud[g][0] != '\0')
			a->audience |= 1u << g;
	if (a->audience == 0)
		form_error(errs, &f_aud, "cần chọn ít nhất một nhóm.",
		    "choose at least one group.");
	if (valid_choice(errs, &f_mode, in->mode, act_mode_codes, &mode))
		a->mode = (enum act_mode)mode;
	(void)valid_text(errs, &f_note, in->note, false, ACT_NOTE_MAX, a->note);
	return errs->n == before;
}

void
act_name_key(const char *name, char *out, size_t outsz)
{
	struct buf up = BUF_INIT, k = BUF_INIT;
	const char *p;
	bool space = false;

	str_upper_vi(name, &up);
	for (p = up.data; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t') {
			space = k.len > 0;
			continue;
		}
		if (space)
			buf_putc(&k, ' ');
		space = false;
		buf_putc(&k, *p);
	}
	snprintf(out, outsz, "%s", k.data);
	buf_release(&up);
	buf_release(&k);
}

/* The group named by s (code or alias, any case), or -1. */
static int
group_named(const char *s)
{
	char key[128], alias[128];
	int g;
	size_t i;

	act_name_key(s, key, sizeof(key));
	for (g = 0; g < ACT_GROUP__MAX; g++)
		for (i = 0; act_groups[g].aliases[i] != NULL; i++) {
			act_name_key(act_groups[g].aliases[i], alias,
			    sizeof(alias));
			if (strcmp(key, alias) == 0)
				return g;
		}
	return -1;
}

static int
sex_named(const char *s)
{
	static const struct {
		const char	*name;
		enum act_sex	 sex;
	} t[] = { { "NAM", ACT_M }, { "M", ACT_M }, { "MALE", ACT_M },
	    { "NỮ", ACT_F }, { "NU", ACT_F }, { "F", ACT_F },
	    { "FEMALE", ACT_F } };
	char key[64];
	size_t i;

	act_name_key(s, key, sizeof(key));
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(key, t[i].name) == 0)
			return (int)t[i].sex;
	return -1;
}

/* Split line at ';' or tab into at most 4 trimmed columns; how many. */
static int
columns(char *line, char **col)
{
	int n = 0;
	char *p = line;

	col[n++] = p;
	for (; *p != '\0'; p++)
		if ((*p == ';' || *p == '\t') && n < 4) {
			*p = '\0';
			col[n++] = p + 1;
		}
	for (int i = 0; i < n; i++)
		str_trim(col[i]);
	return n;
}

static void
line_error(struct form_errors *errs, const struct field *f, size_t line,
    const char *vi, const char *en)
{
	char mvi[200], men[200];

	snprintf(mvi, sizeof(mvi), "dòng %zu: %s", line, vi);
	snprintf(men, sizeof(men), "line %zu: %s", line, en);
	form_error(errs, f, mvi, men);
}

/* Parse one non-blank line into p; false (with a message) if bad. */
static bool
person_line(char *line, size_t lineno, unsigned audience,
    const struct field *f, struct act_person *p, struct form_errors *errs)
{
	char *col[4];
	int n = columns(line, col), g, s;

	if (n != 3) {
		line_error(errs, f, lineno, "cần 3 cột: họ tên; nhóm; giới tính.",
		    "3 columns are needed: name; group; sex.");
		return false;
	}
	if (col[0][0] == '\0' || utf8_len(col[0]) > ACT_NAME_MAX ||
	    !str_is_clean_utf8(col[0], strlen(col[0]))) {
		line_error(errs, f, lineno, "họ tên trống hoặc quá dài (tối đa "
		    "160 ký tự).", "the name is empty or too long (160 "
		    "characters at most).");
		return false;
	}
	if ((g = group_named(col[1])) < 0) {
		line_error(errs, f, lineno, "nhóm phải là cán bộ, phụ huynh, "
		    "học sinh hoặc người lao động.", "the group must be staff, "
		    "parents, students or workers.");
		return false;
	}
	if (!(audience & (1u << g))) {
		line_error(errs, f, lineno, "nhóm này không phải đối tượng của "
		    "hoạt động.", "this group is not an audience of the "
		    "activity.");
		return false;
	}
	if ((s = sex_named(col[2])) < 0) {
		line_error(errs, f, lineno, "giới tính phải là nam hoặc nữ.",
		    "the sex must be nam (male) or nữ (female).");
		return false;
	}
	snprintf(p->name, sizeof(p->name), "%s", col[0]);
	act_name_key(col[0], p->key, sizeof(p->key));
	p->group = (enum act_group)g;
	p->sex = (enum act_sex)s;
	return true;
}

size_t
act_parse_persons(const char *text, unsigned audience, const struct field *f,
    struct act_person **out, struct form_errors *errs)
{
	struct act_person *v = NULL;
	size_t n = 0, lineno = 0, len;
	const char *p = text != NULL ? text : "", *nl;
	char *line;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		line = xstrndup(p, len);
		p += len + (nl != NULL);
		lineno++;
		if (str_trim(line)[0] == '\0') {
			free(line);
			continue;
		}
		if (n == ACT_PERSONS_MAX) {
			line_error(errs, f, lineno, "quá 2000 người trong một "
			    "lần nhập.", "more than 2000 persons at once.");
			free(line);
			break;
		}
		v = xrealloc(v, (n + 1) * sizeof(*v));
		if (person_line(line, lineno, audience, f, &v[n], errs))
			n++;
		free(line);
	}
	*out = v;
	return n;
}

static int
by_person(const void *a, const void *b)
{
	const struct act_attendance *x = a, *y = b;

	return (x->person_id > y->person_id) - (x->person_id < y->person_id);
}

void
act_reach_compute(struct act_attendance *att, size_t natt,
    const struct act_counts *counts, size_t ncounts,
    const struct act_sizes *sizes, struct act_reach *r)
{
	size_t i;
	int g, s;

	memset(r, 0, sizeof(*r));
	r->size = *sizes;
	/* Distinct listed persons: each person once, whatever the number of
	 * activities they came to. */
	if (natt > 1)
		qsort(att, natt, sizeof(*att), by_person);
	for (i = 0; i < natt; i++)
		if (i == 0 || att[i].person_id != att[i - 1].person_id)
			r->listed[att[i].group][att[i].sex]++;
	/* Counted activities: the largest count, per group and sex. */
	for (i = 0; i < ncounts; i++)
		for (g = 0; g < ACT_GROUP__MAX; g++)
			for (s = 0; s < ACT_SEX__MAX; s++)
				if (counts[i].n[g][s] > r->counted[g][s])
					r->counted[g][s] = counts[i].n[g][s];
	for (g = 0; g < ACT_GROUP__MAX; g++)
		for (s = 0; s < ACT_SEX__MAX; s++) {
			int64_t v = r->listed[g][s] + r->counted[g][s];

			if (r->counted[g][s] > 0)
				r->estimated[g] = true;
			if (sizes->has[g] && v > sizes->n[g][s]) {
				v = sizes->n[g][s];
				r->capped[g] = true;
			}
			r->reached[g][s] = v;
		}
}

bool
act_reach_value(const struct act_reach *r, enum act_reach_ind i,
    struct act_value *out)
{
	int g;

	memset(out, 0, sizeof(*out));
	for (g = 0; g < ACT_GROUP__MAX; g++) {
		if (!(act_reach_inds[i].groups & (1u << g)))
			continue;
		if (!r->size.has[g])
			return false;
		out->num_m += r->reached[g][ACT_M];
		out->num_f += r->reached[g][ACT_F];
		out->den_m += r->size.n[g][ACT_M];
		out->den_f += r->size.n[g][ACT_F];
	}
	return out->den_m + out->den_f > 0;
}
