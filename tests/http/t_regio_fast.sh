# t_regio_fast.sh -- the register import's fast write path (batched
# multi-row INSERTs, deferred foreign keys, and for a large load into
# empty schools the bulk mode that drops and rebuilds the secondary
# indexes inside the transaction) leaves the database exactly as the plain
# path does (one statement per row, indexes kept: "vitre import
# --no-batch"): same rows, same ids, same indexes, integrity and foreign
# keys checked.  A file with a bad last row writes nothing even after bulk
# mode began, and leaves every index in place.

FW=$(mktemp -d)
ROWS=23000	# more than 20,000 + the demo's enrolments: bulk mode starts

# A copy of the test database (the server keeps running on it).
copy_db() {
	python3 -c 'import sqlite3,sys
s=sqlite3.connect(sys.argv[1], timeout=10); d=sqlite3.connect(sys.argv[2])
s.backup(d); d.close()' "$DB" "$1"
}

# dump DB -- every row of the register's tables (times left out: they are
# the second the import ran) and the schema, as one text.
dump() {
	python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1])
for t in ("child","guardian","child_disability","child_circumstance","enrolment","enrolment_event","reg_value"):
    cols=[r[1] for r in c.execute("PRAGMA table_info(%s)" % t) if r[1] not in ("created_at","updated_at","at","computed_at")]
    for r in c.execute("SELECT %s FROM %s ORDER BY 1, 2" % (",".join(cols), t)):
        print(t, r)
for r in c.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"):
    print(r)' "$1"
}

check_db() {	# DB -- integrity_check and foreign_key_check
	python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1])
print(c.execute("PRAGMA integrity_check").fetchone()[0], len(c.execute("PRAGMA foreign_key_check").fetchall()))' "$1"
}

count() {	# DB SQL
	python3 -c 'import sqlite3,sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$1" "$2"
}

# A primary school's list: grades 1-5, names unique with the birth date,
# some personal IDs, minorities, disabilities and special circumstances.
python3 - "$FW/list.csv" "$ROWS" <<'PY'
import sys
out, n = sys.argv[1], int(sys.argv[2])
fam = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
mid = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh"]
giv = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Mai", "Nam", "Phúc", "Quân"]
eth = ["Kinh", "Kinh", "Kinh", "Tày", "Thái", "Mường", "H'Mông"]
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("STT,Họ và tên,Giới tính,Ngày sinh,Dân tộc,Số định danh cá nhân,Lớp,Khối,"
            "Họ tên cha,Số điện thoại cha,Họ tên mẹ,Số điện thoại mẹ,Khuyết tật,"
            "Có nhu cầu học tập,Hình thức giáo dục,Hoàn cảnh đặc biệt\r\n")
    for i in range(n):
        grade = 1 + i % 5
        female = (i // 5) % 2
        by = 2020 - grade
        day = 1 + (i // 960) % 28
        month = 1 + (i // 80) % 12
        name = "%s %s %s" % (fam[i % 10], mid[(i // 10) % 8], giv[(i // 80) % 12])
        pid = ""
        if i % 3 == 0:
            pid = "0%02d%d%02d%06d" % (1 + i % 90, 2 + female, by % 100, i)
        dis = ",,"
        if i % 97 == 0:
            dis = "Vận động,Có,Hòa nhập"
        circ = "c" if i % 211 == 0 else ""
        f.write("%d,%s,%s,%02d/%02d/%d,%s,%s,%d%s,%d,%s Văn Bình,09%08d,Lê Thị Hoa,03%08d,%s,%s\r\n" % (
            i + 1, name, "Nữ" if female else "Nam", day, month, by, eth[i % 7], pid,
            grade, "ABCD"[i % 4], grade, fam[i % 10], i, i, dis, circ))
PY
head -1 "$FW/list.csv" >"$FW/bad.csv"
tail -n +2 "$FW/list.csv" >>"$FW/bad.csv"
printf '%s\r\n' "$((ROWS + 1)),Nguyễn Văn Sai,Nam,31/02/2016,Kinh,,4A,4,,,,,,,," >>"$FW/bad.csv"

copy_db "$FW/fast.db"
copy_db "$FW/plain.db"
before=$(count "$FW/fast.db" "SELECT COUNT(*) FROM child")
schema=$(count "$FW/fast.db" "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT name, sql FROM sqlite_master ORDER BY name)")

"$VITRE" import --db "$FW/fast.db" --school DEMO-HD-10 --year 2025-2026 --skip-bad "$FW/bad.csv" >"$FW/fast.out" 2>"$FW/fast.err"
"$VITRE" import --db "$FW/plain.db" --school DEMO-HD-10 --year 2025-2026 --skip-bad --no-batch "$FW/bad.csv" >"$FW/plain.out" 2>"$FW/plain.err"
expect_eq "$(grep -c "$ROWS đã ghi" "$FW/fast.out")" 1 "the fast import writes every good row ($ROWS)"
expect_eq "$(grep -c "$ROWS đã ghi" "$FW/plain.out")" 1 "and so does the plain one"
expect_eq "$(count "$FW/fast.db" "SELECT COUNT(*) FROM child") " "$((before + ROWS)) " "the children are in the register"
expect_eq "$(count "$FW/fast.db" "SELECT COUNT(*) FROM enrolment e JOIN unit u ON u.id = e.unit_id WHERE u.code = 'DEMO-HD-10'")" "$ROWS" "one enrolment each, at the school"
expect_eq "$(count "$FW/fast.db" "SELECT COUNT(*) FROM guardian g JOIN child c ON c.id = g.child_id JOIN unit u ON u.id = c.school_id WHERE u.code = 'DEMO-HD-10'")" "$((2 * ROWS))" "two guardians each"
expect_eq "$(count "$FW/fast.db" "SELECT COUNT(*) FROM child_disability d JOIN child c ON c.id = d.child_id JOIN unit u ON u.id = c.school_id WHERE u.code = 'DEMO-HD-10'")" "$(( (ROWS + 96) / 97 ))" "the disabilities"
expect_eq "$(count "$FW/fast.db" "SELECT COUNT(*) FROM child_circumstance s JOIN child c ON c.id = s.child_id JOIN unit u ON u.id = c.school_id WHERE u.code = 'DEMO-HD-10'")" "$(( (ROWS + 210) / 211 ))" "the special circumstances"
dump "$FW/fast.db" >"$FW/fast.dump"
dump "$FW/plain.db" >"$FW/plain.dump"
if cmp -s "$FW/fast.dump" "$FW/plain.dump"; then
	ok "the fast and the plain import leave the same rows, ids and indexes ($(wc -l <"$FW/fast.dump") lines compared)"
else
	not_ok "the fast and the plain import differ" "$(diff "$FW/fast.dump" "$FW/plain.dump" | head -5)"
fi
expect_eq "$(check_db "$FW/fast.db")" "ok 0" "integrity_check ok, no broken foreign key"
expect_eq "$(count "$FW/fast.db" "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT name, sql FROM sqlite_master ORDER BY name)")" "$schema" "every index is back, as it was"

# All or nothing: the bad last row comes after bulk mode began.
copy_db "$FW/none.db"
"$VITRE" import --db "$FW/none.db" --school DEMO-HD-10 --year 2025-2026 "$FW/bad.csv" >"$FW/none.out" 2>"$FW/none.err"
expect_eq "$?" 1 "a file with a bad row exits 1"
expect_body_file() { grep -q "$1" "$2" && ok "$3" || not_ok "$3" "$(head -3 "$2")"; }
expect_body_file "Dòng $((ROWS + 2))" "$FW/none.err" "the bad row is named"
expect_eq "$(count "$FW/none.db" "SELECT COUNT(*) FROM child")" "$before" "nothing is written"
expect_eq "$(count "$FW/none.db" "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT name, sql FROM sqlite_master ORDER BY name)")" "$schema" "and the indexes are all there"
expect_eq "$(check_db "$FW/none.db")" "ok 0" "integrity_check ok after the rollback"
[ -n "${KEEP_FW:-}" ] || rm -rf "$FW"
