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
    /** Not told by code or profile; decided from the value once the gene is known. */
    UNKNOWN;

    static Kind of(Observation o) {
        CodeableConcept code = o.getCode();
        List<String> profiles = o.getMeta().getProfile().stream().map(CanonicalType::getValue).toList();
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
        if (Codes.has(code, GenomicConcept.DRUG_METABOLISM_EFFECT) || GeneFinder.ofCode(code).isPresent()) {
            return PHENOTYPE;
        }
        if (Codes.has(code, GenomicConcept.GENETIC_VARIANT_ASSESSMENT)
                || profiles.contains(GenomicSystems.VARIANT_PROFILE)) {
            return VARIANT;
        }
        return ofWords(String.join(" ", Codes.texts(code)));
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
