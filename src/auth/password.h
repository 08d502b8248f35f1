/*
 * password.h -- password hashing with libsodium's argon2id at its
 * "interactive" limits (about 85 ms and 64 MiB per hash on our machines).
 */
#ifndef VITRE_PASSWORD_H
#define VITRE_PASSWORD_H

#include <stdbool.h>

#define PASSWORD_HASH_MAX 128	/* >= crypto_pwhash_STRBYTES */
#define PASSWORD_MIN_LEN 8

/* Hash pw into out; false only if memory for the hash cannot be had. */
bool	password_hash(const char *pw, char out[PASSWORD_HASH_MAX]);
bool	password_verify(const char *hash, const char *pw);
/* Spend the time of one verification (for unknown user names). */
void	password_dummy_verify(const char *pw);

#endif
