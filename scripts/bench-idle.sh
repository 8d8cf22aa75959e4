#!/usr/bin/env bash
# Idle CPU: how much of one core an idle `ticket serve` and an idle chat view (`ticket tui` on a real
# pty, made by util-linux `script`) use over SECS seconds, from /proc/PID/stat (utime + stime).
# Both are started, left to settle for SETTLE seconds, then measured while nothing happens.
# Usage: scripts/bench-idle.sh [SECS] [SETTLE]
set -euo pipefail
[ -n "${BENCH_DEBUG:-}" ] && set -x
cd "$(dirname "$0")/.."
secs=${1:-10}
settle=${2:-5}
port=${BENCH_PORT:-8797}
[ -x target/ticket ] || mvn -B -q package -DskipTests
command -v script >/dev/null || { echo "bench-idle: needs script (util-linux)" >&2; exit 2; }

work=$(mktemp -d)
server=""
viewer=""
cleanup() {
  [ -n "$viewer" ] && kill "$viewer" 2>/dev/null
  [ -n "$server" ] && kill "$server" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
target/ticket serve --dev --port "$port" --no-request-log >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  grep -q "saved CLI profiles" "$work/serve.log" 2>/dev/null && break
  sleep 0.1
done
id=$(target/ticket new --json id -t "Idle benchmark" -m "A ticket for the chat view to show" | tr -dc 0-9)
sleep "$settle"

ticks() { # utime + stime of a process, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}
measure() { # percent of one core used by PID over $secs seconds
  local before after hz
  hz=$(getconf CLK_TCK)
  before=$(ticks "$1")
  sleep "$secs"
  after=$(ticks "$1")
  awk -v t=$((after - before)) -v hz="$hz" -v s="$secs" 'BEGIN { printf "%.2f%% of a core (%d ticks of 1/%d s in %d s)", 100 * t / hz / s, t, hz, s }'
}

echo "ticket serve, idle:        $(measure "$server")"

# the chat view on a 120x40 pty, its input kept open (and silent) by a sleeping writer
sleep $((settle + secs + 30)) | script -qfc "stty cols 120 rows 40; exec target/ticket tui $id" /dev/null \
  >"$work/tui.out" 2>&1 &
viewer=$!
java_pid=""
for _ in $(seq 1 100); do # the java process under script (the launcher may exec it or run it as a child)
  for pid in $(pgrep -P "$(pgrep -d, -f "script -qfc stty cols 120" || echo 0)" 2>/dev/null) ; do
    for p in "$pid" $(pgrep -P "$pid" 2>/dev/null); do
      [ "$(cat /proc/"$p"/comm 2>/dev/null)" = java ] && java_pid=$p
    done
  done
  [ -n "$java_pid" ] && break
  sleep 0.1
done
[ -n "$java_pid" ] || { echo "bench-idle: the chat view did not start" >&2; exit 1; }
for _ in $(seq 1 300); do # drawn: the ticket is on the screen
  grep -q "Idle benchmark" "$work/tui.out" 2>/dev/null && break
  sleep 0.1
done
grep -q "Idle benchmark" "$work/tui.out" || { echo "bench-idle: the chat view shows no ticket:" >&2; tail -c 300 "$work/tui.out" | tr -d "\033" >&2; exit 1; }
sleep "$settle"
echo "ticket tui (chat view):    $(measure "$java_pid")"
