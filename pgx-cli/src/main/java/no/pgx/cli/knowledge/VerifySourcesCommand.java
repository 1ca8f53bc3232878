package no.pgx.cli.knowledge;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import no.pgx.cli.CliContext;
import no.pgx.knowledge.tools.SourceManifest;

/** {@code knowledge verify-sources}: every pinned source file has the size and SHA-256 of its manifest row. */
@Command(name = "verify-sources", sortOptions = false, description = "Check the pinned sources against their"
        + " manifest (size and SHA-256; no unlisted file).")
final class VerifySourcesCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "SOURCES", required = true, description = "The pinned sources (with"
            + " MANIFEST.csv), e.g. pgx-knowledge/sources.")
    Path sources;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final CliContext context;

    VerifySourcesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return KnowledgeCommand.run(context, () -> {
            SourceManifest m = SourceManifest.read(sources);
            List<String> problems = m.verify();
            if (problems.isEmpty()) {
                context.out().println(m.entries().size() + " pinned files match " + SourceManifest.FILE);
                return 0;
            }
            problems.forEach(context.err()::println);
            return 1;
        });
    }
}
