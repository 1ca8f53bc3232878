package no.pgx.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.pgx.cds.ServiceIT;
import no.pgx.cds.support.Fixtures;
import no.pgx.cds.support.Http;

/**
 * What of the patient's PGx results could not be used is said, never left to look like "no findings" (issue "Say what
 * was not read"): another subject's Observations are left out, never merged; results inside a DiagnosticReport are
 * read; when nothing could be read an info card lists what and why; a problem about one gene goes on the card for
 * that gene, or on the info card when no card shows it. Clinical oracles: CPIC clopidogrel–CYP2C19 (a poor
 * metabolizer avoids clopidogrel: critical card); CPIC/FDA abacavir–HLA-B*57:01 (test before start when no usable
 * HLA-B*57:01 result: critical card).
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreadResultsIT extends ServiceIT {
    private static final String SIGN = "/cds-services/pgx-order-sign";
    private static final String VIEW = "/cds-services/pgx-patient-view";
    /** ATC abacavir (WHO ATC index). */
    private static final String ABACAVIR_ATC = "J05AF06";

    private Http.Response sign(String language, List<JsonNode> pgxResults, JsonNode... drafts) {
        Fixtures.Call call = Fixtures.call("order-sign").draftOrders(drafts).prefetch(pgxResults, List.of());
        return (language == null ? http : http.with("Accept-Language", language)).post(SIGN, call.body());
    }

    private static List<JsonNode> cards(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().get("cards").forEach(out::add);
        return out;
    }

    private static JsonNode unreadCard(List<JsonNode> cards, String summary) {
        return cards.stream().filter(c -> c.get("summary").asText().equals(summary)).findFirst()
                .orElseThrow(() -> new AssertionError("no card '" + summary + "' in " + cards));
    }

    /** Another person named by identifier: the service's own 400 check cannot compare it with context.patientId. */
    private static ObjectNode someoneElse() {
        ObjectNode subject = Http.JSON.createObjectNode();
        subject.putObject("identifier").put("system", "urn:oid:2.16.578.1.12.4.1.4.1").put("value", "01017012345");
        return subject;
    }

    private static ObjectNode abacavirDraft(String id) {
        ObjectNode m = Fixtures.medicationRequest(id, "draft", "0", "abacavir");
        ObjectNode concept = m.putObject("medicationCodeableConcept");
        concept.putArray("coding").addObject().put("system", Fixtures.ATC).put("code", ABACAVIR_ATC)
                .put("display", "abacavir");
        concept.put("text", "abacavir 300 mg tablet");
        return m;
    }

    @Test
    void anotherSubjectsObservationsInThePrefetchAreLeftOutNeverMerged() {
        // The other person's normal result is newer: merged, it would win (or make the gene indeterminate).
        ObjectNode theirs = Fixtures.withSubject(Fixtures.genotype("other-c19", "CYP2C19", "HGNC:2621", "*1/*1"),
                someoneElse());
        theirs.put("effectiveDateTime", "2025-01-01");

        List<JsonNode> cards = cards(sign("en", List.of(Fixtures.cyp2c19("*2/*2"), theirs),
                Fixtures.clopidogrelDraft("d1")));

        assertThat(cards).hasSize(1);
        JsonNode card = cards.get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("critical");
        assertThat(card.get("detail").asText()).contains("\\*2/\\*2").containsIgnoringCase("poor metabolizer").doesNotContain("*1/");
    }

    @Test
    void onlyAnotherSubjectsObservationsGiveAnInfoCardInsteadOfNoFindings() {
        ObjectNode theirs = Fixtures.withSubject(Fixtures.genotype("other-c19", "CYP2C19", "HGNC:2621", "*2/*2"),
                someoneElse());

        List<JsonNode> cards = cards(sign("en", List.of(theirs), Fixtures.clopidogrelDraft("d1")));

        JsonNode card = unreadCard(cards, "PGx results on file could not be used");
        assertThat(card.get("indicator").asText()).isEqualTo("info");
        assertThat(card.get("detail").asText()).contains("None of the pharmacogenomic results")
                .contains("other-c19").contains("other patients");
        assertThat(cards).noneMatch(c -> c.get("detail").asText().contains("Poor Metabolizer"));
    }

    @Test
    void unreadableResultsGiveAnInfoCardNamingEachObservationAndWhyInBokmalByDefault() {
        ObjectNode noValue = Fixtures.genotype("c19-no-value", "CYP2C19", "HGNC:2621", "*2/*2");
        noValue.remove("valueCodeableConcept");
        ObjectNode entered = Fixtures.genotype("c19-withdrawn", "CYP2C19", "HGNC:2621", "*1/*1").put("status",
                "entered-in-error");

        List<JsonNode> nb = cards(sign(null, List.of(noValue, entered), Fixtures.clopidogrelDraft("d1")));
        List<JsonNode> en = cards(sign("en", List.of(noValue, entered), Fixtures.clopidogrelDraft("d1")));

        JsonNode nbCard = unreadCard(nb, "PGx-resultater i journalen kunne ikke brukes");
        assertThat(nbCard.get("indicator").asText()).isEqualTo("info");
        assertThat(nbCard.get("detail").asText()).contains("Ingen av de farmakogenetiske resultatene")
                .contains("c19-no-value").contains("has no value").contains("c19-withdrawn").contains("entered-in-error");
        JsonNode enCard = unreadCard(en, "PGx results on file could not be used");
        assertThat(enCard.get("detail").asText()).contains("**CYP2C19**").contains("c19-no-value")
                .contains("Could not be used").contains("Not used");
        assertThat(enCard.get("source").get("label").asText()).isNotBlank();
    }

    @Test
    void whatTheReaderQuotesFromTheLabIsEscapedOnTheCard() {
        ObjectNode odd = Fixtures.genotype("c19-odd", "CYP2C19", "HGNC:2621", "");
        odd.remove("valueCodeableConcept");
        odd.put("valueString", "CYP2C19 <img src=x onerror=alert(1)> [x](https://evil.test)");

        List<JsonNode> cards = cards(sign("en", List.of(odd), Fixtures.clopidogrelDraft("d1")));

        String detail = unreadCard(cards, "PGx results on file could not be used").get("detail").asText();
        assertThat(detail).contains("c19-odd").doesNotContainPattern("(?<!\\\\)<img")
                .doesNotContainPattern("(?<!\\\\)\\]\\(https");
    }

    @Test
    void nothingIsSaidWhenNoDrugWithPgxKnowledgeIsOrdered() {
        ObjectNode noValue = Fixtures.genotype("c19-no-value", "CYP2C19", "HGNC:2621", "*2/*2");
        noValue.remove("valueCodeableConcept");
        // RxNorm 161: acetaminophen, no PGx guideline.
        ObjectNode paracetamol = Fixtures.medicationRequest("d1", "draft", "161", "acetaminophen");

        assertThat(cards(sign("en", List.of(noValue), paracetamol))).isEmpty();
    }

    @Test
    void theResultsContainedInADiagnosticReportAreRead() {
        ObjectNode report = Fixtures.diagnosticReport("pgx-report", List.of(Fixtures.cyp2c19("*2/*2")));

        List<JsonNode> cards = cards(sign("en", List.of(report), Fixtures.clopidogrelDraft("d1")));

        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).get("indicator").asText()).isEqualTo("critical");
        assertThat(cards.get(0).get("detail").asText()).contains("\\*2/\\*2");
    }

    @Test
    void aResultAReportListsButThatWasNotSentIsNamedInThePatientOverview() {
        ObjectNode report = Fixtures.diagnosticReport("pgx-report", List.of(Fixtures.cyp2c19("*2/*2")),
                "Observation/cyp2d6-not-sent");
        Fixtures.Call call = Fixtures.call("patient-view").prefetch(List.of(report),
                List.of(Fixtures.medicationRequest("m1", "active", Fixtures.CLOPIDOGREL_75_RXCUI, "clopidogrel")));

        List<JsonNode> cards = cards(http.with("Accept-Language", "en").post(VIEW, call.body()));

        assertThat(cards).anyMatch(c -> c.get("detail").asText().contains("CYP2C19"));
        JsonNode unread = unreadCard(cards, "PGx results on file could not be used");
        assertThat(unread.get("detail").asText()).contains("pgx-report").contains("cyp2d6-not-sent");
    }

    @Test
    void patientViewWithNothingReadableSaysSo() {
        ObjectNode noValue = Fixtures.genotype("c19-no-value", "CYP2C19", "HGNC:2621", "*2/*2");
        noValue.remove("valueCodeableConcept");
        Fixtures.Call call = Fixtures.call("patient-view").prefetch(List.of(noValue), List.of());

        List<JsonNode> cards = cards(http.with("Accept-Language", "en").post(VIEW, call.body()));

        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).get("summary").asText()).isEqualTo("PGx results on file could not be used");
    }

    @Test
    void conflictingResultsForTheOrderedDrugsGeneGoOnTheInfoCard() {
        // Two CYP2C19 genotypes of the same date that differ: the gene is indeterminate, so clopidogrel gets no card
        // of its own; the conflict must still be said.
        ObjectNode a = Fixtures.genotype("c19-a", "CYP2C19", "HGNC:2621", "*1/*2");
        ObjectNode b = Fixtures.genotype("c19-b", "CYP2C19", "HGNC:2621", "*2/*2");

        List<JsonNode> cards = cards(sign("en", List.of(a, b), Fixtures.clopidogrelDraft("d1")));

        assertThat(cards).hasSize(1);
        JsonNode card = unreadCard(cards, "PGx results on file could not be used");
        assertThat(card.get("detail").asText()).contains("Some pharmacogenomic results").contains("**CYP2C19**")
                .contains("c19-a").contains("c19-b");
    }

    @Test
    void aConflictAboutAnotherGeneIsNotShownAtOrderTime() {
        ObjectNode a = Fixtures.genotype("c9-a", "CYP2C9", "HGNC:2623", "*1/*2");
        ObjectNode b = Fixtures.genotype("c9-b", "CYP2C9", "HGNC:2623", "*1/*3");

        List<JsonNode> cards = cards(sign("en", List.of(Fixtures.cyp2c19("*2/*2"), a, b),
                Fixtures.clopidogrelDraft("d1")));

        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).get("detail").asText()).doesNotContain("CYP2C9");
    }

    @Test
    void anAmbiguousHlaTypingIsListedOnTheAbacavirCard() {
        ObjectNode hla = Fixtures.hlaGenotype("hla-b-ambiguous", "HLA-B", "HGNC:4932",
                "hla#3.23.0#HLA-B*57:01:01G/HLA-B*57:03:01G+HLA-B*08:01:01G");

        List<JsonNode> cards = cards(sign("en", List.of(hla), abacavirDraft("d1")));

        assertThat(cards).hasSize(1);
        JsonNode card = cards.get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("critical");
        assertThat(card.get("detail").asText()).contains("Results on file not used for this advice")
                .contains("hla-b-ambiguous").contains("ambiguous");
    }

    @Test
    void theLogCountsWhatWasNotReadByFieldWithoutIdsOrValues(CapturedOutput output) {
        ObjectNode noValue = Fixtures.genotype("c19-log-secret", "CYP2C19", "HGNC:2621", "*2/*2");
        noValue.remove("valueCodeableConcept");
        ObjectNode theirs = Fixtures.withSubject(Fixtures.genotype("other-log-secret", "CYP2C19", "HGNC:2621",
                "*3/*17"), someoneElse());

        cards(sign("en", List.of(noValue, theirs), Fixtures.clopidogrelDraft("d1")));

        assertThat(output.getOut() + output.getErr()).contains("PGx results: 2 resource(s), 0 gene result(s) read")
                .contains("value=1").doesNotContain("log-secret").doesNotContain("*3/*17")
                .doesNotContain("01017012345");
    }
}
