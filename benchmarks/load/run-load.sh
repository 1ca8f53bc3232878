#!/usr/bin/env bash
# HTTP load against the running CDS Hooks service jar, loopback only, bounded in time.
# Usage: benchmarks/load/run-load.sh [SECONDS_PER_PHASE] [CONNECTIONS]
# Builds nothing: run `mvn -B -DskipTests package` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
connections=${2:-16}
port=${PGX_LOAD_PORT:-18080}
jar=cds-service/target/cds-service.jar
client=benchmarks/target/benchmarks.jar
body=benchmarks/load/order-sign.json
[ -f "$jar" ] && [ -f "$client" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }

# The service runs with a 512 MB heap cap: the budget is part of what is measured.
java -Xmx512m -jar "$jar" --server.port="$port" --pgx.security.enabled=false \
     --logging.level.root=WARN --pgx.feedback.dir="$(mktemp -d)" > "${TMPDIR:-/tmp}/pgx-load-service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
start=$(date +%s%N)
for _ in $(seq 1 200); do
  if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then break; fi
  sleep 0.05
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
echo "service ready after ${ready} ms (process start to healthy)"

url="http://127.0.0.1:$port/cds-services/pgx-order-sign"
# Warm-up phase (discarded): the JIT needs a few hundred thousand calls before throughput settles.
java -cp "$client" no.pgx.benchmarks.LoadClient "$url" "$body" saturation "$connections" "$seconds" > /dev/null
java -cp "$client" no.pgx.benchmarks.LoadClient "$url" "$body" saturation "$connections" "$seconds" > /dev/null
sat=$(java -cp "$client" no.pgx.benchmarks.LoadClient "$url" "$body" saturation "$connections" "$seconds")
echo "$sat"
throughput=$(sed -E 's/.*throughput=([0-9]+).*/\1/' <<<"$sat")
half=$(( throughput / 2 ))
[ "$half" -ge 1 ] || half=1
java -cp "$client" no.pgx.benchmarks.LoadClient "$url" "$body" rate "$half" "$seconds"
echo "heap after load: $(jcmd $pid GC.heap_info 2>/dev/null | grep -E 'garbage-first heap|total' | head -1 | sed 's/^ *//')"
echo "resident set: $(grep VmRSS /proc/$pid/status | awk '{print $2/1024 " MB"}')"
