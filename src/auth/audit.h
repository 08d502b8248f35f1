/*
 * audit.h -- the audit log: who did what to which object, and when.
 * Written in the same transaction as the change it records.
 */
#ifndef VITRE_AUDIT_H
#define VITRE_AUDIT_H

#include <stdint.h>

#include "core/err.h"

struct db;

/* user_id 0 = the system or the command line. */
enum err	audit(struct db *, int64_t user_id, const char *action,
		    const char *object, const char *detail);

#endif
