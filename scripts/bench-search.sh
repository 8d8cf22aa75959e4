#!/usr/bin/env bash
# Title search and list views at scale (SPEC 7.4), SQLite and PostgreSQL side by side.
# Loads N tickets (default 1,000,000) once per store in bulk into an older schema (SqliteBulkLoad: batched
# inserts into schema 3, ~25 s; PgBulkLoad: set-based SQL into schema 1), then opens the store, whose
# migrations build the indexes over them as an upgrade in place does (title index, list indexes, the unread
# index of V9; the time is printed). Data: BENCH_DATA (default /tmp/ticket-bench: sqlite/) and the PostgreSQL
# database BENCH_PG_DB (default ticket_bench_search) on 127.0.0.1:5432; a later run finds them loaded and only
# times. Then prints p50/p99 of the service's list call (in process) per query kind and filter, as an agent
# (all accounts) and a customer (one account). Run it alone: flock -x /tmp/ticket-quiet.lock scripts/bench-search.sh
# Usage: scripts/bench-search.sh [N]      (SKIP_PG=1: SQLite only; SKIP_SQLITE=1: PostgreSQL only;
#   UPGRADE_FROM=FILE: copy FILE, a ticket.db of an older schema, over the SQLite data first, to time its upgrade)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
data="${BENCH_DATA:-/tmp/ticket-bench}"
pgdb="${BENCH_PG_DB:-ticket_bench_search}"
mkdir -p "$data/sqlite"
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test >/dev/null
run() {
  java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=info dev.ticket.store.SearchBench "$@"
}
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
if [ -n "${UPGRADE_FROM:-}" ]; then
  rm -f "$data/sqlite/ticket.db-wal" "$data/sqlite/ticket.db-shm"
  cp "$UPGRADE_FROM" "$data/sqlite/ticket.db"
fi
if [ "${SKIP_SQLITE:-0}" != 1 ]; then
  run sqlite "$data/sqlite" "$rows" | tee "$data/search-sqlite.out"
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
fi
if [ "${SKIP_PG:-0}" != 1 ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$pgdb'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $pgdb"
  run postgresql "jdbc:postgresql://127.0.0.1:5432/$pgdb?user=postgres" "$rows" | tee "$data/search-pg.out"
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
fi
if [ -s "$data/search-sqlite.out" ] && [ -s "$data/search-pg.out" ]; then
  echo
  echo "side by side, p50 / p99 ms (rows): SQLite agent | SQLite customer | PostgreSQL agent | PostgreSQL customer"
  paste -d'|' <(grep -A100 '^query' "$data/search-sqlite.out") \
      <(grep -A100 '^query' "$data/search-pg.out" | LC_ALL=C.UTF-8 sed 's/^.\{43\}//')
fi
