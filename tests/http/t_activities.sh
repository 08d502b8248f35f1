# t_activities.sh -- activities and the reach targets over HTTP: create an
# activity, add its participants, set the group sizes, see the reach (the
# same person at three activities counts once; counts are estimates);
# bad input is 400 naming the field with nothing written; a teacher may
# look but not enter (403); another school gets 403; the values reach the
# district dashboard; audit rows; escaping.

act_last() { sql "SELECT COALESCE(MAX(id), 0) FROM activity"; }
reach() { # reach UNIT YEAR EXPR -- evaluate EXPR on the reach JSON j
	req GET "/api/units/$1/reach?year=$2"
	json_get "$3"
}
NTT=$(sql "SELECT id FROM unit WHERE code = 'TH-THCS-NTT-PQ'")
HL=$(sql "SELECT id FROM unit WHERE code = 'MN-HUONGLUU'")

login ht.ntt
req GET "/units/$NTT/activities?year=2026"
expect_status 200 "the principal sees the school's activities page"
expect_body 'Tỷ lệ được truyền thông năm 2026' "... with the reach of the year"
expect_body "href=\"/units/$NTT/activities/new?year=2026\"" "... and a link to add an activity"
req GET "/units/$NTT/activities/new?year=2026"
expect_status 200 "the form to add an activity opens"
expect_body 'name="aud_parents"' "... with the audience groups"

# Bad input: 400 naming the field, nothing written.
before=$(act_last)
post_form /units/$NTT/activities kind=parent_meeting title='Họp phụ huynh' start_on=2026-09-20 end_on=2026-09-01 aud_parents=1 mode=persons
expect_status 400 "an end date before the start is refused"
expect_body 'Ngày kết thúc: không được trước ngày bắt đầu' "... naming the end date"
expect_body 'value="Họp phụ huynh"' "... with the form filled again"
post_form /units/$NTT/activities kind=parent_meeting title='Họp phụ huynh' start_on=2026-02-30 aud_parents=1 mode=persons
expect_status 400 "a date that does not exist is refused"
expect_body 'Ngày bắt đầu: phải là ngày có thật' "... naming the start date"
post_form /units/$NTT/activities kind=picnic title='' start_on=2026-09-20 mode=persons
expect_status 400 "an unknown kind, no title and no audience are refused"
expect_body 'Loại hoạt động: không có trong danh sách' "... naming the kind"
expect_body 'Tên hoạt động: cần nhập' "... the title"
expect_body 'Đối tượng: cần chọn ít nhất một nhóm' "... and the audience"
expect_eq "$(act_last)" "$before" "no activity was written by the bad requests"

# Three meetings with the same parent; the teacher at one.
ids=""
for d in 2026-03-10 2026-06-10 2026-09-10; do
	post_form /units/$NTT/activities kind=parent_meeting title="Họp cha mẹ học sinh $d" start_on=$d aud_parents=1 aud_staff=1 mode=persons
	expect_status 303 "the principal creates the meeting of $d"
	ids="$ids $(act_last)"
done
set -- $ids
A1=$1 A2=$2 A3=$3
expect_header "^Location: /activities/$A3\?saved=1" "... and is sent to the activity"
for a in $A1 $A2 $A3; do
	post_form /activities/$a/persons persons='Nguyễn Văn An; phụ huynh; nam'
	expect_status 303 "the parent is listed at activity $a"
done
post_form /activities/$A3/persons persons="Trần Thị Bình	giáo viên	nữ
nguyễn  VĂN an; cha mẹ; m"
expect_status 303 "a list pasted with tabs and another spelling of the parent is taken"
expect_eq "$(sql "SELECT COUNT(*) FROM activity_person WHERE unit_id = $NTT")" 2 "the unit has two persons, not four"
expect_eq "$(sql "SELECT COUNT(*) FROM activity_attendee WHERE activity_id = $A3")" 2 "the third meeting lists two"
req GET /activities/$A3
expect_status 200 "the activity page opens"
expect_body 'Nguyễn Văn An' "... listing the parent"
expect_body 'Trần Thị Bình' "... and the teacher"

# Bad lists and counts: 400 naming the line, nothing written.
post_form /activities/$A1/persons persons="Lê Văn Cường; phụ huynh; nam
Phạm Thị Dung; học sinh; nữ"
expect_status 400 "a person of a group outside the audience is refused"
expect_body 'dòng 2: nhóm này không phải đối tượng của hoạt động' "... naming the line"
expect_body 'Lê Văn Cường; phụ huynh; nam' "... with the list given back"
expect_eq "$(sql "SELECT COUNT(*) FROM activity_person WHERE unit_id = $NTT")" 2 "... and no one added"
post_form /activities/$A1/counts cnt_parents_m=5
expect_status 400 "counts are refused for an activity with a list"

# Group sizes.
post_form /units/$NTT/group-sizes year=2026 size_staff_m=10 size_staff_f=-3 size_parents_m=50
expect_status 400 "a negative size and a missing female size are refused"
expect_body 'Số người của nhóm (nữ): phải là số nguyên' "... naming the cells"
expect_eq "$(sql "SELECT COUNT(*) FROM group_size WHERE unit_id = $NTT")" 0 "... and nothing written"
post_form /units/$NTT/group-sizes year=2026 size_staff_m=10 size_staff_f=30 size_parents_m=100 size_parents_f=100 size_students_m=200 size_students_f=200
expect_status 303 "the principal saves the group sizes"

expect_eq "$(reach $NTT 2026 "j['groups']['parents']['listed']['m']")" 1 "the parent at three meetings counts once"
expect_eq "$(reach $NTT 2026 "j['groups']['staff']['reached']['f']")" 1 "the teacher counts once"
expect_eq "$(reach $NTT 2026 "(j['indicators']['REACH_SCHOOL']['num_m'], j['indicators']['REACH_SCHOOL']['den_m'], j['indicators']['REACH_SCHOOL']['written'])")" "(1, 310, True)" "REACH_SCHOOL is 1 of 310 men, written"
expect_eq "$(reach $NTT 2026 "j['indicators']['REACH_WORKERS']")" "None" "REACH_WORKERS needs the workers' size"
expect_eq "$(sql "SELECT v.num_total || '/' || v.den_total || ' ' || v.source FROM agg_value v JOIN indicator i ON i.id = v.indicator_id JOIN period p ON p.id = v.period_id WHERE v.unit_id = $NTT AND i.code = 'REACH_SCHOOL' AND p.code = '2026'")" "2/640 activities" "the value is stored where the dashboard reads it"
req GET "/units/$NTT/activities?year=2026"
expect_body 'đã ghi vào chỉ số' "the page says the value was written"
expect_body '<td class="num">1</td><td class="num">0</td>' "the page shows the parent reached once"

# A counted activity: an estimate.
post_form /units/$NTT/activities kind=month_children title='Tháng hành động vì trẻ em 2026' start_on=2026-06-01 end_on=2026-06-30 aud_students=1 mode=counts
expect_status 303 "a counted activity is created"
AC=$(act_last)
post_form /activities/$AC/counts cnt_students_m=abc cnt_students_f=12
expect_status 400 "a count that is not a number is refused"
expect_body 'Số người tham dự (nam): phải là số nguyên' "... naming the cell"
post_form /activities/$AC/counts cnt_students_m=40 cnt_students_f=45
expect_status 303 "the counts are saved"
expect_eq "$(reach $NTT 2026 "(j['groups']['students']['reached'], j['groups']['students']['estimated'])")" "({'m': 40, 'f': 45}, True)" "counts add to the reach as an estimate"
req GET "/units/$NTT/activities?year=2026"
expect_body 'Ước tính: có hoạt động chỉ ghi số lượng' "the page says which figures are estimates"

# Editing, removing, deleting.
post_form /activities/$A3 kind=parent_meeting title='Họp cha mẹ học sinh' start_on=2026-09-10 aud_parents=1 aud_staff=1 mode=counts
expect_status 400 "changing the way of recording with people listed is refused"
expect_body 'Cách ghi người tham dự: người tham dự đã được ghi theo cách kia' "... naming the field"
post_form /activities/$A3 kind=parent_meeting title='Họp cha mẹ <script>x</script>' start_on=2026-09-11 aud_parents=1 aud_staff=1 mode=persons
expect_status 303 "the meeting is edited"
req GET /activities/$A3
expect_body 'Họp cha mẹ &lt;script&gt;x&lt;/script&gt;' "the title comes back escaped"
expect_no_body '<script>x</script>' "... never raw"
TB=$(sql "SELECT id FROM activity_person WHERE unit_id = $NTT AND grp = 'staff'")
post_form /activities/$A3/persons/$TB/remove
expect_status 303 "the teacher is taken off the list"
expect_eq "$(reach $NTT 2026 "j['groups']['staff']['reached']['f']")" 0 "... and the reach drops"
post_form /activities/$A1/delete
expect_status 303 "an activity is deleted"
expect_eq "$(reach $NTT 2026 "j['groups']['parents']['listed']['m']")" 1 "the parent still counts once (two meetings left)"
n=$(sql "SELECT COUNT(*) FROM audit_log a JOIN app_user u ON u.id = a.user_id WHERE u.username = 'ht.ntt' AND a.action IN ('activity.create', 'activity.persons.add', 'activity.counts', 'activity.update', 'activity.persons.remove', 'activity.delete', 'group_size.set', 'value.compute')")
[ "${n:-0}" -ge 12 ] && ok "every change left an audit row ($n)" || not_ok "every change left an audit row" "only $n"

# A clerk may enter; a teacher only looks.
login vanthu.ntt
post_form /units/$NTT/activities kind=training title='Tập huấn' start_on=2026-04-01 aud_staff=1 mode=persons
expect_status 303 "a clerk records an activity"
login gv.ntt
req GET "/units/$NTT/activities?year=2026"
expect_status 200 "a teacher sees the activities"
expect_no_body "/activities/new" "... without the link to add one"
before=$(act_last)
post_form /units/$NTT/activities kind=training title='Tập huấn' start_on=2026-04-01 aud_staff=1 mode=persons
expect_status 403 "a teacher cannot create an activity (403)"
post_form /activities/$A2/persons persons='X; phụ huynh; nam'
expect_status 403 "... nor add participants"
expect_eq "$(act_last)" "$before" "... and nothing was written"

# Another school.
login ht.huongluu
req GET "/units/$NTT/activities?year=2026"
expect_status 403 "another school's principal gets 403 for the activities page"
req GET /activities/$A2
expect_status 403 "... for an activity"
req GET "/api/units/$NTT/reach?year=2026"
expect_status 403 "... for the reach"
post_form /activities/$A2/persons persons='X; phụ huynh; nam'
expect_status 403 "... and may not add participants"
post_form /units/$NTT/group-sizes year=2026 size_staff_m=1 size_staff_f=1
expect_status 403 "... nor set group sizes"
req GET /activities/999999
expect_status 404 "an unknown activity is 404"

# The district dashboard reads the values computed from the demo
# activities of its schools, and a new participant moves it.
Q8=$(sql "SELECT id FROM unit WHERE code = 'PGD-Q8'")
Q801=$(sql "SELECT id FROM unit WHERE code = 'DEMO-Q8-01'")
expect_eq "$(sql "SELECT COUNT(*) FROM agg_value v JOIN indicator i ON i.id = v.indicator_id JOIN unit u ON u.id = v.unit_id WHERE i.code LIKE 'REACH_%' AND v.source = 'activities' AND v.is_demo = 1 AND u.code LIKE 'DEMO-Q8-0%'")" 24 \
	"the demo activities give the REACH values of four District 8 schools, 2023-2025"
dash_num() {
	req GET "/api/units/$Q8/dashboard"
	json_get "[t['actual']['num'] for t in j['targets'] if t['code'] == 'CT1' and t['actual'] and t['actual']['period'] == '2024'][0]"
}
login phong.quan8
req GET "/units/$Q801/activities?year=2024"
expect_status 200 "the district officer sees a school's activities"
expect_body 'dữ liệu mẫu' "... marked as demo"
post_form /units/$Q801/activities kind=training title=x start_on=2024-04-01 aud_staff=1 mode=persons
expect_status 403 "the district officer only views (403 on create)"
d1=$(dash_num)
sum=$(sql "SELECT SUM(v.num_total) FROM agg_value v JOIN indicator i ON i.id = v.indicator_id JOIN period p ON p.id = v.period_id JOIN unit u ON u.id = v.unit_id WHERE i.code = 'REACH_SCHOOL' AND p.code = '2024' AND u.code LIKE 'DEMO-Q8-%'")
expect_eq "$d1" "$sum" "the district's REACH_SCHOOL 2024 is the sum of its schools'"
login admin
post_form /users username=ht.q801 full_name='Hiệu trưởng THCS Lý Thường Kiệt' role=principal unit_id=$Q801 password=12345678
expect_status 303 "the administrator adds a principal for a District 8 school"
login ht.q801 12345678
AF=$(sql "SELECT a.id FROM activity a WHERE a.unit_id = $Q801 AND a.kind = 'children_forum' AND a.start_on LIKE '2024-%'")
post_form /activities/$AF/persons persons='Học Sinh Mới; học sinh; nữ'
expect_status 303 "the school's principal adds a pupil to the children's forum"
login phong.quan8
expect_eq "$(dash_num)" "$((d1 + 1))" "the district dashboard counts one more person reached"
