/*
 * migrate.h -- numbered, forward-only schema migrations embedded in the
 * binary (src/db/migrations/NNNN_name.sql), applied at start.
 */
#ifndef VITRE_MIGRATE_H
#define VITRE_MIGRATE_H

#include "core/buf.h"
#include "core/err.h"

struct db;

/* Apply every migration not yet recorded in schema_version, each in its own
 * exclusive transaction.  Returns ERR_OK when the schema is current. */
enum err	migrate(struct db *, struct buf *errmsg);

#endif
