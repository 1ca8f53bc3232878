package no.pgx.terminology.genetics;

/** How a gene's phenotype is derived from its result (a column of {@code genes.csv}). */
public enum CallingMethod {
    /** Sum of allele activity values, then CPIC cut-offs (CYP2D6, CYP2C9, DPYD). */
    ACTIVITY_SCORE,
    /** The pair of allele function labels decides the phenotype (CYP2C19, TPMT, SLCO1B1 …). */
    FUNCTION_COMBINATION,
    /** The genotype itself is the result used for dosing (VKORC1 -1639, CYP4F2 rs2108622). */
    GENOTYPE,
    /** One allele per person (mitochondrial MT-RNR1). */
    SINGLE_ALLELE,
    /** Presence of named risk alleles (HLA-A, HLA-B). */
    ALLELE_STATUS,
    /** Only a reported phenotype is accepted (no allele table bundled: G6PD, CFTR, RYR1). */
    PHENOTYPE_ONLY
}
