/*
 * xalloc.h -- allocation wrappers that abort on out-of-memory.
 *
 * vitre is an application: running out of memory is not a condition we can
 * recover from in a useful way, so every allocation goes through these and
 * error paths are kept for real errors (bad input, I/O, database).
 */
#ifndef VITRE_XALLOC_H
#define VITRE_XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

#endif
