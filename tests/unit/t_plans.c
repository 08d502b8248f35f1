/*
 * t_plans.c -- plans as data: the JSON format, validation naming the
 * field, saving in one transaction, the weaker-target check, and the seed
 * plan files embedded in the binary.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "core/embedded.h"
#include "core/strutil.h"
#include "plans/plan.h"
#include "http/req.h"
#include "plans/plan_db.h"
#include "plans/plan_form.h"
#include "plans/plan_json.h"

/* A small valid plan; tests change one thing in it. */
static const char *const good =
    "{\"format\": \"vitre-plan/1\", \"unit\": \"T-SCHOOL\","
    " \"doc_type\": \"KH\", \"number\": \"12a\", \"symbol\": \"KH-TS\","
    " \"issuer\": \"Trường Thử\", \"issued_on\": \"2024-08-02\","
    " \"title\": \"Kế hoạch thử\", \"period\": {\"from\": 2021, \"to\": 2030},"
    " \"sections\": [{\"kind\": \"objectives\", \"heading\": \"MỤC TIÊU\","
    "   \"children\": [{\"kind\": \"targets\"}]},"
    "  {\"kind\": \"tasks\", \"heading\": \"NHIỆM VỤ\", \"children\":"
    "   [{\"kind\": \"task\", \"body\": \"Làm\", \"owner\": \"Hiệu trưởng\","
    "     \"due\": \"2025-06-30\"}]}],"
    " \"targets\": [{\"code\": \"CT17b\", \"label\": \"Chỉ tiêu 17\","
    "   \"indicator\": \"DROPOUT_PRIMARY\", \"clause\": \"Bỏ học dưới 0,5%.\","
    "   \"baseline\": {\"value\": 0.8, \"year\": 2021},"
    "   \"milestones\": [{\"year\": 2025, \"cmp\": \"<\", \"value\": 0.5},"
    "    {\"year\": 2030, \"cmp\": \"<\", \"value\": 0.3}]}],"
    " \"assignments\": [{\"who\": \"BGH\", \"what\": \"Theo dõi\","
    "   \"targets\": [\"CT17b\"]}],"
    " \"reporting\": [{\"what\": \"Kết quả\", \"to\": \"Phòng\","
    "   \"schedule\": \"dates\", \"dates\": [\"05-05\", \"11-05\"]}],"
    " \"signer\": {\"authority\": \"KT.\", \"title\": \"Hiệu trưởng\","
    "   \"name\": \"A\"}}";

static struct db *
db_with_unit(void)
{
	struct db *db = test_db();

	assert_int_equal(db_run(db_stmt(db, "INSERT INTO unit (code, kind, name)"
	    " VALUES ('T-SCHOOL', 'th', 'Trường Thử')")), ERR_OK);
	return db;
}

static int64_t
count(struct db *db, const char *sql)
{
	int64_t n = -1;

	assert_int_equal(db_one_int(db_stmt(db, sql), &n), ERR_OK);
	return n;
}

/* good with the first occurrence of from replaced by to (caller frees). */
static char *
variant(const char *from, const char *to)
{
	const char *at = strstr(good, from);
	struct buf b = BUF_INIT;

	assert_non_null(at);
	buf_add(&b, good, (size_t)(at - good));
	buf_puts(&b, to);
	buf_puts(&b, at + strlen(from));
	return buf_detach(&b, NULL);
}

/* Import text; expect failure with a message on path. */
static void
expect_bad(struct db *db, const char *text, const char *path)
{
	struct plan_errs errs = { NULL, 0 };
	struct plan *p = plan_from_json_text(text, strlen(text), &errs);
	int64_t before = count(db, "SELECT COUNT(*) FROM plan");

	if (p != NULL) {
		if (plan_db_save(db, p, 0, 0, &errs) == ERR_OK)
			fail_msg("saved a plan that is bad at %s", path);
		plan_free(p);
	}
	if (plan_errs_find(&errs, path) == NULL) {
		struct buf b = BUF_INIT;

		plan_errs_print(&errs, "", &b);
		fail_msg("no message for %s; got:\n%s", path, b.data);
	}
	assert_int_equal(count(db, "SELECT COUNT(*) FROM plan"), before);
	plan_errs_release(&errs);
}

static void
expect_bad_variant(struct db *db, const char *from, const char *to,
    const char *path)
{
	char *s = variant(from, to);

	expect_bad(db, s, path);
	free(s);
}

static int64_t
import_text(struct db *db, const char *text)
{
	struct plan_errs errs = { NULL, 0 };
	struct plan *p = plan_from_json_text(text, strlen(text), &errs);
	int64_t id;

	if (p == NULL || plan_db_save(db, p, 0, 0, &errs) != ERR_OK) {
		struct buf b = BUF_INIT;

		plan_errs_print(&errs, "", &b);
		fail_msg("import failed:\n%s", b.data);
	}
	id = p->id;
	plan_free(p);
	plan_errs_release(&errs);
	return id;
}

static void
a_valid_plan_is_saved_whole(void **state)
{
	struct db *db = db_with_unit();
	struct plan *p = NULL;
	int64_t id;

	(void)state;
	id = import_text(db, good);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM target_milestone"), 2);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM plan_node"), 4);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM audit_log"
	    " WHERE action = 'plan.create'"), 1);
	assert_int_equal(plan_db_load(db, id, &p), ERR_OK);
	assert_string_equal(p->number, "12a");
	assert_int_equal(p->nnodes, 2);
	assert_int_equal(p->nodes[1].nkids, 1);
	assert_string_equal(p->nodes[1].kids[0].owner, "Hiệu trưởng");
	assert_string_equal(p->targets[0].indicator, "DROPOUT_PRIMARY");
	assert_int_equal(p->reporting[0].dates.n, 2);
	plan_free(p);
	db_close(db);
}

static void
export_then_import_gives_the_same_json(void **state)
{
	struct db *db = db_with_unit();
	struct plan *p = NULL, *q = NULL;
	struct plan_errs errs = { NULL, 0 };
	char *a, *b;
	int64_t id;

	(void)state;
	id = import_text(db, good);
	assert_int_equal(plan_db_load(db, id, &p), ERR_OK);
	a = plan_to_json_text(p);
	/* Importing the export again is refused as a duplicate ... */
	q = plan_from_json_text(a, strlen(a), &errs);
	assert_non_null(q);
	assert_int_equal(plan_db_save(db, q, 0, 0, &errs), ERR_CONFLICT);
	plan_free(q);
	plan_errs_release(&errs);
	/* ... but replaces the plan in place, and exports the same. */
	q = plan_from_json_text(a, strlen(a), &errs);
	assert_int_equal(plan_db_save(db, q, id, 0, &errs), ERR_OK);
	plan_free(q);
	assert_int_equal(plan_db_load(db, id, &q), ERR_OK);
	b = plan_to_json_text(q);
	assert_string_equal(a, b);
	free(a);
	free(b);
	plan_free(p);
	plan_free(q);
	db_close(db);
}

/* One change to the good plan, and the field the message must name. */
static const struct {
	const char	*from;
	const char	*to;
	const char	*path;
} bad_variants[] = {
	{ "\"vitre-plan/1\"",
	    "\"vitre-plan/2\"",
	    "format" },
	{ "\"T-SCHOOL\"",
	    "\"NO-SUCH\"",
	    "unit" },
	{ "\"doc_type\": \"KH\"",
	    "\"doc_type\": \"XX\"",
	    "doc_type" },
	{ "\"12a\"",
	    "\"12-a\"",
	    "number" },
	{ "\"KH-TS\"",
	    "\"QĐ-TS\"",
	    "symbol" },
	{ "\"2024-08-02\"",
	    "\"2024-02-30\"",
	    "issued_on" },
	{ "\"Kế hoạch thử\"",
	    "\"\"",
	    "title" },
	{ "\"to\": 2030}",
	    "\"to\": 2020}",
	    "period.to" },
	{ "\"DROPOUT_PRIMARY\"",
	    "\"NO_SUCH\"",
	    "targets[0].indicator" },
	{ "\"cmp\": \"<\", \"value\": 0.5",
	    "\"cmp\": \"=<\", \"value\": 0.5",
	    "targets[0].milestones[0].cmp" },
	{ "\"value\": 0.3",
	    "\"value\": 130",
	    "targets[0].milestones[1].value" },
	{ "{\"year\": 2030",
	    "{\"year\": \"2029-2030\"",
	    "targets[0].milestones[1].year" },
	{ "{\"year\": 2030",
	    "{\"year\": 2031",
	    "targets[0].milestones[1].year" },
	{ "{\"year\": 2030",
	    "{\"year\": 2025",
	    "targets[0].milestones[1].year" },
	{ "\"year\": 2021}",
	    "\"year\": 2026}",
	    "targets[0].milestones[0].year" },
	{ "\"targets\": [\"CT17b\"]",
	    "\"targets\": [\"CT99\"]",
	    "assignments[0].targets[0]" },
	{ "\"11-05\"",
	    "\"11-31\"",
	    "reporting[0].dates[1]" },
	{ "\"schedule\": \"dates\"",
	    "\"schedule\": \"weekly\"",
	    "reporting[0].schedule" },
	{ "\"due\": \"2025-06-30\"",
	    "\"due\": \"30/06\"",
	    "sections[1].children[0].due" },
	{ "{\"kind\": \"targets\"}",
	    "{\"kind\": \"x\"}",
	    "sections[0].children[0].kind" },
	{ "\"authority\": \"KT.\"",
	    "\"authority\": \"KT\"",
	    "signer.authority" },
	{ "\"issuer\"",
	    "\"isuer\"",
	    "isuer" },
	{ "\"code\": \"CT17b\"",
	    "\"code\": \"CT 17\"",
	    "targets[0].code" },
	{ "\"title\": \"Kế hoạch thử\"",
	    "\"title\": 5",
	    "title" },
	{ "\"title\": \"Kế hoạch thử\"",
	    "\"title\": \"a\\u0001b\"",
	    "title" },
	{ "\"symbol\": \"KH-TS\"",
	    "\"symbol\": \"\"",
	    "symbol" },
	{ "\"period\":",
	    "\"phases\": [{\"name\": \"GĐ\", \"from\": 2019,"
	    " \"to\": 2025}], \"period\":",
	    "phases[0].from" },
	{ "\"period\":",
	    "\"basis\": [{\"text\": \"Căn cứ\", \"ref\": \"Kế hoạch 442\"}],"
	    " \"period\":",
	    "basis[0].ref" },
	{ "\"period\":",
	    "\"implements\": \"1/QĐ-X\", \"period\":",
	    "implements" },
	{ "{\"kind\": \"targets\"}",
	    "{\"kind\": \"targets\"}, {\"kind\": \"targets\"}",
	    "sections[0].children[1].kind" },
	{ "{\"kind\": \"targets\"}",
	    "{\"kind\": \"section\"}",
	    "sections[0].children[0].body" },
	{ "\"schedule\": \"dates\"",
	    "\"schedule\": \"annual\"",
	    "reporting[0].dates" },
	{ "\"schedule\": \"dates\"",
	    "\"schedule\": \"school_year\"",
	    "reporting[0].dates" },
	{ "\"baseline\": {\"value\": 0.8, ",
	    "\"baseline\": {",
	    "targets[0].baseline.value" },
	{ "\"title\": \"Hiệu trưởng\"",
	    "\"title\": \"\"",
	    "signer.title" },
	{ "\"year\": 2025, \"cmp\"",
	    "\"year\": 2025, \"when\": 1, \"cmp\"",
	    "targets[0].milestones[0].when" },
	{ "\"milestones\": [{\"year\": 2025, \"cmp\": \"<\", \"value\": 0.5},"
	    "    {\"year\": 2030, \"cmp\": \"<\", \"value\": 0.3}]",
	    "\"milestones\": []",
	    "targets[0].milestones" },
	{ "\"period\":",
	    "\"recipients\": [\"\"], \"period\":",
	    "recipients[0]" },
	{ "\"period\":",
	    "\"funding\": [7], \"period\":",
	    "funding[0]" },
	{ "\"issued_on\"",
	    "\"demo\": \"yes\", \"issued_on\"",
	    "demo" },
};

static void
bad_plans_name_the_field_and_write_nothing(void **state)
{
	struct db *db = db_with_unit();
	size_t i;

	(void)state;
	expect_bad(db, "{\"format\": ", "");
	for (i = 0; i < sizeof(bad_variants) / sizeof(bad_variants[0]); i++)
		expect_bad_variant(db, bad_variants[i].from, bad_variants[i].to,
		    bad_variants[i].path);
	db_close(db);
}

static void
a_duplicate_target_code_is_refused(void **state)
{
	struct db *db = db_with_unit();
	char *two = variant("{\"code\": \"CT17b\"", "{\"code\": \"CT17b\","
	    " \"label\": \"L\", \"indicator\": \"COMPLETION_PRIMARY\","
	    " \"clause\": \"c\", \"milestones\": [{\"year\": 2025,"
	    " \"cmp\": \">=\", \"value\": 97}]}, {\"code\": \"CT17b\"");

	(void)state;
	expect_bad(db, two, "targets[1].code");
	free(two);
	db_close(db);
}

/* The owner units of the seed plans (demo/units.json has them all). */
static struct db *
db_with_seed_units(void)
{
	static const char *const codes[] = { "BGDDT", "TH-THCS-NTT-PQ",
	    "PGD-HD", "MN-HUONGLUU", "PGD-Q8", "PGD-HUYEN-BVTE", NULL };
	struct db *db = test_db();
	size_t i;

	for (i = 0; codes[i] != NULL; i++) {
		struct db_stmt *st = db_stmt(db, "INSERT INTO unit (code, kind,"
		    " name) VALUES (?, 'district', ?)");

		db_bind_text(st, 1, codes[i]);
		db_bind_text(st, 2, codes[i]);
		assert_int_equal(db_run(st), ERR_OK);
	}
	return db;
}

static void
every_seed_plan_file_imports(void **state)
{
	const struct embedded_file *f;
	struct db *db = db_with_seed_units();
	int n = 0;

	(void)state;
	for (f = embedded_files; f->name != NULL; f++) {
		if (!str_has_prefix(f->name, "plans/"))
			continue;
		import_text(db, (const char *)f->data);
		n++;
	}
	assert_int_equal(n, 6);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM plan"), 6);
	/* Seeds 000 and 001 implement the national programme. */
	assert_int_equal(count(db, "SELECT COUNT(*) FROM plan WHERE"
	    " implements_id = (SELECT id FROM plan WHERE number = '23')"), 2);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM target_milestone m"
	    " JOIN plan_target t ON t.id = m.target_id JOIN plan p"
	    " ON p.id = t.plan_id WHERE p.symbol = 'QĐ-TTg'"), 24);
	db_close(db);
}

/* Import every embedded seed file into db; their ids in order into ids. */
static size_t
import_seeds(struct db *db, int64_t *ids)
{
	const struct embedded_file *f;
	size_t n = 0;

	for (f = embedded_files; f->name != NULL; f++)
		if (str_has_prefix(f->name, "plans/"))
			ids[n++] = import_text(db, (const char *)f->data);
	return n;
}

static char *
export_id(struct db *db, int64_t id)
{
	struct plan *p = NULL;
	char *s;

	assert_int_equal(plan_db_load(db, id, &p), ERR_OK);
	s = plan_to_json_text(p);
	plan_free(p);
	return s;
}

static void
seed_plans_survive_export_and_import(void **state)
{
	struct db *a = db_with_seed_units(), *b = db_with_seed_units();
	int64_t ids[16];
	size_t n, i;

	(void)state;
	n = import_seeds(a, ids);
	for (i = 0; i < n; i++) {
		char *one = export_id(a, ids[i]), *two;
		int64_t id = import_text(b, one);

		two = export_id(b, id);
		assert_string_equal(one, two);
		free(one);
		free(two);
	}
	db_close(a);
	db_close(b);
}

static void
seed_plans_survive_the_edit_form(void **state)
{
	struct db *db = db_with_seed_units();
	int64_t ids[16];
	size_t n, i;

	(void)state;
	n = import_seeds(db, ids);
	for (i = 0; i < n; i++) {
		struct kvlist form = { NULL, 0, 0 };
		struct plan_errs errs = { NULL, 0 };
		struct plan *p = NULL, *q;
		char *a, *b;

		assert_int_equal(plan_db_load(db, ids[i], &p), ERR_OK);
		plan_to_form(p, &form);
		q = plan_from_form(&form, &errs, NULL);
		assert_non_null(q);
		q->demo = p->demo;
		a = plan_to_json_text(p);
		b = plan_to_json_text(q);
		assert_string_equal(a, b);
		free(a);
		free(b);
		plan_free(p);
		plan_free(q);
		kvlist_clear(&form);
	}
	db_close(db);
}

/* A form whose target row 0 is blank and row 1 has its second milestone. */
static void
form_with_target_row_1(struct kvlist *form)
{
	static const char *const kv[][2] = {
		{ "title", "T" }, { "issuer", "I" }, { "unit", "U" },
		{ "period_from", "2021" }, { "period_to", "2030" },
		{ "t0_code", "" }, { "t0_m0_year", "" },
		{ "t1_code", "CT1" }, { "t1_m0_year", "" },
		{ "t1_m1_year", "2031" }, { "t1_m1_cmp", ">=" },
		{ "t1_m1_value", "5" },
	};
	size_t i;

	for (i = 0; i < sizeof(kv) / sizeof(kv[0]); i++)
		kvlist_add(form, kv[i][0], kv[i][1]);
}

static void
form_messages_land_beside_their_fields(void **state)
{
	struct kvlist form = { NULL, 0, 0 };
	struct plan_errs errs = { NULL, 0 };
	struct plan_formmap map = { NULL, 0 };
	struct plan *p;
	char name[48], label[160];

	(void)state;
	form_with_target_row_1(&form);
	kvlist_add(&form, "n0_level", "2");
	kvlist_add(&form, "n0_heading", "H");
	p = plan_from_form(&form, &errs, &map);
	/* A section row cannot start at level 2. */
	assert_null(p);
	assert_non_null(plan_errs_find(&errs, "n0_level"));
	plan_errs_release(&errs);
	plan_formmap_release(&map);
	kvlist_clear(&form);
	form_with_target_row_1(&form);
	p = plan_from_form(&form, &errs, &map);
	assert_non_null(p);
	assert_int_equal(p->ntargets, 1);
	assert_int_equal(p->targets[0].nms, 1);
	plan_formmap_name(&map, "targets[0].milestones[0].year", name,
	    sizeof(name));
	assert_string_equal(name, "t1_m1_year");
	plan_formmap_name(&map, "targets[0].baseline.value", name,
	    sizeof(name));
	assert_string_equal(name, "t1_base");
	plan_formmap_name(&map, "period.from", name, sizeof(name));
	assert_string_equal(name, "period_from");
	plan_form_label("t1_m1_year", 0, label, sizeof(label));
	assert_string_equal(label, "Chỉ tiêu 2, mốc 2 — Năm");
	plan_form_label("title", 1, label, sizeof(label));
	assert_string_equal(label, "Title");
	plan_free(p);
	plan_formmap_release(&map);
	kvlist_clear(&form);
}

static void
editing_replaces_the_plan_in_place(void **state)
{
	struct db *db = db_with_unit();
	struct plan_errs errs = { NULL, 0 };
	struct plan *p = NULL;
	int64_t id, gen;

	(void)state;
	id = import_text(db, good);
	gen = db_generation(db);
	assert_int_equal(plan_db_load(db, id, &p), ERR_OK);
	plan_set(&p->title, "Kế hoạch đã sửa");
	p->targets[0].ms[0].value = 0.4;
	assert_int_equal(plan_db_save(db, p, id, 7, &errs), ERR_OK);
	plan_free(p);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM plan"), 1);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM plan_target"), 1);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM target_milestone"), 2);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM audit_log WHERE"
	    " action = 'plan.update' AND user_id = 7"), 1);
	assert_true(db_generation(db) > gen);
	assert_int_equal(plan_db_load(db, id, &p), ERR_OK);
	assert_string_equal(p->title, "Kế hoạch đã sửa");
	/* A bad edit leaves the plan as it was. */
	plan_set(&p->title, "");
	assert_int_equal(plan_db_save(db, p, id, 7, &errs), ERR_INVALID);
	plan_free(p);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM plan WHERE"
	    " title = 'Kế hoạch đã sửa'"), 1);
	p = plan_new();
	assert_int_equal(plan_db_save(db, p, 999, 7, &errs), ERR_NOTFOUND);
	plan_free(p);
	plan_errs_release(&errs);
	db_close(db);
}

static void
seed_000_is_weaker_than_the_national_programme_and_001_is_not(void **state)
{
	struct db *db = db_with_seed_units();
	struct plan_catalogue cat = { NULL, 0 };
	struct plan *nat = NULL, *s000 = NULL, *s001 = NULL;
	struct plan_weak *w = NULL;
	int64_t ids[16];
	size_t n, i;
	bool dropout2025 = false;

	(void)state;
	assert_int_equal(import_seeds(db, ids), 6);
	assert_int_equal(plan_db_catalogue(db, &cat), ERR_OK);
	assert_int_equal(plan_db_load(db, ids[0], &nat), ERR_OK);
	assert_int_equal(plan_db_load(db, ids[1], &s000), ERR_OK);
	assert_int_equal(plan_db_load(db, ids[2], &s001), ERR_OK);
	n = plan_compare(s000, nat, &cat, &w);
	for (i = 0; i < n; i++) {
		const struct plan_target *t = &s000->targets[w[i].t];

		if (strcmp(t->indicator, "DROPOUT_PRIMARY") == 0 &&
		    t->ms[w[i].m].year == 2025) {
			assert_true(t->ms[w[i].m].value == 0.5);
			assert_true(nat->targets[w[i].pt].ms[w[i].pm].value ==
			    0.12);
			dropout2025 = true;
		}
	}
	assert_true(dropout2025);
	free(w);
	n = plan_compare(s001, nat, &cat, &w);
	for (i = 0; i < n; i++)
		assert_string_not_equal(s001->targets[w[i].t].indicator,
		    "DROPOUT_PRIMARY");
	free(w);
	plan_free(nat);
	plan_free(s000);
	plan_free(s001);
	plan_catalogue_release(&cat);
	db_close(db);
}

/* Child milestone, parent milestone, direction, and the verdict. */
static const struct {
	enum plan_cmp	 c;
	double		 cv;
	enum plan_cmp	 p;
	double		 pv;
	enum plan_dir	 dir;
	bool		 weaker;
} weak_cases[] = {
	/* Seed 000's primary dropout < 0.5% against the national < 0.12%. */
	{ PLAN_CMP_LT, 0.5, PLAN_CMP_LT, 0.12, PLAN_DIR_DOWN, true },
	/* Seed 001's < 0.01% is stronger. */
	{ PLAN_CMP_LT, 0.01, PLAN_CMP_LT, 0.12, PLAN_DIR_DOWN, false },
	{ PLAN_CMP_LT, 0.12, PLAN_CMP_LT, 0.12, PLAN_DIR_DOWN, false },
	{ PLAN_CMP_LE, 0.12, PLAN_CMP_LT, 0.12, PLAN_DIR_DOWN, true },
	{ PLAN_CMP_LE, 8.72, PLAN_CMP_LT, 9, PLAN_DIR_DOWN, false },
	{ PLAN_CMP_GE, 95, PLAN_CMP_GE, 97, PLAN_DIR_UP, true },
	{ PLAN_CMP_EQ, 100, PLAN_CMP_GE, 95, PLAN_DIR_UP, false },
	{ PLAN_CMP_GE, 99, PLAN_CMP_EQ, 100, PLAN_DIR_UP, true },
	{ PLAN_CMP_GT, 97, PLAN_CMP_GE, 97, PLAN_DIR_UP, false },
	/* A cap on an upward indicator promises nothing. */
	{ PLAN_CMP_LE, 99, PLAN_CMP_GE, 97, PLAN_DIR_UP, true },
	{ PLAN_CMP_GE, 1, PLAN_CMP_LE, 5, PLAN_DIR_UP, false },
};

static void
weaker_targets_are_found(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(weak_cases) / sizeof(weak_cases[0]); i++)
		if (plan_target_weaker(weak_cases[i].c, weak_cases[i].cv,
		    weak_cases[i].p, weak_cases[i].pv, weak_cases[i].dir) !=
		    weak_cases[i].weaker)
			fail_msg("weak_cases[%zu] judged wrongly", i);
}

static void
milestones_are_written_the_vietnamese_way(void **state)
{
	char s[64];

	(void)state;
	plan_fmt_milestone(PLAN_CMP_LT, 0.5, PLAN_VUNIT_PERCENT, s, sizeof(s));
	assert_string_equal(s, "<0,5%");
	plan_fmt_milestone(PLAN_CMP_GE, 97, PLAN_VUNIT_PERCENT, s, sizeof(s));
	assert_string_equal(s, "≥97%");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_valid_plan_is_saved_whole),
		cmocka_unit_test(export_then_import_gives_the_same_json),
		cmocka_unit_test(bad_plans_name_the_field_and_write_nothing),
		cmocka_unit_test(a_duplicate_target_code_is_refused),
		cmocka_unit_test(every_seed_plan_file_imports),
		cmocka_unit_test(seed_plans_survive_export_and_import),
		cmocka_unit_test(seed_plans_survive_the_edit_form),
		cmocka_unit_test(form_messages_land_beside_their_fields),
		cmocka_unit_test(editing_replaces_the_plan_in_place),
		cmocka_unit_test(
		    seed_000_is_weaker_than_the_national_programme_and_001_is_not),
		cmocka_unit_test(weaker_targets_are_found),
		cmocka_unit_test(milestones_are_written_the_vietnamese_way),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
