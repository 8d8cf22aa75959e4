#!/usr/bin/env bash
# Event-stream benchmark (SPEC 7.1): opens live event streams in steps against a fresh `ticket serve`
# and prints, at each step, the server's threads and live heap, a third party's read latency (GET a
# ticket, p50/p99) and how long a reply takes to reach the open streams (per stream p50/p99, and until
# the last stream saw it). Streams come from several loopback source addresses (127.0.0.2, .3, ...)
# to get past the ephemeral port range; the script raises its file-descriptor limit as far as the
# hard limit allows and says where it stopped.
# Usage: scripts/bench-streams.sh [LEVELS] [STREAMS_PER_USER]    (default 1000,5000,20000,40000 and 50)
#        BENCH_PG=jdbc:postgresql://127.0.0.1:5432/DB?user=postgres scripts/bench-streams.sh 5000
#          runs two nodes on that (empty) database, streams spread over both, replies posted to one.
# The client runs on the same machine (JDK single-file launcher, one NIO selector thread).
set -euo pipefail
cd "$(dirname "$0")/.."
levels=${1:-1000,5000,20000,40000}
per_user=${2:-50}
port=${BENCH_PORT:-8797}
[ -x target/ticket ] || mvn -B -q package -DskipTests

hard=$(ulimit -Hn)
ulimit -n "$hard" 2>/dev/null || true
echo "bench-streams: file descriptors: soft $(ulimit -n), hard $hard (one process holds at most that many streams)"
for i in 2 3 4; do
  ping -c1 -W1 "127.0.0.$i" >/dev/null 2>&1 || true
done

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/config"

start_node() { # port data-dir [--db URL]
  local p=$1 dir=$2; shift 2
  target/ticket serve --port "$p" --data "$dir" --no-request-log --max-streams 100000 "$@" \
    >"$dir.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 600); do
    grep -q "listening on" "$dir.log" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench-streams: the service did not start:" >&2; cat "$dir.log" >&2; exit 1
}

urls="http://127.0.0.1:$port"
if [ -n "${BENCH_PG:-}" ]; then
  start_node "$port" "$work/node1" --db "$BENCH_PG"
  start_node "$((port + 1))" "$work/node2" --db "$BENCH_PG"
  urls="$urls,http://127.0.0.1:$((port + 1))"
  token_file="$work/node1/admin.token"
  [ -f "$token_file" ] || token_file="$work/node2/admin.token"
else
  start_node "$port" "$work/node1"
  token_file="$work/node1/admin.token"
fi
admin=$(cat "$token_file")
pid_list=$(IFS=,; echo "${pids[*]}")
echo "bench-streams: $(nproc) cores; service pid(s) $pid_list; levels $levels; $per_user streams per user"
java -Xss256k -XX:+UseSerialGC -Xmx1g scripts/StreamBench.java "$urls" "$admin" "$pid_list" "$levels" "$per_user"
