package no.pgx.terminology.drug;

import no.pgx.knowledge.CsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the test oracles (copies of the team reference tables) and the bundled tables for table-driven tests. */
final class Oracle {

    private static final Pattern COMBINATION = Pattern.compile("([A-Z]\\d\\d[A-Z][A-Z]\\d\\d)\\s*(?:\\((.*)\\))?.*");

    private Oracle() {
    }

    /** A test-resource table next to the tests. */
    static CsvTable testTable(String name) {
        return read(name, Oracle.class.getResourceAsStream(name));
    }

    /** A bundled production table. */
    static CsvTable bundledTable(String name) {
        return CatalogTables.table(name);
    }

    static Stream<CsvTable.Row> rows(CsvTable table) {
        return table.rows().stream();
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split("\\|")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** An ATC combination entry of the reference {@code atc_combinations} column. */
    record Combination(String atc, String label) {
    }

    static List<Combination> combinations(String column) {
        List<Combination> out = new ArrayList<>();
        for (String part : split(column)) {
            Matcher m = COMBINATION.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a combination entry: " + part);
            }
            out.add(new Combination(m.group(1), Objects.requireNonNullElse(m.group(2), "")));
        }
        return out;
    }

    /** Legacy ATC codes the reference names in {@code routes_note} ("legacy ATC in EMA list: A|B"). */
    static List<String> legacyCodes(String routesNote) {
        Matcher m = Pattern.compile("legacy ATC in EMA list: ([A-Z0-9|]+)").matcher(routesNote);
        return m.find() ? split(m.group(1)) : List.of();
    }

    private static CsvTable read(String name, InputStream in) {
        Objects.requireNonNull(in, "missing resource " + name);
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CsvTable.parse(name, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
