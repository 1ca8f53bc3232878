package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: the genotype-predicted phenotype of a tested gene (before any phenoconversion), for rules about drug–drug–gene
 * interactions that depend on the genotype (codeine in CYP2D6 ultrarapid metabolizers with a CYP3A4 inhibitor).
 *
 * @param gene      the gene; never null
 * @param phenotype the CPIC phenotype term; never null
 * @param state     the genotype-predicted result state; never null
 */
public record PredictedResult(String gene, String phenotype, GeneState state) {
    /**
     * Checks the components.
     *
     * @param gene      the gene; not null
     * @param phenotype the CPIC phenotype term; not null
     * @param state     the result state; not null
     * @throws NullPointerException when a component is null
     */
    public PredictedResult {
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(phenotype, "phenotype");
        Objects.requireNonNull(state, "state");
    }
}
