package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;

/**
 * Quiet unless configured: with {@code pgx.cards.include-normal=true} a deployer also gets an {@code info} card when
 * the result calls for the standard dose ({@link OrderSignIT} checks that the default gives none), and an actionable
 * result keeps its card and suggestions as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pgx.security.enabled=false", "pgx.cards.include-normal=true"})
class IncludeNormalIT {
    @LocalServerPort
    int port;

    Http http;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("pgx-cds-normal").toString();
        registry.add("pgx.feedback.dir", () -> dir);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private JsonNode cards(String diplotype) {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                .prefetch(List.of(Fixtures.cyp2c19(diplotype)), List.of());
        return http.post("/cds-services/pgx-order-sign", call.body()).json().get("cards");
    }

    @Test
    void aNormalResultGetsAnInfoCardWithoutSuggestionsWhenConfigured() {
        JsonNode cards = cards("*1/*1");

        assertThat(cards).hasSize(1);
        JsonNode card = cards.get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("info");
        assertThat(card.get("summary").asText()).containsIgnoringCase("klopidogrel");
        assertThat(card.path("suggestions").size()).isZero();
    }

    @Test
    void anActionableResultIsCardedAsWithoutTheSetting() {
        JsonNode card = cards("*2/*2").get(0);

        assertThat(card.get("indicator").asText()).isEqualTo("critical");
        assertThat(card.get("suggestions").size()).isPositive();
    }
}
