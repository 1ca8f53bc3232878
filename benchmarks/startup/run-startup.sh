#!/usr/bin/env bash
# Start-up, measured cold RUNS times per variant (default 10): engine start to first answer, and service start to
# healthy, on Java 17 (the supported runtime) and Java 25 (ahead-of-time cache, JEP 483/514/515).
# Usage: benchmarks/startup/run-startup.sh [RUNS] [engine|service|all]
#   JAVA17 / JAVA25 override the JDKs (defaults: java on the PATH; /usr/lib/jvm/temurin-25-jdk-amd64/bin/java).
#   PGX_STARTUP_APP: another fast-start directory than cds-service/target/app (a copy, with its archive recorded in
#   place: the archive only works at the paths it was recorded with).
# Builds nothing: run `mvn -B -DskipTests package` first. Archives and caches are recorded first (training runs) in a
# temporary directory, removed at the end; the service runs on 127.0.0.1:${PGX_STARTUP_PORT:-18391}.
# The variants take turns (run 1 of every variant, then run 2 ...), so that a machine whose load drifts treats them
# alike. Prints, per variant, every run and the median / min / max in milliseconds: wall time, and the CPU time the
# JVM used until then (all threads; steadier than wall time on a shared machine).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
what=${2:-all}
java17=${JAVA17:-java}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
port=${PGX_STARTUP_PORT:-18391}
bench=$PWD/benchmarks/target/benchmarks.jar
app=${PGX_STARTUP_APP:-$PWD/cds-service/target/app}
[ -f "$bench" ] && [ -f "$app/cds-service.jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
[ -x "$java25" ] || { echo "no Java 25 at $java25 (set JAVA25)" >&2; exit 2; }
work=$(mktemp -d)
service_pid=
cleanup() {
  if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

stats() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %d  min %d  max %d", m, a[1], a[NR]}'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s%N; }
declare -A results  # "variant|measure" -> space-separated values

# ---------------------------------------------------------------- engine: start to first answer
engine_names=("Java 17, no archive"
  "Java 17, AppCDS archive (-XX:SharedArchiveFile, -Xshare:on)"
  "Java 25, no cache"
  "Java 25, AOT cache (-XX:AOTCache trained on 2,000 patients, -XX:AOTMode=on)")
engine_opts() {  # INDEX -> java and options, one per line
  case $1 in
    0) echo "$java17" ;;
    1) printf '%s\n' "$java17" -XX:SharedArchiveFile="$work/engine17.jsa" -Xshare:on ;;
    2) echo "$java25" ;;
    3) printf '%s\n' "$java25" -XX:AOTCache="$work/engine25.aot" -XX:AOTMode=on ;;
  esac
}
engines() {
  "$java17" -XX:ArchiveClassesAtExit="$work/engine17.jsa" -Xlog:disable -cp "$bench" no.pgx.benchmarks.FirstAnswer >/dev/null 2>&1
  # one-step AOT cache (JEP 514); the training run also assesses 2,000 new patients so that it records profiles (JEP 515)
  "$java25" -XX:AOTCacheOutput="$work/engine25.aot" -Xlog:disable -cp "$bench" no.pgx.benchmarks.FirstAnswer 2000 >/dev/null 2>&1
  echo "engine: load average before $(load)"
  local r i out start end cmd
  for r in $(seq 1 "$runs"); do
    for i in 0 1 2 3; do
      mapfile -t cmd < <(engine_opts $i)
      start=$(now)
      out=$("${cmd[@]}" -cp "$bench" no.pgx.benchmarks.FirstAnswer | grep jvm_uptime_ms=)
      end=$(now)
      results["e$i|up"]+="$(sed -E 's/.*jvm_uptime_ms=([0-9]+).*/\1/' <<<"$out") "
      results["e$i|engine"]+="$(sed -E 's/.*engine_ms=([0-9]+).*/\1/' <<<"$out") "
      results["e$i|cpu"]+="$(sed -E 's/.*process_cpu_ms=([0-9]+).*/\1/' <<<"$out") "
      results["e$i|wall"]+="$(( (end - start) / 1000000 )) "
    done
  done
  echo "engine: load average after $(load)"
  for i in 0 1 2 3; do
    echo "engine | ${engine_names[$i]}"
    for m in "up:JVM start to first answer (uptime)" "engine:PgxEngine.builder() to first answer" \
             "wall:process launch to exit (wall)" "cpu:CPU time of the JVM until the answer"; do
      printf '  %-42s %s ms -> %s\n' "${m#*:}:" "${results["e$i|${m%%:*}"]}" \
          "$(tr ' ' '\n' <<<"${results["e$i|${m%%:*}"]}" | grep . | stats)"
    done
  done
}

# ---------------------------------------------------------------- service: start to healthy
service_names=("Java 17, documented command (target/app + cds-service.jsa)"
  "Java 17, target/app without the archive"
  "Java 25, target/app, no cache"
  "Java 25, target/app + AOT cache (-XX:AOTCache, -XX:AOTMode=on)")
service_opts() {
  case $1 in
    0) printf '%s\n' "$java17" -XX:SharedArchiveFile="$app/cds-service.jsa" ;;
    1) echo "$java17" ;;
    2) echo "$java25" ;;
    3) printf '%s\n' "$java25" -XX:AOTCache="$work/service25.aot" -XX:AOTMode=on ;;
  esac
}
# Health polls and pauses inside bash (benchmarks/lib/health.sh): a curl and a sleep process every 20 ms took 2-4 s
# of start-up CPU from the service being measured.
source benchmarks/lib/health.sh
service_once() {  # JAVA [OPTIONS...] -> "wall_ms cpu_ms" from launch to the first healthy answer
  local store start end ticks
  store=$(mktemp -d -p "$work")
  start=$(now)
  "$@" -Xmx512m -jar "$app/cds-service.jar" --server.port="$port" --pgx.security.enabled=false \
      --logging.level.root=WARN --pgx.feedback.dir="$store" > "$work/service.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 6000); do
    if healthy "$port"; then break; fi
    if ! kill -0 "$service_pid" 2>/dev/null; then echo "service exited; log:" >&2; tail -20 "$work/service.log" >&2; exit 1; fi
    pause 0.02
  done
  end=$(now)
  ticks=$(awk '{print $14 + $15}' "/proc/$service_pid/stat")  # user + system time of all threads until now
  kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=
  if grep -qiE '\[(cds|aot)\]|sharing' "$work/service.log"; then echo "archive/cache warning:" >&2; grep -iE '\[(cds|aot)\]|sharing' "$work/service.log" | head -3 >&2; fi
  echo "$(( (end - start) / 1000000 )) $(( ticks * 1000 / $(getconf CLK_TCK) ))"
}
services() {
  # one-step AOT cache from a training start that stops once the context is refreshed (as the build's CDS archive)
  "$java25" -XX:AOTCacheOutput="$work/service25.aot" -Xlog:disable -Dspring.context.exit=onRefresh \
      -jar "$app/cds-service.jar" --server.port=0 --pgx.security.enabled=false --logging.level.root=WARN \
      --pgx.feedback.dir="$work/training" >/dev/null 2>&1
  echo "service: load average before $(load)"
  local r i out cmd
  for r in $(seq 1 "$runs"); do
    for i in 0 1 2 3; do
      mapfile -t cmd < <(service_opts $i)
      out=$(service_once "${cmd[@]}")
      results["s$i|wall"]+="${out% *} "
      results["s$i|cpu"]+="${out#* } "
    done
  done
  echo "service: load average after $(load)"
  for i in 0 1 2 3; do
    echo "service | ${service_names[$i]}"
    printf '  %-30s %s ms -> %s\n' "launch to healthy (wall):" "${results["s$i|wall"]}" \
        "$(tr ' ' '\n' <<<"${results["s$i|wall"]}" | grep . | stats)"
    printf '  %-30s %s ms -> %s\n' "CPU time until healthy:" "${results["s$i|cpu"]}" \
        "$(tr ' ' '\n' <<<"${results["s$i|cpu"]}" | grep . | stats)"
  done
}

echo "machine: $(nproc) cores; $runs cold starts per variant; $("$java17" -version 2>&1 | head -1); $("$java25" -version 2>&1 | head -1)"
case "$what" in
  engine) engines ;;
  service) services ;;
  all) engines; services ;;
  *) echo "second argument: engine, service or all" >&2; exit 2 ;;
esac
