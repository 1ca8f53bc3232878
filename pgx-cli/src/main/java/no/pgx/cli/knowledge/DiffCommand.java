package no.pgx.cli.knowledge;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.pgx.cli.CliContext;
import no.pgx.knowledge.tools.DiffWriter;
import no.pgx.knowledge.tools.KnowledgeDiff;

/**
 * {@code knowledge diff OLD NEW}: the clinical diff between two knowledge versions that the drug and therapeutics
 * committee signs off ({@link KnowledgeDiff}), as Markdown (standard output, or {@code --markdown FILE}) and CSV
 * ({@code --csv FILE}).
 */
@Command(name = "diff", sortOptions = false, description = "Clinical diff between two knowledge versions, grouped by"
        + " drug, for sign-off: Markdown (standard output or --markdown FILE) and CSV (--csv FILE).")
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "The knowledge in use: a knowledge root, or a directory"
            + " or jar containing no/pgx/knowledge/.")
    Path oldVersion;

    @Parameters(index = "1", paramLabel = "NEW", description = "The knowledge to approve, in the same form.")
    Path newVersion;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the Markdown here instead of standard"
            + " output.")
    Path markdown;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the diff as CSV, one change per line.")
    Path csv;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final CliContext context;

    DiffCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return KnowledgeCommand.run(context, () -> {
            KnowledgeDiff.Report report = KnowledgeDiff.compare(oldVersion, newVersion);
            String text = DiffWriter.markdown(report);
            if (markdown != null) {
                KnowledgeCommand.write(markdown, text);
                context.err().println("wrote " + markdown);
            } else {
                context.out().print(text);
            }
            if (csv != null) {
                KnowledgeCommand.write(csv, DiffWriter.csv(report));
                context.err().println("wrote " + csv);
            }
            return 0;
        });
    }
}
