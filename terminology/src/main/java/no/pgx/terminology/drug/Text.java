package no.pgx.terminology.drug;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text normalisation shared by every name look-up: lower case, accents removed (é → e, å → a), the Norwegian letters
 * ø → o and æ → ae, every run of characters that is not a letter or digit turned into one space. "Acetylsalisylsyre",
 * "ACETYLSALISYLSYRE " and "acetyl-salisylsyre" differ only where a hyphen splits the word.
 *
 * <p>Stateless and thread-safe; no regular expressions (this runs for every order line).
 */
final class Text {

    private Text() {
    }

    /** The normalised form of {@code s}: tokens joined by single spaces; empty for {@code null} or blank input. */
    static String normalize(String s) {
        return String.join(" ", tokens(s));
    }

    /** The normalised tokens of {@code s}, in order; empty for {@code null} or blank input. */
    static List<String> tokens(String s) {
        List<String> tokens = new ArrayList<>();
        if (s == null || s.isBlank()) {
            return tokens;
        }
        String decomposed = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'ø') {
                token.append('o');
            } else if (c == 'æ') {
                token.append("ae");
            } else if (c == 'ß') {
                token.append("ss");
            } else if (Character.isLetterOrDigit(c)) {
                token.append(c);
            } else if (token.length() > 0) {
                tokens.add(token.toString());
                token.setLength(0);
            }
        }
        if (token.length() > 0) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /** {@code s} upper-cased with all whitespace removed, for codes such as {@code "b01a c04"}; empty for null. */
    static String compactCode(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    /** Whether {@code code} has the shape of a 7-character ATC substance code (letter, 2 digits, 2 letters, 2 digits). */
    static boolean isAtcSubstanceShape(String code) {
        return code.length() == 7 && isAtcPrefix(code, 7);
    }

    /** Whether {@code code} has the shape of an ATC group code of level 1 to 4 ({@code N}, {@code N06}, {@code N06A}, {@code N06AB}). */
    static boolean isAtcGroupShape(String code) {
        int n = code.length();
        return (n == 1 || n == 3 || n == 4 || n == 5) && isAtcPrefix(code, n);
    }

    private static boolean isAtcPrefix(String code, int n) {
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z';
            boolean digit = c >= '0' && c <= '9';
            boolean wantLetter = i == 0 || i == 3 || i == 4;
            if (wantLetter ? !letter : !digit) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} is non-empty and only ASCII digits. */
    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
