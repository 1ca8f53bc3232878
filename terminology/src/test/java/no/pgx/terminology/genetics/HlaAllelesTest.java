package no.pgx.terminology.genetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.pgx.terminology.genetics.HlaAlleles.Presence;
import no.pgx.terminology.genetics.HlaAlleles.Typing;

class HlaAllelesTest {
    private static final GeneRegistry GENES = GeneRegistry.loadDefault();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "*57:01|*57:01",
            "HLA-B*57:01:01|*57:01",
            "HLA-B*57:01:01:02|*57:01",
            // G and P groups are named after their first allele: they are that two-field allele
            "HLA-B*57:01:01G|*57:01",
            "B*57:01P|*57:01",
            "*15:02:01G|*15:02",
            "*5701|*57:01",
            "HLA-B*15:101|*15:101",
            // a null allele is not the expressed allele
            "HLA-B*51:11N|*51:11N",
    })
    void allelesAreReadAtTwoFields(String written, String expected) {
        assertThat(HlaAlleles.twoField(GENES.require("HLA-B"), written)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}: *57:01 {2}")
    @CsvSource(delimiter = ';', value = {
            // the issue's own example: a G-group genotype that carries *57:01
            "HLA-B;hla#3.23.0#HLA-B*15:01:01G+HLA-B*57:01:01G;PRESENT;*15:01/*57:01",
            "HLA-B;HLA-B*57:01:01G+HLA-B*57:01:02;PRESENT;*57:01/*57:01",
            "HLA-B;*57:01/*08:01;PRESENT;*57:01/*08:01",
            "HLA-B;hla#3.23.0#HLA-B*44:02:01G+HLA-B*08:01:01G;ABSENT;*44:02/*08:01",
            // '/' inside a GL String is ambiguity: an ambiguous typing that includes *57:01 is not negative
            "HLA-B;HLA-B*57:01:01G/HLA-B*57:03:01+HLA-B*08:01:01G;UNKNOWN;",
            // alternatives that all reduce to *57:01 are not ambiguous at two fields
            "HLA-B;HLA-B*57:01:01/HLA-B*57:01:02+HLA-B*08:01;PRESENT;*57:01/*08:01",
            // every alternative genotype carries it
            "HLA-B;HLA-B*57:01+HLA-B*08:01|HLA-B*57:01+HLA-B*44:02;PRESENT;",
            "HLA-B;HLA-B*57:01+HLA-B*08:01|HLA-B*07:02+HLA-B*44:02;UNKNOWN;",
            // one allele named: present when it is *57:01, unknown otherwise
            "HLA-B;HLA-B*57:01:01G;PRESENT;",
            "HLA-B;HLA-B*44:02:01G;UNKNOWN;",
            // a multilocus GL String: only the HLA-B part counts
            "HLA-B;HLA-A*01:01:01G+HLA-A*02:01^HLA-B*57:01:01G+HLA-B*08:01;PRESENT;*57:01/*08:01",
            "HLA-B;HLA-A*01:01~HLA-B*57:01+HLA-A*02:01~HLA-B*08:01;PRESENT;*57:01/*08:01",
    })
    void typingsShowTheRiskAllele(String gene, String typing, Presence expected, String diplotype) {
        Typing t = HlaAlleles.typing(GENES.require(gene), typing, "value");
        assertThat(t.presence("*57:01")).isEqualTo(expected);
        assertThat(t.diplotype().orElse(null)).isEqualTo(diplotype);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "HLA-B*57:01+HLA-B*08:01+HLA-B*44:02;joins 3 alleles",
            "*57:01/*08:01/*44:02;3 alleles",
            "HLA-B*57+HLA-B*08:01;one field only",
            "HLA-A*31:01+HLA-A*02:01;names no HLA-B allele",
            "HLA-B*57:XX+HLA-B*08:01;not an HLA allele",
    })
    void badTypingsNameTheProblem(String typing, String message) {
        assertThatThrownBy(() -> HlaAlleles.typing(GENES.require("HLA-B"), typing, "value"))
                .isInstanceOf(NotationException.class).hasMessageContaining("HLA-B").hasMessageContaining(message);
    }
}
