package no.pgx.engine.fhir;

import static no.pgx.engine.fhir.FhirResultsTest.messages;
import static no.pgx.engine.fhir.FhirResultsTest.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import no.pgx.engine.Action;
import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;
import no.pgx.engine.Problem;

/**
 * Issue 17: real HL7 Genomics Reporting input. Each fixture under src/test/resources/fhir/ig is written in the shape of
 * the IG's own examples (see the README there); one test per item of the issue.
 */
class GenomicsReportingShapesTest {

    static FhirResults read(String name) {
        return FhirResults.fromJson(FhirResultsTest.fixture("ig/" + name + ".json"));
    }

    @Test
    void aGlStringGenotypeOfGGroupAllelesThatIncludesHlaB5701IsPositiveForAbacavir() {
        FhirResults r = read("hla-glstring-g-groups");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype)
                .containsExactly(tuple("HLA-B", "*15:01/*57:01"), tuple("HLA-A", "*31:01/*02:01"));
        Assessment a = TestEngine.get().assess(AssessmentRequest.builder().results(r.results()).drug("abacavir")
                .build());
        assertThat(a.findings()).extracting(Finding::drug, Finding::action).contains(tuple("abacavir", Action.AVOID));
        assertThat(a.results()).filteredOn(g -> g.gene().equals("HLA-B")).singleElement()
                .satisfies(g -> assertThat(g.lookupKey()).startsWith("*57:01 positive"));
    }

    @Test
    void anAmbiguousTypingThatIncludesTheRiskAlleleIsNotNegative() {
        FhirResults r = read("hla-ambiguous");

        assertThat(only(r, "HLA-B").alleleStatus()).isEqualTo("*58:01 negative; *15:02 negative");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("hla-b-ambiguous", "*57:01", "indeterminate, not negative"));
        // Left out, *57:01 has no result: abacavir needs a test first, never "standard dose".
        Assessment a = TestEngine.get().assess(AssessmentRequest.builder().results(r.results()).drug("abacavir")
                .build());
        assertThat(a.findings()).extracting(Finding::action).containsOnly(Action.TEST_REQUIRED);
    }

    @Test
    void twoHlaHaplotypesMakeTheGenotypeAndANonRiskAlleleIsInformation() {
        FhirResults r = read("hla-haplotypes");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype)
                .containsExactly(tuple("HLA-B", "*44:02/*58:01"));
        assertThat(r.notes()).singleElement().satisfies(n -> {
            assertThat(n.gene()).isEqualTo("HLA-A");
            assertThat(n.message()).contains("hla-a-hap", "*02:01", "information only");
        });
    }

    @Test
    void hlaAlleleStatusesAreReadAndANonRiskAlleleIsNotAnError() {
        FhirResults r = read("hla-statuses");

        assertThat(r.problems()).isEmpty();
        assertThat(only(r, "HLA-B").alleleStatus()).isEqualTo("*57:01 positive; *15:02 negative");
        assertThat(messages(r.notes())).singleElement().satisfies(m -> assertThat(m)
                .contains("hla-b-4402-present", "*44:02", "information only"));
    }

    @Test
    void resultsOfOneDateAreCombinedOrIndeterminateNeverChosenByOrder() {
        FhirResults r = read("same-date-results");

        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype, GeneInput::phenotype).containsExactly(
                // *1/*2 and *2/*2 on one date: a conflict, not "the first one"
                tuple("CYP2C19", null, "Indeterminate"),
                // the same diplotype written twice (and matching haplotypes): the more specific spelling
                tuple("CYP2D6", "*4.001/*1", null),
                // haplotypes *1 and *3 against a genotype *1/*1: a conflict
                tuple("CYP2C9", null, "Indeterminate"));
        assertThat(r.problems()).extracting(Problem::gene).containsExactly("CYP2C19", "CYP2C9");
        assertThat(messages(r.problems())).anySatisfy(m -> assertThat(m).contains("c19-geno-a", "*1/*2", "c19-geno-b",
                "*2/*2", "indeterminate"));
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheDocument() {
        String json = FhirResultsTest.fixture("ig/same-date-results.json");
        org.hl7.fhir.r4.model.Bundle bundle = Fhir.CONTEXT.newJsonParser().parseResource(
                org.hl7.fhir.r4.model.Bundle.class, json);
        java.util.Collections.reverse(bundle.getEntry());

        FhirResults reversed = FhirResults.fromBundle(bundle);

        assertThat(reversed.results()).extracting(GeneInput::gene, GeneInput::diplotype, GeneInput::phenotype)
                .containsExactlyInAnyOrder(tuple("CYP2C19", null, "Indeterminate"), tuple("CYP2D6", "*4.001/*1", null),
                        tuple("CYP2C9", null, "Indeterminate"));
    }

    @Test
    void aDocumentWithTwoPatientsIsRefusedUnlessOneIsAskedFor() {
        String json = FhirResultsTest.fixture("ig/mixed-subjects.json");

        FhirResults all = FhirResults.fromJson(json);
        assertThat(all.results()).isEmpty();
        assertThat(all.nothingRead()).isTrue();
        assertThat(all.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("subject");
            assertThat(p.message()).contains("2 patients", "Patient/p1", "Patient/p2");
        });

        FhirResults p2 = FhirResults.fromJson(json, "Patient/p2");
        assertThat(p2.problems()).isEmpty();
        // the server base in one subject reference does not make it another patient
        assertThat(p2.results()).extracting(GeneInput::gene, GeneInput::diplotype)
                .containsExactly(tuple("CYP2C19", "*1/*1"), tuple("CYP2D6", "*4/*4"));
        assertThat(messages(p2.notes())).singleElement().satisfies(m -> assertThat(m).contains("p1-c19",
                "Patient/p1"));
    }

    @Test
    void haplotypeObservationsMakeTheDiplotype() {
        FhirResults r = read("haplotypes");

        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype)
                .containsExactly(tuple("CYP2C19", "*1/*7"), tuple("TPMT", "*3A/*3A"));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.gene()).isEqualTo("NUDT15");
            assertThat(p.message()).contains("nudt15-hap", "two are needed");
        });
    }

    @Test
    void aMultiGeneGenotypeIsTheResultOfTheGeneItsValueNames() {
        FhirResults r = read("multigene-genotype");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype)
                .containsExactly(tuple("CYP2C9", "*2/*5"), tuple("CYP2D6", "*1/*41"));
        assertThat(messages(r.notes()))
                .anySatisfy(m -> assertThat(m).contains("metab-1a", "lab result is used"))
                .anySatisfy(m -> assertThat(m).contains("efficacy-1a", "Resistant", "not a phenotype"));
    }

    @Test
    void phenotypeOnlyResultsAreUsedWithTheirSourceStated() {
        FhirResults r = read("phenotype-sources");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype, GeneInput::phenotype).containsExactly(
                tuple("CYP2D6", null, "Poor Metabolizer"),          // implication derived from a genotype not sent
                tuple("CYP2C19", null, "Intermediate Metabolizer"), // LOINC 79714-2
                tuple("CYP2C9", null, "Normal Metabolizer"),        // LOINC 79716-7
                tuple("DPYD", null, "Poor Metabolizer"),            // SNOMED CT 738542003
                tuple("TPMT", null, "Intermediate Metabolizer"));   // a SNOMED CT display
        assertThat(messages(r.notes())).hasSize(5)
                .anySatisfy(m -> assertThat(m).contains("CYP2D6", "no genotype", "therapeutic implication",
                        "ti-cyp2d6"))
                .anySatisfy(m -> assertThat(m).contains("DPYD", "dpyd-snomed"));
    }

    @Test
    void resultsContainedInADiagnosticReportAreReadAndAMissingOneIsRefused() {
        FhirResults r = read("report-contained");

        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype)
                .containsExactly(tuple("CYP2C19", "*2/*17"));
        assertThat(r.results().get(0).provenance().sourceId()).contains("geno-c19", "report-CYP2C19");
        assertThat(r.results().get(0).provenance().testDate()).hasToString("2019-03-05");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("result");
            assertThat(p.message()).contains("report-CYP2C19", "Observation/cyp2d6-not-sent", "not read");
        });
    }

    @Test
    void aBrokenNarrativeOfAContainedResultOrOfTheReportLosesNothing() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode report = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(FhirResultsTest.fixture("ig/report-contained.json"));
        com.fasterxml.jackson.databind.node.ObjectNode broken = mapper.createObjectNode()
                .put("status", "generated").put("div", "<div><b>unclosed");
        report.set("text", broken);
        report.path("contained").forEach(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c).set("text", broken));

        FhirResults r = FhirResults.fromJson(mapper.writeValueAsString(report));

        FhirResults plain = read("report-contained");
        assertThat(r.results()).isEqualTo(plain.results());
        assertThat(messages(r.problems())).isEqualTo(messages(plain.problems()));
    }

    @Test
    void referencedResultsOfAReportInABundleAreReadAndAWithdrawnReportIsExcluded() {
        FhirResults r = read("report-in-bundle");

        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype)
                .containsExactly(tuple("SLCO1B1", "*1/*5"), tuple("CYP2C9", "*1/*3"));
        assertThat(messages(r.problems())).singleElement().satisfies(m -> assertThat(m).contains("pgx-report",
                "Observation/ti-missing"));
        assertThat(messages(r.notes())).singleElement().satisfies(m -> assertThat(m).contains("withdrawn-report",
                "entered-in-error", "not read"));
    }

    @Test
    void aPreliminaryResultIsFlaggedAndAFinalOneIsPreferred() {
        FhirResults r = read("preliminary");

        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype).containsExactly(
                tuple("CYP2C19", "*1/*17"), tuple("DPYD", "c.1905+1G>A (*2A)/Reference"));
        assertThat(messages(r.notes())).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("c19-prelim", "preliminary", "final result is used"))
                .anySatisfy(m -> assertThat(m).contains("dpyd-prelim", "preliminary", "may differ"));
    }

    @Test
    void variantLevelObservationsAreOneNoteAndADocumentOfOnlyVariantsReadsNothing() {
        FhirResults r = read("variants-only");

        assertThat(r.nothingRead()).isTrue();
        assertThat(r.problems()).isEmpty();
        assertThat(messages(r.notes())).hasSize(2)
                .anySatisfy(m -> assertThat(m).startsWith("12 variant-level Observation(s) (LOINC 69548-6)")
                        .contains("dv-1 in DiagnosticReport report-variants", "and 2 more"))
                .anySatisfy(m -> assertThat(m).startsWith("1 genomic context Observation(s)").contains("rs-1"));
    }
}
