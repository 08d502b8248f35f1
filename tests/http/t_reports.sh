# t_reports.sh -- the reporting calendar and reports built from the data:
# the calendar of a Hà Đông school lists the school-year duty of the
# district's plan, the district officer creates the school's report for
# 2023-2024 (numbers from the data), a second one is refused (409), an
# unknown obligation 404, a locked-out user 403; the district's page
# counts the schools.

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
