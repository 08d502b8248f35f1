# t_plans.sh -- plan pages: the list and the document view in the user's
# scope, 403 outside it, the weaker-target warning, JSON export and API,
# import of a JSON text (bad files write nothing), create and edit through
# the form, permissions of a teacher, escaping.

plan_id() { # plan_id UNIT_CODE -- the first plan of a unit
	sql "SELECT p.id FROM plan p JOIN unit u ON u.id = p.unit_id WHERE u.code = '$1' ORDER BY p.id LIMIT 1"
}
NAT=$(sql "SELECT id FROM plan WHERE number = '23' AND symbol = 'QĐ-TTg'")
P000=$(plan_id TH-THCS-NTT-PQ)
P001=$(plan_id PGD-HD)
P002=$(plan_id MN-HUONGLUU)
PLANS=$(sql "SELECT COUNT(*) FROM plan")

# The list and the document as a school user.
login ht.ntt
req GET /plans
expect_status 200 "a principal sees the list of plans"
expect_body "href=\"/plans/$P000\"" "the list has the school's own plan"
expect_body 'Kế hoạch cấp trên áp dụng cho đơn vị của bạn' "the list has a part for the plans above"
expect_body "href=\"/plans/$NAT\"" "the national programme applies to the school"
expect_no_body "href=\"/plans/$P002\"" "the list leaves out a kindergarten of another province"

req GET /plans/$P000
expect_status 200 "the school's plan opens"
expect_body 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' "the page has the national motto"
expect_body 'Độc lập - Tự do - Hạnh phúc' "... and the slogan"
expect_body 'TRƯỜNG TH VÀ THCS NGUYỄN TRUNG TRỰC' "the header names the issuer"
expect_body '<h3 class="doc-h">II. NHIỆM VỤ VÀ GIẢI PHÁP' "parts are numbered in Roman numerals"
expect_body 'Chỉ tiêu yếu hơn kế hoạch cấp trên: &lt;0,5% so với &lt;0,12% (<a href="/plans/'"$NAT"'">23/QĐ-TTg</a>), năm 2025' "the weaker primary dropout target is flagged against 23/QĐ-TTg"
expect_body '≥99,1%' "numbers are written the Vietnamese way"
expect_body 'class="badge st-' "each target shows its live status"
expect_body 'badge-owner">Phụ trách: Văn thư' "tasks show their owner"
expect_body 'Nơi nhận:' "the recipients are listed"
expect_body 'Nguyễn Anh Khoa' "the signer is shown"
expect_body "href=\"/plans/$P000/edit\"" "a principal may edit the own plan"

req GET /plans/$P001
expect_status 403 "a Phú Quốc principal gets 403 for a Hà Đông plan"
req GET /api/plans/$P001
expect_status 403 "... and for its JSON"
req GET /plans/$P001/export
expect_status 403 "... and for its export"
req GET /plans/999999
expect_status 404 "an unknown plan is 404"

req GET /plans/$NAT
expect_status 200 "the national programme opens for a school user"
expect_body 'Số: 23/QĐ-TTg' "its number and symbol"
expect_body 'Hà Nội, ngày 07 tháng 01 năm 2021' "the date line follows Decree 30 (leading zeros, month 01)"
expect_no_body "href=\"/plans/$NAT/edit\"" "a school cannot edit the national programme"

login ht.huongluu
req GET /plans/$P002
expect_status 200 "the kindergarten principal sees plan 89/KH-MNHL"
expect_body 'Số: 89/KH-MNHL' "the number and symbol"
expect_body 'Huế, ngày 02 tháng 8 năm 2024' "the date line: day with a leading zero, month 8 without"
expect_body '<p class="basis">Căn cứ Kế hoạch số 6895/KH-UBND' "the basis is shown"
expect_no_body 'plan-targets' "a plan without numeric targets has no targets table"
req GET /plans/$P000
expect_status 403 "the kindergarten principal gets 403 for a Phú Quốc plan"

# JSON: export and API.
login phong.hadong
req GET /plans/$P001/export
expect_status 200 "the export answers"
expect_header '^Content-Disposition: attachment; filename="plan-[0-9]+\.json"' "the export is a download"
if printf '%s' "$BODY" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["format"]=="vitre-plan/1" and len(d["targets"])==12 and d["phases"][1]["to"]==2030'; then
	ok "the export is vitre-plan/1 JSON with the plan's 12 targets and phases"
else
	not_ok "the export is vitre-plan/1 JSON with the plan's 12 targets and phases" "did not parse"
fi
req GET /api/plans
if printf '%s' "$BODY" | python3 -c 'import json,sys; d=json.load(sys.stdin); r={p["id"]:p["relation"] for p in d}; assert r['"$P001"']=="own" and r['"$NAT"']=="above" and '"$P000"' not in r'; then
	ok "the API lists own plans and the plans above, nothing outside the scope"
else
	not_ok "the API lists own plans and the plans above, nothing outside the scope" "$BODY"
fi
req GET /api/plans/$P001
expect_body '"implements":"23/QĐ-TTg"' "the API gives a plan with what it implements"

# A teacher sees plans but changes nothing.
login gv.ntt
req GET /plans/$P000
expect_status 200 "a teacher sees the school's plan"
expect_no_body "/plans/$P000/edit" "... without an edit button"
req GET /plans/new
expect_status 403 "a teacher gets 403 for the new-plan form"
req GET /plans/$P000/edit
expect_status 403 "a teacher gets 403 for the edit form"
post_form /plans title=x
expect_status 403 "a teacher gets 403 creating a plan"
post_form /plans/$P000 title=x
expect_status 403 "a teacher gets 403 editing a plan"
post_form /plans/import json={}
expect_status 403 "a teacher gets 403 importing a plan"

# Import: bad files write nothing and name the field.
login ht.ntt
req GET /plans/import
expect_status 200 "the import form answers"
GOOD='{"format": "vitre-plan/1", "unit": "TH-THCS-NTT-PQ", "issuer": "TRƯỜNG TH VÀ THCS NGUYỄN TRUNG TRỰC", "title": "Kế hoạch nhập thử", "period": {"from": 2025, "to": 2026}, "targets": [{"code": "CT17b", "label": "Chỉ tiêu 17", "indicator": "DROPOUT_PRIMARY", "clause": "Bỏ học dưới 0,3%.", "milestones": [{"year": 2026, "cmp": "<", "value": 0.3}]}]}'
post_form /plans/import "json=${GOOD/DROPOUT_PRIMARY/NO_SUCH_CODE}"
expect_status 400 "an unknown indicator code is a 400"
expect_body 'targets[0].indicator' "the message names the field"
expect_body 'không có chỉ số mang mã này' "the message says what is wrong"
expect_body 'NO_SUCH_CODE' "the form comes back with the text"
post_form /plans/import 'json={"format": "vitre-plan/1", "title": '
expect_status 400 "text that is not JSON is a 400"
expect_body 'JSON không hợp lệ' "... saying it is not valid JSON"
post_form /plans/import "json=${GOOD/\"year\": 2026/\"year\": \"2025-2026\"}"
expect_status 400 "a school year as a milestone year is a 400"
expect_body 'targets[0].milestones[0].year' "... naming the milestone's year"
expect_eq_count() {
	if [ "$(sql "SELECT COUNT(*) FROM plan")" = "$1" ]; then ok "$2"; else not_ok "$2" "plan count changed"; fi
}
expect_eq_count "$PLANS" "bad imports wrote no plan"
post_form /plans/import "json=${GOOD/TH-THCS-NTT-PQ/MN-HUONGLUU}"
expect_status 403 "importing a plan for a unit outside the scope is 403"
expect_eq_count "$PLANS" "... and writes nothing"
post_form /plans/import "json=$GOOD"
expect_status 303 "a good file is imported"
expect_header '^Location: /plans/[0-9]+$' "... and the browser goes to the new plan"
expect_eq_count "$((PLANS + 1))" "one plan was added"
post_form /plans/import "json=$GOOD"
expect_status 409 "importing the same document again is a conflict"
expect_eq_count "$((PLANS + 1))" "... and adds nothing"

# Create and edit through the form.
COUNT=$((PLANS + 1))
post_form /plans unit=TH-THCS-NTT-PQ doc_type=KH number=15 symbol=KH-THCSNTT \
	issuer='TRƯỜNG TH VÀ THCS NGUYỄN TRUNG TRỰC' place='Phú Quốc' issued_on=2025-09-05 \
	title='' period_from=2025 period_to=2026
expect_status 400 "a form without a title is refused"
expect_body 'Trích yếu: cần nhập.' "the message names the title field"
expect_eq_count "$COUNT" "... and nothing is written"
post_form /plans unit=TH-THCS-NTT-PQ doc_type=KH number=15 symbol=KH-THCSNTT \
	issuer='TRƯỜNG TH VÀ THCS NGUYỄN TRUNG TRỰC' place='Phú Quốc' issued_on=2025-09-05 \
	title='Kế hoạch <script>alert(1)</script> năm học 2025-2026' period_from=2025 period_to=2026 \
	b0_text='Căn cứ Quyết định số 23/QĐ-TTg' b0_ref='23/QĐ-TTg' \
	t0_code=CT17b t0_label='Chỉ tiêu 17' t0_indicator=DROPOUT_PRIMARY t0_clause='Bỏ học dưới 0,2%' \
	t0_base='0,4' t0_base_year=2024 t0_m0_year=2026 t0_m0_cmp='<' t0_m0_value='0,2' \
	n0_level=1 n0_kind=tasks n0_heading='NHIỆM VỤ' n1_level=2 n1_kind=task \
	n1_body='Cập nhật sổ theo dõi trẻ em' n1_owner='Văn thư' n1_due=2025-12-25 \
	r0_what='Kết quả' r0_to='Phòng GD&ĐT' r0_schedule=dates r0_dates='05-05, 11-05' \
	rc0='Lưu: VT.' signer_title='HIỆU TRƯỞNG' signer_name='Nguyễn Anh Khoa'
expect_status 303 "a plan is created through the form"
NEW=$(sql "SELECT MAX(id) FROM plan")
expect_header "^Location: /plans/$NEW\$" "... and the browser goes to it"
expect_eq_count "$((COUNT + 1))" "one plan was added"
if [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'plan.create' AND object = 'plan:$NEW' AND user_id = (SELECT id FROM app_user WHERE username = 'ht.ntt')")" = 1 ]; then ok "the creation is in the audit log"; else not_ok "the creation is in the audit log" "no audit row"; fi
req GET /plans/$NEW
expect_body 'Kế hoạch &lt;script&gt;alert(1)&lt;/script&gt; năm học' "a title with <script> comes back escaped"
expect_no_body '<script>alert(1)' "... and never raw"
expect_body "<a href=\"/plans/$NAT\">23/QĐ-TTg</a>" "the basis links to the cited plan in vitre"
expect_body 'Hạn 25/12/2025' "the task's due date is shown"
expect_body 'Trước các ngày 05/5 và 05/11 hằng năm' "the reporting dates are shown"
req GET /plans/$NEW/edit
expect_status 200 "the edit form opens"
expect_body 'name="t0_m0_value" value="0.2"' "the form is filled with the plan"
post_form /plans/$NEW unit=TH-THCS-NTT-PQ doc_type=KH number=15 symbol=KH-THCSNTT \
	issuer='TRƯỜNG TH VÀ THCS NGUYỄN TRUNG TRỰC' title='Kế hoạch đã sửa' period_from=2025 period_to=2026 \
	t0_code=CT17b t0_label='Chỉ tiêu 17' t0_indicator=DROPOUT_PRIMARY t0_clause='Bỏ học dưới 0,2%' \
	t0_m0_year=2026 t0_m0_cmp='<' t0_m0_value='abc'
expect_status 400 "an edit with a bad milestone value is refused"
expect_body 'name="t0_m0_value" value="abc" aria-invalid="true"' "the bad field is marked"
expect_body 'Chỉ tiêu 1, mốc 1 — Giá trị: phải là một số' "the message names the target and milestone"
if [ "$(sql "SELECT title FROM plan WHERE id = $NEW")" != 'Kế hoạch đã sửa' ]; then ok "... and the plan is unchanged"; else not_ok "... and the plan is unchanged" "title changed"; fi
post_form /plans/$NEW unit=TH-THCS-NTT-PQ doc_type=KH number=15 symbol=KH-THCSNTT \
	issuer='TRƯỜNG TH VÀ THCS NGUYỄN TRUNG TRỰC' title='Kế hoạch đã sửa' period_from=2025 period_to=2026 \
	t0_code=CT17b t0_label='Chỉ tiêu 17' t0_indicator=DROPOUT_PRIMARY t0_clause='Bỏ học dưới 0,2%' \
	t0_m0_year=2026 t0_m0_cmp='<' t0_m0_value='0,15'
expect_status 303 "the plan is edited through the form"
if [ "$(sql "SELECT title FROM plan WHERE id = $NEW")" = 'Kế hoạch đã sửa' ] &&
	[ "$(sql "SELECT m.value FROM target_milestone m JOIN plan_target t ON t.id = m.target_id WHERE t.plan_id = $NEW")" = 0.15 ]; then
	ok "the edit is saved in place"
else
	not_ok "the edit is saved in place" "title or value not changed"
fi
if [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'plan.update' AND object = 'plan:$NEW'")" = 1 ]; then ok "the edit is in the audit log"; else not_ok "the edit is in the audit log" "no audit row"; fi
post_form /plans/$NEW unit=MN-HUONGLUU doc_type=KH issuer=X title='Chuyển' period_from=2025 period_to=2026
expect_status 403 "moving a plan to a unit outside the scope is 403"
login ht.huongluu
post_form /plans/$P000 title=x
expect_status 403 "a principal of another school gets 403 editing a plan"
