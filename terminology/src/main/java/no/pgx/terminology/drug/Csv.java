package no.pgx.terminology.drug;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal RFC 4180 reader for the bundled tables: comma separated, fields optionally quoted with {@code "}, a doubled
 * quote inside a quoted field is one quote, quoted fields may span lines, LF or CRLF line ends. Lines that start with
 * {@code #} before the header row are provenance comments: they are collected, not parsed.
 *
 * <p>Not thread-safe; use one instance per table.
 */
final class Csv {

    /** One data row, addressed by header name. */
    record Row(int line, Map<String, String> fields) {
        /** The field value, or the empty string when the column is missing or empty. */
        String get(String column) {
            String value = fields.get(column);
            return value == null ? "" : value.trim();
        }
    }

    /** A parsed table: provenance comment lines, the header and the rows. */
    record Table(String name, List<String> comments, List<String> header, List<Row> rows) {
    }

    private final String name;
    private final Reader in;
    private int line = 1;
    private int pushback = -2;

    private Csv(String name, Reader in) {
        this.name = name;
        this.in = in;
    }

    /**
     * Reads a whole table.
     *
     * @throws IOException              when the reader fails
     * @throws IllegalArgumentException when a row is malformed (unterminated quote, more fields than the header)
     */
    static Table read(String name, Reader reader) throws IOException {
        return new Csv(name, reader).table();
    }

    private Table table() throws IOException {
        List<String> comments = new ArrayList<>();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        while (true) {
            int first = peek();
            if (first == -1) {
                break;
            }
            if (header == null && first == '#') {
                comments.add(restOfLine());
                continue;
            }
            int startLine = line;
            List<String> record = record();
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // blank line
            }
            if (header == null) {
                header = List.copyOf(record);
                continue;
            }
            if (record.size() > header.size()) {
                throw new IllegalArgumentException(name + " line " + startLine + ": " + record.size()
                        + " fields but the header has " + header.size());
            }
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < record.size(); i++) {
                fields.put(header.get(i), record.get(i));
            }
            rows.add(new Row(startLine, Map.copyOf(fields)));
        }
        if (header == null) {
            throw new IllegalArgumentException(name + ": no header row");
        }
        return new Table(name, List.copyOf(comments), header, List.copyOf(rows));
    }

    private List<String> record() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        int startLine = line;
        while (true) {
            int c = next();
            if (c == -1) {
                if (quoted) {
                    throw new IllegalArgumentException(name + " line " + startLine + ": unterminated quoted field");
                }
                fields.add(field.toString());
                return fields;
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        next();
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    field.append((char) c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n') {
                fields.add(field.toString());
                return fields;
            } else if (c == '\r') {
                if (peek() == '\n') {
                    next();
                }
                fields.add(field.toString());
                return fields;
            } else if (c == '"' && field.length() == 0 && !afterQuote) {
                quoted = true;
            } else {
                field.append((char) c);
            }
        }
    }

    private String restOfLine() throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = next()) != -1 && c != '\n') {
            if (c != '\r') {
                text.append((char) c);
            }
        }
        return text.toString();
    }

    private int peek() throws IOException {
        if (pushback == -2) {
            pushback = in.read();
        }
        return pushback;
    }

    private int next() throws IOException {
        int c = peek();
        pushback = -2;
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
