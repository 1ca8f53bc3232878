package no.pgx.knowledge.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import no.pgx.knowledge.CsvTable;

/**
 * Extracts the curation overlays from shipped tables: the one-off step that created the overlays, and the re-sync
 * after people edited curated columns of shipped rows (for example on another branch). For every derived table it
 * takes the curated columns of each shipped row into the overlay, keyed by the source's row id; rows whose curated
 * values did not change keep their review status, reviewer and date, other rows get the given stamp. It checks that
 * the shipped rows' source-derived columns are what the import derives, and reports where they are not (the
 * import could not reproduce such a row). Header templates and line ends are written only where they do not exist
 * yet, or for every table when asked.
 */
public final class OverlayExtractor {

    /**
     * What to extract.
     *
     * @param sources   the pinned sources directory; not null
     * @param knowledge the knowledge root holding the shipped tables; not null
     * @param overlays  the overlay directory to update (its settings and vocabulary map must exist); not null
     * @param reviewer  initials stamped on rows whose curation is new or changed; not null
     * @param date      date stamped with them (YYYY-MM-DD); not null
     * @param headers   true to rewrite every header template from the shipped tables
     */
    public record Request(Path sources, Path knowledge, Path overlays, String reviewer, String date, boolean headers) {
        public Request {
            Objects.requireNonNull(sources, "sources");
            Objects.requireNonNull(knowledge, "knowledge");
            Objects.requireNonNull(overlays, "overlays");
            Objects.requireNonNull(reviewer, "reviewer");
            Objects.requireNonNull(date, "date");
        }
    }

    private OverlayExtractor() {
    }

    /**
     * Runs the extraction and writes the overlays.
     *
     * @return the problems found (shipped rows the import cannot reproduce); empty when none
     * @throws KnowledgeImport.ImportException when the sources fail verification or a file cannot be read
     */
    public static List<String> run(Request request) {
        ImportContext ctx = KnowledgeImport.context(request.sources(), request.overlays());
        Curation.Stamp stamp = new Curation.Stamp(request.reviewer(), request.date());
        List<String> problems = new ArrayList<>();
        for (DerivedTable t : KnowledgeImport.tables()) {
            Path file = request.knowledge().resolve(t.path());
            CsvTable shipped = OverlayDir.table(file);
            if (!shipped.columns().equals(t.columns())) {
                problems.add(t.path() + ": columns " + shipped.columns() + ", the import writes " + t.columns());
                continue;
            }
            t.extract(ctx, shipped, stamp, problems);
            Path template = ctx.overlays().headerTemplate(t.path());
            if (request.headers() || !Files.exists(template)) {
                KnowledgeImport.write(template, String.join("\n", headerLines(file)) + "\n");
            }
        }
        ctx.writeOverlays(request.overlays());
        return problems;
    }

    /** @return the leading {@code #} lines of a file, verbatim */
    static List<String> headerLines(Path file) {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\r?\n", -1)) {
                if (!line.startsWith("#")) {
                    break;
                }
                out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return out;
    }
}
