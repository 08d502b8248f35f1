# t_regio_export_area.sh -- an office's export of every school's register in
# its scope: a background job with progress, one file with the school code
# column and every child of the year, formula cells neutralised, audited,
# downloaded once; a teacher, a school and an office out of scope refused.

PGDHD=$(sql "SELECT id FROM unit WHERE code='PGD-HD'")
PGDPQ=$(sql "SELECT id FROM unit WHERE code='PGD-PQ'")
HDSCHOOL=$(sql "SELECT e.unit_id FROM enrolment e JOIN unit u ON u.id = e.unit_id JOIN period p ON p.id = e.period_id WHERE u.code LIKE 'DEMO-HD-%' AND p.code = '2024-2025' LIMIT 1")
# Every unit below PGD-HD through any link at any time (unit_in_scope()).
SCOPE="WITH RECURSIVE s(id) AS (SELECT $PGDHD UNION SELECT l.child_id FROM unit_link l JOIN s ON l.parent_id = s.id) SELECT id FROM s"
EA=$(mktemp -d)
ea_location() { printf '%s' "$HEADERS" | sed -n 's/^Location: //Ip' | tr -d '\r' | head -1; }

# A formula in an address of a Hà Đông child of the year.
FX=$(sql "SELECT e.child_id FROM enrolment e JOIN period p ON p.id = e.period_id WHERE e.unit_id = $HDSCHOOL AND p.code = '2024-2025' LIMIT 1")
OLDADDR=$(sql "SELECT address FROM child WHERE id = $FX")
sql_exec "UPDATE child SET address = '=HYPERLINK(\"http://x\")' WHERE id = $FX"

login phong.hadong
req GET "/units/$PGDHD/register/export-area"
expect_status 200 "a district officer opens the area export form"
grab_csrf
before=$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'register.export' AND detail LIKE 'area%'")
req POST "/units/$PGDHD/register/export-area" --data "csrf=$CSRF&year=2024-2025&format=csv"
expect_status 303 "starting the export answers with the job's page"
JOB=$(ea_location)
case $JOB in
/units/$PGDHD/register/export-area/*) ok "the job's page is under the office" ;;
*) not_ok "the job's page is under the office" "Location: $JOB" ;;
esac
for _ in $(seq 100); do
	req GET "$JOB"
	printf '%s' "$BODY" | grep -q 'data-state=' && break
	sleep 0.1
done
expect_body 'data-state="done"' "the job ends"
expect_body "$JOB/file" "with a download link"
want=$(sql "SELECT COUNT(*) FROM enrolment e JOIN unit u ON u.id = e.unit_id JOIN period p ON p.id = e.period_id WHERE p.code = '2024-2025' AND e.unit_id IN ($SCOPE) AND u.kind IN ('mn','th','thcs','th_thcs','group')")
expect_body "$want trẻ" "the page says how many children ($want)"
curl -s -b "$JAR" -D "$EA/h" -o "$EA/list.csv" "$BASE$JOB/file"
expect_eq "$(head -1 "$EA/h" | cut -d' ' -f2)" 200 "the file downloads"
grep -qi '^Content-Type: text/csv' "$EA/h" && ok "as CSV" || not_ok "as CSV" "$(cat "$EA/h")"
expect_eq "$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], encoding="utf-8-sig"))); print(r[0][1])' "$EA/list.csv")" "Mã trường" "with the school code column"
expect_eq "$(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))) - 1)' "$EA/list.csv")" "$want" "one row per child of the year in every school of the scope"
expect_eq "$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], encoding="utf-8-sig"))); print(len({x[1] for x in r[1:]}))' "$EA/list.csv")" \
	"$(sql "SELECT COUNT(DISTINCT e.unit_id) FROM enrolment e JOIN period p ON p.id = e.period_id WHERE p.code = '2024-2025' AND e.unit_id IN ($SCOPE)")" "from every school with children"
grep -q "'=HYPERLINK" "$EA/list.csv" && ok "a formula cell is neutralised" || not_ok "a formula cell is neutralised" "$(grep -m1 HYPERLINK "$EA/list.csv")"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'register.export' AND detail LIKE 'area%'")" "$((before + 1))" "the export is audited"
expect_eq "$(sql "SELECT detail LIKE '%rows=$want%' FROM audit_log WHERE action = 'register.export' ORDER BY id DESC LIMIT 1")" 1 "with its rows"
req GET "$JOB/file"
expect_status 409 "the file is downloaded once"

req POST "/units/$PGDHD/register/export-area" --data "csrf=$CSRF&year=2024-2025&format=xlsx"
JOB=$(ea_location)
for _ in $(seq 100); do
	req GET "$JOB"
	printf '%s' "$BODY" | grep -q 'data-state=' && break
	sleep 0.1
done
curl -s -b "$JAR" -D "$EA/h" -o "$EA/list.xlsx" "$BASE$JOB/file"
grep -qi 'spreadsheetml' "$EA/h" && ok "the .xlsx export downloads" || not_ok "the .xlsx export downloads" "$(cat "$EA/h")"
expect_eq "$(head -c 2 "$EA/list.xlsx")" "PK" "as a zip"

req POST "/units/$PGDHD/register/export-area" --data "csrf=$CSRF&year=1999-2000&format=csv"
expect_status 400 "an unknown school year is refused"
req POST "/units/$PGDHD/register/export-area" --data "csrf=$CSRF&year=2024-2025&format=ods"
expect_status 400 "an unknown format is refused"
expect_body "Định dạng: csv hoặc xlsx" "... naming the field"
req GET "/units/$PGDPQ/register/export-area"
expect_status 403 "another district is out of scope"
req GET "/units/$HDSCHOOL/register/export-area"
expect_status 400 "a school uses its own export"
login gv.ntt
req GET "/units/$(sql "SELECT id FROM unit WHERE code='PGD-PQ'")/register/export-area"
expect_status 403 "a teacher does not export an area"
sql_exec "UPDATE child SET address = '$OLDADDR' WHERE id = $FX"
rm -rf "$EA"
