package no.pgx.terminology.drug;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Klopidogrél;klopidogrel",
        "  ACETYLSALISYLSYRE ;acetylsalisylsyre",
        "Øyedråper;oyedraper",
        "Ærfugl;aerfugl",
        "St John's wort;st john s wort",
        "clopidogrel 75 MG Oral Tablet;clopidogrel 75 mg oral tablet",
        "5-FU;5 fu",
    })
    void normalizesCaseAccentsNorwegianLettersAndPunctuation(String in, String expected) {
        assertThat(Text.normalize(in)).isEqualTo(expected);
    }

    @Test
    void nullAndBlankNormalizeToEmpty() {
        assertThat(Text.normalize(null)).isEmpty();
        assertThat(Text.normalize(" \t")).isEmpty();
        assertThat(Text.tokens("/-/")).isEmpty();
    }

    @Test
    void atcShapes() {
        assertThat(Text.isAtcSubstanceShape(Text.compactCode(" b01a c04 "))).isTrue();
        assertThat(Text.isAtcSubstanceShape("B01AC4X")).isFalse();
        assertThat(Text.isAtcGroupShape("N06AB")).isTrue();
        assertThat(Text.isAtcGroupShape("N06A")).isTrue();
        assertThat(Text.isAtcGroupShape("ASA")).isFalse();
        assertThat(Text.isDigits("309362")).isTrue();
        assertThat(Text.isDigits("3093a2")).isFalse();
    }
}
