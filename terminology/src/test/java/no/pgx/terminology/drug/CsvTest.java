package no.pgx.terminology.drug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static Csv.Table read(String text) throws IOException {
        return Csv.read("t.csv", new StringReader(text));
    }

    @Test
    void commentLinesBeforeTheHeaderAreProvenance() throws IOException {
        Csv.Table t = read("# source: somewhere\n# version: 1\na,b\n1,2\n");
        assertThat(t.comments()).containsExactly("# source: somewhere", "# version: 1");
        assertThat(t.header()).containsExactly("a", "b");
        assertThat(t.rows()).singleElement().satisfies(r -> {
            assertThat(r.get("a")).isEqualTo("1");
            assertThat(r.get("b")).isEqualTo("2");
        });
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
        Csv.Table t = read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
        Csv.Row r = t.rows().get(0);
        assertThat(r.get("a")).isEqualTo("x, y");
        assertThat(r.get("b")).isEqualTo("say \"hi\"");
        assertThat(r.get("c")).isEqualTo("two\nlines");
    }

    @Test
    void missingTrailingFieldsAreEmptyAndBlankLinesAreSkipped() throws IOException {
        Csv.Table t = read("a,b,c\n1\n\n2,,3");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).get("c")).isEmpty();
        assertThat(t.rows().get(1).get("c")).isEqualTo("3");
        assertThat(t.rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void tooManyFieldsNamesTheLine() {
        assertThatThrownBy(() -> read("a,b\n1,2\n1,2,3\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.csv line 3");
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> read("a\n\"open\n")).hasMessageContaining("unterminated");
    }
}
