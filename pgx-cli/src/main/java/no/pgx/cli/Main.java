package no.pgx.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import no.pgx.cli.assess.AssessCommand;
import no.pgx.cli.drug.DrugCommand;
import no.pgx.cli.knowledge.KnowledgeCommand;
import no.pgx.cli.phenotype.PhenotypeCommand;
import no.pgx.cli.report.ReportCommand;

/**
 * Entry point of {@code pgx-cli.jar}. Parsing is picocli's; the commands are built here (no reflective factory), and
 * every way a run can end maps to the documented exit codes: 0 success, 1 some input had errors, 2 usage error or
 * unusable input. No stack trace reaches the user.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Buffered: a batch writes tens of kilobytes per case, and a system call per line costs more than the case.
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code;
        try {
            code = run(args, System.in, out, err);
        } finally {
            out.flush();
        }
        System.exit(code);
    }

    /** Runs the command line with the given streams and the default knowledge base; used by tests. @return exit code */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, CliContext.standard(in, out, err));
    }

    /** Runs the command line in a context. @return the exit code */
    static int run(String[] args, CliContext context) {
        CommandLine cli = commandLine(context);
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        context.out().flush();
        return code;
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new PgxCli())
                .addSubcommand("phenotype", PhenotypeCommand.commandLine(context))
                .addSubcommand("assess", new AssessCommand(context))
                .addSubcommand("drug", DrugCommand.commandLine(context))
                .addSubcommand("report", new ReportCommand(context))
                .addSubcommand("knowledge", KnowledgeCommand.commandLine(context))
                .addSubcommand("help", new CommandLine.HelpCommand());
        cli.getCommandSpec().version(CliVersion.text());
        // Arguments are taken as written: no @file expansion (a value may start with @), an option given twice
        // keeps the last value, as before picocli.
        cli.setExpandAtFiles(false);
        cli.setOverwrittenOptionsAllowed(true);
        cli.setOut(new PrintWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(context.err(), StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler(Main::badArguments);
        cli.setExecutionExceptionHandler((e, command, parsed) -> failed(e, command));
        return cli;
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        if (e instanceof UnmatchedArgumentException u && command.getParent() == null && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            err.println("Unknown command '" + u.getUnmatched().get(0) + "'.");
            command.usage(err);
        } else {
            usageError(e.getMessage(), command);
        }
        return CommandLine.ExitCode.USAGE;
    }

    private static int failed(Exception e, CommandLine command) {
        if (e instanceof UsageException) {
            usageError(e.getMessage(), command);
            return CommandLine.ExitCode.USAGE;
        }
        // A defect, not bad input: say so in one line instead of a stack trace.
        command.getErr().println("pgx-cli: internal error (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); please report this");
        return 1;
    }

    private static void usageError(String message, CommandLine command) {
        PrintWriter err = command.getErr();
        err.println(message);
        err.print(command.getHelp().synopsisHeading() + command.getHelp().synopsis(0));
        err.println(command.getParent() == null ? "'pgx-cli help' lists the commands."
                : "'pgx-cli help " + command.getCommandName() + "' shows the options.");
    }
}
