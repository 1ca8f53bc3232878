package no.pgx.knowledge.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.pgx.knowledge.CsvTable;

/**
 * Pins a folder of newly downloaded source files as a source set: every row of that set in {@code MANIFEST.csv} is
 * replaced by one row per file of the folder, with the provenance given and the size, SHA-256 and data version (the
 * {@code version} field of the JSON) read from the file. The manifest's header lines are kept; other sets are not
 * touched. Files of the set's old folder are left for the maintainer to delete (the import refuses unlisted files).
 */
public final class SourcePinner {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What to pin.
     *
     * @param sources      the sources directory (with {@code MANIFEST.csv}); not null
     * @param folder       the folder under it holding the new files; not null
     * @param set          the set id (keep the id the import settings use, so the import reads the new files); not null
     * @param publisher    publisher to record (for guideline annotations the file's own source is recorded instead)
     * @param repository   upstream repository URL
     * @param commit       upstream commit (or download release) the files were taken from
     * @param date         date of that commit or download (YYYY-MM-DD)
     * @param upstreamPath upstream folder the files came from (the file name is appended)
     * @param licence      licence id of the content
     */
    public record Request(Path sources, String folder, String set, String publisher, String repository, String commit,
                          String date, String upstreamPath, String licence) {
        public Request {
            Objects.requireNonNull(sources, "sources");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(set, "set");
            for (String v : new String[] {publisher, repository, commit, date, upstreamPath, licence}) {
                Objects.requireNonNull(v, "provenance");
            }
        }
    }

    private SourcePinner() {
    }

    /**
     * Rewrites {@code MANIFEST.csv}.
     *
     * @return the number of files pinned
     * @throws IllegalArgumentException when the folder has no files or a file is not JSON with a version
     */
    public static int pin(Request r) {
        Path manifestFile = r.sources().resolve(SourceManifest.FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(manifestFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + manifestFile, e);
        }
        List<String> out = new ArrayList<>();
        List<String> columns = null;
        for (String line : lines) {
            if (columns == null) {
                out.add(line);
                if (!line.startsWith("#")) {
                    columns = CsvTable.splitLine(line);
                }
                continue;
            }
            String set = CsvTable.parse("row", new java.io.StringReader(String.join(",", columns) + "\n" + line))
                    .rows().get(0).get("set");
            if (!set.equals(r.set())) {
                out.add(line);
            }
        }
        List<Path> files;
        Path dir = r.sources().resolve(r.folder());
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot be listed: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no files to pin");
        }
        for (Path f : files) {
            JsonNode root;
            try {
                root = JSON.readTree(f.toFile());
                String name = f.getFileName().toString();
                String publisher = root.has("guideline")
                        ? SourceFiles.text(root.get("guideline"), "source") + " guideline annotation by PharmGKB/ClinPGx"
                        : r.publisher();
                String version = SourceFiles.text(root, "version");
                if (version.isEmpty()) {
                    throw new IllegalArgumentException(f + ": no version field");
                }
                out.add(CsvTable.formatRecord(List.of(r.folder() + "/" + name, r.set(), publisher, r.repository(),
                        r.commit(), r.date(), r.upstreamPath().endsWith("/") ? r.upstreamPath() + name
                                : r.upstreamPath() + "/" + name, version, r.licence(), Long.toString(Files.size(f)),
                        SourceManifest.sha256(f))));
            } catch (IOException e) {
                throw new IllegalArgumentException(f + ": not readable JSON: " + e.getMessage(), e);
            }
        }
        KnowledgeImport.write(manifestFile, String.join("\n", out) + "\n");
        return files.size();
    }
}
