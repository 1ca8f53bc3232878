package no.pgx.terminology.genomics;

/**
 * Code system, profile and extension URIs used with genomics Observations.
 *
 * <p>Verified against the HL7 Genomics Reporting IG sources (STU2 2.0.0, STU3 3.0.0) and the FHIR core STU3/R4 genetics
 * examples; see {@code genomic_codes.csv} for where each was read. Constants only; no instances.
 */
public final class GenomicSystems {
    /** LOINC. */
    public static final String LOINC = "http://loinc.org";
    /** SNOMED CT. */
    public static final String SNOMED = "http://snomed.info/sct";
    /** HGNC as used by the Genomics Reporting IG STU2/STU3 ({@code HGNC:2625}) and FHIR core examples ({@code 2625}).
     */
    public static final String HGNC = "http://www.genenames.org";
    /** HGNC as used by the Genomics Reporting IG STU1 and older examples (code {@code HGNC:2625}). */
    public static final String HGNC_GENE_ID = "http://www.genenames.org/geneId";
    /** PharmVar star-allele names (IG alias {@code $PHARMVAR}). */
    public static final String PHARMVAR = "http://www.pharmvar.org";
    /** IPD-IMGT/HLA allele names (IG alias {@code $HLAALLELE}). */
    public static final String IMGT_HLA = "http://www.ebi.ac.uk/ipd/imgt/hla";
    /** Observation category ({@code laboratory}). */
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** HL7 v2 table 0074 diagnostic service section ({@code GE} genetics). */
    public static final String DIAGNOSTIC_SERVICE = "http://terminology.hl7.org/CodeSystem/v2-0074";

    /** Genomics Reporting IG "to be determined" codes, STU2 and STU3 ({@code therapeutic-implication} …). */
    public static final String GR_TBD_CODES = "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs";
    /** The same code system as written by the IG STU1-era profiles. */
    public static final String GR_TBD_CODES_STU1 = "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes";
    /** The same code system as written in the IG's HLA-B*15:02 PGx example bundle. */
    public static final String GR_TBD_CODES_LEGACY = "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/TbdCodes";

    /** Prefix of every Genomics Reporting IG profile URL. */
    public static final String GR_PROFILE_BASE = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/";
    /** Genotype profile (code LOINC 84413-4), IG STU1–STU3. */
    public static final String GENOTYPE_PROFILE = GR_PROFILE_BASE + "genotype";
    /** Haplotype profile (code LOINC 84414-2). */
    public static final String HAPLOTYPE_PROFILE = GR_PROFILE_BASE + "haplotype";
    /** Variant profile (code LOINC 69548-6). */
    public static final String VARIANT_PROFILE = GR_PROFILE_BASE + "variant";
    /** Therapeutic implication profile (IG STU2 and STU3). */
    public static final String THERAPEUTIC_IMPLICATION_PROFILE = GR_PROFILE_BASE + "therapeutic-implication";

    /** FHIR core STU3/R4 extension naming the gene of a genetics Observation ("observation-genetics" shape). */
    public static final String GENETICS_GENE_EXTENSION =
            "http://hl7.org/fhir/StructureDefinition/observation-geneticsGene";

    private GenomicSystems() {
    }
}
