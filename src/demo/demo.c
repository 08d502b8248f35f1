/*
 * demo.c -- build the demonstration database.
 *
 * The units of the five seed plans come from the embedded
 * "demo/units.json"; synthetic schools (marked is_demo) are added under
 * each district office and, from 1 July 2025, under its communes; the
 * seed plans are imported from their JSON files (demo_plans.c); synthetic
 * aggregate values fill the dashboards (demo_values.c); four District 8
 * schools get communication activities whose reach replaces their
 * synthetic REACH_* values (demo_activities.c); one user per role signs
 * in with DEMO_PASSWORD; four schools keep a register of synthetic
 * children (demo_register.c), weighed and measured three times a school
 * year (demo_growth.c).  Everything runs in one transaction.
 * No e-mail address or telephone number from the seeds is copied.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "auth/role.h"
#include "auth/user.h"
#include "core/embedded.h"
#include "db/db.h"
#include "db/migrate.h"
#include "demo/demo.h"
#include "regstat/regstat.h"
#include "demo/demo_int.h"

#define REFORM "2025-07-01"

static enum err
insert_unit(struct db *db, const char *code, const char *kind,
    const char *name, const char *name_en, const char *abbrev,
    const char *place, const char *opened, const char *closed, int demo,
    int64_t *id)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO unit (code, kind, name,"
	    " name_en, abbrev, place, opened_on, closed_on, is_demo)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	enum err e;

	db_bind_text(st, 1, code);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, name_en);
	db_bind_text(st, 5, abbrev);
	db_bind_text(st, 6, place);
	db_bind_text(st, 7, opened);
	db_bind_text(st, 8, closed);
	db_bind_int(st, 9, demo);
	if ((e = db_run(st)) == ERR_OK && id != NULL)
		*id = db_last_id(db);
	return e;
}

enum err
demo_unit_id(struct db *db, const char *code, int64_t *id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id FROM unit WHERE code = ?");

	db_bind_text(st, 1, code);
	return db_one_int(st, id);
}

static enum err
insert_link(struct db *db, int64_t child, int64_t parent, const char *role,
    const char *from, const char *to)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO unit_link (child_id,"
	    " parent_id, role, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)");

	db_bind_int(st, 1, child);
	db_bind_int(st, 2, parent);
	db_bind_text(st, 3, role);
	db_bind_text(st, 4, from ? from : "1900-01-01");
	db_bind_text(st, 5, to ? to : "9999-12-31");
	return db_run(st);
}

static const char *
jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static enum err
load_units(struct db *db, struct buf *errmsg)
{
	const struct embedded_file *f = embedded_find("demo/units.json");
	json_error_t jerr;
	json_t *doc, *units, *u, *l;
	size_t i, k;
	enum err e = ERR_OK;

	if (f == NULL || (doc = json_loadb((const char *)f->data, f->len, 0,
	    &jerr)) == NULL) {
		buf_printf(errmsg, "demo/units.json: %s", f ? jerr.text :
		    "missing");
		return ERR_INVALID;
	}
	units = json_object_get(doc, "units");
	json_array_foreach(units, i, u) {
		e = insert_unit(db, jstr(u, "code"), jstr(u, "kind"),
		    jstr(u, "name"), jstr(u, "name_en"), jstr(u, "abbrev"),
		    jstr(u, "place"), jstr(u, "opened_on"),
		    jstr(u, "closed_on"), json_is_true(json_object_get(u,
		    "demo")), NULL);
		if (e != ERR_OK) {
			buf_printf(errmsg, "demo unit %s: %s", jstr(u, "code"),
			    err_name(e));
			goto out;
		}
	}
	json_array_foreach(units, i, u) {
		int64_t child, parent;

		(void)demo_unit_id(db, jstr(u, "code"), &child);
		json_array_foreach(json_object_get(u, "links"), k, l) {
			if ((e = demo_unit_id(db, jstr(l, "parent"), &parent)) !=
			    ERR_OK || (e = insert_link(db, child, parent,
			    jstr(l, "role"), jstr(l, "from"), jstr(l, "to"))) !=
			    ERR_OK) {
				buf_printf(errmsg, "demo link %s -> %s: %s",
				    jstr(u, "code"), jstr(l, "parent"),
				    err_name(e));
				goto out;
			}
		}
	}
out:
	json_decref(doc);
	return e;
}

/* Synthetic schools: kind, Vietnamese and English name stems. */
static const struct {
	const char	*kind;
	const char	*vi;
	const char	*en;
	const char	*abbr;
} kinds[] = {
	{ "mn", "Trường Mầm non", "Kindergarten", "MN" },
	{ "th", "Trường Tiểu học", "Primary School", "TH" },
	{ "thcs", "Trường THCS", "Lower-Secondary School", "THCS" },
	{ "mn", "Trường Mầm non", "Kindergarten", "MN" },
	{ "th", "Trường Tiểu học", "Primary School", "TH" },
	{ "th_thcs", "Trường TH và THCS", "Primary and Lower-Secondary School",
	    "THCS" },
	{ "group", "Nhóm trẻ độc lập", "Independent Preschool Group", "NT" },
	{ "thcs", "Trường THCS", "Lower-Secondary School", "THCS" },
};

static const char *const school_names[] = {
	"Hoa Sen", "Sơn Ca", "Họa Mi", "Lê Lợi", "Trần Phú", "Quang Trung",
	"Kim Đồng", "Võ Thị Sáu", "Nguyễn Du", "Chu Văn An", "Lý Thường Kiệt",
	"Hoa Hồng", "Ngô Quyền", "Lê Quý Đôn", "Hòa Bình", "Bình Minh",
};

/* Districts that get synthetic schools, and their post-reform communes. */
static const struct {
	const char	*district;
	const char	*province_after;	/* professional parent */
	const char	*communes[5];
	int		 schools;
} areas[] = {
	{ "PGD-HD", "SGD-HN", { "P-HADONG", "P-DUONGNOI", "P-KIENHUNG",
	    "P-YENNGHIA", "P-PHULUONG" }, 14 },
	{ "PGD-PQ", "SGD-AG", { "DK-PQ" }, 6 },
	{ "PGD-HUE", "SGD-HUE", { "P-PHUXUAN" }, 6 },
	{ "PGD-Q8", "SGD-HCM", { "P-CHANHHUNG", "P-BINHDONG", "P-PHUDINH" }, 10 },
	{ "PGD-HUYEN-BVTE", "SGD-HCM", { NULL }, 6 },
};

static enum err
add_schools(struct db *db, struct buf *errmsg)
{
	size_t a, s, ncomm;
	int serial = 0;
	enum err e = ERR_OK;

	for (a = 0; a < sizeof(areas) / sizeof(areas[0]); a++) {
		int64_t district, prov, comm, id;

		if ((e = demo_unit_id(db, areas[a].district, &district)) != ERR_OK ||
		    (e = demo_unit_id(db, areas[a].province_after, &prov)) != ERR_OK)
			goto fail;
		for (ncomm = 0; ncomm < 5 && areas[a].communes[ncomm]; ncomm++)
			;
		for (s = 0; s < (size_t)areas[a].schools; s++, serial++) {
			const size_t k = (size_t)serial % (sizeof(kinds) /
			    sizeof(kinds[0]));
			const char *stem = school_names[(size_t)serial %
			    (sizeof(school_names) / sizeof(school_names[0]))];
			char code[48], name[160], name_en[160], abbrev[32];

			snprintf(code, sizeof(code), "DEMO-%s-%02zu",
			    areas[a].district + 4, s + 1);
			snprintf(name, sizeof(name), "%s %s", kinds[k].vi, stem);
			snprintf(name_en, sizeof(name_en), "%s %s", stem,
			    kinds[k].en);
			snprintf(abbrev, sizeof(abbrev), "%s%02d", kinds[k].abbr,
			    serial + 1);
			if ((e = insert_unit(db, code, kinds[k].kind, name,
			    name_en, abbrev, "", NULL, NULL, 1, &id)) != ERR_OK ||
			    (e = insert_link(db, id, district, "admin", NULL,
			    REFORM)) != ERR_OK)
				goto fail;
			if (ncomm == 0)
				continue;
			if ((e = demo_unit_id(db, areas[a].communes[s % ncomm],
			    &comm)) != ERR_OK ||
			    (e = insert_link(db, id, comm, "admin", REFORM,
			    NULL)) != ERR_OK ||
			    (e = insert_link(db, id, prov, "prof", REFORM,
			    NULL)) != ERR_OK)
				goto fail;
		}
	}
	return ERR_OK;
fail:
	buf_printf(errmsg, "demo schools: %s", err_name(e));
	return e;
}

static const struct {
	const char	*username;
	const char	*full_name;
	enum role	 role;
	const char	*unit;
} users[] = {
	{ "admin", "Quản trị hệ thống (demo)", ROLE_ADMIN, "BGDDT" },
	{ "so.hanoi", "Chuyên viên Sở GD&ĐT Hà Nội (demo)", ROLE_PROVINCE,
	    "SGD-HN" },
	{ "phong.hadong", "Chuyên viên Phòng GD&ĐT Hà Đông (demo)", ROLE_AREA,
	    "PGD-HD" },
	{ "xa.hadong", "Chuyên viên Phòng VH-XH phường Hà Đông (demo)",
	    ROLE_AREA, "P-HADONG" },
	{ "phong.quan8", "Chuyên viên Phòng GD&ĐT Quận 8 (demo)", ROLE_AREA,
	    "PGD-Q8" },
	{ "ht.ntt", "Hiệu trưởng TH&THCS Nguyễn Trung Trực (demo)",
	    ROLE_PRINCIPAL, "TH-THCS-NTT-PQ" },
	{ "pht.ntt", "Phó hiệu trưởng đầu mối (demo)", ROLE_FOCAL,
	    "TH-THCS-NTT-PQ" },
	{ "vanthu.ntt", "Văn thư (demo)", ROLE_CLERK, "TH-THCS-NTT-PQ" },
	{ "gv.ntt", "Giáo viên (demo)", ROLE_TEACHER, "TH-THCS-NTT-PQ" },
	{ "tuvan.ntt", "Giáo viên tư vấn (demo)", ROLE_COUNSELLOR,
	    "TH-THCS-NTT-PQ" },
	{ "ht.huongluu", "Hiệu trưởng MN Hương Lưu (demo)", ROLE_PRINCIPAL,
	    "MN-HUONGLUU" },
};

static enum err
add_users(struct db *db, struct buf *errmsg)
{
	size_t i;
	enum err e;

	for (i = 0; i < sizeof(users) / sizeof(users[0]); i++) {
		struct user_new u = { users[i].username, users[i].full_name,
		    DEMO_PASSWORD, users[i].role, 0, true };

		if ((e = demo_unit_id(db, users[i].unit, &u.unit_id)) != ERR_OK ||
		    (e = user_create(db, &u, NULL, errmsg)) != ERR_OK) {
			buf_printf(errmsg, " (demo user %s)", users[i].username);
			return e;
		}
	}
	return ERR_OK;
}

int
demo_create(const char *path, struct buf *errmsg)
{
	struct db *db = NULL;
	enum err e;

	if (access(path, F_OK) == 0) {
		buf_printf(errmsg, "%s đã có; không ghi đè / already exists; "
		    "not overwritten", path);
		return 1;
	}
	if ((e = db_open(path, &db, errmsg)) != ERR_OK)
		return 1;
	if ((e = migrate(db, errmsg)) != ERR_OK)
		goto out;
	if ((e = db_begin(db)) != ERR_OK)
		goto out;
	if ((e = load_units(db, errmsg)) != ERR_OK ||
	    (e = add_schools(db, errmsg)) != ERR_OK ||
	    (e = add_users(db, errmsg)) != ERR_OK ||
	    (e = demo_plans(db, errmsg)) != ERR_OK ||
	    (e = demo_values(db, errmsg)) != ERR_OK ||
	    (e = demo_activities(db, errmsg)) != ERR_OK ||
	    (e = demo_register(db, errmsg)) != ERR_OK ||
	    (e = demo_growth(db, errmsg)) != ERR_OK ||
	    (e = regstat_refresh_all(db)) != ERR_OK ||
	    (e = db_bump_generation(db)) != ERR_OK) {
		db_rollback(db);
		goto out;
	}
	e = db_commit(db);
out:
	db_close(db);
	if (e != ERR_OK) {
		if (errmsg->len == 0)
			buf_printf(errmsg, "demo: %s", err_name(e));
		unlink(path);
		return 1;
	}
	return 0;
}

void
demo_print_logins(struct db *db, FILE *f)
{
	struct db_stmt *st = db_stmt(db, "SELECT u.username, u.role, n.name"
	    " FROM app_user u JOIN unit n ON n.id = u.unit_id"
	    " WHERE u.is_demo = 1 ORDER BY u.id");
	int any = 0;

	while (db_step(st) == DB_ROW) {
		enum role r;

		if (!any)
			fprintf(f, "Tài khoản demo / demo logins (mật khẩu / "
			    "password: %s):\n", DEMO_PASSWORD);
		any = 1;
		fprintf(f, "  %-14s %-26s %s\n", db_col_text(st, 0),
		    role_from_code(db_col_text(st, 1), &r) ? roles[r].name_en :
		    "?", db_col_text(st, 2));
	}
	db_done(st);
}
