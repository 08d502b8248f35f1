/*
 * t_chart_svg.c -- the server-drawn trend chart: balanced tags, quoted
 * attributes, no style attributes (the CSP forbids them), escaped text,
 * Vietnamese axis labels, an empty chart that says so.
 */
#include <string.h>

#include "testutil.h"
#include "dashboard/chart_svg.h"

/*
 * A small well-formedness check: every tag closes in order, attribute
 * values are double-quoted, no raw "<" or "&" without an entity in text.
 */
static void
assert_well_formed(const char *s)
{
	char stack[64][16];
	int depth = 0;
	const char *p = s;

	while (*p) {
		if (*p == '&') {
			assert_true(strncmp(p, "&lt;", 4) == 0 ||
			    strncmp(p, "&gt;", 4) == 0 ||
			    strncmp(p, "&amp;", 5) == 0 ||
			    strncmp(p, "&quot;", 6) == 0 ||
			    strncmp(p, "&#39;", 5) == 0);
			p++;
			continue;
		}
		if (*p != '<') {
			assert_true(*p != '>');
			p++;
			continue;
		}
		if (p[1] == '/') {
			size_t n = strcspn(p + 2, ">");

			assert_true(depth > 0);
			depth--;
			assert_int_equal(strlen(stack[depth]), n);
			assert_memory_equal(stack[depth], p + 2, n);
			p += n + 3;
			continue;
		}
		{
			size_t n = strcspn(p + 1, " />");
			const char *q = p + 1 + n;
			bool quoted = false;

			assert_true(n > 0 && n < 16);
			/* Scan the attributes up to the tag's end. */
			for (; *q && (quoted || *q != '>'); q++) {
				assert_true(quoted || *q != '<');
				if (*q == '"')
					quoted = !quoted;
				if (!quoted && *q == '=')
					assert_int_equal(q[1], '"');
			}
			assert_int_equal(*q, '>');
			if (q[-1] != '/') {
				assert_true(depth < 64);
				memcpy(stack[depth], p + 1, n);
				stack[depth][n] = '\0';
				depth++;
			}
			p = q + 1;
		}
	}
	assert_int_equal(depth, 0);
}

static void
chart_is_well_formed_and_escapes_text(void **state)
{
	struct chart_point act[] = {
		{ 2022, 96.2, "2021-2022: 96,2 %" },
		{ 2023, 96.5, "2022-2023: <b>96,5</b> & more" },
		{ 2024, 97.1, NULL },
	};
	struct chart_point plan[] = { { 2021, 96, NULL }, { 2025, 97, NULL },
	    { 2030, 99, NULL } };
	struct chart_point marks[] = { { 2025, 97, "Mốc 2025: ≥ 97 %" },
	    { 2030, 99, "Mốc \"2030\"" } };
	struct chart_spec s;
	struct buf b = BUF_INIT;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.title = "Xu hướng: <script>alert(1)</script>";
	s.actual = act;
	s.nactual = 3;
	s.plan = plan;
	s.nplan = 3;
	s.plan_label = "Lộ trình";
	s.marks = marks;
	s.nmarks = 2;
	s.unit = NUMFMT_PERCENT;
	chart_svg(&b, &s);
	assert_true(strncmp(b.data, "<svg ", 5) == 0);
	assert_true(b.len > 6 && strcmp(b.data + b.len - 6, "</svg>") == 0);
	assert_well_formed(b.data);
	assert_null(strstr(b.data, "style="));
	assert_null(strstr(b.data, "<script"));
	assert_non_null(strstr(b.data, "<title>Xu hướng: &lt;script&gt;"));
	assert_non_null(strstr(b.data, "&lt;b&gt;96,5&lt;/b&gt; &amp; more"));
	assert_non_null(strstr(b.data, "Mốc &quot;2030&quot;"));
	assert_non_null(strstr(b.data, "stroke-dasharray"));
	/* Two points with a title, one without; two milestone diamonds. */
	assert_non_null(strstr(b.data, "<circle"));
	assert_non_null(strstr(b.data, "<path d=\"M"));
	/* Axis labels: years, and percentages with a decimal comma. */
	assert_non_null(strstr(b.data, ">2025</text>"));
	assert_non_null(strstr(b.data, ">99 %</text>"));
	buf_release(&b);
}

static void
small_steps_use_a_decimal_comma(void **state)
{
	struct chart_point act[] = { { 2022, 0.35, NULL }, { 2026, 0.18, NULL } };
	struct chart_spec s;
	struct buf b = BUF_INIT;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.title = "t";
	s.actual = act;
	s.nactual = 2;
	s.unit = NUMFMT_PERCENT;
	chart_svg(&b, &s);
	assert_well_formed(b.data);
	assert_non_null(strstr(b.data, ",2 %</text>"));
	assert_null(strstr(b.data, ".2 %</text>"));
	buf_reset(&b);
	s.lang = 1;
	chart_svg(&b, &s);
	assert_non_null(strstr(b.data, ".2 %</text>"));
	buf_release(&b);
}

static void
percent_axis_stops_at_100_and_0(void **state)
{
	struct chart_point act[] = { { 2022, 92, NULL }, { 2026, 100, NULL } };
	struct chart_spec s;
	struct buf b = BUF_INIT;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.title = "t";
	s.actual = act;
	s.nactual = 2;
	s.unit = NUMFMT_PERCENT;
	chart_svg(&b, &s);
	assert_non_null(strstr(b.data, ">100 %</text>"));
	assert_null(strstr(b.data, ">102 %</text>"));
	assert_null(strstr(b.data, ">105 %</text>"));
	buf_release(&b);
}

static void
empty_chart_says_no_data(void **state)
{
	struct chart_spec s;
	struct buf b = BUF_INIT;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.title = "Trống";
	chart_svg(&b, &s);
	assert_well_formed(b.data);
	assert_non_null(strstr(b.data, "Chưa có số liệu"));
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chart_is_well_formed_and_escapes_text),
		cmocka_unit_test(small_steps_use_a_decimal_comma),
		cmocka_unit_test(percent_axis_stops_at_100_and_0),
		cmocka_unit_test(empty_chart_says_no_data),
	};

	return cmocka_run_group_tests_name("chart_svg", tests, NULL, NULL);
}
