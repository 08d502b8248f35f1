# t_reports.sh -- the reporting calendar and reports built from the data:
# the calendar of a Hà Đông school lists the school-year duty of the
# district's plan, the district officer creates the school's report for
# 2023-2024 (numbers from the data), a second one is refused (409), an
# unknown obligation 404, a locked-out user 403; the district's page
# counts the schools.  Workflow: the school's principal writes and
# submits, the district returns it with a reason, the school resubmits,
# the district accepts; steps out of order 409, another district 403, bad
# input 400; a value corrected after acceptance leaves the report's
# numbers as they were, a new version is a fresh draft.

RP_SCHOOL=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-01'")
RP_PGD=$(sql "SELECT id FROM unit WHERE code='PGD-HD'")
RP_RG=$(sql "SELECT r.id FROM plan_reporting r JOIN plan p ON p.id = r.plan_id JOIN unit u ON u.id = p.unit_id WHERE u.code = 'PGD-HD' AND r.schedule = 'school_year'")
RP_P=$(sql "SELECT id FROM period WHERE code = '2023-2024'")

login phong.hadong
req GET /units/$RP_SCHOOL/reports
expect_status 200 "the calendar of a school answers"
expect_body "31/05/2024" "... with the school-year due of 2023-2024"
expect_body "rs-missing" "... missing after its due date"
req POST /units/$RP_SCHOOL/reports --data "csrf=$CSRF&reporting_id=$RP_RG&period_id=$RP_P&due_on=2024-05-31"
expect_status 303 "the district officer creates the school's report"
RP_ID=$(sql "SELECT id FROM report WHERE unit_id = $RP_SCHOOL AND period_id = $RP_P")
[ "$(sql "SELECT COUNT(*) FROM report_value WHERE report_id = $RP_ID AND has_value = 1 AND period_code = '2023-2024'")" -gt 0 ] &&
	ok "the report holds the 2023-2024 values" || not_ok "the report holds the 2023-2024 values" "none"
expect_eq "$(sql "SELECT action FROM audit_log WHERE object = 'report:$RP_ID'")" "report.create" "the creation is audited"
req POST /units/$RP_SCHOOL/reports --data "csrf=$CSRF&reporting_id=$RP_RG&period_id=$RP_P&due_on=2024-05-31"
expect_status 409 "a second report of the same obligation is refused"
req POST /units/$RP_SCHOOL/reports --data "csrf=$CSRF&reporting_id=$RP_RG&period_id=$RP_P&due_on=2024-05-30"
expect_status 404 "an obligation that does not exist is refused"
req POST /units/$RP_SCHOOL/reports --data "csrf=$CSRF&reporting_id=x&period_id=$RP_P"
expect_status 400 "a malformed duty id is refused"
req GET /reports/$RP_ID
expect_status 200 "the report page answers"
expect_body "Chỉ tiêu" "... with the targets"
req GET /units/$RP_PGD/reports
expect_status 200 "the district's calendar answers"
expect_body "Các đơn vị cấp dưới gửi về" "... with the reports due from the schools"
login ht.ntt
req GET /reports/$RP_ID
expect_status 403 "a principal of another school gets 403 on the report"

# The workflow.  A principal of the school (made by the administrator).
login admin
post_form /users username=ht.hd01 full_name='Hiệu trưởng HD-01' role=principal unit_id=$RP_SCHOOL password=12345678
expect_status 303 "the administrator makes a principal of the school"
post_form /users username=cv.q8b full_name='Chuyên viên Quận 8' role=area_officer unit_id=$(sql "SELECT id FROM unit WHERE code='PGD-Q8'") password=12345678
expect_status 303 "... and an officer of another district"
login ht.hd01 12345678
req GET /reports/$RP_ID
expect_body 'action="/reports/'$RP_ID'/submit"' "the draft shows the submit button to its school"
post_form /reports/$RP_ID/text results='Đạt kết quả tốt' strengths='Ưu điểm A' limitations='Hạn chế B' proposals='Đề xuất C'
expect_status 303 "the principal saves the narrative"
expect_eq "$(sql "SELECT results || '|' || proposals FROM report WHERE id = $RP_ID")" "Đạt kết quả tốt|Đề xuất C" "... stored"
long=$(head -c 20001 /dev/zero | tr '\0' a)
post_form /reports/$RP_ID/text results="$long"
expect_status 400 "an over-long section is refused"
expect_body "Kết quả thực hiện" "... naming the field"
expect_eq "$(sql "SELECT results FROM report WHERE id = $RP_ID")" "Đạt kết quả tốt" "... nothing changed"
post_form /reports/$RP_ID/accept
expect_status 403 "the school cannot accept its own report"
sql_exec "UPDATE report_value SET num = -12345 WHERE report_id = $RP_ID"
post_form /reports/$RP_ID/submit
expect_status 303 "the principal submits"
expect_eq "$(sql "SELECT state FROM report WHERE id = $RP_ID")" "submitted" "... the report is submitted"
expect_eq "$(sql "SELECT COUNT(*) FROM report_value WHERE report_id = $RP_ID AND num = -12345")" "0" "... with its numbers refreshed"
post_form /reports/$RP_ID/submit
expect_status 409 "a second submission is out of order"
expect_body "không thể gửi" "... with the reason"
post_form /reports/$RP_ID/text results='Sau khi gửi'
expect_status 409 "the narrative of a submitted report cannot change"

login cv.q8b 12345678
post_form /reports/$RP_ID/accept
expect_status 403 "another district cannot accept"
post_form /reports/$RP_ID/return note='x'
expect_status 403 "another district cannot return"

login phong.hadong
req GET /reports/$RP_ID
expect_body 'action="/reports/'$RP_ID'/accept"' "the district sees the accept button"
post_form /reports/$RP_ID/submit
expect_status 403 "the district cannot submit the school's report"
post_form /reports/$RP_ID/return note=
expect_status 400 "returning without a reason is refused"
expect_body "Ý kiến trả lại" "... naming the field"
expect_eq "$(sql "SELECT state FROM report WHERE id = $RP_ID")" "submitted" "... nothing changed"
post_form /reports/$RP_ID/return note='Bổ sung số liệu'
expect_status 303 "the district returns the report"
expect_eq "$(sql "SELECT state || '|' || review_note FROM report WHERE id = $RP_ID")" "returned|Bổ sung số liệu" "... returned with the reason"
post_form /reports/$RP_ID/accept
expect_status 409 "accepting a returned report is out of order"

login ht.hd01 12345678
req GET /reports/$RP_ID
expect_body "Bổ sung số liệu" "the school sees the reason"
post_form /reports/$RP_ID/submit
expect_status 303 "the school resubmits"

login phong.hadong
post_form /reports/$RP_ID/accept
expect_status 303 "the district accepts"
expect_eq "$(sql "SELECT state FROM report WHERE id = $RP_ID")" "accepted" "... the report is accepted"
expect_eq "$(sql "SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log WHERE object = 'report:$RP_ID' ORDER BY id)")" \
	"report.create,report.text,report.submit,report.return,report.submit,report.accept" "every step is audited"
post_form /reports/$RP_ID/return note='muộn'
expect_status 409 "returning an accepted report is out of order"

# A value corrected after acceptance does not change the report.
before=$(sql "SELECT group_concat(num || '/' || den, ',') FROM (SELECT num, den FROM report_value WHERE report_id = $RP_ID ORDER BY seq)")
RP_IND=$(sql "SELECT indicator_id FROM report_value WHERE report_id = $RP_ID AND has_value = 1 LIMIT 1")
[ "$(sql "SELECT COUNT(*) FROM agg_value WHERE unit_id = $RP_SCHOOL AND indicator_id = $RP_IND AND period_id = $RP_P")" -gt 0 ] &&
	ok "the school has a value to correct" || not_ok "the school has a value to correct" "none"
sql_exec "UPDATE agg_value SET num_total = num_total + 7 WHERE unit_id = $RP_SCHOOL AND indicator_id = $RP_IND AND period_id = $RP_P"
sql_exec "UPDATE meta SET v = CAST(CAST(v AS INTEGER) + 1 AS TEXT) WHERE k = 'generation'"
req GET /reports/$RP_ID
expect_status 200 "the accepted report answers after the correction"
expect_eq "$(sql "SELECT group_concat(num || '/' || den, ',') FROM (SELECT num, den FROM report_value WHERE report_id = $RP_ID ORDER BY seq)")" \
	"$before" "... its stored numbers are unchanged"

login ht.hd01 12345678
post_form /reports/$RP_ID/revise
expect_status 303 "the school makes a new version"
RP_V2=$(sql "SELECT id FROM report WHERE unit_id = $RP_SCHOOL AND period_id = $RP_P AND version = 2")
expect_eq "$(sql "SELECT state || '|' || results FROM report WHERE id = $RP_V2")" "draft|Đạt kết quả tốt" "... a draft with the narrative copied"
expect_eq "$(sql "SELECT state FROM report WHERE id = $RP_ID")" "accepted" "... the accepted version stays"
post_form /reports/$RP_ID/revise
expect_status 409 "a second new version of the same report is refused"
expect_body "phiên bản mới" "... with the reason"
