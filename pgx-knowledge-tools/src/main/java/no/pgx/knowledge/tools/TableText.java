package no.pgx.knowledge.tools;

import java.util.List;

import no.pgx.knowledge.CsvTable;

/** Renders a knowledge table exactly as the shipped files are laid out: header lines, column record, data records. */
final class TableText {
    private TableText() {
    }

    /**
     * @param headerLines the {@code #} lines, verbatim (including the {@code #})
     * @param columns     the column names
     * @param rows        the records
     * @param eol         {@code \r\n} or {@code \n}; every line (the last included) ends with it
     * @return the file text
     */
    static String render(List<String> headerLines, List<String> columns, List<List<String>> rows, String eol) {
        StringBuilder b = new StringBuilder(64 * (rows.size() + headerLines.size() + 1));
        headerLines.forEach(h -> b.append(h).append(eol));
        b.append(CsvTable.formatRecord(columns)).append(eol);
        rows.forEach(r -> b.append(CsvTable.formatRecord(r)).append(eol));
        return b.toString();
    }
}
