package no.pgx.knowledge.tools;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line of the knowledge tools (the lead wires the same commands into {@code pgx-cli knowledge …}):
 *
 * <pre>
 * import           --from SOURCES [--overlays DIR] --out ROOT [--proposed-overlays DIR] [--dose-facts FILE]
 * extract-overlays --from SOURCES --knowledge ROOT [--overlays DIR] [--reviewer INITIALS] [--date YYYY-MM-DD] [--headers]
 * diff             OLD NEW [--markdown FILE] [--csv FILE]
 * verify-sources   --from SOURCES
 * pin              --from SOURCES --folder DIR --set ID --publisher P --repository URL --commit C --date YYYY-MM-DD
 *                  --upstream-path PATH --licence L
 * </pre>
 *
 * {@code --overlays} defaults to the {@code overlays} directory beside SOURCES; {@code --dose-facts} to the module's
 * {@code curation/dose-facts.csv} beside SOURCES, when it exists. Exit status: 0 done; 1 bad usage or
 * failure; 2 done, but rows need review (import) or shipped rows cannot be reproduced (extract-overlays).
 */
public final class KnowledgeTool {
    private KnowledgeTool() {
    }

    /** Runs a command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command.
     *
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(usage());
            return 1;
        }
        List<String> positional = new ArrayList<>();
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--headers")) {
                opts.put(a, "true");
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    err.println(a + " needs a value\n" + usage());
                    return 1;
                }
                opts.put(a, args[++i]);
            } else {
                positional.add(a);
            }
        }
        try {
            return switch (args[0]) {
                case "import" -> importTables(opts, out, err);
                case "extract-overlays" -> extract(opts, out, err);
                case "diff" -> diff(positional, opts, out, err);
                case "verify-sources" -> verify(opts, out, err);
                case "pin" -> pin(opts, out);
                default -> {
                    err.println("unknown command '" + args[0] + "'\n" + usage());
                    yield 1;
                }
            };
        } catch (IllegalArgumentException | KnowledgeImport.ImportException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return """
                usage:
                  import           --from SOURCES [--overlays DIR] --out ROOT [--proposed-overlays DIR] [--dose-facts FILE]
                  extract-overlays --from SOURCES --knowledge ROOT [--overlays DIR] [--reviewer INITIALS] [--date YYYY-MM-DD] [--headers]
                  diff             OLD NEW [--markdown FILE] [--csv FILE]
                  verify-sources   --from SOURCES
                  pin              --from SOURCES --folder DIR --set ID --publisher P --repository URL --commit C
                                   --date YYYY-MM-DD --upstream-path PATH --licence L""";
    }

    private static Path required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is required\n" + usage());
        }
        return Path.of(v);
    }

    private static Path overlays(Map<String, String> opts, Path sources) {
        String v = opts.get("--overlays");
        return v != null ? Path.of(v) : sources.toAbsolutePath().getParent().resolve("overlays");
    }

    private static int importTables(Map<String, String> opts, PrintStream out, PrintStream err) {
        Path sources = required(opts, "--from");
        String proposed = opts.get("--proposed-overlays");
        Path doseFacts = opts.containsKey("--dose-facts") ? Path.of(opts.get("--dose-facts"))
                : sources.toAbsolutePath().getParent().resolve("src/main/resources/no/pgx/knowledge/"
                        + DoseFactsCheck.TABLE);
        KnowledgeImport.Result r = KnowledgeImport.run(new KnowledgeImport.Request(sources, overlays(opts, sources),
                required(opts, "--out"), proposed == null ? null : Path.of(proposed),
                java.nio.file.Files.isRegularFile(doseFacts) ? doseFacts : null));
        r.written().forEach(p -> out.println("wrote " + p));
        if (r.review().isEmpty()) {
            out.println("no rows need review");
            return 0;
        }
        err.println(r.review().size() + " rows need review:");
        r.review().forEach(i -> err.println("  " + i));
        return 2;
    }

    private static int extract(Map<String, String> opts, PrintStream out, PrintStream err) {
        Path sources = required(opts, "--from");
        List<String> problems = OverlayExtractor.run(new OverlayExtractor.Request(sources, required(opts, "--knowledge"),
                overlays(opts, sources), opts.getOrDefault("--reviewer", "PGX"),
                opts.getOrDefault("--date", LocalDate.now().toString()), opts.containsKey("--headers")));
        out.println("overlays written to " + overlays(opts, sources));
        if (problems.isEmpty()) {
            return 0;
        }
        err.println(problems.size() + " shipped rows cannot be reproduced by the import:");
        problems.forEach(p -> err.println("  " + p));
        return 2;
    }

    private static int pin(Map<String, String> opts, PrintStream out) {
        Path sources = required(opts, "--from");
        int n = SourcePinner.pin(new SourcePinner.Request(sources, text(opts, "--folder"), text(opts, "--set"),
                text(opts, "--publisher"), text(opts, "--repository"), text(opts, "--commit"), text(opts, "--date"),
                text(opts, "--upstream-path"), text(opts, "--licence")));
        out.println("pinned " + n + " files as set " + opts.get("--set") + " in " + sources.resolve(SourceManifest.FILE));
        return 0;
    }

    private static String text(Map<String, String> opts, String name) {
        return required(opts, name).toString();
    }

    private static int verify(Map<String, String> opts, PrintStream out, PrintStream err) {
        SourceManifest m = SourceManifest.read(required(opts, "--from"));
        List<String> problems = m.verify();
        if (problems.isEmpty()) {
            out.println(m.entries().size() + " pinned files match " + SourceManifest.FILE);
            return 0;
        }
        problems.forEach(err::println);
        return 1;
    }

    private static int diff(List<String> positional, Map<String, String> opts, PrintStream out, PrintStream err) {
        if (positional.size() != 2) {
            err.println("diff needs OLD and NEW\n" + usage());
            return 1;
        }
        KnowledgeDiff.Report report = KnowledgeDiff.compare(Path.of(positional.get(0)), Path.of(positional.get(1)));
        String markdown = DiffWriter.markdown(report);
        if (opts.containsKey("--markdown")) {
            KnowledgeImport.write(Path.of(opts.get("--markdown")), markdown);
        }
        if (opts.containsKey("--csv")) {
            KnowledgeImport.write(Path.of(opts.get("--csv")), DiffWriter.csv(report));
        }
        if (!opts.containsKey("--markdown")) {
            out.print(markdown);
        }
        return 0;
    }
}
