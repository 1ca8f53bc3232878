package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.pgx.cds.system.CdsRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RequestExtensionsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RequestExtensions extensions = new RequestExtensions(List.of("general", "cvi-acs-pci", "adults"));

    @Test
    void ancestryIsOneGroupOrAnArrayInTheEnginesSpelling() {
        assertThat(extensions.read(json("{\"no.pgx.ancestry\": \"Han Chinese\"}")).ancestry())
                .containsExactly("han-chinese");
        assertThat(extensions.read(json("{\"no.pgx.ancestry\": [\"thai\", \"han_chinese\"]}")).ancestry())
                .containsExactly("thai", "han-chinese");
    }

    @Test
    void aKnownPopulationIsTaken() {
        RequestExtensions.PatientGroups g = extensions.read(json("{\"no.pgx.population\": \"cvi-acs-pci\"}"));

        assertThat(g.population()).isEqualTo("cvi-acs-pci");
        assertThat(g.ancestry()).isEmpty();
    }

    @Test
    void noExtensionOrOnlyOtherImplementationsKeysGiveNothing() {
        assertThat(extensions.read(null)).isEqualTo(RequestExtensions.PatientGroups.NONE);
        assertThat(extensions.read(json("{\"com.example.timestamp\": \"2026-12-04T10:00:00Z\"}")))
                .isEqualTo(RequestExtensions.PatientGroups.NONE);
    }

    @Test
    void malformedValuesAreRefusedNamingTheField() {
        assertField("\"han-chinese\"", "extension");
        assertField("{\"no.pgx.ancestry\": 7}", "extension.no.pgx.ancestry");
        assertField("{\"no.pgx.ancestry\": [\"thai\", 7]}", "extension.no.pgx.ancestry[1]");
        assertField("{\"no.pgx.ancestry\": [\"<script>\"]}", "extension.no.pgx.ancestry[0]");
        assertField("{\"no.pgx.population\": \"cvi acs pci\"}", "extension.no.pgx.population");
        assertField("{\"no.pgx.population\": 3}", "extension.no.pgx.population");
    }

    @Test
    void usCoreRaceCodesOfThePatientAddTheirGroups() {
        JsonNode patient = json("""
                {"resourceType": "Patient", "id": "p", "extension": [{
                  "url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race",
                  "extension": [
                    {"url": "ombCategory", "valueCoding": {"system": "urn:oid:2.16.840.1.113883.6.238", "code": "2028-9"}},
                    {"url": "detailed", "valueCoding": {"system": "urn:oid:2.16.840.1.113883.6.238", "code": "2046-1"}},
                    {"url": "detailed", "valueCoding": {"system": "urn:oid:2.16.840.1.113883.6.238", "code": "2039-6"}},
                    {"url": "text", "valueString": "Thai"}]}]}
                """);
        RequestExtensions.PatientGroups given = extensions.read(json("{\"no.pgx.ancestry\": \"thai\"}"));

        assertThat(extensions.withPatient(given, patient).ancestry()).containsExactly("thai", "asian");
        assertThat(extensions.withPatient(RequestExtensions.PatientGroups.NONE, json("{\"resourceType\": \"Patient\"}")))
                .isEqualTo(RequestExtensions.PatientGroups.NONE);
    }

    @Test
    void theGroupsTheKnowledgeUsesArePublished() {
        assertThat(extensions.groupsUsed()).containsExactly("asian", "han-chinese", "thai");
    }

    @Test
    void theOrderDateIsAuthoredOnButNeverLaterThanToday() {
        LocalDate today = LocalDate.of(2026, 12, 4);

        assertThat(ClinicalContext.orderDate(json("{\"authoredOn\": \"2026-03-01\"}"), today))
                .isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(ClinicalContext.orderDate(json("{\"authoredOn\": \"2026-12-05T08:00:00+01:00\"}"), today))
                .isEqualTo(today);
        assertThat(ClinicalContext.orderDate(json("{}"), today)).isEqualTo(today);
        assertThat(ClinicalContext.orderDate(json("{\"authoredOn\": \"not a date\"}"), today)).isEqualTo(today);
    }

    private void assertField(String extension, String field) {
        assertThatThrownBy(() -> extensions.read(json(extension))).isInstanceOfSatisfying(CdsRequestException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
