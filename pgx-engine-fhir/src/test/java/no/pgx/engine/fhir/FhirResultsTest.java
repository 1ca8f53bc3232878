package no.pgx.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

import no.pgx.engine.GeneInput;
import no.pgx.engine.Problem;

/** Reads the fixtures in src/test/resources/fhir (see the README there for what each one is). */
class FhirResultsTest {

    static String fixture(String name) {
        try (InputStream in = FhirResultsTest.class.getResourceAsStream("/fhir/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FhirResults read(String name) {
        return FhirResults.fromJson(fixture(name));
    }

    static GeneInput only(FhirResults r, String gene) {
        List<GeneInput> found = r.results().stream().filter(g -> g.gene().equals(gene)).toList();
        assertThat(found).as("results for " + gene).hasSize(1);
        return found.get(0);
    }

    static List<String> messages(List<Problem> problems) {
        return problems.stream().map(Problem::message).toList();
    }

    @Test
    void igGenotypeAndPhenotypeOfOneReportAreMergedAndTheHaplotypeIsSkipped() {
        FhirResults r = read("genotype-ig.json");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene).containsExactly("CYP2C19", "CYP2D6");
        GeneInput cyp2c19 = only(r, "CYP2C19");
        assertThat(cyp2c19.diplotype()).isEqualTo("*1/*2");
        assertThat(cyp2c19.phenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(cyp2c19.provenance().sourceId()).isEqualTo("geno-cyp2c19");
        assertThat(cyp2c19.provenance().testDate()).isEqualTo(LocalDate.of(2023, 5, 10));
        assertThat(cyp2c19.provenance().lab()).isEqualTo("Avdeling for medisinsk genetikk, testlab");
        GeneInput cyp2d6 = only(r, "CYP2D6");
        assertThat(cyp2d6.diplotype()).isEqualTo("*1/*4x2");
        assertThat(cyp2d6.phenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(cyp2d6.activityScore()).isEqualTo("1.0");
        assertThat(cyp2d6.provenance().lab()).as("the Organization performer is preferred")
                .isEqualTo("Avdeling for medisinsk genetikk, testlab");
        // the haplotype Observation agrees with the genotype of the same report: nothing to report
        assertThat(messages(r.notes())).noneSatisfy(m -> assertThat(m).contains("haplo-cyp2c19-2"));
    }

    @Test
    void olderGeneticsShapesAreRead() {
        FhirResults r = read("diplotype-legacy.json");

        assertThat(r.problems()).isEmpty();
        GeneInput tpmt = only(r, "TPMT");
        assertThat(tpmt.diplotype()).isEqualTo("*1/*3A");
        assertThat(tpmt.provenance().testDate()).as("issued, as there is no effective date")
                .isEqualTo(LocalDate.of(2019, 4, 3));
        assertThat(tpmt.provenance().lab()).isEqualTo("Klinisk farmakologi, testsykehus");
        GeneInput nudt15 = only(r, "NUDT15");
        assertThat(nudt15.diplotype()).isEqualTo("*1/*3");
        assertThat(nudt15.provenance().testDate()).as("effective is only a year; the issued day is used")
                .isEqualTo(LocalDate.of(2019, 6, 11));
    }

    @Test
    void phenotypesAreReadFromCodesNorwegianAndEnglishText() {
        FhirResults r = read("phenotype-only.json");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype, GeneInput::phenotype).containsExactly(
                tuple("CYP2D6", null, "Poor Metabolizer"),
                tuple("CYP2C9", null, "Intermediate Metabolizer"),
                tuple("SLCO1B1", null, "Decreased Function"),
                tuple("CYP3A5", null, "Poor Metabolizer"));
        assertThat(only(r, "CYP2D6").provenance().lab()).isEqualTo("Testlab Tromsø");
    }

    @Test
    void aSingleObservationIsAccepted() {
        FhirResults r = read("single-observation.json");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype).containsExactly(tuple("CYP2B6", "*1/*6"));
        assertThat(r.results().get(0).provenance().testDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void hlaResultsOfOneDateAreCombinedPerRiskAlleleAndADisagreementIsNeverReadAsNegative() {
        FhirResults r = read("hla.json");

        // One input per gene: *57:01 positive (hla-b-5701) and a GL-String genotype without it (hla-b-glstring) on the
        // same date disagree, so *57:01 is left out; the alleles they agree on are kept.
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype, GeneInput::alleleStatus).containsExactly(
                tuple("HLA-B", null, "*58:01 negative; *15:02 negative"),
                // a genotype naming one allele asserts it; *31:01:02 is a *31:01 allele
                tuple("HLA-A", null, "*31:01 positive"));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.gene()).isEqualTo("HLA-B");
            assertThat(p.message()).contains("*57:01", "hla-b-5701", "hla-b-glstring", "indeterminate, not negative");
        });
    }

    @Test
    void geneOnlyInTheCodeText() {
        FhirResults r = read("gene-in-code-text.json");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype).containsExactly(tuple("CYP3A5", "*3/*3"));
    }

    @Test
    void geneOnlyAsPrefixOfAValueString() {
        FhirResults r = read("valuestring-gene-prefix.json");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype).containsExactly(tuple("CYP2D6", "*1/*4"));
    }

    @Test
    void theNewestResultWinsAndADifferentOlderOneIsAConflict() {
        FhirResults r = read("two-results-one-gene.json");

        GeneInput cyp2c19 = only(r, "CYP2C19");
        assertThat(cyp2c19.diplotype()).isEqualTo("*1/*17");
        assertThat(cyp2c19.provenance().sourceId()).isEqualTo("cyp2c19-2023");
        assertThat(cyp2c19.provenance().lab()).isEqualTo("Testlab B");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.gene()).isEqualTo("CYP2C19");
            assertThat(p.field()).isEqualTo("diplotype");
            assertThat(p.message()).contains("*1/*1", "cyp2c19-2019", "*1/*17", "cyp2c19-2023");
        });
        // Same diplotype in another allele order: no conflict; the newer one is used, the older listed as superseded.
        GeneInput cyp2c9 = only(r, "CYP2C9");
        assertThat(cyp2c9.diplotype()).isEqualTo("*3/*1");
        assertThat(cyp2c9.provenance().sourceId()).isEqualTo("cyp2c9-2024");
        assertThat(messages(r.notes())).anySatisfy(m -> assertThat(m).contains("cyp2c9-2020", "superseded"));
    }

    @Test
    void enteredInErrorCancelledAndRegisteredAreSkippedNotErrors() {
        FhirResults r = read("entered-in-error.json");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype).containsExactly(tuple("CYP2C9", "*1/*2"));
        assertThat(r.results().get(0).provenance().sourceId()).isEqualTo("cyp2c9-valid");
        assertThat(r.notes()).extracting(Problem::field).containsOnly("status");
        assertThat(messages(r.notes())).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("cyp2c9-wrong-patient", "entered-in-error"))
                .anySatisfy(m -> assertThat(m).contains("cyp2c19-cancelled", "cancelled"))
                .anySatisfy(m -> assertThat(m).contains("dpyd-registered", "registered"));
    }

    @Test
    void malformedObservationsGiveOneProblemEachNamingIdAndField() {
        FhirResults r = read("malformed.json");

        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype)
                .containsExactly(tuple("CYP2D6", "*1/*2"), tuple("TPMT", "*1/*1"));
        assertThat(only(r, "CYP2D6").provenance().testDate()).as("the invalid date is not used").isNull();
        assertThat(r.problems()).hasSize(6);
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("value");
            assertThat(p.gene()).isEqualTo("CYP2C19");
            assertThat(p.message()).contains("m-no-value");
        }).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("component[gene-studied]");
            assertThat(p.message()).contains("m-unknown-gene", "BRCA1", "HGNC:1100");
        }).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("effectiveDateTime");
            assertThat(p.gene()).isEqualTo("CYP2D6");
            assertThat(p.message()).contains("m-bad-date", "2023-13-45");
        }).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("status");
            assertThat(p.message()).contains("m-bad-status", "done");
        }).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("component[gene-studied]");
            assertThat(p.message()).contains("m-no-gene", "48018-6");
        }).anySatisfy(p -> assertThat(p.message()).contains("m-wrong-shape"));
        assertThat(messages(r.notes())).anySatisfy(m -> assertThat(m).contains("m-data-absent", "Error"));
    }

    @Test
    void otherResourcesAreIgnoredAndNonGenomicObservationsSkipped() {
        FhirResults r = read("mixed-resources.json");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype).containsExactly(tuple("CYP2C19", "*2/*2"));
        assertThat(messages(r.notes())).singleElement().satisfies(m -> assertThat(m).contains("bp9"));
    }

    @Test
    void implicationsAreOnlyAFallbackAndPhenoconvertedOnesAreNeverLabResults() {
        FhirResults r = read("implication.json");

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype, GeneInput::phenotype).containsExactly(
                tuple("CYP2C19", "*2/*2", null),
                tuple("CYP2D6", null, "Ultrarapid Metabolizer"));
        assertThat(only(r, "CYP2D6").provenance().sourceId()).isEqualTo("ti-codeine");
        assertThat(messages(r.notes()))
                .anySatisfy(m -> assertThat(m).contains("ti-clopidogrel", "lab result"))
                .anySatisfy(m -> assertThat(m).contains("ti-phenoconverted", "phenoconversion"));
    }

    @Test
    void invalidJsonIsOneProblem() {
        FhirResults r = read("invalid.json");

        assertThat(r.results()).isEmpty();
        assertThat(r.notes()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("json");
            assertThat(p.message()).contains("not valid JSON");
        });
    }

    @Test
    void emptyOrWrongDocumentsAreOneProblem() {
        assertThat(FhirResults.fromJson("  ").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("empty"));
        assertThat(FhirResults.fromJson("{\"resourceType\":\"Patient\",\"id\":\"p\"}").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Patient"));
        assertThat(FhirResults.fromJson("[1,2]").problems()).hasSize(1);
    }

    @Test
    void aFifteenGenePanelIsReadCompletely() {
        FhirResults r = read("panel-15-genes.json");

        assertThat(r.problems()).isEmpty();
        assertThat(r.notes()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene).containsExactly("CYP2D6", "CYP2C19", "CYP2C9", "DPYD",
                "TPMT", "NUDT15", "SLCO1B1", "UGT1A1", "CYP3A5", "CYP2B6", "VKORC1", "CYP3A4", "NAT2", "HLA-A", "HLA-B");
        assertThat(r.results()).extracting(GeneInput::diplotype).containsExactly("*1/*4", "*1/*17", "*1/*2",
                "Reference/Reference", "*1/*1", "*1/*1", "*1/*5", "*1/*28", "*3/*3", "*1/*6", "rs9923231 C/T",
                "*1/*22", "*4/*5", "*02:01/*03:01", "*07:02/*08:01");
        assertThat(r.results()).allSatisfy(g -> {
            assertThat(g.provenance().lab()).isEqualTo("Farmakogenetisk testlab");
            assertThat(g.provenance().testDate()).isEqualTo(LocalDate.of(2024, 4, 2));
        });
    }

    @Test
    void aParsedBundleGivesTheSameResultsAsItsJson() {
        String json = fixture("two-results-one-gene.json");
        Bundle bundle = FhirContext.forR4().newJsonParser().parseResource(Bundle.class, json);

        FhirResults fromBundle = FhirResults.fromBundle(bundle);

        assertThat(fromBundle).isEqualTo(FhirResults.fromJson(json));
    }

    @Test
    void aListOfObservationsIsRead() {
        Observation o = new Observation();
        o.setId("built-1");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "84413-4", null)));
        o.addComponent().setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "48018-6", null)))
                .setValue(new CodeableConcept().addCoding(new Coding("http://www.genenames.org", "HGNC:3012", "DPYD")));
        o.setValue(new StringType("c.1905+1G>A (*2A)/Reference"));

        FhirResults r = FhirResults.fromObservations(List.of(o));

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype)
                .containsExactly(tuple("DPYD", "c.1905+1G>A (*2A)/Reference"));
        assertThat(r.results().get(0).provenance().sourceId()).isEqualTo("built-1");
    }

    @Test
    void aLegacyVkorc1PositionInTheValueTextIsReadAsTheEngineReadsIt() {
        Observation o = new Observation();
        o.setId("vkorc1-legacy");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "84413-4", null)));
        o.addComponent().setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "48018-6", null)))
                .setValue(new CodeableConcept().addCoding(new Coding("http://www.genenames.org", "HGNC:23663",
                        "VKORC1")));
        o.setValue(new StringType("VKORC1 -1639G>A A/A"));

        FhirResults r = FhirResults.fromObservations(List.of(o));

        assertThat(r.problems()).isEmpty();
        assertThat(r.results()).extracting(GeneInput::gene, GeneInput::diplotype)
                .containsExactly(tuple("VKORC1", "-1639G>A A/A"));
        assertThat(TestEngine.get().call(r.results().get(0)).phenotype())
                .isEqualTo(TestEngine.get().call(GeneInput.diplotype("VKORC1", "rs9923231 T/T")).phenotype());
    }
    @Test
    void theNarrativeIsForPeopleAndNeverDecidesWhetherAResultIsRead() {
        String observation = """
                {"resourceType":"Observation","id":"cyp2c19-narrative","status":"final",
                 %s
                 "code":{"coding":[{"system":"http://loinc.org","code":"84413-4"}]},
                 "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"48018-6"}]},
                   "valueCodeableConcept":{"coding":[{"system":"http://www.genenames.org/geneId","code":"HGNC:2621",
                   "display":"CYP2C19"}]}}],
                 "valueString":"*2/*2","effectiveDateTime":"2024-02-01"}""";
        FhirResults plain = FhirResults.fromJson(observation.formatted(""));
        FhirResults valid = FhirResults.fromJson(observation.formatted(
                "\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">"
                        + "CYP2C19 *2/*2</div>\"},"));
        FhirResults broken = FhirResults.fromJson(observation.formatted(
                "\"text\":{\"status\":\"generated\",\"div\":\"<div><b>CYP2C19 *2/*2\"},"));

        assertThat(plain.problems()).isEmpty();
        assertThat(only(plain, "CYP2C19").diplotype()).isEqualTo("*2/*2");
        for (FhirResults r : List.of(valid, broken)) {
            assertThat(r.problems()).isEmpty();
            assertThat(r.results()).isEqualTo(plain.results());
        }
    }

    /**
     * Elements nothing here reads (a lab comment, the specimen, a PDF of the report ...) are left out before parsing:
     * each of them, well-formed or not, leaves the result exactly as read without it. The Observation carries what the reader
     * uses (status, code, component, value, effective and issued time, performer, subject), so an element that is read
     * but put on the list by mistake changes the result and fails here.
     */
    @Test
    void elementsNothingReadsNeverDecideWhetherAResultIsRead() {
        String observation = """
                {"resourceType":"Observation","id":"cyp2c19-pruned","status":"final",
                 %s
                 "code":{"coding":[{"system":"http://loinc.org","code":"84413-4"}]},
                 "subject":{"reference":"Patient/p1"},
                 "performer":[{"display":"Senter for psykofarmakologi"}],
                 "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"48018-6"}]},
                   "valueCodeableConcept":{"coding":[{"system":"http://www.genenames.org/geneId","code":"HGNC:2621",
                   "display":"CYP2C19"}]}}],
                 "valueString":"*2/*2","effectiveDateTime":"2024-02-01","issued":"2024-02-03T10:00:00Z"}""";
        String report = """
                {"resourceType":"DiagnosticReport","id":"r1","status":"final",%s
                 "code":{"coding":[{"system":"http://loinc.org","code":"51969-4"}]},
                 "contained":[%s],"result":[{"reference":"#cyp2c19-pruned"}]}""";
        FhirResults plain = FhirResults.fromJson(observation.formatted(""));
        FhirResults plainReport = FhirResults.fromJson(report.formatted("", observation.formatted("")));
        assertThat(plain.problems()).isEmpty();
        assertThat(only(plain, "CYP2C19").diplotype()).isEqualTo("*2/*2");
        assertThat(only(plain, "CYP2C19").provenance().testDate()).isNotNull();
        assertThat(only(plain, "CYP2C19").provenance().lab()).isNotNull();
        assertThat(plainReport.problems()).isEmpty();
        assertThat(only(plainReport, "CYP2C19").diplotype()).isEqualTo("*2/*2");
        List<String> malformed = List.of("[{\"text\":\"a lab comment\",\"reference\":\"Specimen/s1\"}]",
                "\"a lab comment written as a string\"", "17", "{\"reference\":[1,2]}",
                "[{\"contentType\":5,\"data\":\"not base64 !\"}]");
        for (String element : JsonDocument.UNREAD.get("Observation")) {
            for (String value : malformed) {
                String extra = "\"" + element + "\":" + value + ",";
                FhirResults r = FhirResults.fromJson(observation.formatted(extra));
                assertThat(r.problems()).as("Observation.%s = %s", element, value).isEmpty();
                assertThat(r.results()).as("Observation.%s = %s", element, value).isEqualTo(plain.results());
            }
        }
        for (String element : JsonDocument.UNREAD.get("DiagnosticReport")) {
            for (String value : malformed) {
                String extra = "\"" + element + "\":" + value + ",";
                FhirResults r = FhirResults.fromJson(report.formatted(extra, observation.formatted("")));
                assertThat(r.problems()).as("DiagnosticReport.%s = %s", element, value).isEmpty();
                assertThat(r.results()).as("DiagnosticReport.%s = %s", element, value)
                        .isEqualTo(plainReport.results());
            }
        }
    }
}
