package no.pgx.engine.phenoconversion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.pgx.engine.PgxException;

/**
 * A small versioned knowledge table read from the class path: {@code #} header lines (with {@code key: value}
 * metadata such as {@code version}), one column-header line, then comma-separated rows (RFC 4180 quoting, one line per
 * row). Immutable once read.
 */
final class CsvTable {
    private static final Pattern META = Pattern.compile("^#\\s*([A-Za-z][\\w-]*):\\s*(.*)$");

    private final String resource;
    private final Map<String, String> metadata;
    private final List<String> columns;
    private final List<Row> rows;

    private CsvTable(String resource, Map<String, String> metadata, List<String> columns, List<Row> rows) {
        this.resource = resource;
        this.metadata = Collections.unmodifiableMap(metadata);
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    /** One data row with its line number, for error messages. */
    record Row(String resource, int line, Map<String, String> values) {
        /** @return the trimmed value of a column, never null (empty when blank) */
        String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v.trim();
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
            return new PgxException(null, null, resource + " line " + line + ": " + message);
        }
    }

    /**
     * Reads a table from the class path.
     *
     * @throws PgxException when the resource is missing or malformed (the message names the resource and line)
     */
    static CsvTable read(ClassLoader loader, String resource, List<String> requiredColumns) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new PgxException(null, null, "Knowledge table not found on the class path: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(resource, reader, requiredColumns);
        } catch (IOException e) {
            throw new PgxException("Cannot read knowledge table " + resource, e);
        }
    }

    private static CsvTable parse(String resource, BufferedReader reader, List<String> requiredColumns)
            throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher m = META.matcher(line);
                if (m.matches()) {
                    metadata.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2).trim());
                }
                continue;
            }
            List<String> fields = split(resource, number, line);
            if (columns == null) {
                columns = fields.stream().map(String::trim).toList();
                checkColumns(resource, columns, requiredColumns);
                continue;
            }
            if (fields.size() != columns.size()) {
                throw new PgxException(null, null, resource + " line " + number + ": expected " + columns.size()
                        + " fields, found " + fields.size());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i), fields.get(i));
            }
            rows.add(new Row(resource, number, Collections.unmodifiableMap(values)));
        }
        if (columns == null) {
            throw new PgxException(null, null, resource + ": no column header line");
        }
        return new CsvTable(resource, metadata, columns, rows);
    }

    private static void checkColumns(String resource, List<String> columns, List<String> required) {
        for (String column : required) {
            if (!columns.contains(column)) {
                throw new PgxException(null, null, resource + ": missing column '" + column + "'");
            }
        }
    }

    /** Splits one CSV line; quoted fields may contain commas and doubled quotes. */
    static List<String> split(String resource, int number, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new PgxException(null, null, resource + " line " + number + ": unterminated quoted field");
        }
        fields.add(field.toString());
        return fields;
    }

    String resource() {
        return resource;
    }

    /** @return the value of a {@code # key: value} header line, or throws when absent */
    String requiredMetadata(String key) {
        String v = metadata.get(key);
        if (v == null || v.isBlank()) {
            throw new PgxException(null, null, resource + ": missing '# " + key + ":' header line");
        }
        return v;
    }

    Map<String, String> metadata() {
        return metadata;
    }

    List<String> columns() {
        return columns;
    }

    List<Row> rows() {
        return rows;
    }
}
