package no.pgx.engine.assess;

import static no.pgx.engine.assess.AdviceTest.assess;
import static no.pgx.engine.assess.AdviceTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.pgx.engine.AlternativeStatus;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.CheckedAlternative;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.DrugOrder;
import no.pgx.engine.GeneInput;

/**
 * The rules of {@code no.pgx.rules.alternatives}: every alternative is checked against the patient's own results, the
 * product information (contraindications by condition, indication, age, weight, co-medication) and the population or
 * indication of the order before it is offered; only one that passes every check, named by advice that is not
 * conditional, is one-click (issue 11 §1). Facts: Efient SmPC 4.2-4.4 (prasugrel), Brilique SmPC 4.3 (ticagrelor),
 * CPIC clopidogrel 2022 populations, DPWG clopidogrel alternatives per indication, CPIC/DPWG rows of the alternatives.
 */
class AlternativeRulesTest {

    private static AssessmentRequest.Builder poorMetabolizerOnClopidogrel(String indication) {
        return AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"))
                .order(DrugOrder.of("klopidogrel").withIndication(indication));
    }

    private static CheckedAlternative find(DrugAdvice d, String drug) {
        return java.util.stream.Stream.concat(d.alternatives().stream(), d.rejectedAlternatives().stream())
                .filter(a -> a.drug().equals(drug)).findFirst().orElseThrow(() -> new AssertionError(drug + " in " + d));
    }

    @Test
    void acsOrderWithEverythingKnownOffersPrasugrelAndTicagrelorOneClick() {
        DrugAdvice d = only(assess(poorMetabolizerOnClopidogrel("acs").ageYears(60).weightKg(80.0)
                .conditions(List.of())));
        assertThat(d.oneClickAlternatives()).extracting(CheckedAlternative::drug)
                .containsExactlyInAnyOrder("prasugrel", "ticagrelor");
        assertThat(d.headline().nb()).contains("prasugrel").contains("tikagrelor");
    }

    @Test
    void aStrokeTiaRegimenIsNotOfferedOnAnAcsOrder() {
        DrugAdvice d = only(assess(poorMetabolizerOnClopidogrel("acs").ageYears(60).weightKg(80.0)
                .conditions(List.of())));
        CheckedAlternative asaDipyridamole = find(d, "acetylsalicylic acid+dipyridamole");
        assertThat(asaDipyridamole.status()).isEqualTo(AlternativeStatus.NOT_SUITABLE);
        assertThat(asaDipyridamole.reasons()).isNotEmpty().allSatisfy(r -> assertThat(r.nb()).contains("TIA"));
        assertThat(d.headline().nb()).doesNotContain("dipyridamol");
    }

    @Test
    void prasugrelIsRuledOutByAgeWeightAndStrokeHistory() {
        assertThat(find(only(assess(poorMetabolizerOnClopidogrel("acs").ageYears(80).weightKg(80.0)
                .conditions(List.of()))), "prasugrel").status()).isEqualTo(AlternativeStatus.NOT_SUITABLE);
        // under 60 kg: the SmPC asks for the 5 mg maintenance dose (a caution, Efient 4.2)
        CheckedAlternative light = find(only(assess(poorMetabolizerOnClopidogrel("acs").ageYears(60).weightKg(55.0)
                .conditions(List.of()))), "prasugrel");
        assertThat(light.status()).isEqualTo(AlternativeStatus.CAUTION);
        assertThat(light.oneClick()).isFalse();
        assertThat(light.reasons()).extracting(r -> r.nb()).anyMatch(r -> r.contains("60 kg"));
        CheckedAlternative history = find(only(assess(poorMetabolizerOnClopidogrel("acs").ageYears(60)
                .weightKg(80.0).condition("I63.9"))), "prasugrel");
        assertThat(history.status()).isEqualTo(AlternativeStatus.NOT_SUITABLE);
        assertThat(history.reasons()).extracting(r -> r.nb()).anyMatch(r -> r.contains("kontraindisert"));
    }

    @Test
    void unknownAgeWeightOrHistoryKeepsPrasugrelWithTheChecksToMakeButNeverOneClick() {
        CheckedAlternative p = find(only(assess(poorMetabolizerOnClopidogrel("acs"))), "prasugrel");
        assertThat(p.status()).isEqualTo(AlternativeStatus.CAUTION);
        assertThat(p.oneClick()).isFalse();
        assertThat(p.reasons()).singleElement().satisfies(r -> assertThat(r.nb()).startsWith("sjekk:")
                .contains("75 år").contains("TIA"));
    }

    @Test
    void strokeTiaOrderGetsTheStrokeRegimenAndNeitherPrasugrelNorTicagrelor() {
        DrugAdvice d = only(assess(poorMetabolizerOnClopidogrel("stroke-tia").ageYears(60).weightKg(80.0)
                .conditions(List.of())));
        assertThat(find(d, "prasugrel").status()).isEqualTo(AlternativeStatus.NOT_SUITABLE);
        // ticagrelor for stroke/TIA: named by DPWG, outside the EU licence: flagged, never one click
        assertThat(find(d, "ticagrelor").status()).isEqualTo(AlternativeStatus.CAUTION);
        assertThat(find(d, "ticagrelor").oneClick()).isFalse();
        assertThat(find(d, "acetylsalicylic acid+dipyridamole").status()).isEqualTo(AlternativeStatus.SUITABLE);
        assertThat(d.oneClickAlternatives()).extracting(CheckedAlternative::drug)
                .containsExactly("acetylsalicylic acid+dipyridamole");
        assertThat(d.findings()).filteredOn(f -> f.source().equals("CPIC")).extracting(f -> f.population())
                .containsExactly("nvi");
    }

    @Test
    void anAlternativeThePatientsGenotypeRulesOutIsDroppedWithWhy() {
        // DPWG escitalopram CYP2C19 ultrarapid: avoid; the alternatives it names include paroxetine, which DPWG
        // advises against for a CYP2D6 ultrarapid metabolizer
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*17/*17"))
                .result(GeneInput.diplotype("CYP2D6", "*1/*1x2")).drug("escitalopram")));
        CheckedAlternative paroxetine = find(d, "paroxetine");
        assertThat(paroxetine.status()).isEqualTo(AlternativeStatus.NOT_SUITABLE);
        assertThat(paroxetine.reasons()).singleElement().satisfies(r -> assertThat(r.nb()).contains("CYP2D6")
                .contains("ultrarask"));
        // fluvoxamine is itself a CYP2D6 substrate (clinical/substrates.csv): flagged with why
        CheckedAlternative fluvoxamine = find(d, "fluvoxamine");
        assertThat(fluvoxamine.status()).isEqualTo(AlternativeStatus.CAUTION);
        assertThat(fluvoxamine.reasons()).extracting(r -> r.nb()).anyMatch(r -> r.contains("CYP2D6"));
    }

    @Test
    void anAlternativeWhoseOwnGuidelineChangesTheDoseIsOfferedWithThatCaution() {
        // DPWG venlafaxine CYP2D6 poor metabolizer names duloxetine, mirtazapine, citalopram and sertraline; a CYP2C19
        // poor metabolizer gets a caution (CPIC: alternative or 50 % dose) on citalopram and sertraline
        DrugAdvice d = only(assess(AssessmentRequest.builder().result(GeneInput.diplotype("CYP2D6", "*4/*4"))
                .result(GeneInput.diplotype("CYP2C19", "*2/*2")).drug("venlafaksin")));
        CheckedAlternative citalopram = find(d, "citalopram");
        assertThat(citalopram.status()).isEqualTo(AlternativeStatus.CAUTION);
        assertThat(citalopram.oneClick()).isFalse();
        assertThat(citalopram.reasons()).extracting(r -> r.nb()).anyMatch(r -> r.contains("CYP2C19"));
        // switching an antidepressant is a clinical choice: listed, never one click
        assertThat(find(d, "mirtazapine").status()).isEqualTo(AlternativeStatus.SUITABLE);
        assertThat(find(d, "mirtazapine").oneClick()).isFalse();
    }

    @Test
    void aCoMedicationContraindicationRulesOutTheAlternative() {
        DrugAdvice d = only(assess(poorMetabolizerOnClopidogrel("acs").ageYears(60).weightKg(80.0)
                .conditions(List.of()).medication("klaritromycin")));
        assertThat(find(d, "ticagrelor").status()).isEqualTo(AlternativeStatus.NOT_SUITABLE);
    }
}
