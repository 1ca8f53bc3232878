package no.pgx.engine;

import java.util.Objects;

/**
 * A change from the genotype-predicted to the functional phenotype caused by co-medication (drug–drug–gene
 * interaction). Both results are kept.
 *
 * @param gene              the gene (enzyme), e.g. {@code CYP2D6}
 * @param perpetrator       the drug causing it (English INN, lower case), e.g. {@code paroxetine}
 * @param effect            {@code inhibitor} or {@code inducer}
 * @param strength          {@code strong}, {@code moderate} or {@code weak}
 * @param genotypePredicted the result predicted from the genotype
 * @param functional        the result after applying the phenoconversion policy
 * @param policyVersion     version of the phenoconversion policy applied
 */
public record Phenoconversion(String gene, String perpetrator, String effect, String strength,
                              GeneResult genotypePredicted, GeneResult functional, String policyVersion) {
    /**
     * Checks the required components.
     *
     * @param gene              the gene; not null
     * @param perpetrator       the drug causing it; not null
     * @param effect            {@code inhibitor} or {@code inducer}
     * @param strength          {@code strong}, {@code moderate} or {@code weak}
     * @param genotypePredicted the result predicted from the genotype; not null
     * @param functional        the result after the phenoconversion; not null
     * @param policyVersion     version of the policy applied
     * @throws NullPointerException when {@code gene}, {@code perpetrator}, {@code genotypePredicted} or
     *                              {@code functional} is null
     */
    public Phenoconversion {
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(perpetrator, "perpetrator");
        Objects.requireNonNull(genotypePredicted, "genotypePredicted");
        Objects.requireNonNull(functional, "functional");
    }
}
