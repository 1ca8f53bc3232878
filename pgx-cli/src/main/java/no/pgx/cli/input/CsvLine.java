package no.pgx.cli.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of CSV into fields: comma-separated, a field may be quoted ({@code "a, b"}, {@code "say ""x"""}).
 * A record is one line: a quoted value cannot span lines, so a quote left open is that line's error and never swallows
 * the lines after it. Same field rules as the knowledge tables' reader ({@code no.pgx.knowledge.CsvTable}).
 */
public final class CsvLine {
    private CsvLine() {
    }

    /** A line that is not well-formed CSV; the message says what is wrong, without the line number. */
    public static final class MalformedLineException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedLineException(String message) {
            super(message);
        }
    }

    /**
     * @param line one line without its terminator; not null
     * @return the fields, at least one
     * @throws MalformedLineException for a quoted field not closed on the line or text after a closing quote
     */
    public static List<String> fields(String line) throws MalformedLineException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"' && field.length() == 0) {
                i = quoted(line, i + 1, field);
                if (i < n && line.charAt(i) != ',') {
                    throw new MalformedLineException("unexpected character '" + line.charAt(i)
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
    private static int quoted(String line, int i, StringBuilder field) throws MalformedLineException {
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
        throw new MalformedLineException("quoted field is not closed on its line (a value cannot span lines)");
    }
}
