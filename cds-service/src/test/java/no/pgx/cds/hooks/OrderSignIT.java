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

/**
 * order-sign over HTTP with prefetch. Clinical oracle: CPIC clopidogrel–CYP2C19 (2022): a poor metabolizer (*2/*2)
 * should avoid clopidogrel and use prasugrel or ticagrelor (ACS/PCI); a normal metabolizer (*1/*1) needs no card.
 * ATC codes from the WHO index: prasugrel B01AC22, ticagrelor B01AC24; RxNorm ingredients 613391, 1116632.
 */
class OrderSignIT extends ServiceIT {
    private static final String SIGN = "/cds-services/pgx-order-sign";

    private Http.Response sign(String diplotype, String language, JsonNode... drafts) {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(drafts)
                .prefetch(List.of(Fixtures.cyp2c19(diplotype)), List.of());
        return (language == null ? http : http.with("Accept-Language", language)).post(SIGN, call.body());
    }

    @Test
    void poorMetabolizerGetsOneCriticalCardWithPrasugrelAndTicagrelor() {
        Http.Response r = sign("*2/*2", "en", Fixtures.clopidogrelDraft("draft-clopidogrel"));

        assertThat(r.status()).isEqualTo(200);
        JsonNode cards = r.json().get("cards");
        assertThat(cards).hasSize(1);
        JsonNode card = cards.get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("critical");
        assertThat(card.get("summary").asText()).containsIgnoringCase("clopidogrel").hasSizeLessThan(140);
        assertThat(card.get("uuid").asText()).isNotBlank();
        assertThat(card.get("detail").asText()).contains("CYP2C19").contains("\\*2/\\*2").containsIgnoringCase("poor metabolizer");
        assertThat(card.get("source").get("label").asText()).startsWith("CPIC");
        assertThat(card.get("source").get("url").asText()).startsWith("https://");
        assertThat(card.get("selectionBehavior").asText()).isEqualTo("at-most-one");
        assertThat(card.get("overrideReasons")).hasSize(4);
        card.get("links").forEach(l -> assertThat(l.get("type").asText()).isEqualTo("absolute"));

        assertReplacement(card, "prasugrel", "B01AC22", "613391");
        assertReplacement(card, "ticagrelor", "B01AC24", "1116632");
    }

    /** A replacement is one update of the draft order (CDS Hooks 2.0), the client's code system (RxNorm) first. */
    private static void assertReplacement(JsonNode card, String alternative, String atc, String rxnorm) {
        JsonNode suggestion = suggestionNaming(card, alternative);
        List<String> types = new ArrayList<>();
        suggestion.get("actions").forEach(a -> types.add(a.get("type").asText()));
        assertThat(types).containsExactly("update");
        JsonNode updated = suggestion.get("actions").get(0).get("resource");
        assertThat(target(suggestion.get("actions").get(0))).isEqualTo("MedicationRequest/draft-clopidogrel");
        assertThat(updated.get("status").asText()).isEqualTo("draft");
        assertThat(updated.get("subject").get("reference").asText()).isEqualTo("Patient/" + Fixtures.PATIENT_ID);
        assertThat(updated.has("dosageInstruction")).as("the old drug's dose is not carried over").isFalse();
        List<String> codes = new ArrayList<>();
        updated.get("medicationCodeableConcept").get("coding")
                .forEach(c -> codes.add(c.get("system").asText() + "|" + c.get("code").asText()));
        assertThat(codes).contains(Fixtures.ATC + "|" + atc, Fixtures.RXNORM + "|" + rxnorm);
        assertThat(codes.get(0)).isEqualTo(Fixtures.RXNORM + "|" + rxnorm);
        assertThat(suggestion.get("uuid").asText()).isNotBlank();
    }

    static JsonNode suggestionNaming(JsonNode card, String drug) {
        for (JsonNode s : card.get("suggestions")) {
            if (s.get("label").asText().toLowerCase().contains(drug)) {
                return s;
            }
        }
        throw new AssertionError("no suggestion names " + drug + ": " + card.get("suggestions"));
    }

    @Test
    void normalMetabolizerGetsNoCard() {
        Http.Response r = sign("*1/*1", null, Fixtures.clopidogrelDraft("draft-clopidogrel"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cards")).isEmpty();
    }

    @Test
    void bokmalIsTheDefaultLanguage() {
        JsonNode card = sign("*2/*2", null, Fixtures.clopidogrelDraft("d1")).json().get("cards").get(0);

        assertThat(card.get("detail").asText()).contains("langsom omsetter (Poor Metabolizer)");
        assertThat(card.get("summary").asText()).containsIgnoringCase("klopidogrel");
        assertThat(suggestionNaming(card, "prasugrel").get("label").asText()).containsIgnoringCase("klopidogrel");
    }

    @Test
    void theSameDrugInTwoDraftsGivesOneCardWhoseSuggestionReplacesBoth() {
        JsonNode card = sign("*2/*2", "en", Fixtures.clopidogrelDraft("d1"), Fixtures.clopidogrelDraft("d2"))
                .json().get("cards").get(0);
        Http.Response again = sign("*2/*2", "en", Fixtures.clopidogrelDraft("d1"), Fixtures.clopidogrelDraft("d2"));

        assertThat(again.json().get("cards")).hasSize(1);
        List<String> targets = new ArrayList<>();
        suggestionNaming(card, "ticagrelor").get("actions").forEach(a -> targets.add(a.get("type").asText() + " "
                + target(a)));
        // The first draft becomes ticagrelor, the second is deleted.
        assertThat(targets).containsExactly("update MedicationRequest/d1", "delete MedicationRequest/d2");
    }

    /** What real clients send: category object, coding object, contained Medication, RxNorm only, no Bundle.type. */
    @Test
    void toleratesRealWorldShapes() {
        ObjectNode draft = (ObjectNode) Http.JSON.createObjectNode()
                .put("resourceType", "MedicationRequest").put("id", "odd-1").put("status", "draft").put("intent", "order");
        draft.putObject("category").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/medicationrequest-category").put("code", "outpatient");
        ObjectNode med = draft.putArray("contained").addObject().put("resourceType", "Medication").put("id", "med1");
        med.putObject("code").putObject("coding").put("system", Fixtures.RXNORM).put("code", Fixtures.CLOPIDOGREL_75_RXCUI);
        draft.putObject("medicationReference").put("reference", "#med1");
        draft.putObject("subject").put("reference", "Patient/" + Fixtures.PATIENT_ID);
        draft.putObject("dosageInstruction").put("text", "75 mg daily");
        draft.putArray("reasonCode").addObject().putArray("coding").addObject()
                .put("system", "urn:oid:2.16.578.1.12.4.1.1.7110").put("code", "I21.4");  // Norwegian ICD-10 OID

        Http.Response r = sign("*2/*2", "en", draft);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cards")).hasSize(1);
        assertThat(target(suggestionNaming(r.json().get("cards").get(0), "prasugrel").get("actions").get(0)))
                .isEqualTo("MedicationRequest/odd-1");
    }

    @Test
    void countsRequestsLatencyAndCardsPerHook() {
        sign("*2/*2", "en", Fixtures.clopidogrelDraft("m1"));

        Http.Response requests = operator(http).get("/actuator/metrics/pgx.cds.requests?tag=hook:order-sign");
        Http.Response latency = operator(http).get("/actuator/metrics/pgx.cds.latency?tag=hook:order-sign");
        Http.Response cards = operator(http).get("/actuator/metrics/pgx.cds.cards?tag=hook:order-sign&tag=indicator:critical");

        assertThat(requests.status()).isEqualTo(200);
        assertThat(requests.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(latency.status()).isEqualTo(200);
        assertThat(cards.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
    }

    /** The resource an action works on: its resourceId (delete) or its resource's type and id (update). */
    static String target(JsonNode action) {
        return action.has("resourceId") ? action.get("resourceId").asText()
                : action.get("resource").get("resourceType").asText() + "/" + action.get("resource").get("id").asText();
    }
}
