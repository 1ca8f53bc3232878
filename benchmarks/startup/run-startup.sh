#!/usr/bin/env bash
# Start-up, measured cold RUNS times per variant (default 10): engine start to first answer, and service start to
# healthy, on Java 17 (the supported runtime) and Java 25 (ahead-of-time cache, JEP 483/514/515).
# Usage: benchmarks/startup/run-startup.sh [RUNS] [engine|service|all]
#   JAVA17 / JAVA25 override the JDKs (defaults: java on the PATH; /usr/lib/jvm/temurin-25-jdk-amd64/bin/java).
# Builds nothing: run `mvn -B -DskipTests package` first. Archives and caches are written to a temporary directory
# (training runs first) and removed at the end; the service runs on 127.0.0.1:${PGX_STARTUP_PORT:-18391}.
# Prints, per variant, every run and the median / min / max in milliseconds, with the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
what=${2:-all}
java17=${JAVA17:-java}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
port=${PGX_STARTUP_PORT:-18391}
bench=$PWD/benchmarks/target/benchmarks.jar
app=$PWD/cds-service/target/app
[ -f "$bench" ] && [ -f "$app/cds-service.jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
service_pid=
cleanup() {
  if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %d  min %d  max %d", m, a[1], a[NR]}'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s%N; }

# ---------------------------------------------------------------- engine: start to first answer
engine_variant() {  # NAME JAVA [JVM OPTIONS...]
  local name=$1 java=$2; shift 2
  local up=() eng=() wall=() out start end
  local before; before=$(load)
  for _ in $(seq 1 "$runs"); do
    start=$(now)
    out=$("$java" "$@" -cp "$bench" no.pgx.benchmarks.FirstAnswer | grep jvm_uptime_ms=)
    end=$(now)
    up+=("$(sed -E 's/.*jvm_uptime_ms=([0-9]+).*/\1/' <<<"$out")")
    eng+=("$(sed -E 's/.*engine_ms=([0-9]+).*/\1/' <<<"$out")")
    wall+=($(( (end - start) / 1000000 )))
  done
  echo "engine | $name"
  echo "  JVM start to first answer (uptime): ${up[*]} ms -> $(printf '%s\n' "${up[@]}" | median)"
  echo "  PgxEngine.builder() to first answer: ${eng[*]} ms -> $(printf '%s\n' "${eng[@]}" | median)"
  echo "  process launch to exit (wall):       ${wall[*]} ms -> $(printf '%s\n' "${wall[@]}" | median)"
  echo "  load average before: $before  after: $(load)"
}

engines() {
  engine_variant "Java 17 ($("$java17" -version 2>&1 | head -1)), no archive" "$java17"
  # Java 17 with an application class-data-sharing archive recorded from one run
  "$java17" -XX:ArchiveClassesAtExit="$work/engine17.jsa" -Xlog:disable -cp "$bench" no.pgx.benchmarks.FirstAnswer >/dev/null
  engine_variant "Java 17, AppCDS archive (-XX:SharedArchiveFile; -Xshare:on fails if it is not used)" "$java17" \
      -XX:SharedArchiveFile="$work/engine17.jsa" -Xshare:on
  if [ -x "$java25" ]; then
    engine_variant "Java 25 ($("$java25" -version 2>&1 | head -1)), no cache" "$java25"
    # One-step AOT cache (JEP 514): a training run that also assesses 2,000 new patients (profiles, JEP 515)
    "$java25" -XX:AOTCacheOutput="$work/engine25.aot" -Xlog:disable -cp "$bench" no.pgx.benchmarks.FirstAnswer 2000 >/dev/null
    engine_variant "Java 25, AOT cache (-XX:AOTCache, trained on 2,000 patients; -XX:AOTMode=on fails if it is not used)" \
      "$java25" -XX:AOTCache="$work/engine25.aot" -XX:AOTMode=on
  fi
}

# ---------------------------------------------------------------- service: start to healthy
service_once() {  # JAVA [OPTIONS...] -> prints ms from launch to the first healthy answer
  local java=$1; shift
  local store start end
  store=$(mktemp -d -p "$work")
  start=$(now)
  "$java" -Xmx512m "$@" -jar "$app/cds-service.jar" --server.port="$port" --pgx.security.enabled=false \
      --logging.level.root=WARN --pgx.feedback.dir="$store" > "$work/service.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$service_pid" 2>/dev/null; then echo "service exited; log:" >&2; tail -20 "$work/service.log" >&2; exit 1; fi
    sleep 0.02
  done
  end=$(now)
  kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=
  echo $(( (end - start) / 1000000 ))
}

service_variant() {  # NAME JAVA [OPTIONS...]
  local name=$1; shift
  local t=() before; before=$(load)
  for _ in $(seq 1 "$runs"); do t+=("$(service_once "$@")"); done
  echo "service | $name"
  echo "  launch to healthy: ${t[*]} ms -> $(printf '%s\n' "${t[@]}" | median)"
  echo "  archive/cache warnings in the last run's log: $(grep -ciE '\[(cds|aot)\]|sharing' "$work/service.log" || true)"
  echo "  load average before: $before  after: $(load)"
}

services() {
  # The documented start command (README): target/app with the build's class-data-sharing archive, Java 17
  service_variant "Java 17, documented command (target/app + cds-service.jsa)" "$java17" \
      -XX:SharedArchiveFile="$app/cds-service.jsa"
  service_variant "Java 17, target/app without the archive" "$java17"
  if [ -x "$java25" ]; then
    service_variant "Java 25, target/app, no cache" "$java25"
    # One-step AOT cache from a training start that stops once the context is refreshed (as the CDS archive is made)
    "$java25" -XX:AOTCacheOutput="$work/service25.aot" -Xlog:disable -Dspring.context.exit=onRefresh \
        -jar "$app/cds-service.jar" --server.port=0 --pgx.security.enabled=false --logging.level.root=WARN \
        --pgx.feedback.dir="$work/training" >/dev/null 2>&1
    service_variant "Java 25, target/app + AOT cache (-XX:AOTCache; -XX:AOTMode=on fails if it is not used)" "$java25" \
        -XX:AOTCache="$work/service25.aot" -XX:AOTMode=on
  fi
}

echo "machine: $(nproc) cores, load average $(load); $runs cold starts per variant"
case "$what" in
  engine) engines ;;
  service) services ;;
  all) engines; services ;;
  *) echo "second argument: engine, service or all" >&2; exit 2 ;;
esac
