# t_values.sh -- aggregate value entry: roles, unit scope, validation with
# the data unchanged, period types, locking, the JSON API, escaping.

NTT=$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")
HN=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-02'")	# a Hà Nội primary school
CP=COMPLETION_PRIMARY
CP_ID=$(sql "SELECT id FROM indicator WHERE code='$CP'")
P19=$(sql "SELECT id FROM period WHERE code='2019-2020'")
# The stored value of the school for CP in 2019-2020, as one line.
cp_row() {
	sql "SELECT num_m||'/'||num_f||'/'||num_total||'/'||den_m||'/'||den_f||'/'||den_total||'/'||locked FROM agg_value WHERE unit_id=$NTT AND indicator_id=$CP_ID AND period_id=$P19"
}
good=(unit=$NTT indicator=$CP period=2019-2020 num_m=40 num_f=38 den_m=41 den_f=39)

login gv.ntt
req GET /values
expect_status 403 "a teacher cannot open value entry"
post_form /values "${good[@]}"
expect_status 403 "a teacher cannot save a value"
expect_eq "$(cp_row)" "" "nothing was saved by the teacher"
login tuvan.ntt
post_form /values "${good[@]}"
expect_status 403 "a counsellor cannot save a value"

login vanthu.ntt
req GET /values
expect_status 200 "the clerk opens value entry"
expect_body 'Trường TH và THCS Nguyễn Trung Trực' "the unit select has the clerk's school"
expect_no_body 'Sơn Ca' "the unit select has no school outside the scope"
expect_body 'hx-get="/values/form"' "changing a select reloads the form with htmx"
post_form /values "${good[@]}"
expect_status 303 "the clerk saves a value for the school"
expect_header '^Location: /values\?unit=[0-9]+&indicator=COMPLETION_PRIMARY&period=2019-2020&saved=1' "and is sent back to the form"
expect_eq "$(cp_row)" "40/38/78/41/39/80/0" "the value is stored with computed totals"
expect_eq "$(sql "SELECT entered_by FROM agg_value WHERE unit_id=$NTT AND indicator_id=$CP_ID AND period_id=$P19")" \
	"$(sql "SELECT id FROM app_user WHERE username='vanthu.ntt'")" "entered_by is the clerk"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='value.create'")" 1 "the save is audited"
req GET "/values?unit=$NTT&indicator=$CP&period=2019-2020&saved=1"
expect_body 'Đã lưu số liệu.' "a flash message confirms the save"
expect_body 'name="num_m" inputmode="numeric" autocomplete="off" aria-label="Tử số (nam)" value="40"' "the form shows the stored value"
expect_body '97,50%' "with the rate computed from the totals"
req GET "/values/form?unit=$NTT&indicator=$CP&period=2019-2020" -H 'HX-Request: true'
expect_status 200 "the htmx form fragment answers"
expect_no_body '<!DOCTYPE' "the fragment has no page frame"
expect_body '<div id="value-form">' "the fragment is the form"
req GET "/values/form?unit=$NTT&indicator=REACH_SCHOOL&period=2019-2020" -H 'HX-Request: true'
expect_body '<option value="2019"' "a calendar-year indicator offers calendar years"
expect_no_body '<option value="2019-2020"' "and no school years"
req GET "/values?unit=$NTT&indicator=NURSERY_CARE"
expect_no_body '<option value="NURSERY_CARE"' "a primary school is not offered kindergarten indicators"

post_form /values unit=$HN indicator=$CP period=2019-2020 num_m=1 num_f=1 den_m=2 den_f=2
expect_status 403 "the clerk cannot save for a Hà Nội school"
expect_eq "$(sql "SELECT COUNT(*) FROM agg_value WHERE unit_id=$HN AND period_id=$P19")" 0 "nothing was saved there"
req GET "/values?unit=$HN"
expect_status 403 "nor open its form"
req GET "/api/values?unit=$HN"
expect_status 403 "nor read its values through the API"

before=$(cp_row)
post_form /values unit=$NTT indicator=$CP period=2019-2020 num_m=-1 num_f=abc den_m=41 den_f=39
expect_status 400 "bad numbers are refused with 400"
expect_body 'Tử số (nam): phải là số nguyên không âm' "the message names the male numerator"
expect_body 'Tử số (nữ): phải là số nguyên không âm' "and the female numerator"
expect_body 'aria-invalid="true"' "the bad cells are marked"
expect_eq "$(cp_row)" "$before" "the stored value is unchanged"
post_form /values unit=$NTT indicator=$CP period=2019-2020 num_m=42 num_f=38 den_m=41 den_f=39
expect_status 400 "a numerator above its denominator is refused"
expect_body 'Tử số (nam): không được lớn hơn Mẫu số (nam) (42 &gt; 41).' "naming both fields"
expect_eq "$(cp_row)" "$before" "the stored value is still unchanged"
post_form /values unit=$NTT indicator=$CP period=2019-2020 num_m=1 num_f=1 num_total=3 den_m=2 den_f=2
expect_status 400 "a total that is not male + female is refused"
expect_body 'Tử số (tổng): phải bằng nam + nữ' "naming the total"
post_form /values unit=$NTT indicator=$CP period=2019 num_m=1 num_f=1 den_m=2 den_f=2
expect_status 400 "a period of the wrong type is refused"
expect_body 'Kỳ báo cáo: chỉ số COMPLETION_PRIMARY tính theo năm học, còn 2019 là năm.' "saying which type it needs"
expect_eq "$(sql "SELECT COUNT(*) FROM agg_value v JOIN period p ON p.id=v.period_id WHERE v.unit_id=$NTT AND p.code='2019'")" 0 "nothing was saved for it"
post_form /values unit=$NTT indicator=$CP period=2019-2021 num_m=1 num_f=1 den_m=2 den_f=2
expect_status 400 "a period that does not exist is refused"
expect_body 'Kỳ báo cáo: không có kỳ «2019-2021»' "naming the period"
post_form /values unit=$NTT indicator=NO_SUCH period=2019-2020 num_m=1 num_f=1 den_m=2 den_f=2
expect_status 400 "an unknown indicator is refused"
expect_body 'Chỉ số: không có chỉ số «NO_SUCH»' "naming the indicator"
post_form /values unit=$NTT indicator=TOILET period=2019-2020 num_m=1 num_f=0 num_total=1 den_total=1
expect_status 400 "a total-only indicator refuses a split by sex"
expect_body 'không tách theo giới tính' "saying so"
post_form /values unit=999999 indicator=$CP period=2019-2020 num_m=1 num_f=1 den_m=2 den_f=2
expect_status 400 "an unknown unit is refused"
expect_body 'Đơn vị: không có đơn vị này.' "naming the unit"
post_form /values unit=$NTT indicator=$CP period=2019-2020 'num_m="><script>alert(1)</script>' num_f=1 den_m=2 den_f=2
expect_status 400 "markup typed into a cell is refused"
expect_body '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;' "and shown back escaped"
expect_no_body '<script>alert(1)' "never as markup"
req GET "/lang?to=en&back=/values"
post_form /values unit=$NTT indicator=$CP period=2019-2020 num_m=x num_f=1 den_m=2 den_f=2
expect_body 'Numerator (male): must be a whole number' "messages come in English after the switch"
req GET "/lang?to=vi&back=/values"
expect_eq "$(cp_row)" "$before" "after all the bad input the value is as it was"

VID=$(sql "SELECT id FROM agg_value WHERE unit_id=$NTT AND indicator_id=$CP_ID AND period_id=$P19")
post_form /values/$VID/lock
expect_status 403 "a clerk cannot lock a value"
login phong.hadong
post_form /values/$VID/lock
expect_status 403 "a Hà Đông officer cannot lock a Phú Quốc value"
login ht.ntt
post_form /values/$VID/lock
expect_status 303 "the principal locks the value"
expect_header 'locked=1' "and is sent back with a message"
expect_eq "$(cp_row)" "40/38/78/41/39/80/1" "the value is locked"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='value.lock' AND object='agg_value:$VID'")" 1 "the lock is audited"
post_form /values/999999/lock
expect_status 404 "locking an unknown value is 404"
login vanthu.ntt
post_form /values unit=$NTT indicator=$CP period=2019-2020 num_m=1 num_f=1 den_m=2 den_f=2
expect_status 423 "changing a locked value is refused with 423"
expect_body 'đã khóa' "saying it is locked"
expect_eq "$(cp_row)" "40/38/78/41/39/80/1" "the locked value is unchanged"
req GET "/values?unit=$NTT&indicator=$CP&period=2019-2020"
expect_body 'Đã khóa' "the form shows the value as locked"
expect_no_body 'Lưu số liệu' "and offers no save button"

# The JSON API.
api_post() {	# body
	req POST /api/values -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' --data "$1"
}
api_post "{\"unit\": $NTT, \"indicator\": \"TOILET\", \"period\": \"2019-2020\", \"num_total\": 1, \"den_total\": 1}"
expect_status 201 "the API creates a value"
expect_eq "$(json_get '(j["num_total"], j["den_total"], j["num_m"], j["rate"], j["locked"])')" "(1, 1, None, 100.0, False)" "and answers with it"
api_post "{\"unit\": \"$NTT\", \"indicator\": \"TOILET\", \"period\": \"2019-2020\", \"num_total\": 0, \"den_total\": 1}"
expect_status 200 "the API updates the same value"
expect_eq "$(sql "SELECT num_total||'/'||den_total FROM agg_value v JOIN indicator i ON i.id=v.indicator_id WHERE v.unit_id=$NTT AND i.code='TOILET' AND v.period_id=$P19")" "0/1" "the update is stored"
req GET "/api/values?unit=$NTT&indicator=TOILET&period=2019-2020"
expect_status 200 "the API reads one value"
expect_eq "$(json_get '(j["indicator"], j["period"], j["num_total"], j["rate"])')" "('TOILET', '2019-2020', 0, 0.0)" "with its numbers"
req GET "/api/values?unit=$NTT&indicator=TOILET&period=2018-2019"
expect_status 404 "a value not entered is 404"
req GET "/api/values?unit=$NTT"
expect_eq "$(json_get 'sum(1 for v in j["values"] if v["period"]=="2019-2020")')" 2 "the API lists the unit's values"
req GET "/api/values?unit=$NTT&indicator=$CP"
expect_eq "$(json_get 'set(v["indicator"] for v in j["values"])')" "{'COMPLETION_PRIMARY'}" "filtered by indicator"
req GET "/api/values"
expect_status 400 "the API needs a unit"
expect_eq "$(json_get 'j["error"]["fields"][0]["field"]')" unit "naming the field"
api_post '{"unit": '$NTT', "indicator":'
expect_status 400 "malformed JSON is refused"
expect_body 'Nội dung JSON không hợp lệ (dòng 1' "saying where"
api_post '[1, 2]'
expect_status 400 "a JSON body that is not an object is refused"
api_post "{\"unit\": $NTT, \"indicator\": \"$CP\", \"period\": \"2020-2021\", \"num_m\": 1.5, \"num_f\": true, \"den_f\": 3}"
expect_status 400 "bad JSON fields are refused"
expect_eq "$(json_get 'sorted(f["field"] for f in j["error"]["fields"])')" "['den_m', 'num_f', 'num_m']" "with a fields array naming each"
expect_eq "$(sql "SELECT COUNT(*) FROM agg_value v JOIN period p ON p.id=v.period_id WHERE v.unit_id=$NTT AND p.code='2020-2021'")" 0 "and nothing stored"
api_post "{\"unit\": $NTT, \"indicator\": \"$CP\", \"period\": \"2019-2020\", \"num_m\": 1, \"num_f\": 1, \"den_m\": 2, \"den_f\": 2}"
expect_status 423 "the API refuses to change a locked value"
expect_eq "$(json_get 'j["error"]["code"]')" locked "with the error code"
api_post "{\"unit\": $HN, \"indicator\": \"$CP\", \"period\": \"2019-2020\", \"num_m\": 1, \"num_f\": 1, \"den_m\": 2, \"den_f\": 2}"
expect_status 403 "the API refuses a unit outside the scope"
req POST /api/values -H 'Content-Type: application/json' --data "{\"unit\": $NTT}"
expect_status 403 "the API needs the CSRF header"

# A count indicator (none in the seed catalogue yet).
sql_exec "INSERT INTO indicator (seq, code, name_vi, name_en, definition_vi, definition_en, numerator_vi, numerator_en, unit, direction, by_sex, source, period_type) VALUES (999, 'TEST_COUNT', 'Số trẻ thử', 'Test count', 'Đếm.', 'Count.', 'Số trẻ', 'Children', 'count', 'down', 1, 'entered', 'year')"
api_post "{\"unit\": $NTT, \"indicator\": \"TEST_COUNT\", \"period\": 2019, \"num_m\": 2, \"num_f\": 3, \"den_m\": 4}"
expect_status 400 "a count refuses a denominator"
expect_eq "$(json_get 'j["error"]["fields"][0]["field"]')" den_m "naming it"
api_post "{\"unit\": $NTT, \"indicator\": \"TEST_COUNT\", \"period\": 2019, \"num_m\": 2, \"num_f\": 3}"
expect_status 201 "a count is saved without a denominator"
expect_eq "$(json_get '(j["num_total"], j["den_total"], j["rate"])')" "(5, None, 5.0)" "its value is the count"
sql_exec "DELETE FROM agg_value WHERE indicator_id=(SELECT id FROM indicator WHERE code='TEST_COUNT')"
sql_exec "DELETE FROM indicator WHERE code='TEST_COUNT'"

login gv.ntt
req GET "/api/values?unit=$NTT"
expect_status 200 "a teacher may read the school's values"
api_post "{\"unit\": $NTT, \"indicator\": \"TOILET\", \"period\": \"2019-2020\", \"num_total\": 1, \"den_total\": 1}"
expect_status 403 "but not save through the API"

# Names entered in the database come out escaped in the values table.
sql_exec "UPDATE app_user SET full_name='Văn thư <b>x</b>' WHERE username='vanthu.ntt'"
login ht.ntt
req GET "/values?unit=$NTT"
expect_body 'Văn thư &lt;b&gt;x&lt;/b&gt;' "who entered a value is shown escaped"
sql_exec "UPDATE app_user SET full_name='Văn thư (demo)' WHERE username='vanthu.ntt'"
