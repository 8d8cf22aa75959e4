#!/usr/bin/env bash
# API benchmark: req/s and latency percentiles for reading a ticket, listing tickets, and posting
# (durable) messages, against a fresh `ticket serve` on SQLite. Needs wrk (apt-get install wrk).
# Each case first runs for WARMUP seconds unmeasured (the service's JIT compiles the hot path in
# the first seconds; a long-running service is measured warm), then for SECS seconds measured.
# wrk runs on the same machine, so it takes part of the CPU; the server's own CPU time per
# request is printed too (from /proc), which does not depend on that.
# Usage: scripts/bench-api.sh [seconds-per-case] [connections] [warm-up seconds]
# BENCH_DB=jdbc:postgresql://...: the service on that PostgreSQL database (an empty one: --dev fills it)
# instead of SQLite.
# The service runs through target/ticket (the launcher's flags for serve); JAVA_OPTS adds JVM options.
# TICKET=PATH runs another build's launcher instead (e.g. one built from an older commit in a scratch worktree),
# for a before/after: run the script once with each, back to back.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
conns=${2:-32}
warmup=${3:-20}
port=${BENCH_PORT:-8798}
command -v wrk >/dev/null || { echo "bench-api: needs wrk (apt-get install wrk)" >&2; exit 2; }
ticket=${TICKET:-target/ticket}
[ -n "${TICKET:-}" ] || [ -x target/ticket ] || mvn -B -q package -DskipTests

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
# the shipped launcher, as a user runs the service (JAVA_OPTS adds JVM options)
# --write-rate 0: the post case is one user writing thousands a second, past the default 6,000 a minute
"$ticket" serve --dev --port "$port" --no-request-log --write-rate 0 ${BENCH_DB:+--db "$BENCH_DB"} \
  >"$work/serve.log" 2>&1 &
server=$!
# --dev saves the demo profiles just after it starts listening: wait for them, not for /healthz
for _ in $(seq 1 300); do
  grep -q "saved CLI profiles" "$work/serve.log" 2>/dev/null && break
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

cat >"$work/open.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
local words = {"Ошибка", "оплаты", "счёт", "Payment", "failed", "канал", "Telegram", "offline"}
request = function()
  n = n + 1
  local title = words[n % 8 + 1] .. " " .. words[(n * 7) % 8 + 1] .. " " .. n
  return wrk.format(nil, "/api/v1/tickets", nil, '{"title":"' .. title .. '","body":"What happened: step ' .. n .. '"}')
end
LUA

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }

run() {
  local name=$1; shift
  local out before after
  wrk -t2 -c"$conns" -d"${warmup}s" -H "$auth" "$@" >/dev/null
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -H "$auth" "$@")
  after=$(cpu_ticks)
  local rps p50 p99 errors cpu requests
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr '\n' ' ' || true)
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  cpu=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.0f", (n > 0 ? t / hz / n * 1e6 : 0) }')
  printf '%-28s %10s req/s   p50 %8s   p99 %8s   server CPU %4s us/req  %s\n' \
    "$name" "$rps" "$p50" "$p99" "$cpu" "$errors"
}

store="SQLite, synchronous=FULL"
if [ -n "${BENCH_DB:-}" ]; then
  store="PostgreSQL $(psql -XtAc 'SHOW server_version' "${BENCH_DB#jdbc:}"), synchronous_commit $(psql -XtAc \
    'SHOW synchronous_commit' "${BENCH_DB#jdbc:}"), on this machine"
fi
echo "ticket API benchmark: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)),"
echo "  load average $(cut -d' ' -f1-3 /proc/loadavg) before start; wrk -t2 -c$conns, ${warmup}s warm-up +" \
  "${secs}s measured per case; $store (every acknowledged post is on disk)"
run "GET /tickets/{id}" "$api/tickets/1"
run "GET /tickets (30 per page)" "$api/tickets"
run "POST /tickets/{id}/messages" -s "$work/post.lua" "http://127.0.0.1:$port"
run "POST /tickets (durable)" -s "$work/open.lua" "http://127.0.0.1:$port"
