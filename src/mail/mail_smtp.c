/*
 * mail_smtp.c -- SMTP delivery with libcurl; see mail_smtp.h.
 */
#include <string.h>

#include <curl/curl.h>

#include "mail/mail_smtp.h"

/* What the read callback has left to give libcurl. */
struct upload {
	const char	*p;
	size_t		 left;
};

static size_t
read_cb(char *dst, size_t size, size_t nmemb, void *arg)
{
	struct upload *u = arg;
	size_t n = size * nmemb;

	if (n > u->left)
		n = u->left;
	memcpy(dst, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

void
mail_smtp_init(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

void
mail_smtp_cleanup(void)
{
	curl_global_cleanup();
}

enum err
mail_smtp_send(const struct mail_server *s, const char *to,
    const struct buf *msg, struct buf *errmsg)
{
	char ebuf[CURL_ERROR_SIZE] = "";
	struct curl_slist *rcpt = NULL;
	struct upload up = { msg->data, msg->len };
	CURL *c;
	CURLcode rc;
	long code = 0;

	if ((c = curl_easy_init()) == NULL) {
		buf_puts(errmsg, "libcurl: cannot start");
		return ERR_IO;
	}
	rcpt = curl_slist_append(rcpt, to);
	curl_easy_setopt(c, CURLOPT_URL, s->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)(s->starttls ?
	    CURLUSESSL_ALL : CURLUSESSL_TRY));
	if (s->username[0] != '\0') {
		curl_easy_setopt(c, CURLOPT_USERNAME, s->username);
		curl_easy_setopt(c, CURLOPT_PASSWORD, s->password);
	}
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, s->from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &up);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)msg->len);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)MAIL_SMTP_TIMEOUT);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	rc = curl_easy_perform(c);
	if (rc != CURLE_OK) {
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
		buf_printf(errmsg, "%s", ebuf[0] ? ebuf :
		    curl_easy_strerror(rc));
		if (code > 0)
			buf_printf(errmsg, " (SMTP %ld)", code);
	}
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	return rc == CURLE_OK ? ERR_OK : ERR_IO;
}
