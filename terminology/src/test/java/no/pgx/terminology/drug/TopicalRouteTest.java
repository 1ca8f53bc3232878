package no.pgx.terminology.drug;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/clinical-rules.md: no DPYD pre-test card for topical fluorouracil. Route and dose form must mark local forms, and any
 * sign of a systemic form must keep the order systemic (a wrong "topical" would hide an alert).
 */
class TopicalRouteTest {

    private static final DrugCatalog CATALOG = DrugCatalog.loadDefault();
    private static final List<Coding> FLUOROURACIL = List.of(Coding.of(Coding.ATC, "L01BC02"));

    @ParameterizedTest
    @ValueSource(strings = {"Fluorouracil 50 MG/ML Topical Cream", "Efudix krem 5 % (fluorouracil)",
        "fluorouracil 5% kutan oppløsning", "Fluorouracil Topical Solution"})
    void doseFormWordsMarkTopicalFluorouracil(String text) {
        DrugMatch m = CATALOG.resolve(FLUOROURACIL, text);
        assertThat(m.ingredientIds()).containsExactly("fluorouracil");
        assertThat(m.topical()).as(m.message()).isTrue();
        assertThat(CATALOG.resolve(List.of(), text).topical()).isTrue();
    }

    @Test
    void routeCodingOrRouteTextMarksTopical() {
        assertThat(CATALOG.resolve(FLUOROURACIL, null, List.of(new Coding(Coding.SNOMED, "6064005", "Topical route")),
                null).topical()).isTrue();
        assertThat(CATALOG.resolve(FLUOROURACIL, null, null, "Kutan").topical()).isTrue();
        assertThat(CATALOG.resolve(FLUOROURACIL, null, List.of(Coding.text("Cutaneous use")), null).topical()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fluorouracil Accord 50 mg/ml injeksjonsvæske", "fluorouracil 500 MG/10ML Injection",
        "Fluorouracil", "Fluorouracil krem, intravenøs"})
    void systemicOrUnknownFormsAreNotTopical(String text) {
        DrugMatch m = CATALOG.resolve(FLUOROURACIL, text);
        assertThat(m.ingredientIds()).containsExactly("fluorouracil");
        assertThat(m.topical()).as(m.message()).isFalse();
    }

    @Test
    void systemicRouteWinsOverLocalWords() {
        DrugMatch m = CATALOG.resolve(FLUOROURACIL, "fluorouracil cream",
                List.of(new Coding(Coding.SNOMED, "47625008", "Intravenous route")), null);
        assertThat(m.topical()).isFalse();
        assertThat(m.message()).contains("treated as systemic");
        assertThat(CATALOG.resolve(List.of(Coding.of(Coding.ATC, "A01AB09")), "Daktarin oral gel").topical())
                .as("miconazole oral gel reaches the circulation").isFalse();
    }

    @Test
    void localFormAtcCodesAreTopical() {
        DrugMatch ointment = CATALOG.resolve(List.of(Coding.of(Coding.ATC, "D11AH01")), null);
        assertThat(ointment.ingredientIds()).containsExactly("tacrolimus");
        assertThat(ointment.topical()).isTrue();
        DrugMatch capsule = CATALOG.resolve(List.of(Coding.of(Coding.ATC, "L04AD02")), "Prograf 1 mg kapsler");
        assertThat(capsule.ingredientIds()).containsExactly("tacrolimus");
        assertThat(capsule.topical()).isFalse();
    }
}
