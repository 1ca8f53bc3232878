package no.pgx.engine.phenoconversion;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import no.pgx.engine.PgxException;

/**
 * A small versioned knowledge table read from the class path: {@code #} header lines (with {@code key: value}
 * metadata such as {@code version}), one column-header line, then comma-separated rows (RFC 4180 quoting). Parsing is
 * done by the project's one CSV reader, {@link no.pgx.knowledge.CsvTable}; this view adds required-column checks and
 * reports every problem as a {@link PgxException} naming the resource and line. Immutable once read.
 */
final class KnowledgeTable {
    private final no.pgx.knowledge.CsvTable table;
    private final List<Row> rows;

    private KnowledgeTable(no.pgx.knowledge.CsvTable table) {
        this.table = table;
        this.rows = table.rows().stream().map(r -> new Row(table.name(), r)).toList();
    }

    /** One data row with its line number, for error messages. */
    static final class Row {
        private final String resource;
        private final no.pgx.knowledge.CsvTable.Row row;

        private Row(String resource, no.pgx.knowledge.CsvTable.Row row) {
            this.resource = resource;
            this.row = row;
        }

        int line() {
            return row.line();
        }

        /** @return the trimmed value of a column, never null (empty when blank) */
        String get(String column) {
            return row.get(column).trim();
        }

        /** @return the value, or throws naming the resource, line and column when it is blank */
        String required(String column) {
            String v = get(column);
            if (v.isEmpty()) {
                throw fail("column '" + column + "' is empty");
            }
            return v;
        }

        PgxException fail(String message) {
            return new PgxException(null, null, resource + " line " + row.line() + ": " + message);
        }
    }

    /**
     * Reads a table from the class path.
     *
     * @throws PgxException when the resource is missing or malformed (the message names the resource and line)
     */
    static KnowledgeTable read(ClassLoader loader, String resource, List<String> requiredColumns) {
        no.pgx.knowledge.CsvTable table;
        try {
            table = no.pgx.knowledge.CsvTable.readResource(resource, loader);
        } catch (no.pgx.knowledge.CsvTable.MalformedCsvException e) {
            throw translate(e);
        }
        for (String column : requiredColumns) {
            if (!table.hasColumn(column)) {
                throw new PgxException(null, null, resource + ": missing column '" + column + "'");
            }
        }
        return new KnowledgeTable(table);
    }

    /** Splits one CSV line; quoted fields may contain commas and doubled quotes. */
    static List<String> split(String resource, int number, String line) {
        try {
            no.pgx.knowledge.CsvTable.Record record =
                    no.pgx.knowledge.CsvTable.records(resource, new StringReader(line)).next();
            return record == null ? List.of("") : record.fields();
        } catch (no.pgx.knowledge.CsvTable.MalformedCsvException e) {
            throw new PgxException(null, null, resource + " line " + number + ": " + e.getMessage());
        }
    }

    private static PgxException translate(no.pgx.knowledge.CsvTable.MalformedCsvException e) {
        String where = e.line() > 0 ? e.resource() + " line " + e.line() : e.resource();
        return new PgxException(null, null, "Knowledge table " + where + ": " + e.getMessage());
    }

    String resource() {
        return table.name();
    }

    /** @return the value of a {@code # key: value} header line, or throws when absent */
    String requiredMetadata(String key) {
        String v = table.metadata(key);
        if (v == null || v.isBlank()) {
            throw new PgxException(null, null, table.name() + ": missing '# " + key + ":' header line");
        }
        return v;
    }

    Map<String, String> metadata() {
        return table.metadata();
    }

    List<String> columns() {
        return table.columns();
    }

    List<Row> rows() {
        return rows;
    }
}
