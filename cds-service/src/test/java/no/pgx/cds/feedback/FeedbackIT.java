package no.pgx.cds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.pgx.cds.ServiceIT;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;

/** Feedback (CDS Hooks 2.0 "Feedback"), shaped like the specification's examples, checked against issued cards. */
class FeedbackIT extends ServiceIT {
    static final String SIGN = "/cds-services/pgx-order-sign";
    static final String FEEDBACK = SIGN + "/feedback";

    static JsonNode issueCard(Http http) {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("fb-draft"))
                .prefetch(List.of(Fixtures.cyp2c19("*2/*2")), List.of());
        return http.post(SIGN, call.body()).json().get("cards").get(0);
    }

    static ObjectNode accepted(String card, String suggestion) {
        ObjectNode item = Http.JSON.createObjectNode().put("card", card).put("outcome", "accepted");
        item.putArray("acceptedSuggestions").addObject().put("id", suggestion);
        item.put("outcomeTimestamp", "2020-12-11T00:00:00Z");
        return item;
    }

    static ObjectNode overridden(String card, JsonNode reason, String comment) {
        ObjectNode item = Http.JSON.createObjectNode().put("card", card).put("outcome", "overridden");
        ObjectNode r = item.putObject("overrideReason");
        if (reason != null) {
            r.set("reason", reason);
        }
        r.put("userComment", comment);
        item.put("outcomeTimestamp", "2020-12-11T00:00:00Z");
        return item;
    }

    static ObjectNode body(ObjectNode... items) {
        ObjectNode body = Http.JSON.createObjectNode();
        ArrayNode list = body.putArray("feedback");
        for (ObjectNode i : items) {
            list.add(i);
        }
        return body;
    }

    private List<String> storedCards() {
        return http.get(FEEDBACK + "?limit=1000").json().findValuesAsText("card");
    }

    @Test
    void acceptedFeedbackIsStoredAndReadBack() {
        JsonNode card = issueCard(http);
        String suggestion = card.get("suggestions").get(0).get("uuid").asText();

        Http.Response r = http.post(FEEDBACK, body(accepted(card.get("uuid").asText(), suggestion)));

        assertThat(r.status()).isEqualTo(200);
        JsonNode stored = http.get(FEEDBACK).json().get("feedback").get(0);
        assertThat(stored.get("card").asText()).isEqualTo(card.get("uuid").asText());
        assertThat(stored.get("outcome").asText()).isEqualTo("accepted");
        assertThat(stored.get("acceptedSuggestions").get(0).get("id").asText()).isEqualTo(suggestion);
        assertThat(stored.get("outcomeTimestamp").asText()).isEqualTo("2020-12-11T00:00:00Z");
    }

    @Test
    void overriddenWithAnOfferedReasonIsStored() {
        JsonNode card = issueCard(http);
        JsonNode reason = card.get("overrideReasons").get(0);

        Http.Response r = http.post(FEEDBACK, body(overridden(card.get("uuid").asText(), reason, "Tolerated for years")));

        assertThat(r.status()).isEqualTo(200);
        JsonNode stored = http.get(FEEDBACK).json().get("feedback").get(0);
        assertThat(stored.get("overrideReason").get("reason").get("code").asText()).isEqualTo(reason.get("code").asText());
        assertThat(stored.get("overrideReason").get("userComment").asText()).isEqualTo("Tolerated for years");
    }

    @Test
    void overriddenWithoutReasonIsStored() {
        JsonNode card = issueCard(http);
        ObjectNode item = Http.JSON.createObjectNode().put("card", card.get("uuid").asText())
                .put("outcome", "overridden").put("outcomeTimestamp", "2020-12-11T00:00:00Z");

        assertThat(http.post(FEEDBACK, body(item)).status()).isEqualTo(200);
    }

    @Test
    void anUnknownCardIsRejectedByName() {
        String unknown = UUID.randomUUID().toString();

        Http.Response r = http.post(FEEDBACK, body(overridden(unknown, null, "x")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains(unknown);
        assertThat(storedCards()).doesNotContain(unknown);
    }

    @Test
    void aReasonTheCardDidNotOfferIsRejected() {
        JsonNode card = issueCard(http);
        ObjectNode reason = Http.JSON.createObjectNode().put("system", "https://example.com/cds-hooks/override-reason-system")
                .put("code", "d7ecf885");

        Http.Response r = http.post(FEEDBACK, body(overridden(card.get("uuid").asText(), reason, "x")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("feedback[0].overrideReason.reason");
    }

    @Test
    void acceptedNeedsSuggestionsOfThatCard() {
        JsonNode card = issueCard(http);
        ObjectNode noSuggestions = accepted(card.get("uuid").asText(), "x");
        noSuggestions.remove("acceptedSuggestions");

        assertThat(http.post(FEEDBACK, body(noSuggestions)).status()).isEqualTo(400);
        assertThat(http.post(FEEDBACK, body(accepted(card.get("uuid").asText(), UUID.randomUUID().toString())))
                .json().get("field").asText()).isEqualTo("feedback[0].acceptedSuggestions[0].id");
    }

    @Test
    void oneBadItemRejectsTheWholeRequest() {
        JsonNode card = issueCard(http);
        String good = card.get("uuid").asText();

        Http.Response r = http.post(FEEDBACK, body(overridden(good, null, "fine"),
                overridden(good, null, "fine").put("outcome", "ignored")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("feedback[1].outcome");
        assertThat(storedCards()).doesNotContain(good);
    }

    @Test
    void aCardOfAnotherServiceIsRejected() {
        JsonNode card = issueCard(http);

        Http.Response r = http.post("/cds-services/pgx-order-select/feedback",
                body(overridden(card.get("uuid").asText(), null, "x")));

        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void malformedFeedbackIsRejected() {
        JsonNode card = issueCard(http);
        assertThat(http.post(FEEDBACK, "{\"feedback\": [").status()).isEqualTo(400);
        assertThat(http.post(FEEDBACK, "{}").status()).isEqualTo(400);
        assertThat(http.post(FEEDBACK, body()).status()).isEqualTo(400);
        assertThat(http.post(FEEDBACK, body(overridden(card.get("uuid").asText(), null, "x")
                .put("outcomeTimestamp", "yesterday"))).json().get("field").asText())
                .isEqualTo("feedback[0].outcomeTimestamp");
        assertThat(http.post("/cds-services/nope/feedback", body(overridden("x", null, "x"))).status()).isEqualTo(404);
    }
}
