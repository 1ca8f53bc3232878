package no.pgx.cds.hooks;

/**
 * The one way a value from the request (a laboratory name, a diplotype as written, a warning quoting it) enters card
 * Markdown: as text that renders as itself, never as markup, HTML or a link. Stateless.
 */
public final class Markdown {
    /** Characters that start or end Markdown or HTML constructs (including autolinks {@code http:} and {@code www.}). */
    private static final String ACTIVE = "\\`*_[]<>#|~!{}&:";

    private Markdown() {
    }

    /**
     * @param value text from outside the service, or null
     * @return the text with every active character backslash-escaped and line breaks and control characters turned
     *         into spaces (a value cannot start a new block); empty for null
     */
    public static String text(String value) {
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
            } else if (c == '.' && i > 0 && value.regionMatches(true, i - 3, "www", 0, 3)) {
                out.append("\\."); // www.example.org would be linked by GFM
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param value text from outside the service (a star-allele diplotype such as {@code *2/*2}), or null
     * @return a code span showing the text literally: fenced by more backticks than the longest run inside it, line
     *         breaks and control characters as spaces
     */
    public static String code(String value) {
        String v = value == null ? "" : value.replaceAll("[\\p{Cntrl}\u2028\u2029]", " ");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < v.length(); i++) {
            run = v.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = longest > 0 || v.startsWith(" ") || v.endsWith(" ");
        return fence + (pad ? " " : "") + v + (pad ? " " : "") + fence;
    }
}
