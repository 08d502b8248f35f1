/*
 * adx_read.c -- read an IHE ADX document (expat) into data points.
 *
 * Expected: the root <adx> in the namespace urn:ihe:qrph:adx:2015, its
 * <group orgUnit period dataSet [completeDate]> children, and in each
 * <dataValue dataElement value [SEX]> (an <annotation> inside is
 * ignored).  Any other attribute on a group or a dataValue is a
 * disaggregation vitre does not know, and a problem; attributes in another
 * namespace are ignored.  A document type declaration is refused (no
 * entities), and so is a file that is not well-formed: its problem gives
 * expat's line, column and reason.
 */
#include <expat.h>
#include <stdio.h>
#include <string.h>

#include "exchange/exchange.h"

#define NS_SEP	'\x01'
#define QN(local) XCHG_ADX_NS "\x01" local

struct adx_state {
	XML_Parser	 p;
	struct xchg_data *d;
	int		 depth;
	bool		 in_value;	/* inside a dataValue */
	bool		 group_ok;
	char		 unit[64];
	char		 period[40];
};

static void
here(struct adx_state *s, struct xchg_point *pt)
{
	pt->line = (size_t)XML_GetCurrentLineNumber(s->p);
	pt->col = (size_t)XML_GetCurrentColumnNumber(s->p) + 1;
}

/* A problem at the current position (no data element yet). */
static void
problem(struct adx_state *s, const char *vi, const char *en)
{
	struct xchg_point at;

	memset(&at, 0, sizeof(at));
	here(s, &at);
	xchg_problem_add(s->d, &at, vi, en);
}

static void
fatal(struct adx_state *s, const char *vi, const char *en)
{
	problem(s, vi, en);
	s->d->fatal = true;
	XML_StopParser(s->p, XML_FALSE);
}

/* Copy an attribute into a field; a problem if it is too long. */
static bool
copy_attr(struct adx_state *s, const char *name, const char *v, char *out,
    size_t size)
{
	char vi[200], en[200];

	if (strlen(v) < size) {
		memcpy(out, v, strlen(v) + 1);
		return true;
	}
	snprintf(vi, sizeof(vi), "thuộc tính %s dài quá %zu ký tự.", name,
	    size - 1);
	snprintf(en, sizeof(en), "attribute %s is longer than %zu characters.",
	    name, size - 1);
	problem(s, vi, en);
	return false;
}

static void
unknown_category(struct adx_state *s, const char *name, const char *v)
{
	char vi[300], en[300];

	snprintf(vi, sizeof(vi), "phân tổ (category) «%.40s=%.40s» không có "
	    "trong vitre; chỉ có %s=M hoặc %s=F.", name, v, XCHG_SEX_CAT,
	    XCHG_SEX_CAT);
	snprintf(en, sizeof(en), "disaggregation (category) \"%.40s=%.40s\" is "
	    "unknown to vitre; only %s=M or %s=F.", name, v, XCHG_SEX_CAT,
	    XCHG_SEX_CAT);
	problem(s, vi, en);
}

static void
missing(struct adx_state *s, const char *elem, const char *attr)
{
	char vi[200], en[200];

	snprintf(vi, sizeof(vi), "<%s> thiếu thuộc tính %s.", elem, attr);
	snprintf(en, sizeof(en), "<%s> has no %s attribute.", elem, attr);
	problem(s, vi, en);
}

static void
group_start(struct adx_state *s, const char **atts)
{
	bool has_unit = false, has_period = false, ok = true;
	size_t i;

	for (i = 0; atts[i] != NULL; i += 2) {
		if (strchr(atts[i], NS_SEP) != NULL)
			continue;
		if (strcmp(atts[i], "orgUnit") == 0)
			ok &= has_unit = copy_attr(s, atts[i], atts[i + 1],
			    s->unit, sizeof(s->unit));
		else if (strcmp(atts[i], "period") == 0)
			ok &= has_period = copy_attr(s, atts[i], atts[i + 1],
			    s->period, sizeof(s->period));
		else if (strcmp(atts[i], "dataSet") != 0 &&
		    strcmp(atts[i], "completeDate") != 0) {
			unknown_category(s, atts[i], atts[i + 1]);
			ok = false;
		}
	}
	if (!has_unit && ok)
		missing(s, "group", "orgUnit");
	if (!has_period && ok)
		missing(s, "group", "period");
	s->group_ok = ok && has_unit && has_period;
}

static void
value_start(struct adx_state *s, const char **atts)
{
	struct xchg_point *pt;
	bool has_el = false, has_val = false, ok = true;
	size_t i;

	if (s->d->n >= XCHG_POINTS_MAX) {
		fatal(s, "tệp có quá nhiều giá trị.",
		    "the file has too many values.");
		return;
	}
	pt = xchg_point_add(s->d);
	here(s, pt);
	pt->index = s->d->n - 1;
	for (i = 0; atts[i] != NULL; i += 2) {
		if (strchr(atts[i], NS_SEP) != NULL)
			continue;
		if (strcmp(atts[i], "dataElement") == 0)
			ok &= has_el = copy_attr(s, atts[i], atts[i + 1],
			    pt->element, sizeof(pt->element));
		else if (strcmp(atts[i], "value") == 0)
			ok &= has_val = copy_attr(s, atts[i], atts[i + 1],
			    pt->value, sizeof(pt->value));
		else if (strcmp(atts[i], XCHG_SEX_CAT) == 0) {
			if (!xchg_sex_from_code(atts[i + 1], &pt->sex)) {
				unknown_category(s, atts[i], atts[i + 1]);
				ok = false;
			}
		} else {
			unknown_category(s, atts[i], atts[i + 1]);
			ok = false;
		}
	}
	if (!has_el && ok)
		missing(s, "dataValue", "dataElement");
	if (!has_val && ok)
		missing(s, "dataValue", "value");
	if (!ok || !has_el || !has_val || !s->group_ok) {
		s->d->n--;	/* reported; not a value to import */
		return;
	}
	memcpy(pt->unit, s->unit, sizeof(pt->unit));
	memcpy(pt->period, s->period, sizeof(pt->period));
}

static void
unexpected(struct adx_state *s, const char *name)
{
	const char *local = strchr(name, NS_SEP);
	char vi[240], en[240];

	snprintf(vi, sizeof(vi), "phần tử <%.60s> không thuộc ADX ở chỗ này.",
	    local != NULL ? local + 1 : name);
	snprintf(en, sizeof(en), "element <%.60s> does not belong here in "
	    "ADX.", local != NULL ? local + 1 : name);
	problem(s, vi, en);
}

static void XMLCALL
on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct adx_state *s = ud;

	switch (s->depth++) {
	case 0:
		if (strcmp(name, QN("adx")) != 0)
			fatal(s, "đây không phải tệp ADX: phần tử gốc phải là "
			    "<adx xmlns=\"" XCHG_ADX_NS "\">.",
			    "this is not an ADX file: the root element must be "
			    "<adx xmlns=\"" XCHG_ADX_NS "\">.");
		break;
	case 1:
		if (strcmp(name, QN("group")) == 0)
			group_start(s, atts);
		else
			unexpected(s, name);
		break;
	case 2:
		if (strcmp(name, QN("dataValue")) == 0) {
			value_start(s, atts);
			s->in_value = true;
		} else {
			unexpected(s, name);
		}
		break;
	case 3:
		if (!s->in_value || strcmp(name, QN("annotation")) != 0)
			unexpected(s, name);
		break;
	default:
		break;
	}
}

static void XMLCALL
on_end(void *ud, const XML_Char *name)
{
	struct adx_state *s = ud;

	(void)name;
	if (--s->depth == 2)
		s->in_value = false;
	else if (s->depth == 1)
		s->group_ok = false;
}

static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal)
{
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	fatal(ud, "tệp ADX không được có khai báo DOCTYPE.",
	    "an ADX file may not have a DOCTYPE declaration.");
}

void
adx_read(const char *data, size_t len, struct xchg_data *d)
{
	struct adx_state s;
	char vi[300], en[300];

	memset(&s, 0, sizeof(s));
	s.d = d;
	if ((s.p = XML_ParserCreateNS(NULL, NS_SEP)) == NULL) {
		xchg_problem_add(d, NULL, "không đủ bộ nhớ để đọc tệp.",
		    "out of memory reading the file.");
		d->fatal = true;
		return;
	}
	XML_SetUserData(s.p, &s);
	XML_SetElementHandler(s.p, on_start, on_end);
	XML_SetStartDoctypeDeclHandler(s.p, on_doctype);
	if (len > (size_t)INT32_MAX) {
		xchg_problem_add(d, NULL, "tệp quá lớn.", "the file is too big.");
		d->fatal = true;
	} else if (XML_Parse(s.p, data, (int)len, XML_TRUE) ==
	    XML_STATUS_ERROR && XML_GetErrorCode(s.p) != XML_ERROR_ABORTED) {
		snprintf(vi, sizeof(vi), "tệp XML không đúng cú pháp (not "
		    "well-formed) ở dòng %lu, cột %lu: %s.",
		    (unsigned long)XML_GetCurrentLineNumber(s.p),
		    (unsigned long)XML_GetCurrentColumnNumber(s.p) + 1,
		    XML_ErrorString(XML_GetErrorCode(s.p)));
		snprintf(en, sizeof(en), "the XML file is not well-formed at "
		    "line %lu, column %lu: %s.",
		    (unsigned long)XML_GetCurrentLineNumber(s.p),
		    (unsigned long)XML_GetCurrentColumnNumber(s.p) + 1,
		    XML_ErrorString(XML_GetErrorCode(s.p)));
		xchg_problem_add(d, NULL, vi, en);
		d->fatal = true;
	}
	XML_ParserFree(s.p);
}
