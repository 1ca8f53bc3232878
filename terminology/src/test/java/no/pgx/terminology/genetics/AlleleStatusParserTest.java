package no.pgx.terminology.genetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlleleStatusParserTest {
    private final GeneRegistry genes = GeneRegistry.loadDefault();
    private final AlleleStatusParser parser = new AlleleStatusParser(PhenotypeVocabulary.loadDefault());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "*57:01 positive|*57:01 positive",
            "HLA-B*57:01 positive|*57:01 positive",
            "HLA-B*57:01:01 pos|*57:01 positive",
            "*5701 detected|*57:01 positive",
            "*57:01 not detected|*57:01 negative",
            "*57:01 ikke påvist|*57:01 negative",
            "*57:01 påvist|*57:01 positive",
            "*57:01 Negative|*57:01 negative",
            "*57:01 non-carrier|*57:01 negative",
            "positive|positive",
            // IMGT/HLA G and P groups name the two-field allele they start with
            "HLA-B*57:01:01G positive|*57:01 positive",
            "HLA-B*57:01P positive|*57:01 positive",
            "*15:02:01G negative|*15:02 negative",
    })
    void readsStatus(String text, String expected) {
        List<AlleleStatus> s = parser.parse(genes.require("HLA-B"), text, "alleleStatus");
        assertThat(s).hasSize(1);
        assertThat(s.get(0).toString()).isEqualTo(expected);
    }

    @Test
    void readsSeveralItems() {
        assertThat(parser.parse(genes.require("HLA-B"), "*57:01 positive; *58:01 negative, *15:02 neg", "alleleStatus"))
                .extracting(AlleleStatus::toString)
                .containsExactly("*57:01 positive", "*58:01 negative", "*15:02 negative");
    }

    @Test
    void badItemsAreNamed() {
        assertThatThrownBy(() -> parser.parse(genes.require("HLA-B"), "*57:01 maybe", "alleleStatus"))
                .isInstanceOf(NotationException.class).hasMessageContaining("HLA-B")
                .hasMessageContaining("'*57:01 maybe'");
        assertThatThrownBy(() -> parser.parse(genes.require("HLA-B"), "HLA-A*31:01 positive", "alleleStatus"))
                .isInstanceOf(NotationException.class).hasMessageContaining("HLA-A");
    }

    @Test
    void recognisesStatusText() {
        assertThat(parser.looksLikeStatus("*57:01 positive")).isTrue();
        assertThat(parser.looksLikeStatus("*57:01/*08:01")).isFalse();
    }
}
