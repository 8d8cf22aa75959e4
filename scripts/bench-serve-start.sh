#!/usr/bin/env bash
# Service start-up (issue 2, line 1: "starts in under 2 s"): wall time from launching
# `ticket serve` until /readyz answers 200, on an empty data directory (first start: migrations,
# admin user, admin.token) and on an existing one, RUNS times each. Prints every run and the median.
# Usage: scripts/bench-serve-start.sh [runs]      (SERVE_CMD overrides the command, default target/ticket)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=${BENCH_PORT:-8796}
[ -x target/ticket ] || mvn -B -q package -DskipTests
cmd=${SERVE_CMD:-target/ticket}
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"

# one start: prints seconds until /readyz says 200, then stops the service (SIGTERM) and waits for it
start_once() {
  local data=$1 t0 t1
  t0=$(date +%s%N)
  $cmd serve --port "$port" --data "$data" --no-request-log >"$work/serve.log" 2>&1 &
  server=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; do
    kill -0 "$server" 2>/dev/null || { echo "bench-serve-start: the service exited:" >&2; cat "$work/serve.log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  kill "$server"; wait "$server" 2>/dev/null || true; server=
  awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

series() {
  local label=$1 fresh=$2 times=() i
  for i in $(seq 1 "$runs"); do
    if [ "$fresh" = yes ]; then rm -rf "$work/data"; fi
    times+=("$(start_once "$work/data")")
  done
  printf '%-34s median %5s s   runs: %s\n' "$label" \
    "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "${times[*]}"
}

echo "ticket serve start-up: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), command: $cmd serve"
series "empty data dir (first start)" yes
series "existing data dir" no
