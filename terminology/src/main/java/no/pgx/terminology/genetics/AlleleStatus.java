package no.pgx.terminology.genetics;

/**
 * Presence or absence of one allele (HLA risk alleles).
 *
 * @param allele   two-field allele ({@code *57:01}), or null when the text named no allele (bare "positive")
 * @param positive true when at least one copy was found
 */
public record AlleleStatus(String allele, boolean positive) {
    /** @return CPIC lookup spelling, e.g. {@code *57:01 positive} */
    @Override
    public String toString() {
        return (allele == null ? "" : allele + " ") + (positive ? "positive" : "negative");
    }
}
