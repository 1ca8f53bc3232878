package no.pgx.rules.model;

import java.util.Objects;

/**
 * Fact: one of the patient's {@link GeneFact}s offered to the recommendation rows of one ordered drug. The engine
 * inserts one per ordered drug (or probe) and gene fact of a gene the drug's rows name, beside the gene facts
 * themselves. The generated row rules match it with equality constraints on literals only, drug first, then gene,
 * then the row's key ({@code DrugGene( drug == "codeine", gene == "CYP2D6", lookupKey == "0.0" )}): Drools' alpha
 * network hashes those, so a fact reaches only the rules of its drug, gene and key, and a rule never joins the order
 * with gene facts of other rows.
 *
 * @param drug      the ordered drug (English INN, lower case); never null
 * @param gene      the gene of {@code fact}
 * @param allele    the risk allele of {@code fact} (allele-status genes), else null
 * @param lookupKey the lookup key of {@code fact}
 * @param phenotype the phenotype term of {@code fact}, or null
 * @param diplotype the diplotype of {@code fact}, or null
 * @param functions the allele-function pair of {@code fact}, or null
 * @param fact      the gene fact; never null
 */
public record DrugGene(String drug, String gene, String allele, String lookupKey, String phenotype, String diplotype,
                       String functions, GeneFact fact) {
    /**
     * Checks the fact; the engine builds it with {@link #of(String, GeneFact)}.
     *
     * @param drug      the ordered drug (English INN, lower case); not null
     * @param gene      the gene of {@code fact}
     * @param allele    the risk allele of {@code fact}, or null
     * @param lookupKey the lookup key of {@code fact}
     * @param phenotype the phenotype term of {@code fact}, or null
     * @param diplotype the diplotype of {@code fact}, or null
     * @param functions the allele-function pair of {@code fact}, or null
     * @param fact      the gene fact; not null
     * @throws NullPointerException when {@code drug} or {@code fact} is null
     */
    public DrugGene {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(fact, "fact");
    }

    /**
     * The fact for a drug, its fields copied from the gene fact (the rules constrain fields, not paths).
     *
     * @param drug the ordered drug (English INN, lower case); not null
     * @param fact the gene fact; not null
     * @return the fact, never null
     */
    public static DrugGene of(String drug, GeneFact fact) {
        return new DrugGene(drug, fact.gene(), fact.allele(), fact.lookupKey(), fact.phenotype(), fact.diplotype(),
                fact.functions(), fact);
    }
}
