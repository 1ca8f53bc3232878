package no.pgx.engine.assess;

import static no.pgx.engine.assess.AdviceTest.assess;
import static no.pgx.engine.assess.AdviceTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import no.pgx.engine.Action;
import no.pgx.engine.AdviceBasis;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.CheckedAlternative;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.GeneInput;
import no.pgx.engine.Indicator;

/**
 * The rules of {@code no.pgx.rules.interaction} (issue 11 §2): when the actionable phenotype comes only from
 * co-medication, the advice is about the interaction, labelled with its own basis, in plain words. Facts: CPIC
 * tamoxifen 2018 (CYP2D6 inhibitors), Plavix SmPC 4.4/4.5 (omeprazole, esomeprazole; pantoprazole).
 */
class InteractionRulesTest {

    @Test
    void tamoxifenWithParoxetineAdvisesReplacingTheAntidepressantAndKeepingTamoxifen() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*1"))
                .drug("tamoksifen").medication("paroksetin")));
        assertThat(d.basis()).isEqualTo(AdviceBasis.INTERACTION);
        assertThat(d.perpetrator()).isEqualTo("paroxetine");
        assertThat(d.action()).isEqualTo(Action.CONSIDER_ALTERNATIVE);
        assertThat(d.indicator()).isEqualTo(Indicator.WARNING);
        assertThat(d.headline().nb()).hasSizeLessThanOrEqualTo(140).contains("paroksetin hemmer CYP2D6")
                .contains("behold tamoksifen").doesNotContain("fenokonvert");
        assertThat(d.detail().nb()).contains("fungerer som langsom omsetter fordi paroksetin hemmer CYP2D6")
                .doesNotContain("fenokonvert");
        assertThat(d.basisLabel().en()).startsWith("product information");
        // the interaction section never borrows a genotype row's grade
        String interaction = d.detail().nb().substring(d.detail().nb().indexOf("**Interaksjon**"),
                d.detail().nb().indexOf("**Hvis paroksetin"));
        assertThat(interaction).doesNotContain("sterk)").doesNotContain("moderat)");
        assertThat(d.detail().nb()).contains("gradert for genotype, ikke for interaksjonen");
        // the replacements replace paroxetine; choosing among several antidepressants is not one click
        assertThat(d.alternatives()).isNotEmpty().extracting(CheckedAlternative::replaces).containsOnly("paroxetine");
        assertThat(d.oneClickAlternatives()).isEmpty();
    }

    @Test
    void fluoxetineIsCoveredByTheRowForStrongInhibitors() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*2"))
                .drug("tamoxifen").medication("fluoxetine")));
        assertThat(d.basis()).isEqualTo(AdviceBasis.INTERACTION);
        assertThat(d.detail().nb()).contains("Fluoksetin hemmer aktiveringen av tamoksifen");
    }

    @Test
    void clopidogrelWithOmeprazoleAdvisesPantoprazole() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*1/*1"))
                .drug("klopidogrel").medication("omeprazol")));
        assertThat(d.basis()).isEqualTo(AdviceBasis.INTERACTION);
        assertThat(d.headline().nb()).contains("pantoprazol").contains("omeprazol");
        assertThat(d.oneClickAlternatives()).singleElement().satisfies(a -> {
            assertThat(a.drug()).isEqualTo("pantoprazole");
            assertThat(a.replaces()).isEqualTo("omeprazole");
        });
        assertThat(d.basisLabel().nb()).startsWith("preparatomtalen");
    }

    @Test
    void aGenotypeThatIsActionableOnItsOwnKeepsTheGenotypeBasis() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*4/*4"))
                .drug("tamoxifen").medication("paroxetine")));
        assertThat(d.basis()).isEqualTo(AdviceBasis.GENOTYPE);
    }

    @Test
    void codeineWithAStrongCyp2d6InhibitorFollowsTheInteractionTable() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*1"))
                .drug("kodein").medication("paroksetin")));
        assertThat(d.basis()).isEqualTo(AdviceBasis.INTERACTION);
        assertThat(d.basisLabel().en()).startsWith("interaction table");
        assertThat(d.headline().nb()).contains("paroksetin").contains("Kodein");
    }

    @Test
    void orderingTheInhibitorForAPatientOnTamoxifenGivesInteractionAdviceForTamoxifen() {
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*1/*1"))
                .drug("paroksetin").medication("tamoxifen")));
        assertThat(d.drug()).isEqualTo("tamoxifen");
        assertThat(d.causedBy()).isEqualTo("paroxetine");
        assertThat(d.basis()).isEqualTo(AdviceBasis.INTERACTION);
        assertThat(d.detail().nb()).contains("Skyldes ny forskrivning");
    }
}
