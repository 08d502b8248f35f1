#!/usr/bin/env python3
"""dashboard_data.py DB -- add a synthetic province to a vitre demo database
for the dashboard benchmark: 30 district offices (until 2025-07-01), 100
communes (from 2025-07-01), 1,500 schools under both, values for five school
years (three calendar years for the yearly ones) of every indicator in the
catalogue -- regardless of level, to reach the load the dashboard must carry
(about 135,000 agg_value rows, split by sex) -- and a province plan with a
target for every indicator.  Everything is marked is_demo.  Prints the province id.
"""
import random
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
rnd = random.Random(20251122)
kinds = ["mn", "th", "thcs", "th_thcs", "mn", "th", "thcs", "group"]
cur = db.cursor()
cur.execute("BEGIN")
minist = cur.execute("SELECT id FROM unit WHERE code='BGDDT'").fetchone()[0]


def unit(code, kind, name):
    cur.execute("INSERT INTO unit (code, kind, name, is_demo) VALUES (?, ?, ?, 1)",
                (code, kind, name))
    return cur.lastrowid


def link(child, parent, frm="1900-01-01", to="9999-12-31", role="admin"):
    cur.execute("INSERT INTO unit_link (child_id, parent_id, role, valid_from,"
                " valid_to) VALUES (?, ?, ?, ?, ?)", (child, parent, role, frm, to))


prov = unit("BENCH-SGD", "province", "Sở GD&ĐT tỉnh Thử tải")
link(prov, minist)
districts = []
for d in range(30):
    i = unit("BENCH-PGD-%02d" % d, "district", "Phòng GD&ĐT huyện %d" % d)
    link(i, prov, to="2025-07-01")
    districts.append(i)
communes = []
for c in range(100):
    i = unit("BENCH-XA-%03d" % c, "commune", "Xã Thử %d" % c)
    link(i, prov, frm="2025-07-01")
    communes.append(i)
inds = cur.execute("SELECT id, code, period_type, by_sex FROM indicator"
                   " WHERE period_type IN ('school_year', 'year')").fetchall()
periods = {
    "school_year": [cur.execute("SELECT id FROM period WHERE code = ?",
                                ("%d-%d" % (y - 1, y),)).fetchone()[0]
                    for y in range(2022, 2027)],
    "year": [cur.execute("SELECT id FROM period WHERE code = ?",
                         (str(y),)).fetchone()[0] for y in range(2023, 2026)],
}
rows = []
for s in range(1500):
    kind = kinds[s % len(kinds)]
    i = unit("BENCH-TR-%04d" % s, kind, "Trường thử %d" % s)
    link(i, districts[s % 30], to="2025-07-01")
    link(i, communes[s % 100], frm="2025-07-01")
    link(i, prov, frm="2025-07-01", role="prof")
    for ind, code, ptype, by_sex in inds:
        for k, p in enumerate(periods[ptype]):
            den = rnd.randint(50, 400)
            num = int(den * (0.85 + 0.03 * k + rnd.uniform(-0.05, 0.05)))
            num = max(0, min(num, den))
            if by_sex:
                dm = den // 2
                nm = min(num // 2, dm)
                rows.append((i, ind, p, num, nm, num - nm, den, dm, den - dm))
            else:
                rows.append((i, ind, p, num, None, None, den, None, None))
cur.executemany("INSERT INTO agg_value (unit_id, indicator_id, period_id,"
                " num_total, num_m, num_f, den_total, den_m, den_f, entered_at,"
                " is_demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)", rows)
cur.execute("INSERT INTO plan (unit_id, number, symbol, issuer, title,"
            " period_from, period_to, is_demo, updated_at) VALUES (?, '1',"
            " 'KH-SGDĐT', 'Sở GD&ĐT tỉnh Thử tải', 'Kế hoạch thử tải', 2021,"
            " 2030, 1, 0)", (prov,))
plan = cur.lastrowid
for n, (ind, code, ptype, by_sex) in enumerate(inds):
    cur.execute("INSERT INTO plan_target (plan_id, seq, code, label,"
                " indicator_id, clause, baseline, baseline_year) VALUES"
                " (?, ?, ?, ?, ?, '', 85, 2021)",
                (plan, n, "CT%d" % n, "Chỉ tiêu %d" % n, ind))
    t = cur.lastrowid
    cur.execute("INSERT INTO target_milestone (target_id, year, cmp, value)"
                " VALUES (?, 2025, '>=', 95), (?, 2030, '>=', 99)", (t, t))
cur.execute("UPDATE meta SET v = CAST(CAST(v AS INTEGER) + 1 AS TEXT)"
            " WHERE k = 'generation'")
db.commit()
print(prov)
print("%d agg_value rows" % len(rows), file=sys.stderr)
