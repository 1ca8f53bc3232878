#!/usr/bin/env bash
# kill -9 durability on H2 (one instance) and on PostgreSQL (two instances sharing the database): acknowledged cards
# and feedbacks vs stored ones after ROUNDS kills during bursts. Loopback only; PostgreSQL from the embedded-postgres
# binaries in ~/.m2 (run as nobody when root). Usage: benchmarks/service-checks/kill-durability.sh [ROUNDS=5]
# Build first: mvn -B -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/service-checks/lib.sh
rounds=${1:-5}
work=$(mktemp -d)
chmod 755 "$work"
trap 'pg_stop "$work/pgsrv"; rm -rf "$work"' EXIT
status=0
java -cp "$JDBC_CP/*" benchmarks/service-checks/KillRun.java "$SERVICE_JAR" benchmarks/load/order-sign.json h2 \
    "$work/h2" "$rounds" || status=1
mkdir -p "$work/pgsrv"
pg_start "$work/pgsrv" 15432
java -cp "$JDBC_CP/*" benchmarks/service-checks/KillRun.java "$SERVICE_JAR" benchmarks/load/order-sign.json pg \
    "jdbc:postgresql://127.0.0.1:15432/postgres" "$rounds" || status=1
exit $status
