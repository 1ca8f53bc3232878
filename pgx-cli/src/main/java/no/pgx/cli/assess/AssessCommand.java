package no.pgx.cli.assess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.pgx.cli.CliContext;
import no.pgx.cli.UsageException;
import no.pgx.cli.input.InputText;

/**
 * {@code pgx-cli assess}: drug advice (CPIC, DPWG) for gene results.
 *
 * <p>Batch ({@link AssessBatch}): {@code assess --input FILE.jsonl|- [--include-normal] [--detail] [--threads N]},
 * one JSON case per line in ({@link CaseReader}), one JSON line per case out ({@link CaseJson}). For people
 * ({@link SingleAssessment}): {@code assess --result GENE=VALUE … | --fhir BUNDLE.json --drug NAME … [--medication
 * NAME …] [--population P] [--age N] [--include-normal] [--lang nb|en] [--format table|json]}.
 *
 * <p>Exit code: 0 all cases assessed without errors, 1 some input had errors, 2 usage error or unreadable input.
 */
@Command(name = "assess", description = "Drug advice (CPIC, DPWG) for gene results.", sortOptions = false,
        customSynopsis = {
            "pgx-cli assess --input FILE.jsonl|- [--include-normal] [--detail]",
            "                      [--threads N]",
            "       pgx-cli assess (--result GENE=VALUE | --fhir BUNDLE.json) --drug NAME",
            "                      [--medication NAME[@YYYY-MM-DD]] [--population P] [--age N]",
            "                      [--indication ID] [--route R] [--condition ID] [--weight KG]",
            "                      [--ancestry GROUP] [--order-date YYYY-MM-DD] [--detail]",
            "                      [--source S] [--include-normal] [--lang nb|en]",
            "                      [--format table|json]"})
public final class AssessCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE.jsonl|-", description = "One JSON case per line; - reads standard"
            + " input.")
    String input;

    @Option(names = "--threads", paramLabel = "N", description = "Batch worker threads, 1 to 256 (default: cores).")
    Integer threads;

    @Option(names = "--detail", description = "Add the Markdown detail: batch, of each finding and piece of advice;"
            + " table, under each drug.")
    boolean detail;

    @Option(names = "--include-normal", description = "Also list findings for normal results and NO_RECOMMENDATION.")
    boolean includeNormal;

    @Option(names = "--result", paramLabel = "GENE=VALUE", description = "A gene result, e.g. CYP2C19='*2/*2'.")
    List<String> results = new ArrayList<>();

    @Option(names = "--fhir", paramLabel = "BUNDLE.json", description = "Take the results from a FHIR Bundle.")
    String fhir;

    @Option(names = "--drug", paramLabel = "NAME", description = "A drug: name, Norwegian name, ATC or RxNorm code.")
    List<String> drugs = new ArrayList<>();

    @Option(names = "--medication", paramLabel = "NAME[@YYYY-MM-DD]", description = "A drug the patient takes, with"
            + " the date it was started when known.")
    List<String> medications = new ArrayList<>();

    @Option(names = "--source", paramLabel = "S", description = "Only this source (CPIC, DPWG).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--population", paramLabel = "P", description = "The patient group, e.g. cvi-acs-pci.")
    String population;

    @Option(names = "--age", paramLabel = "N", description = "Age in whole years.")
    Integer age;

    @Option(names = "--format", paramLabel = "table|json", description = "Output for people or JSON (default table).")
    String format = "table";

    @Option(names = "--lang", paramLabel = "nb|en", description = "Language of the table (default nb).")
    String lang = "nb";

    @Mixin
    OrderContextOptions orderContext = new OrderContextOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final CliContext context;
    private final CaseJson mapper = new CaseJson();

    /** @param context streams and the engine */
    public AssessCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        validate();
        Map<String, String> byGene = results();
        if (input != null) {
            if (!byGene.isEmpty() || !drugs.isEmpty() || fhir != null || orderContext.given()) {
                throw new UsageException("use either --input or --result/--fhir/--drug, not both");
            }
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            return new AssessBatch(context, mapper).run(input, n, includeNormal, detail);
        }
        if (byGene.isEmpty() && drugs.isEmpty() && fhir == null) {
            throw new UsageException("give --input FILE.jsonl, or --result GENE=VALUE (or --fhir BUNDLE.json) and"
                    + " --drug NAME");
        }
        return new SingleAssessment(context, mapper).run(new SingleAssessment.Request(byGene, fhir, drugs,
                medications, sources, population, age, includeNormal), orderContext, format, lang, detail);
    }

    private void validate() {
        for (String[] v : new String[][] {{"--input", input}, {"--fhir", fhir}, {"--population", population}}) {
            if (v[1] != null) {
                requireValue(v[0], v[1]);
            }
        }
        orderContext.validate();
        results.forEach(v -> requireValue("--result", v));
        drugs.forEach(v -> requireValue("--drug", v));
        medications.forEach(v -> requireValue("--medication", v));
        sources.forEach(v -> requireValue("--source", v));
        if (threads != null && (threads < 1 || threads > 256)) {
            throw new UsageException("--threads needs a whole number from 1 to 256, not '" + threads + "'");
        }
        if (!format.equals("table") && !format.equals("json")) {
            throw new UsageException("--format is table or json, not '" + format + "'");
        }
        if (!lang.equals("nb") && !lang.equals("en")) {
            throw new UsageException("--lang is nb or en, not '" + lang + "'");
        }
    }

    private static void requireValue(String option, String value) {
        if (value.isBlank()) {
            throw new UsageException(option + " needs a value");
        }
    }

    /** @return the {@code --result} values by gene, in the order given; a gene given twice keeps its last value */
    private Map<String, String> results() {
        Map<String, String> byGene = new LinkedHashMap<>();
        for (String r : results) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw new UsageException("--result needs GENE=VALUE, e.g. CYP2C19='*2/*2', not '" + r + "'");
            }
            String problem = InputText.controlCharacterProblem("--result " + InputText.visible(r), r);
            if (problem != null) {
                throw new UsageException(problem);
            }
            byGene.put(r.substring(0, eq).trim(), r.substring(eq + 1).trim());
        }
        return byGene;
    }
}
