package no.pgx.knowledge.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.pgx.knowledge.CsvTable;

/**
 * A curation overlay file: a CSV (LF line ends) whose rows are keyed by the source's stable row id (one or more key
 * columns) and hold what people decided about that row. Read through the project's one CSV reader; written with its
 * record formatter. Mutable, not thread-safe.
 */
final class OverlayFile {
    private final List<String> header;
    private final List<String> columns;
    private final List<String> keyColumns;
    private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();

    /**
     * @param header     the {@code #} lines describing the file (without the {@code #})
     * @param columns    all columns, key columns first
     * @param keyColumns the columns that together identify a row
     */
    OverlayFile(List<String> header, List<String> columns, List<String> keyColumns) {
        this.header = List.copyOf(header);
        this.columns = List.copyOf(columns);
        this.keyColumns = List.copyOf(keyColumns);
    }

    /**
     * Reads an overlay; a missing file gives an empty overlay with the given layout.
     *
     * @throws CsvTable.MalformedCsvException when the file lacks a column or repeats a key
     */
    static OverlayFile read(Path file, List<String> header, List<String> columns, List<String> keyColumns) {
        OverlayFile o = new OverlayFile(header, columns, keyColumns);
        if (!Files.isRegularFile(file)) {
            return o;
        }
        CsvTable t;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            t = CsvTable.parse(file.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        for (String c : columns) {
            if (!t.hasColumn(c)) {
                throw new CsvTable.MalformedCsvException(file.toString(), 0, "no column '" + c + "'");
            }
        }
        for (CsvTable.Row r : t.rows()) {
            Map<String, String> row = new LinkedHashMap<>();
            columns.forEach(c -> row.put(c, r.get(c)));
            if (o.rows.put(o.keyOf(row), row) != null) {
                throw r.error("a second row for " + o.keyOf(row));
            }
        }
        return o;
    }

    /** @return the key of a row: its key column values joined by {@code |} */
    String keyOf(Map<String, String> row) {
        List<String> parts = new ArrayList<>();
        keyColumns.forEach(c -> parts.add(row.getOrDefault(c, "")));
        return String.join("|", parts);
    }

    /** @return the row with this key (key column values joined by {@code |}), or null */
    Map<String, String> get(String key) {
        return rows.get(key);
    }

    /** @return every row in file order; the maps are live */
    List<Map<String, String>> rows() {
        return new ArrayList<>(rows.values());
    }

    /** Adds a row or replaces the row with the same key (keeping its position). */
    void put(Map<String, String> row) {
        Map<String, String> copy = new LinkedHashMap<>();
        columns.forEach(c -> copy.put(c, row.getOrDefault(c, "")));
        rows.put(keyOf(copy), copy);
    }

    /** Removes the row with this key, if any. */
    void remove(String key) {
        rows.remove(key);
    }

    /** @return the columns */
    List<String> columns() {
        return columns;
    }

    /** Writes the overlay (UTF-8, LF), creating parent directories. */
    void write(Path file) {
        StringBuilder b = new StringBuilder();
        header.forEach(h -> b.append('#').append(h.isEmpty() ? "" : " " + h).append('\n'));
        b.append(CsvTable.formatRecord(columns)).append('\n');
        for (Map<String, String> row : rows.values()) {
            List<String> fields = new ArrayList<>();
            columns.forEach(c -> fields.add(row.get(c)));
            b.append(CsvTable.formatRecord(fields)).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
