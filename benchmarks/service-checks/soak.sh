#!/usr/bin/env bash
# Soak: a steady rate of order-sign calls (1,000 different patients, every call issues a card) for MINUTES minutes on
# H2 or PostgreSQL. Per minute: throughput, p50/p99, errors, heap used after a full GC, store size, rows. At the end:
# store growth per issued card. Loopback only, bounded in time. Usage:
#   benchmarks/service-checks/soak.sh h2|pg [MINUTES=10] [RATE=300]
# Build first: mvn -B -DskipTests package (the load client is benchmarks/target/benchmarks.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/service-checks/lib.sh
db=${1:?h2 or pg}
minutes=${2:-10}
rate=${3:-300}
port=${PGX_SOAK_PORT:-18401}
client=benchmarks/target/benchmarks.jar
work=$(mktemp -d)
chmod 755 "$work"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; [ "$db" = pg ] && pg_stop "$work/pgsrv"; rm -rf "$work"' EXIT
if [ "$db" = pg ]; then
  mkdir -p "$work/pgsrv"
  pg_start "$work/pgsrv" 15433
  store=(--pgx.feedback.jdbc-url=jdbc:postgresql://127.0.0.1:15433/postgres --pgx.feedback.username=postgres
         --pgx.feedback.password=)
else
  store=(--pgx.feedback.dir="$work/h2")
fi
start_service "$port" "$work/service.log" --pgx.security.enabled=false "${store[@]}"
pid=$SERVICE_PID

size() {
  if [ "$db" = pg ]; then
    pg_sql 15433 "SELECT pg_database_size('postgres')"
  else
    du -sb "$work/h2" | cut -f1
  fi
}
rows() {
  if [ "$db" = pg ]; then
    pg_sql 15433 "SELECT COUNT(*) FROM issued_card"
  else
    echo "-"  # the embedded file is locked by the service; growth is reported per request sent
  fi
}
heap_after_gc() {
  jcmd "$pid" GC.run > /dev/null 2>&1 || true
  jcmd "$pid" GC.heap_info 2> /dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+' | awk '{printf "%.1f", $1/1024}'
}

url="http://127.0.0.1:$port/cds-services/pgx-order-sign"
body=benchmarks/load/order-sign.json
# Warm-up (not counted): 30 s at the same rate.
java -cp "$client" no.pgx.benchmarks.LoadClient "$url" "$body" rate "$rate" 30 1000 > /dev/null
first_size=$(size)
total=0
echo "db=$db rate=${rate}/s minutes=$minutes (store at start after warm-up: $first_size bytes)"
printf '%-6s %-10s %-8s %-9s %-9s %-7s %-14s %-14s %-10s\n' minute requests errors p50_ms p99_ms rps heap_after_gc_MB store_bytes cards
for m in $(seq 1 "$minutes"); do
  line=$(java -cp "$client" no.pgx.benchmarks.LoadClient "$url" "$body" rate "$rate" 60 1000)
  req=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<< "$line")
  err=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<< "$line")
  p50=$(sed -E 's/.*p50=([0-9.]+)ms.*/\1/' <<< "$line")
  p99=$(sed -E 's/.*p99=([0-9.]+)ms.*/\1/' <<< "$line")
  rps=$(sed -E 's/.*throughput=([0-9]+).*/\1/' <<< "$line")
  total=$((total + req))
  printf '%-6s %-10s %-8s %-9s %-9s %-7s %-14s %-14s %-10s\n' "$m" "$req" "$err" "$p50" "$p99" "$rps" \
      "$(heap_after_gc)" "$(size)" "$(rows)"
done
last_size=$(size)
echo "growth: $(( (last_size - first_size) )) bytes for $total calls = $(( (last_size - first_size) / (total > 0 ? total : 1) )) bytes per issued card"
echo "resident set: $(grep VmRSS /proc/$pid/status | awk '{print $2/1024 " MB"}')"
