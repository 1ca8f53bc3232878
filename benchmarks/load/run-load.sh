#!/usr/bin/env bash
# HTTP load against the running CDS Hooks service jar, loopback only, bounded in time.
# Usage: benchmarks/load/run-load.sh [SECONDS_PER_PHASE] [CONNECTIONS] [PATIENTS]
#   PATIENTS (default "new"): every request is a patient the service has not seen (no.pgx.benchmarks.NewPatients: own
#     id, test date, lab, 15 genotype Observations drawn with realistic allele frequencies, 0-5 active
#     MedicationRequests, 1-2 draft orders), each phase numbered from its own range so no patient is sent twice while
#     the service runs. A number N cycles N fixed patients (cached after the first pass); 1 sends
#     benchmarks/load/order-sign.json over and over (everything cached). Those two are the "cached" figures.
#   SOAK_SECONDS (environment, default 0): after the measured phases, keep the open loop at half the saturation rate
#     for that long (in chunks of at most 120 s) and print the heap after a full GC after each chunk.
#   PGX_LOAD_APP (environment, default cds-service/target/app): the fast-start directory to run (e.g. a copy of an
#     earlier build, with its archive recorded in place, for before/after runs); PGX_LOAD_CLIENT the client jar
#     (default benchmarks/target/benchmarks.jar); PGX_LOAD_JAVA_OPTS extra JVM options for the service (GC settings,
#     -XX:StartFlightRecording=...); PGX_LOAD_PORT the port (default 18080); PGX_LOAD_HISTOGRAM=N prints the N classes
#     that hold the most heap with each heap figure.
# Builds nothing: run `mvn -B -DskipTests package` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
connections=${2:-16}
patients=${3:-new}
soak=${SOAK_SECONDS:-0}
port=${PGX_LOAD_PORT:-18080}
client=${PGX_LOAD_CLIENT:-benchmarks/target/benchmarks.jar}
app=${PGX_LOAD_APP:-cds-service/target/app}
read -r -a extra <<<"${PGX_LOAD_JAVA_OPTS:-}"
body=benchmarks/load/order-sign.json
# The fast-start form the build leaves in cds-service/target/app (extracted jar + class-data-sharing archive); with
# PGX_LOAD_PLAIN_JAR=1 the plain Boot jar instead (same application, slower start-up).
if [ "${PGX_LOAD_PLAIN_JAR:-0}" = 1 ]; then
  launch=(-jar cds-service/target/cds-service.jar)
else
  launch=(-XX:SharedArchiveFile="$app/cds-service.jsa" -jar "$app/cds-service.jar")
fi
[ -f "${launch[-1]}" ] && [ -f "$client" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }

# Phase k sends patients numbered from k * 10,000,000 + 1 (far more than a phase can send).
who() {  # PHASE -> the client's PATIENTS argument
  if [ "$patients" = new ]; then echo "new:$(( $1 * 10000000 + 1 ))"; else echo "$patients"; fi
}

# The service runs with a 512 MB heap cap: the budget is part of what is measured.
store=$(mktemp -d)  # the feedback store records every issued card: hundreds of MB per run, removed at the end
java -Xmx512m ${extra[@]+"${extra[@]}"} "${launch[@]}" --server.port="$port" --pgx.security.enabled=false \
     --logging.level.root=WARN --pgx.feedback.dir="$store" > "${TMPDIR:-/tmp}/pgx-load-service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$store"' EXIT
start=$(date +%s%N)
source benchmarks/lib/health.sh  # polls that take no CPU from the starting service
for _ in $(seq 1 1200); do
  if healthy "$port"; then break; fi
  pause 0.05
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "service ready after ${ready} ms (process start to healthy; java -Xmx512m ${extra[*]} ${launch[*]})"

heap() {  # heap in use after a full GC, and committed; resident set; with PGX_LOAD_HISTOGRAM=N the N largest classes
  jcmd "$pid" GC.run >/dev/null 2>&1 || true
  local info; info=$(jcmd "$pid" GC.heap_info 2>/dev/null | grep -E 'garbage-first heap|total' | head -1 | sed 's/^ *//')
  echo "$(date -u +%H:%M:%S) heap after full GC: $info; resident set $(grep VmRSS /proc/$pid/status | awk '{printf "%d MB", $2/1024}')"
  if [ "${PGX_LOAD_HISTOGRAM:-0}" -gt 0 ]; then
    jcmd "$pid" GC.class_histogram 2>/dev/null | sed -n "1,$(( PGX_LOAD_HISTOGRAM + 3 ))p"
  fi
}

url="http://127.0.0.1:$port/cds-services/pgx-order-sign"
lc() { java -Dpgx.load.pid="$pid" -cp "$client" no.pgx.benchmarks.LoadClient "$url" "$body" "$@"; }
# Warm-up phases (discarded): the JIT needs a few hundred thousand calls before throughput settles.
lc saturation "$connections" "$seconds" "$(who 1)" > /dev/null
lc saturation "$connections" "$seconds" "$(who 2)" > /dev/null
sat=$(lc saturation "$connections" "$seconds" "$(who 3)")
echo "$sat"
throughput=$(sed -E 's/.*throughput=([0-9]+).*/\1/' <<<"$sat")
half=$(( throughput / 2 ))
[ "$half" -ge 1 ] || half=1
lc rate "$half" "$seconds" "$(who 4)"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
heap
phase=5
while [ "$soak" -gt 0 ]; do
  chunk=$(( soak > 120 ? 120 : soak ))
  lc rate "$half" "$chunk" "$(who $phase)"
  heap
  soak=$(( soak - chunk )); phase=$(( phase + 1 ))
done
