package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

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
    static final String ACTIVITY_SCORE = "Activity score (CPIC)";

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
        return genotype(result, true);
    }

    /** The genotype Observation, with the called phenotype as a component or (for a report) without. */
    static Observation genotype(GeneResult result, boolean phenotypeComponent) {
        Objects.requireNonNull(result, "result");
        if (result.state() == ResultState.NOT_TESTED) {
            throw new PgxException(result.gene(), "state", result.gene()
                    + " has no result on file; no Observation is written for a gene that was not tested");
        }
        GeneCode gene = Codes.TABLE.gene(result.gene()).orElse(new GeneCode(result.gene(), null));
        String diplotype = result.diplotype() != null ? result.diplotype() : result.diplotypeAsWritten();
        if (gene.isHla() && diplotype == null) {
            hlaStatus(result);
            return alleleStatuses(result, gene);
        }
        String phenotype = GeneResult.NO_RESULT.equals(result.phenotype()) ? null : result.phenotype();
        Observation o = laboratoryObservation();
        if (diplotype != null) {
            o.getMeta().addProfile(GenomicSystems.GENOTYPE_PROFILE);
            o.setCode(Codes.concept(GenomicConcept.GENOTYPE_DISPLAY_NAME));
            o.setValue(genotypeValue(gene, diplotype));
        } else if (phenotype != null) {
            o.setCode(isMetabolizer(phenotype) ? Codes.concept(GenomicConcept.DRUG_METABOLISM_EFFECT)
                    : new CodeableConcept().setText(gene.symbol() + " phenotype"));
            o.setValue(phenotypeValue(phenotype, null));
        } else {
            throw new PgxException(result.gene(), "diplotype", result.gene()
                    + " has neither a diplotype, an allele status nor a phenotype to write as an Observation");
        }
        o.addComponent(geneComponent(gene));
        if (gene.isHla() && diplotype != null) {
            addAlleleComponents(o, gene, result.lookupKey());
        }
        if (phenotypeComponent && diplotype != null && phenotype != null && !gene.isHla()) {
            o.addComponent().setCode(phenotypeCode(phenotype)).setValue(phenotypeValue(phenotype, null));
        }
        if (result.activityScore() != null && (phenotypeComponent || diplotype == null)) {
            o.addComponent().setCode(new CodeableConcept().setText(ACTIVITY_SCORE))
                    .setValue(new StringType(result.activityScore()));
        }
        provenance(o, result);
        return o;
    }

    /**
     * An HLA result given as allele statuses: one component per allele, its code the IMGT/HLA allele
     * ({@code HLA-B*57:01}) and its value LOINC Positive or Negative; the value repeats them as text.
     */
    private static Observation alleleStatuses(GeneResult result, GeneCode gene) {
        Observation o = laboratoryObservation();
        o.setCode(new CodeableConcept().setText(gene.symbol() + " allele status"));
        o.setValue(new CodeableConcept().setText(Arrays.stream(result.lookupKey().split(";"))
                .map(item -> gene.symbol() + item.trim()).collect(Collectors.joining("; "))));
        o.addComponent(geneComponent(gene));
        addAlleleComponents(o, gene, result.lookupKey());
        provenance(o, result);
        return o;
    }

    private static void addAlleleComponents(Observation o, GeneCode gene, String lookupKey) {
        if (lookupKey == null) {
            return;
        }
        for (String item : lookupKey.split(";")) {
            String s = item.trim();
            int space = s.lastIndexOf(' ');
            if (space <= 0 || !(s.endsWith("positive") || s.endsWith("negative"))) {
                continue;
            }
            String allele = gene.symbol() + s.substring(0, space);
            o.addComponent().setCode(new CodeableConcept().addCoding(new Coding(HlaReader.IMGT_HLA_SYSTEM, allele,
                            allele)).setText(allele))
                    .setValue(Codes.concept(s.endsWith("positive") ? GenomicConcept.POSITIVE : GenomicConcept.NEGATIVE));
        }
    }

    private static void provenance(Observation o, GeneResult result) {
        if (result.provenance().testDate() != null) {
            o.setEffective(new DateTimeType(result.provenance().testDate().toString()));
        }
        if (result.provenance().lab() != null) {
            o.addPerformer(new Reference().setDisplay(result.provenance().lab()));
        }
        result.warnings().forEach(w -> o.addNote(new Annotation().setText(w)));
    }

    /**
     * A finding as a therapeutic-implication Observation: profile {@code therapeutic-implication}, a
     * medication-assessed component (LOINC 51963-7; RxNorm and ATC codes when known), per gene a gene-studied component
     * and an implication component with the phenotype used, and the recommendation (summary, action, strength,
     * source, guideline) in Bokmål and English notes. When the finding used a phenoconverted phenotype, a
     * {@code Phenoconversion} component says by which drug.
     *
     * <p>Standalone, the implication carries what it is derived from: a contained phenotype Observation per gene
     * (gene and phenotype used), referenced from {@code derivedFrom}. To contain the genotypes instead, use
     * {@link #therapeuticImplication(Finding, List)}.
     *
     * @param finding the finding; not null
     * @return a new Observation, never null
     */
    public static Observation therapeuticImplication(Finding finding) {
        Observation o = implication(finding);
        Map<String, String> phenotypes = finding.phenotypes().isEmpty() ? finding.lookupKey() : finding.phenotypes();
        int n = 1;
        for (Map.Entry<String, String> e : phenotypes.entrySet()) {
            if (GeneResult.NO_RESULT.equals(e.getValue())) {
                continue;
            }
            GeneCode gene = Codes.TABLE.gene(e.getKey()).orElse(new GeneCode(e.getKey(), null));
            Observation p = phenotypeObservation(gene, e.getValue(), null);
            p.setId("phenotype-" + n++);
            o.addContained(p);
            o.addDerivedFrom(new Reference("#" + p.getIdElement().getIdPart()));
        }
        return o;
    }

    /**
     * A finding as a therapeutic-implication Observation that contains the genotype Observations of its genes (from
     * the results given) and is derived from them.
     *
     * @param finding the finding; not null
     * @param results the patient's gene results (those of the finding's genes are used); not null
     * @return a new Observation, never null
     */
    public static Observation therapeuticImplication(Finding finding, List<GeneResult> results) {
        Objects.requireNonNull(results, "results");
        Observation o = implication(finding);
        int n = 1;
        for (GeneResult r : results) {
            if (finding.lookupKey().containsKey(r.gene()) && r.state() != ResultState.NOT_TESTED) {
                Observation g = genotype(r);
                g.setId("genotype-" + n++);
                o.addContained(g);
                o.addDerivedFrom(new Reference("#" + g.getIdElement().getIdPart()));
            }
        }
        return o;
    }

    /** The implication without contained sources (a bundle links it to its sources itself). */
    static Observation therapeuticImplicationWithoutSources(Finding finding) {
        return implication(finding);
    }

    /**
     * An HL7 Genomics Reporting Bundle of an assessment: a genomics-report DiagnosticReport listing every result; per
     * tested gene a genotype Observation (the diplotype as the lab wrote it; an HLA genotype as a GL String, its risk
     * alleles coded) and a phenotype Observation with our interpretation, derived from it; per finding that asks for
     * action (avoid, alternative, dose change, monitoring) a therapeutic-implication Observation derived from the gene
     * results it used, with the drug's ATC and RxNorm codes, and a medication-recommendation Task proposing the action.
     * Entries have {@code urn:uuid:} full URLs. What it writes, {@link FhirResults} reads back to the same gene
     * results.
     *
     * @param results  the gene results; not null; {@link ResultState#NOT_TESTED} results are left out
     * @param findings the findings; not null (empty for a results-only report)
     * @param subject  the patient reference to write ({@code Patient/123}), or null to leave it to the caller
     * @return a new Bundle, never null
     */
    public static Bundle report(List<GeneResult> results, List<Finding> findings, String subject) {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(findings, "findings");
        return new GenomicsReport(subject).build(results, findings);
    }

    private static Observation implication(Finding finding) {
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
            Observation ti = implication(f);
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

    private static CodeableConcept genotypeValue(GeneCode gene, String diplotype) {
        if (gene.isHla()) {
            // GL String notation: '+' joins the two alleles of the genotype ('/' would mean "either allele").
            String gl = Arrays.stream(diplotype.split("/")).map(a -> gene.symbol() + a.trim())
                    .collect(Collectors.joining("+"));
            return new CodeableConcept().addCoding(new Coding(HlaReader.GL_STRING_SYSTEM, gl, null)).setText(gl);
        }
        return new CodeableConcept().setText(gene.symbol() + " " + diplotype);
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

    /** A phenotype Observation: LOINC 53040-2 for metabolizer phenotypes, else a text code; the gene as component. */
    static Observation phenotypeObservation(GeneCode gene, String phenotype, String activityScore) {
        Observation o = laboratoryObservation();
        o.setCode(isMetabolizer(phenotype) ? Codes.concept(GenomicConcept.DRUG_METABOLISM_EFFECT)
                : new CodeableConcept().setText(gene.symbol() + " phenotype (CPIC)"));
        o.setValue(phenotypeValue(phenotype, null));
        o.addComponent(geneComponent(gene));
        if (activityScore != null) {
            o.addComponent().setCode(new CodeableConcept().setText(ACTIVITY_SCORE))
                    .setValue(new StringType(activityScore));
        }
        return o;
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
