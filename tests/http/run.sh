#!/usr/bin/env bash
# run.sh VITRE -- start VITRE serve on a free loopback port with a fresh demo
# database, run every tests/http/t_*.sh against it, print TAP, stop it.
set -u
VITRE=${1:?usage: run.sh path/to/vitre}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
DB=$work/test.db
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
export DB BASE VITRE

"$VITRE" serve --db "$DB" --port "$PORT" --demo --case-key "$DB.key" --threads 2 >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
	curl -s -o /dev/null "$BASE/login" && break
	sleep 0.1
done

. "$here/lib.sh"
# VITRE_HTTP_ONLY="t_reports.sh t_routes.sh" runs only those files.
if [ -n "${VITRE_HTTP_ONLY:-}" ]; then
	files=$(for f in $VITRE_HTTP_ONLY; do echo "$here/$f"; done)
else
	files=$(ls "$here"/t_*.sh)
fi
for t in $files; do
	echo "# $(basename "$t")"
	. "$t"
done

kill -TERM "$pid"
wait "$pid"
rc=$?
if [ $rc -ne 0 ]; then
	not_ok "server exited cleanly" "exit status $rc; log follows"
	cat "$work/server.log" >&2
else
	ok "server exited cleanly (no sanitizer report)"
fi
grep -q 'runtime error\|AddressSanitizer' "$work/server.log" &&
	not_ok "no sanitizer report in server log" "$(grep -m3 'runtime error\|AddressSanitizer' "$work/server.log")"
echo "1..$N"
rm -rf "$work"
[ "$FAILS" -eq 0 ]
