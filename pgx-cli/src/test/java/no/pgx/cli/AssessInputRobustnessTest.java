package no.pgx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code assess --input} on input that is not clean JSON Lines: a bad line is that case's error and the batch goes on,
 * output line n always belongs to input line n, and no input is silently read as something else.
 */
class AssessInputRobustnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLOPIDOGREL_PM =
            "{\"id\":\"a\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*2/*2\"}},\"drugs\":[\"clopidogrel\"]}";
    private static final String CLOPIDOGREL_NM =
            "{\"id\":\"c\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*1/*1\"}},\"drugs\":[\"clopidogrel\"]}";

    @TempDir
    Path dir;

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object p : parts) {
            b.writeBytes(p instanceof byte[] a ? a : p.toString().getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    private static JsonNode json(String line) throws IOException {
        return JSON.readTree(line);
    }

    private static String firstError(JsonNode c) {
        return c.get("errors").get(0).get("message").asText();
    }

    @Test
    void aLineThatIsNotUtf8IsThatCasesErrorAndTheBatchGoesOn() throws IOException {
        byte[] input = bytes(CLOPIDOGREL_PM, "\n{\"id\":\"b", new byte[] {(byte) 0xFF}, "\",\"results\":{}}\n",
                CLOPIDOGREL_NM, "\n");
        Path file = dir.resolve("cases.jsonl");
        Files.write(file, input);
        for (CliRun r : List.of(CliRun.run("", "assess", "--input", file.toString()),
                CliRun.run(input, "assess", "--input", "-"))) {
            assertThat(r.code()).isEqualTo(1);
            List<String> lines = r.outLines();
            assertThat(lines).hasSize(3);
            assertThat(json(lines.get(0)).get("findings")).isNotEmpty();
            JsonNode bad = json(lines.get(1));
            assertThat(bad.get("id").isNull()).isTrue();
            assertThat(bad.get("findings")).isEmpty();
            assertThat(firstError(bad)).startsWith("line 2: not UTF-8").contains("0xFF");
            assertThat(json(lines.get(2)).get("id").asText()).isEqualTo("c");
        }
    }

    @Test
    void aLineWithAByteOrderMarkIsThatCasesErrorAndTheBatchGoesOn() throws IOException {
        CliRun r = CliRun.run("\uFEFF" + CLOPIDOGREL_PM + "\n" + CLOPIDOGREL_NM + "\n", "assess", "--input", "-");
        assertThat(r.code()).isEqualTo(1);
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(2);
        assertThat(firstError(json(lines.get(0)))).isEqualTo(
                "line 1: starts with a byte-order mark (U+FEFF); save the file as UTF-8 without BOM");
        assertThat(json(lines.get(1)).get("id").asText()).isEqualTo("c");
        assertThat(json(lines.get(1)).get("errors")).isEmpty();
    }

    @Test
    void aBlankLineGivesAnEmptyOutputLineSoOutputLineNBelongsToInputLineN() throws IOException {
        CliRun r = CliRun.run(CLOPIDOGREL_PM + "\n\n   \n" + CLOPIDOGREL_NM + "\n\n", "assess", "--input", "-");
        assertThat(r.code()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(5);
        assertThat(json(lines.get(0)).get("id").asText()).isEqualTo("a");
        assertThat(lines.subList(1, 3)).containsOnly("");
        assertThat(json(lines.get(3)).get("id").asText()).isEqualTo("c");
        assertThat(lines.get(4)).isEmpty();
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotLastOneWins() throws IOException {
        CliRun r = CliRun.run("{\"id\":\"a\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*2/*2\"},"
                + "\"CYP2C19\":{\"diplotype\":\"*1/*1\"}},\"drugs\":[\"clopidogrel\"]}\n"
                + "{\"id\":\"b\",\"id\":\"c\",\"drugs\":[\"clopidogrel\"]}\n"
                + "{\"id\":\"d\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*2/*2\",\"diplotype\":\"*1/*1\"}}}\n",
                "assess", "--input", "-");
        assertThat(r.code()).isEqualTo(1);
        List<String> lines = r.outLines();
        JsonNode gene = json(lines.get(0));
        assertThat(gene.get("findings")).isEmpty();
        JsonNode error = gene.get("errors").get(0);
        assertThat(error.get("gene").asText()).isEqualTo("CYP2C19");
        assertThat(error.get("field").asText()).isEqualTo("results");
        assertThat(error.get("message").asText())
                .isEqualTo("line 1: the key \"CYP2C19\" appears twice in \"results\"; give each key once");
        assertThat(firstError(json(lines.get(1)))).isEqualTo("line 2: the key \"id\" appears twice; give each key once");
        assertThat(firstError(json(lines.get(2)))).contains("\"diplotype\" appears twice in \"CYP2C19\"");
        assertThat(lines).allSatisfy(l -> assertThat(json(l).get("findings")).isEmpty());
    }

    @Test
    void aControlCharacterInADiplotypeIsRefusedNotTrimmedAway() throws IOException {
        CliRun r = CliRun.run("{\"id\":\"a\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*2/*2\\u0001\"}},"
                + "\"drugs\":[\"clopidogrel\"]}\n"
                + "{\"id\":\"b\",\"results\":{\"CYP2C19\":{\"diplotype\":\"\\t*2/*2\\n\"}},\"drugs\":[\"clopidogrel\"]}\n"
                + "{\"id\":\"c\",\"results\":{\"CYP2C19\":\"*2/\\u0000*2\"},\"drugs\":[\"clopidogrel\"]}\n",
                "assess", "--input", "-");
        assertThat(r.code()).isEqualTo(1);
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            JsonNode c = json(line);
            // no result was assessed for CYP2C19, so clopidogrel is only a test-required finding
            assertThat(c.get("findings")).allSatisfy(f -> assertThat(f.get("action").asText()).isEqualTo("TEST_REQUIRED"));
            assertThat(c.get("errors").get(0).get("gene").asText()).isEqualTo("CYP2C19");
        }
        JsonNode a = json(lines.get(0)).get("errors").get(0);
        assertThat(a.get("field").asText()).isEqualTo("diplotype");
        assertThat(a.get("message").asText())
                .isEqualTo("line 1: CYP2C19 diplotype contains a control character (U+0001); remove it");
        assertThat(firstError(json(lines.get(1)))).contains("(U+0009)");
        assertThat(firstError(json(lines.get(2)))).contains("CYP2C19 result contains a control character (U+0000)");
    }

    @Test
    void aControlCharacterInAResultOnTheCommandLineIsAUsageError() {
        CliRun r = CliRun.run("", "assess", "--result", "CYP2C19=*2/*2\u0007", "--drug", "clopidogrel");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("control character (U+0007)");
        assertThat(r.out()).isEmpty();
    }
}
