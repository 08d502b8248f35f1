/*
 * regstat.h -- the targets computed from the register (BRIEF §4): for
 * every school and school year, the values of the indicators whose source
 * is 'register', split by sex, ethnic minority and disability, kept in
 * reg_value (migration 0005) and rolled up with the entered values by the
 * dashboard's engine (docs/internals/dashboard.md, "Computed values").
 *
 * Formulas, for a school and school year t (start-of-year enrolment = rows
 * of t that joined the school by 30 September of t's first year):
 *   COMPLETION_PRIMARY   completed grade 5 in t / grade 1 at the start of
 *                        t-4 (TH, TH&THCS);
 *   COMPLETION_LOWERSEC  completed grade 9 in t / grade 6 at the start of
 *                        t-3 (THCS, TH&THCS);
 *   DROPOUT_PRIMARY      dropped out during t / at the start of t, grades
 *                        1-5, also per grade (grade column);
 *   DROPOUT_LOWERSEC     the same for grades 6-9;
 *   MOBILISATION_5Y      children of a kindergarten (MN, independent
 *                        group) born in t's first year - 5 who attend
 *                        (not transferred out or dropped out); no
 *                        denominator: population_5y gives it per area;
 *   DISABILITY_ACCESS    disabled children with learning needs receiving
 *                        inclusive or special education / disabled
 *                        children with learning needs enrolled.
 * A completion row is kept only when its denominator year is in the
 * register (den > 0) and the year's end has been recorded (some child
 * promoted, repeating or completed): a school that started its register
 * last year, or a year still running, has no completion rate yet rather
 * than a wrong one.
 */
#ifndef VITRE_REGSTAT_H
#define VITRE_REGSTAT_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct db;

/*
 * Recompute the values of these schools (every school year), inside the
 * caller's transaction.  Called by every change to the register: import,
 * rollover, undo.
 */
enum err	 regstat_after_change(struct db *, const int64_t *schools,
		    size_t n);
/* The same for every school with enrolments (the demo's set-up). */
enum err	 regstat_refresh_all(struct db *);
/*
 * Recompute every school's values from the whole register in one pass
 * (its own transaction): "vitre regstat", the benchmark.  rows, if not
 * NULL, gets the number of reg_value rows written.
 */
enum err	 regstat_compute_all(struct db *, size_t *rows);

#endif
