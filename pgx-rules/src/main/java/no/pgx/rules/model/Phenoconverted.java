package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: co-medication changed a gene's result for the drugs of this evaluation (the {@link GeneFact}s of the gene are
 * the functional result). Inserted by the engine from its phenoconversion step.
 *
 * @param gene           the gene (enzyme); never null
 * @param perpetrator    the drug causing it (English INN, lower case); never null
 * @param effect         {@code inhibitor} or {@code inducer}; never null
 * @param strength       {@code strong}, {@code moderate} or {@code weak}; never null
 * @param predictedState the genotype-predicted result state; never null
 * @param predicted      the genotype-predicted phenotype (CPIC term); never null
 * @param functional     the functional phenotype (CPIC term); never null
 */
public record Phenoconverted(String gene, String perpetrator, String effect, String strength, GeneState predictedState,
                             String predicted, String functional) {
    /**
     * Checks the components.
     *
     * @param gene           the gene; not null
     * @param perpetrator    the drug causing it; not null
     * @param effect         inhibitor or inducer; not null
     * @param strength       strong, moderate or weak; not null
     * @param predictedState the genotype-predicted state; not null
     * @param predicted      the genotype-predicted phenotype; not null
     * @param functional     the functional phenotype; not null
     * @throws NullPointerException when a component is null
     */
    public Phenoconverted {
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(perpetrator, "perpetrator");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(predictedState, "predictedState");
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(functional, "functional");
    }

    /** @return true when the genotype alone gives a normal result (the co-medication alone makes it actionable) */
    public boolean genotypeNormal() {
        return predictedState == GeneState.NORMAL;
    }
}
