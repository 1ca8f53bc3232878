package no.pgx.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.pgx.cds.ServiceIT;
import no.pgx.cds.support.FhirServerStub;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;

/**
 * CDS Hooks 2.0 prefetch rules against a real FHIR server on localhost: an absent key is fetched from fhirServer with
 * the fhirAuthorization token; a null key means "no data" and is not fetched; when required data cannot be had the
 * answer is 412.
 */
class PrefetchFallbackIT extends ServiceIT {
    private static final String SIGN = "/cds-services/pgx-order-sign";
    private FhirServerStub fhir;

    @BeforeEach
    void startFhirServer() throws Exception {
        fhir = new FhirServerStub()
                .serve("Patient", Fixtures.patient())
                .serve("Observation", Fixtures.bundle("searchset", Fixtures.cyp2c19("*2/*2")))
                .serve("MedicationRequest", Fixtures.bundle("searchset"));
    }

    @AfterEach
    void stopFhirServer() {
        fhir.close();
    }

    @Test
    void missingPrefetchIsFetchedWithTheBearerToken() {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                .fhirServer(fhir.base(), "token-123");

        Http.Response r = http.post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cards")).hasSize(1);
        assertThat(r.json().get("cards").get(0).get("indicator").asText()).isEqualTo("critical");
        assertThat(fhir.requests()).anyMatch(u -> u.startsWith("/fhir/Patient/" + Fixtures.PATIENT_ID))
                .anyMatch(u -> u.startsWith("/fhir/Observation?patient=" + Fixtures.PATIENT_ID)
                        && u.contains("84413-4") && u.contains("53040-2"))
                .anyMatch(u -> u.startsWith("/fhir/MedicationRequest?patient=" + Fixtures.PATIENT_ID + "&status=active"));
        assertThat(fhir.authorizations()).isNotEmpty().allMatch("Bearer token-123"::equals);
    }

    @Test
    void onlyTheAbsentKeyIsFetched() {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                .prefetch(List.of(Fixtures.cyp2c19("*2/*2")), List.of()).withoutPrefetchKey("activeMedications")
                .fhirServer(fhir.base(), "token-123");

        Http.Response r = http.post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(200);
        assertThat(fhir.requests()).anyMatch(u -> u.startsWith("/fhir/MedicationRequest"))
                .noneMatch(u -> u.startsWith("/fhir/Observation")).noneMatch(u -> u.startsWith("/fhir/Patient"));
    }

    @Test
    void aNullKeyMeansNoDataAndIsNotFetched() {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                .prefetch(List.of(), List.of()).prefetchKey("pgxResults", null).prefetchKey("medicationStatements", null)
                .fhirServer(fhir.base(), "token-123");

        Http.Response r = http.post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("cards")).isEmpty();
        assertThat(fhir.requests()).isEmpty();
    }

    @Test
    void fhirServerDownGives412() {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                .fhirServer(fhir.base(), "token-123");
        fhir.close();

        Http.Response r = http.post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(412);
        assertThat(r.json().get("field").asText()).startsWith("prefetch.");
    }

    @Test
    void fhirServerErrorGives412() {
        try (FhirServerStub failing = new FhirServerStub().serve("Patient", Fixtures.patient())) {
            Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                    .fhirServer(failing.base(), "token-123");

            Http.Response r = http.post(SIGN, call.body());

            assertThat(r.status()).isEqualTo(412);
            // The key is named; why it failed (here HTTP 404) is only logged: the answer must not tell a caller how
            // some host answers.
            assertThat(r.json().get("field").asText()).isEqualTo("prefetch.pgxResults");
            assertThat(r.json().get("detail").asText()).contains("pgxResults").doesNotContain("404");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void missingPrefetchWithoutFhirServerGives412() {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"));

        Http.Response r = http.post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(412);
        assertThat(r.json().get("field").asText()).isEqualTo("prefetch.patient");
        assertThat(r.json().get("detail").asText()).contains("could not be fetched");
    }

    /** A FHIR server that answers the Observation search with the lab's report beside (or instead of) them. */
    @Test
    void aFetchedSearchWithADiagnosticReportHasItsContainedResultsRead() {
        try (FhirServerStub reports = new FhirServerStub()
                .serve("Patient", Fixtures.patient())
                .serve("Observation", Fixtures.bundle("searchset",
                        Fixtures.diagnosticReport("pgx-report", List.of(Fixtures.cyp2c19("*2/*2")))))
                .serve("MedicationRequest", Fixtures.bundle("searchset"))) {
            Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                    .fhirServer(reports.base(), "token-123");

            Http.Response r = http.post(SIGN, call.body());

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("cards")).hasSize(1);
            assertThat(r.json().get("cards").get(0).get("indicator").asText()).isEqualTo("critical");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDiagnosticReportOfAnotherPatientIsRefused() {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                .prefetch(List.of(Fixtures.diagnosticReport("r1", List.of(Fixtures.cyp2c19("*2/*2"))).set("subject",
                        Http.JSON.createObjectNode().put("reference", "Patient/someone-else"))), List.of());

        Http.Response r = http.post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("prefetch.pgxResults");
    }

    @Test
    void anObservationOfAnotherPatientIsRefused() {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(Fixtures.clopidogrelDraft("d1"))
                .prefetch(List.of(Fixtures.cyp2c19("*2/*2").put("id", "x").set("subject",
                        Http.JSON.createObjectNode().put("reference", "Patient/someone-else"))), List.of());

        Http.Response r = http.post(SIGN, call.body());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("prefetch.pgxResults");
    }
}
