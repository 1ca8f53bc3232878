package no.pgx.terminology.genetics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GeneRegistryTest {
    private final GeneRegistry registry = GeneRegistry.loadDefault();

    @ParameterizedTest
    @CsvSource({"CYP2D6,CYP2D6", "cyp2d6,CYP2D6", "HLA-B,HLA-B", "hla-b,HLA-B", "hla_b,HLA-B", "IL28B,IFNL3",
            "mt-rnr1,MT-RNR1", "' Cyp2C19 ',CYP2C19"})
    void findsGenesCaseInsensitively(String written, String symbol) {
        assertThat(registry.require(written).symbol()).isEqualTo(symbol);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CYP2D6", "CYP2C19", "CYP2C9", "CYP2B6", "CYP3A4", "CYP3A5", "DPYD", "TPMT", "NUDT15",
            "SLCO1B1", "UGT1A1", "ABCG2", "VKORC1", "CYP4F2", "NAT2", "CACNA1S", "RYR1", "MT-RNR1", "G6PD", "IFNL3",
            "CFTR", "HLA-A", "HLA-B"})
    void knowsEveryGeneOfThePanel(String symbol) {
        assertThat(registry.find(symbol)).isPresent();
    }

    @Test
    void methodsComeFromTheTable() {
        assertThat(registry.require("CYP2D6").method()).isEqualTo(CallingMethod.ACTIVITY_SCORE);
        assertThat(registry.require("CYP2D6").allowsCopyNumber()).isTrue();
        assertThat(registry.require("CYP2C19").method()).isEqualTo(CallingMethod.FUNCTION_COMBINATION);
        assertThat(registry.require("CYP2C19").allowsCopyNumber()).isFalse();
        assertThat(registry.require("HLA-B").method()).isEqualTo(CallingMethod.ALLELE_STATUS);
        assertThat(registry.require("MT-RNR1").ploidy()).isEqualTo(1);
    }

    @Test
    void unknownGeneIsNamed() {
        assertThatThrownBy(() -> registry.require("CYP9Z9"))
                .isInstanceOfSatisfying(NotationException.class, e -> {
                    assertThat(e.field()).isEqualTo("gene");
                    assertThat(e.token()).isEqualTo("CYP9Z9");
                })
                .hasMessageContaining("Unknown gene 'CYP9Z9'");
        assertThatThrownBy(() -> registry.require(" ")).isInstanceOf(NotationException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void tableStatesSourceVersionAndLicence() {
        assertThat(registry.table().metadata()).containsKeys("source", "version", "licence");
    }
}
