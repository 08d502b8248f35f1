# t_report_docs.sh -- reports (and plans) as official documents made as
# background jobs: a Hà Đông primary school's report for 2024-2025 is
# created, written (a sentence with diacritics) and submitted by its
# principal; its PDF (pdftotext), DOCX (every XML part well-formed,
# word/document.xml's text) and XLSX (sheets, numbers as numbers) are made
# through POST /reports/{id}/doc, polled at /reports/{id}/doc/{job} and
# downloaded from .../file: the Decree 30 header, "Số: …/BC-TH02", "BÁO
# CÁO", a stored value in Vietnamese number format, the narrative, the
# signature and "Nơi nhận".  LibreOffice converts the DOCX and the XLSX
# (skipped without it).  Only the user who started a job sees it (404 for
# another), a user who cannot see the report gets 403 on its document
# routes, a bad format 400.  The district's consolidated report has the
# table of the school, the totals and the schools that have not reported.
# The plan page makes its PDF the same way.

rd_tmp=$(mktemp -d)
RD_SCHOOL=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-02'")
RD_PGD=$(sql "SELECT id FROM unit WHERE code='PGD-HD'")
RD_RG=$(sql "SELECT r.id FROM plan_reporting r JOIN plan p ON p.id = r.plan_id JOIN unit u ON u.id = p.unit_id WHERE u.code = 'PGD-HD' AND r.schedule = 'school_year'")
RD_P=$(sql "SELECT id FROM period WHERE code = '2024-2025'")
RD_SENTENCE='Nhà trường đã tổ chức tốt Tháng hành động vì trẻ em, học sinh tích cực tham gia.'

# rd_has TEXT WHAT STRING... -- one TAP line per string that must be in
# TEXT, lines joined (a sentence may wrap).
rd_has() {
	local text what=$2 s
	text=$(printf '%s' "$1" | tr '\n' ' ' | tr -s ' ')
	shift 2
	for s in "$@"; do
		if printf '%s' "$text" | grep -qF -- "$s"; then
			ok "$what has \"$s\""
		else
			not_ok "$what has \"$s\"" "not in the text"
		fi
	done
}

# The school's report: created by the district, written and submitted by
# the school's principal.
login phong.hadong
req POST /units/$RD_SCHOOL/reports --data "csrf=$CSRF&reporting_id=$RD_RG&period_id=$RD_P&due_on=2025-05-31"
expect_status 303 "the district creates the primary school's 2024-2025 report"
RD_ID=$(sql "SELECT id FROM report WHERE unit_id = $RD_SCHOOL AND period_id = $RD_P")
login admin
post_form /users username=ht.hd02 full_name='Nguyễn Thị Hạnh' role=principal unit_id=$RD_SCHOOL password=12345678
expect_status 303 "the administrator makes the school's principal"
login ht.hd02 12345678
post_form /reports/$RD_ID/text results="$RD_SENTENCE" strengths='Ưu điểm: phối hợp tốt với cha mẹ học sinh.' limitations='Cơ sở vật chất còn hạn chế.' proposals='Đề nghị Phòng hỗ trợ kinh phí.'
expect_status 303 "the principal writes the narrative"
post_form /reports/$RD_ID/submit
expect_status 303 "... and submits the report"

req GET /reports/$RD_ID
expect_body "action=\"/reports/$RD_ID/doc\"" "the report page has the document buttons"
expect_body 'value="xlsx"' "... XLSX among them"

# A stored value of a percent target, as the document must write it.
read -r RD_NUM RD_DEN RD_LABEL <<<"$(sql "SELECT v.num || ' ' || v.den || ' ' || v.label FROM report_value v JOIN indicator i ON i.id = v.indicator_id WHERE v.report_id = $RD_ID AND v.has_value = 1 AND v.has_den = 1 AND v.den > 0 AND i.unit = 'percent' AND i.source NOT IN ('growth', 'cases') ORDER BY v.seq LIMIT 1")"
RD_VALUE=$(python3 -c "
import sys
v = round(int(sys.argv[1]) * 100 / int(sys.argv[2]), 2)
s = ('%.2f' % v).rstrip('0').rstrip('.')
print(s.replace('.', ','))" "$RD_NUM" "$RD_DEN")
[ -n "$RD_NUM" ] && ok "the report has a percent value ($RD_NUM/$RD_DEN = $RD_VALUE %)" ||
	not_ok "the report has a percent value" "none"
RD_PRINCIPAL="Nguyễn Thị Hạnh"
RD_STRINGS=("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc"
	"TRƯỜNG TIỂU HỌC SƠN CA" "/BC-TH02" "BÁO CÁO" "năm học 2024-2025"
	"Hà Đông, ngày" "$RD_VALUE" "$RD_SENTENCE" "Hạn chế và nguyên nhân"
	"Nơi nhận" "HIỆU TRƯỞNG" "$RD_PRINCIPAL")

# PDF.
doc_job /reports/$RD_ID/doc pdf "$rd_tmp/r.pdf"
expect_header '^Content-Type: application/pdf' "... as application/pdf"
expect_header '^Content-Disposition: attachment; filename="BC-TH02-2024-2025\.pdf"$' "... named BC-TH02-2024-2025.pdf"
DOC_JOB_PDF=$DOC_JOB
pdf_text=$(pdftotext -layout "$rd_tmp/r.pdf" - 2>/dev/null)
rd_has "$pdf_text" "the report's PDF" "${RD_STRINGS[@]}"
printf '%s' "$pdf_text" | grep -q '[≥≤] [0-9]' && ! printf '%s' "$pdf_text" | grep -q '[<>]= [0-9]' &&
	ok "the targets read with the signs ≥ and ≤, not >= and <=" ||
	not_ok "the targets read with the signs ≥ and ≤, not >= and <=" "$(printf '%s' "$pdf_text" | grep -m2 '[<>≤≥]=* [0-9]')"
printf '%s' "$pdf_text" | grep -q 'Số: .*/BC-TH02' && ok "the PDF has \"Số: …/BC-TH02\"" ||
	not_ok "the PDF has \"Số: …/BC-TH02\"" "not in the text"
expect_eq "$(pdfinfo "$rd_tmp/r.pdf" | awk '/^Page size/ { print $3, $5, $7 }')" "595.276 841.89 (A4)" "the report's PDF is A4"
other=$(pdffonts "$rd_tmp/r.pdf" | tail -n +3 | awk '{ print $1 }' | sed 's/^[A-Z]*+//' | grep -vE '^(LiberationSerif|TimesNewRoman)' || true)
expect_eq "$other" "" "every glyph of the report's PDF is in the Times-metric serif"

# The job answers the fragment htmx polls, and only to its owner.
req GET "$DOC_JOB_PDF" -H 'HX-Request: true'
expect_body 'id="doc-job"' "the job page answers htmx with the fragment"
expect_no_body '<html' "... without the page frame"
req POST /reports/$RD_ID/doc -H 'HX-Request: true' --data "csrf=$CSRF&format=pdf"
expect_status 200 "a POST from htmx answers the job fragment at once"
expect_body 'id="doc-job"' "... the fragment that polls or links the file"
req POST /reports/$RD_ID/doc --data "csrf=$CSRF&format=odt"
expect_status 400 "an unknown format is refused"
expect_body "Định dạng tệp" "... naming the field"
login phong.hadong
req GET "$DOC_JOB_PDF"
expect_status 404 "an officer who may see the report cannot see another user's job"
download "$DOC_JOB_PDF/file" "$rd_tmp/x"
expect_status 404 "... nor download its file"
login ht.ntt
req POST /reports/$RD_ID/doc --data "csrf=$CSRF&format=pdf"
expect_status 403 "a principal of another school cannot make the report's document"
req GET "$DOC_JOB_PDF"
expect_status 403 "... nor see its job"
download "$DOC_JOB_PDF/file" "$rd_tmp/x"
expect_status 403 "... nor download its file"
req POST /reports/999999/doc --data "csrf=$CSRF&format=pdf"
expect_status 404 "the document of an unknown report is 404"

# DOCX and XLSX, by the principal.
login ht.hd02 12345678
doc_job /reports/$RD_ID/doc docx "$rd_tmp/r.docx"
expect_header '^Content-Type: application/vnd\.openxmlformats-officedocument\.wordprocessingml\.document' "... with the Word content type"
docx_text=$(python3 - "$rd_tmp/r.docx" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
for part in z.namelist():
    if part.endswith(".xml") or part.endswith(".rels"):
        ET.fromstring(z.read(part))   # every part well-formed
doc = ET.fromstring(z.read("word/document.xml"))
print("WELLFORMED")
for p in doc.iter(f"{W}p"):
    print("".join(t.text or "" for t in p.iter(f"{W}t")))
PY
)
rd_has "$docx_text" "the report's DOCX" WELLFORMED "${RD_STRINGS[@]}"

doc_job /reports/$RD_ID/doc xlsx "$rd_tmp/r.xlsx"
expect_header '^Content-Type: application/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet' "... with the Excel content type"
xlsx_info=$(python3 - "$rd_tmp/r.xlsx" "$RD_NUM" <<'PY'
import sys, zipfile, re, xml.etree.ElementTree as ET
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
wb = ET.fromstring(z.read("xl/workbook.xml"))
print("SHEETS " + "|".join(s.get("name") for s in wb.iter(f"{S}sheet")))
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
# The numerator column (D) of the first data row: a number, not text.
for c in sheet.iter(f"{S}c"):
    if c.get("r") == "D2":
        print("D2", c.get("t") or "n", c.findtext(f"{S}v"))
PY
)
rd_has "$xlsx_info" "the XLSX" "SHEETS Chỉ tiêu|Hoạt động" "D2 n $RD_NUM"

if command -v soffice >/dev/null 2>&1; then
	(cd "$rd_tmp" && HOME="$rd_tmp" timeout 180 soffice --headless \
		--convert-to pdf --outdir "$rd_tmp/lo" "$rd_tmp/r.docx" >"$rd_tmp/lo.log" 2>&1)
	if [ -s "$rd_tmp/lo/r.pdf" ]; then
		ok "LibreOffice converts the report's DOCX to PDF"
		rd_has "$(pdftotext -layout "$rd_tmp/lo/r.pdf" - 2>/dev/null)" "LibreOffice's PDF of the DOCX" \
			"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "BÁO CÁO" "Nơi nhận" "$RD_PRINCIPAL"
	else
		not_ok "LibreOffice converts the report's DOCX to PDF" "$(cat "$rd_tmp/lo.log")"
	fi
else
	ok "LibreOffice converts the report's DOCX # SKIP LibreOffice is not installed (VITRE_LIBREOFFICE=1 scripts/install-deps)"
fi
# Calc is a package of its own (libreoffice-calc-nogui).
if command -v soffice >/dev/null 2>&1 && ls /usr/lib/libreoffice/program/libsclo.so >/dev/null 2>&1; then
	(cd "$rd_tmp" && HOME="$rd_tmp" timeout 180 soffice --headless \
		--convert-to "csv:Text - txt - csv (StarCalc):44,34,76" --outdir "$rd_tmp/lo" "$rd_tmp/r.xlsx" >"$rd_tmp/lo.log" 2>&1)
	if [ -s "$rd_tmp/lo/r.csv" ]; then
		ok "LibreOffice converts the report's XLSX to CSV"
		rd_has "$(cat "$rd_tmp/lo/r.csv")" "LibreOffice's CSV of the XLSX" "Tử số" ",$RD_NUM,$RD_DEN,"
	else
		not_ok "LibreOffice converts the report's XLSX to CSV" "$(cat "$rd_tmp/lo.log")"
	fi
else
	ok "LibreOffice converts the report's XLSX # SKIP LibreOffice Calc is not installed (VITRE_LIBREOFFICE=1 scripts/install-deps)"
fi

# The district accepts it and consolidates (confirming the schools that
# have not reported): the school's table, the
# totals, the schools without an accepted report.
login phong.hadong
post_form /reports/$RD_ID/accept
expect_status 303 "the district accepts the school's report"
req POST /units/$RD_PGD/reports --data "csrf=$CSRF&reporting_id=$RD_RG&period_id=$RD_P&due_on=2025-05-31&confirm_missing=1"
expect_status 303 "the district creates its consolidated report"
RD_C=$(sql "SELECT id FROM report WHERE unit_id = $RD_PGD AND period_id = $RD_P AND consolidated = 1")
doc_job /reports/$RD_C/doc pdf "$rd_tmp/c.pdf"
c_text=$(pdftotext -layout "$rd_tmp/c.pdf" - 2>/dev/null)
rd_has "$c_text" "the consolidated PDF" "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" "/BC-PGDĐT" \
	"Tổng hợp kết quả thực hiện" "Tổng hợp chung" "Số liệu của từng đơn vị" \
	"Trường Tiểu học Sơn Ca" "Đơn vị chưa có báo cáo" "- Trường Mầm non Lê Lợi;" "Nơi nhận" \
	"Sở Giáo dục và Đào tạo Hà Nội"
doc_job /reports/$RD_C/doc xlsx "$rd_tmp/c.xlsx"
c_sheets=$(python3 -c '
import sys, zipfile, xml.etree.ElementTree as ET
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
wb = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml"))
print("|".join(s.get("name") for s in wb.iter(f"{S}sheet")))' "$rd_tmp/c.xlsx")
rd_has "$c_sheets" "the consolidated XLSX's sheets" "Tổng hợp" "Các đơn vị" "Hoạt động" "Chưa báo cáo"

# The plan page makes its PDF the same way.
RD_PLAN=$(sql "SELECT p.id FROM plan p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'MN-HUONGLUU' ORDER BY p.id LIMIT 1")
login ht.huongluu
req GET /plans/$RD_PLAN
expect_body "action=\"/plans/$RD_PLAN/doc\"" "the plan page has the document buttons"
doc_job /plans/$RD_PLAN/doc pdf "$rd_tmp/p.pdf"
expect_header '^Content-Disposition: attachment; filename="89-KH-MNHL\.pdf"$' "... the plan's PDF named 89-KH-MNHL.pdf"
rd_has "$(pdftotext -layout "$rd_tmp/p.pdf" - 2>/dev/null)" "the plan's PDF from the job" "Số: 89/KH-MNHL" "KẾ HOẠCH"
RD_PLAN_JOB=$DOC_JOB
login ht.ntt
req GET "$RD_PLAN_JOB"
expect_status 403 "a principal of another school cannot see the plan's job"
rm -rf "$rd_tmp"
