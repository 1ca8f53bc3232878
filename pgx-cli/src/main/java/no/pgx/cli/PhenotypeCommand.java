package no.pgx.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.PgxException;
import no.pgx.engine.Problem;
import no.pgx.engine.Provenance;
import no.pgx.engine.ResultState;
import no.pgx.engine.fhir.FhirResults;
import no.pgx.knowledge.CsvTable;
import no.pgx.terminology.genetics.NotationException;
import no.pgx.terminology.genetics.PhenotypeVocabulary;

/**
 * {@code pgx-cli phenotype}: CPIC phenotype calling from the command line.
 *
 * <ul>
 *   <li>Batch: {@code phenotype --input FILE.csv} (or {@code --input -} for standard input) reads CSV with header
 *   {@code gene,diplotype} (optional extra columns {@code phenotype}, {@code activity_score}, {@code allele_status})
 *   and writes CSV with header {@code gene,diplotype,phenotype,activity_score,lookup_key,status,message}; gene and
 *   diplotype are echoed as written; {@code status} is {@code OK}, {@code INDETERMINATE} or {@code ERROR}; one bad row
 *   never stops the batch. Exit code 0 when every row is OK or INDETERMINATE, 1 when any row is ERROR.</li>
 *   <li>One result for people: {@code phenotype CYP2D6 '*1/*4'} (or {@code phenotype CYP2C19 --phenotype PM},
 *   {@code --activity-score 1.5}, {@code --allele-status '*57:01 positive'}, {@code --tested '*2,*3'}) prints the
 *   phenotype with its Norwegian label, activity score, lookup key, state and warnings. Exit code 0, or 1 when the
 *   input cannot be interpreted.</li>
 * </ul>
 * Usage errors exit with 2.
 */
final class PhenotypeCommand implements Command {
    static final List<String> OUTPUT_HEADER = List.of("gene", "diplotype", "phenotype", "activity_score", "lookup_key",
            "status", "message");

    private final Supplier<PgxEngine> engineFactory;

    PhenotypeCommand() {
        this(() -> PgxEngine.builder().build());
    }

    PhenotypeCommand(Supplier<PgxEngine> engineFactory) {
        this.engineFactory = engineFactory;
    }

    @Override
    public String name() {
        return "phenotype";
    }

    @Override
    public String usage() {
        return "phenotype --input FILE.csv|-  |  phenotype --fhir BUNDLE.json  |  phenotype GENE DIPLOTYPE [--phenotype P] [--activity-score S] "
                + "[--allele-status S] [--tested V1,V2]   CPIC phenotype, activity score and lookup key";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && arg.length() > 2) {
                if (!List.of("--input", "--fhir", "--phenotype", "--activity-score", "--allele-status", "--tested")
                        .contains(arg)) {
                    throw new UsageException("unknown option '" + arg + "'");
                }
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                options.put(arg, args.get(++i));
            } else {
                words.add(arg);
            }
        }
        String fhir = options.remove("--fhir");
        if (fhir != null) {
            if (!words.isEmpty() || !options.isEmpty()) {
                throw new UsageException("--fhir reads the results from the Bundle; give no other arguments");
            }
            return fhir(fhir, out, err);
        }
        String input = options.remove("--input");
        if (input != null) {
            if (!words.isEmpty() || !options.isEmpty()) {
                throw new UsageException("--input reads genes and diplotypes from the file; give no other arguments");
            }
            return batch(input, in, out, err);
        }
        if (words.isEmpty() || words.size() > 2) {
            throw new UsageException("give --input FILE.csv, or a gene and a diplotype");
        }
        if (words.size() == 1 && options.keySet().stream().noneMatch(o -> !o.equals("--tested"))) {
            throw new UsageException("give a diplotype, or --phenotype, --activity-score or --allele-status, for "
                    + words.get(0));
        }
        return single(words, options, out, err);
    }

    /** Calls every gene result found in a FHIR Bundle (or single Observation) and writes the batch CSV. */
    private int fhir(String path, PrintStream out, PrintStream err) {
        String json;
        try {
            json = Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println("Cannot read " + path + ": " + e.getMessage());
            return 2;
        }
        FhirResults results = FhirResults.fromJson(json);
        PgxEngine engine = engineFactory.get();
        int errors = 0;
        StringBuilder csv = new StringBuilder(CsvTable.formatRecord(OUTPUT_HEADER)).append('\n');
        for (GeneInput input : results.results()) {
            String shown = input.diplotype() != null ? input.diplotype()
                    : input.phenotype() != null ? input.phenotype()
                    : input.activityScore() != null ? input.activityScore() : input.alleleStatus();
            List<String> row;
            try {
                GeneResult r = engine.call(input);
                String status = r.state() == ResultState.INDETERMINATE ? "INDETERMINATE" : "OK";
                row = List.of(input.gene(), nz(shown), nz(r.phenotype()), nz(r.activityScore()), nz(r.lookupKey()),
                        status, String.join("; ", r.warnings()));
            } catch (PgxException e) {
                errors++;
                row = List.of(input.gene(), nz(shown), "", "", "", "ERROR", e.getMessage());
            }
            csv.append(CsvTable.formatRecord(row)).append('\n');
        }
        for (Problem p : results.problems()) {
            errors++;
            csv.append(CsvTable.formatRecord(List.of(nz(p.gene()), "", "", "", "", "ERROR", p.message()))).append('\n');
        }
        out.print(csv);
        out.flush();
        return errors == 0 ? 0 : 1;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private int single(List<String> words, Map<String, String> options, PrintStream out, PrintStream err) {
        String tested = options.get("--tested");
        Provenance provenance = tested == null ? Provenance.UNKNOWN : new Provenance(null, null, null,
                Arrays.stream(tested.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        GeneInput input = new GeneInput(words.get(0), words.size() > 1 ? words.get(1) : null, options.get("--phenotype"),
                options.get("--activity-score"), options.get("--allele-status"), provenance);
        GeneResult r;
        try {
            r = engineFactory.get().call(input);
        } catch (PgxException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        line(out, "gene", r.gene());
        if (r.diplotype() != null) {
            line(out, "diplotype", r.diplotype() + (r.diplotype().equals(r.diplotypeAsWritten()) ? ""
                    : "   (as written: " + r.diplotypeAsWritten() + ")"));
        }
        line(out, "phenotype", r.phenotype());
        line(out, "norsk", norwegian(r.phenotype()));
        if (r.activityScore() != null) {
            line(out, "activity score", r.activityScore());
        }
        line(out, "lookup key", r.lookupKey());
        line(out, "state", r.state().name());
        if (r.warnings().isEmpty()) {
            line(out, "warnings", "none");
        }
        r.warnings().forEach(w -> line(out, "warning", w));
        return 0;
    }

    private static String norwegian(String term) {
        try {
            return PhenotypeVocabulary.loadDefault().displayLabel(term);
        } catch (NotationException e) {
            return term;
        }
    }

    private static void line(PrintStream out, String label, String value) {
        out.println(String.format(Locale.ROOT, "%-16s %s", label + ":", value));
    }

    private int batch(String input, InputStream in, PrintStream out, PrintStream err) {
        String name = input.equals("-") ? "<stdin>" : input;
        Reader reader;
        try {
            reader = input.equals("-") ? new InputStreamReader(in, StandardCharsets.UTF_8)
                    : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println("Cannot read " + name + ": " + e.getMessage());
            return 2;
        }
        try (Reader r = input.equals("-") ? null : reader) {
            return new Batch(name, engineFactory).run(CsvTable.records(name, reader), out, err);
        } catch (IOException e) {
            err.println("Cannot read " + name + ": " + e.getMessage());
            return 2;
        }
    }

    /** One batch run: reads records, calls each row, writes the result CSV. */
    private static final class Batch {
        private final String name;
        private final Supplier<PgxEngine> engineFactory;
        private Map<String, Integer> columns;
        private int errors;

        Batch(String name, Supplier<PgxEngine> engineFactory) {
            this.name = name;
            this.engineFactory = engineFactory;
        }

        int run(CsvTable.RecordReader records, PrintStream out, PrintStream err) {
            CsvTable.Record header;
            try {
                header = records.next();
            } catch (CsvTable.MalformedCsvException e) {
                err.println(e.getMessage());
                return 2;
            }
            if (header == null || !readHeader(header)) {
                err.println(name + ": the first line must be the header gene,diplotype");
                return 2;
            }
            PgxEngine engine = engineFactory.get();
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            try {
                write(w, OUTPUT_HEADER);
                while (true) {
                    CsvTable.Record record;
                    try {
                        record = records.next();
                    } catch (CsvTable.MalformedCsvException | UncheckedIOException e) {
                        // The rest of the input cannot be read (unclosed quote, bad encoding): report it as a row.
                        write(w, error("", "", e.getMessage()));
                        break;
                    }
                    if (record == null) {
                        break;
                    }
                    write(w, row(engine, record));
                }
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return errors == 0 ? 0 : 1;
        }

        private boolean readHeader(CsvTable.Record header) {
            columns = new HashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                columns.putIfAbsent(header.fields().get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            return columns.containsKey("gene") && columns.containsKey("diplotype");
        }

        private List<String> row(PgxEngine engine, CsvTable.Record record) {
            List<String> f = record.fields();
            String gene = field(f, "gene");
            String diplotype = field(f, "diplotype");
            if (f.size() != columns.size() && !(f.size() > columns.size() && tailIsEmpty(f))) {
                return error(gene, diplotype, "line " + record.line() + ": " + f.size() + " fields, the header has "
                        + columns.size() + " (quote values that contain commas)");
            }
            try {
                GeneResult r = engine.call(new GeneInput(gene == null ? "" : gene, diplotype, field(f, "phenotype"),
                        field(f, "activity_score"), field(f, "allele_status"), Provenance.UNKNOWN));
                String status = r.state() == ResultState.INDETERMINATE ? "INDETERMINATE" : "OK";
                return List.of(text(gene), text(diplotype), text(r.phenotype()), text(r.activityScore()),
                        text(r.lookupKey()), status, String.join("; ", r.warnings()));
            } catch (PgxException e) {
                return error(gene, diplotype, e.getMessage());
            } catch (RuntimeException e) {
                return error(gene, diplotype, "line " + record.line() + ": unexpected error: " + e);
            }
        }

        private boolean tailIsEmpty(List<String> f) {
            return f.subList(columns.size(), f.size()).stream().allMatch(String::isBlank);
        }

        private String field(List<String> fields, String column) {
            Integer i = columns.get(column);
            if (i == null || i >= fields.size()) {
                return null;
            }
            String v = fields.get(i);
            return column.equals("gene") || column.equals("diplotype") ? v : (v.isBlank() ? null : v);
        }

        private List<String> error(String gene, String diplotype, String message) {
            errors++;
            return List.of(text(gene), text(diplotype), "", "", "", "ERROR", message);
        }

        private static String text(String s) {
            return s == null ? "" : s;
        }

        private static void write(Writer w, List<String> fields) throws IOException {
            w.write(CsvTable.formatRecord(fields));
            w.write('\n');
        }
    }
}
