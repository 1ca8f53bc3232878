package no.pgx.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of {@code pgx-cli.jar}: dispatches to the subcommands. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Buffered: a batch writes tens of kilobytes per case, and a system call per line costs more than the case.
        PrintStream out = new PrintStream(new java.io.BufferedOutputStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code;
        try {
            code = run(args, System.in, out, err);
        } finally {
            out.flush();
        }
        System.exit(code);
    }

    /** Runs the command line with the given streams; used by tests. @return the exit code */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            usage(commands, out);
            return args.length == 0 ? 2 : 0;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("Unknown command '" + args[0] + "'.");
            usage(commands, err);
            return 2;
        }
        try {
            return command.run(List.of(Arrays.copyOfRange(args, 1, args.length)), in, out, err);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("Usage: " + command.usage());
            return 2;
        }
    }

    private static Map<String, Command> commands() {
        List<Command> all = new java.util.ArrayList<>();
        all.add(new DrugCommand());
        all.add(new AssessCommand());
        all.add(new PhenotypeCommand());
        Map<String, Command> commands = new LinkedHashMap<>();
        for (Command c : all) {
            commands.put(c.name(), c);
        }
        return commands;
    }

    private static void usage(Map<String, Command> commands, PrintStream out) {
        out.println("pgx-cli: pharmacogenomic phenotypes and drug advice (CPIC, DPWG)");
        out.println("Commands:");
        commands.values().forEach(c -> out.println("  " + c.usage()));
    }
}
