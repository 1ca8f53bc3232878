package no.pgx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.pgx.knowledge.CsvTable;

/**
 * {@code pgx-cli assess} as the advice a prescriber acts on: the batch reads the request context (orders with
 * indication and route, start dates, conditions, weight, ancestry, order date) and writes one {@code advice} entry per
 * drug and the {@code notes} beside {@code errors}; the table for people has one line per drug.
 */
class AssessAdviceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode one(String caseJson) throws IOException {
        CliRun run = CliRun.run(caseJson + "\n", "assess", "--input", "-");
        assertThat(run.code()).as(run.err()).isZero();
        return run.json().get(0);
    }

    private static JsonNode advice(JsonNode line, String drug) {
        for (JsonNode a : line.get("advice")) {
            if (a.get("drug").asText().equals(drug)) {
                return a;
            }
        }
        throw new AssertionError("no advice for " + drug + " in " + line);
    }

    private static JsonNode alternative(JsonNode advice, String field, String drug) {
        for (JsonNode a : advice.get(field)) {
            if (a.get("drug").asText().equals(drug)) {
                return a;
            }
        }
        return null;
    }

    @Test
    void batchAdviceCarriesHeadlineActionIndicatorBasisAndCheckedAlternatives() throws IOException {
        JsonNode line = one("{\"id\":\"acs\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*2/*2\"}},"
                + "\"drugs\":[{\"name\":\"klopidogrel\",\"indication\":\"acs\",\"route\":\"oral\"}],"
                + "\"ageYears\":62,\"weightKg\":80,\"conditions\":[],\"orderDate\":\"2026-12-04\"}");

        assertThat(line.get("errors")).isEmpty();
        assertThat(line.get("notes")).isEmpty();
        assertThat(line.get("findings")).isNotEmpty();  // the contract fields stay
        assertThat(line.get("advice")).hasSize(1);
        JsonNode a = advice(line, "clopidogrel");
        assertThat(a.get("action").asText()).isEqualTo("AVOID");
        assertThat(a.get("indicator").asText()).isEqualTo("critical");
        assertThat(a.get("basis").asText()).isEqualTo("genotype");
        assertThat(a.get("headline").get("nb").asText()).contains("Klopidogrel").contains("tikagrelor")
                .hasSizeLessThanOrEqualTo(140);
        assertThat(a.get("headline").get("en").asText()).contains("ticagrelor");
        assertThat(a.get("sources").toString()).contains("CPIC").contains("DPWG");
        JsonNode prasugrel = alternative(a, "alternatives", "prasugrel");
        assertThat(prasugrel.get("status").asText()).isEqualTo("SUITABLE");
        assertThat(prasugrel.get("oneClick").asBoolean()).isTrue();
        // the stroke/TIA regimen is not offered on an ACS order, and says why
        JsonNode asaDipyridamole = alternative(a, "rejectedAlternatives", "acetylsalicylic acid+dipyridamole");
        assertThat(asaDipyridamole.get("status").asText()).isEqualTo("NOT_SUITABLE");
        assertThat(asaDipyridamole.get("reasons").get(0).get("nb").asText()).isNotBlank();
        assertThat(asaDipyridamole.get("oneClick").asBoolean()).isFalse();
        assertThat(a.has("detail")).isFalse();
    }

    @Test
    void conditionsAndAgeDecideWhetherAnAlternativeIsOneClick() throws IOException {
        JsonNode afterStroke = one("{\"id\":\"s\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*2/*2\"}},"
                + "\"drugs\":[{\"name\":\"clopidogrel\",\"indication\":\"acs\"}],\"ageYears\":62,\"weightKg\":80,"
                + "\"conditions\":[\"stroke-tia\"]}");
        JsonNode a = advice(afterStroke, "clopidogrel");
        JsonNode prasugrel = alternative(a, "rejectedAlternatives", "prasugrel");
        JsonNode offered = alternative(a, "alternatives", "prasugrel");
        assertThat(prasugrel != null || offered != null).isTrue();
        assertThat(offered == null || !offered.get("oneClick").asBoolean()).as("prasugrel after stroke").isTrue();

        JsonNode unknown = one("{\"id\":\"u\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*2/*2\"}},"
                + "\"drugs\":[{\"name\":\"clopidogrel\",\"indication\":\"acs\"}]}");
        JsonNode p = alternative(advice(unknown, "clopidogrel"), "alternatives", "prasugrel");
        assertThat(p.get("oneClick").asBoolean()).as("conditions unknown: prasugrel needs a check").isFalse();
        assertThat(p.get("reasons")).isNotEmpty();
    }

    @Test
    void aStartDateDecidesWhetherTheDrugIsAnEstablishedTherapy() throws IOException {
        String results = "\"results\":{\"HLA-B\":{\"alleleStatus\":\"*15:02 positive\"}},\"drugs\":[\"carbamazepine\"]";
        JsonNode eleven = one("{\"id\":\"m11\"," + results + ",\"medications\":[{\"name\":\"karbamazepin\","
                + "\"startDate\":\"2026-01-10\"}],\"orderDate\":\"2026-12-04\"}");
        JsonNode undated = one("{\"id\":\"m0\"," + results + ",\"medications\":[\"karbamazepin\"],"
                + "\"orderDate\":\"2026-12-04\"}");
        JsonNode two = one("{\"id\":\"m2\"," + results + ",\"medications\":[{\"name\":\"karbamazepin\","
                + "\"startDate\":\"2026-10-01\"}],\"orderDate\":\"2026-12-04\"}");

        assertThat(advice(eleven, "carbamazepine").get("action").asText()).isEqualTo("MONITOR");
        assertThat(advice(undated, "carbamazepine").get("action").asText()).isEqualTo("AVOID");
        assertThat(advice(two, "carbamazepine").get("action").asText()).isEqualTo("AVOID");
    }

    @Test
    void ancestryBringsTheTestInformationForCarbamazepine() throws IOException {
        JsonNode han = one("{\"id\":\"h\",\"drugs\":[\"carbamazepine\"],\"ancestry\":\"han-chinese\"}");
        JsonNode other = one("{\"id\":\"o\",\"drugs\":[\"carbamazepine\"],\"ancestry\":[]}");
        JsonNode a = advice(han, "carbamazepine");
        assertThat(a.get("action").asText()).isEqualTo("TEST_REQUIRED");
        assertThat(a.get("basis").asText()).isEqualTo("test-before-start");
        assertThat(a.get("indicator").asText()).isEqualTo("info");
        assertThat(other.get("advice")).isEmpty();
    }

    @Test
    void doseAdviceGivesTheDoseFactsAndNoOneClickForConditionalAdvice() throws IOException {
        JsonNode line = one("{\"id\":\"d\",\"results\":{\"CYP2C9\":{\"diplotype\":\"*1/*3\"}},"
                + "\"drugs\":[{\"name\":\"fosphenytoin\",\"indication\":\"status-epilepticus\",\"route\":\"iv\"}],"
                + "\"ageYears\":30,\"weightKg\":65}");
        JsonNode a = advice(line, "fosphenytoin");
        assertThat(a.get("action").asText()).isEqualTo("REDUCE_DOSE");
        List<String> facts = new ArrayList<>();
        a.get("doseFacts").forEach(f -> facts.add(f.get("kind").asText() + ":" + f.get("change").asText()
                + (f.get("percent").isNull() ? "" : ":" + f.get("percent").asText())));
        assertThat(facts).contains("loading:unchanged", "maintenance:percent:75");
        assertThat(a.get("doseFacts").get(0).get("text").get("nb").asText()).isNotBlank();

        JsonNode metoprolol = advice(one("{\"id\":\"m\",\"results\":{\"CYP2D6\":{\"diplotype\":\"*4/*4\"}},"
                + "\"drugs\":[\"metoprolol\"]}"), "metoprolol");
        assertThat(metoprolol.get("conditional").asBoolean()).isTrue();
        assertThat(metoprolol.get("oneClickDose").asBoolean()).isFalse();
    }

    @Test
    void informationalMessagesAreNotesAndDoNotMakeTheExitCodeOne() throws IOException {
        CliRun run = CliRun.run(String.join("\n",
                "{\"id\":\"untested\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*1/*1\"}},\"drugs\":[\"codeine\"],"
                        + "\"medications\":[\"paroxetine\"]}",
                "{\"id\":\"cream\",\"drugs\":[{\"name\":\"fluorouracil\",\"route\":\"topical\"}]}") + "\n",
                "assess", "--input", "-");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode untested = run.json().get(0);
        assertThat(untested.get("errors")).isEmpty();
        assertThat(untested.get("advice")).isEmpty();
        assertThat(untested.get("notes").get(0).get("code").asText()).isEqualTo("interaction-gene-untested");
        assertThat(untested.get("notes").get(0).get("gene").asText()).isEqualTo("CYP2D6");
        assertThat(untested.get("notes").get(0).get("text").get("nb").asText()).contains("paroksetin");
        JsonNode cream = run.json().get(1);
        assertThat(cream.get("errors")).isEmpty();
        assertThat(cream.get("advice")).isEmpty();
        assertThat(cream.get("findings")).isEmpty();
        assertThat(cream.get("notes").get(0).get("code").asText()).isEqualTo("local-route");
    }

    @Test
    void badContextValuesAreErrorsNamingTheFieldAndTheRestIsAssessed() throws IOException {
        CliRun run = CliRun.run("{\"id\":\"bad\",\"results\":{\"HLA-B\":{\"alleleStatus\":\"*15:02 positive\"}},"
                + "\"drugs\":[\"carbamazepine\"],\"medications\":[{\"name\":\"karbamazepin\",\"startDate\":\"10.01.2026\"}],"
                + "\"weightKg\":\"80 kg\",\"orderDate\":\"4/12/2026\"}\n"
                + "{\"id\":\"noname\",\"drugs\":[{\"indication\":\"acs\"}]}\n", "assess", "--input", "-");
        assertThat(run.code()).isEqualTo(1);
        JsonNode bad = run.json().get(0);
        List<String> fields = new ArrayList<>();
        bad.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("medications", "weightKg", "orderDate");
        assertThat(bad.get("errors").get(0).get("message").asText()).contains("karbamazepin").contains("10.01.2026");
        // without a readable start date the drug counts as a new start
        assertThat(advice(bad, "carbamazepine").get("action").asText()).isEqualTo("AVOID");
        JsonNode noName = run.json().get(1);
        assertThat(noName.get("errors").get(0).get("field").asText()).isEqualTo("drugs");
        assertThat(noName.get("advice")).isEmpty();
    }

    @Test
    void detailIsAddedToTheAdviceOnRequest() throws IOException {
        CliRun run = CliRun.run("{\"id\":\"d\",\"results\":{\"CYP2C19\":{\"diplotype\":\"*2/*2\"}},"
                + "\"drugs\":[\"clopidogrel\"]}\n", "assess", "--input", "-", "--detail");
        JsonNode a = advice(run.json().get(0), "clopidogrel");
        assertThat(a.get("detail").get("nb").asText()).contains("CYP2C19").contains("langsom omsetter");
    }

    @Test
    void theTableForPeopleHasOneLinePerDrugWithTheHeadline() {
        CliRun run = CliRun.run("", "assess", "--result", "CYP2C19=*2/*2", "--result", "CYP2D6=*4/*4", "--drug",
                "klopidogrel", "--drug", "kodein", "--drug", "sertralin", "--indication", "acs", "--age", "62",
                "--weight", "80", "--condition", "none");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("LEGEMIDDEL").contains("TILTAK").contains("RÅD"));
        assertThat(lines.stream().filter(l -> l.startsWith("klopidogrel ")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("AVOID").contains("kritisk").contains("CPIC, DPWG")
                        .contains("Klopidogrel: unngå"));
        assertThat(lines.stream().filter(l -> l.startsWith("kodein ")).toList()).hasSize(1);
        assertThat(lines.stream().filter(l -> l.startsWith("sertralin ")).toList()).hasSize(1);
        assertThat(run.out()).doesNotContain("**Resultat:**");

        CliRun detail = CliRun.run("", "assess", "--result", "CYP2C19=*2/*2", "--drug", "klopidogrel", "--detail",
                "--lang", "en");
        assertThat(detail.out()).contains("DRUG").contains("clopidogrel").contains("    **Result:**");
    }

    @Test
    void theTableListsNormalResultsOnlyWithIncludeNormal() {
        CliRun quiet = CliRun.run("", "assess", "--result", "CYP2C19=*1/*1", "--drug", "clopidogrel");
        assertThat(quiet.out()).contains("Ingen funn");
        CliRun normal = CliRun.run("", "assess", "--result", "CYP2C19=*1/*1", "--drug", "clopidogrel",
                "--include-normal");
        assertThat(normal.out().lines().filter(l -> l.startsWith("klopidogrel ") || l.startsWith("clopidogrel ")))
                .singleElement().satisfies(l -> assertThat(l).containsAnyOf("STANDARD_DOSE", "NO_RECOMMENDATION")
                        .contains("CPIC").contains("DPWG"));
    }

    @Test
    void theTableTakesTheOrderContextAndStartDates() {
        CliRun established = CliRun.run("", "assess", "--result", "HLA-B=*15:02 positive", "--drug", "karbamazepin",
                "--medication", "karbamazepin@2026-01-10", "--order-date", "2026-12-04");
        assertThat(established.out()).contains("MONITOR");
        CliRun cream = CliRun.run("", "assess", "--result", "DPYD=c.1905+1G>A (*2A)/c.1905+1G>A (*2A)", "--drug",
                "fluorouracil", "--route", "topical");
        assertThat(cream.code()).isZero();
        assertThat(cream.out()).contains("Merknad:").contains("Ingen funn");
        CliRun badDate = CliRun.run("", "assess", "--result", "CYP2C19=*2/*2", "--drug", "clopidogrel",
                "--order-date", "tomorrow");
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("--order-date");
        CliRun mixed = CliRun.run("", "assess", "--input", "-", "--indication", "acs");
        assertThat(mixed.code()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ scenario book rows through the CLI

    /** Rows of the scenario book that exercise the batch's context fields; each must give the book's advice. */
    private static final List<String> BOOK_ROWS = List.of("S002", "S003", "S024", "S030", "S040", "S049", "S182",
            "S207", "S210", "S217");

    @Test
    void scenarioBookRowsGiveTheExpectedAdviceThroughTheBatch() throws IOException {
        Map<String, Map<String, String>> rows = bookRows();
        StringBuilder input = new StringBuilder();
        for (String id : BOOK_ROWS) {
            input.append(JSON.writeValueAsString(caseOf(rows.get(id)))).append('\n');
        }
        CliRun run = CliRun.run(input.toString(), "assess", "--input", "-");
        assertThat(run.code()).as(run.err()).isZero();
        List<JsonNode> lines = run.json();
        assertThat(lines).hasSize(BOOK_ROWS.size());
        for (int i = 0; i < BOOK_ROWS.size(); i++) {
            Map<String, String> row = rows.get(BOOK_ROWS.get(i));
            JsonNode line = lines.get(i);
            assertThat(line.get("id").asText()).isEqualTo(BOOK_ROWS.get(i));
            assertThat(line.get("errors")).as(row.get("id")).isEmpty();
            int cards = Integer.parseInt(row.get("expect_cards"));
            assertThat(line.get("advice")).as("cards of %s", row.get("id")).hasSize(cards);
            if (cards == 1) {
                JsonNode a = line.get("advice").get(0);
                assertThat(a.get("action").asText()).as("action of %s", row.get("id"))
                        .isEqualTo(row.get("expect_action"));
                assertThat(a.get("indicator").asText()).as("indicator of %s", row.get("id"))
                        .isEqualTo(row.get("expect_indicator"));
                for (String token : row.get("expect_mentions_nb").split("\\|")) {
                    assertThat(a.get("headline").get("nb").asText().toLowerCase())
                            .as("headline of %s", row.get("id")).contains(token.toLowerCase());
                }
                if (row.get("suggestions_allowed").equals("no")) {
                    assertThat(a.get("oneClickDose").asBoolean()).isFalse();
                    a.get("alternatives").forEach(alt -> assertThat(alt.get("oneClick").asBoolean()).isFalse());
                }
            }
        }
    }

    /** @return the book's row as a batch case: results, medications with start dates, the order and its context */
    private static ObjectNode caseOf(Map<String, String> row) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", row.get("id"));
        ObjectNode results = c.putObject("results");
        for (String item : items(row.get("results"), ";")) {
            String gene = item.substring(0, item.indexOf('='));
            String value = item.substring(item.indexOf('=') + 1);
            ObjectNode r = results.putObject(gene);
            if (value.startsWith("phenotype:")) {
                r.put("phenotype", value.substring(10));
            } else if (value.startsWith("score:")) {
                r.put("activityScore", value.substring(6));
            } else if (value.startsWith("status:")) {
                r.put("alleleStatus", value.substring(7));
            } else {
                r.put("diplotype", value);
            }
        }
        Map<String, String> context = new LinkedHashMap<>();
        for (String item : items(row.get("context"), ";")) {
            context.put(item.substring(0, item.indexOf('=')), item.substring(item.indexOf('=') + 1));
        }
        ObjectNode order = c.putArray("drugs").addObject();
        order.put("name", row.get("drug"));
        order.put("indication", context.get("indication"));
        order.put("route", context.get("route"));
        ArrayNode meds = c.putArray("medications");
        for (String m : items(row.get("medications"), ";")) {
            int at = m.indexOf('@');
            if (at < 0) {
                meds.add(m);
            } else {
                meds.addObject().put("name", m.substring(0, at)).put("startDate", m.substring(at + 1));
            }
        }
        if (context.containsKey("age")) {
            c.put("ageYears", Integer.parseInt(context.get("age")));
        }
        if (context.containsKey("weightKg")) {
            c.put("weightKg", Double.parseDouble(context.get("weightKg")));
        }
        if (context.containsKey("conditions")) {
            ArrayNode conditions = c.putArray("conditions");
            items(context.get("conditions"), "\\|").forEach(conditions::add);
        }
        if (context.containsKey("ancestry")) {
            c.put("ancestry", context.get("ancestry"));
        }
        c.put("orderDate", context.getOrDefault("today", "2026-12-04"));
        return c;
    }

    private static List<String> items(String s, String regex) {
        List<String> out = new ArrayList<>();
        if (s != null) {
            for (String x : s.split(regex)) {
                if (!x.isBlank()) {
                    out.add(x.trim());
                }
            }
        }
        return out;
    }

    private static Map<String, Map<String, String>> bookRows() throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(Path.of("..", "scenarios", "scenario-book.csv"),
                StandardCharsets.UTF_8)) {
            CsvTable t = CsvTable.parse("scenario-book.csv", r);
            for (CsvTable.Row row : t.rows()) {
                Map<String, String> m = new LinkedHashMap<>();
                t.columns().forEach(col -> m.put(col, row.get(col) == null ? "" : row.get(col).trim()));
                out.put(m.get("id"), m);
            }
        }
        return out;
    }
}
