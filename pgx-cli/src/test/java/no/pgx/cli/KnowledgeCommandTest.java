package no.pgx.cli;

import static no.pgx.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pgx-cli knowledge}: the diff a committee signs off between the shipped knowledge and a copy with one
 * deliberate change (made up for the test, not clinical content), the import and overlay extraction on the pinned
 * sources of the knowledge module, and the exit codes.
 */
class KnowledgeCommandTest {
    /** The knowledge module's source tree (tests run in the pgx-cli folder). */
    static final Path MODULE = Path.of("../pgx-knowledge");
    static final Path SHIPPED = MODULE.resolve("src/main/resources/no/pgx/knowledge");

    @TempDir
    Path dir;

    @Test
    void diffReportsAChangedActionAsMarkdownAndCsv() throws IOException {
        Path changed = dir.resolve("new");
        copy(SHIPPED, changed);
        Path cpic = changed.resolve("guidelines/recommendations-cpic.csv");
        String before = ",citalopram,CYP2C19=Ultrarapid Metabolizer,general,Strong,CONSIDER_ALTERNATIVE,";
        String text = Files.readString(cpic, StandardCharsets.UTF_8);
        assertThat(text).contains(before);
        Files.writeString(cpic, text.replace(before, before.replace("CONSIDER_ALTERNATIVE", "AVOID")),
                StandardCharsets.UTF_8);
        Path csv = dir.resolve("diff.csv");

        CliRun run = run("", "knowledge", "diff", SHIPPED.toString(), changed.toString(), "--csv", csv.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("citalopram", "CONSIDER_ALTERNATIVE", "AVOID");
        assertThat(run.out()).doesNotContain("clopidogrel");
        assertThat(Files.readString(csv)).contains("citalopram").contains("AVOID");
    }

    @Test
    void importOfThePinnedSourcesReproducesTheShippedTablesAndNeedsNoReview() throws IOException {
        Path out = dir.resolve("root");

        CliRun run = run("", "knowledge", "import", "--from", MODULE.resolve("sources").toString(), "--out",
                out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("no rows need review");
        assertThat(out.resolve("guidelines/recommendations-cpic.csv"))
                .hasSameBinaryContentAs(SHIPPED.resolve("guidelines/recommendations-cpic.csv"));
    }

    @Test
    void extractOverlaysIntoACopyKeepsThemUnchanged() throws IOException {
        Path overlays = dir.resolve("overlays");
        copy(MODULE.resolve("overlays"), overlays);

        CliRun run = run("", "knowledge", "extract-overlays", "--from", MODULE.resolve("sources").toString(),
                "--knowledge", SHIPPED.toString(), "--overlays", overlays.toString(), "--reviewer", "ZZ", "--date",
                "2099-01-01");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(overlays.resolve("recommendations-cpic.csv"))
                .hasSameTextualContentAs(MODULE.resolve("overlays/recommendations-cpic.csv"));
    }

    @Test
    void unusableSourcesAndUsageErrorsExitTwo() {
        CliRun missing = run("", "knowledge", "import", "--from", dir.resolve("none").toString(), "--out",
                dir.resolve("out").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("pgx-cli knowledge: ");
        CliRun notKnowledge = run("", "knowledge", "diff", dir.toString(), SHIPPED.toString());
        assertThat(notKnowledge.code()).isEqualTo(2);
        assertThat(run("", "knowledge").code()).isEqualTo(2);
        assertThat(run("", "knowledge", "import", "--from", "x").code()).isEqualTo(2);
    }

    @Test
    void verifySourcesChecksTheManifest() {
        CliRun run = run("", "knowledge", "verify-sources", "--from", MODULE.resolve("sources").toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("pinned files match MANIFEST.csv");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
