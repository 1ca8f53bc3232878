package no.pgx.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import no.pgx.terminology.drug.Coding;
import no.pgx.terminology.drug.DrugCatalog;
import no.pgx.terminology.drug.DrugConcept;
import no.pgx.terminology.drug.DrugMatch;

/**
 * {@code pgx-cli drug NAME|CODE [--system URI]}: shows how a drug name or code resolves in the PGx drug catalog
 * (ingredients with Norwegian name, ATC and RxNorm codes, how it matched). Exit code 0 when at least one ingredient
 * was identified, 1 when the input is unresolved or only possibly contains catalog drugs, 2 for a usage error.
 */
final class DrugCommand implements Command {

    private final DrugCatalog catalog;

    DrugCommand() {
        this(DrugCatalog.loadDefault());
    }

    DrugCommand(DrugCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "drug";
    }

    @Override
    public String usage() {
        return "drug NAME|CODE [--system URI]   how a drug name, ATC, RxNorm or SNOMED CT code resolves";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String system = null;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--system")) {
                if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                    throw new UsageException("--system needs a code system URI, e.g. " + Coding.ATC);
                }
                system = args.get(++i);
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option '" + arg + "'");
            } else {
                words.add(arg);
            }
        }
        if (words.isEmpty()) {
            throw new UsageException("give a drug name or code");
        }
        String input = String.join(" ", words);
        DrugMatch match = system == null ? catalog.resolve(input)
                : catalog.resolve(List.of(Coding.of(system, input)), null);
        print(match, out);
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
                + " | roles: " + String.join(" ", c.roles().stream().map(r -> r.name().toLowerCase()).sorted().toList());
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
