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
    public GuidelineFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(drug, "drug");
        genes = Set.copyOf(genes);
    }

    /** @return true when the guideline keys on the gene */
    public boolean coversGene(String gene) {
        return genes.contains(gene);
    }
}
