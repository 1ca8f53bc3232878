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
 * Issue 14: the card code systems live in the namespace the deployer sets with {@code pgx.cards.code-system-base}:
 * cards, discovery and feedback all use it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pgx.security.enabled=false",
                "pgx.cards.code-system-base=https://fhir.example-hospital.no/CodeSystem/pgx/"})
class CodeSystemSettingIT {
    private static final String BASE = "https://fhir.example-hospital.no/CodeSystem/pgx";

    @LocalServerPort
    int port;

    Http http;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("pgx-cds-codes").toString();
        registry.add("pgx.feedback.dir", () -> dir);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void cardsDiscoveryAndFeedbackUseTheDeployersNamespace() {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                .prefetch(List.of(Fixtures.cyp2c19("*2/*2")), List.of());

        JsonNode card = http.post("/cds-services/pgx-order-sign", call.body()).json().get("cards").get(0);
        JsonNode codes = http.get("/cds-services").json().get("services").get(0).get("extension").get("no.pgx.cards");

        assertThat(card.get("source").get("topic").get("system").asText()).isEqualTo(BASE + "/card-topic");
        card.get("overrideReasons").forEach(r -> assertThat(r.get("system").asText()).isEqualTo(BASE + "/override-reason"));
        assertThat(codes.get("overrideReasons").get(0).get("system").asText()).isEqualTo(BASE + "/override-reason");
        assertThat(card.toString()).doesNotContain("urn:example").doesNotContain("pgx.no/");

        JsonNode reason = card.get("overrideReasons").get(0);
        String feedback = """
                {"feedback":[{"card":"%s","outcome":"overridden","outcomeTimestamp":"2026-01-01T10:00:00Z",
                 "overrideReason":{"reason":%s}}]}""".formatted(card.get("uuid").asText(), reason);
        assertThat(http.post("/cds-services/pgx-order-sign/feedback", feedback).status()).isEqualTo(200);
    }
}
