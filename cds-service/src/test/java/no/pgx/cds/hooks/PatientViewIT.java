package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.pgx.cds.ServiceIT;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;

/** patient-view: one concise card for actionable results and affected current drugs; none when nothing matters. */
class PatientViewIT extends ServiceIT {
    private static final String VIEW = "/cds-services/pgx-patient-view";

    private Http.Response view(String diplotype, JsonNode... active) {
        List<JsonNode> observations = diplotype == null ? List.of() : List.of(Fixtures.cyp2c19(diplotype));
        return http.with("Accept-Language", "en")
                .post(VIEW, Fixtures.call("patient-view").prefetch(observations, List.of(active)).body());
    }

    @Test
    void listsTheActionableResultAndTheAffectedCurrentDrug() {
        Http.Response r = view("*2/*2", Fixtures.medicationRequest("active-1", "active",
                Fixtures.CLOPIDOGREL_75_RXCUI, "clopidogrel 75 MG Oral Tablet"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode cards = r.json().get("cards");
        assertThat(cards).hasSize(1);
        JsonNode card = cards.get(0);
        assertThat(card.get("summary").asText()).contains("CYP2C19");
        assertThat(card.get("detail").asText()).contains("Poor Metabolizer").containsIgnoringCase("clopidogrel");
        assertThat(card.get("indicator").asText()).isNotEqualTo("info");
        assertThat(card.has("suggestions")).isFalse();
    }

    @Test
    void anActionableResultWithoutAffectedDrugsStillGetsOneInformativeCard() {
        JsonNode card = view("*2/*2").json().get("cards").get(0);

        assertThat(card.get("indicator").asText()).isEqualTo("info");
        assertThat(card.get("summary").asText()).contains("CYP2C19");
    }

    @Test
    void normalResultsGiveNoCard() {
        Http.Response r = view("*1/*1", Fixtures.medicationRequest("active-1", "active",
                Fixtures.CLOPIDOGREL_75_RXCUI, "clopidogrel 75 MG Oral Tablet"));

        assertThat(r.json().get("cards")).isEmpty();
    }

    @Test
    void noResultsGiveNoCard() {
        assertThat(view(null).json().get("cards")).isEmpty();
    }
}
