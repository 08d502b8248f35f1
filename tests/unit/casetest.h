/*
 * casetest.h -- what the protection case tests share: two fixed keys and
 * a way to load one.
 */
#ifndef VITRE_CASETEST_H
#define VITRE_CASETEST_H

#include "testutil.h"
#include "cases/crypt.h"

#define HEX_A "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define HEX_B "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

/* A key from 64 hex digits; the test fails if it does not load. */
static inline struct casekey *
key_of(const char *hex)
{
	struct casekey *k = NULL;
	struct buf err = BUF_INIT;

	assert_int_equal(casekey_from_hex(hex, &k, &err), ERR_OK);
	buf_release(&err);
	return k;
}

#endif
