package no.pgx.terminology.genetics;

/** How alleles of a gene are written (a column of {@code genes.csv}). */
public enum AlleleNotation {
    /** Star alleles: {@code *1}, {@code *3A}, {@code *2x≥3}, {@code *36+*10}. */
    STAR,
    /** Variant names: {@code c.1905+1G>A (*2A)}, {@code Reference}; several variants on one haplotype joined by " + ". */
    VARIANT,
    /** rsID-named alleles ({@code rs9923231 variant (T)}) and genotype shorthands ({@code rs9923231 C/T}, {@code -1639 GA}). */
    RSID,
    /** HLA alleles, reduced to two fields ({@code *57:01}). */
    HLA,
    /** One mitochondrial allele ({@code m.1555A>G}, {@code Reference}). */
    MITOCHONDRIAL
}
