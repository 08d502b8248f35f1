# t_cases.sh -- protection cases: a teacher reports and then sees only the
# status; the principal and the focal point see the case; an
# administrator, a colleague not assigned, another school and an area
# officer get 403; bad input is 400 naming the field with nothing changed;
# the procedure refuses steps out of order; every read is in the
# hash-chained audit log, which "vitre audit verify" checks; the database
# file holds no readable narrative; a wrong or missing key gives 503.

case_count() { sql "SELECT COUNT(*) FROM casefile"; }
audit_count() { sql "SELECT COUNT(*) FROM case_audit"; }
case_state() { sql "SELECT state FROM casefile WHERE id=$1"; }
uid() { sql "SELECT id FROM app_user WHERE username='$1'"; }
TODAY=$(date +%F)
YESTERDAY=$(date -d yesterday +%F)
SECRET="NARRATIVE-$RANDOM-$RANDOM"
CHILD="Trần Thị Kín $RANDOM"

# The key file made by serve --demo is for its owner only.
expect_eq "$(stat -c %a "$DB.key")" 600 "the demo key file has mode 600"

# ---- Reporting from any page ----
login gv.ntt
req GET /plans
expect_body 'href="/cases/new"' "every page links to the report form"
expect_body "Báo cáo nghi ngờ xâm hại" "the link says what it is for"
req GET /cases/new
expect_status 200 "a teacher opens the report form"
expect_body 'value="u"' "sex can be 'unknown'"

n0=$(case_count)
a0=$(audit_count)
post_form /cases source=phone received_on="$TODAY" received_time=08:30 \
	child_name="$CHILD" child_age=30 child_sex=x place="" setting=family \
	abuse_form=sexual narrative=""
expect_status 400 "a bad report is refused"
expect_body "Tuổi (ước lượng): phải là số nguyên từ 0 đến 17" "the message names the age"
expect_body "Giới tính: giá trị không có trong danh sách" "the message names the sex"
expect_body "Hình thức xâm hại tình dục: cần chọn" "sexual abuse needs its kind"
expect_body "Sự việc: cần nhập" "the message names what happened"
expect_body "Địa điểm xảy ra vụ việc: cần nhập" "the message names the place"
expect_body "$CHILD" "the form comes back with what was typed"
post_form /cases source=phone received_on="$TODAY" received_time=25:99 \
	child_name="$CHILD" child_sex=f place=x setting=family \
	abuse_form=violence narrative=x
expect_status 400 "an impossible time is refused"
expect_body "Giờ tiếp nhận: phải có dạng giờ:phút" "the message names the time"
post_form /cases source=phone received_on=2099-01-01 received_time=08:00 \
	child_name="$CHILD" child_sex=f place=x setting=family \
	abuse_form=violence narrative=x
expect_status 400 "a report from the future is refused"
expect_eq "$(case_count)" "$n0" "nothing was saved"
expect_eq "$(audit_count)" "$a0" "nothing was logged for refused input"

post_form /cases source=in_person received_on="$YESTERDAY" received_time=07:45 \
	child_name="$CHILD <script>alert(1)</script>" child_age=9 child_sex=u place="Gần cổng trường" \
	setting=family abuse_form=violence narrative="$SECRET bị đánh ở nhà" \
	informant_name="Bà Hàng Xóm" informant_phone=0901234567
expect_status 303 "a teacher sends a report"
CASE=$(printf '%s' "$HEADERS" | sed -n 's/^Location: \/cases\/\([0-9]*\)?sent=1$/\1/p')
[ -n "$CASE" ] && ok "the report has a case number ($CASE)" ||
	not_ok "the report has a case number" "no Location: $HEADERS"
expect_eq "$(sql "SELECT child_sex || ',' || abuse_form || ',' || state FROM casefile WHERE id=$CASE")" \
	"u,violence,reported" "the codes are stored"

# ---- The reporter sees the status only ----
req GET "/cases/$CASE?sent=1"
expect_status 200 "the reporter opens the report"
expect_body "Đã tiếp nhận" "and sees its status"
expect_no_body "$SECRET" "but not what happened"
expect_no_body "$CHILD" "nor the child's name"
expect_no_body "Hàng Xóm" "nor the informant"
req GET /cases
expect_body "/cases/$CASE" "the reporter's list has the report"
expect_no_body "$CHILD" "without the child's name"
req GET "/cases/$CASE/audit"
expect_status 403 "the reporter cannot see the access log"

# ---- Nothing readable at rest ----
if cat "$DB" "$DB-wal" 2>/dev/null | grep -aqF "$SECRET"; then
	not_ok "the database files hold no readable narrative" "found $SECRET"
else
	ok "the database files hold no readable narrative"
fi
if cat "$DB" "$DB-wal" 2>/dev/null | grep -aqF "Hàng Xóm"; then
	not_ok "the database files hold no readable informant" "found"
else
	ok "the database files hold no readable informant"
fi
expect_eq "$(sql "SELECT substr(narrative_enc, 1, 3) FROM casefile WHERE id=$CASE")" \
	"v1:" "the narrative is a sealed field"

# ---- A child from the register ----
NTT=$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")
KID=$(sql "SELECT id FROM child WHERE school_id=$NTT ORDER BY id LIMIT 1")
KID_NAME=$(sql "SELECT full_name FROM child WHERE id=$KID")
HN_KID=$(sql "SELECT c.id FROM child c JOIN unit u ON u.id = c.school_id WHERE u.code <> 'TH-THCS-NTT-PQ' LIMIT 1")
req GET "/children/$KID"
expect_body "/cases/new?child=$KID" "a child's record links to the report form"
req GET "/cases/new?child=$KID"
expect_status 200 "the report form opens for that child"
expect_body "$KID_NAME" "with the child's name from the register"
expect_body "name=\"child_id\" value=\"$KID\"" "and the child linked"
req GET "/cases/new?child=$HN_KID"
expect_status 403 "a child of another school cannot be reported from here"
n0=$(case_count)
post_form /cases child_id="$HN_KID" source=phone received_on="$YESTERDAY" received_time=09:00 \
	place=x setting=school abuse_form=violence narrative=x
expect_status 400 "nor posted"
expect_body "Trẻ trong sổ theo dõi: không có trẻ này" "the message names the child"
expect_eq "$(case_count)" "$n0" "nothing was saved"
for i in 1 2; do
	post_form /cases child_id="$KID" source=phone received_on="$YESTERDAY" received_time=09:0$i \
		place="Lớp học" setting=school abuse_form=violence narrative="REG-$SECRET-$i"
	expect_status 303 "a report about a register child ($i)"
done
KID_CASE=$(sql "SELECT MAX(id) FROM casefile")
expect_eq "$(sql "SELECT substr(child_ref_enc, 1, 3) || length(child_tag) FROM casefile WHERE id=$KID_CASE")" \
	"v1:64" "the link to the child is sealed, with a keyed tag"
expect_eq "$(sql "SELECT COUNT(DISTINCT child_tag) FROM casefile WHERE child_tag IS NOT NULL")" 1 \
	"two cases of one child share the tag (the child counts once)"
expect_eq "$(sql "SELECT COUNT(*) FROM casefile WHERE child_ref_enc LIKE '%child%'")$(sql "SELECT COUNT(*) FROM case_audit WHERE detail LIKE '%child%'")" \
	00 "nothing in clear says which child has a case"
login ht.ntt
req GET "/cases/$KID_CASE"
expect_body "href=\"/children/$KID\"" "the case links to the child's record"
expect_body "$KID_NAME" "and names the child"
login gv.ntt

# ---- Need to know ----
views() { sql "SELECT COUNT(*) FROM case_audit WHERE case_id=$CASE AND action='view'"; }
login ht.ntt
req GET /notifications
expect_body "Báo cáo mới nghi ngờ xâm hại trẻ em: hồ sơ #$CASE" "the principal is told at once"
expect_no_body "$CHILD" "the notice does not name the child"
v0=$(views)
req GET "/cases/$CASE"
expect_status 200 "the principal of the school sees the case"
expect_body "$SECRET" "with what happened"
expect_body "$CHILD" "and the child's name"
expect_body "Không biết" "sex unknown is shown"
expect_body "$CHILD &lt;script&gt;" "the name is escaped"
expect_no_body "<script>alert(1)" "no markup gets through"
expect_eq "$(views)" "$((v0 + 1))" "the read is logged"
expect_eq "$(sql "SELECT username || ' ' || ip FROM case_audit WHERE case_id=$CASE ORDER BY seq DESC LIMIT 1")" \
	"ht.ntt 127.0.0.1" "with who and from where"
req GET "/cases/$CASE"
expect_eq "$(views)" "$((v0 + 2))" "every read is logged"

login pht.ntt
req GET /notifications
expect_body "hồ sơ #$CASE" "the focal point is told at once"
req GET "/cases/$CASE"
expect_status 200 "the school's focal point was assigned and sees the case"

for who in tuvan.ntt vanthu.ntt admin ht.huongluu xa.hadong so.hanoi; do
	login "$who"
	d0=$(sql "SELECT COUNT(*) FROM case_audit WHERE case_id=$CASE AND action='denied'")
	req GET "/cases/$CASE"
	expect_status 403 "$who gets 403 on the case"
	expect_no_body "$SECRET" "$who does not see what happened"
	expect_eq "$(sql "SELECT COUNT(*) FROM case_audit WHERE case_id=$CASE AND action='denied'")" \
		"$((d0 + 1))" "the refused attempt of $who is logged"
	req GET /cases
	expect_no_body "/cases/$CASE\"" "$who's list does not have the case"
done
login admin
req GET "/cases/$CASE/audit"
expect_status 403 "an administrator cannot see who read the case either"
post_form "/cases/$CASE/assessment" done_on="$TODAY" finding=abused serious=0
expect_status 403 "an administrator cannot write to the case"
req GET /cases/99999
expect_status 403 "a case that does not exist looks the same as a refused one"

# ---- The principal assigns people and sees who looked ----
login ht.ntt
post_form "/cases/$CASE/workers" user_id="$(uid admin)"
expect_status 400 "an administrator cannot be assigned"
post_form "/cases/$CASE/workers" user_id="$(uid ht.huongluu)"
expect_status 400 "nor someone of another school"
post_form "/cases/$CASE/workers" user_id="$(uid tuvan.ntt)"
expect_status 303 "the principal assigns the counsellor"
login tuvan.ntt
req GET "/cases/$CASE"
expect_status 200 "the counsellor now sees the case"
post_form "/cases/$CASE/workers" user_id="$(uid vanthu.ntt)"
expect_status 403 "only the principal assigns people"
login ht.ntt
req GET "/cases/$CASE/audit"
expect_status 200 "the principal sees who looked at the case"
expect_body "tuvan.ntt" "the counsellor's read is there"
expect_body "denied" "refused attempts are there"
expect_body "xa.hadong" "with who tried"

# ---- An anonymous reporter ----
login vanthu.ntt
post_form /cases source=other_person received_on="$YESTERDAY" received_time=10:00 \
	child_name="Em D" child_sex=m place=x setting=community abuse_form=neglect \
	narrative="ANON-$SECRET" hide_reporter=1
expect_status 303 "a clerk reports without showing their name"
ANON=$(sql "SELECT MAX(id) FROM casefile")
req GET "/cases/$ANON"
expect_body "Đã tiếp nhận" "and sees the status"
login ht.ntt
req GET "/cases/$ANON"
expect_body "Người báo cáo</th><td>(ẩn danh)" "the people on the case see an anonymous reporter"
expect_no_body "Người báo cáo</th><td>Văn thư" "not the clerk's name"
req GET "/cases/$ANON/audit"
expect_no_body "vanthu.ntt" "nor in who looked at the case"
expect_body "(ẩn danh)" "where the reporter's entries stay anonymous"
req GET "/cases/$CASE"
expect_body "Người báo cáo</th><td>Giáo viên (demo)" "a reporter who did not ask is named"

# ---- The procedure ----
login pht.ntt
post_form "/cases/$CASE/detailed" done_on="$TODAY" text="nhu cầu"
expect_status 409 "a detailed assessment before the initial one is refused"
expect_body "Cần đánh giá ban đầu (mẫu 02) trước" "with the reason"
post_form "/cases/$CASE/review" done_on="$TODAY" rating1=high rating2=high rating3=high outcome=close
expect_status 409 "a review without a plan is refused"
expect_body "Chưa có kế hoạch được phê duyệt để rà soát" "with the reason"
post_form "/cases/$CASE/assessment" done_on=2020-01-01 finding=abused serious=1
expect_status 400 "an assessment dated before the report is refused"
expect_body "Ngày: không thể trước ngày tiếp nhận" "the message names the date"
post_form "/cases/$CASE/assessment" done_on="$TODAY" finding=maybe serious=2
expect_status 400 "a bad finding is refused"
expect_body "Kết luận: giá trị không có trong danh sách" "the message names the finding"
expect_eq "$(case_state "$CASE")" reported "nothing changed"
post_form "/cases/$CASE/emergency" done_on="$TODAY" done_time=09:00 text="x"
expect_status 409 "no emergency action before serious harm is found"

post_form "/cases/$CASE/assessment" done_on="$TODAY" finding=abused serious=1 text="vết bầm"
expect_status 303 "the focal point records the initial assessment"
expect_eq "$(case_state "$CASE")" assessed "the case is assessed"
req GET "/cases/$CASE"
expect_body 'class="clock' "the 12-hour clock is on the case"
login tuvan.ntt
req GET "/cases/$CASE"
expect_body "Can thiệp khẩn cấp" "everyone on the case sees the clock"
req GET /notifications
expect_body "tổn hại nghiêm trọng" "and is told"
login pht.ntt
post_form "/cases/$CASE/emergency" done_on="$YESTERDAY" done_time=07:00 text="tách trẻ"
expect_status 400 "an emergency action before the report came in is refused"
post_form "/cases/$CASE/emergency" done_on="$YESTERDAY" done_time=08:00 text="tách trẻ khỏi người gây hại"
expect_status 303 "the emergency action is recorded (it may precede the assessment's record)"

post_form "/cases/$CASE/referrals" to_kind=commune to_user="$(uid xa.hadong)" how=phone \
	done_on="$YESTERDAY" done_time=08:10 contact="cán bộ xã"
expect_status 400 "a referral to an officer outside the school's area is refused"
expect_body "không chuyển được ra ngoài phạm vi" "with the reason"
post_form "/cases/$CASE/referrals" to_kind=police how=phone done_on="$YESTERDAY" \
	done_time=08:10 contact="Công an xã, trực ban"
expect_status 303 "a referral to the police is recorded"
REF=$(sql "SELECT id FROM case_referral WHERE case_id=$CASE")
post_form "/cases/$CASE/referrals/$REF/ack" done_on="$YESTERDAY" done_time=08:05 ack="trực ban"
expect_status 400 "an acknowledgement before the referral was sent is refused"
expect_body "Giờ: không thể trước lúc chuyển gửi" "naming the time"
post_form "/cases/$CASE/referrals/$REF/ack" done_on="$YESTERDAY" done_time=08:20 ack="trực ban"
expect_status 303 "its acknowledgement is recorded"
post_form "/cases/$CASE/referrals/$REF/ack" done_on="$YESTERDAY" done_time=08:20 ack="trực ban"
expect_status 409 "only once"
login gv.ntt
req GET "/cases/$CASE"
expect_body "Đã chuyển" "the reporter sees it was referred"
expect_no_body "Công an xã" "and nothing more"

login pht.ntt
post_form "/cases/$CASE/detailed" done_on="$TODAY" text="nhu cầu hỗ trợ tâm lý"
expect_status 303 "the detailed assessment"
post_form "/cases/$CASE/approval" done_on="$TODAY" text="QĐ"
expect_status 409 "an approval before the plan is refused"
post_form "/cases/$CASE/plan" done_on="$TODAY" text="kế hoạch"
expect_status 303 "the plan"
post_form "/cases/$CASE/measures" kind=counselling owner="$(uid tuvan.ntt)" due_on="$TODAY" what="tư vấn"
expect_status 409 "no measures before the plan is approved"
post_form "/cases/$CASE/approval" done_on="$TODAY" text="QĐ 15/QĐ-UBND"
expect_status 303 "the approval"
post_form "/cases/$CASE/measures" kind=counselling owner="$(uid gv.ntt)" due_on="$TODAY" what="tư vấn"
expect_status 400 "a measure's owner must be on the case"
post_form "/cases/$CASE/measures" kind=counselling owner="$(uid tuvan.ntt)" due_on=2020-01-01 what="tư vấn"
expect_status 400 "a measure cannot be due in the past"
post_form "/cases/$CASE/measures" kind=counselling owner="$(uid tuvan.ntt)" due_on="$TODAY" what="tư vấn hằng tuần"
expect_status 303 "a measure is given to the counsellor"
login tuvan.ntt
req GET /notifications
expect_body "bạn được giao một biện pháp" "the counsellor is told"
MEAS=$(sql "SELECT id FROM case_measure WHERE case_id=$CASE")
post_form "/cases/$CASE/measures/$MEAS/done" done_on="$TODAY"
expect_status 303 "the counsellor marks it done"
post_form "/cases/$CASE/review" done_on="$TODAY" rating1=low rating2=low rating3=medium outcome=continue
expect_status 303 "a review that goes on"
expect_eq "$(sql "SELECT state || ' ' || cycle FROM casefile WHERE id=$CASE")" "detailed 2" \
	"starts a new cycle that needs a new plan"
post_form "/cases/$CASE/plan" done_on="$TODAY" text="kế hoạch 2"
post_form "/cases/$CASE/approval" done_on="$TODAY" text="QĐ 16"
post_form "/cases/$CASE/review" done_on="$TODAY" rating1=low rating2=low rating3=low outcome=close
expect_status 303 "a review that closes the case"
expect_eq "$(case_state "$CASE")" closed "the case is closed"
post_form "/cases/$CASE/referrals" to_kind=police how=phone done_on="$YESTERDAY" done_time=09:00 contact=x
expect_status 409 "nothing is recorded after closure"
login gv.ntt
req GET "/cases/$CASE"
expect_body "Đã đóng" "the reporter sees it closed"

# ---- Overdue and escalation ----
# A referral of the demo case, sent three days ago, was never acknowledged.
DEMO_CASE=$(sql "SELECT case_id FROM case_referral WHERE ack_at IS NULL ORDER BY id LIMIT 1")
login pht.ntt
req GET /cases/overdue
expect_status 200 "the focal point's overdue list"
expect_body "chuyển gửi chưa được xác nhận" "lists the unacknowledged referral"
expect_body "/cases/$DEMO_CASE" "of the demo case"
expect_eq "$(sql "SELECT COUNT(*) FROM case_referral WHERE case_id=$DEMO_CASE AND escalated_at IS NOT NULL")" \
	1 "the referral is escalated once it is overdue"
expect_eq "$(sql "SELECT COUNT(*) FROM case_audit WHERE case_id=$DEMO_CASE AND action='escalate'")" \
	1 "the escalation is in the case audit log, once"
login ht.ntt
req GET /notifications
expect_body "Hồ sơ #$DEMO_CASE: chuyển gửi chưa được xác nhận sau 24 giờ" "the principal is told"

# ---- Statistics ----
login ht.ntt
req GET /cases/stats
expect_status 200 "the principal sees the statistics"
expect_body "0101" "of indicator 0101"
expect_body "&lt; 5" "small counts are hidden"
expect_no_body "$CHILD" "without names"
expect_no_body "/cases/$CASE\"" "without links to cases"
login gv.ntt
req GET /cases/stats
expect_status 403 "a teacher has no statistics"

# ---- The case file as a PDF, for the people on the case only ----
exports() { sql "SELECT COUNT(*) FROM case_audit WHERE case_id=$CASE AND action='export_pdf'"; }
login tuvan.ntt
x0=$(exports)
pdf=$(mktemp)
STATUS=$(curl -s -o "$pdf" -D - -w '%{http_code}' -b "$JAR" "$BASE/cases/$CASE/pdf" | tr -d '\r' | tee "$pdf.h" | tail -1)
expect_status 200 "a person on the case exports it as PDF"
grep -qi '^Cache-Control: no-store' "$pdf.h" && ok "the PDF is not cached" || not_ok "the PDF is not cached" "$(cat "$pdf.h")"
grep -qi '^Content-Type: application/pdf' "$pdf.h" && ok "it is a PDF" || not_ok "it is a PDF" "$(cat "$pdf.h")"
text=$(pdftotext "$pdf" - 2>/dev/null)
for want in "MẬT" "Hồ sơ số: $CASE/BVTE" "$SECRET bị đánh ở nhà" "Bà Hàng Xóm" "Đánh giá ban đầu (mẫu 02)" \
	"Đánh giá chi tiết" "Kế hoạch hỗ trợ, can thiệp (mẫu 04)" "QĐ 15/QĐ-UBND" "tư vấn hằng tuần" \
	"Công an xã, trực ban" "trực ban" "Rà soát, đánh giá (mẫu 06)" "Hồ sơ đã đóng" "THỜI HẠN VÀ CHẬM TRỄ"; do
	printf '%s' "$text" | grep -qF -- "$want" && ok "the PDF has: $want" || not_ok "the PDF has: $want" "$(printf '%s' "$text" | head -40)"
done
rm -f "$pdf" "$pdf.h"
expect_eq "$(exports)" "$((x0 + 1))" "the export is in the case audit log"
expect_eq "$(sql "SELECT username || ' ' || ip || ' ' || action FROM case_audit WHERE case_id=$CASE ORDER BY seq DESC LIMIT 1")" \
	"tuvan.ntt 127.0.0.1 export_pdf" "with who and from where"
login ht.ntt
req GET "/cases/$CASE"
expect_body "/cases/$CASE/pdf" "the case page links to the export"
req GET "/cases/$CASE/audit"
expect_body "export_pdf" "the principal sees the export among who looked at the case"
for who in admin gv.ntt ht.huongluu xa.hadong; do
	login "$who"
	x0=$(exports)
	req GET "/cases/$CASE/pdf"
	expect_status 403 "$who cannot export the case"
	expect_no_body "%PDF" "$who gets no file"
	expect_eq "$(exports)" "$x0" "no export is logged for $who"
done

# ---- The audit chain ----
out=$("$VITRE" audit verify --db "$DB" 2>&1)
expect_eq "$?" 0 "vitre audit verify: the chain is intact"
printf '%s' "$out" | grep -q "intact" && ok "and says so" || not_ok "and says so" "$out"
tampered() {	# SQL -- apply to a copy, verify it
	local copy
	copy=$(mktemp)
	python3 -c 'import sqlite3,sys
s=sqlite3.connect(sys.argv[1]); d=sqlite3.connect(sys.argv[2]); s.backup(d); d.close()
d=sqlite3.connect(sys.argv[2])
d.execute("DROP TRIGGER case_audit_no_update"); d.execute("DROP TRIGGER case_audit_no_delete")
for q in sys.argv[3].split(";"): d.execute(q)
d.commit()' "$DB" "$copy" "$1"
	VERIFY=$("$VITRE" audit verify --db "$copy" 2>&1)
	VERIFY_RC=$?
	rm -f "$copy" "$copy-wal" "$copy-shm"
}
tampered "UPDATE case_audit SET username='someone' WHERE seq=5"
expect_eq "$VERIFY_RC" 1 "a modified entry fails verification"
printf '%s' "$VERIFY" | grep -q "entry 5 was modified" && ok "and is named" || not_ok "and is named" "$VERIFY"
tampered "DELETE FROM case_audit WHERE seq=6"
expect_eq "$VERIFY_RC" 1 "a deleted entry fails verification"
printf '%s' "$VERIFY" | grep -q "entry 6 was deleted" && ok "and is named" || not_ok "and is named" "$VERIFY"
expect_eq "$(sql "SELECT COUNT(*) FROM case_audit WHERE id <> seq")" 0 \
	"(entries are stored in seq order)"
tampered "UPDATE case_audit SET id=-1 WHERE seq=7;UPDATE case_audit SET id=7 WHERE seq=8;UPDATE case_audit SET id=8 WHERE seq=7"
expect_eq "$VERIFY_RC" 1 "reordered entries fail verification"
printf '%s' "$VERIFY" | grep -q "entry 8 was reordered" && ok "and are named" || not_ok "and are named" "$VERIFY"

# ---- A wrong or missing key: 503 with the reason, never garbage ----
main_base=$BASE
other_server VITRE_CASE_KEY=ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
BASE=$OTHER_BASE
login ht.ntt
req GET "/cases/$CASE"
expect_status 503 "with a wrong key the case answers 503"
expect_body "không phải khóa đã dùng" "saying the key is not the right one"
expect_no_body "$SECRET" "and nothing of the case"
req GET /cases/new
expect_status 503 "reporting says so too, before anything is typed"
expect_body "111" "and points to hotline 111"
req GET /plans
expect_status 200 "the rest of vitre works"
kill "$OTHER_PID"
wait "$OTHER_PID" 2>/dev/null
other_server -u VITRE_CASE_KEY
BASE=$OTHER_BASE
login ht.ntt
req GET "/cases/$CASE"
expect_status 503 "without a key the case answers 503"
kill "$OTHER_PID"
wait "$OTHER_PID" 2>/dev/null
BASE=$main_base

badkey=$(mktemp)
cp "$DB.key" "$badkey"
chmod 644 "$badkey"
out=$("$VITRE" serve --db "$DB" --port 1 --case-key "$badkey" 2>&1)
expect_eq "$?" 1 "a key file others can read is refused"
printf '%s' "$out" | grep -q "chmod 600" && ok "with the fix in the message" || not_ok "with the fix in the message" "$out"
rm -f "$badkey"

# ---- Deadlines are settings where the law is not confirmed ----
setting() { sql "SELECT v FROM case_setting WHERE k='$1'"; }
login ht.ntt
req GET /cases/settings
expect_status 403 "a principal does not change the deadlines"
login admin
req GET /cases/settings
expect_status 200 "an administrator sees the deadline settings"
expect_body 'name="emergency_hours" value="12"' "12 hours for emergency action (Decree 56)"
expect_body 'name="plan_working_days" value="5"' "5 working days for the plan (Decree 56)"
expect_body 'name="detailed_working_days" value=""' "no deadline for form 03 until it is set"
post_form /cases/settings emergency_hours=12 plan_working_days=0 plan_from=yesterday \
	detailed_working_days=abc approval_working_days= referral_ack_hours=24
expect_status 400 "bad settings are refused"
expect_body "Ngày làm việc để lập kế hoạch (mẫu 04): phải là số nguyên từ 1 đến 60" "naming the plan days"
expect_body "Ngày làm việc để đánh giá chi tiết (mẫu 03): phải là số nguyên" "naming the form 03 days"
expect_body "Tính hạn kế hoạch từ: giá trị không có trong danh sách" "naming where the plan deadline starts"
expect_eq "$(setting plan_working_days)" 5 "nothing changed"
post_form /cases/settings emergency_hours=12 plan_working_days=5 plan_from=report \
	detailed_working_days=3 approval_working_days= referral_ack_hours=24
expect_status 303 "the form 03 deadline is set"
expect_eq "$(setting detailed_working_days)" 3 "to 3 working days"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='case_setting' AND object='detailed_working_days'")" \
	1 "the change is in the audit log"
post_form /cases/settings emergency_hours=12 plan_working_days=5 plan_from=report \
	detailed_working_days= approval_working_days= referral_ack_hours=24
expect_eq "$(setting detailed_working_days)" "" "and unset again"
post_form /cases/settings/holidays day=2027-02-08 name="Tết Đinh Mùi"
expect_status 303 "a holiday is added"
post_form /cases/settings/holidays day=2027-02-08 name="Tết Đinh Mùi"
expect_status 409 "only once"
post_form /cases/settings/holidays day=2027-02-30 name="x"
expect_status 400 "an impossible date is refused"
expect_body "Ngày nghỉ: phải là ngày có thật" "naming the field"
post_form /cases/settings/holidays day=2027-02-08 remove=1
expect_status 303 "a holiday is removed"
expect_eq "$(sql "SELECT COUNT(*) FROM holiday WHERE day='2027-02-08'")" 0 "and gone"
