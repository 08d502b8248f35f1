# t_exchange.sh -- exchange of aggregate values (docs/exchange.md): export
# of a demo unit as ADX (well-formed, xmllint) and DHIS2 JSON, import back
# with a changed value, refusals that leave agg_value unchanged (unknown
# unit, malformed XML, a unit outside the scope, a locked value, a bad
# number beside a good change), and the command line round trip into a
# fresh database.

HD=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-01'")
PGD=$(sql "SELECT id FROM unit WHERE code='PGD-HD'")
PCUR=$(sql "SELECT id FROM period WHERE code='2025-2026'")
XW=$(mktemp -d)
# A checksum of every aggregate value.
agg_sum() {
	sql "SELECT COUNT(*) || ':' || SUM(num_total) || ':' || SUM(COALESCE(num_m, 0) * 3 + COALESCE(num_f, 0) * 5) || ':' || SUM(COALESCE(den_total, 0)) || ':' || SUM(locked) || ':' || MAX(entered_at) FROM agg_value"
}
upload() {	# FILE [unit id]
	req POST "/units/${2:-$PGD}/exchange/import" -F "csrf=$CSRF" -F "file=@$1"
}

login phong.hadong
req GET "/units/$HD/exchange"
expect_status 200 "the exchange page of a school opens"
expect_body 'action="/units/'"$HD"'/exchange/export"' "it has the export form"
expect_body 'enctype="multipart/form-data"' "and the import form"
req GET "/units/$HD"
expect_body "/units/$HD/exchange" "the unit page links to it"

# Export.
curl -s -b "$JAR" -o "$XW/hd.xml" -D "$XW/h" "$BASE/units/$HD/exchange/export?period=2025-2026&format=adx"
grep -qi 'content-disposition: attachment; filename="vitre-DEMO-HD-01-2025-2026.xml"' "$XW/h" &&
	ok "the ADX export is a download" || not_ok "the ADX export is a download" "$(cat "$XW/h")"
xmllint --noout "$XW/hd.xml" && ok "the ADX export is well-formed (xmllint)" ||
	not_ok "the ADX export is well-formed" "xmllint failed"
grep -q '<adx xmlns="urn:ihe:qrph:adx:2015"' "$XW/hd.xml" && grep -q 'period="2025-09-01/P1Y"' "$XW/hd.xml" &&
	ok "ADX: namespace and the school year as an ISO interval" || not_ok "ADX namespace and period" "$(head -3 "$XW/hd.xml")"
curl -s -b "$JAR" -o "$XW/hd.json" "$BASE/units/$HD/exchange/export?period=2025-2026&format=dhis2"
n=$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(len(j["dataValues"]), j["dataValues"][0]["period"])' "$XW/hd.json")
want=$(sql "SELECT SUM(CASE WHEN num_m IS NOT NULL THEN 2 ELSE 1 END * CASE WHEN den_total IS NOT NULL THEN 2 ELSE 1 END) FROM agg_value WHERE unit_id=$HD AND period_id=$PCUR")
expect_eq "$n" "$want 2025Sep" "DHIS2 JSON parses, one data value per number, period 2025Sep"
curl -s -b "$JAR" -o "$XW/pgd.xml" "$BASE/units/$PGD/exchange/export?period=2024-2025&format=adx&sub=1"
grep -q 'orgUnit="DEMO-HD-01"' "$XW/pgd.xml" && ok "with sub=1 the units below are exported" ||
	not_ok "sub-units exported" "no DEMO-HD-01 group"
req GET "/units/$HD/exchange/export?period=2099-2100&format=adx"
expect_status 400 "an unknown period is refused"
req GET "/units/$HD/exchange/export?period=2025-2026&format=csv"
expect_status 400 "an unknown format is refused"

# Import back with one value changed.  The demo locks its values: the
# school's values of the current year are opened again for the test.
sql_exec "UPDATE agg_value SET locked=0 WHERE unit_id=$HD AND period_id=$PCUR"
read -r IND NUM_M <<<"$(python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1])
print(*c.execute("SELECT i.code, v.num_m FROM agg_value v JOIN indicator i ON i.id=v.indicator_id WHERE v.unit_id=? AND v.period_id=? AND v.locked=0 AND v.computed=0 AND v.num_m IS NOT NULL AND v.den_m > v.num_m + 1 ORDER BY i.code LIMIT 1", (int(sys.argv[2]), int(sys.argv[3]))).fetchone())' "$DB" "$HD" "$PCUR")"
NEW=$((NUM_M + 1))
sed "s|dataElement=\"${IND}_NUM\" SEX=\"M\" value=\"$NUM_M\"|dataElement=\"${IND}_NUM\" SEX=\"M\" value=\"$NEW\"|" "$XW/hd.xml" >"$XW/changed.xml"
upload "$XW/changed.xml" "$HD"
expect_status 200 "the changed ADX file is imported"
expect_body "Đã nhập số liệu" "the summary is shown"
got=$(sql "SELECT v.num_m || '/' || v.num_total FROM agg_value v JOIN indicator i ON i.id=v.indicator_id WHERE v.unit_id=$HD AND v.period_id=$PCUR AND i.code='$IND'")
tot=$(sql "SELECT $NEW + v.num_f FROM agg_value v JOIN indicator i ON i.id=v.indicator_id WHERE v.unit_id=$HD AND v.period_id=$PCUR AND i.code='$IND'")
expect_eq "$got" "$NEW/$tot" "the value changed ($IND male numerator and the total)"
expect_eq "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='values.import'")" "1" "the import is in the audit log"
python3 -c 'import json,sys
j=json.load(open(sys.argv[1]))
for v in j["dataValues"]:
	if v["dataElement"]==sys.argv[2]+"_NUM" and v["categoryOptionCombo"]=="M": v["value"]=str(int(sys.argv[3]))
json.dump(j,open(sys.argv[4],"w"))' "$XW/hd.json" "$IND" "$NUM_M" "$XW/back.json"
upload "$XW/back.json" "$HD"
expect_status 200 "the DHIS2 JSON file is imported"
expect_eq "$(sql "SELECT v.num_m FROM agg_value v JOIN indicator i ON i.id=v.indicator_id WHERE v.unit_id=$HD AND v.period_id=$PCUR AND i.code='$IND'")" "$NUM_M" "the JSON import set the value back"

# Refusals: nothing changes.
before=$(agg_sum)
sed 's/"orgUnit":"DEMO-HD-01"/"orgUnit":"KHONG-CO-DON-VI"/' "$XW/hd.json" >"$XW/unknown.json"
upload "$XW/unknown.json"
expect_status 400 "a file naming an unknown unit is refused"
expect_body "KHONG-CO-DON-VI" "the message names the unit"
expect_body "dataValues[0]" "and the place in the file"
printf '<adx xmlns="urn:ihe:qrph:adx:2015">\n<group orgUnit="DEMO-HD-01" period="2025-09-01/P1Y" dataSet="VITRE_AGG">\n<dataValue dataElement="TOILET_NUM" value="1">\n</group></adx>\n' >"$XW/bad.xml"
upload "$XW/bad.xml"
expect_status 400 "a malformed ADX file is refused"
expect_body "dòng 4, cột 3" "the message gives expat's line and column"
printf 'PK\003\004 not a text file' >"$XW/zip.xml"
upload "$XW/zip.xml"
expect_status 400 "a file that is neither XML nor JSON is refused"
expect_body "không phải ADX (XML) hay DHIS2" "the message says what is expected"
sed "s|dataElement=\"${IND}_NUM\" SEX=\"M\" value=\"$NUM_M\"|dataElement=\"${IND}_NUM\" SEX=\"M\" value=\"$NEW\"|; s|dataElement=\"${IND}_DEN\" SEX=\"F\" value=\"[0-9]*\"|dataElement=\"${IND}_DEN\" SEX=\"F\" value=\"mười\"|" "$XW/hd.xml" >"$XW/half.xml"
upload "$XW/half.xml"
expect_status 400 "a good change beside a value that is not a number is refused"
expect_body "mười" "the message names the value"
sed 's/orgUnit="DEMO-HD-01"/orgUnit="TH-THCS-NTT-PQ"/' "$XW/hd.xml" >"$XW/out.xml"
upload "$XW/out.xml"
expect_status 403 "a file with a unit outside the scope is refused"
expect_body "TH-THCS-NTT-PQ" "the message names that unit"
LOCKED=$(sql "SELECT v.id FROM agg_value v JOIN indicator i ON i.id=v.indicator_id WHERE v.unit_id=$HD AND v.period_id=$PCUR AND i.code='$IND'")
sql_exec "UPDATE agg_value SET locked=1 WHERE id=$LOCKED"
before=$(agg_sum)
upload "$XW/changed.xml" "$HD"
expect_status 400 "a change to a locked value is refused"
expect_body "đã khóa" "the message says it is locked"
upload "$XW/hd.xml" "$HD"
expect_status 200 "the locked value coming back unchanged is accepted (nothing to write)"
expect_eq "$(agg_sum)" "$before" "agg_value is unchanged after every refusal"
sql_exec "UPDATE agg_value SET locked=1 WHERE unit_id=$HD AND period_id=$PCUR"
login gv.ntt
req POST "/units/$HD/exchange/import" -H "X-CSRF-Token: $CSRF" -F "csrf=$CSRF" -F "file=@$XW/hd.xml"
expect_status 403 "a teacher may not import values"

# Command line: usage, problems, and the round trip into a fresh database.
"$VITRE" export --db "$DB" --unit PGD-HD --period 2025-2026 --format xml >/dev/null 2>&1
expect_eq "$?" "2" "vitre export with an unknown format: exit 2"
"$VITRE" import --db "$DB" --format dhis2 "$XW/unknown.json" >/dev/null 2>"$XW/err"
expect_eq "$?" "1" "vitre import of a bad file: exit 1"
grep -q 'dataValues\[0\] (dataElement .*KHONG-CO-DON-VI' "$XW/err" && ok "problems on stderr, one per line" ||
	not_ok "problems on stderr" "$(head -2 "$XW/err")"
for fmt in adx dhis2; do
	"$VITRE" export --db "$DB" --unit P-HADONG --sub --period 2025-2026 --format $fmt --out "$XW/src.$fmt" 2>/dev/null
	rm -f "$XW/fresh.db"
	"$VITRE" demo --db "$XW/fresh.db" >/dev/null 2>&1
	DB="$XW/fresh.db" sql_exec "DELETE FROM agg_value WHERE period_id=$PCUR"
	"$VITRE" import --db "$XW/fresh.db" --format $fmt "$XW/src.$fmt" >"$XW/out" 2>&1
	expect_eq "$?" "0" "vitre import --format $fmt into a fresh database: exit 0"
	"$VITRE" export --db "$XW/fresh.db" --unit P-HADONG --sub --period 2025-2026 --format $fmt --out "$XW/again.$fmt" 2>/dev/null
	if [ $fmt = adx ]; then
		a=$(grep -v exported= "$XW/src.$fmt" | sort | md5sum)
		b=$(grep -v exported= "$XW/again.$fmt" | sort | md5sum)
	else
		a=$(md5sum <"$XW/src.$fmt")
		b=$(md5sum <"$XW/again.$fmt")
	fi
	expect_eq "$b" "$a" "$fmt: export, import into a fresh database, export again gives the same values"
done
rm -rf "$XW"
