package no.pgx.rules.model;

import java.util.Objects;
import java.util.Set;

/**
 * Fact: a guideline that covers an ordered drug, from {@code guidelines.csv} and the recommendation tables.
 *
 * @param id        guideline id; never null
 * @param source    {@code CPIC} or {@code DPWG}; never null
 * @param drug      the drug (English INN, lower case); never null
 * @param genes     the genes the guideline keys on; never null
 * @param lookup    true when the guideline has recommendation rows (a lookup); false when it is a dosing algorithm the
 *                  tables cannot express (CPIC warfarin)
 */
public record GuidelineFact(String id, String source, String drug, Set<String> genes, boolean lookup) {
    /**
     * Checks the required components and keeps an unmodifiable copy of the genes.
     *
     * @param id     guideline id; not null
     * @param source {@code CPIC} or {@code DPWG}; not null
     * @param drug   the drug; not null
     * @param genes  the genes it keys on; not null, no null element
     * @param lookup whether the guideline has recommendation rows
     * @throws NullPointerException when a required component or {@code genes} is null, or {@code genes} holds null
     */
    public GuidelineFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(drug, "drug");
        genes = Set.copyOf(genes);
    }

    /**
     * @param gene gene symbol, upper case; not null
     * @return true when the guideline keys on the gene
     * @throws NullPointerException when {@code gene} is null
     */
    public boolean coversGene(String gene) {
        return genes.contains(gene);
    }
}
