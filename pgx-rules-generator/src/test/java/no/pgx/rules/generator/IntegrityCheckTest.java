package no.pgx.rules.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build-time integrity check accepts the shipped tables and a small valid fixture, and fails (status 1, message
 * naming the fault) for each kind of broken table.
 */
class IntegrityCheckTest {
    private static final Path FIXTURE = Path.of("src/test/resources/no/pgx/rules/generator/fixture").toAbsolutePath();

    record Run(int status, String output) {
    }

    @Test
    void shippedTablesPass(@TempDir Path out) throws Exception {
        Run run = generate(List.of("--out", out.toString()));  // the pgx-knowledge tables on the class path
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("knowledge OK");
    }

    @Test
    void validFixturePassesAndGivesOneRulePerRow(@TempDir Path dir) throws Exception {
        Path knowledge = fixture(dir, UnaryOperator.identity(), "none");
        Run run = generate(args(dir, knowledge));
        assertThat(run.status()).as(run.output()).isZero();
        String cpic = Files.readString(dir.resolve("out/no/pgx/rules/recommendation/cpic.drl"));
        assertThat(cpic.lines().filter(l -> l.startsWith("rule ")).count()).isEqualTo(8);
        assertThat(cpic).contains("rule \"CPIC T1\"").contains("DrugGene( drug == \"clopidogrel\", gene == \"CYP2C19\", lookupKey == \"Poor Metabolizer\" )");
        String dpwg = Files.readString(dir.resolve("out/no/pgx/rules/recommendation/dpwg.drl"));
        assertThat(dpwg).contains("rule \"DPWG T9\"").contains("lookupKey == \"*57:01 positive\"");
    }

    static Stream<Arguments> brokenTables() {
        return Stream.of(
                Arguments.of("recommendations-cpic.csv", (UnaryOperator<String>) s -> s.replaceFirst("# source:[^\n]*\n", ""),
                        "recommendations-cpic.csv: header line '# source: …' missing"),
                Arguments.of("recommendations-cpic.csv", (UnaryOperator<String>) s -> s.replace("T1,PA166104948,", "T1,,"),
                        "row T1 has no guideline (source)"),
                Arguments.of("recommendations-cpic.csv", (UnaryOperator<String>) s -> s.replace(
                        "T3,PA166104948,clopidogrel,CYP2C19=", "T3,PA166104948,clopidogrel,CYP2C91="),
                        "unknown gene 'CYP2C91'"),
                Arguments.of("recommendations-cpic.csv", (UnaryOperator<String>) s -> s.replace(
                        "T5,PA166104948,clopidogrel,", "T5,PA166104948,clopidogrell,"),
                        "unknown drug 'clopidogrell'"),
                Arguments.of("recommendations-cpic.csv", (UnaryOperator<String>) s -> s
                        + "T10,PA166104948,clopidogrel,CYP2C19=Poor Metabolizer,cvi-acs-pci,Strong,REDUCE_DOSE,50,,,"
                        + "reduced-active-metabolite,fixture\n",
                        "claim the same key and population (clopidogrel | CYP2C19=Poor Metabolizer | cvi-acs-pci) with"
                                + " different advice"),
                Arguments.of("recommendations-cpic.csv", (UnaryOperator<String>) s -> s.replaceFirst("T1,[^\n]*\n", ""),
                        "CPIC clopidogrel (cvi-acs-pci): rows for some CYP2C19 results but none for the actionable"
                                + " [Poor Metabolizer]"),
                Arguments.of("recommendations-cpic.csv", (UnaryOperator<String>) s -> s.replace(
                        "CYP2C19=Poor Metabolizer", "CYP2C19=Poor metaboliser"),
                        "'Poor metaboliser' is not a lookup key of CYP2C19"),
                Arguments.of("guidelines.csv", (UnaryOperator<String>) s -> s.replace(
                        ",2022-01,https://cpicpgx.org/guidelines/guideline-for-clopidogrel-and-cyp2c19/,", ",2022-01,,"),
                        "guideline without url"),
                Arguments.of("test-required.csv", (UnaryOperator<String>) s -> s.replace("HLA-B=*57:01 status",
                        "HLA-B=*99:01 status"), "key_required 'HLA-B=*99:01 status' is not HLA-B"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("brokenTables")
    void brokenTableFailsTheBuild(String file, UnaryOperator<String> breakIt, String expected, @TempDir Path dir)
            throws Exception {
        Path knowledge = fixture(dir, breakIt, file);
        Run run = generate(args(dir, knowledge));
        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("integrity error").contains(expected);
        assertThat(dir.resolve("out/no/pgx/rules/recommendation/cpic.drl")).doesNotExist();
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> args(Path dir, Path knowledge) {
        return List.of("--knowledge", knowledge.toString(), "--out", dir.resolve("out").toString());
    }

    /** Copies the valid fixture into {@code dir} and applies {@code breakIt} to one of its tables (by file name). */
    private static Path fixture(Path dir, UnaryOperator<String> breakIt, String file) throws IOException {
        Path knowledge = Files.createDirectories(dir.resolve("knowledge"));
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path target = knowledge.resolve(FIXTURE.relativize(p).toString());
                Files.createDirectories(target.getParent());
                String text = Files.readString(p, StandardCharsets.UTF_8);
                Files.writeString(target, p.getFileName().toString().equals(file) ? breakIt.apply(text) : text,
                        StandardCharsets.UTF_8);
            }
        }
        // the real rule vocabulary: the fixture's keys must be valid lookup keys
        Files.copy(Path.of("../pgx-knowledge/src/main/resources/no/pgx/knowledge/vocabulary/lookup-keys.csv"),
                knowledge.resolve("vocabulary/lookup-keys.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return knowledge;
    }

    private static Run generate(List<String> args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = GenerateRules.run(args.toArray(String[]::new), out, out);
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }
}
