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
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxException;
import no.pgx.engine.Provenance;

/**
 * {@code pgx-cli phenotype}: CPIC phenotype calling.
 *
 * <ul>
 *   <li>Batch: {@code phenotype --input FILE.csv|-} ({@link PhenotypeBatch}) or {@code phenotype --fhir BUNDLE.json}
 *   ({@link PhenotypeFhir}) write CSV with header {@code gene,diplotype,phenotype,activity_score,lookup_key,status,
 *   message}. Exit code 0 when every row is OK or INDETERMINATE, 1 when any row is ERROR, 2 for unusable input.</li>
 *   <li>One result for people: {@code phenotype CYP2D6 '*1/*4'} (or {@code --phenotype}, {@code --activity-score},
 *   {@code --allele-status}, {@code --tested}) prints the phenotype with its Norwegian label, activity score, lookup
 *   key, state and warnings ({@link PhenotypeReport}). Exit code 0, or 1 when the input cannot be interpreted.</li>
 * </ul>
 * Usage errors exit with 2.
 */
@Command(name = "phenotype", description = "CPIC phenotype, activity score and lookup key.", sortOptions = false,
        customSynopsis = {
            "pgx-cli phenotype --input FILE.csv|-",
            "       pgx-cli phenotype --fhir BUNDLE.json",
            "       pgx-cli phenotype GENE [DIPLOTYPE] [--phenotype P] [--activity-score S]",
            "                         [--allele-status S] [--tested V1,V2]"})
public final class PhenotypeCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "GENE DIPLOTYPE", description = "Gene and diplotype, e.g. CYP2D6 '*1/*4'.")
    List<String> words = new ArrayList<>();

    @Option(names = "--input", paramLabel = "FILE.csv|-", description = "CSV with header gene,diplotype; - reads"
            + " standard input.")
    String input;

    @Option(names = "--fhir", paramLabel = "BUNDLE.json", description = "Call the results of a FHIR Bundle.")
    String fhir;

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
        if (fhir != null) {
            if (!words.isEmpty() || singleOptions || input != null) {
                throw new UsageException("--fhir reads the results from the Bundle; give no other arguments");
            }
            return new PhenotypeFhir(context).run(fhir);
        }
        if (input != null) {
            if (!words.isEmpty() || singleOptions) {
                throw new UsageException("--input reads genes and diplotypes from the file; give no other arguments");
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
