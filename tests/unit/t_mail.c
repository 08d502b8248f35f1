/*
 * t_mail.c -- e-mail messages and the outbox: the RFC 2047 subject (plain
 * ASCII as it is, Vietnamese as encoded words of at most 75 characters
 * that never split a character and decode back to the text), the date,
 * the whole message (headers, CRLF, base64 body in 76-column lines),
 * addresses and URLs accepted or refused, the retry delays, and the
 * outbox: a notification queues an e-mail only when e-mail is on and the
 * user, active, has an address, in the caller's transaction; a claimed
 * message is not claimed twice; failures retry then give up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "testutil.h"

#include "core/strutil.h"
#include "mail/mail_conf.h"
#include "mail/mail_msg.h"
#include "mail/mail_outbox.h"
#include "notify/notify.h"

/* Decode every encoded word of a header value into out (fails the test
 * on anything else); each word is checked to be whole UTF-8. */
static void
decode_words(const char *h, struct buf *out)
{
	const char *p = h;

	while (*p != '\0') {
		const char *end;
		unsigned char bin[256];
		size_t blen = 0, wlen;

		if (strncmp(p, "\r\n ", 3) == 0) {
			p += 3;
			continue;
		}
		assert_true(strncmp(p, "=?UTF-8?B?", 10) == 0);
		end = strstr(p + 10, "?=");
		assert_non_null(end);
		wlen = (size_t)(end + 2 - p);
		assert_true(wlen <= 75);
		assert_int_equal(sodium_base642bin(bin, sizeof(bin), p + 10,
		    (size_t)(end - p - 10), NULL, &blen, NULL,
		    sodium_base64_VARIANT_ORIGINAL), 0);
		assert_true(str_is_clean_utf8((const char *)bin, blen));
		buf_add(out, bin, blen);
		p = end + 2;
	}
}

static void
ascii_subject_is_written_as_it_is(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	mail_encode_header(&b, "vitre: test");
	assert_string_equal(b.data, "vitre: test");
	buf_reset(&b);
	mail_encode_header(&b, "looks =?like?= a word");
	assert_true(strncmp(b.data, "=?UTF-8?B?", 10) == 0);
	buf_release(&b);
}

static void
vietnamese_subject_is_encoded_in_whole_characters(void **state)
{
	const char *s = "vitre: Báo cáo mới nghi ngờ xâm hại trẻ em: hồ sơ #12 "
	    "(Trường TH và THCS Nguyễn Trung Trực).";
	struct buf b = BUF_INIT, d = BUF_INIT;

	(void)state;
	mail_encode_header(&b, s);
	assert_non_null(strstr(b.data, "\r\n "));	/* folded */
	decode_words(b.data, &d);
	assert_string_equal(d.data, s);
	buf_release(&b);
	buf_release(&d);
}

static void
line_ends_never_reach_the_header(void **state)
{
	struct buf b = BUF_INIT, d = BUF_INIT;

	(void)state;
	mail_encode_header(&b, "a\r\nBcc: x@y.z");
	decode_words(b.data, &d);
	assert_string_equal(d.data, "a  Bcc: x@y.z");
	buf_release(&b);
	buf_release(&d);
}

static void
date_is_rfc_5322_in_utc(void **state)
{
	char d[40];

	(void)state;
	mail_date(0, d);
	assert_string_equal(d, "Thu, 01 Jan 1970 00:00:00 +0000");
	mail_date(1795364490, d);
	assert_string_equal(d, "Sun, 22 Nov 2026 16:21:30 +0000");
}

static void
message_has_headers_and_a_base64_body(void **state)
{
	struct mail_msg m = { "vitre@so.test", "ht@truong.test",
	    "Nhắc hạn", "Dòng một\nhttp://vitre.test/units/6/reports\n",
	    0, 42 };
	struct buf b = BUF_INIT, body = BUF_INIT;
	const char *p, *q;

	(void)state;
	mail_build(&b, &m);
	assert_true(strncmp(b.data, "Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"
	    "Message-ID: <vitre.42.0@so.test>\r\nFrom: vitre <vitre@so.test>"
	    "\r\nTo: <ht@truong.test>\r\nSubject: =?UTF-8?B?", 123) == 0);
	assert_non_null(strstr(b.data, "Content-Type: text/plain; "
	    "charset=UTF-8\r\n"));
	assert_non_null(strstr(b.data, "Content-Transfer-Encoding: base64\r\n"));
	/* Every line ends in CRLF and the body lines are at most 76. */
	for (p = b.data; *p != '\0'; p = q + 1) {
		q = strchr(p, '\n');
		assert_non_null(q);
		assert_true(q > p && q[-1] == '\r');
	}
	p = strstr(b.data, "\r\n\r\n") + 4;
	while (*p != '\0') {
		unsigned char bin[128];
		size_t blen = 0;

		q = strstr(p, "\r\n");
		assert_true(q - p <= 76);
		assert_int_equal(sodium_base642bin(bin, sizeof(bin), p,
		    (size_t)(q - p), NULL, &blen, NULL,
		    sodium_base64_VARIANT_ORIGINAL), 0);
		buf_add(&body, bin, blen);
		p = q + 2;
	}
	assert_string_equal(body.data, "Dòng một\r\n"
	    "http://vitre.test/units/6/reports\r\n");
	buf_release(&b);
	buf_release(&body);
}

static void
addresses_and_urls(void **state)
{
	(void)state;
	assert_true(mail_addr_valid("ht.ntt@ntt.test"));
	assert_true(mail_addr_valid("a+b@localhost"));
	assert_false(mail_addr_valid("not an address"));
	assert_false(mail_addr_valid("a@b@c"));
	assert_false(mail_addr_valid("<a@b.c>"));
	assert_false(mail_addr_valid("a@b.c\r\nBcc: x@y.z"));
	assert_false(mail_addr_valid("@b.c"));
	assert_false(mail_addr_valid("a@"));
	assert_false(mail_addr_valid("a@b..c"));
	assert_false(mail_addr_valid("trẻ@em.vn"));
	assert_true(mail_url_valid("smtp://mail.example.vn:587"));
	assert_true(mail_url_valid("smtps://mail.example.vn"));
	assert_false(mail_url_valid("http://mail.example.vn"));
	assert_false(mail_url_valid("smtp://user:pw@mail.example.vn"));
	assert_false(mail_url_valid("smtp://mail.example.vn:x"));
	assert_false(mail_url_valid("smtp://"));
	assert_true(mail_base_url_valid("https://vitre.example.vn"));
	assert_true(mail_base_url_valid("http://127.0.0.1:8080/vitre"));
	assert_false(mail_base_url_valid("https://vitre.example.vn/"));
	assert_false(mail_base_url_valid("ftp://vitre.example.vn"));
	assert_false(mail_base_url_valid("https://a b"));
}

static void
retries_wait_longer_up_to_six_hours(void **state)
{
	(void)state;
	assert_int_equal(mail_backoff(1), 60);
	assert_int_equal(mail_backoff(2), 120);
	assert_int_equal(mail_backoff(3), 240);
	assert_int_equal(mail_backoff(20), 6 * 3600);
}

static int64_t
add_user(struct db *db, int64_t unit, const char *name, const char *email,
    int active)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO app_user (username,"
	    " full_name, pw_hash, role, unit_id, active, created_at, email)"
	    " VALUES (?, ?, 'x', 'principal', ?, ?, 0, ?)");

	db_bind_text(st, 1, name);
	db_bind_text(st, 2, name);
	db_bind_int(st, 3, unit);
	db_bind_int(st, 4, active);
	db_bind_text(st, 5, email);
	assert_int_equal(db_run(st), ERR_OK);
	return db_last_id(db);
}

static int64_t
outbox_count(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM mail_outbox");
	int64_t n = -1;

	assert_int_equal(db_one_int(st, &n), ERR_OK);
	return n;
}

static void
turn_on(struct db *db)
{
	struct mail_conf c;

	assert_int_equal(mail_conf_load(db, &c), ERR_OK);
	assert_false(mail_conf_on(&c));
	assert_int_equal(c.remind_days, 14);
	mail_conf_release(&c);
	assert_int_equal(db_run(db_stmt(db, "UPDATE mail_setting SET"
	    " server_url = 'smtp://127.0.0.1:25', from_addr = 'v@so.test',"
	    " base_url = 'https://vitre.test'")), ERR_OK);
}

static void
notification_queues_an_email_only_when_it_can_go(void **state)
{
	struct db *db = test_db();
	int64_t unit = test_add_unit(db, "S1", "school");
	int64_t with = add_user(db, unit, "with", "with@s1.test", 1);
	int64_t none = add_user(db, unit, "none", NULL, 1);
	int64_t off = add_user(db, unit, "off", "off@s1.test", 0);
	struct db_stmt *st;

	(void)state;
	assert_int_equal(notify_add(db, with, "/cases/1", "Hồ sơ #1.",
	    "Case #1."), ERR_OK);
	assert_int_equal(outbox_count(db), 0);	/* e-mail is off */
	turn_on(db);
	assert_int_equal(notify_add(db, with, "/cases/1", "Hồ sơ #1.",
	    "Case #1."), ERR_OK);
	assert_int_equal(notify_add(db, none, "/cases/1", "a", "b"), ERR_OK);
	assert_int_equal(notify_add(db, off, "/cases/1", "a", "b"), ERR_OK);
	assert_int_equal(outbox_count(db), 1);
	st = db_stmt(db, "SELECT to_addr || '|' || subject || '|' || body"
	    " FROM mail_outbox");
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "with@s1.test|vitre: Hồ sơ "
	    "#1.|Hồ sơ #1.\n\nhttps://vitre.test/cases/1\n\n-- \nCase #1.\n\n"
	    "Thư tự động của vitre, xin đừng trả lời. / An automatic message "
	    "from vitre; please do not reply.\n");
	db_done(st);
	/* In the caller's transaction: a rollback takes both away. */
	assert_int_equal(db_begin(db), ERR_OK);
	assert_int_equal(notify_add(db, with, "/x", "a", "b"), ERR_OK);
	assert_int_equal(outbox_count(db), 2);
	db_rollback(db);
	assert_int_equal(outbox_count(db), 1);
	db_close(db);
}

static void
claimed_once_then_retried_then_given_up(void **state)
{
	struct db *db = test_db();
	struct mail_item m, m2;
	struct db_stmt *st;
	int64_t id, now = 1000000;
	int i;

	(void)state;
	assert_int_equal(mail_enqueue(db, 0, "a@b.test", "s", "b", &id),
	    ERR_OK);
	assert_int_equal(db_run(db_stmt(db, "UPDATE mail_outbox SET"
	    " next_at = 1000000")), ERR_OK);
	assert_int_equal(mail_outbox_claim(db, now, &m), ERR_OK);
	assert_int_equal(m.id, id);
	assert_string_equal(m.to, "a@b.test");
	assert_int_equal(mail_outbox_claim(db, now, &m2), ERR_NOTFOUND);
	assert_int_equal(mail_outbox_done(db, &m, now, "refused"), ERR_OK);
	mail_item_release(&m);
	st = db_stmt(db, "SELECT state || ' ' || attempts || ' ' ||"
	    " (next_at - 1000000) || ' ' || last_error FROM mail_outbox");
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "queued 1 60 refused");
	db_done(st);
	for (i = 1; i < MAIL_MAX_ATTEMPTS; i++) {
		now += 7 * 3600;
		assert_int_equal(mail_outbox_claim(db, now, &m), ERR_OK);
		assert_int_equal(mail_outbox_done(db, &m, now, "refused"),
		    ERR_OK);
		mail_item_release(&m);
	}
	assert_int_equal(mail_outbox_claim(db, now + 86400, &m),
	    ERR_NOTFOUND);
	st = db_stmt(db, "SELECT state FROM mail_outbox");
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "failed");
	db_done(st);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ascii_subject_is_written_as_it_is),
		cmocka_unit_test(vietnamese_subject_is_encoded_in_whole_characters),
		cmocka_unit_test(line_ends_never_reach_the_header),
		cmocka_unit_test(date_is_rfc_5322_in_utc),
		cmocka_unit_test(message_has_headers_and_a_base64_body),
		cmocka_unit_test(addresses_and_urls),
		cmocka_unit_test(retries_wait_longer_up_to_six_hours),
		cmocka_unit_test(notification_queues_an_email_only_when_it_can_go),
		cmocka_unit_test(claimed_once_then_retried_then_given_up),
	};

	return cmocka_run_group_tests_name("mail", tests, NULL, NULL);
}
