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
