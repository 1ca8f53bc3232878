package no.pgx.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.pgx.cds.ServiceIT;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;

/**
 * Every hook response names the knowledge its cards come from, exactly as the cards do, so that a vendor can log it
 * beside the cards; {@code GET /knowledge} gives the whole description, the same as discovery.
 */
class KnowledgeIT extends ServiceIT {
    private static final String SIGN = "/cds-services/pgx-order-sign";

    private Http.Response sign(String diplotype) {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                .prefetch(List.of(Fixtures.cyp2c19(diplotype)), List.of());
        return http.with("Accept-Language", "en").post(SIGN, call.body());
    }

    @Test
    void theResponseNamesTheKnowledgeTheCardDetailShows() {
        Http.Response r = sign("*2/*2");

        JsonNode k = r.json().get("extension").get("no.pgx.knowledge");
        String detail = r.json().get("cards").get(0).get("detail").asText();
        assertThat(k.get("release").asText()).isNotBlank();
        assertThat(detail).contains("Knowledge base `" + k.get("summary").asText() + "; tables " + k.get("tables").asText()
                + "`");
    }

    @Test
    void anAnswerWithoutCardsStillNamesTheKnowledge() {
        Http.Response r = sign("*1/*1");

        assertThat(r.json().get("cards")).isEmpty();
        assertThat(r.json().get("extension").get("no.pgx.knowledge").get("tables").asText()).matches("[0-9a-f]{12}");
    }

    @Test
    void getKnowledgeDescribesTheSameKnowledgeAsDiscovery() {
        Http.Response r = http.get("/knowledge");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode discovered = http.get("/cds-services").json().get("services").get(0).get("extension")
                .get("no.pgx.knowledge");
        assertThat(r.json()).isEqualTo(discovered);
        assertThat(r.json().get("sources").size()).isGreaterThan(3);
    }
}
