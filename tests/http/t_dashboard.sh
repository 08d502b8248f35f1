# t_dashboard.sh -- the target dashboard: scope, roll-up numbers equal to
# sums over agg_value, statuses of targets inserted with SQL, the ranking
# fragment, the JSON.  The test makes its own plans beside the demo's seed
# plans (python3's sqlite3 writes beside the running server: WAL), bumps the
# data generation as every change must, and looks only at its own targets.

# sql_write "SQL; SQL" -- run statements in one transaction and bump the
# generation; prints the last inserted row id.
sql_write() {
	python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1], timeout=10)
c.executescript("BEGIN;" + sys.argv[2] + ";UPDATE meta SET v = CAST(CAST(v AS INTEGER)+1 AS TEXT) WHERE k=\"generation\";COMMIT;")
print(c.execute("SELECT MAX(id) FROM plan_target").fetchone()[0])' "$DB" "$1"
}

# jget 'python expression on d' -- evaluate on the JSON in BODY.
jget() {
	printf '%s' "$BODY" | python3 -c 'import json,sys
d=json.load(sys.stdin)
v=eval(sys.argv[1])
print("null" if v is None else v)' "$1" 2>/dev/null
}

expect_eq() {
	if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3" "got '$1', wanted '$2'"; fi
}

HN=$(sql "SELECT id FROM unit WHERE code='SGD-HN'")
HD=$(sql "SELECT id FROM unit WHERE code='PGD-HD'")
NTT=$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")
HNSCHOOL=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-01'")
MN=$(sql "SELECT u.id FROM unit u JOIN unit_link l ON l.child_id = u.id WHERE u.kind='mn' AND l.parent_id = (SELECT id FROM unit WHERE code='P-HADONG') LIMIT 1")

# Scope and existence.
login ht.ntt
req GET /units/$NTT/dashboard
expect_status 200 "a principal sees the dashboard of the own school"
expect_body 'Trường TH và THCS Nguyễn Trung Trực' "the dashboard is titled with the unit's name"
req GET /units/$HNSCHOOL/dashboard
expect_status 403 "a Phú Quốc principal gets 403 for a Hà Nội school's dashboard"
req GET /api/units/$HNSCHOOL/dashboard
expect_status 403 "... and for its JSON"
req GET /units/$HNSCHOOL/dashboard/targets/1/units
expect_status 403 "... and for its ranking fragment"
req GET /units/999999/dashboard
expect_status 404 "an unknown unit's dashboard is 404"
req GET /api/units/999999/dashboard
expect_status 404 "an unknown unit's JSON is 404"
expect_body '"code":"not found"' "the JSON error names the error"

# A province plan with four targets, inserted with SQL.
TID_CP=$(sql_write "INSERT INTO plan (unit_id, number, symbol, issuer, title, period_from, period_to, updated_at) VALUES ($HN, '15', 'KH-SGDĐT', 'Sở GD&ĐT Hà Nội', 'Kế hoạch <b>thử</b>', 2021, 2030, 0);
INSERT INTO plan_target (plan_id, seq, code, label, indicator_id, clause, baseline, baseline_year) VALUES ((SELECT MAX(id) FROM plan), 1, 'CT17', 'Chỉ tiêu 17', (SELECT id FROM indicator WHERE code='COMPLETION_PRIMARY'), 'Tỷ lệ hoàn thành', 90, 2021);
INSERT INTO target_milestone (target_id, year, cmp, value) VALUES ((SELECT MAX(id) FROM plan_target), 2030, '>=', 0)")
TID_OFF=$(sql_write "INSERT INTO plan_target (plan_id, seq, code, label, indicator_id, clause, baseline, baseline_year) VALUES ((SELECT MAX(id) FROM plan), 2, 'CT99', 'Chỉ tiêu khó', (SELECT id FROM indicator WHERE code='TOILET'), 'Không thể đạt', 100, 2021);
INSERT INTO target_milestone (target_id, year, cmp, value) VALUES ((SELECT MAX(id) FROM plan_target), 2026, '>=', 100.5)")
TID_MN=$(sql_write "INSERT INTO plan_target (plan_id, seq, code, label, indicator_id, clause, baseline, baseline_year) VALUES ((SELECT MAX(id) FROM plan), 3, 'CT15', 'Chỉ tiêu nhẹ cân', (SELECT id FROM indicator WHERE code='UNDERWEIGHT'), 'Nhẹ cân', NULL, NULL);
INSERT INTO target_milestone (target_id, year, cmp, value) VALUES ((SELECT MAX(id) FROM plan_target), 2030, '<=', 100)")

login so.hanoi
req GET /api/units/$HN/dashboard
expect_status 200 "the province's dashboard JSON answers"
expect_eq "$(jget 'len([t for t in d["targets"] if t["id"] in ('$TID_CP', '$TID_OFF', '$TID_MN')])')" 3 "the three targets of the province plan apply to the province"
expect_eq "$(jget '[t["status"] for t in d["targets"] if t["id"]=='$TID_CP'][0]')" achieved "a target met (>= 0) is achieved"
expect_eq "$(jget '[t["status"] for t in d["targets"] if t["id"]=='$TID_OFF'][0]')" off_track "a target no better than its baseline is off track"
expect_eq "$(jget '[t["actual"]["period"] for t in d["targets"] if t["id"]=='$TID_CP'][0]')" 2025-2026 "the latest actual is the latest school year"

# The roll-up equals the sums over agg_value through the admin links valid
# on each period's ref_on (recursive, computed here independently).
area_sum() { # indicator period column unit_code
	sql "WITH RECURSIVE p AS (SELECT ref_on, id FROM period WHERE code='$2'),
	area(id) AS (SELECT id FROM unit WHERE code='$4'
	 UNION SELECT l.child_id FROM unit_link l JOIN area a ON l.parent_id = a.id, p
	 WHERE l.role='admin' AND l.valid_from <= p.ref_on AND p.ref_on < l.valid_to)
	SELECT SUM(v.$3) FROM agg_value v JOIN area ON area.id = v.unit_id, p
	WHERE v.period_id = p.id AND v.indicator_id = (SELECT id FROM indicator WHERE code='$1')"
}
CP='[t for t in d["targets"] if t["id"]=='$TID_CP'][0]'
expect_eq "$(jget "$CP"'["actual"]["num"]')" "$(area_sum COMPLETION_PRIMARY 2025-2026 num_total SGD-HN)" "province numerator 2025-2026 = the sum over its communes' schools"
expect_eq "$(jget "$CP"'["actual"]["den"]')" "$(area_sum COMPLETION_PRIMARY 2025-2026 den_total SGD-HN)" "province denominator 2025-2026 = the sum"
expect_eq "$(jget "$CP"'["actual"]["num_f"]')" "$(area_sum COMPLETION_PRIMARY 2025-2026 num_f SGD-HN)" "girls' numerator = the sum"
expect_eq "$(jget "$CP"'["actual"]["den_m"]')" "$(area_sum COMPLETION_PRIMARY 2025-2026 den_m SGD-HN)" "boys' denominator = the sum"
expect_eq "$(jget "$CP"'["series"][3]["num"]')" "$(area_sum COMPLETION_PRIMARY 2024-2025 num_total SGD-HN)" "province numerator 2024-2025 = the sum through the district office"
expect_eq "$(jget "$CP"'["series"][3]["period"]')" 2024-2025 "the series is in time order"
expect_eq "$(jget 'round('"$CP"'["actual"]["value"], 9)')" "$(sql "SELECT ROUND(100.0 * ($(area_sum COMPLETION_PRIMARY 2025-2026 num_total SGD-HN)) / ($(area_sum COMPLETION_PRIMARY 2025-2026 den_total SGD-HN)), 9)")" "the rate is the sum of numerators over the sum of denominators"

# The units below, ranked by gap, worst first.
req GET "/api/units/$HN/dashboard?below=1"
expect_eq "$(jget 'len('"$CP"'["units_below"])')" 5 "the province has five communes below it today"
expect_eq "$(jget 'all(a["gap"] >= b["gap"] for a, b in zip('"$CP"'["units_below"], '"$CP"'["units_below"][1:]))')" True "units below are sorted by gap, largest first"
FIRST=$(jget "$CP"'["units_below"][0]["unit"]["id"]')
req GET /units/$HN/dashboard/targets/$TID_CP/units -H 'HX-Request: true'
expect_status 200 "the ranking fragment answers"
expect_no_body '<!DOCTYPE' "the htmx fragment has no page frame"
expect_body "<tr data-unit=\"$FIRST\"><td>1</td>" "the fragment ranks the same unit first as the JSON"
expect_body "href=\"/units/$FIRST/dashboard\"" "each unit below links to its own dashboard"
req GET /units/$HN/dashboard/targets/$TID_CP/units
expect_body '<!DOCTYPE' "without htmx the ranking is a whole page"
req GET /units/$HN/dashboard/targets/999999/units
expect_status 404 "a target that does not apply is 404 in the ranking"

# The page.
req GET /units/$HN/dashboard
expect_status 200 "the province's dashboard page answers"
expect_body 'Chỉ tiêu khó' "the card shows the target's label"
expect_body '<span class="badge st-off_track">Chậm tiến độ</span>' "an off-track target shows its badge"
expect_body '<span class="badge st-achieved">Đạt</span>' "an achieved target shows its badge"
expect_body '<svg class="chart"' "each card has a server-drawn chart"
expect_no_body 'style=' "no inline style attribute (CSP)"
expect_no_body '<b>thử</b>' "the plan title is escaped"
expect_body "hx-get=\"/units/$HN/dashboard/targets/$TID_CP/units\"" "the units-below button loads the ranking with htmx"
expect_body ' %' "values are shown with a percent sign"
expect_body "href=\"/plans/" "each card links to its plan"

# Targets follow the levels: a kindergarten gets the underweight target,
# not primary completion; a closed district office gets no province target
# (no link to the province today) but its own plan's.
req GET /api/units/$MN/dashboard
expect_eq "$(jget "$TID_MN in [t['id'] for t in d['targets']]")" True "a kindergarten gets the underweight target of the province"
expect_eq "$(jget "$TID_CP in [t['id'] for t in d['targets']]")" False "a kindergarten does not get primary completion"
TID_HD=$(sql_write "INSERT INTO plan (unit_id, number, symbol, issuer, title, period_from, period_to, updated_at) VALUES ($HD, '7', 'KH-PGDĐT', 'Phòng GD&ĐT Hà Đông', 'Kế hoạch huyện', 2022, 2025, 0);
INSERT INTO plan_target (plan_id, seq, code, label, indicator_id, clause, baseline, baseline_year) VALUES ((SELECT MAX(id) FROM plan), 1, 'CT1', 'Chỉ tiêu 1', (SELECT id FROM indicator WHERE code='DROPOUT_PRIMARY'), 'Bỏ học', 0.5, 2022);
INSERT INTO target_milestone (target_id, year, cmp, value) VALUES ((SELECT MAX(id) FROM plan_target), 2025, '<', 0.3)")
req GET /api/units/$HD/dashboard
expect_eq "$(jget "$TID_HD in [t['id'] for t in d['targets']] and $TID_CP not in [t['id'] for t in d['targets']]")" True "a closed district office gets its own plan's targets, not the province's"
HDT='[t for t in d["targets"] if t["id"]=='$TID_HD'][0]'
expect_eq "$(jget "$HDT"'["actual"]["period"]')" 2024-2025 "its latest actual is the last school year before the reform"
expect_eq "$(jget "$HDT"'["actual"]["num"]')" "$(area_sum DROPOUT_PRIMARY 2024-2025 num_total PGD-HD)" "district numerator = the sum over its schools on 31 May 2025"
expect_eq "$(jget "$HDT"'["actual"]["den"]')" "$(area_sum DROPOUT_PRIMARY 2024-2025 den_total PGD-HD)" "district denominator = the sum"
req GET "/api/units/$HD/dashboard?below=1"
expect_eq "$(jget 'len('"$HDT"'["units_below"]) > 0')" True "a closed office ranks the schools it had at its latest period"

# A new value moves the generation and the dashboard follows at once.
BEFORE=$(jget "$HDT"'["actual"]["num"]')
sql_write "UPDATE agg_value SET num_total = num_total + 1000, num_m = num_m + 1000 WHERE id = (SELECT v.id FROM agg_value v JOIN unit_link l ON l.child_id = v.unit_id AND l.role = 'admin' AND l.parent_id = $HD WHERE v.indicator_id = (SELECT id FROM indicator WHERE code='DROPOUT_PRIMARY') AND v.period_id = (SELECT id FROM period WHERE code='2024-2025') LIMIT 1)" >/dev/null
req GET /api/units/$HD/dashboard
expect_eq "$(jget "$HDT"'["actual"]["num"]')" "$((BEFORE + 1000))" "a changed value shows after the generation moves (no stale cache)"

# English.
req GET "/lang?to=en&back=/"
req GET /units/$HN/dashboard
expect_body 'off track' "the English page shows English status labels"
req GET "/lang?to=vi&back=/"
