package no.pgx.cli.phenotype;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.pgx.cli.CliContext;
import no.pgx.cli.UsageException;
import no.pgx.cli.input.InputFiles;
import no.pgx.cli.input.InputText;
import no.pgx.cli.results.FhirOut;
import no.pgx.cli.results.ResultFile;
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxException;
import no.pgx.engine.Provenance;

/**
 * {@code pgx-cli phenotype}: CPIC phenotype calling.
 *
 * <ul>
 *   <li>Batch: {@code phenotype --input FILE.csv|-} ({@link PhenotypeBatch}), {@code phenotype --fhir BUNDLE.json} or
 *   {@code phenotype --pharmcat FILE} ({@link PhenotypeFile}) write CSV with header {@code gene,diplotype,phenotype,
 *   activity_score,lookup_key,status,message}. Exit code 0 when every row is OK or INDETERMINATE, 1 when any row is
 *   ERROR, 2 for unusable input (for a file of results: also when no result could be read from it).</li>
 *   <li>One result for people: {@code phenotype CYP2D6 '*1/*4'} (or {@code --phenotype}, {@code --activity-score},
 *   {@code --allele-status}, {@code --tested}) prints the phenotype with its Norwegian label, activity score, lookup
 *   key, state and warnings ({@link PhenotypeReport}). Exit code 0, or 1 when the input cannot be interpreted.</li>
 * </ul>
 * {@code --fhir-out FILE} writes the called results of a file or of one result as an HL7 Genomics Reporting Bundle.
 * Usage errors exit with 2.
 */
@Command(name = "phenotype", description = "CPIC phenotype, activity score and lookup key.", sortOptions = false,
        customSynopsis = {
            "pgx-cli phenotype --input FILE.csv|-",
            "       pgx-cli phenotype (--fhir BUNDLE.json [--subject REF] | --pharmcat FILE)",
            "                         [--fhir-out FILE]",
            "       pgx-cli phenotype GENE [DIPLOTYPE] [--phenotype P] [--activity-score S]",
            "                         [--allele-status S] [--tested V1,V2] [--fhir-out FILE]"})
public final class PhenotypeCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "GENE DIPLOTYPE", description = "Gene and diplotype, e.g. CYP2D6 '*1/*4'.")
    List<String> words = new ArrayList<>();

    @Option(names = "--input", paramLabel = "FILE.csv|-", description = "CSV with header gene,diplotype; - reads"
            + " standard input.")
    String input;

    @Option(names = "--fhir", paramLabel = "BUNDLE.json", description = "Call the results of a FHIR Bundle"
            + " (Genomics Reporting); what is not read is listed on standard error.")
    String fhir;

    @Option(names = "--pharmcat", paramLabel = "FILE", description = "Call the results of a PharmCAT output"
            + " (*.phenotype.json, *.report.json or outside-call TSV).")
    String pharmcat;

    @Option(names = "--subject", paramLabel = "REF", description = "The patient (Patient/123): whose results to read"
            + " from a FHIR document with several, and the subject written by --fhir-out.")
    String subject;

    @Option(names = "--fhir-out", paramLabel = "FILE", description = "Also write the results as a FHIR Genomics"
            + " Reporting Bundle.")
    String fhirOut;

    @Option(names = "--phenotype", paramLabel = "P", description = "A phenotype instead of a diplotype.")
    String phenotype;

    @Option(names = "--activity-score", paramLabel = "S", description = "An activity score.")
    String activityScore;

    @Option(names = "--allele-status", paramLabel = "S", description = "An allele status, e.g. '*57:01 positive'.")
    String alleleStatus;

    @Option(names = "--tested", paramLabel = "V1,V2", description = "The variants the test covered.")
    String tested;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final CliContext context;

    private PhenotypeCommand(CliContext context) {
        this.context = context;
    }

    /**
     * @return the command, parsed so that a value starting with {@code -} (VKORC1 {@code -1639 GA}) is a word, as
     *         before picocli; an unknown {@code --option} is refused in {@link #call()}
     */
    public static CommandLine commandLine(CliContext context) {
        return new CommandLine(new PhenotypeCommand(context)).setUnmatchedOptionsArePositionalParams(true);
    }

    @Override
    public Integer call() {
        words.stream().filter(w -> w.startsWith("--") && w.length() > 2).findFirst().ifPresent(w -> {
            throw new UsageException("unknown option '" + w + "'");
        });
        boolean singleOptions = phenotype != null || activityScore != null || alleleStatus != null || tested != null;
        for (String[] v : new String[][] {{"--fhir", fhir}, {"--pharmcat", pharmcat}, {"--subject", subject},
            {"--fhir-out", fhirOut}}) {
            if (v[1] != null && v[1].isBlank()) {
                throw new UsageException(v[0] + " needs a value");
            }
        }
        if (fhir != null && pharmcat != null) {
            throw new UsageException("give either --fhir or --pharmcat, not both");
        }
        if (fhir != null || pharmcat != null) {
            String option = fhir != null ? "--fhir" : "--pharmcat";
            if (!words.isEmpty() || singleOptions || input != null) {
                throw new UsageException(option + " reads the results from the file; give no other arguments");
            }
            PhenotypeFile.Reader reader = fhir != null ? () -> ResultFile.fhir(fhir, subject)
                    : () -> ResultFile.pharmcat(pharmcat);
            return new PhenotypeFile(context).run(reader, fhirOut, subject);
        }
        if (input != null) {
            if (!words.isEmpty() || singleOptions) {
                throw new UsageException("--input reads genes and diplotypes from the file; give no other arguments");
            }
            if (fhirOut != null) {
                throw new UsageException("--fhir-out writes one patient's results: use it with --fhir, --pharmcat or"
                        + " one result, not with a --input batch");
            }
            return batch();
        }
        if (words.isEmpty() || words.size() > 2) {
            throw new UsageException("give --input FILE.csv, or a gene and a diplotype");
        }
        if (words.size() == 1 && phenotype == null && activityScore == null && alleleStatus == null) {
            throw new UsageException("give a diplotype, or --phenotype, --activity-score or --allele-status, for "
                    + words.get(0));
        }
        return single();
    }

    private int batch() {
        InputStream in;
        try {
            in = InputFiles.open(input, context.in());
        } catch (InputFiles.UnreadableInputException e) {
            context.err().println(e.getMessage());
            return 2;
        }
        try {
            return new PhenotypeBatch(context, input).run(in);
        } finally {
            InputFiles.closeQuietly(in);
        }
    }

    private int single() {
        Provenance provenance = tested == null ? Provenance.UNKNOWN : new Provenance(null, null, null,
                Arrays.stream(tested.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        GeneInput input = new GeneInput(words.get(0), words.size() > 1 ? words.get(1) : null, phenotype,
                activityScore, alleleStatus, provenance);
        String problem = controlCharacters(input);
        if (problem != null) {
            context.err().println("error: " + problem);
            return 1;
        }
        GeneResult r;
        try {
            r = context.engine().call(input);
        } catch (PgxException e) {
            context.err().println("error: " + e.getMessage());
            return 1;
        }
        PhenotypeReport.print(r, context.out());
        if (fhirOut != null) {
            int n = FhirOut.write(fhirOut, List.of(r), List.of(), subject);
            context.err().println("wrote " + fhirOut + ": FHIR Genomics Reporting Bundle, " + n + " entries");
        }
        return 0;
    }

    private static String controlCharacters(GeneInput in) {
        String[][] values = {{"gene", in.gene()}, {"diplotype", in.diplotype()}, {"phenotype", in.phenotype()},
            {"activity score", in.activityScore()}, {"allele status", in.alleleStatus()}};
        for (String[] v : values) {
            String problem = InputText.controlCharacterProblem(v[0], v[1]);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
