/*
 * password.c -- argon2id hashing through libsodium; see password.h.
 */
#include <sodium.h>
#include <string.h>

#include "auth/password.h"

_Static_assert(PASSWORD_HASH_MAX >= crypto_pwhash_STRBYTES,
    "hash buffer too small");

bool
password_hash(const char *pw, char out[PASSWORD_HASH_MAX])
{
	return crypto_pwhash_str(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
}

bool
password_verify(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

void
password_dummy_verify(const char *pw)
{
	static const char dummy[crypto_pwhash_STRBYTES] = "$argon2id$v=19$m=65536,t=2,p=1$"
	    "c29tZXNhbHRzb21lc2FsdA$"
	    "3sMCYm7WZ2sI1YYbvGb2Y1VpG2QyE/OQ0gKCuJZ/5mY";

	(void)password_verify(dummy, pw);
}
