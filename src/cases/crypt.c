/*
 * crypt.c -- the case key (file, environment, generation) and sealing of
 * case fields with libsodium's secretbox; see crypt.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cases/crypt.h"
#include "core/xalloc.h"
#include "db/db.h"

#define SEAL_PREFIX	"v1:"
#define B64_VARIANT	sodium_base64_VARIANT_ORIGINAL
#define CHECK_TEXT	"vitre case key check v1"
/* A key file is 64 hex digits and maybe a newline; anything longer is
 * not a key file. */
#define KEYFILE_MAX	128

struct casekey {
	unsigned char	k[crypto_secretbox_KEYBYTES];
};

enum err
casekey_from_hex(const char *hex, struct casekey **out, struct buf *errmsg)
{
	unsigned char raw[crypto_secretbox_KEYBYTES];
	struct casekey *key;
	size_t n = 0;
	const char *end;

	if (hex == NULL || strlen(hex) != CASEKEY_HEXLEN ||
	    sodium_hex2bin(raw, sizeof(raw), hex, CASEKEY_HEXLEN, NULL, &n,
	    &end) != 0 || n != sizeof(raw) || *end != '\0') {
		sodium_memzero(raw, sizeof(raw));
		buf_puts(errmsg, "khóa phải gồm đúng 64 chữ số thập lục phân "
		    "(tạo bằng \"vitre key generate\") / the key must be exactly "
		    "64 hex digits (make one with \"vitre key generate\")");
		return ERR_INVALID;
	}
	if ((key = sodium_malloc(sizeof(*key))) == NULL) {
		sodium_memzero(raw, sizeof(raw));
		buf_puts(errmsg, "không cấp được bộ nhớ bảo vệ cho khóa / "
		    "cannot allocate guarded memory for the key");
		return ERR_IO;
	}
	memcpy(key->k, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	sodium_mprotect_readonly(key);
	*out = key;
	return ERR_OK;
}

enum err
casekey_load_file(const char *path, struct casekey **out, struct buf *errmsg)
{
	char text[KEYFILE_MAX + 1];
	struct stat sb;
	ssize_t n;
	size_t len = 0;
	enum err e;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		buf_printf(errmsg, "không mở được tệp khóa %s / cannot open "
		    "the key file %s: %s", path, path, strerror(errno));
		return ERR_IO;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		buf_printf(errmsg, "%s không phải là tệp thường / is not a "
		    "regular file", path);
		return ERR_FORBIDDEN;
	}
	if ((sb.st_mode & 077) != 0) {
		close(fd);
		buf_printf(errmsg, "tệp khóa %s có quyền %03o: nhóm hoặc người "
		    "khác đọc được; hãy chạy \"chmod 600 %s\" / the key file "
		    "%s has mode %03o, so its group or others can read it; run "
		    "\"chmod 600 %s\"", path, (unsigned)(sb.st_mode & 0777),
		    path, path, (unsigned)(sb.st_mode & 0777), path);
		return ERR_FORBIDDEN;
	}
	while (len < sizeof(text) - 1 && (n = read(fd, text + len,
	    sizeof(text) - 1 - len)) > 0)
		len += (size_t)n;
	close(fd);
	text[len] = '\0';
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r' ||
	    text[len - 1] == ' '))
		text[--len] = '\0';
	e = casekey_from_hex(text, out, errmsg);
	sodium_memzero(text, sizeof(text));
	if (e != ERR_OK)
		buf_printf(errmsg, " (%s)", path);
	return e;
}

enum err
casekey_generate_file(const char *path, struct buf *errmsg)
{
	unsigned char raw[crypto_secretbox_KEYBYTES];
	char hex[CASEKEY_HEXLEN + 2];
	size_t len;
	int fd;
	bool ok;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600)) < 0) {
		buf_printf(errmsg, "không tạo được tệp khóa %s / cannot create "
		    "the key file %s: %s", path, path, errno == EEXIST ?
		    "tệp đã có, không ghi đè / it exists and is not overwritten" :
		    strerror(errno));
		return errno == EEXIST ? ERR_CONFLICT : ERR_IO;
	}
	/* The umask may have removed bits, never added them; make it exact. */
	(void)fchmod(fd, 0600);
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(hex, sizeof(hex) - 1, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	len = strlen(hex);
	hex[len++] = '\n';
	ok = write(fd, hex, len) == (ssize_t)len && fsync(fd) == 0;
	sodium_memzero(hex, sizeof(hex));
	if (close(fd) != 0 || !ok) {
		unlink(path);
		buf_printf(errmsg, "không ghi được tệp khóa %s / cannot write "
		    "the key file %s", path, path);
		return ERR_IO;
	}
	return ERR_OK;
}

void
casekey_free(struct casekey *key)
{
	if (key != NULL)
		sodium_free(key);	/* clears the memory first */
}

char *
casekey_seal(const struct casekey *key, const char *plain)
{
	const size_t plen = strlen(plain);
	const size_t blen = crypto_secretbox_NONCEBYTES +
	    crypto_secretbox_MACBYTES + plen;
	const size_t b64len = sodium_base64_ENCODED_LEN(blen, B64_VARIANT);
	unsigned char *bin = xmalloc(blen);
	char *out = xmalloc(sizeof(SEAL_PREFIX) - 1 + b64len);

	randombytes_buf(bin, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(bin + crypto_secretbox_NONCEBYTES,
	    (const unsigned char *)plain, plen, bin, key->k);
	memcpy(out, SEAL_PREFIX, sizeof(SEAL_PREFIX) - 1);
	sodium_bin2base64(out + sizeof(SEAL_PREFIX) - 1, b64len, bin, blen,
	    B64_VARIANT);
	free(bin);
	return out;
}

enum err
casekey_open(const struct casekey *key, const char *sealed, char **out)
{
	const size_t overhead = crypto_secretbox_NONCEBYTES +
	    crypto_secretbox_MACBYTES;
	unsigned char *bin;
	char *plain;
	size_t slen, blen = 0;
	const char *b64;

	if (sealed == NULL || strncmp(sealed, SEAL_PREFIX,
	    sizeof(SEAL_PREFIX) - 1) != 0)
		return ERR_INVALID;
	b64 = sealed + sizeof(SEAL_PREFIX) - 1;
	slen = strlen(b64);
	bin = xmalloc(slen + 1);
	if (sodium_base642bin(bin, slen + 1, b64, slen, NULL, &blen, NULL,
	    B64_VARIANT) != 0 || blen < overhead) {
		free(bin);
		return ERR_INVALID;
	}
	plain = xmalloc(blen - overhead + 1);
	if (crypto_secretbox_open_easy((unsigned char *)plain,
	    bin + crypto_secretbox_NONCEBYTES, blen -
	    crypto_secretbox_NONCEBYTES, bin, key->k) != 0) {
		free(bin);
		free(plain);
		return ERR_INVALID;
	}
	free(bin);
	plain[blen - overhead] = '\0';
	/* Sealed text is a C string: an embedded NUL means it is not ours. */
	if (strlen(plain) != blen - overhead) {
		casekey_wipe_free(plain);
		return ERR_INVALID;
	}
	*out = plain;
	return ERR_OK;
}

void
casekey_tag(const struct casekey *key, const char *text, char out[65])
{
	unsigned char sub[crypto_generichash_KEYBYTES], h[32];

	crypto_kdf_derive_from_key(sub, sizeof(sub), 1, "vitretag", key->k);
	crypto_generichash(h, sizeof(h), (const unsigned char *)text,
	    strlen(text), sub, sizeof(sub));
	sodium_memzero(sub, sizeof(sub));
	sodium_bin2hex(out, 65, h, sizeof(h));
}

void
casekey_wipe_free(char *s)
{
	if (s == NULL)
		return;
	sodium_memzero(s, strlen(s));
	free(s);
}

enum casekey_state
casekey_check_db(struct db *db, const struct casekey *key)
{
	struct db_stmt *st;
	enum casekey_state state = CASEKEY_MISSING;
	char *plain = NULL, *sealed = NULL;
	bool have = false;

	if (db_begin(db) != ERR_OK)
		return CASEKEY_MISSING;
	st = db_stmt(db, "SELECT v FROM meta WHERE k = 'case_key_check'");
	if (db_step(st) == DB_ROW) {
		have = true;
		sealed = xstrdup(db_col_text(st, 0));
	}
	db_done(st);
	if (have) {
		state = casekey_open(key, sealed, &plain) == ERR_OK &&
		    strcmp(plain, CHECK_TEXT) == 0 ? CASEKEY_OK : CASEKEY_WRONG;
		db_rollback(db);
		goto out;
	}
	sealed = casekey_seal(key, CHECK_TEXT);
	st = db_stmt(db, "INSERT INTO meta (k, v) VALUES ('case_key_check', ?)");
	db_bind_text(st, 1, sealed);
	if (db_run(st) == ERR_OK && db_commit(db) == ERR_OK)
		state = CASEKEY_OK;
	else
		db_rollback(db);
out:
	free(plain);
	free(sealed);
	return state;
}

enum casekey_state
casekey_check_in_tx(struct db *db, const struct casekey *key)
{
	struct db_stmt *st;
	enum casekey_state state = CASEKEY_OK;
	enum db_rc rc;
	char *plain = NULL;

	st = db_stmt(db, "SELECT v FROM meta WHERE k = 'case_key_check'");
	if ((rc = db_step(st)) == DB_ROW)
		state = casekey_open(key, db_col_text(st, 0), &plain) ==
		    ERR_OK && strcmp(plain, CHECK_TEXT) == 0 ? CASEKEY_OK :
		    CASEKEY_WRONG;
	else if (rc == DB_FAIL)
		state = CASEKEY_MISSING;
	db_done(st);
	free(plain);
	return state;
}

enum err
casekey_put_check(struct db *db, const struct casekey *key)
{
	struct db_stmt *st;
	char *sealed = casekey_seal(key, CHECK_TEXT);
	enum err e;

	st = db_stmt(db, "DELETE FROM meta WHERE k = 'case_key_check'");
	if ((e = db_run(st)) == ERR_OK) {
		st = db_stmt(db, "INSERT INTO meta (k, v)"
		    " VALUES ('case_key_check', ?)");
		db_bind_text(st, 1, sealed);
		e = db_run(st);
	}
	free(sealed);
	return e;
}

bool
casekey_equal(const struct casekey *a, const struct casekey *b)
{
	return sodium_memcmp(a->k, b->k, sizeof(a->k)) == 0;
}

const char *
casekey_state_msg(enum casekey_state s, bool en)
{
	switch (s) {
	case CASEKEY_OK:
		return "";
	case CASEKEY_WRONG:
		return en ? "Protection cases are unavailable: the case key "
		    "given to the server is not the key these cases were "
		    "encrypted with. Ask the administrator to start vitre with "
		    "the right key file (--case-key). In an emergency call the "
		    "national child protection hotline 111." :
		    "Hồ sơ bảo vệ trẻ em tạm thời không dùng được: khóa mã hóa "
		    "của máy chủ không phải khóa đã dùng để mã hóa các hồ sơ này. "
		    "Hãy báo quản trị viên khởi động vitre với đúng tệp khóa "
		    "(--case-key). Trường hợp khẩn cấp, gọi Tổng đài quốc gia bảo "
		    "vệ trẻ em 111.";
	default:
		return en ? "Protection cases are unavailable: the server has "
		    "no case key (--case-key FILE or the VITRE_CASE_KEY "
		    "variable). Ask the administrator. In an emergency call the "
		    "national child protection hotline 111." :
		    "Hồ sơ bảo vệ trẻ em tạm thời không dùng được: máy chủ chưa "
		    "có khóa mã hóa hồ sơ (--case-key TỆP hoặc biến "
		    "VITRE_CASE_KEY). Hãy báo quản trị viên. Trường hợp khẩn cấp, "
		    "gọi Tổng đài quốc gia bảo vệ trẻ em 111.";
	}
}
