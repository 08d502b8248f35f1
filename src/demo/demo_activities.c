/*
 * demo_activities.c -- synthetic communication activities for the demo:
 * four schools of the District 8 office (seed 003, whose targets are the
 * reach of staff, parents and students) get, for 2023 to 2025, their group
 * sizes and the year's campaigns -- the Month of Action for Children in
 * June and the Mid-Autumn festival recorded as counts; a training, the
 * parent meeting, the children's forum and the Gender Equality month as
 * lists of persons, some of whom come to several of them.  Their reach
 * is then computed and written as the REACH_* values of those schools,
 * in place of the synthetic values demo_values.c drew.  Everything is
 * marked demo.
 */
#include <stdio.h>
#include <string.h>

#include "activities/activity_db.h"
#include "db/db.h"
#include "demo/demo_int.h"

struct rng {
	uint64_t	s;
};

static uint64_t
next(struct rng *g)
{
	g->s ^= g->s << 13;
	g->s ^= g->s >> 7;
	g->s ^= g->s << 17;
	return g->s;
}

/* A number in [lo, hi]. */
static int64_t
between(struct rng *g, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(next(g) % (uint64_t)(hi - lo + 1));
}

static const char *const surnames[] = { "Nguyễn", "Trần", "Lê", "Phạm",
	"Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
	"Ngô", "Dương", "Lý" };
static const char *const middles_m[] = { "Văn", "Minh", "Quốc", "Hữu",
	"Đức", "Thanh", "Gia" };
static const char *const middles_f[] = { "Thị", "Ngọc", "Thu", "Minh",
	"Thanh", "Bảo", "Kim" };
static const char *const givens_m[] = { "An", "Bình", "Cường", "Dũng",
	"Hải", "Hùng", "Khang", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tài",
	"Thắng", "Trung", "Vinh" };
static const char *const givens_f[] = { "Anh", "Châu", "Dung", "Giang",
	"Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "My", "Ngân", "Nhung",
	"Oanh", "Trang", "Yến" };

#define N(a)	(sizeof(a) / sizeof(a[0]))

/*
 * The k-th person of a group in a school: the same k gives the same
 * name, so a person drawn for two activities is one person.
 */
static void
person(int64_t unit_id, enum act_group grp, int k, struct act_person *p)
{
	struct rng g = { 0x2545F4914F6CDD1Dull ^ ((uint64_t)unit_id << 20) ^
	    ((uint64_t)grp << 16) ^ (uint64_t)k };
	bool female;

	next(&g);
	female = next(&g) % 100 < (grp == ACT_STAFF ? 75 : 52);
	snprintf(p->name, sizeof(p->name), "%s %s %s (%d)",
	    surnames[next(&g) % N(surnames)], female ?
	    middles_f[next(&g) % N(middles_f)] : middles_m[next(&g) %
	    N(middles_m)], female ? givens_f[next(&g) % N(givens_f)] :
	    givens_m[next(&g) % N(givens_m)], k + 1);
	act_name_key(p->name, p->key, sizeof(p->key));
	p->group = grp;
	p->sex = female ? ACT_F : ACT_M;
}

static const char *const schools[] = { "DEMO-Q8-01", "DEMO-Q8-02",
	"DEMO-Q8-03", "DEMO-Q8-04" };

/* One activity of the year: kind, title (%d: the year), dates (MM-DD),
 * audience, and who came: counts as a share of each group (by mille), or
 * a list of the first n persons of a group from person number first. */
static const struct {
	const char	*kind;
	const char	*title;
	const char	*from, *to;
	unsigned	 audience;
	enum act_mode	 mode;
	int		 share[ACT_GROUP__MAX];	/* counts: per mille */
	enum act_group	 grp;			/* persons */
	int		 first, n;
} plan[] = {
	{ "training", "Tập huấn phòng, chống xâm hại trẻ em năm %d",
	    "03-15", "03-15", 1u << ACT_STAFF, ACT_MODE_PERSONS, { 0 },
	    ACT_STAFF, 0, 16 },
	{ "month_children", "Tháng hành động vì trẻ em năm %d", "06-01",
	    "06-30", (1u << ACT_STAFF) | (1u << ACT_PARENTS) |
	    (1u << ACT_STUDENTS), ACT_MODE_COUNTS, { 300, 220, 380, 0 },
	    ACT_STAFF, 0, 0 },
	{ "mid_autumn", "Vui Tết Trung thu năm %d", "09-14", "09-14",
	    (1u << ACT_PARENTS) | (1u << ACT_STUDENTS), ACT_MODE_COUNTS,
	    { 0, 150, 420, 0 }, ACT_STAFF, 0, 0 },
	{ "parent_meeting", "Họp cha mẹ học sinh đầu năm học %d", "09-20",
	    "09-20", 1u << ACT_PARENTS, ACT_MODE_PERSONS, { 0 }, ACT_PARENTS,
	    0, 90 },
	{ "children_forum", "Diễn đàn trẻ em năm %d", "10-10", "10-10",
	    1u << ACT_STUDENTS, ACT_MODE_PERSONS, { 0 }, ACT_STUDENTS, 0, 40 },
	{ "gender_month", "Tháng hành động vì bình đẳng giới năm %d",
	    "11-15", "12-15", (1u << ACT_STAFF) | (1u << ACT_WORKERS),
	    ACT_MODE_PERSONS, { 0 }, ACT_STAFF, 6, 16 },
	{ "communication", "Truyền thông bình đẳng giới cho người lao động "
	    "năm %d", "11-20", "11-20", 1u << ACT_WORKERS, ACT_MODE_PERSONS,
	    { 0 }, ACT_WORKERS, 0, 20 },
};

static enum err
one_year(struct db *db, int64_t unit, int year, struct rng *g)
{
	struct act_written w[ACT_REACH__MAX];
	struct act_reach reach;
	struct act_person p[100];
	struct act_sizes sz;
	struct act_counts c;
	struct activity a;
	double grow = 0.85 + 0.12 * (year - 2023);
	size_t added, i;
	enum err e;
	int k, n, s, grp;

	memset(&sz, 0, sizeof(sz));
	for (grp = 0; grp < ACT_GROUP__MAX; grp++)
		sz.has[grp] = true;
	sz.n[ACT_STAFF][ACT_M] = between(g, 8, 14);
	sz.n[ACT_STAFF][ACT_F] = between(g, 32, 48);
	sz.n[ACT_PARENTS][ACT_M] = between(g, 240, 420);
	sz.n[ACT_PARENTS][ACT_F] = between(g, 260, 460);
	sz.n[ACT_STUDENTS][ACT_M] = between(g, 260, 480);
	sz.n[ACT_STUDENTS][ACT_F] = between(g, 250, 470);
	sz.n[ACT_WORKERS][ACT_M] = between(g, 8, 14);
	sz.n[ACT_WORKERS][ACT_F] = between(g, 12, 20);
	if ((e = act_db_set_sizes(db, unit, year, &sz, true, 0)) != ERR_OK)
		return e;
	for (i = 0; i < N(plan); i++) {
		memset(&a, 0, sizeof(a));
		a.unit_id = unit;
		a.kind = act_kind_find(plan[i].kind);
		snprintf(a.title, sizeof(a.title), plan[i].title, year);
		snprintf(a.start_on, sizeof(a.start_on), "%d-%s", year,
		    plan[i].from);
		snprintf(a.end_on, sizeof(a.end_on), "%d-%s", year, plan[i].to);
		a.audience = plan[i].audience;
		a.mode = plan[i].mode;
		a.demo = true;
		if ((e = act_db_insert(db, &a, 0)) != ERR_OK)
			return e;
		if (a.mode == ACT_MODE_COUNTS) {
			memset(&c, 0, sizeof(c));
			for (grp = 0; grp < ACT_GROUP__MAX; grp++)
				for (s = 0; s < ACT_SEX__MAX; s++)
					c.n[grp][s] = (int64_t)((double)sz.n[grp][s] *
					    plan[i].share[grp] / 1000.0 * grow) +
					    between(g, 0, 5);
			e = act_db_set_counts(db, a.id, a.audience, &c, 0);
		} else {
			n = (int)(plan[i].n * grow);
			if (n > (int)N(p))
				n = (int)N(p);
			/* Mostly the same people each year, a few new. */
			for (k = 0; k < n; k++)
				person(unit, plan[i].grp, plan[i].first + k +
				    (year - 2023) * 3, &p[k]);
			e = act_db_add_persons(db, &a, p, (size_t)n, 0, &added);
		}
		if (e != ERR_OK)
			return e;
	}
	return act_db_write_reach(db, unit, year, 0, &reach, w);
}

enum err
demo_activities(struct db *db, struct buf *errmsg)
{
	struct rng g = { 0x853C49E6748FEA9Bull };
	int64_t unit;
	enum err e = ERR_OK;
	size_t i;
	int y;

	for (i = 0; i < N(schools) && e == ERR_OK; i++) {
		if ((e = demo_unit_id(db, schools[i], &unit)) != ERR_OK)
			break;
		for (y = 2023; y <= 2025 && e == ERR_OK; y++)
			e = one_year(db, unit, y, &g);
	}
	if (e != ERR_OK)
		buf_printf(errmsg, "demo activities: %s", err_name(e));
	return e;
}
