package no.pgx.engine.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import no.pgx.engine.GeneInput;

/**
 * Turns the candidates of a document into one {@link GeneInput} per gene (per gene and allele for HLA allele
 * statuses). The newest result wins; results of the same date (one report: genotype and phenotype Observations) are
 * merged; a value that differs from the one used is reported as a conflict; older results are listed as superseded.
 * Therapeutic implications count only for genes with no lab result. Stateless.
 */
final class ResultMerger {
    private static final List<String> FIELDS = List.of("diplotype", "phenotype", "activityScore", "alleleStatus");
    /** Newest first; undated results last; then the later issued; then document order. */
    private static final Comparator<Candidate> NEWEST_FIRST = Comparator
            .comparing(Candidate::when, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(Candidate::issued, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparingInt(Candidate::order);

    private ResultMerger() {
    }

    static List<GeneInput> merge(Collected in) {
        Map<String, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate c : in.candidates) {
            groups.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
        }
        List<GeneInput> results = new ArrayList<>();
        for (List<Candidate> group : groups.values()) {
            results.add(mergeGroup(group, in));
        }
        return results;
    }

    private static GeneInput mergeGroup(List<Candidate> group, Collected in) {
        List<Candidate> labResults = group.stream().filter(c -> !c.fromImplication()).toList();
        List<Candidate> used = new ArrayList<>(labResults.isEmpty() ? group : labResults);
        if (!labResults.isEmpty()) {
            group.stream().filter(Candidate::fromImplication).forEach(c -> in.skip(c.gene(), null, c.source()
                    + " (" + c.gene() + ") is a therapeutic implication; the gene's lab result is used instead"));
        }
        used.sort(NEWEST_FIRST);
        Candidate newest = used.get(0);
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, newest.field(f)));
        for (Candidate other : used.subList(1, used.size())) {
            boolean sameReport = Objects.equals(other.when(), newest.when());
            boolean contributed = false;
            boolean conflicted = false;
            for (String f : FIELDS) {
                String mine = values.get(f);
                String theirs = other.field(f);
                if (theirs == null) {
                    continue;
                }
                if (mine != null && !same(f, newest.gene(), mine, theirs)) {
                    in.problem(newest.gene(), f, conflict(f, newest, mine, other, theirs));
                    conflicted = true;
                } else if (mine == null && sameReport) {
                    values.put(f, theirs);
                    contributed = true;
                }
            }
            if (!sameReport && !contributed && !conflicted) {
                in.skip(other.gene(), null, other.source() + " (" + other.gene() + ", " + date(other)
                        + ") is superseded by the newer " + newest.source() + " (" + date(newest) + ")");
            }
        }
        return new GeneInput(newest.gene(), values.get("diplotype"), values.get("phenotype"),
                values.get("activityScore"), values.get("alleleStatus"), newest.provenance());
    }

    private static String conflict(String field, Candidate used, String usedValue, Candidate other, String otherValue) {
        return used.gene() + ": results differ in " + field + ": " + usedValue + " (" + used.source() + ", "
                + date(used) + ") and " + otherValue + " (" + other.source() + ", " + date(other) + "); the newest ("
                + used.source() + ") is used";
    }

    private static String date(Candidate c) {
        LocalDate d = c.provenance().testDate();
        if (d != null) {
            return d.toString();
        }
        return c.when() == null ? "no date" : c.when().toString();
    }

    /** Same result written differently: allele order, spacing and case of a diplotype; synonyms of a phenotype. */
    static boolean same(String field, String gene, String a, String b) {
        return switch (field) {
            case "diplotype" -> diplotypeKey(a).equals(diplotypeKey(b));
            case "phenotype" -> phenotypeKey(a, gene).equals(phenotypeKey(b, gene));
            case "activityScore" -> numberKey(a).equals(numberKey(b));
            default -> textKey(a).equals(textKey(b));
        };
    }

    private static String diplotypeKey(String d) {
        String s = d.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        String[] alleles = s.split("/");
        if (alleles.length == 2 && alleles[0].compareTo(alleles[1]) > 0) {
            return alleles[1] + "/" + alleles[0];
        }
        return s;
    }

    private static String phenotypeKey(String p, String gene) {
        return textKey(Vocabulary.cpicTerm(p, gene).orElse(p));
    }

    private static String numberKey(String n) {
        String s = n.trim();
        try {
            return new BigDecimal(s).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return textKey(s);
        }
    }

    private static String textKey(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
