# t_consolidate.sh -- consolidation over HTTP and the period locks.
#
# Hà Đông's school-year duty, 2022-2023 (due 31/05/2023): one school's
# report accepted, another's a draft.  The district's consolidation is
# refused (409) naming the schools without an accepted report, nothing
# written; confirmed, it is made with a table per school, totals that are
# the sums of the schools' stored numerators and denominators, and the
# missing list stored and shown.  The district locks the due: a school's
# submission and a new report answer 423 and change nothing, another
# district and a school's route cannot lock (403); unlocked, the school
# submits; another district cannot accept (403); the consolidated draft is
# consolidated afresh with the newly accepted report.  All audited.
# The chain: a duty of the Hanoi department runs down the tree (2025-2026:
# schools -> ward Hà Đông -> department); the ward consolidates its schools,
# its accepted report gives the department's report the ward's totals.

CS_PGD=$(sql "SELECT id FROM unit WHERE code='PGD-HD'")
CS_S2=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-02'")
CS_S3=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-03'")
CS_S4=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-04'")
CS_RG=$(sql "SELECT r.id FROM plan_reporting r JOIN plan p ON p.id = r.plan_id WHERE p.unit_id = $CS_PGD AND r.schedule = 'school_year'")
CS_P=$(sql "SELECT id FROM period WHERE code = '2022-2023'")
CS_DUE=2023-05-31
CS_F="reporting_id=$CS_RG&period_id=$CS_P&due_on=$CS_DUE"

login admin
post_form /users username=ht.cs02 full_name='Hiệu trưởng HD-02' role=principal unit_id=$CS_S2 password=12345678
expect_status 303 "the administrator makes a principal of school HD-02"
post_form /users username=ht.cs03 full_name='Hiệu trưởng HD-03' role=principal unit_id=$CS_S3 password=12345678
expect_status 303 "... and of school HD-03"
post_form /users username=cv.q8c full_name='Chuyên viên Quận 8' role=area_officer unit_id=$(sql "SELECT id FROM unit WHERE code='PGD-Q8'") password=12345678
expect_status 303 "... and an officer of another district"

login phong.hadong
req POST /units/$CS_S2/reports --data "csrf=$CSRF&$CS_F"
expect_status 303 "the district creates school HD-02's report"
CS_R2=$(sql "SELECT id FROM report WHERE unit_id = $CS_S2 AND period_id = $CS_P")
req POST /units/$CS_S3/reports --data "csrf=$CSRF&$CS_F"
expect_status 303 "... and school HD-03's"
CS_R3=$(sql "SELECT id FROM report WHERE unit_id = $CS_S3 AND period_id = $CS_P")
expect_eq "$(sql "SELECT consolidated FROM report WHERE id = $CS_R2")" "0" "a school's report is not a consolidation"
login ht.cs02 12345678
post_form /reports/$CS_R2/submit
expect_status 303 "school HD-02 submits"
login phong.hadong
post_form /reports/$CS_R2/accept
expect_status 303 "... the district accepts"

# The consolidation with schools missing.
count_all() { sql "SELECT (SELECT COUNT(*) FROM report) || '/' || (SELECT COUNT(*) FROM report_value) || '/' || (SELECT COUNT(*) FROM report_activity) || '/' || (SELECT COUNT(*) FROM audit_log WHERE object LIKE 'report%')"; }
before=$(count_all)
req POST /units/$CS_PGD/reports --data "csrf=$CSRF&$CS_F"
expect_status 409 "a consolidation with schools missing is refused"
expect_body "Trường THCS Họa Mi" "... naming a school whose report is a draft"
expect_body "Trường Mầm non Lê Lợi" "... and one without a report"
expect_no_body "Trường Tiểu học Sơn Ca" "... not the school whose report is accepted"
expect_body 'name="confirm_missing" value="1"' "... with the form that confirms"
req GET "/lang?to=en&back=/"
req POST /units/$CS_PGD/reports --data "csrf=$CSRF&$CS_F"
expect_status 409 "... in English too"
expect_body "No accepted report from the units" "... saying why in English"
expect_body "Trường Mầm non Lê Lợi" "... naming the units"
req GET "/lang?to=vi&back=/"
expect_eq "$(count_all)" "$before" "... nothing written"
req POST /units/$CS_PGD/reports --data "csrf=$CSRF&$CS_F&confirm_missing=1"
expect_status 303 "confirmed, the consolidation is made"
CS_C=$(sql "SELECT id FROM report WHERE unit_id = $CS_PGD AND period_id = $CS_P AND reporting_id = $CS_RG")
expect_eq "$(sql "SELECT consolidated || '|' || state FROM report WHERE id = $CS_C")" "1|draft" "... a consolidated draft"
expect_eq "$(sql "SELECT (missing_note LIKE '%Trường THCS Họa Mi%') || (missing_note LIKE '%Trường Mầm non Lê Lợi%') || (missing_note LIKE '%Sơn Ca%') FROM report WHERE id = $CS_C")" "110" "... the missing schools stored"
expect_eq "$(sql "SELECT action FROM audit_log WHERE object = 'report:$CS_C'")" "report.consolidate" "... audited"
expect_eq "$(sql "SELECT COUNT(*) FROM report_value WHERE report_id = $CS_C AND unit_id = $CS_S2")" \
	"$(sql "SELECT COUNT(*) FROM report_value WHERE report_id = $CS_R2")" "... a table for the accepted school, one row per target"
expect_eq "$(sql "SELECT COUNT(*) FROM report_value WHERE report_id = $CS_C AND unit_id = $CS_S3")" "0" "... none for the draft"
# The totals: per target, the sum of the units' stored numbers.
tot_check() {	# consolidated-report-id -> rows where the totals differ from the sums
	sql "SELECT COUNT(*) FROM report_value t WHERE t.report_id = $1 AND t.unit_id IS NULL AND
		(t.num || '/' || t.den || '/' || t.num_m || '/' || t.num_f) <>
		(SELECT COALESCE(SUM(v.num), 0) || '/' || COALESCE(SUM(v.den), 0) || '/' || COALESCE(SUM(v.num_m), 0) || '/' || COALESCE(SUM(v.num_f), 0)
		 FROM report_value v JOIN report c ON c.id = v.report_id WHERE v.report_id = $1 AND v.target_code = t.target_code
		 AND v.unit_id IS NOT NULL AND v.unit_id <> c.unit_id)"
}
expect_eq "$(tot_check $CS_C)" "0" "... totals are the sums of the units' numerators and denominators"
expect_eq "$(sql "SELECT group_concat(num || '/' || den, ',') FROM (SELECT num, den FROM report_value WHERE report_id = $CS_C AND unit_id IS NULL ORDER BY seq)")" \
	"$(sql "SELECT group_concat(num || '/' || den, ',') FROM (SELECT num, den FROM report_value WHERE report_id = $CS_R2 ORDER BY seq)")" \
	"... equal to the one accepted school's numbers"
[ "$(sql "SELECT COALESCE(SUM(den), 0) FROM report_value WHERE report_id = $CS_C AND unit_id IS NULL")" -gt 0 ] &&
	ok "... real numbers" || not_ok "... real numbers" "the totals are zero"
req GET /reports/$CS_C
expect_status 200 "the consolidated report's page answers"
expect_body "Trường Mầm non Lê Lợi" "... listing the missing schools"
expect_body "Tổng cộng" "... and the totals"
expect_body 'action="/reports/'$CS_C'/consolidate"' "... with the button that consolidates afresh"
req POST /units/$CS_PGD/reports --data "csrf=$CSRF&$CS_F&confirm_missing=1"
expect_status 409 "a second consolidation of the same due is refused"

# Locks.
req GET /units/$CS_PGD/reports
expect_body "Chưa đến hạn" "the district's calendar shows the units not yet due"
expect_body 'action="/units/'$CS_PGD'/reports/lock"' "... and the lock button"
login cv.q8c 12345678
req POST /units/$CS_PGD/reports/lock --data "csrf=$CSRF&$CS_F"
expect_status 403 "another district cannot lock the due"
login phong.hadong
req POST /units/$CS_S3/reports/lock --data "csrf=$CSRF&$CS_F"
expect_status 403 "a due cannot be locked from a school's route"
req POST /units/$CS_PGD/reports/lock --data "csrf=$CSRF&reporting_id=$CS_RG&period_id=$CS_P&due_on=2023-05-30"
expect_status 404 "a due that does not exist cannot be locked"
req POST /units/$CS_PGD/reports/lock --data "csrf=$CSRF&$CS_F"
expect_status 303 "the district locks the due"
expect_eq "$(sql "SELECT COUNT(*) FROM report_lock WHERE reporting_id = $CS_RG AND period_id = $CS_P AND due_on = '$CS_DUE'")" "1" "... the lock is stored"
expect_eq "$(sql "SELECT action FROM audit_log WHERE object = 'report_due:$CS_RG:$CS_P:$CS_DUE' ORDER BY id DESC LIMIT 1")" "report.lock" "... audited"
req POST /units/$CS_PGD/reports/lock --data "csrf=$CSRF&$CS_F"
expect_status 409 "locking twice is refused"
req GET /units/$CS_S3/reports
expect_body "đã khóa" "the school's calendar shows the lock"
before=$(count_all)
req POST /units/$CS_S4/reports --data "csrf=$CSRF&$CS_F"
expect_status 423 "after the lock, a new report of the due answers 423"
expect_body "đã được đơn vị nhận báo cáo khóa" "... saying why"
req GET "/lang?to=en&back=/"
req POST /units/$CS_S4/reports --data "csrf=$CSRF&$CS_F"
expect_status 423 "... in English too"
expect_body "The receiving office has locked this reporting period" "... saying why in English"
req GET "/lang?to=vi&back=/"
login ht.cs03 12345678
post_form /reports/$CS_R3/submit
expect_status 423 "... a submission answers 423"
post_form /reports/$CS_R3/text results='x'
expect_status 423 "... so does editing"
expect_eq "$(sql "SELECT state || '|' || COALESCE(submitted_at, 0) || '|' || results FROM report WHERE id = $CS_R3")" "draft|0|" "... the report unchanged"
expect_eq "$(count_all)" "$before" "... nothing written"
login phong.hadong
post_form /reports/$CS_C/consolidate confirm_missing=1
expect_status 303 "the district's own consolidation stays open under its lock"
login cv.q8c 12345678
req POST /units/$CS_PGD/reports/unlock --data "csrf=$CSRF&$CS_F"
expect_status 403 "another district cannot unlock"
login phong.hadong
req POST /units/$CS_PGD/reports/unlock --data "csrf=$CSRF&$CS_F"
expect_status 303 "the district unlocks"
expect_eq "$(sql "SELECT COUNT(*) FROM report_lock WHERE reporting_id = $CS_RG AND period_id = $CS_P")" "0" "... the lock is gone"
expect_eq "$(sql "SELECT action FROM audit_log WHERE object = 'report_due:$CS_RG:$CS_P:$CS_DUE' ORDER BY id DESC LIMIT 1")" "report.unlock" "... audited"
req POST /units/$CS_PGD/reports/unlock --data "csrf=$CSRF&$CS_F"
expect_status 409 "unlocking an open due is refused"
login ht.cs03 12345678
post_form /reports/$CS_R3/submit
expect_status 303 "unlocked, the school submits"
login cv.q8c 12345678
post_form /reports/$CS_R3/accept
expect_status 403 "an officer of another district cannot accept"
expect_eq "$(sql "SELECT state FROM report WHERE id = $CS_R3")" "submitted" "... the report stays submitted"
login phong.hadong
post_form /reports/$CS_R3/accept
expect_status 303 "the district accepts it"

# Consolidating the draft afresh.
before=$(count_all)
post_form /reports/$CS_C/consolidate
expect_status 409 "consolidating afresh with schools still missing asks again"
expect_no_body "Trường THCS Họa Mi" "... no longer naming the school now accepted"
expect_eq "$(count_all)" "$before" "... nothing written"
post_form /reports/$CS_C/consolidate confirm_missing=1
expect_status 303 "confirmed, the draft is consolidated afresh"
expect_eq "$(sql "SELECT (missing_note LIKE '%Họa Mi%') || (missing_note LIKE '%Lê Lợi%') FROM report WHERE id = $CS_C")" "01" "... the missing list updated"
expect_eq "$(tot_check $CS_C)" "0" "... totals are the sums of both schools"
expect_eq "$(sql "SELECT SUM(den) FROM report_value WHERE report_id = $CS_C AND unit_id IS NULL")" \
	"$(sql "SELECT SUM(den) FROM report_value WHERE report_id IN ($CS_R2, $CS_R3)")" "... the denominators of both schools added"
post_form /reports/$CS_R2/consolidate confirm_missing=1
expect_status 400 "a school's report is not consolidated"
login ht.ntt
post_form /reports/$CS_C/consolidate confirm_missing=1
expect_status 403 "a school elsewhere cannot consolidate the district's report"

# The chain: a duty of the Hanoi department addressed to itself.
CS_SO=$(sql "SELECT id FROM unit WHERE code='SGD-HN'")
CS_WARD=$(sql "SELECT id FROM unit WHERE code='P-HADONG'")
CS_S6=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-06'")
sql_exec "INSERT INTO plan (unit_id, issuer, title, period_from, period_to, updated_at) VALUES ($CS_SO, 'SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI', 'Kế hoạch thử tổng hợp', 2025, 2026, 0)"
CS_PLAN=$(sql "SELECT MAX(id) FROM plan")
sql_exec "INSERT INTO plan_target (plan_id, seq, code, label, indicator_id, clause) SELECT $CS_PLAN, seq, code, label, indicator_id, clause FROM plan_target WHERE plan_id = (SELECT plan_id FROM plan_reporting WHERE id = $CS_RG)"
sql_exec "INSERT INTO plan_reporting (plan_id, seq, what, to_whom, schedule) VALUES ($CS_PLAN, 1, 'Kết quả thực hiện', 'Sở Giáo dục và Đào tạo Hà Nội', 'school_year')"
CS_RG2=$(sql "SELECT MAX(id) FROM plan_reporting")
CS_P2=$(sql "SELECT id FROM period WHERE code = '2025-2026'")
CS_F2="reporting_id=$CS_RG2&period_id=$CS_P2&due_on=2026-05-31"
login admin
post_form /users username=ht.cs06 full_name='Hiệu trưởng HD-06' role=principal unit_id=$CS_S6 password=12345678
expect_status 303 "the administrator makes a principal of school HD-06"
login ht.cs06 12345678
req GET /units/$CS_S6/reports
expect_body "Phường Hà Đông" "the department's duty runs down to the school, reporting to its ward"
req POST /units/$CS_S6/reports --data "csrf=$CSRF&$CS_F2"
expect_status 303 "the school creates its report"
CS_R6=$(sql "SELECT id FROM report WHERE unit_id = $CS_S6 AND reporting_id = $CS_RG2")
post_form /reports/$CS_R6/submit
expect_status 303 "... and submits it"
login xa.hadong
post_form /reports/$CS_R6/accept
expect_status 303 "the ward accepts it"
req GET /units/$CS_WARD/reports
expect_body 'class="incoming"' "the ward's calendar shows the reports due from its schools"
req POST /units/$CS_WARD/reports --data "csrf=$CSRF&$CS_F2"
expect_status 409 "the ward's consolidation names its missing schools"
expect_body "Trường Mầm non Hoa Sen" "... a school of the ward"
req POST /units/$CS_WARD/reports --data "csrf=$CSRF&$CS_F2&confirm_missing=1"
expect_status 303 "confirmed, the ward consolidates"
CS_RW=$(sql "SELECT id FROM report WHERE unit_id = $CS_WARD AND reporting_id = $CS_RG2")
expect_eq "$(sql "SELECT consolidated FROM report WHERE id = $CS_RW")" "1" "... the ward's report is a consolidation"
expect_eq "$(tot_check $CS_RW)" "0" "... its totals are the sums"
req POST /units/$CS_WARD/reports/lock --data "csrf=$CSRF&$CS_F2"
expect_status 403 "the ward does not own the duty: it cannot lock it"
post_form /reports/$CS_RW/submit
expect_status 303 "the ward submits its consolidated report"
login so.hanoi
post_form /reports/$CS_RW/accept
expect_status 303 "the department accepts it"
req POST /units/$CS_SO/reports --data "csrf=$CSRF&$CS_F2"
expect_status 409 "the department's consolidation names the wards missing"
expect_body "Phường Dương Nội" "... a ward without a report"
req POST /units/$CS_SO/reports --data "csrf=$CSRF&$CS_F2&confirm_missing=1"
expect_status 303 "confirmed, the department consolidates"
CS_RS=$(sql "SELECT id FROM report WHERE unit_id = $CS_SO AND reporting_id = $CS_RG2")
expect_eq "$(sql "SELECT group_concat(num || '/' || den, ',') FROM (SELECT num, den FROM report_value WHERE report_id = $CS_RS AND unit_id = $CS_WARD ORDER BY seq)")" \
	"$(sql "SELECT group_concat(num || '/' || den, ',') FROM (SELECT num, den FROM report_value WHERE report_id = $CS_RW AND unit_id IS NULL ORDER BY seq)")" \
	"... the ward's row holds the ward's consolidated totals"
expect_eq "$(tot_check $CS_RS)" "0" "... the department's totals are the sums"
expect_eq "$(sql "SELECT SUM(den) FROM report_value WHERE report_id = $CS_RS AND unit_id IS NULL")" \
	"$(sql "SELECT SUM(den) FROM report_value WHERE report_id = $CS_R6")" "... which are the one school's numbers, carried up two levels"
