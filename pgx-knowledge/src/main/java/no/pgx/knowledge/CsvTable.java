package no.pgx.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A small RFC 4180 CSV table with {@code #} header lines, used for the versioned knowledge files of this project.
 *
 * <p>File layout: optional {@code # key: value} lines (source, version, licence …) kept as {@link #metadata()}, then one
 * header record naming the columns, then data records. Fields may be quoted ({@code "a, b"}, {@code "say ""x"""}) and
 * quoted fields may span lines. Blank lines are skipped; a line starting with {@code #} between records is a comment.
 * A UTF-8 byte order mark is ignored.
 *
 * <p>Instances are immutable and thread-safe. Reading fails with {@link MalformedCsvException}, whose message names the
 * resource and the line.
 */
public final class CsvTable {
    private final String name;
    private final List<String> headerLines;
    private final Map<String, String> metadata;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final List<Row> rows;

    private CsvTable(String name, List<String> headerLines, List<String> columns, Map<String, Integer> index,
                     List<Row> rows) {
        this.name = name;
        this.headerLines = List.copyOf(headerLines);
        this.metadata = parseMetadata(headerLines);
        this.columns = List.copyOf(columns);
        this.index = index;
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads a classpath resource (UTF-8).
     *
     * @param resource    absolute resource name without leading slash, e.g. {@code no/pgx/knowledge/genetics/genes.csv}
     * @param classLoader the loader to read it from; not null
     * @return the table, never null
     * @throws MalformedCsvException when the resource is missing or malformed (message names resource and line)
     */
    public static CsvTable readResource(String resource, ClassLoader classLoader) {
        Objects.requireNonNull(resource, "resource");
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new MalformedCsvException(resource, 0, "resource not found on the class path");
            }
            return parse(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /**
     * Reads a classpath resource (UTF-8) with the class loader of this class (the one that loaded pgx-knowledge).
     *
     * @param resource absolute resource name without leading slash, e.g. {@code no/pgx/knowledge/genetics/genes.csv}
     * @return the table, never null
     * @throws MalformedCsvException when the resource is missing or malformed (message names resource and line)
     * @see #readResource(String, ClassLoader)
     */
    public static CsvTable readResource(String resource) {
        return readResource(resource, CsvTable.class.getClassLoader());
    }

    /**
     * Parses a table from a reader. Every data record must have as many fields as the header.
     *
     * @param name   name used in error messages (resource or file name); not null
     * @param reader the text; not null; not closed by this method
     * @return the table, never null
     * @throws MalformedCsvException when the text is malformed
     */
    public static CsvTable parse(String name, Reader reader) {
        RecordReader records = new RecordReader(name, reader);
        List<String> headerLines = new ArrayList<>();
        Record header = records.next(headerLines);
        if (header == null) {
            throw new MalformedCsvException(name, records.line(), "no header record");
        }
        List<String> columns = new ArrayList<>();
        for (String c : header.fields()) {
            String col = c.trim();
            if (col.isEmpty() || columns.contains(col)) {
                throw new MalformedCsvException(name, header.line(), "empty or duplicate column name '" + col + "'");
            }
            columns.add(col);
        }
        Map<String, Integer> idx = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            idx.put(columns.get(i), i);
        }
        Map<String, Integer> index = Collections.unmodifiableMap(idx);
        List<Row> rows = new ArrayList<>();
        Record r;
        while ((r = records.next(null)) != null) {
            if (r.fields().size() != columns.size()) {
                throw new MalformedCsvException(name, r.line(),
                        "record has " + r.fields().size() + " fields, the header has " + columns.size());
            }
            rows.add(new Row(r.line(), r.fields(), name, index));
        }
        return new CsvTable(name, headerLines, columns, index, rows);
    }

    /**
     * Opens a lenient record-by-record reader (no column count check), for user input such as command-line batch files.
     * Lines starting with {@code #} before the first record are skipped.
     *
     * @param name   name used in error messages
     * @param reader the text; not closed by the returned reader, which reads ahead of the record it returns
     * @return a reader of raw records; not thread-safe
     */
    public static RecordReader records(String name, Reader reader) {
        return new RecordReader(name, reader);
    }

    /**
     * Formats one CSV record (without line terminator), quoting fields that contain a comma, quote, CR or LF, or that
     * start or end with a space.
     *
     * @param fields the field values; a null field is written as empty
     * @return the record text
     */
    public static String formatRecord(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendField(sb, fields.get(i));
        }
        return sb.toString();
    }

    private static void appendField(StringBuilder sb, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
        if (!quote) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** @return the name given when reading (resource or file name) */
    public String name() {
        return name;
    }

    /** @return the {@code #} lines before the header, without the leading {@code #} and trimmed */
    public List<String> headerLines() {
        return headerLines;
    }

    /**
     * The {@code # key: value} header lines as a map with lower-case keys ({@code source}, {@code version},
     * {@code licence} …), in file order.
     *
     * @return the metadata, unmodifiable; empty when the file has no such line. A key given on several lines maps to
     *         the values joined with a space
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * @param key metadata key (case-insensitive)
     * @return the value, or null when absent
     */
    public String metadata(String key) {
        return metadata.get(key.toLowerCase(Locale.ROOT));
    }

    /** @return the column names in file order */
    public List<String> columns() {
        return columns;
    }

    /**
     * @param column the column name, exact (case-sensitive, as trimmed from the header)
     * @return true when the table has the column
     */
    public boolean hasColumn(String column) {
        return index.containsKey(column);
    }

    /** @return the data rows in file order */
    public List<Row> rows() {
        return rows;
    }

    private static Map<String, String> parseMetadata(List<String> lines) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (!key.isEmpty() && key.indexOf(' ') < 0) {
                    map.merge(key, line.substring(colon + 1).trim(), (a, b) -> a + " " + b);
                }
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** One data row; immutable. Values are accessed by column name. */
    public static final class Row {
        private final int line;
        private final List<String> fields;
        private final String tableName;
        private final Map<String, Integer> index;

        private Row(int line, List<String> fields, String tableName, Map<String, Integer> index) {
            this.line = line;
            this.fields = List.copyOf(fields);
            this.tableName = tableName;
            this.index = index;
        }

        /** @return line number (1-based) where the record starts */
        public int line() {
            return line;
        }

        /**
         * @param column the column name, exact (case-sensitive, as trimmed from the header)
         * @return true when the row's table has the column
         */
        public boolean hasColumn(String column) {
            return index.containsKey(column);
        }

        /** @return the raw field values in column order */
        public List<String> fields() {
            return fields;
        }

        /**
         * @param column the column name
         * @return the field value (never null; empty when the field is empty)
         * @throws IllegalArgumentException for an unknown column
         */
        public String get(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException(tableName + ": no column '" + column + "' (columns: "
                        + index.keySet() + ")");
            }
            return fields.get(i);
        }

        /**
         * @param column the column name
         * @return the trimmed value, or null when it is empty or only blanks
         * @throws IllegalArgumentException for an unknown column
         */
        public String getOrNull(String column) {
            String v = get(column).trim();
            return v.isEmpty() ? null : v;
        }

        /**
         * @param column the column name
         * @return a value that must be present, trimmed
         * @throws IllegalArgumentException for an unknown column
         * @throws MalformedCsvException naming the resource, line and column when the field is empty
         */
        public String require(String column) {
            String v = getOrNull(column);
            if (v == null) {
                throw new MalformedCsvException(tableName, line, "empty value in column '" + column + "'");
            }
            return v;
        }

        /**
         * Creates (does not throw) an error for this row, for the caller to throw.
         *
         * @param problem what is wrong, e.g. {@code shown must be yes or no, not maybe}
         * @return an error naming this row's resource and line
         */
        public MalformedCsvException error(String problem) {
            return new MalformedCsvException(tableName, line, problem);
        }

        @Override
        public String toString() {
            return tableName + ":" + line + " " + fields;
        }
    }

    /**
     * A raw CSV record.
     *
     * @param line   line number (1-based) where the record starts
     * @param fields the field values
     */
    public record Record(int line, List<String> fields) {
        /**
         * Keeps an unmodifiable copy of {@code fields}.
         *
         * @param line   line number (1-based) where the record starts
         * @param fields the field values
         * @throws NullPointerException when {@code fields} is null or holds null
         */
        public Record {
            fields = List.copyOf(fields);
        }
    }

    /**
     * Splits one line of CSV into its fields, with the same field rules as the tables ({@code "a, b"},
     * {@code "say ""x"""}). For line-oriented input (one record per line, such as the command line's batch files): a
     * quoted value cannot span lines, so a quote left open is this line's error and never swallows the lines after it.
     * A line starting with {@code #} is a field like any other here.
     *
     * @param line one line without its terminator; not null
     * @return the fields, at least one
     * @throws MalformedCsvException (resource {@code "line"}, line 0) for a quoted field not closed on the line or text
     *                               after a closing quote; {@link MalformedCsvException#problem()} says which
     */
    public static List<String> splitLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"' && field.length() == 0) {
                i = quotedOnLine(line, i + 1, field);
                if (i < n && line.charAt(i) != ',') {
                    throw new MalformedCsvException("line", 0, "unexpected character '" + line.charAt(i)
                            + "' after a closing quote");
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
            i++;
        }
        fields.add(field.toString());
        return fields;
    }

    /** Reads a quoted value from {@code i} (after the opening quote); @return the index after the closing quote */
    private static int quotedOnLine(String line, int i, StringBuilder field) {
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c != '"') {
                field.append(c);
            } else if (i < line.length() && line.charAt(i) == '"') {
                field.append('"');
                i++;
            } else {
                return i;
            }
        }
        throw new MalformedCsvException("line", 0, "quoted field is not closed on its line (a value cannot span lines)");
    }

    /** Reads raw records one by one. Not thread-safe. */
    public static final class RecordReader {
        private final String name;
        private final Reader reader;
        /** Characters read ahead from {@link #reader}; a character at a time through a Reader is slow, cold or warm. */
        private final char[] buffer = new char[8192];
        private int position;
        private int limit;
        private int line = 1;
        private int peeked = -2;
        private boolean started;

        private RecordReader(String name, Reader reader) {
            this.name = Objects.requireNonNull(name, "name");
            this.reader = Objects.requireNonNull(reader, "reader");
        }

        /** @return the current line number (1-based) */
        public int line() {
            return line;
        }

        /**
         * @return the next record, or null at the end of the input
         * @throws MalformedCsvException for an unterminated quoted field or text after a closing quote
         */
        public Record next() {
            return next(null);
        }

        Record next(List<String> comments) {
            while (true) {
                int c = peek();
                if (c == -1) {
                    return null;
                }
                if (c == '\uFEFF' && !started) {
                    read();
                    continue;
                }
                started = true;
                if (c == '\r' || c == '\n') {
                    readLineEnd();
                    continue;
                }
                if (c == '#') {
                    String comment = readCommentLine();
                    if (comments != null) {
                        comments.add(comment.substring(1).trim());
                    }
                    continue;
                }
                return readRecord();
            }
        }

        private Record readRecord() {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                int c = peek();
                if (c == '"' && field.length() == 0) {
                    read();
                    readQuoted(field, start);
                    c = peek();
                    if (c != ',' && c != '\r' && c != '\n' && c != -1) {
                        throw new MalformedCsvException(name, line, "unexpected character '" + (char) c
                                + "' after a closing quote (record starting at line " + start + ")");
                    }
                    continue;
                }
                if (c == ',') {
                    read();
                    fields.add(field.toString());
                    field.setLength(0);
                    continue;
                }
                if (c == '\r' || c == '\n' || c == -1) {
                    fields.add(field.toString());
                    if (c != -1) {
                        readLineEnd();
                    }
                    return new Record(start, fields);
                }
                field.append((char) read());
            }
        }

        private void readQuoted(StringBuilder field, int start) {
            while (true) {
                int c = read();
                if (c == -1) {
                    throw new MalformedCsvException(name, start, "quoted field is not closed before the end of the input");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                        continue;
                    }
                    return;
                }
                if (c == '\n') {
                    line++;
                } else if (c == '\r') {
                    if (peek() == '\n') {
                        read();
                        field.append('\r');
                        c = '\n';
                    }
                    line++;
                }
                field.append((char) c);
            }
        }

        private String readCommentLine() {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = peek()) != -1 && c != '\r' && c != '\n') {
                sb.append((char) read());
            }
            if (c != -1) {
                readLineEnd();
            }
            return sb.toString();
        }

        private void readLineEnd() {
            int c = read();
            if (c == '\r' && peek() == '\n') {
                read();
            }
            line++;
        }

        private int peek() {
            if (peeked == -2) {
                peeked = readRaw();
            }
            return peeked;
        }

        private int read() {
            int c = peek();
            peeked = -2;
            return c;
        }

        private int readRaw() {
            if (position == limit) {
                try {
                    int n;
                    do {
                        n = reader.read(buffer, 0, buffer.length);
                    } while (n == 0);
                    if (n < 0) {
                        return -1;
                    }
                    position = 0;
                    limit = n;
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + name + " at line " + line, e);
                }
            }
            return buffer[position++];
        }
    }

    /** Malformed CSV input or a missing resource; the message names the resource (or file) and the line. */
    public static final class MalformedCsvException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** Resource or file name. */
        private final String resource;
        /** 1-based line number, 0 when not applicable. */
        private final int line;
        /** What is wrong, without resource and line. */
        private final String problem;

        /**
         * @param resource resource or file name
         * @param line     1-based line number, 0 when not applicable
         * @param problem  what is wrong
         */
        public MalformedCsvException(String resource, int line, String problem) {
            super(resource + (line > 0 ? ":" + line : "") + ": " + problem);
            this.resource = resource;
            this.line = line;
            this.problem = problem;
        }

        /** @return what is wrong, without the resource name and line number */
        public String problem() {
            return problem;
        }

        /** @return the resource or file name */
        public String resource() {
            return resource;
        }

        /** @return the 1-based line number, 0 when not applicable */
        public int line() {
            return line;
        }
    }
}
