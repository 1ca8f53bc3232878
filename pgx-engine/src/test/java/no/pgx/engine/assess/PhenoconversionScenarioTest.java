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
import no.pgx.engine.Phenoconversion;

/**
 * Drug–drug–gene interactions through the public engine (docs/clinical-rules.md#phenoconversion; policy: CYP2D6 activity
 * score × 0 for a strong and × 0.5 for a moderate inhibitor with the CPIC cut-offs of Caudle 2020; CYP2C19 strong
 * inhibitor → poor metabolizer, strong inducer → one class up). Expected advice is the CPIC guidelines' for the
 * functional phenotype (opioids 2021, clopidogrel 2022, tamoxifen 2018, voriconazole 2016), not the implementation's.
 */
class PhenoconversionScenarioTest {
    private static PgxEngine engine;
    private static PgxEngine withoutPhenoconversion;

    @BeforeAll
    static void engines() {
        engine = PgxEngine.builder().build();
        withoutPhenoconversion = PgxEngine.builder().phenoconversion(false).build();
    }

    private static List<Finding> cpic(Assessment a, String drug) {
        return a.findings().stream().filter(f -> f.source().equals("CPIC") && f.drug().equals(drug)).toList();
    }

    private static Finding onlyCpic(Assessment a, String drug) {
        List<Finding> list = cpic(a, drug);
        assertThat(list).as("CPIC %s findings in %s", drug, a.findings()).hasSize(1);
        return list.get(0);
    }

    @Test
    void normalMetabolizerOnParoxetineIsAFunctionalPoorMetabolizerForCodeine() {
        Assessment a = engine.assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*1"))
                .drug("kodein").medication("paroksetin").build());

        Finding f = onlyCpic(a, "codeine");
        assertThat(f.action()).isEqualTo(Action.AVOID);
        assertThat(f.lookupKey()).containsEntry("CYP2D6", "0.0");
        assertThat(f.phenotypes()).containsEntry("CYP2D6", "Poor Metabolizer");
        assertThat(f.phenoconverted()).isTrue();
        assertThat(f.phenoconversions()).singleElement().satisfies(p -> {
            assertThat(p.perpetrator()).isEqualTo("paroxetine");
            assertThat(p.strength()).isEqualTo("strong");
            assertThat(p.genotypePredicted().phenotype()).isEqualTo("Normal Metabolizer");
            assertThat(p.functional().phenotype()).isEqualTo("Poor Metabolizer");
        });
        assertThat(f.summary().en()).contains("phenoconverted by paroxetine (strong CYP2D6 inhibitor)")
                .hasSizeLessThanOrEqualTo(140);
        assertThat(f.summary().nb()).contains("fungerer som langsom omsetter fordi paroksetin hemmer CYP2D6")
                .hasSizeLessThanOrEqualTo(140);
        assertThat(f.detail().en()).contains("phenoconverted by paroxetine (strong CYP2D6 inhibitor)")
                .contains("poor metabolizer").contains("genotype-predicted: *1/*1").contains("normal metabolizer");
        assertThat(f.detail().nb()).contains("fordi paroksetin hemmer CYP2D6").contains("langsom omsetter")
                .contains("etter genotype: *1/*1").contains("normal omsetter");
        // The assessment keeps the genotype-predicted result and lists what was applied.
        assertThat(a.results()).singleElement().satisfies(r -> assertThat(r.phenotype()).isEqualTo("Normal Metabolizer"));
        assertThat(a.phenoconversions()).extracting(Phenoconversion::perpetrator).containsExactly("paroxetine");
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void moderateInhibitorHalvesTheActivityScore() {
        Assessment a = engine.assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*1"))
                .drug("codeine").medication("duloxetine").includeNormal(true).build());

        Finding f = onlyCpic(a, "codeine");  // CPIC's standard-dose advice for IM: shown with includeNormal only
        assertThat(f.lookupKey()).containsEntry("CYP2D6", "1.0");
        assertThat(f.phenotypes()).containsEntry("CYP2D6", "Intermediate Metabolizer");
        assertThat(f.action()).isEqualTo(Action.STANDARD_DOSE);
        assertThat(f.consequence()).isEqualTo("reduced-active-metabolite");
        assertThat(f.summary().en()).contains("phenoconverted by duloxetine (moderate CYP2D6 inhibitor)");
    }

    @Test
    void ultrarapidMetabolizerOnParoxetineIsAFunctionalPoorMetabolizer() {
        Assessment a = engine.assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*1x2"))
                .drug("codeine").medication("paroxetine").build());

        Finding f = onlyCpic(a, "codeine");
        assertThat(f.phenotypes()).containsEntry("CYP2D6", "Poor Metabolizer");
        assertThat(f.consequence()).isEqualTo("reduced-active-metabolite");  // not the ultrarapid toxicity
        assertThat(f.phenoconversions()).singleElement().satisfies(p ->
                assertThat(p.genotypePredicted().phenotype()).isEqualTo("Ultrarapid Metabolizer"));
    }

    @Test
    void geneWithoutResultIsNeverPhenoconverted() {
        Assessment a = engine.assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*1/*1"))
                .drug("codeine").medication("paroxetine").build());

        assertThat(a.phenoconversions()).isEmpty();
        assertThat(a.findings()).noneMatch(Finding::phenoconverted);
        assertThat(cpic(a, "codeine")).isEmpty();  // codeine has no "test before start"
        // informational, not an input fault: a note, not a problem
        assertThat(a.problems()).isEmpty();
        assertThat(a.notes()).singleElement().satisfies(n -> {
            assertThat(n.gene()).isEqualTo("CYP2D6");
            assertThat(n.code()).isEqualTo("interaction-gene-untested");
            assertThat(n.message()).contains("No CYP2D6 result on file").contains("paroxetine").contains("codeine");
            assertThat(n.text().nb()).contains("Ingen CYP2D6-resultat").contains("paroksetin").contains("kodein");
        });
    }

    @Test
    void fluvoxamineMakesANormalCyp2c19MetabolizerPoorForClopidogrel() {
        Assessment a = engine.assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*1/*1"))
                .drug("clopidogrel").medication("fluvoksamin").population("cvi-acs-pci").build());

        Finding f = onlyCpic(a, "clopidogrel");
        assertThat(f.action()).isEqualTo(Action.AVOID);
        assertThat(f.alternatives()).contains("prasugrel", "ticagrelor");
        assertThat(f.phenotypes()).containsEntry("CYP2C19", "Poor Metabolizer");
        assertThat(f.summary().en()).contains("phenoconverted by fluvoxamine (strong CYP2C19 inhibitor)");
        assertThat(f.summary().nb()).contains("fungerer som langsom omsetter fordi fluvoksamin hemmer CYP2C19");
    }

    @Test
    void strongInducerMovesCyp2c19OneClassUp() {
        Assessment a = engine.assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*1/*1"))
                .drug("voriconazole").medication("rifampicin").population("adults").build());

        Finding f = onlyCpic(a, "voriconazole");
        assertThat(f.phenotypes()).containsEntry("CYP2C19", "Rapid Metabolizer");
        assertThat(f.action()).isEqualTo(Action.AVOID);
        assertThat(f.summary().en()).contains("phenoconverted by rifampicin (strong CYP2C19 inducer)");

        // enzalutamide is a moderate CYP2C19 inducer: not applied by the policy, so no finding for a normal result.
        Assessment moderate = engine.assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("CYP2C19", "*1/*1")).drug("voriconazole").medication("enzalutamide")
                .population("adults").build());
        assertThat(moderate.phenoconversions()).isEmpty();
        assertThat(cpic(moderate, "voriconazole")).isEmpty();
    }

    @Test
    void orderingAPerpetratorReassessesTheCurrentMedication() {
        Assessment a = engine.assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*1"))
                .drug("paroxetine").medication("tamoxifen").build());

        Finding f = onlyCpic(a, "tamoxifen");
        assertThat(f.phenotypes()).containsEntry("CYP2D6", "Poor Metabolizer");
        assertThat(f.action()).isEqualTo(Action.AVOID);
        assertThat(f.phenoconversions()).extracting(Phenoconversion::perpetrator).containsExactly("paroxetine");
        assertThat(f.detail().en()).contains("Caused by the new order").contains("paroxetine");
        assertThat(f.detail().nb()).contains("Skyldes ny forskrivning").contains("paroksetin");
        // paroxetine is not phenoconverted by itself
        assertThat(cpic(a, "paroxetine")).noneMatch(Finding::phenoconverted);

        // Already on paroxetine: ordering it again changes nothing about tamoxifen.
        Assessment again = engine.assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*1"))
                .drug("paroxetine").medication("tamoxifen").medication("paroxetine").build());
        assertThat(cpic(again, "tamoxifen")).isEmpty();
    }

    @Test
    void theStrongestOfTwoPerpetratorsWins() {
        Assessment a = engine.assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*1"))
                .drug("codeine").medication("duloxetine").medication("paroxetine").build());

        Finding f = onlyCpic(a, "codeine");
        assertThat(f.phenotypes()).containsEntry("CYP2D6", "Poor Metabolizer");
        assertThat(f.phenoconversions()).extracting(Phenoconversion::perpetrator).containsExactly("paroxetine");
        assertThat(f.summary().en()).contains("paroxetine").doesNotContain("duloxetine");
    }

    @Test
    void switchedOffTheResultsStayGenotypePredicted() {
        Assessment a = withoutPhenoconversion.assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("CYP2D6", "*1/*1")).drug("codeine").medication("paroxetine")
                .includeNormal(true).build());

        Finding f = onlyCpic(a, "codeine");
        assertThat(f.phenotypes()).containsEntry("CYP2D6", "Normal Metabolizer");
        assertThat(f.action()).isEqualTo(Action.STANDARD_DOSE);
        assertThat(f.phenoconverted()).isFalse();
        assertThat(f.detail().en()).contains("(genotype-predicted)");
        assertThat(a.phenoconversions()).isEmpty();
    }

    @Test
    void cachedFindingsAreNotSharedAcrossPerpetratorsOrGenotypes() {
        // Same functional result (CYP2D6 activity score 0), different causes: each finding names its own.
        Finding paroxetine = onlyCpic(engine.assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("CYP2D6", "*1/*1")).drug("codeine").medication("paroxetine").build()),
                "codeine");
        Finding bupropion = onlyCpic(engine.assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("CYP2D6", "*1/*1")).drug("codeine").medication("bupropion").build()),
                "codeine");
        Finding poorByGenotype = onlyCpic(engine.assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("CYP2D6", "*4/*4")).drug("codeine").build()), "codeine");

        assertThat(paroxetine.summary().en()).contains("paroxetine").doesNotContain("bupropion");
        assertThat(bupropion.summary().en()).contains("bupropion").doesNotContain("paroxetine");
        assertThat(poorByGenotype.phenoconverted()).isFalse();
        assertThat(poorByGenotype.summary().en()).doesNotContain("phenoconverted");
        assertThat(poorByGenotype.detail().en()).contains("(genotype-predicted)");
        assertThat(paroxetine.action()).isEqualTo(poorByGenotype.action());
    }
}
