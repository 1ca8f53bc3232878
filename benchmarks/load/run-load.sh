#!/usr/bin/env bash
# HTTP load against the running CDS Hooks service jar, loopback only, bounded in time.
# Usage: benchmarks/load/run-load.sh [SECONDS_PER_PHASE] [CONNECTIONS] [PATIENTS]
#   PATIENTS (default 1000): requests cycle through that many patients (own id, test date and diplotypes); 1 sends the
#   same patient every time (the service's caches then answer everything).
# Builds nothing: run `mvn -B -DskipTests package` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
connections=${2:-16}
patients=${3:-1000}
port=${PGX_LOAD_PORT:-18080}
client=benchmarks/target/benchmarks.jar
body=benchmarks/load/order-sign.json
# The fast-start form the build leaves in cds-service/target/app (extracted jar + class-data-sharing archive); with
# PGX_LOAD_PLAIN_JAR=1 the plain Boot jar instead (same application, slower start-up).
if [ "${PGX_LOAD_PLAIN_JAR:-0}" = 1 ]; then
  launch=(-jar cds-service/target/cds-service.jar)
else
  launch=(-XX:SharedArchiveFile=cds-service/target/app/cds-service.jsa -jar cds-service/target/app/cds-service.jar)
fi
[ -f "${launch[-1]}" ] && [ -f "$client" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }

# The service runs with a 512 MB heap cap: the budget is part of what is measured.
store=$(mktemp -d)  # the feedback store records every issued card: hundreds of MB per run, removed at the end
java -Xmx512m "${launch[@]}" --server.port="$port" --pgx.security.enabled=false \
     --logging.level.root=WARN --pgx.feedback.dir="$store" > "${TMPDIR:-/tmp}/pgx-load-service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$store"' EXIT
start=$(date +%s%N)
for _ in $(seq 1 200); do
  if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then break; fi
  sleep 0.05
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
echo "service ready after ${ready} ms (process start to healthy; java -Xmx512m ${launch[*]})"

url="http://127.0.0.1:$port/cds-services/pgx-order-sign"
# Warm-up phase (discarded): the JIT needs a few hundred thousand calls before throughput settles.
java -cp "$client" no.pgx.benchmarks.LoadClient "$url" "$body" saturation "$connections" "$seconds" "$patients" > /dev/null
java -cp "$client" no.pgx.benchmarks.LoadClient "$url" "$body" saturation "$connections" "$seconds" "$patients" > /dev/null
sat=$(java -cp "$client" no.pgx.benchmarks.LoadClient "$url" "$body" saturation "$connections" "$seconds" "$patients")
echo "$sat"
throughput=$(sed -E 's/.*throughput=([0-9]+).*/\1/' <<<"$sat")
half=$(( throughput / 2 ))
[ "$half" -ge 1 ] || half=1
java -cp "$client" no.pgx.benchmarks.LoadClient "$url" "$body" rate "$half" "$seconds" "$patients"
echo "heap after load: $(jcmd $pid GC.heap_info 2>/dev/null | grep -E 'garbage-first heap|total' | head -1 | sed 's/^ *//')"
echo "resident set: $(grep VmRSS /proc/$pid/status | awk '{print $2/1024 " MB"}')"
