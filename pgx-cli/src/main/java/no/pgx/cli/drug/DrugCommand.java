package no.pgx.cli.drug;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.pgx.cli.CliContext;
import no.pgx.cli.UsageException;
import no.pgx.terminology.drug.Coding;
import no.pgx.terminology.drug.DrugConcept;
import no.pgx.terminology.drug.DrugMatch;

/**
 * {@code pgx-cli drug NAME|CODE [--system URI]}: shows how a drug name or code resolves in the PGx drug catalog
 * (ingredients with Norwegian name, ATC and RxNorm codes, how it matched). Exit code 0 when at least one ingredient
 * was identified, 1 when the input is unresolved or only possibly contains catalog drugs, 2 for a usage error.
 */
@Command(name = "drug", description = "How a drug name, ATC, RxNorm or SNOMED CT code resolves.",
        customSynopsis = "pgx-cli drug NAME|CODE [--system URI]")
public final class DrugCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "NAME|CODE", description = "The name or code; several words are one name.")
    List<String> words = new ArrayList<>();

    @Option(names = "--system", paramLabel = "URI", description = "The code system of CODE, e.g. " + Coding.ATC + ".")
    String system;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final CliContext context;

    private DrugCommand(CliContext context) {
        this.context = context;
    }

    /** @return the command, parsed so that a word starting with a single {@code -} is part of the name */
    public static CommandLine commandLine(CliContext context) {
        return new CommandLine(new DrugCommand(context)).setUnmatchedOptionsArePositionalParams(true);
    }

    @Override
    public Integer call() {
        words.stream().filter(w -> w.startsWith("--")).findFirst().ifPresent(w -> {
            throw new UsageException("unknown option '" + w + "'");
        });
        if (system != null && system.isBlank()) {
            throw new UsageException("--system needs a code system URI, e.g. " + Coding.ATC);
        }
        if (words.isEmpty()) {
            throw new UsageException("give a drug name or code");
        }
        String input = String.join(" ", words);
        DrugMatch match = system == null ? context.catalog().resolve(input)
                : context.catalog().resolve(List.of(Coding.of(system, input)), null);
        print(match, context.out());
        return match.isResolved() ? 0 : 1;
    }

    private static void print(DrugMatch match, PrintStream out) {
        out.println("input: " + match.query());
        out.println("match: " + match.kind()
                + (match.code().isEmpty() ? "" : " " + match.code())
                + (match.system().isEmpty() ? "" : " (" + match.system() + ")"));
        match.ingredients().forEach(c -> out.println("ingredient: " + describe(c)));
        match.possibleIngredients().forEach(c -> out.println("possible ingredient: " + describe(c)));
        if (match.isResolved() || match.isAmbiguous()) {
            out.println("topical: " + (match.topical() ? "yes" : "no"));
        }
        if (!match.message().isEmpty()) {
            out.println("note: " + match.message());
        }
    }

    private static String describe(DrugConcept c) {
        return c.id()
                + " | nb: " + orDash(c.nameNb())
                + " | ATC: " + orDash(String.join(" ", c.atcCodes()))
                + (c.localAtcCodes().isEmpty() ? "" : " | local-form ATC: " + String.join(" ", c.localAtcCodes()))
                + " | RxNorm: " + orDash(c.rxnormIngredient())
                + (c.snomed().isEmpty() ? "" : " | SNOMED CT: " + c.snomed())
                + " | roles: " + String.join(" ", c.roles().stream()
                        .map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList());
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
