#!/usr/bin/env bash
# Fuzz: malformed requests against the service jar on 127.0.0.1 (raw sockets), counted by status; any 5xx or a request
# left without an answer fails the run. Two instances: JWT off (bodies, content types, paths, methods, headers reach
# the service) and JWT on with a key-file issuer (malformed, forged and oversized tokens).
# Usage: benchmarks/service-checks/fuzz.sh [COUNT_OPEN=10000] [COUNT_JWT=2000] [SEED=1]
# Build first: mvn -B -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/service-checks/lib.sh
count=${1:-10000}
count_jwt=${2:-2000}
seed=${3:-1}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
# The FHIR allow-list names a closed port on loopback: a mutated fhirServer is refused, nothing leaves the machine.
fhir=(--pgx.fhir.allowed-servers[0]=http://127.0.0.1:1/fhir --pgx.fhir.allow-private-addresses=false)
start_service 18181 "$work/open.log" --pgx.security.enabled=false --pgx.feedback.dir="$work/open" "${fhir[@]}"
pids+=("$SERVICE_PID")
openssl ecparam -name secp384r1 -genkey -noout -out "$work/key.pem" 2> /dev/null
openssl ec -in "$work/key.pem" -pubout -out "$work/pub.pem" 2> /dev/null
start_service 18182 "$work/jwt.log" --pgx.security.enabled=true --pgx.feedback.dir="$work/jwt" "${fhir[@]}" \
    --pgx.security.issuers[0].iss=https://ehr.example.org --pgx.security.issuers[0].jwks-file="$work/pub.pem"
pids+=("$SERVICE_PID")
body=benchmarks/load/order-sign.json
status=0
echo "JWT off: $count requests"
java benchmarks/service-checks/Fuzz.java 18181 "$body" "$count" "$seed" || status=1
echo "JWT on: $count_jwt requests"
java benchmarks/service-checks/Fuzz.java 18182 "$body" "$count_jwt" "$seed" jwt || status=1
for log in "$work/open.log" "$work/jwt.log"; do
  n=$(grep -c 'Internal error' "$log" || true)
  echo "$(basename "$log"): internal errors logged: $n"
  [ "$n" = 0 ] || status=1
done
exit $status
