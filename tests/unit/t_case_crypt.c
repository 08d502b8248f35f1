/*
 * t_case_crypt.c -- the case key and sealed fields: a round trip, a fresh
 * nonce per seal, tampering and a wrong key detected by the MAC, key files
 * (mode 0600 only, 64 hex digits, never overwritten), the database's
 * key check and its rotation to another key.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casetest.h"
#include "cases/rekey.h"

static void
sealed_text_opens_to_the_same_text(void **state)
{
	struct casekey *k = key_of(HEX_A);
	const char *texts[] = { "Em Nguyễn Văn A bị đánh ở nhà, ngày 3/5.", "",
	    "dòng 1\ndòng 2 <script>" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		char *s = casekey_seal(k, texts[i]), *p = NULL;

		assert_true(strncmp(s, "v1:", 3) == 0);
		assert_null(strstr(s, "Nguy"));
		assert_int_equal(casekey_open(k, s, &p), ERR_OK);
		assert_string_equal(p, texts[i]);
		casekey_wipe_free(p);
		free(s);
	}
	casekey_free(k);
}

static void
each_seal_has_its_own_nonce(void **state)
{
	struct casekey *k = key_of(HEX_A);
	char *a = casekey_seal(k, "cùng một câu"), *b = casekey_seal(k,
	    "cùng một câu");

	(void)state;
	assert_string_not_equal(a, b);
	free(a);
	free(b);
	casekey_free(k);
}

static void
a_changed_field_fails_its_mac(void **state)
{
	struct casekey *k = key_of(HEX_A);
	char *s = casekey_seal(k, "lời khai của trẻ"), *p = NULL;
	size_t n = strlen(s);

	(void)state;
	/* Flip one base64 digit in the ciphertext. */
	s[n - 5] = s[n - 5] == 'A' ? 'B' : 'A';
	assert_int_equal(casekey_open(k, s, &p), ERR_INVALID);
	assert_null(p);
	/* Cut short, not base64, no prefix, empty. */
	s[12] = '\0';
	assert_int_equal(casekey_open(k, s, &p), ERR_INVALID);
	assert_int_equal(casekey_open(k, "v1:!!!!", &p), ERR_INVALID);
	assert_int_equal(casekey_open(k, "lời khai", &p), ERR_INVALID);
	assert_int_equal(casekey_open(k, "", &p), ERR_INVALID);
	assert_int_equal(casekey_open(k, NULL, &p), ERR_INVALID);
	assert_null(p);
	free(s);
	casekey_free(k);
}

static void
another_key_cannot_open_a_field(void **state)
{
	struct casekey *a = key_of(HEX_A), *b = key_of(HEX_B);
	char *s = casekey_seal(a, "bí mật"), *p = NULL;

	(void)state;
	assert_int_equal(casekey_open(b, s, &p), ERR_INVALID);
	assert_null(p);
	free(s);
	casekey_free(a);
	casekey_free(b);
}

static void
tags_are_stable_and_need_the_key(void **state)
{
	struct casekey *a = key_of(HEX_A), *b = key_of(HEX_B);
	char t1[65], t2[65], t3[65], t4[65];

	(void)state;
	casekey_tag(a, "child:42", t1);
	casekey_tag(a, "child:42", t2);
	casekey_tag(a, "child:43", t3);
	casekey_tag(b, "child:42", t4);
	assert_int_equal(strlen(t1), 64);
	assert_string_equal(t1, t2);
	assert_string_not_equal(t1, t3);
	assert_string_not_equal(t1, t4);
	casekey_free(a);
	casekey_free(b);
}

static void
a_key_is_exactly_64_hex_digits(void **state)
{
	const char *bad[] = { "", "00", HEX_A "00", "zz02030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
	    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1 " };
	struct buf err = BUF_INIT;
	struct casekey *k = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		buf_reset(&err);
		assert_int_equal(casekey_from_hex(bad[i], &k, &err),
		    ERR_INVALID);
		assert_null(k);
		assert_non_null(strstr(err.data, "64 hex digits"));
	}
	buf_release(&err);
}

static void
key_files_are_for_their_owner_only(void **state)
{
	char dir[] = "/tmp/vitre-keyXXXXXX", path[64];
	struct buf err = BUF_INIT;
	struct casekey *k = NULL;
	struct stat sb;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/case.key", dir);
	assert_int_equal(casekey_generate_file(path, &err), ERR_OK);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(casekey_load_file(path, &k, &err), ERR_OK);
	casekey_free(k);
	k = NULL;

	/* Never overwritten. */
	assert_int_equal(casekey_generate_file(path, &err), ERR_CONFLICT);

	/* Readable by the group: refused, with the fix in the message. */
	chmod(path, 0640);
	buf_reset(&err);
	assert_int_equal(casekey_load_file(path, &k, &err), ERR_FORBIDDEN);
	assert_null(k);
	assert_non_null(strstr(err.data, "chmod 600"));
	chmod(path, 0604);
	assert_int_equal(casekey_load_file(path, &k, &err), ERR_FORBIDDEN);

	/* Not a key. */
	chmod(path, 0600);
	f = fopen(path, "w");
	fputs("not a key\n", f);
	fclose(f);
	buf_reset(&err);
	assert_int_equal(casekey_load_file(path, &k, &err), ERR_INVALID);
	assert_null(k);

	/* Missing. */
	unlink(path);
	assert_int_equal(casekey_load_file(path, &k, &err), ERR_IO);
	rmdir(dir);
	buf_release(&err);
}

static void
the_database_recognises_a_wrong_key(void **state)
{
	struct db *db = test_db();
	struct casekey *a = key_of(HEX_A), *b = key_of(HEX_B);

	(void)state;
	assert_int_equal(casekey_check_db(db, a), CASEKEY_OK);	/* writes */
	assert_int_equal(casekey_check_db(db, a), CASEKEY_OK);	/* reads */
	assert_int_equal(casekey_check_db(db, b), CASEKEY_WRONG);
	assert_non_null(strstr(casekey_state_msg(CASEKEY_WRONG, true),
	    "not the key"));
	assert_non_null(strstr(casekey_state_msg(CASEKEY_MISSING, false),
	    "111"));
	casekey_free(a);
	casekey_free(b);
	db_close(db);
}

static void
rotation_moves_the_key_of_the_database(void **state)
{
	struct db *db = test_db();
	struct casekey *a = key_of(HEX_A), *b = key_of(HEX_B);
	struct caseaudit_who who = { 0, "test", "" };
	struct buf msg = BUF_INIT;
	int64_t n = -1;

	(void)state;
	assert_true(casekey_equal(a, a));
	assert_false(casekey_equal(a, b));
	assert_int_equal(casekey_check_db(db, a), CASEKEY_OK);
	/* The same key, and a wrong old key: refused, nothing changes. */
	assert_int_equal(casekey_rotate(db, a, a, &who, &n, &msg), ERR_INVALID);
	assert_int_equal(casekey_rotate(db, b, a, &who, &n, &msg),
	    ERR_FORBIDDEN);
	assert_non_null(strstr(msg.data, "not this database's key"));
	assert_int_equal(casekey_check_db(db, a), CASEKEY_OK);
	/* The right one: b is the key now, a is refused. */
	assert_int_equal(casekey_rotate(db, a, b, &who, &n, &msg), ERR_OK);
	assert_int_equal(n, 0);
	assert_int_equal(casekey_check_db(db, b), CASEKEY_OK);
	assert_int_equal(casekey_check_db(db, a), CASEKEY_WRONG);
	buf_release(&msg);
	casekey_free(a);
	casekey_free(b);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sealed_text_opens_to_the_same_text),
		cmocka_unit_test(each_seal_has_its_own_nonce),
		cmocka_unit_test(a_changed_field_fails_its_mac),
		cmocka_unit_test(another_key_cannot_open_a_field),
		cmocka_unit_test(tags_are_stable_and_need_the_key),
		cmocka_unit_test(a_key_is_exactly_64_hex_digits),
		cmocka_unit_test(key_files_are_for_their_owner_only),
		cmocka_unit_test(the_database_recognises_a_wrong_key),
		cmocka_unit_test(rotation_moves_the_key_of_the_database),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests_name("case_crypt", tests, NULL, NULL);
}
