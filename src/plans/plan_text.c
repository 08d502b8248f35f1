/*
 * plan_text.c -- parts of a plan written out as the Decree 30 document
 * writes them: the date line, section numbers ("I.", "1.", "a)"), day and
 * month ("05/5"), due dates, the reporting schedule and the signature
 * lines.  Shared by the plan page (plan_html.c) and the PDF and DOCX
 * documents (docs/plan_doc.c).  No SQL, no HTML.
 */
#include <stdio.h>
#include <string.h>

#include "plans/plan.h"

void
plan_date_vi(const char *date, char *out, size_t outsz)
{
	int y, m, d;

	if (date == NULL || strlen(date) != 10) {
		snprintf(out, outsz, "%s", "ngày … tháng … năm …");
		return;
	}
	y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 +
	    (date[2] - '0') * 10 + (date[3] - '0');
	m = (date[5] - '0') * 10 + (date[6] - '0');
	d = (date[8] - '0') * 10 + (date[9] - '0');
	snprintf(out, outsz, "ngày %02d tháng %s%d năm %d", d,
	    m <= 2 ? "0" : "", m, y);
}

void
plan_mmdd_vi(const char *s, char *out, size_t outsz)
{
	int m, d;

	if (strlen(s) != 5) {
		snprintf(out, outsz, "%s", s);
		return;
	}
	m = (s[0] - '0') * 10 + (s[1] - '0');
	d = (s[3] - '0') * 10 + (s[4] - '0');
	snprintf(out, outsz, "%02d/%s%d", d, m <= 2 ? "0" : "", m);
}

void
plan_due_vi(const char *s, char *out, size_t outsz)
{
	char dm[16], mmdd[6];

	if (strlen(s) != 10) {
		snprintf(out, outsz, "%s", s);
		return;
	}
	memcpy(mmdd, s + 5, 5);
	mmdd[5] = '\0';
	plan_mmdd_vi(mmdd, dm, sizeof(dm));
	snprintf(out, outsz, "%s/%.4s", dm, s);
}

static void
roman(int n, char *out, size_t outsz)
{
	static const struct {
		int		 v;
		const char	*s;
	} t[] = { { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" },
	    { 1, "I" } };
	size_t k = 0, i;

	out[0] = '\0';
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		while (n >= t[i].v && k + 3 < outsz) {
			k += (size_t)snprintf(out + k, outsz - k, "%s", t[i].s);
			n -= t[i].v;
		}
}

void
plan_section_number(int depth, int n, char *out, size_t outsz)
{
	static const char *const letters[] = { "a", "b", "c", "d", "đ", "e",
	    "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
	    "u", "v", "x", "y" };
	char r[24];

	if (depth == 0) {
		roman(n, r, sizeof(r));
		snprintf(out, outsz, "%s.", r);
	} else if (depth == 1)
		snprintf(out, outsz, "%d.", n);
	else if (depth == 2 && n <= (int)(sizeof(letters) / sizeof(letters[0])))
		snprintf(out, outsz, "%s)", letters[n - 1]);
	else
		snprintf(out, outsz, "%s", "-");
}

void
plan_schedule_text(const struct plan_reporting *rp, bool en, struct buf *out)
{
	char d[16];
	size_t k;

	switch (rp->schedule) {
	case PLAN_SCHED_DATES:
		buf_puts(out, en ? "By " : "Trước các ngày ");
		for (k = 0; k < rp->dates.n; k++) {
			plan_mmdd_vi(rp->dates.v[k], d, sizeof(d));
			buf_printf(out, "%s%s", k ? (k + 1 == rp->dates.n ?
			    (en ? " and " : " và ") : ", ") : "", d);
		}
		buf_puts(out, en ? " each year" : " hằng năm");
		break;
	case PLAN_SCHED_SCHOOL_YEAR:
		buf_puts(out, en ? "Per school year" : "Theo năm học");
		break;
	case PLAN_SCHED_ANNUAL:
		buf_puts(out, en ? "Annually" : "Hằng năm");
		if (rp->dates.n > 0) {
			plan_mmdd_vi(rp->dates.v[0], d, sizeof(d));
			buf_printf(out, ", %s %s", en ? "by" : "trước ngày", d);
		}
		break;
	default:
		buf_puts(out, en ? "When required" : "Khi có yêu cầu");
		break;
	}
}

/* title without a leading "PHÓ " (the deputy's post names the head's). */
static const char *
head_of(const char *title)
{
	static const char pho[] = "PHÓ ";

	if (strncmp(title, pho, sizeof(pho) - 1) == 0 &&
	    title[sizeof(pho) - 1] != '\0')
		return title + sizeof(pho) - 1;
	return title;
}

void
plan_sign_lines(const struct plan *p, char *authority, size_t asz,
    char *title, size_t tsz)
{
	const char *a = p->signer_authority;

	authority[0] = '\0';
	snprintf(title, tsz, "%s", p->signer_title);
	if (a[0] == '\0')
		return;
	if (strcmp(a, "KT.") == 0)
		snprintf(authority, asz, "%s %s", a, head_of(p->signer_title));
	else if (strcmp(a, "TM.") == 0)
		snprintf(authority, asz, "%s %s", a, p->issuer);
	else {
		/* Q., TL., TUQ.: the plan format names one post only. */
		snprintf(title, tsz, "%s %s", a, p->signer_title);
	}
}
