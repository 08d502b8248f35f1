/*
 * unit.c -- questions about the organisation tree, answered from an
 * in-memory snapshot: kinds, scope, links valid on a date, children.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "units/unit.h"

const struct unit_kind_info unit_kinds[UNIT__MAX] = {
	[UNIT_MINISTRY] = { "ministry", "Bộ", "Ministry", false },
	[UNIT_PROVINCE] = { "province", "Sở GD&ĐT", "Province department", false },
	[UNIT_DISTRICT] = { "district", "Phòng GD&ĐT cấp huyện",
	    "District office", false },
	[UNIT_COMMUNE] = { "commune", "Xã / phường / đặc khu", "Commune", false },
	[UNIT_MN] = { "mn", "Trường mầm non", "Kindergarten", true },
	[UNIT_TH] = { "th", "Trường tiểu học", "Primary school", true },
	[UNIT_THCS] = { "thcs", "Trường THCS", "Lower-secondary school", true },
	[UNIT_TH_THCS] = { "th_thcs", "Trường TH&THCS",
	    "Primary and lower-secondary school", true },
	[UNIT_THPT] = { "thpt", "Trường THPT", "Upper-secondary school", true },
	[UNIT_GROUP] = { "group", "Nhóm trẻ, lớp mẫu giáo độc lập",
	    "Independent preschool group", true },
};

bool
unit_kind_from_code(const char *code, enum unit_kind *out)
{
	int i;

	for (i = 0; i < UNIT__MAX; i++)
		if (strcmp(unit_kinds[i].code, code) == 0) {
			*out = (enum unit_kind)i;
			return true;
		}
	return false;
}

const char *
unit_kind_name(enum unit_kind k, int lang)
{
	if ((unsigned)k >= UNIT__MAX)
		return "?";
	return lang ? unit_kinds[k].name_en : unit_kinds[k].name_vi;
}

const char *
unit_display_name(const struct unit *u, int lang)
{
	return lang && u->name_en[0] ? u->name_en : u->name;
}

size_t
unit_index(const struct unit_tree *t, int64_t id)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->u[mid].id == id)
			return mid;
		if (t->u[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

const struct unit *
unit_get(const struct unit_tree *t, int64_t id)
{
	size_t i = unit_index(t, id);

	return i == (size_t)-1 ? NULL : &t->u[i];
}

bool
unit_link_valid(const struct unit_link *l, const char *date)
{
	if (date == NULL)
		return true;
	return strcmp(l->from, date) <= 0 && strcmp(date, l->to) < 0;
}

bool
unit_open_on(const struct unit *u, const char *date)
{
	if (u->opened_on[0] && strcmp(date, u->opened_on) < 0)
		return false;
	return !u->closed_on[0] || strcmp(date, u->closed_on) < 0;
}

bool
unit_in_scope(const struct unit_tree *t, int64_t root, int64_t id)
{
	size_t stack[64], depth = 0, i, k;

	if (root == id)
		return unit_index(t, id) != (size_t)-1;
	if ((i = unit_index(t, id)) == (size_t)-1 ||
	    unit_index(t, root) == (size_t)-1)
		return false;
	/* Walk up every parent link; the tree is shallow. */
	stack[depth++] = i;
	while (depth > 0) {
		size_t c = stack[--depth];

		for (k = t->up_off[c]; k < t->up_off[c + 1]; k++) {
			size_t p = t->l[t->up[k]].parent;

			if (t->u[p].id == root)
				return true;
			if (depth < sizeof(stack) / sizeof(stack[0]))
				stack[depth++] = p;
		}
	}
	return false;
}

size_t
unit_children(const struct unit_tree *t, size_t parent, enum link_role role,
    const char *date, size_t *out, size_t max)
{
	size_t k, n = 0, j;

	for (k = t->down_off[parent]; k < t->down_off[parent + 1]; k++) {
		const struct unit_link *l = &t->l[t->down[k]];

		if ((role != LINK_ANY && l->role != role) ||
		    !unit_link_valid(l, date))
			continue;
		/* A child linked twice (admin and prof) is listed once. */
		for (j = 0; j < n && j < max; j++)
			if (out[j] == l->child)
				break;
		if (j < n && j < max)
			continue;
		if (n < max)
			out[n] = l->child;
		n++;
	}
	return n;
}

size_t
unit_parent(const struct unit_tree *t, size_t child, enum link_role role,
    const char *date)
{
	size_t k;

	for (k = t->up_off[child]; k < t->up_off[child + 1]; k++) {
		const struct unit_link *l = &t->l[t->up[k]];

		if ((role == LINK_ANY || l->role == role) &&
		    unit_link_valid(l, date))
			return l->parent;
	}
	return (size_t)-1;
}

bool
unit_kind_in_levels(enum unit_kind k, const char *levels)
{
	char pat[24];

	if (levels == NULL || levels[0] == '\0' || !unit_kinds[k].school)
		return true;
	snprintf(pat, sizeof(pat), ",%s,", unit_kinds[k].code);
	return strstr(levels, pat) != NULL;
}

/* Counting sort of link indexes by one end. */
static void
index_by(struct unit_tree *t, bool by_parent, size_t **offp, size_t **idxp)
{
	size_t *off = xcalloc(t->n + 2, sizeof(*off));
	size_t *idx = xcalloc(t->nl + 1, sizeof(*idx));
	size_t *fill, k;

	for (k = 0; k < t->nl; k++)
		off[(by_parent ? t->l[k].parent : t->l[k].child) + 1]++;
	for (k = 1; k <= t->n; k++)
		off[k] += off[k - 1];
	fill = xcalloc(t->n + 1, sizeof(*fill));
	for (k = 0; k < t->nl; k++) {
		size_t e = by_parent ? t->l[k].parent : t->l[k].child;

		idx[off[e] + fill[e]++] = k;
	}
	free(fill);
	*offp = off;
	*idxp = idx;
}

void
unit_tree_index(struct unit_tree *t)
{
	index_by(t, true, &t->down_off, &t->down);
	index_by(t, false, &t->up_off, &t->up);
}

void
unit_tree_free(struct unit_tree *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		free(t->u[i].code);
		free(t->u[i].name);
		free(t->u[i].name_en);
		free(t->u[i].abbrev);
		free(t->u[i].place);
	}
	free(t->u);
	free(t->l);
	free(t->down_off);
	free(t->down);
	free(t->up_off);
	free(t->up);
	free(t);
}
