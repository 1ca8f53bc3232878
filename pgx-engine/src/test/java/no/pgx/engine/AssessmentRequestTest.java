package no.pgx.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which drugs a request asks for: named drugs, none, or every drug only when asked for explicitly. */
class AssessmentRequestTest {
    private static AssessmentRequest.Builder patient() {
        return AssessmentRequest.builder().result(GeneInput.diplotype("CYP2C19", "*2/*2"));
    }

    @Test
    void aRequestThatNamesNoDrugFailsNamingTheField() {
        assertThatThrownBy(() -> patient().build()).isInstanceOf(PgxException.class)
                .hasMessageContaining("allDrugs()")
                .extracting(e -> ((PgxException) e).field()).isEqualTo("drugs");
    }

    @Test
    void everyDrugIsAnExplicitRequest() {
        AssessmentRequest all = patient().allDrugs().build();
        assertThat(all.allDrugs()).isTrue();
        assertThat(all.drugs()).isEmpty();
    }

    @Test
    void anExplicitlyEmptyDrugListIsValidAndNotEveryDrug() {
        AssessmentRequest none = patient().drugs(List.of()).build();
        assertThat(none.allDrugs()).isFalse();
        assertThat(none.drugs()).isEmpty();
    }

    @Test
    void theLastChoiceWins() {
        assertThat(patient().allDrugs().drug("klopidogrel").build().drugs()).containsExactly("klopidogrel");
        assertThat(patient().drug("klopidogrel").allDrugs().build().allDrugs()).isTrue();
        assertThat(patient().order(new DrugOrder("codeine", null, null)).build().drugs()).containsExactly("codeine");
    }

    @Test
    void equalRequestsAreEqualSoTheyCanBeCacheKeys() {
        AssessmentRequest a = patient().drug("klopidogrel").population(Population.byId("nvi").orElseThrow()).build();
        AssessmentRequest b = patient().drug("klopidogrel").population("nvi").build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(patient().allDrugs().population("nvi").build());
        assertThat(a.toString()).doesNotContain("*2/*2");
    }
}
