#!/usr/bin/env bash
# Event-stream benchmark (SPEC 7.1): opens live event streams in steps against a fresh `ticket serve`
# and prints, at each step, the server's threads and live heap, a third party's read latency (GET a
# ticket, p50/p99) and how long a reply takes to reach the open streams (per stream p50/p99, and until
# the last stream saw it). Streams come from several loopback source addresses (127.0.0.2, .3, ...)
# to get past the ephemeral port range; the script raises its file-descriptor limit as far as the
# hard limit allows and says where it stopped.
# Each step is measured twice: as it is, and while 400 connections trickle their request headers or bodies one
# byte every 2 s (BENCH_TRICKLES=N, 0 = off; the service runs with --header-timeout 30s so that none is cut
# during the step).
# Usage: scripts/bench-streams.sh [LEVELS] [STREAMS_PER_USER]    (default 1000,5000,20000,40000 and 50)
#        BENCH_PROTO=h2c scripts/bench-streams.sh                 streams over HTTP/2 cleartext (prior knowledge),
#          BENCH_PER_CONNECTION (100) to a connection: 40,000 streams on 400 connections
#        BENCH_PG=jdbc:postgresql://127.0.0.1:5432/DB?user=postgres scripts/bench-streams.sh 5000
#          runs two nodes on that (empty) database, streams spread over both, replies posted to one.
# The client runs on the same machine (JDK single-file launcher; one NIO selector thread for HTTP/1.1, Jetty's
# HTTP/2 client for h2c).
set -euo pipefail
cd "$(dirname "$0")/.."
levels=${1:-1000,5000,20000,40000}
per_user=${2:-50}
port=${BENCH_PORT:-8797}
ticket=${TICKET:-target/ticket}   # TICKET=/path/to/another/build/ticket measures that build
[ -x "$ticket" ] || mvn -B -q package -DskipTests
cp_file=target/bench-classpath.txt   # the test class path: Jetty's HTTP/2 client
[ -s "$cp_file" ] && [ "$cp_file" -nt pom.xml ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null

# Raise the open-file limit as far as this process may: the soft limit to the hard one, and the hard one too
# where the process may (root with CAP_SYS_RESOURCE; a container may withhold it).
hard=$(ulimit -Hn)
for want in 100000 65536 45000; do
  [ "$hard" != unlimited ] && [ "$hard" -ge "$want" ] && break
  if ulimit -Hn "$want" 2>/dev/null; then hard=$want; break; fi
done
ulimit -n "$hard" 2>/dev/null || true
if [ "$hard" != unlimited ] && [ "$hard" -lt 45000 ]; then
  why="this process may not raise it (no CAP_SYS_RESOURCE here)"
else
  why="raised"
fi
echo "bench-streams: file descriptors: soft $(ulimit -n), hard $hard ($why); over HTTP/1.1 one process holds" \
  "at most that many streams"
echo "bench-streams: load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
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
  "$ticket" serve --port "$p" --data "$dir" --no-request-log --max-streams 100000 --header-timeout 30s "$@" \
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
# Jetty's HTTP/2 client and the logging API only (no logging provider: the client logs nothing). The heap is
# touched at start (AlwaysPreTouch): this JVM's first collections would otherwise pay page faults, tens of ms,
# in the middle of a timed reply.
client_cp=$(tr ':' '\n' <"$cp_file" | grep -E '/org/eclipse/jetty/|/slf4j-api-' | paste -sd:)
java -Xss256k -XX:+UseSerialGC -Xms1g -Xmx1g -XX:+AlwaysPreTouch -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -Dslf4j.internal.verbosity=WARN \
  -cp "$client_cp" scripts/StreamBench.java "$urls" "$admin" "$pid_list" \
  "$levels" "$per_user" "${BENCH_REPLIES:-30}"
echo "bench-streams: load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
