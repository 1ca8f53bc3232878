package no.pgx.engine.assess;

import static no.pgx.engine.assess.AdviceTest.assess;
import static no.pgx.engine.assess.AdviceTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import no.pgx.engine.Action;
import no.pgx.engine.AdviceBasis;
import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.DrugOrder;
import no.pgx.engine.GeneInput;
import no.pgx.engine.Indicator;
import no.pgx.engine.Note;

/**
 * The curation tables that change what a recommendation says for one patient and order: advice that is a test of the
 * phenotype (curation/test-actions.csv), advice written for the order's indication that leads
 * (curation/indication-actions.csv, leads), advice for the substance alone kept off a combination product
 * (clinical/advice-scope.csv), and a dose stated as the amount the source gives for its percentage.
 */
class CuratedAdviceTest {

    @Test
    void aVariableG6pdResultAsksForTheEnzymeActivityBeforeEveryOxidativeDrug() {
        for (String drug : new String[] {"rasburicase", "pegloticase", "dapsone", "primaquine", "methylene blue"}) {
            DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.phenotype("G6PD", "Variable"))
                    .drug(drug)));
            assertThat(d.action()).as(drug).isEqualTo(Action.TEST_REQUIRED);
            assertThat(d.indicator()).as(drug).isEqualTo(Indicator.WARNING);
            assertThat(d.basis()).as(drug).isEqualTo(AdviceBasis.GENOTYPE);
            assertThat(d.headline().nb()).as(drug).contains("mål G6PD-enzymaktivitet").hasSizeLessThanOrEqualTo(140);
            assertThat(d.headline().en()).as(drug).contains("measure G6PD enzyme activity");
        }
    }

    @Test
    void anIndeterminateG6pdResultAlsoAsksForTheEnzymeActivity() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.phenotype("G6PD", "Indeterminate"))
                .drug("rasburikase")));
        assertThat(d.action()).isEqualTo(Action.TEST_REQUIRED);
        assertThat(d.detail().nb()).contains("Genotypen gir ingen G6PD-status");
    }

    @Test
    void nitrofurantoinWithAVariableG6pdResultIsInformationOnly() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.phenotype("G6PD", "Variable"))
                .drug("nitrofurantoin")));
        assertThat(d.action()).isEqualTo(Action.TEST_REQUIRED);
        assertThat(d.indicator()).isEqualTo(Indicator.INFO);
    }

    @Test
    void aDeficientG6pdResultStillAvoidsTheDrug() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.phenotype("G6PD", "Deficient"))
                .drug("rasburicase")));
        assertThat(d.action()).isEqualTo(Action.AVOID);
    }

    @Test
    void theHelicobacterAdviceOfDpwgLeadsForAnEradicationOrderOnly() {
        AssessmentRequest.Builder eradication = AssessmentRequest.builder()
                .result(GeneInput.diplotype("CYP2C19", "*17/*17"))
                .order(DrugOrder.of("omeprazole").withIndication("helicobacter-pylori-eradication"));
        DrugAdvice d = only(assess(eradication));
        assertThat(d.action()).isEqualTo(Action.INCREASE_DOSE);
        assertThat(d.findings().get(0).source().label()).isEqualTo("DPWG");
        assertThat(d.headline().nb()).contains("3 ganger");
        assertThat(d.doseFacts()).anySatisfy(f -> assertThat(f.percent()).isEqualTo("300"));
        // CPIC's general advice stays in the detail
        assertThat(d.findings()).extracting(f -> f.source().label()).contains("CPIC");

        DrugAdvice reflux = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*17/*17"))
                .order(DrugOrder.of("omeprazole").withIndication("gastro-oesophageal-reflux"))));
        assertThat(reflux.findings().get(0).source().label()).isEqualTo("CPIC");
        assertThat(reflux.headline().nb()).contains("2 ganger");
    }

    @Test
    void flecainideForTheBrugadaProvocationTestGetsNoCard() {
        Assessment test = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*4"))
                .order(DrugOrder.of("flecainide").withIndication("brugada-provocation-test")));
        assertThat(test.advice()).isEmpty();

        DrugAdvice arrhythmia = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*4"))
                .order(DrugOrder.of("flecainide").withIndication("atrial-fibrillation"))));
        assertThat(arrhythmia.action()).isEqualTo(Action.REDUCE_DOSE);
    }

    @Test
    void aCombinationProductDoesNotGetAdviceWrittenForIvacaftorAlone() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CFTR", "F508del/F508del"))
                .drug("Kaftrio 75 mg/50 mg/100 mg tabletter"));
        assertThat(a.advice()).isEmpty();
        assertThat(a.notes()).extracting(Note::code).contains("monotherapy-advice");
        Note n = a.notes().stream().filter(x -> x.code().equals("monotherapy-advice")).findFirst().orElseThrow();
        assertThat(n.drug()).isEqualTo("ivacaftor");
        assertThat(n.text().nb()).contains("elexacaftor").contains("tezacaftor").contains("CPIC");

        DrugAdvice alone = only(assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("CFTR", "F508del/F508del")).drug("ivacaftor")));
        assertThat(alone.action()).isEqualTo(Action.AVOID);
    }

    @Test
    void ivacaftorThatCompletesTheRegimenOfACombinationProductDoesNotGetTheMonotherapyAdvice() {
        Assessment a = assess(AssessmentRequest.builder().result(GeneInput.diplotype("CFTR", "F508del/F508del"))
                .drug("Kalydeco 150 mg tabletter").medication("Kaftrio"));
        assertThat(a.advice()).isEmpty();
        assertThat(a.notes()).extracting(Note::code).contains("monotherapy-advice");
    }

    @Test
    void aCombinationWithoutAMonotherapyScopeKeepsTheAdviceOfItsIngredient() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1x2/*1"))
                .drug("Paralgin forte")));
        assertThat(d.drug()).isEqualTo("codeine");
    }

    @Test
    void aPercentageTheSourceAlsoGivesAsAnAmountIsStatedWithTheAmount() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C9", "*2/*3"))
                .drug("siponimod")));
        assertThat(d.action()).isEqualTo(Action.REDUCE_DOSE);
        assertThat(d.headline().nb()).contains("1 mg/døgn").contains("50 %");
        assertThat(d.headline().en()).contains("1 mg/day");
    }
}
