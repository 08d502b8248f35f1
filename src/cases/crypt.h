/*
 * crypt.h -- the case key and the encryption of case fields at rest.
 *
 * Every narrative, name and other free text of a protection case is
 * stored only as a sealed field: libsodium's secretbox (XSalsa20-Poly1305)
 * under the case key, with a fresh random nonce per field, written as
 * "v1:" followed by base64 of nonce || MAC || ciphertext.  A copy of the
 * database alone reveals nothing readable; a sealed field that was changed,
 * or opened with another key, fails its MAC and is reported as an error,
 * never returned as garbage.
 *
 * The key (32 random bytes) lives outside the database: a key file of 64
 * hex digits that only its owner may read (mode 0600 or stricter; a file
 * readable by the group or others is refused), or the environment variable
 * VITRE_CASE_KEY holding the same hex.  In memory it sits in libsodium's
 * guarded allocation (sodium_malloc), read-only.
 *
 * The database keeps a check value (meta 'case_key_check', a sealed known
 * text), so a wrong key is recognised when the server starts.
 */
#ifndef VITRE_CASE_CRYPT_H
#define VITRE_CASE_CRYPT_H

#include <stdbool.h>

#include "core/buf.h"
#include "core/err.h"

struct db;
struct casekey;

#define CASEKEY_ENV	"VITRE_CASE_KEY"
#define CASEKEY_HEXLEN	64

/* Where the server stands with its key (struct app). */
enum casekey_state {
	CASEKEY_MISSING,	/* no key given */
	CASEKEY_OK,		/* key loaded and matches the database */
	CASEKEY_WRONG		/* key loaded but another key sealed the data */
};

/*
 * Load a key from 64 hex digits.  On ERR_INVALID errmsg says why, in
 * Vietnamese then English.  *out belongs to the caller (casekey_free).
 */
enum err	 casekey_from_hex(const char *hex, struct casekey **out,
		    struct buf *errmsg);
/*
 * Load a key file.  ERR_FORBIDDEN if the group or others may read it (or
 * it is not a regular file), ERR_IO if it cannot be read, ERR_INVALID if it
 * does not hold 64 hex digits; errmsg names the file and the fix.
 */
enum err	 casekey_load_file(const char *path, struct casekey **out,
		    struct buf *errmsg);
/*
 * Create a new key file with mode 0600; never overwrites (ERR_CONFLICT if
 * path exists).
 */
enum err	 casekey_generate_file(const char *path, struct buf *errmsg);
void		 casekey_free(struct casekey *);

/*
 * Seal plain text (a C string) into a new "v1:..." string, which the
 * caller frees.
 */
char		*casekey_seal(const struct casekey *, const char *plain);
/*
 * Open a sealed field into a new C string *out (the caller frees it, with
 * casekey_wipe_free to clear it first).  ERR_INVALID if the field is
 * malformed, was changed, or was sealed with another key.
 */
enum err	 casekey_open(const struct casekey *, const char *sealed,
		    char **out);
/*
 * A tag for text that only the key holder can compute: hex BLAKE2b-256
 * keyed with a subkey derived from the case key.  The same text gives the
 * same tag (so a child linked to two cases counts once) and the tag does
 * not reveal the text without the key.
 */
void		 casekey_tag(const struct casekey *, const char *text,
		    char out[65]);
/* Clear and free a string that held plain text; NULL is a no-op. */
void		 casekey_wipe_free(char *);

/*
 * Compare the key with the database's check value, writing one if the
 * database has none yet: CASEKEY_OK or CASEKEY_WRONG (or CASEKEY_MISSING
 * if the database cannot be read or written).
 */
enum casekey_state casekey_check_db(struct db *, const struct casekey *);

/*
 * Inside the caller's transaction: CASEKEY_OK if the key opens the
 * database's check value or there is none, CASEKEY_WRONG if it does not,
 * CASEKEY_MISSING if the database cannot be read.
 */
enum casekey_state casekey_check_in_tx(struct db *, const struct casekey *);
/* Inside the caller's transaction: write the check value for the key. */
enum err	 casekey_put_check(struct db *, const struct casekey *);
/* Are two keys the same key (compared in constant time)? */
bool		 casekey_equal(const struct casekey *, const struct casekey *);

/* The user-facing message for a state other than CASEKEY_OK. */
const char	*casekey_state_msg(enum casekey_state, bool english);

#endif
