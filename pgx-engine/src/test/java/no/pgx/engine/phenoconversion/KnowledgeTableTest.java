package no.pgx.engine.phenoconversion;

import static no.pgx.engine.phenoconversion.ModulatorTableTest.serving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.pgx.engine.PgxException;

class CsvTableTest {
    @Test
    void splitsQuotedFields() {
        assertThat(KnowledgeTable.split("t", 1, "a,\"b, c\",\"say \"\"hi\"\"\",,"))
                .containsExactly("a", "b, c", "say \"hi\"", "", "");
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> KnowledgeTable.split("t.csv", 7, "a,\"b"))
                .isInstanceOf(PgxException.class).hasMessageContaining("t.csv line 7");
    }

    @Test
    void readsMetadataAndRows() {
        String csv = "# source: somewhere\n# version: v1\n#   continued: not metadata of interest\nx,y\n1,2\n\n3,4\n";

        KnowledgeTable t = KnowledgeTable.read(serving("t.csv", csv), "t.csv", List.of("x", "y"));

        assertThat(t.requiredMetadata("version")).isEqualTo("v1");
        assertThat(t.rows()).extracting(r -> r.get("y")).containsExactly("2", "4");
        assertThat(t.rows().get(1).line()).isEqualTo(7);
    }

    @Test
    void wrongFieldCountNamesTheLine() {
        assertThatThrownBy(() -> KnowledgeTable.read(serving("t.csv", "x,y\n1,2,3\n"), "t.csv", List.of("x")))
                .isInstanceOf(PgxException.class).hasMessageContaining("t.csv line 2");
    }

    @Test
    void missingResourceIsNamed() {
        assertThatThrownBy(() -> KnowledgeTable.read(getClass().getClassLoader(), "nope.csv", List.of()))
                .isInstanceOf(PgxException.class).hasMessageContaining("nope.csv");
    }
}
