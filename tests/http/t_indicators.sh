# t_indicators.sh -- the indicator catalogue: the table, one indicator's
# definition with the plan targets that use it, the JSON API, English.

login ht.ntt
req GET /indicators
expect_status 200 "the catalogue answers"
expect_body 'Danh mục chỉ số' "the catalogue is in Vietnamese by default"
expect_body 'Tỷ lệ trẻ em hoàn thành cấp tiểu học' "it lists the primary completion rate"
expect_body 'QĐ 23/QĐ-TTg, chỉ tiêu 17' "it gives the Decision 23 reference of target 17"
expect_body 'QĐ 23/QĐ-TTg, chỉ tiêu 20' "it gives the Decision 23 reference of target 20"
expect_body 'thấp hơn là tốt hơn' "it says which way is better"
n=$(printf '%s' "$BODY" | grep -o 'QĐ 23/QĐ-TTg, chỉ tiêu' | wc -l)
[ "$n" -ge 12 ] && ok "at least 12 indicators come from Decision 23 ($n)" ||
	not_ok "at least 12 indicators come from Decision 23" "found $n"

DROP=$(sql "SELECT id FROM indicator WHERE code='DROPOUT_PRIMARY'")
req GET /indicators/$DROP
expect_status 200 "an indicator's page answers"
expect_body 'Tỷ lệ trẻ em bỏ học bậc tiểu học' "it names the indicator"
expect_body 'Tử số' "it shows the numerator"
expect_body 'Mẫu số' "it shows the denominator"
expect_body 'thấp hơn là tốt hơn' "dropout: lower is better"
expect_body 'có (nam, nữ)' "it is split by sex"
expect_body 'Trường tiểu học; Trường TH&amp;THCS' "it names the school levels"
expect_body 'QĐ 23/QĐ-TTg, chỉ tiêu 17' "it gives the legal reference"
expect_body 'Năm học' "it gives the period type"
UNUSED=$(sql "SELECT id FROM indicator WHERE id NOT IN (SELECT indicator_id FROM plan_target) ORDER BY id LIMIT 1")
req GET /indicators/$UNUSED
expect_body 'Chưa có kế hoạch nào' "an indicator that no plan uses says so"

# A plan of the school with a target on the indicator (the plans module
# writes these; here a fixture).
NTT=$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")
sql_exec "INSERT INTO plan (unit_id, number, symbol, issuer, title, period_from, period_to, issued_on, updated_at) VALUES ($NTT, '77', 'KH-THCSNTT', 'Trường TH và THCS Nguyễn Trung Trực', 'Kế hoạch thử <i>nghiệm</i>', 2021, 2030, '2021-10-01', 0)"
PLAN=$(sql "SELECT id FROM plan WHERE number='77' AND symbol='KH-THCSNTT'")
sql_exec "INSERT INTO plan_target (plan_id, seq, code, label, indicator_id, clause, baseline, baseline_year) VALUES ($PLAN, 1, 'CT17b', 'Chỉ tiêu 17', $DROP, 'Tỷ lệ bỏ học dưới 0,5%', 0.8, 2020)"
TGT=$(sql "SELECT id FROM plan_target WHERE plan_id=$PLAN")
sql_exec "INSERT INTO target_milestone (target_id, year, cmp, value) VALUES ($TGT, 2025, '<', 0.5)"
req GET /indicators/$DROP
expect_body '77/KH-THCSNTT' "the page lists a plan target that uses the indicator"
expect_body 'Tỷ lệ bỏ học dưới 0,5%' "with the clause it came from"
expect_body '2025: &lt; 0,5' "and its milestones"
expect_body 'Kế hoạch thử &lt;i&gt;nghiệm&lt;/i&gt;' "the plan title is escaped"
login so.hanoi
req GET /indicators/$DROP
expect_no_body '77/KH-THCSNTT' "a Hà Nội officer does not see a Phú Quốc school's target"
sql_exec "DELETE FROM target_milestone WHERE target_id=$TGT"
sql_exec "DELETE FROM plan_target WHERE plan_id=$PLAN"
sql_exec "DELETE FROM plan WHERE id=$PLAN"

req GET /indicators/999999
expect_status 404 "an unknown indicator is 404"
req GET /indicators/abc
expect_status 404 "a non-numeric indicator id is 404"

req GET /api/indicators
expect_status 200 "the catalogue API answers"
expect_header '^Content-Type: application/json' "as JSON"
expect_eq "$(json_get 'len(j) >= 18')" True "the API lists the whole catalogue"
expect_eq "$(json_get '[i for i in j if i["code"]=="COMPLETION_PRIMARY"][0]["levels"]')" "['th', 'th_thcs']" "levels come as a list"
expect_eq "$(json_get '[(i["by_sex"], i["period_type"], i["direction"]) for i in j if i["code"]=="DROPOUT_PRIMARY"][0]')" "(True, 'school_year', 'down')" "by_sex, period type and direction in the API"
req GET /api/indicators/$DROP
expect_eq "$(json_get 'j["code"]')" DROPOUT_PRIMARY "one indicator by id in the API"
req GET /api/indicators/999999
expect_status 404 "an unknown indicator is 404 in the API"

req GET "/lang?to=en&back=/indicators"
req GET /indicators
expect_body 'Indicator catalogue' "the English switch translates the catalogue"
expect_body 'Underweight children under 5' "indicator names in English"
expect_body 'lower is better' "direction in English"
req GET /indicators/$DROP
expect_body 'Primary dropout rate' "the indicator page in English"
expect_body 'Tỷ lệ trẻ em bỏ học bậc tiểu học' "still showing the Vietnamese name beneath"
req GET "/lang?to=vi&back=/indicators"

logout_anon
req GET /api/indicators
expect_status 401 "the API needs sign-in"
