package no.pgx.engine;

import java.util.Objects;

/**
 * One gene result as reported by a lab, before interpretation.
 *
 * <p>At least one of {@code diplotype}, {@code phenotype}, {@code activityScore} or {@code alleleStatus} is given. When
 * a diplotype is given the engine calls the phenotype from it and warns if a given phenotype contradicts it.
 *
 * @param gene          gene symbol as written (case-insensitive, e.g. {@code CYP2D6}, {@code cyp2d6}, {@code HLA-B})
 * @param diplotype     diplotype as written ({@code *1/*4}, {@code CYP2D6*1x2/*4}, {@code rs9923231 C/T} …), or null
 * @param phenotype     phenotype as written (CPIC term, abbreviation, Norwegian label …), or null
 * @param activityScore activity score as written ({@code 1.0}, {@code ≥3.0}), or null
 * @param alleleStatus  allele status as written ({@code *57:01 positive}), or null
 * @param provenance    where the result comes from; never null (use {@link Provenance#UNKNOWN})
 */
public record GeneInput(String gene, String diplotype, String phenotype, String activityScore, String alleleStatus,
                        Provenance provenance) {
    /**
     * Checks the gene; a null provenance becomes {@link Provenance#UNKNOWN}. The result values are checked when the
     * result is interpreted ({@link PgxEngine#call(GeneInput)} throws, {@link PgxEngine#assess(AssessmentRequest)}
     * reports a {@link Problem}).
     *
     * @param gene          gene symbol as written; not null
     * @param diplotype     diplotype as written, or null
     * @param phenotype     phenotype as written, or null
     * @param activityScore activity score as written, or null
     * @param alleleStatus  allele status as written, or null
     * @param provenance    where the result comes from, or null for unknown
     * @throws NullPointerException when {@code gene} is null
     */
    public GeneInput {
        Objects.requireNonNull(gene, "gene");
        provenance = provenance == null ? Provenance.UNKNOWN : provenance;
    }

    /**
     * A result given as a diplotype, with unknown provenance.
     *
     * @param gene      gene symbol as written ({@code CYP2C19}); not null
     * @param diplotype diplotype as written ({@code *1/*2})
     * @return the input
     * @throws NullPointerException when {@code gene} is null
     */
    public static GeneInput diplotype(String gene, String diplotype) {
        return new GeneInput(gene, diplotype, null, null, null, Provenance.UNKNOWN);
    }

    /**
     * A result given as a phenotype only, with unknown provenance.
     *
     * @param gene      gene symbol as written; not null
     * @param phenotype phenotype as written ({@code Poor Metabolizer}, {@code PM}, {@code langsom omsetter} …)
     * @return the input
     * @throws NullPointerException when {@code gene} is null
     */
    public static GeneInput phenotype(String gene, String phenotype) {
        return new GeneInput(gene, null, phenotype, null, null, Provenance.UNKNOWN);
    }

    /**
     * A result given as an activity score only, with unknown provenance.
     *
     * @param gene          gene symbol of an activity-score gene ({@code CYP2D6}, {@code CYP2C9}, {@code DPYD}); not
     *                      null
     * @param activityScore activity score as written ({@code 1.0}, {@code 1,5}, {@code ≥3.0})
     * @return the input
     * @throws NullPointerException when {@code gene} is null
     */
    public static GeneInput activityScore(String gene, String activityScore) {
        return new GeneInput(gene, null, null, activityScore, null, Provenance.UNKNOWN);
    }

    /**
     * A result given as an allele status only (HLA), with unknown provenance.
     *
     * @param gene         gene symbol ({@code HLA-B}); not null
     * @param alleleStatus allele status as written ({@code *57:01 positive}; several separated by {@code ;})
     * @return the input
     * @throws NullPointerException when {@code gene} is null
     */
    public static GeneInput alleleStatus(String gene, String alleleStatus) {
        return new GeneInput(gene, null, null, null, alleleStatus, Provenance.UNKNOWN);
    }

    /**
     * @param provenance where the result comes from, or null for unknown
     * @return a copy with the given provenance
     */
    public GeneInput withProvenance(Provenance provenance) {
        return new GeneInput(gene, diplotype, phenotype, activityScore, alleleStatus, provenance);
    }
}
