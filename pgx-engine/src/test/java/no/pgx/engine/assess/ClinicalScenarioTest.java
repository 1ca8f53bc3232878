package no.pgx.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import no.pgx.engine.Action;
import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;

/**
 * Clinical scenarios as a pharmacist states them, through the public engine (phenotype calling included). Expected
 * actions are the guidelines' (CPIC clopidogrel 2022, opioids 2021, fluoropyrimidines 2017/2024 update, thiopurines
 * 2018, abacavir 2012, phenytoin 2020, statins 2022; EMA 2020 DPD testing), not the implementation's output.
 */
class ClinicalScenarioTest {
    private static PgxEngine engine;

    @BeforeAll
    static void engine() {
        engine = PgxEngine.builder().build();
    }

    private static Assessment assess(AssessmentRequest.Builder b) {
        Assessment a = engine.assess(b.build());
        assertThat(a.problems()).as("problems").isEmpty();
        return a;
    }

    private static List<Finding> cpic(Assessment a, String drug) {
        return a.findings().stream().filter(f -> f.source().label().equals("CPIC") && f.drug().equals(drug)).toList();
    }

    @Test
    void cyp2c19PoorMetabolizerOnClopidogrelShouldAvoidItAndNamePrasugrelAndTicagrelor() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .drug("klopidogrel"));
        Finding acs = cpic(a, "clopidogrel").stream().filter(f -> f.population().id().equals("cvi-acs-pci")).findFirst()
                .orElseThrow();
        assertThat(acs.action()).isEqualTo(Action.AVOID);
        assertThat(acs.strength().label()).isEqualTo("Strong");
        assertThat(acs.alternatives()).contains("prasugrel", "ticagrelor");
        assertThat(acs.phenotypes()).containsEntry("CYP2C19", "Poor Metabolizer");
        assertThat(acs.summary().nb()).contains("klopidogrel").contains("langsom omsetter");
        assertThat(cpic(a, "clopidogrel")).extracting(f -> f.population().id())
                .containsExactlyInAnyOrder("cvi-acs-pci", "cvi-non-acs-non-pci", "nvi");
    }

    @Test
    void cyp2d6UltrarapidMetabolizerOnCodeineShouldAvoidIt() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*1x2"))
                .drug("kodein"));
        assertThat(cpic(a, "codeine")).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.AVOID);
            assertThat(f.phenotypes()).containsEntry("CYP2D6", "Ultrarapid Metabolizer");
        });
    }

    @Test
    void cyp2d6PoorMetabolizerOnCodeineShouldAvoidIt() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*4/*4"))
                .drug("codeine"));
        assertThat(cpic(a, "codeine")).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.AVOID);
            assertThat(f.lookupKey()).containsEntry("CYP2D6", "0.0");
        });
    }

    @Test
    void dpydStar2aCarrierOnCapecitabineShouldStartAtHalfDose() {
        Assessment a = assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("DPYD", "c.1905+1G>A (*2A)/Reference")).drug("capecitabine"));
        assertThat(cpic(a, "capecitabine")).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.REDUCE_DOSE);
            assertThat(f.dosePercent()).isEqualTo("50");
            assertThat(f.lookupKey()).containsEntry("DPYD", "1.0");
        });
        assertThat(a.findings()).noneMatch(f -> f.action() == Action.TEST_REQUIRED);
    }

    @Test
    void tpmtIntermediateWithNormalNudt15OnAzathioprineShouldReduceTheDose() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("TPMT", "*1/*3A"))
                .result(GeneInput.diplotype("NUDT15", "*1/*1")).drug("azatioprin"));
        assertThat(cpic(a, "azathioprine")).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.REDUCE_DOSE);
            assertThat(f.lookupKey()).containsEntry("TPMT", "Intermediate Metabolizer")
                    .containsEntry("NUDT15", "Normal Metabolizer");
        });
    }

    @Test
    void hlaB5701PositiveOnAbacavirShouldAvoidIt() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.alleleStatus("HLA-B", "*57:01 positive"))
                .drug("abacavir"));
        assertThat(a.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.action()).isEqualTo(Action.AVOID));
        assertThat(cpic(a, "abacavir")).singleElement().satisfies(f -> assertThat(f.strength().label()).isEqualTo("Strong"));
    }

    @Test
    void hlaB1502PositiveWithCyp2c9PoorMetabolizerOnPhenytoinShouldFollowTheHlaAdvice() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.alleleStatus("HLA-B", "*15:02 positive"))
                .result(GeneInput.diplotype("CYP2C9", "*3/*3")).drug("fenytoin"));
        assertThat(a.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.action()).isEqualTo(Action.AVOID);
            assertThat(f.lookupKey()).containsEntry("HLA-B", "*15:02 positive");
        });
        assertThat(a.findings()).extracting(f -> f.source().label()).contains("CPIC", "DPWG");
    }

    @Test
    void slco1b1PoorFunctionOnSimvastatinShouldAvoidIt() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("SLCO1B1", "*5/*5"))
                .drug("simvastatin"));
        assertThat(cpic(a, "simvastatin")).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.AVOID);
            assertThat(f.phenotypes()).containsEntry("SLCO1B1", "Poor Function");
        });
    }

    @Test
    void capecitabineAsANewStartWithoutDpydResultNeedsATestFirst() {
        Assessment a = assess(AssessmentRequest.builder().drug("capecitabine"));
        assertThat(a.findings()).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.TEST_REQUIRED);
            assertThat(f.lookupKey()).containsEntry("DPYD", "No Result");
            assertThat(f.summary().nb()).contains("DPYD");
        });
    }

    @Test
    void capecitabineAlreadyTakenWithoutDpydResultNeedsNoTestFinding() {
        Assessment a = assess(AssessmentRequest.builder().drug("capecitabine").medication("capecitabine"));
        assertThat(a.findings()).noneMatch(f -> f.action() == Action.TEST_REQUIRED);
    }

    @Test
    void lookingUpEveryDrugOrdersNothingSoNoTestBeforeStartFindings() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2")).allDrugs());
        assertThat(a.findings()).noneMatch(f -> f.action() == Action.TEST_REQUIRED);
        assertThat(a.findings()).anyMatch(f -> f.drug().equals("clopidogrel") && f.action() == Action.AVOID);
    }

    @Test
    void cyp2c19NormalMetabolizerOnClopidogrelGivesNoFindingUnlessNormalResultsAreAsked() {
        AssessmentRequest.Builder b = AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*1/*1"))
                .drug("clopidogrel");
        assertThat(assess(b).findings()).isEmpty();
        Assessment all = assess(b.includeNormal(true));
        assertThat(cpic(all, "clopidogrel")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.action()).isEqualTo(Action.STANDARD_DOSE));
    }

    @Test
    void cftrHomozygousF508delOnIvacaftorShouldAvoidItAndG551dShouldNot() {
        Assessment f508del = assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("CFTR", "F508del/F508del")).drug("ivakaftor"));
        assertThat(cpic(f508del, "ivacaftor")).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.AVOID);
            assertThat(f.phenotypes()).containsEntry("CFTR", "ivacaftor non-responsive in CF patients");
        });
        Assessment g551d = assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("CFTR", "G551D/F508del")).drug("ivacaftor").includeNormal(true));
        assertThat(cpic(g551d, "ivacaftor")).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.STANDARD_DOSE);
            assertThat(f.phenotypes()).containsEntry("CFTR", "ivacaftor responsive in CF patients");
        });
    }

    @Test
    void anUnknownCftrVariantIsAProblemNamingGeneAndVariantNotANonResponsiveCall() {
        Assessment a = engine.assess(AssessmentRequest.builder().result(GeneInput.diplotype("CFTR", "F508del/Q39X"))
                .drug("ivacaftor").build());
        assertThat(a.problems()).singleElement().satisfies(p -> {
            assertThat(p.gene()).isEqualTo("CFTR");
            assertThat(p.message()).contains("Q39X");
        });
        assertThat(cpic(a, "ivacaftor")).noneMatch(f -> f.action() == Action.AVOID);
    }
}
