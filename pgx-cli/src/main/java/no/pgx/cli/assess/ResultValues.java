package no.pgx.cli.assess;

import java.util.Locale;
import java.util.regex.Pattern;

import no.pgx.engine.GeneInput;

/** Reads a gene result written as one value ({@code --result GENE=VALUE}, or a string in a case's {@code results}). */
final class ResultValues {
    private static final Pattern SCORE = Pattern.compile("(≥|>=)?\\d+(\\.\\d+)?");

    private ResultValues() {
    }

    /**
     * Reads a result value the way people write it: an allele status when it says positive or negative, a diplotype
     * when it has a {@code /}, an activity score when it is a number (also {@code ≥3.0}), else a phenotype.
     */
    static GeneInput guess(String gene, String value) {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.endsWith("positive") || lower.endsWith("negative") || lower.contains("positive;")
                || lower.contains("negative;")) {
            return GeneInput.alleleStatus(gene, v);
        }
        if (v.contains("/")) {
            return GeneInput.diplotype(gene, v);
        }
        if (SCORE.matcher(v).matches()) {
            return GeneInput.activityScore(gene, v);
        }
        return GeneInput.phenotype(gene, v);
    }
}
