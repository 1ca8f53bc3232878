package no.pgx.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultTextTest {

    @ParameterizedTest(name = "[{0}] {1} -> [{2}]")
    @CsvSource(delimiter = ';', value = {
            "CYP2D6*1/*4; CYP2D6; *1/*4",
            "CYP2D6*1/CYP2D6*4; CYP2D6; *1/*4",
            "cyp2c19 *2/*2; CYP2C19; *2/*2",
            "CYP2C19: Poor metabolizer; CYP2C19; Poor metabolizer",
            "VKORC1 rs9923231 C/T; VKORC1; rs9923231 C/T",
            "VKORC1 -1639G>A A/A; VKORC1; -1639G>A A/A",
            "VKORC1: -1639 GA; VKORC1; -1639 GA",
            "CYP2C19 - Poor metabolizer; CYP2C19; Poor metabolizer",
            "HLA-B*57:01 positive; HLA-B; *57:01 positive",
            "*1/*17; CYP2C19; *1/*17",
            "CYP2C9 *1/*2; CYP2C19; CYP2C9 *1/*2",
    })
    void stripsOnlyTheResultsOwnGene(String text, String gene, String expected) {
        assertThat(ResultText.stripGene(text, gene)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "Positive; true", "present; true", "Detected; true", "påvist; true", "positiv; true",
            "Negative; false", "absent; false", "Not detected; false", "ikke påvist; false", "non-carrier; false",
            "HLA-B*57:01; ", "*1/*2; ",
    })
    void readsPresenceWordsNegativeFirst(String text, Boolean expected) {
        assertThat(ResultText.presence(text)).isEqualTo(expected);
    }
}
