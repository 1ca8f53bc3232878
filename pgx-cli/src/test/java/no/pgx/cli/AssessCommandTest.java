package no.pgx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** End-to-end contract of {@code pgx-cli assess} (the README's command-line section), through {@link Main#run}. */
class AssessCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String stdin, String... args) {
        return CliRun.run(stdin, args);
    }

    @Test
    void batchWritesOneJsonLinePerCaseAndKeepsGoingAfterBadLines() throws IOException {
        Path file = dir.resolve("cases.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"p1\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*2/*2\"},\"CYP2D6\":{\"diplotype\":\"*1/*4\"},"
                        + "\"HLA-B\":{\"alleleStatus\":\"*57:01 positive\"}},\"drugs\":[\"klopidogrel\",\"N06AB04\"],"
                        + "\"medications\":[\"paroxetine\"]}",
                "this is not json",
                "",
                "{\"id\":\"p2\",\"results\":{\"CYP2C19\":{\"phenotype\":\"Poor Metabolizer\"}},"
                        + "\"drugs\":[\"clopidogrel\",\"nosuchdrug\"]}",
                "{\"id\":\"p3\",\"results\":{\"CYP2D6\":{\"activityScore\":\"0.0\"}}}",
                "{\"id\":\"p4\",\"drugs\":[\"capecitabine\"]}",
                "{\"id\":\"p5\",\"results\":{\"CYP2D6\":{\"diplotype\":\"*1/*999\"}},\"drugs\":[\"codeine\"]}") + "\n",
                StandardCharsets.UTF_8);

        CliRun run = run("", "assess", "--input", file.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        List<JsonNode> lines = run.json();
        assertThat(lines).hasSize(6);
        assertThat(lines).extracting(n -> n.get("id").isNull() ? null : n.get("id").asText())
                .containsExactly("p1", null, "p2", "p3", "p4", "p5");

        JsonNode p1 = lines.get(0);
        assertThat(p1.get("errors")).isEmpty();
        JsonNode clopidogrel = find(p1, "clopidogrel", "CPIC", "cvi-acs-pci");
        assertThat(clopidogrel.get("action").asText()).isEqualTo("AVOID");
        assertThat(clopidogrel.get("strength").asText()).isEqualTo("Strong");
        assertThat(clopidogrel.get("lookupKey").get("CYP2C19").asText()).isEqualTo("Poor Metabolizer");
        assertThat(clopidogrel.get("phenotypes").get("CYP2C19").asText()).isEqualTo("Poor Metabolizer");
        assertThat(clopidogrel.get("phenoconverted").asBoolean()).isFalse();
        assertThat(texts(clopidogrel.get("alternatives"))).contains("prasugrel", "ticagrelor");
        assertThat(clopidogrel.get("summary").get("en").asText()).isNotBlank().hasSizeLessThanOrEqualTo(140);
        assertThat(clopidogrel.get("summary").get("nb").asText()).contains("klopidogrel");
        assertThat(clopidogrel.get("guideline").get("url").asText()).startsWith("https://");
        assertThat(clopidogrel.get("guideline").get("id").asText()).isNotBlank();
        assertThat(clopidogrel.get("guideline").get("version").asText()).isNotBlank();
        assertThat(find(p1, "citalopram", "CPIC", "general").get("lookupKey").get("CYP2C19").asText())
                .isEqualTo("Poor Metabolizer");

        JsonNode bad = lines.get(1);
        assertThat(bad.get("findings")).isEmpty();
        assertThat(bad.get("errors").get(0).get("message").asText()).contains("line 2").contains("JSON");

        JsonNode p2 = lines.get(2);
        assertThat(p2.get("errors").get(0).get("message").asText()).contains("nosuchdrug");
        assertThat(find(p2, "clopidogrel", "CPIC", "nvi").get("action").asText()).isEqualTo("AVOID");

        JsonNode p3 = lines.get(3);
        assertThat(p3.get("errors")).isEmpty();
        assertThat(find(p3, "codeine", "CPIC", "general").get("action").asText()).isEqualTo("AVOID");

        JsonNode p4 = lines.get(4);
        assertThat(p4.get("findings")).singleElement()
                .satisfies(f -> assertThat(f.get("action").asText()).isEqualTo("TEST_REQUIRED"));

        JsonNode p5 = lines.get(5);
        assertThat(p5.get("errors").get(0).get("gene").asText()).isEqualTo("CYP2D6");
        assertThat(p5.get("errors").get(0).get("message").asText()).contains("*999");
    }

    @Test
    void standardInputAndIncludeNormal() throws IOException {
        CliRun run = run("{\"id\":\"n\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*1/*1\"}},\"drugs\":[\"clopidogrel\"]}\n",
                "assess", "--input", "-", "--include-normal");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode n = run.json().get(0);
        assertThat(n.get("findings")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.get("action").asText()).isIn("STANDARD_DOSE", "NO_RECOMMENDATION"));
    }

    @Test
    void formForPeoplePrintsATableOrJson() throws IOException {
        CliRun table = run("", "assess", "--result", "CYP2C19=*2/*2", "--drug", "klopidogrel");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("LEGEMIDDEL").contains("AVOID").contains("Klopidogrel: unngå – CYP2C19 langsom omsetter");

        CliRun json = run("", "assess", "--result", "CYP2C19=*2/*2", "--drug", "B01AC04", "--format", "json",
                "--lang", "en");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode n = json.json().get(0);
        assertThat(n.get("findings")).isNotEmpty();
        assertThat(n.get("findings").get(0).get("drug").asText()).isEqualTo("clopidogrel");
    }

    @Test
    void phenoconvertedFindingShowsPerpetratorAndBothPhenotypes() throws IOException {
        CliRun run = run("{\"id\":\"pc\",\"results\":{\"CYP2D6\":{\"diplotype\":\"*1/*1\"}},\"drugs\":[\"kodein\"],"
                + "\"medications\":[\"paroksetin\"]}\n", "assess", "--input", "-");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode codeine = find(run.json().get(0), "codeine", "CPIC", "general");
        assertThat(codeine.get("action").asText()).isEqualTo("AVOID");
        assertThat(codeine.get("phenoconverted").asBoolean()).isTrue();
        assertThat(codeine.get("phenotypes").get("CYP2D6").asText()).isEqualTo("Poor Metabolizer");
        JsonNode p = codeine.get("phenoconversions").get(0);
        assertThat(p.get("gene").asText()).isEqualTo("CYP2D6");
        assertThat(p.get("perpetrator").asText()).isEqualTo("paroxetine");
        assertThat(p.get("strength").asText()).isEqualTo("strong");
        assertThat(p.get("effect").asText()).isEqualTo("inhibitor");
        assertThat(p.get("genotypePredicted").get("phenotype").asText()).isEqualTo("Normal Metabolizer");
        assertThat(p.get("functional").get("phenotype").asText()).isEqualTo("Poor Metabolizer");
        assertThat(codeine.get("summary").get("en").asText()).contains("phenoconverted by paroxetine");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("", "assess").code()).isEqualTo(2);
        assertThat(run("", "assess", "--result", "CYP2C19").code()).isEqualTo(2);
        assertThat(run("", "assess", "--input", dir.resolve("missing.jsonl").toString()).code()).isEqualTo(2);
        assertThat(run("", "assess", "--input", "-", "--threads", "0").err()).contains("--threads");
        assertThat(run("", "assess", "--input", "-", "--threads", "two").code()).isEqualTo(2);
    }

    @Test
    void aLargeBatchIsAssessedInParallelAndWrittenInInputOrderWithoutCrossTalk() throws IOException {
        // Several chunks of cases; neighbours differ, so a finding or its cached JSON leaking from one case into
        // another, or a chunk written out of turn, shows.
        String[] cyp2d6 = {"*1/*1", "*1/*4", "*4/*4", "*1x2/*1", "*4/*10", "*2x≥3/*10"};
        String[] cyp2c19 = {"*1/*1", "*2/*2", "*1/*17", "*2/*17", "*17/*17"};
        StringBuilder input = new StringBuilder();
        int cases = 301;
        for (int i = 1; i <= cases; i++) {
            if (i % 97 == 0) {
                input.append("{broken line ").append(i).append('\n');
                continue;
            }
            input.append("{\"id\":\"c").append(i).append("\",\"results\":{\"CYP2D6\":{\"diplotype\":\"")
                    .append(cyp2d6[i % cyp2d6.length]).append("\"},\"CYP2C19\":{\"diplotype\":\"")
                    .append(cyp2c19[i % cyp2c19.length]).append("\"}},\"drugs\":[\"codeine\",\"clopidogrel\","
                    + "\"amitriptyline\"]}\n");
        }
        Path file = dir.resolve("many.jsonl");
        Files.writeString(file, input, StandardCharsets.UTF_8);

        CliRun sequential = run("", "assess", "--input", file.toString(), "--detail", "--threads", "1");
        CliRun parallel = run("", "assess", "--input", file.toString(), "--detail", "--threads", "4");

        assertThat(parallel.out()).isEqualTo(sequential.out());
        List<JsonNode> lines = parallel.json();
        assertThat(lines).hasSize(cases);
        for (int i = 1; i <= cases; i++) {
            JsonNode line = lines.get(i - 1);
            if (i % 97 == 0) {
                assertThat(line.get("errors").get(0).get("message").asText()).startsWith("line " + i + ":");
            } else {
                assertThat(line.get("id").asText()).isEqualTo("c" + i);
            }
        }
        assertThat(parallel.err()).contains("3 case(s) had errors");
        // Each case reads exactly as when it is assessed on its own.
        String[] all = input.toString().split("\n");
        for (int i : new int[] {1, 64, 65, 200, 301}) {
            CliRun alone = run(all[i - 1] + "\n", "assess", "--input", "-", "--detail");
            assertThat(alone.json().get(0).get("findings")).isNotEmpty().isEqualTo(lines.get(i - 1).get("findings"));
        }
    }

    private static JsonNode find(JsonNode c, String drug, String source, String population) {
        for (JsonNode f : c.get("findings")) {
            if (f.get("drug").asText().equals(drug) && f.get("source").asText().equals(source)
                    && f.get("population").asText().equals(population)) {
                return f;
            }
        }
        throw new AssertionError("no " + source + " " + drug + " (" + population + ") finding in " + c);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void resultsCanComeFromAFhirBundle() throws IOException {
        Path bundle = dir.resolve("bundle.json");
        Files.writeString(bundle, """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"resource":{"resourceType":"Observation","id":"g1","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"84413-4"}]},
                   "effectiveDateTime":"2021-03-01","valueString":"CYP2C19*2/*2"}}]}
                """);
        CliRun run = run("", "assess", "--fhir", bundle.toString(), "--drug", "klopidogrel", "--format", "json");
        JsonNode result = run.json().get(0);
        assertThat(result.get("findings")).isNotEmpty();
        assertThat(result.get("findings")).allSatisfy(f -> {
            assertThat(f.get("drug").asText()).isEqualTo("clopidogrel");
            assertThat(f.get("phenotypes").get("CYP2C19").asText()).isEqualTo("Poor Metabolizer");
            assertThat(f.get("action").asText()).isEqualTo("AVOID");
        });
        assertThat(run.code()).isZero();
    }

    @Test
    void aMalformedFhirResultIsReportedAndTheRestIsAssessed() throws IOException {
        Path bundle = dir.resolve("bad.json");
        Files.writeString(bundle, """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"resource":{"resourceType":"Observation","id":"g9","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"84413-4"}]}}}]}
                """);
        CliRun run = run("", "assess", "--fhir", bundle.toString(), "--result", "CYP2C19=*1/*1", "--drug", "clopidogrel",
                "--format", "json");
        JsonNode result = run.json().get(0);
        assertThat(result.get("errors").toString()).contains("g9");
        assertThat(run.code()).isEqualTo(1);
    }

    @Test
    void batchCarriesTheMarkdownDetailOnlyWhenAskedFor() throws IOException {
        String line = "{\"id\":\"d\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*2/*2\"}},\"drugs\":[\"clopidogrel\"]}\n";
        JsonNode plain = run(line, "assess", "--input", "-").json().get(0);
        JsonNode detailed = run(line, "assess", "--input", "-", "--detail").json().get(0);
        assertThat(plain.get("findings")).isNotEmpty().allSatisfy(f -> assertThat(f.has("detail")).isFalse());
        assertThat(detailed.get("findings")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.get("detail").get("nb").asText()).contains("CYP2C19"));
    }
}
