/*
 * zscore_text.c -- the words of the z-score module: WHO's column names,
 * the reasons a z-score is missing (Vietnamese and English), and the
 * classification codes and labels.  See zscore.h.
 */
#include <strings.h>
#include <string.h>

#include "growth/zscore.h"

static const struct {
	bool		 error;
	const char	*vi, *en;
} reasons[ZR__MAX] = {
	[ZR_OK] = { false, "", "" },
	[ZR_OTHER_GROUP] = { false, "không thuộc nhóm tuổi của chỉ số này",
	    "not for this age group" },
	[ZR_SEX_MISSING] = { true, "thiếu giới tính (sex)", "sex is missing" },
	[ZR_SEX_UNKNOWN] = { true, "giới tính (sex) phải là 1/m (nam) hoặc "
	    "2/f (nữ)", "sex must be 1/m (male) or 2/f (female)" },
	[ZR_AGE_MISSING] = { true, "thiếu tuổi (birth_date và visit_date, "
	    "hoặc age)", "age is missing (birth_date and visit_date, or age)" },
	[ZR_AGE_NEGATIVE] = { true, "tuổi (age) âm", "age is negative" },
	[ZR_VISIT_BEFORE_BIRTH] = { true, "ngày cân đo (visit_date) trước "
	    "ngày sinh (birth_date)", "visit_date is before birth_date" },
	[ZR_AGE_ABOVE_228] = { true, "trên 228 tháng (19 tuổi): WHO không có "
	    "chuẩn", "older than 228 months (19 years): no WHO reference" },
	[ZR_AGE_ABOVE_120] = { false, "cân nặng theo tuổi chỉ có đến 120 "
	    "tháng (10 tuổi)", "weight-for-age only goes up to 120 months "
	    "(10 years)" },
	[ZR_WEIGHT_MISSING] = { false, "không có cân nặng (weight)",
	    "weight not measured" },
	[ZR_WEIGHT_NOT_POSITIVE] = { true, "cân nặng (weight) phải lớn hơn 0",
	    "weight must be above 0" },
	[ZR_LENHEI_MISSING] = { false, "không có chiều dài/chiều cao (lenhei)",
	    "length/height not measured" },
	[ZR_LENHEI_NOT_POSITIVE] = { true, "chiều dài/chiều cao (lenhei) phải "
	    "lớn hơn 0", "lenhei must be above 0" },
	[ZR_LENGTH_OUT_OF_TABLE] = { true, "chiều dài (đã hiệu chỉnh) ngoài "
	    "bảng cân nặng theo chiều dài, 45–110 cm", "length (adjusted) "
	    "outside the weight-for-length table, 45–110 cm" },
	[ZR_HEIGHT_OUT_OF_TABLE] = { true, "chiều cao (đã hiệu chỉnh) ngoài "
	    "bảng cân nặng theo chiều cao, 65–120 cm", "height (adjusted) "
	    "outside the weight-for-height table, 65–120 cm" },
	[ZR_OEDEMA] = { false, "phù (oedema): không tính z-score theo cân nặng",
	    "oedema: no weight-based z-score" },
	[ZR_NOT_FINITE] = { true, "số đo quá xa mọi giá trị có thể (|z| > 1e9)",
	    "a measurement too far from any possible value (|z| > 1e9)" },
};

bool
zs_reason_is_error(enum zs_reason why)
{
	return why < ZR__MAX && reasons[why].error;
}

const char *
zs_reason_text(enum zs_reason why, const char *lang)
{
	if (why >= ZR__MAX)
		return "";
	return strcmp(lang, "vi") == 0 ? reasons[why].vi : reasons[why].en;
}

static const char *const znames[ZS__MAX] = {
	"zlen", "zwei", "zwfl", "zbmi", "zhfa", "zwfa", "zbfa"
};
static const char *const fnames[ZS__MAX] = {
	"flen", "fwei", "fwfl", "fbmi", "fhfa", "fwfa", "fbfa"
};

const char *
zs_ind_zname(enum zs_ind k)
{
	return k < ZS__MAX ? znames[k] : "";
}

const char *
zs_ind_fname(enum zs_ind k)
{
	return k < ZS__MAX ? fnames[k] : "";
}

/* [dim][level] code and Vietnamese label; NULL where there is none. */
static const struct {
	const char	*code, *vi;
} levels[ZD__MAX][ZL_OBESITY + 1] = {
	[ZD_STUNTING] = {
		[ZL_SEVERE] = { "severe_stunting", "thấp còi mức độ nặng" },
		[ZL_MODERATE] = { "stunting", "thấp còi" },
	},
	[ZD_UNDERWEIGHT] = {
		[ZL_SEVERE] = { "severe_underweight", "nhẹ cân mức độ nặng" },
		[ZL_MODERATE] = { "underweight", "nhẹ cân" },
	},
	[ZD_WFH] = {
		[ZL_SEVERE] = { "severe_wasting", "gầy còm mức độ nặng" },
		[ZL_MODERATE] = { "wasting", "gầy còm" },
		[ZL_OVERWEIGHT] = { "overweight", "thừa cân" },
		[ZL_OBESITY] = { "obesity", "béo phì" },
	},
	[ZD_BFA] = {
		[ZL_SEVERE] = { "severe_thinness", "gầy mức độ nặng" },
		[ZL_MODERATE] = { "thinness", "gầy" },
		[ZL_OVERWEIGHT] = { "overweight", "thừa cân" },
		[ZL_OBESITY] = { "obesity", "béo phì" },
	},
};

const char *
zs_level_code(enum zs_dim d, enum zs_level l)
{
	return d < ZD__MAX && l <= ZL_OBESITY ? levels[d][l].code : NULL;
}

const char *
zs_level_vi(enum zs_dim d, enum zs_level l)
{
	return d < ZD__MAX && l <= ZL_OBESITY ? levels[d][l].vi : NULL;
}

/* s without surrounding blanks, into out[n]; false if it does not fit. */
static bool
trimmed(const char *s, char *out, size_t n)
{
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= n)
		return false;
	memcpy(out, s, len);
	out[len] = '\0';
	return true;
}

/* True if t is one of the words in list (ASCII case ignored). */
static bool
one_of(const char *t, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcasecmp(t, *list) == 0)
			return true;
	return false;
}

bool
zs_parse_sex(const char *s, enum zs_sex *out)
{
	static const char *const male[] = { "1", "m", "male", "nam", NULL };
	static const char *const female[] = { "2", "f", "female", "nữ", "Nữ",
	    "NỮ", "nu", NULL };
	char t[16];

	if (!trimmed(s, t, sizeof(t)))
		return false;
	if (t[0] == '\0')
		*out = ZS_SEX_MISSING;
	else if (one_of(t, male))
		*out = ZS_MALE;
	else if (one_of(t, female))
		*out = ZS_FEMALE;
	else
		return false;
	return true;
}

bool
zs_parse_measure(const char *s, enum zs_measure *out)
{
	char t[4];

	if (!trimmed(s, t, sizeof(t)))
		return false;
	if (t[0] == '\0')
		*out = ZS_MEASURE_MISSING;
	else if (strcasecmp(t, "l") == 0)
		*out = ZS_LYING;
	else if (strcasecmp(t, "h") == 0)
		*out = ZS_STANDING;
	else
		return false;
	return true;
}

bool
zs_parse_oedema(const char *s, bool *out)
{
	static const char *const yes[] = { "y", "1", NULL };
	static const char *const no[] = { "n", "2", "", NULL };
	char t[4];

	if (!trimmed(s, t, sizeof(t)))
		return false;
	if (one_of(t, yes))
		*out = true;
	else if (one_of(t, no))
		*out = false;
	else
		return false;
	return true;
}
