/*
 * indicator.c -- the code tables of the catalogue, names for display and
 * the rate arithmetic (no SQL; see indicator_db.c).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "indicators/indicator.h"
#include "units/unit.h"

const struct ind_code ind_units[IND_UNIT__MAX] = {
	[IND_UNIT_PERCENT] = { "percent", "tỷ lệ phần trăm (%)",
	    "percentage (%)" },
	[IND_UNIT_PER1000] = { "per1000", "tỷ lệ phần nghìn (‰)",
	    "rate per 1,000 (‰)" },
	[IND_UNIT_COUNT] = { "count", "số lượng (đếm)", "count" },
};

const struct ind_code ind_directions[IND_DIR__MAX] = {
	[IND_DIR_UP] = { "up", "cao hơn là tốt hơn", "higher is better" },
	[IND_DIR_DOWN] = { "down", "thấp hơn là tốt hơn", "lower is better" },
};

const struct ind_code ind_sources[IND_SRC__MAX] = {
	[IND_SRC_ENTERED] = { "entered", "nhập số liệu tổng hợp",
	    "entered as aggregate values" },
	[IND_SRC_REGISTER] = { "register", "tính từ sổ theo dõi trẻ em",
	    "computed from the child register" },
	[IND_SRC_GROWTH] = { "growth", "tính từ kết quả cân đo",
	    "computed from growth measurements" },
	[IND_SRC_ACTIVITY] = { "activity", "tính từ nhật ký hoạt động",
	    "computed from activity logs" },
	[IND_SRC_CASES] = { "cases", "đếm từ hồ sơ bảo vệ trẻ em (đã ẩn danh)",
	    "de-identified counts of protection cases" },
};

static int
code_index(const struct ind_code *tbl, int n, const char *code)
{
	int i;

	for (i = 0; i < n; i++)
		if (code != NULL && strcmp(tbl[i].code, code) == 0)
			return i;
	return -1;
}

bool
indicator_unit_from_code(const char *code, enum ind_unit *out)
{
	int i = code_index(ind_units, IND_UNIT__MAX, code);

	if (i >= 0)
		*out = (enum ind_unit)i;
	return i >= 0;
}

bool
indicator_direction_from_code(const char *code, enum ind_direction *out)
{
	int i = code_index(ind_directions, IND_DIR__MAX, code);

	if (i >= 0)
		*out = (enum ind_direction)i;
	return i >= 0;
}

bool
indicator_source_from_code(const char *code, enum ind_source *out)
{
	int i = code_index(ind_sources, IND_SRC__MAX, code);

	if (i >= 0)
		*out = (enum ind_source)i;
	return i >= 0;
}

static const char *
pick(const struct ind_code *c, int lang)
{
	return lang ? c->name_en : c->name_vi;
}

const char *
indicator_name(const struct indicator *ind, int lang)
{
	return lang && ind->name_en[0] ? ind->name_en : ind->name_vi;
}

const char *
indicator_unit_name(enum ind_unit u, int lang)
{
	return (unsigned)u < IND_UNIT__MAX ? pick(&ind_units[u], lang) : "?";
}

const char *
indicator_unit_symbol(enum ind_unit u)
{
	switch (u) {
	case IND_UNIT_PERCENT:
		return "%";
	case IND_UNIT_PER1000:
		return "‰";
	default:
		return "";
	}
}

const char *
indicator_direction_name(enum ind_direction d, int lang)
{
	return (unsigned)d < IND_DIR__MAX ? pick(&ind_directions[d], lang) :
	    "?";
}

const char *
indicator_source_name(enum ind_source s, int lang)
{
	return (unsigned)s < IND_SRC__MAX ? pick(&ind_sources[s], lang) : "?";
}

void
indicator_levels_text(const char *levels, int lang, struct buf *out)
{
	int k, n = 0;

	for (k = 0; k < UNIT__MAX; k++) {
		if (!unit_kinds[k].school || levels == NULL ||
		    levels[0] == '\0' ||
		    !unit_kind_in_levels((enum unit_kind)k, levels))
			continue;
		if (n++ > 0)
			buf_puts(out, "; ");
		buf_puts(out, unit_kind_name((enum unit_kind)k, lang));
	}
	if (n == 0)
		buf_puts(out, lang ? "every level" : "mọi cấp học");
}

double
indicator_rate(int64_t num, int64_t den, enum ind_unit u)
{
	if (u == IND_UNIT_COUNT)
		return (double)num;
	if (den <= 0)
		return NAN;
	return (double)num * (u == IND_UNIT_PER1000 ? 1000.0 : 100.0) /
	    (double)den;
}

void
indicator_format_rate(double v, enum ind_unit u, int lang, char *out,
    size_t size)
{
	char *dot;

	if (isnan(v)) {
		snprintf(out, size, "—");
		return;
	}
	if (u == IND_UNIT_COUNT) {
		snprintf(out, size, "%.0f", v);
		return;
	}
	snprintf(out, size, "%.2f%s", v, indicator_unit_symbol(u));
	if (!lang && (dot = strchr(out, '.')) != NULL)
		*dot = ',';
}
