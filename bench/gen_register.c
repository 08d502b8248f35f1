/*
 * gen_register.c -- the register benchmark's data, over the synthetic
 * province of gen_province.c (1,500 schools: kindergartens, primary,
 * lower-secondary, primary and lower-secondary).
 *
 *	gen_register csv DB OUT.csv YEAR N
 *		a school list of N children for school year YEAR-(YEAR+1)
 *		over every school of DB, in the template's columns (with a
 *		school code column), as schools write it: dd/mm/yyyy dates,
 *		Nam/Nữ, ethnic group names, 12-digit personal IDs, parents
 *		and phones, a few disabilities.  No duplicates.
 *	gen_register history DB YEAR YEARS
 *		from the enrolments of YEAR-(YEAR+1) already in DB, YEARS more
 *		school years as a register would have them: at each year end
 *		children are promoted (most), repeat, drop out, complete
 *		grade 5 / 9 / the kindergarten, and the next year's rows are
 *		written at the same school (or the next level's school of the
 *		same district), with a new intake of first graders and
 *		nursery children each year.  Written with plain SQL: this is
 *		test data, not a path users take.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/strutil.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/migrate.h"
#include "register/namefold.h"

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)((rng >> 11) % n);
}

static const char *const family[] = { "Nguyễn", "Trần", "Lê", "Phạm",
	"Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
	"Dương", "Lý", "Lò", "Hà", "Đinh", "Lương" };
static const char *const middle_m[] = { "Văn", "Hữu", "Đức", "Minh",
	"Quang", "Công", "Thành", "Gia", "Bảo", "Anh" };
static const char *const middle_f[] = { "Thị", "Ngọc", "Thu", "Minh",
	"Thanh", "Kim", "Bảo", "Gia", "Phương", "Khánh" };
static const char *const given_m[] = { "An", "Bình", "Cường", "Dũng",
	"Đạt", "Hải", "Hiếu", "Hùng", "Khang", "Khoa", "Long", "Minh", "Nam",
	"Nhật", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Trung", "Tuấn", "Việt",
	"Vinh", "Vũ", "Duy", "Huy", "Kiên", "Lâm", "Phong", "Tâm" };
static const char *const given_f[] = { "Anh", "Chi", "Dung", "Giang", "Hà",
	"Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "My", "Ngân",
	"Ngọc", "Nhi", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang",
	"Uyên", "Vân", "Vy", "Yến", "Diệp", "Hiền", "Thư", "Trâm" };
static const char *const ethnic[] = { "Kinh", "Kinh", "Kinh", "Kinh", "Kinh",
	"Kinh", "Kinh", "Kinh", "Tày", "Thái", "Mường", "Khơ-me", "Hoa", "Nùng",
	"Mông", "Dao" };
static const char *const dis[] = { "vận động", "nghe, nói", "nhìn", "trí tuệ",
	"khác" };

#define N(a)	(sizeof(a) / sizeof((a)[0]))

struct school {
	int64_t		 id;
	char		 code[32];
	char		 kind[12];
	int		 lo, hi;	/* grades */
};

static struct school *
load_schools(struct db *db, size_t *n)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, code, kind FROM unit"
	    " WHERE kind IN ('mn', 'th', 'thcs', 'th_thcs') ORDER BY id");
	struct school *s = NULL;
	size_t cap = 0;

	*n = 0;
	while (db_step(st) == DB_ROW) {
		struct school *x;

		if (*n == cap) {
			cap = cap ? cap * 2 : 2048;
			s = xrealloc(s, cap * sizeof(*s));
		}
		x = &s[(*n)++];
		x->id = db_col_int(st, 0);
		snprintf(x->code, sizeof(x->code), "%s", db_col_text(st, 1));
		snprintf(x->kind, sizeof(x->kind), "%s", db_col_text(st, 2));
		if (strcmp(x->kind, "mn") == 0)
			x->lo = -3, x->hi = 0;
		else if (strcmp(x->kind, "th") == 0)
			x->lo = 1, x->hi = 5;
		else if (strcmp(x->kind, "thcs") == 0)
			x->lo = 6, x->hi = 9;
		else
			x->lo = 1, x->hi = 9;
	}
	db_done(st);
	return s;
}

/* A class name for a grade: "3A", "Lá 2", "Nhà trẻ 1". */
static void
class_name(int grade, int k, char *out, size_t size)
{
	static const char *const pre[] = { "Nhà trẻ", "Mầm", "Chồi", "Lá" };

	if (grade <= 0)
		snprintf(out, size, "%s %d", pre[grade + 3], k + 1);
	else
		snprintf(out, size, "%d%c", grade, 'A' + k);
}

/* Open hash set of 64-bit keys (no duplicates in the list). */
static uint64_t *seen;
static size_t seen_cap;

static bool
seen_add(uint64_t h)
{
	size_t i;

	h |= 1;
	for (i = h & (seen_cap - 1); seen[i] != 0; i = (i + 1) & (seen_cap - 1))
		if (seen[i] == h)
			return false;
	seen[i] = h;
	return true;
}

static uint64_t
fnv(const char *s, uint64_t h)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

static int
gen_csv(struct db *db, const char *out, int year, long n)
{
	struct school *s;
	size_t ns, i;
	FILE *f = fopen(out, "w");
	long k, per;
	unsigned pidseq[2][40];

	if (f == NULL)
		return 1;
	s = load_schools(db, &ns);
	if (ns == 0) {
		fprintf(stderr, "gen_register: no schools in the database\n");
		return 1;
	}
	seen_cap = 1;
	while (seen_cap < (size_t)n * 4)
		seen_cap *= 2;
	seen = xcalloc(seen_cap, sizeof(*seen));
	memset(pidseq, 0, sizeof(pidseq));
	fputs("\xef\xbb\xbfMã trường,STT,Họ và tên,Giới tính,Ngày sinh,Dân tộc,"
	    "Số định danh cá nhân,Lớp,Khối,Địa chỉ,Họ tên cha,Số điện thoại "
	    "cha,Họ tên mẹ,Số điện thoại mẹ,Khuyết tật,Có nhu cầu học tập,"
	    "Hình thức giáo dục\r\n", f);
	per = n / (long)ns;
	for (k = 0; k < n; k++) {
		const struct school *sc = &s[(size_t)k / (size_t)per < ns ?
		    (size_t)k / (size_t)per : ns - 1];
		int female = (int)rnd(2), grade, by, bm, bd, over;
		char name[128], cls[32], key[200];
		const char *fam = family[rnd(N(family))];

		grade = sc->lo + (int)rnd((uint32_t)(sc->hi - sc->lo + 1));
		over = rnd(20) == 0;
		by = year - grade - 5 - over;
		do {
			bm = 1 + (int)rnd(12);
			bd = 1 + (int)rnd(28);
			snprintf(name, sizeof(name), "%s %s %s", fam, female ?
			    middle_f[rnd(N(middle_f))] : middle_m[rnd(N(middle_m))],
			    female ? given_f[rnd(N(given_f))] :
			    given_m[rnd(N(given_m))]);
			snprintf(key, sizeof(key), "%s|%s|%d-%d-%d", sc->code,
			    name, by, bm, bd);
		} while (!seen_add(fnv(key, 1469598103934665603ull)));
		class_name(grade, (int)rnd(grade <= 0 ? 3 : 4), cls, sizeof(cls));
		fprintf(f, "%s,%ld,%s,%s,%02d/%02d/%d,%s,", sc->code, k + 1, name,
		    female ? "Nữ" : "Nam", bd, bm, by, ethnic[rnd(N(ethnic))]);
		/* Personal ID: province, century and sex, year, sequence. */
		if (rnd(10) != 0)
			fprintf(f, "0%02u%c%02d%06u", 1 + rnd(96),
			    '0' + 2 * ((by - 1900) / 100) + female, by % 100,
			    pidseq[female][(by - 1990) % 40]++);
		fprintf(f, ",%s,%d,\"Số %u, đường %u, phường %u\",%s %s %s,09%08u,"
		    "%s %s %s,03%08u,", cls, grade, 1 + rnd(200), 1 + rnd(50),
		    1 + rnd(30), fam, middle_m[rnd(N(middle_m))],
		    given_m[rnd(N(given_m))], rnd(100000000),
		    family[rnd(N(family))], middle_f[rnd(N(middle_f))],
		    given_f[rnd(N(given_f))], rnd(100000000));
		if (rnd(100) == 0)
			fprintf(f, "\"%s\",Có,Hòa nhập\r\n", dis[rnd(N(dis))]);
		else
			fputs(",,\r\n", f);
	}
	(void)i;
	free(seen);
	free(s);
	return fclose(f) == 0 ? 0 : 1;
}

/* --- history ------------------------------------------------------------- */

struct enr {
	int64_t		 child;
	int64_t		 school;
	int		 grade;
	char		 cls[24];
};

static int64_t
period_id(struct db *db, int year)
{
	char code[16];
	struct db_stmt *st = db_stmt(db, "SELECT id FROM period WHERE code = ?");
	int64_t id = 0;

	snprintf(code, sizeof(code), "%d-%d", year, year + 1);
	db_bind_text(st, 1, code);
	(void)db_one_int(st, &id);
	return id;
}

/* The school for a child moving to grade g: the same one if it takes g,
 * else one of the same district ("B-T-dd-") that does. */
static const struct school *
school_for(const struct school *s, size_t ns, const struct school *cur,
    int g)
{
	size_t i, start = rnd((uint32_t)ns);

	if (g >= cur->lo && g <= cur->hi)
		return cur;
	for (i = 0; i < ns; i++) {
		const struct school *x = &s[(start + i) % ns];

		if (g >= x->lo && g <= x->hi && strncmp(x->code, cur->code, 7)
		    == 0)
			return x;
	}
	return NULL;
}

static const struct school *
find_school(const struct school *s, size_t ns, int64_t id)
{
	size_t lo = 0, hi = ns;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s[mid].id == id)
			return &s[mid];
		if (s[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int64_t
new_child(struct db *db, const struct school *sc, int by, int64_t now,
    long seq)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO child (full_name, name_key,"
	    " sex, birth_date, ethnicity, school_id, is_demo, created_at,"
	    " updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)");
	int female = (int)rnd(2);
	char name[128], key[NAMEFOLD_MAX], birth[40];

	/* Names drawn like the list's (duplicates allowed: plain SQL). */
	(void)seq;
	snprintf(name, sizeof(name), "%s %s %s", family[rnd(N(family))],
	    female ? middle_f[rnd(N(middle_f))] : middle_m[rnd(N(middle_m))],
	    female ? given_f[rnd(N(given_f))] : given_m[rnd(N(given_m))]);
	namefold(name, key, sizeof(key));
	snprintf(birth, sizeof(birth), "%d-%02d-%02d", by, 1 + rnd(12),
	    1 + rnd(28));
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, key);
	db_bind_text(st, 3, female ? "f" : "m");
	db_bind_text(st, 4, birth);
	db_bind_text(st, 5, rnd(8) == 0 ? "02" : "01");
	db_bind_int(st, 6, sc->id);
	db_bind_int(st, 7, now);
	db_bind_int(st, 8, now);
	if (db_run(st) != ERR_OK)
		return 0;
	return db_last_id(db);
}

static bool
enrol(struct db *db, int64_t child, const struct school *sc, int64_t per,
    int year, int grade, const char *cls, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO enrolment (child_id,"
	    " unit_id, period_id, class_name, grade, status, entered_on,"
	    " status_on, is_demo, updated_at) VALUES (?, ?, ?, ?, ?,"
	    " 'studying', ?, ?, 1, ?)");
	char start[24];

	snprintf(start, sizeof(start), "%d-09-05", year);
	db_bind_int(st, 1, child);
	db_bind_int(st, 2, sc->id);
	db_bind_int(st, 3, per);
	db_bind_text(st, 4, cls);
	db_bind_int(st, 5, grade);
	db_bind_text(st, 6, start);
	db_bind_text(st, 7, start);
	db_bind_int(st, 8, now);
	return db_run(st) == ERR_OK;
}

static int
gen_history(struct db *db, int year, int years)
{
	struct school *s;
	size_t ns, n, cap, i;
	struct enr *cur = NULL;
	int *intake;
	int64_t now = 1760000000;
	long seq = 0;
	int y;

	s = load_schools(db, &ns);
	intake = xcalloc(ns + 1, sizeof(*intake));
	for (y = year; y < year + years; y++) {
		int64_t per = period_id(db, y), next = period_id(db, y + 1);
		struct db_stmt *st;
		char end[24];

		if (per == 0 || next == 0)
			return 1;
		snprintf(end, sizeof(end), "%d-05-25", y + 1);
		/* This year's active rows. */
		n = cap = 0;
		free(cur);
		cur = NULL;
		st = db_stmt(db, "SELECT child_id, unit_id, grade, class_name"
		    " FROM enrolment WHERE period_id = ? AND status = 'studying'");
		db_bind_int(st, 1, per);
		while (db_step(st) == DB_ROW) {
			if (n == cap) {
				cap = cap ? cap * 2 : 1 << 20;
				cur = xrealloc(cur, cap * sizeof(*cur));
			}
			cur[n].child = db_col_int(st, 0);
			cur[n].school = db_col_int(st, 1);
			cur[n].grade = (int)db_col_int(st, 2);
			snprintf(cur[n].cls, sizeof(cur[n].cls), "%s",
			    db_col_text(st, 3));
			n++;
		}
		db_done(st);
		if (db_begin(db) != ERR_OK)
			return 1;
		for (i = 0; i < n; i++) {
			const struct enr *e = &cur[i];
			const struct school *sc = find_school(s, ns, e->school);
			const char *status = "promoted";
			int r = (int)rnd(1000), g = e->grade + 1;
			char cls[32];

			if (sc == NULL)
				continue;
			if (r < 8)
				status = "dropped_out", g = 99;
			else if (r < 40)
				status = "repeated", g = e->grade;
			else if (e->grade == 0 || e->grade == 5 || e->grade == 9)
				status = "completed";
			st = db_stmt(db, "UPDATE enrolment SET status = ?,"
			    " status_on = ?, dropout_reason = CASE WHEN ? ="
			    " 'dropped_out' THEN 'economic' END"
			    " WHERE child_id = ? AND period_id = ?");
			db_bind_text(st, 1, status);
			db_bind_text(st, 2, end);
			db_bind_text(st, 3, status);
			db_bind_int(st, 4, e->child);
			db_bind_int(st, 5, per);
			if (db_run(st) != ERR_OK)
				return 1;
			if (g > 9 || (sc = school_for(s, ns, sc, g)) == NULL)
				continue;
			if (g == e->grade)
				snprintf(cls, sizeof(cls), "%s", e->cls);
			else
				class_name(g, (int)rnd(g <= 0 ? 3 : 4), cls,
				    sizeof(cls));
			if (!enrol(db, e->child, sc, next, y + 1, g, cls, now))
				return 1;
		}
		/* The intake: as many nursery children or first graders as
		 * the school had in its lowest grade this year. */
		memset(intake, 0, ns * sizeof(*intake));
		for (i = 0; i < n; i++) {
			const struct school *sc = find_school(s, ns, cur[i].school);

			/* First graders also come from the kindergartens:
			 * take in half as many. */
			if (sc != NULL && cur[i].grade == sc->lo)
				intake[sc - s] += sc->lo == 1 ? (i % 2) : 1;
		}
		for (i = 0; i < ns; i++) {
			int k, g = s[i].lo;

			if (g != -3 && g != 1)
				continue;
			for (k = 0; k < intake[i]; k++) {
				int64_t c = new_child(db, &s[i], y + 1 - g - 5, now,
				    ++seq);
				char cls[32];

				class_name(g, k % 3, cls, sizeof(cls));
				if (c == 0 || !enrol(db, c, &s[i], next, y + 1, g,
				    cls, now))
					return 1;
			}
		}
		if (db_commit(db) != ERR_OK)
			return 1;
		fprintf(stderr, "gen_register: %d-%d: %zu rows carried\n", y + 1,
		    y + 2, n);
	}
	free(cur);
	free(intake);
	free(s);
	return 0;
}

int
main(int argc, char **argv)
{
	struct db *db = NULL;
	struct buf err = BUF_INIT;
	int rc;

	if (argc < 3) {
		fprintf(stderr, "usage: gen_register csv DB OUT.csv YEAR N\n"
		    "       gen_register history DB YEAR YEARS\n");
		return 2;
	}
	if (db_open(argv[2], &db, &err) != ERR_OK || migrate(db, &err) !=
	    ERR_OK) {
		fprintf(stderr, "gen_register: %s\n", err.data);
		return 1;
	}
	if (strcmp(argv[1], "csv") == 0 && argc == 6)
		rc = gen_csv(db, argv[3], (int)strtol(argv[4], NULL, 10),
		    strtol(argv[5], NULL, 10));
	else if (strcmp(argv[1], "history") == 0 && argc == 5)
		rc = gen_history(db, (int)strtol(argv[3], NULL, 10),
		    (int)strtol(argv[4], NULL, 10));
	else
		rc = 2;
	db_close(db);
	return rc;
}
