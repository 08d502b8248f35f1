# t_auth.sh -- sign-in, sessions, CSRF, rate limiting, scope of the units.

logout_anon
req GET /units
expect_status 303 "anonymous page request is sent to the sign-in page"
expect_header '^Location: /login' "redirect goes to /login"
req GET /api/units
expect_status 401 "anonymous API request gets 401"

req GET /login
expect_status 200 "sign-in page answers"
expect_body 'Đăng nhập' "sign-in page is in Vietnamese by default"
expect_header 'Set-Cookie: vitre_login=.*HttpOnly.*SameSite=Strict' "login token cookie is HttpOnly and SameSite=Strict"

JAR=$(mktemp)
req POST /login --data 'username=admin&password=vitre-demo&login_token=forged'
expect_status 403 "sign-in without the matching login token is refused"

login admin wrong-password
STATUS=$LOGIN_STATUS expect_status 401 "a wrong password is refused with 401"
req GET /units
expect_status 303 "no session after a wrong password"

login so.hanoi
expect_status 200 "province officer signs in and sees the tree"
expect_header 'Content-Security-Policy: default-src .self.' "pages carry a Content-Security-Policy"
expect_body 'Sở Giáo dục và Đào tạo Hà Nội' "the tree starts at the user's unit"
expect_no_body 'Phú Quốc' "the tree does not show another province"
printf '%s' "$(cat "$JAR")" | grep -q 'vitre_session' && ok "session cookie stored" || not_ok "session cookie stored" "jar has no vitre_session"
grep 'vitre_session' "$JAR" | grep -q '#HttpOnly_' && ok "session cookie is HttpOnly" || not_ok "session cookie is HttpOnly" "jar line not HttpOnly"

req GET /units/$(sql "SELECT id FROM unit WHERE code='TH-THCS-NTT-PQ'")
expect_status 403 "a Hà Nội officer gets 403 for a Phú Quốc school"
req GET /units/$(sql "SELECT id FROM unit WHERE code='PGD-HD'")
expect_status 200 "a Hà Nội officer sees the Hà Đông office"
req GET /units/999999
expect_status 404 "an unknown unit is 404"

req GET "/units?on=2024-06-01"
expect_body 'Phòng Giáo dục và Đào tạo quận Hà Đông' "before the reform schools sit under the district office"
req GET "/units?on=2026-01-01"
expect_body 'Phường Dương Nội' "after the reform the communes appear"
expect_no_body 'quận Hà Đông</a>' "after the reform the closed district office is gone from the tree"
req GET "/units?on=31-12-2024"
expect_status 400 "a malformed tree date is a 400"

req POST /logout --data "csrf=wrong"
expect_status 403 "sign-out with a wrong CSRF token is refused"
post_form /logout
expect_status 303 "sign-out with the CSRF token works"
req GET /units
expect_status 303 "after sign-out the session is gone"

req GET "/lang?to=en&back=/login"
req GET /login
expect_body 'Sign in' "the English switch changes the language"
req GET "/lang?to=xx"
expect_status 400 "an unknown language is a 400"
req GET "/lang?to=vi&back=//evil.example"
expect_header '^Location: /$' "the language switch never redirects off-site"

JAR=$(mktemp)
for i in 1 2 3 4 5; do login phong.quan8 not-the-password; done
login phong.quan8
STATUS=$LOGIN_STATUS expect_status 429 "after 5 failures the account is rate-limited even with the right password"
HEADERS=$LOGIN_HEADERS expect_header '^Retry-After: [0-9]+' "rate-limit answer says when to retry"
