package no.pgx.cli.knowledge;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import no.pgx.cli.CliContext;
import no.pgx.cli.UsageException;
import no.pgx.knowledge.tools.OverlayExtractor;

/**
 * {@code knowledge extract-overlays}: brings the curation overlays in step with the shipped tables (after curated
 * columns were edited in the tables), naming every shipped row the import could not reproduce
 * ({@link OverlayExtractor}).
 */
@Command(name = "extract-overlays", sortOptions = false, description = "Rebuild the curation overlays from the"
        + " shipped tables; name every shipped row the import cannot reproduce.")
final class ExtractOverlaysCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "SOURCES", required = true, description = "The pinned sources (with"
            + " MANIFEST.csv), e.g. pgx-knowledge/sources.")
    Path sources;

    @Option(names = "--knowledge", paramLabel = "ROOT", required = true, description = "The knowledge root with the"
            + " shipped tables, e.g. pgx-knowledge/src/main/resources/no/pgx/knowledge.")
    Path knowledge;

    @Option(names = "--overlays", paramLabel = "DIR", description = "The overlays to update (default: overlays beside"
            + " SOURCES).")
    Path overlays;

    @Option(names = "--reviewer", paramLabel = "INITIALS", description = "Initials stamped on rows whose curation is"
            + " new or changed (default PGX).")
    String reviewer = "PGX";

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Date stamped with them (default today).")
    String date;

    @Option(names = "--headers", description = "Also take the tables' header lines into the overlays.")
    boolean headers;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final CliContext context;

    ExtractOverlaysCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String day = date != null ? date : LocalDate.now().toString();
        if (!day.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new UsageException("--date needs YYYY-MM-DD, not '" + day + "'");
        }
        Path dir = overlays != null ? overlays : KnowledgeCommand.overlaysBeside(sources);
        return KnowledgeCommand.run(context, () -> {
            List<String> problems = OverlayExtractor.run(new OverlayExtractor.Request(sources, knowledge, dir,
                    reviewer, day, headers));
            context.out().println("overlays written to " + dir);
            if (problems.isEmpty()) {
                return 0;
            }
            context.out().println(problems.size() + " shipped rows cannot be reproduced by the import:");
            problems.forEach(p -> context.out().println("  " + p));
            return 1;
        });
    }
}
