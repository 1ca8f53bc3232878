package no.pgx.cds.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.pgx.cds.ServiceIT;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;

/**
 * Every client mistake gets a 4xx problem body that names the problem (checked against problem.schema.json by the
 * client, which also refuses any stack trace); never a 5xx.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorsIT extends ServiceIT {
    private static final String SIGN = "/cds-services/pgx-order-sign";
    private static final String FEEDBACK = SIGN + "/feedback";

    private Fixtures.Call validCall() {
        return Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1")).prefetch(List.of(), List.of());
    }

    @Test
    void malformedJsonIs400WithThePosition() {
        Http.Response r = http.post(SIGN, "{\"hook\": \"order-sign\", \"context\": {");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void aWrongJsonTypeIs400NamingTheField() {
        Http.Response r = http.post(SIGN, "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"fhirAuthorization\":\"token\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("fhirAuthorization");
    }

    @Test
    void anEmptyBodyIs400() {
        assertThat(http.post(SIGN, "").status()).isEqualTo(400);
    }

    @Test
    void unknownServiceIs404NamingIt() {
        Http.Response r = http.post("/cds-services/no-such-service", validCall().body());

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asText()).contains("no-such-service");
    }

    @Test
    void hookMismatchIs400() {
        ObjectNode body = validCall().body().put("hook", "patient-view");

        Http.Response r = http.post(SIGN, body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("hook");
    }

    @Test
    void missingHookInstanceIs400() {
        ObjectNode body = validCall().body();
        body.remove("hookInstance");

        assertThat(http.post(SIGN, body).json().get("field").asText()).isEqualTo("hookInstance");
    }

    @Test
    void missingRequiredContextIs400NamingTheField() {
        for (String field : List.of("patientId", "userId", "draftOrders")) {
            Fixtures.Call call = validCall();
            call.context().remove(field);

            Http.Response r = http.post(SIGN, call.body());

            assertThat(r.status()).as(field).isEqualTo(400);
            assertThat(r.json().get("field").asText()).isEqualTo("context." + field);
        }
        ObjectNode noContext = validCall().body();
        noContext.remove("context");
        assertThat(http.post(SIGN, noContext).json().get("field").asText()).isEqualTo("context");
    }

    @Test
    void draftOrdersMustBeABundle() {
        Fixtures.Call call = validCall();
        call.context().set("draftOrders", Fixtures.clopidogrelDraft("d1"));

        assertThat(http.post(SIGN, call.body()).json().get("field").asText()).isEqualTo("context.draftOrders");
    }

    @Test
    void fhirAuthorizationWithoutFhirServerIs400() {
        ObjectNode body = validCall().fhirServer("https://ehr.example.org/fhir", "t").body();
        body.remove("fhirServer");

        Http.Response r = http.post(SIGN, body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("fhirServer");
    }

    @Test
    void aPrefetchValueThatIsNotAResourceIs400() {
        Fixtures.Call call = validCall();
        call.body().with("prefetch").put("patient", "Patient/123");

        Http.Response r = http.post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("prefetch.patient");
    }

    @Test
    void aPrefetchedPatientOtherThanTheContextPatientIs400() {
        Fixtures.Call call = validCall().prefetchKey("patient", Fixtures.patient().put("id", "other"));

        assertThat(http.post(SIGN, call.body()).status()).isEqualTo(400);
    }

    @Test
    void wrongMethodAndMediaTypeAre4xx() {
        assertThat(http.get(SIGN).status()).isEqualTo(405);
        assertThat(http.postRaw(SIGN, "text/plain", "hello").status()).isEqualTo(415);
        assertThat(http.get("/no/such/path").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "text/*", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "text/html", "application/xml", "*/json", "no-slash", ";;;"})
    void aBodyThatIsNotJsonIs415NeverA500(String contentType) {
        Http.Response r = http.postRaw(SIGN, contentType, "hook=order-sign&hookInstance=x");

        assertThat(r.status()).as(contentType).isEqualTo(415);
        assertThat(http.postRaw(FEEDBACK, contentType, "feedback=x").status()).as(contentType).isEqualTo(415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "PATCH", "DELETE", "POST", "GET"})
    void anUnusableCharsetIs4xxOnAnyMethodNeverA500(String method) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write((method + " /cds-services/pgx-order-select HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\nContent-Type: application/json; charset=\r\nContent-Length: 2\r\n\r\n{}")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                    .lines().findFirst().orElse("");
            assertThat(status).as(method).matches("HTTP/1.1 4\\d\\d.*");
        }
    }

    @Test
    void jsonWithParametersAndFhirJsonAreAccepted() {
        String body = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1")).body().toString();
        assertThat(http.postRaw(SIGN, "application/json; charset=UTF-8", body).status()).isNotEqualTo(415);
        assertThat(http.postRaw(SIGN, "application/fhir+json", body).status()).isNotEqualTo(415);
    }

    @Test
    void theErrorPageAskedForDirectlyIs404() {
        Http.Response r = http.get("/error");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("999");
    }

    @Test
    void metricsNeedTheOperatorsCredentialsButHealthAndProbesAreOpen() {
        assertThat(http.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(http.get("/actuator/metrics/jvm.info").status()).isEqualTo(401);
        assertThat(http.get("/actuator").status()).isEqualTo(401);
        assertThat(http.with("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                "operator:wrong".getBytes())).get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(operator(http).get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"d1<img src=x>", "d1) [x](https://evil.test", "a/b", "", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void aDraftOrderIdOutsideTheFhirIdGrammarIs400(String id) {
        ObjectNode draft = Fixtures.clopidogrelDraft("d1").put("id", id);
        Http.Response r = http.post(SIGN, Fixtures.call("order-sign").draftOrders(draft)
                .prefetch(java.util.List.of(Fixtures.cyp2c19("*2/*2")), java.util.List.of()).body());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).startsWith("context.draftOrders");
    }

    @Test
    void aPatientIdOutsideTheFhirIdGrammarIs400() {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"));
        call.context().put("patientId", "p1\" /><script>");

        Http.Response r = http.post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("context.patientId");
    }

    @Test
    void anEmptyDraftOrderIsLoggedAsEmptyNotAsUnknownDrug(CapturedOutput output) {
        ObjectNode empty = Http.JSON.createObjectNode().put("resourceType", "MedicationRequest").put("id", "empty-1")
                .put("status", "draft").put("intent", "order");
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(empty)
                .prefetch(java.util.List.of(Fixtures.cyp2c19("*2/*2")), java.util.List.of());
        call.body().put("hookInstance", "empty-draft-" + java.util.UUID.randomUUID());

        Http.Response r = http.post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(200);
        String line = output.getOut().lines().filter(l -> l.contains(call.body().get("hookInstance").asText()))
                .filter(l -> l.contains("draft order")).findFirst().orElse("");
        assertThat(line).contains("name no medication").doesNotContain("not in the PGx drug catalog");
    }

    @Test
    void anOversizedBodyIs413() {
        String big = "{\"hook\":\"order-sign\",\"padding\":\"" + "x".repeat(1100 * 1024) + "\"}";

        Http.Response r = http.post(SIGN, big);

        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void unknownDrugsAndUnparseableResultsGiveNoCardAndNoError() {
        ObjectNode garbled = Fixtures.genotype("bad", "CYP2C19", "HGNC:2621", "*banana/*2");
        Fixtures.Call call = Fixtures.call("order-sign")
                .draftOrders(Fixtures.medicationRequest("u1", "draft", "999999999", "unobtainium 5 MG"))
                .prefetch(List.of(garbled), List.of());

        Http.Response r = http.post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cards")).isEmpty();
    }

    /**
     * No advice and no error, but never silence either (issue 17, "Say what was not read"): one info card names the
     * Observation and why its result could not be used.
     */
    @Test
    void anUnparseableResultForAnOrderedDrugGivesOnlyTheInfoCardAndNoError() {
        ObjectNode garbled = Fixtures.genotype("bad", "CYP2C19", "HGNC:2621", "*banana/*2");
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("c1"))
                .prefetch(List.of(garbled), List.of());

        Http.Response r = http.with("Accept-Language", "en").post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cards")).hasSize(1);
        JsonNode card = r.json().get("cards").get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("info");
        assertThat(card.get("summary").asText()).isEqualTo("PGx results on file could not be used");
        assertThat(card.get("detail").asText()).contains("Observation bad").contains("banana");
    }
}
