#!/usr/bin/env bash
# run.sh VITRE -- the browser test: Debian's Chromium driven by
# playwright-core signs in, opens a plan and the dashboard, and saves
# screenshots in tests/browser/out/.  Prints TAP.
set -u
VITRE=${1:?usage: run.sh path/to/vitre}
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules/playwright-core" ]; then
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2 || {
		echo "not ok 1 - npm ci (playwright-core) failed"
		exit 1
	}
fi
work=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$VITRE" serve --db "$work/b.db" --port "$PORT" --demo --threads 2 >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
	curl -s -o /dev/null "http://127.0.0.1:$PORT/login" && break
	sleep 0.1
done
mkdir -p "$here/out"
BASE=http://127.0.0.1:$PORT OUT=$here/out node "$here/test.mjs"
rc=$?
kill -TERM "$pid"
wait "$pid"
rm -rf "$work"
exit $rc
