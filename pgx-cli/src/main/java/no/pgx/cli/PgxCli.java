package no.pgx.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The top command {@code pgx-cli}: names the subcommands; without one it shows the usage and exits with 2. */
@Command(name = "pgx-cli", synopsisSubcommandLabel = "COMMAND",
        description = "Pharmacogenomic phenotypes and drug advice (CPIC, DPWG).",
        footer = {"", "Exit codes: 0 success, 1 some input had errors, 2 usage error or unusable input.",
                "'pgx-cli help COMMAND' shows a command's options."})
final class PgxCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Show the version and exit.")
    boolean version;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.usage(cl.getOut());
        return CommandLine.ExitCode.USAGE;
    }
}
