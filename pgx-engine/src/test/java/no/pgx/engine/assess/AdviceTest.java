package no.pgx.engine.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import no.pgx.engine.Action;
import no.pgx.engine.AdviceBasis;
import no.pgx.engine.AlternativeStatus;
import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.CheckedAlternative;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.DrugOrder;
import no.pgx.engine.GeneInput;
import no.pgx.engine.Indicator;
import no.pgx.engine.PgxEngine;

/**
 * One piece of advice per drug, as a GP reads it (issue 11 §4): headline, indicator, basis, detail, numbers, and the
 * sources said once. The expected advice is the guidelines' (CPIC clopidogrel 2022, phenytoin 2020, fluoropyrimidines
 * 2017, warfarin 2017; DPWG clopidogrel, metoprolol, citalopram, fluoropyrimidines), not the implementation's output.
 */
class AdviceTest {
    /** One engine for every test class of the advice (built once, shared: the engine is thread-safe). */
    private static final class Shared {
        static final PgxEngine ENGINE = PgxEngine.builder().build();
    }

    @BeforeAll
    static void engine() {
        assertThat(Shared.ENGINE).isNotNull();
    }

    static Assessment assess(AssessmentRequest.Builder b) {
        Assessment a = Shared.ENGINE.assess(b.build());
        assertThat(a.problems()).as("problems").isEmpty();
        return a;
    }

    static DrugAdvice only(Assessment a) {
        assertThat(a.advice()).as("advice").hasSize(1);
        return a.advice().get(0);
    }

    @Test
    void clopidogrelPoorMetabolizerGetsOneCriticalCardThatNamesTheAlternativesWithTheirPopulation() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .drug("klopidogrel")));
        assertThat(d.drug()).isEqualTo("clopidogrel");
        assertThat(d.action()).isEqualTo(Action.AVOID);
        assertThat(d.indicator()).isEqualTo(Indicator.CRITICAL);
        assertThat(d.basis()).isEqualTo(AdviceBasis.GENOTYPE);
        assertThat(d.headline().nb()).hasSizeLessThanOrEqualTo(140).startsWith("Klopidogrel: unngå")
                .contains("langsom omsetter").contains("prasugrel").contains("tikagrelor").contains("ACS/PCI");
        assertThat(d.headline().en()).hasSizeLessThanOrEqualTo(140).contains("prasugrel").contains("ticagrelor");
        // every source and population that says "avoid" is one block; the result is said once, its stars escaped so
        // that Markdown shows them instead of emphasis
        assertThat(d.detail().nb()).containsOnlyOnce("\\*2/\\*2").containsOnlyOnce("Unngå klopidogrel.\n")
                .contains("\n\n**Hvorfor:**")
                .contains("CPIC (ACS/PCI: sterk; annet enn ACS/PCI: moderat; hjerneslag/TIA: moderat)")
                .doesNotContain("PharmGKB").doesNotContain("snapshot");
        // population unknown: alternatives restricted to a population are offered with it, never one click
        assertThat(d.oneClickAlternatives()).isEmpty();
        assertThat(d.alternatives()).extracting(CheckedAlternative::drug).contains("prasugrel", "ticagrelor");
        // a stroke/TIA regimen named only by DPWG's unrestricted row is not offered blind
        assertThat(d.rejectedAlternatives()).extracting(CheckedAlternative::drug)
                .contains("acetylsalicylic acid+dipyridamole");
        assertThat(d.findings()).hasSize(4);
    }

    @Test
    void anOpioidOrderWithoutIndicationNamesTheAlternativesForPainLabelledAndNeverOneClick() {
        for (String ordered : new String[] {"kodein", "Pinex Forte 500 mg/30 mg tabletter"}) {
            DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*4/*4"))
                    .drug(ordered)));
            assertThat(d.action()).as(ordered).isEqualTo(Action.AVOID);
            // pain is what codeine products are licensed for: morphine and oxycodone are shown with "for pain",
            // not listed as unsuitable; noscapine (cough) stays withheld and tramadol (CYP2D6 too) is never offered
            assertThat(d.alternatives()).as(ordered).extracting(CheckedAlternative::drug)
                    .contains("morphine", "oxycodone").doesNotContain("tramadol", "noscapine");
            assertThat(d.alternatives()).filteredOn(c -> c.drug().equals("morphine")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.status()).isEqualTo(AlternativeStatus.CAUTION);
                        assertThat(c.scope()).isNotNull();
                        assertThat(c.scope().nb()).containsIgnoringCase("smerte");
                    });
            assertThat(d.rejectedAlternatives()).extracting(CheckedAlternative::drug)
                    .doesNotContain("morphine", "oxycodone");
            assertThat(d.oneClickAlternatives()).isEmpty();
        }
        // stated as cough: the pain alternatives do not fit the order (DPWG's poor-metabolizer advice names none for
        // cough), so they are not offered
        DrugAdvice cough = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*4/*4"))
                .order(DrugOrder.of("kodein").withIndication("cough"))));
        assertThat(cough.alternatives()).extracting(CheckedAlternative::drug).doesNotContain("morphine", "oxycodone");
    }

    @Test
    void knownSourcesThatAgreeAreSaidOnceWithBothLabels() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .order(DrugOrder.of("klopidogrel").withIndication("I21.4")).ageYears(60).weightKg(80.0)
                .conditions(List.of())));
        assertThat(d.detail().nb()).contains("CPIC (ACS/PCI: sterk) og DPWG (ikke gradert):")
                .containsOnlyOnce("Unngå klopidogrel.");
        assertThat(d.detail().en()).contains("CPIC (ACS/PCI: strong) and DPWG (not graded):");
    }

    @Test
    void phenytoinDoseAdviceSaysWhichDoseAndHowMuch() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C9", "*1/*3"))
                .result(GeneInput.alleleStatus("HLA-B", "*15:02 negative")).drug("fenytoin")));
        assertThat(d.action()).isEqualTo(Action.REDUCE_DOSE);
        assertThat(d.indicator()).isEqualTo(Indicator.WARNING);
        assertThat(d.headline().nb()).contains("vedlikeholdsdose 75 %").contains("metningsdose uendret");
        assertThat(d.headline().en()).contains("maintenance dose 75 %").contains("loading dose unchanged");
        assertThat(d.doseFacts()).filteredOn(f -> "CPIC".equals(f.source())).extracting(f -> f.kind() + ":" + f.change())
                .containsExactly("loading:unchanged", "maintenance:percent");
        assertThat(d.doseFacts()).filteredOn(f -> f.kind().equals("maintenance")).allMatch(f -> f.percent().equals("75"));
        assertThat(d.oneClickDose()).isTrue();
        assertThat(d.conditional()).isFalse();
    }

    @Test
    void aLoadingDoseSentenceAppearsOnlyForDrugsThatHaveOne() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .drug("citalopram")));
        assertThat(d.detail().nb()).doesNotContain("metningsdose");
        assertThat(d.detail().en()).doesNotContain("loading dose");
    }

    @Test
    void conditionalDoseAdviceKeepsItsConditionAndOffersNoOneClickChange() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*4/*4"))
                .drug("metoprolol")));
        assertThat(d.action()).isEqualTo(Action.REDUCE_DOSE);
        assertThat(d.conditional()).isTrue();
        assertThat(d.oneClickDose()).isFalse();
        assertThat(d.headline().nb()).contains("25 %").contains("bradykardi");
        assertThat(d.doseFacts()).singleElement().satisfies(f -> {
            assertThat(f.conditional()).isTrue();
            assertThat(f.condition().nb()).contains("bradykardi");
        });
    }

    @Test
    void ageBandedMaximumDoseFollowsThePatientsAge() {
        AssessmentRequest.Builder b = AssessmentRequest.builder()
                .result(GeneInput.phenotype("CYP2C19", "Poor Metabolizer")).drug("citalopram");
        DrugAdvice old = only(assess(b.ageYears(70)));
        // tablets and drops: both caps of the 65+ band, none of the 18-64 band
        assertThat(old.doseFacts()).filteredOn(f -> "DPWG".equals(f.source())).extracting(f -> f.amount())
                .containsExactly("10", "8");
        DrugAdvice unknown = only(assess(AssessmentRequest.builder()
                .result(GeneInput.phenotype("CYP2C19", "Poor Metabolizer")).drug("citalopram")));
        assertThat(unknown.doseFacts()).filteredOn(f -> "DPWG".equals(f.source())).extracting(f -> f.amount())
                .contains("20", "10");
        assertThat(unknown.detail().nb()).contains("18–64 år").contains("fra 65 år");
    }

    @Test
    void dpydTwoDecreasedFunctionAllelesFollowTheSourcesNotABlanketAvoid() {
        DrugAdvice d = only(assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("DPYD", "c.2846A>T/c.2846A>T")).drug("capecitabine")));
        assertThat(d.action()).isEqualTo(Action.REDUCE_DOSE);
        assertThat(d.headline().nb()).contains("startdose 50 %");
        assertThat(d.findings()).filteredOn(f -> f.source().label().equals("DPWG")).singleElement()
                .satisfies(f -> assertThat(f.action()).isEqualTo(Action.MONITOR));
        assertThat(d.detail().nb()).contains("Mål enzymaktiviteten");
        assertThat(d.detail().nb()).doesNotContain("Unngå kapecitabin");
    }

    @Test
    void warfarinIsOneCombinedAdviceWithoutCompetingPercentages() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C9", "*1/*3"))
                .result(GeneInput.diplotype("VKORC1", "rs9923231 T/T")).drug("warfarin")));
        assertThat(d.drug()).isEqualTo("warfarin");
        assertThat(d.action()).isEqualTo(Action.REDUCE_DOSE);
        assertThat(d.headline().nb()).contains("algoritme").doesNotContain("%");
        assertThat(d.headline().en()).contains("algorithm").doesNotContain("%");
        assertThat(d.detail().nb()).containsOnlyOnce("DPWG-tabellen").contains("65 %").contains("60 %")
                .contains("CPIC og DPWG");
    }

    @Test
    void warfarinForACyp2c9PoorMetabolizerSuggestsAnotherAnticoagulantUnlessTheValveIsMechanical() {
        AssessmentRequest.Builder b = AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C9", "*2/*3"))
                .result(GeneInput.diplotype("VKORC1", "rs9923231 C/C"))
                .order(DrugOrder.of("warfarin").withIndication("atrial-fibrillation"));
        DrugAdvice poor = only(assess(b));
        assertThat(poor.action()).isEqualTo(Action.CONSIDER_ALTERNATIVE);
        assertThat(poor.headline().nb()).contains("45 %");  // if warfarin stays: DPWG's one starting dose
        assertThat(poor.detail().en()).contains("algorithm");
        assertThat(poor.oneClickDose()).isFalse();

        DrugAdvice valve = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C9", "*2/*3"))
                .result(GeneInput.diplotype("VKORC1", "rs9923231 C/C"))
                .order(DrugOrder.of("warfarin").withIndication("mechanical-heart-valve"))));
        assertThat(valve.action()).isEqualTo(Action.REDUCE_DOSE);
        assertThat(valve.headline().en()).contains("algorithm");
    }

    @Test
    void warfarinForACyp4f2Star3CarrierRaisesTheAlgorithmDose() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C9", "*1/*1"))
                .result(GeneInput.diplotype("VKORC1", "rs9923231 C/C")).result(GeneInput.diplotype("CYP4F2", "*1/*3"))
                .drug("warfarin")));
        assertThat(d.action()).isEqualTo(Action.INCREASE_DOSE);
        assertThat(d.headline().nb()).contains("5–10 %").contains("algoritme");
        assertThat(d.doseFacts()).anySatisfy(f -> assertThat(f.percent()).isEqualTo("105-110"));

        assertThat(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C9", "*1/*1"))
                .result(GeneInput.diplotype("VKORC1", "rs9923231 C/C")).result(GeneInput.diplotype("CYP4F2", "*1/*2"))
                .drug("warfarin")).advice()).as("*2 is not a *3 carrier").isEmpty();
    }

    @Test
    void anAlternativeRuledOutForTheOrdersPopulationAndItsIndicationGivesOneReason() {
        // ACS: the order's indication and the population it selects both rule out the stroke/TIA regimen
        // (clinical/alternative-scope.csv); the card says why once, not twice in other words
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .order(new no.pgx.engine.DrugOrder("klopidogrel", "icd10:I21.4", null))));
        CheckedAlternative regimen = d.rejectedAlternatives().stream()
                .filter(a -> a.drug().contains("dipyridamole")).findFirst().orElseThrow();
        assertThat(regimen.reasons()).hasSize(1);
        assertThat(regimen.reasons().get(0).nb()).contains("hjerneslag/TIA");
        assertThat(d.detail().nb()).containsOnlyOnce("hjerneslag/TIA");
    }

    @Test
    void normalResultIsQuietUnlessIncludeNormal() {
        AssessmentRequest.Builder b = AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*1/*17"))
                .drug("klopidogrel");
        assertThat(assess(b).advice()).isEmpty();
        DrugAdvice d = only(assess(b.includeNormal(true)));
        assertThat(d.indicator()).isEqualTo(Indicator.INFO);
    }

    @Test
    void whenOneSourceSaysStandardDoseAndTheOtherHasNoRecommendationTheHeadlineSaysStandardDose() {
        // CPIC 2022 gives clopidogrel normal metabolizers the standard dose; DPWG lists no recommendation for them
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*1/*1"))
                .drug("klopidogrel").population("cvi-acs-pci").includeNormal(true)));
        assertThat(d.action()).isEqualTo(Action.STANDARD_DOSE);
        assertThat(d.headline().nb()).contains("vanlig dose").doesNotContain("ingen");
        assertThat(d.headline().en()).contains("standard dose");
    }

    @Test
    void bokmalUsesDecimalCommasAndNoInternalNotes() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*4"))
                .drug("kodein")));
        assertThat(d.detail().nb()).contains("aktivitetsskår 1,0").doesNotContain("aktivitetsskår 1.0")
                .doesNotContainPattern("[0-9a-f]{12}").doesNotContain("annotation");
        assertThat(d.detail().en()).contains("activity score 1.0");
    }

    @Test
    void localRouteGetsNoAdviceNoTestAndANote() {
        Assessment a = assess(AssessmentRequest.builder().order(DrugOrder.of("fluorouracil").withRoute("kutan")));
        assertThat(a.advice()).isEmpty();
        assertThat(a.findings()).isEmpty();
        assertThat(a.notes()).singleElement().satisfies(n -> assertThat(n.code()).isEqualTo("local-route"));
        Assessment cream = assess(AssessmentRequest.builder().drug("fluorouracil krem"));
        assertThat(cream.advice()).isEmpty();
        Assessment iv = assess(AssessmentRequest.builder().order(DrugOrder.of("fluorouracil").withRoute("intravenøs")));
        assertThat(iv.advice()).singleElement().satisfies(d -> {
            assertThat(d.basis()).isEqualTo(AdviceBasis.TEST_BEFORE_START);
            assertThat(d.indicator()).isEqualTo(Indicator.CRITICAL);
        });
    }

    @Test
    void testBeforeStartCarriesRequirementLevelAndAuthority() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().drug("kapecitabin")));
        assertThat(d.action()).isEqualTo(Action.TEST_REQUIRED);
        assertThat(d.indicator()).isEqualTo(Indicator.CRITICAL);
        assertThat(d.headline().nb()).isEqualTo("Kapecitabin: test DPYD før oppstart – intet resultat registrert.");
        assertThat(d.basisLabel().en()).startsWith("EMA");
        DrugAdvice thiopurine = only(assess(AssessmentRequest.builder().drug("azatioprin")));
        assertThat(thiopurine.indicator()).isEqualTo(Indicator.WARNING);
        // already taking the drug: no test before start
        assertThat(assess(AssessmentRequest.builder().drug("kapecitabin").medication("capecitabine")).advice())
                .isEmpty();
    }

    @Test
    void carbamazepineHlaB1502IsInformationForTheAncestryItConcernsOnly() {
        assertThat(assess(AssessmentRequest.builder().drug("karbamazepin")).advice()).isEmpty();
        DrugAdvice d = only(assess(AssessmentRequest.builder().drug("karbamazepin").ancestry("thai")));
        assertThat(d.indicator()).isEqualTo(Indicator.INFO);
        assertThat(d.headline().nb()).contains("HLA-B*15:02");
    }

    @Test
    void alreadyTakingMeansAStartDateMoreThanThreeMonthsBack() {
        LocalDate order = LocalDate.of(2026, 11, 24);
        AssessmentRequest.Builder naive = AssessmentRequest.builder()
                .result(GeneInput.alleleStatus("HLA-B", "*15:02 positive")).drug("karbamazepin")
                .medication("karbamazepin").orderDate(order);
        assertThat(assess(naive).findings()).filteredOn(f -> f.source().label().equals("CPIC"))
                .extracting(f -> f.population().id()).containsOnly("carbamazepine-naive", "carbamazepine-naive-no-alternative");
        AssessmentRequest.Builder established = AssessmentRequest.builder()
                .result(GeneInput.alleleStatus("HLA-B", "*15:02 positive")).drug("karbamazepin")
                .medication("karbamazepin", order.minusMonths(6)).orderDate(order);
        assertThat(assess(established).findings()).filteredOn(f -> f.source().label().equals("CPIC"))
                .extracting(f -> f.population().id()).containsOnly("carbamazepine-over-3-months");
    }

    @Test
    void adviceIsMostUrgentFirstAndOnePerDrug() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .result(GeneInput.diplotype("CYP2C9", "*1/*3"))
                .result(GeneInput.alleleStatus("HLA-B", "*15:02 negative"))
                .drug("fenytoin").drug("klopidogrel").drug("kapecitabin"));
        assertThat(a.advice()).extracting(DrugAdvice::drug).containsExactly("clopidogrel", "capecitabine", "phenytoin");
        assertThat(a.advice()).extracting(DrugAdvice::indicator)
                .containsExactly(Indicator.CRITICAL, Indicator.CRITICAL, Indicator.WARNING);
    }

    @Test
    void alternativeStatusesAreNeverMixedUp() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .order(DrugOrder.of("klopidogrel").withIndication("acs")).ageYears(60).weightKg(80.0)
                .conditions(List.of())));
        assertThat(d.alternatives()).allMatch(x -> x.status() != AlternativeStatus.NOT_SUITABLE);
        assertThat(d.rejectedAlternatives()).allMatch(x -> x.status() == AlternativeStatus.NOT_SUITABLE)
                .allMatch(x -> !x.oneClick() && !x.reasons().isEmpty());
    }
}
