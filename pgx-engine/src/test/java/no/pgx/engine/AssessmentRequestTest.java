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
    @Test
    void aNullPartFailsWhereItIsAddedNamingTheParameter() {
        assertThatThrownBy(() -> patient().drug(null)).isInstanceOf(NullPointerException.class).hasMessage("drug");
        assertThatThrownBy(() -> patient().result(null)).hasMessage("result");
        assertThatThrownBy(() -> patient().medication(null)).hasMessage("medication");
        assertThatThrownBy(() -> patient().condition(null)).hasMessage("condition");
        assertThatThrownBy(() -> patient().ancestry(null)).hasMessage("group");
        // a null source used to pass build() and fail inside the assessment
        assertThatThrownBy(() -> patient().source((String) null)).hasMessage("source");
    }

    @Test
    void aListWithANullElementChangesNothing() {
        AssessmentRequest.Builder b = patient().drug("klopidogrel").medication("omeprazol");
        assertThatThrownBy(() -> b.drugs(java.util.Arrays.asList("kodein", null)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.medications(java.util.Arrays.asList("paroksetin", null)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.results(java.util.Arrays.asList(GeneInput.diplotype("CYP2D6", "*4/*4"), null)))
                .isInstanceOf(NullPointerException.class);
        AssessmentRequest r = b.build();
        assertThat(r.drugs()).containsExactly("klopidogrel");
        assertThat(r.medications()).containsExactly("omeprazol");
        assertThat(r.results()).hasSize(1);
    }
}
