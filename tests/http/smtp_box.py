#!/usr/bin/env python3
"""smtp_box.py -- the messages a test SMTP server (aiosmtpd's Mailbox
handler) stored in a maildir, for tests/http/t_mail.sh.

  smtp_box.py DIR count [TO]          how many messages (to TO)
  smtp_box.py DIR find TO TEXT        how many to TO whose subject has TEXT
  smtp_box.py DIR last TO FIELD       of the newest message to TO: subject
                                      (RFC 2047 decoded), body (decoded),
                                      raw_subject, or a header name
"""
import email
import email.header
import email.utils
import mailbox
import sys


def messages(path, to=None):
    box = mailbox.Maildir(path, factory=None, create=False)
    out = []
    for key in box.keys():
        m = email.message_from_bytes(box.get_bytes(key))
        if to is None or email.utils.parseaddr(m.get("To") or "")[1] == to:
            out.append(m)
    out.sort(key=lambda m: int((m.get("Message-ID") or "<vitre.0.0@").split(".")[1]))
    return out


def decoded_subject(m):
    return str(email.header.make_header(email.header.decode_header(m["Subject"])))


def main():
    path, what = sys.argv[1], sys.argv[2]
    if what == "count":
        print(len(messages(path, sys.argv[3] if len(sys.argv) > 3 else None)))
        return
    if what == "find":
        print(sum(1 for m in messages(path, sys.argv[3]) if sys.argv[4] in decoded_subject(m)))
        return
    ms = messages(path, sys.argv[3])
    if not ms:
        print("")
        return
    m, field = ms[-1], sys.argv[4]
    if field == "subject":
        print(decoded_subject(m))
    elif field == "raw_subject":
        print(m["Subject"])
    elif field == "body":
        print(m.get_payload(decode=True).decode(m.get_content_charset() or "ascii"))
    else:
        print(m.get(field) or "")


main()
