package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import no.pgx.cds.ServiceIT;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;
import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.DrugOrder;
import no.pgx.engine.PgxEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * HLA-B*15:02 before carbamazepine: the EU label asks for the test in patients of Han Chinese or Thai origin, so the
 * engine gives an information card for them only, and nothing when the ancestry is not known (most Norwegian
 * patients). The service must pass the ancestry through, from the request extension {@code no.pgx.ancestry} or the
 * Patient's US Core race codes, so that its card is the engine's (and the CLI's, which gives the engine the same
 * request with {@code --ancestry}).
 */
class AncestryIT extends ServiceIT {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static PgxEngine engine;

    @BeforeAll
    static void engine() {
        engine = PgxEngine.builder().build();
    }

    @Test
    void hanChineseAncestryGivesTheEnginesTestBeforeStartInformation() {
        Http.Response r = call(carbamazepine().extension("no.pgx.ancestry", F.arrayNode().add("han-chinese")));

        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> cards = cards(r);
        assertThat(cards).hasSize(1);
        JsonNode card = cards.get(0);
        assertThat(card.path("indicator").asText()).isEqualTo("info");
        assertThat(card.path("summary").asText()).contains("HLA-B*15:02");
        // information: the order stays as it is; the one suggestion orders the test
        for (JsonNode s : card.path("suggestions")) {
            assertThat(s.path("actions")).allSatisfy(a -> assertThat(a.path("type").asText()).isEqualTo("create"));
        }

        DrugAdvice advice = engineAdvice("han-chinese");
        assertThat(advice.action().name()).isEqualTo("TEST_REQUIRED");
        assertThat(card.path("indicator").asText()).isEqualTo(advice.indicator().code());
        assertThat(card.path("summary").asText()).isEqualTo(advice.headline().nb().strip().replaceAll("\\s+", " "));
    }

    @Test
    void thaiAncestryAsOneGroupGivesTheSameInformation() {
        Http.Response r = call(carbamazepine().extension("no.pgx.ancestry", F.textNode("Thai")));

        assertThat(cards(r)).singleElement().satisfies(card -> assertThat(card.path("summary").asText())
                .isEqualTo(engineAdvice("thai").headline().nb().strip().replaceAll("\\s+", " ")));
    }

    @Test
    void usCoreRaceChineseOnThePatientCountsAsHanChineseAncestry() {
        ObjectNode patient = Fixtures.patient();
        ObjectNode race = patient.putArray("extension").addObject().put("url",
                "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race");
        race.putArray("extension").addObject().put("url", "ombCategory").putObject("valueCoding")
                .put("system", "urn:oid:2.16.840.1.113883.6.238").put("code", "2028-9").put("display", "Asian");
        ((com.fasterxml.jackson.databind.node.ArrayNode) race.get("extension")).addObject().put("url", "detailed")
                .putObject("valueCoding").put("system", "urn:oid:2.16.840.1.113883.6.238").put("code", "2034-7")
                .put("display", "Chinese");

        Http.Response r = call(carbamazepine().prefetchKey("patient", patient));

        assertThat(cards(r)).singleElement().satisfies(card -> {
            assertThat(card.path("indicator").asText()).isEqualTo("info");
            assertThat(card.path("summary").asText()).contains("HLA-B*15:02");
        });
    }

    @Test
    void withoutAncestryThereIsNoCardAsInTheEngine() {
        Http.Response r = call(carbamazepine());

        assertThat(r.status()).isEqualTo(200);
        assertThat(cards(r)).isEmpty();
        assertThat(engine.assess(request(null)).advice()).isEmpty();
    }

    @Test
    void aPatientOnCarbamazepineForYearsIsNotANewStart() {
        ObjectNode current = medication("med-1", "active");
        current.put("authoredOn", "2024-06-01");
        Fixtures.Call call = carbamazepine().extension("no.pgx.ancestry", F.arrayNode().add("han-chinese"));
        call.prefetchKey("activeMedications", Fixtures.bundle("searchset", current));

        assertThat(cards(call(call))).isEmpty();
    }

    @Test
    void malformedExtensionsAreRefusedNamingTheField() {
        Http.Response number = call(carbamazepine().extension("no.pgx.ancestry", F.numberNode(42)));
        Http.Response population = call(carbamazepine().extension("no.pgx.population", F.textNode("martians")));
        ObjectNode body = carbamazepine().body();
        body.put("extension", "han-chinese");
        Http.Response notObject = http.post("/cds-services/pgx-order-sign", body);

        assertThat(number.status()).isEqualTo(400);
        assertThat(number.body()).contains("extension.no.pgx.ancestry");
        assertThat(population.status()).isEqualTo(400);
        assertThat(population.body()).contains("extension.no.pgx.population").contains("cvi-acs-pci");
        assertThat(notObject.status()).isEqualTo(400);
        assertThat(notObject.body()).contains("extension");
    }

    @Test
    void otherImplementationsExtensionKeysAreIgnored() {
        Http.Response r = call(carbamazepine().extension("com.example.timestamp", F.textNode("2026-12-04T10:00:00Z")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(cards(r)).isEmpty();
    }

    @Test
    void discoveryDescribesTheRequestExtensions() {
        JsonNode services = http.get("/cds-services").json().get("services");

        for (JsonNode s : services) {
            JsonNode e = s.path("extension").path("no.pgx.request-extensions");
            assertThat(e.path("no.pgx.ancestry").path("groups").toString()).contains("han-chinese", "thai");
            assertThat(e.path("no.pgx.population").path("values").toString()).contains("cvi-acs-pci", "adults");
        }
    }

    /** A carbamazepine draft for epilepsy, a 34-year-old, no PGx results on file. */
    private static Fixtures.Call carbamazepine() {
        ObjectNode draft = medication("draft-1", "draft");
        draft.putArray("reasonCode").addObject().put("text", "epilepsy");
        ObjectNode patient = Fixtures.patient();
        patient.put("birthDate", today().minusYears(34).minusDays(1).toString());
        return Fixtures.call("order-sign").draftOrders(draft).prefetch(List.of(), List.of())
                .prefetchKey("patient", patient);
    }

    /** A carbamazepine MedicationRequest named by text, as the scenario book's orders. */
    private static ObjectNode medication(String id, String status) {
        ObjectNode m = Fixtures.medicationRequest(id, status, "2002", "carbamazepine");
        m.set("medicationCodeableConcept", F.objectNode().put("text", "carbamazepine"));
        return m;
    }

    private Http.Response call(Fixtures.Call call) {
        return http.with("Accept-Language", "nb").post("/cds-services/pgx-order-sign", call.body());
    }

    private static List<JsonNode> cards(Http.Response r) {
        List<JsonNode> out = new ArrayList<>();
        r.json().path("cards").forEach(out::add);
        return out;
    }

    /** The same input as the calls above, given to the engine directly (as the CLI does with --ancestry). */
    private static AssessmentRequest request(String ancestry) {
        AssessmentRequest.Builder b = AssessmentRequest.builder()
                .order(DrugOrder.of("carbamazepine").withIndication("epilepsy")).ageYears(34)
                .conditions(List.of("icd10:I10")).weightKg(78.0).orderDate(today());
        if (ancestry != null) {
            b.ancestry(ancestry);
        }
        return b.build();
    }

    private static DrugAdvice engineAdvice(String ancestry) {
        Assessment a = engine.assess(request(ancestry));
        assertThat(a.advice()).hasSize(1);
        return a.advice().get(0);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Oslo"));
    }
}
