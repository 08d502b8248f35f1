/*
 * adx_write.c -- data points as an IHE ADX document:
 *
 *	<adx xmlns="urn:ihe:qrph:adx:2015" exported="...">
 *	  <group orgUnit="CODE" period="2024-09-01/P1Y" dataSet="VITRE_AGG">
 *	    <dataValue dataElement="STUNTING_NUM" SEX="M" value="12"/>
 *
 * One group per run of points with the same unit and period.  Every text
 * goes through render/xml.h, which escapes it for an attribute and drops
 * what XML cannot hold, so the document is always well-formed.
 */
#include <string.h>

#include "exchange/exchange.h"
#include "render/xml.h"

void
adx_write(const struct xchg_data *d, const char *exported, struct buf *out)
{
	const struct xchg_point *pt, *prev = NULL;
	const char *sex;
	size_t i;

	xml_lit(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	xml_fmt(out, "<adx xmlns=\"%s\" exported=\"%s\">\n", XCHG_ADX_NS,
	    exported);
	for (i = 0; i < d->n; i++) {
		pt = &d->p[i];
		if (prev == NULL || strcmp(prev->unit, pt->unit) != 0 ||
		    strcmp(prev->period, pt->period) != 0) {
			if (prev != NULL)
				xml_lit(out, "  </group>\n");
			xml_fmt(out, "  <group orgUnit=\"%s\" period=\"%s\" "
			    "dataSet=\"%s\">\n", pt->unit, pt->period,
			    XCHG_DATASET);
		}
		xml_fmt(out, "    <dataValue dataElement=\"%s\"",
		    pt->element);
		if ((sex = xchg_sex_code(pt->sex)) != NULL)
			xml_fmt(out, " %s=\"%s\"", XCHG_SEX_CAT, sex);
		xml_fmt(out, " value=\"%s\"/>\n", pt->value);
		prev = pt;
	}
	if (prev != NULL)
		xml_lit(out, "  </group>\n");
	xml_lit(out, "</adx>\n");
}
