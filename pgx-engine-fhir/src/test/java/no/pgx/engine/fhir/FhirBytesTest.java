package no.pgx.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A document given as UTF-8 bytes (a file, an HTTP body: what the service hands the adapter) is read exactly as its
 * text is: same results, problems and notes, for every fixture of this module, with and without a named patient.
 */
class FhirBytesTest {

    static Stream<String> fixtures() {
        return Stream.of("diplotype-legacy.json", "entered-in-error.json", "gene-in-code-text.json", "genotype-ig.json",
                "hla.json", "implication.json", "invalid.json", "malformed.json", "mixed-resources.json",
                "panel-15-genes.json", "phenotype-only.json", "single-observation.json", "two-results-one-gene.json",
                "valuestring-gene-prefix.json", "ig/haplotypes.json", "ig/hla-ambiguous.json",
                "ig/hla-glstring-g-groups.json", "ig/hla-haplotypes.json", "ig/hla-statuses.json",
                "ig/mixed-subjects.json", "ig/multigene-genotype.json", "ig/phenotype-sources.json",
                "ig/preliminary.json", "ig/report-contained.json", "ig/report-in-bundle.json",
                "ig/same-date-results.json", "ig/variants-only.json");
    }

    private static byte[] bytes(String name) {
        try (InputStream in = FhirBytesTest.class.getResourceAsStream("/fhir/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void bytesAreReadAsTheirText(String name) {
        byte[] utf8 = bytes(name);
        String text = new String(utf8, StandardCharsets.UTF_8);

        FhirResults fromText = FhirResults.fromJson(text, null);
        assertThat(FhirResults.fromJson(utf8, null)).isEqualTo(fromText);
        // The fixtures read something or say why not: an equal pair of empty answers would prove nothing.
        assertThat(fromText.results().size() + fromText.problems().size() + fromText.notes().size()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void bytesAreReadAsTheirTextForANamedPatient(String name) {
        byte[] utf8 = bytes(name);
        String text = new String(utf8, StandardCharsets.UTF_8);
        for (String subject : List.of("Patient/p1", "Patient/p2", "Patient/panel-patient", "Patient/nobody")) {
            assertThat(FhirResults.fromJson(utf8, subject)).as(subject).isEqualTo(FhirResults.fromJson(text, subject));
        }
    }

    @Test
    void nonAsciiTextSurvivesTheBytePath() {
        String json = """
                {"resourceType":"Observation","id":"nb-1","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"53040-2"}],"text":"CYP2D6 fenotype"},
                 "valueCodeableConcept":{"text":"CYP2D6 langsom omsetter (PM) – målt ved Diakonhjemmet"}}""";
        FhirResults fromText = FhirResults.fromJson(json, null);
        FhirResults fromBytes = FhirResults.fromJson(json.getBytes(StandardCharsets.UTF_8), null);

        assertThat(fromBytes).isEqualTo(fromText);
        assertThat(fromBytes.toString()).doesNotContain("\uFFFD");
    }

    @Test
    void bytesThatAreNotUtf8GiveOneProblemAndNoResult() {
        byte[] valid = bytes("single-observation.json");
        byte[] broken = valid.clone();
        int at = new String(valid, StandardCharsets.UTF_8).indexOf("\"final\"") + 2;
        broken[at] = (byte) 0xC3;      // a two-byte sequence's lead byte ...
        broken[at + 1] = (byte) 0x28;  // ... followed by a byte that cannot continue it

        FhirResults r = FhirResults.fromJson(broken, null);

        assertThat(r.results()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("json");
            assertThat(p.message()).contains("not valid JSON").contains("UTF-8");
        });
    }

    /**
     * FHIR JSON is UTF-8 without a byte-order mark. Jackson's byte parser would quietly read UTF-16 and UTF-32 and skip
     * a UTF-8 mark (the text of such bytes is not JSON): the bytes are refused and the problem says why.
     */
    @ParameterizedTest
    @MethodSource("otherEncodings")
    void bytesInAnotherEncodingOrWithAByteOrderMarkAreRefusedWithOneProblem(String encoding, byte[] bytes,
                                                                           String why) {
        FhirResults r = FhirResults.fromJson(bytes, null);

        assertThat(r.results()).as(encoding).isEmpty();
        assertThat(r.problems()).as(encoding).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("json");
            assertThat(p.message()).contains("not UTF-8").contains(why);
        });
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> otherEncodings() {
        String json = new String(bytes("single-observation.json"), StandardCharsets.UTF_8);
        java.nio.charset.Charset utf32 = java.nio.charset.Charset.forName("UTF-32");
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("UTF-16 with its mark",
                        json.getBytes(StandardCharsets.UTF_16), "byte-order mark"),
                org.junit.jupiter.params.provider.Arguments.of("UTF-16LE without a mark",
                        json.getBytes(StandardCharsets.UTF_16LE), "zero byte"),
                org.junit.jupiter.params.provider.Arguments.of("UTF-16BE without a mark",
                        json.getBytes(StandardCharsets.UTF_16BE), "zero byte"),
                org.junit.jupiter.params.provider.Arguments.of("UTF-32", json.getBytes(utf32), "zero byte"),
                org.junit.jupiter.params.provider.Arguments.of("UTF-8 with a mark",
                        ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8), "UTF-8 byte-order mark"));
    }

    @Test
    void emptyBytesAreAnEmptyDocumentAsEmptyTextIs() {
        assertThat(FhirResults.fromJson(new byte[0], null)).isEqualTo(FhirResults.fromJson("", null));
        assertThat(FhirResults.fromJson(" \n".getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo(FhirResults.fromJson(" \n", null));
        assertThat(FhirResults.fromJson(new byte[0], null).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("empty"));
    }
}
