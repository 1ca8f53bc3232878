package no.pgx.cli.assess;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Option;

import no.pgx.cli.UsageException;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.DrugOrder;

/**
 * The request context of {@code assess --result … --drug …} for people (the batch reads the same facts from each case,
 * see {@link CaseReader}): what the order is for and how it is given, the patient's conditions, weight and ancestry,
 * the order date, and start dates of current medication ({@code --medication karbamazepin@2025-01-10}). A picocli
 * mixin of {@link AssessCommand}, so the command's own options stay as they are.
 */
final class OrderContextOptions {
    /** {@code NAME@YYYY-MM-DD}: a medication with the date the patient started it. */
    private static final Pattern STARTED = Pattern.compile("(.+)@(\\d{4}-\\d{2}-\\d{2})");

    @Option(names = "--indication", paramLabel = "ID|CODE", description = "What the ordered drugs are for: a"
            + " condition id (acs, stroke-tia, depression …) or an ICD-10/ICPC-2/SNOMED CT code.")
    String indication;

    @Option(names = "--route", paramLabel = "ROUTE", description = "Route of the ordered drugs (oral, iv, topical …).")
    String route;

    @Option(names = "--condition", paramLabel = "ID|CODE", description = "A condition of the patient (repeat for"
            + " more; --condition none: known to have none).")
    List<String> conditions = new ArrayList<>();

    @Option(names = "--weight", paramLabel = "KG", description = "Body weight in kg.")
    Double weightKg;

    @Option(names = "--ancestry", paramLabel = "GROUP", description = "Ancestry group, e.g. han-chinese, thai.")
    List<String> ancestry = new ArrayList<>();

    @Option(names = "--order-date", paramLabel = "YYYY-MM-DD", description = "Date of the order (default today).")
    String orderDate;

    /** @return true when any of these options was given */
    boolean given() {
        return indication != null || route != null || !conditions.isEmpty() || weightKg != null || !ancestry.isEmpty()
                || orderDate != null;
    }

    /** Checks the values; @throws UsageException naming the option */
    void validate() {
        for (String[] v : new String[][] {{"--indication", indication}, {"--route", route},
            {"--order-date", orderDate}}) {
            if (v[1] != null && v[1].isBlank()) {
                throw new UsageException(v[0] + " needs a value");
            }
        }
        conditions.forEach(c -> requireValue("--condition", c));
        ancestry.forEach(a -> requireValue("--ancestry", a));
        if (orderDate != null) {
            date("--order-date", orderDate);
        }
    }

    /** Adds the orders (each drug with the indication and route given), the medications and the context. */
    void apply(AssessmentRequest.Builder b, List<String> drugs, List<String> medications) {
        drugs.forEach(d -> b.order(DrugOrder.of(d).withIndication(indication).withRoute(route)));
        for (String m : medications) {
            Matcher started = STARTED.matcher(m.trim());
            if (started.matches()) {
                b.medication(started.group(1).trim(), date("--medication " + m, started.group(2)));
            } else {
                b.medication(m);
            }
        }
        if (conditions.size() == 1 && conditions.get(0).equalsIgnoreCase("none")) {
            b.conditions(List.of());
        } else if (!conditions.isEmpty()) {
            b.conditions(conditions);
        }
        b.weightKg(weightKg);
        ancestry.forEach(b::ancestry);
        if (orderDate != null) {
            b.orderDate(date("--order-date", orderDate));
        }
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " needs a date written YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static void requireValue(String option, String value) {
        if (value.isBlank()) {
            throw new UsageException(option + " needs a value");
        }
    }
}
