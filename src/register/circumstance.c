/*
 * circumstance.c -- the 14 groups of children in special circumstances
 * (Law on Children 2016 Art. 10) and checking a child's circumstance (see
 * circumstance.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/strutil.h"
#include "register/circumstance.h"

const struct circ_group circ_groups[CIRC_GROUPS] = {
	{ "a", "Trẻ em mồ côi cả cha và mẹ",
	    "Orphaned of both parents" },
	{ "b", "Trẻ em bị bỏ rơi", "Abandoned" },
	{ "c", "Trẻ em không nơi nương tựa",
	    "Without anyone to rely on" },
	{ "d", "Trẻ em khuyết tật", "With a disability" },
	{ "đ", "Trẻ em nhiễm HIV/AIDS", "Living with HIV/AIDS" },
	{ "e", "Trẻ em vi phạm pháp luật", "In conflict with the law" },
	{ "g", "Trẻ em nghiện ma túy", "Addicted to drugs" },
	{ "h", "Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục "
	    "trung học cơ sở", "Left school to earn a living before "
	    "completing lower-secondary education" },
	{ "i", "Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị "
	    "bạo lực", "Seriously harmed in body and mind by violence" },
	{ "k", "Trẻ em bị bóc lột", "Exploited" },
	{ "l", "Trẻ em bị xâm hại tình dục", "Sexually abused" },
	{ "m", "Trẻ em bị mua bán", "Trafficked" },
	{ "n", "Trẻ em mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày "
	    "thuộc hộ nghèo hoặc hộ cận nghèo", "With a grave or long-term "
	    "illness in a poor or near-poor household" },
	{ "o", "Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha "
	    "mẹ hoặc không có người chăm sóc", "Migrant, displaced or refugee "
	    "child whose parents are unknown or who has no carer" },
};

const struct circ_sub circ_subs[] = {
	{ "a", "1", "Không có người chăm sóc", "With no carer" },
	{ "a", "2", "Đang được nuôi dưỡng tại cơ sở bảo vệ trẻ em, cơ sở trợ "
	    "giúp xã hội", "Cared for in a child-protection or social-"
	    "assistance facility" },
	{ "a", "3", "Đang sống với người thân thích", "Living with relatives" },
	{ "a", "4", "Được nhận chăm sóc thay thế bởi người không phải là người "
	    "thân thích", "In alternative care by people who are not "
	    "relatives" },
};
const size_t circ_nsubs = sizeof(circ_subs) / sizeof(circ_subs[0]);

const struct field circ_f_group = { "circ_group",
	"Nhóm hoàn cảnh đặc biệt", "Special-circumstance group" };
const struct field circ_f_sub_group = { "circ_sub", "Nhóm nhỏ",
	"Sub-group" };
const struct field circ_f_from_on = { "circ_from", "Từ ngày", "From" };
const struct field circ_f_to_on = { "circ_to", "Đến ngày", "To" };
const struct field circ_f_note = { "circ_note", "Ghi chú", "Note" };

int
circ_group_find(const char *letter)
{
	int i;

	if (letter == NULL)
		return -1;
	if (strcmp(letter, "dd") == 0 || strcmp(letter, "Đ") == 0)
		letter = "đ";
	for (i = 0; i < CIRC_GROUPS; i++)
		if (strcmp(circ_groups[i].letter, letter) == 0 ||
		    (letter[0] >= 'A' && letter[0] <= 'Z' && letter[1] == '\0' &&
		    circ_groups[i].letter[0] == letter[0] - 'A' + 'a' &&
		    circ_groups[i].letter[1] == '\0'))
			return i;
	return -1;
}

void
circ_group_letters(unsigned bits, char *out, size_t size)
{
	size_t len = 0;
	int i;

	if (size == 0)
		return;
	out[0] = '\0';
	for (i = 0; i < CIRC_GROUPS; i++) {
		int w;

		if (!(bits & (1u << i)))
			continue;
		w = snprintf(out + len, size - len, "%s%s", len ? ", " : "",
		    circ_groups[i].letter);
		if (w < 0 || (size_t)w >= size - len)
			break;
		len += (size_t)w;
	}
}

const struct circ_sub *
circ_sub_find(const char *group, const char *code)
{
	size_t i;

	for (i = 0; i < circ_nsubs; i++)
		if (strcmp(circ_subs[i].group, group) == 0 &&
		    strcmp(circ_subs[i].code, code) == 0)
			return &circ_subs[i];
	return NULL;
}

static bool
sub_code_ok(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > CIRC_SUB_MAX)
		return false;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '.'))
			return false;
	return true;
}

/* A date of the circumstance: not before birth, not after today. */
static void
date_in_life(struct form_errors *errs, const struct field *f,
    const char *date, const char *birth, const char *today)
{
	if (date[0] == '\0')
		return;
	if (birth != NULL && birth[0] != '\0' && strcmp(date, birth) < 0)
		form_error(errs, f, "không được trước ngày sinh của trẻ.",
		    "may not be before the child's date of birth.");
	else if (strcmp(date, today) > 0)
		form_error(errs, f, "không được sau hôm nay.",
		    "may not be after today.");
}

bool
circumstance_check(const struct circumstance_raw *raw, const char *birth,
    const char *today, struct circumstance *out, struct form_errors *errs)
{
	size_t before = errs->n;
	bool from_ok, to_ok;

	memset(out, 0, sizeof(*out));
	if (str_empty(raw->group))
		form_error(errs, &circ_f_group, "cần chọn một trong 14 nhóm "
		    "(Điều 10 Luật Trẻ em).", "required: one of the 14 groups "
		    "(Law on Children, Art. 10).");
	else if ((out->group = circ_group_find(raw->group)) < 0)
		form_error(errs, &circ_f_group, "phải là một chữ a, b, c, d, đ, "
		    "e, g, h, i, k, l, m, n, o (Điều 10 Luật Trẻ em).",
		    "must be one of the letters a, b, c, d, đ, e, g, h, i, k, "
		    "l, m, n, o (Law on Children, Art. 10).");
	if (!str_empty(raw->sub_group)) {
		if (!sub_code_ok(raw->sub_group))
			form_error(errs, &circ_f_sub_group, "gồm 1–8 chữ cái "
			    "không dấu, chữ số hoặc dấu chấm.", "has 1–8 "
			    "letters without marks, digits or dots.");
		else if (out->group >= 0 && strcmp(circ_groups[out->group].letter,
		    "a") == 0 && circ_sub_find("a", raw->sub_group) == NULL)
			form_error(errs, &circ_f_sub_group, "nhóm a có các nhóm "
			    "nhỏ 1 đến 4 (Điều 3 Nghị định 56/2017).", "group a "
			    "has the sub-groups 1 to 4 (Decree 56/2017, Art. 3).");
		else
			snprintf(out->sub_group, sizeof(out->sub_group), "%s",
			    raw->sub_group);
	}
	from_ok = valid_date(errs, &circ_f_from_on, raw->from_on, true,
	    out->from_on);
	if (from_ok)
		date_in_life(errs, &circ_f_from_on, out->from_on, birth, today);
	to_ok = valid_date(errs, &circ_f_to_on, raw->to_on, false, out->to_on);
	if (to_ok && out->to_on[0] != '\0') {
		if (from_ok && strcmp(out->to_on, out->from_on) < 0)
			form_error(errs, &circ_f_to_on, "không được trước ngày "
			    "bắt đầu.", "may not be before the start.");
		else
			date_in_life(errs, &circ_f_to_on, out->to_on, birth,
			    today);
	}
	(void)valid_text(errs, &circ_f_note, raw->note, false, CHILD_NOTE_MAX,
	    out->note);
	return errs->n == before;
}

bool
circumstance_overlaps(const struct circumstance *c, const char *from,
    const char *to)
{
	if (strcmp(c->from_on, to) > 0)
		return false;
	return c->to_on[0] == '\0' || strcmp(c->to_on, from) >= 0;
}
