package no.pgx.cli.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import no.pgx.cli.CliContext;
import no.pgx.knowledge.tools.KnowledgeImport;

/**
 * {@code knowledge import}: turns the pinned raw sources into the derived knowledge tables, with the curation
 * overlays, and lists every row that needs review ({@link KnowledgeImport}).
 */
@Command(name = "import", sortOptions = false, description = "Write the derived tables from the pinned sources and"
        + " the curation overlays; list the rows that need review.")
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "SOURCES", required = true, description = "The pinned sources (with"
            + " MANIFEST.csv), e.g. pgx-knowledge/sources.")
    Path sources;

    @Option(names = "--out", paramLabel = "ROOT", required = true, description = "Knowledge root to write the tables"
            + " into (laid out like no/pgx/knowledge/).")
    Path out;

    @Option(names = "--overlays", paramLabel = "DIR", description = "The curation overlays (default: overlays beside"
            + " SOURCES).")
    Path overlays;

    @Option(names = "--proposed-overlays", paramLabel = "DIR", description = "Also write the overlays as a curator"
            + " starts from them (new and changed rows marked needs-review).")
    Path proposed;

    @Option(names = "--dose-facts", paramLabel = "FILE", description = "Dose facts to check against the imported rows"
            + " (default: the module's curation/dose-facts.csv beside SOURCES, when it exists).")
    Path doseFacts;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final CliContext context;

    ImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return KnowledgeCommand.run(context, () -> {
            Path facts = doseFacts != null ? doseFacts : sources.toAbsolutePath().getParent()
                    .resolve("src/main/resources/no/pgx/knowledge/curation/dose-facts.csv");
            KnowledgeImport.Result r = KnowledgeImport.run(new KnowledgeImport.Request(sources, overlays != null
                    ? overlays : KnowledgeCommand.overlaysBeside(sources), out, proposed,
                    Files.isRegularFile(facts) ? facts : null));
            r.written().forEach(p -> context.out().println("wrote " + out.resolve(p)));
            if (r.review().isEmpty()) {
                context.out().println("no rows need review");
                return 0;
            }
            context.out().println(r.review().size() + " rows need review:");
            r.review().forEach(i -> context.out().println("  " + i));
            return 1;
        });
    }
}
