package no.pgx.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import no.pgx.engine.Action;
import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.Provenance;

/** Issue 16 part 3 and issue 17 "FHIR out": the Genomics Reporting Bundle, valid R4, read back to the same results. */
class GenomicsReportTest {
    private static final Provenance LAB = new Provenance("lab-1", LocalDate.of(2024, 3, 12), "Farmakogenetisk testlab",
            List.of());
    private static Assessment assessment;
    private static Bundle bundle;

    @BeforeAll
    static void assess() {
        AssessmentRequest request = AssessmentRequest.builder()
                .result(new GeneInput("CYP2C19", "*2/*2", null, null, null, LAB))
                .result(new GeneInput("CYP2D6", "*4/*1", null, null, null, LAB))
                .result(new GeneInput("SLCO1B1", "*5/*5", null, null, null, LAB))
                .result(new GeneInput("HLA-B", "*57:01:01G/*08:01", null, null, null, LAB))
                .result(new GeneInput("HLA-A", null, null, null, "*31:01 negative", LAB))
                .result(new GeneInput("CYP2C9", null, null, "1.0", null, LAB))
                .drugs(List.of("clopidogrel", "abacavir", "simvastatin", "codeine", "carbamazepine"))
                .build();
        assessment = TestEngine.get().assess(request);
        bundle = FhirObservations.report(assessment.results(), assessment.findings(), "Patient/p1");
    }

    static <T> List<T> resources(Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    @Test
    void theReportIsValidR4() {
        assertThat(assessment.problems()).isEmpty();
        assertThat(R4Validation.errors(bundle)).isEmpty();
    }

    @Test
    void theValidatorFindsWhatIsNotR4() {
        Observation broken = new Observation();
        broken.addComponent().setValue(new org.hl7.fhir.r4.model.StringType("no code"));

        assertThat(R4Validation.errors(broken)).isNotEmpty();
    }

    @Test
    void theReportListsEveryResultAndProposesEveryActionableFinding() {
        DiagnosticReport report = resources(DiagnosticReport.class).get(0);
        assertThat(report.getMeta().getProfile().get(0).getValue()).endsWith("/genomics-report");
        assertThat(report.getResult()).hasSize(resources(Observation.class).size());
        List<Task> tasks = resources(Task.class);
        long actionable = assessment.findings().stream().filter(f -> GenomicsReport.ACTIONABLE.contains(f.action()))
                .count();
        assertThat(tasks).hasSize((int) actionable).isNotEmpty();
        Task clopidogrel = tasks.stream().filter(t -> drug(t).getText().contains("clopidogrel")).findFirst()
                .orElseThrow();
        assertThat(clopidogrel.getCode().getCoding()).extracting(Coding::getCode).containsExactly("LA26421-0");
        assertThat(drug(clopidogrel).getCoding()).extracting(Coding::getSystem)
                .contains("http://www.nlm.nih.gov/research/umls/rxnorm", "http://www.whocc.no/atc");
        assertThat(clopidogrel.getReasonReference().getReference()).startsWith("urn:uuid:");
    }

    @Test
    void anImplicationIsDerivedFromTheGeneResultsItUsed() {
        Observation ti = resources(Observation.class).stream()
                .filter(o -> o.getMeta().getProfile().stream().anyMatch(p -> p.getValue().endsWith("therapeutic-implication")))
                .filter(o -> o.getComponent().stream().anyMatch(c -> Codes.text((CodeableConcept) c.getValue())
                        .contains("klopidogrel"))).findFirst().orElseThrow();
        // CYP2C19: the genotype as reported and the phenotype interpreted from it
        assertThat(ti.getDerivedFrom()).hasSize(2);
    }

    @Test
    void hlaIsWrittenAsAGlStringWithTheRiskAllelesCoded() {
        Observation hlaB = resources(Observation.class).stream()
                .filter(o -> o.getValue() instanceof CodeableConcept cc && cc.getCoding().stream()
                        .anyMatch(c -> HlaReader.GL_STRING_SYSTEM.equals(c.getSystem()))).findFirst().orElseThrow();
        assertThat(((CodeableConcept) hlaB.getValue()).getCodingFirstRep().getCode())
                .isEqualTo("HLA-B*08:01+HLA-B*57:01");
        assertThat(hlaB.getComponent()).anySatisfy(c -> {
            assertThat(c.getCode().getCodingFirstRep().getSystem()).isEqualTo(HlaReader.IMGT_HLA_SYSTEM);
            assertThat(c.getCode().getCodingFirstRep().getCode()).isEqualTo("HLA-B*57:01");
            assertThat(((CodeableConcept) c.getValue()).getCodingFirstRep().getCode()).isEqualTo("LA6576-8");
        });
    }

    @Test
    void whatWeWriteOurReaderReadsBackToTheSameResults() {
        FhirResults back = FhirResults.fromJson(FhirObservations.toJson(bundle));

        assertThat(back.problems()).isEmpty();
        List<GeneResult> called = back.results().stream().map(TestEngine.get()::call).toList();
        assertThat(called).extracting(GeneResult::gene, GeneResult::phenotype, GeneResult::lookupKey, GeneResult::state)
                .containsExactlyInAnyOrderElementsOf(assessment.results().stream()
                        .map(r -> tuple(r.gene(), r.phenotype(), r.lookupKey(), r.state())).toList());
        assertThat(called).allSatisfy(r -> {
            assertThat(r.warnings()).isEmpty();
            assertThat(r.provenance().testDate()).isEqualTo(LAB.testDate());
        });
    }

    @Test
    void aStandaloneImplicationCarriesItsDerivedFrom() {
        Finding clopidogrel = assessment.findings().stream().filter(f -> f.drug().equals("clopidogrel")).findFirst()
                .orElseThrow();
        Observation alone = FhirObservations.therapeuticImplication(clopidogrel);
        Observation withGenotypes = FhirObservations.therapeuticImplication(clopidogrel, assessment.results());

        assertThat(alone.getDerivedFrom()).extracting(r -> r.getReference()).containsExactly("#phenotype-1");
        assertThat(withGenotypes.getDerivedFrom()).extracting(r -> r.getReference()).containsExactly("#genotype-1");
        assertThat(R4Validation.errors(alone)).isEmpty();
        assertThat(R4Validation.errors(withGenotypes)).isEmpty();
    }

    @Test
    void findingsThatAskForNothingAreNotProposed() {
        assertThat(assessment.findings()).extracting(Finding::action).contains(Action.AVOID);
        assertThat(resources(Task.class)).allSatisfy(t -> assertThat(t.getCode().getText())
                .isNotIn("STANDARD_DOSE", "NO_RECOMMENDATION", "TEST_REQUIRED"));
    }

    private static CodeableConcept drug(Task t) {
        return (CodeableConcept) t.getInputFirstRep().getValue();
    }
}
