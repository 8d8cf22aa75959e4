#!/usr/bin/env bash
# Attachment benchmark: `ticket attach` uploads a file of SIZE_MIB (default 1024 = 1 GiB) to a fresh
# `ticket serve` whose limit is raised with --max-file-size, then `ticket download` fetches it back
# (SHA-256 checked). Server and both CLI runs get -Xmx64m; prints MB/s (10^6 bytes, wall clock of the
# whole command, JVM start included), the CPU seconds each side spent (on a shared machine the wall
# clock mostly measures the queue for a core; CPU time does not), and each JVM's peak heap (largest
# "used before GC" in -Xlog:gc, and the heap in use at exit).
# Usage: scripts/bench-attachments.sh [SIZE_MIB]      (needs ~3x SIZE_MIB of free disk under $TMPDIR)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
heap=${BENCH_HEAP:-64m}
[ -f target/ticket-0.1.0.jar ] || mvn -B -q package -DskipTests
jar=$PWD/target/ticket-0.1.0.jar

work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"
bytes=$((size_mib * 1024 * 1024))

echo "bench-attachments: writing a ${size_mib} MiB file of random bytes..."
head -c "$bytes" /dev/urandom >"$work/big.bin"

# The JVM flags, stated: both sides run `java -Xmx$heap -jar` with the JVM's default (tiered C1+C2)
# compilers. target/ticket's launcher is not used: a C1-only JVM (-XX:TieredStopAtLevel=1) computes
# SHA-256 about 10x slower (no C2 intrinsic), which would dominate both directions.
flags="-Xmx$heap, default tiered JIT (C1+C2) and GC (G1 on 2 cores), java -jar $(basename "$jar")"
echo "bench-attachments: $(java -version 2>&1 | head -1); $(nproc) cores: $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
echo "bench-attachments: service and CLI flags: $flags; files under $work ($(df -T "$work" | awk 'NR==2 {print $2}'))"
echo "bench-attachments: load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx"$heap" -Xlog:gc:file="$work/serve-gc.log" -Xlog:gc+heap+exit:file="$work/serve-exit.log" \
  -jar "$jar" serve --port 0 --data "$work/data" --max-file-size "$bytes" --no-request-log >"$work/serve.log" 2>&1 &
server=$!
url=
for _ in $(seq 1 600); do
  url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/serve.log")
  [ -n "$url" ] && curl -sf "$url/healthz" >/dev/null && break
  sleep 0.1
done
[ -n "$url" ] || { echo "bench-attachments: ticket serve did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

cli() { # cli NAME ARGS...: the CLI with the benchmark heap, its own GC log and CPU time in NAME-cpu
  local name=$1; shift
  /usr/bin/time -f '%U %S' -o "$work/$name-cpu" \
    java -Xmx"$heap" -Xlog:gc:file="$work/$name-gc.log" -Xlog:gc+heap+exit:file="$work/$name-exit.log" \
    -jar "$jar" --server "$url" "$@"
}
server_cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$server/stat"; }  # user+sys seconds
cpu_of() { awk '{printf "%.2f", $1 + $2}' "$work/$1-cpu"; }
admin=$(cat "$work/data/admin.token")
customer=$(cli admin admin user add bench --role customer --account bench --json --token "$admin" |
  sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
ticket=$(cli new new -t "Attachment benchmark" -m "A ${size_mib} MiB file" -q --token "$customer")

now() { date +%s.%N; }
s0=$(server_cpu); t0=$(now)
cli upload attach "$ticket" "$work/big.bin" -q --token "$customer" >/dev/null
t1=$(now); s1=$(server_cpu)
cli download download "$ticket" -o "$work/out" -q --token "$customer" >/dev/null
t2=$(now); s2=$(server_cpu)
cmp -s "$work/big.bin" "$work/out/big.bin" || { echo "bench-attachments: the download differs" >&2; exit 1; }
kill "$server"; wait "$server" 2>/dev/null || true; server=

peak() { # largest heap in use before a collection, in MiB, from a -Xlog:gc file
  grep -o '[0-9]*M->' "$1" | sed 's/M->//' | sort -n | tail -1
}
at_exit() { # heap in use when the JVM exited (the "used" of the heap summary)
  grep -o 'used [0-9]*K' "$1" | head -1 | awk '{printf "%d", $2/1024}'
}
report() { # report NAME: "peak X MiB before GC, Y MiB at exit"
  printf 'peak %s MiB before a GC, %s MiB in use at exit' "$(peak "$work/$1-gc.log" || echo '?')" \
    "$(at_exit "$work/$1-exit.log" || echo '?')"
}
awk -v b="$bytes" -v up="$(echo "$t1 - $t0" | bc)" -v down="$(echo "$t2 - $t1" | bc)" \
  -v uc="$(cpu_of upload)" -v us="$(echo "$s1 - $s0" | bc)" -v dc="$(cpu_of download)" -v ds="$(echo "$s2 - $s1" | bc)" \
  -v loadavg="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  printf "upload:   %d MiB in %.2f s = %.0f MB/s; CPU: CLI %.1f s, service %.1f s\n", b / 1048576, up, b / 1e6 / up, uc, us
  printf "download: %d MiB in %.2f s = %.0f MB/s; CPU: CLI %.1f s, service %.1f s (SHA-256 checked, identical)\n",
    b / 1048576, down, b / 1e6 / down, dc, ds
  printf "load average at the end: %s on %d cores\n", loadavg, '"$(nproc)"'
}'
echo "heap (-Xmx$heap): server $(report serve); CLI attach $(report upload); CLI download $(report download)"
