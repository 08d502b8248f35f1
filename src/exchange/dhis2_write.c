/*
 * dhis2_write.c -- data points as a DHIS2 dataValueSet (JSON):
 *
 *	{ "dataSet": "VITRE_AGG", "dataValues": [ { "dataElement":
 *	  "STUNTING_NUM", "period": "2024Sep", "orgUnit": "CODE",
 *	  "categoryOptionCombo": "M", "attributeOptionCombo": "default",
 *	  "value": "12" }, ... ] }
 *
 * Identifiers are codes, so DHIS2 imports it with idScheme=CODE (see
 * docs/exchange.md).  Values are strings, as DHIS2 writes them.
 */
#include <jansson.h>
#include <stdlib.h>

#include "exchange/exchange.h"

void
dhis2_write(const struct xchg_data *d, struct buf *out)
{
	json_t *root = json_object(), *vals = json_array(), *o;
	const struct xchg_point *pt;
	const char *sex;
	char *text;
	size_t i;

	json_object_set_new(root, "dataSet", json_string(XCHG_DATASET));
	for (i = 0; i < d->n; i++) {
		pt = &d->p[i];
		sex = xchg_sex_code(pt->sex);
		o = json_object();
		json_object_set_new(o, "dataElement", json_string(pt->element));
		json_object_set_new(o, "period", json_string(pt->period));
		json_object_set_new(o, "orgUnit", json_string(pt->unit));
		json_object_set_new(o, "categoryOptionCombo",
		    json_string(sex != NULL ? sex : "default"));
		json_object_set_new(o, "attributeOptionCombo",
		    json_string("default"));
		json_object_set_new(o, "value", json_string(pt->value));
		json_array_append_new(vals, o);
	}
	json_object_set_new(root, "dataValues", vals);
	text = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	if (text != NULL) {
		buf_puts(out, text);
		buf_putc(out, '\n');
	}
	free(text);
	json_decref(root);
}
