package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxException;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.ResultState;
import no.pgx.terminology.genomics.GeneCode;
import no.pgx.terminology.genomics.GenomicConcept;
import no.pgx.terminology.genomics.GenomicSystems;

/**
 * Writes engine results as FHIR R4 Observations in the shape of the HL7 Genomics Reporting IG (STU2/STU3): a
 * {@link GeneResult} as a genotype Observation and a {@link Finding} as a therapeutic-implication Observation.
 * Phenotypes are shown with their fixed Norwegian label and the CPIC term beside it
 * ({@code langsom omsetter (Poor Metabolizer)}) and coded with the LOINC answer where one exists.
 *
 * <p>The Observations have no id and no subject: the caller adds the patient reference and stores them. Written
 * Observations can be read back with {@link FhirResults}; implications written from a phenoconverted phenotype are
 * marked, and {@link FhirResults} does not take them for lab results. All methods are stateless and thread-safe.
 */
public final class FhirObservations {
    private static final String NOTE_SEPARATOR = " · ";

    private FhirObservations() {
    }

    /**
     * A gene result as a genotype Observation: profile {@code genotype}, code LOINC 84413-4, value the diplotype
     * ({@code CYP2C19 *2/*2}; an HLA allele status as {@code HLA-B*57:01 positive}), a gene-studied component
     * (LOINC 48018-6, HGNC id), the phenotype called from it (LOINC 53040-2 for metabolizer phenotypes) and the
     * activity score.
     * A result given only as a phenotype or activity score becomes a phenotype Observation (no genotype profile).
     *
     * @param result the result; not null
     * @return a new Observation, never null
     * @throws PgxException when the gene has no result on file ({@link ResultState#NOT_TESTED}): a missing result is
     *                      never written as if it were one
     */
    public static Observation genotype(GeneResult result) {
        Objects.requireNonNull(result, "result");
        if (result.state() == ResultState.NOT_TESTED) {
            throw new PgxException(result.gene(), "state", result.gene()
                    + " has no result on file; no Observation is written for a gene that was not tested");
        }
        GeneCode gene = Codes.TABLE.gene(result.gene()).orElse(new GeneCode(result.gene(), null));
        String diplotype = result.diplotype() != null ? result.diplotype() : result.diplotypeAsWritten();
        String status = gene.isHla() && diplotype == null ? hlaStatus(result) : null;
        String phenotype = GeneResult.NO_RESULT.equals(result.phenotype()) ? null : result.phenotype();
        Observation o = laboratoryObservation();
        if (diplotype != null || status != null) {
            o.getMeta().addProfile(GenomicSystems.GENOTYPE_PROFILE);
            o.setCode(Codes.concept(GenomicConcept.GENOTYPE_DISPLAY_NAME));
            o.setValue(genotypeValue(gene, diplotype, status));
        } else if (phenotype != null) {
            o.setCode(isMetabolizer(phenotype) ? Codes.concept(GenomicConcept.DRUG_METABOLISM_EFFECT)
                    : new CodeableConcept().setText(gene.symbol() + " phenotype"));
            o.setValue(phenotypeValue(phenotype, null));
        } else {
            throw new PgxException(result.gene(), "diplotype", result.gene()
                    + " has neither a diplotype, an allele status nor a phenotype to write as an Observation");
        }
        o.addComponent(geneComponent(gene));
        if ((diplotype != null || status != null) && phenotype != null && !gene.isHla()) {
            o.addComponent().setCode(phenotypeCode(phenotype)).setValue(phenotypeValue(phenotype, null));
        }
        if (result.activityScore() != null) {
            o.addComponent().setCode(new CodeableConcept().setText("Activity score (CPIC)"))
                    .setValue(new StringType(result.activityScore()));
        }
        if (result.provenance().testDate() != null) {
            o.setEffective(new DateTimeType(result.provenance().testDate().toString()));
        }
        if (result.provenance().lab() != null) {
            o.addPerformer(new Reference().setDisplay(result.provenance().lab()));
        }
        result.warnings().forEach(w -> o.addNote(new Annotation().setText(w)));
        return o;
    }

    /**
     * A finding as a therapeutic-implication Observation: profile {@code therapeutic-implication}, a
     * medication-assessed component (LOINC 51963-7; RxNorm and ATC codes when known), per gene a gene-studied component
     * and an implication component with the phenotype used, and the recommendation (summary, action, strength,
     * source, guideline) in Bokmål and English notes. When the finding used a phenoconverted phenotype, a
     * {@code Phenoconversion} component says by which drug.
     *
     * @param finding the finding; not null
     * @return a new Observation without derivedFrom (see {@link #bundle(List, List)} for linked genotypes), never null
     */
    public static Observation therapeuticImplication(Finding finding) {
        Objects.requireNonNull(finding, "finding");
        Observation o = laboratoryObservation();
        o.getMeta().addProfile(GenomicSystems.THERAPEUTIC_IMPLICATION_PROFILE);
        o.setCode(Codes.concept(GenomicConcept.THERAPEUTIC_IMPLICATION));
        o.addComponent().setCode(Codes.concept(GenomicConcept.MEDICATION_ASSESSED))
                .setValue(Medications.concept(finding.drug()));
        Map<String, String> phenotypes = finding.phenotypes().isEmpty() ? finding.lookupKey() : finding.phenotypes();
        phenotypes.forEach((symbol, phenotype) -> {
            GeneCode gene = Codes.TABLE.gene(symbol).orElse(new GeneCode(symbol, null));
            o.addComponent(geneComponent(gene));
            o.addComponent().setCode(Codes.concept(GenomicConcept.THERAPEUTIC_IMPLICATION))
                    .setValue(phenotypeValue(phenotype, gene.symbol()));
        });
        if (finding.phenoconverted()) {
            o.addComponent().setCode(new CodeableConcept().setText(ImplicationReader.PHENOCONVERSION_COMPONENT))
                    .setValue(new StringType(phenoconversions(finding)));
        }
        o.addNote(new Annotation().setText(Notes.recommendation(finding, true)));
        o.addNote(new Annotation().setText(Notes.recommendation(finding, false)));
        return o;
    }

    /**
     * A collection Bundle with a genotype Observation per tested gene and a therapeutic-implication Observation per
     * finding, each implication derived from the genotypes of its genes. Entries have {@code urn:uuid:} full URLs.
     *
     * @param results  gene results; not null; {@link ResultState#NOT_TESTED} results are left out
     * @param findings findings; not null
     * @return a new Bundle, never null
     */
    public static Bundle bundle(List<GeneResult> results, List<Finding> findings) {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(findings, "findings");
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        Map<String, List<String>> urlsByGene = new LinkedHashMap<>();
        for (GeneResult r : results) {
            if (r.state() != ResultState.NOT_TESTED) {
                String url = "urn:uuid:" + UUID.randomUUID();
                bundle.addEntry().setFullUrl(url).setResource(genotype(r));
                urlsByGene.computeIfAbsent(r.gene(), g -> new ArrayList<>()).add(url);
            }
        }
        for (Finding f : findings) {
            Observation ti = therapeuticImplication(f);
            for (String gene : f.lookupKey().keySet()) {
                urlsByGene.getOrDefault(gene, List.of()).forEach(url -> ti.addDerivedFrom(new Reference(url)));
            }
            bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(ti);
        }
        return bundle;
    }

    /**
     * @param resource any FHIR R4 resource; not null
     * @return compact FHIR JSON, never null
     */
    public static String toJson(IBaseResource resource) {
        Objects.requireNonNull(resource, "resource");
        return Fhir.writer().encodeResourceToString(resource);
    }

    private static Observation laboratoryObservation() {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept().addCoding(Codes.coding(GenomicConcept.LABORATORY_CATEGORY)));
        o.addCategory(new CodeableConcept().addCoding(Codes.coding(GenomicConcept.GENETICS_CATEGORY)));
        return o;
    }

    private static CodeableConcept genotypeValue(GeneCode gene, String diplotype, String status) {
        if (diplotype != null) {
            return new CodeableConcept().setText(gene.symbol() + (gene.isHla() ? "" : " ") + diplotype);
        }
        CodeableConcept value = new CodeableConcept().setText(gene.symbol() + status);
        value.addCoding(Codes.coding(status.endsWith("positive") ? GenomicConcept.POSITIVE : GenomicConcept.NEGATIVE));
        return value;
    }

    private static Observation.ObservationComponentComponent geneComponent(GeneCode gene) {
        CodeableConcept value = new CodeableConcept();
        if (gene.hgncId() != null) {
            value.addCoding(new Coding(GenomicSystems.HGNC, gene.hgncId(), gene.symbol()));
        } else {
            value.setText(gene.symbol());
        }
        return new Observation.ObservationComponentComponent(Codes.concept(GenomicConcept.GENE_STUDIED))
                .setValue(value);
    }

    private static CodeableConcept phenotypeCode(String phenotype) {
        return isMetabolizer(phenotype) ? Codes.concept(GenomicConcept.DRUG_METABOLISM_EFFECT)
                : new CodeableConcept().setText("Phenotype (CPIC)");
    }

    /** The phenotype with its LOINC answer when one exists and the Norwegian label beside the CPIC term. */
    private static CodeableConcept phenotypeValue(String phenotype, String genePrefix) {
        CodeableConcept value = new CodeableConcept();
        Codes.TABLE.phenotype(phenotype).ifPresent(answer -> value.addCoding(Codes.coding(answer.answer())));
        String label = Vocabulary.displayLabel(phenotype);
        return value.setText(genePrefix == null ? label : genePrefix + ": " + label);
    }

    private static boolean isMetabolizer(String phenotype) {
        return phenotype != null && ResultText.lower(phenotype).contains("metabolizer");
    }

    private static String hlaStatus(GeneResult result) {
        for (String s : new String[] {result.lookupKey(), result.phenotype()}) {
            if (s != null && (s.endsWith("positive") || s.endsWith("negative"))) {
                return s;
            }
        }
        throw new PgxException(result.gene(), "lookupKey", result.gene() + " has neither a diplotype nor an allele "
                + "status (such as *57:01 positive) to write as a genotype");
    }

    private static String phenoconversions(Finding finding) {
        List<String> parts = new ArrayList<>();
        for (Phenoconversion p : finding.phenoconversions()) {
            parts.add(p.gene() + ": " + p.genotypePredicted().phenotype() + " -> " + p.functional().phenotype() + " ("
                    + p.perpetrator() + ", " + p.strength() + " " + p.effect() + ")");
        }
        return parts.isEmpty() ? "phenoconverted by co-medication" : String.join(NOTE_SEPARATOR, parts);
    }
}
