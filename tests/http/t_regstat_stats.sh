# t_regstat_stats.sh -- the register statistics page and API: dropout by
# grade beside the level, the splits by sex, Kinh / minority and
# disability, for a school and rolled up for an office; the numbers are
# those of the enrolments themselves (computed here in SQL); a teacher,
# an office out of scope and an unknown year are refused.

NTT=$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")
PGDHD=$(sql "SELECT id FROM unit WHERE code='PGD-HD'")
PGDPQ=$(sql "SELECT id FROM unit WHERE code='PGD-PQ'")

# dropouts UNIT_SQL YEAR GRADE [EXTRA] -- dropped-out enrolments of the
# year and grade at the schools UNIT_SQL selects, straight from the register.
dropouts() {
	sql "SELECT COUNT(*) FROM enrolment e JOIN child c ON c.id = e.child_id
	    JOIN period p ON p.id = e.period_id WHERE p.code = '$2'
	    AND e.grade = $3 AND e.status = 'dropped_out'
	    AND e.unit_id IN ($1) ${4:-}"
}
# start UNIT_SQL YEAR GRADE [EXTRA] -- enrolled at the start of the year
# (joined by 30 September), the denominator.
start() {
	sql "SELECT COUNT(*) FROM enrolment e JOIN child c ON c.id = e.child_id
	    JOIN period p ON p.id = e.period_id WHERE p.code = '$2'
	    AND e.grade = $3 AND e.entered_on <= substr(p.start_on, 1, 4) || '-09-30'
	    AND e.unit_id IN ($1) ${4:-}"
}
# The schools below PGD-HD through admin links valid on a year's ref_on.
below() {
	echo "WITH RECURSIVE s(id) AS (SELECT $1 UNION SELECT l.child_id FROM unit_link l
	    JOIN s ON l.parent_id = s.id WHERE l.role = 'admin'
	    AND l.valid_from <= (SELECT ref_on FROM period WHERE code = '$2')
	    AND l.valid_to > (SELECT ref_on FROM period WHERE code = '$2'))
	    SELECT id FROM s"
}

login ht.ntt
req GET "/units/$NTT/register/stats?year=2021-2022"
expect_status 200 "the principal opens the school's register statistics"
expect_body 'id="stat-DROPOUT_PRIMARY"' "with the primary dropout table"
expect_body 'Lớp 2' "by grade"
expect_body 'Dân tộc thiểu số' "split by ethnicity"
req GET "/api/units/$NTT/register/stats?year=2021-2022"
expect_status 200 "and as JSON"
g2=$(json_get '[g for i in j["indicators"] if i["code"]=="DROPOUT_PRIMARY" for g in i["grades"] if g["grade"]==2][0]')
expect_eq "$(json_get '[g["numerator"]["total"] for i in j["indicators"] if i["code"]=="DROPOUT_PRIMARY" for g in i["grades"] if g["grade"]==2][0]')" \
	"$(dropouts "$NTT" 2021-2022 2)" "grade-2 dropouts are those of the register"
expect_eq "$(json_get '[g["numerator"]["total"] for i in j["indicators"] if i["code"]=="DROPOUT_PRIMARY" for g in i["grades"] if g["grade"]==2][0]')" 2 "(two in the demo)"
expect_eq "$(json_get '[g["denominator"]["total"] for i in j["indicators"] if i["code"]=="DROPOUT_PRIMARY" for g in i["grades"] if g["grade"]==2][0]')" \
	"$(start "$NTT" 2021-2022 2)" "against grade 2 at the start of the year"
for s in "male:AND c.sex = 'm'" "female:AND c.sex = 'f'" \
    "minority:AND c.ethnicity IS NOT NULL AND c.ethnicity <> '01'" \
    "disabled:AND EXISTS (SELECT 1 FROM child_disability d WHERE d.child_id = c.id)"; do
	k=${s%%:*}
	w=${s#*:}
	expect_eq "$(json_get "[g['numerator']['$k'] for i in j['indicators'] if i['code']=='DROPOUT_PRIMARY' for g in i['grades'] if g['grade']==2][0]")" \
		"$(dropouts "$NTT" 2021-2022 2 "$w")" "grade-2 dropouts, $k"
	expect_eq "$(json_get "[g['denominator']['$k'] for i in j['indicators'] if i['code']=='DROPOUT_PRIMARY' for g in i['grades'] if g['grade']==2][0]")" \
		"$(start "$NTT" 2021-2022 2 "$w")" "grade-2 at the start, $k"
done
kinh=$(json_get '[g["numerator"]["kinh"] for i in j["indicators"] if i["code"]=="DROPOUT_LOWERSEC" for g in i["grades"] if g["grade"]==7][0]')
expect_eq "$kinh" "$(dropouts "$NTT" 2021-2022 7 "AND NOT (c.ethnicity IS NOT NULL AND c.ethnicity <> '01')")" "grade-7 dropouts, Kinh (total − minority)"
expect_eq "$(json_get '[i["level"]["numerator"]["total"] for i in j["indicators"] if i["code"]=="DROPOUT_LOWERSEC"][0]')" \
	"$(sql "SELECT COUNT(*) FROM enrolment e JOIN period p ON p.id = e.period_id WHERE p.code = '2021-2022' AND e.unit_id = $NTT AND e.grade BETWEEN 6 AND 9 AND e.status = 'dropped_out'")" \
	"the lower-secondary level sums its grades"
expect_eq "$(json_get '[i["level"]["numerator"]["total"] for i in j["indicators"] if i["code"]=="DISABILITY_ACCESS"][0]')" \
	"$(sql "SELECT num_total FROM reg_value v JOIN indicator i ON i.id = v.indicator_id JOIN period p ON p.id = v.period_id WHERE v.unit_id = $NTT AND i.code = 'DISABILITY_ACCESS' AND p.code = '2021-2022' AND v.grade = 99")" \
	"disabled children's access is shown with its splits"

# An office: the sums of its schools on the year's links.
login phong.hadong
req GET "/api/units/$PGDHD/register/stats?year=2023-2024"
expect_status 200 "a district officer reads the district's statistics"
expect_eq "$(json_get 'j["schools"]')" "$(sql "SELECT COUNT(*) FROM unit WHERE id IN ($(below "$PGDHD" 2023-2024)) AND kind IN ('mn','th','thcs','th_thcs','group')")" "over the schools below it that year"
expect_eq "$(json_get '[g["numerator"]["total"] for i in j["indicators"] if i["code"]=="DROPOUT_PRIMARY" for g in i["grades"] if g["grade"]==4][0]')" \
	"$(dropouts "$(below "$PGDHD" 2023-2024)" 2023-2024 4)" "the district's grade-4 dropouts are its schools'"
expect_eq "$(json_get '[i["level"]["denominator"]["total"] for i in j["indicators"] if i["code"]=="DROPOUT_PRIMARY"][0]')" \
	"$(sql "SELECT COUNT(*) FROM enrolment e JOIN period p ON p.id = e.period_id WHERE p.code = '2023-2024' AND e.grade BETWEEN 1 AND 5 AND e.entered_on <= '2023-09-30' AND e.unit_id IN ($(below "$PGDHD" 2023-2024))")" \
	"against the district's primary pupils at the start of the year"
req GET "/units/$PGDHD/register/stats?year=2023-2024"
expect_status 200 "the office's page"
expect_body 'Cả cấp' "shows the level row"
req GET "/units/$PGDPQ/register/stats"
expect_status 403 "another district is out of scope"
req GET "/units/$PGDHD/register/stats?year=1999-2000"
expect_status 400 "an unknown school year is refused"
login gv.ntt
req GET "/units/$NTT/register/stats"
expect_status 403 "a teacher does not see the school's statistics"

# The school register's name search reads the name index (roster_db.c):
# it finds exactly the children of the year whose name matches, also one
# who has since left the school (child.school_id is another school).
login ht.ntt
HL=$(sql "SELECT id FROM unit WHERE code='MN-HUONGLUU'")
req GET "/units/$NTT/register?year=2024-2025&q=nguyen" -H 'HX-Request: true'
expect_status 200 "a name search in a past year answers"
want=$(sql "SELECT COUNT(*) FROM enrolment e JOIN child c ON c.id = e.child_id JOIN period p ON p.id = e.period_id WHERE e.unit_id = $NTT AND p.code = '2024-2025' AND (' ' || c.name_key) LIKE '% nguyen%'")
got=$(printf '%s' "$BODY" | grep -o 'href="/children/[0-9]*"' | sort -u | wc -l)
expect_eq "$got" "$want" "it lists every child of the year named Nguyễn ($want)"
LEFT=$(sql "SELECT c.id FROM enrolment e JOIN child c ON c.id = e.child_id JOIN period p ON p.id = e.period_id WHERE e.unit_id = $NTT AND p.code = '2024-2025' AND c.name_key LIKE 'nguyen%' ORDER BY c.id LIMIT 1")
sql_exec "UPDATE child SET school_id = $HL WHERE id = $LEFT"
req GET "/units/$NTT/register?year=2024-2025&q=nguyen" -H 'HX-Request: true'
expect_body "href=\"/children/$LEFT\"" "a child who has left the school is still found in that year"
got=$(printf '%s' "$BODY" | grep -o 'href="/children/[0-9]*"' | sort -u | wc -l)
expect_eq "$got" "$want" "once"
sql_exec "UPDATE child SET school_id = $NTT WHERE id = $LEFT"

# The pages are linked: the school register and an office's /register.
login ht.ntt
req GET "/units/$NTT/register?year=2024-2025"
expect_body "/units/$NTT/register/stats?year=2024-2025" "the school register links its statistics"
login phong.hadong
req GET /register
expect_body "/units/$PGDHD/register/stats" "an office's register page links the statistics"
expect_body "/units/$PGDHD/register/export-area" "and the export of its schools"
login gv.ntt
req GET "/units/$NTT/register?year=2025-2026"
expect_no_body "/register/stats" "a teacher gets no statistics link"
