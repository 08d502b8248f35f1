# t_register.sh -- the child register: roles and unit scope, the class
# list with its filters and the diacritic-insensitive search (htmx
# fragment), sensitive fields only for the teacher's own class, every view
# of a record logged, bad input refused naming the field with the data
# unchanged, status transitions, a transfer without a duplicate child,
# absences and the early-warning list with its reasons and settings,
# teachers' classes, consents, and escaping of a child's name.

NTT=$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")
HD2=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-02'")
PQ2=$(sql "SELECT id FROM unit WHERE code='DEMO-PQ-02'")	# a THCS in vitre
Y25=$(sql "SELECT id FROM period WHERE code='2025-2026'")
KHOI=$(sql "SELECT id FROM child WHERE full_name='Lê Minh Khôi'")	# 3A: gv.ntt's class
TRANG=$(sql "SELECT id FROM child WHERE full_name='Phạm Thu Trang'")	# 4A: another class
AN=$(sql "SELECT id FROM child WHERE full_name='Nguyễn Văn An'")	# 7A
HA=$(sql "SELECT id FROM child WHERE full_name='Đặng Thị Hà'")	# 8A
GV=$(sql "SELECT id FROM app_user WHERE username='gv.ntt'")
views() { sql "SELECT COUNT(*) FROM audit_log WHERE action='child.view' AND object='child:$1'"; }
enr() { sql "SELECT id FROM enrolment WHERE child_id=$1 AND period_id=$Y25 AND status NOT IN ('transferred_out','dropped_out')"; }
status_of() { sql "SELECT status FROM enrolment WHERE id=$1"; }
record() { sql "SELECT full_name||'|'||birth_date||'|'||COALESCE(personal_id,'')||'|'||COALESCE(ethnicity,'')||'|'||updated_at FROM child WHERE id=$1"; }

# --- roles and scope -------------------------------------------------------
login admin
req GET "/units/$NTT/register"
expect_status 403 "the administrator has no access to children's records"
req GET "/children/$KHOI"
expect_status 403 "nor to a child's record"
login ht.huongluu
req GET "/units/$NTT/register"
expect_status 403 "a principal of another school cannot open the register"
req GET "/children/$KHOI"
expect_status 403 "nor a child's record there"
post_form "/children/$KHOI/consents" purpose=care who=guardian state=given on_date=2025-10-01
expect_status 403 "nor record a consent there"
req GET "/register"
expect_status 303 "a principal's /register goes to their own school"
expect_eq "$(views "$KHOI")" 0 "a refused view is not a view"
login phong.hadong
req GET "/units/$HD2/register"
expect_status 200 "a district officer opens a school register in the district"
req GET "/units/$NTT/register"
expect_status 403 "but not one of another province"
req GET "/register?q=nguyen"
expect_status 200 "an officer searches the children of the scope"
expect_no_body 'Nguyễn Văn An' "and finds none outside it"
post_form "/units/$HD2/register" full_name=X sex=m birth_date=2018-01-01 year=2025-2026 class_name=1A grade=1
expect_status 403 "an officer above the school does not add children"

# --- the class list, filters and search ------------------------------------
login ht.ntt
req GET "/register"
expect_header "^Location: /units/$NTT/register" "/register leads the principal to the school's register"
req GET "/units/$NTT/register?year=2025-2026"
expect_status 200 "the principal opens the school's register"
expect_body 'Lê Minh Khôi' "the list has the children of the year"
expect_body 'hx-get="/units/'"$NTT"'/register"' "the search box reloads the results through htmx"
req GET "/units/$NTT/register?year=2025-2026&q=nguyen+van+an" -H 'HX-Request: true'
expect_status 200 "a search answers"
expect_no_body '<!DOCTYPE' "with the results fragment only"
expect_body '<div id="register-results">' "the fragment is the results"
expect_body 'Nguyễn Văn An' "\"nguyen van an\" finds Nguyễn Văn An"
expect_no_body 'Phạm Thu Trang' "and not the others"
req GET "/units/$NTT/register?year=2025-2026&q=dang" -H 'HX-Request: true'
expect_body 'Đặng Thị Hà' "\"dang\" finds Đặng"
req GET "/units/$NTT/register?year=2025-2026&q=%C4%90%E1%BA%B6NG" -H 'HX-Request: true'
expect_body 'Đặng Thị Hà' "\"ĐẶNG\" finds Đặng too"
req GET "/units/$NTT/register?year=2025-2026&class=3A"
expect_body 'Lê Minh Khôi' "the class filter keeps 3A"
expect_no_body 'Phạm Thu Trang' "and leaves out 4A"
req GET "/units/$NTT/register?year=2025-2026&disability=1"
expect_body 'Lê Minh Khôi' "the disability filter finds a disabled child"
req GET "/units/$NTT/register?year=2025-2026&group=a"
expect_body 'Lê Minh Khôi' "the special-circumstance filter finds group a"
expect_no_body 'Nguyễn Văn An' "and only it"
req GET "/units/$NTT/register?year=2025-2026&status=lost"
expect_status 400 "an unknown status filter is refused"
expect_body 'Tình trạng: giá trị không có trong danh sách' "naming the field"
req GET "/units/$NTT/register?year=2019"
expect_status 400 "a year that is not a school year is refused"

# --- a teacher and sensitive fields ------------------------------------------
login gv.ntt
req GET "/children/$KHOI"
expect_status 200 "the teacher opens a child of their class"
expect_body 'Khơ-me (05)' "and sees the ethnicity"
expect_body 'Khuyết tật nhìn' "and the disability"
expect_body 'Trẻ em mồ côi cả cha và mẹ' "and the special circumstance"
expect_no_body 'sensitive-hidden' "nothing is hidden"
req GET "/children/$TRANG"
expect_status 200 "the teacher opens a child of another class"
expect_body 'sensitive-hidden' "whose sensitive fields are hidden"
expect_no_body 'Hoa (06)' "no ethnicity"
expect_no_body 'Khuyết tật khác' "no disability"
expect_no_body 'Nhu cầu học tập' "no disability details"
req GET "/units/$NTT/register?year=2025-2026&class=4A"
expect_body '>ẩn</td>' "the class list hides them for another class"
req GET "/units/$NTT/register?year=2025-2026&disability=1"
expect_body 'Lê Minh Khôi' "a sensitive filter shows the teacher's own class"
expect_no_body 'Phạm Thu Trang' "but not another class"
req GET "/children/$TRANG/edit"
expect_status 403 "the teacher cannot edit a child of another class"
post_form "/children/$TRANG" full_name="Phạm Thu Trang" sex=f birth_date=2016-01-01
expect_status 403 "nor save it"
req GET "/children/$KHOI/edit"
expect_status 200 "but edits a child of their class"
post_form "/units/$NTT/register" year=2025-2026 class_name=4A grade=4 full_name="Bé Mới" sex=m birth_date=2016-02-02
expect_status 403 "and adds children only to their class"

# --- every view is logged ------------------------------------------------------
before=$(views "$KHOI")
req GET "/children/$KHOI"
req GET "/children/$KHOI"
expect_eq "$(views "$KHOI")" "$((before + 2))" "every view of a record writes an audit row"
expect_eq "$(sql "SELECT user_id FROM audit_log WHERE action='child.view' AND object='child:$KHOI' ORDER BY id DESC LIMIT 1")" "$GV" "with who viewed it"
expect_eq "$(sql "SELECT at > 0 FROM audit_log WHERE action='child.view' ORDER BY id DESC LIMIT 1")" 1 "and when"

# --- bad input: 400 naming the field, nothing changed -------------------------
login vanthu.ntt
snap=$(record "$KHOI")
ok_child=(full_name="Lê Minh Khôi" sex=m ethnicity=05 address="Ấp 3" household=none)
post_form "/children/$KHOI" "${ok_child[@]}" birth_date=2017-02-30
expect_status 400 "a birth date that does not exist is refused"
expect_body 'Ngày sinh: phải là ngày có thật' "naming the date of birth"
post_form "/children/$KHOI" "${ok_child[@]}" birth_date=2017-03-01 personal_id=09121700012
expect_status 400 "a personal ID of the wrong length is refused"
expect_body 'Số định danh cá nhân: phải có đúng 12 chữ số (đang có 11)' "saying how many digits it has"
post_form "/children/$KHOI" "${ok_child[@]}" birth_date=2017-03-01 personal_id=091317000123
expect_status 400 "a wrong century/sex digit is refused"
expect_body 'chữ số thứ 4 (thế kỷ và giới tính) là 3' "saying which digit and why"
post_form "/children/$KHOI" "${ok_child[@]}" birth_date=2017-03-01 personal_id=091216000123
expect_status 400 "wrong birth-year digits are refused"
expect_body 'chữ số thứ 5–6' "naming digits 5-6"
post_form "/children/$KHOI" full_name="Lê Minh Khôi" sex=m birth_date=2017-03-01 ethnicity=99
expect_status 400 "an unknown ethnicity is refused"
expect_body 'Dân tộc: «99» không có trong danh mục 54 dân tộc' "naming the ethnicity"
post_form "/children/$KHOI" "${ok_child[@]}" birth_date=2024-01-01
expect_status 400 "a birth date after the child's enrolment is refused"
expect_body 'Ngày sinh: phải trước ngày trẻ vào trường' "naming the birth date"
expect_body 'value="2024-01-01"' "the form comes back with what was typed"
expect_eq "$(record "$KHOI")" "$snap" "the record is unchanged"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='child.update'")" 0 "and nothing was audited as changed"
nchild=$(sql "SELECT COUNT(*) FROM child")
post_form "/units/$NTT/register" year=2025-2026 class_name=10A grade=10 full_name="Trần Văn Mười" sex=m birth_date=2010-05-05
expect_status 400 "a grade that does not fit the school's level is refused"
expect_body 'Khối lớp / nhóm tuổi: Lớp 10 không thuộc cấp' "naming the grade"
post_form "/units/$NTT/register" year=2025-2026 class_name=1A grade=1 full_name="Trần Văn Muộn" sex=m birth_date=2025-10-01
expect_status 400 "a child born after the enrolment is refused"
expect_body 'Ngày vào trường: không được trước ngày sinh của trẻ' "naming the enrolment date"
expect_eq "$(sql "SELECT COUNT(*) FROM child")" "$nchild" "no child was added"
post_form "/children/$KHOI" "${ok_child[@]}" birth_date=2017-03-01 personal_id=091217000123 g1_name="Hồ Thị Giang" g1_relation=mother
expect_status 303 "a good change is saved"
expect_eq "$(sql "SELECT personal_id FROM child WHERE id=$KHOI")" 091217000123 "with the personal ID"
TWIN=$(sql "SELECT id FROM child WHERE sex='m' AND birth_date LIKE '2017-%' AND id<>$KHOI AND school_id=$NTT ORDER BY id LIMIT 1")
TWIN_BIRTH=$(sql "SELECT birth_date FROM child WHERE id=$TWIN")
snap=$(record "$TWIN")
post_form "/children/$TWIN" full_name="Bạn Cùng Tuổi" sex=m birth_date="$TWIN_BIRTH" personal_id=091217000123
expect_status 400 "a personal ID of another child is refused"
expect_body 'Số định danh cá nhân: đã thuộc về một trẻ khác' "naming the field"
post_form "/children/$TWIN" full_name="Bạn Cùng Tuổi" sex=m birth_date="$TWIN_BIRTH" learner_code="$(sql "SELECT learner_code FROM child WHERE id=$TRANG")"
expect_status 400 "a learner code of another child is refused"
expect_body 'Mã định danh ngành: đã thuộc về một trẻ khác' "naming the field"
expect_eq "$(record "$TWIN")" "$snap" "and that child is unchanged"

# --- adding a child; escaping ---------------------------------------------------
post_form "/units/$NTT/register" year=2025-2026 class_name=2A grade=2 full_name="<script>alert(1)</script> Nguyễn" sex=f birth_date=2018-04-04 ethnicity=01 g1_name="Mẹ <b>X</b>" g1_relation=mother
expect_status 303 "the clerk adds a child"
NEW=$(sql "SELECT id FROM child WHERE full_name LIKE '<script>%'")
expect_eq "$(sql "SELECT class_name||'/'||status FROM enrolment WHERE child_id=$NEW")" "2A/studying" "enrolled in the class, studying"
expect_eq "$(sql "SELECT name_key FROM child WHERE id=$NEW")" "script alert 1 script nguyen" "with the folded search key"
req GET "/children/$NEW"
expect_body '&lt;script&gt;alert(1)&lt;/script&gt; Nguyễn' "the name comes back escaped"
expect_no_body '<script>alert' "never as a script"
expect_no_body '<b>X</b>' "a guardian's name is escaped too"
req GET "/units/$NTT/register?year=2025-2026&q=script" -H 'HX-Request: true'
expect_body '&lt;script&gt;' "and in the search results"

# --- status changes -----------------------------------------------------------
E=$(enr "$AN")
post_form "/children/$AN/enrolments/$E/status" status=dropped_out on=2026-02-10
expect_status 400 "a drop-out needs a reason"
expect_body 'Lý do bỏ học: cần chọn' "naming the reason"
post_form "/children/$AN/enrolments/$E/status" status=dropped_out on=2026-02-10 dropout_reason=work
expect_status 303 "a drop-out with its reason is recorded"
expect_eq "$(status_of "$E")" dropped_out "the enrolment is dropped out"
post_form "/children/$AN/enrolments/$E/status" status=dropped_out on=2026-02-12 dropout_reason=family
expect_status 400 "dropping out twice is refused"
expect_body 'không ghi bỏ học hai lần' "saying why"
post_form "/children/$AN/enrolments/$E/status" status=studying on=2026-03-01
expect_status 303 "the child comes back to school"
post_form "/children/$AN/enrolments/$E/status" status=dropped_out on=2026-03-05 dropout_reason=family
expect_status 400 "and a second drop-out in the year is still refused"
expect_eq "$(status_of "$E")" studying "the status stays studying"
post_form "/children/$AN/enrolments/$E/status" status=completed on=2026-03-05
expect_status 400 "completing grade 7 is refused"
expect_body 'lớp cuối cấp' "because it is not the last grade"
post_form "/children/$AN/enrolments/$E/status" status=promoted on=2025-08-20
expect_status 400 "a status dated before the school year is refused"
expect_body 'Ngày: phải nằm trong năm học 2025-2026' "naming the date"
post_form "/children/$AN/enrolments/$E/status" status=transferred_out on=2026-03-05
expect_status 400 "moving away needs a destination"
expect_eq "$(sql "SELECT COUNT(*) FROM enrolment_event WHERE enrolment_id=$E")" 3 "the history has the start, the drop-out and the return"

# --- transfer to another school in vitre, without a duplicate ------------------
nchild=$(sql "SELECT COUNT(*) FROM child")
post_form "/children/$HA/transfer" to_unit="$HD2" on=2026-03-02 class_name=5A
expect_status 400 "a transfer to a school that does not teach the grade is refused"
expect_body 'Khối lớp ở trường mới' "naming the grade"
post_form "/children/$HA/transfer" to_unit="$NTT" on=2026-03-02 class_name=8B
expect_status 400 "a transfer to the same school is refused"
post_form "/children/$HA/transfer" to_unit="$PQ2" on=2026-03-02 class_name=8B
expect_status 303 "the clerk moves a child to another school in vitre"
expect_eq "$(sql "SELECT COUNT(*) FROM child")" "$nchild" "no child row is added"
expect_eq "$(sql "SELECT COUNT(*) FROM enrolment WHERE child_id=$HA AND period_id=$Y25")" 2 "the year has two enrolments"
expect_eq "$(sql "SELECT status||'/'||to_unit_id FROM enrolment WHERE child_id=$HA AND period_id=$Y25 AND unit_id=$NTT")" "transferred_out/$PQ2" "transferred out to the new school"
expect_eq "$(sql "SELECT status||'/'||from_unit_id||'/'||class_name FROM enrolment WHERE child_id=$HA AND period_id=$Y25 AND unit_id=$PQ2")" "transferred_in/$NTT/8B" "transferred in from the old one"
expect_eq "$(sql "SELECT school_id FROM child WHERE id=$HA")" "$PQ2" "the child belongs to the new school"
req GET "/children/$HA"
expect_status 200 "the old school still reads the history"
expect_body 'chỉ xem quá trình học' "marked as history only"
expect_body 'sensitive-hidden' "without the sensitive fields"
req GET "/children/$HA/edit"
expect_status 403 "and can no longer change the record"

# --- absences and the early-warning list ---------------------------------------
KE=$(enr "$KHOI")
post_form "/children/$KHOI/enrolments/$KE/absences" abs1_excused=-2 abs1_unexcused=3
expect_status 400 "a negative number of days is refused"
expect_body 'Học kỳ 1: số ngày nghỉ có phép' "naming the term and the kind"
post_form "/children/$KHOI/enrolments/$KE/absences" abs1_excused=2 abs1_unexcused=9 abs2_excused=0 abs2_unexcused=0
expect_status 303 "the days absent are saved"
req GET "/units/$NTT/register/warnings?year=2025-2026"
expect_status 403 "the clerk has no early-warning list"
login ht.ntt
req GET "/units/$NTT/register/warnings?year=2025-2026"
expect_status 200 "the principal opens the early-warning list"
expect_body 'Lê Minh Khôi' "the list has the child"
expect_body 'nghỉ không phép 9 ngày trong một học kỳ (ngưỡng 5)' "with the absence reason and its threshold"
expect_body 'khuyết tật' "the disability reason"
expect_body 'hoàn cảnh đặc biệt (nhóm a)' "and the special circumstance"
post_form "/units/$NTT/register/settings" year=2025-2026 absence_days=15 unexcused_days=0 over_age_years=2 repeats=1
expect_status 400 "a threshold of 0 is refused"
expect_body 'Số ngày nghỉ không phép trong một học kỳ: phải là số nguyên từ 1 đến 120' "naming the threshold"
post_form "/units/$NTT/register/settings" year=2025-2026 absence_days=15 unexcused_days=10 over_age_years=2 repeats=1 flag_circumstance=1 flag_disability=1
expect_status 303 "the principal changes the thresholds"
expect_eq "$(sql "SELECT unexcused_days||'/'||flag_poor FROM register_setting WHERE unit_id=$NTT")" "10/0" "they are stored"
req GET "/units/$NTT/register/warnings?year=2025-2026"
expect_no_body 'nghỉ không phép 9 ngày' "9 days is no longer over the threshold"
expect_body 'hoàn cảnh đặc biệt (nhóm a)' "the other reasons remain"

# --- teachers' classes -----------------------------------------------------------
req GET "/units/$NTT/register?year=2025-2026"
expect_body 'id="teachers"' "the principal manages class teachers on the register page"
post_form "/units/$NTT/register/teachers" year=2025-2026 user="$GV" class_name=4A
expect_status 303 "the principal assigns 4A to the teacher"
CT=$(sql "SELECT id FROM class_teacher WHERE user_id=$GV AND class_name='4A'")
post_form "/units/$NTT/register/teachers" year=2025-2026 user=999999 class_name=4A
expect_status 400 "only a teacher of the school can be assigned"
login gv.ntt
req GET "/children/$TRANG"
expect_no_body 'sensitive-hidden' "the teacher now sees the new class's sensitive fields"
post_form "/units/$NTT/register/teachers" year=2025-2026 user="$GV" class_name=5A
expect_status 403 "a teacher cannot assign classes"
login ht.ntt
post_form "/units/$NTT/register/teachers/$CT/delete" year=2025-2026
expect_status 303 "the principal removes the assignment"
login gv.ntt
req GET "/children/$TRANG"
expect_body 'sensitive-hidden' "and the fields are hidden again"

# --- consents ---------------------------------------------------------------------
login vanthu.ntt
req GET "/children/$KHOI"
expect_body 'consent-missing' "the record shows what consent is missing"
post_form "/children/$KHOI/consents" purpose=publish who=child state=given on_date=2026-01-10
expect_status 303 "the child's own consent is recorded from age 7"
MN=$(sql "SELECT c.id FROM child c JOIN enrolment e ON e.child_id=c.id JOIN unit u ON u.id=e.unit_id WHERE u.code='MN-HUONGLUU' AND e.period_id=$Y25 LIMIT 1")
login ht.huongluu
post_form "/children/$MN/consents" purpose=photo who=child state=given on_date=2026-01-10
expect_status 400 "a kindergarten child's own consent is refused"
expect_body 'Người đồng ý: ngày đó trẻ mới' "saying the child's age"
