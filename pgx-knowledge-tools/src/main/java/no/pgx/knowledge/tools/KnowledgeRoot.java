package no.pgx.knowledge.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.pgx.knowledge.CsvTable;

/**
 * One version of the knowledge, as the diff reads it: a directory laid out like {@code no/pgx/knowledge/} (or a
 * directory or jar that contains {@code no/pgx/knowledge/}). The tables the diff needs are read eagerly; a table the
 * version does not have reads as absent. Immutable after opening.
 */
final class KnowledgeRoot {
    static final String PREFIX = "no/pgx/knowledge";
    /** The tables the diff reads. */
    static final List<String> TABLES = List.of("guidelines/recommendations-cpic.csv",
            "guidelines/recommendations-dpwg.csv", "guidelines/guidelines.csv", "vocabulary/lookup-keys.csv",
            "phenotype/allele_function.csv", "phenotype/function_phenotype.csv",
            "phenotype/activity_score_cutoffs.csv", "vocabulary/source-equivalents.csv", "genetics/genes.csv",
            "drug/drugs.csv", "curation/dose-facts.csv", "release.csv");

    private final String label;
    private final Map<String, CsvTable> tables;

    private KnowledgeRoot(String label, Map<String, CsvTable> tables) {
        this.label = label;
        this.tables = tables;
    }

    /**
     * Opens a knowledge version.
     *
     * @param location a knowledge root directory, a directory or jar containing {@code no/pgx/knowledge/}
     * @return the version
     * @throws IllegalArgumentException when the location holds no recommendation table
     */
    static KnowledgeRoot open(Path location) {
        if (Files.isRegularFile(location)) {
            try (FileSystem zip = FileSystems.newFileSystem(location)) {
                return read(location.toString(), zip.getPath("/" + PREFIX));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open " + location, e);
            }
        }
        Path nested = location.resolve(PREFIX);
        return read(location.normalize().toString(), Files.isDirectory(nested) ? nested : location);
    }

    private static KnowledgeRoot read(String where, Path root) {
        Map<String, CsvTable> tables = new LinkedHashMap<>();
        for (String t : TABLES) {
            Path p = root.resolve(t);
            if (Files.isRegularFile(p)) {
                try (var reader = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    tables.put(t, CsvTable.parse(t, reader));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + p, e);
                }
            }
        }
        if (!tables.containsKey("guidelines/recommendations-cpic.csv")
                && !tables.containsKey("guidelines/recommendations-dpwg.csv")) {
            throw new IllegalArgumentException(where + ": no knowledge tables (expected " + PREFIX
                    + "/guidelines/recommendations-*.csv, or those tables directly)");
        }
        String label = where;
        CsvTable release = tables.get("release.csv");
        if (release != null && release.metadata("release") != null) {
            label = release.metadata("release") + " (" + where + ")";
        }
        return new KnowledgeRoot(label, tables);
    }

    /** @return how to name this version in a report */
    String label() {
        return label;
    }

    /** @return the rows of a table; empty when this version does not have it */
    List<CsvTable.Row> rows(String table) {
        CsvTable t = tables.get(table);
        return t == null ? List.of() : t.rows();
    }

    /** @return true when this version has the table */
    boolean has(String table) {
        return tables.containsKey(table);
    }
}
