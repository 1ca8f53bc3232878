package no.pgx.cli.phenotype;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.pgx.cli.CliContext;
import no.pgx.cli.input.InputFiles;
import no.pgx.cli.input.InputLine;
import no.pgx.cli.input.InputText;
import no.pgx.cli.input.LineSource;
import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.PgxException;
import no.pgx.engine.Provenance;
import no.pgx.knowledge.CsvTable;

/**
 * {@code phenotype --input FILE.csv|-}: reads CSV with header {@code gene,diplotype} (optional extra columns
 * {@code phenotype}, {@code activity_score}, {@code allele_status}), one record per line, and writes one output row
 * per record. Blank lines and lines starting with {@code #} are skipped; a byte-order mark at the start is ignored.
 * A row that cannot be read (not UTF-8, an open quote, a control character, the wrong number of fields) becomes an
 * {@code ERROR} row and the batch goes on.
 */
final class PhenotypeBatch {
    /** The columns read besides gene and diplotype, each passed to the engine when not blank. */
    private static final List<String> VALUE_COLUMNS = List.of("diplotype", "phenotype", "activity_score",
            "allele_status");

    private final CliContext context;
    private final String name;
    private Map<String, Integer> columns;
    private int errors;

    PhenotypeBatch(CliContext context, String input) {
        this.context = context;
        this.name = InputFiles.displayName(input);
    }

    /**
     * @return 0 when every row is {@code OK} or {@code INDETERMINATE}, 1 when any is {@code ERROR}, 2 when the input
     *         is unusable (no header, unreadable)
     */
    int run(InputStream in) {
        PrintStream err = context.err();
        LineSource lines = new LineSource(in);
        try {
            InputLine header = nextRecord(lines, true);
            if (header == null || !header.readable() || !readHeader(header.text())) {
                err.println(name + ": the first line must be the header gene,diplotype"
                        + (header != null && !header.readable() ? " (line " + header.number() + " is "
                        + header.problem() + ")" : ""));
                return 2;
            }
        } catch (IOException e) {
            err.println("Cannot read " + name + ": " + e.getMessage());
            return 2;
        }
        PgxEngine engine = context.engine();
        Writer w = new BufferedWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8), 1 << 16);
        try {
            PhenotypeRow.write(w, PhenotypeRow.HEADER);
            try {
                InputLine line;
                while ((line = nextRecord(lines, false)) != null) {
                    PhenotypeRow.write(w, row(engine, line));
                }
            } catch (IOException e) {
                String message = "Cannot read " + name + " after line " + lines.lineNumber() + ": " + e.getMessage();
                PhenotypeRow.write(w, error("", "", message));
                w.flush();
                err.println(message);
                return 2;
            }
            w.flush();
        } catch (IOException e) {
            err.println("Cannot write the output: " + e.getMessage());
            return 2;
        }
        return errors == 0 ? 0 : 1;
    }

    /**
     * @param first true for the header: a byte-order mark before it is dropped (spreadsheets write one)
     * @return the next line that is a record (not empty, not a comment) or cannot be read, or null at the end
     */
    private static InputLine nextRecord(LineSource lines, boolean first) throws IOException {
        while (true) {
            InputLine line = lines.next();
            if (line == null || !line.readable()) {
                return line;
            }
            if (first && line.number() == 1 && line.text().startsWith("\uFEFF")) {
                line = new InputLine(1, line.text().substring(1), null);
            }
            if (!line.text().isEmpty() && !line.text().startsWith("#")) {
                return line;
            }
        }
    }

    private boolean readHeader(String text) {
        List<String> fields;
        try {
            fields = CsvTable.splitLine(text);
        } catch (CsvTable.MalformedCsvException e) {
            return false;
        }
        columns = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            columns.putIfAbsent(fields.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        return columns.containsKey("gene") && columns.containsKey("diplotype");
    }

    private List<String> row(PgxEngine engine, InputLine line) {
        if (!line.readable()) {
            return error("", "", "line " + line.number() + ": " + line.problem());
        }
        List<String> f;
        try {
            f = CsvTable.splitLine(line.text());
        } catch (CsvTable.MalformedCsvException e) {
            return error("", "", "line " + line.number() + ": " + e.problem());
        }
        String gene = field(f, "gene");
        String diplotype = field(f, "diplotype");
        if (f.size() != columns.size() && !(f.size() > columns.size() && tailIsEmpty(f))) {
            return error(gene, diplotype, "line " + line.number() + ": " + f.size() + " fields, the header has "
                    + columns.size() + " (quote values that contain commas)");
        }
        String problem = controlCharacters(f);
        if (problem != null) {
            return error(InputText.visible(gene), InputText.visible(diplotype), "line " + line.number() + ": " + problem);
        }
        try {
            GeneResult r = engine.call(new GeneInput(gene == null ? "" : gene, diplotype, field(f, "phenotype"),
                    field(f, "activity_score"), field(f, "allele_status"), Provenance.UNKNOWN));
            return PhenotypeRow.of(gene, diplotype, r);
        } catch (PgxException e) {
            return error(gene, diplotype, e.getMessage());
        } catch (RuntimeException e) {
            return error(gene, diplotype, "line " + line.number() + ": unexpected error: " + e);
        }
    }

    private String controlCharacters(List<String> f) {
        String problem = InputText.controlCharacterProblem("gene", field(f, "gene"));
        for (int i = 0; problem == null && i < VALUE_COLUMNS.size(); i++) {
            problem = InputText.controlCharacterProblem(VALUE_COLUMNS.get(i), field(f, VALUE_COLUMNS.get(i)));
        }
        return problem;
    }

    private boolean tailIsEmpty(List<String> f) {
        return f.subList(columns.size(), f.size()).stream().allMatch(String::isBlank);
    }

    /** @return the column's value: gene and diplotype as written, other columns null when blank */
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
        return PhenotypeRow.error(gene, diplotype, message);
    }
}
