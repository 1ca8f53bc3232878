#!/usr/bin/env bash
# Marginal cost per NEW patient of `pgx-cli assess --input` (every drug, JSON out), through the real jar.
# Usage: benchmarks/cli/run-cli.sh [PATIENTS] [RUNS] [THREADS]     defaults: 20000 patients, 5 runs, THREADS=1
# Writes PATIENTS distinct patients (no.pgx.benchmarks.Cohort -> NewPatients: own id, 15-gene panel drawn with
# realistic allele frequencies, no whole panel twice) as `assess --input` JSON lines without `drugs` (every drug), then
# times RUNS runs of one patient and of PATIENTS patients (alternating, output to a file), takes the medians and prints
# (median(PATIENTS) - median(1)) / (PATIENTS - 1): the cost of one more patient, JVM start and knowledge loading
# excluded. THREADS is passed as --threads (1 = one thread, the issue-15 target; 0 or "all" = every core).
# The input format has no test date, so two patients with the same result for a drug's genes may share the engine's
# cached findings for that drug (as they would in a real batch); whole requests never repeat.
# Builds nothing: run `mvn -B -DskipTests package` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
patients=${1:-20000}
runs=${2:-5}
threads=${3:-1}
cli=pgx-cli/target/pgx-cli.jar
bench=benchmarks/target/benchmarks.jar
[ -f "$cli" ] && [ -f "$bench" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
[ "$patients" -ge 2 ] || { echo "PATIENTS must be at least 2" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp "$bench" no.pgx.benchmarks.Cohort "$patients" "$work/many.jsonl"
# the single patient is another new patient (number PATIENTS+1), not the first line of the batch
java -cp "$bench" no.pgx.benchmarks.Cohort 1 "$work/one.jsonl" $((patients + 1))
[ "$(cut -d'"' -f4 "$work/many.jsonl" | sort -u | wc -l)" -eq "$patients" ] || { echo "patient ids repeat" >&2; exit 1; }
[ "$(cut -d, -f2- "$work/many.jsonl" | sort -u | wc -l)" -eq "$patients" ] || { echo "whole panels repeat" >&2; exit 1; }
extra=()
case "$threads" in
  all|0) ;;
  *) extra=(--threads "$threads") ;;
esac

run() {  # prints the wall time of one CLI run in milliseconds
  local start end
  start=$(date +%s%N)
  java -jar "$cli" assess --input "$1" "${extra[@]}" > "$work/out.jsonl"
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

before=$(cut -d' ' -f1-3 /proc/loadavg)
one=(); many=()
for _ in $(seq 1 "$runs"); do
  one+=("$(run "$work/one.jsonl")")
  many+=("$(run "$work/many.jsonl")")
done
lines=$(wc -l < "$work/out.jsonl"); bytes=$(wc -c < "$work/out.jsonl")
m1=$(printf '%s\n' "${one[@]}" | median); mn=$(printf '%s\n' "${many[@]}" | median)
echo "machine: $(nproc) cores, load average $before before, $(cut -d' ' -f1-3 /proc/loadavg) after; $(java -version 2>&1 | head -1)"
echo "threads: ${threads}; patients: $patients distinct (ids and whole panels checked)"
echo "1 patient:        ${one[*]} ms (median $m1)"
echo "$patients patients: ${many[*]} ms (median $mn); $lines lines, $((bytes / lines)) bytes per patient"
awk -v a="$m1" -v b="$mn" -v n="$patients" \
  'BEGIN {printf "marginal cost per new patient: %.3f ms (target <= 0.25 ms)\n", (b - a) / (n - 1)}'
# each run's own range, to show the spread: the marginal cost from the fastest and the slowest pair
awk -v a="$(printf '%s\n' "${one[@]}" | sort -n | head -1)" -v b="$(printf '%s\n' "${many[@]}" | sort -n | head -1)" \
    -v c="$(printf '%s\n' "${one[@]}" | sort -n | tail -1)" -v d="$(printf '%s\n' "${many[@]}" | sort -n | tail -1)" -v n="$patients" \
  'BEGIN {printf "range (fastest pair .. slowest pair): %.3f .. %.3f ms\n", (b - a) / (n - 1), (d - c) / (n - 1)}'
