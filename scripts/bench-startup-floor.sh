#!/usr/bin/env bash
# The floor under `ticket list`'s start-up with the libraries the house rules mandate (picocli, Apache HttpClient 5
# classic, jackson-jr): how fast can the smallest program on that stack do what `ticket list` does, with the
# launcher's JVM flags and a class-data archive of its own, beside a bare JVM hello world? The issue asks `ticket
# list` for <= 2x hello (scripts/bench-startup.sh measures that); this tells how much of the gap is the stack and
# how much is ticket's own code, so the target can be judged against what is reachable at all.
# scripts/StartupFloor.java, one stage at a time, each packed with only what it needs into one small jar and given
# its own class-data archives from a training run of that stage: a dynamic one (-XX:ArchiveClassesAtExit) and a
# static one as the build makes ticket.jsa (-XX:DumpLoadedClassList, then -Xshare:dump):
#   parse  picocli only: a root command, a `list` subcommand with ListCommand's ten options; prints 30 fixed lines
#   http   parse + one HttpClient 5 classic GET of the page `ticket list` asks for, bearer token, body read
#   json   http + jackson-jr reading the page into records, printed as a 30-row table
# beside hello world (without and with its own archive), the real `target/ticket list` against the same service,
# and each with the JVM's default flags (C2 on, G1; the archive kept). Each case once a round in a shuffled order
# (3 warm-up rounds not counted); medians of wall and CPU (user+sys) time and the ratio to hello as
# scripts/bench-startup.sh runs it (the issue's yardstick). FLOOR_REPEATS (2) runs of ROUNDS rounds each.
# Usage: scripts/bench-startup-floor.sh [ROUNDS]   (default 20; FLOOR_PORT 18437, FLOOR_REPEATS 2)
# Run it alone, as it builds target/ticket if missing: flock -x /tmp/ticket-quiet.lock scripts/bench-startup-floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
port=${FLOOR_PORT:-18437}
repeats=${FLOOR_REPEATS:-2}
[ -x target/ticket ] && [ -d target/picocli-src/picocli ] || mvn -B -q package -DskipTests
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"

# The floor program: picocli compiled from its sources at Java 17 as the build does (the picocli jar's Java 5
# class files cannot go into a class-data archive), the five library jars unpacked beside it, one jar per stage.
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
lib() { tr ':' '\n' <"$work/classpath.txt" | grep -E "/$1-[0-9][^/]*\.jar$"; }
mkdir -p "$work/picocli" "$work/floor" "$work/hello"
javac -nowarn --release 17 -d "$work/picocli" target/picocli-src/picocli/CommandLine.java 2>/dev/null
libs=$(for a in httpclient5 httpcore5 httpcore5-h2 jackson-jr-objects jackson-core slf4j-api; do lib "$a"; done | paste -sd:)
javac --release 17 -cp "$work/picocli:$libs" -d "$work/floor" scripts/StartupFloor.java
for stage in parse http json; do
  mkdir -p "$work/$stage"
  cp -r "$work/picocli/." "$work/floor/." "$work/$stage/"
  case $stage in
    http) jars="httpclient5 httpcore5 httpcore5-h2 slf4j-api" ;; # -h2: classic HttpClient 5 links a class of it
    json) jars="httpclient5 httpcore5 httpcore5-h2 slf4j-api jackson-jr-objects jackson-core" ;;
    *) jars= ;;
  esac
  for a in $jars; do (cd "$work/$stage" && unzip -q -o "$(lib "$a")" -x 'META-INF/*'); done
  jar --create --file "$work/floor-$stage.jar" --main-class StartupFloor -C "$work/$stage" .
done
cat >"$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"
(cd "$work/hello" && jar --create --file "$work/hello.jar" Hello.class)
ls -l "$work"/*.jar | awk '{printf "%s %d KiB\n", $NF, $5 / 1024}' | sed "s|$work/||"

# The service, 30 tickets, its JIT warmed, so the timings are the client's start-up and not a cold server's.
target/ticket serve --dev --port "$port" --data "$work/db" --no-request-log >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  grep -q "saved CLI profiles" "$work/serve.log" 2>/dev/null && break
  sleep 0.1
done
for i in $(seq 1 30); do
  target/ticket new -t "Benchmark ticket $i" -m "What happened: step $i failed" -q >/dev/null
done
token=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["profiles"]["default"]["token"])' \
  "$XDG_CONFIG_HOME/ticket/config.json")
export FLOOR_SERVER="http://127.0.0.1:$port" FLOOR_TOKEN="$token"
for _ in $(seq 1 300); do
  curl -s -o /dev/null -H "Authorization: Bearer $token" "$FLOOR_SERVER/api/v1/tickets?status=all&limit=31&total=true"
done

# the JVM flags src/main/launcher/ticket.sh gives short commands (list among them), archive flags included
flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions"
flags="$flags -XX:ArchiveRelocationMode=0 -Dsun.reflect.inflationThreshold=2147483647"
flags="$flags -XX:CompileThresholdScaling=5 -XX:CICompilerCount=1 -Xshare:auto"
quiet="-Xlog:cds=off,cds+dynamic=off"
# Each program's own dynamic archive, made by a training run with the launcher's flags (as the build does ticket.jsa)
for name in hello parse http json; do
  jar=$work/floor-$name.jar main="-Dfloor.stage=$name StartupFloor list"
  [ "$name" = hello ] && jar=$work/hello.jar main=Hello
  # shellcheck disable=SC2086
  java $flags -XX:ArchiveClassesAtExit="$work/$name.jsa" $quiet -cp "$jar" $main >/dev/null
  # -Xshare:on fails rather than running without the archive: the timed runs (-Xshare:auto) surely map it
  # shellcheck disable=SC2086
  java ${flags/-Xshare:auto/-Xshare:on} -XX:SharedArchiveFile="$work/$name.jsa" -cp "$jar" $main >/dev/null
  # shellcheck disable=SC2086
  java -Xshare:on -XX:SharedArchiveFile="$work/$name.jsa" -cp "$jar" $main >/dev/null
  [ "$name" = hello ] && continue
  # and a static one, the JDK's classes and the program's in one, as the build makes ticket.jsa (ClassDataArchive):
  # the class list of a training run, then -Xshare:dump of it (which also archives the run's lambda forms)
  # shellcheck disable=SC2086
  java $flags -XX:DumpLoadedClassList="$work/$name.classlist" -cp "$jar" $main >/dev/null
  java -Xshare:dump -XX:SharedClassListFile="$work/$name.classlist" -XX:SharedArchiveFile="$work/$name-static.jsa" \
    -cp "$jar" >"$work/$name-static.log" 2>&1
  # shellcheck disable=SC2086
  java ${flags/-Xshare:auto/-Xshare:on} -XX:SharedArchiveFile="$work/$name-static.jsa" -cp "$jar" $main >/dev/null
done
java -Xshare:on -XX:SharedArchiveFile=target/ticket.jsa -cp target/ticket dev.ticket.Main --version >/dev/null
target/ticket list >/dev/null # the real one's caches (who am I, business hours) filled, as on a user's machine

# hello: scripts/bench-startup.sh's, the issue's yardstick (a class directory, which CDS cannot archive); then from a
# jar with all the launcher's flags, without and with an archive of its own
cases=("hello" "java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -cp $work/hello Hello"
       "hello.jar" "java $flags $quiet -cp $work/hello.jar Hello"
       "hello.jar + archive" "java $flags -XX:SharedArchiveFile=$work/hello.jsa $quiet -cp $work/hello.jar Hello")
for stage in parse http json; do
  cases+=("floor $stage + archive"
          "java $flags -XX:SharedArchiveFile=$work/$stage.jsa $quiet -cp $work/floor-$stage.jar -Dfloor.stage=$stage StartupFloor list"
          "floor $stage + static archive"
          "java $flags -XX:SharedArchiveFile=$work/$stage-static.jsa $quiet -cp $work/floor-$stage.jar -Dfloor.stage=$stage StartupFloor list")
done
cases+=("floor json, no archive" "java $flags $quiet -cp $work/floor-json.jar -Dfloor.stage=json StartupFloor list"
        "ticket list" "target/ticket list")
# the JVM's defaults (tiered C1+C2, G1 on 2+ cores, relocated archive), only the archive given
cases+=("hello.jar, JVM defaults" "java -cp $work/hello.jar Hello"
        "hello.jar + archive, JVM defaults" "java -XX:SharedArchiveFile=$work/hello.jsa $quiet -cp $work/hello.jar Hello")
for stage in parse http json; do
  cases+=("floor $stage + archive, JVM defaults"
          "java -XX:SharedArchiveFile=$work/$stage.jsa $quiet -cp $work/floor-$stage.jar -Dfloor.stage=$stage StartupFloor list"
          "floor $stage + static archive, JVM defaults"
          "java -XX:SharedArchiveFile=$work/$stage-static.jsa $quiet -cp $work/floor-$stage.jar -Dfloor.stage=$stage StartupFloor list")
done
# the launcher cannot be told to drop its flags: its jar run as it does, with its archive and nothing else
cases+=("ticket list, JVM defaults" "java -XX:SharedArchiveFile=target/ticket.jsa $quiet -cp target/ticket dev.ticket.Main list")

for repeat in $(seq 1 "$repeats"); do
  echo
  echo "run $repeat of $repeats: $runs rounds, each case once a round in a shuffled order (3 warm-up rounds not counted)"
  python3 - "$runs" "${cases[@]}" <<'PY'
import os, random, resource, shlex, statistics, subprocess, sys, time
runs = int(sys.argv[1])
cases = list(zip(sys.argv[2::2], sys.argv[3::2]))
wall = {name: [] for name, _ in cases}
cpu = {name: [] for name, _ in cases}
for round in range(3 + runs):
    order = cases[:]
    random.shuffle(order)
    for name, command in order:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        took = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if round >= 3:
            wall[name].append(took * 1000)
            cpu[name].append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
hello, hello_cpu = statistics.median(wall["hello"]), statistics.median(cpu["hello"])
print(f"load average after: {' '.join(open('/proc/loadavg').read().split()[0:3])}")
print("| case | median ms | p25-p75 ms | x hello | CPU ms (median) | x hello (CPU) |")
print("|---|---|---|---|---|---|")
for name, _ in cases:
    w, c = wall[name], cpu[name]
    q = statistics.quantiles(w, n=4)
    print(f"| {name} | {statistics.median(w):.1f} | {q[0]:.0f}-{q[2]:.0f} | {statistics.median(w) / hello:.2f} "
          f"| {statistics.median(c):.0f} | {statistics.median(c) / hello_cpu:.2f} |")
PY
done
