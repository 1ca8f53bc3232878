package no.pgx.cli.report;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import no.pgx.cli.input.InputFiles;
import no.pgx.cli.input.InputText;
import no.pgx.engine.GeneInput;
import no.pgx.engine.Problem;
import no.pgx.engine.Provenance;
import no.pgx.knowledge.CsvTable;

/**
 * {@code report --input FILE.csv|-}: one patient's results as CSV, header {@code gene} and at least one of
 * {@code diplotype}, {@code phenotype}, {@code activity_score}, {@code allele_status}; optional {@code test_date}
 * (YYYY-MM-DD) and {@code lab}. The header of {@code phenotype --input} ({@code gene,diplotype}) is enough. A row that
 * cannot be used is a problem naming its line and field; the other rows are read.
 */
final class ResultTable {
    private static final List<String> VALUES = List.of("diplotype", "phenotype", "activity_score", "allele_status");

    /** The rows read, and what was wrong with the others. */
    record Read(List<GeneInput> results, List<Problem> problems) {
    }

    /** A file that is not a result table at all (no header, wrong header, not UTF-8, malformed CSV). */
    static final class UnusableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnusableException(String message) {
            super(message);
        }
    }

    private ResultTable() {
    }

    static Read read(String name, InputStream in) throws UnusableException {
        String shown = InputFiles.displayName(name);
        CsvTable table;
        try {
            table = CsvTable.parse(shown, new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        } catch (CsvTable.MalformedCsvException e) {
            throw new UnusableException("Cannot read " + shown + ": " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new UnusableException("Cannot read " + shown + ": not UTF-8 text (" + e.getCause().getMessage() + ")");
        }
        if (!table.hasColumn("gene") || VALUES.stream().noneMatch(table::hasColumn)) {
            throw new UnusableException("Cannot read " + shown + ": the header needs 'gene' and one of " + VALUES
                    + " (e.g. gene,diplotype), not " + table.columns());
        }
        List<GeneInput> results = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String where = shown + " line " + row.line();
            String gene = value(row, "gene");
            String problem = controlCharacters(row, table.columns());
            if (problem != null) {
                problems.add(new Problem(gene, null, where + ": " + problem));
                continue;
            }
            if (gene == null) {
                problems.add(new Problem(null, "gene", where + ": no gene"));
                continue;
            }
            String diplotype = value(row, "diplotype");
            String phenotype = value(row, "phenotype");
            String score = value(row, "activity_score");
            String status = value(row, "allele_status");
            if (diplotype == null && phenotype == null && score == null && status == null) {
                problems.add(new Problem(gene, "diplotype", where + ": no result for " + gene));
                continue;
            }
            LocalDate date = null;
            String dateText = value(row, "test_date");
            if (dateText != null) {
                try {
                    date = LocalDate.parse(dateText);
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(gene, "test_date", where + ": test_date '" + dateText
                            + "' is not a date YYYY-MM-DD; " + gene + " was not read"));
                    continue;
                }
            }
            results.add(new GeneInput(gene, diplotype, phenotype, score, status,
                    new Provenance(shown + ":" + row.line(), date, value(row, "lab"), List.of())));
        }
        return new Read(results, problems);
    }

    private static String value(CsvTable.Row row, String column) {
        return row.hasColumn(column) ? row.getOrNull(column) : null;
    }

    private static String controlCharacters(CsvTable.Row row, List<String> columns) {
        for (String c : columns) {
            String problem = InputText.controlCharacterProblem(c, row.get(c));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
