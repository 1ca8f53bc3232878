package no.pgx.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import no.pgx.cli.CliContext;
import no.pgx.cli.UsageException;
import no.pgx.cli.input.InputFiles;
import no.pgx.cli.results.ResultFile;
import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.GeneInput;
import no.pgx.engine.Problem;
import no.pgx.report.PatientReport;

/**
 * {@code pgx-cli report}: the printable patient report ({@link PatientReport}) from one patient's results, as HTML for A4
 * or PDF. The results come from a CSV ({@link ResultTable}), a PharmCAT output or a FHIR document; every drug of the
 * knowledge base is assessed, so the report lists every drug a result affects. What was not read is listed in the
 * report and on standard error.
 *
 * <p>Exit code: 0 written; 1 written, but some input could not be used (listed in the report); 2 usage error, unreadable
 * input, or no result could be read (then no report is written: it would look like a patient without findings).
 */
@Command(name = "report", description = "Printable patient report (HTML for A4 or PDF), Bokmål or English.",
        sortOptions = false, customSynopsis = {
            "pgx-cli report (--input FILE.csv|- | --pharmcat FILE | --fhir BUNDLE.json [--subject REF])",
            "                      --out FILE|- [--format html|pdf] [--lang nb|en] [--patient NAME]",
            "                      [--date YYYY-MM-DD]"})
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE.csv|-", description = "The results as CSV: gene and diplotype (or"
            + " phenotype, activity_score, allele_status), optional test_date and lab; - reads standard input.")
    String input;

    @Option(names = "--pharmcat", paramLabel = "FILE", description = "The results from a PharmCAT output"
            + " (*.phenotype.json, *.report.json or outside-call TSV).")
    String pharmcat;

    @Option(names = "--fhir", paramLabel = "BUNDLE.json", description = "The results from a FHIR document (Genomics"
            + " Reporting).")
    String fhir;

    @Option(names = "--subject", paramLabel = "REF", description = "The patient (Patient/123) whose results to read"
            + " from a FHIR document with several.")
    String subject;

    @Option(names = "--out", paramLabel = "FILE|-", required = true, description = "Where to write the report; -"
            + " writes it to standard output.")
    String out;

    @Option(names = "--format", paramLabel = "html|pdf", description = "html or pdf (default: from the --out file's"
            + " extension).")
    String format;

    @Option(names = "--lang", paramLabel = "nb|en", description = "Language of the report (default nb, Bokmål).")
    String lang = "nb";

    @Option(names = "--patient", paramLabel = "NAME", description = "The patient's name or id as it should be printed.")
    String patient;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The report's date (default today).")
    String date;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final CliContext context;

    /** @param context streams and the engine */
    public ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String fmt = format();
        if (!lang.equals("nb") && !lang.equals("en")) {
            throw new UsageException("--lang is nb or en, not '" + lang + "'");
        }
        LocalDate day = date();
        int sources = (input != null ? 1 : 0) + (pharmcat != null ? 1 : 0) + (fhir != null ? 1 : 0);
        if (sources != 1) {
            throw new UsageException("give one of --input FILE.csv, --pharmcat FILE or --fhir BUNDLE.json");
        }
        if (subject != null && fhir == null) {
            throw new UsageException("--subject selects a patient of a FHIR document; use it with --fhir");
        }
        List<GeneInput> results;
        List<Problem> unread = new ArrayList<>();
        int errors;
        String name;
        try {
            if (input != null) {
                name = InputFiles.displayName(input);
                ResultTable.Read read = readTable();
                results = read.results();
                unread.addAll(read.problems());
                errors = read.problems().size();
                read.problems().forEach(p -> context.err().println("problem: " + p.message()));
            } else {
                ResultFile file = fhir != null ? ResultFile.fhir(fhir, subject) : ResultFile.pharmcat(pharmcat);
                name = file.name();
                file.tell(context.err());
                if (file.nothingRead()) {
                    file.tellNothingRead(context.err());
                    return 2;
                }
                results = file.results();
                unread.addAll(file.problems());
                unread.addAll(file.notes());
                errors = file.problems().size();
            }
        } catch (InputFiles.UnreadableInputException | ResultTable.UnusableException e) {
            context.err().println(e.getMessage());
            return 2;
        }
        if (results.isEmpty()) {
            context.err().println(name + ": no gene result could be read; no report was written");
            return 2;
        }
        Assessment a = context.engine().assess(AssessmentRequest.builder().results(results).build());
        PatientReport report = PatientReport.builder(a).language(lang).patient(patient).date(day).unread(unread)
                .build();
        byte[] bytes = fmt.equals("pdf") ? report.pdf() : report.html().getBytes(StandardCharsets.UTF_8);
        write(bytes);
        a.problems().forEach(p -> context.err().println("problem: " + p.message()));
        if (!out.equals("-")) {
            context.err().println("wrote " + out + " (" + fmt.toUpperCase(Locale.ROOT) + ", " + (lang.equals("en")
                    ? "English" : "Bokmål") + ")");
        }
        // the reader's notes are information; what could not be used is an input error
        return errors + a.problems().size() == 0 ? 0 : 1;
    }

    private ResultTable.Read readTable() throws InputFiles.UnreadableInputException, ResultTable.UnusableException {
        InputStream in = InputFiles.open(input, context.in());
        try {
            return ResultTable.read(input, in);
        } finally {
            InputFiles.closeQuietly(in);
        }
    }

    private String format() {
        if (format != null) {
            if (!format.equals("html") && !format.equals("pdf")) {
                throw new UsageException("--format is html or pdf, not '" + format + "'");
            }
            return format;
        }
        String lower = out.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "pdf";
        }
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return "html";
        }
        throw new UsageException("give --format html or pdf (the --out file's name does not say which)");
    }

    private LocalDate date() {
        if (date == null) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new UsageException("--date needs YYYY-MM-DD, not '" + date + "'");
        }
    }

    private void write(byte[] bytes) {
        if (out.equals("-")) {
            context.out().write(bytes, 0, bytes.length);
            context.out().flush();
            return;
        }
        try {
            Files.write(Path.of(out), bytes);
        } catch (IOException | InvalidPathException e) {
            throw new UsageException("--out: cannot write " + out + ": " + e.getMessage());
        }
    }
}
