/*
 * demo_register.c -- synthetic children for the demo database.
 *
 * Four demo schools keep a register over the school years 2021-2022 to
 * 2025-2026: TH&THCS Nguyễn Trung Trực (grades 1-9), MN Hương Lưu (the
 * four preschool groups) and two Hà Nội primary schools that exchange a
 * few pupils by transfer inside vitre.  Each year a new intake enters the
 * lowest grade; at the end of a year children are promoted, a few repeat,
 * the last grade completes the level; during a year a few drop out or move
 * away.  2025-2026 is left in progress (studying), ready for a year-end
 * rollover.  Some children have a disability, a special circumstance, a
 * poor household, many absences; consents are partly missing.
 *
 * Everything is drawn from the fixed-seed generator demo_uniform(), so
 * the same database comes out every time; names are combinations of
 * common Vietnamese family, middle and given names; no personal ID or
 * phone number is made up, and learner codes start with "DEMO".  A few
 * children are pinned (fixed names, classes and data) for the tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "db/db.h"
#include "demo/demo_int.h"
#include "indicators/period.h"
#include "register/namefold.h"
#include "register/register_db.h"

#define YEARS	5
static const char *const year_codes[YEARS] = { "2021-2022", "2022-2023",
	"2023-2024", "2024-2025", "2025-2026" };

static int
pick(struct demo_rng *g, int n)
{
	int k = (int)(demo_uniform(g) * n);

	return k < n ? k : n - 1;
}

#define N(a)	((int)(sizeof(a) / sizeof((a)[0])))

static const char *const families[] = { "Nguyễn", "Trần", "Lê", "Phạm",
	"Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
	"Ngô", "Dương", "Lý" };
static const char *const middles_m[] = { "Văn", "Minh", "Đức", "Quốc",
	"Gia", "Hoàng", "Thành", "Anh", "Hữu", "Bảo" };
static const char *const middles_f[] = { "Thị", "Ngọc", "Thu", "Khánh",
	"Bảo", "Minh", "Phương", "Thanh", "Mỹ", "Kim" };
static const char *const givens_m[] = { "An", "Bình", "Cường", "Dũng",
	"Đạt", "Hải", "Hiếu", "Huy", "Khang", "Khoa", "Long", "Nam", "Phúc",
	"Quân", "Sơn", "Tài", "Thắng", "Trung", "Tuấn", "Vinh", "Kiệt", "Lộc" };
static const char *const givens_f[] = { "An", "Anh", "Chi", "Diệp",
	"Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "My",
	"Ngân", "Nhi", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Vy",
	"Yến" };
static const char *const places[] = { "Tổ 1, khu phố 2", "Tổ 4, khu phố 1",
	"Ấp 3", "Thôn Đông", "Thôn Tây", "Xóm Mới", "Tổ 7, khu phố 5" };

/* A demo school and how its register is drawn. */
struct dschool {
	const char	*code;
	int		 lo, hi;		/* grades */
	int		 per_class;
	const char	*minority;		/* an ethnicity code besides Kinh */
	double		 minority_rate;
	int		 pair;			/* index of the exchange school */
	int64_t		 id;
};

static struct dschool schools[] = {
	{ "TH-THCS-NTT-PQ", 1, 9, 22, "05", 0.10, -1, 0 },
	{ "MN-HUONGLUU", -3, 0, 18, NULL, 0, -1, 0 },
	{ "DEMO-HD-02", 1, 5, 15, "04", 0.05, 3, 0 },
	{ "DEMO-HD-05", 1, 5, 15, "02", 0.05, 2, 0 },
};

/* A child of the simulation. */
struct kid {
	int64_t		 id;
	int		 school;	/* index into schools[] */
	int		 grade;
	bool		 active;	/* enrolled at the school this year */
	bool		 pinned;	/* no random event */
	struct enrolment e;		/* this year's enrolment */
};

struct sim {
	struct db	*db;
	struct demo_rng	 g;
	struct period	 years[YEARS];
	struct kid	*k;
	size_t		 n, cap;
	int		 serial;
};

/* "YYYY-MM-DD" of numbers known to fit. */
static void
ymd(char out[11], int y, int m, int d)
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
}

static void
class_name(int grade, char *out, size_t size)
{
	static const char *const pre[] = { "Nhà trẻ 1", "Mầm 1", "Chồi 1",
	    "Lá 1" };

	if (grade <= 0)
		snprintf(out, size, "%s", pre[grade + 3]);
	else
		snprintf(out, size, "%dA", grade);
}

/* A day of year y: offset days after 1 September (no later than May). */
static void
day_of(const struct period *y, int offset, char out[11])
{
	static const int mdays[] = { 30, 31, 30, 31, 31, 28, 31, 30, 31 };
	static const int months[] = { 9, 10, 11, 12, 1, 2, 3, 4, 5 };
	int start = 0, m = 0, d;

	(void)sscanf(y->start_on, "%4d", &start);
	offset %= 270;
	while (offset >= mdays[m]) {
		offset -= mdays[m];
		m++;
	}
	d = offset + 1;
	ymd(out, months[m] >= 9 ? start : start + 1, months[m], d);
}

static enum err
add_guardians(struct sim *s, int64_t id, const char *family)
{
	struct guardian g[2];
	size_t n = 1;

	memset(g, 0, sizeof(g));
	g[0].seq = 1;
	g[0].relation = GUARDIAN_MOTHER;
	snprintf(g[0].full_name, sizeof(g[0].full_name), "%s Thị %s",
	    families[pick(&s->g, N(families))], givens_f[pick(&s->g,
	    N(givens_f))]);
	snprintf(g[0].address, sizeof(g[0].address), "%s",
	    places[pick(&s->g, N(places))]);
	if (demo_uniform(&s->g) < 0.6) {
		g[1].seq = 2;
		g[1].relation = GUARDIAN_FATHER;
		snprintf(g[1].full_name, sizeof(g[1].full_name), "%s %s %s",
		    family, middles_m[pick(&s->g, N(middles_m))],
		    givens_m[pick(&s->g, N(givens_m))]);
		n = 2;
	} else if (demo_uniform(&s->g) < 0.3)
		g[0].relation = GUARDIAN_GRANDPARENT;
	return guardians_put(s->db, id, g, n);
}

static enum err
add_consents(struct sim *s, int64_t id, const char *birth, const char *on)
{
	static const enum consent_purpose ps[] = { CONSENT_CARE,
	    CONSENT_SHARE, CONSENT_PHOTO, CONSENT_PUBLISH };
	static const double guardian_rate[] = { 0.85, 0.7, 0.55, 0.4 };
	struct consent c;
	enum err e = ERR_OK;
	size_t i;
	bool child = child_age_on(birth, on) >= CONSENT_CHILD_AGE;

	for (i = 0; i < 4 && e == ERR_OK; i++) {
		memset(&c, 0, sizeof(c));
		c.child_id = id;
		c.purpose = ps[i];
		c.state = demo_uniform(&s->g) < 0.93 ? CONSENT_GIVEN : CONSENT_REFUSED;
		memcpy(c.on_date, on, 11);
		c.recorded_at = 1;
		if (demo_uniform(&s->g) < guardian_rate[i]) {
			c.who = CONSENT_GUARDIAN;
			e = consent_insert(s->db, &c, NULL);
		}
		if (e == ERR_OK && child && demo_uniform(&s->g) < guardian_rate[i] /
		    2) {
			c.who = CONSENT_CHILD;
			e = consent_insert(s->db, &c, NULL);
		}
	}
	return e;
}

/* Sensitive extras: a disability, a special circumstance. */
static enum err
add_extras(struct sim *s, int64_t id, const char *on, bool dis, int circ)
{
	static const char *const common[] = { "a", "c", "d", "n", "h", "i",
	    "đ", "e" };
	struct disability d;
	struct circumstance c;
	enum err e = ERR_OK;

	if (dis) {
		memset(&d, 0, sizeof(d));
		d.kind = (enum dis_kind)pick(&s->g, DIS_KIND__MAX);
		d.severity = (enum dis_severity)pick(&s->g, DIS_SEV__MAX);
		d.learning_needs = demo_uniform(&s->g) < 0.85;
		d.education = demo_uniform(&s->g) < 0.9 ? DIS_EDU_INCLUSIVE :
		    DIS_EDU_SPECIAL;
		d.rehab_support = demo_uniform(&s->g) < 0.4;
		memcpy(d.since, on, 11);
		e = disability_put(s->db, id, &d);
	}
	if (e == ERR_OK && circ >= 0) {
		memset(&c, 0, sizeof(c));
		c.child_id = id;
		c.group = circ_group_find(common[circ % N(common)]);
		if (strcmp(circ_groups[c.group].letter, "a") == 0)
			snprintf(c.sub_group, sizeof(c.sub_group), "3");
		memcpy(c.from_on, on, 11);
		e = circumstance_insert(s->db, &c, NULL);
	}
	return e;
}

/* A pinned child: fixed name, sex, extras (for the tests and the tour). */
struct pin {
	const char	*name;
	enum child_sex	 sex;
	int		 school, year, grade;
	bool		 dis;
	int		 circ;		/* index into add_extras' list; -1 */
	const char	*ethnicity;
};

static const struct pin pins[] = {
	{ "Nguyễn Văn An", CHILD_SEX_M, 0, 0, 3, false, -1, "01" },
	{ "Đặng Thị Hà", CHILD_SEX_F, 0, 0, 4, false, -1, "01" },
	{ "Lê Minh Khôi", CHILD_SEX_M, 0, 2, 1, true, 0, "05" },
	{ "Phạm Thu Trang", CHILD_SEX_F, 0, 1, 1, true, 3, "06" },
};

/* A new child at school sc, grade g, entering year y (index). */
static enum err
new_kid(struct sim *s, int sc, int y, int grade, const struct pin *pin,
    int64_t *id)
{
	const struct dschool *ds = &schools[sc];
	struct child c;
	char family[32], on[11];
	int start = 2021 + y, late = demo_uniform(&s->g) < 0.12;
	enum err e;

	memset(&c, 0, sizeof(c));
	c.sex = pin ? pin->sex : (enum child_sex)pick(&s->g, 2);
	snprintf(family, sizeof(family), "%s", families[pick(&s->g,
	    N(families))]);
	if (pin != NULL)
		snprintf(c.full_name, sizeof(c.full_name), "%s", pin->name);
	else
		snprintf(c.full_name, sizeof(c.full_name), "%s %s %s", family,
		    c.sex == CHILD_SEX_F ? middles_f[pick(&s->g, N(middles_f))] :
		    middles_m[pick(&s->g, N(middles_m))], c.sex == CHILD_SEX_F ?
		    givens_f[pick(&s->g, N(givens_f))] : givens_m[pick(&s->g,
		    N(givens_m))]);
	namefold(c.full_name, c.name_key, sizeof(c.name_key));
	ymd(c.birth_date, start - grade - 5 - (pin ? 0 : late),
	    1 + pick(&s->g, 12), 1 + pick(&s->g, 28));
	if (pin != NULL)
		snprintf(c.ethnicity, sizeof(c.ethnicity), "%s", pin->ethnicity);
	else
		snprintf(c.ethnicity, sizeof(c.ethnicity), "%s", ds->minority &&
		    demo_uniform(&s->g) < ds->minority_rate ? ds->minority : "01");
	snprintf(c.learner_code, sizeof(c.learner_code), "DEMO-%06d",
	    ++s->serial);
	snprintf(c.address, sizeof(c.address), "%s",
	    places[pick(&s->g, N(places))]);
	c.household = demo_uniform(&s->g) < 0.08 ? CHILD_HH_POOR :
	    demo_uniform(&s->g) < 0.09 ? CHILD_HH_NEAR_POOR : CHILD_HH_NONE;
	c.demo = true;
	if ((e = child_insert(s->db, &c, id)) != ERR_OK ||
	    (e = add_guardians(s, *id, family)) != ERR_OK)
		return e;
	memcpy(on, s->years[y].start_on, 11);
	if ((e = add_consents(s, *id, c.birth_date, on)) != ERR_OK)
		return e;
	if (pin != NULL)
		return add_extras(s, *id, on, pin->dis, pin->circ);
	return add_extras(s, *id, on, demo_uniform(&s->g) < 0.025,
	    demo_uniform(&s->g) < 0.03 ? pick(&s->g, 8) : -1);
}

static struct kid *
kid_add(struct sim *s)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 512;
		s->k = xrealloc(s->k, s->cap * sizeof(*s->k));
	}
	memset(&s->k[s->n], 0, sizeof(s->k[s->n]));
	return &s->k[s->n++];
}

/* Enrol kid k for year y with status st from the day on. */
static enum err
enrol(struct sim *s, struct kid *k, int y, enum enrol_status st,
    const char *on, int64_t from_unit, const char *from_school)
{
	struct enrolment *e = &k->e;

	memset(e, 0, sizeof(*e));
	e->child_id = k->id;
	e->unit_id = schools[k->school].id;
	e->period_id = s->years[y].id;
	class_name(k->grade, e->class_name, sizeof(e->class_name));
	e->grade = k->grade;
	e->status = st;
	memcpy(e->entered_on, on, 11);
	memcpy(e->status_on, on, 11);
	e->from_unit_id = from_unit;
	snprintf(e->from_school, sizeof(e->from_school), "%s", from_school);
	e->dropout_reason = DROPOUT__MAX;
	e->demo = true;
	k->active = true;
	return enrolment_insert(s->db, e, 0, &e->id);
}

static enum err
absences(struct sim *s, struct kid *k, bool heavy)
{
	struct absence a;
	enum err e = ERR_OK;
	int t;

	for (t = 1; t <= 2 && e == ERR_OK; t++) {
		a.term = t;
		a.excused = pick(&s->g, heavy ? 12 : 4);
		a.unexcused = heavy ? 3 + pick(&s->g, 10) :
		    demo_uniform(&s->g) < 0.1 ? pick(&s->g, 3) : 0;
		e = absence_put(s->db, k->e.id, &a);
	}
	return e;
}

/* Start of year y: intake, then every active child's enrolment. */
static enum err
year_start(struct sim *s, int y)
{
	const struct period *p = &s->years[y];
	enum err e = ERR_OK;
	size_t i, first_new = s->n;
	int sc, g, c;

	for (sc = 0; sc < N(schools); sc++) {
		const struct dschool *ds = &schools[sc];

		for (g = ds->lo; g <= (y == 0 ? ds->hi : ds->lo); g++)
			for (c = 0; c < ds->per_class; c++) {
				struct kid *k = kid_add(s);

				k->school = sc;
				k->grade = g;
				if ((e = new_kid(s, sc, y, g, NULL, &k->id)) !=
				    ERR_OK)
					return e;
			}
	}
	for (i = 0; i < sizeof(pins) / sizeof(pins[0]); i++) {
		struct kid *k;

		if (pins[i].year != y)
			continue;
		k = kid_add(s);
		k->school = pins[i].school;
		k->grade = pins[i].grade;
		k->pinned = true;
		if ((e = new_kid(s, k->school, y, k->grade, &pins[i],
		    &k->id)) != ERR_OK)
			return e;
	}
	for (i = 0; i < s->n && e == ERR_OK; i++) {
		struct kid *k = &s->k[i];

		if (i < first_new && !k->active)
			continue;
		if ((e = enrol(s, k, y, ENROL_STUDYING, p->start_on, 0, "")) ==
		    ERR_OK)
			e = absences(s, k, !k->pinned && demo_uniform(&s->g) < 0.03);
	}
	/* One newcomer per school from outside vitre, in October. */
	for (sc = 0; sc < N(schools) && e == ERR_OK; sc++) {
		struct kid *k = kid_add(s);
		char on[11];

		k->school = sc;
		k->grade = schools[sc].lo + pick(&s->g, schools[sc].hi -
		    schools[sc].lo + 1);
		day_of(p, 35 + pick(&s->g, 20), on);
		if ((e = new_kid(s, sc, y, k->grade, NULL, &k->id)) == ERR_OK)
			e = enrol(s, k, y, ENROL_TRANSFERRED_IN, on, 0,
			    "Trường ở tỉnh khác (ngoài vitre)");
	}
	return e;
}

/* During year y: a few drop out, move away, or move to the pair school. */
static enum err
year_events(struct sim *s, int y)
{
	const struct period *p = &s->years[y];
	enum err e = ERR_OK;
	size_t i, n = s->n;

	for (i = 0; i < n && e == ERR_OK; i++) {
		struct kid *k = &s->k[i];
		double u;
		char on[11];

		if (!k->active || k->pinned)
			continue;
		u = demo_uniform(&s->g);
		day_of(p, 40 + pick(&s->g, 200), on);
		if (strcmp(on, k->e.entered_on) <= 0)
			continue;
		if (u < 0.006 && k->grade >= 1) {
			k->e.status = ENROL_DROPPED_OUT;
			memcpy(k->e.status_on, on, 11);
			k->e.dropout_reason = (enum dropout_reason)pick(&s->g,
			    DROPOUT__MAX);
			k->active = false;
			e = enrolment_update(s->db, &k->e, 0, "");
		} else if (u < 0.014) {
			int pair = schools[k->school].pair;
			struct kid *moved;

			k->e.status = ENROL_TRANSFERRED_OUT;
			memcpy(k->e.status_on, on, 11);
			k->active = false;
			if (pair < 0) {
				snprintf(k->e.to_school, sizeof(k->e.to_school),
				    "Trường ở tỉnh khác (ngoài vitre)");
				e = enrolment_update(s->db, &k->e, 0, "");
				continue;
			}
			k->e.to_unit_id = schools[pair].id;
			if ((e = enrolment_update(s->db, &k->e, 0, "")) != ERR_OK)
				break;
			moved = kid_add(s);
			k = &s->k[i];	/* kid_add() may move the array */
			moved->id = k->id;
			moved->school = pair;
			moved->grade = k->grade;
			e = enrol(s, moved, y, ENROL_TRANSFERRED_IN, on,
			    schools[k->school].id, "");
		}
	}
	return e;
}

/* End of year y: completed, repeated or promoted. */
static enum err
year_end(struct sim *s, int y)
{
	const struct period *p = &s->years[y];
	enum err e = ERR_OK;
	size_t i;

	for (i = 0; i < s->n && e == ERR_OK; i++) {
		struct kid *k = &s->k[i];
		const struct dschool *ds = &schools[k->school];

		if (!k->active)
			continue;
		memcpy(k->e.status_on, p->ref_on, 11);
		if (k->grade == ds->hi || (k->grade == 5 && ds->hi == 9)) {
			k->e.status = ENROL_COMPLETED;
			k->active = k->grade != ds->hi;
			k->grade++;
		} else if (!k->pinned && demo_uniform(&s->g) < 0.02) {
			k->e.status = ENROL_REPEATED;
		} else {
			k->e.status = ENROL_PROMOTED;
			k->grade++;
		}
		e = enrolment_update(s->db, &k->e, 0, "");
	}
	return e;
}

/* The demo teacher of TH&THCS Nguyễn Trung Trực teaches 3A in 2025-2026. */
static enum err
teacher_class(struct sim *s)
{
	struct db_stmt *st = db_stmt(s->db, "INSERT INTO class_teacher"
	    " (user_id, unit_id, period_id, class_name)"
	    " SELECT id, ?, ?, '3A' FROM app_user WHERE username = 'gv.ntt'");

	db_bind_int(st, 1, schools[0].id);
	db_bind_int(st, 2, s->years[YEARS - 1].id);
	return db_run(st);
}

enum err
demo_register(struct db *db, struct buf *errmsg)
{
	struct sim s;
	enum err e = ERR_OK;
	int i, y;

	memset(&s, 0, sizeof(s));
	s.db = db;
	s.g.s = 0x2545F4914F6CDD1Dull;
	for (i = 0; i < N(schools); i++)
		if ((e = demo_unit_id(db, schools[i].code, &schools[i].id)) !=
		    ERR_OK) {
			buf_printf(errmsg, "demo register: no school %s",
			    schools[i].code);
			return e;
		}
	for (y = 0; y < YEARS; y++)
		if ((e = period_get_by_code(db, year_codes[y], &s.years[y])) !=
		    ERR_OK) {
			buf_printf(errmsg, "demo register: no period %s",
			    year_codes[y]);
			return e;
		}
	for (y = 0; y < YEARS && e == ERR_OK; y++) {
		if ((e = year_start(&s, y)) == ERR_OK)
			e = year_events(&s, y);
		if (e == ERR_OK && y < YEARS - 1)
			e = year_end(&s, y);
	}
	if (e == ERR_OK)
		e = teacher_class(&s);
	if (e != ERR_OK)
		buf_printf(errmsg, "demo register: %s", err_name(e));
	free(s.k);
	return e;
}
