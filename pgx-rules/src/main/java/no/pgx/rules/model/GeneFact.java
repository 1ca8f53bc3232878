package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: one tested gene result in the terms the recommendation tables use. A gene without a result on file has no
 * fact (tables write that as {@code No Result}).
 *
 * <p>HLA results are split into one fact per risk allele ({@code allele = "*15:02"}, {@code lookupKey = "*15:02 positive"}),
 * so that a result that says nothing about an allele counts as {@code No Result} for the drugs keyed on that allele.
 *
 * @param gene         gene symbol, upper case ({@code CYP2D6}); never null
 * @param allele       the risk allele for allele-status genes ({@code *57:01}), else null
 * @param lookupKey    the lookup key (activity score, phenotype term or allele status); never null
 * @param phenotype    CPIC phenotype term, or null when unknown
 * @param diplotype    normalised diplotype, or null when not given
 * @param functions    the two allele clinical-function labels, sorted and joined by {@code /}
 *                     ({@code Decreased function/Decreased function}), or null when unknown
 * @param state        result state; never null
 * @param expandedFrom for an activity-score gene reported as a phenotype only: that phenotype, with {@code lookupKey}
 *                     one of the scores that map to it; else null
 */
public record GeneFact(String gene, String allele, String lookupKey, String phenotype, String diplotype,
                       String functions, GeneState state, String expandedFrom) {
    /**
     * Checks the required components.
     *
     * @param gene         gene symbol; not null
     * @param allele       the risk allele, or null
     * @param lookupKey    the lookup key; not null
     * @param phenotype    CPIC phenotype term, or null
     * @param diplotype    normalised diplotype, or null
     * @param functions    the joined allele function labels, or null
     * @param state        result state; not null
     * @param expandedFrom the phenotype the score was expanded from, or null
     * @throws NullPointerException when {@code gene}, {@code lookupKey} or {@code state} is null
     */
    public GeneFact {
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(lookupKey, "lookupKey");
        Objects.requireNonNull(state, "state");
    }

    /** @return true when this fact stands for a phenotype given without its activity score */
    public boolean expanded() {
        return expandedFrom != null;
    }
}
