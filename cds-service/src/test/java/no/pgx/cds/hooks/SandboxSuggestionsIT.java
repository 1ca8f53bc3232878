package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.pgx.cds.ServiceIT;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;
import no.pgx.cds.support.SandboxReducer;

/**
 * Suggestions work in the CDS Hooks Sandbox, which applies only the first action it can of a suggestion and reads the
 * first coding's code as its own (RxNorm): taking a "use X instead" suggestion leaves the order for X with X's code in
 * the client's code system, never an emptied order. Replayed through {@link SandboxReducer}.
 */
class SandboxSuggestionsIT extends ServiceIT {
    private static final String SIGN = "/cds-services/pgx-order-sign";
    private static final String ATC = "http://www.whocc.no/atc";

    private JsonNode card(ObjectNode draft) {
        Http.Response r = http.post(SIGN, Fixtures.call("order-sign").draftOrders(draft)
                .prefetch(List.of(Fixtures.cyp2c19("*2/*2")), List.of()).body());
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("cards").get(0);
    }

    private static SandboxReducer.Order order(ObjectNode draft) {
        JsonNode concept = draft.get("medicationCodeableConcept");
        return new SandboxReducer.Order(concept.get("text").asText(), concept.get("coding").get(0).get("code").asText(),
                concept);
    }

    @Test
    void takingAReplacementInTheSandboxOrdersTheAlternativeWithItsRxNormCode() {
        ObjectNode draft = Fixtures.clopidogrelDraft("sandbox-draft");
        JsonNode card = card(draft);

        List<String> ordered = new ArrayList<>();
        for (JsonNode suggestion : card.get("suggestions")) {
            SandboxReducer.Order after = SandboxReducer.take(order(draft), suggestion);
            assertThat(after.isEmpty()).as("suggestion '%s' empties the order", suggestion.get("label")).isFalse();
            if (!after.code().equals(Fixtures.CLOPIDOGREL_75_RXCUI)) {
                assertThat(after.concept().get("coding").get(0).get("system").asText()).isEqualTo(Fixtures.RXNORM);
                ordered.add(after.name().toLowerCase());
            }
        }
        assertThat(ordered).as("alternatives the prescriber can switch to").isNotEmpty()
                .allMatch(n -> n.contains("prasugrel") || n.contains("ticagrelor") || n.contains("tikagrelor"));
        JsonNode first = card.get("suggestions").get(0).get("actions").get(0);
        assertThat(first.get("type").asText()).isEqualTo("update");
        assertThat(first.get("resource").get("id").asText()).isEqualTo("sandbox-draft");
    }

    @Test
    void aClientCodingInAtcGetsAtcFirst() {
        ObjectNode draft = Fixtures.clopidogrelDraft("atc-draft");
        ObjectNode concept = (ObjectNode) draft.get("medicationCodeableConcept");
        concept.putArray("coding").addObject().put("system", ATC).put("code", "B01AC04").put("display", "klopidogrel");
        concept.put("text", "Klopidogrel 75 mg tablett");
        JsonNode card = card(draft);

        JsonNode replaced = card.get("suggestions").get(0).get("actions").get(0).get("resource");
        assertThat(replaced.get("medicationCodeableConcept").get("coding").get(0).get("system").asText())
                .isEqualTo(ATC);
    }
}
