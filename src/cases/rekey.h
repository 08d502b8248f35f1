/*
 * rekey.h -- key rotation: re-seal every sealed field of the database
 * (protection cases and counselling notes) under a new case key.
 *
 * In one transaction: the old key must match the database's check value
 * and open every sealed value first (a value it cannot open stops the
 * rotation with its table, column and row, and nothing changes); then every
 * value is sealed again under the new key, the keyed tags of register
 * children (casefile.child_tag) are recomputed with the new key, the check
 * value is rewritten and the case audit log gets one "key_rotate" entry.
 * Afterwards the new key reads everything and the old key is refused at
 * start like any wrong key.
 *
 * The sealed columns are listed in rekey.c; a new sealed column must be
 * added there (docs/internals/cases.md, "Key rotation").
 */
#ifndef VITRE_REKEY_H
#define VITRE_REKEY_H

#include <stdint.h>

#include "cases/caseaudit.h"
#include "core/buf.h"
#include "core/err.h"

struct casekey;
struct db;

/*
 * Rotate from old to new.  ERR_OK and *fields = the values re-sealed;
 * ERR_INVALID (new is old, or a value does not open), ERR_FORBIDDEN (old
 * is not the database's key) or ERR_DB, with msg saying why in Vietnamese
 * and English, and the database as it was.
 */
enum err	 casekey_rotate(struct db *, const struct casekey *old,
		    const struct casekey *new_key,
		    const struct caseaudit_who *, int64_t *fields,
		    struct buf *msg);

#endif
