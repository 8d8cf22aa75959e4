#!/usr/bin/env bash
# CLI start-up benchmark (issue 3 item 9): `ticket --version` and `ticket list` (30 tickets, against a
# local `ticket serve`) beside a bare JVM hello world, in rounds (every case once a round). Prints medians and ratios, the
# machine's cores and its load average before and after.
# Usage: scripts/bench-startup.sh [runs]     (builds target/ticket if missing)
#   BASELINE=/path/to/other/target/ticket scripts/bench-startup.sh   also times another build's launcher
#   (e.g. one built from an older commit in a scratch worktree), in the same run, for a before/after.
#   Several, separated by spaces, are each named by the folder above their target/ (e.g. "baseline list (base)").
# It also times this build's launcher copied away from its class-data archive (target/ticket.jsa).
# Run it under the exclusive lock so no build shares the CPU: flock -x /tmp/ticket-quiet.lock scripts/bench-startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
port=${BENCH_PORT:-8797}
[ -x target/ticket ] || mvn -B -q package -DskipTests
[ -f target/ticket.jsa ] || echo "bench-startup: no target/ticket.jsa (built with -Dcds.skip?): timing without it" >&2
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
java -jar target/ticket-0.1.0.jar serve --dev --port "$port" --no-request-log >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  grep -q "saved CLI profiles" "$work/serve.log" 2>/dev/null && break
  sleep 0.1
done
for i in $(seq 1 30); do
  target/ticket new -t "Benchmark ticket $i" -m "What happened: step $i failed" -q >/dev/null
done
# Warm the service's JIT first, so the timings are the CLI's start-up and not a cold server's.
token=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["profiles"]["default"]["token"])' \
  "$XDG_CONFIG_HOME/ticket/config.json")
for _ in $(seq 1 300); do
  curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/tickets?limit=31"
  curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/me"
done

mkdir -p "$work/hello"
cat >"$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"

# the same JVM flags as target/ticket's launcher gives short commands, so only the program differs
flags="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto"
# also with the JVM's defaults, the plainest reading of "a bare JVM": on the build machines it starts no slower
cases=("hello" "java $flags -cp $work/hello Hello"
       "hello, JVM defaults" "java -cp $work/hello Hello"
       "ticket --version" "target/ticket --version"
       "ticket list" "target/ticket list")
# the same build without its class-data archive beside it, to show what the archive is worth
mkdir -p "$work/no-archive"
cp target/ticket "$work/no-archive/ticket"
cases+=("ticket list, no archive" "$work/no-archive/ticket list")
# shellcheck disable=SC2086
set -- ${BASELINE:-}
for baseline in "$@"; do
  name=baseline
  [ $# -gt 1 ] && name="baseline ($(basename "$(dirname "$(dirname "$baseline")")"))"
  cases+=("$name --version" "$baseline --version" "$name list" "$baseline list")
done
# Round robin, not one case after the other: each round runs every case once, in a shuffled order, so a load that
# drifts during the bench (a shared machine) weighs on every case alike rather than on whichever ran last.
python3 - "$runs" "${cases[@]}" <<'PY'
import os, random, resource, shlex, statistics, subprocess, sys, time
runs = int(sys.argv[1])
cases = list(zip(sys.argv[2::2], sys.argv[3::2]))
# each case its own cache folder (kept hours, who am I): one build's files must not decide another's timings
envs = {name: dict(os.environ, XDG_CACHE_HOME=f"{os.environ['XDG_CACHE_HOME']}/case{i}") for i, (name, _) in enumerate(cases)}
wall = {name: [] for name, _ in cases}
cpu = {name: [] for name, _ in cases}
for round in range(3 + runs):   # three rounds of warm-up, not counted
    order = cases[:]
    random.shuffle(order)
    for name, command in order:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                       env=envs[name])
        took = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if round >= 3:
            wall[name].append(took)
            cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
print(f"load average after: {open('/proc/loadavg').read().split()[0:3]}")
hello = statistics.median(wall["hello"])
hello_cpu = statistics.median(cpu["hello"])
# CPU time (user + system) as well: on a busy machine the wall clock mostly measures the queue for a core
print(f"{runs} rounds, each case once a round in a shuffled order")
print("| case | median ms | mean ± sd ms | x bare JVM (median) | CPU ms (median) | x bare JVM (CPU) |")
print("|---|---|---|---|---|---|")
for name, _ in cases:
    w, c = wall[name], cpu[name]
    print(f"| {name} | {statistics.median(w) * 1000:.1f} | {statistics.mean(w) * 1000:.1f} ± {statistics.stdev(w) * 1000:.1f} "
          f"| {statistics.median(w) / hello:.2f} | {statistics.median(c) * 1000:.0f} | {statistics.median(c) / hello_cpu:.2f} |")
PY
