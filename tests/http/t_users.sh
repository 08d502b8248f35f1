# t_users.sh -- administrators manage accounts; nobody else can.

login so.hanoi
req GET /users
expect_status 403 "a province officer cannot open the user list"
post_form /users username=x.y full_name=X role=teacher unit_id=1 password=12345678
expect_status 403 "a province officer cannot create users"

login admin
req GET /users
expect_status 200 "the administrator sees the user list"
expect_body 'ht.ntt' "the list shows the demo users"
grab_csrf
before=$(sql "SELECT COUNT(*) FROM app_user")
ntt=$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")

post_form /users username='BAD NAME' full_name='Cô giáo <b>A</b>' role=teacher unit_id=$ntt password=12345678
expect_status 400 "a bad user name is refused with 400"
expect_body 'Tên đăng nhập' "the message names the user name field"
expect_body 'Cô giáo &lt;b&gt;A&lt;/b&gt;' "the form comes back with the name escaped"
post_form /users username=gv.moi full_name='Giáo viên mới' role=wizard unit_id=$ntt password=12345678
expect_status 400 "an unknown role is refused"
post_form /users username=gv.moi full_name='Giáo viên mới' role=teacher unit_id=$ntt password=short
expect_status 400 "a short password is refused"
post_form /users username=gv.moi full_name='Giáo viên mới' role=teacher unit_id=999999 password=12345678
expect_status 400 "a unit outside the scope is refused"
[ "$(sql "SELECT COUNT(*) FROM app_user")" = "$before" ] && ok "no account was written by the bad requests" || not_ok "no account was written by the bad requests" "count changed"

req POST /users --data-urlencode "username=gv.moi" --data-urlencode "full_name=X" \
	--data-urlencode "role=teacher" --data-urlencode "unit_id=$ntt" --data-urlencode "password=12345678"
expect_status 403 "creating a user without the CSRF token is refused"

post_form /users username=gv.moi full_name='Giáo viên mới' role=teacher unit_id=$ntt password=12345678
expect_status 303 "the administrator creates a teacher"
post_form /users username=gv.moi full_name='Trùng' role=teacher unit_id=$ntt password=12345678
expect_status 409 "the same user name again is a conflict"
[ "$(sql "SELECT action FROM audit_log WHERE action='user_create' ORDER BY id DESC LIMIT 1")" = user_create ] &&
	ok "the creation is in the audit log" || not_ok "the creation is in the audit log" "no audit row"

newid=$(sql "SELECT id FROM app_user WHERE username='gv.moi'")
admin_jar=$JAR; admin_csrf=$CSRF
login gv.moi 12345678
STATUS=$LOGIN_STATUS expect_status 303 "the new teacher can sign in"
JAR=$admin_jar; CSRF=$admin_csrf
post_form /users/$newid/active active=0
expect_status 303 "the administrator disables the account"
login gv.moi 12345678
STATUS=$LOGIN_STATUS expect_status 401 "a disabled account cannot sign in"
JAR=$admin_jar; CSRF=$admin_csrf
post_form /users/$newid/active active=7
expect_status 400 "a bad status value is refused"
