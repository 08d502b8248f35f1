/*
 * err.c -- names for enum err and the ERR_BUG() reporter.
 */
#include <stdio.h>

#include "core/err.h"

static const char *const names[ERR__MAX] = {
	"ok", "invalid", "not found", "conflict", "forbidden", "locked",
	"database error", "i/o error",
};

const char *
err_name(enum err e)
{
	if ((int)e < 0 || e >= ERR__MAX)
		return "unknown";
	return names[e];
}

enum err
err_bug(const char *file, int line, const char *msg)
{
	fprintf(stderr, "vitre: BUG at %s:%d: %s\n", file, line, msg);
	return ERR_DB;
}
