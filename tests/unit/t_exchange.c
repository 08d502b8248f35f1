/*
 * t_exchange.c -- exchange of aggregate values: period notations of ADX
 * and DHIS2, data element names, the ADX and DHIS2 readers on good files
 * and on each kind of bad one, the writers read back (escaping), and the import checks (unknown unit,
 * element, period, not a number, out of scope, locked, computed,
 * duplicate) with the all-or-nothing write.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "exchange/exchange.h"
#include "units/unit.h"
#include "values/value.h"

static struct period
per(const char *code, enum period_type t, const char *start)
{
	struct period p;

	memset(&p, 0, sizeof(p));
	snprintf(p.code, sizeof(p.code), "%s", code);
	p.type = t;
	snprintf(p.start_on, sizeof(p.start_on), "%s", start);
	return p;
}

static void
periods_in_both_notations(void **state)
{
	struct period sy = per("2024-2025", PERIOD_SCHOOL_YEAR, "2024-09-01");
	struct period y = per("2024", PERIOD_YEAR, "2024-01-01");
	struct period h = per("2024S2", PERIOD_HALF_YEAR, "2024-07-01");
	char out[40];

	(void)state;
	assert_true(xchg_adx_period(&sy, out, sizeof(out)));
	assert_string_equal(out, "2024-09-01/P1Y");
	assert_true(xchg_adx_period(&y, out, sizeof(out)));
	assert_string_equal(out, "2024-01-01/P1Y");
	assert_true(xchg_adx_period(&h, out, sizeof(out)));
	assert_string_equal(out, "2024-07-01/P6M");
	assert_true(xchg_dhis2_period(&sy, out, sizeof(out)));
	assert_string_equal(out, "2024Sep");
	assert_true(xchg_dhis2_period(&y, out, sizeof(out)));
	assert_string_equal(out, "2024");
	assert_true(xchg_dhis2_period(&h, out, sizeof(out)));
	assert_string_equal(out, "2024S2");

	assert_true(xchg_period_code(XCHG_ADX, "2024-09-01/P1Y", out,
	    sizeof(out)));
	assert_string_equal(out, "2024-2025");
	assert_true(xchg_period_code(XCHG_ADX, "2024-01-01/P12M", out,
	    sizeof(out)));
	assert_string_equal(out, "2024");
	assert_true(xchg_period_code(XCHG_ADX, "2024-01-01/P6M", out,
	    sizeof(out)));
	assert_string_equal(out, "2024S1");
	assert_true(xchg_period_code(XCHG_DHIS2, "2024Sep", out, sizeof(out)));
	assert_string_equal(out, "2024-2025");
	assert_true(xchg_period_code(XCHG_DHIS2, "2024S1", out, sizeof(out)));
	assert_string_equal(out, "2024S1");
	assert_true(xchg_period_code(XCHG_DHIS2, "2024", out, sizeof(out)));
	assert_string_equal(out, "2024");

	assert_false(xchg_period_code(XCHG_ADX, "2024-09-02/P1Y", out, 40));
	assert_false(xchg_period_code(XCHG_ADX, "2024-09-01/P2Y", out, 40));
	assert_false(xchg_period_code(XCHG_ADX, "2024-04-01/P6M", out, 40));
	assert_false(xchg_period_code(XCHG_ADX, "2024-2025", out, 40));
	assert_false(xchg_period_code(XCHG_DHIS2, "2024Oct", out, 40));
	assert_false(xchg_period_code(XCHG_DHIS2, "2024S3", out, 40));
	assert_false(xchg_period_code(XCHG_DHIS2, "2024-2025", out, 40));
	assert_false(xchg_period_code(XCHG_DHIS2, "24", out, 40));
	assert_false(xchg_period_code(XCHG_DHIS2, NULL, out, 40));
}

static void
elements_and_formats(void **state)
{
	enum xchg_part part;
	enum xchg_format f;
	char code[64];

	(void)state;
	xchg_element("TOILET_STD", XCHG_DEN, code, sizeof(code));
	assert_string_equal(code, "TOILET_STD_DEN");
	assert_true(xchg_element_parse("TOILET_STD_DEN", code, sizeof(code),
	    &part));
	assert_string_equal(code, "TOILET_STD");
	assert_int_equal(part, XCHG_DEN);
	assert_true(xchg_element_parse("STUNTING_NUM", code, sizeof(code),
	    &part));
	assert_int_equal(part, XCHG_NUM);
	assert_false(xchg_element_parse("STUNTING", code, sizeof(code),
	    &part));
	assert_false(xchg_element_parse("_NUM", code, sizeof(code), &part));
	assert_true(xchg_format_sniff("\xef\xbb\xbf  <adx/>", 9, &f));
	assert_int_equal(f, XCHG_ADX);
	assert_true(xchg_format_sniff("\n{}", 3, &f));
	assert_int_equal(f, XCHG_DHIS2);
	assert_false(xchg_format_sniff("abc", 3, &f));
}

/* Read text with the format's reader into d. */
static void
read_text(struct xchg_data *d, enum xchg_format f, const char *text)
{
	xchg_data_init(d, f);
	xchg_read(text, strlen(text), d);
}

/* Does some problem (English) contain s? */
static bool
has_problem(const struct xchg_data *d, const char *s)
{
	size_t i;

	for (i = 0; i < d->npr; i++)
		if (strstr(d->pr[i].en, s) != NULL)
			return true;
	return false;
}

/* A bad file and the problem (English) it must give. */
struct bad_case {
	const char	*text, *problem;
	bool		 fatal;
};

static void
expect_bad(enum xchg_format f, const struct bad_case *bad, size_t n)
{
	struct xchg_data d;
	size_t i;

	for (i = 0; i < n; i++) {
		read_text(&d, f, bad[i].text);
		if (!has_problem(&d, bad[i].problem))
			fail_msg("case %zu: no problem \"%s\" (%s)", i,
			    bad[i].problem, d.npr ? d.pr[0].en : "none");
		assert_int_equal(d.fatal, bad[i].fatal);
		assert_int_equal(d.n, 0);
		xchg_data_release(&d);
	}
}

static void
adx_reads_a_good_file(void **state)
{
	struct xchg_data d;

	(void)state;
	read_text(&d, XCHG_ADX, "<?xml version=\"1.0\"?>\n"
	    "<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"x\">\n"
	    " <group orgUnit=\"A&amp;B\" period=\"2024-09-01/P1Y\" "
	    "dataSet=\"VITRE_AGG\">\n"
	    "  <dataValue dataElement=\"X_NUM\" SEX=\"F\" value=\"3\">"
	    "<annotation>note</annotation></dataValue>\n"
	    "  <dataValue dataElement=\"X_DEN\" value=\"7\"/>\n"
	    " </group>\n</adx>\n");
	assert_int_equal(d.nproblems, 0);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.p[0].unit, "A&B");
	assert_string_equal(d.p[0].period, "2024-09-01/P1Y");
	assert_int_equal(d.p[0].sex, XCHG_SEX_F);
	assert_int_equal(d.p[0].line, 4);
	assert_int_equal(d.p[0].col, 3);
	assert_string_equal(d.p[1].element, "X_DEN");
	assert_int_equal(d.p[1].sex, XCHG_SEX_TOTAL);
	assert_string_equal(d.p[1].value, "7");
	xchg_data_release(&d);
}

static void
adx_bad_files_are_named(void **state)
{
	static const struct bad_case bad[] = {
		{ "<adx xmlns=\"urn:ihe:qrph:adx:2015\"><group>\n</adx>",
		  "not well-formed at line 2, column 3", true },
		{ "", "not well-formed at line 1", true },
		{ "<adx><group/></adx>", "not an ADX file", true },
		{ "<!DOCTYPE adx [<!ENTITY a \"b\">]><adx xmlns=\"urn:ihe:qrph:"
		  "adx:2015\"/>", "DOCTYPE", true },
		{ "<adx xmlns=\"urn:ihe:qrph:adx:2015\"><group orgUnit=\"U\" "
		  "period=\"2024\" dataSet=\"D\"><dataValue dataElement=\"X_NUM\""
		  " AGE=\"5\" value=\"1\"/></group></adx>", "\"AGE=5\"", false },
		{ "<adx xmlns=\"urn:ihe:qrph:adx:2015\"><group orgUnit=\"U\" "
		  "period=\"2024\" dataSet=\"D\"><dataValue dataElement=\"X_NUM\""
		  " SEX=\"X\" value=\"1\"/></group></adx>", "\"SEX=X\"", false },
		{ "<adx xmlns=\"urn:ihe:qrph:adx:2015\"><group orgUnit=\"U\" "
		  "period=\"2024\" dataSet=\"D\"><dataValue dataElement=\"X_NUM\""
		  "/></group></adx>", "no value attribute", false },
		{ "<adx xmlns=\"urn:ihe:qrph:adx:2015\"><group period=\"2024\" "
		  "dataSet=\"D\"/></adx>", "no orgUnit attribute", false },
		{ "<adx xmlns=\"urn:ihe:qrph:adx:2015\"><row/></adx>",
		  "element <row> does not belong", false },
	};
	(void)state;
	expect_bad(XCHG_ADX, bad, sizeof(bad) / sizeof(bad[0]));
}

static void
dhis2_reads_a_good_file(void **state)
{
	struct xchg_data d;

	(void)state;
	read_text(&d, XCHG_DHIS2, "{\"orgUnit\": \"U1\", \"dataValues\": ["
	    "{\"dataElement\": \"X_NUM\", \"period\": \"2024Sep\", "
	    "\"categoryOptionCombo\": \"M\", \"value\": \"4\", "
	    "\"storedBy\": \"a\"},"
	    "{\"dataElement\": \"X_DEN\", \"period\": \"2024Sep\", "
	    "\"orgUnit\": \"U2\", \"attributeOptionCombo\": \"default\", "
	    "\"value\": 9}]}");
	assert_int_equal(d.nproblems, 0);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.p[0].unit, "U1");
	assert_int_equal(d.p[0].sex, XCHG_SEX_M);
	assert_string_equal(d.p[1].unit, "U2");
	assert_string_equal(d.p[1].value, "9");
	assert_int_equal(d.p[1].sex, XCHG_SEX_TOTAL);
	xchg_data_release(&d);
}

static void
dhis2_bad_files_are_named(void **state)
{
	static const struct bad_case bad[] = {
		{ "{\"dataValues\": [\n{]}", "not valid JSON at line 2", true },
		{ "{\"values\": []}", "not a DHIS2 dataValueSet", true },
		{ "{\"dataValues\": [{\"dataElement\": \"X_NUM\", \"period\": "
		  "\"2024\", \"orgUnit\": \"U\", \"categoryOptionCombo\": "
		  "\"AGE5\", \"value\": \"1\"}]}",
		  "dataValues[0] (dataElement X_NUM): categoryOptionCombo "
		  "\"AGE5\" is unknown", false },
		{ "{\"dataValues\": [{\"dataElement\": \"X_NUM\", \"period\": "
		  "\"2024\", \"orgUnit\": \"U\", \"attributeOptionCombo\": "
		  "\"P1\", \"value\": \"1\"}]}", "attributeOptionCombo \"P1\"",
		  false },
		{ "{\"dataValues\": [{\"dataElement\": \"X_NUM\", \"period\": "
		  "\"2024\", \"orgUnit\": \"U\", \"value\": true}]}",
		  "value must be a number", false },
		{ "{\"dataValues\": [{\"period\": \"2024\", \"orgUnit\": \"U\", "
		  "\"value\": \"1\"}]}", "dataValues[0]: dataElement is missing",
		  false },
		{ "{\"dataValues\": [1]}", "dataValues[0]: must be an object",
		  false },
	};
	(void)state;
	expect_bad(XCHG_DHIS2, bad, sizeof(bad) / sizeof(bad[0]));
}

/* Points written by each writer are read back the same, whatever the
 * text holds (escaping). */
static void
writers_round_trip_through_readers(void **state)
{
	static const char *const units[] = { "A&B \"<x>\" 'y'", "Trường Hà" };
	struct xchg_data w, r;
	struct xchg_point *pt;
	struct buf out = BUF_INIT;
	size_t i, f;

	(void)state;
	for (f = 0; f < XCHG__MAX; f++) {
		xchg_data_init(&w, (enum xchg_format)f);
		for (i = 0; i < 4; i++) {
			pt = xchg_point_add(&w);
			snprintf(pt->unit, sizeof(pt->unit), "%s", units[i / 2]);
			snprintf(pt->element, sizeof(pt->element), "X\\%zu_NUM",
			    i);
			snprintf(pt->period, sizeof(pt->period), "%s",
			    f == XCHG_ADX ? "2024-09-01/P1Y" : "2024Sep");
			pt->sex = (enum xchg_sex)(i % 3);
			snprintf(pt->value, sizeof(pt->value), "%zu", i * 10);
		}
		buf_reset(&out);
		if (f == XCHG_ADX)
			adx_write(&w, "2024-06-01T00:00:00Z", &out);
		else
			dhis2_write(&w, &out);
		xchg_data_init(&r, (enum xchg_format)f);
		xchg_read(out.data, out.len, &r);
		assert_int_equal(r.nproblems, 0);
		assert_int_equal(r.n, w.n);
		for (i = 0; i < w.n; i++) {
			assert_string_equal(r.p[i].unit, w.p[i].unit);
			assert_string_equal(r.p[i].element, w.p[i].element);
			assert_string_equal(r.p[i].period, w.p[i].period);
			assert_int_equal(r.p[i].sex, w.p[i].sex);
			assert_string_equal(r.p[i].value, w.p[i].value);
		}
		xchg_data_release(&w);
		xchg_data_release(&r);
	}
	buf_release(&out);
}

/* Import text into db, scope root (0 = all); returns the result. */
static enum err
import(struct db *db, int64_t scope, enum xchg_format f, const char *text,
    struct xchg_data *d, struct xchg_import *im)
{
	struct unit_tree *t = unit_tree_load(db);
	enum err e;

	assert_non_null(t);
	read_text(d, f, text);
	memset(im, 0, sizeof(*im));
	im->db = db;
	im->t = t;
	im->scope = scope;
	im->write = true;
	e = xchg_import_run(im, d);
	unit_tree_free(t);
	return e;
}

static int64_t
count_values(struct db *db)
{
	int64_t n = -1;

	assert_int_equal(db_one_int(db_stmt(db,
	    "SELECT COUNT(*) FROM agg_value"), &n), ERR_OK);
	return n;
}

#define GOOD "{\"dataValues\": [" \
	"{\"dataElement\": \"TOILET_NUM\", \"period\": \"2024Sep\", " \
	"\"orgUnit\": \"S1\", \"value\": \"3\"}," \
	"{\"dataElement\": \"TOILET_DEN\", \"period\": \"2024Sep\", " \
	"\"orgUnit\": \"S1\", \"value\": \"4\"}]}"

static void
import_checks_everything_then_writes(void **state)
{
	struct db *db = test_db();
	struct xchg_import im;
	struct xchg_data d;
	struct agg_value v;
	int64_t s1, s2, ind, pid;

	(void)state;
	s1 = test_add_unit(db, "S1", "th");
	s2 = test_add_unit(db, "S2", "th");
	assert_int_equal(db_one_int(db_stmt(db, "SELECT id FROM indicator"
	    " WHERE code = 'TOILET'"), &ind), ERR_OK);
	assert_int_equal(db_one_int(db_stmt(db, "SELECT id FROM period"
	    " WHERE code = '2024-2025'"), &pid), ERR_OK);

	/* Every kind of problem at once: nothing written. */
	assert_int_equal(import(db, s1, XCHG_DHIS2, "{\"dataValues\": ["
	    "{\"dataElement\": \"TOILET_NUM\", \"period\": \"2024Sep\", "
	    "\"orgUnit\": \"S1\", \"value\": \"3\"},"
	    "{\"dataElement\": \"TOILET_DEN\", \"period\": \"2024Sep\", "
	    "\"orgUnit\": \"S1\", \"value\": \"4\"},"
	    "{\"dataElement\": \"TOILET_DEN\", \"period\": \"2024Sep\", "
	    "\"orgUnit\": \"S1\", \"value\": \"5\"},"
	    "{\"dataElement\": \"TOILET_NUM\", \"period\": \"2024Sep\", "
	    "\"orgUnit\": \"NOPE\", \"value\": \"1\"},"
	    "{\"dataElement\": \"TOILET_NUM\", \"period\": \"2024Sep\", "
	    "\"orgUnit\": \"S2\", \"value\": \"1\"},"
	    "{\"dataElement\": \"NOTHING_NUM\", \"period\": \"2024Sep\", "
	    "\"orgUnit\": \"S1\", \"value\": \"1\"},"
	    "{\"dataElement\": \"TOILET_NUM\", \"period\": \"2024Oct\", "
	    "\"orgUnit\": \"S1\", \"value\": \"1\"},"
	    "{\"dataElement\": \"TOILET_NUM\", \"period\": \"2023Sep\", "
	    "\"orgUnit\": \"S1\", \"value\": \"1,5\"}]}", &d, &im), ERR_INVALID);
	assert_true(has_problem(&d, "dataValues[2] (dataElement TOILET_DEN): "
	    "this value was given already at dataValues[1]"));
	assert_true(has_problem(&d, "no unit with the code \"NOPE\""));
	assert_true(has_problem(&d, "dataValues[4] (dataElement TOILET_NUM): "
	    "orgUnit: unit \"S2\" is outside your scope"));
	assert_int_equal(d.nscope, 1);
	assert_true(has_problem(&d, "no data element \"NOTHING_NUM\""));
	assert_true(has_problem(&d, "no period \"2024Oct\""));
	assert_true(has_problem(&d, "\"1,5\" is not a whole number"));
	assert_int_equal(count_values(db), 0);
	xchg_data_release(&d);

	/* Numerator above the denominator (value.c's rule). */
	assert_int_equal(import(db, 0, XCHG_DHIS2, "{\"dataValues\": ["
	    "{\"dataElement\": \"TOILET_NUM\", \"period\": \"2024Sep\", "
	    "\"orgUnit\": \"S1\", \"value\": \"5\"},"
	    "{\"dataElement\": \"TOILET_DEN\", \"period\": \"2024Sep\", "
	    "\"orgUnit\": \"S1\", \"value\": \"4\"}]}", &d, &im), ERR_INVALID);
	assert_true(has_problem(&d, "unit S1, indicator TOILET, period "
	    "2024-2025: Numerator (total): may not be greater"));
	xchg_data_release(&d);

	/* A clean file is written. */
	assert_int_equal(import(db, s1, XCHG_DHIS2, GOOD, &d, &im), ERR_OK);
	assert_int_equal(im.created, 1);
	assert_int_equal(value_find(db, s1, ind, pid, &v), ERR_OK);
	assert_int_equal(v.num_total, 3);
	assert_int_equal(v.den_total, 4);
	xchg_data_release(&d);

	/* Locked: the same numbers pass (nothing to write), others not. */
	assert_int_equal(db_run(db_stmt(db, "UPDATE agg_value SET locked = 1")),
	    ERR_OK);
	assert_int_equal(import(db, s1, XCHG_DHIS2, GOOD, &d, &im), ERR_OK);
	assert_int_equal(im.unchanged, 1);
	xchg_data_release(&d);
	assert_int_equal(import(db, s1, XCHG_ADX, "<adx xmlns=\"urn:ihe:qrph:"
	    "adx:2015\"><group orgUnit=\"S1\" period=\"2024-09-01/P1Y\" "
	    "dataSet=\"D\"><dataValue dataElement=\"TOILET_NUM\" value=\"2\"/>"
	    "<dataValue dataElement=\"TOILET_DEN\" value=\"4\"/></group></adx>",
	    &d, &im), ERR_INVALID);
	assert_true(has_problem(&d, "(dataElement "
	    "TOILET_NUM): unit S1, indicator TOILET, period 2024-2025: the "
	    "value is locked"));
	assert_true(has_problem(&d, "line 1, column "));
	xchg_data_release(&d);

	/* Computed from other data: not overwritten either. */
	assert_int_equal(db_run(db_stmt(db, "UPDATE agg_value SET locked = 0,"
	    " computed = 1")), ERR_OK);
	assert_int_equal(import(db, s1, XCHG_DHIS2, "{\"dataValues\": ["
	    "{\"dataElement\": \"TOILET_NUM\", \"period\": \"2024Sep\", "
	    "\"orgUnit\": \"S1\", \"value\": \"1\"},"
	    "{\"dataElement\": \"TOILET_DEN\", \"period\": \"2024Sep\", "
	    "\"orgUnit\": \"S1\", \"value\": \"4\"}]}", &d, &im), ERR_INVALID);
	assert_true(has_problem(&d, "the value is computed from other data"));
	assert_int_equal(value_find(db, s1, ind, pid, &v), ERR_OK);
	assert_int_equal(v.num_total, 3);
	xchg_data_release(&d);
	(void)s2;
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(periods_in_both_notations),
		cmocka_unit_test(elements_and_formats),
		cmocka_unit_test(adx_reads_a_good_file),
		cmocka_unit_test(adx_bad_files_are_named),
		cmocka_unit_test(dhis2_reads_a_good_file),
		cmocka_unit_test(dhis2_bad_files_are_named),
		cmocka_unit_test(writers_round_trip_through_readers),
		cmocka_unit_test(import_checks_everything_then_writes),
	};

	return cmocka_run_group_tests_name("exchange", tests, NULL, NULL);
}
