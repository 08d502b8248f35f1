/*
 * embedded.c -- lookup in the table of files compiled into the binary.
 */
#include <string.h>

#include "core/embedded.h"

const struct embedded_file *
embedded_find(const char *name)
{
	const struct embedded_file *f;

	for (f = embedded_files; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}
