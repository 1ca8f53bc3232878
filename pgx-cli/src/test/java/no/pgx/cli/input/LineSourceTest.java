package no.pgx.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineSourceTest {
    private static List<InputLine> lines(byte[] bytes) throws IOException {
        return lines(new ByteArrayInputStream(bytes));
    }

    private static List<InputLine> lines(InputStream in) throws IOException {
        LineSource source = new LineSource(in);
        List<InputLine> out = new ArrayList<>();
        InputLine line;
        while ((line = source.next()) != null) {
            out.add(line);
        }
        return out;
    }

    @Test
    void linesEndAtLfCrLfOrCrAndKeepTheirNumbers() throws IOException {
        List<InputLine> lines = lines("a\nb\r\nc\rd\n\ne".getBytes());
        assertThat(lines).extracting(InputLine::text).containsExactly("a", "b", "c", "d", "", "e");
        assertThat(lines).extracting(InputLine::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(lines("a\n".getBytes())).extracting(InputLine::text).containsExactly("a");
        assertThat(lines(new byte[0])).isEmpty();
    }

    @Test
    void anUndecodableLineIsThatLinesProblemAndTheNextLinesAreRead() throws IOException {
        byte[] latin1 = {'o', 'k', '\n', 'b', (byte) 0xF8, 'r', '\n', 'n', 'e', 'x', 't', '\n'};
        List<InputLine> lines = lines(latin1);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).readable()).isFalse();
        assertThat(lines.get(1).problem()).contains("not UTF-8").contains("0xF8").contains("byte 2");
        assertThat(lines.get(2).text()).isEqualTo("next");
    }

    @Test
    void aTruncatedUtf8SequenceAtTheEndOfALineIsAProblem() throws IOException {
        byte[] cut = {'x', (byte) 0xE2, (byte) 0x89, '\n', 'y'};
        List<InputLine> lines = lines(cut);
        assertThat(lines.get(0).readable()).isFalse();
        assertThat(lines.get(1).text()).isEqualTo("y");
    }

    @Test
    void multiByteCharactersAcrossTheReadBufferAreDecoded() throws IOException {
        byte[] big = new byte[(1 << 16) - 1];
        Arrays.fill(big, (byte) 'a');
        byte[] withGe = Arrays.copyOf(big, big.length + 4);
        System.arraycopy("≥\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, withGe, big.length, 4);
        List<InputLine> lines = lines(withGe);
        assertThat(lines).singleElement().satisfies(l -> assertThat(l.text()).endsWith("a≥"));
    }

    @Test
    void anOverlongLineIsSkippedToItsEndSoTheNextLineIsRead() throws IOException {
        byte[] longLine = new byte[LineSource.MAX_LINE_BYTES + 10];
        Arrays.fill(longLine, (byte) 'x');
        byte[] input = Arrays.copyOf(longLine, longLine.length + 6);
        System.arraycopy("\nnext\n".getBytes(), 0, input, longLine.length, 6);
        List<InputLine> lines = lines(input);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).problem()).contains("longer than");
        assertThat(lines.get(1).text()).isEqualTo("next");
    }
}
