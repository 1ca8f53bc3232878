#!/bin/sh
# Sanity check of the scenario book without Python or Java: every row has 17 fields, a unique id,
# a known mechanism, a citation and a note, and a card row has an action and an indicator.
# Usage: sh scenarios/check.sh [scenarios/scenario-book.csv]   (exit code 1 on the first kind of error found)
book="${1:-$(dirname "$0")/scenario-book.csv}"
awk '
function parse(line,   i, c, inq, f) {   # RFC 4180 fields of one line into F[1..n]; returns n
  n = 1; f = ""; inq = 0
  for (i = 1; i <= length(line); i++) {
    c = substr(line, i, 1)
    if (inq) {
      if (c == "\"") { if (substr(line, i + 1, 1) == "\"") { f = f "\""; i++ } else inq = 0 }
      else f = f c
    } else if (c == "\"") inq = 1
    else if (c == ",") { F[n++] = f; f = "" }
    else f = f c
  }
  F[n] = f
  if (inq) return -1
  return n
}
BEGIN {
  split("alternatives contraindication indication ddgi dose one-card warfarin quiet test-before-start route dpyd established-therapy names allele-alias cyp4f2 hla multi-gene standard", m, " ")
  for (k in m) MECH[m[k]] = 1
  split("AVOID CONSIDER_ALTERNATIVE REDUCE_DOSE INCREASE_DOSE STANDARD_DOSE MONITOR TEST_REQUIRED NO_RECOMMENDATION", a, " ")
  for (k in a) ACT[a[k]] = 1
  bad = 0; rows = 0
}
/^#/ { next }
{ sub(/\r$/, "") }
!header { header = 1; if ($0 != "id,mechanism,drug,results,medications,context,expect_cards,expect_action,expect_indicator,expect_dose,alternatives_allowed,alternatives_forbidden,suggestions_allowed,expect_basis,expect_mentions_nb,citation,note") { print "line " NR ": unexpected header"; bad = 1 }; next }
{
  rows++
  n = parse($0)
  if (n != 17) { print "line " NR ": " n " fields (want 17)"; bad = 1; next }
  id = F[1]
  if (id !~ /^S[0-9][0-9][0-9]+$/) { print "line " NR ": bad id " id; bad = 1 }
  if (id in SEEN) { print "line " NR ": duplicate id " id; bad = 1 }
  SEEN[id] = 1
  if (!(F[2] in MECH)) { print id ": unknown mechanism " F[2]; bad = 1 }
  if (F[3] == "") { print id ": no drug"; bad = 1 }
  if (F[7] != "0" && F[7] != "1") { print id ": expect_cards must be 0 or 1"; bad = 1 }
  if (F[7] == "1" && !(F[8] in ACT)) { print id ": card row without a valid action"; bad = 1 }
  if (F[7] == "1" && F[9] !~ /^(critical|warning|info)$/) { print id ": card row without an indicator"; bad = 1 }
  if (F[7] == "0" && (F[8] != "" || F[9] != "")) { print id ": quiet row with an action or indicator"; bad = 1 }
  if (F[13] != "yes" && F[13] != "no") { print id ": suggestions_allowed must be yes or no"; bad = 1 }
  if (F[16] == "") { print id ": no citation"; bad = 1 }
  if (F[17] == "") { print id ": no note"; bad = 1 }
  COUNT[F[2]]++
}
END {
  for (k in COUNT) printf "%-20s %d\n", k, COUNT[k] | "sort"
  close("sort")
  printf "rows: %d\n", rows
  exit bad
}' "$book"
