package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.pgx.cds.ServiceIT;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;

/**
 * Drug–drug–gene interactions through the service: the active medication list (prefetch) and the other drafts turn the
 * genotype-predicted CYP2D6 phenotype into the functional one, and the card says which drug did it.
 */
class PhenoconversionIT extends ServiceIT {
    private static final String SIGN = "/cds-services/pgx-order-sign";
    private static final JsonNode CYP2D6_NORMAL = Fixtures.genotype("cyp2d6-genotype", "CYP2D6", "HGNC:2625", "*1/*1");
    private static final JsonNode CODEINE_DRAFT = Fixtures.medicationRequest("draft-codeine", "draft", "997287",
            "Codeine sulfate 30 MG Oral Tablet");
    private static final JsonNode PAROXETINE_ACTIVE = Fixtures.medicationRequest("active-paroxetine", "active", "312241",
            "Paroxetine 10 MG Oral Tablet");

    @Test
    void paroxetineOnTheMedicationListMakesANormalMetabolizerAPoorOneForCodeine() {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(CODEINE_DRAFT)
                .prefetch(List.of(CYP2D6_NORMAL), List.of(PAROXETINE_ACTIVE));
        Http.Response r = http.with("Accept-Language", "en").post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(200);
        JsonNode cards = r.json().get("cards");
        assertThat(cards).hasSize(1);
        JsonNode card = cards.get(0);
        assertThat(card.get("summary").asText()).containsIgnoringCase("codeine").containsIgnoringCase("paroxetine");
        assertThat(card.get("indicator").asText()).isIn("critical", "warning");
        assertThat(card.get("detail").asText()).containsIgnoringCase("paroxetine").containsIgnoringCase("normal metabolizer");
    }

    @Test
    void withoutThePerpetratorTheNormalMetabolizerGetsNoCodeineCard() {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(CODEINE_DRAFT)
                .prefetch(List.of(CYP2D6_NORMAL), List.of());
        Http.Response r = http.post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cards")).isEmpty();
    }
}
