/*
 * ethnicity.c -- the GSO list of the 54 ethnic groups (QĐ 1019/QĐ-TCTK,
 * 2008).  Codes 01-20 were checked against the list as QCVN 109 Annex E
 * and the GSO's own file print it; 21-54 follow the same decision's order
 * and should be checked against the printed decision before they are
 * relied on in an exchange with another system.
 */
#include <stdio.h>
#include <string.h>

#include "core/strutil.h"
#include "register/ethnicity.h"
#include "register/namefold.h"

const struct ethnicity ethnicities[ETHNICITY_COUNT] = {
	{ "01", "Kinh" }, { "02", "Tày" }, { "03", "Thái" },
	{ "04", "Mường" }, { "05", "Khơ-me" }, { "06", "Hoa" },
	{ "07", "Nùng" }, { "08", "Mông" }, { "09", "Dao" },
	{ "10", "Gia-rai" }, { "11", "Ê-đê" }, { "12", "Ba-na" },
	{ "13", "Sán Chay" }, { "14", "Chăm" }, { "15", "Cơ-ho" },
	{ "16", "Xơ-đăng" }, { "17", "Sán Dìu" }, { "18", "Hrê" },
	{ "19", "Ra-glai" }, { "20", "Mnông" }, { "21", "Thổ" },
	{ "22", "Xtiêng" }, { "23", "Khơ-mú" }, { "24", "Bru-Vân Kiều" },
	{ "25", "Cơ-tu" }, { "26", "Giáy" }, { "27", "Tà-ôi" },
	{ "28", "Mạ" }, { "29", "Giẻ-Triêng" }, { "30", "Co" },
	{ "31", "Chơ-ro" }, { "32", "Xinh-mun" }, { "33", "Hà Nhì" },
	{ "34", "Chu-ru" }, { "35", "Lào" }, { "36", "La Chí" },
	{ "37", "Kháng" }, { "38", "Phù Lá" }, { "39", "La Hủ" },
	{ "40", "La Ha" }, { "41", "Pà Thẻn" }, { "42", "Lự" },
	{ "43", "Ngái" }, { "44", "Chứt" }, { "45", "Lô Lô" },
	{ "46", "Mảng" }, { "47", "Cơ Lao" }, { "48", "Bố Y" },
	{ "49", "Cống" }, { "50", "Si La" }, { "51", "Pu Péo" },
	{ "52", "Rơ-măm" }, { "53", "Brâu" }, { "54", "Ơ-đu" },
};

/* Other names lists use for a few groups. */
static const struct {
	const char	*name;
	const char	*code;
} aliases[] = {
	{ "Việt", "01" }, { "Khmer", "05" }, { "Khơ me", "05" },
	{ "Hán", "06" }, { "H'Mông", "08" }, { "Hmông", "08" },
	{ "Mèo", "08" }, { "Gia Lai", "10" }, { "Ba Na", "12" },
	{ "Cao Lan", "13" }, { "Chăm Pa", "14" }, { "Vân Kiều", "24" },
};

const struct ethnicity *
ethnicity_find(const char *code)
{
	int64_t n;

	if (code == NULL || strlen(code) != 2 || !str_to_int_range(code, 1,
	    ETHNICITY_COUNT, &n))
		return NULL;
	return &ethnicities[n - 1];
}

/* The folded name without spaces: "Khơ-me" -> "khome". */
static void
compact_key(const char *name, char *out, size_t size)
{
	char key[NAMEFOLD_MAX];
	size_t i, n = 0;

	namefold(name, key, sizeof(key));
	for (i = 0; key[i] != '\0' && n + 1 < size; i++)
		if (key[i] != ' ')
			out[n++] = key[i];
	out[n] = '\0';
}

bool
ethnicity_parse(const char *raw, char out[3])
{
	char want[NAMEFOLD_MAX], have[NAMEFOLD_MAX];
	int64_t n;
	size_t i;

	if (raw == NULL || raw[0] == '\0')
		return false;
	if (strlen(raw) <= 2 && str_to_int_range(raw, 1, ETHNICITY_COUNT,
	    &n)) {
		snprintf(out, 3, "%02d", (int)n);
		return true;
	}
	/* A list mostly writes the name as the table does: no folding. */
	for (i = 0; i < ETHNICITY_COUNT; i++)
		if (strcmp(raw, ethnicities[i].name) == 0) {
			memcpy(out, ethnicities[i].code, 3);
			return true;
		}
	compact_key(raw, want, sizeof(want));
	if (want[0] == '\0')
		return false;
	for (i = 0; i < ETHNICITY_COUNT; i++) {
		compact_key(ethnicities[i].name, have, sizeof(have));
		if (strcmp(want, have) == 0) {
			memcpy(out, ethnicities[i].code, 3);
			return true;
		}
	}
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
		compact_key(aliases[i].name, have, sizeof(have));
		if (strcmp(want, have) == 0) {
			memcpy(out, aliases[i].code, 3);
			return true;
		}
	}
	return false;
}

bool
ethnicity_is_minority(const char *code)
{
	return ethnicity_find(code) != NULL && strcmp(code, ETHNICITY_KINH) != 0;
}
