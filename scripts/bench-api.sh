#!/usr/bin/env bash
# API benchmark: req/s and latency percentiles for reading a ticket, listing tickets, and posting
# (durable) messages, against a fresh `ticket serve` on SQLite. Needs wrk (apt-get install wrk).
# Usage: scripts/bench-api.sh [seconds-per-case] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
conns=${2:-32}
port=${BENCH_PORT:-8798}
command -v wrk >/dev/null || { echo "bench-api: needs wrk (apt-get install wrk)" >&2; exit 2; }
[ -f target/ticket-0.1.0.jar ] || mvn -B -q package -DskipTests

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
java ${BENCH_JAVA_OPTS:-} -jar target/ticket-0.1.0.jar serve --dev --port "$port" --no-request-log >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done
token=$(sed -n 's/.*"token" : "\(tkt_[^"]*\)".*/\1/p' "$XDG_CONFIG_HOME/ticket/config.json" | tail -n 1)
api="http://127.0.0.1:$port/api/v1"
auth="Authorization: Bearer $token"
for i in $(seq 1 200); do
  curl -sf -XPOST "$api/tickets" -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Benchmark ticket $i\",\"body\":\"What happened: step $i failed\"}" >/dev/null
done
for i in $(seq 1 10); do
  curl -sf -XPOST "$api/tickets/1/messages" -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"body\":\"message $i\"}" >/dev/null
done

cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local id = (n % 200) + 1
  return wrk.format(nil, "/api/v1/tickets/" .. id .. "/messages", nil, '{"body":"benchmark message ' .. n .. '"}')
end
LUA

run() {
  local name=$1; shift
  local out
  out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -H "$auth" "$@")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr '\n' ' ' || true)
  printf '%-28s %10s req/s   p50 %8s   p99 %8s  %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
}

echo "ticket API benchmark: $(nproc) cores, wrk -t2 -c$conns -d${secs}s, SQLite (synchronous=FULL)"
run "GET /tickets/{id}" "$api/tickets/1"
run "GET /tickets (30 per page)" "$api/tickets"
run "POST /tickets/{id}/messages" -s "$work/post.lua" "http://127.0.0.1:$port"
