/*
 * log.c -- timestamped operator messages on standard error.
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "core/log.h"

static int quiet;

void
log_set_quiet(int q)
{
	quiet = q;
}

static void
vlog(const char *level, const char *fmt, va_list ap)
{
	char when[32];
	time_t t = time(NULL);
	struct tm tm;
	char line[2048];

	localtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
	vsnprintf(line, sizeof(line), fmt, ap);
	/* One write per line so threads do not interleave. */
	fprintf(stderr, "%s vitre %s: %s\n", when, level, line);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	vlog("info", fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("warn", fmt, ap);
	va_end(ap);
}

void
log_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("error", fmt, ap);
	va_end(ap);
}
