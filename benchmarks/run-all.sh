#!/usr/bin/env bash
# One measurement window: every benchmark of benchmarks/README.md in turn, output kept per step.
# Usage: benchmarks/run-all.sh [OUTDIR] [STEPS]     OUTDIR default benchmarks/target/results/<UTC time>
#   STEPS: any of jmh-new jmh-cached cpu cli load load-cached startup (default: all, in that order)
# Builds nothing: run `mvn -B -DskipTests package` first. On a shared machine run it several times and report the
# medians and ranges over the windows; every step logs the load average before it starts.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-benchmarks/target/results/$(date -u +%Y%m%dT%H%M%SZ)}
steps=${2:-"jmh-new jmh-cached cpu cli load load-cached startup"}
bench=benchmarks/target/benchmarks.jar
mkdir -p "$out"
log() { echo "$(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) | $*" | tee -a "$out/steps.log"; }

for step in $steps; do
  case "$step" in
    jmh-new)  # distinct new patients, caches on and cacheSize(0); allocation per call comes from the cpu step
      # (-prof gc would count the patients generated between iterations)
      log "JMH NewPatientBenchmark"
      java -jar "$bench" NewPatientBenchmark -f 1 > "$out/jmh-new.txt" 2>&1 ;;
    jmh-cached)  # the earlier figures: the same patients over and over (labelled cached)
      log "JMH cached: AssessBenchmark PhenotypeBenchmark FhirBenchmark"
      java -jar "$bench" 'AssessBenchmark|PhenotypeBenchmark|FhirBenchmark' -f 1 -prof gc > "$out/jmh-cached.txt" 2>&1 ;;
    cpu)  # the same new-patient cases as a plain loop: thread CPU time and allocation per call
      : > "$out/cpu.txt"
      for spec in "everyDrug 5000 5000" "oneDrug 50000 50000" "panel15 200000 200000" "fhirBundle 5000 5000"; do
        set -- $spec
        for cache in on off; do
          [ "$1" = fhirBundle ] && [ "$cache" = off ] && continue
          log "NewPatientRun $1 $cache"
          java -Xms2g -Xmx2g -cp "$bench" no.pgx.benchmarks.NewPatientRun "$1" "$cache" "$2" "$3" 3 >> "$out/cpu.txt" 2>&1
        done
      done ;;
    cli)
      log "CLI, one thread, 20,000 new patients"
      benchmarks/cli/run-cli.sh 20000 5 1 > "$out/cli.txt" 2>&1 ;;
    load)
      log "HTTP load, new patients"
      PGX_LOAD_PORT=${PGX_LOAD_PORT:-18392} benchmarks/load/run-load.sh 20 16 new > "$out/load.txt" 2>&1 ;;
    load-cached)
      log "HTTP load, cached: 1,000 patients cycled, and one patient"
      PGX_LOAD_PORT=${PGX_LOAD_PORT:-18392} benchmarks/load/run-load.sh 20 16 1000 > "$out/load-1000.txt" 2>&1
      PGX_LOAD_PORT=${PGX_LOAD_PORT:-18392} benchmarks/load/run-load.sh 20 16 1 > "$out/load-1.txt" 2>&1 ;;
    startup)
      log "start-up, 10 cold starts per variant"
      benchmarks/startup/run-startup.sh 10 all > "$out/startup.txt" 2>&1 ;;
    *) echo "unknown step $step" >&2; exit 2 ;;
  esac
done
log "done: $out"
