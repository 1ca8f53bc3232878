package no.pgx.cli.input;

/**
 * One line of a batch input file.
 *
 * @param number  line number, 1-based
 * @param text    the line decoded as UTF-8 without its line terminator; null when it could not be read as text
 * @param problem why the line could not be read as text (invalid UTF-8, too long); null when {@code text} is set
 */
public record InputLine(int number, String text, String problem) {
    /** @return true when the line was read as text */
    public boolean readable() {
        return text != null;
    }

    /** @return true when the line is text that is empty or only white space */
    public boolean blank() {
        return text != null && text.isBlank();
    }
}
