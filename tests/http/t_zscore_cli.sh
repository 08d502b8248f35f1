# t_zscore_cli.sh -- "vitre zscore" on small CSV files: WHO's values for
# good rows (computed in R following anthro/anthroplus), bad rows reported
# on stderr with row number and reason and still written, columns passed
# through, CRLF and BOM kept, header errors, oversized cells, --help.
# Sourced by run.sh (needs $VITRE and lib.sh); no server needed.

zdir=$(mktemp -d)

# col FILE ROW NAME -- the cell of column NAME in data row ROW (1 = first
# row after the header), read with Python's csv module.
col() {
	python3 -c 'import csv,sys
rows=list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
print(rows[int(sys.argv[2])-1].get(sys.argv[3], "NO-COLUMN"))' "$1" "$2" "$3"
}

cat >"$zdir/good.csv" <<'EOF'
id,sex,age,age_unit,weight,lenhei,measure,oedema
a,2,24.432,months,10.5,87.2,h,n
b,2,8.3,months,10.8,65.5,,n
c,1,101,months,56.8,125.6,h,n
d,2,1343,days,20.7,97.38,h,n
e,1,106.5,months,40.8,122.7,l,n
f,1,150,months,42.204,159.19,l,n
g,2,1240,days,15.1,98.2,h,n
EOF
"$VITRE" zscore "$zdir/good.csv" -o "$zdir/good.out" 2>"$zdir/good.err"
expect_eq "$?" 0 "zscore: good rows exit 0"
expect_eq "$(head -1 "$zdir/good.out")" \
	"id,sex,age,age_unit,weight,lenhei,measure,oedema,zlen,flen,zwei,fwei,zwfl,fwfl,zbmi,fbmi,zhfa,fhfa,zwfa,fwfa,zbfa,fbfa,class,class_vi,reason" \
	"zscore: header has WHO's output columns"
expect_eq "$(col "$zdir/good.out" 1 zlen) $(col "$zdir/good.out" 1 zwei) $(col "$zdir/good.out" 1 zwfl) $(col "$zdir/good.out" 1 zbmi)" \
	"0.34 -0.79 -1.49 -1.55" "zscore: under 5, standing at 24 months (R values)"
expect_eq "$(col "$zdir/good.out" 2 zwfl) $(col "$zdir/good.out" 2 fwfl) $(col "$zdir/good.out" 2 class)" \
	"4.31 0 obesity" "zscore: weight-for-length 4.31 is obesity"
expect_eq "$(col "$zdir/good.out" 3 zhfa) $(col "$zdir/good.out" 3 zwfa) $(col "$zdir/good.out" 3 zbfa) $(col "$zdir/good.out" 3 fbfa)" \
	"-0.67 4.68 6.73 1" "zscore: 5-19 years, BMI flagged above +5 (R values)"
expect_eq "$(col "$zdir/good.out" 3 zlen)" "" "zscore: no 2006 z-score for a 5-19 row"
expect_eq "$(col "$zdir/good.out" 4 zlen) $(col "$zdir/good.out" 4 zwfl)" "-0.72 3.77" \
	"zscore: age in days (R values)"
expect_eq "$(col "$zdir/good.out" 5 zhfa) $(col "$zdir/good.out" 5 zbfa) $(col "$zdir/good.out" 5 class)" \
	"-1.54 3.81 obesity" "zscore: 5-19, fractional month interpolated (R values)"
expect_eq "$(col "$zdir/good.out" 6 zwfa) $(col "$zdir/good.out" 6 zbfa)" " -0.64" \
	"zscore: no weight-for-age after 120 months"
expect_eq "$(col "$zdir/good.out" 7 zlen) $(col "$zdir/good.out" 7 class_vi)" "-0.01 bình thường" \
	"zscore: Vietnamese class"
expect_eq "$(wc -c <"$zdir/good.err")" 0 "zscore: nothing on stderr for good rows"

# Bad rows: reported with row number (header = row 1), written anyway.
cat >"$zdir/bad.csv" <<'EOF'
name,sex,birth_date,visit_date,weight,lenhei,measure,oedema
"Lê, Văn A",1,2022-03-01,2024-03-01,12.1,86.5,h,n
B,,2022-03-01,2024-03-01,12.1,86.5,h,n
C,2,2024-05-01,2024-03-01,9,70,l,n
D,1,2023-01-01,2024-03-01,0,75,l,n
E,1,2023-01-01,2024-03-01,3,40,l,n
F,1,2023-01-01,2024-03-31,abc,75,l,n
G,1,2023-01-01,2024-03-01,9.5,75,x,n
H,2,2023-06-01,2024-03-01,7.5,68,l,y
EOF
"$VITRE" zscore <"$zdir/bad.csv" >"$zdir/bad.out" 2>"$zdir/bad.err"
expect_eq "$?" 1 "zscore: bad rows exit 1"
expect_eq "$(grep -c . "$zdir/bad.out")" 9 "zscore: every row written"
expect_eq "$(col "$zdir/bad.out" 1 name) $(col "$zdir/bad.out" 1 zwei)" "Lê, Văn A -0.04" \
	"zscore: quoted field passes through, good row computed (R value)"
if grep -q 'dòng/row 3: zlen, zwei, zwfl, zbmi: thiếu giới tính (sex) / sex is missing' "$zdir/bad.err"; then
	ok "zscore: missing sex reported with its row"
else
	not_ok "zscore: missing sex reported with its row" "$(cat "$zdir/bad.err")"
fi
expect_eq "$(col "$zdir/bad.out" 2 zlen)" "" "zscore: missing sex gives no z-score"
grep -q 'dòng/row 4: .*visit_date is before birth_date' "$zdir/bad.err" &&
	ok "zscore: visit before birth reported" || not_ok "zscore: visit before birth reported" "$(cat "$zdir/bad.err")"
grep -q 'dòng/row 5: zwei, zwfl, zbmi: cân nặng (weight) phải lớn hơn 0 / weight must be above 0' "$zdir/bad.err" &&
	ok "zscore: weight 0 reported" || not_ok "zscore: weight 0 reported" "$(cat "$zdir/bad.err")"
expect_eq "$(col "$zdir/bad.out" 4 zwei)|$(col "$zdir/bad.out" 4 zlen)" "|-1.22" \
	"zscore: weight 0 leaves zwei empty, zlen computed"
grep -q 'dòng/row 6: zwfl: .*outside the weight-for-length table' "$zdir/bad.err" &&
	ok "zscore: length outside the table reported" || not_ok "zscore: length outside the table reported" "$(cat "$zdir/bad.err")"
grep -q 'dòng/row 7: weight "abc": không phải số (kg) / not a number (kg)' "$zdir/bad.err" &&
	ok "zscore: unreadable weight reported" || not_ok "zscore: unreadable weight reported" "$(cat "$zdir/bad.err")"
grep -q 'dòng/row 8: measure "x": .* / must be l (lying) or h (standing)' "$zdir/bad.err" &&
	ok "zscore: unknown measure reported" || not_ok "zscore: unknown measure reported" "$(cat "$zdir/bad.err")"
expect_eq "$(col "$zdir/bad.out" 7 zlen)" "" "zscore: a row with a bad value has no z-scores"
expect_eq "$(col "$zdir/bad.out" 8 zwei)|$(col "$zdir/bad.out" 8 class)" \
	"|severe_underweight;severe_wasting" "zscore: oedema counts as severe, no weight z"
grep -q 'dòng/row 9' "$zdir/bad.err" && not_ok "zscore: oedema is not an error" "row 9 reported" ||
	ok "zscore: oedema is not an error"
grep -q '6 of 8 rows bad' "$zdir/bad.err" && ok "zscore: summary line" ||
	not_ok "zscore: summary line" "$(tail -1 "$zdir/bad.err")"

# CRLF, BOM and a replaced output column are kept / replaced.
printf '\xef\xbb\xbfSex,Age,Age_Unit,Weight,Lenhei,zlen\r\n1,12,months,9.6,75.7391,old\r\n' >"$zdir/crlf.csv"
"$VITRE" zscore "$zdir/crlf.csv" >"$zdir/crlf.out" 2>/dev/null
expect_eq "$?" 0 "zscore: CRLF and BOM input"
expect_eq "$(head -c 3 "$zdir/crlf.out" | od -An -tx1 | tr -d ' ')" "efbbbf" "zscore: BOM kept"
expect_eq "$(sed -n 2p "$zdir/crlf.out" | od -An -c | tr -s ' ' | grep -c '\\r \\n')" 1 "zscore: CRLF kept"
expect_eq "$(grep -c old "$zdir/crlf.out")" 0 "zscore: an input zlen column is replaced"
expect_eq "$(col "$zdir/crlf.out" 1 zlen)" "0.00" "zscore: median length gives 0.00"

# Header errors: exit 2 naming the column.
printf 'sex,age,weight,lenhei\n1,12,9,75\n' >"$zdir/nounit.csv"
"$VITRE" zscore "$zdir/nounit.csv" >/dev/null 2>"$zdir/nounit.err"
expect_eq "$?" 2 "zscore: missing age_unit column exits 2"
grep -q 'the header lacks column age_unit' "$zdir/nounit.err" &&
	ok "zscore: message names age_unit" || not_ok "zscore: message names age_unit" "$(cat "$zdir/nounit.err")"
printf 'sex,birth_date,visit_date,lenhei\n' >"$zdir/noweight.csv"
"$VITRE" zscore "$zdir/noweight.csv" >/dev/null 2>"$zdir/noweight.err"
expect_eq "$?" 2 "zscore: missing weight column exits 2"
grep -q 'thiếu cột weight' "$zdir/noweight.err" &&
	ok "zscore: message names weight" || not_ok "zscore: message names weight" "$(cat "$zdir/noweight.err")"
: >"$zdir/empty.csv"
"$VITRE" zscore "$zdir/empty.csv" >/dev/null 2>&1
expect_eq "$?" 2 "zscore: empty input exits 2"

# A cell over 64 KiB is refused with its row.
python3 -c 'print("sex,age,age_unit,weight,lenhei,note"); print("1,12,months,9,75," + "x" * 70000)' >"$zdir/huge.csv"
"$VITRE" zscore "$zdir/huge.csv" >/dev/null 2>"$zdir/huge.err"
expect_eq "$?" 2 "zscore: huge cell exits 2"
grep -q 'Row 2, column 6 (F): The cell is too long' "$zdir/huge.err" &&
	ok "zscore: huge cell names row and field" || not_ok "zscore: huge cell names row and field" "$(cat "$zdir/huge.err")"

"$VITRE" zscore --bogus >/dev/null 2>&1
expect_eq "$?" 2 "zscore: unknown option exits 2"
"$VITRE" zscore --help >"$zdir/help.txt"
grep -q 'zlen flen zwei fwei zwfl fwfl zbmi fbmi' "$zdir/help.txt" && grep -q 'Exit status' "$zdir/help.txt" &&
	ok "zscore: --help documents columns and exit status" || not_ok "zscore: --help documents columns and exit status" "$(head -5 "$zdir/help.txt")"
rm -rf "$zdir"
