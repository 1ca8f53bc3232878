package no.pgx.knowledge.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.pgx.knowledge.CsvTable;

/**
 * A re-import after the publishers changed their files keeps every curation, and brings each new or changed source
 * row to a person: a changed recommendation text, a new recommendation and a changed allele function are reported,
 * written so that they cannot pass for curated rows, and proposed in the overlays as {@code needs-review}; once a
 * curator has decided them, the import is clean again.
 */
class ImportReviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODEINE = "clinpgx-guideline-annotations-2024-04-15/CPIC_codeine_and_CYP2D6.json";
    private static final String CYP2C19 = "cpic-gene-phenotypes-2025-11-05/CYP2C19.json";
    private static final String NEW_ID = "PA999999901";

    private static Path sources;
    private static String changedId;
    private static KnowledgeImport.Result result;
    private static Path out;
    private static Path proposed;

    @BeforeAll
    static void importChangedSources() throws IOException {
        Path dir = KnowledgeModule.scratch("review");
        sources = dir.resolve("sources");
        KnowledgeModule.copy(KnowledgeModule.SOURCES, sources);

        ObjectNode codeine = (ObjectNode) JSON.readTree(sources.resolve(CODEINE).toFile());
        ArrayNode recs = (ArrayNode) codeine.get("recommendations");
        ObjectNode first = (ObjectNode) recs.get(0);
        changedId = first.get("id").asText();
        ((ObjectNode) first.get("text")).put("html", "<p>A rewritten recommendation text.</p>");
        ObjectNode added = first.deepCopy();
        added.put("id", NEW_ID);
        recs.add(added);
        rewrite(CODEINE, codeine);

        ObjectNode cyp2c19 = (ObjectNode) JSON.readTree(sources.resolve(CYP2C19).toFile());
        for (var a : cyp2c19.get("namedAlleles")) {
            if (a.get("name").asText().equals("*9")) {
                ((ObjectNode) a).put("functionValue", "No function");
            }
        }
        rewrite(CYP2C19, cyp2c19);

        out = dir.resolve("out");
        proposed = dir.resolve("proposed");
        result = KnowledgeImport.run(new KnowledgeImport.Request(sources, KnowledgeModule.OVERLAYS, out, proposed,
                null));
    }

    /** Writes a changed source file and re-pins it in the copied manifest, as a maintainer does for a new download. */
    private static void rewrite(String file, ObjectNode json) throws IOException {
        Path p = sources.resolve(file);
        JSON.writerWithDefaultPrettyPrinter().writeValue(p.toFile(), json);
        Path manifest = sources.resolve(SourceManifest.FILE);
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.startsWith(file + ",")) {
                String[] f = line.split(",");
                f[f.length - 2] = Long.toString(Files.size(p));
                f[f.length - 1] = SourceManifest.sha256(p);
                line = String.join(",", f);
            }
            b.append(line).append('\n');
        }
        Files.writeString(manifest, b, StandardCharsets.UTF_8);
    }

    @Test
    void reportsExactlyTheNewAndChangedRows() {
        assertThat(result.review()).extracting(ReviewItem::table, ReviewItem::row).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("guidelines/recommendations-cpic.csv", changedId),
                org.assertj.core.groups.Tuple.tuple("guidelines/recommendations-cpic.csv", NEW_ID),
                org.assertj.core.groups.Tuple.tuple("phenotype/allele_function.csv", "CYP2C19|*9"));
        assertThat(result.review()).filteredOn(i -> i.row().equals("CYP2C19|*9")).first()
                .extracting(ReviewItem::reason).asString()
                .contains("Decreased function", "No function");
    }

    @Test
    void newRowCannotPassForCuratedAndChangedRowKeepsItsCurationMarked() throws IOException {
        CsvTable cpic = table(out.resolve("guidelines/recommendations-cpic.csv"));
        CsvTable.Row added = row(cpic, NEW_ID);
        assertThat(added.get("action")).isEqualTo("NEEDS_REVIEW");
        assertThat(added.get("drug")).isEqualTo("codeine");
        CsvTable.Row changed = row(cpic, changedId);
        CsvTable.Row shipped = row(table(KnowledgeModule.SHIPPED.resolve("guidelines/recommendations-cpic.csv")),
                changedId);
        assertThat(changed.get("action")).isEqualTo(shipped.get("action"));
        assertThat(changed.get("curation")).startsWith("needs-review: source row changed")
                .endsWith(shipped.get("curation"));
        CsvTable alleles = table(out.resolve("phenotype/allele_function.csv"));
        assertThat(alleles.rows()).filteredOn(r -> r.get("gene").equals("CYP2C19") && r.get("allele").equals("*9"))
                .singleElement().extracting(r -> r.get("function")).isEqualTo("No function");
    }

    @Test
    void curatingTheProposedOverlaysMakesTheImportCleanAgain() throws IOException {
        Path curated = KnowledgeModule.scratch("review-curated");
        KnowledgeModule.copy(KnowledgeModule.OVERLAYS, curated);
        KnowledgeModule.copy(proposed, curated);
        CsvTable cpic = table(curated.resolve("recommendations-cpic.csv"));
        assertThat(row(cpic, NEW_ID).get("status")).isEqualTo("needs-review");
        assertThat(row(cpic, changedId).get("status")).isEqualTo("needs-review");

        // the curator decides the rows and signs them
        edit(curated.resolve("recommendations-cpic.csv"), NEW_ID,
                Map.of("status", "approved", "reviewer", "AB", "action", "AVOID", "curation", "curated by AB"));
        edit(curated.resolve("recommendations-cpic.csv"), changedId, Map.of("status", "approved", "reviewer", "AB"));
        edit(curated.resolve("allele-function.csv"), "CYP2C19|*9", Map.of("status", "approved", "reviewer", "AB"));

        KnowledgeImport.Result again = KnowledgeImport.run(new KnowledgeImport.Request(sources, curated,
                KnowledgeModule.scratch("review-out-2"), null, null));
        assertThat(again.review()).isEmpty();
    }

    @Test
    void refusesSourcesThatNoLongerMatchTheirManifest() throws IOException {
        Path tampered = KnowledgeModule.scratch("tampered");
        KnowledgeModule.copy(KnowledgeModule.SOURCES, tampered);
        Files.writeString(tampered.resolve(CYP2C19), "{}", StandardCharsets.UTF_8);
        Path target = KnowledgeModule.scratch("tampered-out");
        assertThatThrownBy(() -> KnowledgeImport.run(new KnowledgeImport.Request(tampered, KnowledgeModule.OVERLAYS,
                target, null, null)))
                .isInstanceOf(KnowledgeImport.ImportException.class)
                .hasMessageContaining(CYP2C19).hasMessageContaining("changed since it was pinned");
        try (var files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
    }

    /** Sets columns of the overlay row whose key columns (gene|allele, or id) are {@code key}, as a curator would. */
    private static void edit(Path overlay, String key, Map<String, String> values) throws IOException {
        List<String> lines = Files.readAllLines(overlay, StandardCharsets.UTF_8);
        CsvTable t = table(overlay);
        int keyColumns = t.hasColumn("allele") ? 2 : 1;
        StringBuilder b = new StringBuilder();
        lines.stream().filter(l -> l.startsWith("#")).forEach(l -> b.append(l).append('\n'));
        b.append(CsvTable.formatRecord(t.columns())).append('\n');
        boolean found = false;
        for (CsvTable.Row r : t.rows()) {
            List<String> fields = new java.util.ArrayList<>(r.fields());
            if (String.join("|", fields.subList(0, keyColumns)).equals(key)) {
                values.forEach((c, v) -> fields.set(t.columns().indexOf(c), v));
                found = true;
            }
            b.append(CsvTable.formatRecord(fields)).append('\n');
        }
        assertThat(found).as(key + " in " + overlay).isTrue();
        Files.writeString(overlay, b, StandardCharsets.UTF_8);
    }

    private static CsvTable table(Path file) throws IOException {
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CsvTable.parse(file.toString(), r);
        }
    }

    private static CsvTable.Row row(CsvTable t, String id) {
        return t.rows().stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
    }
}
