package no.pgx.cli.input;

import java.util.Locale;

/** Checks on text taken from the user's input before it reaches the engine. */
public final class InputText {
    private InputText() {
    }

    /**
     * Finds the first character that cannot be part of a gene result as written: a control character (such as NUL,
     * TAB, ESC), an invisible format character (such as a byte-order mark, a zero-width space or a bidirectional
     * override) or a line or paragraph separator. The engine trims white space, so without this check
     * {@code *2/*2} followed by U+0001 would silently
     * read as {@code *2/*2}.
     *
     * @param s the text; may be null
     * @return the index of the first such character, or -1 when there is none (or {@code s} is null)
     */
    public static int controlCharacter(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param what what the text is, e.g. {@code "CYP2D6 diplotype"}
     * @param s    the text
     * @return a message naming the first control character in {@code s} (see {@link #controlCharacter}), or null
     */
    public static String controlCharacterProblem(String what, String s) {
        int i = controlCharacter(s);
        if (i < 0) {
            return null;
        }
        return what + " contains a control character (" + codePoint(s.charAt(i)) + "); remove it";
    }

    /**
     * @param s the text; may be null
     * @return {@code s} with every control character (see {@link #controlCharacter}) replaced by U+FFFD, so that it can
     *         be echoed in output without carrying the character itself
     */
    public static String visible(String s) {
        if (controlCharacter(s) < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(isControl(c) ? '\uFFFD' : c);
        }
        return b.toString();
    }

    /** @return {@code U+XXXX} for the character */
    public static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    private static boolean isControl(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
