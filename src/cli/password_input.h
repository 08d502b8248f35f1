/*
 * password_input.h -- read a password for the command line: from
 * --password-file FILE, else the VITRE_PASSWORD environment variable,
 * else one line of standard input (echo off on a terminal).
 */
#ifndef VITRE_PASSWORD_INPUT_H
#define VITRE_PASSWORD_INPUT_H

#include <stddef.h>

/* Returns 0 and a NUL-terminated password in out, or -1 with a message. */
int	password_input(const char *file, char *out, size_t size);

#endif
