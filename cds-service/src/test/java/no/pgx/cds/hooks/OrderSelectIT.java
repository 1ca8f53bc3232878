package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.pgx.cds.ServiceIT;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;

/**
 * order-select over HTTP, starting from the specification's own R4 example (NutritionOrder + amoxicillin draft,
 * Bundle without type, doseAndRate as an object). Only the selected drafts get cards; the others are co-medication.
 */
class OrderSelectIT extends ServiceIT {
    private static final String SELECT = "/cds-services/pgx-order-select";
    private static final String SPEC_PATIENT = "1288992";

    private static ObjectNode specExample() throws IOException {
        try (InputStream in = OrderSelectIT.class.getResourceAsStream("/fixtures/spec-order-select-r4.json")) {
            ObjectNode body = (ObjectNode) Http.JSON.readTree(in);
            body.put("hook", "order-select").put("hookInstance", UUID.randomUUID().toString());
            return body;
        }
    }

    private static ObjectNode prefetch(ObjectNode body, String diplotype) {
        ObjectNode observation = Fixtures.cyp2c19(diplotype);
        observation.putObject("subject").put("reference", "Patient/" + SPEC_PATIENT);
        ObjectNode prefetch = body.putObject("prefetch");
        prefetch.set("patient", Fixtures.patient().put("id", SPEC_PATIENT));
        prefetch.set("pgxResults", Fixtures.bundle("searchset", observation));
        prefetch.set("activeMedications", Fixtures.bundle("searchset"));
        ObjectNode hypertension = Fixtures.condition("c1", "http://hl7.org/fhir/sid/icd-10", "I10", "Hypertension");
        hypertension.putObject("subject").put("reference", "Patient/" + SPEC_PATIENT);
        prefetch.set("conditions", Fixtures.bundle("searchset", hypertension));
        return body;
    }

    private static ObjectNode specMedicationRequest(ObjectNode body) {
        return (ObjectNode) body.get("context").get("draftOrders").get("entry").get(1).get("resource");
    }

    @Test
    void theSpecificationExampleIsAcceptedAndAmoxicillinGivesNoCard() throws IOException {
        Http.Response r = http.post(SELECT, prefetch(specExample(), "*2/*2"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cards")).isEmpty();
    }

    @Test
    void aSelectedClopidogrelDraftGetsACardThatTargetsIt() throws IOException {
        ObjectNode body = prefetch(specExample(), "*2/*2");
        ObjectNode coding = (ObjectNode) specMedicationRequest(body).get("medicationCodeableConcept").get("coding").get(0);
        coding.put("code", Fixtures.CLOPIDOGREL_75_RXCUI).put("display", "clopidogrel 75 MG Oral Tablet");
        ((ObjectNode) specMedicationRequest(body).get("medicationCodeableConcept")).put("text", "clopidogrel 75 MG Oral Tablet");
        specMedicationRequest(body).putArray("reasonCode").addObject().putArray("coding").addObject()
                .put("system", "http://snomed.info/sct").put("code", "394659003");  // acute coronary syndrome

        Http.Response r = http.with("Accept-Language", "en").post(SELECT, body);

        assertThat(r.status()).isEqualTo(200);
        JsonNode card = r.json().get("cards").get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("critical");
        assertThat(OrderSignIT.target(OrderSignIT.suggestionNaming(card, "prasugrel").get("actions").get(0)))
                .isEqualTo("MedicationRequest/smart-MedicationRequest-103");
    }

    @Test
    void aDraftThatIsNotSelectedGetsNoCard() {
        Fixtures.Call call = Fixtures.call("order-select")
                .draftOrders(Fixtures.clopidogrelDraft("not-selected"),
                        Fixtures.medicationRequest("selected", "draft", "197361", "amlodipine 5 MG Oral Tablet"))
                .selections("MedicationRequest/selected")
                .prefetch(List.of(Fixtures.cyp2c19("*2/*2")), List.of());

        Http.Response r = http.post(SELECT, call.body());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cards")).isEmpty();
    }

    @Test
    void aSelectionThatIsNotInTheDraftOrdersIsAClientError() {
        Fixtures.Call call = Fixtures.call("order-select").draftOrders(Fixtures.clopidogrelDraft("a"))
                .selections("MedicationRequest/missing").prefetch(List.of(), List.of());

        Http.Response r = http.post(SELECT, call.body());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("context.selections[0]");
    }

    @Test
    void selectionsAreRequiredForOrderSelect() {
        Fixtures.Call call = Fixtures.call("order-select").draftOrders(Fixtures.clopidogrelDraft("a"))
                .prefetch(List.of(), List.of());

        Http.Response r = http.post(SELECT, call.body());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("context.selections");
    }
}
