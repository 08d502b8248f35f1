#!/usr/bin/env bash
# dashboard.sh [VITRE] -- the province dashboard under load: a province of
# 1,500 schools (bench/dashboard_data.py, ~135k values), 64 connections on
# the server's 2 threads for 10 s with wrk; prints the latency of the first
# (cold) request, which computes the roll-up, and the wrk percentiles of
# the warm ones, then the same while a writer bumps the data generation
# every second (every bump forces a recomputation).  Goal: p99 < 50 ms.
# Needs wrk (VITRE_BENCH=1 scripts/install-deps).
set -eu
VITRE=${1:-build/rel/vitre}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
DB=$work/bench.db
"$VITRE" demo --db "$DB" >/dev/null
PROV=$(python3 "$here/dashboard_data.py" "$DB")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
"$VITRE" serve --db "$DB" --port "$PORT" --threads 2 >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -s -o /dev/null "$BASE/login" && break; sleep 0.1; done
JAR=$work/jar
tok=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="login_token" value="[0-9a-f]*"' | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "login_token=$tok" \
	--data-urlencode username=admin --data-urlencode password=vitre-demo "$BASE/login"
COOKIE="vitre_session=$(awk '$6 == "vitre_session" { print $7 }' "$JAR")"
URL=$BASE/units/$PROV/dashboard

echo "dashboard of a province with 1,500 schools: $URL"
curl -s -o /dev/null -b "$COOKIE" -w 'cold (roll-up computed): %{time_total} s, %{size_download} bytes\n' "$URL"
curl -s -o /dev/null -b "$COOKIE" -w 'warm (cached): %{time_total} s\n' "$URL"
echo "--- 64 connections, 10 s, cached"
wrk -t2 -c64 -d10s --latency -H "Cookie: $COOKIE" "$URL" | sed -n '/Latency Distribution/,/Requests\/sec/p'
echo "--- 64 connections, 10 s, the data generation bumped every second"
( for _ in $(seq 9); do
	sleep 1
	python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1], timeout=10); c.execute("UPDATE meta SET v = CAST(CAST(v AS INTEGER)+1 AS TEXT) WHERE k=\"generation\""); c.commit()' "$DB"
done ) &
writer=$!
wrk -t2 -c64 -d10s --latency -H "Cookie: $COOKIE" "$URL" | sed -n '/Latency Distribution/,/Requests\/sec/p'
wait $writer
