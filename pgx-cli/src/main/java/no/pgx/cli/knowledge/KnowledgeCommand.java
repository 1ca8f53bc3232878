package no.pgx.cli.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.pgx.cli.CliContext;
import no.pgx.cli.UsageException;
import no.pgx.knowledge.CsvTable;
import no.pgx.knowledge.tools.KnowledgeImport;

/**
 * {@code pgx-cli knowledge}: maintenance of the clinical knowledge with the knowledge tools (pgx-knowledge-tools), as
 * the knowledge curator and the drug and therapeutics committee use them: {@code import} ({@link ImportCommand}),
 * {@code extract-overlays} ({@link ExtractOverlaysCommand}), {@code diff} ({@link DiffCommand}) and
 * {@code verify-sources} ({@link VerifySourcesCommand}).
 *
 * <p>Exit codes follow the command line's: 0 done; 1 done, but rows need review (import), shipped rows cannot be
 * reproduced (extract-overlays) or pinned files do not match their manifest (verify-sources); 2 usage error, or
 * sources, overlays or tables that cannot be used (then nothing is written).
 */
@Command(name = "knowledge", synopsisSubcommandLabel = "COMMAND",
        description = "Knowledge maintenance: import the pinned sources, extract overlays, diff two knowledge"
                + " versions for sign-off, verify the pinned sources.")
public final class KnowledgeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private KnowledgeCommand() {
    }

    /** @return the command with its subcommands */
    public static CommandLine commandLine(CliContext context) {
        return new CommandLine(new KnowledgeCommand())
                .addSubcommand("import", new ImportCommand(context))
                .addSubcommand("extract-overlays", new ExtractOverlaysCommand(context))
                .addSubcommand("diff", new DiffCommand(context))
                .addSubcommand("verify-sources", new VerifySourcesCommand(context));
    }

    @Override
    public Integer call() {
        throw new UsageException("give a knowledge command: import, extract-overlays, diff or verify-sources");
    }

    /** The overlays beside the sources ({@code pgx-knowledge/overlays} for {@code pgx-knowledge/sources}). */
    static Path overlaysBeside(Path sources) {
        return sources.toAbsolutePath().getParent().resolve("overlays");
    }

    /** Writes a text file, creating its directory. */
    static void write(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /**
     * Runs a tool, turning its failures (sources or overlays that fail verification or cannot be read, a location
     * without knowledge tables, a malformed table) into one message and exit code 2.
     */
    static int run(CliContext context, Callable<Integer> tool) {
        try {
            return tool.call();
        } catch (KnowledgeImport.ImportException | IllegalArgumentException | UncheckedIOException
                | CsvTable.MalformedCsvException e) {
            context.err().println("pgx-cli knowledge: " + e.getMessage()
                    + (e.getCause() != null && e.getCause().getMessage() != null ? " (" + e.getCause().getMessage()
                    + ")" : ""));
            return 2;
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
