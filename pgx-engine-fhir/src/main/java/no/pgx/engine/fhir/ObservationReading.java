package no.pgx.engine.fhir;

import java.time.Instant;

import no.pgx.engine.Provenance;

/**
 * One gene result read from one Observation, before the results for the same gene are combined.
 *
 * @param gene            canonical gene symbol
 * @param diplotype       diplotype as written (gene prefix removed; HLA at two fields), or null
 * @param phenotype       phenotype (CPIC term when recognised, else as written), or null
 * @param activityScore   activity score as written, or null
 * @param alleleStatus    HLA allele status ({@code *57:01 positive}), or null
 * @param haplotype       one haplotype as written ({@code *2}, {@code HLA-B*57:01:01G}), or null
 * @param homozygous      true when the haplotype is stated to be present on both chromosomes
 * @param provenance      id, date and lab of the Observation
 * @param when            when the result was obtained (effective, else issued), or null when unknown
 * @param issued          when it was issued, or null; orders results of the same date
 * @param fromImplication true when read from a therapeutic implication (used only when no lab result exists)
 * @param preliminary     true when the Observation's status is preliminary
 * @param source          how the Observation is named in messages ({@code Observation obs-1})
 * @param order           position in the document
 */
record ObservationReading(String gene, String diplotype, String phenotype, String activityScore, String alleleStatus,
                 String haplotype, boolean homozygous, Provenance provenance, Instant when, Instant issued,
                 boolean fromImplication, boolean preliminary, String source, int order) {

    /** @return the value of a field by its GeneInput name */
    String field(String name) {
        return switch (name) {
            case "diplotype" -> diplotype;
            case "phenotype" -> phenotype;
            case "activityScore" -> activityScore;
            case "alleleStatus" -> alleleStatus;
            case "haplotype" -> haplotype;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
