# lib.sh -- helpers for the HTTP tests: a real vitre server on a loopback
# port, curl requests, and TAP assertions.  Sourced by tests/http/run.sh.
#
#   login USER [PASSWORD]       sign in (demo password); keeps the cookie jar;
#                               LOGIN_STATUS is the answer to the POST
#   req METHOD PATH [DATA...]   send a request as the current user; sets
#                               STATUS, BODY (and HEADERS)
#   post_form PATH k=v ...      POST a form with the CSRF token added
#   expect_status N "what"      one TAP line
#   expect_body "text" "what" / expect_no_body "text" "what"
#   expect_header "regex" "what"
#   sql "SELECT ..."            first column of the first row, from the test
#                               database (python3's sqlite3 module)

N=0
FAILS=0
JAR=""
CSRF=""

ok() {
	N=$((N + 1))
	echo "ok $N - $1"
}

not_ok() {
	N=$((N + 1))
	FAILS=$((FAILS + 1))
	echo "not ok $N - $1"
	echo "# $2" >&2
	echo "# failed: $1 -- $2" >&2
}

# req METHOD PATH [curl args...]
req() {
	local method=$1 path=$2
	shift 2
	local out hdr
	out=$(mktemp)
	hdr=$(mktemp)
	STATUS=$(curl -s -o "$out" -D "$hdr" -w '%{http_code}' -X "$method" \
		-b "$JAR" -c "$JAR" "$@" "$BASE$path")
	BODY=$(cat "$out")
	HEADERS=$(tr -d '\r' <"$hdr")
	rm -f "$out" "$hdr"
}

# Pick the CSRF token out of the last page.
grab_csrf() {
	local t
	t=$(printf '%s' "$BODY" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 |
		sed 's/.*value="//;s/"//')
	[ -n "$t" ] && CSRF=$t
}

login() {
	JAR=$(mktemp)
	req GET /login
	local tok
	tok=$(printf '%s' "$BODY" | grep -o 'name="login_token" value="[0-9a-f]*"' |
		sed 's/.*value="//;s/"//')
	req POST /login --data-urlencode "login_token=$tok" \
		--data-urlencode "username=$1" --data-urlencode "password=${2:-vitre-demo}"
	LOGIN_STATUS=$STATUS
	LOGIN_HEADERS=$HEADERS
	req GET /units
	grab_csrf
}

logout_anon() {
	JAR=$(mktemp)
	CSRF=""
}

# post_form PATH key=value ...  (values are url-encoded; csrf added)
post_form() {
	local path=$1
	shift
	local args=(--data-urlencode "csrf=$CSRF")
	local kv
	for kv in "$@"; do
		args+=(--data-urlencode "$kv")
	done
	req POST "$path" "${args[@]}"
}

expect_status() {
	if [ "$STATUS" = "$1" ]; then ok "$2"; else not_ok "$2" "status $STATUS, wanted $1"; fi
}

expect_body() {
	if printf '%s' "$BODY" | grep -qF -- "$1"; then ok "$2"; else not_ok "$2" "body lacks: $1"; fi
}

expect_no_body() {
	if printf '%s' "$BODY" | grep -qF -- "$1"; then not_ok "$2" "body has: $1"; else ok "$2"; fi
}

expect_header() {
	if printf '%s' "$HEADERS" | grep -qiE -- "$1"; then ok "$2"; else not_ok "$2" "no header matching: $1"; fi
}

# sql "SELECT ..." -- first column of the first row, via python3's sqlite3.
sql() {
	python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchone()
print("" if r is None else r[0])' "$DB" "$1"
}

# sql_exec "INSERT ..." -- run one statement on the test database and commit
# (test fixtures the demo does not have).
sql_exec() {
	python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1], timeout=10); c.execute(sys.argv[2]); c.commit()' "$DB" "$1"
}

# json_get EXPR -- evaluate a Python expression on j, the parsed BODY;
# prints the result (or "ERROR" if BODY is not JSON).
json_get() {
	printf '%s' "$BODY" | python3 -c 'import json,sys
try:
	j=json.load(sys.stdin)
except Exception:
	print("ERROR"); sys.exit(0)
print(eval(sys.argv[1]))' "$1"
}

expect_eq() {	# actual wanted "what"
	if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3" "got '$1', wanted '$2'"; fi
}

# other_server ENV... -- a second server on the same database (OTHER_PID,
# OTHER_BASE), for a run with another or no case key.
other_server() {	# ENV... -- a second server on the same database
	local port
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	env "$@" "$VITRE" serve --db "$DB" --port "$port" --threads 1 >/dev/null 2>&1 &
	OTHER_PID=$!
	OTHER_BASE=http://127.0.0.1:$port
	for _ in $(seq 100); do
		curl -s -o /dev/null "$OTHER_BASE/login" && break
		sleep 0.1
	done
}

# download PATH FILE -- GET PATH as the current user into FILE (binary
# safe); sets STATUS and HEADERS.
download() {
	local hdr
	hdr=$(mktemp)
	STATUS=$(curl -s -o "$2" -D "$hdr" -w '%{http_code}' -b "$JAR" -c "$JAR" "$BASE$1")
	HEADERS=$(tr -d '\r' <"$hdr")
	rm -f "$hdr"
}

# doc_job BASE FORMAT FILE -- POST format to BASE, follow the job page
# until it is done, download the file into FILE; DOC_JOB is the job's page.
doc_job() {
	local i
	req POST "$1" --data "csrf=$CSRF&format=$2"
	DOC_JOB=$(printf '%s' "$HEADERS" | sed -n 's/^Location: //p')
	if [ "$STATUS" != 303 ] || [ -z "$DOC_JOB" ]; then
		not_ok "POST $1 format=$2 starts a job" "status $STATUS"
		return
	fi
	for i in $(seq 300); do
		req GET "$DOC_JOB"
		case $BODY in *'data-state="done"'* | *'data-state="failed"'*) break ;; esac
		sleep 0.1
	done
	expect_body 'data-state="done"' "the $2 job ends well"
	expect_body "href=\"$DOC_JOB/file\"" "... and its page links to the file"
	download "$DOC_JOB/file" "$3"
	expect_status 200 "the $2 file downloads"
}
