# t_cases_stats.sh -- the number of abused children (TT 13/2021 indicator
# 0101, ABUSED_CHILDREN) flows from the cases into computed aggregate
# values per school and calendar year, only for a finding "abused"; the
# dashboards (page and JSON) show it, every count of 1 to 4 as "< 5" (and
# the other sex as "x" beside a small one), larger counts as they are, and
# the district and province totals roll the schools up.  The seeded
# public holidays match the official calendars of 2025 and 2026.

YEAR=$(date +%Y)
TODAY=$(date +%F)
ABUSED=$(sql "SELECT id FROM indicator WHERE code='ABUSED_CHILDREN'")
NTT=$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")
PQ02=$(sql "SELECT id FROM unit WHERE code='DEMO-PQ-02'")
DKPQ=$(sql "SELECT id FROM unit WHERE code='DK-PQ'")
PROV=$(sql "SELECT parent_id FROM unit_link WHERE child_id=$DKPQ AND role='admin' AND valid_to > '$TODAY'")
value() { sql "SELECT num_total FROM agg_value WHERE unit_id=$1 AND indicator_id=$ABUSED AND period_id=(SELECT id FROM period WHERE code='$YEAR')"; }
expect_eq "$(sql "SELECT unit || source || period_type || suppress_small FROM indicator WHERE id=$ABUSED")" \
	"countcasesyear1" "0101 is in the catalogue: a count from cases, per year, small counts hidden"

# abused USER SEX [FINDING] -- USER reports a case at their school and, as
# its principal, records the initial assessment (default: abused).
abused() {
	login "$1"
	post_form /cases source=phone received_on="$TODAY" received_time=00:01 \
		child_name="Trẻ thống kê $RANDOM" child_sex="$2" child_age=10 place=x \
		setting=family abuse_form=violence narrative="thống kê"
	local id
	id=$(sql "SELECT MAX(id) FROM casefile")
	post_form "/cases/$id/assessment" done_on="$TODAY" finding="${3:-abused}" serious=0
	[ "$STATUS" = 303 ] || not_ok "assessment of case $id" "status $STATUS"
}

n0=$(value "$NTT")
[ -n "$n0" ] && [ "$n0" -ge 1 ] && [ "$n0" -le 4 ] &&
	ok "the demo's abused child is a computed value of the school ($n0)" ||
	not_ok "the demo's abused child is a computed value of the school" "got '$n0'"
expect_eq "$(sql "SELECT computed FROM agg_value WHERE unit_id=$NTT AND indicator_id=$ABUSED")" 1 "marked computed"
login ht.ntt
req GET "/units/$NTT/dashboard"
expect_status 200 "the school's dashboard"
expect_body "Số trẻ em bị xâm hại" "shows the number of abused children"
expect_body "<td>$YEAR</td><td class=\"num\">&lt; 5</td>" "as \"< 5\""
req GET "/api/units/$NTT/dashboard"
expect_eq "$(json_get "[m['series'][-1]['num'] for m in j['monitored'] if m['indicator']['code']=='ABUSED_CHILDREN'][0]")" \
	"< 5" "and \"< 5\" in the JSON"

# A second school of the same đặc khu: its principal reports two.
printf 'vitre-demo\n' | "$VITRE" user add --db "$DB" --username ht.pq02 --name "Hiệu trưởng PQ02" \
	--role principal --unit DEMO-PQ-02 >/dev/null 2>&1
abused ht.pq02 m
abused ht.pq02 f
abused ht.pq02 f at_risk
expect_eq "$(value "$PQ02")" 2 "two abused children at the second school (a child at risk does not count)"
expect_eq "$(sql "SELECT num_m || '/' || num_f FROM agg_value WHERE unit_id=$PQ02 AND indicator_id=$ABUSED")" \
	"1/1" "by sex"

# The first school passes 5.
k=$((6 - n0))
for i in $(seq "$k"); do
	if [ "$i" -le 2 ]; then abused ht.ntt m; else abused ht.ntt f; fi
done
expect_eq "$(value "$NTT")" 6 "six abused children at the first school"
login ht.ntt
req GET "/units/$NTT/dashboard"
expect_body "<td>$YEAR</td><td class=\"num\">6</td>" "with 5 or more the number appears"
req GET "/api/units/$NTT/dashboard"
sexes=$(json_get "[str(m['series'][-1].get('num_m'))+'/'+str(m['series'][-1].get('num_f')) for m in j['monitored'] if m['indicator']['code']=='ABUSED_CHILDREN'][0]")
shown() {	# M F -- the split as it must read
	local m=$1 f=$2 sm=0 sf=0
	[ "$m" -ge 1 ] && [ "$m" -le 4 ] && sm=1
	[ "$f" -ge 1 ] && [ "$f" -le 4 ] && sf=1
	if [ $sm = 0 ] && [ $sf = 0 ]; then echo "$m/$f"; return; fi
	[ $sm = 1 ] && m="< 5" || m=x
	[ $sf = 1 ] && f="< 5" || f=x
	echo "$m/$f"
}
expect_eq "$sexes" "$(shown "$(sql "SELECT num_m FROM agg_value WHERE unit_id=$NTT AND indicator_id=$ABUSED")" \
	"$(sql "SELECT num_f FROM agg_value WHERE unit_id=$NTT AND indicator_id=$ABUSED")")" \
	"by sex a small count reads \"< 5\" and the other \"x\" ($sexes)"
expect_eq "$(shown 1 7)$(shown 6 7)$(shown 0 3)" "< 5/x6/7x/< 5" "(the rule of the test itself)"

# Totals roll up: the đặc khu and the province sum the schools.
login admin
req GET "/api/units/$DKPQ/dashboard"
expect_eq "$(json_get "[m['series'][-1]['num'] for m in j['monitored'] if m['indicator']['code']=='ABUSED_CHILDREN'][0]")" \
	8 "the đặc khu's total is the sum of its schools"
req GET "/units/$DKPQ/dashboard"
expect_body "<td>$YEAR</td><td class=\"num\">8</td>" "on its dashboard"
expect_body "Trường THCS Bình Minh</a></td><td class=\"num\">&lt; 5</td>" "a school below with 2 reads \"< 5\""
expect_body "Trường TH và THCS Nguyễn Trung Trực</a></td><td class=\"num\">6</td>" "one with 6 reads 6"
expect_no_body "Trường Mầm non Hoa Sen</a></td><td class=\"num\">" "schools without a case are not listed one by one"
expect_body "không ghi nhận trường hợp nào trong kỳ: " "... but counted"
req GET "/api/units/$PROV/dashboard"
expect_eq "$(json_get "[m['series'][-1]['num'] for m in j['monitored'] if m['indicator']['code']=='ABUSED_CHILDREN'][0]")" \
	8 "and so does the province's"

# The value pages show the computed count under the same rule.
login ht.pq02
req GET "/values?unit=$PQ02&indicator=ABUSED_CHILDREN&period=$YEAR"
expect_status 200 "the school's value page for 0101"
expect_body 'value="&lt; 5" disabled' "shows its computed count as \"< 5\", read-only"
expect_no_body 'value="2" disabled' "not the count itself"
expect_body "hồ sơ bảo vệ trẻ em đã ẩn danh" "saying where it comes from"
expect_body "&lt; 5 <small class=\"muted\">(nam &lt; 5, nữ &lt; 5)</small>" "and so does the list of stored values"

# ---- Holidays: the official calendars of 2025 and 2026 ----
hol() { sql "SELECT COUNT(*) FROM holiday WHERE day BETWEEN '$1' AND '$2'"; }
expect_eq "$(hol 2025-01-25 2025-02-02)" 9 "Tết Ất Tỵ: 25/01-02/02/2025, 9 days"
expect_eq "$(hol 2026-02-14 2026-02-22)" 9 "Tết Bính Ngọ: 14-22/02/2026, 9 days"
expect_eq "$(sql "SELECT COUNT(*) FROM holiday WHERE day IN ('2025-01-29', '2026-02-17')")" 2 \
	"with the first day of Tết (29/01/2025, 17/02/2026)"
expect_eq "$(sql "SELECT COUNT(*) FROM holiday WHERE day IN ('2025-04-07', '2026-04-26', '2026-04-27')")" 3 \
	"Giỗ Tổ Hùng Vương 07/04/2025, 26/04/2026 and its Monday off"
expect_eq "$(sql "SELECT COUNT(*) FROM holiday WHERE day IN ('2025-04-30', '2025-05-01', '2026-04-30', '2026-05-01')")" 4 \
	"30/4 and 1/5"
expect_eq "$(hol 2025-08-30 2025-09-02)" 4 "Quốc khánh 2025: 30/08-02/09"
expect_eq "$(sql "SELECT COUNT(*) FROM holiday WHERE day IN ('2025-01-01', '2026-01-01', '2026-09-02')")" 3 "1/1 and 2/9"

# ---- The report page hides small counts too ----
# No demo plan has a target on 0101: one number of a fresh report of a
# Hà Đông school stands for it (a fixture on report_value).
RS=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-05'")
RG=$(sql "SELECT r.id FROM plan_reporting r JOIN plan p ON p.id = r.plan_id JOIN unit u ON u.id = p.unit_id WHERE u.code = 'PGD-HD' AND r.schedule = 'school_year'")
RP=$(sql "SELECT id FROM period WHERE code = '2022-2023'")
login phong.hadong
req POST "/units/$RS/reports" --data "csrf=$CSRF&reporting_id=$RG&period_id=$RP&due_on=2023-05-31"
expect_status 303 "a report of a school"
RID=$(sql "SELECT id FROM report WHERE unit_id = $RS AND period_id = $RP")
RV=$(sql "SELECT MIN(id) FROM report_value WHERE report_id = $RID")
sql_exec "UPDATE report_value SET indicator_id = $ABUSED, target_code = 'BV1', label = 'Số trẻ em bị xâm hại', period_code = '2023', has_value = 1, num = 3, has_den = 0 WHERE id = $RV"
req GET "/reports/$RID"
expect_status 200 "the report page"
expect_body "BV1 Số trẻ em bị xâm hại</td><td>2023</td><td class=\"num\">&lt; 5</td>" "shows a count of 3 as \"< 5\""
cs_tmp=$(mktemp -d)
doc_job "/reports/$RID/doc" pdf "$cs_tmp/r.pdf"
cs_pdf=$(pdftotext -layout "$cs_tmp/r.pdf" - 2>/dev/null | grep "BV1")
case $cs_pdf in *"<5"* | *"< 5"*) ok "the report's PDF shows it as \"< 5\"" ;;
	*) not_ok "the report's PDF shows it as \"< 5\"" "$cs_pdf" ;; esac
doc_job "/reports/$RID/doc" xlsx "$cs_tmp/r.xlsx"
unzip -p "$cs_tmp/r.xlsx" 'xl/worksheets/*.xml' | grep -q "&lt; 5" &&
	ok "... and its XLSX writes \"< 5\", not the number" ||
	not_ok "... and its XLSX writes \"< 5\", not the number" "no '< 5' string"
rm -rf "$cs_tmp"
sql_exec "UPDATE report_value SET num = 12 WHERE id = $RV"
req GET "/reports/$RID"
expect_body "BV1 Số trẻ em bị xâm hại</td><td>2023</td><td class=\"num\">12</td>" "and 12 as it is"

# ---- A plan target on 0101: its card hides small counts too ----
# On a copy of the database (a new plan would change other tests' counts),
# served by a second server with the same key.
copy=$(mktemp -d)/target.db
python3 -c 'import sqlite3,sys
s=sqlite3.connect(sys.argv[1]); d=sqlite3.connect(sys.argv[2]); s.backup(d); d.close()' "$DB" "$copy"
cat >"$(dirname "$copy")/plan.json" <<JSON
{"format": "vitre-plan/1", "unit": "DEMO-PQ-02", "doc_type": "KH", "number": "7",
 "symbol": "KH-BVTE", "issuer": "TRƯỜNG THCS BÌNH MINH", "place": "Phú Quốc",
 "issued_on": "$YEAR-01-05", "title": "Bảo vệ trẻ em năm $YEAR",
 "period": {"from": $YEAR, "to": $YEAR}, "sections": [],
 "targets": [{"code": "BV1", "label": "Chỉ tiêu bảo vệ trẻ em", "indicator": "ABUSED_CHILDREN",
  "clause": "Không để trẻ em bị xâm hại.",
  "baseline": {"value": 3, "year": $((YEAR - 1))},
  "milestones": [{"year": $YEAR, "cmp": "<=", "value": 0}]}],
 "demo": false}
JSON
out=$("$VITRE" plan import --db "$copy" "$(dirname "$copy")/plan.json" 2>&1)
expect_eq "$?" 0 "a school plan with a target on 0101 ($out)"
main_db=$DB
main_base=$BASE
DB=$copy
other_server VITRE_CASE_KEY="$(cat "$main_db.key")"
BASE=$OTHER_BASE
login ht.pq02
req GET "/units/$PQ02/dashboard"
card=$(printf '%s' "$BODY" | tr '\n' ' ' | grep -o '<article id="target-[0-9]*" class="target">.*Chỉ tiêu bảo vệ trẻ em.*</article>' | head -c 6000)
printf '%s' "$card" | grep -qF "<strong>&lt; 5</strong> ($YEAR)" && ok "the target's card shows the actual 2 as \"< 5\"" ||
	not_ok "the target's card shows the actual 2 as \"< 5\"" "$(printf '%s' "$card" | head -c 1500)"
printf '%s' "$card" | grep -qF "Nam &lt; 5 · Nữ &lt; 5" && ok "and its split by sex" ||
	not_ok "and its split by sex" "$(printf '%s' "$card" | head -c 1500)"
printf '%s' "$card" | grep -qF "còn 2" && not_ok "the gap does not give it away" "còn 2" || ok "the gap does not give it away"
req GET "/api/units/$PQ02/dashboard"
expect_eq "$(json_get "[t['actual']['num'] for t in j['targets'] if t['code']=='BV1'][0]")" "< 5" "nor the JSON"
expect_eq "$(json_get "[t['gap'] for t in j['targets'] if t['code']=='BV1'][0]")" "None" "(no gap)"
kill "$OTHER_PID"
wait "$OTHER_PID" 2>/dev/null
DB=$main_db
BASE=$main_base
rm -rf "$(dirname "$copy")"

# ---- A report carries the protection count without a plan target ----
# Two children found abused in October 2023 at a Hà Đông school: the
# school's 2023-2024 report (as of 31/08/2024) holds the 2023 count, shown
# as "< 5"; the district's consolidated report totals it.
HD5=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-05'")
printf 'vitre-demo\n' | "$VITRE" user add --db "$DB" --username ht.hd05 --name "Hiệu trưởng HD05" \
	--role principal --unit DEMO-HD-05 >/dev/null 2>&1
for sex in m f; do
	login ht.hd05
	post_form /cases source=phone received_on=2023-10-10 received_time=08:00 \
		child_name="Trẻ thống kê $RANDOM" child_sex=$sex child_age=9 place=x \
		setting=family abuse_form=violence narrative="thống kê 2023"
	cid=$(sql "SELECT MAX(id) FROM casefile")
	post_form "/cases/$cid/assessment" done_on=2023-10-11 finding=abused serious=0
	expect_status 303 "a 2023 case at HD-05 assessed as abuse ($sex)"
done
expect_eq "$(sql "SELECT num_total FROM agg_value WHERE unit_id=$HD5 AND indicator_id=$ABUSED AND period_id=(SELECT id FROM period WHERE code='2023')")" \
	2 "the school's 2023 count is 2"
RP5=$(sql "SELECT id FROM period WHERE code = '2023-2024'")
login phong.hadong
req POST "/units/$HD5/reports" --data "csrf=$CSRF&reporting_id=$RG&period_id=$RP5&due_on=2024-05-31"
expect_status 303 "the school's 2023-2024 report"
RID5=$(sql "SELECT id FROM report WHERE unit_id = $HD5 AND period_id = $RP5")
expect_eq "$(sql "SELECT period_code || ':' || num || ':' || num_m || ':' || num_f FROM report_value WHERE report_id = $RID5 AND indicator_id = $ABUSED")" \
	"2023:2:1:1" "it stores the 2023 count (no plan target on it)"
req GET "/reports/$RID5"
expect_body "ABUSED_CHILDREN Số trẻ em bị xâm hại</td><td>2023</td><td class=\"num\">&lt; 5</td>" "its page shows \"< 5\""
login ht.hd05
post_form "/reports/$RID5/submit"
login phong.hadong
post_form "/reports/$RID5/accept"
expect_status 303 "the district accepts it"
PGD_HD=$(sql "SELECT id FROM unit WHERE code='PGD-HD'")
req POST "/units/$PGD_HD/reports" --data "csrf=$CSRF&reporting_id=$RG&period_id=$RP5&due_on=2024-05-31&confirm_missing=1"
RC5=$(sql "SELECT id FROM report WHERE unit_id = $PGD_HD AND period_id = $RP5 AND consolidated = 1")
if [ -n "$RC5" ]; then
	expect_eq "$(sql "SELECT num FROM report_value WHERE report_id = $RC5 AND indicator_id = $ABUSED AND unit_id IS NULL")" \
		2 "the district's consolidated report totals it"
	expect_eq "$(sql "SELECT num FROM report_value WHERE report_id = $RC5 AND indicator_id = $ABUSED AND unit_id = $HD5")" \
		2 "... with the school's row"
else
	not_ok "the district's consolidated report totals it" "no consolidated report (status $STATUS)"
fi
