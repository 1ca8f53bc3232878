package no.pgx.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PrefetchTemplateTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void tokensAreReplacedWithEncodedContextValues() {
        JsonNode context = json("{'patientId':'a b/c','userId':'Practitioner/77','encounterId':5}");

        assertThat(PrefetchResolver.fill("Patient/{{context.patientId}}", context)).isEqualTo("Patient/a+b%2Fc");
        assertThat(PrefetchResolver.fill("Encounter/{{ context.encounterId }}", context)).isEqualTo("Encounter/5");
        assertThat(PrefetchResolver.fill("Practitioner/{{userPractitionerId}}", context)).isEqualTo("Practitioner/77");
        assertThat(PrefetchResolver.fill("PractitionerRole/{{userPractitionerRoleId}}", context)).isNull();
        assertThat(PrefetchResolver.fill("X?y={{context.missing}}", context)).isNull();
    }

    @Test
    void illegalUriCharactersAreEncodedAndLegalOnesKept() {
        assertThat(FhirFetcher.encode("http://h/fhir/Observation?patient=1&code=http://loinc.org|84413-4,x%20y"))
                .isEqualTo("http://h/fhir/Observation?patient=1&code=http://loinc.org%7C84413-4,x%20y");
    }

    @Test
    void ageIsComputedFromFullAndPartialBirthDates() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        assertThat(PatientFacts.ageYears(json("{'birthDate':'1961-04-12'}"), today)).isEqualTo(65);
        assertThat(PatientFacts.ageYears(json("{'birthDate':'2020'}"), today)).isEqualTo(6);
        assertThat(PatientFacts.ageYears(json("{'birthDate':'2020-07'}"), today)).isEqualTo(5);
        assertThat(PatientFacts.ageYears(json("{'birthDate':'unknown'}"), today)).isNull();
        assertThat(PatientFacts.ageYears(json("{}"), today)).isNull();
        assertThat(PatientFacts.ageYears(null, today)).isNull();
    }
}
