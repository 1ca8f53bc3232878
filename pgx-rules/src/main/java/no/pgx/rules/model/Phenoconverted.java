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
