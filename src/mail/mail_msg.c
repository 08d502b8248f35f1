/*
 * mail_msg.c -- building an e-mail message: headers, RFC 2047 subject,
 * base64 body; see mail_msg.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "mail/mail_msg.h"

/* Raw bytes per encoded word: 45 bytes are 60 base64 characters, and
 * "=?UTF-8?B?" + 60 + "?=" is 72, under RFC 2047's 75. */
#define WORD_RAW	45
/* Raw bytes per body line: 57 bytes are 76 base64 characters. */
#define LINE_RAW	57

bool
mail_addr_valid(const char *s)
{
	const char *at, *p;
	size_t n;

	if (s == NULL || (n = strlen(s)) < 3 || n > MAIL_ADDR_MAX)
		return false;
	if ((at = strchr(s, '@')) == NULL || at == s || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL)
		return false;
	for (p = s; p < at; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(".!#$%&'*+/=?^_`{|}~-",
		    *p) != NULL))
			return false;
	if (s[0] == '.' || at[-1] == '.' || at[1] == '.' || at[1] == '-' ||
	    s[n - 1] == '.' || s[n - 1] == '-')
		return false;
	for (p = at + 1; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-') ||
		    (*p == '.' && p[1] == '.'))
			return false;
	return true;
}

/* Append n bytes as base64 (no line breaks). */
static void
put_base64(struct buf *out, const unsigned char *s, size_t n)
{
	char enc[4 * ((LINE_RAW + 2) / 3) + 1];

	sodium_bin2base64(enc, sizeof(enc), s, n,
	    sodium_base64_VARIANT_ORIGINAL);
	buf_puts(out, enc);
}

static bool
plain_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return false;
	return true;
}

/* Length of the UTF-8 sequence starting with byte c (1 for a stray byte). */
static size_t
seq_len(unsigned char c)
{
	if (c >= 0xf0 && c < 0xf8)
		return 4;
	if (c >= 0xe0)
		return c < 0xf0 ? 3 : 1;
	if (c >= 0xc0)
		return 2;
	return 1;
}

void
mail_encode_header(struct buf *out, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text), i = 0;

	if (plain_ascii(text) && strstr(text, "=?") == NULL) {
		buf_puts(out, text);
		return;
	}
	while (i < n) {
		size_t len = 0, k;

		/* Take whole characters while they fit; line ends become
		 * spaces so the header stays on its lines. */
		while (i + len < n) {
			k = seq_len(s[i + len]);
			if (i + len + k > n)
				k = n - i - len;
			if (len + k > WORD_RAW)
				break;
			len += k;
		}
		if (i > 0)
			buf_puts(out, "\r\n ");
		buf_puts(out, "=?UTF-8?B?");
		{
			unsigned char word[WORD_RAW];

			memcpy(word, s + i, len);
			for (k = 0; k < len; k++)
				if (word[k] == '\r' || word[k] == '\n')
					word[k] = ' ';
			put_base64(out, word, len);
		}
		buf_puts(out, "?=");
		i += len;
	}
}

void
mail_date(int64_t t, char out[40])
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void
mail_build(struct buf *out, const struct mail_msg *m)
{
	struct buf body = BUF_INIT;
	const char *p, *domain = strchr(m->from, '@');
	char date[40];
	size_t i;

	mail_date(m->date, date);
	buf_printf(out, "Date: %s\r\n", date);
	buf_printf(out, "Message-ID: <vitre.%lld.%lld@%s>\r\n",
	    (long long)m->id, (long long)m->date,
	    domain != NULL ? domain + 1 : "vitre.invalid");
	buf_printf(out, "From: vitre <%s>\r\nTo: <%s>\r\nSubject: ", m->from,
	    m->to);
	mail_encode_header(out, m->subject);
	buf_puts(out, "\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "Auto-Submitted: auto-generated\r\n\r\n");
	/* The body with CRLF line ends, then in base64 lines. */
	for (p = m->body; *p != '\0'; p++) {
		if (*p == '\n' && (p == m->body || p[-1] != '\r'))
			buf_putc(&body, '\r');
		buf_putc(&body, *p);
	}
	for (i = 0; i < body.len; i += LINE_RAW) {
		put_base64(out, (const unsigned char *)body.data + i,
		    body.len - i < LINE_RAW ? body.len - i : LINE_RAW);
		buf_puts(out, "\r\n");
	}
	buf_release(&body);
}
