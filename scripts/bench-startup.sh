#!/usr/bin/env bash
# CLI start-up benchmark (issue 3 item 9): `ticket --version` and `ticket list` (30 tickets, against a
# local `ticket serve`) beside a bare JVM hello world, with hyperfine. Prints medians and ratios.
# Usage: scripts/bench-startup.sh [runs]     (needs hyperfine; builds target/ticket if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
port=${BENCH_PORT:-8797}
command -v hyperfine >/dev/null || { echo "bench-startup: needs hyperfine" >&2; exit 2; }
[ -x target/ticket ] || mvn -B -q package -DskipTests

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
java -jar target/ticket-0.1.0.jar serve --dev --port "$port" --no-request-log >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  grep -q "saved CLI profiles" "$work/serve.log" 2>/dev/null && break
  sleep 0.1
done
for i in $(seq 1 30); do
  target/ticket new -t "Benchmark ticket $i" -m "What happened: step $i failed" -q >/dev/null
done

mkdir -p "$work/hello"
cat >"$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"

# the same JVM flags as target/ticket's launcher, so only the program differs
flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/bench.json" \
  -n hello "java $flags -cp $work/hello Hello" \
  -n "ticket --version" "target/ticket --version" \
  -n "ticket list" "target/ticket list" >&2
python3 - "$work/bench.json" <<'PY'
import json, sys
results = {r["command"]: r["median"] * 1000 for r in json.load(open(sys.argv[1]))["results"]}
hello = results["hello"]
print("| case | median ms | x bare JVM |")
print("|---|---|---|")
for name, ms in results.items():
    print(f"| {name} | {ms:.1f} | {ms / hello:.1f} |")
PY
