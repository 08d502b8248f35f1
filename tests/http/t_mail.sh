# t_mail.sh -- e-mail through a real SMTP server on loopback (aiosmtpd,
# Debian python3-aiosmtpd) and deadline reminders: the administrator sets
# the server on /settings/mail (bad input refused naming the field, the
# password sealed and never shown back, audited); addresses set by the
# administrator and by the user; a new protection case reaches the
# school's principal and focal point by e-mail with a Vietnamese subject
# and no child's name or case content; the test button delivers; a
# reminder sweep for a date 3 days before a demo due notifies and e-mails
# once, and an overdue one once; an unacknowledged case referral escalates
# by e-mail from the background sweep; with STARTTLS required and not
# offered nothing is sent; a wrong server is recorded in the outbox as a
# clear error, and the server keeps working; an administrator of one school
# cannot touch the server's settings or addresses outside the school.

MAILPY=""
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import aiosmtpd' 2>/dev/null; then MAILPY=$p; break; fi
done
if [ -z "$MAILPY" ]; then
	not_ok "aiosmtpd is installed (scripts/install-deps: python3-aiosmtpd)" \
		"no python3 with the aiosmtpd module"
	return 0 2>/dev/null || exit 0
fi

uid() { sql "SELECT id FROM app_user WHERE username='$1'"; }
MAILDIR=$(mktemp -d)
SMTP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$MAILPY" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
	-c aiosmtpd.handlers.Mailbox "$MAILDIR/box" >"$MAILDIR/smtpd.log" 2>&1 &
SMTP_PID=$!
for _ in $(seq 100); do
	python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' \
		"$SMTP_PORT" 2>/dev/null && break
	sleep 0.1
done
mbox() { "$MAILPY" "$here/smtp_box.py" "$MAILDIR/box" "$@"; }
# wait_mail TO N -- until N messages to TO arrived (20 s at most).
wait_mail() {
	for _ in $(seq 200); do
		[ -d "$MAILDIR/box/new" ] && [ "$(mbox count "$1")" -ge "$2" ] && return 0
		sleep 0.1
	done
	return 1
}
# wait_outbox ID -- until message ID has been tried at least once.
wait_outbox() {
	for _ in $(seq 200); do
		[ "$(sql "SELECT attempts FROM mail_outbox WHERE id=$1")" -ge 1 ] 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# ---- Who may change the settings ----
login gv.ntt
req GET /settings/mail
expect_status 403 "a teacher cannot open the e-mail settings"
login admin
req GET /settings/mail
expect_status 200 "the administrator opens the e-mail settings"
expect_body "Máy chủ SMTP" "the page names the SMTP server field"
expect_body "Chưa có thư nào." "the outbox is empty"

# ---- Bad input is refused, naming the field; nothing changes ----
post_form /settings/mail server_url="http://127.0.0.1:$SMTP_PORT" \
	from_addr="không hợp lệ" base_url="http://vitre.test/" remind_days=0
expect_status 400 "bad settings are refused"
expect_body "Máy chủ SMTP: phải có dạng smtp://" "the message names the server"
expect_body "Địa chỉ gửi (From): không phải địa chỉ thư hợp lệ" "the message names the From address"
expect_body "Địa chỉ trang vitre: phải có dạng" "the message names the base URL"
expect_body "Nhắc trước hạn (ngày)" "the message names the reminder days"
expect_eq "$(sql "SELECT server_url FROM mail_setting")" "" "nothing was saved"

# ---- The settings, with a password that is sealed ----
PW="smtp-pw-$RANDOM$RANDOM"
post_form /settings/mail server_url="smtp://127.0.0.1:$SMTP_PORT" \
	username="" password="$PW" from_addr="vitre@so.test" \
	base_url="http://vitre.test" remind_days=14
expect_status 303 "the administrator saves the SMTP settings"
expect_eq "$(sql "SELECT server_url || ' ' || starttls || ' ' || from_addr FROM mail_setting")" \
	"smtp://127.0.0.1:$SMTP_PORT 0 vitre@so.test" "the settings are stored"
expect_eq "$(sql "SELECT password_sealed || substr(password, 1, 3) FROM mail_setting")" \
	"1v1:" "the password is sealed with the case key"
expect_eq "$(sql "SELECT COUNT(*) FROM mail_setting WHERE password LIKE '%$PW%'")" 0 \
	"the password is not stored in clear"
req GET /settings/mail
expect_no_body "$PW" "the password is never shown back"
expect_body "mã hóa bằng khóa hồ sơ" "the page says the password is sealed"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='mail_settings'")" 1 \
	"the change is in the audit log"
post_form /settings/mail server_url="smtp://127.0.0.1:$SMTP_PORT" \
	username="" password="" clear_password=1 from_addr="vitre@so.test" \
	base_url="http://vitre.test" remind_days=14
expect_eq "$(sql "SELECT password || password_sealed FROM mail_setting")" "0" \
	"the stored password can be removed"

# ---- Addresses: by the administrator and by the user ----
HT=$(uid ht.ntt)
PHT=$(uid pht.ntt)
post_form "/users/$HT/email" email="ht.ntt@ntt.test"
expect_status 303 "the administrator sets the principal's address"
post_form "/users/$HT/email" email="not an address"
expect_status 400 "a bad address is refused"
expect_body "Thư điện tử" "naming the field"
expect_eq "$(sql "SELECT email FROM app_user WHERE id=$HT")" "ht.ntt@ntt.test" \
	"a refused address changes nothing"
req GET /users
expect_body "ht.ntt@ntt.test" "the user list shows the address"
login pht.ntt
req GET /account
expect_status 200 "a user opens their account page"
post_form /account/email email="pht.ntt@ntt.test"
expect_status 303 "the focal point sets their own address"
expect_eq "$(sql "SELECT email FROM app_user WHERE id=$PHT")" "pht.ntt@ntt.test" \
	"the address is stored"
post_form /account/email email="pht.ntt@"
expect_status 400 "a bad address of one's own is refused"
expect_eq "$(sql "SELECT email FROM app_user WHERE id=$PHT")" "pht.ntt@ntt.test" \
	"... and changes nothing"

# ---- A new case reaches the principal and focal point by e-mail ----
CHILD="Lê Thị Thư $RANDOM"
SECRET="MAILSECRET-$RANDOM"
login gv.ntt
post_form /cases source=in_person received_on="$(date -d yesterday +%F)" received_time=08:10 \
	child_name="$CHILD" child_age=8 child_sex=f place="Sân trường" \
	setting=school abuse_form=violence narrative="$SECRET bị bắt nạt"
expect_status 303 "a teacher reports a case"
MCASE=$(printf '%s' "$HEADERS" | sed -n 's/^Location: \/cases\/\([0-9]*\)?sent=1$/\1/p')
wait_mail ht.ntt@ntt.test 1 && ok "the principal receives an e-mail" ||
	not_ok "the principal receives an e-mail" "$(sql "SELECT state || ' ' || IFNULL(last_error,'') FROM mail_outbox ORDER BY id DESC LIMIT 1")"
wait_mail pht.ntt@ntt.test 1 && ok "the focal point receives an e-mail" ||
	not_ok "the focal point receives an e-mail" "no message to pht.ntt@ntt.test"
SUBJ=$(mbox last ht.ntt@ntt.test subject)
expect_eq "$SUBJ" "vitre: Báo cáo mới nghi ngờ xâm hại trẻ em: hồ sơ #$MCASE (Trường TH và THCS Nguyễn Trung Trực)." \
	"the decoded subject is the Vietnamese notification"
case $(mbox last ht.ntt@ntt.test raw_subject) in
=\?UTF-8\?B\?*) ok "the subject is RFC 2047 encoded" ;;
*) not_ok "the subject is RFC 2047 encoded" "$(mbox last ht.ntt@ntt.test raw_subject)" ;;
esac
BODY=$(mbox last ht.ntt@ntt.test body)
expect_body "http://vitre.test/cases/$MCASE" "the body has the link" # checks BODY
if printf '%s' "$BODY" | grep -qF "$CHILD"; then not_ok "the body has no child's name" "found $CHILD"; else ok "the body has no child's name"; fi
if printf '%s' "$BODY" | grep -qF "$SECRET"; then not_ok "the body has no case content" "found $SECRET"; else ok "the body has no case content"; fi
expect_eq "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE user_id=$(uid gv.ntt)")" 0 "the reporter gets no e-mail (no address)"
expect_eq "$(mbox count ht.ntt@ntt.test)" 1 "the principal gets exactly one message"
for h in Date Message-ID From; do
	[ -n "$(mbox last ht.ntt@ntt.test "$h")" ] && ok "the message has $h" || not_ok "the message has $h" "missing"
done
expect_eq "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE to_addr='ht.ntt@ntt.test' AND state='sent' AND sent_at IS NOT NULL")" \
	1 "the outbox records the message as sent"

# ---- An unacknowledged referral escalates by e-mail, without a page view ----
login pht.ntt
post_form "/cases/$MCASE/referrals" to_kind=police how=phone done_on="$(date +%F)" \
	done_time=00:00 contact="Công an phường"
expect_status 303 "the focal point refers the case to the police"
sql_exec "UPDATE case_referral SET sent_at = sent_at - 2 * 86400 WHERE case_id = $MCASE"
expect_eq "$(sql "SELECT COUNT(*) FROM case_referral WHERE case_id=$MCASE AND escalated_at IS NULL")" 1 \
	"the referral, two days old now, is not escalated yet"
login admin
post_form /settings/mail/sweep date="$(date +%F)"
expect_status 303 "the background sweep runs"
expect_eq "$(sql "SELECT COUNT(*) FROM case_referral WHERE case_id=$MCASE AND escalated_at IS NOT NULL")" 1 \
	"the sweep escalates the referral"
ESC="Hồ sơ #$MCASE: chuyển gửi chưa được xác nhận"
for _ in $(seq 200); do
	[ "$(mbox find ht.ntt@ntt.test "$ESC")" -ge 1 ] && break
	sleep 0.1
done
expect_eq "$(mbox find ht.ntt@ntt.test "$ESC")" 1 "the principal gets the escalation by e-mail"

# ---- The test button ----
login admin
post_form /settings/mail/test to="bad"
expect_status 400 "a test to a bad address is refused"
post_form /settings/mail/test to="admin@so.test"
expect_status 303 "the administrator sends a test e-mail"
wait_mail admin@so.test 1 && ok "the test message is delivered" ||
	not_ok "the test message is delivered" "$(sql "SELECT state || ' ' || IFNULL(last_error,'') FROM mail_outbox ORDER BY id DESC LIMIT 1")"
SUBJ=$(mbox last admin@so.test subject)
expect_eq "$SUBJ" "vitre: thư thử — cấu hình thư điện tử hoạt động" "the test subject is Vietnamese"
req GET /settings/mail
expect_body "đã gửi" "the outbox on the page shows it sent"

# ---- Reminders: a principal of a Hà Đông demo school, due 31/05/2024 ----
HD1=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-01'")
post_form /users username=mail.hoasen full_name="Hiệu trưởng Hoa Sen" role=principal \
	unit_id="$HD1" password=vitre-demo-mail
expect_status 303 "the administrator adds the school's principal"
MH=$(uid mail.hoasen)
post_form "/users/$MH/email" email="mail.hoasen@hoasen.test"
notes() { sql "SELECT COUNT(*) FROM notification WHERE user_id=$MH"; }
post_form /settings/mail/sweep date=2024-13-40
expect_status 400 "a sweep for an impossible date is refused"
post_form /settings/mail/sweep date=2024-05-28
expect_status 303 "the sweep runs for 28/05/2024"
expect_eq "$(notes)" 1 "the principal gets one reminder 3 days before the due"
expect_eq "$(sql "SELECT text_vi FROM notification WHERE user_id=$MH")" \
	"Nhắc hạn: báo cáo «Kết quả triển khai kế hoạch của các đơn vị» kỳ 2023-2024 phải gửi trước ngày 31/05/2024 (còn 3 ngày)." \
	"the reminder says what, which period, when"
wait_mail mail.hoasen@hoasen.test 1 && ok "the reminder is e-mailed" ||
	not_ok "the reminder is e-mailed" "no message"
expect_eq "$(mbox last mail.hoasen@hoasen.test subject)" \
	"vitre: Nhắc hạn: báo cáo «Kết quả triển khai kế hoạch của các đơn vị» kỳ 2023-2024 phải gửi trước ngày 31/05/2024 (còn 3 ngày)." \
	"its subject is the reminder"
post_form /settings/mail/sweep date=2024-05-28
post_form /settings/mail/sweep date=2024-05-30
expect_eq "$(notes)" 1 "sweeping again reminds no one twice"
expect_eq "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE to_addr='mail.hoasen@hoasen.test'")" 1 \
	"and sends no second e-mail"
post_form /settings/mail/sweep date=2024-06-03
expect_eq "$(notes)" 2 "an overdue report is told once more"
expect_eq "$(sql "SELECT text_en FROM notification WHERE user_id=$MH ORDER BY id DESC LIMIT 1")" \
	"Overdue: the report \"Kết quả triển khai kế hoạch của các đơn vị\" for 2023-2024 was due on 31/05/2024 and has not been sent." \
	"the overdue notice says so"
post_form /settings/mail/sweep date=2024-06-05
expect_eq "$(notes)" 2 "and only once"
expect_eq "$(sql "SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.role = 'teacher' AND n.link LIKE '%/reports'")" \
	0 "users who cannot submit reports are not reminded"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='remind_sweep'")" 6 \
	"each sweep run by hand is audited"

# ---- STARTTLS required, and the server does not offer it: nothing in clear ----
post_form /settings/mail server_url="smtp://127.0.0.1:$SMTP_PORT" starttls=1 \
	from_addr="vitre@so.test" base_url="http://vitre.test" remind_days=14
expect_eq "$(sql "SELECT starttls FROM mail_setting")" 1 "STARTTLS can be required"
n_admin=$(mbox count admin@so.test)
post_form /settings/mail/test to="admin@so.test"
TLS=$(sql "SELECT MAX(id) FROM mail_outbox")
wait_outbox "$TLS" && ok "the sender tried the message" || not_ok "the sender tried the message" "no attempt"
case $(sql "SELECT last_error FROM mail_outbox WHERE id=$TLS") in
*SSL* | *TLS*) ok "it is not sent in clear, and the error says why" ;;
*) not_ok "it is not sent in clear, and the error says why" "$(sql "SELECT state || ' ' || IFNULL(last_error,'') FROM mail_outbox WHERE id=$TLS")" ;;
esac
expect_eq "$(mbox count admin@so.test)" "$n_admin" "the server received nothing"

# ---- A wrong server: a clear error in the outbox, no crash ----
DEAD_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
post_form /settings/mail server_url="smtp://127.0.0.1:$DEAD_PORT" \
	from_addr="vitre@so.test" base_url="http://vitre.test" remind_days=14
expect_status 303 "the administrator sets a server that is not there"
post_form /settings/mail/test to="admin@so.test"
expect_status 303 "a test message is queued"
BAD=$(sql "SELECT MAX(id) FROM mail_outbox")
wait_outbox "$BAD" && ok "the sender tried it" || not_ok "the sender tried it" "no attempt"
expect_eq "$(sql "SELECT state FROM mail_outbox WHERE id=$BAD")" queued "it will be retried"
ERRTXT=$(sql "SELECT last_error FROM mail_outbox WHERE id=$BAD")
case $ERRTXT in
*onnect*) ok "the error says the server could not be reached ($ERRTXT)" ;;
*) not_ok "the error says the server could not be reached" "got '$ERRTXT'" ;;
esac
expect_eq "$(sql "SELECT next_at - strftime('%s','now') > 30 FROM mail_outbox WHERE id=$BAD")" 1 \
	"the retry waits (backoff)"
req GET /settings/mail
expect_status 200 "the server still answers"
expect_body "sẽ thử lại" "the outbox shows it will retry"
expect_body "$DEAD_PORT" "with the error"

# ---- An administrator of one school: not the server's settings, not
#      the addresses of users outside the school ----
NTT=$(sql "SELECT unit_id FROM app_user WHERE username='ht.ntt'")
post_form /users username=mail.qtntt full_name="Quản trị trường" role=admin \
	unit_id="$NTT" password=vitre-demo-mail
expect_status 303 "the administrator adds an administrator of one school"
login mail.qtntt vitre-demo-mail
req GET /settings/mail
expect_status 403 "a school's administrator cannot open the server's e-mail settings"
post_form /settings/mail/test to="x@y.test"
expect_status 403 "nor send a test"
post_form /settings/mail/sweep date=2024-05-28
expect_status 403 "nor run the sweep"
post_form "/users/$MH/email" email="evil@x.test"
expect_status 403 "nor set the address of a user of another school"
expect_eq "$(sql "SELECT email FROM app_user WHERE id=$MH")" "mail.hoasen@hoasen.test" \
	"the address is unchanged"
post_form "/users/$HT/email" email="ht2@ntt.test"
expect_status 303 "but sets the address of a user of the school"
login admin
post_form "/users/$(uid mail.qtntt)/active" active=0

# ---- Leave e-mail off for the other tests ----
post_form /settings/mail server_url="" from_addr="" base_url="" remind_days=14
expect_status 303 "e-mail can be turned off"
post_form "/users/$MH/active" active=0
kill "$SMTP_PID" 2>/dev/null
wait "$SMTP_PID" 2>/dev/null
rm -rf "$MAILDIR"
