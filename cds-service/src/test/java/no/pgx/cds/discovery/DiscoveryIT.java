package no.pgx.cds.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.pgx.cds.ServiceIT;
import no.pgx.cds.support.Http;

class DiscoveryIT extends ServiceIT {

    @Test
    void listsTheThreeServicesWithTheirPrefetchTemplates() {
        Http.Response r = http.get("/cds-services");

        assertThat(r.status()).isEqualTo(200);
        JsonNode services = r.json().get("services");
        List<String> hooks = new ArrayList<>();
        services.forEach(s -> hooks.add(s.get("hook").asText()));
        assertThat(hooks).containsExactlyInAnyOrder("order-select", "order-sign", "patient-view");
        for (JsonNode s : services) {
            assertThat(s.get("id").asText()).isNotBlank();
            assertThat(s.get("title").asText()).isNotBlank();
            assertThat(s.get("usageRequirements").asText()).isNotBlank();
            JsonNode prefetch = s.get("prefetch");
            assertThat(prefetch.get("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
            assertThat(prefetch.get("pgxResults").asText())
                    .startsWith("Observation?patient={{context.patientId}}")
                    .contains("http://loinc.org|84413-4").contains("http://loinc.org|53040-2");
            assertThat(prefetch.get("activeMedications").asText())
                    .isEqualTo("MedicationRequest?patient={{context.patientId}}&status=active");
        }
    }

    /** Issue 12: a vendor must be able to see (and log) exactly which knowledge produces the cards. */
    @Test
    void everyServiceNamesTheKnowledgeReleaseItsSourcesAndTheTablesHash() {
        for (JsonNode s : http.get("/cds-services").json().get("services")) {
            JsonNode k = s.get("extension").get("no.pgx.knowledge");
            assertThat(k.get("release").asText()).matches("\\d{4}\\.\\d{1,2}\\.\\d+");
            assertThat(k.get("summary").asText()).startsWith("pgx-knowledge " + k.get("release").asText() + ": ")
                    .contains("CPIC recommendations").contains("DPWG");
            assertThat(k.get("tables").asText()).matches("[0-9a-f]{12}");
            assertThat(k.get("version").asText()).isEqualTo(k.get("summary").asText() + "; tables "
                    + k.get("tables").asText());
            List<String> ids = new ArrayList<>();
            for (JsonNode source : k.get("sources")) {
                ids.add(source.get("id").asText());
                for (String field : List.of("label", "version", "publisher", "licence")) {
                    assertThat(source.get(field).asText()).as(source + " " + field).isNotBlank();
                }
            }
            assertThat(ids).contains("cpic-recommendations", "dpwg-recommendations", "cpic-allele-functions");
            assertThat(k.toString()).contains("CC-BY-SA-4.0").contains("CC0-1.0");
        }
    }

    /** Issue 14: the override-reason codes and their meanings are published before the first card. */
    @Test
    void everyServicePublishesTheOverrideReasonsWithTheirMeaningsInBothLanguages() {
        for (JsonNode s : http.get("/cds-services").json().get("services")) {
            JsonNode codes = s.get("extension").get("no.pgx.cards");
            assertThat(codes.get("topic").get("system").asText()).isEqualTo("urn:example:pgx-cds:card-topic");
            assertThat(codes.get("topic").get("code").asText()).isEqualTo("pharmacogenomics");
            List<String> offered = new ArrayList<>();
            for (JsonNode r : codes.get("overrideReasons")) {
                offered.add(r.get("code").asText());
                assertThat(r.get("system").asText()).isEqualTo("urn:example:pgx-cds:override-reason");
                for (String language : List.of("nb", "en")) {
                    assertThat(r.get("display").get(language).asText()).isNotBlank();
                    assertThat(r.get("meaning").get(language).asText()).hasSizeGreaterThan(30);
                }
            }
            assertThat(offered).containsExactly("patient-tolerates-drug", "benefit-outweighs-risk",
                    "result-outdated-or-incorrect", "will-monitor");
        }
    }

    @Test
    void everyServiceIdAnswersItsOwnHook() {
        for (JsonNode s : http.get("/cds-services").json().get("services")) {
            Http.Response wrongHook = http.post("/cds-services/" + s.get("id").asText(),
                    "{\"hook\":\"no-such-hook\",\"hookInstance\":\"x\",\"context\":{}}");
            assertThat(wrongHook.status()).isEqualTo(400);
            assertThat(wrongHook.json().get("detail").asText()).contains(s.get("hook").asText());
        }
    }
}
