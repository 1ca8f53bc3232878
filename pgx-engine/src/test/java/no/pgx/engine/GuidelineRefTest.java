package no.pgx.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A guideline's version as a clinician reads it: a date, never the knowledge base's notes about where it came from. */
class GuidelineRefTest {

    @Test
    void theVersionShownIsTheLongestDateWithoutNotes() {
        assertThat(GuidelineRef.displayVersion(
                "2024-04-15 (PharmGKB annotation snapshot; DPWG publication date not verified)")).isEqualTo("2024-04-15");
        assertThat(GuidelineRef.displayVersion("2016 update, published 2017-02")).isEqualTo("2017-02");
        assertThat(GuidelineRef.displayVersion("2022-01")).isEqualTo("2022-01");
        assertThat(GuidelineRef.displayVersion("update (draft)")).isEqualTo("update");
        assertThat(GuidelineRef.displayVersion(null)).isEmpty();
    }

    @Test
    void everyFindingOfTheEngineHasAVersionToShow() {
        Assessment a = PgxEngine.builder().build().assess(AssessmentRequest.builder()
                .result(GeneInput.diplotype("CYP2C19", "*2/*2")).drug("klopidogrel").build());
        assertThat(a.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.guideline().displayVersion())
                .matches("\\d{4}(-\\d{2}(-\\d{2})?)?"));
    }
}
