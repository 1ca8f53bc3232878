package no.pgx.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.pgx.cds.hooks.HookRequest;
import no.pgx.cds.system.CdsRequestException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PGx results read from the request body without a JSON tree: what the service checks (types, fullUrl, patient
 * references) must be what it read from the tree before, and the text given to the engine's FHIR adapter must hold
 * the same resources.
 */
class PgxResultsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> GENOMIC = Set.of("Observation", "DiagnosticReport");

    private static final String OBS1 = "{\"resourceType\":\"Observation\",\"id\":\"gt-1\",\"status\":\"final\","
            + "\"subject\":{\"reference\":\"Patient/p1\",\"display\":\"x\"},\"valueCodeableConcept\":{\"text\":\"*1/*4\"},"
            + "\"note\":[{\"text\":\"quote \\\" and \\\\ and \\u00e6\"}],\"valueQuantity\":{\"value\":1.10}}";
    private static final String OBS2 = "{\"resourceType\":\"Observation\",\"id\":\"gt-2\","
            + "\"component\":[{\"subject\":{\"reference\":\"Patient/other\"}}],\"patient\":{\"reference\":\"Patient/p1\"}}";

    private static Prefetch prefetch(String prefetchJson) {
        String body = "{\"hook\":\"order-sign\",\"hookInstance\":\"h\",\"context\":{},\"prefetch\":" + prefetchJson + "}";
        return JSON.readValue(body, HookRequest.class).prefetch();
    }

    @Test
    void readsTheEntriesOfABundleWithTheirFullUrlAndPatientReferences() {
        Prefetch p = prefetch("{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"p1\"},\"pgxResults\":"
                + "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"fullUrl\":\"urn:uuid:a\\\"b\","
                + "\"resource\":" + OBS1 + "},{\"search\":{\"mode\":\"match\"},\"resource\":" + OBS2 + "},"
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\"}},7,{\"resource\":\"text\"}]}}");
        assertThat(p.tree("patient").path("id").stringValue()).isEqualTo("p1");
        assertThat(p.tree("pgxResults")).isNull();
        PgxResults r = p.results("pgxResults");
        assertThat(r.resourceType()).isEqualTo("Bundle");
        assertThat(r.entryTypes()).containsExactly("Observation", "Observation", "Patient");
        List<PgxResults.Entry> entries = r.entries(GENOMIC);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).resource().subjectReference()).isEqualTo("Patient/p1");
        assertThat(entries.get(1).resource().subjectReference()).isNull();  // a component's subject is not the resource's
        assertThat(entries.get(1).resource().patientReference()).isEqualTo("Patient/p1");

        // The adapter's input holds the same entries as the tree would have given, numbers exactly as sent.
        JsonNode bundle = JSON.readTree(bundleText(entries));
        assertThat(bundle.path("type").stringValue()).isEqualTo("collection");
        assertThat(bundle.path("entry").get(0).path("fullUrl").stringValue()).isEqualTo("urn:uuid:a\"b");
        assertThat(bundle.path("entry").get(0).path("resource")).isEqualTo(JSON.readTree(OBS1));
        assertThat(bundle.path("entry").get(1).has("fullUrl")).isFalse();
        assertThat(bundle.path("entry").get(1).path("resource")).isEqualTo(JSON.readTree(OBS2));
        assertThat(bundleText(entries)).contains("\"value\":1.10");
        assertThat(r.tree().path("entry").size()).isEqualTo(5);  // a tree only when asked for
    }

    @Test
    void theResultsAreTakenFromTheRequestBodyAsSentWhenItIsAtHand() {
        String prefetch = "{ \"pgxResults\" : {\n  \"resourceType\": \"Bundle\",\n  \"entry\": [ { \"fullUrl\" : "
                + "\"urn:uuid:\\u00e6\", \"resource\" : " + OBS1 + " } ]\n} }";
        String body = "{\"hook\":\"order-sign\",\"hookInstance\":\"h\",\"context\":{},\"prefetch\":" + prefetch + "}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Prefetch sliced = no.pgx.cds.system.CurrentBody.with(bytes,
                () -> JSON.readValue(new java.io.ByteArrayInputStream(bytes), HookRequest.class).prefetch());
        List<PgxResults.Entry> entries = sliced.results("pgxResults").entries(GENOMIC);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(new String(e.text(), e.resource().start(), e.resource().end() - e.resource().start(),
                    java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(OBS1);  // as sent, spaces and all
            assertThat(e.resource().subjectReference()).isEqualTo("Patient/p1");
        });
        List<PgxResults.Entry> copied = prefetch(prefetch).results("pgxResults").entries(GENOMIC);
        assertThat(JSON.readTree(bundleText(entries)))
                .isEqualTo(JSON.readTree(bundleText(copied)));
        // A body other than the one parsed is noticed, and the value copied instead.
        Prefetch other = no.pgx.cds.system.CurrentBody.with(new byte[10], () -> prefetch(prefetch));
        assertThat(JSON.readTree(bundleText(other.results("pgxResults").entries(GENOMIC))))
                .isEqualTo(JSON.readTree(bundleText(copied)));
    }

    @Test
    void aSingleObservationIsOneEntryWithoutFullUrl() {
        PgxResults r = prefetch("{\"pgxResults\":" + OBS1 + "}").results("pgxResults");
        assertThat(r.resourceType()).isEqualTo("Observation");
        List<PgxResults.Entry> entries = r.entries(GENOMIC);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.fullUrlStart()).isNegative();
            assertThat(e.resource().subjectReference()).isEqualTo("Patient/p1");
        });
        assertThat(JSON.readTree(bundleText(entries)).path("entry").get(0).path("resource"))
                .isEqualTo(JSON.readTree(OBS1));
    }

    @Test
    void anEntryObjectWhereAnArrayBelongsIsOneEntry() {
        PgxResults r = prefetch("{\"pgxResults\":{\"resourceType\":\"Bundle\",\"entry\":{\"resource\":" + OBS2 + "}}}")
                .results("pgxResults");
        assertThat(r.entries(GENOMIC)).hasSize(1);
    }

    @Test
    void repeatedMembersCountAsTheLastOneAsInATree() {
        PgxResults r = prefetch("{\"pgxResults\":{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":" + OBS1 + "}],"
                + "\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/a\"},"
                + "\"subject\":{\"display\":\"no reference\"}}}],\"resourceType\":\"Bundle\"}}").results("pgxResults");
        assertThat(r.entries(GENOMIC)).singleElement()
                .satisfies(e -> assertThat(e.resource().subjectReference()).isNull());
        Prefetch twice = prefetch("{\"pgxResults\":" + OBS1 + ",\"pgxResults\":null}");
        assertThat(twice.results("pgxResults")).isNull();
        assertThat(twice.tree("pgxResults").isNull()).isTrue();
    }

    @Test
    void valuesThatAreNotResourcesAreKeptForTheResolverToRefuse() {
        PgxResults r = prefetch("{\"pgxResults\":[1,2]}").results("pgxResults");
        assertThat(r.isObject()).isFalse();
        assertThat(r.entries(GENOMIC)).isEmpty();
        assertThat(prefetch("{\"pgxResults\":{\"resourceType\":7}}").results("pgxResults").resourceType()).isNull();
        assertThat(prefetch("\"text\"").isObject()).isFalse();
        assertThat(prefetch("null").isNull()).isTrue();
    }

    @Test
    void malformedJsonInTheResultsFailsAsInATreeWithItsLocation() {
        assertThatThrownBy(() -> prefetch("{\"pgxResults\":{\"resourceType\":\"Bundle\",\"entry\":[{]}}"))
                .isInstanceOf(StreamReadException.class)
                .satisfies(e -> assertThat(((StreamReadException) e).getLocation().getColumnNr()).isPositive());
    }

    @Test
    void anotherPatientsResultIsRefusedWithTheSameMessage() {
        PgxResults r = prefetch("{\"pgxResults\":" + OBS1 + "}").results("pgxResults");
        PgxResults.Entry e = r.entries(GENOMIC).get(0);
        e.requireSamePatient("prefetch.pgxResults", "p1");
        assertThatThrownBy(() -> e.requireSamePatient("prefetch.pgxResults", "p2"))
                .isInstanceOf(CdsRequestException.class)
                .hasMessage("prefetch.pgxResults contains a Observation of another patient than context.patientId");
    }

    @Test
    void theCacheKeyTellsContentAndPatientApart() {
        List<PgxResults.Entry> a = prefetch("{\"pgxResults\":" + OBS2 + "}").results("pgxResults").entries(GENOMIC);
        List<PgxResults.Entry> same = PgxResults.of(JSON.readTree(OBS2)).entries(GENOMIC);
        List<PgxResults.Entry> other = prefetch("{\"pgxResults\":" + OBS1 + "}").results("pgxResults").entries(GENOMIC);
        assertThat(GenomicObservations.key(a, "p1")).isEqualTo(GenomicObservations.key(same, "p1"))
                .isNotEqualTo(GenomicObservations.key(a, "p2"))
                .isNotEqualTo(GenomicObservations.key(other, "p1"));
    }

    @Test
    void resultsFetchedAsATreeReadTheSame() {
        ResolvedPrefetch resolved = new ResolvedPrefetch(Map.of("pgxResults", JSON.readTree(OBS1)));
        assertThat(resolved.results("pgxResults", GENOMIC)).singleElement()
                .satisfies(e -> assertThat(e.resource().subjectReference()).isEqualTo("Patient/p1"));
    }

    /** The adapter's input as text. */
    private static String bundleText(List<PgxResults.Entry> entries) {
        return new String(GenomicObservations.bundleBytes(entries), java.nio.charset.StandardCharsets.UTF_8);
    }
}
