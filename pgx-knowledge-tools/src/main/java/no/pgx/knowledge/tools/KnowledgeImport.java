package no.pgx.knowledge.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The scripted import: turns the pinned raw sources (published JSON of ClinPGx guideline annotations and CPIC/DPWG
 * gene files) plus the curation overlays into the derived knowledge tables, byte for byte as they are shipped.
 *
 * <p>Derived tables: {@code guidelines/recommendations-cpic.csv}, {@code guidelines/recommendations-dpwg.csv},
 * {@code guidelines/guidelines.csv}, {@code phenotype/allele_function.csv}, {@code vocabulary/lookup-keys.csv}. Every
 * other table of the knowledge root is hand-curated and not touched.
 *
 * <p>A source row that is new, changed since it was curated, withdrawn, or still marked {@code needs-review} is
 * written with its previous curation (or {@code NEEDS_REVIEW} where it has none) and reported in
 * {@link Result#review()}; a release needs an empty review list. Not thread-safe: run one import at a time per
 * output directory.
 */
public final class KnowledgeImport {

    /**
     * What to import.
     *
     * @param sources          the pinned sources directory (with {@code MANIFEST.csv}); not null
     * @param overlays         the overlay directory; not null
     * @param out              the knowledge root to write the derived tables into (laid out like
     *                         {@code no/pgx/knowledge/}); created when missing; not null
     * @param proposedOverlays where to write the overlays as a curator would start from them (new and changed rows
     *                         marked {@code needs-review}), or null for none
     * @param doseFacts        the hand-curated dose facts keyed by recommendation id
     *                         ({@code curation/dose-facts.csv}) to check against the imported rows, or null
     */
    public record Request(Path sources, Path overlays, Path out, Path proposedOverlays, Path doseFacts) {
        public Request {
            Objects.requireNonNull(sources, "sources");
            Objects.requireNonNull(overlays, "overlays");
            Objects.requireNonNull(out, "out");
        }
    }

    /**
     * What the import did.
     *
     * @param written the tables written (paths under the output root)
     * @param review  the rows a person must review before the tables may ship; empty when none
     */
    public record Result(List<String> written, List<ReviewItem> review) {
    }

    /** The pinned sources failed verification, or the overlays cannot be read: nothing was written. */
    public static final class ImportException extends RuntimeException {
        ImportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private KnowledgeImport() {
    }

    /** @return the derived tables in build order */
    static List<DerivedTable> tables() {
        return List.of(new RecommendationTable("CPIC"), new RecommendationTable("DPWG"), new GuidelineTable(),
                new AlleleFunctionTable(), new LookupKeyTable());
    }

    /**
     * Runs the import.
     *
     * @param request what to import; not null
     * @return the tables written and the rows that need review
     * @throws ImportException when a pinned source is missing or changed (SHA-256), or a source or overlay file
     *                         cannot be read; nothing is written then
     */
    public static Result run(Request request) {
        ImportContext ctx = context(request.sources(), request.overlays());
        List<ReviewItem> review = new ArrayList<>();
        List<String> written = new ArrayList<>();
        List<Rendered> rendered = new ArrayList<>();
        try {
            for (DerivedTable t : tables()) {
                List<List<String>> rows = t.build(ctx, review);
                String text = TableText.render(ctx.overlays().header(t.path(), ctx.manifest()), t.columns(), rows,
                        ctx.overlays().lineEnd(t.path()));
                rendered.add(new Rendered(t.path(), text));
            }
            if (request.doseFacts() != null) {
                review.addAll(DoseFactsCheck.check(request.doseFacts(), rendered.stream()
                        .filter(r -> r.path().startsWith("guidelines/recommendations-")).map(Rendered::text).toList(),
                        review));
            }
        } catch (RuntimeException e) {
            throw new ImportException("Import failed, nothing written: " + e.getMessage(), e);
        }
        for (Rendered r : rendered) {
            write(request.out().resolve(r.path()), r.text());
            written.add(r.path());
        }
        if (request.proposedOverlays() != null) {
            ctx.writeOverlays(request.proposedOverlays());
        }
        return new Result(List.copyOf(written), List.copyOf(review));
    }

    private record Rendered(String path, String text) {
    }

    /**
     * Reads and verifies the sources, and reads the overlay directory.
     *
     * @throws ImportException when the sources fail verification or a file cannot be read
     */
    static ImportContext context(Path sources, Path overlays) {
        try {
            SourceManifest manifest = SourceManifest.read(sources);
            List<String> problems = manifest.verify();
            if (!problems.isEmpty()) {
                throw new ImportException("The pinned sources do not match " + SourceManifest.FILE + ":\n  "
                        + String.join("\n  ", problems), null);
            }
            return new ImportContext(manifest, OverlayDir.read(overlays));
        } catch (ImportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ImportException(e.getMessage(), e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
