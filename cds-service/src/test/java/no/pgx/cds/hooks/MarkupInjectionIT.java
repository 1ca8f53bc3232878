package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.pgx.cds.ServiceIT;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;

/**
 * HTML and Markdown in {@code Observation.performer} (display or reference) never reach the card unescaped: in the
 * service's own lines and in the engine's explanation alike, every active character is backslash-escaped, and the only
 * links on the card are the guideline links.
 */
class MarkupInjectionIT extends ServiceIT {
    private static final String INJECTED = "<img src=x onerror=alert(1)> [lab report](https://evil.test/r) **URGENT**";

    @ParameterizedTest
    @ValueSource(strings = {"display", "reference"})
    void markupInThePerformerIsShownAsText(String field) {
        ObjectNode observation = Fixtures.cyp2c19("*2/*2");
        observation.putArray("performer").addObject().put(field, field.equals("reference")
                ? "Organization/" + INJECTED : INJECTED);

        Http.Response r = http.post("/cds-services/pgx-order-sign", Fixtures.call("order-sign")
                .draftOrders(Fixtures.clopidogrelDraft("d1")).prefetch(List.of(observation), List.of()).body());

        assertThat(r.status()).isEqualTo(200);
        JsonNode card = r.json().get("cards").get(0);
        String detail = card.get("detail").asText();
        assertThat(detail).contains("\\<img").doesNotContainPattern("(?<!\\\\)<img")
                .doesNotContainPattern("(?<!\\\\)\\]\\(https://evil").doesNotContain("**URGENT**");
        assertThat(card.get("summary").asText()).doesNotContain("<img");
        for (JsonNode link : card.path("links")) {
            assertThat(link.get("url").asText()).startsWith("https://").doesNotContain("evil.test");
        }
    }
}
