package no.pgx.terminology.genomics;

/**
 * The genomic concepts this project reads and writes. Each constant has one row in {@code genomic_codes.csv} that gives
 * its code system, code and display; look it up with {@link GenomicCodes#code(GenomicConcept)}.
 */
public enum GenomicConcept {
    /** LOINC 84413-4: the genotype (diplotype) of a gene. */
    GENOTYPE_DISPLAY_NAME,
    /** LOINC 84414-2: one haplotype (star allele). */
    HAPLOTYPE_NAME,
    /** LOINC 48018-6: the gene studied, value an HGNC coding. */
    GENE_STUDIED,
    /** LOINC 53040-2: metabolizer phenotype. */
    DRUG_METABOLISM_EFFECT,
    /** LOINC 51963-7: the drug a therapeutic implication is about. */
    MEDICATION_ASSESSED,
    /** LOINC 69548-6: one variant (or allele) assessed. */
    GENETIC_VARIANT_ASSESSMENT,
    /** LOINC 81247-9: the genomics report panel. */
    GENETIC_REPORT_PANEL,
    /** LOINC 83009-1: high-risk allele effect (HLA). */
    HIGH_RISK_ALLELE_EFFECT,
    /** LOINC 79716-7: CYP2C9 metabolic activity interpretation (a gene-specific phenotype code). */
    CYP2C9_METABOLIC_ACTIVITY,
    /** IG code {@code therapeutic-implication} (Observation.code and STU3 component code). */
    THERAPEUTIC_IMPLICATION,
    /** IG code {@code predicted-therapeutic-implication} (STU2 component code). */
    PREDICTED_THERAPEUTIC_IMPLICATION,
    /** SNOMED CT 363779003 genotype determination ("Diplotype Call", FHIR core STU3 genetics examples). */
    GENOTYPE_DETERMINATION,
    /** Observation category laboratory. */
    LABORATORY_CATEGORY,
    /** Diagnostic service section GE (genetics). */
    GENETICS_CATEGORY,
    /** LOINC answer Positive. */
    POSITIVE,
    /** LOINC answer Negative. */
    NEGATIVE,
    /** LOINC answer Present. */
    PRESENT,
    /** LOINC answer Absent. */
    ABSENT
}
