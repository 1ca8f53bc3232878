package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

import no.pgx.engine.Action;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.ResultState;
import no.pgx.terminology.genomics.GeneCode;
import no.pgx.terminology.genomics.GenomicConcept;
import no.pgx.terminology.genomics.GenomicSystems;

/**
 * Builds an HL7 Genomics Reporting Bundle from engine results: a genomics-report DiagnosticReport listing every
 * result; per tested gene a genotype Observation (the diplotype as the lab wrote it; HLA as a GL String with the risk
 * alleles coded) and a phenotype Observation (our interpretation: CPIC phenotype with its LOINC answer, activity score,
 * HLA allele statuses) derived from it; per actionable finding a therapeutic-implication Observation derived from the
 * gene results it used, naming the drug with its ATC and RxNorm codes, and a medication-recommendation Task that
 * proposes the action. Not thread-safe; one instance per bundle.
 */
final class GenomicsReport {
    static final String GENOMICS_REPORT_PROFILE = GenomicSystems.GR_PROFILE_BASE + "genomics-report";
    static final String MEDICATION_RECOMMENDATION_PROFILE = GenomicSystems.GR_PROFILE_BASE + "medication-recommendation";
    static final String RECOMMENDED_ACTION = GenomicSystems.GR_PROFILE_BASE + "recommended-action";
    /** Findings that ask for something other than the standard treatment. */
    static final Set<Action> ACTIONABLE = EnumSet.of(Action.AVOID, Action.CONSIDER_ALTERNATIVE, Action.REDUCE_DOSE,
            Action.INCREASE_DOSE, Action.MONITOR);

    private final Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    private final DiagnosticReport report = new DiagnosticReport();
    private final Reference subject;
    private final Map<String, List<Reference>> byGene = new LinkedHashMap<>();

    GenomicsReport(String subject) {
        this.subject = subject == null || subject.isBlank() ? null : new Reference(subject.trim());
        report.getMeta().addProfile(GENOMICS_REPORT_PROFILE);
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.addCategory(new CodeableConcept().addCoding(Codes.coding(GenomicConcept.GENETICS_CATEGORY)));
        report.setCode(Codes.concept(GenomicConcept.GENETIC_REPORT_PANEL).setText("Farmakogenetisk analyse"
                + " (pharmacogenomic results)"));
        if (this.subject != null) {
            report.setSubject(this.subject.copy());
        }
        add(report);
    }

    Bundle build(List<GeneResult> results, List<Finding> findings) {
        for (GeneResult r : results) {
            if (r.state() != ResultState.NOT_TESTED) {
                gene(r);
            }
        }
        for (Finding f : findings) {
            if (ACTIONABLE.contains(f.action())) {
                finding(f);
            }
        }
        results.stream().map(r -> r.provenance().testDate()).filter(d -> d != null).max(java.util.Comparator
                .naturalOrder()).ifPresent(d -> report.setEffective(new DateTimeType(d.toString())));
        return bundle;
    }

    private void gene(GeneResult r) {
        GeneCode gene = Codes.TABLE.gene(r.gene()).orElse(new GeneCode(r.gene(), null));
        List<Reference> refs = new ArrayList<>();
        String diplotype = r.diplotypeAsWritten() != null ? r.diplotypeAsWritten() : r.diplotype();
        Reference genotype = null;
        if (diplotype != null) {
            GeneResult asReported = new GeneResult(r.gene(), r.diplotypeAsWritten(), gene.isHla() ? r.diplotype()
                    : diplotype, r.phenotype(), r.activityScore(), r.lookupKey(), r.state(), r.warnings(),
                    r.provenance());
            Observation g = FhirObservations.genotype(asReported, false);
            genotype = result(g);
            refs.add(genotype);
        }
        Observation p;
        if (gene.isHla()) {
            GeneResult statuses = new GeneResult(r.gene(), null, null, r.lookupKey(), null, r.lookupKey(), r.state(),
                    List.of(), r.provenance());
            p = FhirObservations.genotype(statuses, false);
        } else {
            p = FhirObservations.phenotypeObservation(gene, r.phenotype(), r.activityScore());
            if (r.provenance().testDate() != null) {
                p.setEffective(new DateTimeType(r.provenance().testDate().toString()));
            }
            if (r.provenance().lab() != null) {
                p.addPerformer(new Reference().setDisplay(r.provenance().lab()));
            }
        }
        p.addNote().setText("Tolket av PGx-motoren / interpreted by the PGx engine: " + state(r.state()));
        if (genotype != null) {
            p.addDerivedFrom(genotype.copy());
        }
        refs.add(result(p));
        byGene.put(r.gene(), refs);
    }

    private void finding(Finding f) {
        Observation ti = FhirObservations.therapeuticImplicationWithoutSources(f);
        for (String gene : f.lookupKey().keySet()) {
            byGene.getOrDefault(gene, List.of()).forEach(ref -> ti.addDerivedFrom(ref.copy()));
        }
        Reference implication = result(ti);
        Task task = new Task();
        task.getMeta().addProfile(MEDICATION_RECOMMENDATION_PROFILE);
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.PROPOSAL);
        task.setCode(recommendationCode(f));
        if (f.summary() != null) {
            task.setDescription(f.summary().nb() + " / " + f.summary().en());
        }
        if (subject != null) {
            task.setFor(subject.copy());
        }
        task.setReasonReference(implication.copy());
        task.addInput().setType(Codes.concept(GenomicConcept.MEDICATION_ASSESSED)).setValue(Medications.concept(
                f.drug()));
        Reference t = add(task);
        report.addExtension(new Extension(RECOMMENDED_ACTION, t.copy()));
    }

    /**
     * The action as a LOINC answer of the IG's medication-recommendation value set (LL4049-4) where one of the three
     * answers read in the IG's examples fits (checked: LA26421-0, LA26422-8, LA26423-6); otherwise text only.
     */
    private static CodeableConcept recommendationCode(Finding f) {
        CodeableConcept code = new CodeableConcept().setText(f.action().name());
        switch (f.action()) {
            case AVOID, CONSIDER_ALTERNATIVE -> code.addCoding(new Coding(GenomicSystems.LOINC, "LA26421-0",
                    "Consider alternative medication"));
            case REDUCE_DOSE -> code.addCoding(new Coding(GenomicSystems.LOINC, "LA26422-8", "Decrease dose"));
            case INCREASE_DOSE -> code.addCoding(new Coding(GenomicSystems.LOINC, "LA26423-6", "Increase dose"));
            default -> {
                // MONITOR: no verified LOINC answer; the text says it.
            }
        }
        return code;
    }

    private static String state(ResultState s) {
        return switch (s) {
            case ACTIONABLE -> "handlingsrelevant / actionable";
            case NORMAL -> "normal";
            case INDETERMINATE -> "ubestemt / indeterminate";
            case NOT_TESTED -> "ikke testet / not tested";
        };
    }

    /** Adds an Observation as a result of the report. */
    private Reference result(Observation o) {
        if (subject != null) {
            o.setSubject(subject.copy());
        }
        Reference ref = add(o);
        report.addResult(ref.copy());
        return ref;
    }

    private Reference add(Resource r) {
        String url = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry().setFullUrl(url).setResource(r);
        return new Reference(url);
    }
}
