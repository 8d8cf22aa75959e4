#!/usr/bin/env bash
# Title search and list views at scale (SPEC 7.4), SQLite and PostgreSQL side by side.
# Loads N tickets (default 1,000,000) once per store through the store's own write code (SearchBench:
# StoreTx inserts, 10,000 tickets a transaction, the title index and read markers included) into
# BENCH_DATA (default /work/bench-data: search-sqlite/ and the PostgreSQL database ticket_bench_search on
# 127.0.0.1:5432); a later run finds them loaded and only times. Then prints p50/p99 of the service's list
# call (in process) per query kind and filter, as an agent (all accounts) and a customer (one account).
# Usage: scripts/bench-search.sh [N]      (SKIP_PG=1: SQLite only)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
data="${BENCH_DATA:-/work/bench-data}"
pgdb="ticket_bench_search"
mkdir -p "$data/search-sqlite"
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test >/dev/null
run() {
  java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=info dev.ticket.store.SearchBench "$@"
}
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
run sqlite "$data/search-sqlite" "$rows" | tee "$data/search-sqlite.out"
if [ "${SKIP_PG:-0}" != 1 ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$pgdb'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $pgdb"
  run postgresql "jdbc:postgresql://127.0.0.1:5432/$pgdb?user=postgres" "$rows" | tee "$data/search-pg.out"
  echo
  echo "side by side, p50 / p99 ms (rows): SQLite agent | SQLite customer | PostgreSQL agent | PostgreSQL customer"
  paste -d'|' <(grep -A100 '^query' "$data/search-sqlite.out") \
      <(grep -A100 '^query' "$data/search-pg.out" | cut -c44-)
fi
