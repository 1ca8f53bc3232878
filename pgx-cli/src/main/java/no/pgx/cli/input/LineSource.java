package no.pgx.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a batch input as lines, each decoded as UTF-8 on its own, so that one undecodable line (Latin-1, binary data)
 * is that line's problem and the lines after it are still read. Lines end at {@code \n}, {@code \r\n} or {@code \r}
 * (as {@link java.io.BufferedReader#readLine()}); a final line without terminator counts, an empty one after the last
 * terminator does not. A line longer than {@link #MAX_LINE_BYTES} is skipped up to its end and reported, which bounds
 * memory whatever the input holds. Not thread-safe; the caller closes the
 * stream.
 */
public final class LineSource {
    /** Longest line read as text; a case or a CSV row is a few kilobytes at most. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean skipNewline;
    private int number;
    private byte[] line = new byte[256];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** @param in the input, read from its current position; buffered here, so a plain stream will do */
    public LineSource(InputStream in) {
        this.in = in;
    }

    /** @return the number of the last line returned (0 before the first) */
    public int lineNumber() {
        return number;
    }

    /**
     * @return the next line, or null at the end of the input
     * @throws IOException when the input cannot be read further
     */
    public InputLine next() throws IOException {
        int length = 0;
        long total = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            byte b = buffer[position++];
            if (skipNewline) {
                skipNewline = false;
                if (b == '\n') {
                    continue;
                }
            }
            any = true;
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                skipNewline = true;
                break;
            }
            total++;
            if (total <= MAX_LINE_BYTES) {
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
                }
                line[length++] = b;
            }
        }
        number++;
        if (total > MAX_LINE_BYTES) {
            return new InputLine(number, null, "longer than " + MAX_LINE_BYTES + " bytes; not read");
        }
        return decode(length);
    }

    private InputLine decode(int length) {
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        utf8.reset();
        CoderResult result = utf8.decode(bytes, chars, true);
        if (!result.isError()) {
            result = utf8.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            return new InputLine(number, null, String.format(Locale.ROOT,
                    "not UTF-8 text (byte 0x%02X at byte %d of the line); save the file as UTF-8", line[at] & 0xff,
                    at + 1));
        }
        chars.flip();
        return new InputLine(number, chars.toString(), null);
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
