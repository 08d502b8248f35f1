# t_growth.sh -- growth monitoring: who sees and enters measurements (a
# teacher for their own class only, the school's staff, not another
# school), the session grid and its save, bad input refused naming the row
# and the field with nothing written, an implausible value that warns at
# once (htmx) and is saved only when confirmed, the school's dashboard
# moving after a session, the value-entry form refusing a computed value,
# the growth chart as SVG, every view audited, the JSON API, the CSV import
# with row and column messages, and escaping of a child's name.

NTT=$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")
HL=$(sql "SELECT id FROM unit WHERE code='MN-HUONGLUU'")
Y25=$(sql "SELECT id FROM period WHERE code='2025-2026'")
KHOI=$(sql "SELECT id FROM child WHERE full_name='Lê Minh Khôi'")	# 3A: gv.ntt's class
TRANG=$(sql "SELECT id FROM child WHERE full_name='Phạm Thu Trang'")	# 4A
GV=$(sql "SELECT id FROM app_user WHERE username='gv.ntt'")
HL_KID=$(sql "SELECT child_id FROM enrolment WHERE unit_id=$HL AND period_id=$Y25 AND class_name='Mầm 1' AND status='studying' ORDER BY child_id LIMIT 1")
OTHER3A=$(sql "SELECT child_id FROM enrolment WHERE unit_id=$NTT AND period_id=$Y25 AND class_name='3A' AND status='studying' AND child_id<>$KHOI LIMIT 1")
meas() { sql "SELECT COUNT(*) FROM measurement"; }
views() { sql "SELECT COUNT(*) FROM audit_log WHERE action='growth.view' AND object='child:$1'"; }
U3A="year=2025-2026&class=3A"	# a query string
P3A=(year=2025-2026 class=3A)	# the same posted

# --- roles and scope -------------------------------------------------------
login admin
req GET "/units/$HL/growth"
expect_status 403 "the administrator has no access to measurements"
login ht.ntt
req GET "/units/$HL/growth"
expect_status 403 "a principal of another school cannot open its growth page"
req GET "/children/$HL_KID/growth"
expect_status 403 "nor a child's chart there"
req GET "/api/children/$HL_KID/measurements"
expect_status 403 "nor the JSON"
expect_eq "$(views "$HL_KID")" 0 "a refused view is not logged"
req GET "/growth"
expect_header "^Location: /units/$NTT/growth" "/growth leads to the user's own school"
login tuvan.ntt
req GET "/units/$NTT/growth/class?$U3A"
expect_status 200 "the counsellor sees a class's measurements"
req GET "/units/$NTT/growth/session?$U3A"
expect_status 403 "but does not enter them"

# --- the grid and a teacher's own class -------------------------------------
login gv.ntt
req GET "/units/$NTT/growth/session?$U3A"
expect_status 200 "the teacher opens the grid of their class"
expect_body 'name="w_'"$KHOI"'"' "one row per child of the class"
expect_body 'inputmode="decimal"' "inputs ask phones for a decimal keypad"
expect_body 'hx-post="/units/'"$NTT"'/growth/check"' "rows are checked through htmx"
expect_body 'Lê Minh Khôi' "with the children's names"
KHOI_ROW=$(printf '%s' "$BODY" | grep -o "\"child\": \"$KHOI\", \"row\": \"[0-9]*\"" | grep -o '[0-9]*"$' | tr -d '"')
req GET "/units/$NTT/growth/session?year=2025-2026&class=4A"
expect_status 403 "another class of the teacher's school: 403"
post_form "/units/$NTT/growth/session" year=2025-2026 class=4A date=2026-03-12 "w_$TRANG=25"
expect_status 403 "and no saving there"
req GET "/units/$NTT/growth/class?year=2025-2026&class=4A"
expect_status 403 "nor its class list"
req GET "/children/$TRANG/growth"
expect_status 403 "nor the chart of a child of another class"
post_form "/units/$HL/growth/session" year=2025-2026 "class=Mầm 1" date=2026-03-12 "w_$HL_KID=15"
expect_status 403 "another school: 403"

before=$(meas)
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2026-03-12 "w_$KHOI=0" "h_$KHOI=128"
expect_status 400 "a weight of 0 is refused"
expect_body "Dòng $KHOI_ROW (Lê Minh Khôi) — Cân nặng (kg): phải lớn hơn 0." "naming the row, the child and the field"
expect_body 'value="0"' "the grid comes back with what was typed"
expect_eq "$(meas)" "$before" "nothing is written"
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2026-03-12 "w_$KHOI=25" "w_$TRANG=25"
expect_status 400 "a child of another class is refused"
expect_body "không học lớp 3A" "saying so"
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2026-03-12 "w_99999999=25"
expect_status 400 "an unknown child is refused"
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2024-03-12 "w_$KHOI=25"
expect_status 400 "a date outside the school year is refused"
expect_body "Ngày cân đo: không thuộc năm học 2025-2026" "naming the date"
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2026-03-12 "w_$KHOI=abc"
expect_status 400 "a weight that is not a number is refused"
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2026-03-12
expect_status 400 "a session with no measurement is refused"
expect_eq "$(meas)" "$before" "and nothing was written by any of them"

# --- an implausible value ---------------------------------------------------
post_form "/units/$NTT/growth/check" "${P3A[@]}" date=2026-03-12 "child=$KHOI" row=3 "w_$KHOI=90" "h_$KHOI=128"
expect_status 200 "the htmx check of a row answers"
expect_body 'growth-warning' "with a warning for 90 kg at 8 years"
expect_body 'xác nhận' "asking for a confirmation"
expect_no_body '<html' "as a fragment"
post_form "/units/$NTT/growth/check" "${P3A[@]}" date=2026-03-12 "child=$KHOI" row=3 "w_$KHOI=26,5" "h_$KHOI=128"
expect_eq "$BODY" "" "a plausible row has nothing to say"
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2026-03-12 "w_$KHOI=90" "h_$KHOI=128" "p_$KHOI=h"
expect_status 400 "an unconfirmed implausible value is not saved"
expect_body "cần xác nhận" "the page says it needs a confirmation"
expect_eq "$(meas)" "$before" "nothing is written"
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2026-03-12 "w_$KHOI=90" "h_$KHOI=128" "p_$KHOI=h" "c_$KHOI=1"
expect_status 303 "confirmed, it is saved"
expect_header "^Location: /units/$NTT/growth/class\?year=2025-2026&class=3A&saved=1" "and the class list follows"
expect_eq "$(sql "SELECT confirmed || '|' || confirmed_by || '|' || fwfa FROM measurement WHERE child_id=$KHOI AND measured_on='2026-03-12'")" "1|$GV|1" "with who confirmed it and the WHO flag"
# The same day again replaces the row.
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2026-03-12 "w_$KHOI=26,5" "h_$KHOI=128"
expect_status 303 "the teacher corrects the session"
expect_eq "$(sql "SELECT COUNT(*) || '|' || MAX(weight) || '|' || MAX(confirmed) FROM measurement WHERE child_id=$KHOI AND measured_on='2026-03-12'")" "1|26.5|0" "one measurement a day, replaced"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='growth.session' AND user_id=$GV")" 2 "each save is audited"

# --- the class list, the chart, the views -----------------------------------
v=$(views "$KHOI")
req GET "/units/$NTT/growth/class?$U3A"
expect_status 200 "the class list"
expect_body "href=\"/children/$KHOI/growth\"" "links each child's chart"
expect_body 'class="trend' "with the trend since the previous session"
expect_eq "$(views "$KHOI")" "$((v + 1))" "and logs the view of each child's measurements"
req GET "/units/$NTT/growth/class?$U3A&attention=1"
expect_status 200 "the class list of those needing attention"
req GET "/children/$KHOI/growth"
expect_status 200 "the child's growth chart"
expect_body '<svg class="growth-chart"' "drawn as SVG"
expect_body '<polyline class="sd"' "with the WHO SD curves"
expect_body '<circle class="point' "and the child's points"
expect_body '5 đến 19 tuổi' "for the child's age range"
expect_no_body 'style=' "without style attributes (CSP)"
expect_eq "$(views "$KHOI")" "$((v + 2))" "the chart view is logged"
req GET "/static/vitre.css"
expect_body '@media print' "the stylesheet has a print block"

# --- JSON ----------------------------------------------------------------------
req GET "/api/children/$KHOI/measurements"
expect_status 200 "a child's measurements as JSON"
expect_eq "$(json_get "j['measurements'][-1]['date'] + '|' + str(j['measurements'][-1]['weight'])")" "2026-03-12|26.5" "the latest one last"
expect_eq "$(json_get "'fhfa' in j['measurements'][-1]['flags']")" "True" "with WHO's flag names"
req POST "/api/units/$NTT/growth/sessions" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
	--data '{"year":"2025-2026","class":"3A","date":"2026-03-13","measurements":[{"child":'"$KHOI"',"weight":26.6,"lenhei":128.1},{"child":'"$OTHER3A"',"weight":-1}]}'
expect_status 400 "a bad JSON session is refused"
expect_eq "$(json_get "[(x['row'], x['field']) for x in j['error']['rows']]")" "[(2, 'weight')]" "naming the row and the field"
req POST "/api/units/$NTT/growth/sessions" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
	--data '{"year":"2025-2026","class":"3A","date":"2026-03-13","measurements":[{"child":'"$KHOI"',"weight":200,"lenhei":128.1}]}'
expect_status 400 "an unconfirmed implausible value through the API"
expect_eq "$(json_get "j['error']['code']")" "needs_confirmation" "needs a confirmation"
req POST "/api/units/$NTT/growth/sessions" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
	--data '{"year":"2025-2026","class":"3A","date":"2026-03-13","measurements":[{"child":'"$KHOI"',"weight":"26,6","lenhei":128.1,"position":"h"}]}'
expect_status 201 "a good JSON session is saved"
expect_eq "$(json_get "j['measurements'][0]['child'] == $KHOI and j['session']['class']")" "3A" "and answered"

# --- import -------------------------------------------------------------------
login ht.ntt
LC=$(sql "SELECT learner_code FROM child WHERE id=$KHOI")
LC2=$(sql "SELECT learner_code FROM child WHERE id=$TRANG")
csv=$(mktemp)
printf 'learner_code,Ngày cân đo,Cân nặng,Chiều cao\n%s,2026-03-14,26.7,128.2\n%s,2026-03-14,0,130\n' "$LC" "$LC2" >"$csv"
before=$(meas)
req POST "/units/$NTT/growth/import" -F "csrf=$CSRF" -F year=2025-2026 -F "file=@$csv;type=text/csv"
expect_status 400 "a file with a bad weight is refused"
expect_body "Dòng 3, cột C (Phạm Thu Trang) — Cân nặng (kg): phải lớn hơn 0." "naming the row and the column"
expect_eq "$(meas)" "$before" "nothing is written"
W2=$(sql "SELECT weight || ',' || lenhei FROM measurement WHERE child_id=$TRANG ORDER BY measured_on DESC LIMIT 1")
printf 'learner_code,Ngày cân đo,Cân nặng,Chiều cao\n%s,14/03/2026,26.7,128.2\n%s,2026-03-14,%s\n' "$LC" "$LC2" "$W2" >"$csv"
req POST "/units/$NTT/growth/import" -F "csrf=$CSRF" -F year=2025-2026 -F "file=@$csv;type=text/csv"
expect_status 303 "a good file is imported"
expect_header "^Location: /units/$NTT/growth\?year=2025-2026&imported=2" "the growth page follows"
req GET "/units/$NTT/growth?year=2025-2026&imported=2"
expect_body "Đã nhập số đo từ tệp, số dòng: 2." "saying how many rows"
expect_eq "$(sql "SELECT COUNT(*) FROM growth_session WHERE unit_id=$NTT AND measured_on='2026-03-14'")" 2 "one session per class and day"
expect_eq "$(meas)" "$((before + 2))" "with its rows"
printf 'name,weight\nA,12\n' >"$csv"
req POST "/units/$NTT/growth/import" -F "csrf=$CSRF" -F year=2025-2026 -F "file=@$csv;type=text/csv"
expect_status 400 "a file without the columns is refused"
expect_body "learner_code" "saying which columns"
rm -f "$csv"
login gv.ntt
csv=$(mktemp)
printf 'learner_code,date,weight\n%s,2026-03-15,27\n' "$LC2" >"$csv"
req POST "/units/$NTT/growth/import" -F "csrf=$CSRF" -F year=2025-2026 -F "file=@$csv;type=text/csv"
expect_status 400 "a teacher cannot import another class"
expect_body "bạn không được nhập số đo cho lớp này" "saying so"
rm -f "$csv"

# --- the school's dashboard moves -----------------------------------------------
login ht.huongluu
uw() {
	req GET "/api/units/$HL/dashboard"
	json_get "[t['actual']['num'] for t in j['targets'] if t['indicator']['code'] == 'UNDERWEIGHT' and t['actual'] and t['actual']['period'] == '2025-2026'][0]"
}
uw_before=$(uw)
args=(year=2025-2026 "class=Mầm 1" date=2026-04-15)
n=0
for id in $(sql "SELECT group_concat(child_id, ' ') FROM enrolment WHERE unit_id=$HL AND period_id=$Y25 AND class_name='Mầm 1' AND status NOT IN ('transferred_out','dropped_out')"); do
	args+=("w_$id=10" "h_$id=96" "p_$id=h" "c_$id=1")
	n=$((n + 1))
done
post_form "/units/$HL/growth/session" "${args[@]}"
expect_status 303 "the principal saves a session for a kindergarten class ($n children, 10 kg)"
uw_after=$(uw)
if [ "$uw_after" -gt "$uw_before" ]; then ok "the school's underweight count rises on its dashboard ($uw_before -> $uw_after)"; else not_ok "the school's underweight count rises on its dashboard" "$uw_before -> $uw_after"; fi
expect_eq "$(sql "SELECT computed FROM agg_value v JOIN indicator i ON i.id=v.indicator_id WHERE i.code='UNDERWEIGHT' AND v.unit_id=$HL AND v.period_id=$Y25")" 1 "from a computed value"
req GET "/units/$HL/growth"
expect_body 'Được cân đo' "the growth page shows the coverage"
post_form /values unit=$HL indicator=UNDERWEIGHT period=2025-2026 num_m=1 num_f=1 den_m=50 den_f=50
expect_status 409 "the value-entry form refuses to overwrite a computed value"
expect_body "tính từ số đo tăng trưởng" "saying why"

# --- escaping -------------------------------------------------------------------
sql_exec "INSERT INTO child (full_name, name_key, sex, birth_date, school_id, created_at, updated_at) VALUES ('<script>alert(1)</script>', 'script alert 1 script', 'm', '2017-05-05', $NTT, 0, 0)"
XSS=$(sql "SELECT id FROM child WHERE full_name LIKE '<script>%'")
sql_exec "INSERT INTO enrolment (child_id, unit_id, period_id, class_name, grade, status, entered_on, status_on, updated_at) VALUES ($XSS, $NTT, $Y25, '3A', 3, 'studying', '2025-09-05', '2025-09-05', 0)"
login gv.ntt
req GET "/units/$NTT/growth/session?$U3A"
expect_body '&lt;script&gt;alert(1)&lt;/script&gt;' "a child's name is escaped in the grid"
expect_no_body '<script>alert(1)' "and never raw"
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2026-03-16 "w_$XSS=0"
expect_no_body '<script>alert(1)' "nor in the messages"
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2026-03-16 "w_$XSS=26"
req GET "/units/$NTT/growth/class?$U3A"
expect_no_body '<script>alert(1)' "nor in the class list"
req GET "/children/$XSS/growth"
expect_body '&lt;script&gt;' "the chart page escapes it"
expect_no_body '<script>alert(1)' "everywhere"
# The grid sends the whole class: an emptied row removes that day's value.
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2026-03-16 "w_$XSS=26" "w_$KHOI=26,5"
post_form "/units/$NTT/growth/session" "${P3A[@]}" date=2026-03-16 "w_$XSS=" "w_$KHOI=26,5"
expect_status 303 "a session saved again with a row emptied"
expect_eq "$(sql "SELECT COUNT(*) FROM measurement WHERE child_id=$XSS")" 0 "removes the child's measurement of that day"
sql_exec "DELETE FROM measurement WHERE child_id=$XSS"
sql_exec "DELETE FROM enrolment WHERE child_id=$XSS"
sql_exec "DELETE FROM child WHERE id=$XSS"
