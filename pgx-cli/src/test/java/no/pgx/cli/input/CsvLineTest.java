package no.pgx.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvLineTest {
    @Test
    void splitsOnCommasAndReadsQuotedValues() throws CsvLine.MalformedLineException {
        assertThat(CsvLine.fields("CYP2D6,*1/*4")).containsExactly("CYP2D6", "*1/*4");
        assertThat(CsvLine.fields("DPYD,\"c.1129-5923C>G, c.1236G>A (HapB3)/Reference\""))
                .containsExactly("DPYD", "c.1129-5923C>G, c.1236G>A (HapB3)/Reference");
        assertThat(CsvLine.fields("a,\"say \"\"x\"\"\",")).containsExactly("a", "say \"x\"", "");
        assertThat(CsvLine.fields("")).containsExactly("");
        assertThat(CsvLine.fields(" \"a\"")).containsExactly(" \"a\"");
    }

    @Test
    void aQuoteLeftOpenIsAnErrorOfItsLineOnly() {
        assertThatThrownBy(() -> CsvLine.fields("DPYD,\"Reference/c.61C>T"))
                .isInstanceOf(CsvLine.MalformedLineException.class).hasMessageContaining("not closed");
        assertThatThrownBy(() -> CsvLine.fields("\"a\"b,c"))
                .isInstanceOf(CsvLine.MalformedLineException.class).hasMessageContaining("'b' after a closing quote");
    }
}
