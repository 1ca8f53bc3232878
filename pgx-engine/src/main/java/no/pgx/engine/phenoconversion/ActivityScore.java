package no.pgx.engine.phenoconversion;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An activity score as CPIC writes it: a number ({@code 1.25}) or a lower bound ({@code ≥3.0}, from {@code x≥3} copy
 * numbers). Package-private stand-in until {@code PhenotypeCaller} offers score helpers.
 *
 * @param value      the score, or the lower bound; never negative
 * @param lowerBound true for {@code ≥value}
 */
record ActivityScore(BigDecimal value, boolean lowerBound) {
    /**
     * Parses {@code 2.0}, {@code ≥3.0} or {@code >=3.0}.
     *
     * @return the score, or empty for null, blank, {@code n/a} or anything else that is not a score
     */
    static Optional<ActivityScore> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        boolean bound = false;
        if (t.startsWith("≥")) {
            bound = true;
            t = t.substring(1).trim();
        } else if (t.startsWith(">=")) {
            bound = true;
            t = t.substring(2).trim();
        }
        if (!t.matches("\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new ActivityScore(new BigDecimal(t), bound));
    }

    /**
     * Multiplies the score. A lower bound stays a lower bound unless the factor is 0 (no activity whatever the copy
     * number), as docs/clinical-rules.md states.
     */
    ActivityScore scale(BigDecimal factor) {
        BigDecimal scaled = value.multiply(factor);
        return new ActivityScore(scaled, lowerBound && factor.signum() != 0);
    }

    /** @return CPIC spelling: at least one decimal ({@code 0.0}, {@code 1.0}, {@code 0.625}), {@code ≥} for a bound */
    String format() {
        return (lowerBound ? "≥" : "") + format(value);
    }

    /** @return a number in CPIC spelling with at least one decimal */
    static String format(BigDecimal number) {
        BigDecimal n = number.stripTrailingZeros();
        if (n.scale() < 1) {
            n = n.setScale(1);
        }
        return n.toPlainString();
    }
}
