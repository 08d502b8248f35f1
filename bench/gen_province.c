/*
 * gen_province.c -- build the benchmark database: a synthetic province
 * with one department, 30 district offices (until 30 June 2025) whose
 * 1,500 schools pass to 300 communes (from 1 July 2025), five school years
 * of aggregate values (2021-2022 to 2025-2026, across the reform) for
 * every indicator that applies to each school, the province's targets
 * (the education targets of Decision 23/QĐ-TTg) and two users.
 *
 *	gen_province FILE
 *
 * Everything is marked as demo data.  Prints the ids the benchmark needs.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "auth/user.h"
#include "db/db.h"
#include "db/migrate.h"
#include "units/unit.h"

#define DISTRICTS	30
#define COMMUNES	10	/* per district */
#define SCHOOLS		50	/* per district */
#define REFORM		"2025-07-01"

static uint64_t rng = 88172645463325252ull;

static double
uniform(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (double)(rng >> 11) / 9007199254740992.0;
}

static int64_t
unit(struct db *db, const char *code, const char *kind, const char *name)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO unit (code, kind, name,"
	    " is_demo) VALUES (?, ?, ?, 1)");

	db_bind_text(st, 1, code);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, name);
	if (db_run(st) != ERR_OK)
		return -1;
	return db_last_id(db);
}

static void
link_units(struct db *db, int64_t child, int64_t parent, const char *role,
    const char *from, const char *to)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO unit_link (child_id,"
	    " parent_id, role, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)");

	db_bind_int(st, 1, child);
	db_bind_int(st, 2, parent);
	db_bind_text(st, 3, role);
	db_bind_text(st, 4, from);
	db_bind_text(st, 5, to);
	(void)db_run(st);
}

/* The province's targets: indicator code, baseline, 2025 and 2030. */
static const struct {
	const char	*label;
	const char	*code;
	const char	*cmp;
	double		 base, m2025, m2030;
} targets[] = {
	{ "Chỉ tiêu 7", "TOILET", ">=", 92, 100, 100 },
	{ "Chỉ tiêu 15a", "UNDERWEIGHT", "<", 9, 9, 6 },
	{ "Chỉ tiêu 15b", "STUNTING", "<", 17, 17, 15 },
	{ "Chỉ tiêu 15c", "OVERWEIGHT", "<", 5.5, 5, 5 },
	{ "Chỉ tiêu 16", "MOBILISATION_5Y", ">=", 98.5, 99.1, 99.3 },
	{ "Chỉ tiêu 17a", "COMPLETION_PRIMARY", ">=", 96, 97, 99 },
	{ "Chỉ tiêu 17b", "DROPOUT_PRIMARY", "<", 0.3, 0.12, 0.1 },
	{ "Chỉ tiêu 18a", "COMPLETION_LOWERSEC", ">=", 85, 88, 93 },
	{ "Chỉ tiêu 18b", "DROPOUT_LOWERSEC", "<", 0.4, 0.14, 0.05 },
	{ "Chỉ tiêu 19", "PSYCH_SUPPORT", ">=", 70, 95, 100 },
	{ "Chỉ tiêu 20a", "DISABILITY_INFRA", ">=", 40, 55, 60 },
	{ "Chỉ tiêu 20b", "DISABILITY_ACCESS", ">=", 72, 80, 90 },
};

static void
add_plan(struct db *db, int64_t owner)
{
	struct db_stmt *st;
	int64_t plan, target, ind;
	size_t i;

	st = db_stmt(db, "INSERT INTO plan (unit_id, doc_type, number, symbol,"
	    " issuer, title, period_from, period_to, is_demo, updated_at)"
	    " VALUES (?, 'KH', '1', 'KH-SGDĐT', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',"
	    " 'Kế hoạch hành động vì trẻ em 2021–2030 (benchmark)', 2021, 2030,"
	    " 1, ?)");
	db_bind_int(st, 1, owner);
	db_bind_int(st, 2, (int64_t)time(NULL));
	(void)db_run(st);
	plan = db_last_id(db);
	for (i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
		st = db_stmt(db, "SELECT id FROM indicator WHERE code = ?");
		db_bind_text(st, 1, targets[i].code);
		if (db_one_int(st, &ind) != ERR_OK)
			continue;
		st = db_stmt(db, "INSERT INTO plan_target (plan_id, seq, code,"
		    " label, indicator_id, clause, baseline, baseline_year)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?, 2021)");
		db_bind_int(st, 1, plan);
		db_bind_int(st, 2, (int64_t)i);
		db_bind_text(st, 3, targets[i].code);
		db_bind_text(st, 4, targets[i].label);
		db_bind_int(st, 5, ind);
		db_bind_text(st, 6, targets[i].label);
		db_bind_double(st, 7, targets[i].base);
		(void)db_run(st);
		target = db_last_id(db);
		st = db_stmt(db, "INSERT INTO target_milestone (target_id, year,"
		    " cmp, value) VALUES (?, ?, ?, ?)");
		db_bind_int(st, 1, target);
		db_bind_int(st, 2, 2025);
		db_bind_text(st, 3, targets[i].cmp);
		db_bind_double(st, 4, targets[i].m2025);
		(void)db_run(st);
		st = db_stmt(db, "INSERT INTO target_milestone (target_id, year,"
		    " cmp, value) VALUES (?, ?, ?, ?)");
		db_bind_int(st, 1, target);
		db_bind_int(st, 2, 2030);
		db_bind_text(st, 3, targets[i].cmp);
		db_bind_double(st, 4, targets[i].m2030);
		(void)db_run(st);
	}
}

static const char *const kinds[] = { "mn", "th", "thcs", "th_thcs", "mn" };

static int64_t nvalues;

static void
values_for(struct db *db, int64_t school, const char *kind)
{
	struct db_stmt *ind, *per, *ins;
	int y;

	ind = db_stmt(db, "SELECT id, by_sex, unit, levels, period_type,"
	    " source FROM indicator ORDER BY id");
	while (db_step(ind) == DB_ROW) {
		int64_t id = db_col_int(ind, 0), by_sex = db_col_int(ind, 1);
		char pat[24];

		snprintf(pat, sizeof(pat), ",%s,", kind);
		if (db_col_text(ind, 3)[0] != '\0' &&
		    strstr(db_col_text(ind, 3), pat) == NULL)
			continue;
		for (y = 2022; y <= 2026; y++) {
			char code[16];
			int64_t pid, den, num;

			if (strcmp(db_col_text(ind, 4), "year") == 0)
				snprintf(code, sizeof(code), "%d", y - 1);
			else
				snprintf(code, sizeof(code), "%d-%d", y - 1, y);
			per = db_stmt(db, "SELECT id FROM period WHERE code = ?");
			db_bind_text(per, 1, code);
			if (db_one_int(per, &pid) != ERR_OK)
				continue;
			den = 50 + (int64_t)(uniform() * 400);
			num = (int64_t)llround((double)den * uniform());
			/* Counts from protection cases (TT 13/2021 0101): a few
			 * schools a year have one to three. */
			if (strcmp(db_col_text(ind, 5), "cases") == 0) {
				if (uniform() < 0.9)
					continue;
				num = 1 + (int64_t)(uniform() * 3);
			}
			ins = db_stmt(db, "INSERT INTO agg_value (unit_id,"
			    " indicator_id, period_id, num_total, num_m, num_f,"
			    " den_total, den_m, den_f, entered_at, is_demo)"
			    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)");
			db_bind_int(ins, 1, school);
			db_bind_int(ins, 2, id);
			db_bind_int(ins, 3, pid);
			db_bind_int(ins, 4, num);
			if (strcmp(db_col_text(ind, 2), "count") != 0)
				db_bind_int(ins, 7, den);
			if (by_sex) {
				db_bind_int(ins, 5, num / 2);
				db_bind_int(ins, 6, num - num / 2);
				if (strcmp(db_col_text(ind, 2), "count") != 0) {
					db_bind_int(ins, 8, den / 2);
					db_bind_int(ins, 9, den - den / 2);
				}
			}
			(void)db_run(ins);
			nvalues++;
		}
	}
	db_done(ind);
}

int
main(int argc, char *argv[])
{
	struct db *db;
	struct buf err = BUF_INIT;
	int64_t ministry, prov, dist, comm[COMMUNES], school, first_school = 0;
	int d, c, s;
	char code[32], name[96];

	if (argc != 2 || access(argv[1], F_OK) == 0) {
		fprintf(stderr, "usage: gen_province NEW-FILE\n");
		return 2;
	}
	if (db_open(argv[1], &db, &err) != ERR_OK || migrate(db, &err) != ERR_OK) {
		fprintf(stderr, "gen_province: %s\n", err.data);
		return 1;
	}
	db_begin(db);
	ministry = unit(db, "B-BGDDT", "ministry", "Bộ Giáo dục và Đào tạo");
	prov = unit(db, "B-SGD", "province", "Sở GD&ĐT tỉnh Benchmark");
	link_units(db, prov, ministry, "admin", "1900-01-01", "9999-12-31");
	for (d = 0; d < DISTRICTS; d++) {
		snprintf(code, sizeof(code), "B-PGD-%02d", d);
		snprintf(name, sizeof(name), "Phòng GD&ĐT huyện %02d", d);
		dist = unit(db, code, "district", name);
		link_units(db, dist, prov, "admin", "1900-01-01", REFORM);
		for (c = 0; c < COMMUNES; c++) {
			snprintf(code, sizeof(code), "B-XA-%02d-%02d", d, c);
			snprintf(name, sizeof(name), "Xã %02d-%02d", d, c);
			comm[c] = unit(db, code, "commune", name);
			link_units(db, comm[c], prov, "admin", REFORM,
			    "9999-12-31");
		}
		for (s = 0; s < SCHOOLS; s++) {
			const char *kind = kinds[s % 5];

			snprintf(code, sizeof(code), "B-T-%02d-%02d", d, s);
			snprintf(name, sizeof(name), "Trường %s %02d-%02d", kind,
			    d, s);
			school = unit(db, code, kind, name);
			if (first_school == 0)
				first_school = school;
			link_units(db, school, dist, "admin", "1900-01-01", REFORM);
			link_units(db, school, comm[s % COMMUNES], "admin",
			    REFORM, "9999-12-31");
			link_units(db, school, prov, "prof", REFORM,
			    "9999-12-31");
			values_for(db, school, kind);
		}
	}
	add_plan(db, prov);
	{
		struct user_new a = { "bench.province", "Chuyên viên Sở (benchmark)",
		    "bench-password", ROLE_PROVINCE, prov, true };
		struct user_new b = { "bench.school", "Hiệu trưởng (benchmark)",
		    "bench-password", ROLE_PRINCIPAL, first_school, true };

		if (user_create(db, &a, NULL, &err) != ERR_OK ||
		    user_create(db, &b, NULL, &err) != ERR_OK) {
			fprintf(stderr, "gen_province: %s\n", err.data);
			return 1;
		}
	}
	db_bump_generation(db);
	if (db_commit(db) != ERR_OK)
		return 1;
	printf("province=%lld school=%lld values=%lld\n", (long long)prov,
	    (long long)first_school, (long long)nvalues);
	db_close(db);
	return 0;
}
