package no.pgx.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.pgx.engine.Action;
import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneInput;

/**
 * What the hand-written rules add to the table rows: populations, precedence, phenotype-only results, source
 * equivalents, indeterminate results, test requirements, dosing algorithms, and the request options.
 */
class RuleBehaviourTest {
    private static final Assessor ASSESSOR = RowCases.ASSESSOR;

    private static Assessment assess(AssessmentRequest.Builder b) {
        return ASSESSOR.assess(b.build());
    }

    private static List<Finding> of(Assessment a, String source, String drug) {
        return a.findings().stream().filter(f -> f.source().equals(source) && f.drug().equals(drug)).toList();
    }

    @Test
    void populationUnknownGivesEveryPopulationAndAgeSelectsOne() {
        AssessmentRequest.Builder b = AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .drug("voriconazole");
        assertThat(of(assess(b), "CPIC", "voriconazole")).extracting(Finding::population)
                .containsExactlyInAnyOrder("adults", "pediatrics");
        assertThat(of(assess(b.ageYears(10)), "CPIC", "voriconazole")).extracting(Finding::population)
                .containsExactly("pediatrics");
        assertThat(of(assess(b.ageYears(18)), "CPIC", "voriconazole")).extracting(Finding::population)
                .containsExactly("adults");
    }

    @Test
    void populationNamedInTheRequestSelectsItsRows() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .drug("clopidogrel").population("nvi"));
        assertThat(of(a, "CPIC", "clopidogrel")).extracting(Finding::population).containsExactly("nvi");
        assertThat(of(a, "DPWG", "clopidogrel")).extracting(Finding::population).containsExactly("general");
    }

    @Test
    void unknownPopulationIsAProblemAndEveryPopulationIsShown() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .drug("clopidogrel").population("martians"));
        assertThat(a.problems()).extracting(p -> p.field()).containsExactly("population");
        assertThat(of(a, "CPIC", "clopidogrel")).hasSize(3);
    }

    @Test
    void phenytoinTherapyStatusSelectsNaiveOrEstablishedRows() {
        AssessmentRequest.Builder b = AssessmentRequest.builder()
                .result(GeneInput.alleleStatus("HLA-B", "*15:02 negative"))
                .result(GeneInput.diplotype("CYP2C9", "*1/*3")).drug("phenytoin");
        assertThat(of(assess(b), "CPIC", "phenytoin")).extracting(Finding::population)
                .containsExactly("phenytoin-naive");
        // "more than three months" needs the start date (CPIC phenytoin 2020): without one the naive advice applies
        assertThat(of(assess(b.medication("fenytoin")), "CPIC", "phenytoin")).extracting(Finding::population)
                .containsExactly("phenytoin-naive");
        java.time.LocalDate order = java.time.LocalDate.of(2026, 11, 24);
        assertThat(of(assess(b.orderDate(order).medication("fenytoin", order.minusMonths(1))), "CPIC", "phenytoin"))
                .extracting(Finding::population).containsExactly("phenytoin-naive");
        AssessmentRequest.Builder established = AssessmentRequest.builder()
                .result(GeneInput.alleleStatus("HLA-B", "*15:02 negative"))
                .result(GeneInput.diplotype("CYP2C9", "*1/*3")).drug("phenytoin").orderDate(order)
                .medication("fenytoin", order.minusMonths(4));
        assertThat(of(assess(established), "CPIC", "phenytoin")).extracting(Finding::population)
                .containsExactly("phenytoin-over-3-months");
    }

    @Test
    void phenotypeOnlyIntermediateMetabolizerMatchesEveryScoreAndCollapsesEqualAdvice() {
        Assessment a = assess(AssessmentRequest.builder()
                .result(GeneInput.phenotype("CYP2D6", "Intermediate Metabolizer")).drug("codeine").includeNormal(true));
        assertThat(of(a, "CPIC", "codeine")).singleElement().satisfies(f -> {
            assertThat(f.lookupKey()).containsEntry("CYP2D6", "Intermediate Metabolizer");
            assertThat(f.detail().en()).contains("activity score was not given");
        });
        assertThat(of(a, "DPWG", "codeine")).singleElement()
                .satisfies(f -> assertThat(f.action()).isEqualTo(Action.MONITOR));
    }

    @Test
    void standardDoseAdviceIsQuietUnlessIncludeNormal() {
        // CPIC codeine, CYP2D6 intermediate metabolizer: label-recommended dosing; no card at order time
        Assessment a = assess(AssessmentRequest.builder()
                .result(GeneInput.phenotype("CYP2D6", "Intermediate Metabolizer")).drug("codeine"));
        assertThat(of(a, "CPIC", "codeine")).isEmpty();
        assertThat(of(a, "DPWG", "codeine")).singleElement()
                .satisfies(f -> assertThat(f.action()).isEqualTo(Action.MONITOR));
    }

    @Test
    void indeterminateResultGivesNoRecommendationRatherThanSilence() {
        Assessment a = assess(AssessmentRequest.builder()
                .result(GeneInput.phenotype("CYP2C19", "Indeterminate")).drug("citalopram"));
        assertThat(of(a, "CPIC", "citalopram")).singleElement()
                .satisfies(f -> assertThat(f.action()).isEqualTo(Action.NO_RECOMMENDATION));
        assertThat(of(a, "DPWG", "citalopram")).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.NO_RECOMMENDATION);
            assertThat(f.recommendationId()).startsWith("no-match:");
        });
    }

    @Test
    void aScoreTheSourceHasNoCategoryForSaysSoInsteadOfStayingSilent() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.activityScore("CYP2D6", "2.75"))
                .drug("codeine"));
        assertThat(of(a, "CPIC", "codeine")).singleElement()
                .satisfies(f -> assertThat(f.action()).isEqualTo(Action.AVOID));
        assertThat(of(a, "DPWG", "codeine")).singleElement()
                .satisfies(f -> assertThat(f.action()).isEqualTo(Action.NO_RECOMMENDATION));
    }

    @Test
    void cpicRapidMetabolizerGetsTheDpwgNormalMetabolizerRowLabelledAsSuch() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*1/*17"))
                .drug("clopidogrel").includeNormal(true));
        assertThat(of(a, "DPWG", "clopidogrel")).singleElement().satisfies(f -> {
            assertThat(f.lookupKey()).containsEntry("CYP2C19", "Rapid Metabolizer");
            assertThat(f.detail().en()).contains("DPWG has no category for CYP2C19 rapid metabolizer");
            assertThat(f.detail().nb()).contains("rask omsetter");
        });
    }

    @Test
    void dpwgStandardDoseFromOneGeneYieldsToAChangeFromTheOtherGene() {
        // DPWG warfarin: VKORC1 -1639 AG alone is standard dose, CYP2C9 *3/*3 alone is 20 %; shown together only the
        // change stands (the standard-dose row is not advice for this patient).
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C9", "*3/*3"))
                .result(GeneInput.phenotype("VKORC1", "-1639 AG")).drug("warfarin").includeNormal(true));
        assertThat(of(a, "DPWG", "warfarin")).singleElement().satisfies(f -> {
            assertThat(f.lookupKey()).containsOnlyKeys("CYP2C9");
            assertThat(f.action()).isEqualTo(Action.REDUCE_DOSE);
        });
    }

    @Test
    void aRowDeletedByPrecedenceDoesNotReopenTheNoMatchGap() {
        // DPWG phenytoin: the HLA-B*15:02 row supersedes the CYP2C9 rows; CYP2C9 must not then be reported as a
        // result DPWG has no recommendation for.
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.alleleStatus("HLA-B", "*15:02 positive"))
                .result(GeneInput.diplotype("CYP2C9", "*3/*3")).drug("phenytoin"));
        assertThat(of(a, "DPWG", "phenytoin")).singleElement()
                .satisfies(f -> assertThat(f.lookupKey()).containsOnlyKeys("HLA-B"));
    }

    @Test
    void hlaResultSilentAboutTheRiskAlleleStillNeedsATestBeforeCarbamazepine() {
        // the SmPC asks for HLA-B*15:02 before carbamazepine in patients of Han Chinese or Thai origin only
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.alleleStatus("HLA-B", "*57:01 negative"))
                .drug("karbamazepin").ancestry("Han Chinese"));
        assertThat(a.findings()).filteredOn(f -> f.action() == Action.TEST_REQUIRED)
                .extracting(f -> f.lookupKey().keySet().iterator().next()).containsExactly("HLA-B");
        Assessment other = assess(AssessmentRequest.builder()
                .result(GeneInput.alleleStatus("HLA-B", "*57:01 negative")).drug("karbamazepin"));
        assertThat(other.findings()).noneMatch(f -> f.action() == Action.TEST_REQUIRED);
    }

    @Test
    void warfarinGetsTheCpicDosingAlgorithmFindingBesideDpwgRows() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C9", "*1/*3"))
                .drug("warfarin"));
        assertThat(of(a, "CPIC", "warfarin")).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo(Action.MONITOR);
            assertThat(f.detail().en()).contains("dosing algorithm");
            assertThat(f.guideline().url()).contains("warfarin");
        });
        assertThat(of(a, "DPWG", "warfarin")).singleElement()
                .satisfies(f -> assertThat(f.action()).isEqualTo(Action.REDUCE_DOSE));
    }

    @Test
    void sourcesSelectTheRecommendationSets() {
        AssessmentRequest.Builder b = AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .drug("clopidogrel").drug("capecitabine");
        Assessment a = assess(b.source("DPWG"));
        assertThat(a.findings()).extracting(Finding::source).containsOnly("DPWG", "EMA");
    }

    @Test
    void sameLookupKeysShareTheRuleOutcomeButEachPatientKeepsItsOwnDiplotype() {
        Assessment first = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .drug("clopidogrel"));
        Assessment second = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*3"))
                .drug("clopidogrel"));
        assertThat(second.findings()).extracting(Finding::recommendationId)
                .containsExactlyElementsOf(first.findings().stream().map(Finding::recommendationId).toList());
        assertThat(second.findings().get(0).detail().en()).contains("*2/*3").doesNotContain("*2/*2");
    }

    @Test
    void badInputBecomesProblemsAndTheRestIsAssessed() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .result(GeneInput.diplotype("CYP2D6", "*1/*999")).drug("clopidogrel").drug("notadrug"));
        assertThat(a.problems()).extracting(p -> p.field()).contains("drug");
        assertThat(a.problems()).anyMatch(p -> "CYP2D6".equals(p.gene()));
        assertThat(of(a, "CPIC", "clopidogrel")).isNotEmpty();
    }

    @Test
    void everyDrugIsAssessedWhenNoneIsNamed() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*4/*4")));
        assertThat(a.findings()).extracting(Finding::drug).contains("codeine", "tramadol", "amitriptyline");
        assertThat(ASSESSOR.drugs()).contains("codeine", "warfarin").hasSizeGreaterThan(90);
    }
}
