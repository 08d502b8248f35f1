# t_rekey.sh -- key rotation ("vitre key rotate") on a copy of the test
# database: a wrong old key is refused with the reason and nothing
# changes; the right one re-seals every sealed field (case text, the
# register child's link and tag, counselling notes) in one go; a server
# with the new key then reads the cases and the notes, and one with the old
# key answers 503 like any wrong key; the audit chain stays intact.

NTT=$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")
RK_KID=$(sql "SELECT id FROM child WHERE school_id=$NTT ORDER BY id LIMIT 1")
RK_SECRET="ROTATE-$RANDOM-$RANDOM"
login gv.ntt
post_form /cases child_id="$RK_KID" source=phone received_on="$(date -d yesterday +%F)" \
	received_time=10:00 place="Sân trường" setting=school abuse_form=violence \
	narrative="$RK_SECRET" informant_name="Người báo tin"
expect_status 303 "a report about a register child to rotate"
RK_CASE=$(sql "SELECT MAX(id) FROM casefile")
login tuvan.ntt
post_form "/units/$NTT/counselling" held_on="$(date +%F)" kind=individual \
	"child_id=$RK_KID" "notes=GHI-CHU-$RK_SECRET"
expect_status 303 "a counselling session with notes to rotate"

copy=$(mktemp -d)/rotate.db
python3 -c 'import sqlite3,sys
s=sqlite3.connect(sys.argv[1]); d=sqlite3.connect(sys.argv[2]); s.backup(d); d.close()' "$DB" "$copy"
csql() { python3 -c 'import sqlite3,sys
r=sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()
print("" if r is None else r[0])' "$copy" "$1"; }
sealed_sum() { csql "SELECT (SELECT group_concat(child_name_enc || narrative_enc || place_enc || coalesce(child_ref_enc,'') || coalesce(child_tag,'') || coalesce(informant_name_enc,''), '|') FROM casefile) || (SELECT group_concat(text_enc) FROM case_step) || (SELECT group_concat(coalesce(notes_sealed,'')) FROM counselling_session) || (SELECT v FROM meta WHERE k='case_key_check')"; }
newkey=$(dirname "$copy")/new.key
wrongkey=$(dirname "$copy")/wrong.key
"$VITRE" key generate --out "$newkey" >/dev/null
"$VITRE" key generate --out "$wrongkey" >/dev/null
before=$(sealed_sum)
ab=$(csql "SELECT COUNT(*) FROM case_audit")

out=$("$VITRE" key rotate --db "$copy" --old-key "$wrongkey" --new-key "$newkey" 2>&1)
expect_eq "$?" 1 "rotating with a wrong old key fails"
printf '%s' "$out" | grep -q "the old key is not this database's key" && ok "and says why" ||
	not_ok "and says why" "$out"
expect_eq "$(sealed_sum)" "$before" "nothing changed"
out=$("$VITRE" key rotate --db "$copy" --old-key "$DB.key" --new-key "$DB.key" 2>&1)
expect_eq "$?" 1 "rotating to the same key is refused"
out=$(VITRE_CASE_KEY=zz "$VITRE" key rotate --db "$copy" --new-key "$newkey" 2>&1)
expect_eq "$?" 1 "a malformed old key in VITRE_CASE_KEY is refused"
printf '%s' "$out" | grep -q "64 hex digits" && ok "naming what a key is" || not_ok "naming what a key is" "$out"
expect_eq "$(sealed_sum)" "$before" "still nothing changed"

# A value the old key does not open stops everything.
python3 -c 'import sqlite3,sys
d=sqlite3.connect(sys.argv[1]); d.execute("UPDATE case_measure SET what_enc = ? WHERE id = (SELECT MIN(id) FROM case_measure)", ("v1:AAAA",)); d.execute("INSERT INTO case_measure (case_id, cycle, kind, owner_id, due_on, what_enc, created_by, created_at) SELECT id, 1, ?, reported_by, ?, ?, reported_by, 0 FROM casefile LIMIT 1", ("other", "2025-01-01", "v1:AAAA")); d.commit()' "$copy"
before=$(sealed_sum)
out=$("$VITRE" key rotate --db "$copy" --old-key "$DB.key" --new-key "$newkey" 2>&1)
expect_eq "$?" 1 "a field the old key cannot open stops the rotation"
printf '%s' "$out" | grep -q "does not open case_measure.what_enc of row" && ok "naming the field and row" ||
	not_ok "naming the field and row" "$out"
expect_eq "$(sealed_sum)" "$before" "and nothing changed"
python3 -c 'import sqlite3,sys
d=sqlite3.connect(sys.argv[1]); d.execute("DELETE FROM case_measure WHERE what_enc = ?", ("v1:AAAA",)); d.commit()' "$copy"
before=$(sealed_sum)

# A sealed SMTP password (any value sealed with the key will do).
python3 -c 'import sqlite3,sys
d=sqlite3.connect(sys.argv[1]); d.execute("UPDATE mail_setting SET password = (SELECT place_enc FROM casefile WHERE id = ?), password_sealed = 1", (sys.argv[2],)); d.commit()' "$copy" "$RK_CASE"
mail_before=$(csql "SELECT password FROM mail_setting")
tag_before=$(csql "SELECT child_tag FROM casefile WHERE id=$RK_CASE")
out=$("$VITRE" key rotate --db "$copy" --old-key "$DB.key" --new-key "$newkey" 2>&1)
expect_eq "$?" 0 "the right old key rotates to the new key"
printf '%s' "$out" | grep -q "re-sealed under the new key" && ok "and says so" || not_ok "and says so" "$out"
[ "$(sealed_sum)" != "$before" ] && ok "every sealed field changed" || not_ok "every sealed field changed" "same"
expect_eq "$(csql "SELECT COUNT(*) FROM casefile WHERE narrative_enc NOT LIKE 'v1:%'")" 0 "the fields are still sealed"
tag_after=$(csql "SELECT child_tag FROM casefile WHERE id=$RK_CASE")
[ -n "$tag_after" ] && [ "$tag_after" != "$tag_before" ] && ok "the child's keyed tag is recomputed" ||
	not_ok "the child's keyed tag is recomputed" "$tag_before -> $tag_after"
expect_eq "$(csql "SELECT action || ' ' || username FROM case_audit ORDER BY seq DESC LIMIT 1")" \
	"key_rotate vitre key rotate" "the rotation is in the case audit log"
expect_eq "$(csql "SELECT COUNT(*) FROM case_audit")" "$((ab + 1))" "as one entry"
[ "$(csql "SELECT password FROM mail_setting")" != "$mail_before" ] && ok "the sealed SMTP password is re-sealed" ||
	not_ok "the sealed SMTP password is re-sealed" "unchanged"
out=$("$VITRE" audit verify --db "$copy" 2>&1)
expect_eq "$?" 0 "vitre audit verify: the chain is intact after rotation"

main_db=$DB
main_base=$BASE
DB=$copy
other_server VITRE_CASE_KEY="$(cat "$newkey")"
BASE=$OTHER_BASE
login ht.ntt
req GET "/cases/$RK_CASE"
expect_status 200 "a server with the new key reads the case"
expect_body "$RK_SECRET" "its narrative"
expect_body "Người báo tin" "and the informant"
expect_body "href=\"/children/$RK_KID\"" "and the link to the register child"
req GET /cases/stats
expect_status 200 "the statistics still work"
login tuvan.ntt
req GET "/units/$NTT/counselling"
expect_body "GHI-CHU-$RK_SECRET" "and the counselling notes"
kill "$OTHER_PID"
wait "$OTHER_PID" 2>/dev/null
other_server VITRE_CASE_KEY="$(cat "$main_db.key")"
BASE=$OTHER_BASE
login ht.ntt
req GET "/cases/$RK_CASE"
expect_status 503 "a server with the old key answers 503"
expect_body "không phải khóa đã dùng" "saying it is not the key"
expect_no_body "$RK_SECRET" "and nothing of the case"
kill "$OTHER_PID"
wait "$OTHER_PID" 2>/dev/null
DB=$main_db
BASE=$main_base
# Everything, the SMTP password included, now opens with the new key: a
# second rotation from it goes through.
key3=$(dirname "$copy")/third.key
"$VITRE" key generate --out "$key3" >/dev/null
out=$("$VITRE" key rotate --db "$copy" --old-key "$newkey" --new-key "$key3" 2>&1)
expect_eq "$?" 0 "every sealed value (the SMTP password too) opens with the new key: it rotates again"
rm -rf "$(dirname "$copy")"
