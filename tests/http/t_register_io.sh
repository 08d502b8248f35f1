# t_register_io.sh -- the register's import (upload, background check with
# progress, messages with row and column, nothing written until accepted,
# acceptance once), the templates, the export (formula cells neutralised,
# a teacher's export without other classes' sensitive cells, audit), the
# year-end rollover with undo, the five-year-old population form, the
# computed values on the dashboard, and scope and role refusals.

NTT=$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")
HL=$(sql "SELECT id FROM unit WHERE code='MN-HUONGLUU'")
XA=$(sql "SELECT id FROM unit WHERE code='P-HADONG'")
AN=$(sql "SELECT id FROM child WHERE full_name='Nguyễn Văn An'")
children() { sql "SELECT COUNT(*) FROM child"; }
IOW=$(mktemp -d)

# upload FILE [year] -- POST the file to NTT's import as the current user.
upload() {
	req POST "/units/$NTT/register/import" -F "csrf=$CSRF" \
		-F "year=${2:-2025-2026}" -F "file=@$1"
}

# wait_job URL -- poll the job page until it has ended; BODY is its page.
wait_job() {
	local i
	for i in $(seq 100); do
		req GET "$1"
		printf '%s' "$BODY" | grep -q 'data-state=' && return
		sleep 0.1
	done
}

location() { printf '%s' "$HEADERS" | sed -n 's/^Location: //Ip' | head -1; }

# --- templates and the form ------------------------------------------------
login ht.ntt
req GET /register/template.csv
expect_status 200 "the CSV template downloads"
expect_header '^Content-Type: text/csv' "as CSV"
expect_header '^Content-Disposition: attachment' "as an attachment"
expect_body 'Họ và tên,Giới tính,Ngày sinh' "with the template's headings"
req GET /register/template.xlsx
expect_status 200 "the .xlsx template downloads"
expect_header 'spreadsheetml' "as .xlsx"
req GET "/units/$NTT/register/import"
expect_status 200 "the principal opens the import form"
expect_body 'enctype="multipart/form-data"' "an upload form"
grab_csrf

# --- refusals ----------------------------------------------------------------
login gv.ntt
req GET "/units/$NTT/register/import"
expect_status 403 "a teacher does not import lists"
login ht.huongluu
printf 'Họ và tên,Giới tính,Ngày sinh,Lớp\r\nA,Nam,01/01/2018,1A\r\n' >"$IOW/one.csv"
upload "$IOW/one.csv"
expect_status 403 "a principal of another school cannot import into it"
req GET "/units/$NTT/register/export"
expect_status 403 "nor export its register"

# --- a bad file: messages with row and column, nothing written -------------
login ht.ntt
before=$(children)
cat >"$IOW/bad.csv" <<'CSV'
Họ và tên,Giới tính,Ngày sinh,Dân tộc,Số định danh cá nhân,Lớp
Trần Văn Mới,Nam,05/09/2018,Kinh,,1A
Lê Thị Sai,Nữ,31/02/2018,Kinh,,1A
Hồ Văn Lạ,X,01/01/2018,Kinh,,1A
CSV
upload "$IOW/bad.csv"
expect_status 303 "an upload starts a check and redirects to it"
JOB=$(location)
case "$JOB" in
/units/$NTT/register/import/*) ok "to the job's page" ;;
*) not_ok "to the job's page" "Location: $JOB" ;;
esac
wait_job "$JOB"
expect_body 'data-state="done"' "the check ends"
expect_body '<td class="num">3</td><td>C</td><td>Ngày sinh: «31/02/2018» không phải là một ngày có thật' "the bad date is named by row and column"
expect_body '<td class="num">4</td><td>B</td><td>Giới tính' "the bad sex too"
expect_body 'Đồng ý, ghi các dòng hợp lệ (1)' "the valid row can be accepted"
expect_eq "$(children)" "$before" "checking wrote nothing"
req GET "$JOB" -H 'HX-Request: true'
expect_no_body '<!DOCTYPE' "the job page answers htmx with the fragment"

# A file that is not UTF-8, and one that is not a list at all.
printf 'H\xe1 v\xe0 t\xean,Gi\xf5i t\xednh\r\n' >"$IOW/cp1258.csv"
upload "$IOW/cp1258.csv"
wait_job "$(location)"
expect_body 'không phải UTF-8' "a Windows-1258 file is refused with how to save it"
printf 'PK\003\004broken zip' >"$IOW/broken.xlsx"
upload "$IOW/broken.xlsx"
wait_job "$(location)"
expect_body 'bị hỏng' "a broken .xlsx is refused"
expect_eq "$(children)" "$before" "neither wrote anything"
req POST "/units/$NTT/register/import" -H 'Content-Type: multipart/form-data; boundary=xyz' --data-binary 'garbage'
expect_status 400 "a malformed multipart body is refused"
upload "$IOW/bad.csv" 2019
expect_status 400 "a year that is not a school year is refused"
head -c 9000000 /dev/zero | tr '\0' 'a' >"$IOW/big.csv"
upload "$IOW/big.csv"
expect_status 413 "a file past the 8 MB cap is refused"
expect_eq "$(children)" "$before" "and writes nothing"

# --- a good file: preview, then accept -------------------------------------
cat >"$IOW/good.csv" <<'CSV'
STT,Họ và tên,Giới tính,Ngày sinh,Dân tộc,Lớp,Họ tên mẹ,SĐT mẹ
1,Vũ Thị Nhập,Nữ,03/04/2019,Kinh,1A,Vũ Thị Mẹ,0912345678
2,Đoàn Văn Khẩu,Nam,11/11/2019,Tày,1B,,
CSV
upload "$IOW/good.csv"
CHECK=$(location)
wait_job "$CHECK"
expect_body 'Hợp lệ, sẽ được ghi' "the preview counts the rows to write"
expect_eq "$(children)" "$before" "the preview wrote nothing"
grab_csrf
ACCEPT="$CHECK/accept"
post_form "$ACCEPT"
expect_status 303 "accepting starts the writing job"
wait_job "$(location)"
expect_body 'Đã ghi các dòng hợp lệ vào sổ' "the rows are written"
expect_eq "$(children)" "$((before + 2))" "two children more in the register"
expect_eq "$(sql "SELECT COUNT(*) FROM enrolment e JOIN child c ON c.id=e.child_id WHERE c.full_name='Vũ Thị Nhập' AND e.unit_id=$NTT AND e.grade=1")" 1 "enrolled in grade 1 at the school"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='register.import'")" 1 "the import is audited"
post_form "$ACCEPT"
expect_status 409 "a check is accepted only once"
upload "$IOW/good.csv"
wait_job "$(location)"
expect_body 'Trùng, không được gộp (2)' "importing the same list again shows duplicates"
expect_no_body 'Đồng ý, ghi' "and offers nothing to write"
login ht.huongluu
req GET "$CHECK"
expect_status 403 "another school's job page is refused by scope"
req GET "/units/$HL/register/import/${CHECK##*/}"
expect_status 404 "another user's job is not found"

# --- export --------------------------------------------------------------------
sql_exec "UPDATE child SET address='=1+1' WHERE id=$AN"
login ht.ntt
req GET "/units/$NTT/register/export?year=2025-2026&format=csv"
expect_status 200 "the principal exports the register as CSV"
expect_header '^Content-Type: text/csv' "as CSV"
expect_body '"'"'"'=1+1"' "a formula in a cell is neutralised"
expect_no_body ',=1+1' "never left as a formula"
expect_body 'Khơ-me' "the principal gets the sensitive columns"
req GET "/units/$NTT/register/export?year=2025-2026&format=xlsx&class=3A"
expect_status 200 "an .xlsx export of one class"
expect_header 'spreadsheetml' "as .xlsx"
req GET "/units/$NTT/register/export?format=pdf"
expect_status 400 "an unknown format is refused"
login gv.ntt
req GET "/units/$NTT/register/export?year=2025-2026&format=csv"
expect_status 200 "a teacher exports the register"
cell() {	# name heading -- that cell of the exported CSV
	printf '%s' "$BODY" | python3 -c 'import csv,sys,io
rows=list(csv.reader(io.StringIO(sys.stdin.read().lstrip("\ufeff"))))
h=rows[0]; c=h.index(sys.argv[2]) if sys.argv[2] in h else -1
r=[x for x in rows[1:] if x[h.index("Họ và tên")]==sys.argv[1]]
print("NOCOL" if c<0 else ("NOROW" if not r else r[0][c]))' "$1" "$2"
}
expect_eq "$(cell 'Lê Minh Khôi' 'Dân tộc')" "Khơ-me" "with the ethnicity of the own class"
expect_eq "$(cell 'Phạm Thu Trang' 'Dân tộc')" "" "and not of another class"
expect_eq "$(cell 'Phạm Thu Trang' 'Họ và tên')" "Phạm Thu Trang" "whose rows are there without it"
expect_eq "$(sql "SELECT detail LIKE '%sensitive=own-classes%' FROM audit_log WHERE action='register.export' ORDER BY id DESC LIMIT 1")" 1 "the export is audited with what it showed"

# --- year-end rollover ---------------------------------------------------------
req GET "/units/$NTT/register/rollover?year=2025-2026"
expect_status 403 "a teacher does not roll the year over"
login ht.ntt
req GET "/units/$NTT/register/rollover?year=2025-2026"
expect_status 200 "the principal previews the rollover"
expect_body 'id="rollover-plan"' "per class"
expect_body 'Các lớp năm học 2026-2027' "with next year's classes"
grab_csrf
next_year() { sql "SELECT COUNT(*) FROM enrolment e JOIN period p ON p.id=e.period_id WHERE e.unit_id=$NTT AND p.code='2026-2027'"; }
expect_eq "$(next_year)" 0 "the preview wrote nothing"
post_form "/units/$NTT/register/rollover" year=2025-2026
expect_status 303 "the rollover is applied"
carried=$(next_year)
[ "$carried" -gt 0 ] && ok "children carried into 2026-2027 ($carried)" || not_ok "children carried into 2026-2027" "none"
post_form "/units/$NTT/register/rollover" year=2025-2026
expect_status 409 "a second rollover of the same year is refused"
RID=$(sql "SELECT id FROM rollover WHERE unit_id=$NTT AND undone_at IS NULL")
post_form "/units/$NTT/register/rollover/$RID/undo"
expect_status 303 "the rollover is undone"
expect_eq "$(next_year)" 0 "next year's enrolments are gone"
expect_eq "$(sql "SELECT COUNT(*) FROM enrolment e JOIN period p ON p.id=e.period_id WHERE e.unit_id=$NTT AND p.code='2025-2026' AND e.status='promoted'")" 0 "and this year's statuses restored"
post_form "/units/$NTT/register/rollover/$RID/undo"
expect_status 409 "an undone rollover cannot be undone again"

# --- population of five-year-olds, and the dashboard ---------------------------
login xa.hadong
req GET "/units/$XA/population"
expect_status 200 "the commune officer opens the five-year-olds form"
grab_csrf
post_form "/units/$XA/population" year=2025-2026 total=120 male=60 female=50
expect_status 400 "boys and girls that do not add up are refused"
expect_body 'nam cộng nữ phải bằng tổng số' "naming why"
post_form "/units/$XA/population" year=2025-2026 total=120 male=62 female=58
expect_status 303 "a figure is saved"
expect_eq "$(sql "SELECT total FROM population_5y WHERE unit_id=$XA")" 120 "stored"
req GET "/units/$NTT/population"
expect_status 403 "a school outside the scope is refused"
login ht.ntt
req GET "/units/$NTT/population"
expect_status 400 "a school has no population figure"
req GET "/units/$NTT/dashboard"
expect_body 'Tính từ sổ theo dõi:' "the dashboard shows the register's value beside the entered one"
expect_body 'class="badge computed"' "marked"

rm -rf "$IOW"
