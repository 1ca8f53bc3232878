package no.pgx.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static CsvTable parse(String text) {
        return CsvTable.parse("test.csv", new StringReader(text));
    }

    @Test
    void keepsHeaderLinesAsMetadataAndReadsQuotedFields() {
        CsvTable t = parse("\uFEFF# source: CPIC\n# version: 2025-11-05\n# licence: CC0 1.0\n"
                + "gene,allele,note\r\n"
                + "DPYD,\"c.1129-5923C>G, c.1236G>A (HapB3)\",\"say \"\"hi\"\"\"\r\n"
                + "\n"
                + "CYP2D6,*1,\"two\nlines\"\n"
                + "CYP2D6,*4,\n");
        assertThat(t.metadata()).containsEntry("source", "CPIC").containsEntry("version", "2025-11-05")
                .containsEntry("licence", "CC0 1.0");
        assertThat(t.metadata("Licence")).isEqualTo("CC0 1.0");
        assertThat(t.columns()).containsExactly("gene", "allele", "note");
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0).get("allele")).isEqualTo("c.1129-5923C>G, c.1236G>A (HapB3)");
        assertThat(t.rows().get(0).get("note")).isEqualTo("say \"hi\"");
        assertThat(t.rows().get(1).get("note")).isEqualTo("two\nlines");
        assertThat(t.rows().get(1).line()).isEqualTo(7);
        assertThat(t.rows().get(2).line()).isEqualTo(9);
        assertThat(t.rows().get(2).getOrNull("note")).isNull();
    }

    @Test
    void wrongFieldCountNamesResourceAndLine() {
        assertThatThrownBy(() -> parse("# source: x\na,b\n1,2\n3\n"))
                .isInstanceOf(CsvTable.MalformedCsvException.class)
                .hasMessageContaining("test.csv:4")
                .hasMessageContaining("1 fields");
    }

    @Test
    void unterminatedQuoteNamesLineWhereRecordStarts() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3,\"open\n\n"))
                .isInstanceOf(CsvTable.MalformedCsvException.class)
                .hasMessageContaining("test.csv:3")
                .hasMessageContaining("not closed");
    }

    @Test
    void textAfterClosingQuoteIsAnError() {
        assertThatThrownBy(() -> parse("a,b\n\"x\"y,2\n"))
                .isInstanceOf(CsvTable.MalformedCsvException.class)
                .hasMessageContaining("test.csv:2");
    }

    @Test
    void missingResourceIsNamed() {
        assertThatThrownBy(() -> CsvTable.readResource("no/such/file.csv"))
                .isInstanceOf(CsvTable.MalformedCsvException.class)
                .hasMessageContaining("no/such/file.csv");
    }

    @Test
    void requireNamesColumnAndLine() {
        CsvTable t = parse("a,b\n1,\n");
        assertThatThrownBy(() -> t.rows().get(0).require("b"))
                .hasMessageContaining("test.csv:2").hasMessageContaining("'b'");
    }

    @Test
    void formatRecordQuotesWhatNeedsQuotingAndRoundTrips() {
        List<String> fields = Arrays.asList("DPYD", "c.1129-5923C>G, c.1236G>A (HapB3)/Reference", "a \"b\"", "", null,
                "x\ny");
        String line = CsvTable.formatRecord(fields);
        assertThat(line).isEqualTo("DPYD,\"c.1129-5923C>G, c.1236G>A (HapB3)/Reference\",\"a \"\"b\"\"\",,,\"x\ny\"");
        CsvTable.RecordReader r = CsvTable.records("round", new StringReader(line + "\n"));
        List<String> expected = new ArrayList<>(fields);
        expected.set(4, "");
        assertThat(r.next().fields()).isEqualTo(expected);
        assertThat(r.next()).isNull();
    }

    @Test
    void splitLineReadsOneLineWithTheTableFieldRules() {
        assertThat(CsvTable.splitLine("CYP2D6,*1/*4")).containsExactly("CYP2D6", "*1/*4");
        assertThat(CsvTable.splitLine("DPYD,\"c.1129-5923C>G, c.1236G>A (HapB3)/Reference\""))
                .containsExactly("DPYD", "c.1129-5923C>G, c.1236G>A (HapB3)/Reference");
        assertThat(CsvTable.splitLine("a,\"say \"\"x\"\"\",")).containsExactly("a", "say \"x\"", "");
        assertThat(CsvTable.splitLine("")).containsExactly("");
        assertThat(CsvTable.splitLine(" \"a\"")).containsExactly(" \"a\"");
        assertThat(CsvTable.splitLine("# not a comment here")).containsExactly("# not a comment here");
    }

    @Test
    void splitLineRefusesAQuoteLeftOpenOnItsLineAndTextAfterAClosingQuote() {
        assertThatThrownBy(() -> CsvTable.splitLine("DPYD,\"Reference/c.61C>T"))
                .isInstanceOfSatisfying(CsvTable.MalformedCsvException.class,
                        e -> assertThat(e.problem()).contains("not closed on its line"));
        assertThatThrownBy(() -> CsvTable.splitLine("\"a\"b,c"))
                .isInstanceOfSatisfying(CsvTable.MalformedCsvException.class,
                        e -> assertThat(e.problem()).isEqualTo("unexpected character 'b' after a closing quote"));
    }
}
