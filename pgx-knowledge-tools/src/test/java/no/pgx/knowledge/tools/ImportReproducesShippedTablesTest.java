package no.pgx.knowledge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release gate for the knowledge: the import, run on the pinned sources and the committed overlays, writes every
 * derived table byte for byte as shipped in pgx-knowledge, with no row waiting for review; and the overlays are in
 * step with the shipped tables (extracting them again changes nothing).
 */
class ImportReproducesShippedTablesTest {
    private static KnowledgeImport.Result result;
    private static Path out;

    @BeforeAll
    static void runImport() {
        out = KnowledgeModule.scratch("import");
        result = KnowledgeImport.run(new KnowledgeImport.Request(KnowledgeModule.SOURCES, KnowledgeModule.OVERLAYS,
                out, null, KnowledgeModule.SHIPPED.resolve(DoseFactsCheck.TABLE)));
    }

    @Test
    void pinnedSourcesMatchTheirManifest() {
        assertThat(SourceManifest.read(KnowledgeModule.SOURCES).verify()).isEmpty();
    }

    @Test
    void everyDerivedTableIsReproducedByteForByte() throws IOException {
        assertThat(result.written()).containsExactly("guidelines/recommendations-cpic.csv",
                "guidelines/recommendations-dpwg.csv", "guidelines/guidelines.csv", "phenotype/allele_function.csv",
                "vocabulary/lookup-keys.csv");
        for (String table : result.written()) {
            byte[] shipped = Files.readAllBytes(KnowledgeModule.SHIPPED.resolve(table));
            byte[] imported = Files.readAllBytes(out.resolve(table));
            if (!java.util.Arrays.equals(shipped, imported)) {
                assertThat(firstDifference(table, shipped, imported)).as(table + " differs from the import").isEmpty();
            }
        }
    }

    @Test
    void noRowWaitsForReview() {
        assertThat(result.review()).as("rows that need review before a release").isEmpty();
    }

    @Test
    void overlaysAreInStepWithTheShippedTables() throws IOException {
        Path overlays = KnowledgeModule.scratch("overlays-again");
        KnowledgeModule.copy(KnowledgeModule.OVERLAYS, overlays);
        List<String> problems = OverlayExtractor.run(new OverlayExtractor.Request(KnowledgeModule.SOURCES,
                KnowledgeModule.SHIPPED, overlays, "ZZ", "2099-01-01", false));
        assertThat(problems).isEmpty();
        for (String name : List.of("recommendations-cpic.csv", "recommendations-dpwg.csv", "guidelines.csv",
                "allele-function.csv", "lookup-keys.csv")) {
            assertThat(overlays.resolve(name)).as(name + " after extract-overlays")
                    .hasSameTextualContentAs(KnowledgeModule.OVERLAYS.resolve(name), StandardCharsets.UTF_8);
        }
    }

    /** @return the first differing line, for a readable failure */
    private static String firstDifference(String table, byte[] shipped, byte[] imported) {
        String[] a = new String(shipped, StandardCharsets.UTF_8).split("\n", -1);
        String[] b = new String(imported, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return table + " line " + (i + 1) + "\n  shipped:  " + x + "\n  imported: " + y;
            }
        }
        return table + ": same lines, different bytes (line ends?)";
    }
}
