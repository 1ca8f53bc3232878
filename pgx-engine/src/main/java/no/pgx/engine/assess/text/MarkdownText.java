package no.pgx.engine.assess.text;

/**
 * How a value from the caller's input (a laboratory name, a diplotype as written) enters the Markdown of a finding's
 * detail: so that it renders as itself, never as markup, HTML or a link. Stateless.
 */
public final class MarkdownText {
    /** Characters that start or end Markdown or HTML constructs (including autolinks such as {@code http:}). */
    private static final String ACTIVE = "\\`*_[]<>#|~!{}&:";

    private MarkdownText() {
    }

    /** @return the text with active characters backslash-escaped, line breaks and controls as spaces; "" for null */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if (ACTIVE.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '.' && i >= 3 && value.regionMatches(true, i - 3, "www", 0, 3)) {
                out.append("\\.");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
