#!/usr/bin/env bash
# Title search on PostgreSQL at scale: loads N tickets (default 1,000,000) into a fresh database on
# TICKET_TEST_PG_URL's server (default: postgres on 127.0.0.1:5432, database "test" for the admin
# connection), prints p50/p99 of the service's own search query for several kinds of text and the
# plan PostgreSQL uses, then drops the database (TICKET_BENCH_KEEP=1 keeps it; TICKET_BENCH_DB=NAME
# times an existing one again without loading). Usage: scripts/bench-pg-search.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn dev.ticket.store.PgSearchBench "$rows"
