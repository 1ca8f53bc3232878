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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.pgx.knowledge.CsvTable;

/**
 * The curation overlay directory ({@code pgx-knowledge/overlays}): import settings, the translation map from source
 * values to the project vocabulary, the derived tables' layout (line ends, header templates) and one overlay file
 * per derived table.
 */
final class OverlayDir {
    static final String SETTINGS = "import-settings.csv";
    static final String VOCABULARY_MAP = "vocabulary-map.csv";
    static final String TABLES = "tables.csv";
    static final String HEADERS = "headers";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z0-9-]+)\\.([a-z0-9-]+)}}");

    private final Path dir;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> lineEnds = new LinkedHashMap<>();
    private final Map<String, String> vocabulary = new LinkedHashMap<>();

    private OverlayDir(Path dir) {
        this.dir = dir;
    }

    /**
     * Reads the settings, the table layout and the translation map of an overlay directory.
     *
     * @throws CsvTable.MalformedCsvException when one of them is missing or malformed
     */
    static OverlayDir read(Path dir) {
        OverlayDir o = new OverlayDir(dir);
        for (CsvTable.Row r : table(dir.resolve(SETTINGS)).rows()) {
            o.settings.put(r.require("name"), r.get("value").trim());
        }
        for (CsvTable.Row r : table(dir.resolve(TABLES)).rows()) {
            String eol = r.require("line_end");
            if (!eol.equals("CRLF") && !eol.equals("LF")) {
                throw r.error("line_end must be CRLF or LF, not " + eol);
            }
            o.lineEnds.put(r.require("table"), eol.equals("CRLF") ? "\r\n" : "\n");
        }
        for (CsvTable.Row r : table(dir.resolve(VOCABULARY_MAP)).rows()) {
            String k = vocabularyKey(r.require("source"), r.require("field"), r.get("gene").trim(), r.get("source_value"));
            if (o.vocabulary.put(k, r.get("value")) != null) {
                throw r.error("a second translation for " + k);
            }
        }
        return o;
    }

    static CsvTable table(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CsvTable.MalformedCsvException(file.toString(), 0, "missing");
        }
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CsvTable.parse(file.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String vocabularyKey(String source, String field, String gene, String value) {
        return source + "\u001f" + field + "\u001f" + gene + "\u001f" + value;
    }

    /** @return the overlay directory */
    Path dir() {
        return dir;
    }

    /** @return the path of an overlay file in this directory */
    Path file(String name) {
        return dir.resolve(name);
    }

    /**
     * @param name setting name
     * @return its value
     * @throws IllegalArgumentException when the setting is absent
     */
    String setting(String name) {
        String v = settings.get(name);
        if (v == null) {
            throw new IllegalArgumentException(dir.resolve(SETTINGS) + ": no setting '" + name + "'");
        }
        return v;
    }

    /** @return a {@code |}-separated setting as a list (empty items dropped) */
    List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String s : setting(name).split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** @return an optional setting, or null */
    String optionalSetting(String name) {
        return settings.get(name);
    }

    /**
     * Translates a published value into the project vocabulary: a row for the source wins over a {@code *} row.
     *
     * @param source the publisher (CPIC, DPWG)
     * @param field  {@code key}, {@code population}, {@code strength}, {@code licence} …
     * @param gene   the gene for {@code key}, else empty
     * @param value  the published value
     * @return the project value, or null when the map has no translation
     */
    String translate(String source, String field, String gene, String value) {
        String v = vocabulary.get(vocabularyKey(source, field, gene, value));
        return v != null ? v : vocabulary.get(vocabularyKey("*", field, gene, value));
    }

    /** @return the line end of a derived table ({@code \r\n} or {@code \n}) */
    String lineEnd(String table) {
        String eol = lineEnds.get(table);
        if (eol == null) {
            throw new IllegalArgumentException(dir.resolve(TABLES) + ": no line_end for " + table);
        }
        return eol;
    }

    /** @return the derived tables listed in {@code tables.csv} */
    List<String> tables() {
        return List.copyOf(lineEnds.keySet());
    }

    /** @return the header template file of a derived table */
    Path headerTemplate(String table) {
        return dir.resolve(HEADERS).resolve(table.replace(".csv", ".txt"));
    }

    /**
     * Reads a table's header template and fills its {@code {{set.field}}} placeholders from the source manifest
     * (fields: {@code commit}, {@code short-commit}, {@code date}, {@code version}, {@code version-date},
     * {@code licence}, {@code folder}).
     *
     * @return the header lines, each starting with {@code #}
     * @throws IllegalArgumentException for a missing template, a line without {@code #} or an unknown placeholder
     */
    List<String> header(String table, SourceManifest manifest) {
        Path file = headerTemplate(table);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": no header template for " + table, e);
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("#")) {
                throw new IllegalArgumentException(file + ": every header line starts with '#': " + line);
            }
            Matcher m = PLACEHOLDER.matcher(line);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, Matcher.quoteReplacement(placeholder(manifest, m.group(1), m.group(2), file)));
            }
            m.appendTail(b);
            out.add(b.toString());
        }
        return out;
    }

    private static String placeholder(SourceManifest manifest, String set, String field, Path file) {
        SourceManifest.SetInfo info;
        try {
            info = manifest.info(set);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return switch (field) {
            case "commit" -> info.commit();
            case "short-commit" -> info.shortCommit();
            case "date" -> info.date();
            case "version" -> info.dataVersion();
            case "version-date" -> info.versionDate();
            case "licence" -> info.licence();
            case "folder" -> info.folder();
            default -> throw new IllegalArgumentException(file + ": unknown placeholder field '" + field + "'");
        };
    }
}
