package no.pgx.engine.fhir;

import java.util.List;

import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;

import no.pgx.terminology.genomics.GenomicConcept;
import no.pgx.terminology.genomics.GenomicSystems;

/** What an Observation reports, told from its code and profile, else from words in the code's text. */
enum Kind {
    /** A genotype / diplotype (IG genotype profile, LOINC 84413-4, SNOMED 363779003 "Diplotype Call"). */
    GENOTYPE,
    /** One haplotype (LOINC 84414-2): for HLA genes the allele is present; otherwise the genotype is used. */
    HAPLOTYPE,
    /** One variant assessed (LOINC 69548-6): read for HLA alleles only. */
    VARIANT,
    /** A metabolizer or function phenotype (LOINC 53040-2 or a gene-specific phenotype code). */
    PHENOTYPE,
    /** An activity score. */
    ACTIVITY_SCORE,
    /** A therapeutic implication (IG profile): phenotypes per drug, used only for genes without a lab result. */
    IMPLICATION,
    /**
     * Genomic context without a gene result of its own: region studied, sequence phase relationship, a grouping
     * Observation, an overall interpretation, a diagnostic implication. Reported once per document, never per
     * Observation.
     */
    CONTEXT,
    /** Not told by code or profile; decided from the value once the gene is known. */
    UNKNOWN;

    private static final List<String> CONTEXT_PROFILES = List.of("/region-studied", "/sequence-phase-relationship",
            "/grouper", "/overall-interpretation", "/diagnostic-implication");
    /** LOINC DNA region of interest panel, allelic phase, overall interpretation; NCIt "Group"; the IG's TBD code. */
    private static final List<String> CONTEXT_CODES = List.of("http://loinc.org|53041-0", "http://loinc.org|82120-7",
            "http://loinc.org|51968-6", "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl|C43359",
            "|diagnostic-implication");

    static Kind of(Observation o) {
        CodeableConcept code = o.getCode();
        List<String> profiles = o.getMeta().getProfile().stream().map(CanonicalType::getValue).toList();
        if (isContext(o, code, profiles)) {
            return CONTEXT;
        }
        if (Codes.has(code, GenomicConcept.THERAPEUTIC_IMPLICATION)
                || profiles.contains(GenomicSystems.THERAPEUTIC_IMPLICATION_PROFILE)) {
            return IMPLICATION;
        }
        if (Codes.has(code, GenomicConcept.HAPLOTYPE_NAME) || profiles.contains(GenomicSystems.HAPLOTYPE_PROFILE)) {
            return HAPLOTYPE;
        }
        if (Codes.has(code, GenomicConcept.GENOTYPE_DISPLAY_NAME)
                || Codes.has(code, GenomicConcept.GENOTYPE_DETERMINATION)
                || profiles.stream().anyMatch(Kind::isGenotypeProfile)) {
            return GENOTYPE;
        }
        if (Codes.has(code, GenomicConcept.DRUG_METABOLISM_EFFECT) || GeneFinder.ofCode(code).isPresent()
                || PhenotypeCodes.DEFAULT.isPhenotypeCode(code)) {
            return PHENOTYPE;
        }
        if (Codes.has(code, GenomicConcept.GENETIC_VARIANT_ASSESSMENT)
                || profiles.contains(GenomicSystems.VARIANT_PROFILE)) {
            return VARIANT;
        }
        return ofWords(String.join(" ", Codes.texts(code)));
    }

    private static boolean isContext(Observation o, CodeableConcept code, List<String> profiles) {
        for (String p : profiles) {
            if (p != null && CONTEXT_PROFILES.stream().anyMatch(p::endsWith)) {
                return true;
            }
        }
        for (org.hl7.fhir.r4.model.Coding c : code.getCoding()) {
            String key = (c.getSystem() == null ? "" : c.getSystem().trim()) + "|" + (c.getCode() == null ? ""
                    : c.getCode().trim());
            if (CONTEXT_CODES.contains(key) || "diagnostic-implication".equals(c.getCode())) {
                return true;
            }
        }
        // A grouping Observation: members, but no value of its own.
        return o.hasHasMember() && !o.hasValue() && !o.hasComponent();
    }

    /**
     * The IG genotype profile, and any profile named "diplotype": no published IG version has one (checked STU1-STU3),
     * but local profiles with that name carry a diplotype.
     */
    private static boolean isGenotypeProfile(String url) {
        return url != null && (url.endsWith("/genotype") || url.endsWith("/diplotype"));
    }

    private static Kind ofWords(String codeText) {
        String t = ResultText.lower(codeText);
        if (t.contains("activity score") || t.contains("aktivitetsskår") || t.contains("aktivitetsscore")) {
            return ACTIVITY_SCORE;
        }
        if (t.contains("phenotype") || t.contains("fenotype") || t.contains("metaboli") || t.contains("omsetter")) {
            return PHENOTYPE;
        }
        if (t.contains("genotyp") || t.contains("diplotyp")) {
            return GENOTYPE;
        }
        return UNKNOWN;
    }
}
