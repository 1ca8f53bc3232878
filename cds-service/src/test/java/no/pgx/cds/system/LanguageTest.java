package no.pgx.cds.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    private static Language language(String configured) {
        return new Language(new CdsProperties(configured, new CdsProperties.Cards("info", "https://x", "PGx", java.util.List.of(), "", "", false),
                new CdsProperties.Cors(List.of(), 0)));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "NULL, nb, nb",
        "'', nb, nb",
        "en, nb, en",
        "en-GB, nb, en",
        "'nb-NO,en;q=0.5', en, nb",
        "'no', en, nb",
        "'nn-NO', en, nb",
        "'de-DE,en;q=0.8', nb, en",
        "'de-DE', nb, nb",
        "'de-DE', en, en",
        "'en;q=0, nb', en, nb",
        "'*', en, en",
        "';;;garbage', nb, nb",
        "NULL, xx, nb",
    })
    void picksTheLanguage(String header, String configured, String expected) {
        assertThat(language(configured).resolve(header)).isEqualTo(expected);
    }
}
