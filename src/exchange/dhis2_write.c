/*
 * dhis2_write.c -- data points as a DHIS2 dataValueSet (JSON):
 *
 *	{"dataSet":"VITRE_AGG","dataValues":[
 *	{"dataElement":"STUNTING_NUM","period":"2024Sep","orgUnit":"CODE",
 *	 "categoryOptionCombo":"M","value":"12"},
 *	...]}
 *
 * One data value a line, compact: a province's file stays well under the
 * upload limit.  attributeOptionCombo is left out (DHIS2 takes "default").
 * Identifiers are codes, so DHIS2 imports it with idScheme=CODE (see
 * docs/exchange.md).  Values are strings, as DHIS2 writes them.
 */
#include <jansson.h>
#include <stdlib.h>

#include "exchange/exchange.h"

/* One data value as compact JSON (jansson escapes it). */
static void
value_line(const struct xchg_point *pt, struct buf *out)
{
	json_t *o = json_object();
	const char *sex = xchg_sex_code(pt->sex);
	char *text;

	json_object_set_new(o, "dataElement", json_string(pt->element));
	json_object_set_new(o, "period", json_string(pt->period));
	json_object_set_new(o, "orgUnit", json_string(pt->unit));
	json_object_set_new(o, "categoryOptionCombo",
	    json_string(sex != NULL ? sex : "default"));
	json_object_set_new(o, "value", json_string(pt->value));
	text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (text != NULL)
		buf_puts(out, text);
	free(text);
	json_decref(o);
}

void
dhis2_write(const struct xchg_data *d, struct buf *out)
{
	size_t i;

	buf_puts(out, "{\"dataSet\":\"" XCHG_DATASET "\",\"dataValues\":[");
	for (i = 0; i < d->n; i++) {
		buf_puts(out, i > 0 ? ",\n" : "\n");
		value_line(&d->p[i], out);
	}
	buf_puts(out, "\n]}\n");
}
