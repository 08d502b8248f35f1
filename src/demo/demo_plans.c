/*
 * demo_plans.c -- the plans of the demo database: every embedded
 * "plans/NN-name.json" (data/plans/), imported in file-name order so the
 * national programme (00-...) is there before the plans that implement it.
 * Runs inside demo_create()'s transaction.
 */
#include "core/embedded.h"
#include "core/strutil.h"
#include "demo/demo_int.h"
#include "plans/plan.h"
#include "plans/plan_db.h"
#include "plans/plan_json.h"

enum err
demo_plans(struct db *db, struct buf *errmsg)
{
	const struct embedded_file *f;
	struct plan_errs errs = { NULL, 0 };
	struct plan *p = NULL;
	enum err e = ERR_OK;

	for (f = embedded_files; f->name != NULL; f++) {
		if (!str_has_prefix(f->name, "plans/"))
			continue;
		p = plan_from_json_text((const char *)f->data, f->len, &errs);
		if (p == NULL) {
			e = ERR_INVALID;
			goto out;
		}
		if ((e = plan_db_write(db, p, 0, 0, &errs)) != ERR_OK)
			goto out;
		plan_free(p);
		p = NULL;
	}
out:
	if (e != ERR_OK)
		plan_errs_print(&errs, f->name, errmsg);
	plan_free(p);
	plan_errs_release(&errs);
	return e;
}
