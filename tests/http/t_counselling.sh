# t_counselling.sh -- the school counsellor's sessions: the counsellor
# records a session (notes sealed) and sees it, every view audited; a
# teacher and another school's principal get 403; a bad date, an unknown
# child and a child of another school are refused with 400 naming the
# field and nothing written; without the case key a session with notes
# is refused with 503 (the list says the notes are sealed); a session
# makes the school's PSYCH_SUPPORT of its year a computed 1/1 but leaves
# an entered value alone.

NTT=$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")
HL=$(sql "SELECT id FROM unit WHERE code='MN-HUONGLUU'")
Y25=$(sql "SELECT id FROM period WHERE code='2025-2026'")
Y19=$(sql "SELECT id FROM period WHERE code='2019-2020'")	# no demo values
PS=$(sql "SELECT id FROM indicator WHERE code='PSYCH_SUPPORT'")
KHOI=$(sql "SELECT id FROM child WHERE full_name='Lê Minh Khôi'")
HL_KID=$(sql "SELECT child_id FROM enrolment WHERE unit_id=$HL LIMIT 1")
sessions() { sql "SELECT COUNT(*) FROM counselling_session"; }
views() { sql "SELECT COUNT(*) FROM audit_log WHERE action='counselling.view' AND object='unit:$NTT'"; }

# --- who may see ---------------------------------------------------------------
login gv.ntt
req GET "/units/$NTT/counselling"
expect_status 403 "a teacher cannot open the counselling sessions"
login ht.huongluu
req GET "/units/$NTT/counselling"
expect_status 403 "another school's principal cannot open them"
expect_eq "$(views)" 0 "a refused view is not logged"

# --- recording a session -----------------------------------------------------------
login tuvan.ntt
req GET "/units/$NTT/counselling"
expect_status 200 "the counsellor opens the school's sessions"
expect_eq "$(views)" 1 "the view is audited"
grab_csrf
post_form "/units/$NTT/counselling" held_on=2025-10-15 kind=individual \
	"child_id=$KHOI" follow_up=1 follow_up_on=2025-10-29 \
	"notes=Em lo lắng về bài kiểm tra"
expect_status 303 "the counsellor records a session"
expect_eq "$(sessions)" 1 "one session written"
expect_eq "$(sql "SELECT COUNT(*) FROM counselling_session WHERE notes_sealed LIKE 'v1:%' AND notes_sealed NOT LIKE '%lo lắng%'")" 1 \
	"the notes are stored sealed"
req GET "/units/$NTT/counselling"
expect_body "2025-10-15" "the session is listed"
expect_body "Em lo lắng về bài kiểm tra" "its notes are opened for the counsellor"
expect_body "Lê Minh Khôi" "with the child"
expect_eq "$(views)" 2 "every view is audited"
expect_eq "$(sql "SELECT num_total || '/' || den_total || ' ' || computed FROM agg_value WHERE unit_id=$NTT AND indicator_id=$PS AND period_id=$Y25")" \
	"1/1 1" "the school's PSYCH_SUPPORT for the year is a computed 1/1"
post_form "/units/$NTT/counselling" held_on=2025-11-02 kind=group initials=N.T.A.
expect_status 303 "a session with only initials"

# --- an entered value is left alone -----------------------------------------------
sql_exec "INSERT INTO agg_value (unit_id, indicator_id, period_id, num_total, den_total, locked, entered_at, is_demo, computed) VALUES ($NTT, $PS, $Y19, 0, 1, 1, 0, 0, 0)"
post_form "/units/$NTT/counselling" held_on=2020-03-10 kind=parent initials=T.B.
expect_status 303 "a session in an earlier year"
expect_eq "$(sql "SELECT num_total || ' ' || computed FROM agg_value WHERE unit_id=$NTT AND indicator_id=$PS AND period_id=$Y19")" \
	"0 0" "an entered, locked value is not overwritten"
sql_exec "DELETE FROM agg_value WHERE unit_id=$NTT AND indicator_id=$PS AND period_id=$Y19"

# --- bad input: 400 naming the field, nothing written ---------------------------------
before=$(sessions)
post_form "/units/$NTT/counselling" held_on=2025-13-40 kind=individual "child_id=$KHOI"
expect_status 400 "a bad date is refused"
expect_body "Ngày tư vấn" "naming the date field"
post_form "/units/$NTT/counselling" held_on=2025-10-20 kind=individual child_id=99999999
expect_status 400 "an unknown child is refused"
expect_body "Mã trẻ" "naming the child field"
post_form "/units/$NTT/counselling" held_on=2025-10-20 kind=individual "child_id=$HL_KID"
expect_status 400 "a child of another school is refused"
post_form "/units/$NTT/counselling" held_on=2025-10-20 kind=chat "child_id=$KHOI"
expect_status 400 "an unknown kind is refused"
expect_eq "$(sessions)" "$before" "nothing written by refused posts"

# --- without the case key: notes refused with 503, nothing written ---------------
main_base=$BASE
other_server -u VITRE_CASE_KEY
BASE=$OTHER_BASE
login tuvan.ntt
req GET "/units/$NTT/counselling"
expect_status 200 "without a key the list still opens"
expect_body "cần khóa hồ sơ" "saying the notes are sealed"
expect_no_body "lo lắng" "and showing none of them"
post_form "/units/$NTT/counselling" held_on=2025-10-21 kind=crisis "child_id=$KHOI" "notes=bí mật"
expect_status 503 "a session with notes is refused without a key"
expect_eq "$(sessions)" "$before" "nothing written"
post_form "/units/$NTT/counselling" held_on=2025-10-21 kind=crisis "child_id=$KHOI"
expect_status 303 "a session without notes needs no key"
kill "$OTHER_PID"
wait "$OTHER_PID" 2>/dev/null
BASE=$main_base
before=$(sessions)

# --- others cannot write -----------------------------------------------------------
login ht.huongluu
post_form "/units/$NTT/counselling" held_on=2025-10-20 kind=individual initials=A.B.
expect_status 403 "another school's principal cannot record a session"
login ht.ntt
req GET "/units/$NTT/counselling"
expect_status 200 "the school's principal sees the sessions"
login gv.ntt
post_form "/units/$NTT/counselling" held_on=2025-10-20 kind=individual initials=A.B.
expect_status 403 "a teacher cannot record a session"
expect_eq "$(sessions)" "$before" "nothing written by them"
