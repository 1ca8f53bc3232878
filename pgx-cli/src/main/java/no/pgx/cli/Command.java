package no.pgx.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** One subcommand of the command line. Implementations write results to {@code out} and messages to {@code err}. */
interface Command {
    /** @return the subcommand name as typed ({@code phenotype}, {@code assess}, {@code drug}) */
    String name();

    /** @return one line of usage shown by {@code pgx-cli help} */
    String usage();

    /**
     * Runs the command.
     *
     * @param args arguments after the subcommand name
     * @param in   standard input (for {@code --input -})
     * @param out  standard output (results)
     * @param err  standard error (messages)
     * @return the process exit code: 0 success, 1 some input rows failed, 2 usage error
     */
    int run(List<String> args, InputStream in, PrintStream out, PrintStream err);
}
