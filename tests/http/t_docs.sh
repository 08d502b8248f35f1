# t_docs.sh -- plans as official documents: GET /plans/{id}/pdf and /docx
# (the direct downloads; the plan page makes them as background jobs,
# tested in t_report_docs.sh)
# for seed 002 (89/KH-MNHL): the text of the PDF (pdftotext) and of the
# DOCX (python's zipfile and xml.etree) has the Decree 30 header, number,
# place and date and "Nơi nhận"; the PDF's fonts are the Times-metric
# face; the DOCX has its page-number header from page 2; LibreOffice
# converts the DOCX (skipped when LibreOffice is not installed:
# VITRE_LIBREOFFICE=1 scripts/install-deps installs it); 403 outside the
# scope; `vitre plan export --format pdf|docx`.

docs_tmp=$(mktemp -d)
DOC_P002=$(sql "SELECT p.id FROM plan p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'MN-HUONGLUU' ORDER BY p.id LIMIT 1")
DOC_P000=$(sql "SELECT p.id FROM plan p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'TH-THCS-NTT-PQ' ORDER BY p.id LIMIT 1")

# has_all FILE_TEXT WHAT -- one TAP line per string that must be in the text.
has_all() {
	local text=$1 what=$2 s
	for s in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" \
		"Số: 89/KH-MNHL" "Huế, ngày 02 tháng 8 năm 2024" "KẾ HOẠCH" \
		"TRƯỜNG MẦM NON HƯƠNG LƯU" "Nơi nhận" "HIỆU TRƯỞNG"; do
		if printf '%s' "$text" | grep -qF -- "$s"; then
			ok "$what has \"$s\""
		else
			not_ok "$what has \"$s\"" "not in the text"
		fi
	done
}

login ht.huongluu
req GET /plans/$DOC_P002
expect_body "action=\"/plans/$DOC_P002/doc\"" "the plan page makes its PDF and DOCX as a job (t_report_docs.sh)"
expect_body 'value="docx"' "... DOCX among them"

# PDF.
download /plans/$DOC_P002/pdf "$docs_tmp/89.pdf"
expect_status 200 "the PDF of 89/KH-MNHL answers"
expect_header '^Content-Type: application/pdf' "... as application/pdf"
expect_header '^Content-Disposition: attachment; filename="89-KH-MNHL\.pdf"$' "... as a download named 89-KH-MNHL.pdf"
pdf_text=$(pdftotext -layout "$docs_tmp/89.pdf" - 2>/dev/null)
has_all "$pdf_text" "the PDF"
expect_eq "$(printf '%s' "$pdf_text" | grep -c 'Căn cứ Kế hoạch số 6895/KH-UBND')" 1 "the PDF has the basis"
expect_eq "$(pdfinfo "$docs_tmp/89.pdf" | awk '/^Page size/ { print $3, $5, $7 }')" "595.276 841.89 (A4)" "the PDF is A4"
pages=$(pdfinfo "$docs_tmp/89.pdf" | awk '/^Pages/ { print $2 }')
[ "${pages:-0}" -ge 2 ] && ok "the PDF has $pages pages" || not_ok "the PDF has several pages" "pages: $pages"
# Page numbers from page 2, at the top: page 1 has no number line, page 2
# starts with "2".
p2=$(pdftotext -f 2 -l 2 -layout "$docs_tmp/89.pdf" - | sed '/^ *$/d' | head -1 | tr -d ' ')
expect_eq "$p2" "2" "page 2 starts with its number"
p1=$(pdftotext -f 1 -l 1 -layout "$docs_tmp/89.pdf" - | sed '/^ *$/d' | head -1)
case $p1 in *TRƯỜNG*) ok "page 1 starts with the header, no number" ;; *) not_ok "page 1 starts with the header, no number" "$p1" ;; esac
# Every font is the Times-metric serif: no fallback font for a diacritic.
other=$(pdffonts "$docs_tmp/89.pdf" | tail -n +3 | awk '{ print $1 }' | sed 's/^[A-Z]*+//' | grep -vE '^(LiberationSerif|TimesNewRoman)' || true)
expect_eq "$other" "" "every glyph of the PDF is in Liberation Serif / Times New Roman"

# DOCX.
download /plans/$DOC_P002/docx "$docs_tmp/89.docx"
expect_status 200 "the DOCX of 89/KH-MNHL answers"
expect_header '^Content-Type: application/vnd\.openxmlformats-officedocument\.wordprocessingml\.document' "... with the Word content type"
expect_header '^Content-Disposition: attachment; filename="89-KH-MNHL\.docx"$' "... as a download named 89-KH-MNHL.docx"
docx_text=$(python3 - "$docs_tmp/89.docx" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
for part in names:
    if part.endswith(".xml") or part.endswith(".rels"):
        ET.fromstring(z.read(part))   # every part well-formed
doc = ET.fromstring(z.read("word/document.xml"))
print("PARTS " + " ".join(names))
sect = doc.find(f"{W}body/{W}sectPr")
print("TITLEPG", sect.find(f"{W}titlePg") is not None)
print("PGSZ", sect.find(f"{W}pgSz").get(f"{W}w"), sect.find(f"{W}pgSz").get(f"{W}h"))
print("PAGEFIELD", "PAGE" in z.read("word/header1.xml").decode())
for p in doc.iter(f"{W}p"):
    print("".join(t.text or "" for t in p.iter(f"{W}t")))
PY
)
if printf '%s' "$docx_text" | grep -q '^PARTS '; then
	ok "the DOCX unzips and every XML part is well-formed"
else
	not_ok "the DOCX unzips and every XML part is well-formed" "$docx_text"
fi
has_all "$docx_text" "the DOCX's document.xml"
expect_body_in() { printf '%s' "$docx_text" | grep -qF -- "$1" && ok "$2" || not_ok "$2" "missing: $1"; }
expect_body_in "PARTS [Content_Types].xml" "[Content_Types].xml comes first in the package"
expect_body_in "TITLEPG True" "the first page has its own (empty) header"
expect_body_in "PGSZ 11906 16838" "the DOCX page is A4"
expect_body_in "PAGEFIELD True" "the header has the PAGE field"

if command -v soffice >/dev/null 2>&1; then
	(cd "$docs_tmp" && HOME="$docs_tmp" timeout 120 soffice --headless \
		--convert-to pdf --outdir "$docs_tmp/lo" "$docs_tmp/89.docx" >"$docs_tmp/lo.log" 2>&1)
	if [ -s "$docs_tmp/lo/89.pdf" ]; then
		ok "LibreOffice converts the DOCX to PDF"
		has_all "$(pdftotext -layout "$docs_tmp/lo/89.pdf" - 2>/dev/null)" "LibreOffice's PDF of the DOCX"
	else
		not_ok "LibreOffice converts the DOCX to PDF" "$(cat "$docs_tmp/lo.log")"
	fi
else
	ok "LibreOffice converts the DOCX to PDF # SKIP LibreOffice is not installed (VITRE_LIBREOFFICE=1 scripts/install-deps)"
fi

# Scope: the same check as the plan page.
download /plans/$DOC_P000/pdf "$docs_tmp/x.pdf"
expect_status 403 "the kindergarten principal gets 403 for the PDF of a Phú Quốc plan"
download /plans/$DOC_P000/docx "$docs_tmp/x.docx"
expect_status 403 "... and for its DOCX"
download /plans/999999/pdf "$docs_tmp/x.pdf"
expect_status 404 "the PDF of an unknown plan is 404"
login gv.ntt
download /plans/$DOC_P000/docx "$docs_tmp/t.docx"
expect_status 200 "a teacher may download the own school's plan as DOCX"

# The command line.
"$VITRE" plan export --db "$DB" --ref 89/KH-MNHL --format pdf -o "$docs_tmp/cli.pdf" 2>"$docs_tmp/cli.err"
expect_eq "$?" 0 "vitre plan export --format pdf succeeds"
has_all "$(pdftotext -layout "$docs_tmp/cli.pdf" - 2>/dev/null)" "the PDF from the command line"
"$VITRE" plan export --db "$DB" --ref 89/KH-MNHL --format docx -o "$docs_tmp/cli.docx" 2>"$docs_tmp/cli.err"
if [ $? -eq 0 ] && python3 -c 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).read("word/document.xml")' "$docs_tmp/cli.docx"; then
	ok "vitre plan export --format docx writes a DOCX"
else
	not_ok "vitre plan export --format docx writes a DOCX" "$(cat "$docs_tmp/cli.err")"
fi
"$VITRE" plan export --db "$DB" --ref 89/KH-MNHL --format odt >/dev/null 2>"$docs_tmp/cli.err"
expect_eq "$?" 2 "an unknown --format is a usage error (status 2)"
rm -rf "$docs_tmp"
