package no.pgx.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.junit.jupiter.api.Test;

import no.pgx.engine.Action;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.GuidelineRef;
import no.pgx.engine.LocalizedText;
import no.pgx.engine.PgxException;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.Provenance;
import no.pgx.engine.ResultState;

/**
 * Expected codes are the ones of the HL7 Genomics Reporting IG (LOINC 84413-4, 48018-6, 53040-2, 51963-7, answer
 * LA9657-3 Poor metabolizer, HGNC:2621 CYP2C19); the Norwegian labels are the fixed ones of docs/clinical-rules.md.
 */
class FhirObservationsTest {
    private static final Provenance LAB = new Provenance("lab-obs-1", LocalDate.of(2023, 5, 10), "Testlab", List.of());

    static GeneResult cyp2c19PoorMetabolizer() {
        return new GeneResult("CYP2C19", "*2/*2", "*2/*2", "Poor Metabolizer", null, "Poor Metabolizer",
                ResultState.ACTIONABLE, List.of(), LAB);
    }

    static Finding clopidogrel(boolean phenoconverted) {
        GeneResult nm = new GeneResult("CYP2C19", "*1/*1", "*1/*1", "Normal Metabolizer", null, "Normal Metabolizer",
                ResultState.NORMAL, List.of(), LAB);
        List<Phenoconversion> conversions = phenoconverted
                ? List.of(new Phenoconversion("CYP2C19", "fluvoxamine", "inhibitor", "strong", nm,
                        cyp2c19PoorMetabolizer(), "test-policy"))
                : List.of();
        return new Finding("clopidogrel", "CPIC", "general", new LocalizedText("General", "Generelt"),
                Map.of("CYP2C19", "Poor Metabolizer"), Map.of("CYP2C19", "Poor Metabolizer"), "Strong", Action.AVOID,
                null, List.of("prasugrel", "ticagrelor"), "reduced-active-metabolite", phenoconverted, conversions,
                new LocalizedText("Test summary in English.", "Testsammendrag på norsk."), null,
                new GuidelineRef("PA-test", "CPIC", "Test guideline", "2022", "https://example.org/guideline"),
                "PA-rec-test");
    }

    static ObservationComponentComponent component(Observation o, String system, String code) {
        return o.getComponent().stream()
                .filter(c -> c.getCode().getCoding().stream().anyMatch(x -> system.equals(x.getSystem())
                        && code.equals(x.getCode())))
                .findFirst().orElseThrow(() -> new AssertionError("no component " + code));
    }

    static Coding firstCoding(CodeableConcept cc) {
        return cc.getCodingFirstRep();
    }

    @Test
    void geneResultBecomesAGenomicsReportingGenotype() {
        Observation o = FhirObservations.genotype(cyp2c19PoorMetabolizer());

        assertThat(o.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/genotype");
        assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(firstCoding(o.getCode())).extracting(Coding::getSystem, Coding::getCode)
                .containsExactly("http://loinc.org", "84413-4");
        assertThat(o.getValueCodeableConcept().getText()).isEqualTo("CYP2C19 *2/*2");
        Coding gene = firstCoding(component(o, "http://loinc.org", "48018-6").getValueCodeableConcept());
        assertThat(gene).extracting(Coding::getSystem, Coding::getCode, Coding::getDisplay)
                .containsExactly("http://www.genenames.org", "HGNC:2621", "CYP2C19");
        CodeableConcept phenotype = component(o, "http://loinc.org", "53040-2").getValueCodeableConcept();
        assertThat(firstCoding(phenotype).getCode()).isEqualTo("LA9657-3");
        assertThat(phenotype.getText()).isEqualTo("langsom omsetter (Poor Metabolizer)");
        assertThat(o.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2023-05-10");
        assertThat(o.getPerformerFirstRep().getDisplay()).isEqualTo("Testlab");
        assertThat(o.getCategory()).extracting(c -> c.getCodingFirstRep().getCode()).containsExactly("laboratory", "GE");
    }

    @Test
    void genotypeRoundTripsThroughTheAdapter() {
        String json = FhirObservations.toJson(FhirObservations.genotype(cyp2c19PoorMetabolizer()));

        FhirResults back = FhirResults.fromJson(json);

        assertThat(back.problems()).isEmpty();
        assertThat(back.results()).extracting(GeneInput::gene, GeneInput::diplotype, GeneInput::phenotype)
                .containsExactly(tuple("CYP2C19", "*2/*2", "Poor Metabolizer"));
        assertThat(back.results().get(0).provenance().testDate()).isEqualTo(LocalDate.of(2023, 5, 10));
        assertThat(back.results().get(0).provenance().lab()).isEqualTo("Testlab");
    }

    @Test
    void activityScoreAndHlaAndPhenotypeOnlyResultsRoundTrip() {
        GeneResult cyp2d6 = new GeneResult("CYP2D6", "*1/*4", "*1/*4", "Intermediate Metabolizer", "1.0", "1.0",
                ResultState.ACTIONABLE, List.of(), LAB);
        GeneResult hla = new GeneResult("HLA-B", null, null, "*57:01 positive", null, "*57:01 positive",
                ResultState.ACTIONABLE, List.of(), LAB);
        GeneResult phenotypeOnly = new GeneResult("CYP2C9", null, null, "Poor Metabolizer", null, "Poor Metabolizer",
                ResultState.ACTIONABLE, List.of(), LAB);
        Bundle bundle = FhirObservations.bundle(List.of(cyp2d6, hla, phenotypeOnly, GeneResult.notTested("TPMT")),
                List.of());

        FhirResults back = FhirResults.fromJson(FhirObservations.toJson(bundle));

        assertThat(bundle.getEntry()).as("no Observation for the untested gene").hasSize(3);
        assertThat(back.problems()).isEmpty();
        assertThat(back.results()).extracting(GeneInput::gene, GeneInput::diplotype, GeneInput::phenotype,
                GeneInput::activityScore, GeneInput::alleleStatus).containsExactly(
                tuple("CYP2D6", "*1/*4", "Intermediate Metabolizer", "1.0", null),
                tuple("HLA-B", null, null, null, "*57:01 positive"),
                tuple("CYP2C9", null, "Poor Metabolizer", null, null));
        Observation hlaObservation = (Observation) bundle.getEntry().get(1).getResource();
        assertThat(hlaObservation.getValueCodeableConcept().getText()).isEqualTo("HLA-B*57:01 positive");
        // the allele is coded, not only named in the text
        assertThat(hlaObservation.getComponent()).anySatisfy(c -> {
            assertThat(firstCoding(c.getCode()).getSystem()).isEqualTo("http://www.ebi.ac.uk/ipd/imgt/hla");
            assertThat(firstCoding(c.getCode()).getCode()).isEqualTo("HLA-B*57:01");
            assertThat(firstCoding((CodeableConcept) c.getValue()).getCode()).isEqualTo("LA6576-8");
        });
    }

    @Test
    void aGeneWithoutAResultIsNeverWrittenAsOne() {
        assertThatThrownBy(() -> FhirObservations.genotype(GeneResult.notTested("DPYD")))
                .isInstanceOfSatisfying(PgxException.class, e -> {
                    assertThat(e.gene()).isEqualTo("DPYD");
                    assertThat(e.getMessage()).contains("DPYD", "not tested");
                });
    }

    @Test
    void findingBecomesATherapeuticImplication() {
        Observation o = FhirObservations.therapeuticImplication(clopidogrel(false));

        assertThat(o.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/therapeutic-implication");
        assertThat(firstCoding(o.getCode())).extracting(Coding::getSystem, Coding::getCode).containsExactly(
                "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs", "therapeutic-implication");
        CodeableConcept drug = component(o, "http://loinc.org", "51963-7").getValueCodeableConcept();
        assertThat(drug.getCoding()).extracting(Coding::getSystem, Coding::getCode).contains(
                tuple("http://www.nlm.nih.gov/research/umls/rxnorm", "32968"), tuple("http://www.whocc.no/atc", "B01AC04"));
        assertThat(drug.getText()).isEqualTo("klopidogrel (clopidogrel)");
        CodeableConcept implication = component(o, "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs",
                "therapeutic-implication").getValueCodeableConcept();
        assertThat(firstCoding(implication).getCode()).isEqualTo("LA9657-3");
        assertThat(implication.getText()).isEqualTo("CYP2C19: langsom omsetter (Poor Metabolizer)");
        assertThat(firstCoding(component(o, "http://loinc.org", "48018-6").getValueCodeableConcept()).getCode())
                .isEqualTo("HGNC:2621");
        assertThat(o.getNote()).hasSize(2);
        assertThat(o.getNote().get(0).getText()).contains("Testsammendrag på norsk.", "Tiltak: AVOID", "Styrke: Strong",
                "prasugrel", "CPIC", "https://example.org/guideline");
        assertThat(o.getNote().get(1).getText()).contains("Test summary in English.", "Action: AVOID", "Strength: Strong");
    }

    @Test
    void aPhenoconvertedImplicationIsMarkedAndNotReadBackAsALabResult() {
        Observation o = FhirObservations.therapeuticImplication(clopidogrel(true));

        assertThat(o.getComponent()).anySatisfy(c -> {
            assertThat(c.getCode().getText()).isEqualTo("Phenoconversion");
            assertThat(c.getValue().primitiveValue()).contains("fluvoxamine", "Normal Metabolizer", "Poor Metabolizer");
        });
        FhirResults back = FhirResults.fromObservations(List.of(o));
        assertThat(back.results()).isEmpty();
        assertThat(back.problems()).isEmpty();
        assertThat(back.skipped()).hasSize(1);
    }

    @Test
    void aTwoGeneImplicationNamesEachGeneAndDoesNotTurnNoResultIntoAResult() {
        Finding fluvastatin = new Finding("fluvastatin", "CPIC", "general", null,
                Map.of("SLCO1B1", "Decreased Function", "CYP2C9", GeneResult.NO_RESULT),
                Map.of("SLCO1B1", "Decreased Function", "CYP2C9", GeneResult.NO_RESULT), "Moderate",
                Action.REDUCE_DOSE, null, List.of(), null, false, List.of(),
                new LocalizedText("Test.", "Test."), null, null, "PA-test-2");

        Observation o = FhirObservations.therapeuticImplication(fluvastatin);

        assertThat(o.getComponent()).filteredOn(c -> "therapeutic-implication".equals(c.getCode().getCodingFirstRep()
                .getCode())).extracting(c -> c.getValueCodeableConcept().getText())
                .contains("SLCO1B1: nedsatt funksjon (Decreased Function)");
        FhirResults back = FhirResults.fromObservations(List.of(o));
        assertThat(back.problems()).isEmpty();
        assertThat(back.results()).extracting(GeneInput::gene, GeneInput::phenotype)
                .containsExactly(tuple("SLCO1B1", "Decreased Function"));
    }

    @Test
    void bundleLinksImplicationsToTheirGenotypes() {
        Bundle bundle = FhirObservations.bundle(List.of(cyp2c19PoorMetabolizer()), List.of(clopidogrel(false)));

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).hasSize(2);
        String genotypeUrl = bundle.getEntry().get(0).getFullUrl();
        Observation ti = (Observation) bundle.getEntry().get(1).getResource();
        assertThat(genotypeUrl).startsWith("urn:uuid:");
        assertThat(ti.getDerivedFrom()).extracting(r -> r.getReference()).containsExactly(genotypeUrl);

        FhirResults back = FhirResults.fromBundle(bundle);
        assertThat(back.problems()).isEmpty();
        assertThat(back.results()).extracting(GeneInput::gene, GeneInput::diplotype, GeneInput::phenotype)
                .containsExactly(tuple("CYP2C19", "*2/*2", "Poor Metabolizer"));
    }

    @Test
    void jsonIsCompactFhir() {
        String json = FhirObservations.toJson(FhirObservations.genotype(cyp2c19PoorMetabolizer()));

        assertThat(json).startsWith("{\"resourceType\":\"Observation\"").doesNotContain("\n")
                .contains("\"code\":\"84413-4\"", "\"code\":\"HGNC:2621\"");
    }
}
