#!/usr/bin/env bash
# Marginal cost per patient of `pgx-cli assess --input` (every drug, JSON out), through the real jar.
# Usage: benchmarks/cli/run-cli.sh [PATIENTS] [RUNS] [THREADS]     defaults: 5000 patients, 5 runs, all cores
# Times RUNS runs of one patient and of PATIENTS patients (alternating, output to a file), takes the medians and prints
# (median(PATIENTS) - median(1)) / (PATIENTS - 1): the cost of one more patient, JVM start and knowledge loading
# excluded. Builds nothing: run `mvn -B -DskipTests package` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
patients=${1:-5000}
runs=${2:-5}
threads=${3:-}
cli=pgx-cli/target/pgx-cli.jar
bench=benchmarks/target/benchmarks.jar
[ -f "$cli" ] && [ -f "$bench" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
[ "$patients" -ge 2 ] || { echo "PATIENTS must be at least 2" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp "$bench" no.pgx.benchmarks.Cohort "$patients" "$work/many.jsonl"
head -n 1 "$work/many.jsonl" > "$work/one.jsonl"
extra=()
[ -n "$threads" ] && extra=(--threads "$threads")

run() {  # prints the wall time of one CLI run in milliseconds
  local start end
  start=$(date +%s%N)
  java -jar "$cli" assess --input "$1" "${extra[@]}" > "$work/out.jsonl"
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

one=(); many=()
for _ in $(seq 1 "$runs"); do
  one+=("$(run "$work/one.jsonl")")
  many+=("$(run "$work/many.jsonl")")
done
lines=$(wc -l < "$work/out.jsonl"); bytes=$(wc -c < "$work/out.jsonl")
m1=$(printf '%s\n' "${one[@]}" | median); mn=$(printf '%s\n' "${many[@]}" | median)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "1 patient:        ${one[*]} ms (median $m1)"
echo "$patients patients: ${many[*]} ms (median $mn); $lines lines, $((bytes / lines)) bytes per patient"
awk -v a="$m1" -v b="$mn" -v n="$patients" \
  'BEGIN {printf "marginal cost per patient: %.3f ms (target <= 0.2 ms)\n", (b - a) / (n - 1)}'
