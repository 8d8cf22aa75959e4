#!/usr/bin/env bash
# The floor under the service's HTTP/1.1 event fan-out on this machine, without Jetty: how fast can one small
# frame (~460 bytes: an SSE event in an HTTP/1.1 chunk, as the service writes it) reach N loopback connections,
# one write per connection, with the reading client on the same machine? scripts/bench-streams.sh measures the
# service doing this; this measures plain NIO doing only this (scripts/LoopbackFloor.java: a server with WRITERS
# writer threads, SO_SNDBUF 64 KiB like the service; a client with READERS selector threads, like StreamBench).
# Each row: per-connection delivery p50/p99 (ms from the server's trigger to the client reading the frame),
# time until the last connection had it p50/p99/max, the server's CPU per round (user+sys, and sys) and the
# client's, over ROUNDS rounds 100 ms apart after 10 warm-up rounds; the load average before -> after.
# It exists to tell which part of bench-streams' delivery time is the service and which part this machine (two
# shared cores; a loopback write also pays for delivery into the reader's socket and waking its epoll).
# Usage: scripts/bench-loopback-floor.sh [COUNTS] [WRITERS] [READERS]   (default 1000,5000  1,2  1,2)
#        FLOOR_REPEATS (2) runs of each configuration, FLOOR_ROUNDS (30), FLOOR_PORT (18641)
# Run it alone: flock -x /tmp/ticket-quiet.lock scripts/bench-loopback-floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
counts=${1:-1000,5000}
writers=${2:-1,2}
readers=${3:-1,2}
port=${FLOOR_PORT:-18641}
ulimit -n "$(ulimit -Hn)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" scripts/LoopbackFloor.java
jvm=(java -Xss256k -XX:+UseSerialGC -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp "$work" LoopbackFloor)

echo -n "loopback-floor: $(nproc) cores; "
"${jvm[@]}" header
for n in ${counts//,/ }; do
  for w in ${writers//,/ }; do
    for t in ${readers//,/ }; do
      for _ in $(seq 1 "${FLOOR_REPEATS:-2}"); do
        "${jvm[@]}" server "$port" "$n" "$w" &
        server=$!
        "${jvm[@]}" client "$port" "$n" "$t" "${FLOOR_ROUNDS:-30}" 10 || kill "$server"
        wait "$server"
      done
    done
  done
done
